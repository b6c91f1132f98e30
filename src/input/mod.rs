//! Input readers: turn decision files into domain rows, never touching the database.
//!
//! [`DecisionReader`] (`reader`) finds the header in the records of a file,
//! maps its cells to [`Column`]s and checks every row. The records come from
//! a source (`records`): text (`text`: CSV in any accepted encoding and
//! delimiter) or a sheet of a workbook (`sheet`). `sniff` tells which, and
//! `columns` names the columns.

pub mod columns;
pub mod document;
pub mod docx;
pub mod encoding;
pub mod published;
mod reader;
mod records;
pub mod reference;
mod sheet;
pub mod sniff;
mod text;
mod watched;
mod xls;

use std::fmt;
use std::io::{self, Read};

use sha2::{Digest, Sha256};

pub use columns::{Column, column_letter};
pub use encoding::TextEncoding;
pub use reader::{DecisionReader, Labels, OpenError, RowResult, missing_column_message};
pub use reader::{
    MAX_PUBLISHED_CELLS, MAX_PUBLISHED_ROWS, MAX_PUBLISHED_TEXT, Opened, PublishedFile,
    open_decision,
};
pub use sheet::{
    MAX_CELLS as MAX_SHEET_CELLS, MAX_MERGES, MAX_SHEET_TEXT, MAX_STRINGS,
    MAX_UNPACKED as MAX_WORKBOOK_UNPACKED,
};
pub use sniff::FileFormat;
pub use text::{MAX_ROW_BYTES, MAX_ROW_CELLS};
pub use watched::{Changed, Unchanging};

use crate::domain::{Action, Day, LevelSet};
use crate::hex::hex;

/// A problem in an input file, shown as `FILE:LINE: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    /// The message in the run's language.
    pub message: String,
    /// The message in English when it was also made in English, for JSON
    /// output, whose values never change with the language.
    pub english: Option<String>,
}

impl Problem {
    pub fn new(file: &str, line: u64, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_owned(),
            line,
            message: message.into(),
            english: None,
        }
    }

    /// The message as JSON gives it: in English when it was made in English too.
    pub fn data_message(&self) -> &str {
        self.english.as_deref().unwrap_or(&self.message)
    }
}

impl fmt::Display for Problem {
    /// `FILE:LINE: message`, or `FILE: message` for a problem with the whole file (line 0).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// Decision columns supplied on the command line for files that lack them,
/// and how to read the files.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub decision: Option<String>,
    pub signed: Option<Day>,
    pub effective: Option<Day>,
    /// Keep only these levels (`--levels`); rows that name none of them are
    /// skipped and listed. Without it, a level outside the catalog is an error.
    pub levels: Option<LevelSet>,
    /// The sheet of a workbook to read (`--sheet`); default: the first visible one.
    pub sheet: Option<String>,
    /// The encoding of CSV files without a byte-order mark (`--encoding`);
    /// default: UTF-8, with UTF-16 and legacy encodings recognized.
    pub encoding: Option<TextEncoding>,
    /// For a decision as published: the action, level(s) and field of rows
    /// for which the document states none (`--action`, `--level`, `--field`).
    pub action: Option<Action>,
    pub level: Option<LevelSet>,
    pub field: Option<String>,
}

/// How a file was read: its format, encoding, delimiter, and where its
/// header is. What `tthc inspect` shows.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// `None` when the file could not be read at all.
    pub format: Option<FileFormat>,
    /// The text encoding (CSV only).
    pub encoding: Option<TextEncoding>,
    /// Whether the text starts with a byte-order mark.
    pub bom: bool,
    /// The delimiter (CSV only).
    pub delimiter: Option<u8>,
    /// The sheet read (workbooks only).
    pub sheet: Option<String>,
    /// Every worksheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// The header's line (the sheet row for a workbook); 0 when there is none.
    pub header_line: u64,
    pub header: Vec<HeaderCell>,
    /// Rows above the header (titles), with their lines.
    pub titles: Vec<(u64, String)>,
}

/// A cell of the header row and the column it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    /// 0-based position (the sheet column for a workbook: A = 0).
    pub position: usize,
    /// The header text, trimmed and NFC.
    pub text: String,
    /// The known column it names; `None` for an ignored column.
    pub column: Option<Column>,
}

/// What a reader noticed besides the rows it returned.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// Rows whose code was taken from the name cell.
    pub codes_from_names: u64,
    /// Rows skipped because they name no level kept by `--levels`.
    pub skipped: Vec<SkippedRow>,
    /// Rows with text only outside the known columns (section headings such
    /// as "I. LĨNH VỰC HỘ TỊCH"), skipped, with their lines.
    pub headings: Vec<(u64, String)>,
    /// What is likely a mistake but not against the rules: a row-number
    /// reference that cannot be checked.
    pub warnings: Vec<Problem>,
    /// How messages name the file's columns.
    pub labels: Labels,
}

/// A row skipped by `--levels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    pub file: String,
    pub line: u64,
    /// The code as written (or found in the name).
    pub code: String,
    /// The level cell as written.
    pub level: String,
}

/// A reader that computes the SHA-256 of every byte read through it.
pub struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Hashing<R> {
    pub fn new(inner: R) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// Lower-case hex SHA-256 of what has been read so far.
    pub fn sha256(&self) -> String {
        hex(&self.hasher.clone().finalize())
    }

    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}
