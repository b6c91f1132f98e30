//! `tthc import`: reads decision files, checks them against the rules and the
//! stored history, and writes them in one transaction, or nothing at all.

use std::collections::HashMap;
use std::fs::File;
use std::io::IsTerminal;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::{ActionCounts, LevelCounts};
use crate::cli::{ImportArgs, SummaryFormat};
use crate::domain::canonical::{CanonicalChange, chain_digest, content_digest, row_digest};
use crate::domain::rules::{Change, Effect, Fault, FaultKind, Role, replay, validity};
use crate::domain::{ALL_GIVEN, Action, Code, Day, DecisionRow, Details, Level};
use crate::error::Error;
use crate::input::{DecisionReader, Defaults, Problem, SkippedRow};
use crate::output::write_json;
use crate::store::{
    FinishedDecision, ImportTx, NewDecision, NewVersion, OpenMode, Store, StoreError,
    StoredDecision, StoredEvent, VersionWriter,
};

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

/// Canonical digests of a row's changes, one per level it names, in level order.
type Digests = [[u8; 32]; 3];

/// A row read by the parsing thread, with its digests.
type Parsed = Result<(DecisionRow, Digests), Vec<Problem>>;

fn level_digests(row: &DecisionRow) -> Digests {
    let mut digests = [[0; 32]; 3];
    for (slot, level) in digests.iter_mut().zip(row.levels.iter()) {
        *slot = row_digest(&CanonicalChange {
            action: row.action,
            code: row.code,
            level,
            replaces: row.replaces,
            effective: row.effective,
            given: &row.details,
        });
    }
    digests
}

/// A file with this many problems is not read further (garbage, or not a
/// decision file at all); the problems found so far are reported.
const STOP_AFTER_PROBLEMS: usize = 10_000;

/// Rows handed from the parsing thread to the writing thread at a time.
const ROWS_PER_CHUNK: usize = 128;
/// `Ev::file` of a version that was stored before this import.
const STORED: u16 = u16::MAX;

pub(crate) fn run(db: &Path, args: &ImportArgs) -> Result<ExitCode, Error> {
    let defaults = super::read_defaults(&args.read);
    let summary = if args.dry_run || db.exists() {
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

/// The first import of a catalog builds it in a new file beside `db`, under a
/// name no other process knows, and moves it into place (never over a file)
/// only once it has committed. Until then there is no catalog at `db`:
/// readers say so, and an import that is rejected or killed never leaves a
/// database behind that another process might have opened meanwhile.
///
/// If another first import put its catalog at `db` meanwhile, this import is
/// read again on top of it (unless it read standard input, which cannot be
/// read twice).
fn first_import(db: &Path, args: &ImportArgs, defaults: &Defaults) -> Result<Summary, Error> {
    let dir = match db.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(db.file_name().unwrap_or_default());
    prefix.push(".");
    note_interrupted(dir, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(NEW_SUFFIX);
    #[cfg(unix)]
    {
        // The mode `SQLite` gives the files it creates, less the umask.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let side = builder.tempfile_in(dir).map_err(|e| Error::Write {
        path: db.to_owned(),
        source: os_error(e),
    })?;
    let result = Store::open(side.path(), OpenMode::Create)
        .map_err(Error::from)
        .and_then(|mut store| import(&mut store, args, defaults));
    let summary = match result {
        Ok(summary) if summary.decisions > 0 => summary,
        other => {
            remove_side_files(side.path());
            return other;
        }
    };
    // The store is closed: its journal and log are gone, the file is whole.
    match side.persist_noclobber(db) {
        Ok(_) => Ok(summary),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
            remove_side_files(e.file.path());
            drop(e.file);
            if args.files.iter().any(|f| f == "-") {
                return Err(Error::Store(StoreError::CreatedMeanwhile(db.to_owned())));
            }
            let mut store = Store::open(db, OpenMode::Create)?;
            import(&mut store, args, defaults)
        }
        Err(e) => {
            remove_side_files(e.file.path());
            Err(Error::Write {
                path: db.to_owned(),
                source: e.error,
            })
        }
    }
}

/// A catalog being built that has not changed for this long belongs to a
/// first import that was interrupted (killed, or the power went).
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_mins(10);

/// Names on stderr the unfinished catalogs of interrupted first imports left
/// in `dir`, so that the clerk can delete them.
fn note_interrupted(dir: &Path, prefix: &std::ffi::OsStr) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = prefix.to_string_lossy();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let idle = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        // The catalog itself, and the journal SQLite keeps beside it.
        if name.starts_with(&*prefix)
            && name.contains(NEW_SUFFIX)
            && idle.is_some_and(|idle| idle >= ABANDONED_AFTER)
        {
            eprintln!(
                "tthc: note: {} is left from an import that was interrupted; \
                 delete it if no other import is running",
                dir.join(&name).display()
            );
        }
    }
}

/// One of `tempfile`'s errors without the name of the temporary file it
/// appends: the message names the database instead.
fn os_error(e: io::Error) -> io::Error {
    let message = e.to_string();
    match message.rsplit_once(" at path ") {
        Some((error, _)) => io::Error::new(e.kind(), error.to_owned()),
        None => e,
    }
}

/// The end of the name of a catalog a first import is building.
const NEW_SUFFIX: &str = ".tthc-new";

/// Removes what `SQLite` may have left beside a database it was writing.
fn remove_side_files(db: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

fn import(store: &mut Store, args: &ImportArgs, defaults: &Defaults) -> Result<Summary, Error> {
    let bulk = store.begin_bulk_load()?;
    let result = import_batch(store, args, defaults);
    // The batch is committed or rolled back by now: failing to return to
    // write-ahead logging must not turn a committed import into an error
    // (a first import's database is removed on error). The next import
    // of the file sets the mode again.
    if bulk && let Err(e) = store.end_bulk_load() {
        eprintln!("tthc: warning: could not return the database to write-ahead logging: {e}");
    }
    result
}

fn import_batch(
    store: &mut Store,
    args: &ImportArgs,
    defaults: &Defaults,
) -> Result<Summary, Error> {
    let tx = store.begin_import()?;
    let mut batch = Batch::new(&tx)?;
    let mut seen = Vec::new();
    for name in &args.files {
        let same = std::fs::canonicalize(name).ok();
        if name != "-" && same.is_some() && seen.contains(&same) {
            eprintln!("tthc: {name} is named twice; reading it once");
            continue;
        }
        seen.push(same);
        batch.read_file(name, defaults)?;
    }
    let mut summary = batch.finish()?;
    summary.dry_run = args.dry_run;
    if !args.dry_run && summary.decisions > 0 {
        tx.commit()?;
    }
    Ok(summary)
}

/// One entry change of the batch, or a stored version of an entry the batch
/// touches, in the compact form the rules replay.
#[derive(Debug, Clone, Copy)]
struct Ev {
    /// `code * 4 + level`.
    entry: u32,
    effective: i32,
    signed: i32,
    /// Id of the decision (row ids fit in 32 bits; see [`narrow`]).
    decision: u32,
    row: u32,
    line: u32,
    version: u32,
    /// Index into the batch's files, or [`STORED`].
    file: u16,
    action: Action,
    effect: Effect,
    given: u8,
}

impl Change for Ev {
    fn decision(&self) -> i64 {
        i64::from(self.decision)
    }

    fn effect(&self) -> Effect {
        self.effect
    }
}

impl Ev {
    fn order(&self) -> (u32, i32, i32, u32, u32) {
        (
            self.entry,
            self.effective,
            self.signed,
            self.decision,
            self.row,
        )
    }

    fn is_new(&self) -> bool {
        self.file != STORED
    }

    fn code(&self) -> Code {
        entry_parts(self.entry).0
    }

    fn level(&self) -> Level {
        entry_parts(self.entry).1
    }
}

/// The code and level of an entry number made by [`entry_id`].
fn entry_parts(entry: u32) -> (Code, Level) {
    let code = Code::from_u32(entry / 4).unwrap_or_else(|| entry_parts(0).0);
    let level = Level::from_index(i64::from(entry % 4)).unwrap_or(Level::Province);
    (code, level)
}

fn entry_id(code: Code, level: Level) -> u32 {
    code.entry(level)
}

/// A decision of the batch.
struct Group {
    number: String,
    key: String,
    signed: Day,
    /// The decision already stored under this identity, if any.
    stored: Option<StoredDecision>,
    /// Its id in the store (0 for a stored one, whose rows are not written).
    id: i64,
    file: usize,
    digests: Vec<[u8; 32]>,
    records: u64,
    effective: (Day, Day),
    /// Effective dates of its rows, in the order read (deduplicated at the end).
    days: Vec<Day>,
    /// Ids of its first and last stored versions.
    versions: Option<(i64, i64)>,
    next_row: u32,
}

/// What the batch knows of an entry while it reads rows in file order.
struct EntryState {
    /// Order key of the latest change read for the entry.
    last: (i32, i32, u32, u32),
    /// Details after that change; `None` while the entry is out of force.
    details: Option<Box<Details>>,
    /// A change came after a later one in the file: details are recomputed
    /// in rule order once the batch is read.
    out_of_order: bool,
}

/// Where the stored history of an entry comes from when the batch first touches it.
struct Source<'t, 'c> {
    tx: &'t ImportTx<'c>,
    /// Versions of decisions before this one were stored by earlier imports.
    first_new: Option<i64>,
    /// Whether the store held any history when the batch began.
    load: bool,
}

/// The state of every entry the batch touches, in file order.
#[derive(Default)]
struct Entries {
    map: FxHashMap<u32, EntryState>,
}

impl Entries {
    /// The entries whose changes came out of order; the states are dropped.
    fn into_out_of_order(self) -> FxHashSet<u32> {
        self.map
            .into_iter()
            .filter(|(_, state)| state.out_of_order)
            .map(|(entry, _)| entry)
            .collect()
    }

    /// Applies a change to its entry's state in file order and returns the
    /// details of the version it makes: the given cells, over the previous
    /// details where the change inherits them. `None` when changes of the
    /// entry came out of order: the version then holds the given cells and
    /// is recomputed in rule order once the batch is read.
    ///
    /// With `take`, given cells that become the new details are moved out of
    /// `given` instead of copied (the last level of a row).
    fn stage<'a>(
        &'a mut self,
        source: &Source<'_, '_>,
        events: &mut Vec<Ev>,
        ev: &Ev,
        given: &mut Details,
        take: bool,
    ) -> Result<Option<&'a Details>, Error> {
        let key = (ev.effective, ev.signed, ev.decision, ev.row);
        let state = self.state(source, events, ev.entry)?;
        if state.out_of_order || key < state.last {
            state.out_of_order = true;
            return Ok(None);
        }
        state.last = key;
        match (&mut state.details, ev.effect.inherits_details()) {
            (Some(previous), true) => overlay(previous, given),
            (details, _) if take => *details = Some(Box::new(std::mem::take(given))),
            (details, _) => *details = Some(Box::new(given.clone())),
        }
        Ok(state.details.as_deref())
    }

    /// After the version is stored: an entry out of force keeps no details.
    fn unstage(&mut self, ev: &Ev) {
        if !ev.effect.in_force_after()
            && let Some(state) = self.map.get_mut(&ev.entry)
        {
            state.details = None;
        }
    }

    /// The state of an entry; on first use, its stored history joins the
    /// batch's changes and its latest stored details are loaded.
    fn state(
        &mut self,
        source: &Source<'_, '_>,
        events: &mut Vec<Ev>,
        entry: u32,
    ) -> Result<&mut EntryState, Error> {
        use std::collections::hash_map::Entry;
        match self.map.entry(entry) {
            Entry::Occupied(o) => Ok(o.into_mut()),
            Entry::Vacant(v) => {
                let mut state = EntryState {
                    last: (i32::MIN, i32::MIN, 0, 0),
                    details: None,
                    out_of_order: false,
                };
                if source.load {
                    let (code, level) = entry_parts(entry);
                    let before = source.first_new.unwrap_or(i64::MAX);
                    let mut latest: Option<Ev> = None;
                    for s in source.tx.entry_events(code, level, before)? {
                        let ev = stored_ev(entry, &s)?;
                        if latest.is_none_or(|l| l.order() < ev.order()) {
                            latest = Some(ev);
                        }
                        events.push(ev);
                    }
                    if let Some(l) = latest {
                        state.last = (l.effective, l.signed, l.decision, l.row);
                        if l.effect.in_force_after() {
                            let details = source.tx.version_details(i64::from(l.version))?;
                            state.details = Some(Box::new(details));
                        }
                    }
                }
                Ok(v.insert(state))
            }
        }
    }
}

/// Writes the non-empty given cells over the previous details.
fn overlay(previous: &mut Details, given: &Details) {
    for (slot, new) in [
        (&mut previous.name, &given.name),
        (&mut previous.field, &given.field),
        (&mut previous.agency, &given.agency),
        (&mut previous.processing_time, &given.processing_time),
        (&mut previous.fee, &given.fee),
        (&mut previous.legal_basis, &given.legal_basis),
    ] {
        if !new.is_empty() {
            slot.clone_from(new);
        }
    }
}

#[derive(Default)]
struct Tally {
    records: u64,
    actions: [u64; 4],
    levels: [u64; 3],
    /// Rows whose code was written in the name cell.
    codes_from_names: u64,
    /// Rows skipped by `--levels`.
    skipped_rows: Vec<SkippedRow>,
}

struct Batch<'t, 'c> {
    tx: &'t ImportTx<'c>,
    versions: VersionWriter<'t>,
    had_history: bool,
    imported_at: String,
    imported_by: String,
    files: Vec<String>,
    file_sha: Vec<String>,
    groups: Vec<Group>,
    by_identity: HashMap<(String, Day), usize>,
    by_id: HashMap<i64, usize>,
    last_group: Option<usize>,
    events: Vec<Ev>,
    entries: Entries,
    /// Id of the first decision this batch stores; lower ids were stored before.
    first_new: Option<i64>,
    spans: Vec<(i64, i32, i32)>,
    problems: Vec<Problem>,
    ignored: Vec<String>,
    tally: Tally,
}

impl<'t, 'c> Batch<'t, 'c> {
    fn new(tx: &'t ImportTx<'c>) -> Result<Self, Error> {
        let had_history = tx.has_history()?;
        Ok(Batch {
            tx,
            versions: tx.version_writer()?,
            had_history,
            imported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            imported_by: ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
                .unwrap_or_else(|| "unknown".to_owned()),
            files: Vec::new(),
            file_sha: Vec::new(),
            groups: Vec::new(),
            by_identity: HashMap::new(),
            by_id: HashMap::new(),
            last_group: None,
            events: Vec::new(),
            entries: Entries::default(),
            first_new: None,
            spans: Vec::new(),
            problems: Vec::new(),
            ignored: Vec::new(),
            tally: Tally::default(),
        })
    }

    fn read_file(&mut self, name: &str, defaults: &Defaults) -> Result<(), Error> {
        let mut size = None;
        let (display, input): (String, Box<dyn Read + Send>) = if name == "-" {
            (STDIN_NAME.to_owned(), Box::new(io::stdin()))
        } else {
            match File::open(name) {
                Ok(f) => {
                    size = f.metadata().ok().map(|m| m.len());
                    (name.to_owned(), Box::new(f))
                }
                Err(e) => {
                    self.problems
                        .push(Problem::new(name, 0, format!("cannot open: {e}")));
                    return Ok(());
                }
            }
        };
        let mut reader = match DecisionReader::new(&display, input, defaults) {
            Ok(r) => r,
            Err(problems) => {
                self.problems.extend(problems);
                return Ok(());
            }
        };
        for col in reader.ignored_columns() {
            if !self.ignored.contains(col) {
                self.ignored.push(col.clone());
            }
        }
        let file = self.files.len();
        let progress = progress_bar(&display, size);
        self.files.push(display);
        let read = AtomicU64::new(0);
        // Parsing runs on a second thread while this one writes to the store.
        let (send, receive) = mpsc::sync_channel::<Vec<Parsed>>(4);
        let (sha256, notes) = thread::scope(|scope| {
            let read = &read;
            let parser = thread::Builder::new().spawn_scoped(scope, move || {
                let mut chunk = Vec::with_capacity(ROWS_PER_CHUNK);
                while let Some(item) = reader.next() {
                    chunk.push(item.map(|row| {
                        let digests = level_digests(&row);
                        (row, digests)
                    }));
                    if chunk.len() == ROWS_PER_CHUNK {
                        read.store(reader.bytes_read(), Ordering::Relaxed);
                        let full =
                            std::mem::replace(&mut chunk, Vec::with_capacity(ROWS_PER_CHUNK));
                        if send.send(full).is_err() {
                            break;
                        }
                    }
                }
                let _ = send.send(chunk);
                (reader.sha256(), reader.notes().clone())
            });
            let parser = parser.map_err(|e| Error::Store(StoreError::Thread(e)))?;
            for chunk in receive {
                if let Some(bar) = &progress {
                    bar.set_position(read.load(Ordering::Relaxed));
                }
                for item in chunk {
                    match item {
                        Ok((row, digests)) => self.add_row(file, row, &digests)?,
                        Err(problems) => self.problems.extend(problems),
                    }
                }
                // A file this wrong is rejected anyway: stop reading it (the
                // parser stops when this end of the channel goes away).
                if self.problems.len() >= STOP_AFTER_PROBLEMS {
                    let line = self.problems.last().map_or(0, |p| p.line);
                    self.problems.push(Problem::new(
                        &self.files[file],
                        line,
                        format!("stopped reading after {STOP_AFTER_PROBLEMS} problems"),
                    ));
                    break;
                }
            }
            parser.join().map_err(|_| {
                Error::Output(io::Error::other("the file reader stopped unexpectedly"))
            })
        })?;
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
        self.file_sha.push(sha256);
        self.tally.codes_from_names += notes.codes_from_names;
        self.tally.skipped_rows.extend(notes.skipped);
        Ok(())
    }

    fn group_for(&mut self, file: usize, row: &DecisionRow) -> Result<usize, Error> {
        // Rows of one decision usually follow each other.
        if let Some(g) = self.last_group.filter(|&g| {
            let group = &self.groups[g];
            group.signed == row.decision.signed && group.number == row.decision.number
        }) {
            return Ok(g);
        }
        let g = self.find_group(file, row)?;
        self.last_group = Some(g);
        Ok(g)
    }

    fn find_group(&mut self, file: usize, row: &DecisionRow) -> Result<usize, Error> {
        let key = row.decision.key();
        let identity = (key, row.decision.signed);
        if let Some(&g) = self.by_identity.get(&identity) {
            return Ok(g);
        }
        let (key, signed) = identity;
        let stored = self.tx.find_decision(&key, signed)?;
        let id = if stored.is_some() {
            0
        } else {
            let id = self.tx.insert_decision(&NewDecision {
                number: &row.decision.number,
                number_key: &key,
                signed,
                source: &self.files[file],
                imported_at: &self.imported_at,
                imported_by: &self.imported_by,
            })?;
            self.first_new.get_or_insert(id);
            id
        };
        let g = self.groups.len();
        self.groups.push(Group {
            number: row.decision.number.clone(),
            key: key.clone(),
            signed,
            stored,
            id,
            file,
            digests: Vec::new(),
            records: 0,
            effective: (row.effective, row.effective),
            days: Vec::new(),
            versions: None,
            next_row: 0,
        });
        self.by_identity.insert((key, signed), g);
        self.by_id.insert(id, g);
        Ok(g)
    }

    fn add_row(
        &mut self,
        file: usize,
        mut row: DecisionRow,
        digests: &Digests,
    ) -> Result<(), Error> {
        let g = self.group_for(file, &row)?;
        let group = &mut self.groups[g];
        group.records += 1;
        group.effective = (
            group.effective.0.min(row.effective),
            group.effective.1.max(row.effective),
        );
        let is_new = group.stored.is_none();
        if is_new {
            self.tally.records += 1;
        }
        let given = row.details.given_mask();
        let same_code = row.replaces == Some(row.code);
        let last_level = row.levels.iter().last();
        for (level, digest) in row.levels.iter().zip(digests) {
            let group = &mut self.groups[g];
            let row_no = group.next_row;
            group.next_row += 1;
            group.digests.push(*digest);
            if !is_new {
                continue;
            }
            let decision = narrow(group.id)?;
            self.tally.actions[row.action.index()] += 1;
            self.tally.levels[level.index()] += 1;
            let primary = Ev {
                entry: entry_id(row.code, level),
                effective: row.effective.number(),
                signed: row.decision.signed.number(),
                decision,
                row: row_no,
                file: u16::try_from(file).unwrap_or(STORED - 1),
                line: u32::try_from(row.line).unwrap_or(u32::MAX),
                version: 0,
                action: row.action,
                effect: Effect::of(row.action, Role::Primary, same_code),
                given,
            };
            let (first, last) =
                self.write_change(&mut row, level, primary, Some(level) == last_level)?;
            let group = &mut self.groups[g];
            group.versions = Some(
                group
                    .versions
                    .map_or((first, last), |(lo, hi)| (lo.min(first), hi.max(last))),
            );
            if group.days.last() != Some(&row.effective) {
                group.days.push(row.effective);
            }
        }
        Ok(())
    }

    /// Stores the version a row makes at one level, and for a replacement by
    /// another code the repeal of the replaced entry; returns the ids of the
    /// first and last versions stored.
    fn write_change(
        &mut self,
        row: &mut DecisionRow,
        level: Level,
        primary: Ev,
        last_level: bool,
    ) -> Result<(i64, i64), Error> {
        let source = Source {
            tx: self.tx,
            first_new: self.first_new,
            load: self.had_history,
        };
        let staged = self.entries.stage(
            &source,
            &mut self.events,
            &primary,
            &mut row.details,
            last_level,
        )?;
        let details = staged.unwrap_or(&row.details);
        let version = NewVersion {
            decision_id: i64::from(primary.decision),
            row_no: primary.row,
            line: row.line,
            action: row.action,
            role: Role::Primary,
            code: row.code,
            level,
            other_code: row.replaces,
            effective: row.effective,
            signed: row.decision.signed,
            given: primary.given,
            details,
        };
        let id = self.versions.insert(&version)?;
        self.events.push(Ev {
            version: narrow(id)?,
            ..primary
        });
        self.entries.unstage(&primary);
        let Some(old) = row.replaces.filter(|old| *old != row.code) else {
            return Ok((id, id));
        };
        let replaced = Ev {
            entry: entry_id(old, level),
            effect: Effect::Repeal,
            given: 0,
            ..primary
        };
        let empty = Details::default();
        let details = self
            .entries
            .stage(
                &source,
                &mut self.events,
                &replaced,
                &mut Details::default(),
                true,
            )?
            .unwrap_or(&empty);
        let first = id;
        let id = self.versions.insert(&NewVersion {
            decision_id: i64::from(primary.decision),
            row_no: primary.row,
            line: row.line,
            action: row.action,
            role: Role::Replaced,
            code: old,
            level,
            other_code: Some(row.code),
            effective: row.effective,
            signed: row.decision.signed,
            given: 0,
            details,
        })?;
        self.events.push(Ev {
            version: narrow(id)?,
            ..replaced
        });
        self.entries.unstage(&replaced);
        Ok((first, id))
    }

    /// Checks the batch as a whole and completes the writes; returns the summary.
    fn finish(mut self) -> Result<Summary, Error> {
        if !self.problems.is_empty() {
            return Err(Error::Rejected(self.problems));
        }
        let mut skipped = Vec::new();
        let mut conflicts = Vec::new();
        for group in &mut self.groups {
            let Some(stored) = &group.stored else {
                continue;
            };
            let content = content_digest(&group.key, group.signed, &mut group.digests);
            let label = format!("decision {} signed {}", group.number, group.signed);
            if content == stored.content_sha256 {
                skipped.push(SkippedDecision {
                    number: stored.number.clone(),
                    signed: stored.signed.to_string(),
                });
            } else {
                conflicts.push(format!(
                    "{}: {label} is already imported with different rows (as {} signed {})",
                    self.files[group.file], stored.number, stored.signed
                ));
            }
        }
        if !conflicts.is_empty() {
            return Err(Error::Conflict(conflicts));
        }
        self.apply_rules()?;
        self.finish_decisions()?;
        let new_groups = self.groups.iter().filter(|g| g.stored.is_none()).count() as u64;
        let t = &self.tally;
        Ok(Summary {
            dry_run: false,
            decisions: new_groups,
            rows: t.records,
            changes: t.levels.iter().sum(),
            skipped,
            actions: ActionCounts {
                added: t.actions[0],
                amended: t.actions[1],
                replaced: t.actions[2],
                repealed: t.actions[3],
            },
            levels: LevelCounts {
                province: t.levels[0],
                district: t.levels[1],
                commune: t.levels[2],
            },
            ignored_columns: self.ignored,
            codes_from_names: t.codes_from_names,
            rows_skipped_by_level: t
                .skipped_rows
                .iter()
                .map(|s| SkippedRowRecord {
                    file: s.file.clone(),
                    line: s.line,
                    code: s.code.clone(),
                    level: s.level.clone(),
                })
                .collect(),
        })
    }

    /// Replays the history of every entry the batch touches, merged with what
    /// is stored, and rejects the batch on the first break of the rules in
    /// each entry. Then fills inherited details and validity intervals.
    fn apply_rules(&mut self) -> Result<(), Error> {
        // The batch is read: what remains of the entries' states is which
        // ones need their details recomputed.
        let out_of_order = std::mem::take(&mut self.entries).into_out_of_order();
        let mut events = std::mem::take(&mut self.events);
        events.sort_unstable_by_key(Ev::order);
        let mut problems = Vec::new();
        for evs in events.chunk_by(|a, b| a.entry == b.entry) {
            if let Err(fault) = replay(evs) {
                problems.push(self.describe(evs, &fault)?);
                continue;
            }
            if problems.is_empty() {
                self.write_entry(evs, out_of_order.contains(&evs[0].entry))?;
            }
        }
        if !problems.is_empty() {
            problems.sort_by(|a: &Problem, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Err(Error::Rejected(problems));
        }
        let mut filed: Vec<(u32, u32)> = events
            .iter()
            .filter(|e| e.is_new())
            .map(|e| (e.entry, e.version))
            .collect();
        drop(events);
        self.tx.insert_entry_versions(&mut filed)?;
        drop(filed);
        self.tx.insert_spans(&std::mem::take(&mut self.spans))?;
        Ok(())
    }

    /// Recomputes inherited details where changes came out of order, and
    /// collects the entry's validity intervals.
    fn write_entry(&mut self, evs: &[Ev], out_of_order: bool) -> Result<(), Error> {
        let first_new = evs.iter().position(Ev::is_new).unwrap_or(0);
        let has_stored = evs.iter().any(|e| !e.is_new());
        if out_of_order {
            for (i, ev) in evs.iter().enumerate().skip(first_new) {
                if i > 0 && ev.effect.inherits_details() && ev.given != ALL_GIVEN {
                    self.tx
                        .inherit_details(i64::from(ev.version), i64::from(evs[i - 1].version))?;
                    if !ev.is_new() {
                        self.tx.reindex_for_search(i64::from(ev.version))?;
                    }
                }
            }
        }
        if has_stored {
            for ev in evs.iter().filter(|e| !e.is_new()) {
                self.tx.remove_span(i64::from(ev.version))?;
            }
        }
        for (i, ev) in evs.iter().enumerate() {
            let next = evs.get(i + 1).map(|n| Day::from_number(n.effective));
            if let Some((from, to)) = validity(ev.effect, Day::from_number(ev.effective), next) {
                self.spans.push((i64::from(ev.version), from, to));
            }
        }
        Ok(())
    }

    fn finish_decisions(&mut self) -> Result<(), Error> {
        let mut new: Vec<&mut Group> = self
            .groups
            .iter_mut()
            .filter(|g| g.stored.is_none())
            .collect();
        new.sort_by_key(|g| g.id);
        let Some(first) = new.first() else {
            return Ok(());
        };
        let mut chain = self.tx.chain_before(first.id)?.unwrap_or_default();
        for g in new {
            let content = content_digest(&g.key, g.signed, &mut g.digests);
            chain = chain_digest(&chain, &content);
            g.days.sort_unstable();
            g.days.dedup();
            self.tx.finish_decision(&FinishedDecision {
                id: g.id,
                effective: g.effective,
                rows: g.digests.len() as u64,
                versions: g.versions.unwrap_or((0, -1)),
                days: &g.days,
                source_sha256: &self.file_sha[g.file],
                content_sha256: &content,
                chain_sha256: &chain,
            })?;
        }
        Ok(())
    }

    /// The decision that made an event, as "12/QĐ-UBND of 2020-01-02".
    fn decision_label(&self, ev: &Ev) -> Result<String, Error> {
        if let Some(g) = self
            .by_id
            .get(&i64::from(ev.decision))
            .filter(|_| ev.is_new())
        {
            let g = &self.groups[*g];
            return Ok(format!("{} of {}", g.number, g.signed));
        }
        let (number, signed) = self.tx.decision_label(i64::from(ev.decision))?;
        Ok(format!("{number} of {signed}"))
    }

    /// Where an event comes from, as `FILE:LINE` for this batch or a stored decision.
    fn origin(&self, ev: &Ev) -> Result<String, Error> {
        if ev.is_new() {
            Ok(format!("{}:{}", self.files[ev.file as usize], ev.line))
        } else {
            Ok(format!("stored decision {}", self.decision_label(ev)?))
        }
    }

    fn describe(&self, evs: &[Ev], fault: &Fault) -> Result<Problem, Error> {
        let ev = evs[fault.at];
        let (column, verb) = wording(&ev);
        let what = format!("{} at {} level", ev.code(), ev.level());
        let day = Day::from_number(ev.effective);
        let message = match fault.kind {
            FaultKind::Duplicate(other) => format!(
                "column {column}: {what} is named twice in decision {} (also at {})",
                self.decision_label(&ev)?,
                self.origin(&evs[other])?
            ),
            FaultKind::Broken(violation) => {
                let history = match fault.at.checked_sub(1).map(|i| &evs[i]) {
                    Some(prev) => format!(
                        "last change: {} by decision {} effective {}",
                        prev.action,
                        self.decision_label(prev)?,
                        Day::from_number(prev.effective)
                    ),
                    None => "it was never added".to_owned(),
                };
                format!(
                    "column {column}: {what} {violation} on {day}, so it cannot be {verb} ({history})"
                )
            }
        };
        if ev.is_new() {
            return Ok(Problem::new(
                &self.files[ev.file as usize],
                u64::from(ev.line),
                message,
            ));
        }
        // A stored change broke: blame the latest change of this batch before it.
        let blamed = evs[..fault.at]
            .iter()
            .rev()
            .chain(evs[fault.at..].iter())
            .find(|e| e.is_new())
            .copied()
            .unwrap_or(ev);
        Ok(Problem::new(
            &self
                .files
                .get(blamed.file as usize)
                .cloned()
                .unwrap_or_default(),
            u64::from(blamed.line),
            format!(
                "{} {} at {} level effective {} breaks the stored history: in {} {message}",
                blamed.action,
                blamed.code(),
                blamed.level(),
                Day::from_number(blamed.effective),
                self.origin(&ev)?
            ),
        ))
    }
}

/// Which column a change's entry comes from, and the verb for messages.
fn wording(ev: &Ev) -> (&'static str, &'static str) {
    match (ev.action, ev.effect) {
        (Action::Replaced, Effect::Repeal) => ("replaces", "replaced"),
        (Action::Replaced, _) => ("code", "brought in by a replacement"),
        (Action::Added, _) => ("code", "added"),
        (Action::Amended, _) => ("code", "amended"),
        (Action::Repealed, _) => ("code", "repealed"),
    }
}

fn stored_ev(entry: u32, s: &StoredEvent) -> Result<Ev, Error> {
    let same_code = s.other_code == Some(s.code);
    Ok(Ev {
        entry,
        effective: s.effective.number(),
        signed: s.signed.number(),
        decision: narrow(s.decision_id)?,
        row: s.row_no,
        file: STORED,
        line: u32::try_from(s.line).unwrap_or(u32::MAX),
        version: narrow(s.version_id)?,
        action: s.action,
        effect: Effect::of(s.action, s.role, same_code),
        given: s.given,
    })
}

/// Row ids of decisions and versions, kept in 32 bits in the import's
/// compact change list (four billion versions is far beyond any catalog).
fn narrow(id: i64) -> Result<u32, Error> {
    u32::try_from(id)
        .map_err(|_| Error::Store(StoreError::Corrupt(format!("row id {id} out of range"))))
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
}

impl Summary {
    fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        if self.dry_run {
            writeln!(out, "This was a dry run: nothing was written.")?;
        }
        if self.decisions == 0 {
            writeln!(out, "Nothing to import.")?;
        } else {
            let verb = if self.dry_run {
                "Would import"
            } else {
                "Imported"
            };
            let a = &self.actions;
            let l = &self.levels;
            writeln!(
                out,
                "{verb} {} decision{}: {} rows, {} entry changes.",
                self.decisions,
                if self.decisions == 1 { "" } else { "s" },
                self.rows,
                self.changes
            )?;
            super::write_tallies(out, a, l)?;
        }
        for s in &self.skipped {
            writeln!(
                out,
                "Decision {} signed {} is already imported with identical rows: skipped.",
                s.number, s.signed
            )?;
        }
        if !self.ignored_columns.is_empty() {
            writeln!(out, "Ignored columns: {}", self.ignored_columns.join(", "))?;
        }
        if self.codes_from_names > 0 {
            writeln!(
                out,
                "Codes taken from the name cell (the code cell was empty): {}",
                self.codes_from_names
            )?;
        }
        let skipped = &self.rows_skipped_by_level;
        if !skipped.is_empty() {
            writeln!(
                out,
                "Skipped {} row{} naming no level kept by --levels:",
                skipped.len(),
                if skipped.len() == 1 { "" } else { "s" }
            )?;
            for s in skipped.iter().take(SKIPPED_ROWS_SHOWN) {
                writeln!(out, "  {}:{}: {} {:?}", s.file, s.line, s.code, s.level)?;
            }
            if skipped.len() > SKIPPED_ROWS_SHOWN {
                writeln!(
                    out,
                    "  ... and {} more (--format json lists them all)",
                    skipped.len() - SKIPPED_ROWS_SHOWN
                )?;
            }
        }
        Ok(())
    }
}
