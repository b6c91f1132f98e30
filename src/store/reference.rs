//! Snapshots of the national procedure database, kept beside the catalog
//! (which they never change): stored by `tthc reference import`, read by
//! `tthc reconcile` and by the checks of import and inspect.

use rusqlite::{Connection, OptionalExtension, params};

use super::{ImportTx, Result, Store, parse_code};
use crate::domain::reconcile::ReferenceProcedure;
use crate::domain::{Day, Level, LevelSet};

/// A stored snapshot of the national list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snapshot {
    pub id: i64,
    /// The date the list stands for.
    pub as_of: Day,
    /// The file name as given to the import.
    pub file: String,
    /// SHA-256 (lower-case hex) of the file's bytes.
    pub sha256: String,
    pub procedures: u64,
    /// When it was imported (RFC 3339, UTC) and by whom.
    pub imported_at: String,
    pub imported_by: String,
}

/// A snapshot to store.
pub(crate) struct NewSnapshot<'a> {
    pub as_of: Day,
    pub file: &'a str,
    pub sha256: &'a str,
    pub imported_at: &'a str,
    pub imported_by: &'a str,
}

/// What [`Store::store_reference`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StoredReference {
    /// The snapshot was stored.
    New(Snapshot),
    /// A file with the same bytes was stored before, as this snapshot: nothing changed.
    Existing(Snapshot),
}

/// The snapshot a reconciliation as of `day` uses: the latest dated on or
/// before it (the last imported, among those of one date). `snapshots` are
/// in the order of [`Store::reference_snapshots`].
pub(crate) fn snapshot_on(snapshots: &[Snapshot], day: Day) -> Option<&Snapshot> {
    snapshots.iter().rev().find(|s| s.as_of <= day)
}

const SNAPSHOTS_SQL: &str = "SELECT id, as_of, file, sha256, procedures, imported_at, imported_by
     FROM reference_snapshots ORDER BY as_of, id";

fn snapshot(r: &rusqlite::Row<'_>) -> rusqlite::Result<Snapshot> {
    Ok(Snapshot {
        id: r.get(0)?,
        as_of: Day::from_number(r.get(1)?),
        file: r.get(2)?,
        sha256: r.get(3)?,
        procedures: r.get::<_, i64>(4)?.unsigned_abs(),
        imported_at: r.get(5)?,
        imported_by: r.get(6)?,
    })
}

/// Every snapshot, by date, then order of import.
fn snapshots(conn: &Connection) -> Result<Vec<Snapshot>> {
    let mut stmt = conn.prepare_cached(SNAPSHOTS_SQL)?;
    let rows = stmt.query_map([], snapshot)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The levels of a procedure as stored: bit `i` for [`Level`] `i`.
fn level_bits(levels: LevelSet) -> i64 {
    levels.iter().map(|l| 1_i64 << l.index()).sum()
}

fn level_set(bits: i64) -> LevelSet {
    let mut levels = LevelSet::default();
    for level in Level::ALL {
        if bits & (1 << level.index()) != 0 {
            levels.insert(level);
        }
    }
    levels
}

/// The procedures of a snapshot, by code.
fn procedures(conn: &Connection, snapshot: i64) -> Result<Vec<ReferenceProcedure>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, name, levels, levels_text, field, agency, decision, line
         FROM reference_procedures WHERE snapshot_id = ?1 ORDER BY code",
    )?;
    let rows = stmt.query_map(params![snapshot], |r| {
        let code = match parse_code(&r.get::<_, String>(0)?) {
            Ok(code) => code,
            Err(e) => return Ok(Err(e)),
        };
        Ok(Ok(ReferenceProcedure {
            code,
            name: r.get(1)?,
            levels: level_set(r.get(2)?),
            levels_text: r.get(3)?,
            field: r.get(4)?,
            agency: r.get(5)?,
            decision: r.get(6)?,
            line: r.get::<_, i64>(7)?.unsigned_abs(),
        }))
    })?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row??);
    }
    Ok(out)
}

impl Store {
    /// Every stored snapshot of the national list, by date, then order of import.
    pub(crate) fn reference_snapshots(&self) -> Result<Vec<Snapshot>> {
        snapshots(&self.conn)
    }

    /// The procedures of a stored snapshot, by code.
    pub(crate) fn reference_procedures(&self, snapshot: i64) -> Result<Vec<ReferenceProcedure>> {
        procedures(&self.conn, snapshot)
    }

    /// Stores a snapshot and its procedures in one transaction; a file whose
    /// bytes are stored already is left as it is.
    pub(crate) fn store_reference(
        &mut self,
        new: &NewSnapshot<'_>,
        list: &[ReferenceProcedure],
    ) -> Result<StoredReference> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let existing = tx
            .query_row(
                "SELECT id, as_of, file, sha256, procedures, imported_at, imported_by
                 FROM reference_snapshots WHERE sha256 = ?1",
                params![new.sha256],
                snapshot,
            )
            .optional()?;
        if let Some(existing) = existing {
            return Ok(StoredReference::Existing(existing));
        }
        tx.execute(
            "INSERT INTO reference_snapshots (as_of, file, sha256, procedures, imported_at, imported_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                new.as_of.number(),
                new.file,
                new.sha256,
                list.len() as i64,
                new.imported_at,
                new.imported_by
            ],
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut stmt = tx.prepare(
                "INSERT INTO reference_procedures
                     (snapshot_id, code, name, levels, levels_text, field, agency, decision, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for p in list {
                stmt.execute(params![
                    id,
                    p.code.to_string(),
                    p.name,
                    level_bits(p.levels),
                    p.levels_text,
                    p.field,
                    p.agency,
                    p.decision,
                    i64::try_from(p.line).unwrap_or(i64::MAX)
                ])?;
            }
        }
        let stored = tx.query_row(
            "SELECT id, as_of, file, sha256, procedures, imported_at, imported_by
             FROM reference_snapshots WHERE id = ?1",
            params![id],
            snapshot,
        )?;
        tx.commit()?;
        Ok(StoredReference::New(stored))
    }
}

impl ImportTx<'_> {
    /// Every stored snapshot of the national list (see [`Store::reference_snapshots`]).
    pub(crate) fn reference_snapshots(&self) -> Result<Vec<Snapshot>> {
        snapshots(self.conn())
    }

    /// The procedures of a stored snapshot, by code.
    pub(crate) fn reference_procedures(&self, snapshot: i64) -> Result<Vec<ReferenceProcedure>> {
        procedures(self.conn(), snapshot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Code;

    fn procedure(code: &str, levels: LevelSet) -> ReferenceProcedure {
        ReferenceProcedure {
            code: Code::parse(code).unwrap(),
            name: format!("Thủ tục {code}"),
            levels,
            levels_text: "Cấp bộ, Cấp tỉnh".to_owned(),
            field: "Hộ tịch".to_owned(),
            agency: "Sở Tư pháp".to_owned(),
            decision: "1/QĐ-BTP".to_owned(),
            line: 7,
        }
    }

    fn new(sha256: &str, as_of: &str) -> NewSnapshot<'static> {
        NewSnapshot {
            as_of: Day::parse(as_of).unwrap(),
            file: "list.csv",
            sha256: if sha256 == "a" { "a" } else { "b" },
            imported_at: "2025-11-20T00:00:00Z",
            imported_by: "clerk",
        }
    }

    #[test]
    fn a_snapshot_reads_back_as_stored_and_is_stored_once() {
        let mut store = Store::open_in_memory().unwrap();
        let mut both = LevelSet::single(Level::Province);
        both.insert(Level::Commune);
        let list = vec![
            procedure("1.000001", LevelSet::default()),
            procedure("2.000913", both),
        ];
        let StoredReference::New(first) = store
            .store_reference(&new("a", "2025-11-20"), &list)
            .unwrap()
        else {
            panic!("not stored");
        };
        assert_eq!(first.procedures, 2);
        assert_eq!(store.reference_procedures(first.id).unwrap(), list);
        let again = store
            .store_reference(&new("a", "2025-12-01"), &list)
            .unwrap();
        assert_eq!(again, StoredReference::Existing(first.clone()));
        assert_eq!(store.reference_snapshots().unwrap(), [first]);
    }

    #[test]
    fn a_date_reads_the_latest_snapshot_on_or_before_it() {
        let mut store = Store::open_in_memory().unwrap();
        store.store_reference(&new("b", "2025-12-01"), &[]).unwrap();
        store.store_reference(&new("a", "2025-06-01"), &[]).unwrap();
        let snapshots = store.reference_snapshots().unwrap();
        let on =
            |day: &str| snapshot_on(&snapshots, Day::parse(day).unwrap()).map(|s| s.sha256.clone());
        assert_eq!(on("2025-05-31"), None);
        assert_eq!(on("2025-06-01").as_deref(), Some("a"));
        assert_eq!(on("2025-11-30").as_deref(), Some("a"));
        assert_eq!(on("2025-12-01").as_deref(), Some("b"));
        assert_eq!(on("2030-01-01").as_deref(), Some("b"));
        // The latest by date, not by order of import, checks new decisions.
        assert_eq!(snapshots.last().map(|s| s.sha256.as_str()), Some("b"));
    }
}
