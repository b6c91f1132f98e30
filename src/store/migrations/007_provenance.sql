-- Where the facts of a row read from a decision as published came from: the
-- table or sheet that holds it, and for its action, level(s), field and
-- decision whether they came from its own cell, a heading, the title, the
-- competent authority a title names, the body, or a flag (domain::provenance
-- gives the codes). Rows of files with action and level columns have none:
-- everything came from their own cells.
CREATE TABLE provenance (
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    row_no      INTEGER NOT NULL,
    place       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    levels      TEXT    NOT NULL,
    field       TEXT,
    decision    TEXT    NOT NULL,
    PRIMARY KEY (decision_id, row_no)
) WITHOUT ROWID;
