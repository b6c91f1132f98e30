//! The read side for audits: decisions as points of history, the catalog
//! right after a decision, entry histories, replacements and upcoming changes.

use std::collections::HashSet;

use rusqlite::{Row, params};

use super::{
    Result, Store, StoreError, details_at, details_of_v, entry_of_v, parse_action, parse_code,
    parse_level, parse_version_action,
};
use crate::domain::diff::{ForceChange, Replacement};
use crate::domain::position::Position;
use crate::domain::provenance::{Origin, Provenance};
use crate::domain::rules::{Effect, OrderKey, Role};
use crate::domain::version::{EntryVersion, Version};
use crate::domain::{
    Action, CatalogEntry, Code, Counts, DETAILS, Day, DecisionPoint, Details, Level, Point,
};

/// A stored change that takes effect later, as `tthc upcoming` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UpcomingChange {
    pub effective: Day,
    pub decision: String,
    pub signed: Day,
    pub action: Action,
    pub level: Level,
    pub code: Code,
    /// Replacements by another code: the old code.
    pub replaces: Option<Code>,
    pub name: String,
}

impl Store {
    /// The stored decisions whose normalized number is `key`, by signing date.
    pub(crate) fn decisions_numbered(&self, key: &str) -> Result<Vec<(String, DecisionPoint)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, number, number_key, signed, effective_last FROM decisions
             WHERE number_key = ?1 ORDER BY signed, id",
        )?;
        let rows = stmt.query_map(params![key], decision_point)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every stored decision with its normalized number, by signing date.
    pub(crate) fn decision_points(&self) -> Result<Vec<(String, DecisionPoint)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, number, number_key, signed, effective_last FROM decisions
             ORDER BY signed, id",
        )?;
        let rows = stmt.query_map([], decision_point)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The catalog at a point, ordered by level, field, code.
    pub(crate) fn catalog_at(&self, point: &Point) -> Result<Vec<CatalogEntry>> {
        let entries = self.catalog(point.day())?;
        self.narrow_to(point, entries, |_| true)
    }

    /// The catalog at a point (as [`Store::catalog_at`]), read on this
    /// connection only: for commands that already read on two.
    pub(crate) fn catalog_at_alone(&self, point: &Point) -> Result<Vec<CatalogEntry>> {
        let entries = self.catalog_alone(point.day())?;
        self.narrow_to(point, entries, |_| true)
    }

    /// Turns the entries in force at the end of the point's day (all of them,
    /// or those that `keep` selects) into those at the point, ordered by level,
    /// field, code. For a point after a decision, the changes of that day
    /// ordered after the decision are undone: each entry they touch is taken
    /// as it stands right after the decision, if `keep` selects it.
    pub(crate) fn narrow_to(
        &self,
        point: &Point,
        mut entries: Vec<CatalogEntry>,
        keep: impl Fn(&CatalogEntry) -> bool,
    ) -> Result<Vec<CatalogEntry>> {
        let Point::AfterDecision(decision) = point else {
            return Ok(entries);
        };
        let fixes = self.standing_before_later_changes(decision)?;
        if fixes.is_empty() {
            return Ok(entries);
        }
        let touched: HashSet<(Level, Code)> = fixes.iter().map(|(l, c, _)| (*l, *c)).collect();
        entries.retain(|e| !touched.contains(&(e.level, e.code)));
        entries.extend(
            fixes
                .into_iter()
                .filter_map(|(_, _, e)| e)
                .filter(|e| keep(e)),
        );
        crate::domain::sort_catalog(&mut entries);
        Ok(entries)
    }

    /// The counts of the catalog at a point.
    pub(crate) fn counts_at(&self, point: &Point) -> Result<Counts> {
        match point {
            Point::Day(day) => self.counts(*day),
            Point::AfterDecision(_) => Ok(Counts::of(&self.catalog_at(point)?)),
        }
    }

    /// For each entry with a change on the decision's last effective day ordered
    /// after the decision: the entry as it stands right after the decision
    /// (`None` when it is not in force then).
    fn standing_before_later_changes(
        &self,
        d: &DecisionPoint,
    ) -> Result<Vec<(Level, Code, Option<CatalogEntry>)>> {
        let mut stmt = self.conn.prepare_cached(STANDING_SQL)?;
        let rows = stmt.query_map(
            params![d.effective_last.number(), d.signed.number(), d.id],
            |r| {
                let level: i64 = r.get(0)?;
                let code: String = r.get(1)?;
                let action: Option<i64> = r.get(2)?;
                let role: Option<i64> = r.get(3)?;
                let in_force = action.is_some_and(|a| a != Action::Repealed as i64)
                    && role == Some(Role::Primary as i64);
                let entry = if in_force {
                    Some((
                        details_at(r, 4)?,
                        r.get::<_, String>(4 + DETAILS)?,
                        r.get::<_, i32>(5 + DETAILS)?,
                        r.get::<_, i32>(6 + DETAILS)?,
                    ))
                } else {
                    None
                };
                Ok((level, code, entry))
            },
        )?;
        let mut fixes = Vec::new();
        for row in rows {
            let (level, code, entry) = row?;
            let (level, code) = (parse_level(level)?, parse_code(&code)?);
            let entry = entry.map(|(details, decision, effective, signed)| CatalogEntry {
                level,
                code,
                details,
                decision,
                signed: Day::from_number(signed),
                effective: Day::from_number(effective),
            });
            fixes.push((level, code, entry));
        }
        Ok(fixes)
    }

    /// Every version of a code's entries in the catalog (at one level, or
    /// all), by level then rule order; the versions a correction took out
    /// are left out.
    pub(crate) fn entry_versions(
        &self,
        code: Code,
        level: Option<Level>,
    ) -> Result<Vec<EntryVersion>> {
        Ok(self
            .versions_of(code, level, false)?
            .into_iter()
            .map(|(_, v)| v)
            .collect())
    }

    /// Every version ever stored of a code's entries (at one level, or all),
    /// those a correction took out too, with their ids, by level then rule order.
    pub(crate) fn recorded_versions(
        &self,
        code: Code,
        level: Option<Level>,
    ) -> Result<Vec<(i64, EntryVersion)>> {
        self.versions_of(code, level, true)
    }

    fn versions_of(
        &self,
        code: Code,
        level: Option<Level>,
        taken_out_too: bool,
    ) -> Result<Vec<(i64, EntryVersion)>> {
        let mut stmt = self.conn.prepare_cached(ENTRY_VERSIONS_SQL)?;
        let (first, last) = match level {
            Some(level) => (code.entry(level), code.entry(level)),
            None => (code.entry(Level::Province), code.entry(Level::Commune)),
        };
        let rows = stmt.query_map(params![first, last, taken_out_too], |r| {
            Ok((r.get::<_, i64>(0)?, raw_version(r)?))
        })?;
        let mut versions = Vec::new();
        for row in rows {
            let (id, raw) = row?;
            versions.push((id, raw.into_version(id, code)?));
        }
        Ok(versions)
    }

    /// The replacements by another code effective from `first` to `last` (both included).
    pub(crate) fn replacements(&self, first: Day, last: Day) -> Result<Vec<Replacement>> {
        let mut stmt = self.conn.prepare_cached(REPLACEMENTS_SQL)?;
        let rows = stmt.query_map(
            params![
                first.number(),
                last.number(),
                Action::Replaced as i64,
                Role::Primary as i64
            ],
            |r| {
                Ok((
                    order_key(r, 0)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (key, level, old, new, decision) = row?;
            out.push(Replacement {
                key,
                level: parse_level(level)?,
                old: parse_code(&old)?,
                new: parse_code(&new)?,
                decision,
            });
        }
        Ok(out)
    }

    /// The changes that put an entry in force (additions, the new sides of
    /// replacements by another code) or take it out (repeals, the old sides
    /// of replacements) effective from `first` to `last` (both included).
    pub(crate) fn force_changes(&self, first: Day, last: Day) -> Result<Vec<ForceChange>> {
        let mut stmt = self.conn.prepare_cached(FORCE_CHANGES_SQL)?;
        let rows = stmt.query_map(
            params![first.number(), last.number(), Action::Amended as i64],
            |r| {
                Ok((
                    order_key(r, 0)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, i64>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, String>(9)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (key, level, code, action, role, other, decision) = row?;
            let action = parse_action(action)?;
            let role = Role::from_index(role).ok_or_else(|| {
                StoreError::Corrupt(crate::tr!(
                    "store-corrupt-column",
                    column = "role",
                    value = role.to_string()
                ))
            })?;
            let into_force = match Effect::of(action, role, other.as_deref() == Some(&code)) {
                Effect::Add => true,
                Effect::Repeal => false,
                Effect::Amend | Effect::Renew => continue,
            };
            out.push(ForceChange {
                key,
                level: parse_level(level)?,
                code: parse_code(&code)?,
                decision,
                into_force,
            });
        }
        Ok(out)
    }

    /// The changes of the entries' own codes effective after `after` up to
    /// `until` (included), by effective date, level, code.
    pub(crate) fn upcoming(&self, after: Day, until: Day) -> Result<Vec<UpcomingChange>> {
        let mut stmt = self.conn.prepare_cached(UPCOMING_SQL)?;
        let rows = stmt.query_map(
            params![after.number(), until.number(), Role::Primary as i64],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i32>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, String>(8)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, effective, decision, signed, action, level, code, other, name) = row?;
            let action = parse_version_action(id, action)?;
            let code = parse_code(&code)?;
            let other = other.as_deref().map(parse_code).transpose()?;
            out.push(UpcomingChange {
                effective: Day::from_number(effective),
                decision,
                signed: Day::from_number(signed),
                action,
                level: parse_level(level)?,
                code,
                replaces: other.filter(|o| action == Action::Replaced && *o != code),
                name,
            });
        }
        Ok(out)
    }
}

/// Every version of the entries numbered ?1 to ?2 (one code at one level,
/// or at all levels), by level then rule order: those in the catalog, and
/// with ?3 those a correction took out too (outside their decision's range).
const ENTRY_VERSIONS_SQL: &str = concat!(
    "SELECT v.id, v.level, v.effective, v.signed, v.decision_id, v.row_no, v.action,
           v.role, v.other_code, v.given, ",
    details_of_v!(),
    ", d.number, v.line,
           coalesce((SELECT c.source FROM corrections AS c
                     WHERE c.decision_id = v.decision_id
                       AND v.id BETWEEN c.first_version AND c.last_version), d.source),
           p.place, p.action, p.levels, p.field, p.decision,
           p.annex, p.sections, p.stt
    FROM entry_versions AS e
    CROSS JOIN versions AS v ON v.id = e.id
    JOIN decisions AS d ON d.id = v.decision_id
    LEFT JOIN provenance AS p ON p.decision_id = v.decision_id AND p.row_no = v.row_no
    WHERE e.entry BETWEEN ?1 AND ?2 AND (?3 OR v.id BETWEEN d.first_version AND d.last_version)
    ORDER BY v.level, v.effective, v.signed, v.decision_id, v.row_no"
);

/// Replacements (action ?3, role ?4) by another code effective from ?1 to ?2.
const REPLACEMENTS_SQL: &str = "
    SELECT v.effective, v.signed, v.decision_id, v.row_no, v.level, v.other_code, v.code,
           d.number
    FROM decision_days AS e
    JOIN decisions AS d ON d.id = e.decision_id
    CROSS JOIN versions AS v
        ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
    WHERE e.effective BETWEEN ?1 AND ?2 AND +v.effective = e.effective
          AND +v.action = ?3 AND +v.role = ?4
          AND v.other_code IS NOT NULL AND v.other_code <> v.code";

/// The changes other than amendments (action ?3) effective from ?1 to ?2.
const FORCE_CHANGES_SQL: &str = "
    SELECT v.effective, v.signed, v.decision_id, v.row_no, v.level, v.code, v.action, v.role,
           v.other_code, d.number
    FROM decision_days AS e
    JOIN decisions AS d ON d.id = e.decision_id
    CROSS JOIN versions AS v
        ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
    WHERE e.effective BETWEEN ?1 AND ?2 AND +v.effective = e.effective
          AND +v.action <> ?3";

/// Changes of the entries' own codes (role ?3) effective after ?1 up to ?2.
const UPCOMING_SQL: &str = "
    SELECT v.id, v.effective, d.number, d.signed, v.action, v.level, v.code, v.other_code,
           v.name
    FROM decision_days AS e
    JOIN decisions AS d ON d.id = e.decision_id
    CROSS JOIN versions AS v
        ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
    WHERE e.effective > ?1 AND e.effective <= ?2 AND +v.effective = e.effective
          AND +v.role = ?3
    ORDER BY v.effective, v.level, v.code, v.signed, v.decision_id, v.row_no";

/// For each entry changed on day ?1 by a decision ordered after the decision
/// (signed ?2, id ?3), the entry's latest version up to that decision.
const STANDING_SQL: &str = concat!(
    "
    WITH later (entry, level, code) AS (
        SELECT DISTINCT ",
    entry_of_v!(),
    ", v.level, v.code
        FROM decision_days AS e
        JOIN decisions AS d ON d.id = e.decision_id
        CROSS JOIN versions AS v
            ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
        WHERE e.effective = ?1 AND +v.effective = ?1
          AND (d.signed > ?2 OR (d.signed = ?2 AND d.id > ?3))
    )
    SELECT l.level, l.code, v.action, v.role, ",
    details_of_v!(),
    ", d.number, v.effective, d.signed
    FROM later AS l
    LEFT JOIN versions AS v ON v.id = (
        SELECT p.id FROM entry_versions AS e CROSS JOIN versions AS p ON p.id = e.id
        WHERE e.entry = l.entry
          AND (p.effective < ?1 OR (p.effective = ?1
               AND (p.signed < ?2 OR (p.signed = ?2 AND p.decision_id <= ?3))))
        ORDER BY p.effective DESC, p.signed DESC, p.decision_id DESC, p.row_no DESC
        LIMIT 1)
    LEFT JOIN decisions AS d ON d.id = v.decision_id"
);

fn decision_point(r: &Row<'_>) -> rusqlite::Result<(String, DecisionPoint)> {
    Ok((
        r.get(2)?,
        DecisionPoint {
            id: r.get(0)?,
            number: r.get(1)?,
            signed: Day::from_number(r.get(3)?),
            effective_last: Day::from_number(r.get(4)?),
        },
    ))
}

/// A version row as read, before its codes and enums are checked.
struct RawVersion {
    level: i64,
    key: OrderKey,
    action: i64,
    role: i64,
    other_code: Option<String>,
    given: u16,
    details: Details,
    decision: String,
    line: i64,
    file: String,
    /// Place, then the codes of the origins of action, levels, field, decision.
    provenance: Option<(String, String, String, Option<String>, String)>,
    /// Annex, sections and number of the row, when it has a number.
    position: Option<Position>,
}

/// The order key in the four columns from `first`: effective day, signing
/// day, decision sequence and row.
fn order_key(r: &Row<'_>, first: usize) -> rusqlite::Result<OrderKey> {
    Ok(OrderKey {
        effective: Day::from_number(r.get(first)?),
        signed: Day::from_number(r.get(first + 1)?),
        decision_seq: r.get(first + 2)?,
        row: r.get(first + 3)?,
    })
}

fn raw_version(r: &Row<'_>) -> rusqlite::Result<RawVersion> {
    Ok(RawVersion {
        level: r.get(1)?,
        key: order_key(r, 2)?,
        action: r.get(6)?,
        role: r.get(7)?,
        other_code: r.get(8)?,
        given: r.get(9)?,
        details: details_at(r, 10)?,
        decision: r.get(10 + DETAILS)?,
        line: r.get(11 + DETAILS)?,
        file: r.get(12 + DETAILS)?,
        provenance: match r.get::<_, Option<String>>(13 + DETAILS)? {
            None => None,
            Some(place) => Some((
                place,
                r.get(14 + DETAILS)?,
                r.get(15 + DETAILS)?,
                r.get(16 + DETAILS)?,
                r.get(17 + DETAILS)?,
            )),
        },
        position: match r.get::<_, Option<String>>(20 + DETAILS)? {
            Some(stt) if !stt.is_empty() => Some(Position {
                annex: r.get(18 + DETAILS)?,
                sections: Position::sections_from(&r.get::<_, String>(19 + DETAILS)?),
                stt,
            }),
            _ => None,
        },
    })
}

impl RawVersion {
    fn into_version(self, id: i64, code: Code) -> Result<EntryVersion> {
        let corrupt = |what: String| {
            StoreError::Corrupt(crate::tr!("store-corrupt-version", id = id, what = what))
        };
        Ok(EntryVersion {
            version: Version {
                key: self.key,
                level: parse_level(self.level)?,
                code,
                action: Action::from_index(self.action).ok_or_else(|| {
                    corrupt(crate::tr!(
                        "store-corrupt-column",
                        column = "action",
                        value = self.action.to_string()
                    ))
                })?,
                role: Role::from_index(self.role).ok_or_else(|| {
                    corrupt(crate::tr!(
                        "store-corrupt-column",
                        column = "role",
                        value = self.role.to_string()
                    ))
                })?,
                other_code: self.other_code.as_deref().map(parse_code).transpose()?,
                given: self.given,
                line: u32::try_from(self.line).unwrap_or(u32::MAX),
            },
            details: self.details,
            decision: self.decision,
            file: self.file,
            provenance: self
                .provenance
                .map(|p| (p, self.position))
                .map(|((place, action, levels, field, decision), position)| {
                    let origin = |code: &str| {
                        Origin::from_code(code).ok_or_else(|| {
                            corrupt(crate::tr!(
                                "store-corrupt-column",
                                column = "provenance",
                                value = format!("{code:?}")
                            ))
                        })
                    };
                    Ok::<_, StoreError>(Provenance {
                        place,
                        action: origin(&action)?,
                        levels: origin(&levels)?,
                        field: field.as_deref().map(origin).transpose()?,
                        decision: origin(&decision)?,
                        position,
                    })
                })
                .transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenMode;

    fn plan(store: &Store, sql: &str, params: impl rusqlite::Params) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows: Vec<String> = stmt
            .query_map(params, |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.join("\n")
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        (dir, store)
    }

    /// The catalog right after a decision reads only the changes of one day
    /// (by effective date) and each touched entry's versions (by entry).
    #[test]
    fn the_catalog_after_a_decision_does_not_scan_the_history() {
        let (_dir, store) = store();
        let plan = plan(&store, STANDING_SQL, params![0, 0, 0]);
        assert!(
            plan.contains("SEARCH e USING PRIMARY KEY (effective=?)"),
            "{plan}"
        );
        assert!(
            plan.contains("SEARCH e USING PRIMARY KEY (entry=?)"),
            "{plan}"
        );
        assert!(!plan.contains("SCAN versions"), "{plan}");
        assert!(!plan.contains("AUTOMATIC"), "{plan}");
        assert!(!plan.contains("SCAN p"), "{plan}");
        assert!(
            !plan.contains("SCAN v\n") && !plan.ends_with("SCAN v"),
            "{plan}"
        );
    }

    #[test]
    fn history_replacements_and_upcoming_use_indexes() {
        let (_dir, store) = store();
        let cases: [(&str, &[i64], &str); 3] = [
            (
                ENTRY_VERSIONS_SQL,
                &[0, 1, 0],
                "SEARCH e USING PRIMARY KEY (entry>? AND entry<?)",
            ),
            (
                REPLACEMENTS_SQL,
                &[0, 1, 2, 0],
                "SEARCH e USING PRIMARY KEY (effective>? AND effective<?)",
            ),
            (
                UPCOMING_SQL,
                &[0, 1, 0],
                "SEARCH e USING PRIMARY KEY (effective>? AND effective<?)",
            ),
        ];
        for (sql, p, index) in cases {
            let plan = plan(&store, sql, rusqlite::params_from_iter(p));
            assert!(plan.contains(index), "{plan}");
            assert!(!plan.contains("SCAN v"), "{plan}");
            assert!(!plan.contains("AUTOMATIC"), "{plan}");
            assert!(
                plan.contains("SEARCH v USING INTEGER PRIMARY KEY"),
                "{plan}"
            );
        }
    }
}
