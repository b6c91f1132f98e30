//! What the reader asks of a record source, whatever the file's format:
//! the lines of a text file, or the rows of a sheet of a workbook.

use csv::ByteRecord;

use super::columns::Column;

/// One step of reading records.
pub(super) enum Step {
    /// A record was read, starting on this line.
    Record(u64),
    End,
    /// A record could not be read; `fatal` ends the file.
    Failed {
        line: u64,
        message: String,
        fatal: bool,
    },
}

/// The header as the reader found it, for the checks of a data record.
pub(super) struct HeaderShape<'a> {
    /// How many cells the header row has.
    pub(super) width: usize,
    /// The known columns, with their positions.
    pub(super) columns: &'a [(usize, Column)],
    /// How messages name the columns.
    pub(super) labels: &'a super::Labels,
}

/// A source of the records of one decision file.
pub(super) trait Records {
    /// Reads the next record into `record`.
    fn next_record(&mut self, record: &mut ByteRecord) -> Step;

    /// The header is on `line`, its cells naming these columns (by position).
    fn set_header(&mut self, line: u64, columns: Vec<Option<Column>>);

    /// What is wrong with the data record just read besides its values:
    /// cells beyond the header, Excel errors. Messages without the context.
    fn record_problems(
        &self,
        record: &ByteRecord,
        line: u64,
        header: &HeaderShape<'_>,
    ) -> Vec<String>;

    /// Put before every message about the file: `sheet "Phụ lục I": ` for a
    /// sheet, nothing for a text file.
    fn context(&self) -> String;

    /// The message for a file without a single row.
    fn empty_message(&self) -> String;

    /// What to add when no row looks like a header, if anything.
    fn no_header_hint(&self) -> Option<String>;

    /// SHA-256 (lower-case hex) of the file's bytes read so far.
    fn sha256(&self) -> String;

    /// The file's bytes read so far.
    fn bytes_read(&self) -> u64;
}
