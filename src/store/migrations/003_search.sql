-- Full-text index of versions over name, field and agency, folded to lower
-- case without diacritics, so "chung thuc" finds "Chứng thực". The rowid is
-- the version id. Versions are indexed when a search first needs them (every
-- id up to search_state.indexed_to), so imports do not pay for it.
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61'
);

CREATE TABLE search_state (
    indexed_to INTEGER NOT NULL
);
INSERT INTO search_state (indexed_to) VALUES (0);
