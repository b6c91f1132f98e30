//! Reading decisions saved as Word 2007+ documents (.docx) into a [`Document`].
//!
//! The document's body (`word/document.xml`) is read as a stream, in one pass:
//! paragraphs and tables in reading order, including the content of content
//! controls (`w:sdt`), tracked insertions, hyperlinks, smart tags and text
//! boxes. Deleted text, field instructions and everything else Word does not
//! print as text are left out.
//!
//! # Text
//!
//! Text comes from `w:t`; a tab (`w:tab`) is kept as `\t`, a line break
//! (`w:br`, `w:cr`) becomes `\n`, a non-breaking hyphen `-`. Every text is NFC;
//! each of its lines is trimmed, and blank lines at its start and end are
//! dropped. The paragraphs of a table cell are joined with `\n`, empty ones
//! left out: annexes often write the procedure's code on its own line under
//! its name. A table inside a cell is flattened into the cell: each of its
//! paragraphs becomes one more line of the cell. A text box is read as lines
//! of the paragraph that holds it.
//!
//! # Line numbers
//!
//! Paragraphs outside tables and table rows are numbered together, 1-based,
//! in reading order. Only what the [`Document`] holds is numbered: an empty
//! paragraph outside tables is dropped and takes no number, so the numbers
//! run without gaps. Every row of a table is kept and numbered, empty or not,
//! except rows recorded as deleted by tracked changes.
//!
//! # Merged cells
//!
//! A cell spanning `n` grid columns (`w:gridSpan`) is followed by `n - 1`
//! positions [`Merge::Left`]. A cell continuing a vertical merge
//! (`w:vMerge` without `restart`) gives [`Merge::Above`] for every position it
//! spans, with empty text (Word does not show the text of such a cell); in a
//! table's first row it is an ordinary cell. `w:gridBefore` and `w:gridAfter`
//! give empty cells, and every row is padded with empty cells to the widest
//! row of its table.
//!
//! # Borderless tables
//!
//! A table is borderless when none of its six borders (top, left, bottom,
//! right, inside horizontal and vertical) is visible, and fewer than half of
//! its cells set a visible border of their own (`w:tcBorders`). Each border
//! is the one the table sets in `w:tblPr/w:tblBorders`, else the one its
//! table style sets (following `w:basedOn`; a table without a style takes
//! the document's default table style), else none. A border is visible
//! unless it is `none` or `nil`. When a table names a style that
//! `word/styles.xml` cannot tell about (no such part, or it cannot be read),
//! the borders it does not set itself count as visible: a catalog table must
//! never pass for a layout table. Decisions lay out their header block
//! (issuer, number, date) and signature block as tables whose borders are all
//! `nil`, and their annexes as tables of the `TableGrid` style.

use std::collections::HashMap;
use std::io::{self, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use unicode_normalization::UnicodeNormalization;

use super::document::{Block, Cell, Document, Merge, Paragraph, Row, Table};

/// The most all parts of the file may unpack to, as its zip directory
/// declares them; checked before anything is inflated.
pub const MAX_UNPACKED: u64 = 256 << 20;
/// The most bytes a zipped or legacy Office file may have on disk; it is
/// read whole (a zip's directory is at its end).
pub const MAX_FILE: u64 = 64 << 20;
/// The most `word/document.xml` may unpack to, checked against the zip
/// directory and again while it is read.
pub const MAX_DOCUMENT_XML: u64 = 64 << 20;
/// The most `word/styles.xml` may unpack to; a larger one is not read
/// (its tables then count as having borders).
pub const MAX_STYLES_XML: u64 = 16 << 20;
/// The most grid positions all the tables of a document may hold together,
/// padding included.
pub const MAX_CELLS: u64 = 1_000_000;
/// The most grid positions one table row may hold.
pub const MAX_COLUMNS: usize = 16_384;
/// The most characters a cell or a paragraph may hold.
pub const MAX_CELL_CHARS: usize = 1_000_000;
/// The most paragraphs outside tables a document may hold.
pub const MAX_PARAGRAPHS: u64 = 1_000_000;
/// The deepest XML elements may be nested.
pub const MAX_DEPTH: usize = 256;

/// What a file is, as [`foreign_format`] and [`read`] name it, in the run's language.
fn kind_text(found: &str) -> String {
    match found {
        "a Word 97-2003 document (.doc) or another legacy Office file" => {
            crate::tr!("input-kind-legacy-office")
        }
        "a Word 97-2003 document (.doc)" => crate::tr!("input-kind-doc"),
        "a PDF file" => crate::tr!("input-kind-pdf"),
        "a PNG image" => crate::tr!("input-kind-image", kind = "PNG"),
        "a JPEG image" => crate::tr!("input-kind-image", kind = "JPEG"),
        "a TIFF image" => crate::tr!("input-kind-image", kind = "TIFF"),
        "a GIF image" => crate::tr!("input-kind-image", kind = "GIF"),
        "an RTF document" => crate::tr!("input-kind-rtf"),
        "empty" => crate::tr!("input-kind-empty"),
        "of a kind tthc does not know" => crate::tr!("input-kind-unknown"),
        "an Excel workbook" => crate::tr!("input-kind-excel"),
        "an OpenDocument file" => crate::tr!("input-kind-opendocument"),
        "a zip archive without word/document.xml" => crate::tr!("input-kind-zip"),
        other => other.to_owned(),
    }
}

/// The main part of a Word document.
const DOCUMENT_XML: &str = "word/document.xml";
/// The part holding the document's styles.
const STYLES_XML: &str = "word/styles.xml";

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// The file is something else than a Word 2007+ document.
    #[error("{}", crate::tr!("input-docx-not-docx", found = kind_text(found)))]
    NotDocx {
        /// What the file is, as far as its first bytes tell.
        found: &'static str,
    },
    /// The file is a zip archive that cannot be unpacked.
    #[error("{}", crate::tr!("input-docx-damaged", reason = reason))]
    Damaged {
        /// What the unpacking said.
        reason: String,
    },
    /// The parts of the file declare more than [`MAX_UNPACKED`] bytes.
    #[error("{}", crate::tr!("input-docx-unpacked", size = *size >> 20, limit = *limit >> 20))]
    Unpacked {
        /// The declared unpacked size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A part is larger than its limit (for `word/document.xml`, [`MAX_DOCUMENT_XML`]).
    #[error("{}", crate::tr!("input-docx-part-too-large", part = *part, limit = *limit >> 20))]
    PartTooLarge {
        /// The part's name in the archive.
        part: &'static str,
        /// The limit.
        limit: u64,
    },
    /// A part is not well-formed XML.
    #[error("{}", crate::tr!(
        "input-docx-xml",
        part = *part,
        position = *position,
        reason = reason
    ))]
    Xml {
        /// The part's name in the archive.
        part: &'static str,
        /// The byte of the part where reading stopped.
        position: u64,
        /// What the XML reader said.
        reason: String,
    },
    /// Elements are nested deeper than [`MAX_DEPTH`].
    #[error("{}", crate::tr!("input-docx-too-deep", part = *part, limit = *limit))]
    TooDeep {
        /// The part's name in the archive.
        part: &'static str,
        /// The limit.
        limit: usize,
    },
    /// The tables hold more than [`MAX_CELLS`] grid positions.
    #[error("{}", crate::tr!("input-docx-too-many-cells", limit = *limit))]
    TooManyCells {
        /// The limit.
        limit: u64,
    },
    /// A row holds more than [`MAX_COLUMNS`] grid positions.
    #[error("{}", crate::tr!(
        "input-docx-too-many-columns",
        line = *line,
        table = *table,
        limit = *limit
    ))]
    TooManyColumns {
        /// The row's line.
        line: u64,
        /// The table's number.
        table: u32,
        /// The limit.
        limit: usize,
    },
    /// A cell or a paragraph holds more than [`MAX_CELL_CHARS`] characters.
    #[error("{}", crate::tr!("input-docx-too-long", line = *line, limit = *limit))]
    TooLong {
        /// The line of the paragraph, or of the row holding the cell.
        line: u64,
        /// The limit.
        limit: usize,
    },
    /// More than [`MAX_PARAGRAPHS`] paragraphs outside tables.
    #[error("{}", crate::tr!("input-docx-too-many-paragraphs", limit = *limit))]
    TooManyParagraphs {
        /// The limit.
        limit: u64,
    },
}

/// Reads a Word 2007+ document (.docx) into its paragraphs and tables.
///
/// Files that are not such documents (a Word 97-2003 `.doc`, a PDF, an image,
/// a workbook, anything else) are refused with [`DocxError::NotDocx`], whose
/// message says how to save the document as `.docx`.
pub fn read(bytes: &[u8]) -> Result<Document, DocxError> {
    if let Some(found) = foreign_format(bytes) {
        return Err(DocxError::NotDocx { found });
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        if bytes.starts_with(b"PK") {
            DocxError::Damaged {
                reason: e.to_string(),
            }
        } else {
            DocxError::NotDocx {
                found: "of a kind tthc does not know",
            }
        }
    })?;
    let damaged = |e: zip::result::ZipError| DocxError::Damaged {
        reason: e.to_string(),
    };

    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        declared = declared.saturating_add(zip.by_index_raw(i).map_err(damaged)?.size());
    }
    if declared > MAX_UNPACKED {
        return Err(DocxError::Unpacked {
            size: declared,
            limit: MAX_UNPACKED,
        });
    }
    let Some(document) = zip.index_for_name(DOCUMENT_XML) else {
        let found = if zip.index_for_name("xl/workbook.xml").is_some() {
            "an Excel workbook"
        } else if zip.index_for_name("content.xml").is_some() {
            "an OpenDocument file"
        } else {
            "a zip archive without word/document.xml"
        };
        return Err(DocxError::NotDocx { found });
    };

    let styles = match zip.index_for_name(STYLES_XML) {
        Some(index) => match zip.by_index(index) {
            Ok(part) if part.size() <= MAX_STYLES_XML => {
                read_styles(Limited::new(part, MAX_STYLES_XML)).ok()
            }
            _ => None,
        },
        None => Some(Styles::default()),
    };

    let part = zip.by_index(document).map_err(damaged)?;
    if part.size() > MAX_DOCUMENT_XML {
        return Err(DocxError::PartTooLarge {
            part: DOCUMENT_XML,
            limit: MAX_DOCUMENT_XML,
        });
    }
    read_body(Limited::new(part, MAX_DOCUMENT_XML), styles.as_ref())
}

/// What a file that is surely not a Word 2007+ document is, from its first bytes.
pub(crate) fn foreign_format(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "a Word 97-2003 document (.doc) or another legacy Office file",
        ),
        (b"%PDF", "a PDF file"),
        (b"\x89PNG\r\n\x1A\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "an RTF document"),
    ];
    if bytes.is_empty() {
        return Some("empty");
    }
    SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
        .map(|(_, found)| *found)
}

/// Whether a zip archive is a Word document: it holds `word/document.xml`.
pub(crate) fn is_word(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|zip| {
        zip.file_names()
            .any(|name| name.is_ok_and(|n| n == DOCUMENT_XML))
    })
}

/// Whether an OLE compound file is a Word 97-2003 document: its directory
/// names a `WordDocument` stream (names are UTF-16).
pub(crate) fn is_legacy_word(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    bytes.windows(NAME.len()).any(|w| w == NAME)
}

/// Marks the error a [`Limited`] reader gives when its limit is passed.
#[derive(Debug)]
struct LimitPassed;

impl std::fmt::Display for LimitPassed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("size limit passed")
    }
}

impl std::error::Error for LimitPassed {}

/// A reader that fails with [`LimitPassed`] rather than give more than
/// `left` bytes: the zip directory's sizes are only claims.
struct Limited<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Limited<R> {
    fn new(inner: R, limit: u64) -> Self {
        Limited { inner, left: limit }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // One byte more than allowed tells a part at the limit from one beyond it.
        let want = buf
            .len()
            .min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            return Err(io::Error::other(LimitPassed));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Turns the XML reader's error into a [`DocxError`] naming the part.
fn xml_error(part: &'static str, limit: u64, position: u64, error: &quick_xml::Error) -> DocxError {
    if let quick_xml::Error::Io(io) = error {
        if io
            .get_ref()
            .is_some_and(<dyn std::error::Error + Send + Sync>::is::<LimitPassed>)
        {
            return DocxError::PartTooLarge { part, limit };
        }
        return DocxError::Damaged {
            reason: format!("{part}: {io}"),
        };
    }
    DocxError::Xml {
        part,
        position,
        reason: error.to_string(),
    }
}

/// The `WordprocessingML` namespaces (transitional and strict).
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// The prefix the root element binds to the `WordprocessingML` namespace
/// (`w` in every file Word writes); empty when it is the default namespace.
fn w_prefix(root: &BytesStart<'_>) -> String {
    for attr in root.attributes().with_checks(false).flatten() {
        let key: &str = attr.key.as_ref();
        if W_NAMESPACES.contains(&&*attr.value) {
            if key == "xmlns" {
                return String::new();
            }
            if let Some(prefix) = key.strip_prefix("xmlns:") {
                return prefix.to_owned();
            }
        }
    }
    "w".to_owned()
}

/// The local name of a `WordprocessingML` element, `None` for other namespaces.
fn w_local<'n>(name: &'n str, prefix: &str) -> Option<&'n str> {
    if prefix.is_empty() {
        return (!name.contains(':')).then_some(name);
    }
    name.strip_prefix(prefix)?.strip_prefix(':')
}

/// The value of the `w:val` attribute (or `val`, whatever its prefix).
fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find_map(|attr| {
            let key: &str = attr.key.as_ref();
            (key == "val" || key.ends_with(":val")).then(|| attr.value.into_owned())
        })
}

/// Whether a border element draws a line.
fn visible(e: &BytesStart<'_>) -> bool {
    val(e).is_some_and(|v| !matches!(v.as_str(), "none" | "nil" | ""))
}

/// The index of a table border among the six, from its element's local name.
fn side(local: &str) -> Option<usize> {
    match local {
        "top" => Some(0),
        "left" | "start" => Some(1),
        "bottom" => Some(2),
        "right" | "end" => Some(3),
        "insideH" => Some(4),
        "insideV" => Some(5),
        _ => None,
    }
}

/// Each of the six table borders: `Some(visible)` where set.
type Borders = [Option<bool>; 6];

/// A table style: its borders and the style it is based on.
#[derive(Debug, Default)]
struct TableStyle {
    based_on: Option<String>,
    borders: Borders,
}

/// The table styles of a document.
#[derive(Debug, Default)]
struct Styles {
    tables: HashMap<String, TableStyle>,
    default: Option<String>,
}

impl Styles {
    /// Border `side` as the style `id` (or those it is based on) sets it;
    /// `None` when the style is unknown, `Some(false)` when it sets nothing.
    fn border(&self, id: &str, side: usize) -> Option<bool> {
        let mut id = id;
        // A chain of styles is short; the bound stops a loop of `basedOn`.
        for _ in 0..32 {
            let style = self.tables.get(id)?;
            if let Some(visible) = style.borders[side] {
                return Some(visible);
            }
            match &style.based_on {
                Some(next) => id = next,
                None => return Some(false),
            }
        }
        Some(false)
    }
}

/// Reads the table styles of `word/styles.xml`.
fn read_styles(part: impl Read) -> Result<Styles, DocxError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut buf = Vec::new();
    let mut styles = Styles::default();
    let mut prefix = "w".to_owned();
    let mut depth = 0_usize;
    // The table style being read and the depth of its element.
    let mut style: Option<(usize, String, TableStyle)> = None;
    let mut in_tbl_pr = false;
    let mut in_borders = false;
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(STYLES_XML, MAX_STYLES_XML, xml.buffer_position(), &e))?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if style.as_ref().is_some_and(|(d, _, _)| *d == depth) {
                    if let Some((_, id, table)) = style.take() {
                        styles.tables.insert(id, table);
                    }
                    in_tbl_pr = false;
                    in_borders = false;
                }
                if let Some((d, _, _)) = &style {
                    in_tbl_pr &= depth > d + 1;
                    in_borders &= depth > d + 2;
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        if depth == 0 {
            prefix = w_prefix(e);
        }
        let name = e.name();
        let local = w_local(name.as_ref(), &prefix).unwrap_or("");
        match (&mut style, local) {
            (None, "style") if !empty => {
                let mut is_table = false;
                let mut id = String::new();
                let mut is_default = false;
                for attr in e.attributes().with_checks(false).flatten() {
                    let key: &str = attr.key.as_ref();
                    match key.rsplit(':').next() {
                        Some("type") => is_table = attr.value == "table",
                        Some("styleId") => id = attr.value.into_owned(),
                        Some("default") => {
                            is_default = matches!(attr.value.as_ref(), "1" | "true" | "on");
                        }
                        _ => {}
                    }
                }
                if is_table {
                    if is_default {
                        styles.default = Some(id.clone());
                    }
                    style = Some((depth, id, TableStyle::default()));
                }
            }
            (Some((d, _, table)), "basedOn") if depth == *d + 1 => table.based_on = val(e),
            (Some((d, _, _)), "tblPr") if depth == *d + 1 && !empty => in_tbl_pr = true,
            (Some((d, _, _)), "tblBorders") if in_tbl_pr && depth == *d + 2 && !empty => {
                in_borders = true;
            }
            (Some((_, _, table)), local) if in_borders => {
                if let Some(side) = side(local) {
                    table.borders[side] = Some(visible(e));
                }
            }
            _ => {}
        }
        if !empty {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(DocxError::TooDeep {
                    part: STYLES_XML,
                    limit: MAX_DEPTH,
                });
            }
        }
        buf.clear();
    }
    Ok(styles)
}

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum VMerge {
    #[default]
    None,
    Restart,
    Continue,
}

/// The table being read.
#[derive(Debug, Default)]
struct TableState {
    number: u32,
    rows: Vec<Row>,
    style: Option<String>,
    borders: Borders,
    /// Cells read (`w:tc`) and those setting a visible border of their own.
    cells: u64,
    bordered_cells: u64,
    row: Option<RowState>,
    cell: Option<CellState>,
}

/// The row being read.
#[derive(Debug, Default)]
struct RowState {
    cells: Vec<Cell>,
    before: u64,
    after: u64,
    before_done: bool,
    deleted: bool,
}

/// The cell being read.
#[derive(Debug, Default)]
struct CellState {
    lines: Vec<String>,
    chars: usize,
    span: u64,
    vmerge: VMerge,
    hmerge_continue: bool,
    bordered: bool,
}

/// Where property elements being read belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Props {
    None,
    Table,
    TableBorders,
    Row,
    Cell,
    CellBorders,
}

/// The state of reading `word/document.xml`.
struct Body<'s> {
    styles: Option<&'s Styles>,
    blocks: Vec<Block>,
    line: u64,
    tables: u32,
    paragraphs: u64,
    cells: u64,
    table: Option<TableState>,
    /// Tables inside a cell or a paragraph, flattened into it.
    flat: usize,
    /// Paragraphs open (a text box opens a paragraph inside a paragraph).
    paragraph_depth: usize,
    text: String,
    text_chars: usize,
    in_text: bool,
    props: Props,
}

impl<'s> Body<'s> {
    fn new(styles: Option<&'s Styles>) -> Self {
        Body {
            styles,
            blocks: Vec::new(),
            line: 0,
            tables: 0,
            paragraphs: 0,
            cells: 0,
            table: None,
            flat: 0,
            paragraph_depth: 0,
            text: String::new(),
            text_chars: 0,
            in_text: false,
            props: Props::None,
        }
    }

    /// The line the next paragraph or row will take.
    fn next_line(&self) -> u64 {
        self.line + 1
    }

    /// Characters already in the cell being read.
    fn cell_chars(&self) -> usize {
        self.table
            .as_ref()
            .and_then(|t| t.cell.as_ref())
            .map_or(0, |c| c.chars)
    }

    fn push_text(&mut self, piece: &str) -> Result<(), DocxError> {
        if self.paragraph_depth == 0 {
            return Ok(());
        }
        self.text_chars += piece.chars().count();
        if self.text_chars + self.cell_chars() > MAX_CELL_CHARS {
            return Err(DocxError::TooLong {
                line: self.next_line(),
                limit: MAX_CELL_CHARS,
            });
        }
        self.text.push_str(piece);
        Ok(())
    }

    fn start_paragraph(&mut self) -> Result<(), DocxError> {
        if self.paragraph_depth > 0 {
            self.push_text("\n")?;
        }
        self.paragraph_depth += 1;
        Ok(())
    }

    fn end_paragraph(&mut self) -> Result<(), DocxError> {
        self.paragraph_depth = self.paragraph_depth.saturating_sub(1);
        if self.paragraph_depth > 0 {
            return Ok(());
        }
        let text = clean(&std::mem::take(&mut self.text));
        self.text_chars = 0;
        self.in_text = false;
        if text.is_empty() {
            return Ok(());
        }
        if let Some(table) = &mut self.table {
            // Text outside any cell of a table is not where Word puts it.
            if let Some(cell) = &mut table.cell {
                cell.chars += text.chars().count() + 1;
                cell.lines.push(text);
            }
            return Ok(());
        }
        self.paragraphs += 1;
        if self.paragraphs > MAX_PARAGRAPHS {
            return Err(DocxError::TooManyParagraphs {
                limit: MAX_PARAGRAPHS,
            });
        }
        self.line += 1;
        self.blocks.push(Block::Paragraph(Paragraph {
            text,
            line: self.line,
        }));
        Ok(())
    }

    fn start_table(&mut self) {
        if self.table.is_some() || self.paragraph_depth > 0 {
            self.flat += 1;
        } else {
            self.tables += 1;
            self.table = Some(TableState {
                number: self.tables,
                ..TableState::default()
            });
        }
    }

    fn end_table(&mut self) -> Result<(), DocxError> {
        if self.flat > 0 {
            self.flat -= 1;
            return Ok(());
        }
        let Some(table) = self.table.take() else {
            return Ok(());
        };
        let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let padding: u64 = table
            .rows
            .iter()
            .map(|r| (width - r.cells.len()) as u64)
            .sum();
        self.count_cells(padding)?;
        let borderless = self.borderless(&table);
        let mut rows = table.rows;
        for row in &mut rows {
            row.cells.resize_with(width, Cell::default);
        }
        self.blocks.push(Block::Table(Table {
            number: table.number,
            rows,
            borderless,
        }));
        Ok(())
    }

    /// See the module's documentation.
    fn borderless(&self, table: &TableState) -> bool {
        let style = table
            .style
            .as_deref()
            .or_else(|| self.styles.and_then(|s| s.default.as_deref()));
        let sides_visible = (0..6).any(|side| {
            table.borders[side].unwrap_or_else(|| match (style, self.styles) {
                (None, _) => false,
                (Some(id), Some(styles)) => styles.border(id, side).unwrap_or(true),
                (Some(_), None) => true,
            })
        });
        !sides_visible && table.bordered_cells * 2 < table.cells.max(1)
    }

    fn count_cells(&mut self, n: u64) -> Result<(), DocxError> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > MAX_CELLS {
            return Err(DocxError::TooManyCells { limit: MAX_CELLS });
        }
        Ok(())
    }

    /// Appends `n` cells made by `make` to the row being read.
    fn push_cells(&mut self, n: u64, make: impl FnMut(u64) -> Cell) -> Result<(), DocxError> {
        let line = self.next_line();
        let Some(table) = &mut self.table else {
            return Ok(());
        };
        let Some(row) = &mut table.row else {
            return Ok(());
        };
        if row.cells.len() as u64 + n > MAX_COLUMNS as u64 {
            return Err(DocxError::TooManyColumns {
                line,
                table: table.number,
                limit: MAX_COLUMNS,
            });
        }
        row.cells.extend((0..n).map(make));
        self.count_cells(n)
    }

    /// Pads the row with its `w:gridBefore` cells, once, before its first cell.
    fn grid_before(&mut self) -> Result<(), DocxError> {
        let before = match self.table.as_mut().and_then(|t| t.row.as_mut()) {
            Some(row) if !row.before_done => {
                row.before_done = true;
                row.before
            }
            _ => return Ok(()),
        };
        self.push_cells(before, |_| Cell::default())
    }

    fn end_cell(&mut self) -> Result<(), DocxError> {
        let Some(table) = &mut self.table else {
            return Ok(());
        };
        let Some(cell) = table.cell.take() else {
            return Ok(());
        };
        table.cells += 1;
        if cell.bordered {
            table.bordered_cells += 1;
        }
        let first_row = table.rows.is_empty();
        self.grid_before()?;
        let span = cell.span.max(1);
        if cell.vmerge == VMerge::Continue && !first_row {
            return self.push_cells(span, |_| Cell::covered(Merge::Above));
        }
        if cell.hmerge_continue {
            return self.push_cells(span, |_| Cell::covered(Merge::Left));
        }
        let mut text = Some(cell.lines.join("\n"));
        self.push_cells(span, |_| match text.take() {
            Some(text) => Cell::new(text),
            None => Cell::covered(Merge::Left),
        })
    }

    fn end_row(&mut self) -> Result<(), DocxError> {
        self.grid_before()?;
        let after = self
            .table
            .as_ref()
            .and_then(|t| t.row.as_ref())
            .map_or(0, |r| r.after);
        self.push_cells(after, |_| Cell::default())?;
        let Some(table) = &mut self.table else {
            return Ok(());
        };
        let Some(row) = table.row.take() else {
            return Ok(());
        };
        if row.cells.is_empty() {
            // An empty row still takes room.
            self.count_cells(1)?;
        }
        if row.deleted {
            return Ok(());
        }
        self.line += 1;
        if let Some(table) = &mut self.table {
            table.rows.push(Row {
                line: self.line,
                cells: row.cells,
            });
        }
        Ok(())
    }

    /// A grid count from a `w:val` (`w:gridSpan`, `w:gridBefore`, `w:gridAfter`),
    /// refused when it alone passes the column limit.
    fn grid_count(&self, e: &BytesStart<'_>) -> Result<u64, DocxError> {
        let n = val(e)
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(0);
        if n > MAX_COLUMNS as u64 {
            return Err(DocxError::TooManyColumns {
                line: self.next_line(),
                table: self.table.as_ref().map_or(0, |t| t.number),
                limit: MAX_COLUMNS,
            });
        }
        Ok(n)
    }

    /// A property element inside `w:tblPr`, `w:trPr` or `w:tcPr`.
    fn property(&mut self, local: &str, e: &BytesStart<'_>) -> Result<(), DocxError> {
        match (self.props, local) {
            (Props::Table, "tblStyle") => {
                if let Some(table) = &mut self.table {
                    table.style = val(e);
                }
            }
            (Props::TableBorders, local) => {
                if let (Some(side), Some(table)) = (side(local), &mut self.table) {
                    table.borders[side] = Some(visible(e));
                }
            }
            (Props::Row, "gridBefore" | "gridAfter") => {
                let n = self.grid_count(e)?;
                if let Some(row) = self.table.as_mut().and_then(|t| t.row.as_mut()) {
                    if local == "gridBefore" {
                        row.before = n;
                    } else {
                        row.after = n;
                    }
                }
            }
            (Props::Row, "del") => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.row.as_mut()) {
                    row.deleted = true;
                }
            }
            (Props::Cell, "gridSpan") => {
                let n = self.grid_count(e)?;
                if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    cell.span = n;
                }
            }
            (Props::Cell, "vMerge" | "hMerge") => {
                let restart = val(e).as_deref() == Some("restart");
                if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    if local == "vMerge" {
                        cell.vmerge = if restart {
                            VMerge::Restart
                        } else {
                            VMerge::Continue
                        };
                    } else {
                        cell.hmerge_continue = !restart;
                    }
                }
            }
            (Props::CellBorders, local) => {
                if side(local).is_some()
                    && visible(e)
                    && let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut())
                {
                    cell.bordered = true;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Handles the start of a `WordprocessingML` element. Returns whether to
    /// skip its content.
    fn start(&mut self, local: &str, e: &BytesStart<'_>) -> Result<bool, DocxError> {
        let top = self.flat == 0;
        match (self.props, local) {
            // Inside property elements, only those tthc reads count.
            (Props::Table, "tblBorders") => self.props = Props::TableBorders,
            (Props::Cell, "tcBorders") => self.props = Props::CellBorders,
            (Props::Table | Props::Row | Props::Cell, l) if l.ends_with("Change") => {
                return Ok(true);
            }
            (Props::None, _) => return self.start_content(local, top),
            _ => self.property(local, e)?,
        }
        Ok(false)
    }

    /// Handles the start of an element outside property elements.
    fn start_content(&mut self, local: &str, top: bool) -> Result<bool, DocxError> {
        let in_table = self.table.is_some();
        match local {
            // Not printed, or printed elsewhere.
            "del" | "moveFrom" | "delText" | "delInstrText" | "instrText" | "pPr" | "rPr"
            | "sectPr" | "sdtPr" | "sdtEndPr" | "tblGrid" | "fldData" | "footnoteReference"
            | "endnoteReference" | "commentReference" | "annotationRef" => return Ok(true),
            "p" => self.start_paragraph()?,
            "t" => self.in_text = self.paragraph_depth > 0,
            "tab" | "ptab" => self.push_text("\t")?,
            "br" | "cr" => self.push_text("\n")?,
            "noBreakHyphen" => self.push_text("-")?,
            "tbl" => self.start_table(),
            "tblPr" if top && in_table => self.props = Props::Table,
            "trPr" if top && in_table => self.props = Props::Row,
            "tcPr" if top && in_table => self.props = Props::Cell,
            "tblPr" | "trPr" | "tcPr" => return Ok(true),
            "tr" if top => {
                if let Some(table) = &mut self.table {
                    table.row = Some(RowState::default());
                    table.cell = None;
                }
            }
            "tc" if top => {
                if let Some(table) = &mut self.table
                    && table.row.is_some()
                {
                    table.cell = Some(CellState::default());
                }
            }
            _ => {}
        }
        Ok(false)
    }

    /// Handles the end of a `WordprocessingML` element.
    fn end(&mut self, local: &str) -> Result<(), DocxError> {
        let top = self.flat == 0;
        match (self.props, local) {
            (Props::TableBorders, "tblBorders") => self.props = Props::Table,
            (Props::CellBorders, "tcBorders") => self.props = Props::Cell,
            (Props::Table, "tblPr") | (Props::Row, "trPr") | (Props::Cell, "tcPr") => {
                self.props = Props::None;
            }
            (Props::None, "p") => self.end_paragraph()?,
            (Props::None, "t") => self.in_text = false,
            (Props::None, "tbl") => self.end_table()?,
            (Props::None, "tr") if top => self.end_row()?,
            (Props::None, "tc") if top => self.end_cell()?,
            _ => {}
        }
        Ok(())
    }
}

/// Reads the body of `word/document.xml`.
fn read_body(part: impl Read, styles: Option<&Styles>) -> Result<Document, DocxError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut buf = Vec::new();
    let mut body = Body::new(styles);
    let mut prefix: Option<String> = None;
    let mut depth = 0_usize;
    // While some element's content is skipped: the depth its end returns to.
    let mut skip: Option<usize> = None;
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(DOCUMENT_XML, MAX_DOCUMENT_XML, xml.buffer_position(), &e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let prefix = prefix.get_or_insert_with(|| w_prefix(e));
                if skip.is_none() {
                    let name = e.name();
                    let name: &str = name.as_ref();
                    let skip_this = match w_local(name, prefix) {
                        Some(local) => {
                            let skip_this = body.start(local, e)?;
                            if empty && !skip_this {
                                body.end(local)?;
                            }
                            skip_this
                        }
                        // The fallback of alternate content repeats its choice.
                        None => name.ends_with(":Fallback"),
                    };
                    if skip_this && !empty {
                        skip = Some(depth);
                    }
                }
                if !empty {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(DocxError::TooDeep {
                            part: DOCUMENT_XML,
                            limit: MAX_DEPTH,
                        });
                    }
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip == Some(depth) {
                    skip = None;
                } else if skip.is_none() {
                    let name = e.name();
                    if let Some(local) = prefix.as_deref().and_then(|p| w_local(name.as_ref(), p)) {
                        body.end(local)?;
                    }
                }
            }
            Event::Text(e) if body.in_text && skip.is_none() => {
                body.push_text(&e.xml10_content())?;
            }
            Event::CData(e) if body.in_text && skip.is_none() => {
                body.push_text(&e.xml10_content())?;
            }
            Event::GeneralRef(e) if body.in_text && skip.is_none() => {
                body.push_text(&resolve_reference(e))?;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    // A body cut short still gives what it holds.
    while body.paragraph_depth > 0 {
        body.end_paragraph()?;
    }
    if body.table.is_some() {
        body.flat = 0;
        body.end_cell()?;
        body.end_row()?;
        body.end_table()?;
    }
    Ok(Document {
        blocks: body.blocks,
    })
}

/// The text of a character or entity reference (`&#x1EC7;`, `&amp;`); an
/// entity XML does not define is kept as written.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> String {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        Ok(None) => {
            let name: &str = reference;
            quick_xml::escape::resolve_predefined_entity(name)
                .map_or_else(|| format!("&{name};"), str::to_owned)
        }
        Err(_) => String::new(),
    }
}

/// A text as tthc keeps it: NFC, each line trimmed, no blank lines at the
/// start or the end.
fn clean(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let lines: Vec<&str> = nfc.split('\n').map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use zip::write::SimpleFileOptions;

    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// The style of the annex tables in Word's default template.
    const TABLE_GRID: &str = r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:tblPr/></w:style>
        <w:style w:type="table" w:styleId="TableGrid"><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>
        <w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/>
        <w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>
        <w:tblStylePr w:type="firstRow"><w:tblPr/></w:tblStylePr></w:style>
        <w:style w:type="table" w:styleId="MyGrid"><w:basedOn w:val="TableGrid"/></w:style>"#;

    /// A zip archive of the given parts, deflated.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A Word document whose body is `body` and whose table styles are `styles`.
    fn docx_with(body: &str, styles: Option<&str>) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let styles = styles
            .map(|s| format!(r#"<?xml version="1.0"?><w:styles xmlns:w="{W}">{s}</w:styles>"#));
        let mut parts: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", b"<Types/>".as_slice()),
            (DOCUMENT_XML, document.as_bytes()),
        ];
        if let Some(styles) = &styles {
            parts.push((STYLES_XML, styles.as_bytes()));
        }
        zip_of(&parts)
    }

    fn docx(body: &str) -> Vec<u8> {
        docx_with(body, Some(TABLE_GRID))
    }

    fn p(text: &str) -> String {
        format!(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>"
        )
    }

    fn tc(props: &str, text: &str) -> String {
        let content = if text.is_empty() {
            "<w:p/>".to_owned()
        } else {
            p(text)
        };
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
    }

    fn tr(cells: &[String]) -> String {
        format!("<w:tr>{}</w:tr>", cells.concat())
    }

    fn tbl(props: &str, rows: &[String]) -> String {
        format!(
            "<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid/>{}</w:tbl>",
            rows.concat()
        )
    }

    fn grid_style() -> &'static str {
        r#"<w:tblStyle w:val="TableGrid"/>"#
    }

    fn only_table(doc: &Document) -> &Table {
        let mut tables = doc.tables();
        let table = tables.next().expect("a table");
        assert!(tables.next().is_none(), "one table");
        table
    }

    fn texts(table: &Table) -> Vec<Vec<&str>> {
        table.rows.iter().map(Row::texts).collect()
    }

    fn merges(table: &Table) -> Vec<Vec<Merge>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.merge).collect())
            .collect()
    }

    // ---------- hand-built documents ----------

    #[test]
    fn grid_span_covers_the_following_positions() {
        let body = tbl(
            grid_style(),
            &[
                tr(&[tc(r#"<w:gridSpan w:val="3"/>"#, "I. LĨNH VỰC ĐIỆN")]),
                tr(&[tc("", "1"), tc("", "1.013401"), tc("", "Cấp giấy phép")]),
            ],
        );
        let doc = read(&docx(&body)).unwrap();
        let table = only_table(&doc);
        assert_eq!(
            texts(table),
            [
                vec!["I. LĨNH VỰC ĐIỆN", "", ""],
                vec!["1", "1.013401", "Cấp giấy phép"]
            ]
        );
        assert_eq!(merges(table)[0], [Merge::None, Merge::Left, Merge::Left]);
        assert_eq!(merges(table)[1], [Merge::None; 3]);
    }

    #[test]
    fn vertical_merge_restart_and_continue() {
        let body = tbl(
            grid_style(),
            &[
                tr(&[
                    tc(r#"<w:vMerge w:val="restart"/>"#, "STT"),
                    tc(r#"<w:gridSpan w:val="2"/>"#, "Thời hạn"),
                ]),
                tr(&[
                    tc("<w:vMerge/>", ""),
                    tc("", "Theo quy định"),
                    tc("", "Cắt giảm"),
                ]),
                tr(&[
                    tc(r#"<w:vMerge w:val="continue"/>"#, "hidden"),
                    tc("", "a"),
                    tc("", "b"),
                ]),
            ],
        );
        let doc = read(&docx(&body)).unwrap();
        let table = only_table(&doc);
        assert_eq!(
            texts(table),
            [
                vec!["STT", "Thời hạn", ""],
                vec!["", "Theo quy định", "Cắt giảm"],
                vec!["", "a", "b"]
            ]
        );
        assert_eq!(
            merges(table),
            [
                vec![Merge::None, Merge::None, Merge::Left],
                vec![Merge::Above, Merge::None, Merge::None],
                vec![Merge::Above, Merge::None, Merge::None],
            ]
        );
    }

    #[test]
    fn a_vertical_continuation_spanning_columns_is_above_everywhere() {
        let span = r#"<w:gridSpan w:val="2"/>"#;
        let body = tbl(
            grid_style(),
            &[
                tr(&[
                    tc("", "A"),
                    tc(&format!(r#"{span}<w:vMerge w:val="restart"/>"#), "Cấp tỉnh"),
                ]),
                tr(&[tc("", "I"), tc(&format!("{span}<w:vMerge/>"), "")]),
            ],
        );
        let table = only_table(&read(&docx(&body)).unwrap()).clone();
        assert_eq!(merges(&table)[0], [Merge::None, Merge::None, Merge::Left]);
        assert_eq!(merges(&table)[1], [Merge::None, Merge::Above, Merge::Above]);
    }

    #[test]
    fn a_continuation_in_the_first_row_is_an_ordinary_cell() {
        let body = tbl(grid_style(), &[tr(&[tc("<w:vMerge/>", "x")])]);
        let table = only_table(&read(&docx(&body)).unwrap()).clone();
        assert_eq!(table.rows[0].cells, [Cell::new("x")]);
    }

    #[test]
    fn grid_before_and_after_pad_with_empty_cells_and_rows_are_padded() {
        let body = tbl(
            grid_style(),
            &[
                format!(
                    r#"<w:tr><w:trPr><w:gridBefore w:val="2"/><w:gridAfter w:val="1"/></w:trPr>{}</w:tr>"#,
                    tc("", "x")
                ),
                tr(&[tc("", "a")]),
                tr(&[tc("", "1"), tc("", "2"), tc("", "3"), tc("", "4")]),
            ],
        );
        let doc = read(&docx(&body)).unwrap();
        let table = only_table(&doc);
        assert_eq!(table.width(), 4);
        assert_eq!(
            texts(table),
            [
                vec!["", "", "x", ""],
                vec!["a", "", "", ""],
                vec!["1", "2", "3", "4"]
            ]
        );
        assert!(table.rows.iter().all(|r| r.cells.len() == 4));
        assert_eq!(merges(table)[0], [Merge::None; 4]);
    }

    #[test]
    fn a_nested_table_is_flattened_into_its_cell() {
        let nested = tbl(
            grid_style(),
            &[
                tr(&[tc("", "n1"), tc("", "n2")]),
                tr(&[tc("", "n3"), tc("", "")]),
            ],
        );
        let cell = format!("<w:tc><w:tcPr/>{}{nested}{}</w:tc>", p("outer"), p("after"));
        let body = format!(
            "{}{}{}",
            p("before"),
            tbl(
                grid_style(),
                &[
                    format!("<w:tr>{cell}{}</w:tr>", tc("", "right")),
                    tr(&[tc("", "x"), tc("", "y")])
                ]
            ),
            p("end")
        );
        let doc = read(&docx(&body)).unwrap();
        let table = only_table(&doc);
        assert_eq!(table.number, 1);
        assert_eq!(
            texts(table),
            [vec!["outer\nn1\nn2\nn3\nafter", "right"], vec!["x", "y"]]
        );
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
        let paragraphs: Vec<(u64, &str)> = doc
            .paragraphs()
            .map(|p| (p.line, p.text.as_str()))
            .collect();
        assert_eq!(paragraphs, [(1, "before"), (4, "end")]);
    }

    #[test]
    fn breaks_tabs_and_the_paragraphs_of_a_cell() {
        let body = format!(
            "<w:p><w:r><w:t>Số: 2715/QĐ-UBND</w:t><w:tab/><w:t>Quảng Trị</w:t><w:br/><w:t xml:space=\"preserve\">  ngày 19  </w:t><w:cr/></w:r></w:p>{}",
            tbl(
                grid_style(),
                &[tr(&["<w:tc><w:p><w:r><w:t>Cấp giấy phép;</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space=\"preserve\"> 1.013401.H50 </w:t></w:r></w:p></w:tc>".to_owned()])]
            )
        );
        let doc = read(&docx(&body)).unwrap();
        assert_eq!(
            doc.paragraphs().next().unwrap().text,
            "Số: 2715/QĐ-UBND\tQuảng Trị\nngày 19"
        );
        assert_eq!(
            texts(only_table(&doc)),
            [vec!["Cấp giấy phép;\n1.013401.H50"]]
        );
    }

    #[test]
    fn deleted_text_and_field_instructions_are_left_out() {
        let body = concat!(
            "<w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>cũ </w:delText></w:r></w:del>",
            "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>mới</w:t></w:r></w:ins>",
            "<w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t xml:space=\"preserve\"> 3</w:t></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
            "<w:tbl><w:tblPr/><w:tr><w:trPr><w:del w:id=\"3\" w:author=\"a\"/></w:trPr><w:tc><w:p><w:r><w:t>deleted row</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:p><w:r><w:t>kept row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        );
        let doc = read(&docx(body)).unwrap();
        assert_eq!(doc.paragraphs().next().unwrap().text, "mới 3");
        let table = only_table(&doc);
        assert_eq!(texts(table), [vec!["kept row"]]);
        assert_eq!(table.rows[0].line, 2);
    }

    #[test]
    fn content_controls_hyperlinks_and_smart_tags_are_read() {
        let body = format!(
            concat!(
                "<w:sdt><w:sdtPr><w:alias w:val=\"Số\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder></w:sdtPr>",
                "<w:sdtContent>{}</w:sdtContent></w:sdt>",
                "<w:p><w:hyperlink r:id=\"rId1\" xmlns:r=\"r\"><w:r><w:t>Cổng</w:t></w:r></w:hyperlink>",
                "<w:smartTag w:uri=\"u\" w:element=\"place\"><w:r><w:t xml:space=\"preserve\"> Quảng Trị</w:t></w:r></w:smartTag>",
                "<w:customXml w:element=\"x\"><w:r><w:t> &amp; &#x1EC7;&lt;</w:t></w:r></w:customXml></w:p>",
                "<w:tbl><w:tblPr/><w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"
            ),
            p("Số: 12/QĐ-UBND"),
            tc("", "in a control")
        );
        let doc = read(&docx(&body)).unwrap();
        let paragraphs: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs, ["Số: 12/QĐ-UBND", "Cổng Quảng Trị & ệ<"]);
        assert_eq!(texts(only_table(&doc)), [vec!["in a control"]]);
    }

    #[test]
    fn alternate_content_is_read_once_and_text_boxes_join_their_paragraph() {
        let textbox = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(t));
        let body = format!(
            "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{}</w:drawing></mc:Choice><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
            textbox("Số: 9/QĐ"),
            textbox("Số: 9/QĐ")
        );
        let doc = read(&docx(&body)).unwrap();
        let paragraphs: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs, ["Anchor\nSố: 9/QĐ"]);
    }

    #[test]
    fn text_is_nfc_and_empty_paragraphs_take_no_line() {
        let body = format!(
            "{}<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>{}{}",
            p("Vie\u{0323}\u{0302}t Nam"),
            tbl(grid_style(), &[tr(&[tc("", "")]), tr(&[tc("", "x")])]),
            p("Điều 1.")
        );
        let doc = read(&docx(&body)).unwrap();
        let first = doc.paragraphs().next().unwrap();
        assert_eq!(first.text, "Việt Nam");
        assert_eq!(first.line, 1);
        let table = only_table(&doc);
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3], "empty rows are kept and numbered");
        assert_eq!(doc.paragraphs().nth(1).unwrap().line, 4);
    }

    #[test]
    fn an_empty_document_has_no_blocks() {
        assert_eq!(read(&docx("")).unwrap(), Document::default());
        assert_eq!(
            read(&docx("<w:p/><w:p><w:r/></w:p>")).unwrap(),
            Document::default()
        );
    }

    #[test]
    fn another_prefix_for_the_wordprocessing_namespace() {
        let xml = format!(
            r#"<x:document xmlns:x="{W}"><x:body><x:p><x:r><x:t>Quyết định</x:t></x:r></x:p><w:p xmlns:w="other"><w:r><w:t>not Word</w:t></w:r></w:p></x:body></x:document>"#
        );
        let doc = read(&zip_of(&[(DOCUMENT_XML, xml.as_bytes())])).unwrap();
        let paragraphs: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs, ["Quyết định"]);
    }

    #[test]
    fn borderless_rule() {
        let row = || tr(&[tc("", "a"), tc("", "b")]);
        let nil = r#"<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="none"/></w:tblBorders>"#;
        let borderless = |props: &str, styles: Option<&str>| {
            only_table(&read(&docx_with(&tbl(props, &[row(), row()]), styles)).unwrap()).borderless
        };
        // The header and signature blocks of decisions.
        assert!(borderless(nil, Some(TABLE_GRID)));
        assert!(borderless(nil, None));
        // Its own borders win over its style's.
        assert!(borderless(
            &format!(r#"<w:tblStyle w:val="TableGrid"/>{nil}"#),
            Some(TABLE_GRID)
        ));
        // The annex tables.
        assert!(!borderless(grid_style(), Some(TABLE_GRID)));
        assert!(!borderless(
            r#"<w:tblStyle w:val="MyGrid"/>"#,
            Some(TABLE_GRID)
        ));
        assert!(!borderless(
            r#"<w:tblBorders><w:insideH w:val="single"/></w:tblBorders>"#,
            Some(TABLE_GRID)
        ));
        // A style setting some borders leaves the others to the table.
        assert!(!borderless(
            r#"<w:tblStyle w:val="TableGrid"/><w:tblBorders><w:top w:val="nil"/></w:tblBorders>"#,
            Some(TABLE_GRID)
        ));
        // No style: the default table style, which has none.
        assert!(borderless("", Some(TABLE_GRID)));
        assert!(borderless("", None));
        assert!(borderless(
            r#"<w:tblStyle w:val="TableNormal"/>"#,
            Some(TABLE_GRID)
        ));
        // A style nothing tells about counts as bordered.
        assert!(!borderless(grid_style(), None));
        assert!(!borderless(
            r#"<w:tblStyle w:val="Missing"/>"#,
            Some(TABLE_GRID)
        ));
        // Cells drawing their own borders.
        let bordered_cell = |t: &str| {
            tc(
                r#"<w:tcBorders><w:top w:val="single"/><w:bottom w:val="nil"/></w:tcBorders>"#,
                t,
            )
        };
        let body = tbl("", &[tr(&[bordered_cell("a"), bordered_cell("b")])]);
        assert!(!only_table(&read(&docx(&body)).unwrap()).borderless);
        let body = tbl("", &[tr(&[bordered_cell("a"), tc("", "b"), tc("", "c")])]);
        assert!(only_table(&read(&docx(&body)).unwrap()).borderless);
    }

    #[test]
    fn malformed_styles_make_styled_tables_bordered() {
        let body = tbl(grid_style(), &[tr(&[tc("", "a")])]);
        let table = read(&docx_with(&body, Some("<w:style><unclosed>"))).unwrap();
        assert!(!only_table(&table).borderless);
    }

    // ---------- limits ----------

    #[test]
    fn a_row_of_20000_cells_is_refused() {
        let cells = "<w:tc><w:p/></w:tc>".repeat(20_000);
        let body = tbl("", &[format!("<w:tr>{cells}</w:tr>")]);
        let err = read(&docx(&body)).unwrap_err();
        assert_eq!(
            err,
            DocxError::TooManyColumns {
                line: 1,
                table: 1,
                limit: MAX_COLUMNS
            }
        );
        assert!(err.to_string().contains("16384 columns"), "{err}");
    }

    #[test]
    fn a_huge_grid_span_is_refused_before_it_is_laid_out() {
        let body = tbl("", &[tr(&[tc(r#"<w:gridSpan w:val="4000000000"/>"#, "x")])]);
        assert!(matches!(
            read(&docx(&body)),
            Err(DocxError::TooManyColumns { .. })
        ));
        let body = tbl(
            "",
            &[format!(
                r#"<w:tr><w:trPr><w:gridBefore w:val="99999"/></w:trPr>{}</w:tr>"#,
                tc("", "x")
            )],
        );
        assert!(matches!(
            read(&docx(&body)),
            Err(DocxError::TooManyColumns { .. })
        ));
    }

    #[test]
    fn padding_past_the_cell_limit_is_refused_before_it_is_laid_out() {
        let wide = tr(&[tc(r#"<w:gridSpan w:val="16000"/>"#, "wide")]);
        let narrow = tr(&[tc("", "x")]).repeat(100);
        let err = read(&docx(&tbl("", &[wide, narrow]))).unwrap_err();
        assert_eq!(err, DocxError::TooManyCells { limit: MAX_CELLS });
        assert!(err.to_string().contains("1000000 cells"), "{err}");
    }

    #[test]
    fn a_cell_of_more_than_a_million_characters_is_refused() {
        let long = "x".repeat(MAX_CELL_CHARS + 1);
        let err = read(&docx(&tbl("", &[tr(&[tc("", &long)])]))).unwrap_err();
        assert_eq!(
            err,
            DocxError::TooLong {
                line: 1,
                limit: MAX_CELL_CHARS
            }
        );
        // Several paragraphs adding up to more are refused as well.
        let half = "y".repeat(MAX_CELL_CHARS / 2 + 1);
        let cell = format!("<w:tc>{}{}</w:tc>", p(&half), p(&half));
        assert!(matches!(
            read(&docx(&tbl("", &[format!("<w:tr>{cell}</w:tr>")]))),
            Err(DocxError::TooLong { .. })
        ));
        // So is a paragraph outside tables.
        assert!(matches!(
            read(&docx(&p(&long))),
            Err(DocxError::TooLong { .. })
        ));
        assert!(read(&docx(&p(&"z".repeat(MAX_CELL_CHARS)))).is_ok());
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let body = format!(
            "<w:p>{}{}</w:p>",
            "<w:ins>".repeat(300),
            "</w:ins>".repeat(300)
        );
        let err = read(&docx(&body)).unwrap_err();
        assert_eq!(
            err,
            DocxError::TooDeep {
                part: DOCUMENT_XML,
                limit: MAX_DEPTH
            }
        );
        assert!(err.to_string().contains("nesting depth"), "{err}");
        let body = format!(
            "<w:p>{}{}</w:p>",
            "<w:ins>".repeat(200),
            "</w:ins>".repeat(200)
        );
        assert!(read(&docx(&body)).is_ok());
    }

    #[test]
    fn paragraphs_past_the_limit_are_refused() {
        let mut body = Body::new(None);
        body.paragraphs = MAX_PARAGRAPHS - 1;
        for expected in [
            Ok(()),
            Err(DocxError::TooManyParagraphs {
                limit: MAX_PARAGRAPHS,
            }),
        ] {
            body.start_paragraph().unwrap();
            body.push_text("Điều 1.").unwrap();
            assert_eq!(body.end_paragraph(), expected);
        }
        // Empty paragraphs are not counted.
        body.start_paragraph().unwrap();
        assert_eq!(body.end_paragraph(), Ok(()));
    }

    /// Makes the zip directory of `zip` claim `size` unpacked bytes for `part`.
    fn claim_size(zip: &mut [u8], part: &str, size: u32) {
        let mut at = 0;
        while let Some(offset) = zip[at..].windows(4).position(|w| w == b"PK\x01\x02") {
            let header = at + offset;
            let name_len = usize::from(u16::from_le_bytes([zip[header + 28], zip[header + 29]]));
            if &zip[header + 46..header + 46 + name_len] == part.as_bytes() {
                zip[header + 24..header + 28].copy_from_slice(&size.to_le_bytes());
            }
            at = header + 4;
        }
    }

    #[test]
    fn a_directory_claiming_300_mb_is_refused_before_inflating() {
        let mut file = docx(&p("x"));
        claim_size(&mut file, "[Content_Types].xml", 300 << 20);
        let err = read(&file).unwrap_err();
        assert!(
            matches!(
                err,
                DocxError::Unpacked {
                    limit: MAX_UNPACKED,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("unpacked size"), "{err}");
    }

    #[test]
    fn a_document_part_claiming_more_than_its_limit_is_refused() {
        let mut file = docx(&p("x"));
        claim_size(&mut file, DOCUMENT_XML, 200 << 20);
        let err = read(&file).unwrap_err();
        assert_eq!(
            err,
            DocxError::PartTooLarge {
                part: DOCUMENT_XML,
                limit: MAX_DOCUMENT_XML
            }
        );
        assert!(err.to_string().contains("word/document.xml"), "{err}");
    }

    #[test]
    fn the_size_limit_holds_while_reading() {
        let xml = format!(
            r#"<w:document xmlns:w="{W}"><w:body>{}</w:body></w:document>"#,
            p("x").repeat(100)
        );
        let err = read_body(Limited::new(xml.as_bytes(), 1000), None).unwrap_err();
        assert_eq!(
            err,
            DocxError::PartTooLarge {
                part: DOCUMENT_XML,
                limit: MAX_DOCUMENT_XML
            }
        );
        let doc = read_body(Limited::new(xml.as_bytes(), xml.len() as u64), None).unwrap();
        assert_eq!(doc.blocks.len(), 100);
        // A part that unpacks to more than its directory says is caught by the unpacking.
        let mut file = docx(&p("x"));
        claim_size(&mut file, DOCUMENT_XML, 10);
        let err = read(&file).unwrap_err();
        assert!(
            matches!(err, DocxError::Damaged { .. } | DocxError::Xml { .. }),
            "{err:?}"
        );
    }

    // ---------- files that are not Word documents ----------

    fn assert_not_docx(bytes: &[u8], found: &str) {
        let err = read(bytes).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, DocxError::NotDocx { .. }), "{err:?}");
        assert!(message.contains(found), "{message}");
        assert!(message.contains("save the document as .docx"), "{message}");
        assert!(
            message.contains("File > Save As > Word Document"),
            "{message}"
        );
    }

    #[test]
    fn other_formats_are_refused_with_advice() {
        assert_not_docx(
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
            "Word 97-2003 document (.doc)",
        );
        assert_not_docx(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "a PDF file");
        assert_not_docx(b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR", "a PNG image");
        assert_not_docx(b"\xFF\xD8\xFF\xE0\0\x10JFIF", "a JPEG image");
        assert_not_docx(b"II*\0\x08\0\0\0", "a TIFF image");
        assert_not_docx(b"{\\rtf1\\ansi", "an RTF document");
        assert_not_docx(b"", "empty");
        let mut state: u32 = 12345;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (state >> 16) as u8
            })
            .collect();
        assert_not_docx(&random, "a kind tthc does not know");
        assert_not_docx(
            &zip_of(&[("readme.txt", b"hello")]),
            "a zip archive without word/document.xml",
        );
        assert_not_docx(
            &zip_of(&[("xl/workbook.xml", b"<workbook/>")]),
            "an Excel workbook",
        );
    }

    #[test]
    fn damaged_files_are_refused() {
        let mut file = docx(&p("x"));
        let len = file.len();
        file.truncate(len / 2);
        let err = read(&file).unwrap_err();
        assert!(matches!(err, DocxError::Damaged { .. }), "{err:?}");
        let err = read(&zip_of(&[(
            DOCUMENT_XML,
            b"<w:document><w:body><w:p></w:body>",
        )]))
        .unwrap_err();
        assert!(
            matches!(
                err,
                DocxError::Xml {
                    part: DOCUMENT_XML,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("word/document.xml"), "{err}");
    }

    // ---------- the real decisions in tests/data/real-annexes ----------

    fn real(stem: &str) -> Document {
        let path = format!(
            "{}/tests/data/real-annexes/{stem}.docx",
            env!("CARGO_MANIFEST_DIR")
        );
        read(&std::fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The hand-counted procedure rows of a decision in `expected.json`.
    fn expected_procedure_rows(stem: &str) -> u64 {
        let path = format!(
            "{}/tests/data/real-annexes/expected.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        json["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["files"]["docx"] == format!("{stem}.docx"))
            .and_then(|d| d["expected"]["procedure_rows"].as_u64())
            .unwrap()
    }

    /// Decision, its number of tables, its catalog tables, and the rows of
    /// those tables that are not procedures (headers and section headings).
    const REAL: &[(&str, usize, &[u32], usize)] = &[
        ("BacNinh_1513-QD-UBND_2025-11-22", 3, &[3], 1),
        ("CaoBang_2031-QD-UBND_2025-11-28", 9, &[3, 4], 7),
        ("DakLak_02144-QD-UBND_2025-11-25", 3, &[3], 1),
        ("HaNoi_1609-QD-TTPVHCC_2025-11-25", 4, &[3, 4], 6),
        ("HaTinh_2873-QD-UBND_2025-11-19", 4, &[3, 4], 4),
        ("HoChiMinh_2817-QD-UBND_2025-11-19", 4, &[3, 4], 2),
        ("HungYen_1973-QD-UBND_2025-11-28", 3, &[3], 1),
        ("LaoCai_2020-QD-UBND_2025-11-20", 3, &[3], 1),
        ("QuangNgai_1628-QD-UBND_2025-11-21", 3, &[3], 1),
        ("QuangTri_2715-QD-UBND_2025-11-19", 4, &[3, 4], 2),
    ];

    #[test]
    fn real_decisions_tables_and_rows() {
        for &(stem, tables, catalog, others) in REAL {
            let doc = real(stem);
            let all: Vec<&Table> = doc.tables().collect();
            assert_eq!(all.len(), tables, "{stem}: tables");
            let numbers: Vec<u32> = all.iter().map(|t| t.number).collect();
            assert_eq!(numbers, (1..=tables as u32).collect::<Vec<_>>(), "{stem}");
            // The header block and the signature block are the borderless ones.
            let borderless: Vec<u32> = all
                .iter()
                .filter(|t| t.borderless)
                .map(|t| t.number)
                .collect();
            assert_eq!(borderless, [1, 2], "{stem}: borderless tables");
            let catalog: Vec<&&Table> =
                all.iter().filter(|t| catalog.contains(&t.number)).collect();
            let rows: usize = catalog.iter().map(|t| t.rows.len()).sum();
            let procedures = catalog
                .iter()
                .flat_map(|t| &t.rows)
                .filter(|r| {
                    !r.cells[0].text.is_empty()
                        && r.cells[0].text.chars().all(|c| c.is_ascii_digit())
                })
                .count();
            assert_eq!(
                procedures as u64,
                expected_procedure_rows(stem),
                "{stem}: procedure rows"
            );
            assert_eq!(
                rows,
                procedures + others,
                "{stem}: rows of the catalog tables"
            );
            for table in &all {
                let width = table.width();
                assert!(
                    table.rows.iter().all(|r| r.cells.len() == width),
                    "{stem}: rectangular"
                );
            }
            // Lines run 1, 2, 3… over paragraphs and rows together.
            let mut lines: Vec<u64> = doc.paragraphs().map(|p| p.line).collect();
            lines.extend(all.iter().flat_map(|t| t.rows.iter().map(|r| r.line)));
            lines.sort_unstable();
            assert_eq!(
                lines,
                (1..=lines.len() as u64).collect::<Vec<_>>(),
                "{stem}: lines"
            );
            // The decision's number is in the header block.
            assert!(
                all[0]
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .any(|c| c.text.starts_with("Số: ")),
                "{stem}"
            );
        }
    }

    #[test]
    fn real_quang_tri_code_on_its_own_line_and_number() {
        let doc = real("QuangTri_2715-QD-UBND_2025-11-19");
        let header = doc.tables().next().unwrap();
        assert!(header.borderless);
        assert_eq!(header.rows[1].cells[0].text, "Số: 2715/QĐ-UBND");
        assert!(
            header.rows[1].cells[1]
                .text
                .starts_with("Quảng Trị, ngày 19 tháng 11 năm 2025")
        );
        let annex = doc.tables().find(|t| t.number == 3).unwrap();
        assert!(!annex.borderless);
        let name = &annex.rows[1].cells[1].text;
        assert!(name.ends_with(";\n1.013401.H50"), "{name:?}");
        assert!(doc.paragraphs().any(|p| p.text == "QUYẾT ĐỊNH"));
    }

    #[test]
    fn real_ha_noi_two_row_header_and_merged_headings() {
        let doc = real("HaNoi_1609-QD-TTPVHCC_2025-11-25");
        let annex = doc.tables().find(|t| t.number == 3).unwrap();
        assert_eq!(annex.width(), 9);
        let (top, bottom) = (&annex.rows[0], &annex.rows[1]);
        assert_eq!(bottom.line, top.line + 1);
        assert_eq!(
            top.texts()[..5],
            [
                "STT",
                "Mã TTHC",
                "Tên thủ tục hành chính",
                "Thời hạn giải quyết",
                ""
            ]
        );
        assert_eq!(top.cells[4].merge, Merge::Left);
        // Under the two-column heading, its two sub-headings; elsewhere the
        // positions are covered by the cells above.
        assert_eq!(bottom.texts()[3], "Theo quy định");
        assert!(bottom.texts()[4].starts_with("NQ số 66/NQ-CP"));
        let covered: Vec<usize> = (0..9)
            .filter(|&i| bottom.cells[i].merge == Merge::Above)
            .collect();
        assert_eq!(covered, [0, 1, 2, 5, 6, 7, 8]);
        // A heading merged across the table, then continued down a row.
        let heading = &annex.rows[2];
        assert_eq!(heading.cells[0].text, "A");
        assert_eq!(
            heading.cells[1].text,
            "Thủ tục hành chính cấp Thành phố Lĩnh vực Đấu thầu"
        );
        assert!(
            heading.cells[2..]
                .iter()
                .all(|c| c.merge == Merge::Left && c.text.is_empty())
        );
        assert!(
            annex.rows[3].cells[1..]
                .iter()
                .all(|c| c.merge == Merge::Above)
        );
        assert_eq!(annex.rows[4].texts()[..2], ["1", "1.012507"]);
    }

    #[test]
    fn real_ha_tinh_heading_row_spans_the_table() {
        let doc = real("HaTinh_2873-QD-UBND_2025-11-19");
        let annex = doc.tables().find(|t| t.number == 3).unwrap();
        let heading = &annex.rows[1];
        assert!(
            heading.cells[0].text.starts_with("A. Thủ tục hành chính"),
            "{:?}",
            heading.cells[0]
        );
        assert_eq!(heading.cells[0].merge, Merge::None);
        assert!(heading.cells[1..].iter().all(|c| c.merge == Merge::Left));
        assert_eq!(heading.cells.len(), annex.width());
    }
}
