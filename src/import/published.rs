//! A decision as published, into the batch: the stored catalog settles
//! what its rows leave to it (the only level an entry is in force at, the
//! entry a change names by name, the provisional code of a new procedure
//! without one).

use std::collections::HashMap;

use super::{Batch, FileId, Prepared};
use crate::domain::names::name_key;
use crate::domain::position::Annex;
use crate::domain::{Action, Code, Day, Level, LevelSet, number_key};
use crate::error::Error;
use crate::input::Notes;
use crate::input::published::{self, Reading};
use crate::store::{Store, StoreError};

impl Batch<'_, '_> {
    /// Adds the rows of a decision as published; returns what was noticed
    /// of them (rows `keep`, the `--levels`, left out). The reading's
    /// problems, and those of its rows, reject the batch.
    pub(crate) fn add_published(
        &mut self,
        file: FileId,
        reading: &Reading,
        keep: Option<LevelSet>,
    ) -> Result<Notes, Error> {
        for table in &reading.tables {
            self.ignore_columns(&table.unmapped_with_data);
        }
        let mut catalog = StoredCatalog {
            batch: self,
            entries: HashMap::new(),
            annexes: AnnexCache::default(),
            failed: None,
        };
        let name = self.files[file.0].clone();
        let (rows, mut notes) = published::decision_rows(&name, reading, keep, Some(&mut catalog));
        let checks = published::body_checks(&name, reading, &rows, Some(&mut catalog));
        if let Some(e) = catalog.failed {
            return Err(e);
        }
        // It may have published procedures without a code.
        self.uncoded_names = true;
        self.warnings.append(&mut notes.warnings);
        self.warnings
            .extend(checks.into_iter().filter_map(|c| c.warning));
        for row in rows {
            match row {
                Ok(row) => self.add(file, Prepared::new(row))?,
                Err(problems) => {
                    if !self.reject(file, problems) {
                        break;
                    }
                }
            }
        }
        Ok(notes)
    }
}

/// The stored catalog, as a decision as published asks it for the level or
/// the code a row leaves to it; the first error of the store is kept.
struct StoredCatalog<'b, 't, 'c> {
    batch: &'b Batch<'t, 'c>,
    /// The entries in force per level and day, read once each.
    entries: HashMap<(Level, Day), Vec<(Code, String)>>,
    annexes: AnnexCache,
    failed: Option<Error>,
}

impl StoredCatalog<'_, '_, '_> {
    /// Keeps the first error of the store; the batch fails with it.
    fn fail(&mut self, e: Error) {
        self.failed.get_or_insert(e);
    }
}

impl published::Catalog for StoredCatalog<'_, '_, '_> {
    fn levels_in_force(&mut self, code: Code, day: Day) -> LevelSet {
        match self.batch.tx.levels_in_force(code, day) {
            Ok(levels) => levels,
            Err(e) => {
                self.fail(e.into());
                LevelSet::default()
            }
        }
    }

    fn provisional_code(&mut self, name: &str) -> Option<Code> {
        let key = crate::domain::names::name_key(name);
        match self.batch.tx.provisional_code(&key) {
            Ok(code) => Some(code),
            Err(e) => {
                self.fail(e.into());
                None
            }
        }
    }

    fn uncoded_code(&mut self, name: &str) -> Option<Code> {
        match self.batch.tx.existing_provisional_code(&name_key(name)) {
            Ok(code) => code,
            Err(e) => {
                self.fail(e.into());
                None
            }
        }
    }

    fn entries_at(&mut self, level: Level, day: Day) -> &[(Code, String)] {
        if !self.entries.contains_key(&(level, day)) {
            let entries = match self.batch.tx.entries_in_force(level, day) {
                Ok(entries) => entries,
                Err(e) => {
                    self.fail(e.into());
                    Vec::new()
                }
            };
            self.entries.insert((level, day), entries);
        }
        self.entries.get(&(level, day)).map_or(&[], Vec::as_slice)
    }
}

impl published::Annexes for StoredCatalog<'_, '_, '_> {
    fn annex(&mut self, decision: &str, signed: Option<Day>) -> &Annex {
        let tx = self.batch.tx;
        self.annexes.get(decision, signed, &mut self.failed, |key| {
            tx.annex_rows(key, signed)
        })
    }
}

/// The stored decisions that row-number references name, read from a
/// catalog outside an import (`tthc inspect`); the first error of the store
/// is kept.
pub(crate) struct StoreAnnexes<'s> {
    store: &'s Store,
    annexes: AnnexCache,
    pub(crate) failed: Option<Error>,
}

impl<'s> StoreAnnexes<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        StoreAnnexes {
            store,
            annexes: AnnexCache::default(),
            failed: None,
        }
    }
}

impl published::Annexes for StoreAnnexes<'_> {
    fn annex(&mut self, decision: &str, signed: Option<Day>) -> &Annex {
        let store = self.store;
        self.annexes.get(decision, signed, &mut self.failed, |key| {
            store.annex_rows(key, signed)
        })
    }
}

/// The decisions references name, read once each; a read that fails keeps
/// its error and reads as not stored.
#[derive(Default)]
struct AnnexCache(HashMap<(String, Option<Day>), Annex>);

impl AnnexCache {
    fn get(
        &mut self,
        decision: &str,
        signed: Option<Day>,
        failed: &mut Option<Error>,
        read: impl FnOnce(&str) -> Result<Annex, StoreError>,
    ) -> &Annex {
        self.0
            .entry((number_key(decision), signed))
            .or_insert_with_key(|(key, _)| {
                read(key).unwrap_or_else(|e| {
                    failed.get_or_insert(e.into());
                    Annex::NotStored
                })
            })
    }
}

impl Batch<'_, '_> {
    /// A row of a change table, with its entry settled by name where the
    /// row leaves it to the catalog:
    /// - a row without a code ([`crate::domain::DecisionRow::by_name`]) that adds or
    ///   replaces with a procedure gets the provisional code of its name; one
    ///   that amends or repeals, the code of the one entry in force under its
    ///   name at its level;
    /// - a row that adds a code under the name of an entry published without
    ///   one gives that entry its code.
    ///
    /// `Err` holds the problem of a row that names no single entry.
    pub(super) fn settled(
        &mut self,
        prepared: Prepared,
    ) -> Result<Result<Prepared, String>, Error> {
        let row = &prepared.row;
        let assigns = !row.by_name
            && self.uncoded_names
            && row.action == Action::Added
            && row.provenance.is_none()
            && self
                .tx
                .existing_provisional_code(&name_key(&row.details.name))?
                .is_some();
        if !row.by_name && !assigns {
            return Ok(Ok(prepared));
        }
        let mut row = prepared.row;
        let mut catalog = StoredCatalog {
            batch: self,
            entries: HashMap::new(),
            annexes: AnnexCache::default(),
            failed: None,
        };
        let settled = if assigns {
            if let Some(old) =
                published::uncoded_entry(&row.details.name, row.levels, row.effective, &mut catalog)
            {
                row.replaces = Some(old);
                row.action = Action::Replaced;
            }
            Ok(())
        } else {
            match row.action {
                Action::Added | Action::Replaced => {
                    match published::Catalog::provisional_code(&mut catalog, &row.details.name) {
                        Some(code) => {
                            row.code = code;
                            Ok(())
                        }
                        None => Err(crate::tr!(
                            "input-no-provisional-code",
                            name = format!("{:?}", row.details.name)
                        )),
                    }
                }
                action => published::named_entry(
                    &row.details.name,
                    action,
                    row.levels,
                    row.effective,
                    Some(&mut catalog),
                )
                .map(|code| {
                    // The name named the entry; the catalog keeps its own spelling.
                    row.code = code;
                    row.details.name.clear();
                }),
            }
        };
        if let Some(e) = catalog.failed {
            return Err(e);
        }
        self.uncoded_names |= row.code.is_provisional();
        row.by_name = false;
        Ok(settled.map(|()| Prepared::new(row)))
    }
}
