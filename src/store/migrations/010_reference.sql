-- Snapshots of the national procedure database (Cơ sở dữ liệu quốc gia về
-- TTHC), stored by `tthc reference import` beside the catalog, which they
-- never change. A reconciliation as of a date reads the latest snapshot
-- dated on or before it. Dates are days since 1970-01-01. The tables are
-- created only if missing, so that the migration stands on its own
-- whatever its number.
CREATE TABLE IF NOT EXISTS reference_snapshots (
    id          INTEGER PRIMARY KEY,   -- order of import
    as_of       INTEGER NOT NULL,      -- the date the list stands for
    file        TEXT    NOT NULL,      -- file name as given to the import
    sha256      TEXT    NOT NULL UNIQUE, -- of the file's bytes: a file is stored once
    procedures  INTEGER NOT NULL,
    imported_at TEXT    NOT NULL,      -- RFC 3339, UTC
    imported_by TEXT    NOT NULL       -- operating-system user
);
CREATE INDEX IF NOT EXISTS reference_snapshots_by_date ON reference_snapshots (as_of, id);

-- The procedures of each snapshot, one per code.
CREATE TABLE IF NOT EXISTS reference_procedures (
    snapshot_id INTEGER NOT NULL REFERENCES reference_snapshots (id),
    code        TEXT    NOT NULL,      -- d.dddddd
    name        TEXT    NOT NULL,
    levels      INTEGER NOT NULL,      -- bit i set for catalog level i (0 province, 1 district, 2 commune)
    levels_text TEXT    NOT NULL,      -- the level cell as written, with levels outside a catalog ("Cấp bộ")
    field       TEXT    NOT NULL,
    agency      TEXT    NOT NULL,
    decision    TEXT    NOT NULL,      -- the ministry's decision that published it
    line        INTEGER NOT NULL,      -- its line in the file
    PRIMARY KEY (snapshot_id, code)
) WITHOUT ROWID;
