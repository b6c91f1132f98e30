//! The decision-file reader: finds the header in the records of any source
//! (text or a sheet), maps its cells to columns and checks each row.

use std::borrow::Cow;
use std::io::Read;

use csv::ByteRecord;

use super::columns::Column;
use super::document::Document;
use super::docx::{self, DocxError};
use super::encoding::garbled_cell;
use super::records::{HeaderShape, Records, Step};
use super::sheet::SheetRecords;
use super::sniff::{self, HEADER_MIN_COLUMNS, HEADER_SEARCH, Kind, SAMPLE, known_columns};
use super::text::TextRecords;
use super::{Defaults, FileFormat, Hashing, HeaderCell, Layout, Notes, Problem, SkippedRow};
use crate::domain::row_rules;
use crate::domain::text::{clean, clean_cow};
use crate::domain::values::{CodeInName, LevelCell, inter_agency_words, online_words};
use crate::domain::{Action, Code, Day, DecisionId, DecisionRow, Details, LevelSet};

/// Where records come from.
pub(super) enum Source<R: Read> {
    Text(Box<TextRecords<R>>),
    Sheet(Box<SheetRecords>),
}

impl<R: Read> Source<R> {
    pub(super) fn records(&self) -> &dyn Records {
        match self {
            Source::Text(text) => text.as_ref(),
            Source::Sheet(sheet) => sheet.as_ref(),
        }
    }

    pub(super) fn records_mut(&mut self) -> &mut dyn Records {
        match self {
            Source::Text(text) => text.as_mut(),
            Source::Sheet(sheet) => sheet.as_mut(),
        }
    }
}

/// A file that could not be opened as a decision file: its problems, and
/// as much of its layout as was found.
#[derive(Debug)]
pub struct OpenError {
    pub problems: Vec<Problem>,
    pub layout: Layout,
    /// The file has the shape of a decision as published, and reading it
    /// whole failed: its problems are the file's, not its header's.
    pub published: bool,
}

/// Reads the rows of one decision file. Iterating yields each data record as a
/// checked row, or the problems found in it.
pub struct DecisionReader<R: Read> {
    file: String,
    source: Source<R>,
    columns: Vec<(usize, Column)>,
    has: [bool; Column::TABLE.len()],
    width: usize,
    ignored: Vec<String>,
    defaults: Defaults,
    record: ByteRecord,
    records: u64,
    done: bool,
    layout: Layout,
    notes: Notes,
    /// Before every message: `sheet "Phụ lục I": ` for a workbook.
    context: String,
    /// How messages name each column: as the file's header does.
    labels: Labels,
    /// The missing code column was reported on the header line.
    code_column_reported: bool,
}

/// The result of reading one record.
pub type RowResult = Result<DecisionRow, Vec<Problem>>;

/// What one record gave.
enum Outcome {
    Row {
        row: DecisionRow,
        code_from_name: bool,
    },
    Problems {
        problems: Vec<Problem>,
        no_code_column: bool,
    },
    Skipped(SkippedRow),
}

impl<R: Read> DecisionReader<R> {
    /// Opens a reader and checks the header row. `file` is the name used in messages.
    pub fn new(file: &str, input: R, defaults: &Defaults) -> Result<Self, Vec<Problem>> {
        Self::open(file, input, defaults).map_err(|e| e.problems)
    }

    /// [`DecisionReader::new`] that also tells, on failure, what was found
    /// of the file. A decision as published (see [`open_decision`]) is
    /// refused for want of action and level columns.
    pub fn open(file: &str, input: R, defaults: &Defaults) -> Result<Self, Box<OpenError>> {
        let mut layout = Layout::default();
        let source = match open_source(input, defaults, &mut layout) {
            Ok(Opening::Records(source)) => source,
            Ok(Opening::Word(..)) => {
                let message = crate::tr!("input-word-is-published");
                let problems = vec![Problem::new(file, 0, message)];
                return Err(Box::new(OpenError {
                    problems,
                    layout,
                    published: false,
                }));
            }
            Err((line, message)) => {
                let problems = vec![Problem::new(file, line, message)];
                return Err(Box::new(OpenError {
                    problems,
                    layout,
                    published: false,
                }));
            }
        };
        match Self::from_source(file, source, defaults, layout, false)? {
            Opened::Rows(reader) => Ok(*reader),
            // Not asked for: a table is read row by row or not at all.
            Opened::Published(_) => Err(Box::new(OpenError {
                problems: vec![Problem::new(file, 0, crate::tr!("input-file-is-published"))],
                layout: Layout::default(),
                published: false,
            })),
        }
    }

    /// Reads the header of a file whose records are open; with `published`,
    /// a file in the shape of a decision as published is read whole instead.
    fn from_source(
        file: &str,
        mut source: Source<R>,
        defaults: &Defaults,
        mut layout: Layout,
        published: bool,
    ) -> Result<Opened<R>, Box<OpenError>> {
        let context = source.records().context();
        let problem =
            |line: u64, message: String| Problem::new(file, line, format!("{context}{message}"));
        let header = match find_header(source.records_mut(), &mut layout) {
            Ok(header) => header,
            Err((line, message)) => {
                let problems = vec![problem(line, message)];
                return Err(Box::new(OpenError {
                    problems,
                    layout,
                    published: false,
                }));
            }
        };
        if published && header.is_published() {
            return read_whole(file, source.records_mut(), &header, layout)
                .map(|p| Opened::Published(Box::new(p)));
        }
        let line = header.line;
        let Mapped {
            columns,
            ignored,
            has,
            mut problems,
        } = map_header(&header.record, defaults, &mut layout, &|m| problem(line, m));
        if !problems.is_empty() {
            if !header.found
                && let Some(hint) = source.records().no_header_hint()
            {
                problems.push(problem(line, hint));
            }
            return Err(Box::new(OpenError {
                problems,
                layout,
                published: false,
            }));
        }
        let mut kinds = vec![None; header.record.len()];
        for &(i, col) in &columns {
            kinds[i] = Some(col);
        }
        let labels = labels(&layout);
        let notes = Notes {
            labels: labels.clone(),
            ..Notes::default()
        };
        source.records_mut().set_header(line, kinds);
        Ok(Opened::Rows(Box::new(DecisionReader {
            file: file.to_owned(),
            source,
            columns,
            has,
            width: header.record.len(),
            ignored,
            defaults: defaults.clone(),
            record: ByteRecord::new(),
            records: 0,
            done: false,
            layout,
            notes,
            context,
            labels,
            code_column_reported: false,
        })))
    }

    /// Header cells that name no known column (for example `STT`).
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }

    /// The known columns found in the header, with their positions.
    pub fn columns(&self) -> &[(usize, Column)] {
        &self.columns
    }

    /// How the file was read: format, encoding, delimiter, header.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// What was noticed so far besides the rows: codes taken from names,
    /// rows skipped by `--levels`, heading rows.
    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    /// Data rows read so far, without blank, heading and skipped rows.
    pub fn rows_read(&self) -> u64 {
        self.records - self.notes.skipped.len() as u64
    }

    /// SHA-256 of the bytes read so far (of the whole file once iteration ends).
    pub fn sha256(&self) -> String {
        self.source.records().sha256()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.source.records().bytes_read()
    }

    fn problem(&self, line: u64, message: impl std::fmt::Display) -> Problem {
        Problem::new(&self.file, line, format!("{}{message}", self.context))
    }

    /// The record's cells by column, trimmed and NFC; missing columns are empty.
    fn read_cells(&self, line: u64) -> Result<[Cow<'_, str>; Column::TABLE.len()], Vec<Problem>> {
        let mut problems = Vec::new();
        let mut cells: [Cow<'_, str>; Column::TABLE.len()] = Default::default();
        for &(i, col) in &self.columns {
            let raw = self.record.get(i).unwrap_or_default();
            match std::str::from_utf8(raw) {
                Ok(text) => {
                    if let Some(legacy) = garbled_cell(text) {
                        problems.push(self.problem(
                            line,
                            crate::tr!(
                                "input-column-value",
                                column = self.labels.of(col),
                                message = legacy.garbled_cell_problem()
                            ),
                        ));
                    }
                    cells[col as usize] = clean_cow(text);
                }
                Err(_) => problems.push(self.problem(
                    line,
                    crate::tr!("input-column-invalid-utf8", column = self.labels.of(col)),
                )),
            }
        }
        if problems.is_empty() {
            Ok(cells)
        } else {
            Err(problems)
        }
    }

    fn parse_record(&self, line: u64) -> Outcome {
        let mut cells = match self.read_cells(line) {
            Ok(cells) => cells,
            Err(problems) => {
                return Outcome::Problems {
                    problems,
                    no_code_column: false,
                };
            }
        };
        let mut check = Checker {
            file: &self.file,
            context: &self.context,
            labels: &self.labels,
            line,
            problems: Vec::new(),
        };
        let [
            mut name,
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

        let (code, code_from_name, no_code_column) =
            self.code(&mut check, cell(Column::Code), &mut name);
        let level_raw = cell(Column::Level);
        let Some((levels, shared)) = self.levels(&mut check, level_raw) else {
            return Outcome::Skipped(SkippedRow {
                file: self.file.clone(),
                line,
                code: code.map_or_else(|| cell(Column::Code).to_owned(), |c| c.to_string()),
                level: level_raw.to_owned(),
            });
        };
        let (number, signed, effective) = self.decision(&mut check, &cells);
        check.shared_levels(level_raw, shared, effective);
        let action = check.value(Column::Action, Action::parse(cell(Column::Action)));
        let replaces = check.replaces(action, &replaces).ok();
        check.required_details(action, &name, &field);
        check.district_abolished(action, levels, effective);
        let (online, inter_agency) =
            check.services(cell(Column::Online), cell(Column::InterAgency));
        if !check.problems.is_empty() {
            return Outcome::Problems {
                problems: check.problems,
                no_code_column,
            };
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
            ) => Outcome::Row {
                row: DecisionRow {
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
                        online: online.to_owned(),
                        inter_agency: inter_agency.to_owned(),
                    },
                    provenance: None,
                    by_name: code == Code::stand_in(),
                },
                code_from_name,
            },
            _ => Outcome::Problems {
                problems: vec![self.problem(line, crate::tr!("input-row-unreadable"))],
                no_code_column,
            },
        }
    }

    /// The code, from its cell, or else from the name cell (and taken out of
    /// the name). Also: whether it came from the name, and whether a missing
    /// code column is to blame for having none.
    fn code(
        &self,
        check: &mut Checker<'_>,
        raw: &str,
        name: &mut String,
    ) -> (Option<Code>, bool, bool) {
        if !raw.is_empty() {
            return (check.value(Column::Code, Code::parse(raw)), false, false);
        }
        match Code::from_name(name) {
            CodeInName::Found { code, name: rest } => {
                *name = rest;
                (Some(code), true, false)
            }
            CodeInName::Several(codes) => {
                let codes: Vec<String> = codes.iter().map(Code::to_string).collect();
                let message = crate::tr!("input-name-several-codes", codes = codes.join(", "));
                (check.fail(Column::Name, &message), false, false)
            }
            // A procedure without a code yet, or a change that names its
            // entry by name: the import settles it.
            CodeInName::None if self.has[Column::Code as usize] && !name.is_empty() => {
                (Some(Code::stand_in()), false, false)
            }
            CodeInName::None if self.has[Column::Code as usize] => (
                check.fail(Column::Code, &crate::tr!("input-code-and-name-empty")),
                false,
                false,
            ),
            CodeInName::None => {
                let message = crate::tr!("input-name-no-code", name = format!("{name:?}"));
                (check.value(Column::Name, Err(message)), false, true)
            }
        }
    }

    /// The levels of a row, less those `--levels` leaves out, and whether the
    /// cell was bare shared wording. `None` when `--levels` leaves none: the
    /// row is skipped.
    fn levels(&self, check: &mut Checker<'_>, raw: &str) -> Option<(Option<LevelSet>, bool)> {
        match (LevelCell::parse(raw), self.defaults.levels) {
            (Ok(parsed), Some(keep)) => {
                let kept = parsed.levels.intersection(keep);
                (!kept.is_empty()).then_some((Some(kept), parsed.shared))
            }
            (Ok(parsed), None) if parsed.outside.is_empty() => {
                Some((Some(parsed.levels), parsed.shared))
            }
            // A level outside the catalog: the message says how to leave it out.
            (Ok(_), None) => Some((check.value(Column::Level, LevelSet::parse(raw)), false)),
            (Err(message), _) => {
                Some((check.value::<LevelSet>(Column::Level, Err(message)), false))
            }
        }
    }

    /// The decision number, signing date and effective date of a row, from
    /// its cells or the command line.
    fn decision(
        &self,
        check: &mut Checker<'_>,
        cells: &[Cow<'_, str>; Column::TABLE.len()],
    ) -> (Option<String>, Option<Day>, Option<Day>) {
        let cell = |col: Column| cells[col as usize].as_ref();
        let number = match (cell(Column::Decision), &self.defaults.decision) {
            ("", Some(d)) => Some(d.clone()),
            ("", None) => check.fail(Column::Decision, &crate::tr!("input-decision-empty")),
            (n, _) => Some(n.to_owned()),
        };
        let signed = match (cell(Column::Signed), self.defaults.signed) {
            ("", Some(d)) => Some(d),
            ("", None) => check.fail(Column::Signed, &crate::tr!("input-signed-empty")),
            (s, _) => check.value(Column::Signed, Day::parse(s)),
        };
        let effective = match (cell(Column::Effective), self.defaults.effective) {
            ("", Some(d)) => Some(d),
            ("", None) => signed,
            (s, _) => check.value(Column::Effective, Day::parse(s)),
        };
        (number, signed, effective)
    }

    /// A row with text only outside the known columns: a section heading.
    fn is_heading(&self) -> bool {
        self.columns.iter().all(|&(i, _)| {
            self.record
                .get(i)
                .is_none_or(|c| c.iter().all(u8::is_ascii_whitespace))
        })
    }
}

/// Collects the problems of one record.
struct Checker<'a> {
    file: &'a str,
    context: &'a str,
    labels: &'a Labels,
    line: u64,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    /// The district level is no more from 2025-07-01 (see
    /// [`row_rules::district_abolished`]).
    fn district_abolished(
        &mut self,
        action: Option<Action>,
        levels: Option<LevelSet>,
        effective: Option<Day>,
    ) {
        if let (Some(action), Some(levels), Some(effective)) = (action, levels, effective)
            && let Err(message) = row_rules::district_abolished(action, levels, effective)
        {
            self.value::<()>(Column::Level, Err(message));
        }
    }

    /// The replaced code: required on replaced rows, refused on the others.
    /// `Err` when the cell is wrong (the problem is recorded).
    fn replaces(&mut self, action: Option<Action>, raw: &str) -> Result<Option<Code>, ()> {
        let checked = match (action, raw) {
            (Some(Action::Replaced), "") => {
                self.fail(Column::Replaces, &crate::tr!("input-replaces-empty"))
            }
            (Some(Action::Replaced), r) => self.value(Column::Replaces, Code::parse(r)).map(Some),
            (Some(a), r) if !r.is_empty() => self.fail(
                Column::Replaces,
                &crate::tr!(
                    "input-replaces-not-replaced",
                    raw = format!("{r:?}"),
                    action = a.word()
                ),
            ),
            _ => Some(None),
        };
        checked.ok_or(())
    }

    /// The catalog's rule on shared wording (see [`row_rules::shared_levels`]).
    fn shared_levels(&mut self, raw: &str, shared: bool, effective: Option<Day>) {
        if let Some(day) = effective
            && let Err(message) = row_rules::shared_levels(raw, shared, day)
        {
            self.fail::<()>(Column::Level, &message);
        }
    }

    /// The catalog's rule on the details of new entries (see [`row_rules::required_details`]).
    /// The online service and inter-agency cells, in the words a catalog keeps.
    fn services(&mut self, online: &str, inter_agency: &str) -> (&'static str, &'static str) {
        (
            self.value(Column::Online, online_words(online))
                .unwrap_or_default(),
            self.value(Column::InterAgency, inter_agency_words(inter_agency))
                .unwrap_or_default(),
        )
    }

    fn required_details(&mut self, action: Option<Action>, name: &str, field: &str) {
        let Some(action) = action else {
            return;
        };
        for missing in row_rules::required_details(action, name, field) {
            let col = if missing.field == "name" {
                Column::Name
            } else {
                Column::Field
            };
            self.fail::<()>(col, &missing.to_string());
        }
    }

    fn problem(&mut self, message: &str) {
        self.problems.push(Problem::new(
            self.file,
            self.line,
            format!("{}{message}", self.context),
        ));
    }

    fn fail<T>(&mut self, col: Column, what: &str) -> Option<T> {
        self.problem(&crate::tr!(
            "input-column-is",
            column = self.labels.of(col),
            what = what
        ));
        None
    }

    fn value<T>(&mut self, col: Column, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(msg) => {
                self.problem(&crate::tr!(
                    "input-column-value",
                    column = self.labels.of(col),
                    message = msg
                ));
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
            let line = match self.source.records_mut().next_record(&mut self.record) {
                Step::Record(line) => line,
                Step::End => {
                    self.done = true;
                    let skipped = self.notes.skipped.len() as u64;
                    let message = if self.records == 0 {
                        crate::tr!("input-no-rows")
                    } else if self.records == skipped {
                        crate::tr!(
                            "input-no-rows-left",
                            count = skipped,
                            levels = self.defaults.levels.unwrap_or_default().to_words()
                        )
                    } else {
                        return None;
                    };
                    return Some(Err(vec![self.problem(self.layout.header_line, message)]));
                }
                Step::Failed {
                    line,
                    message,
                    fatal,
                } => {
                    self.done = fatal;
                    self.records += 1;
                    return Some(Err(vec![self.problem(line, message)]));
                }
            };
            if is_blank(&self.record) {
                continue;
            }
            if self.is_heading() {
                let text = record_text(&self.record);
                self.notes.headings.push((line, text));
                continue;
            }
            self.records += 1;
            let shape = HeaderShape {
                width: self.width,
                columns: &self.columns,
                labels: &self.labels,
            };
            let problems = self
                .source
                .records()
                .record_problems(&self.record, line, &shape);
            if !problems.is_empty() {
                let problems = problems.iter().map(|m| self.problem(line, m)).collect();
                return Some(Err(problems));
            }
            match self.parse_record(line) {
                Outcome::Row {
                    row,
                    code_from_name,
                } => {
                    self.notes.codes_from_names += u64::from(code_from_name);
                    return Some(Ok(row));
                }
                Outcome::Skipped(skipped) => self.notes.skipped.push(skipped),
                Outcome::Problems {
                    mut problems,
                    no_code_column,
                } => {
                    if no_code_column && !self.code_column_reported {
                        self.code_column_reported = true;
                        problems.insert(
                            0,
                            self.problem(self.layout.header_line, missing_code_column()),
                        );
                    }
                    return Some(Err(problems));
                }
            }
        }
    }
}

/// Decides what the file is from its first bytes and opens its records.
/// `Err` holds a problem with the whole file: its line (0 for none) and message.
pub(super) fn open_source<R: Read>(
    input: R,
    defaults: &Defaults,
    layout: &mut Layout,
) -> Result<Opening<R>, (u64, String)> {
    let mut hashing = Hashing::new(input);
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut hashing)
        .take(SAMPLE as u64)
        .read_to_end(&mut sample)
        .map_err(|e| (1, crate::tr!("input-cannot-read", error = e.to_string())))?;
    let complete = sample.len() < SAMPLE;
    let kind = sniff::kind(&sample);
    if kind == Kind::Text {
        if let Some(found) = docx::foreign_format(&sample).filter(|_| !sample.is_empty()) {
            return Err((0, DocxError::NotDocx { found }.to_string()));
        }
        let text = TextRecords::open(sample, hashing, complete, defaults.encoding, layout)
            .map_err(|message| (0, message))?;
        return Ok(Opening::Records(Source::Text(Box::new(text))));
    }
    // Read whole (a zip's directory is at its end), one byte past the
    // limit to tell a file at the limit from a larger one.
    (&mut hashing)
        .take(docx::MAX_FILE - sample.len() as u64 + 1)
        .read_to_end(&mut sample)
        .map_err(|e| (1, crate::tr!("input-cannot-read", error = e.to_string())))?;
    if sample.len() as u64 > docx::MAX_FILE {
        return Err((
            0,
            crate::tr!("input-file-too-large", mb = docx::MAX_FILE >> 20),
        ));
    }
    let digest = (hashing.sha256(), hashing.bytes_read());
    if kind == Kind::Zip && docx::is_word(&sample) {
        layout.format = Some(FileFormat::Docx);
        let document = docx::read(&sample).map_err(|e| (0, e.to_string()))?;
        return Ok(Opening::Word(document, digest));
    }
    if kind == Kind::Ole && docx::is_legacy_word(&sample) {
        let found = "a Word 97-2003 document (.doc)";
        return Err((0, DocxError::NotDocx { found }.to_string()));
    }
    let sheet = SheetRecords::open(
        &sample,
        kind == Kind::Ole,
        defaults.sheet.as_deref(),
        digest,
        layout,
    )
    .map_err(|message| (0, message))?;
    Ok(Opening::Records(Source::Sheet(Box::new(sheet))))
}

/// What the first bytes of a file open: records, or a Word document read whole.
pub(super) enum Opening<R: Read> {
    Records(Source<R>),
    Word(Document, (String, u64)),
}

/// A decision file opened for reading.
pub enum Opened<R: Read> {
    /// A table with action and level columns, read row by row.
    Rows(Box<DecisionReader<R>>),
    /// A decision as published: a Word document, or an annex whose action
    /// and level are written in its titles and headings, read whole.
    Published(Box<PublishedFile>),
}

/// A decision as published, read whole into paragraphs and tables.
#[derive(Debug)]
pub struct PublishedFile {
    pub document: Document,
    pub layout: Layout,
    /// SHA-256 (lower-case hex) of the file's bytes, and how many there are.
    pub sha256: String,
    pub bytes: u64,
}

/// Opens a decision file: a table with action and level columns is read
/// row by row ([`Opened::Rows`]); a Word document, or an annex without those
/// columns whose header or titles look like a published catalog, is read
/// whole ([`Opened::Published`]), up to [`MAX_PUBLISHED_ROWS`] rows.
pub fn open_decision<R: Read>(
    file: &str,
    input: R,
    defaults: &Defaults,
) -> Result<Opened<R>, Box<OpenError>> {
    let mut layout = Layout::default();
    match open_source(input, defaults, &mut layout) {
        Ok(Opening::Records(source)) => {
            DecisionReader::from_source(file, source, defaults, layout, true)
        }
        Ok(Opening::Word(document, (sha256, bytes))) => {
            Ok(Opened::Published(Box::new(PublishedFile {
                document,
                layout,
                sha256,
                bytes,
            })))
        }
        Err((line, message)) => Err(Box::new(OpenError {
            problems: vec![Problem::new(file, line, message)],
            layout,
            published: false,
        })),
    }
}

/// The rows of a decision as published that a CSV or sheet may hold: its
/// annex is read whole, and annexes run to hundreds of rows, not millions.
pub const MAX_PUBLISHED_ROWS: usize = 100_000;
/// The text a decision as published may hold, in bytes of its cells.
pub const MAX_PUBLISHED_TEXT: usize = 64 << 20;
/// The cells a decision as published may span, its rows as wide as the widest.
pub const MAX_PUBLISHED_CELLS: usize = 2_000_000;

/// Reads the rest of a file in the shape of a decision as published, after
/// the rows [`find_header`] read, into one table of cells.
fn read_whole(
    file: &str,
    records: &mut dyn Records,
    header: &Header,
    layout: Layout,
) -> Result<PublishedFile, Box<OpenError>> {
    let context = records.context();
    let fail = |line: u64, message: String, layout: Layout| {
        Box::new(OpenError {
            problems: vec![Problem::new(file, line, format!("{context}{message}"))],
            layout,
            published: true,
        })
    };
    let mut text = 0;
    let mut width = 0;
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    let mut add = |line: u64, record: &ByteRecord| -> Result<(), String> {
        let cells: Vec<String> = record
            .iter()
            .map(|c| clean(&String::from_utf8_lossy(c)))
            .collect();
        text += cells.iter().map(String::len).sum::<usize>();
        width = width.max(cells.len());
        rows.push((line, cells));
        if rows.len() > MAX_PUBLISHED_ROWS || text > MAX_PUBLISHED_TEXT {
            return Err(crate::tr!(
                "input-published-too-long",
                rows = MAX_PUBLISHED_ROWS,
                mb = MAX_PUBLISHED_TEXT >> 20
            ));
        }
        // Its rows are laid out as a grid as wide as the widest.
        if rows.len().saturating_mul(width) > MAX_PUBLISHED_CELLS {
            return Err(crate::tr!(
                "input-published-too-wide",
                cells = MAX_PUBLISHED_CELLS
            ));
        }
        Ok(())
    };
    for (line, record) in &header.before {
        if let Err(m) = add(*line, record) {
            return Err(fail(*line, m, layout));
        }
    }
    if header.found
        && let Err(m) = add(header.line, &header.record)
    {
        return Err(fail(header.line, m, layout));
    }
    let mut record = ByteRecord::new();
    loop {
        match records.next_record(&mut record) {
            Step::End => break,
            Step::Record(line) => {
                if let Err(m) = add(line, &record) {
                    return Err(fail(line, m, layout));
                }
            }
            Step::Failed { line, message, .. } => return Err(fail(line, message, layout)),
        }
    }
    Ok(PublishedFile {
        document: Document::from_grid(rows),
        sha256: records.sha256(),
        bytes: records.bytes_read(),
        layout,
    })
}

/// The header row of a file.
pub(super) struct Header {
    pub(super) record: ByteRecord,
    pub(super) line: u64,
    /// Whether it names enough known columns (else it is the first row,
    /// whose problems are listed).
    pub(super) found: bool,
    /// The rows read before it (every row read, when none is the header).
    before: Vec<(u64, ByteRecord)>,
}

impl Header {
    /// Whether the file has the shape of a decision as published: a header
    /// without a decision column that lacks an action or a level column (the
    /// title, headings or an authority state them), or no header but a title
    /// naming a catalog ("DANH MỤC THỦ TỤC HÀNH CHÍNH", "PHỤ LỤC").
    fn is_published(&self) -> bool {
        if self.found {
            let names = |col: Column| {
                self.record.iter().any(|cell| {
                    std::str::from_utf8(cell)
                        .is_ok_and(|t| Column::from_header(&clean(t)) == Some(col))
                })
            };
            // A table of changes names its decision in a column; an annex
            // never does (its decision is the document's).
            return !names(Column::Decision) && (!names(Column::Action) || !names(Column::Level));
        }
        self.before.iter().any(|(_, record)| {
            let folded = crate::domain::text::fold(&record_text(record));
            folded.contains("danh mục") || folded.contains("phụ lục")
        })
    }
}

/// Finds the header: the first row naming enough known columns, below any
/// title rows (kept in the layout).
pub(super) fn find_header(
    source: &mut dyn Records,
    layout: &mut Layout,
) -> Result<Header, (u64, String)> {
    let mut record = ByteRecord::new();
    let mut first: Option<(ByteRecord, u64)> = None;
    let mut titles = Vec::new();
    let mut before = Vec::new();
    let found = loop {
        match source.next_record(&mut record) {
            Step::End => break None,
            Step::Failed { line, message, .. } => return Err((line, message)),
            Step::Record(line) => {
                if is_blank(&record) {
                    continue;
                }
                if known_columns(record.iter()) >= HEADER_MIN_COLUMNS {
                    break Some(line);
                }
                if first.is_none() {
                    first = Some((record.clone(), line));
                }
                before.push((line, record.clone()));
                titles.push((line, record_text(&record)));
                if titles.len() >= HEADER_SEARCH {
                    break None;
                }
            }
        }
    };
    let header = match (found, first) {
        (Some(line), _) => {
            layout.titles = titles;
            Header {
                record,
                line,
                found: true,
                before,
            }
        }
        // No row looks like a header: the first one is, and its problems are listed.
        (None, Some((record, line))) => Header {
            record,
            line,
            found: false,
            before,
        },
        (None, None) => return Err((1, source.empty_message())),
    };
    layout.header_line = header.line;
    Ok(header)
}

/// The columns a header names.
struct Mapped {
    columns: Vec<(usize, Column)>,
    ignored: Vec<String>,
    has: [bool; Column::TABLE.len()],
    problems: Vec<Problem>,
}

/// Maps the header cells to columns and checks that the required ones are
/// there; `problem` makes a problem on the header line.
fn map_header(
    header: &ByteRecord,
    defaults: &Defaults,
    layout: &mut Layout,
    problem: &dyn Fn(String) -> Problem,
) -> Mapped {
    let mut mapped = Mapped {
        columns: Vec::new(),
        ignored: Vec::new(),
        has: [false; Column::TABLE.len()],
        problems: Vec::new(),
    };
    for (i, raw) in header.iter().enumerate() {
        let Ok(text) = std::str::from_utf8(raw) else {
            mapped.problems.push(problem(crate::tr!(
                "input-header-invalid-utf8",
                position = i + 1
            )));
            continue;
        };
        let name = clean(text);
        let column = Column::from_header(&name);
        if !name.is_empty() {
            layout.header.push(HeaderCell {
                position: i,
                text: name.clone(),
                column,
            });
        }
        match column {
            Some(col) if mapped.has[col as usize] => mapped.problems.push(problem(crate::tr!(
                "input-header-twice",
                header = format!("{name:?}"),
                column = col.as_str()
            ))),
            Some(col) => {
                mapped.has[col as usize] = true;
                mapped.columns.push((i, col));
            }
            None if name.is_empty() => {}
            None => mapped.ignored.push(name),
        }
    }
    let required = [
        (
            Column::Decision,
            defaults.decision.is_none(),
            Some("--decision"),
        ),
        (Column::Signed, defaults.signed.is_none(), Some("--signed")),
        (Column::Action, true, None),
        (Column::Level, true, None),
    ];
    for (col, needed, option) in required {
        if needed && !mapped.has[col as usize] {
            let hint = option.map_or_else(String::new, |option| {
                format!(" {}", crate::tr!("input-or-give", option = option))
            });
            mapped.problems.push(problem(missing_column(col, &hint)));
        }
    }
    // Codes may be written in the name cells; without either column there are none.
    if !mapped.has[Column::Code as usize]
        && (!mapped.has[Column::Name as usize] || !mapped.problems.is_empty())
    {
        mapped.problems.push(problem(missing_code_column()));
    }
    mapped
}

/// The message of a required column a header lacks, before any hint of
/// what else would do (what `tthc inspect` looks for among the problems).
pub fn missing_column_message(col: Column) -> String {
    crate::tr!(
        "input-missing-column",
        column = col.as_str(),
        vietnamese = format!("{:?}", col.vietnamese()[0])
    )
}

fn missing_column(col: Column, hint: &str) -> String {
    format!("{}{hint}", missing_column_message(col))
}

fn missing_code_column() -> String {
    missing_column(
        Column::Code,
        &format!(" {}", crate::tr!("input-or-code-in-name")),
    )
}

/// How messages name the columns of one file: by the file's own header
/// ("Mã TTHC bị thay thế"), or by tthc's name for a column it lacks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels([String; Column::TABLE.len()]);

impl Labels {
    /// The column as messages name it: a header of one plain word as it is
    /// (`code`), any other quoted (`"Cấp thực hiện"`). A column the file
    /// lacks is named by tthc's name for it, in Vietnamese by its usual
    /// Vietnamese header.
    pub fn of(&self, col: Column) -> String {
        let text = self.0.get(col as usize).map_or("", String::as_str).trim();
        let text = match (text, crate::i18n::current()) {
            ("", crate::i18n::Lang::Vi) => col.vietnamese().first().copied().unwrap_or("?"),
            ("", crate::i18n::Lang::En) => col.as_str(),
            (text, _) => text,
        };
        if text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            text.to_owned()
        } else {
            format!("{text:?}")
        }
    }
}

/// The labels of the columns a file's header names.
pub(super) fn labels(layout: &Layout) -> Labels {
    let mut labels = Labels::default();
    for cell in &layout.header {
        if let Some(col) = cell.column
            && let Some(slot) = labels.0.get_mut(col as usize)
            && slot.is_empty()
        {
            slot.clone_from(&cell.text);
        }
    }
    labels
}

pub(super) fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace))
}

/// The non-empty cells of a record joined by ` | `, for titles and headings.
pub(super) fn record_text(record: &ByteRecord) -> String {
    record
        .iter()
        .map(|c| clean(&String::from_utf8_lossy(c)))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8], defaults: &Defaults) -> (Vec<RowResult>, Notes, Layout) {
        let mut reader = DecisionReader::new("f.csv", text, defaults).unwrap();
        let rows: Vec<RowResult> = reader.by_ref().collect();
        (rows, reader.notes().clone(), reader.layout().clone())
    }

    #[test]
    fn title_rows_above_the_header_are_skipped() {
        let text = "DANH MỤC THỦ TỤC HÀNH CHÍNH;;;\n\
                    (Kèm theo Quyết định số 12/QĐ-UBND);;;\n\
                    STT;Mã số TTHC;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Hình thức\n\
                    I. LĨNH VỰC HỘ TỊCH;;;;;\n\
                    1;1.001612;Đăng ký khai sinh;Hộ tịch;Cấp xã;Mới ban hành\n";
        let defaults = Defaults {
            decision: Some("12/QĐ-UBND".into()),
            signed: Day::parse("2024-01-02").ok(),
            ..Defaults::default()
        };
        let (rows, notes, layout) = read(text.as_bytes(), &defaults);
        assert_eq!(rows.len(), 1, "{rows:?}");
        let row = rows[0].as_ref().unwrap();
        assert_eq!(row.line, 5);
        assert_eq!(row.code.to_string(), "1.001612");
        assert_eq!(layout.header_line, 3);
        assert_eq!(layout.delimiter, Some(b';'));
        assert_eq!(layout.titles.len(), 2);
        assert_eq!(notes.headings, [(4, "I. LĨNH VỰC HỘ TỊCH".to_owned())]);
    }

    #[test]
    fn levels_filter_skips_and_lists() {
        let text = "code,action,level,name,field\n\
                    1.000001,added,Cấp bộ,A,F\n\
                    1.000002,added,\"Cấp bộ, Cấp tỉnh\",B,F\n\
                    1.000003,added,Cơ quan khác,C,F\n";
        let defaults = Defaults {
            decision: Some("1/QĐ".into()),
            signed: Day::parse("2024-01-02").ok(),
            levels: LevelSet::parse("province,commune").ok(),
            ..Defaults::default()
        };
        let (rows, notes, _) = read(text.as_bytes(), &defaults);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].as_ref().unwrap().code.to_string(), "1.000002");
        let skipped: Vec<_> = notes
            .skipped
            .iter()
            .map(|s| (s.line, s.code.as_str()))
            .collect();
        assert_eq!(skipped, [(2, "1.000001"), (4, "1.000003")]);
        // Without --levels the same file is an error that names the level and the fix.
        let defaults = Defaults {
            levels: None,
            ..defaults
        };
        let (rows, _, _) = read(text.as_bytes(), &defaults);
        let err = rows[0].as_ref().unwrap_err();
        assert!(err[0].to_string().contains("--levels"), "{err:?}");
    }
}
