//! Decision files as text: CSV in any of the accepted encodings and
//! delimiters, decoded as it streams, with its line ends made one and its
//! quotes followed.

use std::io::{self, BufReader, Cursor, Read};

use csv::{ByteRecord, ReaderBuilder};

use super::columns::Column;
use super::encoding::{Decoding, TextEncoding};
use super::records::{HeaderShape, Records, Step};
use super::sniff::{self, SAMPLE, delimiter_name};
use super::{FileFormat, Hashing, Layout};

/// The raw bytes: the sample already read, then the rest, all hashed.
type Raw<R> = io::Chain<Cursor<Vec<u8>>, Hashing<R>>;

/// Line ends read as `\n`: a CR LF pair and a lone CR (old Mac files) both
/// become one LF, so records, cells and line numbers are the same whatever
/// the line ends (the CSV parser's own count is off by one for CR LF files).
///
/// It also follows the quotes, so that a quote that never closes fails fast
/// with its line instead of making the rest of the file one cell in memory.
struct LineEnds<I> {
    inner: I,
    /// The last byte passed on was a CR (turned into LF): a LF right after it is dropped.
    after_cr: bool,
    /// Line of the next byte passed on.
    line: u64,
    /// Inside a quoted cell: the line of its opening quote and its length so far.
    quoted: Option<(u64, u64)>,
}

/// Longest quoted cell read: far beyond any real cell (a 100 KB name is
/// fine), short enough to keep memory small when a quote never closes.
const MAX_QUOTED_BYTES: u64 = 16 << 20;

/// The error a quote that never closes stops the reading with.
#[derive(Debug)]
struct UnclosedQuote {
    line: u64,
}

impl std::fmt::Display for UnclosedQuote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the quote (\") that opens a cell on this line never closes: more than {} MB follow without it",
            MAX_QUOTED_BYTES >> 20
        )
    }
}

impl std::error::Error for UnclosedQuote {}

impl<I: Read> LineEnds<I> {
    fn new(inner: I) -> Self {
        LineEnds {
            inner,
            after_cr: false,
            line: 1,
            quoted: None,
        }
    }

    /// Follows quotes and line breaks through bytes about to be passed on.
    fn track(&mut self, bytes: &[u8]) -> io::Result<()> {
        // Plain locals in the loop: this runs over every byte of a file.
        let mut line = self.line;
        let (mut inside, mut opened, mut length) = match self.quoted {
            Some((opened, length)) => (true, opened, length),
            None => (false, 0, 0),
        };
        for &b in bytes {
            if b == b'"' {
                inside = !inside;
                opened = line;
                length = 0;
            } else if inside {
                length += 1;
            }
            if b == b'\n' {
                line += 1;
            }
        }
        self.line = line;
        self.quoted = inside.then_some((opened, length));
        if inside && length > MAX_QUOTED_BYTES {
            return Err(io::Error::other(UnclosedQuote { line: opened }));
        }
        Ok(())
    }
}

impl<I: Read> Read for LineEnds<I> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            if !self.after_cr && !buf[..n].contains(&b'\r') {
                self.track(&buf[..n])?;
                return Ok(n);
            }
            // Line ends inside a quoted cell are part of its text: kept as they are.
            let mut kept = 0;
            for i in 0..n {
                let b = buf[i];
                if self.quoted.is_none() {
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
            .from_reader(LineEnds::new(input));
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
                line: unclosed_quote(&e)
                    .map(|q| q.line)
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
        vec![format!(
            "row has {} cells but the header has {}: a value containing a {} must be quoted",
            record.len(),
            header.width,
            delimiter_name(self.delimiter)
        )]
    }

    fn context(&self) -> String {
        String::new()
    }

    fn empty_message(&self) -> String {
        "empty file: no header row".to_owned()
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

fn unclosed_quote(e: &csv::Error) -> Option<&UnclosedQuote> {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.get_ref().and_then(|i| i.downcast_ref::<UnclosedQuote>()),
        _ => None,
    }
}

fn csv_error(e: &csv::Error, encoding: TextEncoding) -> String {
    if let Some(quote) = unclosed_quote(e) {
        return quote.to_string();
    }
    match e.kind() {
        csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::InvalidData => {
            format!("not valid {encoding} text: {io} (save the file as CSV UTF-8)")
        }
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in column {}", err.field() + 1),
        _ => format!("malformed CSV: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_line_ends(bytes: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        LineEnds::new(bytes).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn every_line_end_is_one_lf_outside_quotes() {
        let read = through_line_ends(b"a,b\r\nc,\"x\r\ny\"\rd\n").unwrap();
        assert_eq!(read, b"a,b\nc,\"x\r\ny\"\nd\n");
    }

    #[test]
    fn a_quote_that_never_closes_names_its_line() {
        let mut text = b"h\n\"".to_vec();
        text.resize(text.len() + (MAX_QUOTED_BYTES as usize) + 2, b'x');
        let err = through_line_ends(&text).unwrap_err();
        let quote = err
            .get_ref()
            .and_then(|e| e.downcast_ref::<UnclosedQuote>());
        assert_eq!(quote.map(|q| q.line), Some(2));
    }
}
