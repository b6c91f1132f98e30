//! The read side of the audit: the decision log, and the stored history read
//! back one row at a time for `tthc verify`.
//!
//! The history is streamed: each scan is one query whose rows are handed to a
//! callback as they come, so memory does not grow with the history. A value
//! the store cannot read (text in a date column, an unknown level) is handed
//! over as a message instead of stopping the scan.

use rusqlite::types::{FromSql, ValueRef};
use rusqlite::{ErrorCode, Row, Savepoint, params};

use super::{Result, Store, StoreError, details_of_v, entry_of_v, tree_fork};
use crate::domain::correction::Correction;
use crate::domain::rules::{OrderKey, Role};
use crate::domain::verify::{DecisionHead, StoredVersion, decision_label};
use crate::domain::version::Version;
use crate::domain::{Action, Code, DETAILS, Day, Details, Level};

/// A read of the whole store in one snapshot: imports that commit meanwhile
/// are not seen.
pub(crate) struct LogReader<'c> {
    tx: Savepoint<'c>,
}

/// What the decision scan hands over, in order of import.
#[derive(Debug)]
pub(crate) enum LogItem {
    /// A decision; its versions follow, ordered by row number then role.
    Decision(std::result::Result<DecisionHead, String>),
    /// A version of the last decision handed over.
    Version(std::result::Result<StoredVersion, String>),
}

/// One line of the decision log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LoggedDecision {
    /// Its place in the order of import.
    pub id: u32,
    pub number: String,
    pub signed: Day,
    pub effective_first: Day,
    pub effective_last: Day,
    /// Entry changes per action (added, amended, replaced, repealed).
    pub actions: [u64; 4],
    pub rows: u64,
    pub source: String,
    pub source_sha256: String,
    pub imported_at: String,
    pub imported_by: String,
    pub chain_sha256: String,
}

/// The columns of a version as [`version_at`] reads them: the version, the
/// number and signing date of its decision, and its validity interval.
const VERSION_COLUMNS: &str = concat!(
    "v.id, v.decision_id, v.row_no, v.action, v.role, v.code, v.level, v.other_code,
    v.effective, v.signed, v.given, ",
    details_of_v!(),
    ", v.line"
);
const VERSION_NAMES: [&str; 12 + DETAILS] = [
    "id",
    "decision_id",
    "row_no",
    "action",
    "role",
    "code",
    "level",
    "other_code",
    "effective",
    "signed",
    "given",
    "name",
    "field",
    "agency",
    "processing_time",
    "fee",
    "legal_basis",
    "online",
    "inter_agency",
    "line",
];

impl Store {
    /// Starts a read of the whole store in one snapshot.
    pub(crate) fn read_log(&mut self) -> Result<LogReader<'_>> {
        // Inside the snapshot of a read command, or one of its own.
        let tx = self.conn.savepoint()?;
        Ok(LogReader { tx })
    }

    /// The decisions in order of import, with their entry changes per action.
    pub(crate) fn decision_log(&self) -> Result<Vec<LoggedDecision>> {
        let mut stmt = self.conn.prepare(DECISION_LOG_SQL)?;
        let mut rows = stmt.query([])?;
        let mut log = Vec::new();
        while let Some(r) = rows.next()? {
            let count = |i: usize| -> Result<u64> {
                let n: i64 = r.get(i)?;
                u64::try_from(n).map_err(|_| {
                    StoreError::Corrupt(crate::tr!(
                        "store-corrupt-column",
                        column = "rows",
                        value = n.to_string()
                    ))
                })
            };
            log.push(LoggedDecision {
                id: r.get(14)?,
                number: r.get(0)?,
                signed: Day::from_number(r.get(1)?),
                effective_first: Day::from_number(r.get(2)?),
                effective_last: Day::from_number(r.get(3)?),
                actions: [count(4)?, count(5)?, count(6)?, count(7)?],
                rows: count(8)?,
                source: r.get(9)?,
                source_sha256: r.get(10)?,
                imported_at: r.get(11)?,
                imported_by: r.get(12)?,
                chain_sha256: r.get(13)?,
            });
        }
        Ok(log)
    }
}

impl StoreError {
    /// Whether the file was never a catalog of tthc.
    pub(crate) fn is_not_catalog(&self) -> bool {
        matches!(self, StoreError::NotCatalog { .. })
    }

    /// Whether the error says the database file itself is damaged.
    pub(crate) fn is_damage(&self) -> bool {
        match self {
            StoreError::Corrupt(_) | StoreError::Damaged { .. } => true,
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
            ),
            _ => false,
        }
    }
}

impl LogReader<'_> {
    /// Runs `SQLite`'s integrity and foreign key checks; hands over each problem.
    pub(crate) fn integrity(&self, mut on: impl FnMut(String)) -> Result<()> {
        let mut stmt = self.tx.prepare("PRAGMA integrity_check(100)")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let line: String = r.get(0)?;
            if line != "ok" {
                on(crate::tr!("verify-sqlite-integrity", line = line));
            }
        }
        let mut stmt = self.tx.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            let row = rowid.map_or_else(
                || crate::tr!("verify-a-row"),
                |id| crate::tr!("verify-wrong-row", row = id),
            );
            on(crate::tr!(
                "verify-foreign-key",
                row = row,
                table = table,
                parent = parent
            ));
        }
        Ok(())
    }

    /// Checks that the entry index and the interval tree hold exactly the
    /// versions and validity intervals they index; hands over one mismatch
    /// per version and index.
    pub(crate) fn index_mismatches(&self, mut on: impl FnMut(String)) -> Result<()> {
        let mut version = self
            .tx
            .prepare(&versions_sql("versions AS v", "WHERE v.id = ?1"))?;
        for (checks, what, index) in index_checks() {
            let mut ids = std::collections::BTreeSet::new();
            for sql in &checks {
                let mut stmt = self.tx.prepare(sql)?;
                let mut rows = stmt.query([])?;
                while let Some(r) = rows.next()? {
                    ids.insert(r.get::<_, i64>(0)?);
                }
            }
            for id in ids {
                let mut found = version.query(params![id])?;
                on(match found.next()?.map(|r| version_at(r, 0)) {
                    Some(Ok(v)) => crate::tr!(
                        "verify-index-version",
                        entry = v.entry_label(),
                        version = v.version_label(),
                        what = what.as_str()
                    ),
                    _ => crate::tr!("verify-index-no-version", index = index.as_str(), id = id),
                });
            }
        }
        for (sql, missing) in day_checks() {
            let mut stmt = self.tx.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let number: Option<String> = r.get(0).ok().flatten();
                let signed: Option<i32> = r.get(1).ok().flatten();
                let day = r
                    .get::<_, i32>(2)
                    .map_or_else(|_| shown(r, 2), |d| Day::from_number(d).to_string());
                let decision = match number.zip(signed) {
                    Some((number, signed)) => decision_label(&number, Day::from_number(signed)),
                    None => crate::tr!("verify-no-such-decision"),
                };
                on(if missing {
                    crate::tr!("verify-day-missing", decision = decision, day = day)
                } else {
                    crate::tr!("verify-day-extra", decision = decision, day = day)
                });
            }
        }
        Ok(())
    }

    /// Checks the full-text index of `search` against the versions it says
    /// it holds (every id up to `search_state.indexed_to`): the words of
    /// each version's name, field and agency, at their places, and nothing
    /// else. The expected index is built again from the versions in a
    /// temporary table, and both are read side by side in the order of their
    /// words; only when they differ are the versions that differ sought,
    /// through digests of each version's words. Hands over one mismatch per
    /// version; returns how many versions the index holds.
    pub(crate) fn search_index_mismatches(&self, mut on: impl FnMut(String)) -> Result<u64> {
        let (states, indexed_to): (i64, Option<i64>) = self.tx.query_row(
            "SELECT count(*), max(indexed_to) FROM search_state",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if states != 1 {
            on(crate::tr!("verify-search-state", states = states));
        }
        let indexed_to = indexed_to.unwrap_or(0);
        let last: i64 =
            self.tx
                .query_row("SELECT coalesce(max(id), 0) FROM versions", [], |r| {
                    r.get(0)
                })?;
        if indexed_to > last {
            on(crate::tr!(
                "verify-search-deleted",
                indexed_to = indexed_to,
                last = last
            ));
        }
        register_word_digest(&self.tx)?;
        self.tx.execute_batch(
            "DROP TABLE IF EXISTS temp.tthc_search_expected;
             DROP TABLE IF EXISTS temp.tthc_search_expected_words;
             DROP TABLE IF EXISTS temp.tthc_search_found_words;
             CREATE VIRTUAL TABLE temp.tthc_search_expected USING fts5 (
                 body, content = '', contentless_delete = 1, tokenize = 'unicode61');
             CREATE VIRTUAL TABLE temp.tthc_search_expected_words
                 USING fts5vocab (temp, tthc_search_expected, instance);
             CREATE VIRTUAL TABLE temp.tthc_search_found_words
                 USING fts5vocab (main, search_index, instance);",
        )?;
        self.tx.execute(
            "INSERT INTO temp.tthc_search_expected (rowid, body)
             SELECT id, tthc_fold(name || ' ' || field || ' ' || agency) FROM versions
             WHERE id <= ?1",
            params![indexed_to],
        )?;
        let differing = if self.same_words()? {
            Vec::new()
        } else {
            self.versions_with_other_words()?
        };
        let mut version = self
            .tx
            .prepare(&versions_sql("versions AS v", "WHERE v.id = ?1"))?;
        Self::report_index_words(&mut version, &differing, indexed_to, &mut on)?;
        drop(version);
        self.tx.execute_batch(
            "DROP TABLE temp.tthc_search_found_words;
             DROP TABLE temp.tthc_search_expected_words;
             DROP TABLE temp.tthc_search_expected;",
        )?;
        Ok(indexed_to.clamp(0, last).unsigned_abs())
    }

    /// Whether the search index and the one built again hold the same words
    /// at the same places of the same versions: both are read in the order
    /// of their words, side by side, without sorting.
    fn same_words(&self) -> Result<bool> {
        let sql = |table: &str| format!("SELECT term, doc, offset FROM temp.{table}");
        let mut expected = self.tx.prepare(&sql("tthc_search_expected_words"))?;
        let mut found = self.tx.prepare(&sql("tthc_search_found_words"))?;
        let mut expected = expected.query([])?;
        let mut found = found.query([])?;
        loop {
            match (expected.next()?, found.next()?) {
                (None, None) => return Ok(true),
                (Some(e), Some(f)) => {
                    if e.get_ref(0)? != f.get_ref(0)?
                        || e.get::<_, i64>(1)? != f.get::<_, i64>(1)?
                        || e.get::<_, i64>(2)? != f.get::<_, i64>(2)?
                    {
                        return Ok(false);
                    }
                }
                _ => return Ok(false),
            }
        }
    }

    /// The versions whose words differ between the search index and the one
    /// built again, found through per-version digests of their words.
    fn versions_with_other_words(&self) -> Result<Vec<i64>> {
        let digests = |table: &str| {
            format!(
                "SELECT doc, count(*), sum(tthc_word_digest(term, offset, 0)),
                        sum(tthc_word_digest(term, offset, 1))
                 FROM temp.{table} GROUP BY doc ORDER BY doc"
            )
        };
        let mut expected = self.tx.prepare(&digests("tthc_search_expected_words"))?;
        let mut found = self.tx.prepare(&digests("tthc_search_found_words"))?;
        let read = |r: &Row<'_>| -> rusqlite::Result<(i64, [i64; 3])> {
            Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?]))
        };
        let mut expected = expected.query_map([], read)?;
        let mut found = found.query_map([], read)?;
        let mut e = expected.next().transpose()?;
        let mut f = found.next().transpose()?;
        let mut differing = Vec::new();
        loop {
            match (e, f) {
                (None, None) => break,
                (Some((ei, ed)), Some((fi, fd))) if ei == fi => {
                    if ed != fd {
                        differing.push(ei);
                    }
                    e = expected.next().transpose()?;
                    f = found.next().transpose()?;
                }
                (Some((ei, _)), Some((fi, _))) if ei < fi => {
                    differing.push(ei);
                    e = expected.next().transpose()?;
                }
                (Some((ei, _)), None) => {
                    differing.push(ei);
                    e = expected.next().transpose()?;
                }
                (_, Some((fi, _))) => {
                    differing.push(fi);
                    f = found.next().transpose()?;
                }
            }
        }
        Ok(differing)
    }

    /// One mismatch per version whose words the search index does not hold exactly.
    fn report_index_words(
        version: &mut rusqlite::Statement<'_>,
        ids: &[i64],
        indexed_to: i64,
        on: &mut impl FnMut(String),
    ) -> Result<()> {
        // Only the first mismatches are shown: the others are counted
        // without reading their versions.
        const NAMED: usize = 1_000;
        for (i, &id) in ids.iter().enumerate() {
            if i >= NAMED {
                on(crate::tr!("verify-search-words-id", id = id));
                continue;
            }
            let mut rows = version.query(params![id])?;
            on(match rows.next()?.map(|r| version_at(r, 0)) {
                Some(Ok(v)) if id <= indexed_to => crate::tr!(
                    "verify-search-words",
                    entry = v.entry_label(),
                    version = v.version_label()
                ),
                Some(Ok(v)) => crate::tr!(
                    "verify-search-beyond",
                    entry = v.entry_label(),
                    version = v.version_label(),
                    indexed_to = indexed_to
                ),
                _ => crate::tr!("verify-search-no-version", id = id),
            });
        }
        Ok(())
    }

    /// Every decision in order of import, each followed by its versions in
    /// the order (row number, role).
    pub(crate) fn scan_decisions<E: From<StoreError>>(
        &self,
        mut on: impl FnMut(LogItem) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .tx
            .prepare(&decisions_sql())
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        let mut last = None;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let id: i64 = r.get(0).map_err(StoreError::from)?;
            if last != Some(id) {
                last = Some(id);
                on(LogItem::Decision(decision_head(r, id)))?;
            }
            if r.get_ref(9).map_err(StoreError::from)? != ValueRef::Null {
                on(LogItem::Version(version_at(r, 9)))?;
            }
        }
        Ok(())
    }

    /// Every version, entry by entry (code, level), each entry's versions in
    /// the order of the rules: effective date, signing date, order of import,
    /// row order.
    pub(crate) fn scan_entries<E: From<StoreError>>(
        &self,
        mut on: impl FnMut(std::result::Result<StoredVersion, String>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self.tx.prepare(&entries_sql()).map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            on(version_at(r, 0))?;
        }
        Ok(())
    }

    /// Every correction in order; one that cannot be read is a message.
    pub(crate) fn corrections(&self) -> Result<Vec<std::result::Result<Correction, String>>> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT {} FROM corrections ORDER BY id",
            super::corrections::CORRECTION_COLUMNS
        ))?;
        let mut rows = stmt.query([])?;
        let mut all = Vec::new();
        while let Some(r) = rows.next()? {
            all.push(super::corrections::correction_at(r)?);
        }
        Ok(all)
    }

    /// The versions of `decision` with ids in `range` (the rows a correction
    /// put in), in the order (row number, role).
    pub(crate) fn edition(
        &self,
        decision: u32,
        range: (i64, i64),
    ) -> Result<Vec<std::result::Result<StoredVersion, String>>> {
        let mut stmt = self.tx.prepare_cached(&versions_sql(
            "versions AS v",
            "WHERE v.id BETWEEN ?1 AND ?2 AND v.decision_id = ?3 ORDER BY v.row_no, v.role, v.id",
        ))?;
        let mut rows = stmt.query(params![range.0, range.1, decision])?;
        let mut versions = Vec::new();
        while let Some(r) = rows.next()? {
            versions.push(version_at(r, 0));
        }
        Ok(versions)
    }

    /// Validity intervals of no version: the id they name and the interval
    /// (`None` when its days cannot be read).
    pub(crate) fn stray_spans(&self, mut on: impl FnMut(i64, Option<(i32, i32)>)) -> Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT s.id, s.day_from, s.day_to FROM spans AS s
             WHERE NOT EXISTS (SELECT 1 FROM versions AS v WHERE v.id = s.id)
             ORDER BY s.id",
        )?;
        let mut rows = stmt.query(params![])?;
        while let Some(r) = rows.next()? {
            let from: Option<i32> = r.get(1).ok().flatten();
            let to: Option<i32> = r.get(2).ok().flatten();
            on(r.get(0)?, from.zip(to));
        }
        Ok(())
    }
}

/// Registers `tthc_word_digest(term, offset, half)`: 31 bits of a hash of
/// a word at its place (two independent halves), so that the sums of a
/// version's digests compare its words without holding them. The hash is
/// `SipHash` with fixed keys: both sides of a comparison are hashed by the
/// same run.
fn register_word_digest(conn: &rusqlite::Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    use std::hash::{Hash as _, Hasher as _};
    conn.create_scalar_function(
        "tthc_word_digest",
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let term = ctx.get_raw(0).as_bytes().unwrap_or_default();
            let offset: i64 = ctx.get(1)?;
            let half: i64 = ctx.get(2)?;
            let mut hasher = std::hash::DefaultHasher::new();
            (half, offset, term).hash(&mut hasher);
            Ok((hasher.finish() >> 33).cast_signed())
        },
    )?;
    Ok(())
}

/// The decisions with their entry changes per action, in order of import.
const DECISION_LOG_SQL: &str = "
    SELECT d.number, d.signed, d.effective_first, d.effective_last,
           coalesce(sum(v.role = 0 AND v.action = 0), 0),
           coalesce(sum(v.role = 0 AND v.action = 1), 0),
           coalesce(sum(v.role = 0 AND v.action = 2), 0),
           coalesce(sum(v.role = 0 AND v.action = 3), 0),
           d.rows, d.source, d.source_sha256, d.imported_at, d.imported_by, d.chain_sha256, d.id
    FROM decisions AS d
    LEFT JOIN versions AS v
        ON v.id BETWEEN d.first_version AND d.last_version AND +v.decision_id = d.id
    GROUP BY d.id
    ORDER BY d.id";

/// Each decision with the versions it was imported with: for a decision a
/// correction changed, those the first correction took out.
fn decisions_sql() -> String {
    let imported = |bound: &str, recorded: &str| {
        format!(
            "coalesce((SELECT c.{bound} FROM corrections AS c WHERE c.decision_id = d.id
                       ORDER BY c.id LIMIT 1), d.{recorded})"
        )
    };
    format!(
        "SELECT d.id, d.number, d.number_key, d.signed, d.effective_first, d.effective_last,
                d.rows, d.content_sha256, d.chain_sha256, {VERSION_COLUMNS},
                d.number, d.signed, NULL, NULL, NULL, NULL,
                d.first_version, d.last_version,
                EXISTS (SELECT 1 FROM corrections AS c WHERE c.decision_id = d.id)
         FROM decisions AS d
         LEFT JOIN versions AS v
             ON v.id BETWEEN {} AND {} AND +v.decision_id = d.id
         ORDER BY d.id, v.row_no, v.role, v.id",
        imported("taken_first", "first_version"),
        imported("taken_last", "last_version")
    )
}

fn entries_sql() -> String {
    versions_sql(
        "entry_versions AS e CROSS JOIN versions AS v ON v.id = e.id",
        "ORDER BY e.entry, v.effective, v.signed, v.decision_id, v.row_no, v.id",
    )
}

/// The columns [`version_at`] reads, of the versions `v` that `source`
/// joins, then `tail` (conditions, order).
fn versions_sql(source: &str, tail: &str) -> String {
    let taken_out = taken_out("v", "dl");
    format!(
        "SELECT {VERSION_COLUMNS}, dl.number, dl.signed, s.day_from, s.day_to, s.fork,
                NOT {taken_out}
         FROM {source}
         LEFT JOIN decisions AS dl ON dl.id = v.decision_id
         LEFT JOIN spans AS s ON s.id = v.id
         {tail}"
    )
}

/// Whether the version `v` of the decision `d` (which may be missing) was
/// taken out of the catalog: outside the decision's range of versions in
/// the catalog, in the range a correction of it took out. A version outside
/// its decision's range that no correction took out is another mismatch.
fn taken_out(v: &str, d: &str) -> String {
    format!(
        "(NOT coalesce({v}.id BETWEEN {d}.first_version AND {d}.last_version, 0)
          AND EXISTS (SELECT 1 FROM corrections AS c WHERE c.decision_id = {v}.decision_id
                      AND {v}.id BETWEEN c.taken_first AND c.taken_last))"
    )
}

/// The checks of the indexes tthc writes itself (`SQLite`'s integrity check
/// covers its own). Each group of queries returns the ids of mismatching
/// versions, and comes with what is wrong with such a version, and the name
/// of the index for an id that is no version.
fn index_checks() -> [(Vec<String>, String, String); 3] {
    let entry = [
        format!(
            "SELECT v.id FROM versions AS v
             WHERE NOT EXISTS (SELECT 1 FROM entry_versions AS e WHERE e.entry = {} AND e.id = v.id)",
            entry_of_v!()
        ),
        format!(
            "SELECT e.id FROM entry_versions AS e LEFT JOIN versions AS v ON v.id = e.id
             WHERE v.id IS NULL OR e.entry <> {}",
            entry_of_v!()
        ),
    ];
    // In the range of the decision's rows in the catalog, or of rows a
    // correction put in or took out.
    let range = "SELECT v.id FROM versions AS v JOIN decisions AS d ON d.id = v.decision_id
                 WHERE v.id NOT BETWEEN d.first_version AND d.last_version
                   AND NOT EXISTS (SELECT 1 FROM corrections AS c
                                   WHERE c.decision_id = v.decision_id
                                     AND (v.id BETWEEN c.first_version AND c.last_version
                                          OR v.id BETWEEN c.taken_first AND c.taken_last))";
    // Each half of the interval tree against `spans`, both ways.
    let tree = [("span_starts", "day_from"), ("span_ends", "day_to")]
        .iter()
        .flat_map(|(tree, day)| {
            [
                format!(
                    "SELECT s.id FROM spans AS s WHERE NOT EXISTS (
                         SELECT 1 FROM {tree} AS t
                         WHERE t.fork = s.fork AND t.{day} = s.{day} AND t.id = s.id)"
                ),
                format!(
                    "SELECT t.id FROM {tree} AS t WHERE NOT EXISTS (
                         SELECT 1 FROM spans AS s
                         WHERE s.id = t.id AND s.fork = t.fork AND s.{day} = t.{day})"
                ),
            ]
        })
        .collect();
    [
        (
            entry.to_vec(),
            crate::tr!("verify-entry-index"),
            crate::tr!("verify-entry-index-name"),
        ),
        (
            vec![range.to_owned()],
            crate::tr!("verify-range"),
            crate::tr!("verify-range-name"),
        ),
        (
            tree,
            crate::tr!("verify-tree"),
            crate::tr!("verify-tree-name"),
        ),
    ]
}

/// Effective dates missing from `decision_days` (`true`) or listed there
/// without a change (`false`): decision number, signing date, day. The
/// versions a correction took out change nothing.
fn day_checks() -> [(String, bool); 2] {
    let in_catalog = format!(
        "SELECT v.effective, v.decision_id FROM versions AS v
         LEFT JOIN decisions AS o ON o.id = v.decision_id
         WHERE NOT {}",
        taken_out("v", "o")
    );
    [
        (
            format!(
                "SELECT d.number, d.signed, x.effective FROM (
                     {in_catalog}
                     EXCEPT SELECT effective, decision_id FROM decision_days) AS x
                 JOIN decisions AS d ON d.id = x.decision_id ORDER BY d.id, x.effective"
            ),
            true,
        ),
        (
            format!(
                "SELECT d.number, d.signed, x.effective FROM (
                     SELECT effective, decision_id FROM decision_days
                     EXCEPT {in_catalog}) AS x
                 LEFT JOIN decisions AS d ON d.id = x.decision_id ORDER BY d.id, x.effective"
            ),
            false,
        ),
    ]
}

/// Reads column `i`; a value of the wrong type becomes a message naming it.
fn get<T: FromSql>(r: &Row<'_>, i: usize, column: &str) -> std::result::Result<T, String> {
    r.get(i)
        .map_err(|_| crate::tr!("verify-column-holds", column = column, value = shown(r, i)))
}

/// A stored value as a message shows it.
fn shown(r: &Row<'_>, i: usize) -> String {
    match r.get_ref(i) {
        Ok(ValueRef::Null) => "NULL".to_owned(),
        Ok(ValueRef::Integer(n)) => n.to_string(),
        Ok(ValueRef::Real(x)) => x.to_string(),
        Ok(ValueRef::Text(t)) => format!("{:?}", String::from_utf8_lossy(t)),
        Ok(ValueRef::Blob(b)) => crate::tr!("verify-blob", count = b.len()),
        Err(e) => e.to_string(),
    }
}

/// The column of [`decisions_sql`] after the versions' (base 9): the
/// decision's recorded range of versions, then whether it has corrections.
const DECISION_TAIL: usize = 9 + VERSION_NAMES.len() + 6;

fn decision_head(r: &Row<'_>, id: i64) -> std::result::Result<DecisionHead, String> {
    let read = || -> std::result::Result<DecisionHead, String> {
        Ok(DecisionHead {
            id,
            number: get(r, 1, "number")?,
            number_key: get(r, 2, "number_key")?,
            signed: Day::from_number(get(r, 3, "signed")?),
            effective_first: Day::from_number(get(r, 4, "effective_first")?),
            effective_last: Day::from_number(get(r, 5, "effective_last")?),
            rows: get(r, 6, "rows")?,
            content_sha256: get(r, 7, "content_sha256")?,
            chain_sha256: get(r, 8, "chain_sha256")?,
            versions: (
                get(r, DECISION_TAIL, "first_version")?,
                get(r, DECISION_TAIL + 1, "last_version")?,
            ),
            corrected: get(r, DECISION_TAIL + 2, "corrections")?,
        })
    };
    read().map_err(|what| crate::tr!("verify-decision-id", id = id, what = what))
}

/// Reads a version from column `base` on: [`VERSION_COLUMNS`], then its
/// decision's number and signing date, then its validity interval and the
/// fork it is filed under in the interval tree, then whether it is in its
/// decision's range of versions in the catalog (NULL counts as in).
fn version_at(r: &Row<'_>, base: usize) -> std::result::Result<StoredVersion, String> {
    let read = || -> std::result::Result<StoredVersion, String> {
        let int = |i: usize| get::<i64>(r, base + i, VERSION_NAMES[i]);
        let day = |i: usize| get::<i32>(r, base + i, VERSION_NAMES[i]).map(Day::from_number);
        let text = |i: usize| get::<String>(r, base + i, VERSION_NAMES[i]);
        let bad = |i: usize| {
            crate::tr!(
                "verify-column-holds",
                column = VERSION_NAMES[i],
                value = shown(r, base + i)
            )
        };
        let code = |i: usize| -> std::result::Result<Option<Code>, String> {
            let raw: Option<String> = get(r, base + i, VERSION_NAMES[i])?;
            raw.map(|s| Code::stored(&s).ok_or_else(|| bad(i)))
                .transpose()
        };
        let action = Action::from_index(int(3)?).ok_or_else(|| bad(3))?;
        let role = Role::from_index(int(4)?).ok_or_else(|| bad(4))?;
        let level = Level::from_index(int(6)?).ok_or_else(|| bad(6))?;
        let given = u16::try_from(int(10)?).map_err(|_| bad(10))?;
        let (label_at, span_at) = (base + VERSION_NAMES.len(), base + VERSION_NAMES.len() + 2);
        let number: Option<String> = r.get(label_at).ok().flatten();
        let signed: Option<i32> = r.get(label_at + 1).ok().flatten();
        let from: Option<i32> = r.get(span_at).ok().flatten();
        let to: Option<i32> = r.get(span_at + 1).ok().flatten();
        let fork: Option<i64> = r.get(span_at + 2).ok().flatten();
        let live: Option<bool> = r.get(span_at + 3).ok().flatten();
        let u32_at = |i: usize| u32::try_from(int(i)?).map_err(|_| bad(i));
        Ok(StoredVersion {
            id: int(0)?,
            version: Version {
                code: code(5)?.ok_or_else(|| bad(5))?,
                level,
                key: OrderKey {
                    effective: day(8)?,
                    signed: day(9)?,
                    decision_seq: u32_at(1)?,
                    row: u32_at(2)?,
                },
                action,
                role,
                other_code: code(7)?,
                given,
                line: u32_at(11 + DETAILS)?,
            },
            decision: number.zip(signed.map(Day::from_number)),
            details: Details::from_array({
                let mut fields: [String; DETAILS] = Default::default();
                for (i, field) in fields.iter_mut().enumerate() {
                    *field = text(11 + i)?;
                }
                fields
            }),
            span: from.zip(to),
            misfiled: from
                .zip(to)
                .is_some_and(|(from, to)| fork != Some(tree_fork(from, to))),
            live: live.unwrap_or(true),
        })
    };
    read().map_err(|what| {
        let id = r
            .get::<_, i64>(base)
            .map_or_else(|_| "?".to_owned(), |id| id.to_string());
        crate::tr!("verify-version-id", id = id, what = what)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(store: &Store, sql: &str) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        plan.join("\n")
    }

    /// Both scans must walk an index in their main order and sort only within
    /// one decision or one entry, so rows stream out without a sort of the
    /// whole history; each decision's versions are read by their id range,
    /// each version's interval by its id.
    #[test]
    fn the_scans_stream_through_indexes() {
        let store = Store::open_in_memory().unwrap();
        let plan_of_entries = plan(&store, &entries_sql());
        assert!(plan_of_entries.contains("SCAN e\n"), "{plan_of_entries}");
        assert!(
            plan_of_entries.contains("SEARCH s USING INTEGER PRIMARY KEY"),
            "{plan_of_entries}"
        );
        let plan_of_log = plan(&store, DECISION_LOG_SQL);
        assert!(
            plan_of_log.contains("SEARCH v USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)")
                && !plan_of_log.contains("AUTOMATIC")
                && !plan_of_log.contains("TEMP B-TREE"),
            "{plan_of_log}"
        );
        let plan_of_decisions = plan(&store, &decisions_sql());
        assert!(plan_of_decisions.contains("SCAN d"), "{plan_of_decisions}");
        assert!(
            plan_of_decisions.contains("SEARCH v USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"),
            "{plan_of_decisions}"
        );
        for plan in [plan_of_entries, plan_of_decisions] {
            assert!(!plan.contains("TEMP B-TREE FOR ORDER BY"), "{plan}");
            assert!(
                !plan.contains("SCAN v\n") && !plan.ends_with("SCAN v"),
                "{plan}"
            );
        }
    }
}
