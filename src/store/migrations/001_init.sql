-- Decisions in order of import. Dates are days since 1970-01-01.
CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY,   -- order of import
    number          TEXT    NOT NULL,      -- as written, e.g. 1234/QĐ-UBND
    number_key      TEXT    NOT NULL,      -- normalized for identity (no leading zeros, upper case)
    signed          INTEGER NOT NULL,
    effective_first INTEGER NOT NULL,      -- earliest effective date of its rows
    effective_last  INTEGER NOT NULL,      -- latest effective date of its rows
    rows            INTEGER NOT NULL,      -- entry changes (multi-level rows counted per level)
    source          TEXT    NOT NULL,      -- file name as given to import
    source_sha256   TEXT    NOT NULL,
    imported_at     TEXT    NOT NULL,      -- RFC 3339, UTC
    imported_by     TEXT    NOT NULL,      -- operating-system user
    content_sha256  TEXT    NOT NULL,      -- canonical content of its rows
    chain_sha256    TEXT    NOT NULL,      -- content chained to the previous decision's chain hash
    UNIQUE (number_key, signed)
);

-- One row per version of an entry (code, level). Nothing is ever deleted.
-- A replacement makes two versions: the new code's (role 0) and the old
-- code's repeal (role 1). Detail columns hold the state after the change;
-- `given` has bit i set when the decision row named detail i itself.
CREATE TABLE versions (
    id              INTEGER PRIMARY KEY,
    decision_id     INTEGER NOT NULL REFERENCES decisions (id),
    row_no          INTEGER NOT NULL,      -- order inside the decision
    line            INTEGER NOT NULL,      -- line in the source file
    action          INTEGER NOT NULL,      -- 0 added, 1 amended, 2 replaced, 3 repealed
    role            INTEGER NOT NULL,      -- 0 the row's code, 1 the code it replaces
    code            TEXT    NOT NULL,
    level           INTEGER NOT NULL,      -- 0 province, 1 district, 2 commune
    other_code      TEXT,                  -- role 0: the replaced code; role 1: the new code
    effective       INTEGER NOT NULL,
    signed          INTEGER NOT NULL,
    given           INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    field           TEXT    NOT NULL,
    agency          TEXT    NOT NULL,
    processing_time TEXT    NOT NULL,
    fee             TEXT    NOT NULL,
    legal_basis     TEXT    NOT NULL
);

CREATE INDEX versions_by_entry ON versions (code, level);
CREATE INDEX versions_by_decision ON versions (decision_id);

-- Validity intervals [day_from, day_to) of the versions in force, indexed as
-- a relational interval tree: each interval is filed under its fork, the node
-- of a virtual binary tree over the days where the interval first splits.
-- The catalog on day D reads only the forks on the path from the root to D,
-- so its cost depends on the size of the catalog, not on the length of history.
CREATE TABLE spans (
    id       INTEGER PRIMARY KEY,   -- the version's id
    fork     INTEGER NOT NULL,
    day_from INTEGER NOT NULL,
    day_to   INTEGER NOT NULL       -- 2147483647 while the version is still in force
);
CREATE INDEX spans_by_fork_from ON spans (fork, day_from);
CREATE INDEX spans_by_fork_to ON spans (fork, day_to);
