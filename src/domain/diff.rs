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
//!
//! Transfers between levels use the moved reading ([`read_moves`]): a code
//! whose entry at one level goes out of force and whose entry at another level
//! comes into force on one effective date, each by a plain repeal and a plain
//! addition, counts once, as moved from the one level to the other, instead of
//! a repeal and an addition. The levels are paired by [`pair_levels`].

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::rules::{Effect, OrderKey};
use super::version::{EntryVersion, standing_at};
use super::{CatalogEntry, Code, DETAIL_FIELDS, Day, Details, Level};

/// The kind of change of an entry between two versions of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Added = 0,
    Amended = 1,
    Replaced = 2,
    Repealed = 3,
    /// The code left one level and came in at another on one effective date.
    Moved = 4,
    /// An entry published without a code was given its code: one entry,
    /// before and after (a replacement of its provisional code).
    CodeAssigned = 5,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        ChangeKind::Added,
        ChangeKind::Amended,
        ChangeKind::Replaced,
        ChangeKind::Repealed,
        ChangeKind::Moved,
        ChangeKind::CodeAssigned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Amended => "amended",
            ChangeKind::Replaced => "replaced",
            ChangeKind::Repealed => "repealed",
            ChangeKind::Moved => "moved",
            ChangeKind::CodeAssigned => "code_assigned",
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
    /// The entry's level; for a move, the level it moved to.
    pub level: Level,
    /// The entry's code; for a replacement, the new code.
    pub code: Code,
    /// The name in the newer catalog; for a repeal, the last name it had.
    pub name: String,
    /// Amended and moved: every detail field that differs, in the order of
    /// [`DETAIL_FIELDS`] (for a move, between the entry at the old level and
    /// the entry at the new one).
    pub fields: Vec<FieldChange>,
    /// Replaced: the old code.
    pub replaces: Option<Code>,
    /// Replaced through a chain: the codes in between, in order.
    pub via: Vec<Code>,
    /// The decision that made the change, with the change's effective date:
    /// for an addition, the last change of the interval that put the entry
    /// in force; for an amendment, the decision of the entry's version in TO;
    /// for a repeal, the last repeal (or replacement) that took the entry out;
    /// for a replacement, the decision of the last link, the one that brought
    /// the new code in; for a move, the addition at the new level. A diff
    /// backwards names the decisions of the history it reads backwards.
    pub decision: Option<MadeBy>,
    /// Moved by two decisions: the one that repealed the entry at the old level.
    pub from_decision: Option<MadeBy>,
    /// Moved: the level the code left.
    pub from_level: Option<Level>,
}

/// A decision as the change it made names it: number, signing date (numbers
/// restart every year) and the effective date of the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadeBy {
    pub number: String,
    pub signed: Day,
    pub effective: Day,
}

impl MadeBy {
    fn of_entry(e: &CatalogEntry) -> Self {
        MadeBy {
            number: e.decision.clone(),
            signed: e.signed,
            effective: e.effective,
        }
    }

    fn of_version(v: &EntryVersion) -> Self {
        MadeBy {
            number: v.decision.clone(),
            signed: v.version.signed(),
            effective: v.version.effective(),
        }
    }

    fn at(number: &str, key: OrderKey) -> Self {
        MadeBy {
            number: number.to_owned(),
            signed: key.signed,
            effective: key.effective,
        }
    }
}

/// A stored change that puts an entry in force (an addition, the new side
/// of a replacement by another code) or takes it out (a repeal, the old
/// side of a replacement).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForceChange {
    pub key: OrderKey,
    pub level: Level,
    pub code: Code,
    /// The decision's number.
    pub decision: String,
    /// Whether the entry is in force after it.
    pub into_force: bool,
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
pub fn summary(changes: &[EntryChange]) -> [u64; 6] {
    let mut counts = [0; 6];
    for c in changes {
        counts[c.kind.index()] += 1;
    }
    counts
}

type EntryKey = (Level, Code);

/// A replacement as the diff walks it: from the older catalog's side to the newer's.
struct Link<'a> {
    key: OrderKey,
    level: Level,
    from: Code,
    to: Code,
    decision: &'a str,
}

/// The changes from the catalog `from` (at order bound `from_bound`) to the
/// catalog `to` (at `to_bound`), ordered by level, then code. `replacements`
/// and `force_changes` may hold more than the interval's; those outside it
/// are ignored. `force_changes` name the decisions of additions and repeals
/// (see [`EntryChange::decision`]).
pub fn diff(
    from: &[CatalogEntry],
    to: &[CatalogEntry],
    replacements: &[Replacement],
    force_changes: &[ForceChange],
    from_bound: OrderKey,
    to_bound: OrderKey,
) -> Vec<EntryChange> {
    let forward = from_bound <= to_bound;
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
                decision: Some(MadeBy::of_entry(if forward { e } else { old })),
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
                decision: Some(MadeBy::at(links[last].decision, links[last].key)),
                ..change(
                    if old.1.is_provisional() {
                        ChangeKind::CodeAssigned
                    } else {
                        ChangeKind::Replaced
                    },
                    e,
                )
            });
        }
    }
    // Read forward, a repeal was taken out of force in the history; read
    // backwards, it was put in force (and the other way round for additions).
    let settling = settling_lookup(force_changes, from_bound, to_bound);
    changes.extend(removed.iter().filter_map(|k| older.get(k)).map(|e| {
        let decision = settling(e.level, e.code, !forward).or_else(|| Some(MadeBy::of_entry(e)));
        EntryChange {
            decision,
            ..change(ChangeKind::Repealed, e)
        }
    }));
    changes.extend(added.iter().filter_map(|k| newer.get(k)).map(|e| {
        let decision = settling(e.level, e.code, forward).or_else(|| Some(MadeBy::of_entry(e)));
        EntryChange {
            decision,
            ..change(ChangeKind::Added, e)
        }
    }));
    changes.sort_by_key(|c| (c.level, c.code));
    changes
}

/// The decision that put an entry in force (`into_force`) or took it out in
/// the interval between the bounds, as the diff reads the history: going
/// forward the last such change, backward the first.
fn settling_lookup(
    force_changes: &[ForceChange],
    from_bound: OrderKey,
    to_bound: OrderKey,
) -> impl Fn(Level, Code, bool) -> Option<MadeBy> + '_ {
    let forward = from_bound <= to_bound;
    let (low, high) = if forward {
        (from_bound, to_bound)
    } else {
        (to_bound, from_bound)
    };
    let mut settling: FxHashMap<(Level, Code, bool), &ForceChange> = FxHashMap::default();
    for r in force_changes
        .iter()
        .filter(|r| r.key > low && r.key <= high)
    {
        let slot = settling.entry((r.level, r.code, r.into_force)).or_insert(r);
        if (forward && r.key > slot.key) || (!forward && r.key < slot.key) {
            *slot = r;
        }
    }
    move |level, code, into_force| {
        settling
            .get(&(level, code, into_force))
            .map(|r| MadeBy::at(&r.decision, r.key))
    }
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
                key: r.key,
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
        from_decision: None,
        from_level: None,
    }
}

fn field_changes(old: &CatalogEntry, new: &CatalogEntry) -> Vec<FieldChange> {
    details_changes(&old.details, &new.details)
}

fn details_changes(old: &Details, new: &Details) -> Vec<FieldChange> {
    let (before, after) = (old.as_array(), new.as_array());
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

/// Half of a possible move between levels: a plain addition or a plain repeal
/// of a code's entry at a level, effective on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChange {
    pub effective: Day,
    pub code: Code,
    pub level: Level,
    /// An addition (the entry comes into force); otherwise a repeal.
    pub into_force: bool,
}

/// Pairs the levels a code left on one date (`outs`) with the levels it came
/// in at on that date (`ins`): each at most once, never a level with itself.
/// The nearest levels pair first; of two equally near, the level below the
/// old one first (district to commune before district to province); then in
/// the order of [`Level::ALL`], old level first. Returns pairs of indexes
/// (into `outs`, into `ins`), in the order of `outs`.
pub fn pair_levels(outs: &[Level], ins: &[Level]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, bool, Level, Level, usize, usize)> = Vec::new();
    for (i, &from) in outs.iter().enumerate() {
        for (j, &to) in ins.iter().enumerate() {
            if from != to {
                let distance = from.index().abs_diff(to.index());
                candidates.push((distance, to < from, from, to, i, j));
            }
        }
    }
    candidates.sort_unstable();
    let (mut out_used, mut in_used) = (vec![false; outs.len()], vec![false; ins.len()]);
    let mut pairs = Vec::new();
    for (.., i, j) in candidates {
        if !out_used[i] && !in_used[j] {
            out_used[i] = true;
            in_used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The moves among plain additions and repeals: for each code and effective
/// date, its repeals paired with its additions by [`pair_levels`]. Returns
/// pairs of indexes into `changes` (the repeal, the addition), in the order
/// of the repeals.
pub fn pair_moves(changes: &[LevelChange]) -> Vec<(usize, usize)> {
    type Sides = (Vec<usize>, Vec<usize>);
    let mut groups: FxHashMap<(Code, Day), Sides> = FxHashMap::default();
    for (i, c) in changes.iter().enumerate() {
        let (outs, ins) = groups.entry((c.code, c.effective)).or_default();
        if c.into_force {
            ins.push(i);
        } else {
            outs.push(i);
        }
    }
    let mut pairs = Vec::new();
    for (outs, ins) in groups.values() {
        if outs.is_empty() || ins.is_empty() {
            continue;
        }
        let levels =
            |at: &[usize]| -> Vec<Level> { at.iter().map(|&i| changes[i].level).collect() };
        pairs.extend(
            pair_levels(&levels(outs), &levels(ins))
                .into_iter()
                .map(|(o, n)| (outs[o], ins[n])),
        );
    }
    pairs.sort_unstable();
    pairs
}

/// The codes a diff's changes may hold a move of: those with both a repealed
/// and an added entry, in order. The moved reading needs their versions.
pub fn move_candidates(changes: &[EntryChange]) -> Vec<Code> {
    let of_kind = |kind| -> BTreeSet<Code> {
        changes
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.code)
            .collect()
    };
    of_kind(ChangeKind::Repealed)
        .intersection(&of_kind(ChangeKind::Added))
        .copied()
        .collect()
}

/// The moved reading of a diff's changes (those [`diff`] gives between the
/// same bounds). For each repealed or added entry, the change of the
/// interval that settles it counts: going from FROM to TO, the last one that
/// takes it out of force (repealed) or into force (added); a diff backwards
/// reads the first addition of the history as the repeal and the first
/// repeal as the addition. When that change is a plain repeal or a plain
/// addition, the entry is half of a possible move; the halves of one code
/// with the same effective date are paired by [`pair_levels`], whatever
/// decisions of that date made them, and each pair becomes one moved change,
/// at the new level, with the detail fields that differ between the entry at
/// the old level in FROM and the entry at the new level in TO.
///
/// `versions` are the stored versions of (at least) the codes of
/// [`move_candidates`], each entry's together and in rule order; the
/// versions of other codes are ignored.
pub fn read_moves(
    mut changes: Vec<EntryChange>,
    versions: &[EntryVersion],
    from_bound: OrderKey,
    to_bound: OrderKey,
) -> Vec<EntryChange> {
    let forward = from_bound <= to_bound;
    let (low, high) = if forward {
        (from_bound, to_bound)
    } else {
        (to_bound, from_bound)
    };
    let entries: FxHashMap<EntryKey, &[EntryVersion]> = versions
        .chunk_by(|a, b| a.version.level == b.version.level && a.version.code == b.version.code)
        .filter_map(|e| e.first().map(|v| ((v.version.level, v.version.code), e)))
        .collect();
    let mut sides: Vec<LevelChange> = Vec::new();
    // For each half: the change's index, its entry's versions, the settling version.
    let mut found: Vec<(usize, &[EntryVersion], &EntryVersion)> = Vec::new();
    for (i, c) in changes.iter().enumerate() {
        let into_force = match c.kind {
            ChangeKind::Added => true,
            ChangeKind::Repealed => false,
            _ => continue,
        };
        let Some(&entry) = entries.get(&(c.level, c.code)) else {
            continue;
        };
        // Read backwards, what comes into force was repealed in the history.
        let history_adds = into_force == forward;
        let wanted = if history_adds {
            Effect::Add
        } else {
            Effect::Repeal
        };
        let mut inside = entry
            .iter()
            .filter(|v| v.version.key > low && v.version.key <= high)
            .filter(|v| v.version.effect() == wanted);
        let settling = if forward {
            inside.next_back()
        } else {
            inside.next()
        };
        let Some(v) = settling else { continue };
        if v.version.plain_side() != Some(history_adds) {
            continue;
        }
        sides.push(LevelChange {
            effective: v.version.effective(),
            code: c.code,
            level: c.level,
            into_force,
        });
        found.push((i, entry, v));
    }
    let mut gone = vec![false; changes.len()];
    let mut moved = Vec::new();
    for (o, n) in pair_moves(&sides) {
        let ((oi, old_entry, old_v), (ni, new_entry, new_v)) = (found[o], found[n]);
        let (Some((_, old)), Some((_, new))) = (
            standing_at(old_entry, from_bound),
            standing_at(new_entry, to_bound),
        ) else {
            continue;
        };
        let from_decision = (old_v.version.key.decision_seq != new_v.version.key.decision_seq)
            .then(|| MadeBy::of_version(old_v));
        gone[oi] = true;
        gone[ni] = true;
        moved.push(EntryChange {
            kind: ChangeKind::Moved,
            level: changes[ni].level,
            code: changes[ni].code,
            name: changes[ni].name.clone(),
            fields: details_changes(&old.details, &new.details),
            replaces: None,
            via: Vec::new(),
            decision: Some(MadeBy {
                effective: sides[n].effective,
                ..MadeBy::of_version(new_v)
            }),
            from_decision,
            from_level: Some(changes[oi].level),
        });
    }
    let mut i = 0;
    changes.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
    changes.extend(moved);
    changes.sort_by_key(|c| (c.level, c.code));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::Role;
    use crate::domain::version::Version;
    use crate::domain::{Action, Counts, Day, Details};

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
            signed: Day::from_number(0),
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
        let changes = diff(&from, &to, &[], &[], at(1), at(2));
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
        assert_eq!(summary(&changes), [2, 1, 0, 1, 0, 0]);
    }

    #[test]
    fn same_details_are_no_change() {
        let from = [entry(Province, "1.000001", "A", "0")];
        let mut to = from.clone();
        to[0].decision = "9/QĐ".into();
        to[0].effective = Day::from_number(5);
        assert!(diff(&from, &to, &[], &[], at(1), at(9)).is_empty());
    }

    #[test]
    fn a_direct_replacement_counts_once() {
        let from = [entry(Province, "1.000001", "A", "")];
        let to = [entry(Province, "1.000002", "B", "")];
        let reps = [replacement(5, Province, "1.000001", "1.000002")];
        let changes = diff(&from, &to, &reps, &[], at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000002".into(), Some("1.000001".into()))]
        );
        assert_eq!(
            changes[0].decision.as_ref().map(|d| d.number.as_str()),
            Some("5/QĐ")
        );
        assert!(changes[0].via.is_empty());
        // Outside the interval, the replacement does not link them.
        let changes = diff(&from, &to, &reps, &[], at(5), at(9));
        assert_eq!(summary(&changes), [1, 0, 0, 1, 0, 0]);
    }

    #[test]
    fn a_chain_reads_as_one_replacement_from_first_to_last() {
        let from = [entry(Province, "1.000001", "A", "")];
        let to = [entry(Province, "1.000003", "C", "")];
        let reps = [
            replacement(5, Province, "1.000001", "1.000002"),
            replacement(7, Province, "1.000002", "1.000003"),
        ];
        let changes = diff(&from, &to, &reps, &[], at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000003".into(), Some("1.000001".into()))]
        );
        assert_eq!(changes[0].via, [code("1.000002")]);
        assert_eq!(
            changes[0].decision.as_ref().map(|d| d.number.as_str()),
            Some("7/QĐ")
        );
        // From the middle of the chain, the later link alone.
        let middle = [entry(Province, "1.000002", "B", "")];
        let changes = diff(&middle, &to, &reps, &[], at(6), at(9));
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
            summary(&diff(&from, &to, &reps, &[], at(1), at(9))),
            [1, 0, 0, 1, 0, 0]
        );
        // A replacement at another level does not link them.
        let reps = [replacement(5, Province, "1.000001", "1.000003")];
        assert_eq!(
            summary(&diff(&from, &to, &reps, &[], at(1), at(9))),
            [1, 0, 0, 1, 0, 0]
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
        let changes = diff(&from, &to, &reps, &[], at(1), at(9));
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
        let changes = diff(&newer, &older, &reps, &[], at(9), at(1));
        assert_eq!(
            kinds(&changes),
            [("replaced", "1.000001".into(), Some("1.000003".into()))]
        );
        assert_eq!(changes[0].name, "A");
        assert_eq!(
            changes[0].decision.as_ref().map(|d| d.number.as_str()),
            Some("5/QĐ")
        );
        let amended_back = diff(
            &[entry(Province, "1.000001", "A", "1")],
            &[entry(Province, "1.000001", "A", "0")],
            &[],
            &[],
            at(9),
            at(1),
        );
        assert_eq!(amended_back[0].fields[0].old, "1");
    }

    fn version(
        day: i32,
        seq: u32,
        level: Level,
        c: &str,
        action: Action,
        agency: &str,
    ) -> EntryVersion {
        let details = Details {
            name: format!("N{c}"),
            agency: agency.into(),
            ..Details::default()
        };
        EntryVersion {
            version: Version {
                code: code(c),
                level,
                key: OrderKey {
                    effective: Day::from_number(day),
                    signed: Day::from_number(day),
                    decision_seq: seq,
                    row: 0,
                },
                action,
                role: Role::Primary,
                other_code: None,
                given: details.given_mask(),
                line: 2,
            },
            details,
            decision: format!("{seq}/QĐ"),
            file: "qd.csv".into(),
            provenance: None,
        }
    }

    /// The catalog a set of versions gives at a bound.
    fn catalog(versions: &[EntryVersion], bound: OrderKey) -> Vec<CatalogEntry> {
        versions
            .chunk_by(|a, b| (a.version.level, a.version.code) == (b.version.level, b.version.code))
            .filter_map(|e| standing_at(e, bound))
            .filter(|(_, v)| v.version.in_force())
            .map(|(_, v)| CatalogEntry {
                level: v.version.level,
                code: v.version.code,
                details: v.details.clone(),
                decision: v.decision.clone(),
                signed: v.version.signed(),
                effective: v.version.effective(),
            })
            .collect()
    }

    /// The changes in and out of force a set of versions holds.
    fn force_changes(versions: &[EntryVersion]) -> Vec<ForceChange> {
        versions
            .iter()
            .filter(|v| matches!(v.version.effect(), Effect::Add | Effect::Repeal))
            .map(|v| ForceChange {
                key: v.version.key,
                level: v.version.level,
                code: v.version.code,
                decision: v.decision.clone(),
                into_force: v.version.effect() == Effect::Add,
            })
            .collect()
    }

    #[test]
    fn every_change_names_the_decision_that_made_it_and_its_effective_date() {
        let versions = [
            version(1, 1, Province, "1.000001", Action::Added, "A"),
            version(3, 3, Province, "1.000001", Action::Amended, "B"),
            version(1, 1, Province, "1.000002", Action::Added, "A"),
            version(4, 4, Province, "1.000002", Action::Repealed, "A"),
            version(6, 6, Province, "1.000003", Action::Added, "A"),
            version(7, 7, Province, "1.000003", Action::Amended, "B"),
        ];
        let named = |changes: &[EntryChange]| -> Vec<(&str, String, String, i32)> {
            changes
                .iter()
                .map(|c| {
                    let d = c
                        .decision
                        .as_ref()
                        .expect("every change names its decision");
                    (
                        c.kind.as_str(),
                        c.code.to_string(),
                        d.number.clone(),
                        d.effective.number(),
                    )
                })
                .collect()
        };
        let (plain, _) = readings(&versions, at(2), at(9));
        assert_eq!(
            named(&plain),
            [
                ("amended", "1.000001".into(), "3/QĐ".into(), 3),
                ("repealed", "1.000002".into(), "4/QĐ".into(), 4),
                ("added", "1.000003".into(), "6/QĐ".into(), 6),
            ]
        );
        // Backwards: the history read backwards names the same decisions.
        let (back, _) = readings(&versions, at(9), at(2));
        assert_eq!(
            named(&back),
            [
                ("amended", "1.000001".into(), "3/QĐ".into(), 3),
                ("added", "1.000002".into(), "4/QĐ".into(), 4),
                ("repealed", "1.000003".into(), "6/QĐ".into(), 6),
            ]
        );
    }

    /// Both readings of the diff between two bounds.
    fn readings(
        versions: &[EntryVersion],
        from: OrderKey,
        to: OrderKey,
    ) -> (Vec<EntryChange>, Vec<EntryChange>) {
        let plain = diff(
            &catalog(versions, from),
            &catalog(versions, to),
            &[],
            &force_changes(versions),
            from,
            to,
        );
        assert!(move_candidates(&plain).windows(2).all(|w| w[0] < w[1]));
        let moved = read_moves(plain.clone(), versions, from, to);
        (plain, moved)
    }

    #[test]
    fn levels_pair_nearest_first_then_downwards() {
        // District to commune before district to province.
        assert_eq!(pair_levels(&[District], &[Province, Commune]), [(0, 1)]);
        // Both gone, one new level: the nearer old level moves.
        assert_eq!(pair_levels(&[Province, District], &[Commune]), [(1, 0)]);
        assert_eq!(pair_levels(&[Province], &[Commune, District]), [(0, 1)]);
        assert_eq!(pair_levels(&[Commune], &[Province, District]), [(0, 1)]);
        assert_eq!(
            pair_levels(&[Province, District], &[District, Commune]),
            [(0, 0), (1, 1)]
        );
        // Never a level with itself.
        assert!(pair_levels(&[Commune], &[Commune]).is_empty());
        assert!(pair_levels(&[], &[Commune]).is_empty());
    }

    #[test]
    fn moves_pair_per_code_and_effective_date() {
        let side = |day, c: &str, level, into_force| LevelChange {
            effective: Day::from_number(day),
            code: code(c),
            level,
            into_force,
        };
        let changes = [
            side(5, "1.000001", District, false),
            side(5, "1.000002", Commune, true),
            side(5, "1.000001", Commune, true),
            side(6, "1.000002", District, false),
            side(5, "1.000001", Province, true),
        ];
        assert_eq!(pair_moves(&changes), [(0, 2)]);
    }

    #[test]
    fn a_repeal_and_an_addition_at_another_level_on_one_date_read_as_moved() {
        let versions = [
            version(1, 1, District, "1.000001", Action::Added, "UBND cấp huyện"),
            version(
                5,
                5,
                District,
                "1.000001",
                Action::Repealed,
                "UBND cấp huyện",
            ),
            version(5, 5, Commune, "1.000001", Action::Added, "UBND cấp xã"),
            version(1, 1, District, "1.000002", Action::Added, ""),
            version(5, 5, District, "1.000002", Action::Repealed, ""),
        ];
        let (plain, moved) = readings(&versions, at(2), at(9));
        assert_eq!(summary(&plain), [1, 0, 0, 2, 0, 0]);
        assert_eq!(summary(&moved), [0, 0, 0, 1, 1, 0]);
        let m = &moved[1];
        assert_eq!(
            (m.kind, m.level, m.from_level, m.code),
            (ChangeKind::Moved, Commune, Some(District), code("1.000001"))
        );
        assert_eq!(m.decision.as_ref().map(|d| d.number.as_str()), Some("5/QĐ"));
        assert_eq!(
            m.decision.as_ref().map(|d| d.effective),
            Some(Day::from_number(5))
        );
        assert_eq!(m.name, "N1.000001");
        assert_eq!(
            m.fields,
            [FieldChange {
                field: "agency",
                old: "UBND cấp huyện".into(),
                new: "UBND cấp xã".into()
            }]
        );
        // Read backwards, the code moves back up.
        let (_, back) = readings(&versions, at(9), at(2));
        assert_eq!(summary(&back), [1, 0, 0, 0, 1, 0]);
        let m = back.iter().find(|c| c.kind == ChangeKind::Moved).unwrap();
        assert_eq!((m.from_level, m.level), (Some(Commune), District));
        assert_eq!(m.fields[0].new, "UBND cấp huyện");
    }

    #[test]
    fn a_move_needs_one_effective_date_not_one_decision() {
        let versions = [
            version(1, 1, District, "1.000001", Action::Added, ""),
            version(5, 5, District, "1.000001", Action::Repealed, ""),
            version(5, 6, Commune, "1.000001", Action::Added, ""),
            version(1, 1, District, "1.000002", Action::Added, ""),
            version(5, 5, District, "1.000002", Action::Repealed, ""),
            version(6, 7, Commune, "1.000002", Action::Added, ""),
        ];
        let (_, moved) = readings(&versions, at(2), at(9));
        let kinds: Vec<_> = moved.iter().map(|c| (c.kind, c.level, c.code)).collect();
        assert_eq!(
            kinds,
            [
                (ChangeKind::Repealed, District, code("1.000002")),
                (ChangeKind::Moved, Commune, code("1.000001")),
                (ChangeKind::Added, Commune, code("1.000002")),
            ]
        );
        assert_eq!(
            moved[1].from_decision.as_ref().map(|d| d.number.as_str()),
            Some("5/QĐ")
        );
        assert_eq!(
            moved[1].decision.as_ref().map(|d| d.number.as_str()),
            Some("6/QĐ")
        );
        assert!(moved[1].fields.is_empty());
        // Outside the interval, nothing to pair.
        assert!(
            readings(&versions, at(5), at(9))
                .1
                .iter()
                .all(|c| c.kind != ChangeKind::Moved)
        );
    }

    #[test]
    fn replacements_and_earlier_repeals_are_not_moves() {
        let mut replaced = version(5, 5, District, "1.000001", Action::Replaced, "");
        replaced.version.role = Role::Replaced;
        replaced.version.other_code = Some(code("1.000009"));
        let versions = [
            version(1, 1, District, "1.000001", Action::Added, ""),
            replaced,
            version(5, 5, Commune, "1.000001", Action::Added, ""),
            // Repealed at district, added and repealed again, then added at commune later.
            version(1, 1, District, "1.000002", Action::Added, ""),
            version(3, 3, District, "1.000002", Action::Repealed, ""),
            version(4, 4, District, "1.000002", Action::Added, ""),
            version(6, 6, District, "1.000002", Action::Repealed, ""),
            version(3, 3, Commune, "1.000002", Action::Added, ""),
        ];
        let (plain, moved) = readings(&versions, at(2), at(9));
        assert_eq!(plain, moved);
    }

    #[test]
    fn a_code_added_at_two_levels_moves_to_the_nearer_one_below() {
        let versions = [
            version(1, 1, District, "1.000001", Action::Added, ""),
            version(5, 5, District, "1.000001", Action::Repealed, ""),
            version(5, 5, Province, "1.000001", Action::Added, ""),
            version(5, 5, Commune, "1.000001", Action::Added, ""),
        ];
        let (_, moved) = readings(&versions, at(2), at(9));
        let kinds: Vec<_> = moved
            .iter()
            .map(|c| (c.kind, c.level, c.from_level))
            .collect();
        assert_eq!(
            kinds,
            [
                (ChangeKind::Added, Province, None),
                (ChangeKind::Moved, Commune, Some(District)),
            ]
        );
    }

    /// The net change of entries per level that a diff's changes describe.
    fn per_level(changes: &[EntryChange]) -> [i64; 3] {
        let mut net = [0; 3];
        for c in changes {
            match c.kind {
                ChangeKind::Added => net[c.level.index()] += 1,
                ChangeKind::Repealed => net[c.level.index()] -= 1,
                ChangeKind::Moved => {
                    net[c.level.index()] += 1;
                    net[c.from_level.unwrap().index()] -= 1;
                }
                ChangeKind::Amended | ChangeKind::Replaced | ChangeKind::CodeAssigned => {}
            }
        }
        net
    }

    #[test]
    fn both_readings_give_the_counts_per_level_of_the_catalogs() {
        // Generated histories: each entry flips in and out of force on a few days.
        let mut seed = 0x2545_f491_u32;
        let mut random = |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        let mut all_moves = 0;
        for _ in 0..200 {
            let mut versions = Vec::new();
            for c in 1..=4 {
                let c = format!("1.00000{c}");
                for level in Level::ALL {
                    let mut in_force = false;
                    for day in 1..=6 {
                        if random(3) == 0 {
                            let action = if in_force {
                                Action::Repealed
                            } else {
                                Action::Added
                            };
                            let agency = format!("{}", random(2));
                            versions.push(version(day, day as u32, level, &c, action, &agency));
                            in_force = !in_force;
                        }
                    }
                }
            }
            let (from, to) = (
                at(i32::try_from(random(7)).unwrap()),
                at(i32::try_from(random(7)).unwrap()),
            );
            let (plain, moved) = readings(&versions, from, to);
            let counts = |bound| {
                let c = Counts::of(&catalog(&versions, bound));
                Level::ALL.map(|l| i64::try_from(c.level(l)).unwrap())
            };
            let (before, after) = (counts(from), counts(to));
            let net: [i64; 3] = std::array::from_fn(|i| after[i] - before[i]);
            assert_eq!(per_level(&plain), net);
            assert_eq!(per_level(&moved), net);
            let [added, amended, replaced, repealed, n_moved, _] = summary(&moved);
            assert_eq!(
                summary(&plain),
                [added + n_moved, amended, replaced, repealed + n_moved, 0, 0]
            );
            all_moves += n_moved;
        }
        assert!(all_moves > 0);
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
        let changes = diff(&from, &to, &reps, &[], at(1), at(9));
        assert_eq!(
            kinds(&changes),
            [
                ("repealed", "1.000001".into(), None),
                ("replaced", "1.000009".into(), Some("1.000002".into())),
            ]
        );
    }
}
