//! Decisions as provinces publish them: ten real decisions of November 2025,
//! as the whole Word document, as the annex a clerk saves from Excel as CSV,
//! and as a workbook, checked against their hand-counted answers
//! (`tests/data/real-annexes/expected.json`).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{Summary, Test};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/real-annexes");

fn expected() -> Vec<Value> {
    let text = fs::read_to_string(Path::new(DIR).join("expected.json")).unwrap();
    let all: Value = serde_json::from_str(&text).unwrap();
    all["decisions"].as_array().unwrap().clone()
}

fn decision(id: &str) -> Value {
    expected()
        .into_iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no decision {id} in expected.json"))
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// A test whose catalog holds the decision's seed, with its files beside it.
fn seeded(d: &Value) -> Test {
    let test = Test::new();
    for key in ["docx", "csv", "xlsx", "seed"] {
        if let Some(name) = d["files"][key].as_str() {
            test.write(name, fs::read(Path::new(DIR).join(name)).unwrap());
        }
    }
    test.import(&[text(&d["files"]["seed"])]);
    test
}

/// The options a clerk gives for a file: a CSV or workbook holds the annex
/// only, so the date of effect (in the body of the decision) is given, and a
/// draft's blank number and date too.
fn clerk_options(d: &Value, format: &str) -> Vec<String> {
    let mut options = Vec::new();
    if format != "docx" {
        options.extend(["--effective".to_owned(), text(&d["effective"]).to_owned()]);
        // Their annex titles leave the number and date blank, as drafts do.
        if d["id"] == "hungyen-1973" || d["id"] == "bacninh-1513" {
            options.extend([
                "--decision".to_owned(),
                text(&d["decision"]).to_owned(),
                "--signed".to_owned(),
                text(&d["signed"]).to_owned(),
            ]);
        }
    }
    options
}

fn import(test: &Test, file: &str, options: &[String]) -> Summary {
    test.tthc(&["import", "--format", "json"])
        .args(options)
        .args([file])
        .run()
        .json()
}

/// The summary's entry changes per action and per level match the answers,
/// and every entry the decision leaves in force is in the catalog at its
/// level with its field.
fn check_imported(test: &Test, d: &Value, file: &str, summary: &Summary) {
    let e = &d["expected"];
    let per_action = &e["entries_per_action"];
    let per_level = &e["entries_per_level"];
    let got = (
        summary.actions.added,
        summary.actions.amended,
        summary.actions.replaced,
        summary.actions.repealed,
        summary.levels.province,
        summary.levels.district,
        summary.levels.commune,
    );
    let want = (
        per_action["added"].as_u64().unwrap(),
        per_action["amended"].as_u64().unwrap(),
        per_action["replaced"].as_u64().unwrap(),
        per_action["repealed"].as_u64().unwrap(),
        per_level["province"].as_u64().unwrap(),
        per_level["district"].as_u64().unwrap(),
        per_level["commune"].as_u64().unwrap(),
    );
    assert_eq!(got, want, "{file}: actions and levels");
    let export = test.export_json(text(&d["effective"]));
    for item in d["catalog_after_effective"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let [level, code, field] = [&item[0], &item[1], &item[2]].map(|v| text(v).to_owned());
        let entry = export
            .entries
            .iter()
            .find(|e| e.level == level && e.code == code)
            .unwrap_or_else(|| panic!("{file}: {code} at {level} level is not in force"));
        assert_eq!(entry.field, field, "{file}: field of {code}");
        assert_eq!(entry.decision, text(&d["decision"]), "{file}: {code}");
    }
    if let Some(repealed) = d["codes"]["repealed"].as_object() {
        for (level, codes) in repealed {
            for code in codes.as_array().unwrap() {
                assert!(
                    !export
                        .entries
                        .iter()
                        .any(|e| &e.level == level && e.code == text(code)),
                    "{file}: {code} at {level} level is still in force"
                );
            }
        }
    }
}

/// Every importable decision, in every format it comes in, gives the
/// hand-counted catalog.
#[test]
fn each_real_decision_imports_as_published_in_every_format() {
    let mut checked = 0;
    for d in expected() {
        if ![
            "quangtri-2715",
            "hanoi-1609",
            "hatinh-2873",
            "laocai-2020",
            "daklak-02144",
            "hungyen-1973",
        ]
        .contains(&text(&d["id"]))
        {
            continue;
        }
        for format in ["docx", "csv", "xlsx"] {
            let Some(file) = d["files"][format].as_str() else {
                continue;
            };
            let test = seeded(&d);
            let summary = import(&test, file, &clerk_options(&d, format));
            check_imported(&test, &d, file, &summary);
            checked += 1;
        }
    }
    assert_eq!(checked, 15);
}

/// The Word document of Bắc Ninh 1513 says "sửa đổi" in the decision's
/// title and "MỚI BAN HÀNH" in the annex's: the decision's own title wins,
/// and the contradiction is reported.
#[test]
fn the_decision_title_wins_over_a_contradicting_annex_title() {
    let d = decision("bacninh-1513");
    let test = seeded(&d);
    let file = text(&d["files"]["docx"]);
    let output = test
        .tthc(&["import", "--format", "json", file])
        .stderr_has("the annex title names added but the decision's title (line 4) names amended: reading amended")
        .run();
    check_imported(&test, &d, file, &output.json());
    // In force two days before it was signed, as its body says.
    let history: Value = test
        .tthc(&["history", "1.014199", "--format", "json"])
        .run()
        .json();
    let last = history["versions"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (text(&last["decision"]["signed"]), text(&last["effective"])),
        ("2025-11-22", "2025-11-20")
    );
}

/// Read alone, the annex of Bắc Ninh 1513 says its procedures are new, and
/// they are already in force: the import is refused, never guessed.
#[test]
fn an_annex_read_alone_that_contradicts_the_catalog_is_refused() {
    let d = decision("bacninh-1513");
    let test = seeded(&d);
    let file = text(&d["files"]["csv"]);
    let before = test.snapshot();
    test.tthc(&["import", file])
        .args(clerk_options(&d, "csv"))
        .status(3)
        .stderr_has(
            "1.014199 at province level is already in force on 2025-11-20, so it cannot be added",
        )
        .run();
    test.assert_unchanged(before.as_deref());
}

/// Quảng Ngãi 1628 never says whether its procedures are new or amended:
/// each row is a problem until the clerk says.
#[test]
fn a_decision_that_states_no_action_needs_the_clerk_to_give_it() {
    let d = decision("quangngai-1628");
    let test = seeded(&d);
    let file = text(&d["files"]["docx"]);
    let output = test.tthc(&["import", file]).status(3).run();
    let problems = output
        .stderr
        .lines()
        .filter(|l| l.contains("no action stated") && l.contains("give --action"))
        .count();
    assert_eq!(problems, 9, "{}", output.stderr);
    let summary = import(&test, file, &["--action".to_owned(), "amended".to_owned()]);
    assert_eq!((summary.actions.amended, summary.levels.province), (9, 9));
    let export = test.export_json(text(&d["effective"]));
    let amended: Vec<&str> = export
        .entries
        .iter()
        .filter(|e| e.decision == text(&d["decision"]))
        .map(|e| e.field.as_str())
        .collect();
    assert_eq!(amended, ["Giám định tư pháp"; 9]);
}

/// Hồ Chí Minh City 2817 takes effect "when Nghị định 268/2025 takes
/// effect": no date, so the clerk must give one.
#[test]
fn an_effective_date_tied_to_another_act_asks_for_effective() {
    let d = decision("hochiminh-2817");
    let test = seeded(&d);
    test.tthc(&["import", text(&d["files"]["docx"])])
        .status(3)
        .stderr_has("the decision takes effect with another act and states no date")
        .stderr_has("give --effective")
        .run();
}

/// Cao Bằng 2031 publishes two new procedures without a field: they are
/// named, with the way to give one.
#[test]
fn new_procedures_without_a_field_are_named() {
    let d = decision("caobang-2031");
    let test = seeded(&d);
    let file = text(&d["files"]["docx"]);
    let output = test
        .tthc(&["import", file])
        .status(3)
        .stderr_has("the annex title names decision 203/QĐ-UBND but the decision's header (line 2) says 2031/QĐ-UBND")
        .run();
    let named: Vec<&str> = output
        .stderr
        .lines()
        .filter(|l| l.contains("field is empty: added rows need a field (or give --field)"))
        .collect();
    assert_eq!(named.len(), 2, "{}", output.stderr);
    let summary = import(
        &test,
        file,
        &["--field".to_owned(), "Báo chí, xuất bản".to_owned()],
    );
    assert_eq!((summary.actions.added, summary.actions.amended), (2, 8));
}

/// The Word document, the CSV and the workbook of one decision store the
/// same catalog: after one, the others are the same decision with the same
/// rows.
#[test]
fn the_word_csv_and_workbook_of_one_decision_store_the_same_catalog() {
    let d = decision("quangtri-2715");
    let test = seeded(&d);
    let docx = text(&d["files"]["docx"]);
    let summary = import(&test, docx, &[]);
    // The summary lists each decision with its dates and entry changes.
    assert_eq!(
        summary.imported,
        [serde_json::json!({
            "number": "2715/QĐ-UBND",
            "signed": "2025-11-19",
            "effective": ["2025-11-19"],
            "changes": 17,
            "file": docx
        })]
    );
    for format in ["csv", "xlsx"] {
        let file = text(&d["files"][format]);
        let again = import(&test, file, &clerk_options(&d, format));
        assert_eq!(again.decisions, 0, "{file}");
        assert_eq!(again.skipped.len(), 1, "{file}");
    }
}

/// History names where each version's facts came from: the file, its line,
/// and for a decision as published the heading, title or authority.
#[test]
fn history_names_where_a_row_came_from() {
    let d = decision("quangtri-2715");
    let test = seeded(&d);
    let docx = text(&d["files"]["docx"]);
    import(&test, docx, &[]);
    let history: Value = test
        .tthc(&["history", "1.013401", "--format", "json"])
        .run()
        .json();
    let v = &history["versions"][0];
    assert_eq!(text(&v["file"]), docx);
    assert!(v["line"].as_u64().unwrap() > 0);
    let p = &v["provenance"];
    assert!(text(&p["action"]).starts_with("heading at line "), "{p}");
    assert!(
        text(&p["levels"]).starts_with("the competent authority in the title"),
        "{p}"
    );
    assert!(text(&p["field"]).starts_with("title, line "), "{p}");
    // "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19 tháng 11 năm 2025 …)"
    assert!(text(&p["decision"]).starts_with("title, line "), "{p}");
    test.tthc(&["history", "1.013401", "--format", "table"])
        .stdout_has(&format!("{docx}:"))
        .stdout_has("action from heading at line")
        .run();
}

/// A legacy Word file, a PDF or a scanned image cannot be read: each is
/// refused with the advice to save the decision as .docx, nothing written.
#[test]
fn a_legacy_word_file_a_pdf_or_an_image_is_refused_with_advice() {
    let test = Test::new();
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(512, 0);
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    doc.resize(4096, 0);
    test.write("old.doc", &doc);
    test.write("scan.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    test.write("scan.png", b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR");
    for (file, what) in [
        ("old.doc", "a Word 97-2003 document (.doc)"),
        ("scan.pdf", "a PDF file"),
        ("scan.png", "a PNG image"),
    ] {
        test.tthc(&["import", file])
            .status(3)
            .stderr_has(&format!(
                "{file}: this file is {what}, not a Word document (.docx)"
            ))
            .stderr_has("save the document as .docx")
            .run();
        assert!(!test.db().exists(), "{file}");
    }
}

/// A repeal or amendment that names its entry only by name (as Cần Thơ's
/// 2666/QĐ-UBND does) finds it among the entries in force at its level, by
/// a name that folds case, spacing and punctuation. No match, or several,
/// is a problem that lists the closest names with their codes: never a
/// fuzzy match applied silently.
#[test]
fn a_change_without_a_code_names_its_entry_by_name() {
    let test = Test::new();
    test.write(
        "seed.csv",
        "\
decision,signed,action,code,level,name,field
1/QĐ-UBND,2025-07-01,added,1.000001,province,Cấp giấy phép xây dựng,Xây dựng
1/QĐ-UBND,2025-07-01,added,1.000002,province,Cấp lại giấy phép xây dựng,Xây dựng
1/QĐ-UBND,2025-07-01,added,1.000003,commune,Đăng ký hộ kinh doanh,Kinh doanh
1/QĐ-UBND,2025-07-01,added,1.000004,commune,Đăng ký hộ kinh doanh,Kinh doanh
",
    );
    test.import(&["seed.csv"]);
    let annex = |names: &[&str]| {
        let rows = names
            .iter()
            .enumerate()
            .fold(String::new(), |mut rows, (i, name)| {
                let _ = writeln!(rows, "{},\"{name}\",Xây dựng,Sở Xây dựng", i + 1);
                rows
            });
        format!(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ XÂY DỰNG\n\
             STT,Tên thủ tục hành chính,Lĩnh vực,Cơ quan thực hiện\n{rows}"
        )
    };
    let flags = [
        "--decision",
        "5/QĐ-UBND",
        "--signed",
        "2025-08-01",
        "--effective",
        "2025-08-01",
    ];
    // Another spelling of one name in force: found.
    test.write("by-name.csv", annex(&["CẤP GIẤY PHÉP  XÂY DỰNG."]));
    let summary: crate::common::Summary = test
        .tthc(&["import", "--format", "json"])
        .args(flags)
        .args(["by-name.csv"])
        .run()
        .json();
    assert_eq!((summary.actions.repealed, summary.levels.province), (1, 1));
    let codes: Vec<String> = test
        .export_json("2025-08-01")
        .entries
        .into_iter()
        .map(|e| format!("{} {}", e.level, e.code))
        .collect();
    assert_eq!(
        codes,
        ["province 1.000002", "commune 1.000003", "commune 1.000004"]
    );
    // A name that is in force nowhere: the closest names, with their codes.
    test.write("unknown.csv", annex(&["Cấp lại giấy phép xây dựng mới"]));
    test.tthc(&["import"])
        .args(["--decision", "6/QĐ-UBND", "--signed", "2025-09-01", "--effective", "2025-09-01"])
        .args(["unknown.csv"])
        .status(3)
        .stderr_has("unknown.csv:3: \"Cấp lại giấy phép xây dựng mới\" has no code and names no entry in force at province level on 2025-09-01; the closest: 1.000002 \"Cấp lại giấy phép xây dựng\"")
        .run();
    // A name two entries share: both are listed, and the code is asked for.
    test.write(
        "twice.csv",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ\n\
         STT,Tên thủ tục hành chính,Lĩnh vực,Cơ quan thực hiện\n\
         1,Đăng ký hộ kinh doanh,Kinh doanh,UBND cấp xã\n",
    );
    test.tthc(&["import"])
        .args(["--decision", "7/QĐ-UBND", "--signed", "2025-09-01", "--effective", "2025-09-01"])
        .args(["twice.csv"])
        .status(3)
        .stderr_has("twice.csv:3: \"Đăng ký hộ kinh doanh\" names 2 entries in force at commune level on 2025-09-01: 1.000003 \"Đăng ký hộ kinh doanh\", 1.000004 \"Đăng ký hộ kinh doanh\"; give the code")
        .run();
    // In Vietnamese, the same.
    test.tthc(&["import", "--lang", "vi"])
        .args(["--decision", "7/QĐ-UBND", "--signed", "2025-09-01", "--effective", "2025-09-01"])
        .args(["twice.csv"])
        .status(3)
        .stderr_has("twice.csv:3: \"Đăng ký hộ kinh doanh\" ứng với 2 thủ tục đang có hiệu lực ở cấp xã ngày 01/09/2025: 1.000003 \"Đăng ký hộ kinh doanh\", 1.000004 \"Đăng ký hộ kinh doanh\"; hãy ghi mã TTHC")
        .run();
}

/// Hồ Chí Minh City 2817 publishes 14 new procedures before the national
/// database gives them codes: given a date of effect, they are entries like
/// any other, counted, exported with an empty code, and one can be given its
/// code by a later decision: it stays one entry.
#[test]
fn new_procedures_without_a_code_are_entries_and_can_be_given_one_later() {
    let d = decision("hochiminh-2817");
    let test = seeded(&d);
    let docx = text(&d["files"]["docx"]);
    let effective = ["--effective".to_owned(), "2025-12-01".to_owned()];
    let summary = import(&test, docx, &effective);
    assert_eq!((summary.actions.added, summary.actions.repealed), (14, 4));
    assert_eq!((summary.levels.province, summary.without_code), (18, 14));
    let counts = test.counts("2025-12-01");
    assert_eq!((counts.province, counts.without_code), (14, 14));
    // Importing the decision again changes nothing: the same names are the
    // same entries.
    let again = import(&test, docx, &effective);
    assert_eq!((again.decisions, again.skipped.len()), (0, 1));
    let export = test.export_json("2025-12-01");
    let name = "Thủ tục công nhận trung tâm đổi mới sáng tạo cấp tỉnh";
    let entry = export.entries.iter().find(|e| e.name == name).unwrap();
    assert_eq!(entry.code, "");
    let json = test
        .tthc(&["export", "--format", "json", "--as-of", "2025-12-01"])
        .run()
        .stdout;
    assert!(json.contains("\"code\": null"), "{json}");
    test.tthc(&["export", "--format", "csv", "--as-of", "2025-12-01"])
        .stdout_has(&format!("province,,{name},"))
        .run();
    test.tthc(&["export", "--format", "table", "--as-of", "2025-12-01"])
        .stdout_has("(no code)")
        .run();
    test.tthc(&[
        "export",
        "--format",
        "table",
        "--as-of",
        "2025-12-01",
        "--lang",
        "vi",
    ])
    .stdout_has("(chưa có mã)")
    .run();
    // A later decision gives it its code.
    test.write(
        "code.csv",
        format!(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ KHOA HỌC VÀ CÔNG NGHỆ\n\
             STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực\n\
             1,1.099901,{name},Hoạt động khoa học và công nghệ\n"
        ),
    );
    let summary: crate::common::Summary = test
        .tthc(&["import", "--format", "json", "code.csv"])
        .args([
            "--decision",
            "3000/QĐ-UBND",
            "--signed",
            "2026-01-05",
            "--effective",
            "2026-01-05",
        ])
        .run()
        .json();
    assert_eq!(summary.actions.replaced, 1);
    let counts = test.counts("2026-01-05");
    assert_eq!((counts.province, counts.without_code), (14, 13));
    let history: Value = test
        .tthc(&["history", "1.099901", "--format", "json"])
        .run()
        .json();
    let versions: Vec<(&str, &str)> = history["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (text(&v["action"]), text(&v["decision"]["number"])))
        .collect();
    assert_eq!(
        versions,
        [("added", "2817/QĐ-UBND"), ("code_assigned", "3000/QĐ-UBND")]
    );
    // The diff reads it as one entry that was given its code.
    let diff: Value = test
        .tthc(&["diff", "2025-12-01", "2026-01-05", "--format", "json"])
        .run()
        .json();
    assert_eq!(diff["summary"]["code_assigned"], 1, "{diff}");
    assert_eq!(diff["summary"]["replaced"], 0);
    let change = &diff["changes"][0];
    assert_eq!(
        (
            text(&change["change"]),
            text(&change["code"]),
            text(&change["name"])
        ),
        ("code_assigned", "1.099901", name)
    );
    assert_eq!(change["replaces"], Value::Null);
    test.tthc(&["diff", "2025-12-01", "2026-01-05", "--format", "table"])
        .stdout_has("code_assigned 1")
        .stdout_has("\nCode assigned (1)\n")
        .run();
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

/// An annex with a level column but the action in its title (as some
/// provinces print "Cấp thực hiện") is read as published: the row's own
/// level cell, the title's action.
#[test]
fn an_annex_with_a_level_column_takes_its_action_from_the_title() {
    let test = Test::new();
    test.write(
        "annex.csv",
        "\
DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH TRONG LĨNH VỰC HỘ TỊCH
(Kèm theo Quyết định số 77/QĐ-UBND ngày 05/01/2026 của Chủ tịch UBND tỉnh)
STT,Mã TTHC,Tên thủ tục hành chính,Cấp thực hiện
1,1.000777,Đăng ký khai sinh,Cấp xã
2,1.000778,Đăng ký kết hôn có yếu tố nước ngoài,Cấp tỉnh
",
    );
    let summary: crate::common::Summary = test
        .tthc(&[
            "import",
            "--format",
            "json",
            "--effective",
            "2026-01-05",
            "annex.csv",
        ])
        .run()
        .json();
    assert_eq!(summary.actions.added, 2);
    assert_eq!((summary.levels.province, summary.levels.commune), (1, 1));
    let history: Value = test
        .tthc(&["history", "1.000777", "--format", "json"])
        .run()
        .json();
    let p = &history["versions"][0]["provenance"];
    assert_eq!(text(&p["levels"]), "cell \"Cấp thực hiện\"", "{p}");
    assert!(text(&p["action"]).starts_with("title, line 1"), "{p}");
    assert_eq!(text(&history["versions"][0]["field"]), "Hộ tịch");
}

/// A change table (action and level columns) may leave the code cell empty
/// too: a new procedure without a code is an entry by its name, a change
/// without a code names its entry by name, and a later row that adds the
/// code under that name gives it to the entry.
#[test]
fn a_change_table_row_without_a_code_is_an_entry_by_its_name() {
    let test = Test::new();
    test.write(
        "one.csv",
        "\
decision,signed,action,code,level,name,field,fee
1/QĐ-UBND,2025-08-01,added,,commune,Đăng ký khai sinh lưu động,Hộ tịch,
1/QĐ-UBND,2025-08-01,added,1.000001,commune,Đăng ký kết hôn,Hộ tịch,
2/QĐ-UBND,2025-09-01,amended,,commune,ĐĂNG KÝ KHAI SINH LƯU ĐỘNG,,5.000 đồng
",
    );
    let report: Value = test
        .tthc(&["inspect", "--format", "json", "one.csv"])
        .run()
        .json();
    assert_eq!(report["without_code"], 1, "{report}");
    let summary = test.import(&["one.csv"]);
    assert_eq!((summary.actions.added, summary.without_code), (2, 1));
    let counts = test.counts("2025-09-01");
    assert_eq!((counts.commune, counts.without_code), (2, 1));
    let entry = test
        .export_json("2025-09-01")
        .entries
        .into_iter()
        .find(|e| e.code.is_empty())
        .unwrap();
    assert_eq!(
        (entry.name.as_str(), entry.fee.as_str()),
        ("Đăng ký khai sinh lưu động", "5.000 đồng")
    );
    // A name in force nowhere, and a row with neither code nor name.
    test.write(
        "two.csv",
        "\
decision,signed,action,code,level,name,field
3/QĐ-UBND,2025-10-01,repealed,,commune,Đăng ký khai tử lưu động,
3/QĐ-UBND,2025-10-01,repealed,,commune,,
",
    );
    test.tthc(&["import", "two.csv"])
        .status(3)
        .stderr_has("two.csv:2: \"Đăng ký khai tử lưu động\" has no code and names no entry in force at commune level on 2025-10-01; the closest: (no code yet) \"Đăng ký khai sinh lưu động\", 1.000001 \"Đăng ký kết hôn\"")
        .stderr_has("two.csv:3: column code is empty, and the row has no name either")
        .run();
    // The national database gives the code: one entry, before and after.
    test.write(
        "three.csv",
        "\
decision,signed,action,code,level,name,field
4/QĐ-UBND,2025-11-01,added,1.000777,commune,Đăng ký khai sinh lưu động,Hộ tịch
",
    );
    test.import(&["three.csv"]);
    let counts = test.counts("2025-11-01");
    assert_eq!((counts.commune, counts.without_code), (2, 0));
    let history: Value = test
        .tthc(&["history", "1.000777", "--format", "json"])
        .run()
        .json();
    let actions: Vec<&str> = history["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| text(&v["action"]))
        .collect();
    assert_eq!(actions, ["added", "amended", "code_assigned"]);
}
