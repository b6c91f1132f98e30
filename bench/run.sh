#!/usr/bin/env bash
# Benchmark of tthc at national scale, against sqlite3's own CSV import.
#
#   bench/run.sh            # 1,000,000 rows (about 170 MB of CSV)
#   ROWS=200000 bench/run.sh
#   ONLY=reconcile bench/run.sh   # only reconcile: 2,000 entries against 10,000 procedures
#
# Prints a Markdown table (the one in docs/performance.md)
# and the query plan of the point-in-time catalog query.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
RUNS=${RUNS:-5}
IMPORT_RUNS=${IMPORT_RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/tthc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

need() {
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
    else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need sqlite3 sqlite3
[ -x /usr/bin/time ] || need /usr/bin/time time

echo "building (release)..." >&2
cargo build --release --quiet --bin tthc --example gen_history
tthc=target/release/tthc
gen=target/release/examples/gen_history

# seconds and peak resident memory (MB) of one command
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
        cat "$work/stderr.txt" >&2
        return 1
    }
    read -r secs kb <"$work/time.txt"
    echo "$secs $(( kb / 1024 ))"
}

# median wall time of RUNS runs of a read command, in seconds
median() {
    local times=()
    for _ in $(seq "$RUNS"); do
        times+=("$(measure "$@" | cut -d' ' -f1)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# median wall time and largest peak memory of IMPORT_RUNS imports into a
# fresh database: "$1" is the database file, the rest the command
imports() {
    local db=$1 times=() mb=0 secs m
    shift
    for _ in $(seq "$IMPORT_RUNS"); do
        rm -f "$db"
        read -r secs m < <(measure "$@")
        times+=("$secs")
        (( m > mb )) && mb=$m
    done
    echo "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $mb"
}

# reconcile: a catalog of 2,000 entries against a national list of 10,000
# procedures, with names cut short, codes unknown to the list and entries at
# levels the list does not give. Prints one row of the table.
reconcile_bench() {
    local dir="$work/reconcile"
    mkdir -p "$dir"
    awk 'BEGIN {
        print "code,name,levels,field,agency,ministry_decision"
        split("Cấp bộ|Cấp tỉnh|Cấp xã|Cấp tỉnh, Cấp xã|Cấp bộ, Cấp tỉnh", lv, "|")
        for (i = 0; i < 10000; i++)
            printf "1.%06d,\"Thủ tục hành chính số %d về cấp, cấp lại giấy phép hoạt động lĩnh vực %d\",\"%s\",Lĩnh vực %d,Sở ngành %d,%d/QĐ-BNV\n",
                200000 + i, i, i % 50, lv[i % 5 + 1], i % 50, i % 30, 100 + i % 40
    }' >"$dir/national.csv"
    awk 'BEGIN {
        print "decision,signed,effective,action,code,level,name,field"
        n = 0
        for (i = 0; n < 2000; i++) {
            if (i % 5 == 0 || i % 5 == 2) continue
            level = (i % 5 == 1 || i % 5 == 4) ? "province" : "commune"
            code = sprintf("1.%06d", 200000 + i)
            name = sprintf("Thủ tục hành chính số %d về cấp, cấp lại giấy phép hoạt động lĩnh vực %d", i, i % 50)
            if (n % 20 == 7) name = sprintf("Thủ tục hành chính số %d về cấp giấy phép lĩnh vực %d", i, i % 50)
            if (n % 50 == 11) code = sprintf("1.%06d", 900000 + n)
            if (n % 40 == 13) level = "commune"
            printf "1/QĐ-UBND,2025-08-01,2025-08-01,added,%s,%s,\"%s\",Lĩnh vực %d\n", code, level, name, i % 50
            n++
        }
    }' >"$dir/catalog.csv"
    local rdb=(--db "$dir/tthc.db")
    "$tthc" "${rdb[@]}" reference import --as-of 2025-01-01 "$dir/national.csv" >/dev/null
    "$tthc" "${rdb[@]}" import "$dir/catalog.csv" >/dev/null 2>&1
    local findings rec_json rec_table mb
    findings=$("$tthc" "${rdb[@]}" reconcile --as-of 2025-12-31 --format csv | tail -n +2 | wc -l)
    rec_json=$(median "$tthc" "${rdb[@]}" reconcile --as-of 2025-12-31 --format json)
    rec_table=$(median "$tthc" "${rdb[@]}" reconcile --as-of 2025-12-31 --format csv)
    mb=$(measure "$tthc" "${rdb[@]}" reconcile --as-of 2025-12-31 --format json | cut -d' ' -f2)
    echo "| \`reconcile --format json\`: 2000 entries against 10000 procedures ($findings findings, ${mb} MB peak) | ${rec_json} s | well under 1 s |"
    echo "| \`reconcile --format csv\`, the same | ${rec_table} s | well under 1 s |"
}

if [ "${ONLY:-}" = reconcile ]; then
    cat <<TABLE

Reconcile, $(nproc) cores, $(date -u +%Y-%m-%d), median of $RUNS runs, process start included.

| step | time | target |
|---|---|---|
$(reconcile_bench)
TABLE
    exit 0
fi

echo "generating $ROWS rows..." >&2
summary=$("$gen" --rows "$ROWS" --out "$work/history.csv")
first=$(sed -E 's/.*"first_signed": "([0-9-]+)".*/\1/' <<<"$summary")
last=$(sed -E 's/.*"last_effective": "([0-9-]+)".*/\1/' <<<"$summary")
first_year=${first:0:4}
last_year=${last:0:4}
mid="$(( (first_year + last_year) / 2 ))-07-01"
end="$last"
diff_from="$(( last_year - 6 ))-01-01"
diff_to="$(( last_year - 1 ))-01-01"
size=$(du -m "$work/history.csv" | cut -f1)

echo "sqlite3 .import baseline..." >&2
read -r base_s base_mb < <(imports "$work/baseline.db" sqlite3 "$work/baseline.db" ".import --csv $work/history.csv raw")

echo "tthc import..." >&2
read -r imp_s imp_mb < <(imports "$work/tthc.db" "$tthc" --db "$work/tthc.db" import "$work/history.csv")
ratio=$(awk -v a="$imp_s" -v b="$base_s" 'BEGIN { printf "%.2f", a / b }')

echo "reads..." >&2
db=(--db "$work/tthc.db")
exp_mid=$(median "$tthc" "${db[@]}" export --format csv --as-of "$mid" -o "$work/mid.csv")
exp_end=$(median "$tthc" "${db[@]}" export --format csv --as-of "$end" -o "$work/end.csv")
cnt_mid=$(median "$tthc" "${db[@]}" counts --format json --as-of "$mid")
cnt_end=$(median "$tthc" "${db[@]}" counts --format json --as-of "$end")
cnt_early=$(median "$tthc" "${db[@]}" counts --format json --as-of "$first_year-06-30")
dif=$(median "$tthc" "${db[@]}" diff "$diff_from" "$diff_to" --format json)
entries_mid=$(( $(wc -l <"$work/mid.csv") - 1 ))
entries_end=$(( $(wc -l <"$work/end.csv") - 1 ))
entries_early=$("$tthc" "${db[@]}" counts --format csv --as-of "$first_year-06-30" | tail -1 | cut -d, -f5)
versions=$(sqlite3 "$work/tthc.db" "SELECT count(*) FROM versions")

cat <<TABLE

History: $ROWS rows ($size MB of CSV, $versions stored versions), $(nproc) cores, $(date -u +%Y-%m-%d).

| step | time | target |
|---|---|---|
| sqlite3 \`.import --csv\` into a plain table (baseline) | ${base_s} s | |
| \`tthc import\` (all validation and versioning) | ${imp_s} s | |
| ratio tthc / sqlite3 | ${ratio} | at most 2 |
| peak memory of \`tthc import\` (max RSS) | ${imp_mb} MB | below 200 MB |
| \`export --format csv\` as of $mid ($entries_mid entries) | ${exp_mid} s | under 0.2 s |
| \`export --format csv\` as of $end ($entries_end entries) | ${exp_end} s | under 0.2 s |
| \`counts\` as of $mid | ${cnt_mid} s | under 0.2 s |
| \`counts\` as of $end | ${cnt_end} s | under 0.2 s |
| \`counts\` as of $first_year-06-30 ($entries_early entries, same long history) | ${cnt_early} s | |
| \`diff $diff_from $diff_to\` | ${dif} s | under 0.5 s |
$(reconcile_bench)

Import times are the median of $IMPORT_RUNS imports into a fresh database (the
baseline's too), read times the median of $RUNS runs, process start included.
TABLE

echo
echo "Query plan of the catalog as of a day (CATALOG_SQL in src/store/mod.rs), as the sqlite3"
echo "shell plans it; CROSS JOIN keeps the interval tree as the outer loop in every SQLite"
echo "version, and a unit test checks the plan of tthc's own SQLite:"
echo
# The query as tthc runs it: the string literals of in_force_at! and
# CATALOG_SQL in src/store/mod.rs, joined, with details_of_v!() expanded.
literals() {
    sed -n "$1" src/store/mod.rs | awk '
        /details_of_v!\(\)/ { print "@DETAILS@"; next }
        /"/ { line = $0
              if (!open) { sub(/^[^"]*"/, "", line); open = 1 }
              if (line ~ /"[^"]*$/ && line !~ /^[^"]*$/) { sub(/"[^"]*$/, "", line); open = 0 }
              print line; next }
        open { print }'
}
details=$(literals '/^macro_rules! details_of_v/,/^}/p')
{
    echo "EXPLAIN QUERY PLAN"
    literals '/^macro_rules! in_force_at/,/^}/p'
    literals '/^const CATALOG_SQL/,/^);/p' | sed "s/@DETAILS@/$details/"
    echo ";"
} | sqlite3 "$work/tthc.db"
