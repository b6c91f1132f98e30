//! The lifecycle rules of a catalog entry, a (code, level) pair.
//!
//! Changes apply in the order (effective date, signing date, order of import,
//! row order). Each change checks the entry's state and makes a new version.

use std::fmt;

use super::{Action, Day, Details};

/// Where a change stands in the history. Ordering follows the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderKey {
    pub effective: Day,
    pub signed: Day,
    /// Order of import of the decision (its sequence number in the store).
    pub decision_seq: u32,
    /// Row order inside the decision.
    pub row: u32,
}

/// The part an entry plays in a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The entry named by the row's code.
    Primary = 0,
    /// The entry named by `replaces`, repealed by a replacement.
    Replaced = 1,
}

impl Role {
    pub fn from_index(i: i64) -> Option<Role> {
        match i {
            0 => Some(Role::Primary),
            1 => Some(Role::Replaced),
            _ => None,
        }
    }
}

/// What a change does to one entry's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Brings an entry into force (added, or the new side of a replacement).
    Add,
    /// Changes an entry in force.
    Amend,
    /// Takes an entry out of force (repealed, or the old side of a replacement).
    Repeal,
    /// A replacement whose new code is the old one: stays in force with new details.
    Renew,
}

/// Why a change cannot apply to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    /// The change needs the entry out of force, and it is in force.
    InForce,
    /// The change needs the entry in force, and it is not.
    NotInForce,
}

impl Violation {
    /// The violation in English, for what `verify` records ("is not in force").
    pub fn as_str(self) -> &'static str {
        match self {
            Violation::InForce => "is already in force",
            Violation::NotInForce => "is not in force",
        }
    }
}

impl fmt::Display for Violation {
    /// The violation in the run's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Violation::InForce => crate::tr!("rule-in-force"),
            Violation::NotInForce => crate::tr!("rule-not-in-force"),
        })
    }
}

impl Effect {
    /// The effect of an action on the entry that plays `role` in it.
    pub fn of(action: Action, role: Role, same_code: bool) -> Effect {
        match (action, role) {
            (Action::Added, _) => Effect::Add,
            (Action::Amended, _) => Effect::Amend,
            (Action::Repealed, _) | (Action::Replaced, Role::Replaced) => Effect::Repeal,
            (Action::Replaced, Role::Primary) if same_code => Effect::Renew,
            (Action::Replaced, Role::Primary) => Effect::Add,
        }
    }

    /// Checks the change against the entry's state; returns whether the entry
    /// is in force afterwards.
    pub fn apply(self, in_force: bool) -> Result<bool, Violation> {
        match (self, in_force) {
            (Effect::Add, false) => Ok(true),
            (Effect::Add, true) => Err(Violation::InForce),
            (Effect::Amend | Effect::Renew, true) => Ok(true),
            (Effect::Repeal, true) => Ok(false),
            (Effect::Amend | Effect::Renew | Effect::Repeal, false) => Err(Violation::NotInForce),
        }
    }

    /// Whether the version this change makes is in force.
    pub fn in_force_after(self) -> bool {
        !matches!(self, Effect::Repeal)
    }

    /// Whether the new version's details start from the previous version's
    /// (an amendment keeps what its empty cells do not name; a repeal keeps
    /// the last details for the record).
    pub fn inherits_details(self) -> bool {
        matches!(self, Effect::Amend | Effect::Repeal)
    }
}

/// The details of a new version: the given cells over the previous version's.
pub fn merge(previous: &Details, given: &Details) -> Details {
    let mut merged = previous.clone();
    merge_into(&mut merged, given);
    merged
}

/// Writes the given (non-empty) cells over the previous details, in place.
pub fn merge_into(previous: &mut Details, given: &Details) {
    for (slot, new) in previous.fields_mut().into_iter().zip(given.as_array()) {
        if !new.is_empty() {
            new.clone_into(slot);
        }
    }
}

/// Whether an amendment's given cells change no value of the details it
/// amends: each cell it gives is empty or already the value.
pub fn changes_nothing(previous: &Details, given: &Details) -> bool {
    previous
        .as_array()
        .into_iter()
        .zip(given.as_array())
        .all(|(old, new)| new.is_empty() || old == new)
}

/// A version's validity: in force from `from` (inclusive) to `to` (exclusive,
/// `Day::OPEN` while no later change exists). `None` when the version is not
/// in force on any day (out of force, or superseded on its first day).
pub fn validity(effect: Effect, from: Day, next: Option<Day>) -> Option<(i32, i32)> {
    let to = next.map_or(Day::OPEN, Day::number);
    (effect.in_force_after() && from.number() < to).then_some((from.number(), to))
}

/// One change of an entry's history, as [`replay`] sees it.
pub trait Change {
    /// The decision that made the change (its order of import).
    fn decision(&self) -> u32;
    fn effect(&self) -> Effect;
}

/// The first change of an entry's history that breaks a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// Index of the change in the replayed slice.
    pub at: usize,
    pub kind: FaultKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    Broken(Violation),
    /// The same decision names the entry at this other index too.
    Duplicate(usize),
}

/// Replays one entry's changes, already in order; stops at the first that
/// breaks a rule. One decision may name an entry only once.
pub fn replay<C: Change>(changes: &[C]) -> Result<(), Fault> {
    let mut in_force = false;
    for (i, c) in changes.iter().enumerate() {
        if let Some(other) = changes[..i]
            .iter()
            .position(|e| e.decision() == c.decision())
        {
            return Err(Fault {
                at: i,
                kind: FaultKind::Duplicate(other),
            });
        }
        in_force = c.effect().apply(in_force).map_err(|v| Fault {
            at: i,
            kind: FaultKind::Broken(v),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_needs_an_entry_out_of_force() {
        assert_eq!(Effect::Add.apply(false), Ok(true));
        assert_eq!(Effect::Add.apply(true), Err(Violation::InForce));
    }

    #[test]
    fn amend_repeal_renew_need_an_entry_in_force() {
        assert_eq!(Effect::Amend.apply(true), Ok(true));
        assert_eq!(Effect::Repeal.apply(true), Ok(false));
        assert_eq!(Effect::Renew.apply(true), Ok(true));
        for e in [Effect::Amend, Effect::Repeal, Effect::Renew] {
            assert_eq!(e.apply(false), Err(Violation::NotInForce));
        }
    }

    #[test]
    fn replacement_repeals_the_old_and_adds_the_new() {
        assert_eq!(
            Effect::of(Action::Replaced, Role::Replaced, false),
            Effect::Repeal
        );
        assert_eq!(
            Effect::of(Action::Replaced, Role::Primary, false),
            Effect::Add
        );
        assert_eq!(
            Effect::of(Action::Replaced, Role::Primary, true),
            Effect::Renew
        );
    }

    #[test]
    fn readding_after_repeal_is_allowed() {
        let mut in_force = false;
        for e in [Effect::Add, Effect::Repeal, Effect::Add] {
            in_force = e.apply(in_force).unwrap();
        }
        assert!(in_force);
    }

    impl Change for (u32, Effect) {
        fn decision(&self) -> u32 {
            self.0
        }
        fn effect(&self) -> Effect {
            self.1
        }
    }

    #[test]
    fn replay_stops_at_the_first_broken_rule() {
        let ok = [
            (1, Effect::Add),
            (2, Effect::Amend),
            (3, Effect::Repeal),
            (4, Effect::Add),
        ];
        assert_eq!(replay(&ok), Ok(()));
        let bad = [(1, Effect::Add), (2, Effect::Repeal), (3, Effect::Amend)];
        assert_eq!(
            replay(&bad),
            Err(Fault {
                at: 2,
                kind: FaultKind::Broken(Violation::NotInForce)
            })
        );
    }

    #[test]
    fn replay_refuses_an_entry_named_twice_by_one_decision() {
        let twice = [(1, Effect::Add), (1, Effect::Amend)];
        assert_eq!(
            replay(&twice),
            Err(Fault {
                at: 1,
                kind: FaultKind::Duplicate(0)
            })
        );
    }

    #[test]
    fn merge_keeps_what_empty_cells_do_not_name() {
        let prev = Details {
            name: "Cũ".into(),
            fee: "10.000 đồng".into(),
            ..Details::default()
        };
        let given = Details {
            fee: "Miễn phí".into(),
            ..Details::default()
        };
        let merged = merge(&prev, &given);
        assert_eq!(merged.name, "Cũ");
        assert_eq!(merged.fee, "Miễn phí");
    }

    #[test]
    fn validity_is_half_open_and_skips_empty_spans() {
        let d = Day::from_number;
        assert_eq!(validity(Effect::Add, d(10), Some(d(20))), Some((10, 20)));
        assert_eq!(validity(Effect::Add, d(10), None), Some((10, Day::OPEN)));
        assert_eq!(validity(Effect::Add, d(10), Some(d(10))), None);
        assert_eq!(validity(Effect::Repeal, d(10), None), None);
    }

    #[test]
    fn an_amendment_that_gives_the_values_it_finds_changes_nothing() {
        let previous = Details {
            name: "Cấp phép".into(),
            fee: "5.000 đồng".into(),
            ..Details::default()
        };
        let same_fee = Details {
            fee: "5.000 đồng".into(),
            ..Details::default()
        };
        let new_fee = Details {
            fee: "10.000 đồng".into(),
            ..Details::default()
        };
        assert!(changes_nothing(&previous, &same_fee));
        assert!(changes_nothing(&previous, &Details::default()));
        assert!(!changes_nothing(&previous, &new_fee));
    }
}
