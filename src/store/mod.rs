//! The `SQLite` store: the only module that speaks SQL.
//!
//! Schema changes are numbered migrations applied in order and recorded in
//! `PRAGMA user_version`; a database written by a newer tthc is refused.

mod audit;
mod audit_log;
mod corrections;
mod create;
mod import;
mod known;
mod publish;
mod reference;
mod schema;
mod settings;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Row, params};

pub(crate) use audit::UpcomingChange;
pub(crate) use audit_log::{LogItem, LogReader, LoggedDecision};
pub(crate) use corrections::{CorrectionTarget, NewCorrection};
pub(crate) use create::{CreateError, Created, create_new};
pub(crate) use import::{FinishedDecision, ImportTx, NewDecision, StoredDecision, VersionWriter};
pub(crate) use known::{Known, as_known};
pub(crate) use publish::{
    AppliedDecision, ChainHead, DecisionChange, EffectiveDecision, LevelStep,
};
pub(crate) use reference::{NewSnapshot, Snapshot, StoredReference, snapshot_on};

use crate::domain::position::{Annex, AnnexRow, Position};
use crate::domain::text::strip_diacritics;
use crate::domain::{
    CatalogEntry, Code, Counts, DETAILS, Day, Details, Level, ONLINE_FULL, ONLINE_PARTIAL,
    Services, YES,
};

/// The detail columns of the version `v`, in the order of
/// [`DETAIL_FIELDS`](crate::domain::DETAIL_FIELDS) (see [`details_at`]).
macro_rules! details_of_v {
    () => {
        "v.name, v.field, v.agency, v.processing_time, v.fee, v.legal_basis, v.online, v.inter_agency"
    };
}
use details_of_v;

/// Migrations in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_audit_indexes.sql"),
    include_str!("migrations/003_search.sql"),
    include_str!("migrations/004_sorted_indexes.sql"),
    include_str!("migrations/005_decision_ranges.sql"),
    include_str!("migrations/006_online_inter_agency.sql"),
    include_str!("migrations/007_provenance.sql"),
    include_str!("migrations/008_provisional_codes.sql"),
    include_str!("migrations/009_row_positions.sql"),
    include_str!("migrations/010_reference.sql"),
    include_str!("migrations/012_corrections.sql"),
    include_str!("migrations/013_settings.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", crate::tr!("store-missing", path = .0.display().to_string()))]
    Missing(PathBuf),
    #[error("{}", crate::tr!(
        "store-too-new",
        path = path.display().to_string(),
        found = *found,
        known = *known
    ))]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}", crate::tr!("store-corrupt", what = .0))]
    Corrupt(String),
    /// The file was never a catalog of tthc: an empty file, another
    /// program's database, or no database at all.
    #[error("{}", crate::tr!(
        "store-not-catalog",
        path = path.display().to_string(),
        what = what
    ))]
    NotCatalog { path: PathBuf, what: String },
    /// A catalog of tthc whose schema was changed behind tthc's back.
    #[error("{}", crate::tr!(
        "store-damaged",
        path = path.display().to_string(),
        findings = findings.join("; ")
    ))]
    Damaged {
        path: PathBuf,
        findings: Vec<String>,
    },
    /// A read-only catalog beside which an import left its write-ahead log,
    /// which `SQLite` can read only with its shared-memory index.
    #[error("{}", crate::tr!("store-read-only-log", path = .0.display().to_string()))]
    ReadOnlyLog(PathBuf),
    /// A read-only catalog of an older schema, which only a write can upgrade.
    #[error("{}", crate::tr!(
        "store-old-read-only",
        path = path.display().to_string(),
        found = *found
    ))]
    OldReadOnly { path: PathBuf, found: i64 },
    #[error("{}", crate::tr!("store-busy"))]
    Busy,
    #[error("{}", crate::tr!("store-created-meanwhile", path = .0.display().to_string()))]
    CreatedMeanwhile(PathBuf),
    #[error("{}", crate::tr!("store-no-thread"))]
    Thread(#[source] std::io::Error),
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
    /// Create the file if it does not exist (imports). A file that exists
    /// must be a catalog of tthc: nothing is written into any other.
    Create,
    /// The file must exist and be a catalog of tthc (every read command).
    /// When it cannot be opened for writing (a read-only mount, a directory
    /// the user cannot write), it is opened read-only.
    Existing,
    /// A new, empty file that tthc has just made to build a catalog in.
    Fresh,
}

/// An open catalog database.
pub(crate) struct Store {
    conn: Connection,
    /// The database file, for a second connection that reads in parallel
    /// (see [`Store::twin`]); `None` for a database in memory.
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (and migrates) the database at `path`. Anything but a catalog
    /// of tthc is refused before a byte is written: an empty file, a file
    /// that is no database, another program's database
    /// ([`StoreError::NotCatalog`]), and a catalog whose schema was changed
    /// ([`StoreError::Damaged`]).
    pub(crate) fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        let exists = path.exists();
        if mode == OpenMode::Existing && !exists {
            return Err(StoreError::Missing(path.to_owned()));
        }
        let fresh = mode == OpenMode::Fresh || (mode == OpenMode::Create && !exists);
        if !fresh && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
            return Err(StoreError::NotCatalog {
                path: path.to_owned(),
                what: crate::tr!("store-empty-file"),
            });
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        if mode != OpenMode::Existing {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = match Connection::open_with_flags(path, flags) {
            Err(_) if mode == OpenMode::Existing && !path.exists() => {
                return Err(StoreError::Missing(path.to_owned()));
            }
            conn => conn?,
        };
        let conn = if mode == OpenMode::Existing {
            readable(conn, path)?
        } else {
            conn
        };
        Store::init(conn, path, mode, !fresh)
    }

    /// A private in-memory database (dry runs against no database).
    pub(crate) fn open_in_memory() -> Result<Store> {
        Store::init(
            Connection::open_in_memory()?,
            Path::new(":memory:"),
            OpenMode::Fresh,
            false,
        )
    }

    fn init(conn: Connection, path: &Path, mode: OpenMode, existing: bool) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(30))?;
        if existing {
            schema::check(&conn, path)?;
        }
        // Takes effect when the file is new: fewer, fuller pages for long histories.
        if !existing {
            conn.pragma_update(None, "page_size", 8192)?;
        }
        let writes = mode != OpenMode::Existing;
        // Write-ahead logging is a property of the file, set by the import that
        // creates it. Readers leave the journal mode alone: switching it needs
        // an exclusive lock, which a reader cannot wait for while an import
        // holds the write lock (SQLite refuses at once rather than deadlock).
        // During the bulk load of a first import (rollback journal, see
        // `begin_bulk_load`) readers then see the catalog as it was, or wait
        // on the busy timeout while the import writes the file.
        if writes {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        // An import that reported success must survive a power cut: its one
        // commit waits for the disk (one sync more per import). Readers
        // write nothing.
        let synchronous = if writes { "FULL" } else { "NORMAL" };
        conn.pragma_update(None, "synchronous", synchronous)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -16_384)?;
        if !writes {
            // Read commands map the file instead of copying pages through the
            // page cache: a catalog query fetches tens of thousands of versions
            // scattered through the history.
            conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;
        }
        register_functions(&conn)?;
        let in_memory = path == Path::new(":memory:");
        let mut store = Store {
            conn,
            path: (!in_memory).then(|| path.to_owned()),
        };
        store.migrate(path)?;
        Ok(store)
    }

    /// Whether the catalog was opened read-only (see [`OpenMode::Existing`]).
    pub(crate) fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
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
        if self.is_read_only() {
            return Err(StoreError::OldReadOnly {
                path: path.to_owned(),
                found,
            });
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

    /// Makes every later read of this connection see the store as it is at
    /// the first of them, however many queries a command needs (a catalog
    /// and the chain head of its manifest, two catalogs of a diff): an
    /// import that commits meanwhile is not seen. Read commands only.
    pub(crate) fn read_snapshot(&self) -> Result<()> {
        if self.conn.is_autocommit() {
            self.conn.execute_batch("BEGIN DEFERRED")?;
        }
        Ok(())
    }

    /// Before a bulk load into a store that holds no history yet: switches to
    /// a rollback journal, which writes each page once instead of to the
    /// write-ahead log and again at the checkpoint; still all or nothing if
    /// the process dies. Returns whether it switched (only when no other
    /// connection has the file open). Undo with [`Store::end_bulk_load`].
    pub(crate) fn begin_bulk_load(&mut self) -> Result<bool> {
        let empty: bool =
            self.conn
                .query_row("SELECT NOT EXISTS (SELECT 1 FROM versions)", [], |r| {
                    r.get(0)
                })?;
        if !empty {
            return Ok(false);
        }
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .unwrap_or_default();
        Ok(mode.eq_ignore_ascii_case("delete"))
    }

    /// Returns to write-ahead logging after [`Store::begin_bulk_load`].
    pub(crate) fn end_bulk_load(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    }

    /// Starts the one transaction of an import; it takes the write lock at once.
    pub(crate) fn begin_import(&mut self) -> Result<ImportTx<'_>> {
        ImportTx::begin(&mut self.conn)
    }

    /// A second connection to the store that reads the same state as this
    /// one, so that a read command can use both cores; `None` for a store in
    /// memory, or when an import has committed since this connection's
    /// snapshot began.
    pub(crate) fn twin(&self) -> Result<Option<Store>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let twin = Store::open(path, OpenMode::Existing)?;
        twin.read_snapshot()?;
        // The store changes only by whole imports and corrections, each of
        // which adds links to the chain: the same chain head is the same state.
        Ok((twin.chain_head()? == self.chain_head()?).then_some(twin))
    }

    /// Runs `here` on this connection and `there` on a [twin](Store::twin)
    /// at the same time, both reading the same state of the store; one after
    /// the other on this connection when there is no twin.
    pub(crate) fn with_twin<A, B>(
        &self,
        here: impl FnOnce(&Store) -> Result<A>,
        there: impl FnOnce(&Store) -> Result<B> + Send,
    ) -> Result<(A, B)>
    where
        B: Send,
    {
        let Some(twin) = self.twin()? else {
            return Ok((here(self)?, there(self)?));
        };
        std::thread::scope(|scope| {
            let there = std::thread::Builder::new()
                .spawn_scoped(scope, move || there(&twin))
                .map_err(StoreError::Thread)?;
            let here = here(self)?;
            let there = there
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            Ok((here, there))
        })
    }

    /// The catalog in force at the end of `day`, ordered by level, field, code.
    /// A large catalog is read in two halves, on this connection and on a
    /// [twin](Store::twin), in parallel.
    pub(crate) fn catalog(&self, day: Day) -> Result<Vec<CatalogEntry>> {
        let ids = self.in_force_ids(day)?;
        if ids.len() < PARALLEL_FROM {
            return self.catalog_alone(day);
        }
        let split = ids[ids.len() / 2];
        let (mut entries, upper) = self.with_twin(
            |here| here.catalog_part(day, i64::MIN, split),
            move |there| there.catalog_part(day, split, i64::MAX),
        )?;
        entries.extend(upper);
        crate::domain::sort_catalog(&mut entries);
        Ok(entries)
    }

    /// The catalog in force at the end of `day`, ordered by level, field,
    /// code, read on this connection only.
    pub(crate) fn catalog_alone(&self, day: Day) -> Result<Vec<CatalogEntry>> {
        let mut entries = self.catalog_part(day, i64::MIN, i64::MAX)?;
        crate::domain::sort_catalog(&mut entries);
        Ok(entries)
    }

    /// The entries in force at the end of `day` whose version id is in
    /// `from..to`, in no particular order.
    fn catalog_part(&self, day: Day, from: i64, to: i64) -> Result<Vec<CatalogEntry>> {
        let mut stmt = self.conn.prepare_cached(CATALOG_SQL)?;
        let rows = stmt.query_map(
            params![tree_point(day), day.number(), from, to],
            catalog_entry,
        )?;
        rows.map(|r| r.map_err(StoreError::from)?).collect()
    }

    /// The ids of the versions in force at the end of `day`, in order.
    fn in_force_ids(&self, day: Day) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            in_force_at!(),
            "SELECT id FROM in_force ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![tree_point(day), day.number()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Entries in force at the end of `day` whose name, field or agency hold
    /// every one of `words` (folded, alphanumeric) as a word prefix; `None`
    /// when the search index is behind the versions and cannot be brought up
    /// to date now (another import holds the write lock, or the catalog is
    /// read-only): the caller then matches the catalog itself.
    pub(crate) fn search(
        &mut self,
        day: Day,
        words: &[String],
    ) -> Result<Option<Vec<CatalogEntry>>> {
        let words: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
        if words.is_empty() {
            return Ok(Some(Vec::new()));
        }
        if !self.refresh_search_index()? {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT v.level, v.code, ",
            details_of_v!(),
            ", d.number, v.effective, d.signed
             FROM search_index AS f
             JOIN spans AS s ON s.id = f.rowid
             JOIN versions AS v ON v.id = f.rowid
             JOIN decisions AS d ON d.id = v.decision_id
             WHERE search_index MATCH ?1 AND s.day_from <= ?2 AND s.day_to > ?2
             ORDER BY v.level, v.field, v.code"
        ))?;
        let rows = stmt.query_map(params![words.join(" "), day.number()], catalog_entry)?;
        let mut entries = rows
            .map(|r| r.map_err(StoreError::from)?)
            .collect::<Result<Vec<_>>>()?;
        // SQLite orders fields by code point ("Đất đai" last); the catalog's
        // order is Vietnamese.
        crate::domain::sort_catalog(&mut entries);
        Ok(Some(entries))
    }

    /// Indexes for search the versions stored since the last search.
    /// Returns whether the index is up to date: it is not when the catalog
    /// is read-only or another import holds the write lock, which a search
    /// never waits for.
    fn refresh_search_index(&mut self) -> Result<bool> {
        let behind: bool = self.conn.query_row(
            "SELECT coalesce(max(v.id), 0) > (SELECT indexed_to FROM search_state) FROM versions AS v",
            [],
            |r| r.get(0),
        )?;
        if !behind {
            return Ok(true);
        }
        if self.is_read_only() {
            return Ok(false);
        }
        // The index is written in a transaction of its own, after which the
        // read snapshot starts again.
        let reading = !self.conn.is_autocommit();
        if reading {
            self.conn.execute_batch("COMMIT")?;
        }
        self.conn.busy_timeout(Duration::ZERO)?;
        let written = self.write_search_index();
        self.conn.busy_timeout(Duration::from_secs(30))?;
        if reading {
            self.read_snapshot()?;
        }
        match written {
            Ok(()) => Ok(true),
            Err(StoreError::Busy) => Ok(false),
            Err(StoreError::Sqlite(e))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) =>
            {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// Adds to the search index the versions it does not hold yet.
    fn write_search_index(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO search_index (rowid, body)
             SELECT id, tthc_fold(name || ' ' || field || ' ' || agency) FROM versions
             WHERE id > (SELECT indexed_to FROM search_state)",
            [],
        )?;
        tx.execute(
            "UPDATE search_state SET indexed_to = (SELECT coalesce(max(id), 0) FROM versions)",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The counts of the catalog in force at the end of `day`.
    pub(crate) fn counts(&self, day: Day) -> Result<Counts> {
        let mut stmt = self.conn.prepare_cached(COUNTS_SQL)?;
        let words = [ONLINE_FULL, ONLINE_PARTIAL, YES];
        let (mut first, mut past) = ([0; 8], [0; 8]);
        let [from, to] = Code::provisional_bounds();
        let (provisional, past_provisional) = (from.as_text(&mut first), to.as_text(&mut past));
        Ok(stmt.query_row(
            params![
                tree_point(day),
                day.number(),
                words[0],
                words[1],
                words[2],
                provisional,
                past_provisional
            ],
            |r| {
                let n = |i: usize| r.get::<_, i64>(i).map(i64::unsigned_abs);
                let three = |first: usize| -> rusqlite::Result<[u64; 3]> {
                    Ok([n(first)?, n(first + 1)?, n(first + 2)?])
                };
                Ok(Counts {
                    province: n(0)?,
                    district: n(1)?,
                    commune: n(2)?,
                    procedures: n(3)?,
                    services: Services {
                        online_full: three(4)?,
                        online_partial: three(7)?,
                        inter_agency: three(10)?,
                    },
                    without_code: n(13)?,
                })
            },
        )?)
    }
}

/// A reader's connection that can read the catalog: `conn` itself, or, when
/// the catalog cannot be opened for writing (a read-only mount, a directory
/// the user cannot write: `SQLite` cannot make the files it keeps beside a
/// database in write-ahead-log mode), the catalog opened read-only. It is
/// opened immutable (no locks, no files beside it) unless an import left its
/// write-ahead log beside it, whose changes must be read too.
fn readable(conn: Connection, path: &Path) -> Result<Connection> {
    match conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)) {
        Err(e) if cannot_write_beside(&e) => drop(conn),
        _ => return Ok(conn),
    }
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let logged = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let uri = file_uri(path, if logged { "mode=ro" } else { "immutable=1" });
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(uri, flags)?;
    match conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)) {
        Err(e) if logged && cannot_write_beside(&e) => {
            Err(StoreError::ReadOnlyLog(path.to_owned()))
        }
        _ => Ok(conn),
    }
}

/// Whether an error of a first read says the database cannot be opened
/// for writing or the files beside it cannot be made.
fn cannot_write_beside(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// The `file:` URI of a database path, with `query` (RFC 3986: bytes other
/// than unreserved ones and `/` are percent-encoded).
fn file_uri(path: &Path, query: &str) -> String {
    use std::fmt::Write as _;
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().replace('\\', "/").into_bytes();
    let mut uri = String::from("file:");
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

/// The point-in-time part of every catalog query: a CTE `in_force(id)` of the
/// versions in force at the end of a day. Parameter 1 is the day's point in the
/// interval tree ([`tree_point`]), parameter 2 the day itself. It walks the
/// path from the tree's root to the point and reads, at each fork on the path,
/// the intervals that reach the day: from the left of the point by their end,
/// from the right by their start.
macro_rules! in_force_at {
    () => {
        "WITH RECURSIVE path (node, k) AS (
             SELECT 1 << 30, 30
             UNION ALL
             SELECT ((?1 >> k) << k) | (1 << (k - 1)), k - 1 FROM path WHERE node <> ?1 AND k > 0
         ),
         in_force (id) AS (
             SELECT s.id FROM path JOIN span_starts AS s ON s.fork = path.node
             WHERE path.node >= ?1 AND s.day_from <= ?2
             UNION ALL
             SELECT s.id FROM path JOIN span_ends AS s ON s.fork = path.node
             WHERE path.node < ?1 AND s.day_to > ?2
         ) "
    };
}
use in_force_at;

// The queries over the versions in force. The interval tree gives their ids
// (in id order, so that the versions are read front to back), and each is
// then fetched by its id: `CROSS JOIN` keeps that order of the joins, which
// SQLite has turned around into a scan of every version when an index of
// `versions` held all the columns a query needed.

/// Catalogs with at least this many entries are read on two connections.
const PARALLEL_FROM: usize = 10_000;

/// The catalog at the end of a day, in no particular order (see
/// [`in_force_at`]): the versions whose ids are in `?3..?4`.
const CATALOG_SQL: &str = concat!(
    in_force_at!(),
    "SELECT v.level, v.code, ",
    details_of_v!(),
    ", d.number, v.effective, d.signed
     FROM (SELECT id FROM in_force WHERE id >= ?3 AND id < ?4 ORDER BY id) AS s
     CROSS JOIN versions AS v ON v.id = s.id
     CROSS JOIN decisions AS d ON d.id = v.decision_id"
);

/// The counts per level and of distinct codes at the end of a day.
const COUNTS_SQL: &str = concat!(
    in_force_at!(),
    "SELECT coalesce(sum(v.level = 0), 0), coalesce(sum(v.level = 1), 0),
            coalesce(sum(v.level = 2), 0), count(DISTINCT v.code),
            coalesce(sum(v.level = 0 AND v.online = ?3), 0),
            coalesce(sum(v.level = 1 AND v.online = ?3), 0),
            coalesce(sum(v.level = 2 AND v.online = ?3), 0),
            coalesce(sum(v.level = 0 AND v.online = ?4), 0),
            coalesce(sum(v.level = 1 AND v.online = ?4), 0),
            coalesce(sum(v.level = 2 AND v.online = ?4), 0),
            coalesce(sum(v.level = 0 AND v.inter_agency = ?5), 0),
            coalesce(sum(v.level = 1 AND v.inter_agency = ?5), 0),
            coalesce(sum(v.level = 2 AND v.inter_agency = ?5), 0),
            coalesce(sum(v.code >= ?6 AND v.code < ?7), 0)
     FROM (SELECT id FROM in_force ORDER BY id) AS s
     CROSS JOIN versions AS v ON v.id = s.id"
);

/// The entry number ([`Code::entry`]) of the version `v`, in SQL.
macro_rules! entry_of_v {
    () => {
        "((CAST(substr(v.code, 1, 1) AS INTEGER) * 1000000 + CAST(substr(v.code, 3, 6) AS INTEGER)) * 4 + v.level)"
    };
}
use entry_of_v;

/// Days are shifted by this much into the interval tree, whose nodes are the
/// positive numbers below 2^31.
const TREE_SHIFT: i64 = 1 << 29;
const TREE_TOP: i64 = (1 << 31) - 1;

/// A day's point in the interval tree.
/// The detail columns of a version ([`details_of_v`]), in the order of
/// [`DETAIL_FIELDS`](crate::domain::DETAIL_FIELDS), from column `first` on.
pub(crate) fn details_at(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Details> {
    let mut fields: [String; DETAILS] = Default::default();
    for (i, field) in fields.iter_mut().enumerate() {
        *field = r.get(first + i)?;
    }
    Ok(Details::from_array(fields))
}

pub(crate) fn tree_point(day: Day) -> i64 {
    (i64::from(day.number()) + TREE_SHIFT).clamp(1, TREE_TOP)
}

/// The fork of the interval `[from, to)`: the node of the virtual tree inside
/// the interval with the most trailing zero bits.
pub(crate) fn tree_fork(from: i32, to: i32) -> i64 {
    let lo = (i64::from(from) + TREE_SHIFT).clamp(1, TREE_TOP);
    let hi = (i64::from(to) - 1 + TREE_SHIFT).clamp(lo, TREE_TOP);
    if lo == hi {
        return lo;
    }
    // lo and hi share the bits above `bit`; below it the node with the most
    // trailing zeros is lo itself when its low bits are all zero, else the
    // shared prefix followed by a one at `bit`.
    let bit = 63 - (lo ^ hi).leading_zeros();
    if lo & ((1 << (bit + 1)) - 1) == 0 {
        lo
    } else {
        (hi >> bit) << bit
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
    let details = details_at(r, 2)?;
    let decision: String = r.get(2 + DETAILS)?;
    let effective: i32 = r.get(3 + DETAILS)?;
    let signed: i32 = r.get(4 + DETAILS)?;
    Ok(parse_level(level).and_then(|level| {
        Ok(CatalogEntry {
            level,
            code: parse_code(&code)?,
            details,
            decision,
            signed: Day::from_number(signed),
            effective: Day::from_number(effective),
        })
    }))
}

/// The decision a row-number reference names, with its numbered rows and
/// the entries they made (see [`Annex`]). `number_key` is
/// [`crate::domain::number_key`] of its number.
fn annex_rows(conn: &Connection, number_key: &str, signed: Option<Day>) -> Result<Annex> {
    let mut find = conn.prepare_cached(
        "SELECT id, number, signed FROM decisions
         WHERE number_key = ?1 AND (?2 IS NULL OR signed = ?2) ORDER BY signed, id",
    )?;
    let found: Vec<(i64, String, i32)> = find
        .query_map(params![number_key, signed.map(Day::number)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (id, number, signed) = match found.as_slice() {
        [] => return Ok(Annex::NotStored),
        [one] => one.clone(),
        several => {
            return Ok(Annex::Several(
                several.iter().map(|d| Day::from_number(d.2)).collect(),
            ));
        }
    };
    // The rows in force: those of a correction, if the decision has one.
    let mut stmt = conn.prepare_cached(
        "SELECT v.code, v.level, v.name, p.annex, p.sections, p.stt
         FROM provenance AS p
         JOIN decisions AS d ON d.id = p.decision_id
         JOIN versions AS v ON v.decision_id = p.decision_id AND v.row_no = p.row_no
         WHERE p.decision_id = ?1 AND p.stt <> '' AND v.role = 0
           AND v.id BETWEEN d.first_version AND d.last_version
         ORDER BY p.row_no",
    )?;
    let raw: Vec<(String, i64, String, String, String, String)> = stmt
        .query_map(params![id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let rows = raw
        .into_iter()
        .map(|(code, level, name, annex, sections, stt)| {
            Ok(AnnexRow {
                position: Position {
                    annex,
                    sections: Position::sections_from(&sections),
                    stt,
                },
                code: parse_code(&code)?,
                level: parse_level(level)?,
                name,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Annex::Stored {
        number,
        signed: Day::from_number(signed),
        rows,
    })
}

impl Store {
    /// The decision a row-number reference names (see [`annex_rows`]).
    pub(crate) fn annex_rows(&self, number_key: &str, signed: Option<Day>) -> Result<Annex> {
        annex_rows(&self.conn, number_key, signed)
    }
}

impl ImportTx<'_> {
    /// The decision a row-number reference names (see [`annex_rows`]),
    /// including the decisions this import has stored so far.
    pub(crate) fn annex_rows(&self, number_key: &str, signed: Option<Day>) -> Result<Annex> {
        annex_rows(self.connection(), number_key, signed)
    }
}

fn parse_level(i: i64) -> Result<Level> {
    Level::from_index(i).ok_or_else(|| {
        StoreError::Corrupt(crate::tr!(
            "store-corrupt-column",
            column = "level",
            value = i.to_string()
        ))
    })
}

fn parse_action(i: i64) -> Result<crate::domain::Action> {
    crate::domain::Action::from_index(i).ok_or_else(|| {
        StoreError::Corrupt(crate::tr!(
            "store-corrupt-column",
            column = "action",
            value = i.to_string()
        ))
    })
}

/// The action of stored version `id`, naming the version when it is not one.
fn parse_version_action(id: i64, i: i64) -> Result<crate::domain::Action> {
    crate::domain::Action::from_index(i).ok_or_else(|| {
        StoreError::Corrupt(crate::tr!(
            "store-corrupt-version",
            id = id,
            what = crate::tr!(
                "store-corrupt-column",
                column = "action",
                value = i.to_string()
            )
        ))
    })
}

fn parse_code(s: &str) -> Result<Code> {
    Code::stored(s).ok_or_else(|| {
        StoreError::Corrupt(crate::tr!(
            "store-corrupt-column",
            column = "code",
            value = format!("{s:?}")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_decision(store: &Store, id: i64) {
        store
            .conn
            .execute(
                "INSERT INTO decisions VALUES (?1, ?1, ?1, 0, 0, 0, 0, 'f', '', '', '', '', ?1, 0, -1)",
                [id],
            )
            .unwrap();
    }

    /// A read command's queries all see the store as it was at the first of
    /// them, even when an import commits between two of them.
    #[test]
    fn reads_after_read_snapshot_do_not_see_a_later_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.db");
        let writer = Store::open(&path, OpenMode::Create).unwrap();
        add_decision(&writer, 1);
        let reader = Store::open(&path, OpenMode::Existing).unwrap();
        reader.read_snapshot().unwrap();
        assert_eq!(reader.chain_head().unwrap().decisions, 1);
        add_decision(&writer, 2);
        assert_eq!(reader.chain_head().unwrap().decisions, 1);
        let fresh = Store::open(&path, OpenMode::Existing).unwrap();
        assert_eq!(fresh.chain_head().unwrap().decisions, 2);
    }

    /// The point-in-time queries walk the interval tree through its indexes
    /// and fetch versions by rowid; they never scan spans or versions, so
    /// their cost follows the size of the catalog, not the length of history.
    #[test]
    fn catalog_queries_use_the_interval_tree() {
        let store = Store::open_in_memory().unwrap();
        let day = Day::from_number(20_000);
        let catalog = [tree_point(day), 20_000, 0, i64::MAX].map(rusqlite::types::Value::from);
        let counts = [
            tree_point(day).into(),
            20_000.into(),
            ONLINE_FULL.to_owned().into(),
            ONLINE_PARTIAL.to_owned().into(),
            YES.to_owned().into(),
            "9.800001".to_owned().into(),
            "9.900000".to_owned().into(),
        ];
        for (sql, values) in [(CATALOG_SQL, &catalog[..]), (COUNTS_SQL, &counts[..])] {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(values), |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let plan = plan.join("\n");
            for step in [
                "SEARCH s USING PRIMARY KEY (fork=? AND day_from<?)",
                "SEARCH s USING PRIMARY KEY (fork=? AND day_to>?)",
                "SEARCH v USING INTEGER PRIMARY KEY (rowid=?)",
            ] {
                assert!(plan.contains(step), "{step} is not in\n{plan}");
            }
            assert!(
                !plan.contains("SCAN v") && !plan.contains("AUTOMATIC"),
                "{plan}"
            );
        }
    }

    /// The SQL form of the entry number, used by verify and by the
    /// catalog after a decision, agrees with the one imports file under.
    #[test]
    fn the_entry_number_in_sql_is_code_entry() {
        let store = Store::open_in_memory().unwrap();
        let sql = concat!(
            "SELECT ",
            entry_of_v!(),
            " FROM (SELECT ?1 AS code, ?2 AS level) AS v"
        );
        for text in ["0.000000", "1.001612", "2.000908", "9.999999"] {
            let code = Code::stored(text).unwrap();
            for level in Level::ALL {
                let in_sql: u32 = store
                    .conn
                    .query_row(sql, params![text, level as i64], |r| r.get(0))
                    .unwrap();
                assert_eq!(in_sql, code.entry(level), "{text} {level:?}");
            }
        }
    }

    /// Brute force over small intervals: an interval contains a day exactly
    /// when its fork lies on the day's path and the matching bound holds.
    #[test]
    fn forks_lie_on_the_path_of_every_day_they_contain() {
        let path = |day: i32| {
            let v = tree_point(Day::from_number(day));
            let mut nodes = vec![1_i64 << 30];
            let mut k = 30;
            while *nodes.last().unwrap() != v && k > 0 {
                nodes.push(((v >> k) << k) | (1 << (k - 1)));
                k -= 1;
            }
            (v, nodes)
        };
        for from in -40..40 {
            for to in (from + 1)..45 {
                let fork = tree_fork(from, to);
                for day in -45..50 {
                    let (v, nodes) = path(day);
                    let found =
                        nodes.contains(&fork) && if fork >= v { from <= day } else { to > day };
                    assert_eq!(found, from <= day && day < to, "[{from},{to}) day {day}");
                }
            }
        }
        let open = tree_fork(20_000, Day::OPEN);
        let (v, nodes) = path(30_000);
        assert!(nodes.contains(&open) && open >= v);
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
