//! The import engine: groups the rows of decision files into decisions,
//! replays them against the stored history under the catalog's rules, and
//! writes their versions, validity intervals and hash chain in the store's
//! import transaction. It reads no file and prints nothing: `tthc import`
//! feeds it rows and reports its [`Outcome`].
//!
//! ```text
//! let mut batch = Batch::new(&tx)?;
//! let file = batch.open_file("qd-160.csv");
//! batch.add(file, Prepared::new(row))?;   // for every row read
//! batch.close_file(file, sha256, &notes, &ignored);
//! let outcome = batch.finish()?;           // then tx.commit()
//! ```

mod entries;
mod published;
pub(crate) mod reference;
mod wording;

use std::collections::HashMap;

use crate::domain::canonical::{
    CanonicalChange, CanonicalCorrection, chain_digest, content_digest, correction_digest,
    row_digest,
};
use crate::domain::correction::CorrectionKind;
use crate::domain::rules::{OrderKey, Role, replay, validity};
use crate::domain::tally::{ActionCounts, LevelCounts};
use crate::domain::version::Version;
use crate::domain::{ALL_GIVEN, Action, Day, DecisionRow, Details};
use crate::error::Error;
use crate::input::{Labels, Notes, Problem, SkippedRow};
use crate::store::{
    CorrectionTarget, FinishedDecision, ImportTx, NewCorrection, NewDecision, StoreError,
    StoredDecision, VersionWriter,
};

use entries::{Entries, Source};
pub(crate) use published::StoreAnnexes;
use reference::ReferenceCheck;

/// A file with this many problems is not read further (garbage, or not a
/// decision file at all); the problems found so far are reported.
pub(crate) const STOP_AFTER_PROBLEMS: usize = 10_000;

/// `Known::file` of a version that was stored before this import.
const STORED: u16 = u16::MAX;

/// Canonical digests of a row's changes, one per level it names, in level order.
type Digests = [[u8; 32]; 3];

/// A row with its digests, made where the row is read (a second thread of
/// `tthc import`), so that the batch only stores it.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    row: DecisionRow,
    digests: Digests,
}

impl Prepared {
    pub(crate) fn new(row: DecisionRow) -> Self {
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
        Prepared { row, digests }
    }
}

/// A file of the batch, as [`Batch::open_file`] numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId(usize);

/// A version the batch knows: one it stores, or a stored one of an entry it
/// touches. Where it is stored travels beside the version.
#[derive(Debug, Clone, Copy)]
struct Known {
    version: Version,
    /// Its id in the store (row ids fit in 32 bits; see [`narrow`]).
    id: u32,
    /// Index into the batch's files, or [`STORED`].
    file: u16,
}

impl Known {
    fn is_new(&self) -> bool {
        self.file != STORED
    }

    /// The order of the rules, entry by entry.
    fn order(&self) -> (u32, OrderKey) {
        (self.version.entry(), self.version.key)
    }
}

impl crate::domain::rules::Change for Known {
    fn decision(&self) -> u32 {
        self.version.key.decision_seq
    }

    fn effect(&self) -> crate::domain::rules::Effect {
        self.version.effect()
    }
}

/// A decision of the batch.
struct Group {
    number: String,
    key: String,
    signed: Day,
    /// The decision already stored under this identity, if any.
    stored: Option<StoredDecision>,
    /// Its id in the store (0 for a stored one, whose rows are not written).
    id: u32,
    file: usize,
    digests: Vec<[u8; 32]>,
    effective: (Day, Day),
    /// Effective dates of its rows, in the order read (deduplicated at the end).
    days: Vec<Day>,
    /// Its amendments that change no value, and the line and code of the first.
    changed_nothing: u64,
    first_changed_nothing: Option<(u64, crate::domain::Code)>,
    /// Ids of its first and last stored versions.
    versions: Option<(i64, i64)>,
    next_row: u32,
}

/// A decision the batch left alone: it is stored with identical rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unchanged {
    pub(crate) number: String,
    pub(crate) signed: Day,
}

/// What an import did (or, before the commit, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Decisions stored by this batch.
    pub(crate) decisions: u64,
    /// Rows of those decisions.
    pub(crate) rows: u64,
    pub(crate) actions: ActionCounts,
    pub(crate) levels: LevelCounts,
    pub(crate) unchanged: Vec<Unchanged>,
    /// Columns the files had that tthc does not read, each once.
    pub(crate) ignored_columns: Vec<String>,
    /// Rows whose code was taken from the name cell.
    pub(crate) codes_from_names: u64,
    /// Rows skipped by `--levels`.
    pub(crate) skipped_rows: Vec<SkippedRow>,
    /// Entries added without a code (published before the national
    /// database gave them one), per level they are added at.
    pub(crate) without_code: u64,
    /// The decisions stored by this batch, in the order of import.
    pub(crate) imported: Vec<Imported>,
    /// What is likely a mistake but not against the rules: a date of effect
    /// more than a year from the signing date, a signing date in the future,
    /// a number whose year is not the signing year.
    pub(crate) warnings: Vec<Problem>,
    /// What the rows are warned of against the national list stored, if
    /// any: a code it does not have, a name that is another code's there.
    pub(crate) reference_warnings: Vec<Problem>,
    /// The correction the batch made, for a batch that corrects a decision.
    pub(crate) corrected: Option<Corrected>,
}

/// A correction a batch made (or, before the commit, would make).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Corrected {
    pub(crate) number: String,
    pub(crate) signed: Day,
    pub(crate) kind: CorrectionKind,
    pub(crate) reason: String,
    pub(crate) made_at: String,
    pub(crate) made_by: String,
    /// The entry changes of the rows taken out, per action, and in all.
    pub(crate) taken: ActionCounts,
    pub(crate) taken_changes: u64,
    /// The entry changes of the rows put in (the batch's `rows`).
    pub(crate) changes: u64,
    /// The effective dates of the rows put in, each once, in order.
    pub(crate) effective: Vec<Day>,
    /// The link of the chain it made; empty when nothing changed.
    pub(crate) chain_sha256: String,
    /// The corrected file holds the rows in force: nothing to correct.
    pub(crate) unchanged: bool,
}

impl Outcome {
    /// Whether the batch changed the store: the caller commits only then.
    pub(crate) fn changes_store(&self) -> bool {
        self.decisions > 0 || self.corrected.as_ref().is_some_and(|c| !c.unchanged)
    }
}

/// What a batch that corrects a decision knows of it.
struct Correcting {
    target: CorrectionTarget,
    kind: CorrectionKind,
    reason: String,
    /// Entries that lost versions: their details are recomputed from their first version.
    touched: rustc_hash::FxHashSet<u32>,
    taken: ActionCounts,
    taken_changes: u64,
}

/// A decision the batch stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Imported {
    pub(crate) number: String,
    pub(crate) signed: Day,
    /// The effective dates of its rows, each once, in order.
    pub(crate) effective: Vec<Day>,
    /// Its entry changes (a row at two levels is two).
    pub(crate) changes: u64,
    /// The file it was read from.
    pub(crate) file: String,
}

/// One import: every decision of every file given, checked and written in
/// the store's import transaction. Nothing is kept unless the caller commits
/// that transaction after [`Batch::finish`] succeeds.
pub(crate) struct Batch<'t, 'c> {
    tx: &'t ImportTx<'c>,
    writer: VersionWriter<'t>,
    had_history: bool,
    /// The version just staged, when it is an amendment that changes nothing.
    changed_nothing: Option<Version>,
    /// Whether the catalog or this batch has procedures published without a
    /// code: only then may a row that adds a code give it to one of them.
    uncoded_names: bool,
    imported_at: String,
    imported_by: String,
    files: Vec<String>,
    file_sha: Vec<String>,
    /// How messages name each file's columns.
    labels: Vec<Labels>,
    groups: Vec<Group>,
    by_identity: HashMap<(String, Day), usize>,
    by_id: HashMap<u32, usize>,
    last_group: Option<usize>,
    known: Vec<Known>,
    entries: Entries,
    /// Versions up to this id were stored before the batch began.
    up_to: i64,
    /// Whether corrections took stored versions out of the catalog.
    corrected: bool,
    spans: Vec<(i64, i32, i32)>,
    problems: Vec<Problem>,
    /// What is likely a mistake but not against the rules.
    warnings: Vec<Problem>,
    /// The national list the rows are checked against, when one is stored.
    reference: Option<ReferenceCheck>,
    /// The decision this batch corrects, if it does.
    correction: Option<Correcting>,
    outcome: Outcome,
}

impl<'t, 'c> Batch<'t, 'c> {
    pub(crate) fn new(tx: &'t ImportTx<'c>) -> Result<Self, Error> {
        let reference =
            ReferenceCheck::latest(&tx.reference_snapshots()?, |id| tx.reference_procedures(id))?;
        Ok(Batch {
            tx,
            writer: tx.version_writer()?,
            had_history: tx.has_history()?,
            changed_nothing: None,
            uncoded_names: tx.has_provisional_codes()?,
            imported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            imported_by: ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
                .unwrap_or_else(|| "unknown".to_owned()),
            files: Vec::new(),
            file_sha: Vec::new(),
            labels: Vec::new(),
            groups: Vec::new(),
            by_identity: HashMap::new(),
            by_id: HashMap::new(),
            last_group: None,
            known: Vec::new(),
            entries: Entries::default(),
            up_to: tx.last_version_id()?,
            corrected: tx.has_corrections()?,
            spans: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
            reference,
            correction: None,
            outcome: Outcome::default(),
        })
    }

    /// A batch that corrects a stored decision: the rows in force of the
    /// decision are taken out of the catalog at once, and the rows the batch
    /// reads (which must all be that decision's) are put in their place; a
    /// retraction reads none. [`Batch::finish`] refuses the correction when a
    /// later change no longer applies without the rows taken out.
    pub(crate) fn correcting(
        tx: &'t ImportTx<'c>,
        target: CorrectionTarget,
        kind: CorrectionKind,
        reason: &str,
    ) -> Result<Self, Error> {
        let mut batch = Batch::new(tx)?;
        let mut correcting = Correcting {
            kind,
            reason: reason.to_owned(),
            touched: rustc_hash::FxHashSet::default(),
            taken: ActionCounts::default(),
            taken_changes: 0,
            target,
        };
        let source = Source {
            tx,
            up_to: batch.up_to,
            corrected: true,
            load: true,
        };
        for taken in tx.take_out(&correcting.target)? {
            if taken.role == Role::Primary {
                correcting.taken.add(taken.action);
                correcting.taken_changes += 1;
            }
            correcting.touched.insert(taken.code.entry(taken.level));
            batch
                .entries
                .touch(&source, &mut batch.known, taken.code, taken.level)?;
        }
        batch.correction = Some(correcting);
        Ok(batch)
    }

    /// Starts a file, named as messages show it.
    pub(crate) fn open_file(&mut self, name: &str) -> FileId {
        self.files.push(name.to_owned());
        self.file_sha.push(String::new());
        self.labels.push(Labels::default());
        FileId(self.files.len() - 1)
    }

    /// Records what a file's reader noticed, once the file is read.
    pub(crate) fn close_file(&mut self, file: FileId, sha256: String, notes: &Notes) {
        self.file_sha[file.0] = sha256;
        self.labels[file.0].clone_from(&notes.labels);
        self.outcome.codes_from_names += notes.codes_from_names;
        self.outcome
            .skipped_rows
            .extend(notes.skipped.iter().cloned());
    }

    /// The fields of the catalog, each once, as stored (a decision as
    /// published takes their spelling).
    pub(crate) fn known_fields(&self) -> Result<Vec<String>, Error> {
        Ok(self.tx.fields()?)
    }

    /// Columns a file had that tthc does not read.
    pub(crate) fn ignore_columns(&mut self, columns: &[String]) {
        // A set beside the list: a header of thousands of columns is
        // checked in linear time, not in the square of its width.
        let mut known: rustc_hash::FxHashSet<&str> = self
            .outcome
            .ignored_columns
            .iter()
            .map(String::as_str)
            .collect();
        let mut new = Vec::new();
        for col in columns {
            if known.insert(col) {
                new.push(col.clone());
            }
        }
        self.outcome.ignored_columns.extend(new);
    }

    /// Problems of the input; the batch is then rejected by [`Batch::finish`].
    /// Returns `false` once the file has so many that reading it further is
    /// pointless (a last problem says so).
    pub(crate) fn reject(&mut self, file: FileId, mut problems: Vec<Problem>) -> bool {
        if let Some(reference) = &self.reference {
            reference.annotate(&mut problems);
        }
        self.problems.extend(problems);
        if self.problems.len() < STOP_AFTER_PROBLEMS {
            return true;
        }
        let line = self.problems.last().map_or(0, |p| p.line);
        self.problems.push(Problem::new(
            &self.files[file.0],
            line,
            crate::tr!("input-stopped-reading", count = STOP_AFTER_PROBLEMS),
        ));
        false
    }

    /// Stores the versions one row of `file` makes.
    pub(crate) fn add(&mut self, file: FileId, prepared: Prepared) -> Result<(), Error> {
        let line = prepared.row.line;
        let prepared = match self.settled(prepared)? {
            Ok(prepared) => prepared,
            Err(message) => {
                let name = self.files[file.0].clone();
                self.reject(file, vec![Problem::new(&name, line, message)]);
                return Ok(());
            }
        };
        let Prepared { mut row, digests } = prepared;
        if let Some(c) = &self.correction {
            let t = &c.target;
            if row.decision.key() != t.number_key || row.decision.signed != t.signed {
                let name = self.files[file.0].clone();
                let message = crate::tr!(
                    "input-row-of-other-decision",
                    number = &row.decision.number,
                    signed = row.decision.signed.to_string(),
                    corrected = &t.number,
                    corrected_signed = t.signed.to_string()
                );
                self.reject(file, vec![Problem::new(&name, line, message)]);
                return Ok(());
            }
        }
        let g = self.group_for(file.0, &row)?;
        let group = &mut self.groups[g];
        group.effective = (
            group.effective.0.min(row.effective),
            group.effective.1.max(row.effective),
        );
        let is_new = group.stored.is_none();
        if is_new {
            self.outcome.rows += 1;
            if let Some(reference) = &mut self.reference {
                let file = &self.files[file.0];
                reference.row(file, row.line, row.code, &row.details.name, row.action);
            }
        }
        let given = row.details.given_mask();
        let last_level = row.levels.iter().last();
        for (level, digest) in row.levels.iter().zip(&digests) {
            let group = &mut self.groups[g];
            let row_no = group.next_row;
            group.next_row += 1;
            group.digests.push(*digest);
            if !is_new {
                continue;
            }
            self.outcome.actions.add(row.action);
            self.outcome.levels.add(level);
            self.outcome.without_code +=
                u64::from(row.action == Action::Added && row.code.is_provisional());
            let primary = Known {
                version: Version {
                    code: row.code,
                    level,
                    key: OrderKey {
                        effective: row.effective,
                        signed: row.decision.signed,
                        decision_seq: group.id,
                        row: row_no,
                    },
                    action: row.action,
                    role: Role::Primary,
                    other_code: row.replaces,
                    given,
                    line: u32::try_from(row.line).unwrap_or(u32::MAX),
                },
                id: 0,
                file: u16::try_from(file.0).unwrap_or(STORED - 1),
            };
            if let Some(p) = &row.provenance {
                self.tx.insert_provenance(group.id, row_no, p)?;
            }
            let (first, last) =
                self.write_change(&mut row.details, primary, Some(level) == last_level)?;
            let group = &mut self.groups[g];
            if let Some(v) = self.changed_nothing.take() {
                group.changed_nothing += 1;
                group
                    .first_changed_nothing
                    .get_or_insert((row.line, v.code));
            }
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
        // The decision corrected gets its rows anew, under its own id.
        let corrected = self
            .correction
            .as_ref()
            .map(|c| (c.target.id, c.target.next_row));
        let stored = match corrected {
            Some(_) => None,
            None => self.tx.find_decision(&key, signed)?,
        };
        let id = if let Some((id, _)) = corrected {
            narrow(id)?
        } else if stored.is_some() {
            0
        } else {
            narrow(self.tx.insert_decision(&NewDecision {
                number: &row.decision.number,
                number_key: &key,
                signed,
                source: &self.files[file],
                imported_at: &self.imported_at,
                imported_by: &self.imported_by,
            })?)?
        };
        let g = self.groups.len();
        self.groups.push(Group {
            changed_nothing: 0,
            first_changed_nothing: None,
            number: row.decision.number.clone(),
            key: key.clone(),
            signed,
            stored,
            id,
            file,
            digests: Vec::new(),
            effective: (row.effective, row.effective),
            days: Vec::new(),
            versions: None,
            next_row: corrected.map_or(0, |(_, next_row)| next_row),
        });
        self.by_identity.insert((key, signed), g);
        self.by_id.insert(id, g);
        Ok(g)
    }

    /// Stores the version a row makes at one level, and for a replacement by
    /// another code the repeal of the replaced entry; returns the ids of the
    /// first and last versions stored. With `last_level`, the row's cells are
    /// moved into the entry's state rather than copied.
    fn write_change(
        &mut self,
        given: &mut Details,
        primary: Known,
        last_level: bool,
    ) -> Result<(i64, i64), Error> {
        let source = Source {
            tx: self.tx,
            up_to: self.up_to,
            corrected: self.corrected || self.correction.is_some(),
            load: self.had_history,
        };
        let (staged, nothing) = self.entries.stage(
            &source,
            &mut self.known,
            &primary.version,
            given,
            last_level,
        )?;
        if nothing {
            self.changed_nothing = Some(primary.version);
        }
        let details = staged.unwrap_or(given);
        let id = self.writer.insert(&primary.version, details)?;
        self.known.push(Known {
            id: narrow(id)?,
            ..primary
        });
        self.entries.unstage(&primary.version);
        let v = primary.version;
        let Some(old) = v.other_code.filter(|old| *old != v.code) else {
            return Ok((id, id));
        };
        let replaced = Known {
            version: Version {
                code: old,
                role: Role::Replaced,
                other_code: Some(v.code),
                given: 0,
                ..v
            },
            ..primary
        };
        let empty = Details::default();
        let details = self
            .entries
            .stage(
                &source,
                &mut self.known,
                &replaced.version,
                &mut Details::default(),
                true,
            )?
            .0
            .unwrap_or(&empty);
        let first = id;
        let id = self.writer.insert(&replaced.version, details)?;
        self.known.push(Known {
            id: narrow(id)?,
            ..replaced
        });
        self.entries.unstage(&replaced.version);
        Ok((first, id))
    }

    /// Checks the batch as a whole and completes the writes. Rejected input,
    /// a break of the rules anywhere in it, or a decision already stored with
    /// other rows is an error, and the transaction must then be dropped.
    pub(crate) fn finish(mut self) -> Result<Outcome, Error> {
        if !self.problems.is_empty() {
            // The rows that were read are checked against the rules too, so
            // that every problem is told in one pass; nothing is kept.
            let mut problems = std::mem::take(&mut self.problems);
            match self.apply_rules() {
                Err(Error::Rejected(rule_problems)) => problems.extend(rule_problems),
                // What a correction's rows would break is told once they are right.
                Err(Error::Refused(_)) | Ok(()) => {}
                Err(other) => return Err(other),
            }
            return Err(Error::Rejected(problems));
        }
        if self.correction.is_some() {
            return self.finish_correction();
        }
        let mut conflicts = Vec::new();
        for group in &mut self.groups {
            let Some(stored) = &group.stored else {
                continue;
            };
            let content = content_digest(&group.key, group.signed, &mut group.digests);
            let reference = format!("{}@{}", stored.number, stored.signed);
            let file = &self.files[group.file];
            let retracted = stored
                .corrected
                .as_ref()
                .filter(|c| c.kind == CorrectionKind::Retracted);
            if let Some(r) = retracted {
                conflicts.push(crate::tr!(
                    "input-conflict-retracted",
                    file = file,
                    number = &group.number,
                    signed = group.signed.to_string(),
                    made_at = &r.made_at,
                    made_by = &r.made_by,
                    reason = &r.reason,
                    reference = &reference
                ));
            } else if content == stored.content_sha256 {
                self.outcome.unchanged.push(Unchanged {
                    number: stored.number.clone(),
                    signed: stored.signed,
                });
            } else if let Some(c) = &stored.corrected {
                conflicts.push(crate::tr!(
                    "input-conflict-corrected",
                    file = file,
                    number = &group.number,
                    signed = group.signed.to_string(),
                    made_at = &c.made_at,
                    made_by = &c.made_by,
                    source = &c.source,
                    reason = &c.reason,
                    reference = &reference
                ));
            } else {
                conflicts.push(crate::tr!(
                    "input-conflict-other-rows",
                    file = file,
                    number = &group.number,
                    signed = group.signed.to_string(),
                    stored = &stored.number,
                    stored_signed = stored.signed.to_string(),
                    reference = &reference
                ));
            }
        }
        if !conflicts.is_empty() {
            return Err(Error::Conflict(conflicts));
        }
        self.apply_rules()?;
        self.finish_decisions()?;
        self.decision_warnings();
        self.outcome.warnings = std::mem::take(&mut self.warnings);
        self.outcome.reference_warnings = self
            .reference
            .take()
            .map(ReferenceCheck::into_warnings)
            .unwrap_or_default();
        self.outcome.decisions = self.groups.iter().filter(|g| g.stored.is_none()).count() as u64;
        Ok(self.outcome)
    }

    /// Completes a correction: the rows read replace the decision's rows in
    /// force, and the correction is recorded as the next link of the chain.
    fn finish_correction(mut self) -> Result<Outcome, Error> {
        self.apply_rules()?;
        self.decision_warnings();
        self.outcome.warnings = std::mem::take(&mut self.warnings);
        let Some(c) = self.correction.take() else {
            return Ok(self.outcome);
        };
        let t = &c.target;
        let mut group = self.groups.pop();
        if c.kind == CorrectionKind::Corrected && group.is_none() {
            let files = self.files.join(", ");
            return Err(Error::Rejected(vec![Problem::new(
                &files,
                0,
                crate::tr!(
                    "input-correct-no-rows",
                    number = &t.number,
                    signed = t.signed.to_string()
                ),
            )]));
        }
        let mut digests = group
            .as_mut()
            .map(|g| std::mem::take(&mut g.digests))
            .unwrap_or_default();
        let rows = digests.len() as u64;
        let content = content_digest(&t.number_key, t.signed, &mut digests);
        let mut days = group.as_ref().map(|g| g.days.clone()).unwrap_or_default();
        days.sort_unstable();
        days.dedup();
        let mut corrected = Corrected {
            number: t.number.clone(),
            signed: t.signed,
            kind: c.kind,
            reason: c.reason.clone(),
            made_at: self.imported_at.clone(),
            made_by: self.imported_by.clone(),
            taken: c.taken,
            taken_changes: c.taken_changes,
            changes: rows,
            effective: days.clone(),
            chain_sha256: String::new(),
            unchanged: false,
        };
        if c.kind == CorrectionKind::Corrected
            && t.retraction().is_none()
            && content == t.content_sha256
        {
            corrected.unchanged = true;
            self.outcome.corrected = Some(corrected);
            return Ok(self.outcome);
        }
        let source = self.files.join(", ");
        let source_sha256 = self.file_sha.join(",");
        let link = correction_digest(&CanonicalCorrection {
            kind: c.kind.as_str(),
            number_key: &t.number_key,
            signed: t.signed,
            taken: &t.content_sha256,
            content: &content,
            source_sha256: &source_sha256,
            made_at: &self.imported_at,
            made_by: &self.imported_by,
            reason: &c.reason,
        });
        let chain = chain_digest(&self.tx.last_link()?, &link);
        self.tx.record_correction(&NewCorrection {
            decision_id: t.id,
            kind: c.kind,
            reason: &c.reason,
            source: &source,
            source_sha256: &source_sha256,
            made_at: &self.imported_at,
            made_by: &self.imported_by,
            rows,
            first_row: t.next_row,
            versions: group.as_ref().and_then(|g| g.versions).unwrap_or((0, -1)),
            taken: t.versions,
            effective: group.as_ref().map(|g| g.effective),
            days: &days,
            content_sha256: &content,
            chain_sha256: &chain,
        })?;
        corrected.chain_sha256 = chain;
        self.outcome.corrected = Some(corrected);
        Ok(self.outcome)
    }

    /// Replays the history of every entry the batch touches, merged with what
    /// is stored, and rejects the batch on the first break of the rules in
    /// each entry. Then fills inherited details and validity intervals.
    fn apply_rules(&mut self) -> Result<(), Error> {
        // The batch is read: what remains of the entries' states is which
        // ones need their details recomputed.
        let out_of_order = std::mem::take(&mut self.entries).into_out_of_order();
        let mut known = std::mem::take(&mut self.known);
        known.sort_unstable_by_key(Known::order);
        let mut problems = Vec::new();
        // Later changes that no longer apply once a correction took rows out.
        let mut depending = Vec::new();
        for versions in known.chunk_by(|a, b| a.version.entry() == b.version.entry()) {
            if let Err(fault) = replay(versions) {
                if self.correction.is_some() && !versions[fault.at].is_new() {
                    depending.push(self.dependency(versions, &fault)?);
                } else {
                    problems.push(self.describe(versions, &fault)?);
                }
                continue;
            }
            if problems.is_empty() && depending.is_empty() {
                let entry = versions[0].version.entry();
                let from_start = self
                    .correction
                    .as_ref()
                    .is_some_and(|c| c.touched.contains(&entry));
                self.write_entry(versions, out_of_order.contains(&entry), from_start)?;
            }
        }
        if !problems.is_empty() {
            problems.sort_by(|a: &Problem, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Err(Error::Rejected(problems));
        }
        if let Some(c) = self.correction.as_ref().filter(|_| !depending.is_empty()) {
            let t = &c.target;
            let (number, signed, depending) =
                (&t.number, t.signed.to_string(), depending.join("\n"));
            return Err(Error::Refused(match c.kind {
                CorrectionKind::Retracted => crate::tr!(
                    "input-refused-retract",
                    number = number,
                    signed = signed,
                    depending = depending
                ),
                CorrectionKind::Corrected => crate::tr!(
                    "input-refused-correct",
                    number = number,
                    signed = signed,
                    depending = depending
                ),
            }));
        }
        let mut filed: Vec<(u32, u32)> = known
            .iter()
            .filter(|k| k.is_new())
            .map(|k| (k.version.entry(), k.id))
            .collect();
        drop(known);
        self.tx.insert_entry_versions(&mut filed)?;
        drop(filed);
        self.tx.insert_spans(&std::mem::take(&mut self.spans))?;
        Ok(())
    }

    /// Recomputes inherited details where changes came out of order (from
    /// the first version on, `from_start`, when a correction took versions
    /// out of the entry), and collects the entry's validity intervals.
    fn write_entry(
        &mut self,
        versions: &[Known],
        out_of_order: bool,
        from_start: bool,
    ) -> Result<(), Error> {
        let first_new = if from_start {
            0
        } else {
            versions.iter().position(Known::is_new).unwrap_or(0)
        };
        if out_of_order {
            for (i, k) in versions.iter().enumerate().skip(first_new) {
                let v = &k.version;
                if i > 0 && v.effect().inherits_details() && v.given != ALL_GIVEN {
                    self.tx
                        .inherit_details(i64::from(k.id), i64::from(versions[i - 1].id))?;
                    if !k.is_new() {
                        self.tx.reindex_for_search(i64::from(k.id))?;
                    }
                }
            }
        }
        for k in versions.iter().filter(|k| !k.is_new()) {
            self.tx.remove_span(i64::from(k.id))?;
        }
        for (i, k) in versions.iter().enumerate() {
            let next = versions.get(i + 1).map(|n| n.version.effective());
            if let Some((from, to)) = validity(k.version.effect(), k.version.effective(), next) {
                self.spans.push((i64::from(k.id), from, to));
            }
        }
        Ok(())
    }

    /// Warns of the dates and numbers of the decisions stored that are
    /// likely mistyped.
    fn decision_warnings(&mut self) {
        let today = Day::today();
        for g in self.groups.iter().filter(|g| g.stored.is_none()) {
            let file = &self.files[g.file];
            let warnings = || {
                let label = crate::tr!(
                    "input-decision-label",
                    number = &g.number,
                    signed = g.signed.to_string()
                );
                let mut out: Vec<(u64, String)> = crate::domain::row_rules::decision_warnings(
                    &g.number,
                    g.signed,
                    g.effective,
                    today,
                )
                .into_iter()
                .map(|message| (0, format!("{label}: {message}")))
                .collect();
                if let Some((line, code)) = g.first_changed_nothing {
                    out.push((
                        line,
                        crate::tr!(
                            "input-warn-changes-nothing",
                            label = &label,
                            count = g.changed_nothing,
                            code = code.to_string()
                        ),
                    ));
                }
                out
            };
            let english = in_english(warnings);
            for ((line, message), (_, english)) in warnings().into_iter().zip(english) {
                let mut warning = Problem::new(file, line, message);
                warning.english = Some(english);
                self.warnings.push(warning);
            }
        }
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
        let mut chain = self
            .tx
            .chain_before(i64::from(first.id))?
            .unwrap_or_default();
        for g in new {
            let content = content_digest(&g.key, g.signed, &mut g.digests);
            chain = chain_digest(&chain, &content);
            g.days.sort_unstable();
            g.days.dedup();
            self.tx.finish_decision(&FinishedDecision {
                id: i64::from(g.id),
                effective: g.effective,
                rows: g.digests.len() as u64,
                versions: g.versions.unwrap_or((0, -1)),
                days: &g.days,
                source_sha256: &self.file_sha[g.file],
                content_sha256: &content,
                chain_sha256: &chain,
            })?;
            self.outcome.imported.push(Imported {
                number: g.number.clone(),
                signed: g.signed,
                effective: g.days.clone(),
                changes: g.digests.len() as u64,
                file: self.files[g.file].clone(),
            });
        }
        Ok(())
    }
}

/// Runs `f` with this thread's messages in English, for what JSON output
/// says of them: its values never change with the language.
pub(crate) fn in_english<T>(f: impl FnOnce() -> T) -> T {
    crate::i18n::in_lang(crate::i18n::Lang::En, f)
}

/// A stored version of an entry the batch touches.
fn stored(id: i64, version: Version) -> Result<Known, Error> {
    Ok(Known {
        version,
        id: narrow(id)?,
        file: STORED,
    })
}

/// Row ids of decisions and versions, kept in 32 bits in the import's
/// compact list of versions (four billion versions is far beyond any catalog).
fn narrow(id: i64) -> Result<u32, Error> {
    u32::try_from(id).map_err(|_| {
        Error::Store(StoreError::Corrupt(crate::tr!(
            "store-corrupt-column",
            column = "id",
            value = id.to_string()
        )))
    })
}

#[cfg(test)]
mod tests;
