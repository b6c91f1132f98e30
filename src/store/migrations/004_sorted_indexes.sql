-- Indexes that a bulk import writes in key order from what it holds in
-- memory, instead of building them by scanning the wide `versions` table.

-- The versions of each entry. `entry` is the code's number times 4 plus the
-- level: `1.001612` at commune level (2) is (1 * 1000000 + 1612) * 4 + 2,
-- so entries sort as (code, level) do.
CREATE TABLE entry_versions (
    entry INTEGER NOT NULL,
    id    INTEGER NOT NULL,      -- the version's id
    PRIMARY KEY (entry, id)
) WITHOUT ROWID;
INSERT INTO entry_versions (entry, id)
    SELECT (CAST(substr(code, 1, 1) AS INTEGER) * 1000000 + CAST(substr(code, 3, 6) AS INTEGER))
           * 4 + level, id
    FROM versions;
DROP INDEX versions_by_entry;

-- The interval tree of `spans`, by fork: its intervals by start and by end.
-- Each row of `spans` has one row in each.
CREATE TABLE span_starts (
    fork     INTEGER NOT NULL,
    day_from INTEGER NOT NULL,
    id       INTEGER NOT NULL,
    PRIMARY KEY (fork, day_from, id)
) WITHOUT ROWID;
CREATE TABLE span_ends (
    fork   INTEGER NOT NULL,
    day_to INTEGER NOT NULL,
    id     INTEGER NOT NULL,
    PRIMARY KEY (fork, day_to, id)
) WITHOUT ROWID;
INSERT INTO span_starts (fork, day_from, id) SELECT fork, day_from, id FROM spans;
INSERT INTO span_ends (fork, day_to, id) SELECT fork, day_to, id FROM spans;
DROP INDEX spans_by_fork_from;
DROP INDEX spans_by_fork_to;
