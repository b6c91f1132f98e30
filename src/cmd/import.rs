//! `tthc import`: reads decision files, checks them against the rules and the
//! stored history, and writes them in one transaction, or nothing at all.

use std::io::IsTerminal;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::{ActionCounts, CorrectionSummary, LevelCounts};
use crate::cli::{ImportArgs, SummaryFormat};
use crate::domain::correction::CorrectionKind;
use crate::domain::text::clean;
use crate::error::Error;
use crate::import::{Batch, FileId, Outcome, Prepared};
use crate::input::published;
use crate::input::{Defaults, Opened, Problem, PublishedFile, Unchanging, open_decision};
use crate::output::write_json;
use crate::store::{CreateError, Created, OpenMode, Store, StoreError, create_new};

const STDIN_NAME: &str = "<stdin>";
/// Files smaller than this import in a moment and show no progress bar.
const PROGRESS_MIN_BYTES: u64 = 4 << 20;

/// A progress bar on stderr for a large file, only when stderr is a terminal:
/// scripted runs stay quiet apart from the summary.
fn progress_bar(name: &str, size: Option<u64>) -> Option<ProgressBar> {
    let size = size.filter(|s| *s >= PROGRESS_MIN_BYTES)?;
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} ({eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(name.to_owned());
    Some(bar)
}

/// Rows handed from the parsing thread to the writing thread at a time.
const ROWS_PER_CHUNK: usize = 128;

pub(crate) fn run(db: &Path, args: &ImportArgs) -> Result<ExitCode, Error> {
    let defaults = super::read_defaults(&args.read);
    let summary = if let Some(reference) = &args.correct {
        // A correction needs the decision it corrects: the catalog must exist.
        if !db.exists() {
            return Err(Error::Store(StoreError::Missing(db.to_owned())));
        }
        let mut store = Store::open(db, OpenMode::Create)?;
        let decision = super::stored_decision(&store, "--correct", reference)?;
        import_batch(&mut store, args, &defaults, Some(decision.id))?
    } else if args.dry_run || db.exists() {
        let mut store = if args.dry_run && !db.exists() {
            Store::open_in_memory()?
        } else {
            Store::open(db, OpenMode::Create)?
        };
        import(&mut store, args, &defaults)?
    } else {
        first_import(db, args, &defaults)?
    };
    let mut out = io::stdout().lock();
    match args.format {
        SummaryFormat::Json => write_json(&mut out, &summary)?,
        SummaryFormat::Text => summary.write_text(&mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The first import of a catalog builds it beside `db` and moves it into
/// place once committed (see [`create_new`]). If another first import put its
/// catalog at `db` meanwhile, this import is read again on top of it (unless
/// it read standard input, which cannot be read twice).
fn first_import(db: &Path, args: &ImportArgs, defaults: &Defaults) -> Result<Summary, Error> {
    let created = create_new(db, |store| {
        import(store, args, defaults).map(|summary| {
            let keep = summary.decisions > 0;
            (summary, keep)
        })
    });
    match created {
        Ok(Created::Placed(summary) | Created::Discarded(summary)) => Ok(summary),
        Ok(Created::Exists) => {
            if args.files.iter().any(|f| f == "-") {
                return Err(Error::Store(StoreError::CreatedMeanwhile(db.to_owned())));
            }
            let mut store = Store::open(db, OpenMode::Create)?;
            import(&mut store, args, defaults)
        }
        Err(CreateError::Build(e)) => Err(e),
        Err(CreateError::Write { path, source }) => Err(Error::Write { path, source }),
    }
}

fn import(store: &mut Store, args: &ImportArgs, defaults: &Defaults) -> Result<Summary, Error> {
    let bulk = store.begin_bulk_load()?;
    let result = import_batch(store, args, defaults, None);
    // The batch is committed or rolled back by now: failing to return to
    // write-ahead logging must not turn a committed import into an error
    // (a first import's database is removed on error). The next import
    // of the file sets the mode again.
    if bulk && let Err(e) = store.end_bulk_load() {
        super::warn(&crate::tr!(
            "import-wal-not-restored",
            error = e.to_string()
        ));
    }
    result
}

/// Imports the files in one transaction; with `correct`, the id of a stored
/// decision, their rows replace that decision's.
fn import_batch(
    store: &mut Store,
    args: &ImportArgs,
    defaults: &Defaults,
    correct: Option<u32>,
) -> Result<Summary, Error> {
    let tx = store.begin_import()?;
    let mut batch = match correct {
        None => Batch::new(&tx)?,
        Some(id) => {
            let target = tx.correction_target(i64::from(id))?;
            let reason = args
                .reason
                .as_deref()
                .map(clean)
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| {
                    crate::tr!("import-corrected-by", files = args.files.join(", "))
                });
            Batch::correcting(&tx, target, CorrectionKind::Corrected, &reason)?
        }
    };
    let mut seen = Vec::new();
    for name in &args.files {
        let same = std::fs::canonicalize(name).ok();
        if name != "-" && same.is_some() && seen.contains(&same) {
            eprintln!(
                "tthc: {}",
                crate::tr!("import-named-twice", name = name.as_str())
            );
            continue;
        }
        seen.push(same);
        read_file(&mut batch, name, defaults)?;
    }
    let outcome = batch.finish()?;
    if args.strict && !outcome.warnings.is_empty() {
        return Err(Error::Rejected(outcome.warnings));
    }
    if args.strict_reference && !outcome.reference_warnings.is_empty() {
        return Err(Error::Rejected(outcome.reference_warnings));
    }
    for warnings in [&outcome.warnings, &outcome.reference_warnings] {
        for warning in warnings.iter().take(WARNINGS_SHOWN) {
            super::warn(&warning.to_string());
        }
        if warnings.len() > WARNINGS_SHOWN {
            eprintln!(
                "  {}",
                crate::tr!(
                    "import-more-warnings",
                    count = warnings.len() - WARNINGS_SHOWN
                )
            );
        }
    }
    if !args.dry_run && outcome.changes_store() {
        tx.commit()?;
    }
    Ok(Summary::new(outcome, args.dry_run))
}

/// Reads one file into the batch: parsing runs on a second thread while this
/// one writes to the store.
/// Reads a decision as published into the batch: its rows take their facts
/// from their cells, headings, titles and body, then from the flags. What
/// the reading warns of goes to stderr.
fn read_published(
    batch: &mut Batch<'_, '_>,
    file: FileId,
    display: &str,
    published: &PublishedFile,
    defaults: &Defaults,
) -> Result<(), Error> {
    let known_fields = batch.known_fields()?;
    let reading = published::read(
        display,
        &published.document,
        &super::fallbacks(defaults),
        &known_fields,
    );
    for warning in &reading.warnings {
        super::warn(&warning.to_string());
    }
    let notes = batch.add_published(file, &reading, defaults.levels)?;
    batch.close_file(file, published.sha256.clone(), &notes);
    Ok(())
}

fn read_file(batch: &mut Batch<'_, '_>, name: &str, defaults: &Defaults) -> Result<(), Error> {
    let mut size = None;
    let (display, input): (String, Box<dyn Read + Send>) = if name == "-" {
        (STDIN_NAME.to_owned(), Box::new(io::stdin()))
    } else {
        // Refused if it changes while it is read (a sync, an editor saving it).
        match Unchanging::open(name) {
            Ok(f) => {
                size = f.size();
                (name.to_owned(), Box::new(f))
            }
            Err(e) => {
                let file = batch.open_file(name);
                batch.reject(
                    file,
                    vec![Problem::new(
                        name,
                        0,
                        crate::tr!("import-cannot-open", error = e.to_string()),
                    )],
                );
                return Ok(());
            }
        }
    };
    let file = batch.open_file(&display);
    let mut reader = match open_decision(&display, input, defaults) {
        Ok(Opened::Rows(reader)) => reader,
        Ok(Opened::Published(published)) => {
            return read_published(batch, file, &display, &published, defaults);
        }
        Err(e) => {
            batch.reject(file, e.problems);
            return Ok(());
        }
    };
    batch.ignore_columns(reader.ignored_columns());
    let progress = progress_bar(&display, size);
    let read = AtomicU64::new(0);
    let (send, receive) = mpsc::sync_channel::<Vec<Result<Prepared, Vec<Problem>>>>(4);
    let (sha256, notes) = thread::scope(|scope| {
        let read = &read;
        let parser = thread::Builder::new().spawn_scoped(scope, move || {
            let mut chunk = Vec::with_capacity(ROWS_PER_CHUNK);
            while let Some(item) = reader.next() {
                chunk.push(item.map(Prepared::new));
                if chunk.len() == ROWS_PER_CHUNK {
                    read.store(reader.bytes_read(), Ordering::Relaxed);
                    let full = std::mem::replace(&mut chunk, Vec::with_capacity(ROWS_PER_CHUNK));
                    if send.send(full).is_err() {
                        break;
                    }
                }
            }
            let _ = send.send(chunk);
            (reader.sha256(), reader.notes().clone())
        });
        let parser = parser.map_err(|e| Error::Store(StoreError::Thread(e)))?;
        'chunks: for chunk in receive {
            if let Some(bar) = &progress {
                bar.set_position(read.load(Ordering::Relaxed));
            }
            for item in chunk {
                match item {
                    Ok(row) => batch.add(file, row)?,
                    // A file this wrong is rejected anyway: stop reading it
                    // (the parser stops when this end of the channel goes away).
                    Err(problems) => {
                        if !batch.reject(file, problems) {
                            break 'chunks;
                        }
                    }
                }
            }
        }
        parser
            .join()
            .map_err(|_| Error::Output(io::Error::other(crate::tr!("import-reader-stopped"))))
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    batch.close_file(file, sha256, &notes);
    Ok(())
}

#[derive(Debug, Serialize)]
struct SkippedDecision {
    number: String,
    signed: String,
}

/// A row that `--levels` left out.
#[derive(Debug, Serialize)]
struct SkippedRowRecord {
    file: String,
    line: u64,
    code: String,
    level: String,
}

/// Warnings printed on standard error before "... and N more".
const WARNINGS_SHOWN: usize = 20;

/// Decisions listed in the text summary before "... and N more".
const DECISIONS_SHOWN: usize = 20;

/// Rows skipped by `--levels` listed in the text summary before "... and N more".
const SKIPPED_ROWS_SHOWN: usize = 100;

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Serialize)]
struct Summary {
    dry_run: bool,
    decisions: u64,
    rows: u64,
    changes: u64,
    skipped: Vec<SkippedDecision>,
    actions: ActionCounts,
    levels: LevelCounts,
    ignored_columns: Vec<String>,
    /// Rows whose code was taken from the name cell (the code cell was empty).
    codes_from_names: u64,
    rows_skipped_by_level: Vec<SkippedRowRecord>,
    /// Entries added without a code, per level they are added at.
    without_code: u64,
    /// Each decision imported, with its dates and entry changes.
    imported: Vec<ImportedRecord>,
    /// What is likely a mistake but not against the rules (`--strict`
    /// refuses the import instead).
    warnings: Vec<WarningRecord>,
    /// What the rows are warned of against the national list stored
    /// (`--strict-reference` refuses the import instead).
    reference_warnings: Vec<WarningRecord>,
    /// With --correct: the correction made.
    #[serde(skip_serializing_if = "Option::is_none")]
    correction: Option<CorrectionSummary>,
}

/// A warning, as the JSON summary lists it.
#[derive(Debug, Serialize)]
struct WarningRecord {
    file: String,
    /// 0 for a warning about a whole decision.
    line: u64,
    message: String,
}

impl From<&Problem> for WarningRecord {
    fn from(w: &Problem) -> Self {
        WarningRecord {
            file: w.file.clone(),
            line: w.line,
            message: w.data_message().to_owned(),
        }
    }
}

/// A decision imported, as the summary lists it.
#[derive(Debug, Serialize)]
struct ImportedRecord {
    number: String,
    signed: String,
    effective: Vec<String>,
    changes: u64,
    file: String,
}

impl Summary {
    fn new(o: Outcome, dry_run: bool) -> Self {
        Summary {
            correction: o
                .corrected
                .as_ref()
                .map(|c| CorrectionSummary::new(c, dry_run)),
            dry_run,
            decisions: o.decisions,
            rows: o.rows,
            changes: o.levels.total(),
            skipped: o
                .unchanged
                .into_iter()
                .map(|u| SkippedDecision {
                    number: u.number,
                    signed: u.signed.to_string(),
                })
                .collect(),
            actions: o.actions,
            levels: o.levels,
            ignored_columns: o.ignored_columns,
            codes_from_names: o.codes_from_names,
            without_code: o.without_code,
            warnings: o.warnings.iter().map(WarningRecord::from).collect(),
            reference_warnings: o
                .reference_warnings
                .iter()
                .map(WarningRecord::from)
                .collect(),
            imported: o
                .imported
                .into_iter()
                .map(|d| ImportedRecord {
                    number: d.number,
                    signed: d.signed.to_string(),
                    effective: d.effective.iter().map(ToString::to_string).collect(),
                    changes: d.changes,
                    file: d.file,
                })
                .collect(),
            rows_skipped_by_level: o
                .skipped_rows
                .into_iter()
                .map(|s| SkippedRowRecord {
                    file: s.file,
                    line: s.line,
                    code: s.code,
                    level: s.level,
                })
                .collect(),
        }
    }

    fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        if self.dry_run {
            writeln!(out, "{}", crate::tr!("import-dry-run"))?;
        }
        if let Some(c) = &self.correction {
            c.write_text(out)?;
            if !c.unchanged {
                writeln!(out, "  {}", crate::tr!("import-put-in"))?;
                super::write_tallies(out, &self.actions, &self.levels)?;
            }
        } else if self.decisions == 0 {
            writeln!(out, "{}", crate::tr!("import-nothing"))?;
        } else {
            let (count, rows, changes) = (self.decisions, self.rows, self.changes);
            let line = if self.dry_run {
                crate::tr!(
                    "import-would",
                    count = count,
                    rows = rows,
                    changes = changes
                )
            } else {
                crate::tr!("import-done", count = count, rows = rows, changes = changes)
            };
            writeln!(out, "{line}")?;
            super::write_tallies(out, &self.actions, &self.levels)?;
            for d in self.imported.iter().take(DECISIONS_SHOWN) {
                writeln!(
                    out,
                    "  {}",
                    crate::tr!(
                        "import-decision",
                        number = d.number.as_str(),
                        signed = d.signed.as_str(),
                        effective = d.effective.join(", "),
                        count = d.changes,
                        file = d.file.as_str()
                    )
                )?;
            }
            if self.imported.len() > DECISIONS_SHOWN {
                writeln!(
                    out,
                    "  {}",
                    crate::tr!(
                        "import-more-decisions",
                        count = self.imported.len() - DECISIONS_SHOWN
                    )
                )?;
            }
        }
        self.write_notes(out)
    }

    /// The lines after the counts: decisions skipped, columns ignored,
    /// entries without a code, codes read from names, rows left out.
    fn write_notes(&self, out: &mut impl Write) -> io::Result<()> {
        for s in &self.skipped {
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "import-skipped-decision",
                    number = s.number.as_str(),
                    signed = s.signed.as_str()
                )
            )?;
        }
        if !self.ignored_columns.is_empty() {
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "import-ignored-columns",
                    columns = self.ignored_columns.join(", ")
                )
            )?;
        }
        if self.without_code > 0 {
            writeln!(
                out,
                "{}",
                crate::tr!("import-without-code", count = self.without_code)
            )?;
        }
        if self.codes_from_names > 0 {
            writeln!(
                out,
                "{}",
                crate::tr!("import-codes-from-names", count = self.codes_from_names)
            )?;
        }
        let skipped = &self.rows_skipped_by_level;
        if !skipped.is_empty() {
            writeln!(
                out,
                "{}",
                crate::tr!("import-skipped-rows", count = skipped.len())
            )?;
            for s in skipped.iter().take(SKIPPED_ROWS_SHOWN) {
                writeln!(out, "  {}:{}: {} {:?}", s.file, s.line, s.code, s.level)?;
            }
            if skipped.len() > SKIPPED_ROWS_SHOWN {
                writeln!(
                    out,
                    "  {}",
                    crate::tr!(
                        "import-more-rows",
                        count = skipped.len() - SKIPPED_ROWS_SHOWN
                    )
                )?;
            }
        }
        Ok(())
    }
}
