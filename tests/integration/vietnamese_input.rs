//! Problems, hints and warnings of decision files in Vietnamese (`--lang vi`
//! or a Vietnamese locale), naming columns as the file's header does.

use crate::common::Test;

/// A change table with Vietnamese headers: a bad code, a misspelt action,
/// and a district entry added after districts were abolished.
const MISTAKES: &str = "\
Số quyết định,Ngày ký,Hình thức công bố,Mã TTHC,Cấp thực hiện,Tên thủ tục hành chính,Lĩnh vực
1/QĐ-UBND,2025-08-01,Mới ban hành,1.0001,Cấp tỉnh,Thủ tục A,Tư pháp
1/QĐ-UBND,2025-08-01,Sua doi bo sung,1.000002,Cấp tỉnh,,
1/QĐ-UBND,2025-08-01,Mới ban hành,1.000003,Cấp huyện,Thủ tục C,Tư pháp
";

#[test]
fn row_problems_are_told_in_vietnamese_with_the_files_own_column_names() {
    let test = Test::new();
    test.write("loi.csv", MISTAKES);
    test.tthc(&["import", "--lang", "vi", "loi.csv"])
        .status(3)
        .stderr_has("tthc: dữ liệu bị từ chối, chưa ghi gì vào danh mục (3 lỗi):")
        .stderr_has("loi.csv:2: cột \"Mã TTHC\": mã TTHC \"1.0001\" không hợp lệ (cần có dạng d.dddddd")
        .stderr_has("loi.csv:3: cột \"Hình thức công bố\": hình thức công bố \"Sua doi bo sung\" không hợp lệ: có phải là \"Sửa đổi, bổ sung\"?")
        .stderr_has("loi.csv:4: cột \"Cấp thực hiện\": ban hành mới ở cấp huyện ngày 01/08/2025: cấp huyện đã kết thúc hoạt động từ ngày 01/07/2025")
        .run();
}

#[test]
fn row_problems_in_english_name_columns_as_the_files_header_does() {
    let test = Test::new();
    test.write("loi.csv", MISTAKES);
    test.tthc(&["import", "loi.csv"])
        .status(3)
        .stderr_has("loi.csv:2: column \"Mã TTHC\": bad code \"1.0001\"")
        .stderr_has("loi.csv:3: column \"Hình thức công bố\": unknown action \"Sua doi bo sung\": did you mean \"Sửa đổi, bổ sung\"?")
        .stderr_has("loi.csv:4: column \"Cấp thực hiện\": added at district level on 2025-08-01")
        .run();
}

#[test]
fn rule_problems_follow_the_locale_and_name_the_row_that_adds_the_entry_later() {
    let test = Test::new();
    test.write(
        "qd-150.csv",
        "\
Số quyết định,Ngày ký,Ngày hiệu lực,Hình thức công bố,Mã TTHC,Cấp thực hiện,Tên thủ tục hành chính,Lĩnh vực
150/QĐ-UBND,2026-05-01,2026-05-15,Sửa đổi/bổ sung,1.000001,Cấp tỉnh,,
",
    );
    test.write(
        "qd-160.csv",
        "\
Số quyết định,Ngày ký,Ngày hiệu lực,Hình thức công bố,Mã TTHC,Cấp thực hiện,Tên thủ tục hành chính,Lĩnh vực
160/QĐ-UBND,2026-05-20,2026-06-01,Ban hành mới,1.000001,Cấp tỉnh,Thủ tục A,Tư pháp
",
    );
    test.tthc(&["import", "qd-150.csv", "qd-160.csv"])
        .env("LANG", "vi_VN.UTF-8")
        .status(3)
        .stderr_has("qd-150.csv:2: cột \"Mã TTHC\": 1.000001 ở cấp tỉnh không có hiệu lực vào ngày 15/05/2026, nên không thể sửa đổi, bổ sung (thủ tục được ban hành ngày 01/06/2026 theo quyết định 160/QĐ-UBND ngày 20/05/2026 (qd-160.csv:2), sau thay đổi này)")
        .run();
    test.tthc(&["import", "qd-150.csv", "qd-160.csv"])
        .status(3)
        .stderr_has("qd-150.csv:2: column \"Mã TTHC\": 1.000001 at province level is not in force on 2026-05-15, so it cannot be amended (it is added on 2026-06-01 by decision 160/QĐ-UBND of 2026-05-20 (qd-160.csv:2), after this change)")
        .run();
}

#[test]
fn the_replaced_side_of_a_replacement_is_named_by_the_replaced_code_header() {
    let test = Test::new();
    test.write(
        "thay.csv",
        "\
Số quyết định,Ngày ký,Hình thức công bố,Mã TTHC,Mã TTHC bị thay thế,Cấp thực hiện,Tên thủ tục hành chính,Lĩnh vực
5/QĐ-UBND,2025-08-01,Thay thế,1.000009,1.000001,Cấp tỉnh,Thủ tục mới,Tư pháp
",
    );
    test.tthc(&["import", "--lang", "vi", "thay.csv"])
        .status(3)
        .stderr_has("thay.csv:2: cột \"Mã TTHC bị thay thế\": 1.000001 ở cấp tỉnh không có hiệu lực vào ngày 01/08/2025, nên không thể thay thế (thủ tục chưa từng được ban hành)")
        .run();
}

#[test]
fn warnings_and_conflicts_are_told_in_vietnamese() {
    let test = Test::new();
    test.write(
        "nham-nam.csv",
        "\
Số quyết định,Ngày ký,Ngày hiệu lực,Hình thức công bố,Mã TTHC,Cấp thực hiện,Tên thủ tục hành chính,Lĩnh vực
7/QĐ-UBND,2025-10-20,2062-11-01,Ban hành mới,1.000001,Cấp tỉnh,Thủ tục A,Tư pháp
",
    );
    test.tthc(&["import", "--lang", "vi", "nham-nam.csv"])
        .stderr_has("nham-nam.csv: quyết định 7/QĐ-UBND ký ngày 20/10/2025: có hiệu lực ngày 01/11/2062, cách ngày ký hơn một năm: có gõ nhầm năm không?")
        .run();
    test.write(
        "khac.csv",
        "\
Số quyết định,Ngày ký,Ngày hiệu lực,Hình thức công bố,Mã TTHC,Cấp thực hiện,Tên thủ tục hành chính,Lĩnh vực
7/QĐ-UBND,2025-10-20,2025-11-01,Ban hành mới,1.000001,Cấp tỉnh,Thủ tục A,Tư pháp
",
    );
    test.tthc(&["import", "khac.csv"])
        .env("LC_ALL", "vi_VN.UTF-8")
        .status(4)
        .stderr_has("khac.csv: quyết định 7/QĐ-UBND ký ngày 20/10/2025 đã được nhập với các dòng khác (là 7/QĐ-UBND ký ngày 20/10/2025); nếu các dòng đã nhập bị sai thì lệnh tthc import --correct 7/QĐ-UBND@2025-10-20 khac.csv sẽ thay thế chúng")
        .run();
}

#[test]
fn file_and_catalog_errors_are_told_in_vietnamese() {
    let test = Test::new();
    test.write("trong.csv", "");
    test.tthc(&["import", "--lang", "vi", "trong.csv"])
        .status(3)
        .stderr_has("trong.csv:1: tệp trống: không có dòng tiêu đề")
        .run();
    test.tthc(&["counts", "--lang", "vi"])
        .status(1)
        .stderr_has("tthc: không có cơ sở dữ liệu danh mục tại catalog.db: hãy nhập một quyết định trước (tthc import TỆP)")
        .run();
    test.write("khong-phai.db", "");
    test.bare(&["--db", "khong-phai.db", "counts"])
        .env("LANG", "vi_VN.UTF-8")
        .status(2)
        .stderr_has("khong-phai.db không phải là danh mục của tthc: đây là tệp trống (0 byte); hãy kiểm tra --db (hoặc TTHC_DB)")
        .run();
}

#[test]
fn a_bare_decision_number_is_told_how_to_name_a_decision_in_vietnamese() {
    let test = Test::new();
    test.tthc(&["diff", "--lang", "vi", "1234", "2021-01-01"])
        .status(2)
        .stderr_has("ngày \"1234\" không hợp lệ")
        .stderr_has("quyết định được gọi bằng số ký hiệu đầy đủ, ví dụ 1234/QĐ-UBND")
        .run();
}

#[test]
fn the_json_summary_of_an_import_with_warnings_is_the_same_in_both_languages() {
    let file = "\
decision,signed,effective,action,code,level,name,field
7/QĐ-UBND,2025-10-20,2062-11-01,added,1.000001,province,Thủ tục A,Tư pháp
7/QĐ-UBND,2025-10-20,2062-11-01,added,1.000009,province,Thủ tục B,Tư pháp
";
    let json = |lang: &str| {
        let test = Test::new();
        test.write(
            "list.csv",
            "code,name,levels\n1.000001,Thủ tục A,Cấp tỉnh\n",
        );
        test.tthc(&["reference", "import", "--as-of", "2025-01-01", "list.csv"])
            .run();
        test.write("qd.csv", file);
        let output = test
            .tthc(&["import", "--format", "json", "--lang", lang, "qd.csv"])
            .run();
        assert!(
            output.stderr.contains(if lang == "vi" {
                "cách ngày ký hơn một năm"
            } else {
                "more than a year from its signing date"
            }),
            "{}",
            output.stderr
        );
        output.stdout
    };
    let english = json("en");
    assert!(
        english.contains("more than a year from its signing date")
            && english.contains("code 1.000009 is not in the national list of 2025-01-01"),
        "{english}"
    );
    assert_eq!(json("vi"), english);
}

#[test]
fn a_column_the_file_lacks_is_named_by_its_usual_header_in_vietnamese() {
    let test = Test::new();
    test.write(
        "thieu.csv",
        "decision,signed,action,code,level\n1/QĐ-UBND,2025-08-01,added,1.000001,province\n",
    );
    test.tthc(&["import", "--lang", "vi", "thieu.csv"])
        .status(3)
        .stderr_has("thieu.csv:2: cột \"Tên thủ tục hành chính\" để trống: dòng ban hành mới phải có tên thủ tục")
        .stderr_has("thieu.csv:2: cột \"Lĩnh vực\" để trống: dòng ban hành mới phải có lĩnh vực")
        .run();
    test.tthc(&["import", "thieu.csv"])
        .status(3)
        .stderr_has("thieu.csv:2: column name is empty: added rows need a name")
        .run();
}
