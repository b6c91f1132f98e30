//! What the fuzz targets check, shared with `cargo test`: the regression test
//! `tests/integration/fuzz_regressions.rs` includes this file and replays
//! every saved input of `tests/data/fuzz/` through the same checks.
//!
//! A check fails by panicking, which libFuzzer reports as a crash. Beyond "no
//! panic", each check asserts what callers rely on: rows that come out are
//! well formed, problems name the file and a line of it, parsed values print
//! back to the text they came from, and the reader hashes every byte it read.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};
use tthc::domain::text::{clean, fold, strip_diacritics};
use tthc::domain::values::{CodeInName, LevelCell};
use tthc::domain::{Action, Code, Day, DecisionRow, Level, LevelSet};
use tthc::input::{DecisionReader, Defaults, Problem};

/// The name the reader is given for the fuzzed file.
const FILE: &str = "fuzz.csv";

/// Reads `data` as a decision file (CSV text, or a workbook, which the reader
/// recognizes by its first bytes), once without command-line defaults and
/// once with `--decision`, `--signed` and `--effective` given.
///
/// # Panics
///
/// When the reader panics, or breaks one of the promises checked here.
pub fn check_decision_file(data: &[u8]) {
    let given = Defaults {
        decision: Some("1/QĐ-UBND".to_owned()),
        signed: Some(Day::from_number(19_000)),
        effective: Some(Day::from_number(19_010)),
        ..Defaults::default()
    };
    for defaults in [Defaults::default(), given] {
        read_all(data, &defaults);
    }
}

/// Rows of a worksheet: a workbook's problems and rows are numbered by the
/// sheet's rows, up to this.
const SHEET_ROWS: u64 = 1_048_576;

/// Whether the reader takes `data` for a workbook (zip: xlsx or ods; OLE: xls).
fn is_workbook(data: &[u8]) -> bool {
    data.starts_with(b"PK\x03\x04") || data.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

fn read_all(data: &[u8], defaults: &Defaults) {
    // Physical lines (LF, CRLF or a lone CR ends one): no problem or row can
    // start past the last. A workbook's lines are its sheet's rows.
    let breaks = data
        .iter()
        .enumerate()
        .filter(|&(i, b)| *b == b'\n' || (*b == b'\r' && data.get(i + 1) != Some(&b'\n')))
        .count();
    let lines = if is_workbook(data) {
        SHEET_ROWS
    } else {
        breaks as u64 + 1
    };
    let mut reader = match DecisionReader::new(FILE, data, defaults) {
        Ok(reader) => reader,
        Err(problems) => {
            assert!(!problems.is_empty(), "header refused without a problem");
            for p in &problems {
                check_problem(p, lines);
            }
            return;
        }
    };
    let mut records = 0_u64;
    // A row past a reader's limit stops the reading there.
    let mut limited = false;
    for item in reader.by_ref() {
        records += 1;
        // Each record uses at least one byte (or is the one "no rows" problem).
        assert!(records <= data.len() as u64 + 1, "more records than bytes");
        match item {
            Ok(row) => check_row(&row, defaults, lines),
            Err(problems) => {
                assert!(!problems.is_empty(), "record refused without a problem");
                for p in &problems {
                    check_problem(p, lines);
                    limited |= p.message.contains("(limit on ");
                }
            }
        }
    }
    if limited {
        return;
    }
    assert_eq!(
        reader.bytes_read(),
        data.len() as u64,
        "the reader stopped before the end of the file"
    );
    let expected = Sha256::digest(data).iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    assert_eq!(reader.sha256(), expected, "file hash");
}

fn check_problem(problem: &Problem, lines: u64) {
    assert_eq!(problem.file, FILE);
    assert!(!problem.message.trim().is_empty(), "empty problem message");
    assert!(
        problem.line <= lines,
        "problem at line {} of a file of {lines} lines: {}",
        problem.line,
        problem.message
    );
}

fn check_row(row: &DecisionRow, defaults: &Defaults, lines: u64) {
    // A row starts after the header's line 1 and not past the last line,
    // whatever the line ends.
    assert!(
        (2..=lines).contains(&row.line),
        "row at line {} of a file of {lines} lines",
        row.line
    );
    assert!(
        !row.decision.number.is_empty(),
        "row without a decision number"
    );
    assert!(!row.levels.is_empty(), "row without a level");
    if let Some(number) = &defaults.decision {
        assert!(!number.is_empty());
    }
    for day in [row.decision.signed, row.effective] {
        assert_eq!(Day::parse(&day.to_string()), Ok(day));
    }
    assert_eq!(Code::parse(&row.code.to_string()), Ok(row.code));
    assert_eq!(row.replaces.is_some(), row.action == Action::Replaced);
    if matches!(row.action, Action::Added | Action::Replaced) {
        assert!(!row.details.name.is_empty() && !row.details.field.is_empty());
    }
    for cell in row.details.as_array() {
        assert_eq!(clean(cell), cell, "a stored cell is not trimmed NFC");
    }
    assert_eq!(clean(&row.decision.number), row.decision.number);
}

/// Runs every cell parser on `data` (invalid UTF-8 replaced by U+FFFD).
///
/// # Panics
///
/// When a parser panics, or breaks one of the promises checked here.
pub fn check_cell_values(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_day(&text);
    check_code(&text);
    check_levels(&text);
    check_action(&text);
    check_text(&text);
}

fn check_day(text: &str) {
    if let Ok(day) = Day::parse(text) {
        let iso = day.to_string();
        assert_eq!(Day::parse(&iso), Ok(day), "{text:?} -> {iso}");
        let (y, m, d) = (&iso[..4], &iso[5..7], &iso[8..]);
        assert_eq!(Day::parse(&format!("{d}/{m}/{y}")), Ok(day), "{text:?}");
        assert_eq!(Day::from_date(day.date()), day);
    }
}

fn check_code(text: &str) {
    if let Ok(code) = Code::parse(text) {
        let short = code.to_string();
        assert_eq!(short.len(), 8, "{text:?} -> {short}");
        // White space inside a code is ignored (a copy from a PDF).
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(compact.starts_with(&short), "{text:?} -> {short}");
        let mut buf = [0; 8];
        assert_eq!(code.as_text(&mut buf), short);
        assert_eq!(Code::from_u32(code.as_u32()), Some(code));
        assert_eq!(Code::parse(&short), Ok(code));
    }
    match Code::from_name(text) {
        CodeInName::Found { code, name } => {
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(compact.contains(&code.to_string()), "{text:?} -> {code}");
            assert!(name.len() < text.len(), "{text:?}: the name keeps its code");
        }
        CodeInName::Several(codes) => assert!(codes.len() > 1, "{text:?}"),
        CodeInName::None => {}
    }
}

fn check_levels(text: &str) {
    if let Ok(level) = Level::parse(text) {
        assert_eq!(Level::parse(level.as_str()), Ok(level));
        assert_eq!(Level::parse(level.label_vi()), Ok(level));
        assert_eq!(LevelSet::parse(text), Ok(LevelSet::single(level)));
    }
    if let Ok(cell) = LevelCell::parse(text) {
        assert!(
            !cell.levels.is_empty() || !cell.outside.is_empty() || cell.shared,
            "{text:?} names nothing"
        );
    }
    if let Ok(set) = LevelSet::parse(text) {
        let levels: Vec<Level> = set.iter().collect();
        assert!(!levels.is_empty() && levels.len() <= 3, "{text:?}");
        let again: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
        assert_eq!(LevelSet::parse(&again.join(", ")), Ok(set));
    }
}

fn check_action(text: &str) {
    if let Ok(action) = Action::parse(text) {
        assert_eq!(Action::parse(action.as_str()), Ok(action));
        assert_eq!(Action::from_index(action as i64), Some(action));
    }
}

fn check_text(text: &str) {
    let cleaned = clean(text);
    assert_eq!(
        clean(&cleaned),
        cleaned,
        "clean is not idempotent on {text:?}"
    );
    assert_eq!(cleaned.trim(), cleaned, "{text:?}");
    let _ = fold(text);
    let _ = strip_diacritics(text);
}

/// The name the reader is given for a fuzzed decision as published.
const PUBLISHED: &str = "fuzz.docx";

/// Reads `data` as a decision as published (a Word document, or an annex
/// read whole), then finds its rows, once without command-line facts and
/// once with `--decision`, `--signed`, `--effective`, `--action`, `--level`
/// and `--field` given.
///
/// # Panics
///
/// When the reader panics, or breaks one of the promises checked here.
pub fn check_published_file(data: &[u8]) {
    use tthc::input::published::{self, Fallbacks};
    use tthc::input::{Opened, open_decision};

    let given = Fallbacks {
        decision: Some("1/QĐ-UBND".to_owned()),
        signed: Some(Day::from_number(19_000)),
        effective: Some(Day::from_number(19_010)),
        action: Some(Action::Added),
        levels: Some(LevelSet::single(Level::Province)),
        field: Some("Hộ tịch".to_owned()),
    };
    let file = match open_decision(PUBLISHED, data, &Defaults::default()) {
        Ok(Opened::Published(file)) => file,
        // A table with action and level columns: the row reader's checks.
        Ok(Opened::Rows(_)) => return,
        Err(e) => {
            assert!(!e.problems.is_empty(), "file refused without a problem");
            for p in &e.problems {
                assert_eq!(p.file, PUBLISHED);
                assert!(!p.message.trim().is_empty(), "empty problem message");
            }
            return;
        }
    };
    assert_eq!(
        file.bytes,
        data.len() as u64,
        "the reader did not read it all"
    );
    let last = last_line(&file.document);
    for flags in [Fallbacks::default(), given] {
        let reading = published::read(PUBLISHED, &file.document, &flags, &[]);
        for p in reading.problems.iter().chain(&reading.warnings) {
            assert_eq!(p.file, PUBLISHED);
            assert!(!p.message.trim().is_empty(), "empty problem message");
            assert!(
                p.line <= last,
                "problem at line {} of a document of {last} lines: {}",
                p.line,
                p.message
            );
        }
        for row in &reading.rows {
            assert!(
                (1..=last).contains(&row.line),
                "row at line {} of a document of {last} lines",
                row.line
            );
            assert!(!row.decision.value.is_empty(), "row without a decision");
            if let Some(code) = row.code {
                assert_eq!(Code::parse(&code.to_string()), Ok(code));
            }
            for day in [row.signed.value, row.effective.value] {
                assert_eq!(Day::parse(&day.to_string()), Ok(day));
            }
            for cell in row.details.as_array() {
                assert_eq!(clean(cell), cell, "a stored cell is not trimmed NFC");
            }
        }
    }
}

/// The last line of a document: its paragraphs and table rows are numbered
/// together.
fn last_line(doc: &tthc::input::document::Document) -> u64 {
    use tthc::input::document::Block;
    doc.blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(p) => p.line,
            Block::Table(t) => t.rows.iter().map(|r| r.line).max().unwrap_or(0),
        })
        .max()
        .unwrap_or(0)
}

/// The day the searched catalog is read at: `base.csv` is in force then.
const SEARCH_DAY: &str = "2024-01-15";

/// A catalog holding `tests/data/base.csv`, made once per process in a
/// directory of its own.
fn search_catalog() -> &'static std::path::Path {
    static DB: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tthc-fuzz-search-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a directory for the catalog");
        let csv = dir.join("base.csv");
        std::fs::write(&csv, include_str!("../../tests/data/base.csv")).expect("base.csv");
        let db = dir.join("catalog.db");
        let args = [
            "tthc",
            "--db",
            path_str(&db),
            "import",
            "--format",
            "json",
            path_str(&csv),
        ];
        let cli = <tthc::cli::Cli as clap::Parser>::try_parse_from(args).expect("import arguments");
        tthc::run(cli).expect("the catalog imports");
        db
    })
}

fn path_str(path: &std::path::Path) -> &str {
    path.to_str().expect("a UTF-8 temporary directory")
}

/// Runs `tthc search TEXT --as-of 2024-01-15 --format json` on a small
/// catalog, `TEXT` being `data` (invalid UTF-8 replaced by U+FFFD): the
/// query is answered, or refused as a usage error (exit 2), never a
/// database error (a query the full-text index cannot parse) or a panic.
///
/// # Panics
///
/// When the search panics, or fails otherwise than by refusing the query.
pub fn check_search_query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let db = search_catalog();
    let args = [
        "tthc",
        "--db",
        path_str(db),
        "search",
        "--as-of",
        SEARCH_DAY,
        "--format",
        "json",
        "--",
        &text,
    ];
    let cli = match <tthc::cli::Cli as clap::Parser>::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => panic!("{text:?} is not taken as the search text: {e}"),
    };
    if let Err(e) = tthc::run(cli) {
        assert_eq!(e.exit_code(), 2, "{text:?}: {e}");
        assert!(!e.to_string().trim().is_empty(), "{text:?}: empty message");
    }
}
