-- Corrections of decisions already imported. A retraction takes a decision's
-- rows out of the catalog from the start; a correction puts the rows of a
-- corrected file in their place. Nothing is deleted: a decision's rows come
-- in editions (the rows it was imported with, then those of each correction),
-- each a range of version ids, and `decisions.first_version..last_version`
-- (with its `rows`, `effective_first`, `effective_last` and `decision_days`)
-- names the edition in force. The rows taken out keep their versions but no
-- validity interval. Each correction is a link of the hash chain: it comes
-- after the decision imported last before it (`after_decision`), and after
-- the corrections made before it.
CREATE TABLE corrections (
    id             INTEGER PRIMARY KEY,   -- order of correction
    decision_id    INTEGER NOT NULL REFERENCES decisions (id),
    after_decision INTEGER NOT NULL,      -- the last decision imported before it
    kind           INTEGER NOT NULL,      -- 0 retracted, 1 corrected
    reason         TEXT    NOT NULL,
    source         TEXT    NOT NULL,      -- the corrected file(s) as named; '' for a retraction
    source_sha256  TEXT    NOT NULL,
    made_at        TEXT    NOT NULL,      -- RFC 3339, UTC
    made_by        TEXT    NOT NULL,      -- operating-system user
    rows           INTEGER NOT NULL,      -- entry changes it puts in (0 for a retraction)
    first_row      INTEGER NOT NULL,      -- row number of the first of them
    first_version  INTEGER NOT NULL,      -- the versions it puts in; (0, -1) for none
    last_version   INTEGER NOT NULL,
    taken_first    INTEGER NOT NULL,      -- the versions of the edition it takes out
    taken_last     INTEGER NOT NULL,
    content_sha256 TEXT    NOT NULL,      -- canonical content of the rows it puts in
    chain_sha256   TEXT    NOT NULL       -- the link, chained to the one before it
);
CREATE INDEX corrections_by_decision ON corrections (decision_id, id);
