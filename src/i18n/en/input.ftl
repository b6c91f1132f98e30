# input: reading and checking decision files, the rules of the catalog, and the store's errors.

## Words of messages

domain-level-province = province
domain-level-district = district
domain-level-commune = commune
domain-action-added = added
domain-action-amended = amended
domain-action-replaced = replaced
domain-action-repealed = repealed

## Cell values

domain-did-you-mean = : did you mean { $word }?
domain-unknown-level = unknown level { $raw }{ $hint } (expected province, district, commune, "Cấp tỉnh", "Cấp huyện" or "Cấp xã")
domain-unknown-level-in = unknown level { $part } in { $raw }{ $hint } (expected province, district, commune, "Cấp tỉnh", "Cấp huyện" or "Cấp xã", several separated by commas, or "Dùng chung (cấp tỉnh, cấp xã)")
domain-level-outside = level { $level } in { $raw } is not a level of a province's catalog (province, district, commune); to import a list that also holds such procedures, give --levels (e.g. --levels province,commune) to keep those levels and skip the rest
domain-empty-level = empty level (expected province, district or commune)
domain-unknown-action = unknown action { $raw }{ $hint } (expected added, amended, replaced, repealed, "Mới ban hành", "Ban hành mới", "Sửa đổi, bổ sung", "Sửa đổi/bổ sung", "Thay thế", "Bãi bỏ" or "Hủy bỏ")
domain-provisional-code = code { $raw } is in the range 9.8xxxxx that tthc keeps for procedures published without a code
domain-bad-code = bad code { $raw } (expected d.dddddd such as 1.001612, or the long form 1.001612.000.00.00.H12){ $hint }
domain-bad-code-excel = ; if it comes from a number cell in Excel, the trailing zeros were dropped: format the code column as Text
domain-bad-date = bad date { $raw } (expected YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or "ngày DD tháng MM năm YYYY")
domain-impossible-date = impossible date { $raw }: { $date } does not exist
domain-unknown-online = unknown online service { $raw } (expected "Toàn trình", "Một phần", "Mức độ 4" or "Mức độ 3")
domain-bare-number = { $message }; a decision is named by its number as written, e.g. { $number }/QĐ-UBND
domain-reference-date = { $raw }: the part after @ must be the decision's signing date: { $message }
domain-not-a-reference = { $raw } is neither a date nor a decision reference (NUMBER or NUMBER@YYYY-MM-DD)
domain-moment-not-local = { $raw } does not exist in the local time zone
domain-bad-moment = bad moment { $raw } (expected RFC 3339 such as 2026-03-01T10:00:00+07:00, or YYYY-MM-DD[THH:MM[:SS]] in local time)

## Rules of a row and of the catalog

rule-shared-levels = { $raw } does not say which levels, and on { $effective } districts still existed: write them, e.g. "Dùng chung (cấp tỉnh, cấp huyện, cấp xã)"
rule-district-abolished = { $action } at district level on { $effective }: the district level was abolished on 2025-07-01 (its procedures were repealed or moved to the commune level); only a repeal may name it
rule-warn-effect-far = takes effect on { $day }, more than a year from its signing date: a typo in the year?
rule-warn-signed-future = its signing date is in the future (today is { $today })
rule-warn-number-year = its number names the year { $other }, and it is signed in { $year }
rule-missing-name = is empty: { $action } rows need a name
rule-missing-field = is empty: { $action } rows need a field
rule-in-force = is already in force
rule-not-in-force = is not in force

## Reading a decision file

input-column-is = column { $column } { $what }
input-column-value = column { $column }: { $message }
input-column-invalid-utf8 = column { $column }: invalid UTF-8 (save the file as UTF-8)
input-row-unreadable = row could not be read
input-name-several-codes = holds several codes ({ $codes }) and the code cell is empty: write the code of this row in the code column
input-code-and-name-empty = is empty, and the row has no name either: give the code, or the name of a procedure without one
input-name-no-code = { $name } holds no code such as "(Mã TTHC: 1.001612)", and the file has no code column
input-decision-empty = is empty: every row needs the decision number
input-signed-empty = is empty: every row needs the signing date
input-replaces-empty = is empty: a replaced row must name the code it replaces
input-replaces-not-replaced = holds { $raw } on a row whose action is { $action }: only replaced rows name a replaced code
input-no-rows = no rows: the file has a header but no procedures
input-no-rows-left = no rows left: all { $count } rows name only levels that --levels { $levels } leaves out
input-cannot-read = cannot read: { $error }
input-file-too-large = the file passes { $mb } MB, more than tthc reads of a workbook or Word document (limit on the size of such a file: { $mb } MB); save the table alone as a new file, or as CSV
input-published-too-long = a decision as published is read whole, and this one passes { $rows } rows or { $mb } MB of text; a file this long needs action and level columns
input-published-too-wide = a decision as published is read whole, and this one's rows span more than { $cells } cells (limit on the cells of a decision as published); delete the empty columns, or give the file action and level columns
input-header-invalid-utf8 = header column { $position }: invalid UTF-8 (save the file as UTF-8)
input-header-twice = header { $header }: column { $column } appears twice
input-missing-column = missing required column { $column } (Vietnamese: { $vietnamese })
input-or-give = (or give { $option })
input-or-code-in-name = (or write each code in the name, as in "Đăng ký khai sinh (Mã TTHC: 1.001612)")
input-word-is-published = a Word document is a decision as published: tthc import reads it
input-file-is-published = the file is a decision as published: tthc import reads it
input-stopped-reading = stopped reading after { $count } problems
input-no-provisional-code = { $name } has no code, and no provisional code is left for it: give its code from the national database
input-national-list-of = the national list of { $date }

## The national list

domain-reference-uncoded = { $name } is published without a code, and { $list } has it as { $codes }: write the code
domain-reference-unknown-code = code { $code } is not in { $list }
domain-reference-unknown-code-meant = code { $code } is not in { $list }; did you mean { $meant }?
domain-reference-other-name = the name { $name } is that of { $others } in { $list }; { $code } there is { $listed }
domain-reference-near-codes = did you mean { $codes } of { $list }?
domain-list-or = { $items } or { $last }

## The import: decisions, conflicts and corrections

input-decision-label = decision { $number } signed { $signed }
input-decision-of = { $number } of { $signed }
input-stored-decision = stored decision { $decision }
input-entry = { $code } at { $level } level
input-warn-changes-nothing = { $label }: { $count ->
    [one] 1 amendment changes no value: it gives
   *[other] { $count } amendments change no value: they give
} the values the entry already has (the first: { $code })
input-row-of-other-decision = this row is of decision { $number } signed { $signed }, not of { $corrected } signed { $corrected_signed } being corrected: a corrected file holds the rows of that decision only
input-conflict-retracted = { $file }: decision { $number } signed { $signed } was retracted on { $made_at } by { $made_by } ({ $reason }); tthc import --correct { $reference } { $file } puts its rows back
input-conflict-corrected = { $file }: decision { $number } signed { $signed } has other rows: it was corrected on { $made_at } by { $made_by } with { $source } ({ $reason }); tthc import --correct { $reference } { $file } corrects it again
input-conflict-other-rows = { $file }: decision { $number } signed { $signed } is already imported with different rows (as { $stored } signed { $stored_signed }); if the rows imported were wrong, tthc import --correct { $reference } { $file } replaces them
input-correct-no-rows = no row of decision { $number } signed { $signed } to put in place of its rows; tthc retract { $number }@{ $signed } --reason TEXT takes them out
input-refused-retract = cannot retract decision { $number } signed { $signed }, nothing was written: later changes depend on its rows:
    { $depending }
    Retract or correct those decisions first, or correct this one so that they still apply.
input-refused-correct = cannot correct decision { $number } signed { $signed }, nothing was written: later changes depend on its rows:
    { $depending }
    Retract or correct those decisions first, or correct this one so that they still apply.
rule-named-twice = column { $column }: { $what } is named twice in decision { $decision } (also at { $origin })
rule-last-change = last change: { $action } by decision { $decision } effective { $effective }
rule-added-later = it is added on { $effective } by decision { $decision } ({ $origin }), after this change
rule-never-added = it was never added
rule-broken = column { $column }: { $what } { $violation } on { $effective }, so it cannot be { $verb } ({ $history })
rule-breaks-stored = { $action } { $code } at { $level } level effective { $effective } breaks the stored history: in { $origin } { $message }
rule-depends = { $code } at { $level } level cannot be { $verb } by decision { $number } signed { $signed } effective { $effective } ({ $origin }): without the rows taken out, { $why }
rule-depends-violation = it { $violation } then
rule-depends-twice = the decision would name it twice
rule-brought-in = brought in by a replacement
input-published-no-field = field { $message } (or give { $option })
input-published-no-name = name { $message }
input-published-no-replaces = replaced rows need the code they replace

## Files, sheets and encodings

input-is-empty = is empty
input-invalid-utf8 = invalid UTF-8 (save the file as UTF-8)
input-list-word = a Word document is not a national procedure list: save the list as CSV or xlsx
input-list-no-header = no header row naming the columns code, name and levels ("Mã thủ tục", "Tên thủ tục", "Cấp thực hiện")
input-list-no-rows = no procedures: the list has a header but no rows
input-list-missing-column = a national list needs the column { $column } (Vietnamese: { $vietnamese })
input-list-code-twice = code { $code } is given on line { $line } to { $first } and here to { $name }: a code names one procedure
input-sheet = sheet { $sheet }
input-empty-sheet = empty sheet { $sheet }: no header row
input-sheet-no-header = no row of this sheet looks like a header; the workbook has { $sheets }: choose one with --sheet NAME
input-sheets-none = no worksheet
input-sheets-one = one sheet { $sheet }
input-sheets = sheets { $sheets }
input-no-such-sheet = no sheet named { $wanted }; the workbook has { $sheets }
input-no-worksheet = the workbook has no worksheet
input-cannot-read-sheet = cannot read sheet { $sheet }: { $error }
input-not-a-workbook = cannot read it as a workbook (xlsx, xls or ods): { $error }; if it is a Word document, copy the table into Excel and save it as .xlsx
input-sheet-out-of-range = a value in it is out of range (a damaged or forged file)
input-sheet-cells-reach = its cells reach from { $first } to { $last }, more than { $limit } cells; delete what lies outside the table (Ctrl+End in Excel goes to the last cell it counts as used)
input-sheet-too-much-text = sheet { $sheet } holds more than { $mb } MB of text in its cells (limit on the text of a sheet: { $mb } MB, a string shared by several cells counted for each)
input-sheet-strings = its shared string table holds or declares { $count } strings, more than tthc reads (limit on the strings of a workbook: { $limit }); save the table alone as a new workbook
input-sheet-unpacks = it unpacks to { $mb } MB, more than tthc reads ({ $limit } MB); save the table alone as a new workbook or as CSV
input-sheet-area = sheet { $sheet } is too large to read: its cells reach over { $rows } rows and { $columns } columns, more than { $limit } cells; delete what lies outside the table
input-sheet-merges = sheet { $sheet } has { $count } merged areas, more than tthc reads (limit on the merged areas of a sheet: { $limit }); unmerge the cells (Home > Merge & Center)
input-sheet-excel-error = column { $column } (cell { $cell }) holds the Excel error { $error }: fix the formula or type the value
input-xls-loops = cannot read it as a workbook (xls): a chain of its sectors loops back on itself (a damaged or forged file)
input-xls-cells-reach = its cells reach over { $rows } rows and { $columns } columns
input-xls-too-much-text = a sheet holds more than { $mb } MB of text in its cells (limit on the text of a sheet: { $mb } MB, a string shared by several cells counted for each)
input-xls-too-large = a sheet is too large to read: { $what }, more than { $limit } cells (limit on the cells of a sheet); delete what lies outside the table
input-xls-dimensions = its dimensions claim { $rows } rows and { $columns } columns
input-xls-dimension-rows = its dimensions claim rows { $first } to { $last }
input-xls-strings = its shared string table declares { $count } strings, more than tthc reads (limit on the strings of a workbook: { $limit })
input-file-changed = the file changed while it was read ({ $what }): it is being written or synced; import it again once it is complete
input-changed-unexaminable = it can no longer be examined: { $error }
input-changed-size = it was { $size } bytes when opened and is { $now } bytes now
input-changed-read = it is { $size } bytes but { $read } could be read
input-changed-time = its modification time changed
input-encoding-legacy = { $name } text is not read directly: open it in Excel or LibreOffice and save it as "CSV UTF-8", or convert it with a Vietnamese converter (Unikey: Công cụ chuyển mã), then import the UTF-8 file
input-encoding-unknown = unknown encoding { $name } (expected utf-8, utf-16le, utf-16be or windows-1258)
input-looks-windows-1258 = looks like Windows-1258 (Vietnamese ANSI) text, not UTF-8: import it with --encoding windows-1258, or open it in Excel or LibreOffice and save it as "CSV UTF-8", or convert it with a Vietnamese converter (Unikey: Công cụ chuyển mã)
input-looks-legacy = looks like { $encoding } text, not UTF-8: open it in Excel or LibreOffice and save it as "CSV UTF-8", or convert it with a Vietnamese converter (Unikey: Công cụ chuyển mã) ({ $encoding } -> Unicode)
input-garbled-cell = looks like { $encoding } text shown as Unicode ("Hé tÞch" instead of "Hộ tịch"), as text pasted from an old document or typed in a { $encoding } font is: convert it to Unicode (Unikey: Công cụ chuyển mã, { $encoding } -> Unicode)
input-garbled-file = looks like { $encoding } text that was opened as Western (Windows-1252) and saved as UTF-8 ("Céng hßa" instead of "Cộng hòa"): convert the original { $encoding } file to Unicode (Unikey: Công cụ chuyển mã, { $encoding } -> Unicode) and save it as "CSV UTF-8"
input-malformed-text = malformed text at byte { $at } of the decoded file
input-not-utf16 = --encoding { $encoding } was given, but the file holds no zero bytes, so it is not UTF-16 text: leave out --encoding
input-not-windows-1258 = --encoding windows-1258 was given, but the file is UTF-8 text: leave out --encoding
input-quote-at-end = the quote (") that opens a cell on this line never closes: the file ends inside it, so every line after it would be part of that cell; close the quote or remove it
input-quote-too-long = the quote (") that opens a cell on this line never closes: more than { $mb } MB follow without it (limit on the length of a row: { $mb } MB)
input-row-too-long = the row starting on this line runs past { $mb } MB without a line end (limit on the length of a row: { $mb } MB); is this a CSV file?
input-row-too-many-cells = the row has more than { $limit } cells (limit on the cells of a row: { $limit })
input-row-wider = row has { $cells } cells but the header has { $width }: a value containing a { $delimiter } must be quoted
input-delimiter-comma = comma (,)
input-delimiter-semicolon = semicolon (;)
input-delimiter-tab = tab
input-empty-file = empty file: no header row
input-not-valid-text = not valid { $encoding } text: { $error } (save the file as CSV UTF-8)
input-invalid-utf8-position = invalid UTF-8 in column { $position }
input-malformed-csv = malformed CSV: { $error }

## The catalog database

store-missing = no catalog database at { $path }: import a decision first (tthc import FILE)
store-too-new = { $path } was written by a newer tthc (schema version { $found }; this tthc knows up to { $known }): upgrade tthc
store-corrupt = the database holds a value tthc cannot read: { $what }
store-not-catalog = { $path } is not a tthc catalog: { $what }; check --db (or TTHC_DB)
store-damaged = { $path } is a damaged tthc catalog: { $findings }; restore it from a backup
store-read-only-log = { $path } cannot be read: it is read-only, and an import left its write-ahead log beside it ({ $path }-wal), which only a writable catalog can take in: run any tthc command on it where it can be written, or copy it with its -wal file to a writable folder
store-old-read-only = { $path } was written by an older tthc (schema version { $found }) and cannot be upgraded while it is read-only: run an import on a writable copy
store-busy = another import is writing to the catalog; try again when it has finished
store-created-meanwhile = another import created the catalog at { $path } while this one read standard input; nothing was written: run it again
store-no-thread = cannot start a second thread
store-empty-file = it is an empty file (0 bytes)
store-no-table = it is an SQLite database that holds no table
store-other-program = it is an SQLite database of another program
store-other-program-tables = it is an SQLite database of another program (tables: { $tables })
store-and-more = , and { $count } more
store-version-reset = its schema version (PRAGMA user_version) is { $version } although it holds tthc's tables: it was reset behind tthc's back
store-not-sqlite = it is not an SQLite database
store-sqlite-cannot-read = SQLite cannot read it: { $error }

## Word documents

input-kind-legacy-office = a Word 97-2003 document (.doc) or another legacy Office file
input-kind-doc = a Word 97-2003 document (.doc)
input-kind-pdf = a PDF file
input-kind-image = a { $kind } image
input-kind-rtf = an RTF document
input-kind-empty = empty
input-kind-unknown = of a kind tthc does not know
input-kind-excel = an Excel workbook
input-kind-opendocument = an OpenDocument file
input-kind-zip = a zip archive without word/document.xml
input-docx-not-docx = this file is { $found }, not a Word document (.docx); save the document as .docx (in Word: File > Save As > Word Document) and use that file
input-docx-damaged = the document is damaged ({ $reason }); open it in Word and save the document as .docx (in Word: File > Save As > Word Document) and use that file
input-docx-unpacked = the document unpacks to { $size } MB, more than the { $limit } MB tthc reads (limit on the unpacked size)
input-docx-part-too-large = { $part } unpacks to more than the { $limit } MB tthc reads (limit on the size of { $part })
input-docx-xml = { $part } is not well-formed XML (near byte { $position }: { $reason }); open the document in Word and save it again
input-docx-too-deep = { $part } nests elements more than { $limit } deep (limit on the XML nesting depth)
input-docx-too-many-cells = the document's tables hold more than { $limit } cells (limit on the cells of a document)
input-docx-too-many-columns = line { $line }: a row of table { $table } has more than { $limit } columns (limit on the columns of a row)
input-docx-too-long = line { $line }: a cell or paragraph holds more than { $limit } characters (limit on the text of a cell)
input-docx-too-many-paragraphs = the document has more than { $limit } paragraphs outside tables (limit on paragraphs)

## Decisions as published

input-pub-heading-unknown = section heading { $text } names no action, level or field tthc knows: reword it (e.g. "I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH", "A. Thủ tục hành chính cấp xã", "LĨNH VỰC HỘ TỊCH")
input-pub-row-neither = row is neither a procedure (no row number in the number column, { $number }) nor a heading: { $text }
input-pub-cell-without-header = column { $position } holds { $text } but its header is empty: the cell belongs to no column
input-pub-title-number = the annex title names decision { $title } but the decision's header (line { $line }) says { $body }: reading { $body }
input-pub-decision-flag = --decision { $flag } contradicts the document, which names decision { $document }
input-pub-no-number = the decision number is not stated (or left blank, as in a draft): give --decision
input-pub-title-date = the annex title dates the decision { $title } but its header (line { $line }) says { $body }: reading { $body }
input-pub-signed-flag = --signed { $flag } contradicts the document, which is dated { $document }
input-pub-no-signed = the signing date is not stated (or left blank, as in a draft): give --signed
input-pub-effect-tied = the decision takes effect with another act and states no date ({ $text }): give --effective
input-pub-effective-flag = --effective { $flag } contradicts the document, which takes effect on { $document }
input-pub-no-effective = the effective date is not stated: give --effective
input-pub-title-actions = the annex title names { $annex } but the decision's title (line { $line }) names { $decided }: reading { $decided }
input-pub-title-several-actions = the title (line { $line }) names { $actions } and no heading above this row says which: give --action or add a heading
input-pub-heading-actions = the heading names { $actions }: a section names one action
input-pub-action-flag = --action { $flag } contradicts the document, which says { $document }
input-pub-no-action = no action stated: no cell, heading or title says whether the procedure is added, amended, replaced or repealed: give --action
input-pub-level-outside = level { $level } is not a level of a province's catalog
input-pub-shared-levels = "áp dụng chung" names province and commune only from 2025-07-01 (when districts were abolished), and this decision takes effect on { $effective }: name the levels or give --level
input-pub-level-flag = --level { $flag } contradicts the document, which names { $document }
input-pub-not-stated = not stated
input-pub-no-level = no level stated: no level column, heading or title names one, nor the competent authority (the row's agency: { $agency }): give --level
input-pub-field-flag = --field { $flag } contradicts the document, which names { $document }
input-pub-no-field = no field stated: no field column, heading or title names one
input-pub-and = { $items } and { $last }
input-pub-level-from-catalog = { $message } (import takes it from the catalog when the entry is in force at one level only)
input-pub-level-no-code = { $message } (the row gives no code either)
input-pub-in-force-nowhere = the catalog has it in force at no level
input-pub-in-force-at = the catalog has it in force at { $levels }
input-pub-named-no-catalog = { $name } has no code: import finds the entry it { $action } by its name among the entries in force
input-pub-no-code-no-name = the row gives neither a code nor a name: { $action } rows need one
input-pub-named-two-codes = { $name } names { $first } at one level and { $code } at { $level } level: give the code
input-pub-closest = ; the closest: { $entries }
input-pub-named-none = { $name } has no code and names no entry in force at { $level } level on { $day }{ $hint }
input-pub-named-several = { $name } names { $count } entries in force at { $level } level on { $day }: { $entries }; give the code
input-pub-named-no-level = { $name } has no code and no level to look it up at
input-pub-no-code-yet = (no code yet)
input-pub-decision = decision { $number }
input-pub-ref-no-catalog = the row names its entry by row number ({ $reference }): import finds it in the catalog
input-pub-ref-row-is = số thứ tự { $stt } is { $code } { $name }
input-pub-ref-other-code = the row gives code { $code }, but it names { $references } by row number, and { $entries }: correct the code or the row number
input-pub-ref-several = the row names several entries by row number ({ $entries }), and its name picks none of them: give the code
input-pub-ref-not-stored = { $reference }: { $decision } is not in the catalog
input-pub-ref-import-first = { $message }; import it first, or give the code
input-pub-ref-unchecked = { $message }, so the row numbers that name it are not checked
input-pub-ref-several-decisions = { $reference }: the catalog has { $count } decisions numbered { $number } (signed { $days })
input-pub-ref-give-signed = { $message }; give its signing date
input-pub-ref-unchecked-one = { $message }, so the row numbers that name one are not checked
input-pub-ref-unnumbered = { $reference }: { $number } was imported from a file that numbers no rows
input-pub-ref-give-code = { $message }; give the code
input-pub-ref-no-row = { $reference }: { $number } has no row số thứ tự { $stt }{ $places }
input-pub-ref-several-rows = { $reference }: { $number } has several rows số thứ tự { $stt } ({ $rows }): name the section (Mục, Phần) too
input-pub-ref-places = there; it has: { $places }
input-pub-name-several-codes = the name names several codes ({ $codes }): which one is the row's is not clear

## How a damaged catalog's schema differs from tthc's ($kind: table, index, trigger, view)
store-schema-missing = { $kind } { $name } is missing
store-schema-other-kind = { $name } is a { $kind } where tthc has a { $expected }
store-schema-other-table = { $kind } { $name } belongs to { $table } where tthc's belongs to { $expected }
store-schema-extra = it holds a { $kind } { $name } that tthc does not make
store-schema-differs = { $kind } { $name } differs from tthc's
store-schema-theirs = tthc's has { $parts }
store-schema-ours = this one has { $parts }
store-schema-order = its columns are in another order

## inspect: the file's format and delimiter, what a heading sets, the lines without procedures
input-format-csv = CSV text
input-format-xlsx = Excel workbook (xlsx)
input-format-xls = Excel 97-2003 workbook (xls)
input-format-ods = OpenDocument spreadsheet (ods)
input-format-docx = Word document (docx)
input-delimiter-semicolon = semicolon (;)
input-delimiter-tab = tab
input-delimiter-comma = comma (,)
input-heading-action = action { $action }
input-heading-actions = actions { $actions }
input-heading-levels = { $count ->
    [one] level
   *[other] levels
} { $levels }
input-heading-shared = { $levels } (áp dụng chung)
input-heading-authority = { $levels } (the competent authority)
input-heading-field = field { $field }
input-heading-nothing = nothing
input-skip-header-block = header block of the decision
input-skip-layout = layout table (signature block)
input-skip-body = body of the decision
input-skip-title = annex title
input-skip-totals = totals
input-skip-footnote = footnote
input-skip-note = note
input-skip-numbering = numbering label
input-skip-non-catalog = table that is no catalog

## Where a fact of a row came from
origin-cell = cell { $column }
origin-heading = heading at line { $line }
origin-title = title, line { $line }
origin-authority = the competent authority in the title, line { $line }
origin-body = body of the decision, line { $line }
origin-flag = command-line flag
origin-catalog = the catalog, the only level in force

## A row-number reference of a decision's body, followed in the catalog
input-body-no-catalog = not followed: no catalog
input-body-not-stored-signed = not followed: decision { $decision } signed { $signed } is not in the catalog
input-body-not-stored = not followed: decision { $decision } is not in the catalog
input-body-several = not followed: the catalog has { $count } decisions numbered { $decision }
input-body-unnumbered = not followed: { $number } was imported from a file that numbers no rows
input-body-changes = changes
input-body-agrees = the annex { $action } every entry it names
input-body-no-row = { $number } has no row số thứ tự { $rows }
input-body-missing-entry = { $code } (số thứ tự { $stt })
input-body-missing = the annex has no row that { $action } { $entries }
input-body-disagrees = the body names { $reference }, but { $finding }: the annex's rows are what is imported

## A catalog being built that an interrupted import left
store-interrupted-build = note: { $path } is left from an import that was interrupted; delete it if no other import is running

## What a stored value tthc cannot read is (a column of the database)
store-corrupt-column = column { $column } holds { $value }
store-corrupt-unknown = column { $column } holds a value tthc does not know
store-corrupt-version = version { $id }: { $what }

## A row-number reference names its decision: "số thứ tự 4 mục I of 12/QĐ-UBND"
position-of-decision = of { $decision }

## A cell that should say whether a procedure is inter-agency
domain-not-inter-agency = { $raw } does not say whether the procedure is inter-agency: write "Có", "x" or "Không"
