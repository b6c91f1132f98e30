//! The `SQLite` store: the only module that speaks SQL.
//!
//! Schema changes are numbered migrations applied in order and recorded in
//! `PRAGMA user_version`; a database written by a newer tthc is refused.

mod import;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Row, params};

pub(crate) use import::{ImportTx, NewDecision, NewVersion, StoredDecision, StoredEvent};

use crate::domain::text::strip_diacritics;
use crate::domain::{CatalogEntry, Code, Counts, Day, Details, Level};

/// Migrations in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_audit_indexes.sql"),
    include_str!("migrations/003_search.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no catalog database at {}: import a decision first (tthc import FILE)", .0.display())]
    Missing(PathBuf),
    #[error(
        "{} was written by a newer tthc (schema version {found}; this tthc knows up to {known}): upgrade tthc",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("the database holds a value tthc cannot read: {0}")]
    Corrupt(String),
    #[error("another import is writing to the catalog; try again when it has finished")]
    Busy,
    #[error(transparent)]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

pub(crate) type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How to open the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpenMode {
    /// Create the file if it does not exist (imports).
    Create,
    /// The file must exist (every read command).
    Existing,
}

/// An open catalog database.
pub(crate) struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (and migrates) the database at `path`.
    pub(crate) fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        if mode == OpenMode::Existing && !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::init(conn, path)
    }

    /// A private in-memory database (dry runs against no database).
    pub(crate) fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    fn init(conn: Connection, path: &Path) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        register_functions(&conn)?;
        let mut store = Store { conn };
        store.migrate(path)?;
        Ok(store)
    }

    fn migrate(&mut self, path: &Path) -> Result<()> {
        let known = MIGRATIONS.len() as i64;
        let found: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > known {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found,
                known,
            });
        }
        if found == known {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Read again under the write lock: another process may have migrated meanwhile.
        let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Starts the one transaction of an import; it takes the write lock at once.
    pub(crate) fn begin_import(&mut self) -> Result<ImportTx<'_>> {
        ImportTx::begin(&mut self.conn)
    }

    /// The catalog in force at the end of `day`, ordered by level, field, code.
    pub(crate) fn catalog(&self, day: Day) -> Result<Vec<CatalogEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.level, v.code, v.name, v.field, v.agency, v.processing_time, v.fee,
                    v.legal_basis, d.number, v.effective
             FROM spans AS s
             JOIN versions AS v ON v.id = s.id
             JOIN decisions AS d ON d.id = v.decision_id
             WHERE s.day_from <= ?1 AND s.day_to > ?1
             ORDER BY v.level, v.field, v.code",
        )?;
        let rows = stmt.query_map(params![day.number()], catalog_entry)?;
        rows.map(|r| r.map_err(StoreError::from)?).collect()
    }

    /// Entries in force at the end of `day` whose name, field or agency hold
    /// every word of `query` (as word prefixes), ignoring case and diacritics.
    pub(crate) fn search(&self, day: Day, query: &str) -> Result<Vec<CatalogEntry>> {
        let words: Vec<String> = strip_diacritics(query)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\"*"))
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.level, v.code, v.name, v.field, v.agency, v.processing_time, v.fee,
                    v.legal_basis, d.number, v.effective
             FROM search_index AS f
             JOIN spans AS s ON s.id = f.rowid
             JOIN versions AS v ON v.id = f.rowid
             JOIN decisions AS d ON d.id = v.decision_id
             WHERE search_index MATCH ?1 AND s.day_from <= ?2 AND s.day_to > ?2
             ORDER BY v.level, v.field, v.code",
        )?;
        let rows = stmt.query_map(params![words.join(" "), day.number()], catalog_entry)?;
        rows.map(|r| r.map_err(StoreError::from)?).collect()
    }

    /// The counts of the catalog in force at the end of `day`.
    pub(crate) fn counts(&self, day: Day) -> Result<Counts> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(sum(v.level = 0), 0), coalesce(sum(v.level = 1), 0),
                    coalesce(sum(v.level = 2), 0), count(DISTINCT v.code)
             FROM spans AS s JOIN versions AS v ON v.id = s.id
             WHERE s.day_from <= ?1 AND s.day_to > ?1",
        )?;
        Ok(stmt.query_row(params![day.number()], |r| {
            Ok(Counts {
                province: r.get::<_, i64>(0)?.unsigned_abs(),
                district: r.get::<_, i64>(1)?.unsigned_abs(),
                commune: r.get::<_, i64>(2)?.unsigned_abs(),
                procedures: r.get::<_, i64>(3)?.unsigned_abs(),
            })
        })?)
    }
}

/// SQL functions the schema relies on: `tthc_fold(text)` folds text for the search index.
fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "tthc_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(strip_diacritics(&ctx.get::<String>(0)?)),
    )?;
    Ok(())
}

fn catalog_entry(r: &Row<'_>) -> rusqlite::Result<Result<CatalogEntry>> {
    let level: i64 = r.get(0)?;
    let code: String = r.get(1)?;
    let details = Details {
        name: r.get(2)?,
        field: r.get(3)?,
        agency: r.get(4)?,
        processing_time: r.get(5)?,
        fee: r.get(6)?,
        legal_basis: r.get(7)?,
    };
    let decision: String = r.get(8)?;
    let effective: i32 = r.get(9)?;
    Ok(parse_level(level).and_then(|level| {
        Ok(CatalogEntry {
            level,
            code: parse_code(&code)?,
            details,
            decision,
            effective: Day::from_number(effective),
        })
    }))
}

fn parse_level(i: i64) -> Result<Level> {
    Level::from_index(i).ok_or_else(|| StoreError::Corrupt(format!("level {i}")))
}

fn parse_code(s: &str) -> Result<Code> {
    Code::parse(s).map_err(StoreError::Corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The point-in-time query must go through the R*Tree of validity
    /// intervals and fetch versions by rowid, never scan the history.
    #[test]
    fn catalog_query_uses_the_validity_index() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN
                 SELECT v.level, v.code FROM spans AS s
                 JOIN versions AS v ON v.id = s.id
                 JOIN decisions AS d ON d.id = v.decision_id
                 WHERE s.day_from <= ?1 AND s.day_to > ?1",
            )
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(params![0], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains("VIRTUAL TABLE INDEX"), "{plan}");
        assert!(
            plan.contains("SEARCH v USING INTEGER PRIMARY KEY"),
            "{plan}"
        );
        assert!(
            plan.contains("SEARCH d USING INTEGER PRIMARY KEY"),
            "{plan}"
        );
        assert!(!plan.contains("SCAN v"), "{plan}");
    }

    #[test]
    fn a_database_from_a_newer_tthc_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(Store::open(&path, OpenMode::Create).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = Store::open(&path, OpenMode::Existing).err().unwrap();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
        assert!(err.to_string().contains("newer tthc"));
    }
}
