//! Command-line definitions (clap). The doc comments are the help text.
// Doc comments here are the help text users read, not rustdoc: no Markdown backticks.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::correction::Moment;
use crate::domain::point::DecisionRef;
use crate::domain::verify::ChainHash;
use crate::domain::{Action, Code, Day, Level, LevelSet, NamedPoint};
use crate::input::TextEncoding;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  other failure (database, file system)
  2  usage error (also: a --db file that is not a catalog, -o naming the catalog)
  3  input rejected: every problem listed as FILE:LINE: message, nothing written
  4  conflict with a decision already imported, or a correction that later
     decisions depend on: nothing written
  5  verify found a mismatch between the store and its history;
     any command: the catalog is damaged";

/// tthc keeps a province's catalog of administrative procedures (TTHC):
/// it imports publication decisions, keeps every version of every entry, and
/// exports the catalog in force on any date with counts per level.
#[derive(Debug, Parser)]
#[command(name = "tthc", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// The catalog database file. Created by the first import.
    #[arg(
        long,
        global = true,
        env = "TTHC_DB",
        default_value = "tthc.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,

    /// The language of messages, tables and help: vi (tiếng Việt) or en.
    /// Without it, Vietnamese when LC_ALL, LC_MESSAGES or LANG starts with vi.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the command line and the environment. An empty `TTHC_DB` (as
    /// cron may leave it) counts as unset.
    pub fn from_env() -> Result<Cli, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        crate::i18n::set(crate::i18n::Lang::from_args(&args).unwrap_or_else(|| {
            crate::i18n::Lang::from_environment(|name| std::env::var(name).ok())
        }));
        let mut command = Cli::command();
        if std::env::var_os("TTHC_DB").is_some_and(|v| v.is_empty()) {
            command = command.mut_arg("db", |arg| arg.env(None::<&str>));
        }
        Cli::from_arg_matches_mut(&mut command.try_get_matches_from(args)?)
    }
}

/// Shows what the command-line parser has to say: help and the version on
/// standard output (exit 0), the help on standard error when no command is
/// given (exit 2), and a usage error as `tthc: …` on standard error (exit 2),
/// like every other message of tthc.
pub fn usage(err: &clap::Error) -> std::process::ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return std::process::ExitCode::SUCCESS;
        }
        // `tthc` alone: the help, on standard error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return std::process::ExitCode::from(crate::exit::USAGE);
        }
        _ => {}
    }
    let text = err.render().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    eprint!("tthc: {text}");
    std::process::ExitCode::from(crate::exit::USAGE)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Import(ImportArgs),
    Inspect(InspectArgs),
    Export(ExportArgs),
    Report(ReportArgs),
    Counts(CountsArgs),
    Diff(DiffArgs),
    History(HistoryArgs),
    Show(ShowArgs),
    Decisions(DecisionsArgs),
    Retract(RetractArgs),
    Upcoming(UpcomingArgs),
    Search(SearchArgs),
    Verify(VerifyArgs),
    Reference(ReferenceArgs),
    Reconcile(ReconcileArgs),
    Config(ConfigArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// Import decision files (CSV or Excel workbooks) into the catalog, all or nothing.
///
/// All files of one call form one batch: they are checked together against the
/// stored history and written in one transaction. Any problem rejects the whole
/// batch (exit 3) and every problem is listed as `FILE:LINE: message`.
///
/// Re-importing a decision already stored with identical rows does nothing;
/// the same decision (number and signing date) with different rows is refused (exit 4).
/// To fix a decision imported with wrong rows, --correct DECISION replaces its
/// rows with those of the corrected FILE (see also tthc retract).
///
/// Files are recognized by their content: xlsx (also xls, ods) workbooks, and
/// CSV in UTF-8 (with or without a byte-order mark) or UTF-16 with a
/// byte-order mark, separated by commas, semicolons or tabs. The header row
/// is found by its column names, below any title rows. TCVN3 and VNI text is
/// refused with the way to convert it. Run `tthc inspect FILE` first to see
/// how a file is read.
///
/// Examples:
///   tthc import data/*.csv
///   tthc import --decision 1234/QĐ-UBND --signed 15/06/2020 annex.csv
///   tthc import --sheet "Phụ lục I" --decision 1234/QĐ-UBND --signed 2025-11-19 annex.xlsx
///   tthc import --levels province,commune --decision 1/QĐ-UBND --signed 2025-07-01 national.csv
///   tthc import --dry-run new-decision.csv
///   tthc import --correct 160/QĐ-UBND --reason "fee of 1.000002 mistyped" qd-160-fixed.csv
///   cat annex.csv | tthc import --decision 12/QĐ-UBND --signed 2020-01-02 -
#[derive(Debug, Args)]
#[command(verbatim_doc_comment, after_help = EXIT_CODES)]
pub struct ImportArgs {
    /// Decision files (docx, CSV, xlsx, xls, ods); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub read: ReadOptions,

    /// Check everything and report what would change, writing nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Treat warnings (a date of effect more than a year from the signing
    /// date, a signing date in the future, a number whose year is not the
    /// signing year) as problems: the import is refused (exit 3) and nothing
    /// is written.
    #[arg(long)]
    pub strict: bool,

    /// Treat the warnings against the national list stored (a code it does
    /// not have, a name that is another code's there) as problems: the
    /// import is refused (exit 3) and nothing is written.
    #[arg(long)]
    pub strict_reference: bool,

    /// Replace the rows of this stored decision (NUMBER, or NUMBER@SIGNED-DATE
    /// when several stored decisions have that number) with those of the
    /// FILEs, which must hold that decision's rows only. The rows replaced
    /// stay in the store, marked retracted (tthc history shows them), and the
    /// correction is a link of the hash chain with who, when and why.
    /// Refused (exit 4) when a later decision depends on the rows replaced.
    #[arg(long, value_name = "DECISION")]
    pub correct: Option<DecisionRef>,

    /// Why the decision is corrected, recorded with the correction
    /// (default: "corrected by FILE").
    #[arg(long, value_name = "TEXT", requires = "correct")]
    pub reason: Option<String>,

    /// Format of the summary.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Take a decision's rows out of the catalog, from the start.
///
/// For a decision imported by mistake (a draft, another province's decision,
/// a file of the wrong decision): the catalog becomes what it would be had the
/// decision never been imported. Its rows stay in the store, marked retracted:
/// tthc history shows them, tthc decisions lists the retraction, and
/// --known-at on the read commands rebuilds the catalog as it was known
/// before. The retraction is a link of the hash chain carrying who (the
/// operating-system user), when and why (--reason); tthc verify replays it.
///
/// Refused (exit 4, nothing written) when a later decision depends on the
/// rows: it amends, repeals or replaces an entry the decision added, or adds
/// one the decision repealed. The message names each such decision and entry.
/// A decision already retracted is refused too. To put rows of it back, or
/// to replace its rows rather than take them out: tthc import --correct.
///
/// Examples:
///   tthc retract 160/QĐ-UBND --reason "the draft was imported, not the signed decision"
///   tthc retract 160/QĐ-UBND@2026-01-10 --reason "another province's decision" --dry-run
#[derive(Debug, Args)]
#[command(verbatim_doc_comment, after_help = EXIT_CODES)]
pub struct RetractArgs {
    /// The decision: NUMBER, or NUMBER@SIGNED-DATE when several stored decisions have that number.
    #[arg(value_name = "DECISION")]
    pub decision: DecisionRef,

    /// Why the decision is retracted, recorded with the retraction.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,

    /// Check everything and report what would change, writing nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Format of the summary.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// How decision files are read: what their rows do not say themselves, and
/// which sheet, encoding and levels to read (the same for import and inspect).
#[derive(Debug, Args)]
pub struct ReadOptions {
    /// Decision number for files without a decision column, e.g. 1234/QĐ-UBND.
    #[arg(long, value_name = "NUMBER")]
    pub decision: Option<String>,

    /// Signing date for files without a signed column (YYYY-MM-DD or DD/MM/YYYY).
    #[arg(long, value_name = "DATE")]
    pub signed: Option<Given<Day>>,

    /// Effective date for rows whose effective cell is empty (default: the signing date).
    #[arg(long, value_name = "DATE")]
    pub effective: Option<Given<Day>>,

    /// The sheet of a workbook to read; default: the first visible sheet.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Encoding of CSV files without a byte-order mark: utf-8 (default),
    /// utf-16le, utf-16be or windows-1258.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<TextEncoding>,

    /// Keep only these levels (e.g. province,commune) and list the rows that
    /// name none of them, such as "Cấp bộ" rows of a national list.
    #[arg(long, value_name = "LIST")]
    pub levels: Option<LevelSet>,

    /// For a decision as published: the action of rows whose cell, headings
    /// and title state none (added, amended, replaced, repealed, or the
    /// Vietnamese words). Contradicting what the document states is a problem.
    #[arg(long, value_name = "ACTION")]
    pub action: Option<Action>,

    /// For a decision as published: the level(s) of rows whose cell,
    /// headings, title and competent authority state none (e.g. province,
    /// or "province,commune").
    #[arg(long, value_name = "LEVELS")]
    pub level: Option<LevelSet>,

    /// For a decision as published: the field of rows whose cell, headings
    /// and title state none.
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
}

/// An option's value, with the text it was given as (to show it back as typed).
#[derive(Debug, Clone)]
pub struct Given<T> {
    pub value: T,
    pub text: String,
}

impl<T: FromStr<Err = String>> FromStr for Given<T> {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Ok(Given {
            value: text.parse()?,
            text: text.to_owned(),
        })
    }
}

/// Show how a decision file would be read, without touching the catalog.
///
/// A preflight for import: the file's format (CSV, or a workbook and its
/// sheet), its encoding and delimiter, the header row and the column each
/// header cell maps to, the rows per decision, action and level, every
/// problem with its line, and the import command to run (with the decision
/// a title row names, for files without decision columns). For a decision
/// as published (a Word document, or an annex whose action and level are in
/// its titles and headings): the decision with where each fact is stated,
/// each catalog table's header mapping and headings, every row with the
/// sources of its action, level and field, the lines skipped, and the flags
/// the command needs. The catalog is not opened: checks against the stored
/// history happen at import (try import --dry-run).
///
/// When the catalog (--db) holds a national procedure list (see tthc
/// reference), the rows are checked against the latest as import would: a
/// code the list does not have, a name that is another code's there.
///
/// Exits with 0 when the file can be imported with the command shown, 3 when
/// it has problems.
///
/// Examples:
///   tthc inspect annex.xlsx
///   tthc inspect QĐ-2715.docx
///   tthc inspect --levels province,commune national.csv
///   tthc inspect --format json annex.csv | jq .columns
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct InspectArgs {
    /// The decision file (CSV, xlsx, xls, ods, docx); `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: String,

    #[command(flatten)]
    pub read: ReadOptions,

    /// Count the warnings against the national list stored as problems
    /// (exit 3), as import --strict-reference would refuse the file.
    #[arg(long)]
    pub strict_reference: bool,

    /// Format of the report.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Export the catalog in force on a date.
///
/// Rows are ordered by level (province, district, commune), then field, then
/// code; the same state always gives byte-identical output.
///
/// xlsx is a workbook laid out like the annex of a decision: a title, one
/// section per level (A. cấp tỉnh, B. cấp huyện, C. cấp xã) with a sub-heading
/// per field, a total line, and a second sheet with the counts. It is written
/// to -o FILE, or to standard output when that is a file or a pipe, never to
/// a terminal.
///
/// For Excel users, --headers vi names the csv columns in Vietnamese (the
/// names import reads) and --bom starts the csv with a UTF-8 byte-order mark;
/// with --bom, or --excel (both at once), cells that Excel would run as
/// formulas (starting with = + - @, a tab or a carriage return) are preceded
/// by an apostrophe. --excel writes what a spreadsheet in a Vietnamese locale
/// opens right: fields separated by ";", levels as Cấp tỉnh, dates as
/// dd/mm/yyyy, and codes as ="2.000620", text that keeps its zeros.
/// --delimiter sets the field separator of any csv (tab: --delimiter tab).
///
/// For filing, --province (or tthc config province), --attached-to and
/// --title give the workbook the heading of a decision's annex: "PHỤ LỤC",
/// the title, and "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của
/// Chủ tịch UBND tỉnh Yên Bái)". Every row is as tall as its wrapped text,
/// and the "Số lượng" sheet prints on one page.
///
/// With --manifest, FILE.manifest.json is written next to FILE, after it: the
/// version of the catalog exported, the last decision applied, the counts, the
/// file's SHA-256, the tool version and the export time.
///
/// Examples:
///   tthc export --as-of 2025-07-01 --format csv -o catalog.csv
///   tthc export --as-of 1580/QĐ-UBND@2025-06-20 --format csv
///   tthc export --format xlsx -o danh-muc.xlsx --manifest
///   tthc export -o phu-luc.xlsx --province "Tỉnh Yên Bái" --attached-to "2715/QĐ-UBND ngày 19/11/2025"
///   tthc export --headers vi --bom -o danh-muc.csv
///   tthc export --excel -o danh-muc.csv
///   tthc export --format json | jq '.counts'
///   tthc export --as-of 2025-07-01 --known-at 2026-03-01 -o as-published-then.csv
///   tthc export
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ExportArgs {
    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub known_at: KnownAt,

    /// Output format; default: table on a terminal, csv otherwise (and with --headers, --bom,
    /// --excel or --delimiter).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

    #[command(flatten)]
    pub csv: CsvArgs,

    /// Write to FILE atomically (temporary file, then rename) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Column names of the csv: en (level, code, ...) or vi (Cấp thực hiện, Mã số TTHC, ...).
    #[arg(long, value_enum, value_name = "LANG")]
    pub headers: Option<Headers>,

    /// Start the csv with a UTF-8 byte-order mark, so that Excel reads Vietnamese text correctly;
    /// cells Excel would run as formulas are defused as with --excel.
    #[arg(long)]
    pub bom: bool,

    /// csv for a spreadsheet in a Vietnamese locale (Excel, LibreOffice): a byte-order mark,
    /// fields separated by ";" (unless --delimiter says otherwise), Vietnamese column names
    /// (unless --headers says otherwise) and levels (Cấp tỉnh), dates as dd/mm/yyyy, codes as
    /// ="2.000620" so that they stay text with their zeros, and every other cell that starts
    /// with = + - @, a tab or a carriage return preceded by an apostrophe, so that it is shown
    /// as text and never run as a formula.
    #[arg(long)]
    pub excel: bool,

    /// Also write FILE.manifest.json next to the -o FILE: what was exported, from which state.
    #[arg(long, requires = "output")]
    pub manifest: bool,

    /// xlsx: the province whose chairman the annex is attached for ("Tỉnh Yên Bái");
    /// default: the one set with tthc config province. With it, or --attached-to,
    /// the sheet starts with "PHỤ LỤC" and "(Kèm theo Quyết định số … của Chủ tịch UBND tỉnh …)".
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,

    /// xlsx: the title of the annex, in place of "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến …)";
    /// the date of the catalog follows it on the totals line.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// xlsx: the decision the annex is attached to, as the heading names it:
    /// "2715/QĐ-UBND ngày 19/11/2025".
    #[arg(long, value_name = "DECISION")]
    pub attached_to: Option<String>,
}

/// Write an HTML report of the catalog over time.
///
/// One self-contained page in Vietnamese (inline CSS and SVG, nothing
/// fetched): the entries in force per level on the last day; a chart of the
/// entries in force per level from --from to --to, with the dates decisions
/// took effect marked on the time axis; the days the catalog changed most;
/// the entries in force at the end of each year; the decisions signed per
/// year; and the latest decisions with their changes. The same store and
/// dates always give the same file.
///
/// Examples:
///   tthc report -o report.html
///   tthc report --from 2020-01-01 --to 2025-12-31 -o report-2020-2025.html
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ReportArgs {
    /// Write to FILE atomically (temporary file, then rename) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// First day of the chart and of the decisions shown; default: the first date of the history.
    #[arg(long, value_name = "DATE")]
    pub from: Option<Day>,

    /// Last day of the chart, the day of the counts; default: today.
    #[arg(long, value_name = "DATE")]
    pub to: Option<Day>,
}

/// Count the entries in force per level on a date.
///
/// total counts entries (code, level); procedures counts distinct codes, so a
/// code in force at two levels is one procedure and two entries.
///
/// Examples:
///   tthc counts
///   tthc counts --as-of 2025-06-30 --format json
///   tthc counts --as-of 1580/QĐ-UBND
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CountsArgs {
    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub known_at: KnownAt,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

/// Show what changed between two versions of the catalog.
///
/// FROM and TO are dates (YYYY-MM-DD or DD/MM/YYYY) or decisions: NUMBER when
/// one stored decision has that number, else NUMBER@YYYY-MM-DD (its signing
/// date). The version as of a decision is the catalog right after that
/// decision is applied. Changes are keyed by entry (code, level) and ordered
/// by level, then code; an entry whose details are the same in both versions
/// shows no change, whatever happened in between.
///
/// An entry replaced in the interval, directly or through a chain of
/// replacements (A by B, then B by C), counts once as replaced (A -> C), not
/// as a repeal plus an addition. With FROM later than TO the history reads
/// backwards.
///
/// A code repealed at one level and added at another with the same effective
/// date (district to commune on 2025-07-01) counts once as moved, from the old
/// level to the new, with the details that differ; --plain reads it as a
/// repeal plus an addition.
///
/// Examples:
///   tthc diff 2021-01-01 2025-07-01
///   tthc diff 1234/QĐ-UBND 1580/QĐ-UBND --format json
///   tthc diff 2025-06-30 2025-07-01 --exit-code --format csv > changes.csv
///   tthc diff 2025-06-30 2025-07-01 --plain
///   tthc diff 2025-06-30 2025-07-01 --stat
///   tthc diff 1234/QĐ-UBND 1580/QĐ-UBND --quiet || echo changed
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is a command-line switch of its own"
)]
pub struct DiffArgs {
    /// The older version: a date or a decision reference.
    #[arg(value_name = "FROM")]
    pub from: NamedPoint,

    /// The newer version: a date or a decision reference.
    #[arg(value_name = "TO")]
    pub to: NamedPoint,

    #[command(flatten)]
    pub known_at: KnownAt,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,

    /// Exit with 1 when there are changes and 0 when there are none (other failures keep their codes).
    #[arg(long)]
    pub exit_code: bool,

    /// Read a move between levels as a repeal at the old level plus an
    /// addition at the new one, as the decision's rows state them
    /// (e.g. tthc diff 2025-06-30 2025-07-01 --plain).
    #[arg(long)]
    pub plain: bool,

    /// Print nothing; exit with 1 when there are changes and 0 when there
    /// are none (as --exit-code).
    #[arg(long, conflicts_with = "stat")]
    pub quiet: bool,

    /// Print only the summary: how many entries were added, amended,
    /// replaced, repealed, moved (and given a code).
    #[arg(long)]
    pub stat: bool,
}

/// Show every version of a procedure's entries, level by level.
///
/// Each version: its number (1, 2, ... in the order the rules apply changes),
/// the action (an entry repealed by a replacement shows "replaced" and the new
/// code), the decision with its signing and effective dates, the fields that
/// changed from the previous version (for the first: the fields given), and
/// the details. A version a correction took out of the catalog is listed
/// where it stood, unnumbered, with the correction (tthc retract, tthc import
/// --correct). A code with no stored version is a failure (exit 1).
///
/// Examples:
///   tthc history 1.001612
///   tthc history 1.001612 --level commune --format json
///   tthc history 1.001612 --known-at 2026-03-01T09:00:00+07:00
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct HistoryArgs {
    /// The procedure code (1.001612 or the long form).
    #[arg(value_name = "CODE")]
    pub code: Code,

    /// Only this level (province, district, commune, or the Vietnamese name).
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<Level>,

    #[command(flatten)]
    pub known_at: KnownAt,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

/// Show a procedure's full record at each level on a date or after a decision.
///
/// One record per level where the procedure is in force, with the decision
/// and effective date of that version. Not in force at any level: exit 1.
///
/// Examples:
///   tthc show 1.001612
///   tthc show 1.001612 --as-of 2020-01-01 --format json
///   tthc show 1.001612 --as-of 1580/QĐ-UBND
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ShowArgs {
    /// The procedure code.
    #[arg(value_name = "CODE")]
    pub code: Code,

    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub known_at: KnownAt,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

/// List the imported decisions: the decision log.
///
/// One line per decision in order of import: number, signing date, effective
/// dates, entry changes per action (added, amended, replaced, repealed) and in
/// all, the source file and its SHA-256, when and by whom it was imported, and
/// its chain hash. The table is compact (number, dates, changes, file; it
/// fits 100 columns); json gives {"decisions": [...]} and csv the same keys
/// as its header, in full.
///
/// Examples:
///   tthc decisions
///   tthc decisions -n 5
///   tthc decisions --since 2025-07-01 --until 2025-12-31
///   tthc decisions --format json | jq '.decisions[-1].chain_sha256'
///   tthc decisions --format csv > decisions.csv
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct DecisionsArgs {
    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,

    /// Only the last N decisions of the log (after --since and --until).
    #[arg(short = 'n', long, value_name = "N")]
    pub limit: Option<usize>,

    /// Only decisions signed on or after this date.
    #[arg(long, value_name = "DATE")]
    pub since: Option<Day>,

    /// Only decisions signed on or before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<Day>,
}

/// List published changes whose effective date is still ahead.
///
/// Stored changes effective after today and at most N days from today, by
/// effective date, then level, then code.
///
/// Examples:
///   tthc upcoming
///   tthc upcoming --days 90 --format json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct UpcomingArgs {
    /// How many days ahead to look.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub days: u32,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

/// Find entries by name, field or agency, ignoring case and Vietnamese diacritics.
///
/// "chung thuc" finds "Chứng thực"; đ matches d.
///
/// Examples:
///   tthc search "chung thuc"
///   tthc search "hộ tịch" --as-of 2020-01-01 --format json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SearchArgs {
    /// Words to find; every word must match.
    #[arg(value_name = "TEXT")]
    pub text: String,

    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub known_at: KnownAt,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

/// Prove the store was not edited behind tthc's back.
///
/// Runs SQLite's integrity and foreign key checks, compares the schema with
/// tthc's, recomputes every decision's content hash from its stored rows and
/// the hash chain over all decisions, replays the whole history to check that
/// every stored version, its details and its validity interval equal what the
/// rules produce, and checks the search index against the versions. Any
/// mismatch exits with 5, one line per mismatch naming the decision or the
/// entry. On success it prints what it checked and the chain head: keep that
/// hash elsewhere to detect a history rewritten as a whole.
///
/// With --head HASH (a chain head kept earlier) or --manifest FILE (the
/// manifest of an earlier export), verify also proves that the store still
/// holds that chain head and every decision before it: deleting or rewriting
/// the newest decisions, hashes recomputed, is found only this way.
///
/// Examples:
///   tthc verify
///   tthc verify --head 7a41c4d4d977869f344516bcf961658b52464239f621b6f368e8347506739686
///   tthc verify --manifest /srv/portal/danh-muc.xlsx.manifest.json
///   tthc verify --format json | jq .verified
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct VerifyArgs {
    /// A chain head kept earlier (from tthc verify or tthc decisions): the
    /// store must still hold it and every decision before it.
    #[arg(long, value_name = "HASH")]
    pub head: Option<ChainHash>,

    /// The manifest of an earlier export (FILE.manifest.json): the store must
    /// still hold the chain head it names, with as many decisions before it.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// Format of the report: text, or json for scripts ({"verified",
    /// "database", "decisions", "versions", "entries", "spans", "indexed",
    /// "corrections", "chain_head", "anchors", "mismatches",
    /// "mismatches_total"}), written on a mismatch too (exit 5).
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Keep snapshots of the national procedure database (CSDL quốc gia về TTHC).
///
/// A snapshot is the list of procedures the national public-service portal
/// exports: one row per procedure with its code, name, levels ("Cấp tỉnh,
/// Cấp xã", "Cấp bộ", ...), field, agency and the ministry's decision that
/// published it, in English or Vietnamese headers ("Mã thủ tục", "Tên thủ
/// tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện", "Quyết định công
/// bố"), as CSV or a workbook. Snapshots are kept beside the catalog and
/// never change it; tthc reconcile compares the catalog with them, and
/// import and inspect check new decisions against the latest.
///
/// Examples:
///   tthc reference import --as-of 2025-11-20 dvcqg-procedures.csv
///   tthc reference list
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ReferenceArgs {
    #[command(subcommand)]
    pub command: ReferenceCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    Import(ReferenceImportArgs),
    List(ReferenceListArgs),
}

/// Store a snapshot of the national procedure list.
///
/// The file is read whole and checked (codes, levels, one name per code);
/// any problem refuses it (exit 3) and nothing is stored. It is stored with
/// its SHA-256 and the date it stands for. A file already stored (the same
/// bytes) is not stored again: the command says so and exits with 0.
///
/// Examples:
///   tthc reference import --as-of 2025-11-20 dvcqg-procedures.csv
///   tthc reference import --sheet "TTHC" danh-sach-tthc.xlsx
#[derive(Debug, Args)]
#[command(verbatim_doc_comment, after_help = EXIT_CODES)]
pub struct ReferenceImportArgs {
    /// The national list (CSV, xlsx, xls, ods); `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: String,

    /// The date the list stands for (the day it was downloaded); default: today.
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<Day>,

    /// The sheet of a workbook to read; default: the first visible sheet.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Encoding of a CSV file without a byte-order mark: utf-8 (default),
    /// utf-16le, utf-16be or windows-1258.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<TextEncoding>,

    /// Format of the summary.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// List the stored snapshots of the national list.
///
/// By date, then order of import: the date, the procedures, the file, its
/// SHA-256, when and by whom it was imported.
///
/// Examples:
///   tthc reference list
///   tthc reference list --format json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ReferenceListArgs {
    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

/// Compare the catalog with the national procedure database.
///
/// The catalog in force on a date or right after a decision (default:
/// today) against the latest snapshot of the national list dated on or
/// before it (see tthc reference). Each finding names the entry, the
/// decision that last set it and the national values:
///   unknown_code        a code in force that the list does not have
///   name_of_other_code  the entry's name is the list's name of another code
///   name_mismatch       the names differ beyond case, spacing, punctuation
///                       and the place of the tone mark (with a similarity
///                       score and the words that differ)
///   level_mismatch      an entry at a level the list does not give its code
///   missing             a procedure the list gives the province or the
///                       communes (the districts before 2025-07-01) that is
///                       not in force at that level: what is left to publish
///   field_mismatch, agency_mismatch   information only, with --all
/// Findings are ordered by kind, then level, then code. --level, --field and
/// --agency keep the findings of the entries they keep, and the missing
/// procedures by the national list's level, field and agency.
///
/// Examples:
///   tthc reconcile
///   tthc reconcile --as-of 2770/QĐ-UBND --format json
///   tthc reconcile --level commune --format csv > missing.csv
///   tthc reconcile --field "ho tich" --agency "UBND cấp xã"
///   tthc reconcile --exit-code || echo "the catalog differs from the national database"
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ReconcileArgs {
    #[command(flatten)]
    pub as_of: AsOf,

    /// Output format; default: a table on a terminal, csv when the output
    /// goes to a pipe or a file.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,

    /// Exit with 1 when there is a finding of the default kinds and 0 when
    /// there is none (other failures keep their codes).
    #[arg(long)]
    pub exit_code: bool,

    // Findings at these levels, of entries whose field and agency contain
    // these texts; a missing procedure by the national list's field and agency.
    #[command(flatten)]
    pub filters: Filters,

    /// Also the information-only findings: field_mismatch and agency_mismatch.
    #[arg(long)]
    pub all: bool,
}

/// Show or change a setting kept with the catalog.
///
/// province  the province that publishes the catalog, as the heading of an
///           annex names it ("Tỉnh Yên Bái", "Thành phố Hà Nội"): export
///           --format xlsx then writes "PHỤ LỤC" and "(Kèm theo Quyết định
///           số … của Chủ tịch UBND tỉnh …)" above the title; its --province
///           option overrides the setting for one export.
///
/// Without a VALUE, the setting is printed (nothing when it is not set); an
/// empty VALUE ("") clears it. The catalog must exist (tthc import creates it).
///
/// Examples:
///   tthc config province "Tỉnh Yên Bái"
///   tthc config province
///   tthc config province ""
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ConfigArgs {
    /// The setting.
    #[arg(value_enum)]
    pub name: Setting,

    /// Its new value; without it, the value is printed.
    pub value: Option<String>,
}

/// The settings kept with the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Setting {
    /// The province named in the heading of the exported annex.
    Province,
}

impl Setting {
    /// The setting's name in the store.
    pub fn name(self) -> &'static str {
        match self {
            Setting::Province => "province",
        }
    }
}

/// Print a shell completion script.
///
/// Example:
///   tthc completions bash > /etc/bash_completion.d/tthc
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the man page (roff).
///
/// Example:
///   tthc man > tthc.1 && man ./tthc.1
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {}

/// The version of the catalog a read command looks at.
#[derive(Debug, Args)]
pub struct AsOf {
    /// A date (YYYY-MM-DD or DD/MM/YYYY), or a decision: NUMBER, or NUMBER@SIGNED-DATE
    /// when several stored decisions have that number; default: today.
    #[arg(long = "as-of", value_name = "DATE|REF")]
    pub value: Option<NamedPoint>,
}

/// Which entries an output keeps.
#[derive(Debug, Args)]
pub struct Filters {
    /// Keep only entries at these levels (e.g. commune, or "province,commune").
    #[arg(long, value_name = "LEVELS")]
    pub level: Option<LevelSet>,

    /// Keep only entries whose field contains this text (case and
    /// diacritics ignored: "ho tich" keeps "Hộ tịch").
    #[arg(long, value_name = "TEXT")]
    pub field: Option<String>,

    /// Keep only entries whose agency contains this text (case and
    /// diacritics ignored).
    #[arg(long, value_name = "TEXT")]
    pub agency: Option<String>,
}

impl Filters {
    pub fn entry_filter(&self) -> crate::domain::filter::EntryFilter {
        crate::domain::filter::EntryFilter::new(
            self.level,
            self.field.as_deref(),
            self.agency.as_deref(),
        )
    }
}

/// How csv output is written.
#[derive(Debug, Args)]
pub struct CsvArgs {
    /// The csv field separator: one character, such as ";" or "|", or tab (also "\t");
    /// default "," (";" with export --excel). Implies csv when no --format is given.
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<Delimiter>,
}

/// A csv field separator: one ASCII character that is neither a quote nor
/// a line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub u8);

impl FromStr for Delimiter {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let c = match s {
            "\\t" | "tab" | "TAB" => '\t',
            _ => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => return Err(crate::tr!("delimiter-one-character", value = s)),
                }
            }
        };
        if matches!(c, '"' | '\n' | '\r') {
            return Err(crate::tr!("delimiter-quote-or-line-break"));
        }
        u8::try_from(c)
            .ok()
            .filter(u8::is_ascii)
            .map(Delimiter)
            .ok_or_else(|| crate::tr!("delimiter-not-ascii", value = s))
    }
}

/// The catalog as known at a moment, before later imports and corrections.
#[derive(Debug, Args)]
pub struct KnownAt {
    /// The catalog as it was known at this moment: decisions imported after
    /// it and corrections made after it are left out. RFC 3339
    /// (2026-03-01T10:00:00+07:00), or YYYY-MM-DD[THH:MM[:SS]] in local
    /// time, a date alone meaning the end of that day.
    #[arg(long = "known-at", value_name = "TIME")]
    pub moment: Option<Moment>,
}

/// Output formats of the read commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

impl From<Format> for crate::output::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Table => crate::output::Format::Table,
            Format::Csv => crate::output::Format::Csv,
            Format::Json => crate::output::Format::Json,
        }
    }
}

/// Output formats of `export`: those of the read commands, and an Excel workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Table,
    Csv,
    Json,
    Xlsx,
}

/// Languages of the csv column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Headers {
    /// level, code, name, ... (the default)
    En,
    /// Cấp thực hiện, Mã số TTHC, Tên thủ tục hành chính, ...
    Vi,
}

/// Formats of the import summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Text,
    Json,
}
