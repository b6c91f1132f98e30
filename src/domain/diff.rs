//! What changed between two versions of the catalog, keyed by entry (code, level).
//!
//! The two catalogs are compared entry by entry: an entry in both with other
//! details is amended (same details: no change, whatever happened between);
//! an entry only in the older one is repealed; only in the newer one, added.
//!
//! Replacements use the chained reading: an entry only in the older catalog
//! that reaches, through replacement rows of the interval at its level
//! (old -> X -> ... -> new, each link after the previous one), an entry only
//! in the newer catalog counts once, as replaced old -> new, instead of a
//! repeal and an addition.
//!
//! A diff from a later version to an earlier one reads the same history
//! backwards: what was added shows as repealed, and a replacement old -> new
//! as new -> old.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::rules::OrderKey;
use super::{CatalogEntry, Code, DETAIL_FIELDS, Level};

/// The kind of change of an entry between two versions of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Added = 0,
    Amended = 1,
    Replaced = 2,
    Repealed = 3,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Added,
        ChangeKind::Amended,
        ChangeKind::Replaced,
        ChangeKind::Repealed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Amended => "amended",
            ChangeKind::Replaced => "replaced",
            ChangeKind::Repealed => "repealed",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One detail field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// One of [`DETAIL_FIELDS`].
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// The change of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryChange {
    pub kind: ChangeKind,
    pub level: Level,
    /// The entry's code; for a replacement, the new code.
    pub code: Code,
    /// The name in the newer catalog; for a repeal, the last name it had.
    pub name: String,
    /// Amended: every detail field that differs, in the order of [`DETAIL_FIELDS`].
    pub fields: Vec<FieldChange>,
    /// Replaced: the old code.
    pub replaces: Option<Code>,
    /// Replaced through a chain: the codes in between, in order.
    pub via: Vec<Code>,
    /// Replaced: the number of the decision of the last link, the one that brought the new code in.
    pub decision: Option<String>,
}

/// A stored replacement: at `level`, `old` gave way to `new` (another code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub key: OrderKey,
    pub level: Level,
    pub old: Code,
    pub new: Code,
    /// The decision's number.
    pub decision: String,
}

/// Counts of changes by kind, in the order of [`ChangeKind::ALL`].
pub fn summary(changes: &[EntryChange]) -> [u64; 4] {
    let mut counts = [0; 4];
    for c in changes {
        counts[c.kind.index()] += 1;
    }
    counts
}

type EntryKey = (Level, Code);

/// A replacement as the diff walks it: from the older catalog's side to the newer's.
struct Link<'a> {
    level: Level,
    from: Code,
    to: Code,
    decision: &'a str,
}

/// The changes from the catalog `from` (at order bound `from_bound`) to the
/// catalog `to` (at `to_bound`), ordered by level, then code. `replacements`
/// may hold more than the interval's; those outside it are ignored.
pub fn diff(
    from: &[CatalogEntry],
    to: &[CatalogEntry],
    replacements: &[Replacement],
    from_bound: OrderKey,
    to_bound: OrderKey,
) -> Vec<EntryChange> {
    let older: FxHashMap<EntryKey, &CatalogEntry> =
        from.iter().map(|e| ((e.level, e.code), e)).collect();
    let newer: FxHashMap<EntryKey, &CatalogEntry> =
        to.iter().map(|e| ((e.level, e.code), e)).collect();
    let mut changes: Vec<EntryChange> = to
        .iter()
        .filter_map(|e| {
            let old = older.get(&(e.level, e.code))?;
            let fields = field_changes(old, e);
            (!fields.is_empty()).then(|| EntryChange {
                fields,
                ..change(ChangeKind::Amended, e)
            })
        })
        .collect();
    let mut removed: BTreeSet<EntryKey> = older
        .keys()
        .filter(|k| !newer.contains_key(k))
        .copied()
        .collect();
    let mut added: BTreeSet<EntryKey> = newer
        .keys()
        .filter(|k| !older.contains_key(k))
        .copied()
        .collect();

    let links = links(replacements, from_bound, to_bound);
    let mut by_start: FxHashMap<EntryKey, Vec<usize>> = FxHashMap::default();
    for (i, link) in links.iter().enumerate() {
        by_start.entry((link.level, link.from)).or_default().push(i);
    }
    // Walk from each removed entry along the links, each after the one before.
    let mut walks = Vec::new();
    for &(level, code) in &removed {
        let mut path: Vec<usize> = Vec::new();
        let mut at = code;
        while let Some(&next) = by_start.get(&(level, at)).and_then(|starts| {
            let after = path
                .last()
                .map_or(0, |&last| starts.partition_point(|&i| i <= last));
            starts.get(after)
        }) {
            path.push(next);
            at = links[next].to;
        }
        if let Some(&last) = path.last()
            && added.contains(&(level, at))
        {
            walks.push((last, (level, code), at, path));
        }
    }
    // When two walks end at the same new entry, the one whose last link came last brought it in.
    walks.sort_by_key(|w| std::cmp::Reverse(w.0));
    for (last, old, new, path) in walks {
        let new_key = (old.0, new);
        if !added.contains(&new_key) || !removed.contains(&old) {
            continue;
        }
        added.remove(&new_key);
        removed.remove(&old);
        if let Some(e) = newer.get(&new_key) {
            changes.push(EntryChange {
                replaces: Some(old.1),
                via: path[..path.len() - 1]
                    .iter()
                    .map(|&i| links[i].to)
                    .collect(),
                decision: Some(links[last].decision.to_owned()),
                ..change(ChangeKind::Replaced, e)
            });
        }
    }
    changes.extend(
        removed
            .iter()
            .filter_map(|k| older.get(k))
            .map(|e| change(ChangeKind::Repealed, e)),
    );
    changes.extend(
        added
            .iter()
            .filter_map(|k| newer.get(k))
            .map(|e| change(ChangeKind::Added, e)),
    );
    changes.sort_by_key(|c| (c.level, c.code));
    changes
}

/// The replacements of the interval between the two bounds, oriented from the
/// `from` side to the `to` side, in the order a walk follows them.
fn links(replacements: &[Replacement], from_bound: OrderKey, to_bound: OrderKey) -> Vec<Link<'_>> {
    let forward = from_bound <= to_bound;
    let (low, high) = if forward {
        (from_bound, to_bound)
    } else {
        (to_bound, from_bound)
    };
    let mut inside: Vec<&Replacement> = replacements
        .iter()
        .filter(|r| r.key > low && r.key <= high)
        .collect();
    inside.sort_by_key(|r| (r.key, r.level, r.old));
    if !forward {
        inside.reverse();
    }
    inside
        .into_iter()
        .map(|r| {
            let (from, to) = if forward {
                (r.old, r.new)
            } else {
                (r.new, r.old)
            };
            Link {
                level: r.level,
                from,
                to,
                decision: &r.decision,
            }
        })
        .collect()
}

fn change(kind: ChangeKind, e: &CatalogEntry) -> EntryChange {
    EntryChange {
        kind,
        level: e.level,
        code: e.code,
        name: e.details.name.clone(),
        fields: Vec::new(),
        replaces: None,
        via: Vec::new(),
        decision: None,
    }
}

fn field_changes(old: &CatalogEntry, new: &CatalogEntry) -> Vec<FieldChange> {
    let (before, after) = (old.details.as_array(), new.details.as_array());
    DETAIL_FIELDS
        .iter()
        .zip(before.iter().zip(after.iter()))
        .filter(|(_, (b, a))| b != a)
        .map(|(field, (b, a))| FieldChange {
            field,
            old: (*b).to_owned(),
            new: (*a).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Day, Details};

    fn code(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    fn entry(level: Level, c: &str, name: &str, fee: &str) -> CatalogEntry {
        CatalogEntry {
            level,
            code: code(c),
            details: Details {
                name: name.into(),
                fee: fee.into(),
                ..Details::default()
            },
            decision: "1/QĐ".into(),
            effective: Day::from_number(0),
        }
    }

    fn at(day: i32) -> OrderKey {
        OrderKey {
            effective: Day::from_number(day),
            signed: Day::from_number(Day::OPEN),
            decision_seq: u32::MAX,
            row: u32::MAX,
        }
    }

    fn replacement(day: i32, level: Level, old: &str, new: &str) -> Replacement {
        Replacement {
            key: OrderKey {
                effective: Day::from_number(day),
                signed: Day::from_number(day),
                decision_seq: day as u32,
                row: 0,
            },
            level,
            old: code(old),
            new: code(new),
            decision: format!("{day}/QĐ"),
        }
    }

    fn kinds(changes: &[EntryChange]) -> Vec<(&'static str, String, Option<String>)> {
        changes
            .iter()
            .map(|c| {
                (
                    c.kind.as_str(),
                    c.code.to_string(),
                    c.replaces.map(|r| r.to_string()),
                )
            })
            .collect()
    }

    use Level::{Commune, District, Province};

    #[test]
    fn added_amended_repealed_by_level_then_code() {
        let from = [
            entry(Province, "1.000002", "B", "0"),
            entry(Province, "1.000003", "C", "0"),
            entry(District, "1.000001", "A", "0"),
        ];
        let to = [
            entry(Commune, "1.000009", "Z", ""),
            entry(Province, "1.000002", "B2", "0"),
            entry(District, "1.000001", "A", "0"),
            entry(Province, "1.000001", "A", ""),
        ];
        let changes = diff(&from, &to, &[], at(1), at(2));
        assert_eq!(
            kinds(&changes),
            [
                ("added", "1.000001".into(), None),
                ("amended", "1.000002".into(), None),
                ("repealed", "1.000003".into(), None),
                ("added", "1.000009".into(), None),
            ]
        );
        assert_eq!(
            changes[1].fields,
            [FieldChange {
                field: "name",
                old: "B".into(),
                new: "B2".into()
            }]
        );
        assert_eq!(changes[2].name, "C");
        assert_eq!(summary(&changes), [2, 1, 0, 1]);
    }

    #[test]
    fn same_details_are_no_change() {
        let from = [entry(Province, "1.000001", "A", "0")];
        let mut to = from.clone();
        to[0].decision = "9/QĐ".into();
        to[0].effective = Day::from_number(5);
        assert!(diff(&from, &to, &[], at(1), at(9)).is_empty());
    }

    #[test]
    fn a_direct_replacement_counts_once() {
        let from = [entry(Province, "1.000001", "A", "")];
        let to = [entry(Province, "1.000002", "B", "")];
        let reps = [replacement(5, Province, "1.000001", "1.000002")];
        let changes = diff(&from, &to, &reps, at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000002".into(), Some("1.000001".into()))]
        );
        assert_eq!(changes[0].decision.as_deref(), Some("5/QĐ"));
        assert!(changes[0].via.is_empty());
        // Outside the interval, the replacement does not link them.
        let changes = diff(&from, &to, &reps, at(5), at(9));
        assert_eq!(summary(&changes), [1, 0, 0, 1]);
    }

    #[test]
    fn a_chain_reads_as_one_replacement_from_first_to_last() {
        let from = [entry(Province, "1.000001", "A", "")];
        let to = [entry(Province, "1.000003", "C", "")];
        let reps = [
            replacement(5, Province, "1.000001", "1.000002"),
            replacement(7, Province, "1.000002", "1.000003"),
        ];
        let changes = diff(&from, &to, &reps, at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000003".into(), Some("1.000001".into()))]
        );
        assert_eq!(changes[0].via, [code("1.000002")]);
        assert_eq!(changes[0].decision.as_deref(), Some("7/QĐ"));
        // From the middle of the chain, the later link alone.
        let middle = [entry(Province, "1.000002", "B", "")];
        let changes = diff(&middle, &to, &reps, at(6), at(9));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000003".into(), Some("1.000002".into()))]
        );
    }

    #[test]
    fn links_apply_in_order_and_at_their_own_level() {
        let from = [entry(District, "1.000001", "A", "")];
        let to = [entry(District, "1.000003", "C", "")];
        // B -> C happened before A -> B: the walk stops at B, which is gone.
        let reps = [
            replacement(3, District, "1.000002", "1.000003"),
            replacement(5, District, "1.000001", "1.000002"),
        ];
        assert_eq!(
            summary(&diff(&from, &to, &reps, at(1), at(9))),
            [1, 0, 0, 1]
        );
        // A replacement at another level does not link them.
        let reps = [replacement(5, Province, "1.000001", "1.000003")];
        assert_eq!(
            summary(&diff(&from, &to, &reps, at(1), at(9))),
            [1, 0, 0, 1]
        );
    }

    #[test]
    fn a_chain_whose_end_is_gone_is_a_repeal() {
        let from = [entry(Province, "1.000001", "A", "")];
        let to = [entry(Province, "1.000002", "B", "")];
        // A -> B, then B -> C, and C was repealed; B was added again on its own.
        let reps = [
            replacement(5, Province, "1.000001", "1.000002"),
            replacement(6, Province, "1.000002", "1.000003"),
        ];
        let changes = diff(&from, &to, &reps, at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [
                ("repealed", "1.000001".into(), None),
                ("added", "1.000002".into(), None),
            ]
        );
    }

    #[test]
    fn backwards_a_replacement_reads_new_to_old() {
        let older = [entry(Province, "1.000001", "A", "")];
        let newer = [entry(Province, "1.000003", "C", "")];
        let reps = [
            replacement(5, Province, "1.000001", "1.000002"),
            replacement(7, Province, "1.000002", "1.000003"),
        ];
        let changes = diff(&newer, &older, &reps, at(9), at(1));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000001".into(), Some("1.000003".into()))]
        );
        assert_eq!(changes[0].name, "A");
        assert_eq!(changes[0].decision.as_deref(), Some("5/QĐ"));
        let amended_back = diff(
            &[entry(Province, "1.000001", "A", "1")],
            &[entry(Province, "1.000001", "A", "0")],
            &[],
            at(9),
            at(1),
        );
        assert_eq!(amended_back[0].fields[0].old, "1");
    }

    #[test]
    fn two_walks_to_one_new_entry_pair_the_later_link() {
        let from = [
            entry(Province, "1.000001", "A", ""),
            entry(Province, "1.000002", "B", ""),
        ];
        let to = [entry(Province, "1.000009", "Z", "")];
        // A -> Z, Z repealed, then B -> Z.
        let reps = [
            replacement(3, Province, "1.000001", "1.000009"),
            replacement(6, Province, "1.000002", "1.000009"),
        ];
        let changes = diff(&from, &to, &reps, at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [
                ("repealed", "1.000001".into(), None),
                ("replaced", "1.000009".into(), Some("1.000002".into())),
            ]
        );
    }
}
