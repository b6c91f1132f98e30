-- Settings kept with the catalog (`tthc config`), such as the province named
-- in the heading of the exported annex. The table is created only if
-- missing, so that the migration stands on its own whatever its number.
CREATE TABLE IF NOT EXISTS settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
