//! The CSV decision-file reader.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};

use csv::{ByteRecord, ReaderBuilder};

use super::columns::Column;
use super::{Defaults, Hashing, Problem};
use crate::domain::text::{clean, clean_cow};
use crate::domain::{Action, Code, Day, DecisionId, DecisionRow, Details, LevelSet};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the rows of one decision file. Iterating yields each data record as a
/// checked row, or the problems found in it.
pub struct DecisionReader<R: Read> {
    file: String,
    reader: csv::Reader<BufReader<Hashing<R>>>,
    columns: Vec<(usize, Column)>,
    width: usize,
    ignored: Vec<String>,
    defaults: Defaults,
    record: ByteRecord,
    records: u64,
    done: bool,
}

/// The result of reading one record.
pub type RowResult = Result<DecisionRow, Vec<Problem>>;

impl<R: Read> DecisionReader<R> {
    /// Opens a reader and checks the header row. `file` is the name used in messages.
    pub fn new(file: &str, input: R, defaults: &Defaults) -> Result<Self, Vec<Problem>> {
        let problem = |line, msg: String| vec![Problem::new(file, line, msg)];
        let mut buffered = BufReader::with_capacity(1 << 16, Hashing::new(input));
        match buffered.fill_buf() {
            Ok(buf) if buf.starts_with(UTF8_BOM) => buffered.consume(UTF8_BOM.len()),
            Ok(_) => {}
            Err(e) => return Err(problem(1, format!("cannot read: {e}"))),
        }
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(buffered);
        let mut header = ByteRecord::new();
        match reader.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => return Err(problem(1, "empty file: no header row".to_owned())),
            Err(e) => return Err(problem(1, csv_error(&e))),
        }
        let mut columns = Vec::new();
        let mut ignored = Vec::new();
        let mut index = [None; Column::ALL.len()];
        let mut problems = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let Ok(text) = std::str::from_utf8(raw) else {
                problems.push(Problem::new(
                    file,
                    1,
                    format!(
                        "header column {}: invalid UTF-8 (save the file as UTF-8)",
                        i + 1
                    ),
                ));
                continue;
            };
            let name = clean(text);
            match Column::from_header(&name) {
                Some(col) if index[col as usize].is_some() => problems.push(Problem::new(
                    file,
                    1,
                    format!("header {name:?}: column {} appears twice", col.as_str()),
                )),
                Some(col) => {
                    index[col as usize] = Some(i);
                    columns.push((i, col));
                }
                None if name.is_empty() => {}
                None => ignored.push(name),
            }
        }
        let required = [
            (
                Column::Decision,
                defaults.decision.is_none(),
                " (or give --decision)",
            ),
            (
                Column::Signed,
                defaults.signed.is_none(),
                " (or give --signed)",
            ),
            (Column::Action, true, ""),
            (Column::Code, true, ""),
            (Column::Level, true, ""),
        ];
        for (col, needed, hint) in required {
            if needed && index[col as usize].is_none() {
                problems.push(Problem::new(
                    file,
                    1,
                    format!(
                        "missing required column {} (Vietnamese: {:?}){hint}",
                        col.as_str(),
                        col.vietnamese()[0]
                    ),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(DecisionReader {
            file: file.to_owned(),
            reader,
            columns,
            width: header.len(),
            ignored,
            defaults: defaults.clone(),
            record: ByteRecord::new(),
            records: 0,
            done: false,
        })
    }

    /// Header cells that name no known column (for example `STT`).
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }

    /// The known columns found in the header, with their positions.
    pub fn columns(&self) -> &[(usize, Column)] {
        &self.columns
    }

    /// SHA-256 of the bytes read so far (of the whole file once iteration ends).
    pub fn sha256(&self) -> String {
        self.reader.get_ref().get_ref().sha256()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.reader.get_ref().get_ref().bytes()
    }

    /// The record's cells by column, trimmed and NFC; missing columns are empty.
    fn read_cells(&self, line: u64) -> Result<[Cow<'_, str>; Column::ALL.len()], Vec<Problem>> {
        let mut problems = Vec::new();
        let mut cells: [Cow<'_, str>; Column::ALL.len()] = Default::default();
        for &(i, col) in &self.columns {
            let raw = self.record.get(i).unwrap_or_default();
            match std::str::from_utf8(raw) {
                Ok(text) => cells[col as usize] = clean_cow(text),
                Err(_) => problems.push(Problem::new(
                    &self.file,
                    line,
                    format!(
                        "column {}: invalid UTF-8 (save the file as UTF-8)",
                        col.as_str()
                    ),
                )),
            }
        }
        if problems.is_empty() {
            Ok(cells)
        } else {
            Err(problems)
        }
    }

    fn parse_record(&self, line: u64) -> RowResult {
        let mut cells = self.read_cells(line)?;
        let mut check = Checker {
            file: &self.file,
            line,
            problems: Vec::new(),
        };
        let [
            name,
            field,
            agency,
            processing_time,
            fee,
            legal_basis,
            replaces,
        ] = [
            Column::Name,
            Column::Field,
            Column::Agency,
            Column::ProcessingTime,
            Column::Fee,
            Column::LegalBasis,
            Column::Replaces,
        ]
        .map(|c| std::mem::take(&mut cells[c as usize]).into_owned());
        let cell = |col: Column| cells[col as usize].as_ref();

        let number = match (cell(Column::Decision), &self.defaults.decision) {
            ("", Some(d)) => Some(d.clone()),
            ("", None) => check.fail(
                Column::Decision,
                "is empty: every row needs the decision number",
            ),
            (n, _) => Some(n.to_owned()),
        };
        let signed = match (cell(Column::Signed), self.defaults.signed) {
            ("", Some(d)) => Some(d),
            ("", None) => check.fail(Column::Signed, "is empty: every row needs the signing date"),
            (s, _) => check.value(Column::Signed, Day::parse(s)),
        };
        let effective = match (cell(Column::Effective), self.defaults.effective) {
            ("", Some(d)) => Some(d),
            ("", None) => signed,
            (s, _) => check.value(Column::Effective, Day::parse(s)),
        };
        let action = check.value(Column::Action, Action::parse(cell(Column::Action)));
        let code = check.value(Column::Code, Code::parse(cell(Column::Code)));
        let levels = check.value(Column::Level, LevelSet::parse(cell(Column::Level)));
        let replaces = check.replaces(action, &replaces).ok();
        check.required_details(action, &name, &field);
        if !check.problems.is_empty() {
            return Err(check.problems);
        }
        match (number, signed, effective, action, code, levels, replaces) {
            (
                Some(number),
                Some(signed),
                Some(effective),
                Some(action),
                Some(code),
                Some(levels),
                Some(replaces),
            ) => Ok(DecisionRow {
                line,
                decision: DecisionId { number, signed },
                effective,
                action,
                code,
                levels,
                replaces,
                details: Details {
                    name,
                    field,
                    agency,
                    processing_time,
                    fee,
                    legal_basis,
                },
            }),
            _ => Err(vec![Problem::new(
                &self.file,
                line,
                "row could not be read",
            )]),
        }
    }
}

/// Collects the problems of one record.
struct Checker<'a> {
    file: &'a str,
    line: u64,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    /// The replaced code: required on replaced rows, refused on the others.
    /// `Err` when the cell is wrong (the problem is recorded).
    fn replaces(&mut self, action: Option<Action>, raw: &str) -> Result<Option<Code>, ()> {
        let checked = match (action, raw) {
            (Some(Action::Replaced), "") => self.fail(
                Column::Replaces,
                "is empty: a replaced row must name the code it replaces",
            ),
            (Some(Action::Replaced), r) => self.value(Column::Replaces, Code::parse(r)).map(Some),
            (Some(a), r) if !r.is_empty() => self.fail(
                Column::Replaces,
                &format!(
                    "holds {r:?} on a row whose action is {a}: only replaced rows name a replaced code"
                ),
            ),
            _ => Some(None),
        };
        checked.ok_or(())
    }

    /// Added and replaced rows bring a new entry in: they need its name and field.
    fn required_details(&mut self, action: Option<Action>, name: &str, field: &str) {
        if !matches!(action, Some(Action::Added | Action::Replaced)) {
            return;
        }
        for (col, value) in [(Column::Name, name), (Column::Field, field)] {
            if value.is_empty() {
                self.problem(format!(
                    "column {} is empty: {} rows need a {}",
                    col.as_str(),
                    action.map_or("", Action::as_str),
                    col.as_str()
                ));
            }
        }
    }

    fn problem(&mut self, message: String) {
        self.problems
            .push(Problem::new(self.file, self.line, message));
    }

    fn fail<T>(&mut self, col: Column, what: &str) -> Option<T> {
        self.problem(format!("column {} {what}", col.as_str()));
        None
    }

    fn value<T>(&mut self, col: Column, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(msg) => {
                self.problem(format!("column {}: {msg}", col.as_str()));
                None
            }
        }
    }
}

impl<R: Read> Iterator for DecisionReader<R> {
    type Item = RowResult;

    fn next(&mut self) -> Option<RowResult> {
        loop {
            if self.done {
                return None;
            }
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    if self.records == 0 {
                        return Some(Err(vec![Problem::new(
                            &self.file,
                            1,
                            "no rows: the file has a header but no procedures",
                        )]));
                    }
                    return None;
                }
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    // An I/O error ends the file; a malformed record can be skipped.
                    self.done = matches!(e.kind(), csv::ErrorKind::Io(_));
                    self.records += 1;
                    return Some(Err(vec![Problem::new(&self.file, line, csv_error(&e))]));
                }
            }
            let line = self.record.position().map_or(0, csv::Position::line);
            if self
                .record
                .iter()
                .all(|c| c.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            self.records += 1;
            if self.record.len() > self.width {
                let mut extra = self.record.iter().skip(self.width);
                if extra.any(|c| !c.iter().all(u8::is_ascii_whitespace)) {
                    return Some(Err(vec![Problem::new(
                        &self.file,
                        line,
                        format!(
                            "row has {} cells but the header has {}: a value containing a comma must be quoted",
                            self.record.len(),
                            self.width
                        ),
                    )]));
                }
            }
            return Some(self.parse_record(line));
        }
    }
}

fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in column {}", err.field() + 1),
        _ => format!("malformed CSV: {e}"),
    }
}
