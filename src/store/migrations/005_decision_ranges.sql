-- Versions by decision and by effective day without indexes over the wide
-- `versions` table: an import stores each decision's versions one after the
-- other, so the ids first_version..last_version hold all of them (and only
-- theirs, unless a file interleaves the rows of two decisions: queries also
-- check decision_id). `decision_days` lists the effective days of each
-- decision's changes.
ALTER TABLE decisions ADD COLUMN first_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN last_version INTEGER NOT NULL DEFAULT -1;
UPDATE decisions SET (first_version, last_version) = (
    SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM versions
    WHERE decision_id = decisions.id
);
CREATE TABLE decision_days (
    effective   INTEGER NOT NULL,
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    PRIMARY KEY (effective, decision_id)
) WITHOUT ROWID;
INSERT INTO decision_days (effective, decision_id)
    SELECT DISTINCT effective, decision_id FROM versions;
DROP INDEX versions_by_decision;
DROP INDEX versions_by_effective;
