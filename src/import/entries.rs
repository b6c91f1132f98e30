//! What the batch knows of each entry it touches while it reads rows in file
//! order: the latest change and the details it left.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Known, stored};
use crate::domain::rules::{OrderKey, changes_nothing, merge_into};
use crate::domain::version::Version;
use crate::domain::{Action, Code, Day, Details, Level};
use crate::error::Error;
use crate::store::ImportTx;

/// Where the stored history of an entry comes from when the batch first touches it.
pub(super) struct Source<'t, 'c> {
    pub(super) tx: &'t ImportTx<'c>,
    /// Versions up to this id were stored before the batch began.
    pub(super) up_to: i64,
    /// Whether corrections took stored versions out of the catalog.
    pub(super) corrected: bool,
    /// Whether the store held any history when the batch began.
    pub(super) load: bool,
}

/// What the batch knows of an entry.
struct EntryState {
    /// Order key of the latest change read for the entry.
    last: OrderKey,
    /// Details after that change; `None` while the entry is out of force.
    details: Option<Box<Details>>,
    /// A change came after a later one in the file: details are recomputed
    /// in rule order once the batch is read.
    out_of_order: bool,
}

/// The state of every entry the batch touches, by entry number.
#[derive(Default)]
pub(super) struct Entries {
    map: FxHashMap<u32, EntryState>,
}

impl Entries {
    /// The entries whose changes came out of order; the states are dropped.
    pub(super) fn into_out_of_order(self) -> FxHashSet<u32> {
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
    ///
    /// Also tells whether the change is an amendment that changes no value
    /// (known only for changes read in rule order).
    pub(super) fn stage<'a>(
        &'a mut self,
        source: &Source<'_, '_>,
        known: &mut Vec<Known>,
        v: &Version,
        given: &mut Details,
        take: bool,
    ) -> Result<(Option<&'a Details>, bool), Error> {
        let state = self.state(source, known, v.code, v.level)?;
        if state.out_of_order || v.key < state.last {
            state.out_of_order = true;
            return Ok((None, false));
        }
        state.last = v.key;
        let mut nothing = false;
        match (&mut state.details, v.effect().inherits_details()) {
            (Some(previous), true) => {
                nothing = v.action == Action::Amended && changes_nothing(previous, given);
                merge_into(previous, given);
            }
            (details, _) if take => *details = Some(Box::new(std::mem::take(given))),
            (details, _) => *details = Some(Box::new(given.clone())),
        }
        Ok((state.details.as_deref(), nothing))
    }

    /// Joins an entry's stored history to the batch's versions, with its
    /// details recomputed in rule order once the batch is read: a
    /// correction took versions out of it.
    pub(super) fn touch(
        &mut self,
        source: &Source<'_, '_>,
        known: &mut Vec<Known>,
        code: Code,
        level: Level,
    ) -> Result<(), Error> {
        self.state(source, known, code, level)?.out_of_order = true;
        Ok(())
    }

    /// After the version is stored: an entry out of force keeps no details.
    pub(super) fn unstage(&mut self, v: &Version) {
        if !v.in_force()
            && let Some(state) = self.map.get_mut(&v.entry())
        {
            state.details = None;
        }
    }

    /// The state of an entry; on first use, its stored history joins the
    /// batch's versions and its latest stored details are loaded.
    fn state(
        &mut self,
        source: &Source<'_, '_>,
        known: &mut Vec<Known>,
        code: Code,
        level: Level,
    ) -> Result<&mut EntryState, Error> {
        use std::collections::hash_map::Entry;
        match self.map.entry(code.entry(level)) {
            Entry::Occupied(o) => Ok(o.into_mut()),
            Entry::Vacant(vacant) => {
                let mut state = EntryState {
                    last: OrderKey {
                        effective: Day::from_number(i32::MIN),
                        signed: Day::from_number(i32::MIN),
                        decision_seq: 0,
                        row: 0,
                    },
                    details: None,
                    out_of_order: false,
                };
                if source.load {
                    let mut latest: Option<Known> = None;
                    for (id, version) in
                        source
                            .tx
                            .entry_versions(code, level, source.up_to, source.corrected)?
                    {
                        let k = stored(id, version)?;
                        if latest.is_none_or(|l| l.version.key < k.version.key) {
                            latest = Some(k);
                        }
                        known.push(k);
                    }
                    if let Some(l) = latest {
                        state.last = l.version.key;
                        if l.version.in_force() {
                            let details = source.tx.version_details(i64::from(l.id))?;
                            state.details = Some(Box::new(details));
                        }
                    }
                }
                Ok(vacant.insert(state))
            }
        }
    }
}
