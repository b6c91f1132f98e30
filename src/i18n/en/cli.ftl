# The command line: help texts, clap's own words and its error messages.
#
# Help is looked up by command path and argument (src/cli.rs applies it):
#   cli-PATH-about          the first line of a command's help (PATH: `cli` for
#                           tthc itself, `cli-export`, `cli-reference-import`)
#   cli-PATH-long-about     the paragraphs after it, shown by --help
#   cli-PATH-after-help     shown after the options (the exit codes)
#   cli-PATH-arg-KEY        an argument's help; KEY is its long name
#                           (`known-at`), or for a positional its name (`files`)
#   cli-arg-KEY             the same help for every command without its own
#   cli-PATH-arg-KEY-value-VALUE / cli-arg-KEY-value-VALUE
#                           the help of one of an argument's possible values
# Help text ends without a period, as clap's own does.

-exit-codes =
    Exit codes:
      0  success
      1  other failure (database, file system)
      2  usage error (also: a --db file that is not a catalog, -o naming the catalog)
      3  input rejected: every problem listed as FILE:LINE: message, nothing written
      4  conflict with a decision already imported, or a correction that later
         decisions depend on: nothing written
      5  verify found a mismatch between the store and its history;
         any command: the catalog is damaged

## clap's words

cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-spec-default = default
cli-spec-env = env
cli-spec-possible-values = possible values
cli-spec-possible-values-list = Possible values
cli-help-flag = Print help
cli-help-flag-summary = Print help (see more with '--help')
cli-help-flag-full = Print help (see a summary with '-h')
cli-version-flag = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-arg-command = Print help for the subcommand(s)

## clap's errors

cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-subcommand = unrecognized subcommand '{ $command }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-missing-value = a value is required for '{ $arg }' but none was supplied
cli-error-missing-required = the following required arguments were not provided:
cli-error-missing-subcommand = '{ $command }' requires a subcommand but one was not provided
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-conflict-many = the argument '{ $arg }' cannot be used with:
cli-error-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
cli-error-repeated = the argument '{ $arg }' cannot be used multiple times
cli-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual ->
        [one] { $actual } was provided
       *[other] { $actual } were provided
    }
cli-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-error-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-error-possible-values = possible values
cli-error-subcommands = subcommands
cli-error-similar-value = a similar value exists: { $values }
cli-error-similar-values = some similar values exist: { $values }
cli-error-similar-argument = a similar argument exists: { $values }
cli-error-similar-arguments = some similar arguments exist: { $values }
cli-error-similar-subcommand = a similar subcommand exists: { $values }
cli-error-similar-subcommands = some similar subcommands exist: { $values }
cli-error-tip = tip
cli-error-more = For more information, try '{ $help }'.
# The typed values of the command line whose message tthc itself gives.
cli-error-not-a-number = not a whole number of 0 or more
cli-error-number-too-large = the number is too large

## tthc

cli-about = Keeps a Vietnamese province's catalog of administrative procedures (TTHC): imports publication decisions, versions every entry, exports the catalog as of any date.
cli-after-help = { -exit-codes }
cli-arg-db = The catalog database file. Created by the first import
cli-arg-lang = The language of messages, tables and help: vi (tiếng Việt) or en. Without it, Vietnamese when LC_ALL, LC_MESSAGES or LANG starts with vi
cli-arg-lang-value-vi = Tiếng Việt
cli-arg-lang-value-en = English

## Arguments shared by several commands

cli-arg-as-of = A date (YYYY-MM-DD or DD/MM/YYYY), or a decision: NUMBER, or NUMBER@SIGNED-DATE when several stored decisions have that number; default: today
cli-arg-known-at = The catalog as it was known at this moment: decisions imported after it and corrections made after it are left out. RFC 3339 (2026-03-01T10:00:00+07:00), or YYYY-MM-DD[THH:MM[:SS]] in local time, a date alone meaning the end of that day
cli-arg-level = Keep only entries at these levels (e.g. commune, or "province,commune")
cli-arg-field = Keep only entries whose field contains this text (case and diacritics ignored: "ho tich" keeps "Hộ tịch")
cli-arg-agency = Keep only entries whose agency contains this text (case and diacritics ignored)
cli-arg-format = Output format; default: a table on a terminal, csv when the output goes to a pipe or a file
cli-arg-sheet = The sheet of a workbook to read; default: the first visible sheet
# How import and inspect read decision files.
cli-arg-decision = Decision number for files without a decision column, e.g. 1234/QĐ-UBND
cli-arg-signed = Signing date for files without a signed column (YYYY-MM-DD or DD/MM/YYYY)
cli-arg-effective = Effective date for rows whose effective cell is empty (default: the signing date)
cli-arg-encoding = Encoding of CSV files without a byte-order mark: utf-8 (default), utf-16le, utf-16be or windows-1258
cli-arg-levels = Keep only these levels (e.g. province,commune) and list the rows that name none of them, such as "Cấp bộ" rows of a national list
cli-arg-action = For a decision as published: the action of rows whose cell, headings and title state none (added, amended, replaced, repealed, or the Vietnamese words). Contradicting what the document states is a problem
cli-import-arg-level = For a decision as published: the level(s) of rows whose cell, headings, title and competent authority state none (e.g. province, or "province,commune")
cli-import-arg-field = For a decision as published: the field of rows whose cell, headings and title state none
cli-inspect-arg-level = { cli-import-arg-level }
cli-inspect-arg-field = { cli-import-arg-field }

## Commands
cli-import-about = Import decision files (CSV or Excel workbooks) into the catalog, all or nothing.
cli-import-after-help = { -exit-codes }
cli-import-long-about =
    All files of one call form one batch: they are checked together against the
    stored history and written in one transaction. Any problem rejects the whole
    batch (exit 3) and every problem is listed as `FILE:LINE: message`.

    Re-importing a decision already stored with identical rows does nothing;
    the same decision (number and signing date) with different rows is refused (exit 4).
    To fix a decision imported with wrong rows, --correct DECISION replaces its
    rows with those of the corrected FILE (see also tthc retract).

    Files are recognized by their content: xlsx (also xls, ods) workbooks, and
    CSV in UTF-8 (with or without a byte-order mark) or UTF-16 with a
    byte-order mark, separated by commas, semicolons or tabs. The header row
    is found by its column names, below any title rows. TCVN3 and VNI text is
    refused with the way to convert it. Run `tthc inspect FILE` first to see
    how a file is read.

    Examples:
      tthc import data/*.csv
      tthc import --decision 1234/QĐ-UBND --signed 15/06/2020 annex.csv
      tthc import --sheet "Phụ lục I" --decision 1234/QĐ-UBND --signed 2025-11-19 annex.xlsx
      tthc import --levels province,commune --decision 1/QĐ-UBND --signed 2025-07-01 national.csv
      tthc import --dry-run new-decision.csv
      tthc import --correct 160/QĐ-UBND --reason "fee of 1.000002 mistyped" qd-160-fixed.csv
      cat annex.csv | tthc import --decision 12/QĐ-UBND --signed 2020-01-02 -

cli-import-arg-files = Decision files (docx, CSV, xlsx, xls, ods); `-` reads standard input
cli-arg-dry-run = Check everything and report what would change, writing nothing
cli-import-arg-strict = Treat warnings (a date of effect more than a year from the signing date, a signing date in the future, a number whose year is not the signing year) as problems: the import is refused (exit 3) and nothing is written
cli-import-arg-strict-reference = Treat the warnings against the national list stored (a code it does not have, a name that is another code's there) as problems: the import is refused (exit 3) and nothing is written
cli-import-arg-correct = Replace the rows of this stored decision (NUMBER, or NUMBER@SIGNED-DATE when several stored decisions have that number) with those of the FILEs, which must hold that decision's rows only. The rows replaced stay in the store, marked retracted (tthc history shows them), and the correction is a link of the hash chain with who, when and why. Refused (exit 4) when a later decision depends on the rows replaced
cli-import-arg-reason = Why the decision is corrected, recorded with the correction (default: "corrected by FILE")
cli-import-arg-format = Format of the summary

cli-retract-about = Take a decision's rows out of the catalog, from the start.
cli-retract-after-help = { -exit-codes }
cli-retract-long-about =
    For a decision imported by mistake (a draft, another province's decision,
    a file of the wrong decision): the catalog becomes what it would be had the
    decision never been imported. Its rows stay in the store, marked retracted:
    tthc history shows them, tthc decisions lists the retraction, and
    --known-at on the read commands rebuilds the catalog as it was known
    before. The retraction is a link of the hash chain carrying who (the
    operating-system user), when and why (--reason); tthc verify replays it.

    Refused (exit 4, nothing written) when a later decision depends on the
    rows: it amends, repeals or replaces an entry the decision added, or adds
    one the decision repealed. The message names each such decision and entry.
    A decision already retracted is refused too. To put rows of it back, or
    to replace its rows rather than take them out: tthc import --correct.

    Examples:
      tthc retract 160/QĐ-UBND --reason "the draft was imported, not the signed decision"
      tthc retract 160/QĐ-UBND@2026-01-10 --reason "another province's decision" --dry-run

cli-retract-arg-decision = The decision: NUMBER, or NUMBER@SIGNED-DATE when several stored decisions have that number
cli-retract-arg-reason = Why the decision is retracted, recorded with the retraction
cli-retract-arg-format = { cli-import-arg-format }

cli-inspect-about = Show how a decision file would be read, without touching the catalog.
cli-inspect-long-about =
    A preflight for import: the file's format (CSV, or a workbook and its
    sheet), its encoding and delimiter, the header row and the column each
    header cell maps to, the rows per decision, action and level, every
    problem with its line, and the import command to run (with the decision
    a title row names, for files without decision columns). For a decision
    as published (a Word document, or an annex whose action and level are in
    its titles and headings): the decision with where each fact is stated,
    each catalog table's header mapping and headings, every row with the
    sources of its action, level and field, the lines skipped, and the flags
    the command needs. The catalog is not opened: checks against the stored
    history happen at import (try import --dry-run).

    When the catalog (--db) holds a national procedure list (see tthc
    reference), the rows are checked against the latest as import would: a
    code the list does not have, a name that is another code's there.

    Exits with 0 when the file can be imported with the command shown, 3 when
    it has problems.

    Examples:
      tthc inspect annex.xlsx
      tthc inspect QĐ-2715.docx
      tthc inspect --levels province,commune national.csv
      tthc inspect --format json annex.csv | jq .columns

cli-inspect-arg-file = The decision file (CSV, xlsx, xls, ods, docx); `-` reads standard input
cli-inspect-arg-strict-reference = Count the warnings against the national list stored as problems (exit 3), as import --strict-reference would refuse the file
cli-inspect-arg-format = Format of the report

cli-export-about = Export the catalog in force on a date.
cli-export-long-about =
    Rows are ordered by level (province, district, commune), then field, then
    code; the same state always gives byte-identical output.

    xlsx is a workbook laid out like the annex of a decision: a title, one
    section per level (A. cấp tỉnh, B. cấp huyện, C. cấp xã) with a sub-heading
    per field, a total line, and a second sheet with the counts. It is written
    to -o FILE, or to standard output when that is a file or a pipe, never to
    a terminal.

    For Excel users, --headers vi names the csv columns in Vietnamese (the
    names import reads) and --bom starts the csv with a UTF-8 byte-order mark;
    with --bom, or --excel, cells that Excel would run as formulas (starting
    with = + - @, a tab or a carriage return) are preceded by an apostrophe.
    --excel writes what a spreadsheet in a Vietnamese locale opens right:
    fields separated by ";", levels as Cấp tỉnh, dates as dd/mm/yyyy, and
    codes as ="2.000620", text that keeps its zeros. --delimiter sets the
    field separator of any csv (tab: --delimiter tab).

    For filing, --province (or tthc config province), --attached-to and
    --title give the workbook the heading of a decision's annex: "PHỤ LỤC",
    the title, and "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của
    Chủ tịch UBND tỉnh Yên Bái)". Every row is as tall as its wrapped text,
    and the "Số lượng" sheet prints on one page.

    With --manifest, FILE.manifest.json is written next to FILE, after it: the
    version of the catalog exported, the last decision applied, the counts, the
    file's SHA-256, the tool version and the export time.

    Examples:
      tthc export --as-of 2025-07-01 --format csv -o catalog.csv
      tthc export --as-of 1580/QĐ-UBND@2025-06-20 --format csv
      tthc export --format xlsx -o danh-muc.xlsx --manifest
      tthc export -o phu-luc.xlsx --province "Tỉnh Yên Bái" --attached-to "2715/QĐ-UBND ngày 19/11/2025"
      tthc export --headers vi --bom -o danh-muc.csv
      tthc export --excel -o danh-muc.csv
      tthc export --format json | jq '.counts'
      tthc export --as-of 2025-07-01 --known-at 2026-03-01 -o as-published-then.csv
      tthc export

cli-export-arg-format = Output format; default: table on a terminal, csv otherwise (and with --headers, --bom, --excel or --delimiter)
cli-arg-output = Write to FILE atomically (temporary file, then rename) instead of standard output
cli-export-arg-headers = Column names of the csv: en (level, code, ...) or vi (Cấp thực hiện, Mã số TTHC, ...)
cli-export-arg-headers-value-en = level, code, name, ... (the default)
cli-export-arg-headers-value-vi = Cấp thực hiện, Mã số TTHC, Tên thủ tục hành chính, ...
cli-export-arg-bom = Start the csv with a UTF-8 byte-order mark, so that Excel reads Vietnamese text correctly; cells Excel would run as formulas are defused as with --excel
cli-export-arg-excel = csv for a spreadsheet in a Vietnamese locale (Excel, LibreOffice): a byte-order mark, fields separated by ";" (unless --delimiter says otherwise), Vietnamese column names (unless --headers says otherwise) and levels (Cấp tỉnh), dates as dd/mm/yyyy, codes as ="2.000620" so that they stay text with their zeros, and every other cell that starts with = + - @, a tab or a carriage return preceded by an apostrophe, so that it is shown as text and never run as a formula
cli-export-arg-manifest = Also write FILE.manifest.json next to the -o FILE: what was exported, from which state

cli-report-about = Write an HTML report of the catalog over time.
cli-report-long-about =
    One self-contained page in Vietnamese (inline CSS and SVG, nothing
    fetched, laid out for A4 when printed): the entries in force per level
    on the last day, and per field; a chart of the entries in force per level
    from --from to --to, with the dates decisions took effect marked on the
    time axis and listed under it; the days the catalog changed most (the
    first import left out); the entries in force at the end of each year;
    the decisions signed per year; the latest decisions with their changes;
    and the changes published but not yet in force on the last day. The same
    store and dates always give the same file.

    Examples:
      tthc report -o report.html
      tthc report --from 2020-01-01 --to 2025-12-31 -o report-2020-2025.html
      tthc report --known-at 2026-03-01 -o report-as-known-then.html

cli-report-arg-from = First day of the chart and of the decisions shown; default: the first date of the history
cli-report-arg-to = Last day of the chart, the day of the counts; default: today

cli-counts-about = Count the entries in force per level on a date.
cli-counts-long-about =
    total counts entries (code, level); procedures counts distinct codes, so a
    code in force at two levels is one procedure and two entries.

    Examples:
      tthc counts
      tthc counts --as-of 2025-06-30 --format json
      tthc counts --as-of 1580/QĐ-UBND

cli-diff-about = Show what changed between two versions of the catalog.
cli-diff-long-about =
    FROM and TO are dates (YYYY-MM-DD or DD/MM/YYYY) or decisions: NUMBER when
    one stored decision has that number, else NUMBER@YYYY-MM-DD (its signing
    date). The version as of a decision is the catalog right after that
    decision is applied. Changes are keyed by entry (code, level) and ordered
    by level, then code; an entry whose details are the same in both versions
    shows no change, whatever happened in between.

    An entry replaced in the interval, directly or through a chain of
    replacements (A by B, then B by C), counts once as replaced (A -> C), not
    as a repeal plus an addition. With FROM later than TO the history reads
    backwards.

    A code repealed at one level and added at another with the same effective
    date (district to commune on 2025-07-01) counts once as moved, from the old
    level to the new, with the details that differ; --plain reads it as a
    repeal plus an addition.

    Examples:
      tthc diff 2021-01-01 2025-07-01
      tthc diff 1234/QĐ-UBND 1580/QĐ-UBND --format json
      tthc diff 2025-06-30 2025-07-01 --exit-code --format csv > changes.csv
      tthc diff 2025-06-30 2025-07-01 --plain
      tthc diff 2025-06-30 2025-07-01 --stat
      tthc diff 1234/QĐ-UBND 1580/QĐ-UBND --quiet || echo changed

cli-diff-arg-from = The older version: a date or a decision reference
cli-diff-arg-to = The newer version: a date or a decision reference
cli-diff-arg-exit-code = Exit with 1 when there are changes and 0 when there are none (other failures keep their codes)
cli-diff-arg-plain = Read a move between levels as a repeal at the old level plus an addition at the new one, as the decision's rows state them (e.g. tthc diff 2025-06-30 2025-07-01 --plain)
cli-diff-arg-quiet = Print nothing; exit with 1 when there are changes and 0 when there are none (as --exit-code)
cli-diff-arg-stat = Print only the summary: how many entries were added, amended, replaced, repealed, moved (and given a code)

cli-history-about = Show every version of a procedure's entries, level by level.
cli-history-long-about =
    Each version: its number (1, 2, ... in the order the rules apply changes),
    the action (an entry repealed by a replacement shows "replaced" and the new
    code), the decision with its signing and effective dates, the fields that
    changed from the previous version (for the first: the fields given), and
    the details. A version a correction took out of the catalog is listed
    where it stood, unnumbered, with the correction (tthc retract, tthc import
    --correct). A code with no stored version is a failure (exit 1).

    Examples:
      tthc history 1.001612
      tthc history 1.001612 --level commune --format json
      tthc history 1.001612 --known-at 2026-03-01T09:00:00+07:00

cli-history-arg-code = The procedure code (1.001612 or the long form)
cli-history-arg-level = Only this level (province, district, commune, or the Vietnamese name)

cli-show-about = Show a procedure's full record at each level on a date or after a decision.
cli-show-long-about =
    One record per level where the procedure is in force, with the decision
    and effective date of that version. Not in force at any level: exit 1.

    Examples:
      tthc show 1.001612
      tthc show 1.001612 --as-of 2020-01-01 --format json
      tthc show 1.001612 --as-of 1580/QĐ-UBND

cli-show-arg-code = The procedure code

cli-decisions-about = List the imported decisions: the decision log.
cli-decisions-long-about =
    One line per decision in order of import: number, signing date, effective
    dates, entry changes per action (added, amended, replaced, repealed) and in
    all, the source file and its SHA-256, when and by whom it was imported, and
    its chain hash. The table is compact (number, dates, changes, file; it
    fits 100 columns); json gives {"{"}"decisions": [...]{"}"} and csv the same keys
    as its header, in full.

    Examples:
      tthc decisions
      tthc decisions -n 5
      tthc decisions --since 2025-07-01 --until 2025-12-31
      tthc decisions --format json | jq '.decisions[-1].chain_sha256'
      tthc decisions --format csv > decisions.csv
      tthc decisions --known-at 2026-03-01T09:00:00+07:00

cli-decisions-arg-limit = Only the last N decisions of the log (after --since and --until)
cli-decisions-arg-since = Only decisions signed on or after this date
cli-decisions-arg-until = Only decisions signed on or before this date

cli-upcoming-about = List published changes whose effective date is still ahead.
cli-upcoming-long-about =
    Stored changes effective after today and at most N days from today, by
    effective date, then level, then code.

    Examples:
      tthc upcoming
      tthc upcoming --days 90 --format json
      tthc upcoming --known-at 2026-03-01

cli-upcoming-arg-days = How many days ahead to look

cli-search-about = Find entries by name, field or agency, ignoring case and Vietnamese diacritics.
cli-search-long-about =
    "chung thuc" finds "Chứng thực"; đ matches d.

    Examples:
      tthc search "chung thuc"
      tthc search "hộ tịch" --as-of 2020-01-01 --format json

cli-search-arg-text = Words to find; every word must match

cli-verify-about = Prove the store was not edited behind tthc's back.
cli-verify-long-about =
    Runs SQLite's integrity and foreign key checks, compares the schema with
    tthc's, recomputes every decision's content hash from its stored rows and
    the hash chain over all decisions, replays the whole history to check that
    every stored version, its details and its validity interval equal what the
    rules produce, and checks the search index against the versions. Any
    mismatch exits with 5, one line per mismatch naming the decision or the
    entry. On success it prints what it checked and the chain head: keep that
    hash elsewhere to detect a history rewritten as a whole.

    With --head HASH (a chain head kept earlier) or --manifest FILE (the
    manifest of an earlier export), verify also proves that the store still
    holds that chain head and every decision before it: deleting or rewriting
    the newest decisions, hashes recomputed, is found only this way.

    Examples:
      tthc verify
      tthc verify --head 7a41c4d4d977869f344516bcf961658b52464239f621b6f368e8347506739686
      tthc verify --manifest /srv/portal/danh-muc.xlsx.manifest.json
      tthc verify --format json | jq .verified

cli-verify-arg-head = A chain head kept earlier (from tthc verify or tthc decisions): the store must still hold it and every decision before it
cli-verify-arg-manifest = The manifest of an earlier export (FILE.manifest.json): the store must still hold the chain head it names, with as many decisions before it
cli-verify-arg-format = Format of the report: text, or json for scripts ({"{"}"verified", "database", "decisions", "versions", "entries", "spans", "indexed", "corrections", "chain_head", "anchors", "mismatches", "mismatches_total"{"}"}), written on a mismatch too (exit 5)

cli-reference-about = Keep snapshots of the national procedure database (CSDL quốc gia về TTHC).
cli-reference-long-about =
    A snapshot is the list of procedures the national public-service portal
    exports: one row per procedure with its code, name, levels ("Cấp tỉnh,
    Cấp xã", "Cấp bộ", ...), field, agency and the ministry's decision that
    published it, in English or Vietnamese headers ("Mã thủ tục", "Tên thủ
    tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện", "Quyết định công
    bố"), as CSV or a workbook. Snapshots are kept beside the catalog and
    never change it; tthc reconcile compares the catalog with them, and
    import and inspect check new decisions against the latest.

    Examples:
      tthc reference import --as-of 2025-11-20 dvcqg-procedures.csv
      tthc reference list

cli-reference-import-about = Store a snapshot of the national procedure list.
cli-reference-import-after-help = { -exit-codes }
cli-reference-import-long-about =
    The file is read whole and checked (codes, levels, one name per code);
    any problem refuses it (exit 3) and nothing is stored. It is stored with
    its SHA-256 and the date it stands for. A file already stored (the same
    bytes) is not stored again: the command says so and exits with 0.

    Examples:
      tthc reference import --as-of 2025-11-20 dvcqg-procedures.csv
      tthc reference import --sheet "TTHC" danh-sach-tthc.xlsx

cli-reference-import-arg-file = The national list (CSV, xlsx, xls, ods); `-` reads standard input
cli-reference-import-arg-as-of = The date the list stands for (the day it was downloaded); default: today
cli-reference-import-arg-encoding = Encoding of a CSV file without a byte-order mark: utf-8 (default), utf-16le, utf-16be or windows-1258
cli-reference-import-arg-format = { cli-import-arg-format }

cli-reference-list-about = List the stored snapshots of the national list.
cli-reference-list-long-about =
    By date, then order of import: the date, the procedures, the file, its
    SHA-256, when and by whom it was imported.

    Examples:
      tthc reference list
      tthc reference list --format json

cli-reconcile-about = Compare the catalog with the national procedure database.
cli-reconcile-long-about =
    The catalog in force on a date or right after a decision (default:
    today) against the latest snapshot of the national list dated on or
    before it (see tthc reference). Each finding names the entry, the
    decision that last set it and the national values:
      unknown_code        a code in force that the list does not have
      name_of_other_code  the entry's name is the list's name of another code
      name_mismatch       the names differ beyond case, spacing, punctuation
                          and the place of the tone mark (with a similarity
                          score and the words that differ)
      level_mismatch      an entry at a level the list does not give its code
      missing             a procedure the list gives the province or the
                          communes (the districts before 2025-07-01) that is
                          not in force at that level: what is left to publish
      field_mismatch, agency_mismatch   information only, with --all
    Findings are ordered by kind, then level, then code. --level, --field and
    --agency keep the findings of the entries they keep, and the missing
    procedures by the national list's level, field and agency.

    Examples:
      tthc reconcile
      tthc reconcile --as-of 1580/QĐ-UBND --format json
      tthc reconcile --level commune --format csv > missing.csv
      tthc reconcile --field "ho tich" --agency "UBND cấp xã"
      tthc reconcile --exit-code || echo "the catalog differs from the national database"

cli-reconcile-arg-exit-code = Exit with 1 when there is a finding of the default kinds and 0 when there is none (other failures keep their codes)
cli-reconcile-arg-all = Also the information-only findings: field_mismatch and agency_mismatch

cli-completions-about = Print a shell completion script.
cli-completions-long-about =
    Example:
      tthc completions bash > /etc/bash_completion.d/tthc

cli-completions-arg-shell = The shell

cli-man-about = Print the man page (roff).
cli-man-long-about =
    Example:
      tthc man > tthc.1 && man ./tthc.1
cli-export-arg-province = xlsx: the province whose chairman the annex is attached for ("Tỉnh Yên Bái"); default: the one set with tthc config province. With it, or --attached-to, the sheet starts with "PHỤ LỤC" and "(Kèm theo Quyết định số … của Chủ tịch UBND tỉnh …)"
cli-export-arg-title = xlsx: the title of the annex, in place of "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến …)"; the date of the catalog follows it on the totals line
cli-export-arg-attached-to = xlsx: the decision the annex is attached to, as the heading names it: "2715/QĐ-UBND ngày 19/11/2025"
cli-arg-delimiter = The csv field separator: one character, such as ";" or "|", or tab (also "\t"); default "," (";" with export --excel). Implies csv when no --format is given
cli-config-about = Show or change a setting kept with the catalog.
cli-config-long-about =
    province  the province that publishes the catalog, as the heading of an
              annex names it ("Tỉnh Yên Bái", "Thành phố Hà Nội"): export
              --format xlsx then writes "PHỤ LỤC" and "(Kèm theo Quyết định
              số … của Chủ tịch UBND tỉnh …)" above the title; its --province
              option overrides the setting for one export.

    Without a VALUE, the setting is printed (nothing when it is not set); an
    empty VALUE ("") clears it. The catalog must exist (tthc import creates it).

    Examples:
      tthc config province "Tỉnh Yên Bái"
      tthc config province
      tthc config province ""
cli-config-arg-name = The setting
cli-config-arg-name-value-province = The province named in the heading of the exported annex
cli-config-arg-value = Its new value; without it, the value is printed
