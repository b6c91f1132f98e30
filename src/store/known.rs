//! The catalog as it was known at a moment (`--known-at`): before decisions
//! imported later, and without the corrections made later.
//!
//! The validity intervals and details stored are those of the catalog as now
//! known. Only the entries whose history the later links changed differ: the
//! entries of decisions imported later, and of the rows later corrections
//! put in or took out. Those are rebuilt from their recorded versions (the
//! cells each row gave, replayed in rule order); the rest is read as usual.

use std::collections::BTreeSet;

use rusqlite::params;

use super::{
    AppliedDecision, LevelStep, LoggedDecision, Result, Store, UpcomingChange, parse_code,
    parse_level,
};
use crate::domain::correction::{Corrections, Knowledge, Standing};
use crate::domain::diff::{ForceChange, Replacement};
use crate::domain::rules::{Role, merge};
use crate::domain::version::{EntryVersion, standing_at};
use crate::domain::{Action, CatalogEntry, Code, Counts, Day, Details, Level, Point};

/// What the store knew at a moment, and which entries it knew otherwise than now.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    pub knowledge: Knowledge,
    pub corrections: Corrections,
    /// The entries (level, code) whose history differs from the one stored now.
    changed: BTreeSet<(Level, Code)>,
}

impl Known {
    /// Whether this is the catalog as now known.
    pub(crate) fn is_now(&self) -> bool {
        self.knowledge.is_all()
    }
}

/// One entry's recorded versions (in rule order) as known: those recorded
/// by then, each with where it stands; the details of those in the catalog
/// rebuilt from the cells their rows gave, unless everything recorded is known.
pub(crate) fn as_known<'c>(
    versions: Vec<(i64, EntryVersion)>,
    corrections: &'c Corrections,
    knowledge: &Knowledge,
) -> Vec<(EntryVersion, Standing<'c>)> {
    let mut out = Vec::with_capacity(versions.len());
    let mut previous: Option<(Level, Code, Details)> = None;
    for (id, mut v) in versions {
        let standing = corrections.standing(v.version.key.decision_seq, id, knowledge);
        match standing {
            Standing::Unknown => continue,
            Standing::Live { .. } if !knowledge.is_all() => {
                let entry = (v.version.level, v.version.code);
                let before = match &previous {
                    Some((level, code, details)) if (*level, *code) == entry => details.clone(),
                    _ => Details::default(),
                };
                let given = v.details.masked(v.version.given);
                v.details = if v.version.effect().inherits_details() {
                    merge(&before, &given)
                } else {
                    given
                };
                previous = Some((entry.0, entry.1, v.details.clone()));
            }
            _ => {}
        }
        out.push((v, standing));
    }
    out
}

impl Store {
    /// What was known with this knowledge.
    pub(crate) fn known(&self, knowledge: Knowledge) -> Result<Known> {
        let corrections = self.corrections()?;
        let mut changed = BTreeSet::new();
        if !knowledge.is_all() {
            let mut ranges = corrections.changed_since(&knowledge);
            let mut later = self.conn.prepare_cached(
                "SELECT id, first_version, last_version FROM decisions WHERE id >= ?1",
            )?;
            let rows = later.query_map(params![knowledge.decisions_before], |r| {
                Ok((r.get::<_, u32>(0)?, (r.get(1)?, r.get(2)?)))
            })?;
            for row in rows {
                let (decision, range) = row?;
                ranges.push((decision, range));
                for c in corrections.of(decision) {
                    ranges.push((decision, c.versions));
                    ranges.push((decision, c.taken));
                }
            }
            let mut entries = self.conn.prepare_cached(
                "SELECT DISTINCT code, level FROM versions
                 WHERE id BETWEEN ?1 AND ?2 AND decision_id = ?3",
            )?;
            for (decision, (first, last)) in ranges {
                let rows = entries.query_map(params![first, last, decision], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })?;
                for row in rows {
                    let (code, level) = row?;
                    changed.insert((parse_level(level)?, parse_code(&code)?));
                }
            }
        }
        Ok(Known {
            knowledge,
            corrections,
            changed,
        })
    }

    /// The latest effective date of the rows of a decision as known, when a
    /// correction made since changed them; `None` when it did not, or when
    /// no row of it was in the catalog.
    pub(crate) fn edition_effective_last(
        &self,
        decision: u32,
        known: &Known,
    ) -> Result<Option<Day>> {
        if known
            .corrections
            .of(decision)
            .all(|c| known.knowledge.knows(c))
        {
            return Ok(None);
        }
        let (first, last) = known
            .corrections
            .edition(decision, (0, -1), &known.knowledge);
        let day: Option<i32> = self.conn.query_row(
            "SELECT max(effective) FROM versions WHERE id BETWEEN ?1 AND ?2 AND decision_id = ?3",
            params![first, last, decision],
            |r| r.get(0),
        )?;
        Ok(day.map(Day::from_number))
    }

    /// A logged decision as known: when a correction made since changed its
    /// rows, its entry changes per action, rows and effective dates are those
    /// of its rows as known then (none for rows all taken out).
    pub(crate) fn logged_as_known(&self, d: &mut LoggedDecision, known: &Known) -> Result<()> {
        if known.corrections.of(d.id).all(|c| known.knowledge.knows(c)) {
            return Ok(());
        }
        let (first, last) = known.corrections.edition(d.id, (0, -1), &known.knowledge);
        let (actions, rows, days): ([i64; 4], i64, (Option<i32>, Option<i32>)) =
            self.conn.query_row(
                "SELECT coalesce(sum(role = 0 AND action = 0), 0),
                        coalesce(sum(role = 0 AND action = 1), 0),
                        coalesce(sum(role = 0 AND action = 2), 0),
                        coalesce(sum(role = 0 AND action = 3), 0),
                        count(DISTINCT row_no), min(effective), max(effective)
                 FROM versions WHERE id BETWEEN ?1 AND ?2 AND decision_id = ?3",
                params![first, last, d.id],
                |r| {
                    Ok((
                        [r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?],
                        r.get(4)?,
                        (r.get(5)?, r.get(6)?),
                    ))
                },
            )?;
        d.actions = actions.map(|n| n.max(0).unsigned_abs());
        d.rows = rows.max(0).unsigned_abs();
        if let (Some(a), Some(b)) = days {
            d.effective_first = Day::from_number(a);
            d.effective_last = Day::from_number(b);
        }
        Ok(())
    }

    /// The decision whose change is the latest one (in the order the rules
    /// apply changes) at or before the point, as known.
    pub(crate) fn last_applied_known(
        &self,
        point: &Point,
        known: &Known,
    ) -> Result<Option<AppliedDecision>> {
        if known.is_now() {
            return self.last_applied(point);
        }
        let k = &known.knowledge;
        let bound = point.bound();
        let corrected_since = |id: u32| known.corrections.of(id).any(|c| !k.knows(c));
        // The days stored for the decisions known whose rows no later
        // correction changed; the latest that is known is the one.
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.number, d.signed, e.effective
             FROM decision_days AS e JOIN decisions AS d ON d.id = e.decision_id
             WHERE e.effective <= ?1
               AND (e.effective < ?1 OR d.signed < ?2 OR (d.signed = ?2 AND d.id <= ?3))
             ORDER BY e.effective DESC, d.signed DESC, d.id DESC",
        )?;
        let mut rows = stmt.query(params![
            bound.effective.number(),
            bound.signed.number(),
            bound.decision_seq
        ])?;
        let mut best: Option<(Day, Day, u32, String)> = None;
        while let Some(r) = rows.next()? {
            let id: u32 = r.get(0)?;
            if k.knows_decision(id) && !corrected_since(id) {
                best = Some((
                    Day::from_number(r.get(3)?),
                    Day::from_number(r.get(2)?),
                    id,
                    r.get(1)?,
                ));
                break;
            }
        }
        // The decisions known whose rows a later correction changed: their
        // days as known.
        let mut changed: Vec<u32> = known
            .corrections
            .all()
            .iter()
            .filter(|c| !k.knows(c) && k.knows_decision(c.decision))
            .map(|c| c.decision)
            .collect();
        changed.dedup();
        let mut days = self.conn.prepare_cached(
            "SELECT d.number, d.signed, v.effective FROM versions AS v
             JOIN decisions AS d ON d.id = v.decision_id
             WHERE v.id BETWEEN ?1 AND ?2 AND v.decision_id = ?3",
        )?;
        for id in changed {
            let (first, last) = known.corrections.edition(id, (0, -1), k);
            let rows = days.query_map(params![first, last, id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i32>(1)?,
                    r.get::<_, i32>(2)?,
                ))
            })?;
            for row in rows {
                let (number, signed, effective) = row?;
                let candidate = (
                    Day::from_number(effective),
                    Day::from_number(signed),
                    id,
                    number,
                );
                let key = crate::domain::rules::OrderKey {
                    effective: candidate.0,
                    signed: candidate.1,
                    decision_seq: id,
                    row: 0,
                };
                if point.includes(key)
                    && best
                        .as_ref()
                        .is_none_or(|b| (b.0, b.1, b.2) < (candidate.0, candidate.1, candidate.2))
                {
                    best = Some(candidate);
                }
            }
        }
        Ok(best.map(|(effective, signed, _, number)| AppliedDecision {
            number,
            signed,
            effective,
        }))
    }

    /// The versions of a code's entries (at one level, or all) in the
    /// catalog as known, by level then rule order.
    pub(crate) fn entry_versions_known(
        &self,
        code: Code,
        level: Option<Level>,
        known: &Known,
    ) -> Result<Vec<EntryVersion>> {
        if known.is_now() {
            return self.entry_versions(code, level);
        }
        Ok(as_known(
            self.recorded_versions(code, level)?,
            &known.corrections,
            &known.knowledge,
        )
        .into_iter()
        .filter(|(_, s)| matches!(s, Standing::Live { .. }))
        .map(|(v, _)| v)
        .collect())
    }

    /// Turns the catalog at a point as now known (all of it, or the entries
    /// `keep` selects) into the catalog at that point as known, in catalog order.
    pub(crate) fn as_known_at(
        &self,
        point: &Point,
        known: &Known,
        mut entries: Vec<CatalogEntry>,
        keep: impl Fn(&CatalogEntry) -> bool,
    ) -> Result<Vec<CatalogEntry>> {
        if known.changed.is_empty() {
            return Ok(entries);
        }
        entries.retain(|e| !known.changed.contains(&(e.level, e.code)));
        for &(level, code) in &known.changed {
            let versions = self.entry_versions_known(code, Some(level), known)?;
            if let Some((_, v)) = standing_at(&versions, point.bound())
                && v.version.in_force()
            {
                let entry = CatalogEntry {
                    level,
                    code,
                    details: v.details.clone(),
                    decision: v.decision.clone(),
                    signed: v.version.signed(),
                    effective: v.version.effective(),
                };
                if keep(&entry) {
                    entries.push(entry);
                }
            }
        }
        crate::domain::sort_catalog(&mut entries);
        Ok(entries)
    }

    /// The catalog at a point as known, ordered by level, field, code.
    pub(crate) fn catalog_known(&self, point: &Point, known: &Known) -> Result<Vec<CatalogEntry>> {
        let entries = self.catalog_at(point)?;
        self.as_known_at(point, known, entries, |_| true)
    }

    /// The catalog at a point as known, read on this connection only.
    pub(crate) fn catalog_known_alone(
        &self,
        point: &Point,
        known: &Known,
    ) -> Result<Vec<CatalogEntry>> {
        let entries = self.catalog_at_alone(point)?;
        self.as_known_at(point, known, entries, |_| true)
    }

    /// The counts of the catalog at a point as known.
    pub(crate) fn counts_known(&self, point: &Point, known: &Known) -> Result<Counts> {
        if known.changed.is_empty() {
            return self.counts_at(point);
        }
        Ok(Counts::of(&self.catalog_known(point, known)?))
    }

    /// The replacements by another code effective from `first` to `last`
    /// (both included) as known.
    pub(crate) fn replacements_known(
        &self,
        first: Day,
        last: Day,
        known: &Known,
    ) -> Result<Vec<Replacement>> {
        let mut out = self.replacements(first, last)?;
        if known.changed.is_empty() {
            return Ok(out);
        }
        out.retain(|r| !known.changed.contains(&(r.level, r.new)));
        for &(level, code) in &known.changed {
            for e in self.entry_versions_known(code, Some(level), known)? {
                let v = &e.version;
                if let (Action::Replaced, Role::Primary, Some(old)) =
                    (v.action, v.role, v.replaces())
                    && (first..=last).contains(&v.effective())
                {
                    out.push(Replacement {
                        key: v.key,
                        level,
                        old,
                        new: code,
                        decision: e.decision.clone(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// The changes in and out of force (as [`Store::force_changes`]) as known.
    pub(crate) fn force_changes_known(
        &self,
        first: Day,
        last: Day,
        known: &Known,
    ) -> Result<Vec<ForceChange>> {
        let mut out = self.force_changes(first, last)?;
        if known.changed.is_empty() {
            return Ok(out);
        }
        out.retain(|r| !known.changed.contains(&(r.level, r.code)));
        for &(level, code) in &known.changed {
            for e in self.entry_versions_known(code, Some(level), known)? {
                let v = &e.version;
                let effect = v.effect();
                if matches!(
                    effect,
                    crate::domain::rules::Effect::Add | crate::domain::rules::Effect::Repeal
                ) && (first..=last).contains(&v.effective())
                {
                    out.push(ForceChange {
                        key: v.key,
                        level,
                        code,
                        decision: e.decision.clone(),
                        into_force: effect == crate::domain::rules::Effect::Add,
                    });
                }
            }
        }
        Ok(out)
    }

    /// The steps of the entries in force per level (as [`Store::level_steps`])
    /// as known: those of the entries whose history differs are taken off
    /// and their steps as known put in.
    pub(crate) fn level_steps_known(&self, known: &Known) -> Result<Vec<LevelStep>> {
        let steps = self.level_steps()?;
        if known.changed.is_empty() {
            return Ok(steps);
        }
        let mut sums: std::collections::BTreeMap<(Day, Level), i64> = steps
            .into_iter()
            .map(|s| ((s.day, s.level), s.delta))
            .collect();
        for &(level, code) in &known.changed {
            let now = self.entry_versions(code, Some(level))?;
            let then = self.entry_versions_known(code, Some(level), known)?;
            for (day, delta) in entry_steps(&now) {
                *sums.entry((day, level)).or_default() -= delta;
            }
            for (day, delta) in entry_steps(&then) {
                *sums.entry((day, level)).or_default() += delta;
            }
        }
        Ok(sums
            .into_iter()
            .filter(|(_, delta)| *delta != 0)
            .map(|((day, level), delta)| LevelStep { day, level, delta })
            .collect())
    }

    /// The changes effective after `after` up to `until` (as
    /// [`Store::upcoming`]) as known.
    pub(crate) fn upcoming_known(
        &self,
        after: Day,
        until: Day,
        known: &Known,
    ) -> Result<Vec<UpcomingChange>> {
        let mut out = self.upcoming(after, until)?;
        if known.changed.is_empty() {
            return Ok(out);
        }
        out.retain(|c| !known.changed.contains(&(c.level, c.code)));
        for &(level, code) in &known.changed {
            for e in self.entry_versions_known(code, Some(level), known)? {
                let v = &e.version;
                if v.role == Role::Primary && v.effective() > after && v.effective() <= until {
                    out.push(UpcomingChange {
                        effective: v.effective(),
                        decision: e.decision.clone(),
                        signed: v.signed(),
                        action: v.action,
                        level,
                        code,
                        replaces: v.replaces(),
                        name: e.details.name.clone(),
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            (a.effective, a.level, a.code, a.signed).cmp(&(b.effective, b.level, b.code, b.signed))
        });
        Ok(out)
    }
}

/// The days an entry's versions (in rule order) put it in force (+1) or
/// take it out (-1), as it stands at the end of each day.
fn entry_steps(versions: &[EntryVersion]) -> Vec<(Day, i64)> {
    let mut steps = Vec::new();
    let mut in_force = false;
    for same_day in versions.chunk_by(|a, b| a.version.effective() == b.version.effective()) {
        let Some(last) = same_day.last() else {
            continue;
        };
        let after = last.version.in_force();
        if after != in_force {
            steps.push((last.version.effective(), if after { 1 } else { -1 }));
            in_force = after;
        }
    }
    steps
}
