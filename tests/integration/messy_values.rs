//! Values as real annexes write them: codes broken by a PDF copy or only in
//! the name, dates in words, shared-section level wording, and `--levels`
//! for lists that also hold ministry-level procedures.

use crate::common::{Summary, Test};

const OPTIONS: [&str; 4] = ["--decision", "9/QĐ-UBND", "--signed", "2025-11-19"];

fn import_json(test: &Test, file: &str, extra: &[&str]) -> Summary {
    test.tthc(&["import", "--format", "json"])
        .args(OPTIONS)
        .args(extra)
        .args([file])
        .run()
        .json()
}

fn rejected(test: &Test, file: &str, extra: &[&str], expected: &[&str]) {
    let run = test
        .tthc(&["import"])
        .args(OPTIONS)
        .args(extra)
        .args([file])
        .status(3);
    expected
        .iter()
        .fold(run, |run, part| run.stderr_has(part))
        .run();
    assert!(!test.db().exists(), "a rejected import left a database");
}

#[test]
fn codes_broken_by_spaces_and_codes_in_names() {
    let test = Test::new();
    test.write(
        "annex.csv",
        "\
code,action,level,name,field
2.000908.00 0.00.00.H61,added,province,Đăng ký khai sinh,Hộ tịch
,added,province,Đăng ký kết hôn (Mã TTHC: 2.002913),Hộ tịch
,added,commune,Chấm dứt hoạt động cơ sở (1.005411),Giáo dục
1.00 0001,added,commune,\"Thủ tục A (Mã TTHC: 1.000009)\",Tư pháp
",
    );
    let summary = import_json(&test, "annex.csv", &[]);
    assert_eq!((summary.rows, summary.codes_from_names), (4, 2));
    let export = test.export_csv("2025-11-19");
    for line in [
        "province,2.000908,Đăng ký khai sinh,Hộ tịch,",
        "province,2.002913,Đăng ký kết hôn,Hộ tịch,",
        "commune,1.005411,Chấm dứt hoạt động cơ sở,Giáo dục,",
        // The code cell wins; the name is left as written.
        "commune,1.000001,Thủ tục A (Mã TTHC: 1.000009),Tư pháp,",
    ] {
        assert!(export.contains(line), "{line:?} not in\n{export}");
    }
}

#[test]
fn a_file_without_a_code_column_takes_every_code_from_the_names() {
    let test = Test::new();
    test.write(
        "names.csv",
        "\
STT,Tên thủ tục hành chính,Lĩnh vực,Cấp thực hiện,Hình thức công bố
1,Cấp giấy phép (Mã TTHC: 1.004444),Xây dựng,Cấp tỉnh,Mới ban hành
2,Cấp lại giấy phép (1.004445),Xây dựng,Cấp tỉnh,Mới ban hành
",
    );
    let summary = import_json(&test, "names.csv", &[]);
    assert_eq!((summary.rows, summary.codes_from_names), (2, 2));
    assert!(
        test.export_line("2025-11-19", "province,1.004445")
            .unwrap()
            .starts_with("province,1.004445,Cấp lại giấy phép,Xây dựng,")
    );
}

#[test]
fn a_name_without_a_code_in_a_file_without_code_column_is_named() {
    let test = Test::new();
    test.write(
        "names.csv",
        "\
Tên thủ tục hành chính,Lĩnh vực,Cấp thực hiện,Hình thức công bố
Cấp giấy phép (Mã TTHC: 1.004444),Xây dựng,Cấp tỉnh,Mới ban hành
Cấp lại giấy phép,Xây dựng,Cấp tỉnh,Mới ban hành
Gia hạn (Mã TTHC: 1.004446) (Mã TTHC: 1.004447),Xây dựng,Cấp tỉnh,Mới ban hành
",
    );
    rejected(
        &test,
        "names.csv",
        &[],
        &[
            "names.csv:1: missing required column code",
            "names.csv:3: column \"Tên thủ tục hành chính\": \"Cấp lại giấy phép\" holds no code",
            "names.csv:4: column \"Tên thủ tục hành chính\" holds several codes (1.004446, 1.004447)",
        ],
    );
}

/// An empty code cell is a procedure without a code, or a change by name;
/// with no name either, the row names nothing.
#[test]
fn an_empty_code_cell_without_a_name_says_what_to_give() {
    let test = Test::new();
    test.write(
        "bad.csv",
        "decision,signed,code,action,level,name,field\n1/QĐ-UBND,2025-08-01,,repealed,province,,\n",
    );
    rejected(
        &test,
        "bad.csv",
        &[],
        &[
            "bad.csv:2: column code is empty, and the row has no name either: give the code, or the name of a procedure without one",
        ],
    );
}

#[test]
fn dates_in_words_and_with_dashes() {
    let test = Test::new();
    test.write(
        "dates.csv",
        "\
decision,signed,effective,action,code,level,name,field
12/QĐ-UBND,ngày 19 tháng 11 năm 2025,01-12-2025,added,1.000001,province,Thủ tục 1,Tư pháp
12/QĐ-UBND,\"Hà Nội, ngày 19 tháng 11 năm 2025\",\"ngày 5 tháng 1 năm 2026\",added,1.000002,province,Thủ tục 2,Tư pháp
",
    );
    let summary: Summary = test
        .tthc(&["import", "--format", "json", "dates.csv"])
        .run()
        .json();
    assert_eq!((summary.decisions, summary.rows), (1, 2));
    assert!(
        test.export_line("2026-01-05", "province,1.000001")
            .unwrap()
            .ends_with(",12/QĐ-UBND,2025-12-01")
    );
    assert!(
        test.export_line("2026-01-05", "province,1.000002")
            .unwrap()
            .ends_with(",12/QĐ-UBND,2026-01-05")
    );
    let decisions = test.tthc(&["decisions", "--format", "json"]).run().stdout;
    assert!(decisions.contains("2025-11-19"), "{decisions}");
    // A date in words that does not exist is still named.
    test.write(
        "bad.csv",
        "decision,signed,action,code,level,name,field\n13/QĐ-UBND,ngày 31 tháng 2 năm 2025,added,1.000003,province,T,F\n",
    );
    test.tthc(&["import", "bad.csv"])
        .status(3)
        .stderr_has("bad.csv:2: column signed: impossible date \"ngày 31 tháng 2 năm 2025\"")
        .run();
}

#[test]
fn shared_section_wording_names_province_and_commune() {
    let test = Test::new();
    test.write(
        "shared.csv",
        "\
code,action,level,name,field
1.000001,added,\"Dùng chung (cấp tỉnh, cấp xã)\",Thủ tục 1,Tư pháp
1.000002,added,áp dụng chung,Thủ tục 2,Tư pháp
1.000003,added,Cấp tỉnh và cấp xã,Thủ tục 3,Tư pháp
",
    );
    let summary = import_json(&test, "shared.csv", &[]);
    assert_eq!(summary.changes, 6);
    assert_eq!(
        (
            summary.levels.province,
            summary.levels.district,
            summary.levels.commune
        ),
        (3, 0, 3)
    );
}

#[test]
fn bare_shared_wording_before_districts_were_abolished_is_ambiguous() {
    let test = Test::new();
    test.write(
        "old.csv",
        "code,action,level,name,field\n1.000002,added,Áp dụng chung,Thủ tục 2,Tư pháp\n",
    );
    test.tthc(&["import", "--decision", "3/QĐ-UBND", "--signed", "2024-03-01", "old.csv"])
        .status(3)
        .stderr_has("old.csv:2: column level \"Áp dụng chung\" does not say which levels, and on 2024-03-01 districts still existed")
        .run();
}

/// A national list: ministry-level rows, rows at several levels, other agencies.
const NATIONAL: &str = "\
code,action,level,name,field
1.000001,added,Cấp bộ,Thủ tục bộ,Tư pháp
1.000002,added,\"Cấp bộ, Cấp tỉnh, Cấp xã\",Thủ tục chung,Tư pháp
1.000003,added,Cơ quan khác,Thủ tục khác,Tư pháp
1.000004,added,\"Cấp xã, Cơ quan khác\",Thủ tục xã,Tư pháp
";

#[test]
fn levels_outside_the_catalog_need_the_levels_option() {
    let test = Test::new();
    test.write("national.csv", NATIONAL);
    rejected(
        &test,
        "national.csv",
        &[],
        &[
            "national.csv:2: column level: level \"cấp bộ\" in \"Cấp bộ\" is not a level of a province's catalog",
            "give --levels (e.g. --levels province,commune)",
            "national.csv:4:",
            "national.csv:5:",
        ],
    );
}

#[test]
fn the_levels_option_keeps_those_levels_and_lists_the_skipped_rows() {
    let test = Test::new();
    test.write("national.csv", NATIONAL);
    let summary = import_json(&test, "national.csv", &["--levels", "province,commune"]);
    assert_eq!((summary.rows, summary.changes), (2, 3));
    assert_eq!((summary.levels.province, summary.levels.commune), (1, 2));
    let skipped: Vec<(u64, &str, &str)> = summary
        .rows_skipped_by_level
        .iter()
        .map(|s| (s.line, s.code.as_str(), s.level.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [(2, "1.000001", "Cấp bộ"), (4, "1.000003", "Cơ quan khác")]
    );
    assert!(
        summary
            .rows_skipped_by_level
            .iter()
            .all(|s| s.file == "national.csv")
    );
    // The text summary lists them too.
    let other = Test::new();
    other.write("national.csv", NATIONAL);
    other
        .tthc(&["import", "--levels", "tỉnh;xã"])
        .args(OPTIONS)
        .args(["national.csv"])
        .stdout_has("Skipped 2 rows naming no level kept by --levels:\n  national.csv:2: 1.000001 \"Cấp bộ\"\n  national.csv:4: 1.000003 \"Cơ quan khác\"\n")
        .run();
    // Only the kept levels: district rows are skipped as well.
    let third = Test::new();
    third.write(
        "levels.csv",
        "code,action,level,name,field\n1.000005,added,Cấp huyện,T,F\n1.000006,added,\"Cấp huyện, Cấp xã\",T,F\n",
    );
    let summary = import_json(&third, "levels.csv", &["--levels", "commune"]);
    assert_eq!(
        (
            summary.rows,
            summary.levels.district,
            summary.levels.commune
        ),
        (1, 0, 1)
    );
    assert_eq!(summary.rows_skipped_by_level.len(), 1);
}

#[test]
fn the_levels_option_does_not_let_an_unknown_level_pass() {
    let test = Test::new();
    test.write(
        "typo.csv",
        "code,action,level,name,field\n1.000001,added,\"Cấp tnh, Cấp xã\",T,F\n",
    );
    rejected(
        &test,
        "typo.csv",
        &["--levels", "province,commune"],
        &["typo.csv:2: column level: unknown level \"cấp tnh\""],
    );
    test.tthc(&["import", "--levels", "province,ministry", "typo.csv"])
        .status(2)
        .stderr_has("invalid value 'province,ministry' for '--levels <LIST>'")
        .run();
}

#[test]
fn a_file_whose_rows_are_all_skipped_is_rejected() {
    let test = Test::new();
    test.write(
        "ministry.csv",
        "code,action,level,name,field\n1.000001,added,Cấp bộ,T,F\n",
    );
    rejected(
        &test,
        "ministry.csv",
        &["--levels", "province,commune"],
        &[
            "ministry.csv:1: no rows left: all 1 rows name only levels that --levels province,commune leaves out",
        ],
    );
}

/// A spreadsheet set to Vietnamese writes a code typed as a number with a
/// decimal comma: "1,004444" is the code 1.004444.
#[test]
fn a_code_with_a_decimal_comma_is_read_as_the_code() {
    let test = Test::new();
    test.write(
        "comma.csv",
        "\
decision;signed;action;code;level;name;field
1/QĐ-UBND;2025-08-01;added;1,004444;province;Thủ tục;Tư pháp
",
    );
    test.import(&["comma.csv"]);
    assert!(
        test.export_csv("2025-08-01")
            .contains("province,1.004444,Thủ tục,Tư pháp"),
        "{}",
        test.export_csv("2025-08-01")
    );
}

/// Close misspellings of action and level words are named with the word
/// the clerk most likely meant.
#[test]
fn close_misspellings_get_a_did_you_mean() {
    let test = Test::new();
    test.write(
        "typos.csv",
        "\
decision,signed,action,code,level,name,field
1/QĐ-UBND,2025-08-01,Sua doi bo sung,1.000001,Cấp tỉnh,,
1/QĐ-UBND,2025-08-01,Sửa đổi,1.000002,Cấp tinh,,
",
    );
    test.tthc(&["import", "typos.csv"])
        .status(3)
        .stderr_has("typos.csv:2: column action: unknown action \"Sua doi bo sung\": did you mean \"Sửa đổi, bổ sung\"?")
        .stderr_has("typos.csv:3: column action: unknown action \"Sửa đổi\": did you mean \"Sửa đổi, bổ sung\"?")
        .stderr_has("typos.csv:3: column level: unknown level \"cấp tinh\" in \"Cấp tinh\": did you mean \"Cấp tỉnh\"?")
        .run();
}
