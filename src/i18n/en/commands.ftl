# commands: summaries, tables and notices of the commands.

## Shared by the tables of every read command.

table-as-of = as of { $date }
table-as-of-after = as of { $date }, right after decision { $number } signed { $signed }
table-known-at = As recorded up to { $moment } (UTC)
table-level-province = province
table-level-district = district
table-level-commune = commune
table-action-added = added
table-action-amended = amended
table-action-replaced = replaced
table-action-repealed = repealed
table-action-moved = moved
table-action-code-assigned = code assigned
table-action-retracted = retracted
table-action-corrected = corrected
table-no-code = (no code)

## Where -o may write.

output-dangling-link = it is a symbolic link to { $target }, which does not exist; point the link at a file, or write to another name
output-directory = it is a directory; give the name of a file
output-not-a-file = it is neither a file, a character device nor a named pipe; tthc writes only to those
output-database = it is { $what }; tthc never writes over a database: write to another file
output-sqlite-database = an SQLite database
output-sqlite-wal = the write-ahead log of an SQLite database
output-sqlite-journal = the rollback journal of an SQLite database
output-catalog-file = that is { $what } { $db }; writing there would destroy the catalog: write to another file
output-catalog-database = the catalog database
output-catalog-wal = the write-ahead log of the catalog database
output-catalog-shm = the shared-memory index of the catalog database
output-catalog-journal = the rollback journal of the catalog database

## The catalog as a table (export, search).

table-level-name-province = Province level
table-level-name-district = District level
table-level-name-commune = Commune level
table-catalog-title = CATALOG OF ADMINISTRATIVE PROCEDURES ({ $as_of }): { $total } { $count ->
    [one] entry
   *[other] entries
}
table-catalog-section = { $letter }. { $level } ({ $total } { $count ->
    [one] entry
   *[other] entries
})
table-number = No.
table-code = Code
table-name = Procedure
table-field = Field
table-agency = Agency
table-level = Level

## counts

counts-title = Catalog of administrative procedures { $as_of }
counts-entries = Entries
counts-online-full = Fully online
counts-online-partial = Partly online
counts-inter-agency = Inter-agency
counts-total = Total entries
counts-procedures = Distinct procedures
counts-without-code = Entries without a code

## Shared by the commands.

commands-warning = warning: { $message }

## export

export-format-contradicts-name = --format { $format } contradicts -o { $path }, whose extension means { $named }: change one of them
export-csv-options-only = --headers, --bom, --excel and --delimiter apply to csv only, not to --format { $format }
export-xlsx-to-terminal = --format xlsx writes a binary workbook: give -o FILE.xlsx (or redirect standard output to a file)
export-html-name = -o { $path }: export writes csv, json or xlsx; tthc report -o FILE.html writes the html report
export-manifest-device = --manifest needs -o to name a file: { $path } is a device or a named pipe
export-and-more = and { $count } more
export-cells-shortened = { $count ->
    [one] 1 cell longer than Excel allows (32,767 characters) was shortened
   *[other] { $count } cells longer than Excel allows (32,767 characters) were shortened
} in the workbook, with a note: { $cells }; csv and json exports keep them whole
table-decision = Decision
table-signed = Signed
table-effective = Effective
table-source = Source
table-action = Action
table-file = File

## show

show-no-version = no version of { $code } is stored at any level (tthc search finds procedures by name)
show-not-in-force = { $code } is not in force at any level as of { $point }; tthc history { $code } lists its versions
show-field = Field
show-value = Value
show-processing-time = Processing time
show-fee = Fees and charges
show-legal-basis = Legal basis
show-online = Online public service
show-inter-agency = Inter-agency procedure
show-version = Version

## search

search-too-many-words = search: the query holds more than { $max } different words; a search takes at most { $max } words
search-no-match = no entry in force on { $day } matches { $query }

## upcoming

upcoming-none = No stored change takes effect in the next { $days } days (after { $today }, until { $until }).
upcoming-title = { $count ->
    [one] { $count } change takes
   *[other] { $count } changes take
} effect in the next { $days } days (after { $today }, until { $until }):
table-replaces = { $action } (replaces { $old })

## decisions

decisions-none = No decision imported yet.
decisions-legend = + ~ ⇄ −: entries added, amended, replaced, repealed. Hashes, who and when: --format csv|json
decisions-corrections = Corrections, in the order of the chain:
decisions-correction = Correction
decisions-made = Made
decisions-by = By
decisions-reason = Reason
decisions-rows = Rows
decisions-chain = Chain
table-as-known-at = As known at { $moment }.
table-empty = (empty)
table-detail-name = name
table-detail-field = field
table-detail-agency = agency
table-detail-processing-time = processing_time
table-detail-fee = fee
table-detail-legal-basis = legal_basis
table-detail-online = online
table-detail-inter-agency = inter_agency

## diff

diff-no-changes = No changes from { $from } to { $to }.
diff-title = Changes from { $from } to { $to }: { $count } ({ $parts })
diff-heading-added = Added
diff-heading-amended = Amended
diff-heading-replaced = Replaced
diff-heading-repealed = Repealed
diff-heading-moved = Moved
diff-heading-code-assigned = Code assigned
diff-changes-old-new = Changes (old -> new)
diff-replaces = Replaces
diff-from-level = From level
diff-via = { $replaces } (via { $via })
diff-corrections = Corrections of decisions effective in this interval (the catalogs compared are as corrected):
diff-correction = { $decision } signed { $signed }: { $kind } on { $at } by { $by } ({ $reason })

## history

history-none-known-at = no version of { $code } was stored at { $moment }; tthc history { $code } lists its versions as now known
history-none-at-level = no version of { $code } is stored at { $level } level; it has versions at: { $others }
history-correction = { $what } { $at } by { $by }: { $reason }
history-action-from = { $place }: action from { $source }
history-level-from = level from { $source }
history-field-from = field from { $source }
history-decision-from = decision from { $source }
history-title = History of { $code }
history-level-versions = { $level }: { $count ->
    [one] { $count } version
   *[other] { $count } versions
}
history-level-versions-taken-out = { $level }: { $count ->
    [one] { $count } version
   *[other] { $count } versions
}, and { $taken_out } taken out by corrections
history-changes = Changes
history-replaced-by = { $action } by { $new }
history-moved-to = { $action } (moved to { $level })
history-moved-from = { $action } (moved from { $level })
history-taken-out = (taken out of the catalog)
history-not-in-force = (not in force)

## reference

reference-stored = Stored the national list { $file } as of { $as_of }: { $procedures } { $count ->
    [one] procedure
   *[other] procedures
}.
reference-already-stored = { $given } is already stored as the national list of { $as_of } ({ $procedures } { $count ->
    [one] procedure
   *[other] procedures
}): nothing to do.
reference-already-stored-as = { $given } is already stored, as { $file }, as the national list of { $as_of } ({ $procedures } { $count ->
    [one] procedure
   *[other] procedures
}): nothing to do.
reference-as-of-not-taken = --as-of { $day } is not taken: a file is stored once, with the date it was first stored under.
reference-by-level = by level: province { $province }, district { $district }, commune { $commune }; other levels only (ministry, other agencies) { $other }
reference-none = No national list stored yet: tthc reference import FILE stores one.
reference-as-of = As of
reference-procedures = Procedures
reference-imported = Imported

## Decisions named on the command line.

commands-neither-date-nor-decision = { $what }: { $raw } is neither a date (YYYY-MM-DD or DD/MM/YYYY) nor a stored decision
commands-not-a-decision = { $what }: { $raw } is not a stored decision
commands-decisions-lists = tthc decisions lists the stored decisions
commands-similar-decisions = stored decisions with a similar number:
commands-ambiguous-decision = { $what }: { $raw } names { $count } stored decisions; add the signing date as NUMBER@YYYY-MM-DD:
commands-imported-after = { $what }: decision { $decision } was imported after { $moment }: it is not part of the catalog as known then

## import, retract and import --correct: the summary.

action-tally = added { $added }, amended { $amended }, replaced { $replaced }, repealed { $repealed }
import-by-action = by action: { $tally }
import-by-level = by level:  province { $province }, district { $district }, commune { $commune }
correct-unchanged = Decision { $decision } signed { $signed } already has these rows: nothing to correct.
retract-done = Retracted decision { $decision } signed { $signed }: { $count } entry { $count ->
    [one] change
   *[other] changes
} taken out of the catalog.
retract-would = Would retract decision { $decision } signed { $signed }: { $count } entry { $count ->
    [one] change
   *[other] changes
} taken out of the catalog.
correct-done = Corrected decision { $decision } signed { $signed }: { $count } entry { $count ->
    [one] change
   *[other] changes
} taken out, { $put } put in their place.
correct-would = Would correct decision { $decision } signed { $signed }: { $count } entry { $count ->
    [one] change
   *[other] changes
} taken out, { $put } put in their place.
correct-taken-out = taken out: { $tally }
correct-reason = reason: { $reason }
correct-by-dry-run = by { $by } (not recorded: dry run)
correct-recorded = recorded { $at } by { $by }; chain head { $chain }
import-wal-not-restored = could not return the database to write-ahead logging: { $error }
import-corrected-by = corrected by { $files }
import-named-twice = { $name } is named twice; reading it once
import-more-warnings = ... and { $count } more warnings (--format json lists them all)
import-cannot-open = cannot open: { $error }
import-reader-stopped = the file reader stopped unexpectedly
import-dry-run = This was a dry run: nothing was written.
import-put-in = put in:
import-nothing = Nothing to import.
import-done = Imported { $count } { $count ->
    [one] decision
   *[other] decisions
}: { $rows } rows, { $changes } entry changes.
import-would = Would import { $count } { $count ->
    [one] decision
   *[other] decisions
}: { $rows } rows, { $changes } entry changes.
import-decision = { $number } signed { $signed }, effective { $effective }: { $count } entry { $count ->
    [one] change
   *[other] changes
} ({ $file })
import-more-decisions = ... and { $count } more decisions (--format json lists them all)
import-skipped-decision = Decision { $number } signed { $signed } is already imported with identical rows: skipped.
import-ignored-columns = Ignored columns: { $columns }
import-without-code = Entries added without a code (the national database has not given one yet): { $count }
import-codes-from-names = Codes taken from the name cell (the code cell was empty): { $count }
import-skipped-rows = Skipped { $count } { $count ->
    [one] row
   *[other] rows
} naming no level kept by --levels:
import-more-rows = ... and { $count } more (--format json lists them all)

## retract

retract-no-reason = --reason: say why the decision is retracted; the reason is recorded with the retraction
retract-already = decision { $decision } signed { $signed } is already retracted (on { $at } by { $by }: { $reason }); nothing was written
retract-not-made = the retraction was not made

## verify

verify-manifest-too-large = it is larger than any manifest tthc writes
verify-manifest-not-json = it is not JSON (line { $line }, column { $column })
verify-manifest-not-tthc = it is not the manifest of a tthc export: it has no store.chain_sha256 and store.decisions
verify-manifest-bad-hash = its store.chain_sha256: { $error }
verify-ok = { $db }: verified, no mismatch found.
verify-integrity = SQLite integrity and foreign keys: ok
verify-decisions = decisions: { $count } (content and chain hashes match their rows)
verify-versions = versions:  { $count } of { $entries } entries (history replayed; details and validity match)
verify-spans = validity intervals: { $count }
verify-indexed = search index: { $count } versions (their words match their names, fields and agencies)
verify-corrections = corrections: { $count } (replayed; rows put in and taken out match their links)
verify-no-decision = (no decision imported)
verify-head = chain head: { $head }

## reconcile

reconcile-no-list = no national list is stored: store one with tthc reference import FILE
reconcile-no-list-before = no national list is dated on or before { $day } (the earliest is of { $first }): reconcile a later date, or store an older list with tthc reference import --as-of DATE FILE
reconcile-title = Reconciliation of the catalog { $as_of } with the national database: list of { $list } ({ $file }, { $procedures } { $count ->
    [one] procedure
   *[other] procedures
})
reconcile-finding = Finding
reconcile-catalog = Catalog
reconcile-national = National database
reconcile-no-finding = No finding: the catalog agrees with the national list ({ $counts }).
reconcile-findings = Findings: { $counts }
reconcile-not-in-force = (not in force at this level)
reconcile-field = field: { $value }
reconcile-agency = agency: { $value }
reconcile-set-by = { $decision }, effective { $effective }
reconcile-no-such-code = (no such code)
reconcile-may-mean = may mean: { $others }
reconcile-similarity = similarity { $similarity }; only in the catalog: { $catalog }; only here: { $national }
reconcile-name-of-other = the catalog's name is that of { $others }
reconcile-levels = levels: { $levels }
reconcile-kind-unknown-code = unknown_code
reconcile-kind-name-of-other-code = name_of_other_code
reconcile-kind-name-mismatch = name_mismatch
reconcile-kind-level-mismatch = level_mismatch
reconcile-kind-missing = missing
reconcile-kind-field-mismatch = field_mismatch
reconcile-kind-agency-mismatch = agency_mismatch

## report

report-from-after-to = --from { $from } is after --to { $to }: the report needs FROM on or before TO
report-not-html = -o { $path }: the report is an html page (FILE.html); tthc export -o FILE.{ $extension } writes the catalog as { $extension }

## inspect

inspect-would-reject = { $file }: { $count } { $count ->
    [one] problem
   *[other] problems
}: import would reject the file
inspect-list-unreadable = the national list stored in { $db } cannot be read, so rows are not checked against it: { $error }
inspect-stopped = more than { $count } problems: the rest of the file was not read
inspect-standard-input = standard input
inspect-pipe = a pipe or device
inspect-too-large = { $what } passes { $mb } MB, more than inspect holds in memory (limit on what inspect reads from { $what }); save it to a file and inspect that
inspect-catalog-unreadable = the catalog could not be read: { $error }
inspect-file = File:       { $file }
inspect-format-unknown = Format:     unknown: the file could not be read
inspect-format-sheet = Format:     { $format }, sheet { $sheet } (sheets: { $sheets })
inspect-format = Format:     { $format }
inspect-encoding-bom = Encoding:   { $encoding } with byte-order mark
inspect-encoding = Encoding:   { $encoding }
inspect-delimiter = Delimiter:  { $delimiter }
inspect-header = Header:     { $unit } { $line }
inspect-header-titles = Header:     { $unit } { $line }, below { $count } title { $count ->
    [one] row
   *[other] rows
}:
inspect-columns = Columns:
inspect-ignored = (ignored)
inspect-absent-columns = not in the file: { $columns }
inspect-unit-row = { $count ->
    [one] row
   *[other] rows
}
inspect-unit-line = { $count ->
    [one] line
   *[other] lines
}
inspect-rows-not-read = Rows:       not read: the header has problems
inspect-rows = Rows:       { $rows } read: { $valid } valid, { $problems } with problems
inspect-codes-from-names = codes taken from the name cell: { $count }
inspect-without-code = entries added without a code (the national database has not given one yet): { $count }
inspect-heading-rows = heading rows skipped (no value in a known column): { $count } ({ $unit } { $lines })
inspect-skipped-by-levels = rows skipped by --levels: { $count }
inspect-decision = decision { $number } signed { $signed }: { $rows } rows
inspect-read-as-published = Read as:    a decision as published (action, level and field from its titles and headings)
inspect-not-stated = not stated
inspect-decision-stated = Decision:   { $value }
inspect-signed-stated = Signed:     { $value }
inspect-effective-stated = Effective:  { $value }
inspect-no-table = Tables:     no catalog table (no header row with a name or code column)
inspect-table = Table { $number }:    header on { $unit } { $lines }, { $count } procedure { $count ->
    [one] row
   *[other] rows
}
inspect-and = {" "}and{" "}
inspect-not-read = (not read)
inspect-unread-columns = not read, though they hold data: { $columns }
inspect-heading = heading, { $unit } { $line }: { $text } -> { $described }
inspect-warnings-none = Warnings:   none
inspect-warnings = Warnings ({ $count }):
inspect-procedure-rows = Procedure rows:
inspect-stt = STT
inspect-level-at-import = level from the catalog at import
inspect-no-field = no field
inspect-field-from = field { $field } ({ $source })
inspect-skipped-none = Skipped:    none
inspect-skipped = Skipped:    { $count } { $unit } that hold no procedure:
inspect-national-list = National list: { $as_of } ({ $file }, { $procedures } { $count ->
    [one] procedure
   *[other] procedures
})
inspect-against-none = Warnings against it: none
inspect-against = Warnings against it ({ $count }):
inspect-problems-none = Problems:   none
inspect-problems = Problems ({ $count }):
inspect-title-names = The title on { $unit } { $line } names decision { $decision }.
inspect-title-names-signed = The title on { $unit } { $line } names decision { $decision } signed { $signed }.
inspect-import-with = Import with:
inspect-import-once-fixed = Once the problems are fixed, import with:
inspect-body-references = References in the body (a cross-check, never applied):
inspect-body-names = names
inspect-body-reference = line { $line }: { $action } { $place } of { $decision }
inspect-body-reference-signed = line { $line }: { $action } { $place } of { $decision } signed { $signed }
diff-separator = {", "}

## export --format xlsx: the cells cut to Excel's limit, and a workbook that cannot be built
export-cell-title = the title
export-cell-field-heading = the heading of field { $field }
export-cell-entry = { $code } at { $level } level: { $column }
export-cell-field-count = the count of field { $field }
export-workbook-failed = cannot build the workbook: { $error }
