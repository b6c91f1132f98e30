-- The online public service ("Toàn trình", "Một phần", "Không") and whether a
-- procedure is inter-agency ("Có", "Không"): two more detail columns of a
-- version, bits 6 and 7 of `given`. Empty in versions stored before.
ALTER TABLE versions ADD COLUMN online TEXT NOT NULL DEFAULT '';
ALTER TABLE versions ADD COLUMN inter_agency TEXT NOT NULL DEFAULT '';
