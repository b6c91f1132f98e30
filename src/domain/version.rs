//! Stored versions of one entry, as history and show read them.

use super::rules::{OrderKey, Role};
use super::{Action, Code, DETAIL_FIELDS, Day, Details, Level};

/// One version of an entry (code, level): the state a change left it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryVersion {
    pub key: OrderKey,
    pub level: Level,
    pub code: Code,
    pub action: Action,
    pub role: Role,
    /// Role primary: the code a replacement replaces; role replaced: the new code.
    pub other_code: Option<Code>,
    /// Bit `i` set when the decision row gave detail field `i` itself.
    pub given: u8,
    /// The details after the change (a repeal keeps the last ones).
    pub details: Details,
    /// The number of the decision that made the change.
    pub decision: String,
}

impl EntryVersion {
    pub fn effective(&self) -> Day {
        self.key.effective
    }

    pub fn signed(&self) -> Day {
        self.key.signed
    }

    /// Whether the entry is in force after this change.
    pub fn in_force(&self) -> bool {
        self.role == Role::Primary && self.action != Action::Repealed
    }

    /// The old code, when this version is the new side of a replacement by another code.
    pub fn replaces(&self) -> Option<Code> {
        match (self.action, self.role) {
            (Action::Replaced, Role::Primary) => self.other_code.filter(|c| *c != self.code),
            _ => None,
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

/// The detail fields a version changed: those that differ from the previous
/// version's, or for the first version the fields its row gave.
pub fn changed_fields(previous: Option<&Details>, version: &EntryVersion) -> Vec<&'static str> {
    let now = version.details.as_array();
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
            .filter(|(i, _)| version.given & (1 << i) != 0)
            .map(|(_, f)| *f)
            .collect(),
    }
}

/// The version of one entry that stands at `bound`: the latest with an order key up to it.
/// `versions` are one entry's versions in rule order.
pub fn standing_at(versions: &[EntryVersion], bound: OrderKey) -> Option<(usize, &EntryVersion)> {
    versions
        .iter()
        .enumerate()
        .take_while(|(_, v)| v.key <= bound)
        .last()
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
            key: OrderKey {
                effective: Day::from_number(effective),
                signed: Day::from_number(effective),
                decision_seq: i64::from(effective),
                row: 0,
            },
            level: Level::Province,
            code: Code::parse("1.000001").unwrap(),
            action,
            role,
            other_code: None,
            given: details.given_mask(),
            details,
            decision: format!("{effective}/QĐ"),
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
        assert!(version(1, Action::Added, Role::Primary, "A", "").in_force());
        assert!(version(1, Action::Replaced, Role::Primary, "A", "").in_force());
        assert!(!version(1, Action::Replaced, Role::Replaced, "A", "").in_force());
        assert!(!version(1, Action::Repealed, Role::Primary, "A", "").in_force());
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
            decision_seq: i64::MAX,
            row: u32::MAX,
        };
        assert_eq!(standing_at(&vs, bound(0)), None);
        assert_eq!(standing_at(&vs, bound(4)).map(|(i, _)| i), Some(0));
        assert_eq!(standing_at(&vs, bound(9)).map(|(i, _)| i), Some(1));
    }
}
