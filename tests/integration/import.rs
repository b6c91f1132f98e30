//! Reading decision files: English and Vietnamese headers, encodings, and every form a cell may take.

use unicode_normalization::UnicodeNormalization;

use crate::common::{
    Actions, BASE_DAY, BASE_EXPORT, Counts, Levels, Summary, Test, assert_text, csv_export,
    decision_file, fixture_text,
};

fn assert_base_catalog(test: &Test, context: &str) {
    assert_text(
        &format!("{context}: catalog as of {BASE_DAY}"),
        BASE_EXPORT,
        &test.export_csv(BASE_DAY),
    );
}

fn with_bom_and_crlf(text: &str) -> String {
    format!("\u{feff}{}", text.replace('\n', "\r\n"))
}

fn decomposed(text: &str) -> String {
    text.nfd().collect()
}

#[test]
fn english_headers() {
    let test = Test::with(&["base.csv"]);
    let summary = test.import(&["base.csv"]);
    assert!(!summary.dry_run);
    assert_eq!(
        (summary.decisions, summary.rows, summary.changes),
        (1, 6, 7)
    );
    assert!(summary.skipped.is_empty(), "skipped: {:?}", summary.skipped);
    assert_eq!(
        summary.levels,
        Levels {
            province: 4,
            district: 1,
            commune: 2
        }
    );
    assert!(
        summary.ignored_columns.is_empty(),
        "{:?}",
        summary.ignored_columns
    );
    assert_base_catalog(&test, "base.csv");
    assert_text(
        "the day before",
        &csv_export(&[]),
        &test.export_csv("2024-01-14"),
    );
}

/// Each file spells decision 10 of `base.csv` with other header names, words and date forms.
#[test]
fn vietnamese_and_alternative_headers_read_like_english_ones() {
    for (file, ignored) in [
        ("base-vi.csv", &["STT"][..]),
        ("base-alt.csv", &["Ghi chú"]),
        ("base-alt2.csv", &[]),
    ] {
        let test = Test::with(&[file]);
        let summary = test.import(&[file]);
        assert_eq!(summary.ignored_columns, ignored, "{file}");
        assert_eq!(
            (summary.decisions, summary.rows, summary.changes),
            (1, 6, 7),
            "{file}"
        );
        assert_base_catalog(&test, file);
    }
}

#[test]
fn text_summary_names_the_ignored_columns() {
    Test::with(&["base-vi.csv"])
        .tthc(&["import", "base-vi.csv"])
        .stdout_has("STT")
        .run();
}

#[test]
fn header_names_ignore_case_and_surrounding_spaces() {
    for header in [
        " DECISION ,Signed, EFFECTIVE,Action ,CODE,Level,NAME, field",
        "SỐ QUYẾT ĐỊNH, Ngày Ký ,NGÀY HIỆU LỰC,Hình Thức Công Bố,MÃ SỐ TTHC,cấp thực hiện,TÊN THỦ TỤC HÀNH CHÍNH,lĩnh vực",
    ] {
        let test = Test::new();
        test.write(
            "d.csv",
            format!("{header}\n17/QĐ-UBND,2024-02-01,2024-02-01,added,1.000501,province,Thủ tục 501,Tư pháp\n"),
        );
        test.import(&["d.csv"]);
        assert_eq!(
            test.export_line("2024-02-01", "province,1.000501")
                .as_deref(),
            Some("province,1.000501,Thủ tục 501,Tư pháp,,,,,17/QĐ-UBND,2024-02-01"),
            "header {header:?}"
        );
    }
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_accepted() {
    for (file, ignored) in [("base.csv", &[][..]), ("base-vi.csv", &["STT"])] {
        let test = Test::new();
        test.write(file, with_bom_and_crlf(&fixture_text(file)));
        let summary = test.import(&[file]);
        assert_eq!(summary.ignored_columns, ignored, "{file}");
        assert_eq!(summary.rows, 6, "{file}");
        assert_base_catalog(&test, file);
    }
}

#[test]
fn decomposed_text_is_stored_composed() {
    let nfd = decomposed(&fixture_text("base-vi.csv"));
    assert_ne!(nfd, fixture_text("base-vi.csv"));
    assert!(BASE_EXPORT.nfc().eq(BASE_EXPORT.chars()));
    let test = Test::new();
    test.write("nfd.csv", nfd);
    let summary = test.import(&["nfd.csv"]);
    assert_eq!(summary.ignored_columns, ["STT"]);
    assert_base_catalog(&test, "NFD file");
}

#[test]
fn decomposed_reimport_of_a_decision_is_already_imported() {
    let test = Test::imported(&["base-vi.csv"]);
    let before = test.snapshot();
    test.write("nfd.csv", decomposed(&fixture_text("base-vi.csv")));
    test.tthc(&["import", "nfd.csv"])
        .stdout_has("already imported")
        .run();
    test.assert_unchanged(before.as_deref());
}

#[test]
fn same_decision_spelled_in_vietnamese_is_already_imported() {
    let test = Test::with(&["base.csv", "base-vi.csv"]);
    test.import(&["base.csv"]);
    let before = test.snapshot();
    test.tthc(&["import", "base-vi.csv"])
        .stdout_has("already imported")
        .run();
    test.assert_unchanged(before.as_deref());
}

#[test]
fn multi_level_cells_apply_the_row_to_each_level() {
    let test = Test::with(&["levels.csv"]);
    let summary = test.import(&["levels.csv"]);
    assert_eq!((summary.rows, summary.changes), (5, 9));
    assert_eq!(
        summary.levels,
        Levels {
            province: 4,
            district: 2,
            commune: 3
        }
    );
    let expected = csv_export(&[
        "province,1.000201,Thủ tục 201,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "province,1.000202,Thủ tục 202,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "province,1.000204,Thủ tục 204,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "province,1.000205,Thủ tục 205,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "district,1.000203,Thủ tục 203,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "district,1.000205,Thủ tục 205,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "commune,1.000201,Thủ tục 201,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "commune,1.000202,Thủ tục 202,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
        "commune,1.000203,Thủ tục 203,Tư pháp,,,,,14/QĐ-UBND,2024-02-01",
    ]);
    assert_text("levels.csv", &expected, &test.export_csv("2024-02-01"));
    assert_eq!(
        test.counts("2024-02-01"),
        Counts::new("2024-02-01", [4, 2, 3, 9, 5])
    );
}

#[test]
fn every_action_word_is_understood() {
    let test = Test::with(&["actions-1.csv", "actions-2.csv"]);
    let added = test.import(&["actions-1.csv"]);
    assert_eq!(
        added.actions,
        Actions {
            added: 12,
            amended: 0,
            replaced: 0,
            repealed: 0
        }
    );
    assert_eq!(
        added.levels,
        Levels {
            province: 12,
            district: 0,
            commune: 0
        }
    );
    let changed = test.import(&["actions-2.csv"]);
    assert_eq!(changed.rows, 12);
    assert_eq!(
        changed.actions,
        Actions {
            added: 0,
            amended: 4,
            replaced: 3,
            repealed: 5
        }
    );
    let expected = csv_export(&[
        "province,3.000001,Thủ tục 1 (sửa đổi),Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
        "province,3.000002,Thủ tục 2 (sửa đổi),Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
        "province,3.000003,Thủ tục 3 (sửa đổi),Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
        "province,3.000004,Thủ tục 4 (sửa đổi),Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
        "province,3.000021,Thủ tục 21,Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
        "province,3.000022,Thủ tục 22,Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
        "province,3.000023,Thủ tục 23,Nội vụ,,,,,12/QĐ-UBND,2024-03-01",
    ]);
    assert_text(
        "after actions-2.csv",
        &expected,
        &test.export_csv("2024-03-01"),
    );
}

#[test]
fn every_date_form_is_understood() {
    let test = Test::imported(&["dates.csv"]);
    let expected = csv_export(&[
        "province,1.000101,Thủ tục 101,Tư pháp,,,,,13/QĐ-UBND,2024-03-01",
        "province,1.000102,Thủ tục 102,Tư pháp,,,,,13/QĐ-UBND,2024-04-02",
        "province,1.000103,Thủ tục 103,Tư pháp,,,,,13/QĐ-UBND,2024-05-03",
        "province,1.000104,Thủ tục 104,Tư pháp,,,,,13/QĐ-UBND,2024-02-05",
    ]);
    assert_text("dates.csv", &expected, &test.export_csv("2024-12-31"));
    for (day, total) in [
        ("2024-02-04", 0),
        ("2024-02-05", 1),
        ("2024-03-01", 2),
        ("2024-04-01", 2),
        ("2024-04-02", 3),
        ("2024-05-02", 3),
        ("2024-05-03", 4),
    ] {
        assert_eq!(test.counts(day).total, total, "entries in force on {day}");
    }
}

#[test]
fn long_form_codes_are_stored_short() {
    let test = Test::imported_one_by_one(&["long-codes.csv", "long-codes-2.csv"]);
    let expected = csv_export(&[
        "province,1.001612,Thủ tục 1612 (sửa đổi),Tư pháp,,,,,16/QĐ-UBND,2024-03-01",
        "commune,2.000124,Thủ tục 124,Tư pháp,,,,,16/QĐ-UBND,2024-03-01",
    ]);
    assert_text("long codes", &expected, &test.export_csv("2024-03-01"));
}

/// Imports `no-decision-columns.csv` with these options and returns the export as of `as_of`.
fn import_with_options(options: &[&str], as_of: &str) -> (Test, String) {
    let test = Test::with(&["no-decision-columns.csv"]);
    test.tthc(&["import"])
        .args(options)
        .args(["no-decision-columns.csv"])
        .run();
    let export = test.export_csv(as_of);
    (test, export)
}

#[test]
fn decision_and_dates_can_come_from_options() {
    let options = [
        "--decision",
        "7/QĐ-UBND",
        "--signed",
        "2024-02-01",
        "--effective",
        "2024-02-15",
    ];
    let (test, export) = import_with_options(&options, "2024-02-15");
    let expected = csv_export(&[
        "province,1.000301,Thủ tục 301,Tư pháp,,,,,7/QĐ-UBND,2024-02-15",
        "commune,1.000302,Thủ tục 302,Tư pháp,,,,,7/QĐ-UBND,2024-02-15",
    ]);
    assert_text("decision from options", &expected, &export);
    assert_eq!(test.counts("2024-02-14").total, 0);
}

#[test]
fn effective_date_defaults_to_the_signing_date() {
    let (_, export) = import_with_options(
        &["--decision", "7/QĐ-UBND", "--signed", "2024-02-01"],
        "2024-02-01",
    );
    let expected = csv_export(&[
        "province,1.000301,Thủ tục 301,Tư pháp,,,,,7/QĐ-UBND,2024-02-01",
        "commune,1.000302,Thủ tục 302,Tư pháp,,,,,7/QĐ-UBND,2024-02-01",
    ]);
    assert_text("no effective date", &expected, &export);
}

#[test]
fn empty_effective_cell_takes_the_effective_option() {
    let test = Test::new();
    test.write(
        "d.csv",
        decision_file(&[
            "8/QĐ-UBND,2024-02-01,,added,1.000311,province,Thủ tục 311,Tư pháp,",
            "8/QĐ-UBND,2024-02-01,2024-03-01,added,1.000312,province,Thủ tục 312,Tư pháp,",
        ]),
    );
    test.tthc(&["import", "--effective", "2024-02-20", "d.csv"])
        .run();
    let expected = csv_export(&[
        "province,1.000311,Thủ tục 311,Tư pháp,,,,,8/QĐ-UBND,2024-02-20",
        "province,1.000312,Thủ tục 312,Tư pháp,,,,,8/QĐ-UBND,2024-03-01",
    ]);
    assert_text(
        "effective from the option",
        &expected,
        &test.export_csv("2024-03-01"),
    );
}

#[test]
fn dash_reads_the_decision_file_from_stdin() {
    let test = Test::new();
    let summary: Summary = test
        .tthc(&["import", "--format", "json", "-"])
        .stdin(fixture_text("base.csv"))
        .run()
        .json();
    assert_eq!(
        (summary.decisions, summary.rows, summary.changes),
        (1, 6, 7)
    );
    assert_base_catalog(&test, "stdin");
}

/// Likely typos are warned of without blocking: a year typed wrong in the
/// date of effect, a signing date in the future, a number naming another
/// year. `--strict` refuses them.
#[test]
fn likely_typos_are_warned_of_and_strict_refuses_them() {
    let test = Test::new();
    test.write(
        "base.csv",
        "\
decision,signed,effective,action,code,level,name,field,fee
1/QĐ-UBND,2026-01-05,2026-01-05,added,1.000001,province,Thủ tục,Tư pháp,0 đồng
",
    );
    test.import(&["base.csv"]);
    test.write(
        "typos.csv",
        "\
decision,signed,effective,action,code,level,name,field,fee
13/QĐ-UBND,2026-10-21,2026-10-21,amended,1.000001,province,Thủ tục,,1.000 đồng
12/2025/QĐ-UBND,2026-10-20,2062-11-01,amended,1.000001,province,,,5.000 đồng
",
    );
    let before = test.snapshot();
    let out = test
        .tthc(&["import", "--strict", "typos.csv"])
        .status(3)
        .run();
    for part in [
        "typos.csv: decision 12/2025/QĐ-UBND signed 2026-10-20: takes effect on 2062-11-01, more than a year from its signing date",
        "typos.csv: decision 12/2025/QĐ-UBND signed 2026-10-20: its number names the year 2025, and it is signed in 2026",
    ] {
        assert!(out.stderr.contains(part), "{part}\n{}", out.stderr);
    }
    test.assert_unchanged(before.as_deref());
    // Without --strict they are warnings: the import goes through.
    let out = test
        .tthc(&["import", "--format", "json", "typos.csv"])
        .stderr_has("tthc: warning: typos.csv: decision 12/2025/QĐ-UBND signed 2026-10-20: takes effect on 2062-11-01")
        .run();
    let summary: crate::common::Summary = out.json();
    assert_eq!(summary.decisions, 2);
    assert_eq!(summary.warnings.len(), 2, "{:?}", summary.warnings);
}

/// An amendment that gives only the values the entry already has changes
/// nothing: a warning, counted per decision (never blocking; --strict
/// makes it an error).
#[test]
fn an_amendment_that_changes_nothing_is_a_warning() {
    let test = Test::new();
    test.write(
        "noop.csv",
        "\
decision,signed,action,code,level,name,field,fee
1/QĐ-UBND,2025-08-01,added,1.000001,province,Cấp phép A,Xây dựng,5.000 đồng
1/QĐ-UBND,2025-08-01,added,1.000002,province,Cấp phép B,Xây dựng,5.000 đồng
1/QĐ-UBND,2025-08-01,added,1.000003,province,Cấp phép C,Xây dựng,5.000 đồng
2/QĐ-UBND,2025-09-01,amended,1.000001,province,,,5.000 đồng
2/QĐ-UBND,2025-09-01,amended,1.000002,province,,Xây dựng,
2/QĐ-UBND,2025-09-01,amended,1.000003,province,,,7.000 đồng
",
    );
    test.tthc(&["import", "--strict", "noop.csv"])
        .status(3)
        .stderr_has("noop.csv:5: decision 2/QĐ-UBND signed 2025-09-01: 2 amendments change no value: they give the values the entry already has (the first: 1.000001)")
        .run();
    test.tthc(&["import", "noop.csv"])
        .stderr_has("2 amendments change no value")
        .run();
    assert_eq!(test.counts("2025-09-01").province, 3);
}
