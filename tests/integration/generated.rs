//! The benchmark's history generator, at a small size, as a correctness
//! check: the generated history imports, and the catalog gives the counts
//! the generator computed while writing it.

use crate::common::{Counts, Test};
use crate::generator::{Config, generate};

fn generated(rows: u64, seed: u64) -> (Test, crate::generator::Summary) {
    let test = Test::new();
    let mut file = Vec::new();
    let summary = generate(&Config { rows, seed }, &mut file).unwrap();
    test.write("history.csv", file);
    (test, summary)
}

#[test]
fn a_generated_history_imports_with_the_counts_the_generator_expects() {
    let (test, expected) = generated(20_000, 1);
    let summary = test.import(&["history.csv"]);
    assert_eq!(summary.rows, expected.rows);
    assert_eq!(summary.decisions, expected.decisions);
    assert_eq!(summary.changes, expected.changes);
    assert_eq!(
        [
            summary.actions.added,
            summary.actions.amended,
            summary.actions.replaced,
            summary.actions.repealed
        ],
        [
            expected.added,
            expected.amended,
            expected.replaced,
            expected.repealed
        ]
    );
    assert_eq!(
        [
            summary.levels.province,
            summary.levels.district,
            summary.levels.commune
        ],
        [
            expected.changed_province,
            expected.changed_district,
            expected.changed_commune
        ]
    );
    let at = &expected.last_effective;
    assert_eq!(
        test.counts(at),
        Counts::new(
            at,
            [
                expected.province,
                expected.district,
                expected.commune,
                expected.total,
                expected.procedures
            ]
        )
    );
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

#[test]
fn a_generated_history_split_in_two_imports_gives_the_same_catalog() {
    let (whole, expected) = generated(6_000, 7);
    whole.import(&["history.csv"]);
    let text = whole.read("history.csv");
    let lines: Vec<&str> = text.lines().collect();
    let (header, rows) = lines.split_first().unwrap();
    // Split between two decisions: a decision is imported whole or not at all.
    let identity = |row: &str| row.split(',').take(2).collect::<Vec<_>>().join(",");
    let mut half = rows.len() / 2;
    while identity(rows[half]) == identity(rows[half - 1]) {
        half += 1;
    }
    let split = Test::new();
    split.write("a.csv", format!("{header}\n{}\n", rows[..half].join("\n")));
    split.write("b.csv", format!("{header}\n{}\n", rows[half..].join("\n")));
    split.import(&["a.csv"]);
    split.import(&["b.csv"]);
    for at in ["2012-01-01", "2018-06-30", expected.last_effective.as_str()] {
        assert_eq!(split.export_csv(at), whole.export_csv(at), "as of {at}");
    }
    split.tthc(&["verify"]).stdout_has("no mismatch").run();
}
