//! A decision file as blocks in reading order: paragraphs and tables.

/// A decision file as a sequence of blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// A paragraph or a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A paragraph outside any table. `line` is its position in the document:
/// paragraphs and table rows are numbered together, 1-based, in reading order
/// (for a CSV or sheet, the physical line or sheet row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub line: u64,
}

/// A table; `number` is 1-based among the document's tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub number: u32,
    pub rows: Vec<Row>,
    /// A layout table without borders (a decision's header or signature block).
    pub borderless: bool,
}

/// A table row and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<Cell>,
}

/// One grid position. Merged cells are resolved to a rectangular grid: the
/// top-left cell of a merge holds the text, the positions it covers are
/// `Merge::Left` (covered by a horizontal merge) or `Merge::Above` (covered by
/// a vertical merge) with empty text, exactly as a spreadsheet saves merged cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub merge: Merge,
}

/// How a grid position is covered by a merged cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    #[default]
    None,
    Left,
    Above,
}
