//! `tthc search`: by name, field or agency, ignoring case and diacritics.

use crate::common::Test;

const HISTORY: &str = "\
decision,signed,effective,action,code,level,name,field,agency,processing_time,fee,legal_basis,replaces
1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000001,province,Chứng thực bản sao từ bản chính,Chứng thực,Sở Tư pháp,Trong ngày,2.000 đồng,,
1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000002,commune,Đăng ký khai sinh,Hộ tịch,UBND cấp xã,Trong ngày,,,
1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000003,province,Cấp giấy phép xây dựng,Xây dựng,Sở Xây dựng,20 ngày,,,
2/QĐ-UBND,2024-03-01,2024-03-10,amended,1.000003,province,Cấp giấy phép xây dựng nhà ở riêng lẻ,,,,,,
2/QĐ-UBND,2024-03-01,2024-03-10,repealed,1.000001,province,,,,,,,
3/QĐ-UBND,2024-03-05,2024-03-10,added,1.000004,province,Đăng ký đất đai lần đầu,Đất đai,Sở Tài nguyên và Môi trường,30 ngày,,,
";

fn history() -> Test {
    let test = Test::new();
    test.write("history.csv", HISTORY);
    test.import(&["history.csv"]);
    test
}

fn codes(test: &Test, args: &[&str]) -> Vec<String> {
    let out = test
        .tthc(&["search", "--format", "csv"])
        .args(args)
        .run()
        .stdout;
    out.lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_owned())
        .collect()
}

#[test]
fn search_ignores_case_and_diacritics() {
    let test = history();
    assert_eq!(
        codes(&test, &["chung thuc", "--as-of", "2023-06-01"]),
        ["1.000001"]
    );
    assert_eq!(
        codes(&test, &["CHỨNG THỰC", "--as-of", "2023-06-01"]),
        ["1.000001"]
    );
}

#[test]
fn search_reads_d_bar_as_d() {
    let test = history();
    assert_eq!(
        codes(&test, &["dang ky", "--as-of", "2025-01-01"]),
        ["1.000004", "1.000002"]
    );
    assert_eq!(
        codes(&test, &["đất đai", "--as-of", "2025-01-01"]),
        ["1.000004"]
    );
}

#[test]
fn search_matches_field_and_agency_and_word_prefixes() {
    let test = history();
    assert_eq!(
        codes(&test, &["ho tich", "--as-of", "2025-01-01"]),
        ["1.000002"]
    );
    assert_eq!(
        codes(&test, &["so xay", "--as-of", "2025-01-01"]),
        ["1.000003"]
    );
    assert_eq!(
        codes(&test, &["giay phep xay", "--as-of", "2025-01-01"]),
        ["1.000003"]
    );
}

#[test]
fn search_sees_the_catalog_of_its_date() {
    let test = history();
    // Repealed on 2024-03-10; the amended name is found only from then on.
    assert!(codes(&test, &["chung thuc", "--as-of", "2024-06-01"]).is_empty());
    assert!(codes(&test, &["rieng le", "--as-of", "2024-01-01"]).is_empty());
    assert_eq!(
        codes(&test, &["rieng le", "--as-of", "2024-06-01"]),
        ["1.000003"]
    );
}

#[test]
fn search_after_a_decision_leaves_out_later_changes_of_that_day() {
    let test = history();
    // 2/QĐ-UBND and 3/QĐ-UBND take effect the same day; 3 was signed later.
    assert_eq!(
        codes(&test, &["dat dai", "--as-of", "2/QĐ-UBND"]),
        Vec::<String>::new()
    );
    assert_eq!(
        codes(&test, &["dat dai", "--as-of", "3/QĐ-UBND"]),
        ["1.000004"]
    );
    assert_eq!(
        codes(&test, &["rieng le", "--as-of", "2/QĐ-UBND"]),
        ["1.000003"]
    );
}

#[test]
fn search_json_names_the_date_and_query() {
    let test = history();
    let out = test
        .tthc(&[
            "search",
            "khai sinh",
            "--as-of",
            "2025-01-01",
            "--format",
            "json",
        ])
        .run()
        .stdout;
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["as_of"], "2025-01-01");
    assert_eq!(json["query"], "khai sinh");
    assert_eq!(json["entries"][0]["code"], "1.000002");
    assert_eq!(json["entries"].as_array().unwrap().len(), 1);
}

#[test]
fn search_finds_entries_imported_after_an_earlier_search() {
    let test = history();
    assert!(codes(&test, &["ho chieu", "--as-of", "2025-06-01"]).is_empty());
    test.write(
        "later.csv",
        "decision,signed,action,code,level,name,field\n\
         9/QĐ-UBND,2025-05-01,added,2.000001,province,Cấp hộ chiếu phổ thông,Xuất nhập cảnh\n",
    );
    test.import(&["later.csv"]);
    assert_eq!(
        codes(&test, &["ho chieu", "--as-of", "2025-06-01"]),
        ["2.000001"]
    );
}

#[test]
fn no_match_is_not_an_error() {
    let test = history();
    test.tthc(&[
        "search",
        "khong co",
        "--as-of",
        "2025-01-01",
        "--format",
        "csv",
    ])
    .stdout("level,code,name,field,agency,processing_time,fee,legal_basis,decision,effective\n")
    .stderr_has("no entry in force")
    .run();
}

#[test]
fn search_results_follow_the_vietnamese_order_of_fields() {
    let test = Test::new();
    test.write(
        "fields.csv",
        "decision,signed,effective,action,code,level,name,field,agency\n\
         1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000001,province,Tặng bằng khen,\"Thi đua, khen thưởng\",Sở Nội vụ\n\
         1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000002,province,Cấp giấy phép hành nghề,Y tế,Sở Y tế\n\
         1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000003,province,Đăng ký doanh nghiệp,Thành lập và hoạt động doanh nghiệp,Sở Tài chính\n\
         1/QĐ-UBND,2023-01-05,2023-01-15,added,1.000004,province,Đăng ký đất đai,Đất đai,Sở Nông nghiệp và Môi trường\n",
    );
    test.import(&["fields.csv"]);
    let out: serde_json::Value = test
        .tthc(&["search", "so", "--as-of", "2024-01-01", "--format", "json"])
        .run()
        .json();
    let fields: Vec<&str> = out["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "Đất đai",
            "Thành lập và hoạt động doanh nghiệp",
            "Thi đua, khen thưởng",
            "Y tế"
        ]
    );
    assert!(fields.is_sorted_by(|a, b| crate::common::vietnamese_order(a, b).is_le()));
    assert_eq!(
        codes(&test, &["so", "--as-of", "2024-01-01"]),
        ["1.000004", "1.000003", "1.000001", "1.000002"]
    );
}
