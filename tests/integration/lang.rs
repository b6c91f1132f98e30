//! The language of summaries, tables and notices: Vietnamese with `--lang vi`
//! or a Vietnamese locale, English otherwise; JSON and csv the same in both.

use crate::audit_data::audit;
use crate::common::Test;

/// The output of a command in one language, which must succeed.
fn stdout_in(test: &Test, lang: &str, args: &[&str]) -> String {
    test.tthc(args).args(["--lang", lang]).run().stdout
}

/// Asserts that `args` prints the same bytes in both languages.
fn same_in_both(test: &Test, args: &[&str]) {
    assert_eq!(
        stdout_in(test, "vi", args),
        stdout_in(test, "en", args),
        "{args:?}"
    );
}

/// Asserts that none of `words` is in `text`.
fn none_of(text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
}

#[test]
fn the_import_summary_is_in_vietnamese_with_the_locale() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    let summary = test
        .tthc(&["import", "base.csv"])
        .env("LANG", "vi_VN.UTF-8")
        .stdout_has("Đã nhập 1 quyết định: ")
        .stdout_has("  theo hình thức: ban hành mới ")
        .stdout_has("  theo cấp: cấp tỉnh ")
        .stdout_has("10/QĐ-UBND ký ngày 10/01/2024, hiệu lực 15/01/2024: ")
        .run()
        .stdout;
    none_of(&summary, &["Imported", "by action", "signed"]);
    test.tthc(&["import", "--dry-run", "amend-2024-03.csv", "--lang", "vi"])
        .stdout_has("Đây là lần chạy thử: chưa ghi gì.\nSẽ nhập 1 quyết định: ")
        .run();
    test.tthc(&["import", "base.csv", "--lang", "vi"])
        .stdout_has(
            "Quyết định 10/QĐ-UBND ký ngày 10/01/2024 đã được nhập với các dòng y hệt: bỏ qua.",
        )
        .run();
    // The JSON summary is data: the same in both languages.
    let json = |lang: &str| {
        test.tthc(&[
            "import",
            "--dry-run",
            "--format",
            "json",
            "amend-2024-03.csv",
        ])
        .args(["--lang", lang])
        .run()
        .stdout
    };
    assert_eq!(json("vi"), json("en"));
}

#[test]
fn retract_and_correct_summaries_are_in_vietnamese() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    test.import(&["amend-2024-03.csv"]);
    let dry = test
        .tthc(&["retract", "20/QĐ-UBND", "--reason", "nhầm tệp", "--dry-run", "--lang", "vi"])
        .stdout_has("Đây là lần chạy thử: chưa ghi gì.\n")
        .stdout_has("Sẽ rút quyết định 20/QĐ-UBND ký ngày 01/03/2024: 2 thay đổi thủ tục sẽ được rút khỏi danh mục.")
        .stdout_has("  lý do: nhầm tệp\n")
        .stdout_has("(không ghi lại: chạy thử)")
        .run()
        .stdout;
    none_of(&dry, &["Would", "reason", "dry run"]);
    let json = |lang: &str| {
        test.tthc(&[
            "retract",
            "20/QĐ-UBND",
            "--reason",
            "x",
            "--dry-run",
            "--format",
            "json",
        ])
        .args(["--lang", lang])
        .env("USER", "clerk")
        .run()
        .stdout
    };
    let (vi, en) = (json("vi"), json("en"));
    // Only the moment of the (unrecorded) correction may differ.
    let without_moment = |s: &str| {
        s.lines()
            .filter(|l| !l.trim_start().starts_with("\"at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_moment(&vi), without_moment(&en));
    test.tthc(&["retract", "20/QĐ-UBND", "--reason", " ", "--lang", "vi"])
        .status(2)
        .stderr("tthc: --reason: hãy nêu lý do rút quyết định; lý do được ghi lại cùng lần rút\n")
        .run();
    test.tthc(&["retract", "20/QĐ-UBND", "--reason", "nhầm tệp", "--lang", "vi"])
        .stdout_has("Đã rút quyết định 20/QĐ-UBND ký ngày 01/03/2024: 2 thay đổi thủ tục được rút khỏi danh mục.")
        .stdout_has("đầu chuỗi băm ")
        .run();
    test.tthc(&[
        "retract",
        "20/QĐ-UBND",
        "--reason",
        "lần nữa",
        "--lang",
        "vi",
    ])
    .status(4)
    .stderr_has("tthc: quyết định 20/QĐ-UBND ký ngày 01/03/2024 đã được rút (lúc ")
    .run();
    test.tthc(&["retract", "77/QĐ-UBND", "--reason", "x", "--lang", "vi"])
        .status(2)
        .stderr_has("tthc: DECISION: \"77/QĐ-UBND\" không phải quyết định đã lưu; lệnh tthc decisions liệt kê các quyết định đã lưu")
        .run();
}

#[test]
fn the_decision_log_is_in_one_language_at_a_time() {
    let test = audit();
    let en = test
        .tthc(&["decisions", "--format", "table"])
        .stdout_has("Decision")
        .stdout_has("entries added, amended, replaced, repealed")
        .run()
        .stdout;
    none_of(&en, &["Quyết định", "Ngày ký"]);
    let vi = test
        .tthc(&["decisions", "--format", "table", "--lang", "vi"])
        .stdout_has("Quyết định")
        .stdout_has("Ngày ký")
        .stdout_has("Ngày hiệu lực")
        .stdout_has("số thủ tục ban hành mới, sửa đổi bổ sung, thay thế, bãi bỏ")
        .run()
        .stdout;
    none_of(&vi, &["Decision", "Signed", "Effective", "entries added"]);
    same_in_both(&test, &["decisions", "--format", "json"]);
    same_in_both(&test, &["decisions", "--format", "csv"]);
    Test::new()
        .tthc(&["decisions", "--format", "table", "--lang", "vi"])
        .status(1)
        .run();
}

#[test]
fn history_counts_and_search_tables_are_in_vietnamese() {
    let test = audit();
    let history = test
        .tthc(&["history", "1.000001", "--format", "table", "--lang", "vi"])
        .stdout_has("Lịch sử của 1.000001\n")
        .stdout_has("Cấp tỉnh: ")
        .stdout_has("Ban hành mới")
        .stdout_has("Sửa đổi, bổ sung")
        .stdout_has("Phí, lệ phí: ")
        .run()
        .stdout;
    none_of(
        &history,
        &["History", "versions", "added", "amended", "Action"],
    );
    test.tthc(&["history", "1.000003", "--level", "province", "--lang", "vi"])
        .status(1)
        .stderr_has("tthc: không có phiên bản nào của 1.000003 được lưu ở cấp tỉnh; thủ tục có phiên bản ở: cấp huyện, cấp xã")
        .run();
    same_in_both(&test, &["history", "1.000001", "--format", "json"]);
    same_in_both(&test, &["history", "1.000001", "--format", "csv"]);

    let counts = test
        .tthc(&[
            "counts",
            "--as-of",
            "2021-03-15",
            "--format",
            "table",
            "--lang",
            "vi",
        ])
        .stdout_has("Danh mục TTHC tính đến ngày 15/03/2021\n")
        .stdout_has("Cấp tỉnh")
        .stdout_has("Tổng số")
        .stdout_has("Số thủ tục")
        .stdout_has("Chưa có mã")
        .run()
        .stdout;
    none_of(&counts, &["Level", "total entries", "Province", "province"]);
    let counts = test
        .tthc(&["counts", "--as-of", "2021-03-15", "--format", "table"])
        .stdout_has("Catalog of administrative procedures as of 15/03/2021\n")
        .stdout_has("Total entries")
        .stdout_has("Distinct procedures")
        .run()
        .stdout;
    none_of(&counts, &["Cấp", "Tổng số", "Toàn trình", "tính đến"]);
    same_in_both(
        &test,
        &["counts", "--as-of", "2021-03-15", "--format", "json"],
    );
    same_in_both(
        &test,
        &["counts", "--as-of", "2021-03-15", "--format", "csv"],
    );

    let search = test
        .tthc(&["search", "giấy phép", "--format", "table", "--lang", "vi"])
        .stdout_has("│ Cấp ")
        .stdout_has("Tên thủ tục hành chính")
        .stdout_has("Cấp tỉnh")
        .run()
        .stdout;
    none_of(&search, &["Level", "Code", "province"]);
    test.tthc(&["search", "không có gì như vậy", "--format", "table"])
        .env("LANG", "vi_VN.UTF-8")
        .stderr_has("tthc: không có thủ tục nào còn hiệu lực ngày ")
        .run();
    same_in_both(&test, &["search", "giấy phép", "--format", "json"]);
}

#[test]
fn verify_says_what_it_checked_in_vietnamese() {
    let test = audit();
    let report = test
        .tthc(&["verify", "--lang", "vi"])
        .stdout_has(": đã kiểm tra, không thấy chỗ sai lệch nào.\n")
        .stdout_has("  tính toàn vẹn SQLite và khóa ngoại: đạt\n")
        .stdout_has("  đầu chuỗi băm: ")
        .run()
        .stdout;
    none_of(&report, &["verified", "chain head", "decisions:"]);
    test.write("not-a-manifest.json", "{}");
    test.tthc(&[
        "verify",
        "--manifest",
        "not-a-manifest.json",
        "--lang",
        "vi",
    ])
    .status(2)
    .stderr_has("đây không phải tệp kê khai của một lần xuất dữ liệu tthc")
    .run();
    same_in_both(&test, &["verify", "--format", "json"]);
}

#[test]
fn reference_list_and_inspect_are_in_vietnamese() {
    let test = Test::with(&["base.csv"]);
    test.tthc(&["import", "base.csv"]).run();
    test.tthc(&["reference", "list", "--format", "table", "--lang", "vi"])
        .stdout("Chưa lưu danh sách quốc gia nào: lệnh tthc reference import TỆP sẽ lưu một danh sách.\n")
        .run();
    test.tthc(&["reconcile", "--lang", "vi"])
        .status(1)
        .stderr("tthc: chưa lưu danh sách quốc gia nào: hãy lưu một danh sách bằng tthc reference import TỆP\n")
        .run();
    let inspect = test
        .tthc(&["inspect", "base.csv", "--lang", "vi"])
        .stdout_has("Tệp:            base.csv\n")
        .stdout_has("Định dạng:      ")
        .stdout_has("Các cột:\n")
        .stdout_has("Lỗi:            không có\n")
        .stdout_has("Lệnh nhập:\n  tthc import base.csv\n")
        .run()
        .stdout;
    none_of(&inspect, &["File:", "Columns:", "Problems", "Import with"]);
    same_in_both(&test, &["inspect", "base.csv", "--format", "json"]);
}

#[test]
fn output_refusals_are_in_vietnamese() {
    let test = Test::with(&["base.csv"]);
    test.tthc(&["import", "base.csv"]).run();
    std::fs::create_dir(test.path("dir")).unwrap();
    test.tthc(&["export", "-o", "dir", "--lang", "vi"])
        .status(2)
        .stderr("tthc: -o dir: đây là một thư mục; hãy cho tên một tệp\n")
        .run();
    test.tthc(&["export", "-o", "catalog.db", "--lang", "vi"])
        .status(2)
        .stderr_has("ghi vào đó sẽ phá hỏng danh mục")
        .run();
    test.tthc(&["export", "-o", "page.html", "--lang", "vi"])
        .status(2)
        .stderr_has("báo cáo html thì dùng tthc report -o TỆP.html")
        .run();
}

#[test]
fn a_correction_summary_is_in_vietnamese() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    test.import(&["amend-2024-03.csv"]);
    test.write(
        "amend-fixed.csv",
        "decision,signed,effective,action,code,level,name\n\
         20/QĐ-UBND,2024-03-01,2024-03-15,amended,1.000001,province,Cấp giấy phép xây dựng (sửa)\n",
    );
    let summary = test
        .tthc(&["import", "--correct", "20/QĐ-UBND", "amend-fixed.csv", "--reason", "sửa tên"])
        .env("LC_ALL", "vi_VN.UTF-8")
        .stdout_has("Đã đính chính quyết định 20/QĐ-UBND ký ngày 01/03/2024: rút ra 2 thay đổi thủ tục, đưa vào 1 thay đổi thế chỗ.\n")
        .stdout_has("  đã rút ra: ban hành mới 0, sửa đổi bổ sung 2, thay thế 0, bãi bỏ 0\n")
        .stdout_has("  lý do: sửa tên\n")
        .stdout_has("  đưa vào:\n  theo hình thức: ban hành mới 0, sửa đổi bổ sung 1,")
        .run()
        .stdout;
    none_of(&summary, &["Corrected", "taken out", "reason", "by action"]);
    test.tthc(&["import", "--correct", "20/QĐ-UBND", "amend-fixed.csv", "--lang", "vi"])
        .stdout("Quyết định 20/QĐ-UBND ký ngày 01/03/2024 đã có đúng các dòng này: không có gì để đính chính.\n")
        .run();
    let log = test
        .tthc(&["decisions", "--format", "table", "--lang", "vi"])
        .stdout_has("Các lần đính chính, theo thứ tự trong chuỗi băm:")
        .stdout_has("Đã đính chính")
        .stdout_has("Lý do")
        .run()
        .stdout;
    none_of(&log, &["Corrections", "corrected", "Reason"]);
}

/// English words that a message in Vietnamese must not hold.
const ENGLISH_WORDS: [&str; 10] = [
    "cannot", "not a", "must", "unknown", "expected", "invalid", "missing", " the ", " is ",
    " does ",
];

/// A guard against messages left in English: a set of failing commands,
/// each with `--lang vi`, tell what is wrong without these English words.
#[test]
fn failing_commands_say_what_is_wrong_in_vietnamese() {
    let test = Test::with(&["base.csv"]);
    test.tthc(&["import", "base.csv"]).run();
    let base = test.read("base.csv");
    test.write("changed.csv", base.replace(",20 ngày,", ",15 ngày,"));
    test.write(
        "bad.csv",
        "\
decision,signed,action,code,level,name,field
5/QĐ-UBND,2025-08-01,added,1.0001,province,A,F
5/QĐ-UBND,2025-08-01,added,1.000002,Cấp làng,B,F
5/QĐ-UBND,2025-08-01,bogus,1.000003,province,C,
",
    );
    test.write("nocols.csv", "code,name\n1.000001,A\n");
    test.write("notdb.db", "junk\n");
    let failing: [(&[&str], i32); 17] = [
        (&["show", "9.999999"], 1),
        (&["history", "9.999999"], 1),
        (&["reconcile"], 1),
        (&["import", "bad.csv"], 3),
        (&["import", "nocols.csv"], 3),
        (&["import", "absent.csv"], 3),
        (&["inspect", "bad.csv"], 3),
        (&["import", "changed.csv"], 4),
        (&["export", "--as-of", "2025-13-45"], 2),
        (&["export", "--level", "galaxy"], 2),
        (&["decisions", "--format", "xml"], 2),
        (&["verify", "--head", "abc"], 2),
        (&["verify", "--manifest", "base.csv"], 2),
        (&["retract", "99/QĐ-UBND", "--reason", "x"], 2),
        (&["import", "--correct", "99/QĐ-UBND", "base.csv"], 2),
        (&["--db", "notdb.db", "decisions"], 2),
        (&["no-such-command"], 2),
    ];
    let check = |test: &Test, args: &[&str], status: i32| {
        let out = test.tthc(args).args(["--lang", "vi"]).status(status).run();
        assert!(!out.stderr.is_empty(), "{args:?}");
        for word in ENGLISH_WORDS {
            assert!(
                !out.stderr.contains(word),
                "{args:?}: {word:?} in:\n{}",
                out.stderr
            );
        }
    };
    for (args, status) in failing {
        check(&test, args, status);
    }
    // A store edited behind tthc's back, then one whose schema was changed.
    let conn = rusqlite::Connection::open(test.db()).unwrap();
    conn.execute_batch(
        "UPDATE versions SET name = 'Tên bị sửa' WHERE id = 1; DELETE FROM decision_days",
    )
    .unwrap();
    drop(conn);
    check(&test, &["verify"], 5);
    check(&test, &["verify", "--format", "json"], 5);
    let conn = rusqlite::Connection::open(test.db()).unwrap();
    conn.execute_batch("CREATE TABLE extra (x)").unwrap();
    drop(conn);
    check(&test, &["verify"], 5);
    check(&test, &["export"], 5);
}
