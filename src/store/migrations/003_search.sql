-- Full-text index of the versions in force on some day (those with a span),
-- over name, field and agency folded to lower case without diacritics, so
-- "chung thuc" finds "Chứng thực". The rowid is the version id.
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61'
);

INSERT INTO search_index (rowid, body)
SELECT v.id, tthc_fold(v.name || ' ' || v.field || ' ' || v.agency)
FROM spans AS s JOIN versions AS v ON v.id = s.id;
