//! Decision files as text: CSV in any of the accepted encodings and
//! delimiters, decoded as it streams, with its line ends made one and its
//! quotes followed.

use std::io::{self, BufReader, Cursor, Read};

use csv::{ByteRecord, ReaderBuilder};

use super::columns::Column;
use super::encoding::{Decoding, TextEncoding};
use super::records::{HeaderShape, Records, Step};
use super::sniff::{self, SAMPLE};
use super::{FileFormat, Hashing, Layout};

/// The raw bytes: the sample already read, then the rest, all hashed.
type Raw<R> = io::Chain<Cursor<Vec<u8>>, Hashing<R>>;

/// Line ends read as `\n`: a CR LF pair and a lone CR (old Mac files) both
/// become one LF, so records, cells and line numbers are the same whatever
/// the line ends (the CSV parser's own count is off by one for CR LF files).
///
/// It also follows the cells and quotes the way the CSV parser reads them,
/// so that a row that never ends, a row of too many cells and a quote that
/// never closes fail fast with their line, instead of making the rest of
/// the file one row in memory, or one cell that swallows every row after it.
struct LineEnds<I> {
    inner: I,
    delimiter: u8,
    /// The last byte passed on was a CR (turned into LF): a LF right after it is dropped.
    after_cr: bool,
    /// Line of the next byte passed on.
    line: u64,
    field: Field,
    /// Line of the opening quote of the quoted cell being read.
    quote_line: u64,
    /// Line where the row being read starts, its bytes and cells so far.
    row_line: u64,
    row_bytes: u64,
    row_cells: u64,
}

/// Where the CSV parser is in a cell (RFC 4180, as the `csv` crate reads it:
/// a quote opens a quoted cell only as its first byte, and is text elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// At the start of a cell.
    Start,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: its end, or the first of two quotes.
    QuoteInQuoted,
}

/// The longest row read, in bytes: far beyond any real row (a row with a
/// 100 KB name is fine), short enough to keep memory small when a file has
/// no line ends or a quote never closes.
pub const MAX_ROW_BYTES: u64 = 16 << 20;
/// The most cells a row may have: as many as a worksheet has columns.
pub const MAX_ROW_CELLS: u64 = 16_384;

/// Why the text cannot be cut into rows; stops the reading.
#[derive(Debug)]
enum Framing {
    /// A quote opens a cell on `line` and the file ends inside that cell.
    UnclosedAtEnd { line: u64 },
    /// A quote opens a cell on `line` and more than [`MAX_ROW_BYTES`] follow without its end.
    UnclosedTooLong { line: u64 },
    /// The row starting on `line` runs past [`MAX_ROW_BYTES`] without a line end.
    RowTooLong { line: u64 },
    /// The row starting on `line` has more than [`MAX_ROW_CELLS`] cells.
    TooManyCells { line: u64 },
}

impl Framing {
    /// The line the problem is told on.
    fn line(&self) -> u64 {
        match self {
            Framing::UnclosedAtEnd { line }
            | Framing::UnclosedTooLong { line }
            | Framing::RowTooLong { line }
            | Framing::TooManyCells { line } => *line,
        }
    }
}

impl std::fmt::Display for Framing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = MAX_ROW_BYTES >> 20;
        match self {
            Framing::UnclosedAtEnd { .. } => f.write_str(&crate::tr!("input-quote-at-end")),
            Framing::UnclosedTooLong { .. } => {
                f.write_str(&crate::tr!("input-quote-too-long", mb = mb))
            }
            Framing::RowTooLong { .. } => f.write_str(&crate::tr!("input-row-too-long", mb = mb)),
            Framing::TooManyCells { .. } => f.write_str(&crate::tr!(
                "input-row-too-many-cells",
                limit = MAX_ROW_CELLS
            )),
        }
    }
}

impl std::error::Error for Framing {}

impl<I: Read> LineEnds<I> {
    fn new(inner: I, delimiter: u8) -> Self {
        LineEnds {
            inner,
            delimiter,
            after_cr: false,
            line: 1,
            field: Field::Start,
            quote_line: 0,
            row_line: 1,
            row_bytes: 0,
            row_cells: 1,
        }
    }

    /// Follows cells, quotes and line breaks through bytes about to be passed on.
    fn track(&mut self, bytes: &[u8]) -> io::Result<()> {
        // Plain locals in the loop: this runs over every byte of a file.
        let delimiter = self.delimiter;
        let (mut line, mut field, mut quote_line) = (self.line, self.field, self.quote_line);
        let (mut row_line, mut row_bytes, mut row_cells) =
            (self.row_line, self.row_bytes, self.row_cells);
        let mut failed = None;
        for &b in bytes {
            let mut row_ends = false;
            field = match field {
                Field::Start | Field::QuoteInQuoted if b == delimiter => {
                    row_cells += 1;
                    Field::Start
                }
                Field::Unquoted if b == delimiter => {
                    row_cells += 1;
                    Field::Start
                }
                Field::Start | Field::Unquoted | Field::QuoteInQuoted if b == b'\n' => {
                    row_ends = true;
                    Field::Start
                }
                Field::Start if b == b'"' => {
                    quote_line = line;
                    Field::Quoted
                }
                Field::Quoted if b == b'"' => Field::QuoteInQuoted,
                Field::QuoteInQuoted if b == b'"' => Field::Quoted,
                Field::Quoted => Field::Quoted,
                Field::Start | Field::Unquoted | Field::QuoteInQuoted => Field::Unquoted,
            };
            row_bytes += 1;
            if b == b'\n' {
                line += 1;
            }
            if row_ends {
                (row_line, row_bytes, row_cells) = (line, 0, 1);
            } else if row_cells > MAX_ROW_CELLS {
                failed = Some(Framing::TooManyCells { line: row_line });
                break;
            } else if row_bytes > MAX_ROW_BYTES {
                failed = Some(if field == Field::Quoted {
                    Framing::UnclosedTooLong { line: quote_line }
                } else {
                    Framing::RowTooLong { line: row_line }
                });
                break;
            }
        }
        (self.line, self.field, self.quote_line) = (line, field, quote_line);
        (self.row_line, self.row_bytes, self.row_cells) = (row_line, row_bytes, row_cells);
        match failed {
            Some(framing) => Err(io::Error::other(framing)),
            None => Ok(()),
        }
    }

    /// The end of the text: inside a quoted cell, the quote never closed.
    fn end(&self) -> io::Result<usize> {
        if self.field == Field::Quoted {
            return Err(io::Error::other(Framing::UnclosedAtEnd {
                line: self.quote_line,
            }));
        }
        Ok(0)
    }
}

impl<I: Read> Read for LineEnds<I> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return self.end();
            }
            if !self.after_cr && !buf[..n].contains(&b'\r') {
                self.track(&buf[..n])?;
                return Ok(n);
            }
            // Line ends inside a quoted cell are part of its text: kept as they are.
            let mut kept = 0;
            for i in 0..n {
                let b = buf[i];
                if self.field != Field::Quoted {
                    if b == b'\n' && self.after_cr {
                        self.after_cr = false;
                        continue;
                    }
                    self.after_cr = b == b'\r';
                }
                let out = if self.after_cr { b'\n' } else { b };
                buf[kept] = out;
                kept += 1;
                self.track(&[out])?;
            }
            // A read that held only the LF of a CR LF pair: read again
            // rather than report the end of the file.
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

/// The text of a CSV file as UTF-8.
enum Input<R: Read> {
    /// UTF-8 already: the bytes as they are.
    Plain(BufReader<Raw<R>>),
    /// UTF-16 or Windows-1258, decoded as it streams.
    Decoded(Decoding<Raw<R>>),
}

impl<R: Read> Input<R> {
    fn hashing(&self) -> &Hashing<R> {
        match self {
            Input::Plain(r) => r.get_ref().get_ref().1,
            Input::Decoded(r) => r.get_ref().get_ref().1,
        }
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::Plain(r) => r.read(buf),
            Input::Decoded(r) => r.read(buf),
        }
    }
}

/// The records of a text file.
pub(super) struct TextRecords<R: Read> {
    reader: csv::Reader<LineEnds<Input<R>>>,
    encoding: TextEncoding,
    delimiter: u8,
}

impl<R: Read> TextRecords<R> {
    /// Opens the text whose first bytes are `sample` and whose other bytes
    /// `rest` reads; `complete` when the sample is the whole file. Decides
    /// its encoding (`forced` is `--encoding`) and its delimiter, and notes
    /// them in the layout. `Err` holds a problem with the whole file.
    pub(super) fn open(
        sample: Vec<u8>,
        rest: Hashing<R>,
        complete: bool,
        forced: Option<TextEncoding>,
        layout: &mut Layout,
    ) -> Result<Self, String> {
        layout.format = Some(FileFormat::Csv);
        let (encoding, bom) = sniff::text_encoding(&sample, forced, complete)?;
        layout.encoding = Some(encoding);
        layout.bom = bom > 0;
        let text = match encoding {
            TextEncoding::Utf8 => String::from_utf8_lossy(&sample[bom..]),
            other => {
                other
                    .encoding()
                    .decode_without_bom_handling(&sample[bom..])
                    .0
            }
        };
        let delimiter = sniff::delimiter(&text);
        layout.delimiter = Some(delimiter);
        let mut head = Cursor::new(sample);
        head.set_position(bom as u64);
        let raw = head.chain(rest);
        let input = match encoding {
            TextEncoding::Utf8 => Input::Plain(BufReader::with_capacity(SAMPLE, raw)),
            other => Input::Decoded(Decoding::new(raw, other)),
        };
        let reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(LineEnds::new(input, delimiter));
        Ok(TextRecords {
            reader,
            encoding,
            delimiter,
        })
    }

    fn hashing(&self) -> &Hashing<R> {
        self.reader.get_ref().inner.hashing()
    }
}

impl<R: Read> Records for TextRecords<R> {
    fn next_record(&mut self, record: &mut ByteRecord) -> Step {
        match self.reader.read_byte_record(record) {
            Ok(true) => Step::Record(record.position().map_or(0, csv::Position::line)),
            Ok(false) => Step::End,
            Err(e) => Step::Failed {
                line: framing(&e)
                    .map(Framing::line)
                    .or_else(|| e.position().map(csv::Position::line))
                    .unwrap_or(0),
                message: csv_error(&e, self.encoding),
                // An I/O error ends the file; a malformed record can be skipped.
                fatal: matches!(e.kind(), csv::ErrorKind::Io(_)),
            },
        }
    }

    /// Text cells read the same whatever their column.
    fn set_header(&mut self, _line: u64, _columns: Vec<Option<Column>>) {}

    /// Cells beyond the header's: a value holding the delimiter, unquoted.
    fn record_problems(
        &self,
        record: &ByteRecord,
        _line: u64,
        header: &HeaderShape<'_>,
    ) -> Vec<String> {
        if record.len() <= header.width {
            return Vec::new();
        }
        let mut extra = record.iter().skip(header.width);
        if !extra.any(|c| !c.iter().all(u8::is_ascii_whitespace)) {
            return Vec::new();
        }
        vec![crate::tr!(
            "input-row-wider",
            cells = record.len(),
            width = header.width,
            delimiter = match self.delimiter {
                b';' => crate::tr!("input-delimiter-semicolon"),
                b'\t' => crate::tr!("input-delimiter-tab"),
                _ => crate::tr!("input-delimiter-comma"),
            }
        )]
    }

    fn context(&self) -> String {
        String::new()
    }

    fn empty_message(&self) -> String {
        crate::tr!("input-empty-file")
    }

    fn no_header_hint(&self) -> Option<String> {
        None
    }

    fn sha256(&self) -> String {
        self.hashing().sha256()
    }

    fn bytes_read(&self) -> u64 {
        self.hashing().bytes_read()
    }
}

fn framing(e: &csv::Error) -> Option<&Framing> {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.get_ref().and_then(|i| i.downcast_ref::<Framing>()),
        _ => None,
    }
}

fn csv_error(e: &csv::Error, encoding: TextEncoding) -> String {
    if let Some(framing) = framing(e) {
        return framing.to_string();
    }
    match e.kind() {
        csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::InvalidData => crate::tr!(
            "input-not-valid-text",
            encoding = encoding.to_string(),
            error = io.to_string()
        ),
        csv::ErrorKind::Io(io) => crate::tr!("input-cannot-read", error = io.to_string()),
        csv::ErrorKind::Utf8 { err, .. } => {
            crate::tr!("input-invalid-utf8-position", position = err.field() + 1)
        }
        _ => crate::tr!("input-malformed-csv", error = e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_line_ends(bytes: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        LineEnds::new(bytes, b',').read_to_end(&mut out)?;
        Ok(out)
    }

    /// The framing problem reading `bytes` stops with, and its line.
    fn framing_of(bytes: &[u8]) -> Option<(u64, String)> {
        let err = through_line_ends(bytes).err()?;
        let framing = err.get_ref()?.downcast_ref::<Framing>()?;
        Some((framing.line(), framing.to_string()))
    }

    #[test]
    fn every_line_end_is_one_lf_outside_quotes() {
        let read = through_line_ends(b"a,b\r\nc,\"x\r\ny\"\rd\n").unwrap();
        assert_eq!(read, b"a,b\nc,\"x\r\ny\"\nd\n");
    }

    #[test]
    fn a_quote_that_never_closes_names_its_line() {
        let mut text = b"h\n\"".to_vec();
        text.resize(text.len() + (MAX_ROW_BYTES as usize) + 2, b'x');
        let (line, message) = framing_of(&text).unwrap();
        assert_eq!(line, 2);
        assert!(message.contains("never closes"), "{message}");
    }

    #[test]
    fn a_quote_still_open_at_the_end_of_the_file_names_the_line_it_opens() {
        let text = "h,t\na,\"15 ngày\nb,10 ngày\nc,10 ngày\n";
        let (line, message) = framing_of(text.as_bytes()).unwrap();
        assert_eq!(line, 2);
        assert!(message.contains("the file ends inside it"), "{message}");
        // Closed, even by the file's last byte, it is fine.
        assert!(framing_of(b"h,t\na,\"15\nng\"\"\"\"\"").is_none());
        assert!(framing_of(b"h,t\na,\"\"").is_none());
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_text_as_the_csv_parser_reads_it() {
        // 5" (inches) opens nothing: the parser reads it as text too.
        let text = b"h,t\nTivi 5\" mang,x\nb,\"c\"\"d\",e\n";
        assert!(framing_of(text).is_none());
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&text[..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[1][0], "Tivi 5\" mang");
        assert_eq!(&rows[2][1], "c\"d");
    }

    #[test]
    fn a_row_without_a_line_end_stops_at_the_limit() {
        let mut text = b"h,t\nrow two\n".to_vec();
        text.resize(text.len() + MAX_ROW_BYTES as usize + 1, 0);
        let (line, message) = framing_of(&text).unwrap();
        assert_eq!(line, 3);
        assert!(
            message.contains("limit on the length of a row"),
            "{message}"
        );
        // A row of exactly the limit is read.
        let mut text = b"h\n".to_vec();
        text.resize(text.len() + MAX_ROW_BYTES as usize - 1, b'x');
        text.push(b'\n');
        assert!(framing_of(&text).is_none());
    }

    #[test]
    fn a_row_of_too_many_cells_stops_at_the_limit() {
        let mut text = b"h\n\r\n".to_vec();
        text.extend(std::iter::repeat_n(b',', MAX_ROW_CELLS as usize - 1));
        text.push(b'\n');
        assert!(framing_of(&text).is_none());
        text.extend(std::iter::repeat_n(b',', MAX_ROW_CELLS as usize));
        let (line, message) = framing_of(&text).unwrap();
        assert_eq!(line, 4);
        assert!(message.contains("limit on the cells of a row"), "{message}");
        // Delimiters inside quotes are text.
        let mut quoted = b"h\n\"".to_vec();
        quoted.extend(std::iter::repeat_n(b',', 2 * MAX_ROW_CELLS as usize));
        quoted.extend(b"\"\n");
        assert!(framing_of(&quoted).is_none());
    }
}
