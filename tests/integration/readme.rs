//! The README's quick start, and the counts `data/README.md` promises for it.

use crate::common::{Counts, Test};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn data_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(format!("{ROOT}/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

/// The rows of the "Expected counts" table of data/README.md.
fn promised_counts() -> Vec<Counts> {
    let text = std::fs::read_to_string(format!("{ROOT}/data/README.md")).unwrap();
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let numbers: Vec<u64> = cells
                .get(1..)?
                .iter()
                .filter_map(|c| c.parse().ok())
                .collect();
            (cells.len() == 6 && numbers.len() == 5 && cells[0].len() == 10).then(|| {
                Counts::new(
                    cells[0],
                    [numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]],
                )
            })
        })
        .collect()
}

#[test]
fn the_quick_start_imports_the_sample_data_and_gives_the_promised_counts() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    assert!(
        readme.contains("import data/*.csv"),
        "README quick start changed"
    );
    assert!(readme.contains("cargo test"), "README test command changed");
    let test = Test::new();
    let files = data_files();
    assert_eq!(files.len(), 7);
    let summary = test.bare(&["import"]).args(&files).run();
    assert!(
        summary.stdout.contains("Imported 7 decisions"),
        "{}",
        summary.stdout
    );
    // On a terminal a table; piped, as here, csv.
    test.bare(&["counts"]).stdout_has("as_of,province,").run();
    test.bare(&["counts", "--format", "table"])
        .stdout_has("Province level")
        .run();
    test.bare(&["counts", "--format", "table"])
        .env("LANG", "vi_VN.UTF-8")
        .stdout_has("Cấp tỉnh")
        .run();
    let promised = promised_counts();
    assert_eq!(promised.len(), 2, "the table of data/README.md changed");
    for counts in promised {
        let got: Counts = test
            .bare(&["counts", "--format", "json", "--as-of", &counts.as_of])
            .run()
            .json();
        assert_eq!(got, counts);
    }
    test.bare(&["verify"]).stdout_has("no mismatch").run();
}
