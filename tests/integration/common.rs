//! The harness: a `Test` owns a fresh temporary directory, runs `tthc` in it
//! against the database `catalog.db` inside it, and checks what `tthc` answers.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use tempfile::TempDir;

/// The `tthc` binary under test.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_tthc");

/// Fixture decision files.
pub(crate) const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// The database file every `Test::tthc` command is pointed at, inside the test's directory.
pub(crate) const DB: &str = "catalog.db";

/// Header of the short decision files written inline by the tests.
pub(crate) const HEADER: &str = "decision,signed,effective,action,code,level,name,field,replaces";

/// Header of every CSV export.
pub(crate) const EXPORT_HEADER: &str =
    "level,code,name,field,agency,processing_time,fee,legal_basis,decision,effective";

/// `base.csv` (decision 10/QĐ-UBND, in force from 2024-01-15) exported as CSV.
pub(crate) const BASE_EXPORT: &str = "\
level,code,name,field,agency,processing_time,fee,legal_basis,decision,effective
province,2.000005,Chứng thực bản sao từ bản chính,Chứng thực,\"Sở Tư pháp, UBND cấp xã\",Trong ngày,2.000 đồng/trang,Nghị định 23/2015/NĐ-CP,10/QĐ-UBND,2024-01-15
province,1.000002,Đăng ký kết hôn có yếu tố nước ngoài,Hộ tịch,Sở Tư pháp,10 ngày làm việc,1.000.000 đồng,Luật Hộ tịch 2014,10/QĐ-UBND,2024-01-15
province,1.000006,\"Thay đổi, cải chính hộ tịch\",Hộ tịch,Sở Tư pháp,05 ngày làm việc,28.000 đồng,Luật Hộ tịch 2014,10/QĐ-UBND,2024-01-15
province,1.000001,Cấp giấy phép xây dựng,Xây dựng,Sở Xây dựng,20 ngày,Không,Luật Xây dựng 2014,10/QĐ-UBND,2024-01-15
district,1.000003,Cấp giấy chứng nhận đăng ký hộ kinh doanh,Kinh doanh,UBND cấp huyện,03 ngày làm việc,100.000 đồng,Nghị định 01/2021/NĐ-CP,10/QĐ-UBND,2024-01-15
commune,2.000005,Chứng thực bản sao từ bản chính,Chứng thực,\"Sở Tư pháp, UBND cấp xã\",Trong ngày,2.000 đồng/trang,Nghị định 23/2015/NĐ-CP,10/QĐ-UBND,2024-01-15
commune,1.000004,Đăng ký khai sinh,Hộ tịch,UBND cấp xã,Trong ngày,Miễn lệ phí,Luật Hộ tịch 2014,10/QĐ-UBND,2024-01-15
";

/// The day `base.csv` takes effect.
pub(crate) const BASE_DAY: &str = "2024-01-15";

/// Dates at which `Test::snapshot` exports the catalog; they span every fixture's history.
const SNAPSHOT_DATES: [&str; 8] = [
    "2023-06-01",
    "2024-01-15",
    "2024-03-15",
    "2024-05-15",
    "2024-07-01",
    "2025-06-30",
    "2025-07-01",
    "2100-01-01",
];

/// A decision file with the short `HEADER` and these records, one per line.
pub(crate) fn decision_file(records: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for record in records {
        text.push_str(record);
        text.push('\n');
    }
    text
}

/// A CSV export holding these lines after the header.
pub(crate) fn csv_export(lines: &[&str]) -> String {
    let mut text = format!("{EXPORT_HEADER}\n");
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// The line of a CSV export that starts with `prefix` (e.g. `province,1.000001`).
pub(crate) fn export_line<'a>(export: &'a str, prefix: &str) -> Option<&'a str> {
    let prefix = format!("{prefix},");
    export.lines().find(|line| line.starts_with(&prefix))
}

/// The text of a fixture file.
pub(crate) fn fixture_text(name: &str) -> String {
    let path = Path::new(DATA).join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub(crate) struct Test {
    dir: TempDir,
}

impl Test {
    pub(crate) fn new() -> Self {
        Self {
            dir: TempDir::new().expect("cannot create a temporary directory"),
        }
    }

    /// A test whose directory holds copies of these files from `tests/data`.
    pub(crate) fn with(fixtures: &[&str]) -> Self {
        let test = Self::new();
        for name in fixtures {
            test.write(name, fixture_text(name));
        }
        test
    }

    /// A test whose catalog holds these fixtures, imported in one batch.
    pub(crate) fn imported(fixtures: &[&str]) -> Self {
        let test = Self::with(fixtures);
        test.import(fixtures);
        test
    }

    /// A test whose catalog holds these fixtures, each imported on its own, in this order.
    pub(crate) fn imported_one_by_one(fixtures: &[&str]) -> Self {
        let test = Self::with(fixtures);
        for fixture in fixtures {
            test.import(&[fixture]);
        }
        test
    }

    pub(crate) fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir().join(name)
    }

    pub(crate) fn db(&self) -> PathBuf {
        self.path(DB)
    }

    /// Writes a file (and its parent directories) inside the test's directory.
    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        self
    }

    pub(crate) fn read(&self, name: &str) -> String {
        let path = self.path(name);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// `tthc --db catalog.db ARGS...`
    pub(crate) fn tthc(&self, args: &[&str]) -> Run<'_> {
        self.bare(&["--db", DB]).args(args)
    }

    /// `tthc ARGS...` without `--db` (and, like every run, without `TTHC_DB`).
    pub(crate) fn bare(&self, args: &[&str]) -> Run<'_> {
        Run {
            test: self,
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
            status: 0,
            checks: Vec::new(),
        }
        .args(args)
    }

    /// Imports these files in one batch, expecting success, and returns the JSON summary.
    pub(crate) fn import(&self, files: &[&str]) -> Summary {
        self.tthc(&["import", "--format", "json"])
            .args(files)
            .run()
            .json()
    }

    pub(crate) fn export_csv(&self, as_of: &str) -> String {
        self.tthc(&["export", "--format", "csv", "--as-of", as_of])
            .run()
            .stdout
    }

    /// The line of the CSV export as of `as_of` that starts with `prefix` (e.g. `province,1.000001`).
    pub(crate) fn export_line(&self, as_of: &str, prefix: &str) -> Option<String> {
        export_line(&self.export_csv(as_of), prefix).map(str::to_owned)
    }

    pub(crate) fn export_json(&self, as_of: &str) -> Export {
        self.tthc(&["export", "--format", "json", "--as-of", as_of])
            .run()
            .json()
    }

    pub(crate) fn counts(&self, as_of: &str) -> Counts {
        self.tthc(&["counts", "--format", "json", "--as-of", as_of])
            .run()
            .json()
    }

    /// The CSV exports at every snapshot date, or `None` when there is no database.
    pub(crate) fn snapshot(&self) -> Option<Vec<String>> {
        self.db().exists().then(|| {
            SNAPSHOT_DATES
                .iter()
                .map(|date| self.export_csv(date))
                .collect()
        })
    }

    /// Checks that the catalog is the one `before` recorded; with `None`, that there is
    /// no database, or one that holds no entry at any snapshot date.
    pub(crate) fn assert_unchanged(&self, before: Option<&[String]>) {
        match (before, self.snapshot()) {
            (Some(before), Some(after)) => assert_snapshots("changed", before, &after),
            (Some(_), None) => panic!("the database {} disappeared", self.db().display()),
            (None, None) => {}
            (None, Some(after)) => {
                let empty = vec![csv_export(&[]); SNAPSHOT_DATES.len()];
                assert_snapshots("is not empty", &empty, &after);
            }
        }
    }

    /// Checks that both tests hold the same catalog at every snapshot date.
    pub(crate) fn assert_same_catalog(&self, other: &Test) {
        let (expected, actual) = (self.snapshot(), other.snapshot());
        assert_snapshots(
            "differs",
            &expected.expect("no database"),
            &actual.expect("no database"),
        );
    }
}

fn assert_snapshots(what: &str, expected: &[String], actual: &[String]) {
    for ((date, expected), actual) in SNAPSHOT_DATES.iter().zip(expected).zip(actual) {
        assert_text(
            &format!("the catalog as of {date} {what}"),
            expected,
            actual,
        );
    }
}

enum Check {
    Stdout(String),
    StdoutHas(String),
    Stderr(String),
    StderrHas(String),
}

/// One run of `tthc`, built up like just's `Test`: `.args(..).stdin(..).status(3).stderr_has(..).run()`.
/// Whatever else is expected, `tthc` must not panic.
#[must_use]
pub(crate) struct Run<'a> {
    test: &'a Test,
    args: Vec<OsString>,
    env: Vec<(String, OsString)>,
    stdin: Option<Vec<u8>>,
    status: i32,
    checks: Vec<Check>,
}

pub(crate) struct Output {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Output {
    pub(crate) fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not the expected JSON: {e}\n--- stdout ---\n{}",
                self.stdout
            )
        })
    }
}

impl Run<'_> {
    pub(crate) fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub(crate) fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.env.push((key.to_owned(), value.as_ref().to_owned()));
        self
    }

    pub(crate) fn stdin(mut self, input: impl AsRef<[u8]>) -> Self {
        self.stdin = Some(input.as_ref().to_vec());
        self
    }

    /// The expected exit code (0 unless set).
    pub(crate) fn status(mut self, code: i32) -> Self {
        self.status = code;
        self
    }

    pub(crate) fn stdout(mut self, expected: impl Into<String>) -> Self {
        self.checks.push(Check::Stdout(expected.into()));
        self
    }

    pub(crate) fn stdout_has(mut self, part: &str) -> Self {
        self.checks.push(Check::StdoutHas(part.to_owned()));
        self
    }

    pub(crate) fn stderr(mut self, expected: impl Into<String>) -> Self {
        self.checks.push(Check::Stderr(expected.into()));
        self
    }

    pub(crate) fn stderr_has(mut self, part: &str) -> Self {
        self.checks.push(Check::StderrHas(part.to_owned()));
        self
    }

    /// Runs `tthc` and checks the exit code and every expectation; panics with a report otherwise.
    pub(crate) fn run(self) -> Output {
        let mut command = Command::new(BIN);
        command
            .args(&self.args)
            .current_dir(self.test.dir())
            .env_remove("TTHC_DB")
            // English unless a test asks for Vietnamese, whatever the locale of the machine.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("cannot start tthc");
        let stdin = child.stdin.take();
        let output = std::thread::scope(|scope| {
            if let (Some(mut pipe), Some(input)) = (stdin, &self.stdin) {
                // tthc may stop reading early (e.g. on a usage error): a failed write is fine.
                scope.spawn(move || pipe.write_all(input));
            }
            child.wait_with_output().expect("cannot wait for tthc")
        });
        let result = Output {
            stdout: String::from_utf8(output.stdout)
                .unwrap_or_else(|e| self.fail(&format!("stdout is not UTF-8: {e}"), None, "", "")),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        let code = output.status.code();
        let (out, err) = (&result.stdout, &result.stderr);
        if err.contains("panicked at") {
            self.fail("tthc panicked", code, out, err);
        }
        if code != Some(self.status) {
            self.fail(
                &format!("expected exit code {}", self.status),
                code,
                out,
                err,
            );
        }
        for check in &self.checks {
            let problem = match check {
                Check::Stdout(expected) if expected != out => Some(diff("stdout", expected, out)),
                Check::Stderr(expected) if expected != err => Some(diff("stderr", expected, err)),
                Check::StdoutHas(part) if !out.contains(part.as_str()) => {
                    Some(format!("stdout does not contain {part:?}"))
                }
                Check::StderrHas(part) if !err.contains(part.as_str()) => {
                    Some(format!("stderr does not contain {part:?}"))
                }
                _ => None,
            };
            if let Some(problem) = problem {
                self.fail(&problem, code, out, err);
            }
        }
        result
    }

    fn fail(&self, problem: &str, code: Option<i32>, stdout: &str, stderr: &str) -> ! {
        let args: Vec<_> = self.args.iter().map(|a| a.to_string_lossy()).collect();
        let mut report = format!(
            "{problem}\n  command: tthc {}\n  in: {}\n",
            args.join(" "),
            self.test.dir().display()
        );
        for (key, value) in &self.env {
            let _ = writeln!(report, "  env: {key}={}", value.to_string_lossy());
        }
        let _ = write!(
            report,
            "  exit code: {code:?}\n--- stdout ---\n{}--- stderr ---\n{}--- end ---",
            clip(stdout),
            clip(stderr)
        );
        panic!("{report}");
    }
}

/// Long outputs are cut in failure reports.
fn clip(text: &str) -> String {
    const MAX: usize = 8000;
    if text.len() <= MAX {
        return text.to_owned();
    }
    let end = (0..=MAX)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    format!("{}\n[... {} more bytes]\n", &text[..end], text.len() - end)
}

/// A report of where two texts first differ, line by line.
fn diff(what: &str, expected: &str, actual: &str) -> String {
    let mut report = format!("{what} differs from what was expected\n");
    let (mut left, mut right) = (expected.split_inclusive('\n'), actual.split_inclusive('\n'));
    for number in 1.. {
        match (left.next(), right.next()) {
            (None, None) => break,
            (l, r) if l == r => {}
            (l, r) => {
                let _ = write!(
                    report,
                    "first difference at line {number}:\n  expected: {l:?}\n  actual:   {r:?}\n--- expected {what} ---\n{}",
                    clip(expected)
                );
                break;
            }
        }
    }
    report
}

/// `assert_eq!` for long texts, with a line diff.
pub(crate) fn assert_text(context: &str, expected: &str, actual: &str) {
    assert!(
        expected == actual,
        "{context}\n{}--- actual ---\n{}",
        diff("text", expected, actual),
        clip(actual)
    );
}

/// The summary `tthc import --format json` prints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Summary {
    pub(crate) dry_run: bool,
    pub(crate) decisions: u64,
    pub(crate) rows: u64,
    pub(crate) changes: u64,
    pub(crate) skipped: Vec<serde_json::Value>,
    pub(crate) actions: Actions,
    pub(crate) levels: Levels,
    pub(crate) ignored_columns: Vec<String>,
    /// Rows whose code was taken from the name cell.
    pub(crate) codes_from_names: u64,
    /// Rows left out by `--levels`: `{"file", "line", "code", "level"}`.
    pub(crate) rows_skipped_by_level: Vec<SkippedRow>,
    /// Entries added without a code, per level.
    pub(crate) without_code: u64,
    /// Each decision imported: `{"number", "signed", "effective", "changes", "file"}`.
    pub(crate) imported: Vec<serde_json::Value>,
    /// `{"file", "line", "message"}`
    pub(crate) warnings: Vec<serde_json::Value>,
    /// Warnings against the national list stored: `{"file", "line", "message"}`.
    pub(crate) reference_warnings: Vec<serde_json::Value>,
}

/// A row of the import summary's `rows_skipped_by_level`.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct SkippedRow {
    pub(crate) file: String,
    pub(crate) line: u64,
    pub(crate) code: String,
    pub(crate) level: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Actions {
    pub(crate) added: u64,
    pub(crate) amended: u64,
    pub(crate) replaced: u64,
    pub(crate) repealed: u64,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Levels {
    pub(crate) province: u64,
    pub(crate) district: u64,
    pub(crate) commune: u64,
}

/// `tthc counts --format json`, also the `counts` of a JSON export.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Counts {
    /// With `--as-of NUMBER`: the decision the counts are taken right after
    /// (never in an export's or a manifest's counts).
    #[serde(default)]
    pub(crate) after_decision: Option<DecisionRef>,
    pub(crate) as_of: String,
    pub(crate) province: u64,
    pub(crate) district: u64,
    pub(crate) commune: u64,
    pub(crate) total: u64,
    pub(crate) procedures: u64,
    pub(crate) online_full: PerLevel,
    pub(crate) online_partial: PerLevel,
    pub(crate) inter_agency: PerLevel,
    /// Entries published without a code.
    pub(crate) without_code: u64,
}

/// A number per level, and their sum.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct PerLevel {
    pub(crate) province: u64,
    pub(crate) district: u64,
    pub(crate) commune: u64,
    pub(crate) total: u64,
}

impl Counts {
    pub(crate) fn new(
        as_of: &str,
        [province, district, commune, total, procedures]: [u64; 5],
    ) -> Self {
        Self {
            after_decision: None,
            as_of: as_of.to_owned(),
            province,
            district,
            commune,
            total,
            procedures,
            online_full: PerLevel::default(),
            online_partial: PerLevel::default(),
            inter_agency: PerLevel::default(),
            without_code: 0,
        }
    }
}

/// `tthc export --format json`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Export {
    pub(crate) as_of: String,
    /// With `--as-of NUMBER`: the decision the catalog is taken right after.
    pub(crate) after_decision: Option<DecisionRef>,
    pub(crate) counts: Counts,
    pub(crate) entries: Vec<Entry>,
}

/// One entry of a JSON export; empty optional cells may be `""` or `null`, but every key must be there.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    pub(crate) level: String,
    /// `null` for an entry published without a code.
    #[serde(deserialize_with = "text")]
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) field: String,
    #[serde(deserialize_with = "text")]
    pub(crate) agency: String,
    #[serde(deserialize_with = "text")]
    pub(crate) processing_time: String,
    #[serde(deserialize_with = "text")]
    pub(crate) fee: String,
    #[serde(deserialize_with = "text")]
    pub(crate) legal_basis: String,
    /// The decision's number; JSON gives `{"number", "signed"}`, whose
    /// signing date is checked to be a date.
    #[serde(deserialize_with = "decision_number")]
    pub(crate) decision: String,
    pub(crate) effective: String,
}

/// A decision as JSON names it: `{"number", "signed"}`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct DecisionRef {
    pub(crate) number: String,
    pub(crate) signed: String,
}

impl DecisionRef {
    pub(crate) fn new(number: &str, signed: &str) -> Self {
        DecisionRef {
            number: number.to_owned(),
            signed: signed.to_owned(),
        }
    }
}

/// The number of a `{"number", "signed"}` decision whose signing date is a date.
fn decision_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let d = DecisionRef::deserialize(deserializer)?;
    let is_date = d.signed.len() == 10
        && d.signed.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !is_date {
        return Err(serde::de::Error::custom(format!(
            "decision {}: signed {:?} is not YYYY-MM-DD",
            d.number, d.signed
        )));
    }
    Ok(d.number)
}

fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

/// Today's UTC date with the days either side, ISO formatted: tthc uses the local date.
pub(crate) fn around_today() -> [String; 3] {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let today = i64::try_from(seconds / 86_400).unwrap();
    [today - 1, today, today + 1].map(iso_date)
}

/// The ISO date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
fn iso_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A decision adding `n` province entries, enough to fill a pipe buffer when exported.
pub(crate) fn many_entries(n: u32) -> String {
    let mut text = format!("{HEADER}\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "100/QĐ-UBND,2024-01-10,2024-01-10,added,1.{:06},province,Thủ tục hành chính thử nghiệm số {i} về cấp giấy phép,Lĩnh vực {},",
            100_000 + i,
            i % 7
        );
    }
    text
}

/// Vietnamese alphabetical order (CLDR "vi"), as the catalog orders fields;
/// equal texts by the collator fall back to code-point order.
pub(crate) fn vietnamese_order(a: &str, b: &str) -> std::cmp::Ordering {
    use std::sync::LazyLock;
    static VI: LazyLock<icu_collator::CollatorBorrowed<'static>> = LazyLock::new(|| {
        icu_collator::Collator::try_new(
            icu_locale_core::locale!("vi").into(),
            icu_collator::options::CollatorOptions::default(),
        )
        .unwrap()
    });
    VI.compare(a, b).then_with(|| a.cmp(b))
}

/// A procedure of the national list (`tests/data/national/dvcqg-procedures.csv`).
pub(crate) struct NationalProcedure {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) levels: String,
    pub(crate) field: String,
    pub(crate) agency: String,
}

/// The 2,642 procedures of the national list, in its order.
pub(crate) fn national_procedures() -> Vec<NationalProcedure> {
    let path = format!("{DATA}/national/dvcqg-procedures.csv");
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (code, name, levels, field, agency) = (
        at("code"),
        at("name"),
        at("levels"),
        at("field"),
        at("agency"),
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            NationalProcedure {
                code: r[code].to_owned(),
                name: r[name].to_owned(),
                levels: r[levels].to_owned(),
                field: r[field].to_owned(),
                agency: r[agency].to_owned(),
            }
        })
        .collect()
}

/// Waits for `child`, reading its peak resident memory (kB, from
/// `/proc/PID/status`) every 5 ms until it ends; past `limit`, kills it.
#[cfg(target_os = "linux")]
pub(crate) fn wait_measuring(
    child: &mut std::process::Child,
    limit: Option<std::time::Duration>,
) -> (std::process::ExitStatus, u64) {
    let start = std::time::Instant::now();
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0_u64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status)
            && let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(exit) = child.try_wait().unwrap() {
            return (exit, peak_kb);
        }
        if limit.is_some_and(|l| start.elapsed() > l) {
            let _ = child.kill();
            return (child.wait().unwrap(), peak_kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Runs a command to its end, within two minutes.
pub(crate) fn run_within(command: &mut Command, what: &str) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    let deadline = Instant::now() + Duration::from_mins(2);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{what} did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{what} failed: {status}");
}
