# audit

## diff: the decision and effective date of each change

## --known-at under a table
audit-known-at = As known at { $moment } (UTC).

## verify: the mismatches found, each naming the decision or the entry
verify-not-chain-hash = { $text } is not a chain hash: give all 64 hexadecimal digits of a chain head, as tthc verify prints it
verify-none = none
verify-anchor-empty = anchor: { $source } names a store without decisions: nothing before it to prove
verify-anchor-missing = the chain head { $hash } given by { $given } is not in the store: decisions were deleted or rewritten since it was kept (the store holds { $total } decisions; its chain head is { $head })
verify-anchor-elsewhere = the chain head { $hash } given by { $given } is the chain hash of decision { $at }, but the store held { $then } decisions when it was kept
verify-anchor-decision = anchor: { $hash } ({ $source }) is the chain hash of decision { $at } of { $total }: the store holds it and every decision before it unchanged
verify-anchor-correction = anchor: { $hash } ({ $source }) is the chain hash of a correction made after decision { $at } of { $total }: the store holds it and every link before it unchanged
verify-entry-label = entry { $code } at { $level } level
verify-decision-not-logged = decision id { $id } (missing from the decision log)
verify-version-repeal = the version by { $by } that repeals it by replacement, effective { $effective }
verify-version-label = the { $action } version by { $by }, effective { $effective }
verify-decision-label = decision { $number } signed { $signed }
verify-version-signed = { $label }: version { $id } (row { $row }) has signing date { $signed }, the decision { $decision }
verify-row-out-of-place = { $label }: version { $id } is row { $row } where row { $expected } is expected: rows are missing, added or renumbered
verify-repeal-unmatched = { $label }: version { $id } (row { $row }) repeals { $code } at { $level } level by replacement, but no row of the decision replaces it
verify-wrong-row = row { $row }
verify-wrong-action = action { $action }
verify-wrong-code = code { $code }
verify-wrong-new-code = new code { $code }
verify-wrong-level = level { $level }
verify-wrong-effective = effective date { $effective }
verify-wrong-given = given cells { $given }
verify-repeal-differs = { $label }: the repeal of { $code } at { $level } level by the replacement at row { $row } has { $wrong }
verify-repeal-missing = { $label }: row { $row } replaces { $replaced } at { $level } level by { $code }, but the repeal of { $replaced } is missing
verify-number-key = { $label }: number key is { $stored }, the number gives { $key }
verify-row-count = { $label }: records { $recorded } rows, { $stored } are stored
verify-effective-dates = { $label }: records effective dates { $first } to { $last }, its rows give { $rows_first } to { $rows_last }
verify-content-hash = { $label }: content hash { $stored } does not match its rows, which give { $content }
verify-chain-start = the start of the chain
verify-chain-previous = the previous decision's chain hash { $hash }
verify-chain-hash = { $label }: chain hash { $stored } does not follow from { $before } and its content hash (expected { $expected })
verify-correction-label = the { $kind ->
    [retraction] retraction
   *[correction] correction
} of { $decision } made { $made_at } by { $made_by }
verify-correction-chain-hash = { $label }: chain hash { $stored } does not follow from the link before it and what it records (expected { $expected })
verify-correction-taken = { $label }: takes out versions { $taken }, the rows in force before it are versions { $before }
verify-correction-rows = { $label }: numbers its rows from { $first }, the rows before it end before row { $next }
verify-correction-early = { $label }: is placed in the chain before the decision it corrects
verify-retraction-rows = { $label }: a retraction records rows it puts in
verify-correction-record = { $label }: records versions { $versions } and { $rows } rows in the catalog, its latest correction (made { $made_at }) puts in versions { $put } and { $put_rows } rows
verify-correction-effective = { $label }: records effective dates { $first } to { $last }, the rows of its latest correction give { $rows_first } to { $rows_last }
verify-replay-twice = its decision names the entry twice (also in version { $id })
verify-replay-broken = the entry { $violation } at that point
verify-replay = { $entry }: the history does not replay at { $version }: { $why }
verify-details = { $entry }: { $version } holds { $differs }
verify-field-differs = { $field } { $stored } where the history gives { $expected }
verify-span = { $entry }: { $version } has { $stored } in the index, the history gives { $expected }
verify-span-none = no validity interval
verify-span-open = validity from { $from } on
verify-span-closed = validity from { $from } to { $to }
verify-misfiled = { $entry }: { $version } has its validity interval filed at the wrong place in the index, so the catalog misses it on some days
verify-given-mask = { $entry }: { $version } has given mask { $given }, which names no detail field
verify-given-empty = { $entry }: { $version } has given mask { $given } marking empty { $fields } as given
verify-unreadable = the store cannot be read to the end: { $error }
verify-correction-unrecorded = { $label }: its record says a correction changed its rows, but none is recorded
verify-correction-orphan = the correction made { $made_at } by { $made_by } corrects decision id { $decision }, which is not in the decision log before it
verify-stray-span = the validity index holds an interval for version { $id }, which does not exist ({ $span })
verify-taken-out-span = { $entry }: { $version }, which a correction took out, has { $span } in the index
verify-sqlite-integrity = SQLite integrity check: { $line }
verify-a-row = a row
verify-foreign-key = SQLite foreign key check: { $row } of { $table } refers to a row of { $parent } that does not exist
verify-index-version = { $entry }: { $version }: { $what }
verify-index-no-version = { $index } names version { $id }, which does not exist
verify-no-such-decision = a decision that does not exist
verify-day-missing = { $decision }: the index of effective dates does not list { $day }, on which it changes entries
verify-day-extra = { $decision }: the index of effective dates lists { $day }, on which it changes nothing
verify-search-state = the search index's state holds { $states } rows where tthc keeps one
verify-search-deleted = the search index says it indexed versions up to { $indexed_to }, but the last version stored is { $last }: versions were deleted
verify-search-words-id = version { $id }: the search index does not hold the words of its name, field and agency
verify-search-words = { $entry }: { $version }: the search index does not hold the words of its name, field and agency
verify-search-beyond = { $entry }: { $version }: the search index holds words for it, but says it indexed versions up to { $indexed_to } only
verify-search-no-version = the search index holds words for version { $id }, which does not exist
verify-entry-index = the entry index does not file it exactly under its code and level
verify-entry-index-name = the entry index
verify-range = its decision's recorded range of version ids does not hold it
verify-range-name = the decision ranges
verify-tree = the interval tree does not hold exactly its validity interval
verify-tree-name = the interval tree or the validity index
verify-column-holds = column { $column } holds { $value }
verify-blob = a blob of { $count } bytes
verify-decision-id = decision id { $id }: { $what }
verify-version-id = version { $id }: { $what }
verify-correction-column = correction { $id }: column { $column } holds { $value }
verify-correction-negative = correction { $id }: a count or id is negative
