//! Command-line definitions (clap). Their help, in Vietnamese and English,
//! is in the message catalog (`src/i18n/*/cli.ftl`), looked up by command
//! path and argument: `cli-export-about`, `cli-export-long-about`,
//! `cli-export-arg-known-at` (an argument by its long name, a positional one
//! by its name), or `cli-arg-known-at` for every command without its own;
//! see `help.rs` for the whole scheme. No help text is written here.

use std::path::PathBuf;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::correction::Moment;
use crate::domain::point::DecisionRef;
use crate::domain::verify::ChainHash;
use crate::domain::{Action, Code, Day, Level, LevelSet, NamedPoint};
use crate::input::TextEncoding;

mod help;

// `tthc`: the options of every command.
#[derive(Debug, Parser)]
#[command(name = "tthc", version)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        env = "TTHC_DB",
        default_value = "tthc.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,

    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the command line and the environment, in the language that
    /// `--lang` or the locale asks for. An empty `TTHC_DB` (as cron may leave
    /// it) counts as unset.
    pub fn from_env() -> Result<Cli, clap::Error> {
        use clap::FromArgMatches;
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        crate::i18n::set(crate::i18n::Lang::from_args(&args).unwrap_or_else(|| {
            crate::i18n::Lang::from_environment(|name| std::env::var(name).ok())
        }));
        let mut command = command();
        let mut matches = command.try_get_matches_from_mut(&args)?;
        if let Some(path) = help::help_request(&matches) {
            // `tthc help reference import` is `tthc reference import --help`.
            let mut asked = args.iter().take(1).cloned().collect::<Vec<_>>();
            asked.extend(path.into_iter().map(Into::into));
            asked.push("--help".into());
            command.try_get_matches_from_mut(asked)?;
        }
        Cli::from_arg_matches_mut(&mut matches)
    }
}

/// The command line of tthc with its help in the run's language (for
/// parsing, the man page and the completion scripts).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut command = Cli::command();
    if std::env::var_os("TTHC_DB").is_some_and(|v| v.is_empty()) {
        command = command.mut_arg("db", |arg| arg.env(None::<&str>));
    }
    help::localize(
        command,
        crate::i18n::current(),
        &mut std::collections::BTreeSet::new(),
    )
}

/// Shows what the command-line parser has to say: help and the version on
/// standard output (exit 0), the help on standard error when no command is
/// given (exit 2), and a usage error as `tthc: …` on standard error (exit 2),
/// like every other message of tthc, in the run's language.
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
    eprint!("tthc: {}", help::error_text(err));
    std::process::ExitCode::from(crate::exit::USAGE)
}

/// A whole number of 0 or more (`-n 5`, `--days 90`), refused in the run's
/// language.
fn whole_number<T: FromStr<Err = std::num::ParseIntError>>(text: &str) -> Result<T, String> {
    text.parse().map_err(|err: std::num::ParseIntError| {
        if *err.kind() == std::num::IntErrorKind::PosOverflow {
            crate::tr!("cli-error-number-too-large")
        } else {
            crate::tr!("cli-error-not-a-number")
        }
    })
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

// `tthc import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub read: ReadOptions,

    #[arg(long)]
    pub dry_run: bool,

    #[arg(long)]
    pub strict: bool,

    #[arg(long)]
    pub strict_reference: bool,

    #[arg(long, value_name = "DECISION")]
    pub correct: Option<DecisionRef>,

    #[arg(long, value_name = "TEXT", requires = "correct")]
    pub reason: Option<String>,

    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

// `tthc retract`
#[derive(Debug, Args)]
pub struct RetractArgs {
    #[arg(value_name = "DECISION")]
    pub decision: DecisionRef,

    #[arg(long, value_name = "TEXT")]
    pub reason: String,

    #[arg(long)]
    pub dry_run: bool,

    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

// How decision files are read: what their rows do not say themselves, and
// which sheet, encoding and levels to read (the same for import and inspect).
#[derive(Debug, Args)]
pub struct ReadOptions {
    #[arg(long, value_name = "NUMBER")]
    pub decision: Option<String>,

    #[arg(long, value_name = "DATE")]
    pub signed: Option<Given<Day>>,

    #[arg(long, value_name = "DATE")]
    pub effective: Option<Given<Day>>,

    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    #[arg(long, value_name = "NAME")]
    pub encoding: Option<TextEncoding>,

    #[arg(long, value_name = "LIST")]
    pub levels: Option<LevelSet>,

    #[arg(long, value_name = "ACTION")]
    pub action: Option<Action>,

    #[arg(long, value_name = "LEVELS")]
    pub level: Option<LevelSet>,

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

// `tthc inspect`
#[derive(Debug, Args)]
pub struct InspectArgs {
    #[arg(value_name = "FILE")]
    pub file: String,

    #[command(flatten)]
    pub read: ReadOptions,

    #[arg(long)]
    pub strict_reference: bool,

    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

// `tthc export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

    #[command(flatten)]
    pub csv: CsvArgs,

    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long, value_enum, value_name = "LANG")]
    pub headers: Option<Headers>,

    #[arg(long)]
    pub bom: bool,

    #[arg(long)]
    pub excel: bool,

    #[arg(long, requires = "output")]
    pub manifest: bool,

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

// `tthc report`
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long, value_name = "DATE")]
    pub from: Option<Day>,

    #[arg(long, value_name = "DATE")]
    pub to: Option<Day>,

    #[command(flatten)]
    pub known_at: KnownAt,
}

// `tthc counts`
#[derive(Debug, Args)]
pub struct CountsArgs {
    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

// `tthc diff`
#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is a command-line switch of its own"
)]
pub struct DiffArgs {
    #[arg(value_name = "FROM")]
    pub from: NamedPoint,

    #[arg(value_name = "TO")]
    pub to: NamedPoint,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,

    #[arg(long)]
    pub exit_code: bool,

    #[arg(long)]
    pub plain: bool,

    #[arg(long, conflicts_with = "stat")]
    pub quiet: bool,

    #[arg(long)]
    pub stat: bool,
}

// `tthc history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[arg(value_name = "CODE")]
    pub code: Code,

    #[arg(long, value_name = "LEVEL")]
    pub level: Option<Level>,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

// `tthc show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    #[arg(value_name = "CODE")]
    pub code: Code,

    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

// `tthc decisions`
#[derive(Debug, Args)]
pub struct DecisionsArgs {
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,

    #[arg(short = 'n', long, value_name = "N", value_parser = whole_number::<usize>)]
    pub limit: Option<usize>,

    #[arg(long, value_name = "DATE")]
    pub since: Option<Day>,

    #[arg(long, value_name = "DATE")]
    pub until: Option<Day>,

    #[command(flatten)]
    pub known_at: KnownAt,
}

// `tthc upcoming`
#[derive(Debug, Args)]
pub struct UpcomingArgs {
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = whole_number::<u32>)]
    pub days: u32,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

// `tthc search`
#[derive(Debug, Args)]
pub struct SearchArgs {
    #[arg(value_name = "TEXT")]
    pub text: String,

    #[command(flatten)]
    pub as_of: AsOf,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub known_at: KnownAt,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

// `tthc verify`
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(long, value_name = "HASH")]
    pub head: Option<ChainHash>,

    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

// `tthc reference`
#[derive(Debug, Args)]
pub struct ReferenceArgs {
    #[command(subcommand)]
    pub command: ReferenceCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    Import(ReferenceImportArgs),
    List(ReferenceListArgs),
}

// `tthc reference import`
#[derive(Debug, Args)]
pub struct ReferenceImportArgs {
    #[arg(value_name = "FILE")]
    pub file: String,

    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<Day>,

    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    #[arg(long, value_name = "NAME")]
    pub encoding: Option<TextEncoding>,

    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

// `tthc reference list`
#[derive(Debug, Args)]
pub struct ReferenceListArgs {
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,
}

// `tthc reconcile`
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    #[command(flatten)]
    pub as_of: AsOf,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub csv: CsvArgs,

    #[arg(long)]
    pub exit_code: bool,

    // Findings at these levels, of entries whose field and agency contain
    // these texts; a missing procedure by the national list's field and agency.
    #[command(flatten)]
    pub filters: Filters,

    #[arg(long)]
    pub all: bool,
}

// `tthc completions`
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ConfigArgs {
    #[arg(value_enum)]
    pub name: Setting,

    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Setting {
    Province,
}

impl Setting {
    pub fn name(self) -> &'static str {
        match self {
            Setting::Province => "province",
        }
    }
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

// `tthc man`
#[derive(Debug, Args)]
pub struct ManArgs {}

// The version of the catalog a read command looks at.
#[derive(Debug, Args)]
pub struct AsOf {
    #[arg(long = "as-of", value_name = "DATE|REF")]
    pub value: Option<NamedPoint>,
}

// Which entries an output keeps.
#[derive(Debug, Args)]
pub struct Filters {
    #[arg(long, value_name = "LEVELS")]
    pub level: Option<LevelSet>,

    #[arg(long, value_name = "TEXT")]
    pub field: Option<String>,

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

// The catalog as known at a moment, before later imports and corrections.
#[derive(Debug, Args)]
pub struct CsvArgs {
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<Delimiter>,
}

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

#[derive(Debug, Args)]
pub struct KnownAt {
    #[arg(long = "known-at", value_name = "TIME")]
    pub moment: Option<Moment>,
}

// Output formats of the read commands.
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

// Output formats of `export`: those of the read commands, and an Excel workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Table,
    Csv,
    Json,
    Xlsx,
}

// Languages of the csv column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Headers {
    En,
    Vi,
}

// Formats of the import summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Text,
    Json,
}
