//! A decision file as blocks in reading order: paragraphs and tables.
//!
//! Every reader of decision files (Word documents, CSV, workbooks) can give
//! its content in this one shape, so that finding the header, the section
//! headings and the procedure rows is written once.

/// A decision file as a sequence of blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Paragraphs and tables, in the order a reader meets them.
    pub blocks: Vec<Block>,
}

/// One block of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph outside any table.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

/// A paragraph outside any table. `line` is its position in the document:
/// paragraphs and table rows are numbered together, 1-based, in reading order
/// (for a CSV or sheet, the physical line / sheet row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, NFC, without leading or trailing blanks; line breaks as `\n`.
    pub text: String,
    /// Position in the document (see the type's documentation).
    pub line: u64,
}

/// A table; `number` is 1-based among the document's tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// 1-based among the document's tables.
    pub number: u32,
    /// The rows, every one as wide as the widest (the grid is rectangular).
    pub rows: Vec<Row>,
    /// A layout table without visible borders, such as the header block or
    /// the signature block of a decision.
    pub borderless: bool,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Position in the document, numbered together with paragraphs.
    pub line: u64,
    /// One cell per grid position.
    pub cells: Vec<Cell>,
}

/// One grid position. Merged cells are resolved to a rectangular grid: the
/// top-left cell of a merge holds the text, the positions it covers are
/// `Merge::Left` (covered by a horizontal merge) or `Merge::Above` (covered by a
/// vertical merge) with empty text, exactly as a spreadsheet saves merged cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The text; the paragraphs of a cell are joined with `\n`.
    pub text: String,
    /// Whether the position is covered by a merged cell.
    pub merge: Merge,
}

/// How a grid position takes part in a merged cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    /// An ordinary cell, or the top-left cell of a merge.
    #[default]
    None,
    /// Covered by the cell to its left (a horizontal merge).
    Left,
    /// Covered by the cell above it (a vertical merge).
    Above,
}

impl Document {
    /// A document of one table (`number` 1, with borders) made from rows of
    /// texts and their lines, as a CSV file or a sheet gives them. Short rows
    /// are padded with empty cells to the widest row. No rows give a table
    /// without rows.
    pub fn from_grid(rows: Vec<(u64, Vec<String>)>) -> Document {
        let width = rows.iter().map(|(_, cells)| cells.len()).max().unwrap_or(0);
        let rows = rows
            .into_iter()
            .map(|(line, texts)| {
                let mut cells: Vec<Cell> = texts.into_iter().map(Cell::new).collect();
                cells.resize_with(width, Cell::default);
                Row { line, cells }
            })
            .collect();
        Document {
            blocks: vec![Block::Table(Table {
                number: 1,
                rows,
                borderless: false,
            })],
        }
    }

    /// The tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            Block::Paragraph(_) => None,
        })
    }

    /// The paragraphs outside tables, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Paragraph(paragraph) => Some(paragraph),
            Block::Table(_) => None,
        })
    }
}

impl Table {
    /// The number of grid columns (the width of every row).
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(|row| row.cells.len())
            .max()
            .unwrap_or(0)
    }
}

impl Row {
    /// The texts of the cells, one per grid position (empty for covered positions).
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|cell| cell.text.as_str()).collect()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.text.is_empty())
    }
}

impl Cell {
    /// An ordinary cell holding `text`.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            merge: Merge::None,
        }
    }

    /// An empty position covered by a merged cell.
    pub fn covered(merge: Merge) -> Cell {
        Cell {
            text: String::new(),
            merge,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[(u64, &[&str])]) -> Vec<(u64, Vec<String>)> {
        rows.iter()
            .map(|(line, texts)| (*line, texts.iter().map(|t| (*t).to_owned()).collect()))
            .collect()
    }

    #[test]
    fn from_grid_makes_one_rectangular_table() {
        let doc = Document::from_grid(grid(&[(1, &["STT", "Mã", "Tên"]), (3, &["1", "1.0001"])]));
        assert_eq!(doc.blocks.len(), 1);
        let table = doc.tables().next().unwrap();
        assert_eq!(table.number, 1);
        assert!(!table.borderless);
        assert_eq!(table.width(), 3);
        assert_eq!(table.rows[0].line, 1);
        assert_eq!(table.rows[1].line, 3);
        assert_eq!(table.rows[1].texts(), ["1", "1.0001", ""]);
        assert!(
            table
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .all(|c| c.merge == Merge::None)
        );
        assert_eq!(doc.paragraphs().count(), 0);
    }

    #[test]
    fn from_grid_without_rows_gives_an_empty_table() {
        let doc = Document::from_grid(Vec::new());
        let table = doc.tables().next().unwrap();
        assert!(table.rows.is_empty());
        assert_eq!(table.width(), 0);
    }

    #[test]
    fn cells_and_rows() {
        assert_eq!(
            Cell::new("a"),
            Cell {
                text: "a".into(),
                merge: Merge::None
            }
        );
        assert_eq!(Cell::covered(Merge::Left).text, "");
        assert_eq!(Cell::covered(Merge::Above).merge, Merge::Above);
        assert_eq!(Cell::default().merge, Merge::None);
        let row = Row {
            line: 4,
            cells: vec![Cell::new(""), Cell::covered(Merge::Left)],
        };
        assert!(row.is_blank());
        assert_eq!(row.texts(), ["", ""]);
    }

    #[test]
    fn paragraphs_and_tables_keep_their_order() {
        let doc = Document {
            blocks: vec![
                Block::Paragraph(Paragraph {
                    text: "QUYẾT ĐỊNH".into(),
                    line: 1,
                }),
                Block::Table(Table {
                    number: 1,
                    rows: Vec::new(),
                    borderless: true,
                }),
                Block::Paragraph(Paragraph {
                    text: "Điều 1.".into(),
                    line: 2,
                }),
            ],
        };
        let texts: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["QUYẾT ĐỊNH", "Điều 1."]);
        assert_eq!(doc.tables().count(), 1);
    }
}
