//! `tthc counts`: entries in force per level, in total, and distinct procedures.

use crate::common::{BASE_DAY, Counts, Test, around_today, decision_file};

#[test]
fn counts_as_json() {
    let test = Test::imported(&["base.csv"]);
    assert_eq!(
        test.counts(BASE_DAY),
        Counts::new(BASE_DAY, [4, 1, 2, 7, 6])
    );
    assert_eq!(
        test.counts("2024-01-14"),
        Counts::new("2024-01-14", [0, 0, 0, 0, 0])
    );
}

#[test]
fn counts_as_csv() {
    Test::imported(&["base.csv"])
        .tthc(&["counts", "--format", "csv", "--as-of", BASE_DAY])
        .stdout("as_of,province,district,commune,total,procedures\n2024-01-15,4,1,2,7,6\n")
        .run();
}

#[test]
fn counts_default_to_a_table() {
    let stdout = Test::imported(&["base.csv"])
        .tthc(&["counts", "--as-of", BASE_DAY])
        .run()
        .stdout;
    let numbers: Vec<&str> = stdout
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    for count in ["4", "1", "2", "7", "6"] {
        assert!(
            numbers.contains(&count),
            "no count {count} in the table:\n{stdout}"
        );
    }
}

#[test]
fn code_at_two_levels_is_one_procedure_and_two_entries() {
    let test = Test::new();
    test.write(
        "d.csv",
        decision_file(&[
            "1/QĐ-UBND,2024-02-01,,added,1.000801,province;commune,Thủ tục 801,Tư pháp,",
        ]),
    );
    test.import(&["d.csv"]);
    assert_eq!(
        test.counts("2024-02-01"),
        Counts::new("2024-02-01", [1, 0, 1, 2, 1])
    );
}

#[test]
fn counts_default_to_today() {
    let test = Test::imported(&["base.csv"]);
    let counts: Counts = test.tthc(&["counts", "--format", "json"]).run().json();
    assert!(
        around_today().contains(&counts.as_of),
        "as_of {} is not today",
        counts.as_of
    );
    assert_eq!(counts, Counts::new(&counts.as_of, [4, 1, 2, 7, 6]));
}
