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
        .stdout(concat!(
            "as_of,province,district,commune,total,procedures,online_full_province,online_full_district,online_full_commune,online_partial_province,online_partial_district,online_partial_commune,inter_agency_province,inter_agency_district,inter_agency_commune,without_code\n",
            "2024-01-15,4,1,2,7,6,0,0,0,0,0,0,0,0,0,0\n"
        ))
        .run();
}

#[test]
fn counts_default_to_a_table() {
    let stdout = Test::imported(&["base.csv"])
        .tthc(&["counts", "--as-of", BASE_DAY, "--format", "table"])
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

/// Annexes state whether a procedure is done online ("Toàn trình", "Một
/// phần", older "Mức độ 4"/"Mức độ 3") and whether it is inter-agency;
/// both are versioned details, amendable like any other, and counted per
/// level.
#[test]
fn online_service_and_inter_agency_are_counted_per_level() {
    let test = Test::new();
    test.write(
        "services.csv",
        "\
decision,signed,action,code,level,name,field,Dịch vụ công trực tuyến,TTHC liên thông
1/QĐ-UBND,2025-08-01,added,1.000001,province,Thủ tục một,Tư pháp,Toàn trình,x
1/QĐ-UBND,2025-08-01,added,1.000002,province,Thủ tục hai,Tư pháp,Mức độ 3,
1/QĐ-UBND,2025-08-01,added,1.000003,\"province, commune\",Thủ tục ba,Tư pháp,Mức độ 4,Không
1/QĐ-UBND,2025-08-01,added,1.000004,commune,Thủ tục bốn,Tư pháp,,Có
",
    );
    test.import(&["services.csv"]);
    let c = test.counts("2025-08-01");
    let per_level = |n: &crate::common::PerLevel| (n.province, n.district, n.commune, n.total);
    assert_eq!(per_level(&c.online_full), (2, 0, 1, 3));
    assert_eq!(per_level(&c.online_partial), (1, 0, 0, 1));
    assert_eq!(per_level(&c.inter_agency), (1, 0, 1, 2));
    // An amendment that names only the online service keeps the rest.
    test.write(
        "amend.csv",
        "\
decision,signed,action,code,level,name,Dịch vụ công trực tuyến
2/QĐ-UBND,2025-09-01,amended,1.000002,province,,Toàn trình
",
    );
    test.import(&["amend.csv"]);
    let c = test.counts("2025-09-01");
    assert_eq!(per_level(&c.online_full), (3, 0, 1, 4));
    assert_eq!(per_level(&c.online_partial), (0, 0, 0, 0));
    let history = test
        .tthc(&["history", "1.000002", "--format", "json"])
        .run()
        .stdout;
    assert!(history.contains("\"online\": \"Một phần\""), "{history}");
    assert!(history.contains("\"online\": \"Toàn trình\""), "{history}");
    test.tthc(&["counts", "--as-of", "2025-09-01", "--format", "table"])
        .stdout_has("Fully online")
        .stdout_has("Inter-agency")
        .run();
    test.tthc(&[
        "counts",
        "--as-of",
        "2025-09-01",
        "--format",
        "table",
        "--lang",
        "vi",
    ])
    .stdout_has("Toàn trình")
    .stdout_has("Liên thông")
    .run();
    // A cell that says neither is refused with its line.
    test.write(
        "bad.csv",
        "\
decision,signed,action,code,level,name,field,TTHC liên thông
3/QĐ-UBND,2025-10-01,added,1.000009,province,Thủ tục chín,Tư pháp,một cửa
",
    );
    test.tthc(&["import", "bad.csv"])
        .status(3)
        .stderr_has("bad.csv:2:")
        .stderr_has("does not say whether the procedure is inter-agency")
        .run();
    test.tthc(&["import", "bad.csv", "--lang", "vi"])
        .status(3)
        .stderr_has("bad.csv:2:")
        .stderr_has("\"một cửa\" không cho biết thủ tục có phải TTHC liên thông hay không")
        .run();
}
