//! The read side for publishing: what an export manifest names (the last
//! decision applied, the chain head) and the history a report draws (entries
//! in force per level over time, the dates decisions took effect, the changes
//! of a decision).

use rusqlite::params;

use super::{Result, Store, parse_code, parse_level, parse_version_action};
use crate::domain::diff::LevelChange;
use crate::domain::rules::Role;
use crate::domain::{Action, Code, Day, Level, Point, number_key};

/// The decision of the latest change at or before a point of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AppliedDecision {
    pub number: String,
    pub signed: Day,
    /// The effective date of that change.
    pub effective: Day,
}

/// The store's state as a whole: how many decisions it holds and the chain
/// hash of the last link, a decision or a correction (what `tthc verify`
/// calls the chain head).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChainHead {
    pub decisions: u64,
    pub chain_sha256: String,
}

/// How the number of entries in force at one level changes at the start of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LevelStep {
    pub day: Day,
    pub level: Level,
    pub delta: i64,
}

/// A decision with changes effective on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EffectiveDecision {
    pub effective: Day,
    pub number: String,
    pub signed: Day,
}

/// One entry change of a decision, as a report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecisionChange {
    pub action: Action,
    pub level: Level,
    pub code: Code,
    /// For a replacement by another code: the code replaced.
    pub replaces: Option<Code>,
    pub name: String,
    pub effective: Day,
}

impl Store {
    /// The decision whose change is the latest one (in the order the rules
    /// apply changes) at or before the point; `None` before any change.
    pub(crate) fn last_applied(&self, point: &Point) -> Result<Option<AppliedDecision>> {
        let bound = point.bound();
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.number, d.signed, e.effective
             FROM decision_days AS e JOIN decisions AS d ON d.id = e.decision_id
             WHERE e.effective <= ?1
               AND (e.effective < ?1 OR d.signed < ?2 OR (d.signed = ?2 AND d.id <= ?3))
             ORDER BY e.effective DESC, d.signed DESC, d.id DESC
             LIMIT 1",
        )?;
        let mut rows = stmt.query(params![
            bound.effective.number(),
            bound.signed.number(),
            bound.decision_seq
        ])?;
        let Some(r) = rows.next()? else {
            return Ok(None);
        };
        Ok(Some(AppliedDecision {
            number: r.get(0)?,
            signed: Day::from_number(r.get(1)?),
            effective: Day::from_number(r.get(2)?),
        }))
    }

    /// The number of stored decisions and the chain hash of the last link
    /// of the chain: the decision imported or the correction made last.
    pub(crate) fn chain_head(&self) -> Result<ChainHead> {
        self.chain_head_at(&crate::domain::correction::Knowledge::ALL)
    }

    /// The earliest date of the history: the first signing or effective date
    /// of any decision; `None` when no decision is stored.
    pub(crate) fn first_date(&self) -> Result<Option<Day>> {
        let (signed, effective): (Option<i32>, Option<i32>) = self.conn.query_row(
            "SELECT min(signed), min(effective_first) FROM decisions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(signed
            .into_iter()
            .chain(effective)
            .min()
            .map(Day::from_number))
    }

    /// Every change in the number of entries in force per level, by day then
    /// level: from the versions' validity intervals, one step up where an
    /// interval starts and one down where it ends, summed per level and day.
    /// The entries in force at the end of a day at a level are the sum of the
    /// steps up to that day.
    pub(crate) fn level_steps(&self) -> Result<Vec<LevelStep>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT level, day, sum(delta) FROM (
                 SELECT v.level AS level, s.day_from AS day, 1 AS delta
                 FROM spans AS s JOIN versions AS v ON v.id = s.id
                 UNION ALL
                 SELECT v.level, s.day_to, -1
                 FROM spans AS s JOIN versions AS v ON v.id = s.id
                 WHERE s.day_to <> ?1
             )
             GROUP BY day, level HAVING sum(delta) <> 0
             ORDER BY day, level",
        )?;
        let rows = stmt.query_map(params![Day::OPEN], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut steps = Vec::new();
        for row in rows {
            let (level, day, delta) = row?;
            steps.push(LevelStep {
                day: Day::from_number(day),
                level: parse_level(level)?,
                delta,
            });
        }
        Ok(steps)
    }

    /// The decisions with changes effective from `first` to `last` (both
    /// included), by effective date, then signing date and order of import.
    pub(crate) fn effective_decisions(
        &self,
        first: Day,
        last: Day,
    ) -> Result<Vec<EffectiveDecision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.effective, d.number, d.signed
             FROM decision_days AS e
             JOIN decisions AS d ON d.id = e.decision_id
             WHERE e.effective BETWEEN ?1 AND ?2
             ORDER BY e.effective, d.signed, d.id",
        )?;
        let rows = stmt.query_map(params![first.number(), last.number()], |r| {
            Ok(EffectiveDecision {
                effective: Day::from_number(r.get(0)?),
                number: r.get(1)?,
                signed: Day::from_number(r.get(2)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The plain additions and repeals effective on a day: the halves of the
    /// moves between levels made that day.
    pub(crate) fn plain_changes_on(&self, day: Day) -> Result<Vec<LevelChange>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.code, v.level, v.action
             FROM decision_days AS e
             JOIN decisions AS d ON d.id = e.decision_id
             CROSS JOIN versions AS v
                 ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
             WHERE e.effective = ?1 AND v.effective = ?1 AND v.role = ?2
                 AND v.action IN (?3, ?4)
             ORDER BY v.id",
        )?;
        let rows = stmt.query_map(
            params![
                day.number(),
                Role::Primary as i64,
                Action::Added as i64,
                Action::Repealed as i64
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            },
        )?;
        let mut changes = Vec::new();
        for row in rows {
            let (id, code, level, action) = row?;
            let action = parse_version_action(id, action)?;
            changes.push(LevelChange {
                effective: day,
                code: parse_code(&code)?,
                level: parse_level(level)?,
                into_force: action == Action::Added,
            });
        }
        Ok(changes)
    }

    /// The first `limit` entry changes of a decision (number and signing
    /// date), in the order of its rows.
    pub(crate) fn decision_changes(
        &self,
        number: &str,
        signed: Day,
        limit: usize,
    ) -> Result<Vec<DecisionChange>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.action, v.level, v.code, v.other_code, v.name, v.effective
             FROM decisions AS d
             CROSS JOIN versions AS v
                 ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
             WHERE d.number_key = ?1 AND d.signed = ?2 AND +v.role = ?3
             ORDER BY v.row_no, v.id
             LIMIT ?4",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(
            params![
                number_key(number),
                signed.number(),
                Role::Primary as i64,
                limit
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i32>(6)?,
                ))
            },
        )?;
        let mut changes = Vec::new();
        for row in rows {
            let (id, action, level, code, other, name, effective) = row?;
            let action = parse_version_action(id, action)?;
            let code = parse_code(&code)?;
            let other = other.as_deref().map(parse_code).transpose()?;
            changes.push(DecisionChange {
                action,
                level: parse_level(level)?,
                code,
                replaces: other.filter(|o| action == Action::Replaced && *o != code),
                name,
                effective: Day::from_number(effective),
            });
        }
        Ok(changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chart's steps read each interval once with its version by id; the
    /// dates of decisions walk the index by effective date.
    #[test]
    fn the_publishing_queries_use_their_indexes() {
        let store = Store::open_in_memory().unwrap();
        let plan = |sql: &str| -> String {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let rows: Vec<String> = stmt
                .query_map(params![1, 2], |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.join("\n")
        };
        let effective = plan(
            "SELECT effective, decision_id FROM decision_days WHERE effective BETWEEN ?1 AND ?2",
        );
        assert!(
            effective
                .contains("SEARCH decision_days USING PRIMARY KEY (effective>? AND effective<?)"),
            "{effective}"
        );
        let steps = plan(
            "SELECT v.level, s.day_from FROM spans AS s JOIN versions AS v ON v.id = s.id
             WHERE s.day_to <> ?1 AND ?2 IS NOT NULL",
        );
        assert!(
            steps.contains("SEARCH v USING INTEGER PRIMARY KEY"),
            "{steps}"
        );
    }

    #[test]
    fn an_empty_store_has_no_history() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.first_date().unwrap(), None);
        assert!(store.level_steps().unwrap().is_empty());
        assert_eq!(
            store.chain_head().unwrap(),
            ChainHead {
                decisions: 0,
                chain_sha256: String::new()
            }
        );
        let today = Point::Day(Day::from_number(20_000));
        assert_eq!(store.last_applied(&today).unwrap(), None);
    }
}
