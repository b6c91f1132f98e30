-- Where a row of a decision as published stands in its annex: the annex's
-- label ("II" of "Phụ lục II"; empty for an unnumbered annex), the labels of
-- the headings above it joined by " / " (outermost first), and its number
-- (STT). Later decisions name entries by them: "số thứ tự 04 Mục I Phụ lục I
-- kèm theo Quyết định số 1308/QĐ-UBND". Rows without a number have ''.
ALTER TABLE provenance ADD COLUMN annex TEXT NOT NULL DEFAULT '';
ALTER TABLE provenance ADD COLUMN sections TEXT NOT NULL DEFAULT '';
ALTER TABLE provenance ADD COLUMN stt TEXT NOT NULL DEFAULT '';
