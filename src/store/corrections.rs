//! Corrections in the store: the links that retract a decision's rows or put
//! a corrected file's rows in their place, and what was known at a moment.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{ChainHead, ImportTx, Result, Store, StoreError, parse_code, parse_level};
use crate::domain::correction::{Correction, CorrectionKind, Corrections, Knowledge, Moment};
use crate::domain::rules::Role;
use crate::domain::{Action, Code, Day, Level};

/// The columns [`correction_at`] reads.
pub(super) const CORRECTION_COLUMNS: &str = "id, decision_id, after_decision, kind, reason, source,
    source_sha256, made_at, made_by, rows, first_row, first_version, last_version, taken_first,
    taken_last, content_sha256, chain_sha256";

/// A correction from the columns of [`CORRECTION_COLUMNS`] (from column 0);
/// a value tthc cannot read is a message naming it.
pub(super) fn correction_at(
    r: &Row<'_>,
) -> rusqlite::Result<std::result::Result<Correction, String>> {
    let id: i64 = r.get(0)?;
    let kind: i64 = r.get(3)?;
    let Some(kind) = CorrectionKind::from_index(kind) else {
        return Ok(Err(crate::tr!(
            "verify-correction-column",
            id = id,
            column = "kind",
            value = kind.to_string()
        )));
    };
    let number = |i: usize, what: &str| -> rusqlite::Result<std::result::Result<u64, String>> {
        let n: i64 = r.get(i)?;
        Ok(u64::try_from(n).map_err(|_| {
            crate::tr!(
                "verify-correction-column",
                id = id,
                column = what,
                value = n.to_string()
            )
        }))
    };
    let decision = number(1, "decision_id")?;
    let after = number(2, "after_decision")?;
    let rows = number(9, "rows")?;
    let first_row = number(10, "first_row")?;
    let (Ok(decision), Ok(after), Ok(rows), Ok(first_row)) = (decision, after, rows, first_row)
    else {
        return Ok(Err(crate::tr!("verify-correction-negative", id = id)));
    };
    let narrow = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Ok(Correction {
        id,
        decision: narrow(decision),
        after_decision: narrow(after),
        kind,
        reason: r.get(4)?,
        source: r.get(5)?,
        source_sha256: r.get(6)?,
        made_at: r.get(7)?,
        made_by: r.get(8)?,
        rows,
        first_row: narrow(first_row),
        versions: (r.get(11)?, r.get(12)?),
        taken: (r.get(13)?, r.get(14)?),
        content_sha256: r.get(15)?,
        chain_sha256: r.get(16)?,
    }))
}

/// Every correction, in order.
fn load(conn: &Connection) -> Result<Vec<Correction>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CORRECTION_COLUMNS} FROM corrections ORDER BY id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut all = Vec::new();
    while let Some(r) = rows.next()? {
        all.push(correction_at(r)?.map_err(StoreError::Corrupt)?);
    }
    Ok(all)
}

/// The chain head as known: the number of decisions known and the chain
/// hash of the last link known, a decision or a correction.
pub(super) fn chain_head_at(conn: &Connection, k: &Knowledge) -> Result<ChainHead> {
    let decisions_before = i64::from(k.decisions_before);
    let (decisions, chain): (i64, Option<String>) = conn.query_row(
        "SELECT (SELECT count(*) FROM decisions WHERE id < ?1),
                (SELECT chain_sha256 FROM (
                     SELECT * FROM (SELECT id AS d, 0 AS c, chain_sha256 FROM decisions
                                    WHERE id < ?1 ORDER BY id DESC LIMIT 1)
                     UNION ALL
                     SELECT * FROM (SELECT after_decision, id, chain_sha256 FROM corrections
                                    WHERE id < ?2 AND after_decision < ?1
                                    ORDER BY id DESC LIMIT 1))
                 ORDER BY d DESC, c DESC LIMIT 1)",
        params![decisions_before, k.corrections_before],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(ChainHead {
        decisions: decisions.unsigned_abs(),
        chain_sha256: chain.unwrap_or_default(),
    })
}

impl Store {
    /// Every correction recorded.
    pub(crate) fn corrections(&self) -> Result<Corrections> {
        Ok(Corrections::new(load(&self.conn)?))
    }

    /// The earliest and latest effective date of the rows a correction put
    /// in or took out; `None` when it touched none.
    pub(crate) fn correction_days(&self, c: &Correction) -> Result<Option<(Day, Day)>> {
        let (first, last): (Option<i32>, Option<i32>) = self.conn.query_row(
            "SELECT min(effective), max(effective) FROM versions
             WHERE decision_id = ?1 AND (id BETWEEN ?2 AND ?3 OR id BETWEEN ?4 AND ?5)",
            params![c.decision, c.versions.0, c.versions.1, c.taken.0, c.taken.1],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(first
            .zip(last)
            .map(|(a, b)| (Day::from_number(a), Day::from_number(b))))
    }

    /// The number and signing date of a stored decision.
    pub(crate) fn decision_identity(&self, id: u32) -> Result<(String, Day)> {
        Ok(self.conn.query_row(
            "SELECT number, signed FROM decisions WHERE id = ?1",
            params![id],
            |r| Ok((r.get(0)?, Day::from_number(r.get(1)?))),
        )?)
    }

    /// The number of decisions and the last link of the chain as known.
    pub(crate) fn chain_head_at(&self, k: &Knowledge) -> Result<ChainHead> {
        chain_head_at(&self.conn, k)
    }

    /// What was known at a moment: the links of the chain, in its order, up
    /// to the first one recorded after it.
    pub(crate) fn knowledge_at(&self, moment: &Moment) -> Result<Knowledge> {
        let first_decision: Option<i64> = self.conn.query_row(
            "SELECT min(id) FROM decisions WHERE imported_at > ?1",
            params![moment.utc],
            |r| r.get(0),
        )?;
        let first_correction: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT id, after_decision FROM corrections WHERE made_at > ?1
                 ORDER BY id LIMIT 1",
                params![moment.utc],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let narrow = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        let knowledge = match (first_decision, first_correction) {
            (None, None) => Knowledge::ALL,
            // The correction comes first in the chain.
            (d, Some((id, after))) if d.is_none_or(|d| after < d) => Knowledge {
                decisions_before: narrow(after.saturating_add(1)),
                corrections_before: id,
            },
            (Some(d), _) => {
                let corrections_before: Option<i64> = self.conn.query_row(
                    "SELECT min(id) FROM corrections WHERE after_decision >= ?1",
                    params![d],
                    |r| r.get(0),
                )?;
                Knowledge {
                    decisions_before: narrow(d),
                    corrections_before: corrections_before.unwrap_or(i64::MAX),
                }
            }
            (None, Some(_)) => Knowledge::ALL,
        };
        Ok(knowledge)
    }
}

/// A stored decision about to be corrected, with the edition of its rows in force.
#[derive(Debug, Clone)]
pub(crate) struct CorrectionTarget {
    pub id: i64,
    pub number: String,
    pub number_key: String,
    pub signed: Day,
    /// The ids of the versions in force.
    pub versions: (i64, i64),
    /// The row number its next edition starts from.
    pub next_row: u32,
    /// The content digest of the rows in force.
    pub content_sha256: String,
    /// Its latest correction, if any.
    pub latest: Option<Correction>,
}

impl CorrectionTarget {
    /// The retraction in force, if the decision's rows are out of the catalog.
    pub(crate) fn retraction(&self) -> Option<&Correction> {
        self.latest
            .as_ref()
            .filter(|c| c.kind == CorrectionKind::Retracted)
    }
}

/// A version taken out of the catalog by a correction.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TakenVersion {
    pub code: Code,
    pub level: Level,
    pub action: Action,
    pub role: Role,
}

/// A correction to record (see [`ImportTx::record_correction`]).
pub(crate) struct NewCorrection<'a> {
    pub decision_id: i64,
    pub kind: CorrectionKind,
    pub reason: &'a str,
    pub source: &'a str,
    pub source_sha256: &'a str,
    pub made_at: &'a str,
    pub made_by: &'a str,
    pub rows: u64,
    pub first_row: u32,
    /// The versions it puts in; `(0, -1)` for none.
    pub versions: (i64, i64),
    pub taken: (i64, i64),
    /// Earliest and latest effective date of the rows it puts in, if any.
    pub effective: Option<(Day, Day)>,
    /// Their effective dates, each once.
    pub days: &'a [Day],
    pub content_sha256: &'a str,
    pub chain_sha256: &'a str,
}

impl ImportTx<'_> {
    /// The chain hash of the last link of the chain (`""` when none).
    pub(crate) fn last_link(&self) -> Result<String> {
        Ok(chain_head_at(self.connection(), &Knowledge::ALL)?.chain_sha256)
    }

    /// The largest version id stored (0 when none).
    pub(crate) fn last_version_id(&self) -> Result<i64> {
        Ok(self
            .connection()
            .query_row("SELECT coalesce(max(id), 0) FROM versions", [], |r| {
                r.get(0)
            })?)
    }

    /// The decision stored with this id, as a correction sees it.
    pub(crate) fn correction_target(&self, id: i64) -> Result<CorrectionTarget> {
        let conn = self.connection();
        let (number, number_key, signed, versions, rows, content): (
            String,
            String,
            i32,
            (i64, i64),
            i64,
            String,
        ) = conn.query_row(
            "SELECT number, number_key, signed, first_version, last_version, rows, content_sha256
             FROM decisions WHERE id = ?1",
            params![id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    (r.get(3)?, r.get(4)?),
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {CORRECTION_COLUMNS} FROM corrections WHERE decision_id = ?1
             ORDER BY id DESC LIMIT 1"
        ))?;
        let latest = stmt
            .query_row(params![id], correction_at)
            .optional()?
            .transpose()
            .map_err(StoreError::Corrupt)?;
        let rows = u32::try_from(rows).map_err(|_| {
            StoreError::Corrupt(crate::tr!(
                "store-corrupt-column",
                column = "rows",
                value = rows.to_string()
            ))
        })?;
        Ok(CorrectionTarget {
            id,
            number,
            number_key,
            signed: Day::from_number(signed),
            versions,
            next_row: latest
                .as_ref()
                .map_or(rows, |c| c.first_row.saturating_add(c.rows as u32)),
            content_sha256: latest
                .as_ref()
                .map_or(content, |c| c.content_sha256.clone()),
            latest,
        })
    }

    /// Takes the rows of a decision's edition in force out of the catalog:
    /// their validity intervals and effective days go, and the decision's
    /// range of versions in force becomes empty. The versions stay. Returns
    /// what they changed.
    pub(crate) fn take_out(&self, target: &CorrectionTarget) -> Result<Vec<TakenVersion>> {
        let conn = self.connection();
        let mut stmt = conn.prepare_cached(
            "SELECT id, code, level, action, role, effective FROM versions
             WHERE id BETWEEN ?1 AND ?2 AND decision_id = ?3 ORDER BY id",
        )?;
        let rows: Vec<(i64, String, i64, i64, i64, i32)> = stmt
            .query_map(
                params![target.versions.0, target.versions.1, target.id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut taken = Vec::with_capacity(rows.len());
        let mut days = Vec::new();
        for (id, code, level, action, role, effective) in rows {
            let corrupt = |what: &str| {
                StoreError::Corrupt(crate::tr!(
                    "store-corrupt-version",
                    id = id,
                    what = crate::tr!("store-corrupt-unknown", column = what)
                ))
            };
            self.remove_span(id)?;
            days.push(effective);
            taken.push(TakenVersion {
                code: parse_code(&code)?,
                level: parse_level(level)?,
                action: Action::from_index(action).ok_or_else(|| corrupt("action"))?,
                role: Role::from_index(role).ok_or_else(|| corrupt("role"))?,
            });
        }
        days.sort_unstable();
        days.dedup();
        let mut forget = conn.prepare_cached(
            "DELETE FROM decision_days WHERE effective = ?1 AND decision_id = ?2",
        )?;
        for day in days {
            forget.execute(params![day, target.id])?;
        }
        conn.execute(
            "UPDATE decisions SET first_version = 0, last_version = -1, rows = 0 WHERE id = ?1",
            params![target.id],
        )?;
        Ok(taken)
    }

    /// Records a correction, after the last link of the chain, and makes the
    /// rows it puts in the decision's edition in force.
    pub(crate) fn record_correction(&self, c: &NewCorrection<'_>) -> Result<i64> {
        let conn = self.connection();
        conn.execute(
            "INSERT INTO corrections (decision_id, after_decision, kind, reason, source,
                 source_sha256, made_at, made_by, rows, first_row, first_version, last_version,
                 taken_first, taken_last, content_sha256, chain_sha256)
             VALUES (?1, (SELECT coalesce(max(id), 0) FROM decisions), ?2, ?3, ?4, ?5, ?6, ?7,
                     ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                c.decision_id,
                c.kind as i64,
                c.reason,
                c.source,
                c.source_sha256,
                c.made_at,
                c.made_by,
                c.rows as i64,
                c.first_row,
                c.versions.0,
                c.versions.1,
                c.taken.0,
                c.taken.1,
                c.content_sha256,
                c.chain_sha256
            ],
        )?;
        let id = conn.last_insert_rowid();
        conn.execute(
            "UPDATE decisions SET first_version = ?2, last_version = ?3, rows = ?4,
                 effective_first = coalesce(?5, effective_first),
                 effective_last = coalesce(?6, effective_last)
             WHERE id = ?1",
            params![
                c.decision_id,
                c.versions.0,
                c.versions.1,
                c.rows as i64,
                c.effective.map(|e| e.0.number()),
                c.effective.map(|e| e.1.number()),
            ],
        )?;
        let mut stmt = conn
            .prepare_cached("INSERT INTO decision_days (effective, decision_id) VALUES (?1, ?2)")?;
        for day in c.days {
            stmt.execute(params![day.number(), c.decision_id])?;
        }
        Ok(id)
    }
}
