//! `tthc import`: reads decision files, checks them against the rules and the
//! stored history, and writes them in one transaction, or nothing at all.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{ImportArgs, SummaryFormat};
use crate::domain::canonical::{CanonicalChange, chain_digest, content_digest, row_digest};
use crate::domain::rules::{Change, Effect, Fault, FaultKind, Role, replay, validity};
use crate::domain::text::clean;
use crate::domain::{ALL_GIVEN, Action, Code, Day, DecisionRow, Details, Level};
use crate::error::Error;
use crate::input::csv::DecisionReader;
use crate::input::{Defaults, Problem};
use crate::output::write_json;
use crate::store::{
    ImportTx, NewDecision, NewVersion, OpenMode, Store, StoredDecision, StoredEvent,
};

const STDIN_NAME: &str = "<stdin>";
/// `Ev::file` of a version that was stored before this import.
const STORED: u32 = u32::MAX;

pub(crate) fn run(db: &Path, args: &ImportArgs) -> Result<ExitCode, Error> {
    let defaults = Defaults {
        decision: args
            .decision
            .as_deref()
            .map(clean)
            .filter(|d| !d.is_empty()),
        signed: super::date_option("signed", args.signed.as_deref())?,
        effective: super::date_option("effective", args.effective.as_deref())?,
    };
    let created = !db.exists();
    let mut store = if args.dry_run && created {
        Store::open_in_memory()?
    } else {
        Store::open(db, OpenMode::Create)?
    };
    let result = import(&mut store, args, &defaults);
    drop(store);
    if created && !args.dry_run && !matches!(&result, Ok(s) if s.decisions > 0) {
        remove_database(db);
    }
    let summary = result?;
    let mut out = io::stdout().lock();
    match args.format {
        SummaryFormat::Json => write_json(&mut out, &summary)?,
        SummaryFormat::Text => summary.write_text(&mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Removes a database file this import created but did not fill.
fn remove_database(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

fn import(store: &mut Store, args: &ImportArgs, defaults: &Defaults) -> Result<Summary, Error> {
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
    decision: i64,
    row: u32,
    /// Index into the batch's files, or [`STORED`].
    file: u32,
    line: u32,
    version: i64,
    action: Action,
    effect: Effect,
    given: u8,
}

impl Change for Ev {
    fn decision(&self) -> i64 {
        self.decision
    }

    fn effect(&self) -> Effect {
        self.effect
    }
}

impl Ev {
    fn order(&self) -> (u32, i32, i32, i64, u32) {
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
        Code::from_u32(self.entry / 4).unwrap_or_else(|| unreachable_code(self.entry))
    }

    fn level(&self) -> Level {
        Level::from_index(i64::from(self.entry % 4)).unwrap_or(Level::Province)
    }
}

fn unreachable_code(entry: u32) -> Code {
    // Entry numbers are built from parsed codes, so this cannot happen.
    Code::from_u32(entry % 10_000_000).unwrap_or_else(|| unreachable_code(0))
}

fn entry_id(code: Code, level: Level) -> u32 {
    code.as_u32() * 4 + level as u32
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
    next_row: u32,
}

#[derive(Default)]
struct Tally {
    records: u64,
    actions: [u64; 4],
    levels: [u64; 3],
}

struct Batch<'t, 'c> {
    tx: &'t ImportTx<'c>,
    had_history: bool,
    imported_at: String,
    imported_by: String,
    files: Vec<String>,
    file_sha: Vec<String>,
    groups: Vec<Group>,
    by_identity: HashMap<(String, Day), usize>,
    by_id: HashMap<i64, usize>,
    events: Vec<Ev>,
    problems: Vec<Problem>,
    ignored: Vec<String>,
    tally: Tally,
}

impl<'t, 'c> Batch<'t, 'c> {
    fn new(tx: &'t ImportTx<'c>) -> Result<Self, Error> {
        Ok(Batch {
            tx,
            had_history: tx.has_history()?,
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
            events: Vec::new(),
            problems: Vec::new(),
            ignored: Vec::new(),
            tally: Tally::default(),
        })
    }

    fn read_file(&mut self, name: &str, defaults: &Defaults) -> Result<(), Error> {
        let (display, input): (String, Box<dyn Read>) = if name == "-" {
            (STDIN_NAME.to_owned(), Box::new(io::stdin().lock()))
        } else {
            match File::open(name) {
                Ok(f) => (name.to_owned(), Box::new(f)),
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
        self.files.push(display);
        for item in reader.by_ref() {
            match item {
                Ok(row) => self.add_row(file, &row)?,
                Err(problems) => self.problems.extend(problems),
            }
        }
        self.file_sha.push(reader.sha256());
        Ok(())
    }

    fn group_for(&mut self, file: usize, row: &DecisionRow) -> Result<usize, Error> {
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
            self.tx.insert_decision(&NewDecision {
                number: &row.decision.number,
                number_key: &key,
                signed,
                source: &self.files[file],
                imported_at: &self.imported_at,
                imported_by: &self.imported_by,
            })?
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
            next_row: 0,
        });
        self.by_identity.insert((key, signed), g);
        self.by_id.insert(id, g);
        Ok(g)
    }

    fn add_row(&mut self, file: usize, row: &DecisionRow) -> Result<(), Error> {
        let g = self.group_for(file, row)?;
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
        for level in row.levels.iter() {
            let group = &mut self.groups[g];
            let row_no = group.next_row;
            group.next_row += 1;
            group.digests.push(row_digest(&CanonicalChange {
                action: row.action,
                code: row.code,
                level,
                replaces: row.replaces,
                effective: row.effective,
                given: &row.details,
            }));
            if !is_new {
                continue;
            }
            let decision = group.id;
            self.tally.actions[row.action.index()] += 1;
            self.tally.levels[level.index()] += 1;
            let version = NewVersion {
                decision_id: decision,
                row_no,
                line: row.line,
                action: row.action,
                role: Role::Primary,
                code: row.code,
                level,
                other_code: row.replaces,
                effective: row.effective,
                signed: row.decision.signed,
                given,
                details: &row.details,
            };
            let ev = |entry, version, effect, given| Ev {
                entry,
                effective: row.effective.number(),
                signed: row.decision.signed.number(),
                decision,
                row: row_no,
                file: file as u32,
                line: u32::try_from(row.line).unwrap_or(u32::MAX),
                version,
                action: row.action,
                effect,
                given,
            };
            let id = self.tx.insert_version(&version)?;
            let effect = Effect::of(row.action, Role::Primary, same_code);
            self.events
                .push(ev(entry_id(row.code, level), id, effect, given));
            if let (Some(old), false) = (row.replaces, same_code) {
                let empty = Details::default();
                let id = self.tx.insert_version(&NewVersion {
                    role: Role::Replaced,
                    code: old,
                    other_code: Some(row.code),
                    given: 0,
                    details: &empty,
                    ..version
                })?;
                self.events
                    .push(ev(entry_id(old, level), id, Effect::Repeal, 0));
            }
        }
        Ok(())
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
        })
    }

    /// Replays the history of every entry the batch touches, merged with what
    /// is stored, and rejects the batch on the first break of the rules in
    /// each entry. Then fills inherited details and validity intervals.
    fn apply_rules(&mut self) -> Result<(), Error> {
        let mut events = std::mem::take(&mut self.events);
        events.sort_unstable_by_key(Ev::order);
        let mut problems = Vec::new();
        let mut merged = Vec::new();
        for slice in events.chunk_by(|a, b| a.entry == b.entry) {
            let evs: &[Ev] = if self.had_history {
                merged.clear();
                merged.extend_from_slice(slice);
                let first = slice[0];
                let before = self.first_new_decision();
                for s in self.tx.entry_events(first.code(), first.level(), before)? {
                    merged.push(stored_ev(first.entry, &s));
                }
                merged.sort_unstable_by_key(Ev::order);
                &merged
            } else {
                slice
            };
            if let Err(fault) = replay(evs) {
                problems.push(self.describe(evs, &fault)?);
                continue;
            }
            if problems.is_empty() {
                self.write_entry(evs)?;
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            problems.sort_by(|a: &Problem, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            Err(Error::Rejected(problems))
        }
    }

    /// The id of the first decision this batch stores; earlier ids were stored before.
    fn first_new_decision(&self) -> i64 {
        self.groups
            .iter()
            .filter(|g| g.stored.is_none())
            .map(|g| g.id)
            .min()
            .unwrap_or(i64::MAX)
    }

    /// Fills inherited details from the first new change on, and rewrites the
    /// entry's validity intervals.
    fn write_entry(&self, evs: &[Ev]) -> Result<(), Error> {
        let first_new = evs.iter().position(Ev::is_new).unwrap_or(0);
        let has_stored = evs.iter().any(|e| !e.is_new());
        for (i, ev) in evs.iter().enumerate().skip(first_new) {
            if i > 0 && ev.effect.inherits_details() && ev.given != ALL_GIVEN {
                self.tx.inherit_details(ev.version, evs[i - 1].version)?;
            }
        }
        if has_stored {
            for ev in evs.iter().filter(|e| !e.is_new()) {
                self.tx.remove_span(ev.version)?;
            }
        }
        for (i, ev) in evs.iter().enumerate() {
            let next = evs.get(i + 1).map(|n| Day::from_number(n.effective));
            if let Some((from, to)) = validity(ev.effect, Day::from_number(ev.effective), next) {
                self.tx.insert_span(ev.version, from, to)?;
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
            self.tx.finish_decision(
                g.id,
                g.effective,
                g.digests.len() as u64,
                &self.file_sha[g.file],
                &content,
                &chain,
            )?;
        }
        Ok(())
    }

    /// The decision that made an event, as "12/QĐ-UBND of 2020-01-02".
    fn decision_label(&self, ev: &Ev) -> Result<String, Error> {
        if let Some(g) = self.by_id.get(&ev.decision).filter(|_| ev.is_new()) {
            let g = &self.groups[*g];
            return Ok(format!("{} of {}", g.number, g.signed));
        }
        let (number, signed) = self.tx.decision_label(ev.decision)?;
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

fn stored_ev(entry: u32, s: &StoredEvent) -> Ev {
    let same_code = s.other_code == Some(s.code);
    Ev {
        entry,
        effective: s.effective.number(),
        signed: s.signed.number(),
        decision: s.decision_id,
        row: s.row_no,
        file: STORED,
        line: u32::try_from(s.line).unwrap_or(u32::MAX),
        version: s.version_id,
        action: s.action,
        effect: Effect::of(s.action, s.role, same_code),
        given: s.given,
    }
}

#[derive(Debug, Serialize)]
struct SkippedDecision {
    number: String,
    signed: String,
}

#[derive(Debug, Serialize)]
struct ActionCounts {
    added: u64,
    amended: u64,
    replaced: u64,
    repealed: u64,
}

#[derive(Debug, Serialize)]
struct LevelCounts {
    province: u64,
    district: u64,
    commune: u64,
}

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
            writeln!(
                out,
                "  by action: added {}, amended {}, replaced {}, repealed {}",
                a.added, a.amended, a.replaced, a.repealed
            )?;
            writeln!(
                out,
                "  by level:  province {}, district {}, commune {}",
                l.province, l.district, l.commune
            )?;
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
        Ok(())
    }
}
