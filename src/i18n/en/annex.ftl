# annex: the exported annex workbook, tthc config, and csv for spreadsheets.

config-not-set = { $name } is not set: tthc config { $name } "Tỉnh …" sets it
config-read-only = cannot change a setting: the catalog { $path } is read-only
config-control-character = the value of { $name } holds a control character (a line break, a tab): { $value }; give it on one line
export-heading-xlsx-only = { $option } gives the heading of the annex workbook: it applies to --format xlsx (or -o FILE.xlsx), not to --format { $format }
export-heading-control-character = { $option } holds a control character (a line break, a tab): give it on one line
delimiter-one-character = the delimiter must be one character (or tab), not "{ $value }"
delimiter-quote-or-line-break = the delimiter cannot be a double quote or a line break: csv uses those itself
delimiter-not-ascii = the delimiter must be an ASCII character such as ; | or tab, not "{ $value }"
delimiter-not-csv = --delimiter applies to csv output, not to --format { $format }
