//! The write side of the store: one transaction per import.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Result, StoreError, details_at, details_of_v, in_force_at, parse_code, tree_fork};
use crate::domain::correction::{Correction, Knowledge};
use crate::domain::position::Position;
use crate::domain::provenance::{Origin, Provenance};
use crate::domain::rules::{OrderKey, Role};
use crate::domain::version::Version;
use crate::domain::{Action, Code, Day, Details, Level, LevelSet};

/// The transaction of one import. Dropping it without [`ImportTx::commit`] writes nothing.
pub(crate) struct ImportTx<'c> {
    tx: Transaction<'c>,
}

/// A stored decision found by its identity.
#[derive(Debug, Clone)]
pub(crate) struct StoredDecision {
    pub number: String,
    pub signed: Day,
    /// The content of its rows in force: those of its latest correction, if any.
    pub content_sha256: String,
    /// Its latest correction, if any: a retraction took its rows out of the
    /// catalog, a correction put a corrected file's rows in their place.
    pub corrected: Option<Correction>,
}

/// A decision to store; its hashes and row counts are filled in by [`ImportTx::finish_decision`].
pub(crate) struct NewDecision<'a> {
    pub number: &'a str,
    pub number_key: &'a str,
    pub signed: Day,
    pub source: &'a str,
    pub imported_at: &'a str,
    pub imported_by: &'a str,
}

/// A decision whose rows are all stored (see [`ImportTx::finish_decision`]).
pub(crate) struct FinishedDecision<'a> {
    pub id: i64,
    /// Earliest and latest effective date of its rows.
    pub effective: (Day, Day),
    pub rows: u64,
    /// The ids of its first and last versions; `(0, -1)` when it has none.
    pub versions: (i64, i64),
    /// The effective dates of its rows, each once.
    pub days: &'a [Day],
    pub source_sha256: &'a str,
    pub content_sha256: &'a str,
    pub chain_sha256: &'a str,
}

/// Stores versions (see [`ImportTx::version_writer`]).
pub(crate) struct VersionWriter<'t> {
    stmt: rusqlite::Statement<'t>,
    conn: &'t Connection,
}

impl VersionWriter<'_> {
    /// Stores one version with the details it leaves its entry in; returns its id.
    pub(crate) fn insert(&mut self, v: &Version, details: &Details) -> Result<i64> {
        // Bound one by one with their own types: a million versions make the
        // generic parameter list a measurable cost.
        let (mut code, mut other) = ([0; 8], [0; 8]);
        let s = &mut self.stmt;
        s.raw_bind_parameter(1, v.key.decision_seq)?;
        s.raw_bind_parameter(2, v.key.row)?;
        s.raw_bind_parameter(3, v.line)?;
        s.raw_bind_parameter(4, v.action as i64)?;
        s.raw_bind_parameter(5, v.role as i64)?;
        s.raw_bind_parameter(6, v.code.as_text(&mut code))?;
        s.raw_bind_parameter(7, v.level as i64)?;
        s.raw_bind_parameter(8, v.other_code.map(|c| c.as_text(&mut other)))?;
        s.raw_bind_parameter(9, v.key.effective.number())?;
        s.raw_bind_parameter(10, v.key.signed.number())?;
        s.raw_bind_parameter(11, v.given)?;
        for (i, text) in details.as_array().into_iter().enumerate() {
            s.raw_bind_parameter(12 + i, text)?;
        }
        s.raw_execute()?;
        Ok(self.conn.last_insert_rowid())
    }
}

impl<'c> ImportTx<'c> {
    pub(super) fn begin(conn: &'c mut Connection) -> Result<Self> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(ImportTx { tx })
    }

    /// The connection the transaction runs on, for the store's other reads.
    pub(super) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// Whether any version is stored yet.
    /// The transaction's connection, for the reads shared with [`super::Store`].
    pub(super) fn connection(&self) -> &rusqlite::Connection {
        &self.tx
    }

    pub(crate) fn has_history(&self) -> Result<bool> {
        Ok(self
            .tx
            .query_row("SELECT EXISTS (SELECT 1 FROM versions)", [], |r| r.get(0))?)
    }

    /// The stored decision with this identity, if any.
    pub(crate) fn find_decision(
        &self,
        number_key: &str,
        signed: Day,
    ) -> Result<Option<StoredDecision>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, number, content_sha256 FROM decisions WHERE number_key = ?1 AND signed = ?2",
        )?;
        let found: Option<(i64, String, String)> = stmt
            .query_row(params![number_key, signed.number()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((id, number, content_sha256)) = found else {
            return Ok(None);
        };
        let no_corrections: bool = self.tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM corrections WHERE decision_id = ?1)",
            params![id],
            |r| r.get(0),
        )?;
        if no_corrections {
            return Ok(Some(StoredDecision {
                number,
                signed,
                content_sha256,
                corrected: None,
            }));
        }
        let target = self.correction_target(id)?;
        Ok(Some(StoredDecision {
            number,
            signed,
            corrected: target.latest,
            content_sha256: target.content_sha256,
        }))
    }

    /// Number and signing date of a stored decision, for messages.
    pub(crate) fn decision_label(&self, id: i64) -> Result<(String, Day)> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT number, signed FROM decisions WHERE id = ?1")?;
        Ok(stmt.query_row(params![id], |r| {
            Ok((r.get(0)?, Day::from_number(r.get(1)?)))
        })?)
    }

    /// The file a stored version's row came from, as named to `tthc import`:
    /// its decision's, or that of the correction that put it in.
    pub(crate) fn version_source(&self, version_id: i64) -> Result<String> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT coalesce((SELECT c.source FROM corrections AS c
                              WHERE c.decision_id = v.decision_id
                                AND v.id BETWEEN c.first_version AND c.last_version),
                             d.source)
             FROM versions AS v JOIN decisions AS d ON d.id = v.decision_id WHERE v.id = ?1",
        )?;
        Ok(stmt.query_row(params![version_id], |r| r.get(0))?)
    }

    /// Stores a decision; returns its id, which is its place in the order of import.
    pub(crate) fn insert_decision(&self, d: &NewDecision<'_>) -> Result<i64> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO decisions (number, number_key, signed, effective_first, effective_last,
                 rows, source, source_sha256, imported_at, imported_by, content_sha256, chain_sha256)
             VALUES (?1, ?2, ?3, ?3, ?3, 0, ?4, '', ?5, ?6, '', '')",
        )?;
        stmt.execute(params![
            d.number,
            d.number_key,
            d.signed.number(),
            d.source,
            d.imported_at,
            d.imported_by
        ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Records what is known of a decision once all its rows are read.
    pub(crate) fn finish_decision(&self, d: &FinishedDecision<'_>) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "UPDATE decisions SET effective_first = ?2, effective_last = ?3, rows = ?4,
                 source_sha256 = ?5, content_sha256 = ?6, chain_sha256 = ?7,
                 first_version = ?8, last_version = ?9
             WHERE id = ?1",
        )?;
        stmt.execute(params![
            d.id,
            d.effective.0.number(),
            d.effective.1.number(),
            d.rows as i64,
            d.source_sha256,
            d.content_sha256,
            d.chain_sha256,
            d.versions.0,
            d.versions.1
        ])?;
        let mut stmt = self
            .tx
            .prepare_cached("INSERT INTO decision_days (effective, decision_id) VALUES (?1, ?2)")?;
        for day in d.days {
            stmt.execute(params![day.number(), d.id])?;
        }
        Ok(())
    }

    /// The chain hash of the last link of the chain before decision `id`:
    /// The last link before it may be a correction.
    pub(crate) fn chain_before(&self, id: i64) -> Result<Option<String>> {
        let knowledge = Knowledge {
            decisions_before: u32::try_from(id).unwrap_or(u32::MAX),
            corrections_before: i64::MAX,
        };
        let head = super::corrections::chain_head_at(&self.tx, &knowledge)?;
        Ok(Some(head.chain_sha256).filter(|c| !c.is_empty()))
    }

    /// The insert of versions, prepared once for the whole import.
    pub(crate) fn version_writer(&self) -> Result<VersionWriter<'_>> {
        Ok(VersionWriter {
            stmt: self.tx.prepare(
                "INSERT INTO versions (decision_id, row_no, line, action, role, code, level,
                     other_code, effective, signed, given, name, field, agency, processing_time,
                     fee, legal_basis, online, inter_agency)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19)",
            )?,
            conn: &self.tx,
        })
    }

    /// Whether any correction was recorded: only then may stored versions
    /// be out of the catalog.
    pub(crate) fn has_corrections(&self) -> Result<bool> {
        Ok(self
            .tx
            .query_row("SELECT EXISTS (SELECT 1 FROM corrections)", [], |r| {
                r.get(0)
            })?)
    }

    /// Every version of one entry in the catalog whose id is at most `up_to`
    /// (those stored before this import), with their ids, in no particular
    /// order. With `corrected` (the store has corrections), the versions a
    /// correction took out of the catalog are left out.
    pub(crate) fn entry_versions(
        &self,
        code: Code,
        level: Level,
        up_to: i64,
        corrected: bool,
    ) -> Result<Vec<(i64, Version)>> {
        let mut stmt = self.tx.prepare_cached(if corrected {
            "SELECT v.id, v.decision_id, v.row_no, v.line, v.action, v.role, v.other_code,
                    v.effective, v.signed, v.given
             FROM entry_versions AS e CROSS JOIN versions AS v ON v.id = e.id
             CROSS JOIN decisions AS d ON d.id = v.decision_id
             WHERE e.entry = ?1 AND v.id <= ?2
               AND v.id BETWEEN d.first_version AND d.last_version"
        } else {
            "SELECT v.id, v.decision_id, v.row_no, v.line, v.action, v.role, v.other_code,
                    v.effective, v.signed, v.given
             FROM entry_versions AS e CROSS JOIN versions AS v ON v.id = e.id
             WHERE e.entry = ?1 AND v.id <= ?2"
        })?;
        let rows = stmt.query_map(params![code.entry(level), up_to], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                OrderKey {
                    effective: Day::from_number(r.get(7)?),
                    signed: Day::from_number(r.get(8)?),
                    decision_seq: r.get(1)?,
                    row: r.get(2)?,
                },
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, u16>(9)?,
            ))
        })?;
        let mut versions = Vec::new();
        for row in rows {
            let (id, key, line, action, role, other, given) = row?;
            let corrupt = |what: &str| {
                StoreError::Corrupt(crate::tr!(
                    "store-corrupt-version",
                    id = id,
                    what = crate::tr!("store-corrupt-unknown", column = what)
                ))
            };
            versions.push((
                id,
                Version {
                    code,
                    level,
                    key,
                    action: Action::from_index(action).ok_or_else(|| corrupt("action"))?,
                    role: Role::from_index(role).ok_or_else(|| corrupt("role"))?,
                    other_code: other.as_deref().map(parse_code).transpose()?,
                    given,
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                },
            ));
        }
        Ok(versions)
    }

    /// The levels at which `code` is in force at the end of `day`.
    pub(crate) fn levels_in_force(&self, code: Code, day: Day) -> Result<LevelSet> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entry_versions AS e JOIN spans AS s ON s.id = e.id
                            WHERE e.entry = ?1 AND s.day_from <= ?2 AND s.day_to > ?2)",
        )?;
        let mut levels = LevelSet::default();
        for level in Level::ALL {
            if stmt.query_row(params![code.entry(level), day.number()], |r| r.get(0))? {
                levels.insert(level);
            }
        }
        Ok(levels)
    }

    /// The entries in force at `level` at the end of `day`: code and name.
    pub(crate) fn entries_in_force(&self, level: Level, day: Day) -> Result<Vec<(Code, String)>> {
        let mut stmt = self.tx.prepare_cached(concat!(
            in_force_at!(),
            "SELECT v.code, v.name FROM in_force AS s CROSS JOIN versions AS v ON v.id = s.id
             WHERE v.level = ?3 ORDER BY v.code"
        ))?;
        let rows = stmt.query_map(
            params![super::tree_point(day), day.number(), level as i64],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )?;
        let mut entries = Vec::new();
        for row in rows {
            let (code, name) = row?;
            entries.push((parse_code(&code)?, name));
        }
        Ok(entries)
    }

    /// The provisional code of entries published without a code under a name
    /// with this key ([`name_key`](crate::domain::names::name_key)): the one
    /// it has, or the next free one.
    pub(crate) fn provisional_code(&self, name_key: &str) -> Result<Code> {
        if let Some(code) = self.existing_provisional_code(name_key)? {
            return Ok(code);
        }
        let mut add = self.tx.prepare_cached(
            "INSERT INTO provisional_codes (number, name_key)
             VALUES ((SELECT coalesce(max(number), 0) + 1 FROM provisional_codes), ?1)
             RETURNING number",
        )?;
        let number: u32 = add.query_row(params![name_key], |r| r.get(0))?;
        provisional(number)
    }

    /// The provisional code of procedures published without a code under
    /// this name key, if there are any.
    pub(crate) fn existing_provisional_code(&self, name_key: &str) -> Result<Option<Code>> {
        let mut find = self
            .tx
            .prepare_cached("SELECT number FROM provisional_codes WHERE name_key = ?1")?;
        let number: Option<u32> = find.query_row(params![name_key], |r| r.get(0)).optional()?;
        number.map(provisional).transpose()
    }

    /// Whether any procedure was published without a code.
    pub(crate) fn has_provisional_codes(&self) -> Result<bool> {
        Ok(self
            .tx
            .query_row("SELECT EXISTS (SELECT 1 FROM provisional_codes)", [], |r| {
                r.get(0)
            })?)
    }

    /// Every field name stored, each once.
    pub(crate) fn fields(&self) -> Result<Vec<String>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT DISTINCT field FROM versions WHERE field <> '' ORDER BY field",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records where the facts of a decision's row came from.
    pub(crate) fn insert_provenance(
        &self,
        decision_id: u32,
        row_no: u32,
        p: &Provenance,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO provenance (decision_id, row_no, place, action, levels, field, decision,
                                     annex, sections, stt)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let position = p.position.as_ref();
        stmt.execute(params![
            decision_id,
            row_no,
            p.place,
            p.action.to_code(),
            p.levels.to_code(),
            p.field.as_ref().map(Origin::to_code),
            p.decision.to_code(),
            position.map_or("", |x| x.annex.as_str()),
            position.map(Position::sections_text).unwrap_or_default(),
            position.map_or("", |x| x.stt.as_str()),
        ])?;
        Ok(())
    }

    /// The stored details of one version.
    pub(crate) fn version_details(&self, version_id: i64) -> Result<Details> {
        let mut stmt = self.tx.prepare_cached(concat!(
            "SELECT ",
            details_of_v!(),
            " FROM versions AS v WHERE v.id = ?1"
        ))?;
        Ok(stmt.query_row(params![version_id], |r| details_at(r, 0))?)
    }

    /// Fills the details a version did not give itself from the version before it.
    pub(crate) fn inherit_details(&self, version_id: i64, previous_id: i64) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "UPDATE versions SET
                 name = iif(versions.given & 1, versions.name, p.name),
                 field = iif(versions.given & 2, versions.field, p.field),
                 agency = iif(versions.given & 4, versions.agency, p.agency),
                 processing_time = iif(versions.given & 8, versions.processing_time, p.processing_time),
                 fee = iif(versions.given & 16, versions.fee, p.fee),
                 legal_basis = iif(versions.given & 32, versions.legal_basis, p.legal_basis),
                 online = iif(versions.given & 64, versions.online, p.online),
                 inter_agency = iif(versions.given & 128, versions.inter_agency, p.inter_agency)
             FROM (SELECT name, field, agency, processing_time, fee, legal_basis, online,
                          inter_agency
                   FROM versions WHERE id = ?2) AS p
             WHERE versions.id = ?1",
        )?;
        stmt.execute(params![version_id, previous_id])?;
        Ok(())
    }

    /// Forgets the validity interval of a version (its entry's history changed).
    pub(crate) fn remove_span(&self, version_id: i64) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT fork, day_from, day_to FROM spans WHERE id = ?1")?;
        let span: Option<(i64, i64, i64)> = stmt
            .query_row(params![version_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((fork, from, to)) = span else {
            return Ok(());
        };
        for (sql, day) in [
            (
                "DELETE FROM span_starts WHERE fork = ?1 AND day_from = ?2 AND id = ?3",
                from,
            ),
            (
                "DELETE FROM span_ends WHERE fork = ?1 AND day_to = ?2 AND id = ?3",
                to,
            ),
        ] {
            self.tx
                .prepare_cached(sql)?
                .execute(params![fork, day, version_id])?;
        }
        let mut stmt = self.tx.prepare_cached("DELETE FROM spans WHERE id = ?1")?;
        stmt.execute(params![version_id])?;
        Ok(())
    }

    /// Records the days `from..to` on which each version `id` is in force,
    /// and files each interval in the interval tree by its start and by its
    /// end. Each table is written in the order of its key, so that a bulk
    /// load appends to its B-trees instead of sorting them afterwards.
    pub(crate) fn insert_spans(&self, spans: &[(i64, i32, i32)]) -> Result<()> {
        let mut rows: Vec<[i64; 4]> = spans
            .iter()
            .map(|&(id, from, to)| [tree_fork(from, to), i64::from(from), i64::from(to), id])
            .collect();
        rows.sort_unstable_by_key(|&[fork, from, to, id]| (id, fork, from, to));
        self.insert_rows(
            "spans (id, fork, day_from, day_to)",
            rows.iter()
                .map(|&[fork, from, to, id]| [id, fork, from, to]),
        )?;
        rows.sort_unstable_by_key(|&[fork, from, _, id]| (fork, from, id));
        self.insert_rows(
            "span_starts (fork, day_from, id)",
            rows.iter().map(|&[fork, from, _, id]| [fork, from, id]),
        )?;
        rows.sort_unstable_by_key(|&[fork, _, to, id]| (fork, to, id));
        self.insert_rows(
            "span_ends (fork, day_to, id)",
            rows.iter().map(|&[fork, _, to, id]| [fork, to, id]),
        )
    }

    /// Files versions under their entries (`code * 4 + level`, see
    /// [`Code::entry`]), given as `(entry, version id)` pairs in any order.
    pub(crate) fn insert_entry_versions(&self, pairs: &mut [(u32, u32)]) -> Result<()> {
        pairs.sort_unstable();
        self.insert_rows(
            "entry_versions (entry, id)",
            pairs
                .iter()
                .map(|&(entry, id)| [i64::from(entry), i64::from(id)]),
        )
    }

    /// Inserts rows of `N` integers into `target` ("table (columns)", never
    /// input), many rows per statement: a bulk load writes millions.
    fn insert_rows<const N: usize>(
        &self,
        target: &str,
        rows: impl ExactSizeIterator<Item = [i64; N]>,
    ) -> Result<()> {
        const ROWS: usize = 512;
        let sql = |rows: usize| {
            let row = format!("({})", vec!["?"; N].join(", "));
            format!("INSERT INTO {target} VALUES {}", vec![row; rows].join(", "))
        };
        let total = rows.len();
        let mut full = self.tx.prepare(&sql(ROWS))?;
        let mut rest = None;
        let mut values = Vec::with_capacity(ROWS * N);
        for (i, row) in rows.enumerate() {
            values.extend_from_slice(&row);
            if values.len() == ROWS * N {
                full.execute(rusqlite::params_from_iter(&values))?;
                values.clear();
            } else if i + 1 == total {
                rest = Some(std::mem::take(&mut values));
            }
        }
        if let Some(values) = rest {
            self.tx
                .prepare(&sql(values.len() / N))?
                .execute(rusqlite::params_from_iter(&values))?;
        }
        Ok(())
    }

    /// Re-indexes for search a stored version whose details were recomputed.
    pub(crate) fn reindex_for_search(&self, version_id: i64) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?;
        stmt.execute(params![version_id])?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO search_index (rowid, body)
             SELECT id, tthc_fold(name || ' ' || field || ' ' || agency) FROM versions
             WHERE id = ?1 AND id <= (SELECT indexed_to FROM search_state)",
        )?;
        stmt.execute(params![version_id])?;
        Ok(())
    }

    pub(crate) fn commit(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}

/// The provisional code numbered `number`.
fn provisional(number: u32) -> Result<Code> {
    Code::provisional(number).ok_or_else(|| {
        StoreError::Corrupt(crate::tr!(
            "store-corrupt-column",
            column = "code",
            value = number.to_string()
        ))
    })
}
