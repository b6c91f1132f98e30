//! `tthc inspect`: reads a decision file as `import` would, without the
//! catalog, and tells how it was read, what it holds, what is wrong with it,
//! and the import command to run.

use super::{ActionCounts, LevelCounts};
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{InspectArgs, SummaryFormat};
use crate::domain::{Action, Day, DecisionRow, LevelSet};
use crate::error::{Error, exit};
use crate::i18n::Lang;
use crate::import::reference::ReferenceCheck;
use crate::import::{STOP_AFTER_PROBLEMS, StoreAnnexes};
use crate::input::published::{self, Fallbacks, Reading, SkipKind, Sourced};
use crate::input::sniff::{decision_in_title, delimiter_name};
use crate::input::{
    Column, DecisionReader, Defaults, FileFormat, Layout, Notes, OpenError, Opened, Problem,
    PublishedFile, TextEncoding, Unchanging, column_letter, open_decision,
};
use crate::output::{action_word, count_text, level_text, write_json};
use crate::store::{OpenMode, Store};

/// Rows listed one by one in the text report before "... and N more".
const LIST_CAP: usize = 20;
/// Problems listed in the text report before "... and N more".
const PROBLEMS_SHOWN: usize = 100;

pub(crate) fn run(db: &Path, args: &InspectArgs) -> Result<ExitCode, Error> {
    let defaults = super::read_defaults(&args.read);
    // The JSON report is data: its messages are in English whatever the
    // run's language; warnings on stderr stay in the run's language.
    let lang = crate::i18n::current();
    let gather = || {
        let mut report = inspect(args, db, &defaults, lang);
        check_reference(db, args, &mut report, lang);
        report
    };
    let report = match args.format {
        SummaryFormat::Json => crate::i18n::in_lang(crate::i18n::Lang::En, gather),
        SummaryFormat::Text => gather(),
    };
    let mut out = io::stdout().lock();
    match args.format {
        SummaryFormat::Json => write_json(&mut out, &report)?,
        SummaryFormat::Text => report.write_text(&mut out)?,
    }
    out.flush()?;
    if report.problems.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "tthc: {}",
        crate::tr!(
            "inspect-would-reject",
            file = report.file.as_str(),
            count = report.problems.len()
        )
    );
    Ok(ExitCode::from(exit::REJECTED))
}

/// Checks the rows read against the latest national list stored in the
/// catalog at `db`, if there is one: warnings row by row, and the codes of
/// the list a malformed code may mean. Inspect does not need the catalog:
/// one that cannot be read is only warned of.
fn check_reference(db: &Path, args: &InspectArgs, report: &mut Report, lang: Lang) {
    if !db.is_file() {
        return;
    }
    let check = Store::open(db, OpenMode::Existing).and_then(|store| {
        ReferenceCheck::latest(&store.reference_snapshots()?, |id| {
            store.reference_procedures(id)
        })
    });
    let mut check = match check {
        Ok(Some(check)) => check,
        Ok(None) => return,
        Err(e) => {
            crate::i18n::in_lang(lang, || {
                super::warn(&crate::tr!(
                    "inspect-list-unreadable",
                    db = db.display().to_string(),
                    error = e.to_string()
                ));
            });
            return;
        }
    };
    for seen in &report.seen {
        check.row(&report.file, seen.line, seen.code, &seen.name, seen.action);
    }
    let mut problems: Vec<Problem> = report
        .problems
        .iter()
        .map(|p| Problem::new(&p.file, p.line, p.message.clone()))
        .collect();
    check.annotate(&mut problems);
    let s = check.snapshot();
    report.reference = Some(ListReport {
        file: s.file.clone(),
        sha256: s.sha256.clone(),
        as_of: s.as_of.to_string(),
        procedures: s.procedures,
    });
    let warnings = check.into_warnings();
    if args.strict_reference {
        problems.extend(warnings.iter().cloned());
    }
    report.problems = problems.iter().map(ProblemReport::from).collect();
    report.reference_warnings = warnings.iter().map(ProblemReport::from).collect();
}

/// Reads the whole file and gathers the report.
/// `lang` is the language of warnings on stderr.
fn inspect(args: &InspectArgs, db: &Path, defaults: &Defaults, lang: Lang) -> Report {
    let display = if args.file == "-" {
        "<stdin>".to_owned()
    } else {
        args.file.clone()
    };
    let mut report = Report::new(&display);
    let input = match Input::open(&args.file) {
        Ok(input) => input,
        Err(e) => {
            let problem = Problem::new(
                &display,
                0,
                crate::tr!("import-cannot-open", error = e.to_string()),
            );
            report.problems.push(ProblemReport::from(&problem));
            report.command = command(args, defaults, &report, None);
            return report;
        }
    };
    match open_decision(&display, input.reader(), defaults) {
        Ok(Opened::Published(file)) => {
            report.published(args, db, defaults, &file, lang);
            return report;
        }
        // A decision as published that cannot be read whole: its problems
        // are the file's (a header's problems are told below).
        Err(e) if e.published => {
            report.layout(&e.layout);
            report.problems = e.problems.iter().map(ProblemReport::from).collect();
            report.command = command(args, defaults, &report, None);
            return report;
        }
        _ => {}
    }
    let (opened, suggested, unresolved) = open(&display, &input, defaults);
    let mut reader = match opened {
        Ok(reader) => reader,
        Err(e) => {
            report.layout(&e.layout);
            report.problems = e.problems.iter().map(ProblemReport::from).collect();
            let suggested = suggestion(&e.layout);
            report.command = command(args, defaults, &report, suggested.as_ref());
            report.suggested = suggested;
            return report;
        }
    };
    report.layout(reader.layout());
    report.rows_checked = true;
    report.problems = unresolved.iter().map(ProblemReport::from).collect();
    for item in reader.by_ref() {
        match item {
            Ok(row) => report.count(&row, row.decision.signed.to_string()),
            Err(problems) => report
                .problems
                .extend(problems.iter().map(ProblemReport::from)),
        }
        // As import does: a file this wrong is not read further.
        if report.problems.len() >= STOP_AFTER_PROBLEMS {
            let message = crate::tr!("inspect-stopped", count = STOP_AFTER_PROBLEMS);
            let stop = Problem::new(&display, 0, message);
            report.problems.push(ProblemReport::from(&stop));
            break;
        }
    }
    report.rows = reader.rows_read();
    report.notes(reader.notes());
    report.command = command(args, defaults, &report, suggested.as_ref());
    report.suggested = suggested;
    report
}

/// What is held in memory of standard input, a pipe or a device, which
/// cannot be read twice: inspect reads a file more than once.
const MAX_HELD: u64 = 64 << 20;

/// The file inspected, read from its start each time inspect looks at it: a
/// regular file is opened again, anything else is held in memory.
enum Input {
    File(String),
    Held(Vec<u8>),
}

impl Input {
    fn open(file: &str) -> io::Result<Input> {
        let mut held = Vec::new();
        let what = if file == "-" {
            io::stdin().take(MAX_HELD + 1).read_to_end(&mut held)?;
            crate::tr!("inspect-standard-input")
        } else {
            let mut opened = Unchanging::open(file)?;
            if opened.size().is_some() {
                return Ok(Input::File(file.to_owned()));
            }
            (&mut opened).take(MAX_HELD + 1).read_to_end(&mut held)?;
            crate::tr!("inspect-pipe")
        };
        if held.len() as u64 > MAX_HELD {
            return Err(io::Error::other(crate::tr!(
                "inspect-too-large",
                what = what,
                mb = MAX_HELD >> 20
            )));
        }
        Ok(Input::Held(held))
    }

    /// A reader from the start; a file that can no longer be opened fails on the first read.
    fn reader(&self) -> Box<dyn Read + '_> {
        match self {
            Input::File(path) => match Unchanging::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => Box::new(Failing(Some(e))),
            },
            Input::Held(bytes) => Box::new(bytes.as_slice()),
        }
    }
}

/// A reader whose first read fails with the error it holds.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        self.0.take().map_or(Ok(0), Err)
    }
}

type Reopened<'a> = Result<DecisionReader<Box<dyn Read + 'a>>, Box<OpenError>>;

/// Opens the file as import would. When it lacks decision columns and the
/// command line does not give them, the rows are still read: with the
/// decision a title row names, or with stand-ins whose missing-column
/// problems stay in the report (the third value).
fn open<'a>(
    display: &str,
    input: &'a Input,
    defaults: &Defaults,
) -> (Reopened<'a>, Option<Suggested>, Vec<Problem>) {
    let e = match DecisionReader::open(display, input.reader(), defaults) {
        Ok(reader) => {
            let suggested = suggestion(reader.layout());
            return (Ok(reader), suggested, Vec::new());
        }
        Err(e) => e,
    };
    let layout = &e.layout;
    let has = |col: Column| layout.header.iter().any(|h| h.column == Some(col));
    let need_decision = defaults.decision.is_none() && !has(Column::Decision);
    let need_signed = defaults.signed.is_none() && !has(Column::Signed);
    if layout.header_line == 0 || !(need_decision || need_signed) {
        return (Err(e), None, Vec::new());
    }
    let suggested = suggestion(layout);
    let mut filled = defaults.clone();
    let mut unresolved = Vec::new();
    let mut keep = |col: Column| {
        let missing = crate::input::missing_column_message(col);
        unresolved.extend(
            e.problems
                .iter()
                .filter(|p| p.message.contains(&missing))
                .cloned(),
        );
    };
    if need_decision {
        let decision = if let Some(s) = &suggested {
            s.decision.clone()
        } else {
            keep(Column::Decision);
            "NUMBER".to_owned()
        };
        filled.decision = Some(decision);
    }
    if need_signed {
        let signed = suggested
            .as_ref()
            .and_then(|s| s.signed.as_deref())
            .map(Day::parse);
        let signed = if let Some(Ok(day)) = signed {
            day
        } else {
            keep(Column::Signed);
            Day::today()
        };
        filled.signed = Some(signed);
    }
    match DecisionReader::open(display, input.reader(), &filled) {
        Ok(reader) => (Ok(reader), suggested, unresolved),
        Err(_) => (Err(e), suggested, Vec::new()),
    }
}

/// The decision a title row above the header names, when the file has no
/// decision column.
fn suggestion(layout: &Layout) -> Option<Suggested> {
    let has = |col: Column| layout.header.iter().any(|h| h.column == Some(col));
    if has(Column::Decision) && has(Column::Signed) {
        return None;
    }
    layout.titles.iter().find_map(|(line, text)| {
        let (decision, signed) = decision_in_title(text)?;
        Some(Suggested {
            decision,
            signed: signed.map(|d| d.to_string()),
            line: *line,
        })
    })
}

/// The import command for this file: the options given, the ones the file
/// needs (with the decision its title names, when it names one).
fn command(
    args: &InspectArgs,
    defaults: &Defaults,
    report: &Report,
    suggested: Option<&Suggested>,
) -> String {
    let mut words: Vec<String> = vec!["tthc".into(), "import".into()];
    let has = |col: &str| report.columns.iter().any(|c| c.column == Some(col));
    let known_layout = report.header_line > 0;
    let mut option = |name: &str, value: &str| {
        words.push(format!("--{name}"));
        words.push(quote(value));
    };
    if let Some(d) = &defaults.decision {
        option("decision", d);
    } else if known_layout && !has("decision") {
        option(
            "decision",
            suggested.map_or("NUMBER", |s| s.decision.as_str()),
        );
    }
    if let Some(d) = &args.read.signed {
        option("signed", &d.text);
    } else if known_layout && !has("signed") {
        option(
            "signed",
            suggested
                .and_then(|s| s.signed.as_deref())
                .unwrap_or("DATE"),
        );
    }
    if let Some(d) = &args.read.effective {
        option("effective", &d.text);
    }
    how_to_read(&mut words, args, defaults, report);
    words.join(" ")
}

/// The import command for a decision as published: the options given, and
/// a placeholder for each one a problem asks for (`asked`, as
/// [`published::flags_asked`] names them).
fn published_command(
    args: &InspectArgs,
    defaults: &Defaults,
    report: &Report,
    asked: &[&str],
) -> String {
    let mut words: Vec<String> = vec!["tthc".into(), "import".into()];
    let given = [
        ("decision", defaults.decision.clone(), "NUMBER"),
        (
            "signed",
            args.read.signed.as_ref().map(|d| d.text.clone()),
            "DATE",
        ),
        (
            "effective",
            args.read.effective.as_ref().map(|d| d.text.clone()),
            "DATE",
        ),
        (
            "action",
            defaults.action.map(|a| a.as_str().to_owned()),
            "ACTION",
        ),
        ("level", defaults.level.map(LevelSet::to_words), "LEVEL"),
        ("field", defaults.field.clone(), "FIELD"),
    ];
    for (name, value, placeholder) in given {
        let value = match value {
            Some(value) => value,
            None if asked.contains(&name) => placeholder.to_owned(),
            None => continue,
        };
        words.push(format!("--{name}"));
        words.push(quote(&value));
    }
    how_to_read(&mut words, args, defaults, report);
    words.join(" ")
}

/// The options of both commands that say how to read the file (sheet,
/// encoding, levels kept), then the file.
fn how_to_read(words: &mut Vec<String>, args: &InspectArgs, defaults: &Defaults, report: &Report) {
    let mut option = |name: &str, value: &str| {
        words.push(format!("--{name}"));
        words.push(quote(value));
    };
    if let Some(sheet) = &report.sheet
        && (args.read.sheet.is_some() || report.sheets.len() > 1)
    {
        option("sheet", sheet);
    }
    if let Some(e) = defaults.encoding {
        option("encoding", e.name());
    } else if report
        .problems
        .iter()
        .any(|p| p.message.contains("--encoding windows-1258"))
    {
        // A file in Vietnamese ANSI: the option that reads it.
        option("encoding", TextEncoding::Windows1258.name());
    }
    if let Some(levels) = defaults.levels {
        option("levels", &levels.to_words());
    }
    words.push(quote(&args.file));
}

/// Stand-ins for the decision number, signing date and effective date that
/// neither the document nor the flags state, so that its rows can be read
/// and shown: (number, signing date) is what the decision list shows.
/// `None` when nothing is missing.
fn stand_ins(reading: &Reading, flags: &Fallbacks) -> Option<Fallbacks> {
    if reading.decision.is_some() && reading.signed.is_some() && reading.effective.is_some() {
        return None;
    }
    let mut filled = flags.clone();
    if reading.decision.is_none() {
        filled.decision = Some("NUMBER".to_owned());
    }
    let signed = reading.signed.as_ref().map_or_else(Day::today, |s| s.value);
    if reading.signed.is_none() {
        filled.signed = Some(signed);
    }
    if reading.effective.is_none() {
        filled.effective = Some(signed);
    }
    Some(filled)
}

/// The first line of a text, up to `max` characters, with "…" when cut.
fn shortened(text: &str, max: usize) -> String {
    let first = text.lines().next().unwrap_or("").trim();
    let mut out: String = first.chars().take(max).collect();
    if out.len() < text.trim().len() {
        out.push('…');
    }
    out
}

/// A word for a POSIX shell, quoted when it needs to be.
fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "._/,:@%+=-".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// What `tthc inspect --format json` prints.
#[derive(Debug, Serialize)]
struct Report {
    file: String,
    /// `csv`, `xlsx`, `xls`, `ods`; null when the file could not be read.
    format: Option<&'static str>,
    #[serde(skip)]
    described: String,
    /// Whether the rows were read (not when the header has problems).
    #[serde(skip)]
    rows_checked: bool,
    encoding: Option<&'static str>,
    bom: bool,
    delimiter: Option<String>,
    sheet: Option<String>,
    sheets: Vec<String>,
    /// 0 when no header was found.
    header_line: u64,
    titles: Vec<LineText>,
    columns: Vec<ColumnReport>,
    /// Known columns the header does not name.
    absent_columns: Vec<&'static str>,
    rows: u64,
    valid_rows: u64,
    codes_from_names: u64,
    /// Entry changes that add a procedure without a code.
    without_code: u64,
    rows_skipped_by_level: Vec<SkippedReport>,
    headings: Vec<LineText>,
    decisions: Vec<DecisionReport>,
    actions: ActionCounts,
    levels: LevelCounts,
    problems: Vec<ProblemReport>,
    suggested: Option<Suggested>,
    command: String,
    /// How a decision as published was read; null for a table with action
    /// and level columns.
    published: Option<PublishedReport>,
    /// The national list the rows were checked against (the latest stored
    /// in the catalog given by --db), or null.
    reference: Option<ListReport>,
    /// What the rows are warned of against it.
    reference_warnings: Vec<ProblemReport>,
    /// The rows read, to check against the national list.
    #[serde(skip)]
    seen: Vec<Seen>,
}

/// A national list stored in the catalog.
#[derive(Debug, Serialize)]
struct ListReport {
    file: String,
    sha256: String,
    as_of: String,
    procedures: u64,
}

/// A row read, as the national list checks it.
#[derive(Debug)]
struct Seen {
    line: u64,
    code: crate::domain::Code,
    name: String,
    action: crate::domain::Action,
}

/// A decision as published: what it states, where, and how it was read.
#[derive(Debug, Serialize)]
struct PublishedReport {
    decision: Option<SourcedReport>,
    signed: Option<SourcedReport>,
    effective: Option<SourcedReport>,
    /// The catalog tables (one per header of a CSV or sheet).
    tables: Vec<TableReport>,
    /// Every procedure row, with where its facts came from.
    rows: Vec<RowReport>,
    /// Lines that hold no procedure.
    skipped: Vec<SkippedLine>,
    warnings: Vec<ProblemReport>,
    /// The row-number references of the body's articles, followed in the
    /// catalog, and whether the annex's rows agree.
    body_references: Vec<BodyReferenceReport>,
}

/// A row-number reference of the body ("bãi bỏ … số thứ tự 2, 3, 4 Phần I …
/// Quyết định 1037/QĐ-UBND ngày 14/5/2025").
#[derive(Debug, Serialize)]
struct BodyReferenceReport {
    line: u64,
    text: String,
    action: Option<&'static str>,
    decision: String,
    signed: Option<String>,
    rows: Vec<String>,
    sections: Vec<String>,
    annex: Option<String>,
    /// The entries the rows made, from the catalog.
    entries: Vec<ReferencedEntry>,
    /// Whether the annex changes every entry named; null when the
    /// reference could not be followed.
    agrees: Option<bool>,
    finding: String,
}

#[derive(Debug, Serialize)]
struct ReferencedEntry {
    row: String,
    /// Null for an entry without a code yet.
    code: Option<String>,
    level: &'static str,
    name: String,
}

impl From<&published::BodyCheck> for BodyReferenceReport {
    fn from(c: &published::BodyCheck) -> Self {
        let r = &c.reference.reference;
        BodyReferenceReport {
            line: c.reference.line,
            text: c.reference.text.clone(),
            action: c.reference.action.map(crate::domain::Action::as_str),
            decision: r.decision.clone(),
            signed: r.signed.map(|d| d.to_string()),
            rows: r.rows.clone(),
            sections: r.sections.clone(),
            annex: r.annex.clone(),
            entries: c
                .entries
                .iter()
                .map(|(row, e)| ReferencedEntry {
                    row: row.clone(),
                    code: (!e.code.is_provisional()).then(|| e.code.to_string()),
                    level: e.level.as_str(),
                    name: e.name.clone(),
                })
                .collect(),
            agrees: c.agrees,
            finding: c.finding.clone(),
        }
    }
}

/// A value and where it came from ("heading at line 12").
#[derive(Debug, Serialize)]
struct SourcedReport {
    value: String,
    source: String,
}

impl SourcedReport {
    fn new<T>(sourced: &Sourced<T>, value: impl Fn(&T) -> String) -> Self {
        SourcedReport {
            value: value(&sourced.value),
            source: sourced.origin.describe(),
        }
    }
}

impl std::fmt::Display for SourcedReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.value, self.source)
    }
}

#[derive(Debug, Serialize)]
struct TableReport {
    /// The table of the document (a CSV or sheet is one table, and may
    /// hold several headers).
    number: u32,
    header_lines: Vec<u64>,
    columns: Vec<HeaderReport>,
    /// Headers of columns tthc does not read that hold data.
    unread_columns: Vec<String>,
    headings: Vec<HeadingReport>,
    /// Procedure rows under this header.
    rows: usize,
}

#[derive(Debug, Serialize)]
struct HeaderReport {
    /// 1-based position in the table's grid.
    position: usize,
    text: String,
    /// The known column, or null for one tthc does not read.
    column: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct HeadingReport {
    line: u64,
    text: String,
    sets: HeadingSets,
    #[serde(skip)]
    described: String,
}

/// What a heading sets for the rows below it.
#[derive(Debug, Serialize)]
struct HeadingSets {
    actions: Vec<&'static str>,
    /// Levels named by level words ("cấp tỉnh").
    levels: Option<String>,
    /// A bare "áp dụng chung".
    shared: bool,
    /// The level of the competent authority it names.
    authority: Option<String>,
    field: Option<String>,
}

#[derive(Debug, Serialize)]
struct RowReport {
    line: u64,
    table: u32,
    stt: String,
    /// The annex's label ("I" of "Phụ lục I"); empty for an unnumbered annex.
    annex: String,
    /// The labels of the headings above the row, outermost first.
    sections: Vec<String>,
    code: Option<String>,
    name: String,
    action: SourcedReport,
    levels: SourcedReport,
    field: Option<SourcedReport>,
}

#[derive(Debug, Serialize)]
struct SkippedLine {
    line: u64,
    /// `header_block`, `layout`, `body`, `title`, `totals`, `footnote`,
    /// `note`, `numbering` or `non_catalog_table`.
    kind: &'static str,
    text: String,
}

#[derive(Debug, Serialize)]
struct LineText {
    line: u64,
    text: String,
}

#[derive(Debug, Serialize)]
struct ColumnReport {
    /// 1-based position in the row.
    position: usize,
    /// The spreadsheet column (A, B, ...), for workbooks.
    letter: Option<String>,
    header: String,
    /// The known column, or null for an ignored one.
    column: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct SkippedReport {
    line: u64,
    code: String,
    level: String,
}

#[derive(Debug, Serialize)]
struct DecisionReport {
    number: String,
    signed: String,
    rows: u64,
}

#[derive(Debug, Serialize)]
struct ProblemReport {
    file: String,
    line: u64,
    message: String,
}

impl From<&Problem> for ProblemReport {
    fn from(p: &Problem) -> Self {
        ProblemReport {
            file: p.file.clone(),
            line: p.line,
            message: p.data_message().to_owned(),
        }
    }
}

/// The decision named by a title row, for files without decision columns.
#[derive(Debug, Serialize)]
struct Suggested {
    decision: String,
    signed: Option<String>,
    line: u64,
}

impl Report {
    fn new(file: &str) -> Self {
        Report {
            file: file.to_owned(),
            format: None,
            described: String::new(),
            rows_checked: false,
            encoding: None,
            bom: false,
            delimiter: None,
            sheet: None,
            sheets: Vec::new(),
            header_line: 0,
            titles: Vec::new(),
            columns: Vec::new(),
            absent_columns: Vec::new(),
            rows: 0,
            valid_rows: 0,
            codes_from_names: 0,
            without_code: 0,
            rows_skipped_by_level: Vec::new(),
            headings: Vec::new(),
            decisions: Vec::new(),
            actions: ActionCounts::default(),
            levels: LevelCounts::default(),
            problems: Vec::new(),
            suggested: None,
            command: String::new(),
            published: None,
            reference: None,
            reference_warnings: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Counts a row that import would take, under the decision it names
    /// (`signed` as shown).
    fn count(&mut self, row: &DecisionRow, signed: String) {
        self.valid_rows += 1;
        self.seen.push(Seen {
            line: row.line,
            code: row.code,
            name: row.details.name.clone(),
            action: row.action,
        });
        self.actions.add(row.action);
        for level in row.levels.iter() {
            self.levels.add(level);
            self.without_code += u64::from(
                row.action == Action::Added && (row.by_name || row.code.is_provisional()),
            );
        }
        let number = &row.decision.number;
        match self
            .decisions
            .iter_mut()
            .find(|d| d.number == *number && d.signed == signed)
        {
            Some(d) => d.rows += 1,
            None => self.decisions.push(DecisionReport {
                number: number.clone(),
                signed,
                rows: 1,
            }),
        }
    }

    /// Reads a decision as published, as import would without the catalog.
    /// What the document does not state and no flag gives is a problem; the
    /// rows are still read and shown, with stand-ins for the missing
    /// decision number or dates.
    fn published(
        &mut self,
        args: &InspectArgs,
        db: &Path,
        defaults: &Defaults,
        file: &PublishedFile,
        lang: Lang,
    ) {
        self.layout(&file.layout);
        self.rows_checked = true;
        let display = self.file.clone();
        let flags = super::fallbacks(defaults);
        let reading = published::read(&display, &file.document, &flags, &[]);
        let stand_in = stand_ins(&reading, &flags);
        let again = stand_in
            .as_ref()
            .map(|filled| published::read(&display, &file.document, filled, &[]));
        let shown = again.as_ref().unwrap_or(&reading);
        let (rows, notes) = published::decision_rows(&display, shown, defaults.levels, None);
        let checks = body_checks(db, &display, shown, &rows, lang);
        self.problems = reading.problems.iter().map(ProblemReport::from).collect();
        let mut asked: Vec<&str> = reading
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect();
        let unresolved: Vec<u64> = shown
            .rows
            .iter()
            .filter(|r| r.unresolved_level.is_some())
            .map(|r| r.line)
            .collect();
        let mut row_problems = Vec::new();
        // The reading's own problems come first: the first reading's stand.
        for item in rows.into_iter().skip(shown.problems.len()) {
            match item {
                Ok(row) => {
                    let signed = match &stand_in {
                        Some(f)
                            if reading.signed.is_none()
                                && f.signed == Some(row.decision.signed) =>
                        {
                            "DATE".to_owned()
                        }
                        _ => row.decision.signed.to_string(),
                    };
                    self.count(&row, signed);
                }
                Err(problems) => row_problems.extend(problems),
            }
        }
        for p in &row_problems {
            if !unresolved.contains(&p.line) {
                asked.push(&p.message);
            }
        }
        self.problems
            .extend(row_problems.iter().map(ProblemReport::from));
        let asked = published::flags_asked(asked);
        self.rows = shown.tables.iter().map(|t| t.rows as u64).sum();
        self.notes(&notes);
        let workbook = file.layout.format.is_some_and(FileFormat::is_workbook);
        if let Some(first) = shown.tables.first() {
            self.header_line = first.header_lines.first().copied().unwrap_or(0);
            self.columns = first
                .columns
                .iter()
                .map(|c| ColumnReport {
                    position: c.position + 1,
                    letter: workbook.then(|| column_letter(c.position)),
                    header: c.text.clone(),
                    column: c.column.map(Column::as_str),
                })
                .collect();
            self.absent_columns = Column::ALL
                .into_iter()
                .filter(|col| {
                    !shown
                        .tables
                        .iter()
                        .any(|t| t.columns.iter().any(|c| c.column == Some(*col)))
                })
                .map(Column::as_str)
                .collect();
        }
        self.titles = shown
            .skipped
            .iter()
            .filter(|s| s.kind == SkipKind::Title)
            .map(|s| LineText {
                line: s.line,
                text: s.text.clone(),
            })
            .collect();
        self.headings = shown
            .tables
            .iter()
            .flat_map(|t| &t.headings)
            .map(|h| LineText {
                line: h.line,
                text: h.text.clone(),
            })
            .collect();
        self.published = Some(PublishedReport::new(&reading, shown).checked(&checks));
        self.command = published_command(args, defaults, self, &asked);
    }

    fn layout(&mut self, layout: &Layout) {
        let workbook = layout.format.is_some_and(FileFormat::is_workbook);
        self.format = layout.format.map(FileFormat::as_str);
        self.described = layout.format.map_or_else(String::new, FileFormat::describe);
        self.encoding = layout.encoding.map(TextEncoding::name);
        self.bom = layout.bom;
        self.delimiter = layout.delimiter.map(|d| char::from(d).to_string());
        self.sheet.clone_from(&layout.sheet);
        self.sheets.clone_from(&layout.sheets);
        self.header_line = layout.header_line;
        self.titles = layout
            .titles
            .iter()
            .map(|(line, text)| LineText {
                line: *line,
                text: text.clone(),
            })
            .collect();
        self.columns = layout
            .header
            .iter()
            .map(|h| ColumnReport {
                position: h.position + 1,
                letter: workbook.then(|| column_letter(h.position)),
                header: h.text.clone(),
                column: h.column.map(Column::as_str),
            })
            .collect();
        if layout.header_line > 0 {
            self.absent_columns = Column::ALL
                .into_iter()
                .filter(|c| !layout.header.iter().any(|h| h.column == Some(*c)))
                .map(Column::as_str)
                .collect();
        }
    }

    fn notes(&mut self, notes: &Notes) {
        self.codes_from_names = notes.codes_from_names;
        self.rows_skipped_by_level = notes
            .skipped
            .iter()
            .map(|s| SkippedReport {
                line: s.line,
                code: s.code.clone(),
                level: s.level.clone(),
            })
            .collect();
        self.headings = notes
            .headings
            .iter()
            .map(|(line, text)| LineText {
                line: *line,
                text: text.clone(),
            })
            .collect();
    }

    fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "{}",
            crate::tr!("inspect-file", file = self.file.as_str())
        )?;
        if self.format.is_none() {
            writeln!(out, "{}", crate::tr!("inspect-format-unknown"))?;
            return self.write_end(out);
        }
        let described = self.described.as_str();
        match &self.sheet {
            Some(sheet) => writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-format-sheet",
                    format = described,
                    sheet = format!("{sheet:?}"),
                    sheets = self
                        .sheets
                        .iter()
                        .map(|s| format!("{s:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            )?,
            None => writeln!(out, "{}", crate::tr!("inspect-format", format = described))?,
        }
        if let Some(encoding) = self.encoding {
            let encoding = encoding.to_string();
            let line = if self.bom {
                crate::tr!("inspect-encoding-bom", encoding = encoding)
            } else {
                crate::tr!("inspect-encoding", encoding = encoding)
            };
            writeln!(out, "{line}")?;
        }
        if let Some(d) = &self.delimiter {
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-delimiter",
                    delimiter = delimiter_name(d.bytes().next().unwrap_or(b','))
                )
            )?;
        }
        if let Some(published) = &self.published {
            self.write_published(out, published)?;
            return self.write_end(out);
        }
        if self.header_line == 0 {
            return self.write_end(out);
        }
        self.write_layout(out)?;
        self.write_rows(out)?;
        self.write_end(out)
    }

    /// The header row, the title rows above it and where each column goes.
    fn write_layout(&self, out: &mut impl Write) -> io::Result<()> {
        let unit = self.unit(1);
        match self.titles.len() {
            0 => writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-header",
                    unit = unit.as_str(),
                    line = self.header_line
                )
            )?,
            n => writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-header-titles",
                    unit = unit.as_str(),
                    line = self.header_line,
                    count = n
                )
            )?,
        }
        for t in &self.titles {
            writeln!(out, "  {unit} {}: {}", t.line, t.text)?;
        }
        writeln!(out, "{}", crate::tr!("inspect-columns"))?;
        let width = self
            .columns
            .iter()
            .map(|c| c.header.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        for c in &self.columns {
            let at = c.letter.clone().unwrap_or_else(|| c.position.to_string());
            let header = c.header.replace('\n', " ");
            let target = c
                .column
                .map_or_else(|| crate::tr!("inspect-ignored"), |col| format!("-> {col}"));
            writeln!(out, "  {at:>3}  {header:<width$}  {target}")?;
        }
        if !self.absent_columns.is_empty() {
            writeln!(
                out,
                "  {}",
                crate::tr!(
                    "inspect-absent-columns",
                    columns = self.absent_columns.join(", ")
                )
            )?;
        }
        Ok(())
    }

    /// Lines of a text file, rows of a sheet: the word for `n` of them.
    fn unit(&self, n: usize) -> String {
        if self.sheet.is_some() {
            crate::tr!("inspect-unit-row", count = n)
        } else {
            crate::tr!("inspect-unit-line", count = n)
        }
    }

    fn write_rows(&self, out: &mut impl Write) -> io::Result<()> {
        if !self.rows_checked {
            return writeln!(out, "{}", crate::tr!("inspect-rows-not-read"));
        }
        let with_problems = self.rows.saturating_sub(self.valid_rows);
        writeln!(
            out,
            "{}",
            crate::tr!(
                "inspect-rows",
                rows = self.rows,
                valid = self.valid_rows,
                problems = with_problems
            )
        )?;
        if self.codes_from_names > 0 {
            writeln!(
                out,
                "  {}",
                crate::tr!("inspect-codes-from-names", count = self.codes_from_names)
            )?;
        }
        if self.without_code > 0 {
            writeln!(
                out,
                "  {}",
                crate::tr!("inspect-without-code", count = self.without_code)
            )?;
        }
        if !self.headings.is_empty() && self.published.is_none() {
            let lines: Vec<String> = self.headings.iter().map(|h| h.line.to_string()).collect();
            writeln!(
                out,
                "  {}",
                crate::tr!(
                    "inspect-heading-rows",
                    count = self.headings.len(),
                    unit = self.unit(lines.len()),
                    lines = cap_list(&lines)
                )
            )?;
        }
        if !self.rows_skipped_by_level.is_empty() {
            writeln!(
                out,
                "  {}",
                crate::tr!(
                    "inspect-skipped-by-levels",
                    count = self.rows_skipped_by_level.len()
                )
            )?;
            for s in self.rows_skipped_by_level.iter().take(LIST_CAP) {
                writeln!(
                    out,
                    "    {} {}: {} {:?}",
                    self.unit(1),
                    s.line,
                    s.code,
                    s.level
                )?;
            }
            if self.rows_skipped_by_level.len() > LIST_CAP {
                writeln!(
                    out,
                    "    {}",
                    crate::tr!(
                        "import-more-rows",
                        count = self.rows_skipped_by_level.len() - LIST_CAP
                    )
                )?;
            }
        }
        for d in &self.decisions {
            writeln!(
                out,
                "  {}",
                crate::tr!(
                    "inspect-decision",
                    number = d.number.as_str(),
                    signed = d.signed.as_str(),
                    rows = d.rows
                )
            )?;
        }
        super::write_tallies(out, &self.actions, &self.levels)
    }

    /// The report on a decision as published: the decision, each table and
    /// its headings, the rows with where their facts came from, the lines
    /// skipped and the warnings.
    fn write_published(&self, out: &mut impl Write, p: &PublishedReport) -> io::Result<()> {
        writeln!(out, "{}", crate::tr!("inspect-read-as-published"))?;
        let stated = |fact: &Option<SourcedReport>| {
            fact.as_ref()
                .map_or_else(|| crate::tr!("inspect-not-stated"), ToString::to_string)
        };
        writeln!(
            out,
            "{}",
            crate::tr!("inspect-decision-stated", value = stated(&p.decision))
        )?;
        writeln!(
            out,
            "{}",
            crate::tr!("inspect-signed-stated", value = stated(&p.signed))
        )?;
        writeln!(
            out,
            "{}",
            crate::tr!("inspect-effective-stated", value = stated(&p.effective))
        )?;
        if p.tables.is_empty() {
            writeln!(out, "{}", crate::tr!("inspect-no-table"))?;
        }
        for t in &p.tables {
            let lines: Vec<String> = t.header_lines.iter().map(ToString::to_string).collect();
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-table",
                    number = t.number.to_string(),
                    unit = self.unit(lines.len()),
                    lines = lines.join(&crate::tr!("inspect-and")),
                    count = t.rows
                )
            )?;
            let width = t
                .columns
                .iter()
                .map(|c| c.text.chars().count())
                .max()
                .unwrap_or(0)
                .min(40);
            for c in &t.columns {
                let header = c.text.replace('\n', " ");
                let target = c
                    .column
                    .map_or_else(|| crate::tr!("inspect-not-read"), |col| format!("-> {col}"));
                writeln!(out, "  {:>3}  {header:<width$}  {target}", c.position)?;
            }
            if !t.unread_columns.is_empty() {
                writeln!(
                    out,
                    "  {}",
                    crate::tr!(
                        "inspect-unread-columns",
                        columns = t
                            .unread_columns
                            .iter()
                            .map(|c| c.replace('\n', " "))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                )?;
            }
            for h in &t.headings {
                writeln!(
                    out,
                    "  {}",
                    crate::tr!(
                        "inspect-heading",
                        unit = self.unit(1),
                        line = h.line,
                        text = shortened(&h.text, 70),
                        described = h.described.clone()
                    )
                )?;
            }
        }
        self.write_published_rows(out, p)?;
        write_body_references(out, p)?;
        self.write_skipped(out, p)?;
        self.write_rows(out)?;
        if p.warnings.is_empty() {
            writeln!(out, "{}", crate::tr!("inspect-warnings-none"))
        } else {
            writeln!(
                out,
                "{}",
                crate::tr!("inspect-warnings", count = p.warnings.len())
            )?;
            for w in &p.warnings {
                let shown = Problem::new(&w.file, w.line, w.message.clone());
                writeln!(out, "  {shown}")?;
            }
            Ok(())
        }
    }

    /// The procedure rows, each with the sources of its action, level(s)
    /// and field.
    fn write_published_rows(&self, out: &mut impl Write, p: &PublishedReport) -> io::Result<()> {
        if p.rows.is_empty() {
            return Ok(());
        }
        writeln!(out, "{}", crate::tr!("inspect-procedure-rows"))?;
        let no_code = crate::tr!("table-no-code");
        for r in p.rows.iter().take(LIST_CAP) {
            writeln!(
                out,
                "  {} {}  {} {}  {}  {}",
                self.unit(1),
                r.line,
                crate::tr!("inspect-stt"),
                if r.stt.is_empty() { "-" } else { &r.stt },
                r.code.as_deref().unwrap_or(&no_code),
                shortened(&r.name, 60)
            )?;
            let levels = if r.levels.value.is_empty() {
                crate::tr!("inspect-level-at-import")
            } else {
                r.levels.to_string()
            };
            let field = r.field.as_ref().map_or_else(
                || crate::tr!("inspect-no-field"),
                |f| {
                    crate::tr!(
                        "inspect-field-from",
                        field = format!("{:?}", f.value),
                        source = f.source.as_str()
                    )
                },
            );
            writeln!(out, "      {}; {levels}; {field}", r.action)?;
        }
        if p.rows.len() > LIST_CAP {
            writeln!(
                out,
                "  {}",
                crate::tr!("import-more-rows", count = p.rows.len() - LIST_CAP)
            )?;
        }
        Ok(())
    }

    /// The lines that hold no procedure, by kind.
    fn write_skipped(&self, out: &mut impl Write, p: &PublishedReport) -> io::Result<()> {
        if p.skipped.is_empty() {
            return writeln!(out, "{}", crate::tr!("inspect-skipped-none"));
        }
        writeln!(
            out,
            "{}",
            crate::tr!(
                "inspect-skipped",
                count = p.skipped.len(),
                unit = self.unit(p.skipped.len())
            )
        )?;
        for kind in SkipKind::ALL {
            let lines: Vec<String> = p
                .skipped
                .iter()
                .filter(|s| s.kind == kind.as_str())
                .map(|s| s.line.to_string())
                .collect();
            if lines.is_empty() {
                continue;
            }
            writeln!(
                out,
                "  {}: {} ({} {})",
                kind.describe(),
                lines.len(),
                self.unit(lines.len()),
                cap_list(&lines)
            )?;
        }
        Ok(())
    }

    fn write_end(&self, out: &mut impl Write) -> io::Result<()> {
        if let Some(r) = &self.reference {
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "inspect-national-list",
                    as_of = r.as_of.as_str(),
                    file = r.file.as_str(),
                    count = r.procedures,
                    procedures = count_text(r.procedures)
                )
            )?;
            if self.reference_warnings.is_empty() {
                writeln!(out, "{}", crate::tr!("inspect-against-none"))?;
            } else {
                writeln!(
                    out,
                    "{}",
                    crate::tr!("inspect-against", count = self.reference_warnings.len())
                )?;
                for w in &self.reference_warnings {
                    writeln!(
                        out,
                        "  {}",
                        Problem::new(&w.file, w.line, w.message.clone())
                    )?;
                }
            }
        }
        if self.problems.is_empty() {
            writeln!(out, "{}", crate::tr!("inspect-problems-none"))?;
        } else {
            writeln!(
                out,
                "{}",
                crate::tr!("inspect-problems", count = self.problems.len())
            )?;
            for p in self.problems.iter().take(PROBLEMS_SHOWN) {
                let shown = Problem::new(&p.file, p.line, p.message.clone());
                writeln!(out, "  {shown}")?;
            }
            if self.problems.len() > PROBLEMS_SHOWN {
                writeln!(
                    out,
                    "  {}",
                    crate::tr!(
                        "import-more-rows",
                        count = self.problems.len() - PROBLEMS_SHOWN
                    )
                )?;
            }
        }
        if let Some(s) = &self.suggested {
            let unit = self.unit(1);
            let line = match s.signed.as_deref() {
                Some(signed) => crate::tr!(
                    "inspect-title-names-signed",
                    unit = unit,
                    line = s.line,
                    decision = s.decision.as_str(),
                    signed = signed
                ),
                None => crate::tr!(
                    "inspect-title-names",
                    unit = unit,
                    line = s.line,
                    decision = s.decision.as_str()
                ),
            };
            writeln!(out, "{line}")?;
        }
        if self.command.is_empty() {
            return Ok(());
        }
        if self.problems.is_empty() {
            writeln!(out, "{}", crate::tr!("inspect-import-with"))?;
        } else {
            writeln!(out, "{}", crate::tr!("inspect-import-once-fixed"))?;
        }
        writeln!(out, "  {}", self.command)
    }
}

impl PublishedReport {
    /// With the body's row-number references and the warnings of those the
    /// annex disagrees with.
    fn checked(mut self, checks: &[published::BodyCheck]) -> Self {
        self.warnings.extend(
            checks
                .iter()
                .filter_map(|c| c.warning.as_ref())
                .map(ProblemReport::from),
        );
        self.body_references = checks.iter().map(BodyReferenceReport::from).collect();
        self
    }

    /// The decision as `reading` found it; its tables, rows and skipped
    /// lines as `shown` read them (the same reading, or one with stand-ins).
    fn new(reading: &Reading, shown: &Reading) -> Self {
        let day = |d: &Day| d.to_string();
        PublishedReport {
            decision: reading
                .decision
                .as_ref()
                .map(|d| SourcedReport::new(d, String::clone)),
            signed: reading.signed.as_ref().map(|d| SourcedReport::new(d, day)),
            effective: reading
                .effective
                .as_ref()
                .map(|d| SourcedReport::new(d, day)),
            tables: shown
                .tables
                .iter()
                .map(|t| TableReport {
                    number: t.number,
                    header_lines: t.header_lines.clone(),
                    columns: t
                        .columns
                        .iter()
                        .map(|c| HeaderReport {
                            position: c.position + 1,
                            text: c.text.clone(),
                            column: c.column.map(Column::as_str),
                        })
                        .collect(),
                    unread_columns: t.unmapped_with_data.clone(),
                    headings: t
                        .headings
                        .iter()
                        .map(|h| HeadingReport {
                            line: h.line,
                            text: h.text.clone(),
                            sets: HeadingSets {
                                actions: h.actions.iter().map(|a| a.as_str()).collect(),
                                levels: h.levels.map(LevelSet::to_words),
                                shared: h.shared,
                                authority: h.authority.map(LevelSet::to_words),
                                field: h.field.clone(),
                            },
                            described: h.describe(),
                        })
                        .collect(),
                    rows: t.rows,
                })
                .collect(),
            rows: shown
                .rows
                .iter()
                .map(|r| RowReport {
                    line: r.line,
                    table: r.table,
                    stt: r.position.stt.clone(),
                    annex: r.position.annex.clone(),
                    sections: r.position.sections.clone(),
                    code: r.code.map(|c| c.to_string()),
                    name: r.details.name.clone(),
                    // Words of the run's language; JSON is written in English.
                    action: SourcedReport::new(&r.action, |a| a.word()),
                    levels: SourcedReport::new(&r.levels, |l| l.words()),
                    field: r
                        .field
                        .as_ref()
                        .map(|f| SourcedReport::new(f, String::clone)),
                })
                .collect(),
            skipped: shown
                .skipped
                .iter()
                .map(|s| SkippedLine {
                    line: s.line,
                    kind: s.kind.as_str(),
                    text: s.text.clone(),
                })
                .collect(),
            warnings: reading.warnings.iter().map(ProblemReport::from).collect(),
            body_references: Vec::new(),
        }
    }
}

/// The body's row-number references, followed in the catalog when there
/// is one at `db` (inspect never creates it).
fn body_checks(
    db: &Path,
    file: &str,
    reading: &Reading,
    rows: &[Result<DecisionRow, Vec<Problem>>],
    lang: Lang,
) -> Vec<published::BodyCheck> {
    if reading.body_references.is_empty() {
        return Vec::new();
    }
    let store = db
        .is_file()
        .then(|| super::open_existing(db).ok())
        .flatten();
    match &store {
        Some(store) => {
            let mut annexes = StoreAnnexes::new(store);
            let checks = published::body_checks(file, reading, rows, Some(&mut annexes));
            if let Some(e) = annexes.failed {
                crate::i18n::in_lang(lang, || {
                    super::warn(&crate::tr!(
                        "inspect-catalog-unreadable",
                        error = e.to_string()
                    ));
                });
            }
            checks
        }
        None => published::body_checks(file, reading, rows, None),
    }
}

/// The body's row-number references and what the catalog says of them.
fn write_body_references(out: &mut impl Write, p: &PublishedReport) -> io::Result<()> {
    if p.body_references.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", crate::tr!("inspect-body-references"))?;
    let no_code = crate::tr!("table-no-code");
    for r in &p.body_references {
        let action = r
            .action
            .map_or_else(|| crate::tr!("inspect-body-names"), action_word);
        let mut place = vec![format!("số thứ tự {}", r.rows.join(", "))];
        place.extend(r.sections.iter().map(|s| format!("mục {s}")));
        place.extend(r.annex.iter().map(|a| format!("Phụ lục {a}")));
        let place = place.join(" ");
        let line = match r.signed.as_deref() {
            Some(signed) => crate::tr!(
                "inspect-body-reference-signed",
                line = r.line,
                action = action,
                place = place,
                decision = r.decision.as_str(),
                signed = signed
            ),
            None => crate::tr!(
                "inspect-body-reference",
                line = r.line,
                action = action,
                place = place,
                decision = r.decision.as_str()
            ),
        };
        writeln!(out, "  {line}")?;
        for e in &r.entries {
            writeln!(
                out,
                "      {} -> {} {} {}",
                e.row,
                e.code.as_deref().unwrap_or(&no_code),
                level_text(e.level),
                shortened(&e.name, 60)
            )?;
        }
        writeln!(out, "      {}", r.finding)?;
    }
    Ok(())
}

/// Up to [`LIST_CAP`] items joined by ", ", then "...".
fn cap_list(items: &[String]) -> String {
    let mut shown = items[..items.len().min(LIST_CAP)].join(", ");
    if items.len() > LIST_CAP {
        shown.push_str(", ...");
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(quote("annex.csv"), "annex.csv");
        assert_eq!(quote("1234/QĐ-UBND"), "1234/QĐ-UBND");
        assert_eq!(quote("Phụ lục I"), "'Phụ lục I'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn day_of_suggestions_is_iso() {
        let layout = Layout {
            titles: vec![(
                2,
                "Kèm theo Quyết định số 7/QĐ-UBND ngày 1 tháng 7 năm 2025".to_owned(),
            )],
            header_line: 3,
            ..Layout::default()
        };
        let s = suggestion(&layout).unwrap();
        assert_eq!(s.decision, "7/QĐ-UBND");
        assert_eq!(
            s.signed,
            Day::parse("2025-07-01").ok().map(|d| d.to_string())
        );
    }
}
