-- Procedures published before the national database gives them a code are
-- entries too: each name (folded as domain::names::name_key does) gets a
-- provisional code 9.8nnnnn, n being its number here, that tthc never shows.
CREATE TABLE provisional_codes (
    number   INTEGER PRIMARY KEY,
    name_key TEXT    NOT NULL UNIQUE
);
