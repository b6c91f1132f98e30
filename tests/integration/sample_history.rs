//! The sample decision history (109 files, 2018–2026) against its expected counts and digests.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::common::{Counts, Entry, Test};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample-history");

/// These decisions can be left out of a first batch and back-filled by a second one.
const BACKFILLED: [&str; 5] = [
    "qd-00009-381-2018-08-20.csv",
    "qd-00026-90-2020-01-24.csv",
    "qd-00046-00243-2021-10-22.csv",
    "qd-00061-38-2023-01-14.csv",
    "qd-00087-62-2025-02-10.csv",
];

#[derive(Deserialize)]
struct Expected {
    counts: BTreeMap<String, Day>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Day {
    counts: LevelCounts,
    digest: String,
}

#[derive(Deserialize, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct LevelCounts {
    province: u64,
    district: u64,
    commune: u64,
    total: u64,
    procedures: u64,
}

fn expected() -> Expected {
    let text =
        fs::read_to_string(format!("{SAMPLE}/expected.json")).expect("cannot read expected.json");
    serde_json::from_str(&text).expect("expected.json")
}

/// The decision files, sorted by name.
fn decision_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(format!("{SAMPLE}/decisions"))
        .expect("cannot list the sample decisions")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 109, "sample decision files");
    files
}

fn import_files(test: &Test, files: &[PathBuf]) -> String {
    test.tthc(&["import"]).args(files).run().stdout
}

/// SHA-256 over the entries sorted by level (province, district, commune) then code, each fed
/// as `level`, `code`, `name`, `field`, `agency` joined by U+001F and followed by a newline.
fn digest(mut entries: Vec<Entry>) -> String {
    let rank = |level: &str| {
        ["province", "district", "commune"]
            .iter()
            .position(|l| *l == level)
    };
    entries.sort_by(|a, b| (rank(&a.level), &a.code).cmp(&(rank(&b.level), &b.code)));
    let mut hasher = Sha256::new();
    for entry in &entries {
        assert!(
            rank(&entry.level).is_some(),
            "unknown level {:?}",
            entry.level
        );
        let fields = [
            &entry.level,
            &entry.code,
            &entry.name,
            &entry.field,
            &entry.agency,
        ];
        let line = fields.map(String::as_str).join("\u{1f}") + "\n";
        hasher.update(line.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

fn assert_matches_expected(test: &Test) {
    for (date, day) in expected().counts {
        let counts = test.counts(&date);
        let LevelCounts {
            province,
            district,
            commune,
            total,
            procedures,
        } = day.counts;
        assert_eq!(
            counts,
            Counts::new(&date, [province, district, commune, total, procedures]),
            "counts as of {date}"
        );
        let export = test.export_json(&date);
        assert_eq!(export.as_of, date);
        assert_eq!(
            export.entries.len() as u64,
            total,
            "entries exported as of {date}"
        );
        assert_eq!(digest(export.entries), day.digest, "digest as of {date}");
    }
}

#[test]
fn sample_history_matches_expected_counts_and_digests() {
    let test = Test::new();
    import_files(&test, &decision_files());
    assert_matches_expected(&test);
}

#[test]
fn sample_history_in_reverse_order_gives_the_same_catalog() {
    let test = Test::new();
    let mut files = decision_files();
    files.reverse();
    import_files(&test, &files);
    assert_matches_expected(&test);
}

#[test]
fn sample_history_back_filled_in_a_second_batch_gives_the_same_catalog() {
    let test = Test::new();
    let (second, mut first): (Vec<PathBuf>, Vec<PathBuf>) =
        decision_files().into_iter().partition(|path| {
            path.file_name()
                .is_some_and(|name| BACKFILLED.iter().any(|b| name == *b))
        });
    assert_eq!(second.len(), BACKFILLED.len());
    first.reverse();
    import_files(&test, &first);
    import_files(&test, &second);
    assert_matches_expected(&test);
}

#[test]
fn sample_history_imported_again_is_already_imported() {
    let test = Test::new();
    let files = decision_files();
    import_files(&test, &files);
    let before = test.snapshot();
    assert!(import_files(&test, &files).contains("already imported"));
    test.assert_unchanged(before.as_deref());
    assert_matches_expected(&test);
}
