//! A version of a catalog entry, and the versions of one entry as history and show read them.

use super::diff::{LevelChange, pair_moves};
use super::provenance::Provenance;
use super::rules::{Change, Effect, OrderKey, Role};
use super::{Action, Code, DETAIL_FIELDS, Day, Details, Level};

/// A version of a catalog entry (code, level): the change that made it, its
/// place in the rules' order, and which detail cells its row gave. The import,
/// the store's reads, the audit and verify all use this one type; the details
/// the version leaves its entry in, and where the store keeps and indexes it,
/// travel beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub code: Code,
    pub level: Level,
    pub key: OrderKey,
    pub action: Action,
    pub role: Role,
    /// Role primary: the code a replacement replaces; role replaced: the new code.
    pub other_code: Option<Code>,
    /// Bit `i` set when the decision row gave detail field `i` itself.
    pub given: u16,
    /// The line of the decision file the row came from.
    pub line: u32,
}

impl Version {
    pub fn effective(&self) -> Day {
        self.key.effective
    }

    pub fn signed(&self) -> Day {
        self.key.signed
    }

    /// The entry number, `code * 4 + level`, which sorts as (code, level).
    pub fn entry(&self) -> u32 {
        self.code.entry(self.level)
    }

    /// What the change does to this version's entry.
    pub fn effect(&self) -> Effect {
        Effect::of(self.action, self.role, self.other_code == Some(self.code))
    }

    /// Whether the entry is in force after this change.
    pub fn in_force(&self) -> bool {
        self.effect().in_force_after()
    }

    /// The old code, when this version is the new side of a replacement by another code.
    pub fn replaces(&self) -> Option<Code> {
        match (self.action, self.role) {
            (Action::Replaced, Role::Primary) => self.other_code.filter(|c| *c != self.code),
            _ => None,
        }
    }

    /// Whether this version gives its code to an entry published without one
    /// (a replacement of its provisional code, [`Code::is_provisional`]).
    pub fn assigns_code(&self) -> bool {
        self.action == Action::Replaced
            && self.role == Role::Primary
            && self.other_code.is_some_and(Code::is_provisional)
    }

    /// Whether this version is a plain addition (`Some(true)`) or a plain
    /// repeal (`Some(false)`) of its entry: the halves a move between levels
    /// is made of. Replacements are neither.
    pub fn plain_side(&self) -> Option<bool> {
        match self.action {
            Action::Added => Some(true),
            Action::Repealed => Some(false),
            Action::Amended | Action::Replaced => None,
        }
    }

    /// The new code, when this version is the old side of a replacement.
    pub fn replaced_by(&self) -> Option<Code> {
        match self.role {
            Role::Replaced => self.other_code,
            Role::Primary => None,
        }
    }
}

impl Change for Version {
    fn decision(&self) -> u32 {
        self.key.decision_seq
    }

    fn effect(&self) -> Effect {
        Version::effect(self)
    }
}

/// A version as history and show read it: with the details it leaves the
/// entry in (a repeal keeps the last ones) and the number of its decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryVersion {
    pub version: Version,
    pub details: Details,
    pub decision: String,
    /// The file the decision was imported from, as named to `tthc import`;
    /// the row's line is the version's.
    pub file: String,
    /// Where the row's facts came from, for a decision read as published.
    pub provenance: Option<Provenance>,
}

/// A code's versions joined with those of the entries, published without a
/// code, that it was given to (`earlier`): one history per level, in rule
/// order. The provisional entry's repeal by the assignment is left out, so
/// that the two read as one entry, before and after.
pub fn join_assigned(versions: Vec<EntryVersion>, earlier: Vec<EntryVersion>) -> Vec<EntryVersion> {
    join_assigned_by(versions, earlier, |e| &e.version)
}

/// [`join_assigned`] of anything that holds a version.
pub fn join_assigned_by<T>(
    mut versions: Vec<T>,
    earlier: Vec<T>,
    version: impl Fn(&T) -> &Version,
) -> Vec<T> {
    versions.extend(earlier.into_iter().filter(|e| {
        let v = version(e);
        !(v.role == Role::Replaced && v.code.is_provisional())
    }));
    versions.sort_by_key(|e| (version(e).level, version(e).key));
    versions
}

/// The detail fields a version changed: those that differ from the previous
/// version's, or for the first version the fields its row gave.
pub fn changed_fields(previous: Option<&Details>, version: &EntryVersion) -> Vec<&'static str> {
    let now = version.details.as_array();
    let given = version.version.given;
    match previous {
        Some(previous) => {
            let before = previous.as_array();
            DETAIL_FIELDS
                .iter()
                .enumerate()
                .filter(|(i, _)| before[*i] != now[*i])
                .map(|(_, f)| *f)
                .collect()
        }
        None => DETAIL_FIELDS
            .iter()
            .enumerate()
            .filter(|(i, _)| given & (1 << i) != 0)
            .map(|(_, f)| *f)
            .collect(),
    }
}

/// The part a version plays in a move of its code between levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// A plain repeal: the code moved to this level.
    To(Level),
    /// A plain addition: the code moved from this level.
    From(Level),
}

/// For each of one code's versions (at every level), the move it is part of:
/// on one effective date, plain repeals at some levels and plain additions
/// at others, paired as [`pair_moves`] pairs them (whatever decisions of that
/// date made them).
pub fn moves(versions: &[EntryVersion]) -> Vec<Option<Move>> {
    let mut sides = Vec::new();
    let mut at = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        if let Some(into_force) = v.version.plain_side() {
            sides.push(LevelChange {
                effective: v.version.effective(),
                code: v.version.code,
                level: v.version.level,
                into_force,
            });
            at.push(i);
        }
    }
    let mut out = vec![None; versions.len()];
    for (o, n) in pair_moves(&sides) {
        out[at[o]] = Some(Move::To(sides[n].level));
        out[at[n]] = Some(Move::From(sides[o].level));
    }
    out
}

/// The version of one entry that stands at `bound`: the latest with an order key up to it.
/// `versions` are one entry's versions in rule order.
pub fn standing_at(versions: &[EntryVersion], bound: OrderKey) -> Option<(usize, &EntryVersion)> {
    versions
        .iter()
        .enumerate()
        .take_while(|(_, v)| v.version.key <= bound)
        .last()
}

/// Makes each version's details what the rules make of the cells its row
/// gave, from the versions before it: the details as known when only these
/// versions (one entry's, in rule order) were recorded.
pub fn rebuild_details(versions: &mut [EntryVersion]) {
    let mut previous = Details::default();
    for v in versions {
        let given = v.details.masked(v.version.given);
        v.details = if v.version.effect().inherits_details() {
            super::rules::merge(&previous, &given)
        } else {
            given
        };
        previous.clone_from(&v.details);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(effective: i32, action: Action, role: Role, name: &str, fee: &str) -> EntryVersion {
        let details = Details {
            name: name.into(),
            fee: fee.into(),
            ..Details::default()
        };
        EntryVersion {
            version: Version {
                key: OrderKey {
                    effective: Day::from_number(effective),
                    signed: Day::from_number(effective),
                    decision_seq: effective as u32,
                    row: 0,
                },
                level: Level::Province,
                code: Code::parse("1.000001").unwrap(),
                action,
                role,
                other_code: None,
                given: details.given_mask(),
                line: 2,
            },
            details,
            decision: format!("{effective}/QĐ"),
            file: "qd.csv".into(),
            provenance: None,
        }
    }

    #[test]
    fn first_version_lists_its_given_fields_later_ones_the_differences() {
        let first = version(1, Action::Added, Role::Primary, "A", "0");
        assert_eq!(changed_fields(None, &first), ["name", "fee"]);
        let second = version(2, Action::Amended, Role::Primary, "A", "5");
        assert_eq!(changed_fields(Some(&first.details), &second), ["fee"]);
        let repeal = version(3, Action::Repealed, Role::Primary, "A", "5");
        assert!(changed_fields(Some(&second.details), &repeal).is_empty());
    }

    #[test]
    fn in_force_after_a_change() {
        let in_force = |action, role| version(1, action, role, "A", "").version.in_force();
        assert!(in_force(Action::Added, Role::Primary));
        assert!(in_force(Action::Amended, Role::Primary));
        assert!(in_force(Action::Replaced, Role::Primary));
        assert!(!in_force(Action::Replaced, Role::Replaced));
        assert!(!in_force(Action::Repealed, Role::Primary));
    }

    #[test]
    fn a_repeal_and_an_addition_at_another_level_on_one_date_are_a_move() {
        let at = |effective, level, action, seq| {
            let mut v = version(effective, action, Role::Primary, "A", "");
            v.version.level = level;
            v.version.key.decision_seq = seq;
            v
        };
        // By level, then rule order, as the store gives them.
        let vs = [
            at(1, Level::Province, Action::Added, 1),
            at(1, Level::District, Action::Added, 1),
            at(5, Level::District, Action::Amended, 5),
            at(9, Level::District, Action::Repealed, 9),
            at(9, Level::Commune, Action::Added, 10),
            at(9, Level::Commune, Action::Amended, 11),
        ];
        assert_eq!(
            moves(&vs),
            [
                None,
                None,
                None,
                Some(Move::To(Level::Commune)),
                Some(Move::From(Level::District)),
                None,
            ]
        );
        // On another date, or by a replacement, no move.
        let mut later = vs.clone();
        later[4].version.key.effective = Day::from_number(10);
        assert!(moves(&later).iter().all(Option::is_none));
        let mut replaced = vs.clone();
        replaced[3].version.action = Action::Replaced;
        replaced[3].version.role = Role::Replaced;
        assert!(moves(&replaced).iter().all(Option::is_none));
    }

    #[test]
    fn the_standing_version_is_the_latest_up_to_the_bound() {
        let vs = [
            version(1, Action::Added, Role::Primary, "A", ""),
            version(5, Action::Amended, Role::Primary, "B", ""),
        ];
        let bound = |d| OrderKey {
            effective: Day::from_number(d),
            signed: Day::from_number(Day::OPEN),
            decision_seq: u32::MAX,
            row: u32::MAX,
        };
        assert_eq!(standing_at(&vs, bound(0)), None);
        assert_eq!(standing_at(&vs, bound(4)).map(|(i, _)| i), Some(0));
        assert_eq!(standing_at(&vs, bound(9)).map(|(i, _)| i), Some(1));
    }

    #[test]
    fn rebuilt_details_follow_the_cells_given() {
        let mut vs = vec![
            version(1, Action::Added, Role::Primary, "A", "0"),
            version(5, Action::Amended, Role::Primary, "", "5"),
            version(9, Action::Repealed, Role::Primary, "", ""),
        ];
        // As stored after an amendment between them was taken out.
        vs[1].details.name = "B".into();
        vs[2].details = Details {
            name: "B".into(),
            fee: "5".into(),
            ..Details::default()
        };
        rebuild_details(&mut vs);
        assert_eq!(
            (vs[1].details.name.as_str(), vs[1].details.fee.as_str()),
            ("A", "5")
        );
        assert_eq!(
            (vs[2].details.name.as_str(), vs[2].details.fee.as_str()),
            ("A", "5")
        );
        assert_eq!(vs[0].details.fee, "0");
    }
}
