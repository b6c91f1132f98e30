//! What a database file is before tthc reads or writes it: a catalog of
//! tthc (whose schema is exactly the one its migrations make), a damaged
//! catalog, or a file that was never one.
//!
//! The schema a catalog of version `n` must have is made by running the
//! first `n` migrations on a database in memory, and compared with the
//! file's object by object: every table's columns, every index's columns,
//! the full-text table's definition. Nothing else may be there (a trigger
//! would run during imports).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use rusqlite::{Connection, ErrorCode};

use super::{MIGRATIONS, StoreError};

/// The tables every catalog has had since its first version.
const CORE_TABLES: [&str; 2] = ["decisions", "versions"];

/// The full-text table, whose shadow tables (`search_index_data`, …)
/// belong to `SQLite`'s FTS5 module: only their presence is compared.
const FULL_TEXT: &str = "search_index";

/// One object of a schema: its kind and what defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    kind: String,
    /// The table an index belongs to.
    table: String,
    /// For a table: its columns as `name type [not null] [default …] [key n]`;
    /// for an index: its key columns; for the full-text table, triggers and
    /// views: their SQL with white space collapsed; nothing for the shadow
    /// tables of the full-text table.
    parts: Vec<String>,
}

type Schema = BTreeMap<String, Object>;

/// Checks that `conn` holds a catalog of tthc that this tthc can read, and
/// returns its schema version. The file is only read.
pub(super) fn check(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let opening = |e: rusqlite::Error| opening_error(e, path);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(opening)?;
    let schema = read(conn).map_err(opening)?;
    let ours = CORE_TABLES
        .iter()
        .all(|t| schema.get(*t).is_some_and(|o| o.kind == "table"));
    if !ours {
        let tables: Vec<&str> = schema
            .iter()
            .filter(|(_, o)| o.kind == "table")
            .map(|(name, _)| name.as_str())
            .collect();
        let what = if schema.is_empty() {
            crate::tr!("store-no-table")
        } else if tables.is_empty() {
            crate::tr!("store-other-program")
        } else {
            let mut listed = tables[..tables.len().min(5)].join(", ");
            if tables.len() > 5 {
                listed.push_str(&crate::tr!("store-and-more", count = tables.len() - 5));
            }
            crate::tr!("store-other-program-tables", tables = listed)
        };
        return Err(StoreError::NotCatalog {
            path: path.to_owned(),
            what,
        });
    }
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            known,
        });
    }
    if version < 1 {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            findings: vec![crate::tr!("store-version-reset", version = version)],
        });
    }
    let findings = differences(&reference(version)?, &schema);
    if findings.is_empty() {
        Ok(version)
    } else {
        Err(StoreError::Damaged {
            path: path.to_owned(),
            findings,
        })
    }
}

/// What an error of the first reads of a file says it is: no database at
/// all, a damaged one, or another failure.
fn opening_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if !starts_like_sqlite(path) => StoreError::NotCatalog {
            path: path.to_owned(),
            what: crate::tr!("store-not-sqlite"),
        },
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: path.to_owned(),
            findings: vec![crate::tr!(
                "store-sqlite-cannot-read",
                error = e.to_string()
            )],
        },
        _ => StoreError::from(e),
    }
}

/// Whether the file begins as every `SQLite` database does.
fn starts_like_sqlite(path: &Path) -> bool {
    let mut head = [0_u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// The schema the first `version` migrations make.
fn reference(version: i64) -> Result<Schema, StoreError> {
    static MADE: OnceLock<Mutex<BTreeMap<i64, Schema>>> = OnceLock::new();
    let made = MADE.get_or_init(|| Mutex::new(BTreeMap::new()));
    if let Some(schema) = made.lock().ok().and_then(|m| m.get(&version).cloned()) {
        return Ok(schema);
    }
    let conn = Connection::open_in_memory()?;
    for sql in MIGRATIONS.iter().take(version as usize) {
        conn.execute_batch(sql)?;
    }
    let schema = read(&conn)?;
    if let Ok(mut made) = made.lock() {
        made.insert(version, schema.clone());
    }
    Ok(schema)
}

/// The objects of the database's schema, by name; `SQLite`'s own tables
/// (statistics, sequences) are left out.
fn read(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' AND name <> 'sqlite_sequence'
         ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut schema = Schema::new();
    for row in rows {
        let (kind, name, table, sql) = row?;
        let parts = if name == FULL_TEXT || kind == "trigger" || kind == "view" {
            vec![sql.split_whitespace().collect::<Vec<_>>().join(" ")]
        } else if name.starts_with(&format!("{FULL_TEXT}_")) {
            Vec::new()
        } else if kind == "table" {
            columns(conn, &name)?
        } else if kind == "index" {
            index_columns(conn, &name)?
        } else {
            vec![sql]
        };
        schema.insert(name, Object { kind, table, parts });
    }
    Ok(schema)
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?1)")?;
    let rows = stmt.query_map([table], |r| {
        let mut column = format!("{} {}", r.get::<_, String>(0)?, r.get::<_, String>(1)?);
        if r.get::<_, bool>(2)? {
            column.push_str(" NOT NULL");
        }
        if let Some(default) = r.get::<_, Option<String>>(3)? {
            let _ = write!(column, " DEFAULT {default}");
        }
        let key: i64 = r.get(4)?;
        if key > 0 {
            let _ = write!(column, " (key {key})");
        }
        Ok(column)
    })?;
    rows.collect()
}

fn index_columns(conn: &Connection, index: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT coalesce(name, '(expression)'), \"desc\", coll FROM pragma_index_xinfo(?1)
         WHERE key ORDER BY seqno",
    )?;
    let rows = stmt.query_map([index], |r| {
        let mut column = format!("{} {}", r.get::<_, String>(0)?, r.get::<_, String>(2)?);
        if r.get::<_, bool>(1)? {
            column.push_str(" DESC");
        }
        Ok(column)
    })?;
    rows.collect()
}

/// How `found` differs from `expected`, one finding per object.
fn differences(expected: &Schema, found: &Schema) -> Vec<String> {
    let mut findings = Vec::new();
    for (name, want) in expected {
        let Some(have) = found.get(name) else {
            findings.push(crate::tr!(
                "store-schema-missing",
                kind = want.kind.as_str(),
                name = name.as_str()
            ));
            continue;
        };
        if have.kind != want.kind {
            findings.push(crate::tr!(
                "store-schema-other-kind",
                name = name.as_str(),
                kind = have.kind.as_str(),
                expected = want.kind.as_str()
            ));
        } else if have.table != want.table {
            findings.push(crate::tr!(
                "store-schema-other-table",
                kind = want.kind.as_str(),
                name = name.as_str(),
                table = have.table.as_str(),
                expected = want.table.as_str()
            ));
        } else if have.parts != want.parts {
            findings.push(describe_change(name, want, have));
        }
    }
    for (name, have) in found {
        if !expected.contains_key(name) {
            findings.push(crate::tr!(
                "store-schema-extra",
                kind = have.kind.as_str(),
                name = name.as_str()
            ));
        }
    }
    findings
}

/// A table or index whose definition differs: the columns missing and
/// those that are not tthc's.
fn describe_change(name: &str, want: &Object, have: &Object) -> String {
    let missing: Vec<&str> = want
        .parts
        .iter()
        .filter(|p| !have.parts.contains(p))
        .map(String::as_str)
        .collect();
    let extra: Vec<&str> = have
        .parts
        .iter()
        .filter(|p| !want.parts.contains(p))
        .map(String::as_str)
        .collect();
    let mut text = crate::tr!(
        "store-schema-differs",
        kind = want.kind.as_str(),
        name = name
    );
    if !missing.is_empty() {
        let _ = write!(
            text,
            ": {}",
            crate::tr!("store-schema-theirs", parts = missing.join(", "))
        );
    }
    if !extra.is_empty() {
        let sep = if missing.is_empty() { ":" } else { ";" };
        let _ = write!(
            text,
            "{sep} {}",
            crate::tr!("store-schema-ours", parts = extra.join(", "))
        );
    }
    if missing.is_empty() && extra.is_empty() {
        let _ = write!(text, ": {}", crate::tr!("store-schema-order"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_of_every_version_is_its_own_reference() {
        for version in 1..=MIGRATIONS.len() as i64 {
            let conn = Connection::open_in_memory().unwrap();
            for sql in MIGRATIONS.iter().take(version as usize) {
                conn.execute_batch(sql).unwrap();
            }
            let schema = read(&conn).unwrap();
            assert!(differences(&reference(version).unwrap(), &schema).is_empty());
        }
    }

    #[test]
    fn a_changed_column_a_missing_table_and_a_trigger_are_named() {
        let known = MIGRATIONS.len() as i64;
        let conn = Connection::open_in_memory().unwrap();
        for sql in MIGRATIONS {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "DROP TABLE span_ends;
             ALTER TABLE versions RENAME COLUMN fee TO fees;
             CREATE TRIGGER t AFTER INSERT ON decisions BEGIN SELECT 1; END;",
        )
        .unwrap();
        let findings = differences(&reference(known).unwrap(), &read(&conn).unwrap());
        assert_eq!(findings.len(), 3, "{findings:?}");
        assert!(findings.contains(&"table span_ends is missing".to_owned()));
        assert!(
            findings
                .iter()
                .any(|f| f.starts_with("table versions differs from tthc's: tthc's has fee TEXT NOT NULL; this one has fees TEXT NOT NULL")),
            "{findings:?}"
        );
        assert!(findings.contains(&"it holds a trigger t that tthc does not make".to_owned()));
    }
}
