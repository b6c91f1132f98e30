//! The ten real decisions (their CSV annexes) against their hand-counted
//! answers, and small hand-made documents for every rule.

use std::collections::BTreeMap;

use super::*;
use crate::domain::Level;
use crate::input::document::{Cell, Paragraph};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/real-annexes");

/// A CSV annex as a clerk saves it, as one table: each record a row whose
/// line is the physical line where the record starts.
fn csv_document(name: &str) -> Document {
    let path = format!("{DIR}/{name}");
    let bytes = std::fs::read(&path).unwrap();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let rows = reader
        .records()
        .map(|r| {
            let record = r.unwrap();
            // The physical line where the record starts, from its byte offset.
            let mut start = usize::try_from(record.position().unwrap().byte()).unwrap();
            // The reader puts the start at the end of the previous record's terminator.
            while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            let line = bytes[..start].split(|b| *b == b'\n').count() as u64;
            (line, record.iter().map(str::to_owned).collect())
        })
        .collect();
    Document::from_grid(rows)
}

fn expected(id: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap();
    let all: serde_json::Value = serde_json::from_str(&text).unwrap();
    all["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
        .clone()
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn read_csv(id: &str, flags: &Fallbacks) -> (Reading, serde_json::Value) {
    let want = expected(id);
    let file = want["files"]["csv"].as_str().unwrap().to_owned();
    (read(&file, &csv_document(&file), flags, &[]), want)
}

/// Rows per action, as expected.json counts them.
fn rows_per_action(reading: &Reading) -> BTreeMap<String, u64> {
    let mut out: BTreeMap<String, u64> = Action::ALL
        .iter()
        .map(|a| (a.as_str().to_owned(), 0))
        .collect();
    for row in &reading.rows {
        *out.entry(row.action.value.as_str().to_owned()).or_default() += 1;
    }
    out
}

fn entries_per_level(reading: &Reading) -> BTreeMap<String, u64> {
    let mut out: BTreeMap<String, u64> = Level::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), 0))
        .collect();
    for row in &reading.rows {
        for level in row.levels.value.iter() {
            *out.entry(level.as_str().to_owned()).or_default() += 1;
        }
    }
    out
}

/// Codes per action and level, in the order of the rows.
fn codes(reading: &Reading) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for row in &reading.rows {
        for level in row.levels.value.iter() {
            if let Some(code) = row.code {
                out.entry(row.action.value.as_str().to_owned())
                    .or_default()
                    .entry(level.as_str().to_owned())
                    .or_default()
                    .push(code.to_string());
            }
        }
    }
    out
}

fn json_counts(v: &serde_json::Value) -> BTreeMap<String, u64> {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect()
}

fn json_codes(v: &serde_json::Value) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    v.as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(action, levels)| {
            let levels = levels
                .as_object()
                .unwrap()
                .iter()
                .map(|(level, codes)| {
                    let codes = codes
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c.as_str().unwrap().to_owned())
                        .collect();
                    (level.clone(), codes)
                })
                .collect();
            (action.clone(), levels)
        })
        .collect()
}

/// The expected field of a row: the one of its code, or of every row ("*"),
/// without a note in parentheses ("Giám định (was: Tổ chức cán bộ)").
fn expected_field(want: &serde_json::Value, code: Option<Code>) -> String {
    let fields = &want["fields"];
    let text = code
        .and_then(|c| fields[c.to_string()].as_str())
        .or_else(|| fields["*"].as_str())
        .unwrap();
    text.split(" (").next().unwrap().to_owned()
}

/// Compares a reading with every count of expected.json.
fn assert_as_expected(reading: &Reading, want: &serde_json::Value) {
    let counts = &want["expected"];
    assert_eq!(
        reading.rows.len() as u64,
        counts["procedure_rows"].as_u64().unwrap()
    );
    assert_eq!(
        rows_per_action(reading),
        json_counts(&counts["rows_per_action"])
    );
    assert_eq!(
        entries_per_level(reading),
        json_counts(&counts["entries_per_level"])
    );
    assert_eq!(codes(reading), json_codes(&want["codes"]));
    for row in &reading.rows {
        let field = row.field.as_ref().map(|f| f.value.clone());
        assert_eq!(
            field,
            Some(expected_field(want, row.code)),
            "line {}",
            row.line
        );
        assert_eq!(row.details.field, expected_field(want, row.code));
    }
    let decision = want["decision"].as_str().unwrap();
    let signed = day(want["signed"].as_str().unwrap());
    for row in &reading.rows {
        assert_eq!(row.decision.value, decision, "line {}", row.line);
        assert_eq!(row.signed.value, signed, "line {}", row.line);
        if let Some(effective) = want["effective"].as_str() {
            assert_eq!(row.effective.value, day(effective), "line {}", row.line);
        }
    }
}

/// The effective date comes from the body, which a CSV annex lacks: the
/// clerk gives it, as `--effective`.
fn effective_flag(want: &serde_json::Value) -> Fallbacks {
    Fallbacks {
        effective: want["effective"].as_str().map(day),
        ..Fallbacks::default()
    }
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn quangtri_2715_headings_and_codes_in_names() {
    let flags = effective_flag(&expected("quangtri-2715"));
    let (reading, want) = read_csv("quangtri-2715", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_as_expected(&reading, &want);
    let first = &reading.rows[0];
    assert_eq!(first.line, 6);
    assert_eq!(
        first.details.name,
        "Cấp giấy phép hoạt động phát điện thuộc thẩm quyền cấp của Ủy ban nhân dân cấp tỉnh"
    );
    assert_eq!(first.action.origin, Origin::Heading { line: 4 });
    assert_eq!(first.levels.origin, Origin::Authority { line: 2 });
    assert_eq!(
        first.field.as_ref().unwrap().origin,
        Origin::Title { line: 2 }
    );
    assert_eq!(first.decision.origin, Origin::Title { line: 3 });
    assert_eq!(first.effective.origin, Origin::Flag);
    assert_eq!(reading.rows[9].action.origin, Origin::Heading { line: 51 });
    assert_eq!(reading.tables.len(), 2);
    assert_eq!(reading.tables[0].header_lines, [5]);
    assert_eq!(reading.tables[1].header_lines, [52]);
    assert_eq!(reading.tables[0].unmapped_with_data, ["Địa điểm thực hiện"]);
}

#[test]
fn hanoi_1609_two_row_header_and_city_level() {
    let flags = effective_flag(&expected("hanoi-1609"));
    let (reading, want) = read_csv("hanoi-1609", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_as_expected(&reading, &want);
    assert_eq!(reading.tables[0].header_lines, [5, 6]);
    assert_eq!(
        reading.tables[0].unmapped_with_data,
        [
            "Thời hạn giải quyết / NQ số 66/NQ-CP ngày 26/3/2025; Công điện số 22/CĐ-TTg ngày 09/3/2025",
            "Cách thức thực hiện",
            "Địa điểm thực hiện"
        ]
    );
    let amended = &reading.rows[0];
    assert_eq!(amended.levels.origin, Origin::Heading { line: 7 });
    assert_eq!(
        amended.field.as_ref().unwrap().origin,
        Origin::Heading { line: 7 }
    );
    assert!(
        amended
            .details
            .processing_time
            .starts_with("- Trong thời hạn 15")
    );
    let repealed = &reading.rows[1];
    assert_eq!(repealed.action.origin, Origin::Heading { line: 15 });
    assert_eq!(
        repealed.field.as_ref().unwrap().origin,
        Origin::Cell {
            column: "Lĩnh vực".to_owned()
        }
    );
    assert!(repealed.details.agency.starts_with("Sở Tài chính"));
    assert!(
        reading
            .skipped
            .iter()
            .any(|s| s.line == 8 && s.kind == SkipKind::Numbering)
    );
}

#[test]
fn hatinh_2873_shared_level_ditto_and_a_repeal_without_level() {
    let flags = effective_flag(&expected("hatinh-2873"));
    let (reading, want) = read_csv("hatinh-2873", &flags);
    // The repeal table names no level: never a guess; the level is left to
    // the catalog (the import takes it when the entry is in force at one
    // level only), with the problem to report otherwise.
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(reading.rows.len(), 13);
    let repeal = &reading.rows[12];
    assert_eq!((repeal.line, repeal.action.value), (36, Action::Repealed));
    assert_eq!(repeal.levels.value, LevelSet::default());
    assert_eq!(
        repeal.unresolved_level.as_deref(),
        Some(
            "no level stated: no level column, heading or title names one, \
             nor the competent authority (the row's agency: not stated): give --level"
        )
    );
    assert_eq!(rows_per_action(&reading)["amended"], 12);
    let mut levels = entries_per_level(&reading);
    assert_eq!((levels["province"], levels["commune"]), (1, 12));
    let mut codes = codes(&reading);
    let want_codes = json_codes(&want["codes"]);
    assert_eq!(codes.remove("amended"), want_codes.get("amended").cloned());
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.field.as_ref().unwrap().value == "Chứng thực")
    );
    // "Như trên" repeats the cell above.
    let row6 = reading.rows.iter().find(|r| r.line == 28).unwrap();
    assert!(
        row6.details
            .legal_basis
            .starts_with("- Nghị định số 280/2025/NĐ-CP")
    );
    assert!(row6.details.fee.starts_with("Phí: 50.000"));
    // --level is a file-wide fallback: it gives the repeal row its level,
    // and stands for that row only, so heading A ("áp dụng chung") naming
    // other levels for its own rows is no contradiction.
    let flags = Fallbacks {
        levels: Some(LevelSet::single(Level::Commune)),
        ..flags
    };
    let (reading, _) = read_csv("hatinh-2873", &flags);
    levels = entries_per_level(&reading);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!((levels["province"], levels["commune"]), (1, 13));
    assert_eq!(reading.rows[12].levels.origin, Origin::Flag);
    assert_eq!(reading.rows[12].code.unwrap().to_string(), "2.001009");
}

#[test]
fn laocai_2020_title_only_and_notes_under_the_table() {
    let flags = effective_flag(&expected("laocai-2020"));
    let (reading, want) = read_csv("laocai-2020", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_as_expected(&reading, &want);
    let notes: Vec<u64> = reading
        .skipped
        .iter()
        .filter(|s| s.kind == SkipKind::Note)
        .map(|s| s.line)
        .collect();
    assert_eq!(notes, [32, 33, 34]);
}

#[test]
fn daklak_02144_one_row() {
    let flags = effective_flag(&expected("daklak-02144"));
    let (reading, want) = read_csv("daklak-02144", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_as_expected(&reading, &want);
    assert_eq!(reading.rows[0].signed.origin, Origin::Title { line: 3 });
}

#[test]
fn hungyen_1973_blank_number_and_a_moved_field() {
    let want = expected("hungyen-1973");
    // The draft leaves number and date blank: the clerk gives them.
    let flags = Fallbacks {
        decision: Some("1973/QĐ-UBND".to_owned()),
        signed: Some(day("2025-11-28")),
        ..effective_flag(&want)
    };
    let (reading, want) = read_csv("hungyen-1973", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_as_expected(&reading, &want);
    assert_eq!(reading.rows[0].levels.origin, Origin::Title { line: 2 });
    assert_eq!(reading.rows[0].decision.origin, Origin::Flag);
    // Without them, the blank is a problem that asks for both.
    let (reading, _) = read_csv("hungyen-1973", &effective_flag(&want));
    assert_eq!(
        messages(&reading.problems),
        [
            "HungYen_1973-QD-UBND_2025-11-28.csv: the decision number is not stated (or left blank, as in a draft): give --decision",
            "HungYen_1973-QD-UBND_2025-11-28.csv: the signing date is not stated (or left blank, as in a draft): give --signed"
        ]
    );
    assert!(reading.rows.is_empty());
}

#[test]
fn caobang_2031_heading_rows_totals_and_codes_in_parentheses() {
    let want = expected("caobang-2031");
    let (reading, want) = read_csv("caobang-2031", &effective_flag(&want));
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    // The CSV carries only the annex title, which drops a digit: it names
    // 203/QĐ-UBND (the header block of the whole decision says 2031).
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.decision.value == "203/QĐ-UBND")
    );
    assert_eq!(reading.rows.len(), 10);
    assert_eq!(
        rows_per_action(&reading),
        json_counts(&want["expected"]["rows_per_action"])
    );
    assert_eq!(
        entries_per_level(&reading),
        json_counts(&want["expected"]["entries_per_level"])
    );
    assert_eq!(codes(&reading), json_codes(&want["codes"]));
    // The two new procedures have no field in the catalog table: warned, kept.
    for row in &reading.rows {
        match row.action.value {
            Action::Added => assert_eq!(row.field, None),
            _ => assert_eq!(
                row.field.as_ref().map(|f| f.value.clone()),
                Some(expected_field(&want, row.code))
            ),
        }
    }
    assert_eq!(
        messages(&reading.warnings),
        [
            "CaoBang_2031-QD-UBND_2025-11-28.csv:7: no field stated: no field column, heading or title names one",
            "CaoBang_2031-QD-UBND_2025-11-28.csv:13: no field stated: no field column, heading or title names one"
        ]
    );
    assert_eq!(
        reading.rows[0].details.name,
        "Thủ tục cấp giấy chứng nhận lưu hành tự do (CFS) đối với hàng hóa xuất khẩu trong lĩnh vực báo chí, xuất bản"
    );
    assert_eq!(reading.rows[0].levels.origin, Origin::Heading { line: 6 });
    assert_eq!(reading.rows[2].levels.origin, Origin::Heading { line: 21 });
    assert_eq!(
        reading.rows[2].field.as_ref().unwrap().origin,
        Origin::Heading { line: 22 }
    );
    assert_eq!(
        reading.rows[2].note,
        "Nội dung sửa đổi, bổ sung: Thời hạn giải quyết."
    );
    let totals: Vec<u64> = reading
        .skipped
        .iter()
        .filter(|s| s.kind == SkipKind::Totals)
        .map(|s| s.line)
        .collect();
    assert_eq!(totals, [62, 67, 68, 69, 70, 71, 72]);
    // A clerk who gives the right number contradicts the annex: a problem.
    let flags = Fallbacks {
        decision: Some("2031/QĐ-UBND".to_owned()),
        ..effective_flag(&want)
    };
    let (reading, _) = read_csv("caobang-2031", &flags);
    assert_eq!(
        messages(&reading.problems),
        [
            "CaoBang_2031-QD-UBND_2025-11-28.csv:3: --decision 2031/QĐ-UBND contradicts the document, which names decision 203/QĐ-UBND"
        ]
    );
}

#[test]
fn hochiminh_2817_needs_an_effective_date_and_keeps_rows_without_codes() {
    // Without --effective: a problem asking for it (the body ties the effect
    // to another act; the CSV has no body at all).
    let (reading, want) = read_csv("hochiminh-2817", &Fallbacks::default());
    assert_eq!(
        messages(&reading.problems),
        [
            "HoChiMinh_2817-QD-UBND_2025-11-19.csv: the effective date is not stated: give --effective"
        ]
    );
    assert!(reading.rows.is_empty());
    let flags = Fallbacks {
        effective: Some(day("2025-12-01")),
        ..Fallbacks::default()
    };
    let (reading, _) = read_csv("hochiminh-2817", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        rows_per_action(&reading),
        json_counts(&want["expected"]["rows_per_action"])
    );
    assert_eq!(
        entries_per_level(&reading),
        json_counts(&want["expected"]["entries_per_level"])
    );
    assert_eq!(codes(&reading), json_codes(&want["codes"]));
    let added: Vec<&PublishedRow> = reading
        .rows
        .iter()
        .filter(|r| r.action.value == Action::Added)
        .collect();
    assert_eq!(added.len(), 14);
    assert!(added.iter().all(|r| r.code.is_none()));
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.field.as_ref().unwrap().value == "Hoạt động khoa học và công nghệ")
    );
    let repealed = reading.rows.iter().find(|r| r.line == 281).unwrap();
    assert!(repealed.reference.starts_with("Quyết định số 2187/QĐ-UBND"));
    assert!(added[0].note.starts_with("1. Trình tự thực hiện:"));
}

#[test]
fn quangngai_1628_states_no_action() {
    let want = expected("quangngai-1628");
    let (reading, want) = read_csv("quangngai-1628", &effective_flag(&want));
    let lines: Vec<u64> = reading.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [5, 11, 18, 25, 31, 37, 43, 50, 57]);
    assert!(
        reading
            .problems
            .iter()
            .all(|p| p.message.contains("no action stated") && p.message.contains("--action"))
    );
    assert!(reading.rows.is_empty());
    // With the action the clerk gives, 9 amended province entries.
    let flags = Fallbacks {
        action: Some(Action::Amended),
        ..effective_flag(&want)
    };
    let (reading, _) = read_csv("quangngai-1628", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        entries_per_level(&reading),
        json_counts(&want["expected"]["entries_per_level"])
    );
    let codes = codes(&reading);
    assert_eq!(
        codes["amended"]["province"],
        json_codes(&want["codes"])["unstated"]["province"]
    );
    assert!(reading.rows.iter().all(|r| r.action.origin == Origin::Flag));
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.field.as_ref().unwrap().value == "Giám định tư pháp")
    );
}

#[test]
fn bacninh_1513_csv_reads_the_contradicting_annex_title() {
    // The annex leaves number and day blank: the clerk gives them and the
    // effective date (before the signing date: the body says so).
    let flags = Fallbacks {
        decision: Some("1513/QĐ-UBND".to_owned()),
        signed: Some(day("2025-11-22")),
        effective: Some(day("2025-11-20")),
        ..Fallbacks::default()
    };
    let (reading, want) = read_csv("bacninh-1513", &flags);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    // Alone, the CSV says "MỚI BAN HÀNH": 6 added rows, which the import
    // must refuse where the codes are already in force.
    assert_eq!(rows_per_action(&reading)["added"], 6);
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.action.origin == Origin::Title { line: 2 })
    );
    assert_eq!(
        entries_per_level(&reading),
        json_counts(&want["expected"]["entries_per_level"])
    );
    let got: Vec<String> = reading
        .rows
        .iter()
        .map(|r| r.code.unwrap().to_string())
        .collect();
    assert_eq!(got, json_codes(&want["codes"])["amended"]["province"]);
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.levels.origin == Origin::Authority { line: 2 })
    );
    assert!(
        reading
            .rows
            .iter()
            .all(|r| r.field.as_ref().unwrap().value == "Việc làm")
    );
    // Saying "amended" contradicts the annex title: a problem naming the clash.
    let flags = Fallbacks {
        action: Some(Action::Amended),
        ..flags
    };
    let (reading, _) = read_csv("bacninh-1513", &flags);
    assert_eq!(
        messages(&reading.problems),
        [
            "BacNinh_1513-QD-UBND_2025-11-22.csv:2: --action amended contradicts the document, which says added"
        ]
    );
}

// Hand-made documents, one rule each.

fn para(line: u64, text: &str) -> Block {
    Block::Paragraph(Paragraph {
        text: text.to_owned(),
        line,
    })
}

/// A table; a cell "<" is covered by a horizontal merge, "^" by a vertical one.
fn grid(number: u32, borderless: bool, rows: &[(u64, &[&str])]) -> Block {
    Block::Table(Table {
        number,
        borderless,
        rows: rows
            .iter()
            .map(|(line, cells)| Row {
                line: *line,
                cells: cells
                    .iter()
                    .map(|t| match *t {
                        "<" => Cell {
                            text: String::new(),
                            merge: Merge::Left,
                        },
                        "^" => Cell {
                            text: String::new(),
                            merge: Merge::Above,
                        },
                        t => Cell {
                            text: t.to_owned(),
                            merge: Merge::None,
                        },
                    })
                    .collect(),
            })
            .collect(),
    })
}

fn doc(blocks: Vec<Block>) -> Document {
    Document { blocks }
}

const KEM_THEO: &str =
    "(Kèm theo Quyết định số 12/QĐ-UBND ngày 19 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)";
const HEADER: &[&str] = &[
    "STT",
    "Mã TTHC",
    "Tên thủ tục hành chính",
    "Cơ quan thực hiện",
];

fn effective(s: &str) -> Fallbacks {
    Fallbacks {
        effective: Some(day(s)),
        ..Fallbacks::default()
    }
}

/// An annex: title lines 1-3, then `blocks` from line 4 on.
fn annex(title: &str, blocks: Vec<Block>) -> Document {
    let mut all = vec![para(1, "PHỤ LỤC"), para(2, title), para(3, KEM_THEO)];
    all.extend(blocks);
    doc(all)
}

fn levels(levels: &[Level]) -> LevelSet {
    let mut set = LevelSet::default();
    for l in levels {
        set.insert(*l);
    }
    set
}

/// A whole decision: header block, body, signature, annex of two tables.
fn quangtri_decision() -> Document {
    doc(vec![
        grid(
            1,
            true,
            &[
                (
                    1,
                    &[
                        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    ],
                ),
                (
                    2,
                    &["Số: 2715/QĐ-UBND", "Quảng Trị, ngày 19 tháng 11 năm 2025"],
                ),
            ],
        ),
        para(3, "QUYẾT ĐỊNH"),
        para(
            4,
            "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC BAN HÀNH MỚI HOẶC BỊ BÃI BỎ TRONG LĨNH VỰC ĐIỆN LỰC",
        ),
        para(
            5,
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        ),
        para(
            6,
            "Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính",
        ),
        para(
            7,
            "Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        ),
        grid(
            2,
            true,
            &[(8, &["Nơi nhận: - Như Điều 4;", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"])],
        ),
        para(9, "PHỤ LỤC"),
        para(
            10,
            "DANH MỤC TTHC BAN HÀNH MỚI VÀ TTHC BỊ BÃI BỎ TRONG LĨNH VỰC ĐIỆN LỰC THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND TỈNH VÀ SỞ CÔNG THƯƠNG",
        ),
        para(
            11,
            "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19 tháng 11 năm 2025 của Chủ tịch UBND tỉnh Quảng Trị)",
        ),
        para(12, "I. DANH MỤC THỦ TỤC HÀNH CHÍNH BAN HÀNH MỚI (01 TTHC)"),
        grid(
            3,
            false,
            &[
                (
                    13,
                    &[
                        "STT",
                        "Tên thủ tục hành chính/ Mã thủ tục hành chính",
                        "Thời hạn giải quyết",
                    ],
                ),
                (
                    14,
                    &[
                        "1",
                        "Cấp giấy phép hoạt động phát điện;\n1.013401.H50",
                        "14 ngày",
                    ],
                ),
            ],
        ),
        para(15, "II. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ (01 TTHC)"),
        grid(
            4,
            false,
            &[
                (
                    16,
                    &["STT", "Mã thủ tục hành chính", "Tên thủ tục hành chính"],
                ),
                (17, &["1", "2.001561.H50", "Cấp giấy phép tư vấn"]),
            ],
        ),
    ])
}

#[test]
fn a_whole_decision_gives_number_dates_and_sections() {
    let document = quangtri_decision();
    let reading = read("d.docx", &document, &Fallbacks::default(), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(messages(&reading.warnings), Vec::<String>::new());
    assert_eq!(
        reading.decision,
        Some(Sourced::new(
            "2715/QĐ-UBND".to_owned(),
            Origin::Title { line: 11 }
        ))
    );
    assert_eq!(
        reading.signed,
        Some(Sourced::new(day("2025-11-19"), Origin::Title { line: 11 }))
    );
    assert_eq!(
        reading.effective,
        Some(Sourced::new(day("2025-11-19"), Origin::Body { line: 7 }))
    );
    let summary: Vec<(u32, String, Action, Origin, String)> = reading
        .rows
        .iter()
        .map(|r| {
            (
                r.table,
                r.code.unwrap().to_string(),
                r.action.value,
                r.action.origin.clone(),
                r.details.name.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                3,
                "1.013401".to_owned(),
                Action::Added,
                Origin::Heading { line: 12 },
                "Cấp giấy phép hoạt động phát điện".to_owned()
            ),
            (
                4,
                "2.001561".to_owned(),
                Action::Repealed,
                Origin::Heading { line: 15 },
                "Cấp giấy phép tư vấn".to_owned()
            ),
        ]
    );
    let row = &reading.rows[0];
    assert_eq!(
        row.levels,
        Sourced::new(
            LevelSet::single(Level::Province),
            Origin::Authority { line: 10 }
        )
    );
    assert_eq!(
        row.field,
        Some(Sourced::new(
            "Điện lực".to_owned(),
            Origin::Title { line: 10 }
        ))
    );
    let kinds: Vec<(u64, SkipKind)> = reading.skipped.iter().map(|s| (s.line, s.kind)).collect();
    assert_eq!(
        kinds,
        [
            (1, SkipKind::HeaderBlock),
            (2, SkipKind::HeaderBlock),
            (3, SkipKind::Body),
            (4, SkipKind::Body),
            (5, SkipKind::Body),
            (6, SkipKind::Body),
            (7, SkipKind::Body),
            (8, SkipKind::Layout),
            (9, SkipKind::Title),
            (10, SkipKind::Title),
            (11, SkipKind::Title),
        ]
    );
}

#[test]
fn the_decision_title_wins_over_a_contradicting_annex_title() {
    let document = doc(vec![
        grid(
            1,
            true,
            &[(
                1,
                &["Số: 1513/QĐ-UBND", "Bắc Ninh, ngày 22 tháng 11 năm 2025"],
            )],
        ),
        para(2, "QUYẾT ĐỊNH"),
        para(
            3,
            "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI TRONG LĨNH VỰC VIỆC LÀM",
        ),
        para(
            4,
            "Điều 3. Quyết định này có hiệu lực kể từ ngày 20/11/2025.",
        ),
        para(5, "PHỤ LỤC"),
        para(
            6,
            "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH TRONG LĨNH VỰC VIỆC LÀM THUỘC PHẠM VI, CHỨC NĂNG QUẢN LÝ CỦA BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BẮC NINH",
        ),
        para(
            7,
            "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 11 năm 2025 của Chủ tịch UBND tỉnh Bắc Ninh)",
        ),
        grid(
            2,
            false,
            &[
                (8, &["TT", "Mã TTHC", "Tên TTHC"]),
                (9, &["1", "1.014199.H05", "Cấp giấy phép lao động"]),
            ],
        ),
    ]);
    let reading = read("d.docx", &document, &Fallbacks::default(), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        messages(&reading.warnings),
        [
            "d.docx:6: the annex title names added but the decision's title (line 3) names amended: reading amended"
        ]
    );
    let row = &reading.rows[0];
    assert_eq!(
        row.action,
        Sourced::new(Action::Amended, Origin::Title { line: 3 })
    );
    // The annex leaves number and day blank; the header block states them.
    assert_eq!(
        row.decision,
        Sourced::new("1513/QĐ-UBND".to_owned(), Origin::Body { line: 1 })
    );
    assert_eq!(
        row.signed,
        Sourced::new(day("2025-11-22"), Origin::Body { line: 1 })
    );
    // In force two days before signing, as the article says.
    assert_eq!(
        row.effective,
        Sourced::new(day("2025-11-20"), Origin::Body { line: 4 })
    );
    assert_eq!(
        row.levels,
        Sourced::new(
            LevelSet::single(Level::Province),
            Origin::Authority { line: 6 }
        )
    );
}

#[test]
fn the_header_block_number_wins_over_a_mistyped_annex_number() {
    let document = doc(vec![
        grid(
            1,
            true,
            &[(
                1,
                &["Số: 2031/QĐ-UBND", "Cao Bằng, ngày 28 tháng 11 năm 2025"],
            )],
        ),
        para(
            2,
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.",
        ),
        para(3, "PHỤ LỤC I"),
        para(
            4,
            "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH CẤP TỈNH LĨNH VỰC BÁO CHÍ, XUẤT BẢN",
        ),
        para(
            5,
            "(Kèm theo Quyết định số: 203/QĐ-UBND ngày 28 tháng 11 năm 2025 của Chủ tịch UBND tỉnh Cao Bằng)",
        ),
        grid(
            2,
            false,
            &[
                (6, HEADER),
                (7, &["1", "1.014464", "Thủ tục A", "Sở Văn hóa"]),
            ],
        ),
    ]);
    let reading = read("d.docx", &document, &Fallbacks::default(), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        messages(&reading.warnings),
        [
            "d.docx:5: the annex title names decision 203/QĐ-UBND but the decision's header (line 1) says 2031/QĐ-UBND: reading 2031/QĐ-UBND"
        ]
    );
    assert_eq!(
        reading.rows[0].decision,
        Sourced::new("2031/QĐ-UBND".to_owned(), Origin::Body { line: 1 })
    );
    assert_eq!(
        reading.rows[0].effective,
        Sourced::new(day("2025-11-28"), Origin::Body { line: 2 })
    );
    assert_eq!(
        reading.rows[0].field.as_ref().unwrap().value,
        "Báo chí, xuất bản"
    );
    assert_eq!(reading.rows[0].levels.origin, Origin::Title { line: 4 });
}

#[test]
fn an_effect_tied_to_another_act_asks_for_the_date() {
    let blocks = || {
        vec![
            grid(
                1,
                true,
                &[(
                    1,
                    &[
                        "Số: 2817/QĐ-UBND",
                        "Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025",
                    ],
                )],
            ),
            // A sentence of the body that starts like an annex title.
            para(
                2,
                "Danh mục thủ tục hành chính được đăng tải trên Cổng Thông tin điện tử của Ủy ban nhân dân Thành phố.",
            ),
            para(
                3,
                "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày Nghị định số 268/2025/NĐ-CP ngày 14 tháng 10 năm 2025 của Chính phủ có hiệu lực.",
            ),
            para(4, "DANH MỤC"),
            para(5, "THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH CẤP TỈNH"),
            grid(
                2,
                false,
                &[
                    (6, HEADER),
                    (7, &["1", "", "Thủ tục mới", "Sở Khoa học và Công nghệ"]),
                ],
            ),
        ]
    };
    let reading = read("d.docx", &doc(blocks()), &Fallbacks::default(), &[]);
    assert_eq!(
        messages(&reading.problems),
        [
            "d.docx:3: the decision takes effect with another act and states no date (\"Quyết định này có hiệu lực thi hành kể từ ngày Nghị định số 268/2025/NĐ-CP ngày 14 tháng 10 năm 2025 của Chính phủ có hiệu lực.\"): give --effective"
        ]
    );
    assert!(reading.rows.is_empty());
    let reading = read("d.docx", &doc(blocks()), &effective("2025-12-01"), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        reading.rows[0].effective,
        Sourced::new(day("2025-12-01"), Origin::Flag)
    );
    // A new procedure without a code is kept, without one.
    assert_eq!(reading.rows[0].code, None);
    assert_eq!(reading.rows[0].details.name, "Thủ tục mới");
}

/// An annex with headings in every form: paragraph, merged row, label in
/// the number column, totals, footnote, and one heading that names nothing.
fn sections_annex() -> Document {
    annex(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC HỘ TỊCH",
        vec![
            para(
                4,
                "Phần I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH (03 TTHC)",
            ),
            grid(
                1,
                false,
                &[
                    (6, HEADER),
                    (6, &["A", "Thủ tục hành chính cấp tỉnh", "<", "<"]),
                    (7, &["I", "LĨNH VỰC: CHỨNG THỰC (12 TTHC)", "", ""]),
                    (8, &["1", "1.000001", "Thủ tục A", "Sở Tư pháp"]),
                    (9, &["B. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "<", "<", "<"]),
                    (10, &["1", "1.000002", "Thủ tục B", "Như trên"]),
                    (11, &["2", "", "Thủ tục C (1.000003)", "UBND cấp xã"]),
                    (
                        12,
                        &["II. THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ (01 TTHC)", "<", "<", "<"],
                    ),
                    (13, &["1", "1.000004", "Thủ tục D", "Phòng Tư pháp"]),
                    (14, &["III. DANH MỤC KHÁC", "<", "<", "<"]),
                    (15, &["Tổng số: 04 TTHC", "<", "<", "<"]),
                    (
                        16,
                        &["[1] Phần in nghiêng là nội dung sửa đổi", "<", "<", "<"],
                    ),
                ],
            ),
        ],
    )
}

#[test]
fn every_heading_form_sets_what_it_names() {
    let document = sections_annex();
    let known = ["Chứng Thực".to_owned(), "Hộ tịch".to_owned()];
    let reading = read("a.docx", &document, &effective("2025-11-19"), &known);
    assert_eq!(
        messages(&reading.problems),
        [
            "a.docx:14: section heading \"III. DANH MỤC KHÁC\" names no action, level or field tthc knows: reword it (e.g. \"I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH\", \"A. Thủ tục hành chính cấp xã\", \"LĨNH VỰC HỘ TỊCH\")",
        ]
    );
    let rows: Vec<(u64, String, Action, LevelSet, Option<String>, String)> = reading
        .rows
        .iter()
        .map(|r| {
            (
                r.line,
                r.code.unwrap().to_string(),
                r.action.value,
                r.levels.value,
                r.field.as_ref().map(|f| f.value.clone()),
                r.details.agency.clone(),
            )
        })
        .collect();
    let province = LevelSet::single(Level::Province);
    let commune = LevelSet::single(Level::Commune);
    assert_eq!(
        rows,
        [
            (
                8,
                "1.000001".to_owned(),
                Action::Added,
                province,
                Some("Chứng Thực".to_owned()),
                "Sở Tư pháp".to_owned()
            ),
            (
                10,
                "1.000002".to_owned(),
                Action::Added,
                commune,
                Some("Hộ tịch".to_owned()),
                "Sở Tư pháp".to_owned()
            ),
            (
                11,
                "1.000003".to_owned(),
                Action::Added,
                commune,
                Some("Hộ tịch".to_owned()),
                "UBND cấp xã".to_owned()
            ),
            // A repeal whose section names no level: the catalog may know it.
            (
                13,
                "1.000004".to_owned(),
                Action::Repealed,
                LevelSet::default(),
                Some("Hộ tịch".to_owned()),
                "Phòng Tư pháp".to_owned()
            ),
        ]
    );
    assert_eq!(reading.rows[3].levels.origin, Origin::Catalog);
    assert_eq!(
        reading.rows[3].unresolved_level.as_deref(),
        Some(
            "no level stated: no level column, heading or title names one, nor the competent authority (the row's agency: \"Phòng Tư pháp\"): give --level"
        )
    );
    assert_eq!(reading.rows[0].action.origin, Origin::Heading { line: 4 });
    assert_eq!(reading.rows[0].levels.origin, Origin::Heading { line: 6 });
    assert_eq!(
        reading.rows[0].field.as_ref().unwrap().origin,
        Origin::Heading { line: 7 }
    );
    assert_eq!(reading.rows[1].levels.origin, Origin::Heading { line: 9 });
    assert_eq!(
        reading.rows[1].field.as_ref().unwrap().origin,
        Origin::Title { line: 2 }
    );
    assert_eq!(reading.rows[2].details.name, "Thủ tục C");
    let headings: Vec<u64> = reading.tables[0].headings.iter().map(|h| h.line).collect();
    assert_eq!(headings, [4, 6, 7, 9, 12]);
    assert_eq!(reading.tables[0].headings[1].levels, Some(province));
    let skipped: Vec<(u64, SkipKind)> = reading.skipped.iter().map(|s| (s.line, s.kind)).collect();
    assert_eq!(
        skipped,
        [
            (1, SkipKind::Title),
            (2, SkipKind::Title),
            (3, SkipKind::Title),
            (15, SkipKind::Totals),
            (16, SkipKind::Footnote),
        ]
    );
}

/// The levels and origin a single heading gives one row, effective on `on`.
fn heading_levels(heading: &str, on: &str) -> (Option<LevelSet>, Vec<String>) {
    let document = annex(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH LĨNH VỰC HỘ TỊCH",
        vec![grid(
            1,
            false,
            &[
                (4, HEADER),
                (5, &[heading, "<", "<", "<"]),
                (6, &["1", "1.000001", "A", ""]),
            ],
        )],
    );
    let reading = read("a.csv", &document, &effective(on), &[]);
    (
        reading.rows.first().map(|r| r.levels.value),
        messages(&reading.problems),
    )
}

#[test]
fn level_words_of_headings() {
    let province = LevelSet::single(Level::Province);
    let none: Vec<String> = Vec::new();
    assert_eq!(
        heading_levels(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH (08 TTHC)",
            "2025-11-19"
        ),
        (Some(province), none.clone())
    );
    assert_eq!(
        heading_levels("THỦ TỤC HÀNH CHÍNH CẤP TÍNH", "2025-11-19"),
        (Some(province), none.clone())
    );
    assert_eq!(
        heading_levels("A. Thủ tục hành chính cấp Thành phố", "2025-11-19"),
        (Some(province), none.clone())
    );
    assert_eq!(
        heading_levels("B. Thủ tục hành chính cấp huyện", "2024-11-19"),
        (Some(LevelSet::single(Level::District)), none.clone())
    );
    assert_eq!(
        heading_levels("C. Thủ tục hành chính cấp xã", "2024-11-19"),
        (Some(LevelSet::single(Level::Commune)), none.clone())
    );
    let both = levels(&[Level::Province, Level::Commune]);
    assert_eq!(
        heading_levels("A. ÁP DỤNG CHUNG (CẤP TỈNH, CẤP XÃ)", "2025-06-01"),
        (Some(both), none.clone())
    );
    // A bare "áp dụng chung" names province and commune from 2025-07-01 only.
    assert_eq!(
        heading_levels("A. Thủ tục hành chính áp dụng chung", "2025-07-01"),
        (Some(both), none.clone())
    );
    assert_eq!(
        heading_levels("A. TTHC dùng chung", "2025-07-01"),
        (Some(both), none)
    );
    assert_eq!(
        heading_levels("A. Thủ tục hành chính áp dụng chung", "2025-06-30"),
        (
            None,
            vec!["a.csv:5: \"áp dụng chung\" names province and commune only from 2025-07-01 (when districts were abolished), and this decision takes effect on 2025-06-30: name the levels or give --level".to_owned()]
        )
    );
}

#[test]
fn authorities_give_the_level_of_titles_and_headings() {
    let one = |title: &str, heading: &str| {
        let document = annex(
            title,
            vec![grid(
                1,
                false,
                &[
                    (4, HEADER),
                    (5, &[heading, "<", "<", "<"]),
                    (6, &["1", "1.000001", "A", "UBND xã X"]),
                ],
            )],
        );
        let reading = read("a.csv", &document, &effective("2025-11-19"), &[]);
        reading.rows.first().map(|r| r.levels.clone())
    };
    let title = "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH LĨNH VỰC HỘ TỊCH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP";
    assert_eq!(
        one(title, "Tổng quát"),
        Some(Sourced::new(
            LevelSet::single(Level::Province),
            Origin::Authority { line: 2 }
        ))
    );
    // A heading's authority is nearer than the title's.
    assert_eq!(
        one(
            title,
            "1. Thủ tục hành chính thuộc thẩm quyền giải quyết của UBND cấp xã"
        ),
        Some(Sourced::new(
            LevelSet::single(Level::Commune),
            Origin::Authority { line: 5 }
        ))
    );
    // The row's own agency cell is not used: no level, a problem.
    assert_eq!(
        one(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH LĨNH VỰC HỘ TỊCH",
            "Tổng quát"
        ),
        None
    );
}

#[test]
fn flags_fill_blanks_and_must_not_contradict() {
    let document = || {
        doc(vec![
            para(1, "DANH MỤC"),
            para(2, "THỦ TỤC HÀNH CHÍNH CẤP TỈNH LĨNH VỰC HỘ TỊCH"),
            para(
                3,
                "(Ban hành kèm theo Quyết định số /QĐ-UBND ngày……./…../2025 của Chủ tịch)",
            ),
            para(4, "I. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG"),
            grid(1, false, &[(5, HEADER), (6, &["1", "1.000001", "A", ""])]),
        ])
    };
    let blank = Fallbacks {
        decision: Some("7/QĐ-UBND".to_owned()),
        signed: Some(day("2025-11-28")),
        effective: Some(day("2025-11-28")),
        ..Fallbacks::default()
    };
    let reading = read("a.csv", &document(), &blank, &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        reading.rows[0].decision,
        Sourced::new("7/QĐ-UBND".to_owned(), Origin::Flag)
    );
    let contradicting = Fallbacks {
        action: Some(Action::Added),
        levels: Some(LevelSet::single(Level::Commune)),
        field: Some("Chứng thực".to_owned()),
        ..blank.clone()
    };
    let reading = read("a.csv", &document(), &contradicting, &[]);
    assert_eq!(
        messages(&reading.problems),
        [
            "a.csv:2: --level commune contradicts the document, which names province",
            "a.csv:2: --field \"Chứng thực\" contradicts the document, which names \"Hộ tịch\"",
            "a.csv:4: --action added contradicts the document, which says amended",
        ]
    );
    // Agreeing flags (up to case) are no problem.
    let agreeing = Fallbacks {
        action: Some(Action::Amended),
        levels: Some(LevelSet::single(Level::Province)),
        field: Some("HỘ TỊCH".to_owned()),
        ..blank
    };
    assert_eq!(
        messages(&read("a.csv", &document(), &agreeing, &[]).problems),
        Vec::<String>::new()
    );
}

#[test]
fn a_title_naming_two_actions_needs_headings() {
    let document = || {
        annex(
            "DANH MỤC TTHC BAN HÀNH MỚI VÀ TTHC BỊ BÃI BỎ CẤP TỈNH LĨNH VỰC HỘ TỊCH",
            vec![grid(
                1,
                false,
                &[(4, HEADER), (5, &["1", "1.000001", "A", ""])],
            )],
        )
    };
    let reading = read("a.csv", &document(), &effective("2025-11-19"), &[]);
    assert_eq!(
        messages(&reading.problems),
        [
            "a.csv:5: the title (line 2) names added and repealed and no heading above this row says which: give --action or add a heading"
        ]
    );
    let flags = Fallbacks {
        action: Some(Action::Repealed),
        ..effective("2025-11-19")
    };
    let reading = read("a.csv", &document(), &flags, &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        reading.rows[0].action,
        Sourced::new(Action::Repealed, Origin::Flag)
    );
}

#[test]
fn a_note_cell_names_the_action_of_its_row() {
    let document = annex(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH CẤP TỈNH LĨNH VỰC HỘ TỊCH",
        vec![grid(
            1,
            false,
            &[
                (4, &["STT", "Mã TTHC", "Tên TTHC", "Ghi chú"]),
                (5, &["1", "1.000001", "A", "Bãi bỏ"]),
                (6, &["2", "1.000002", "B", "Nội dung sửa đổi: thời hạn"]),
            ],
        )],
    );
    let reading = read("a.csv", &document, &effective("2025-11-19"), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(
        reading.rows[0].action,
        Sourced::new(
            Action::Repealed,
            Origin::Cell {
                column: "Ghi chú".to_owned()
            }
        )
    );
    assert_eq!(
        reading.rows[1].action,
        Sourced::new(Action::Added, Origin::Title { line: 2 })
    );
    assert_eq!(reading.rows[1].note, "Nội dung sửa đổi: thời hạn");
}

#[test]
fn a_two_row_header_with_merged_cells() {
    let document = annex(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH CẤP TỈNH LĨNH VỰC HỘ TỊCH",
        vec![grid(
            1,
            false,
            &[
                (
                    4,
                    &[
                        "STT",
                        "Thủ tục hành chính",
                        "<",
                        "Cơ quan thực hiện",
                        "Căn cứ pháp lý",
                    ],
                ),
                (5, &["^", "Tên TTHC", "Mã TTHC", "^", "^"]),
                (6, &["1", "Thủ tục A", "1.000001", "Sở X", "Luật Hộ tịch"]),
                (7, &["2", "Thủ tục B", "1.000002", "Sở X", "^"]),
            ],
        )],
    );
    let reading = read("a.docx", &document, &effective("2025-11-19"), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(reading.tables[0].header_lines, [4, 5]);
    let columns: Vec<(String, Option<Column>)> = reading.tables[0]
        .columns
        .iter()
        .map(|c| (c.text.clone(), c.column))
        .collect();
    assert_eq!(
        columns,
        [
            ("STT".to_owned(), None),
            (
                "Thủ tục hành chính / Tên TTHC".to_owned(),
                Some(Column::Name)
            ),
            (
                "Thủ tục hành chính / Mã TTHC".to_owned(),
                Some(Column::Code)
            ),
            ("Cơ quan thực hiện".to_owned(), Some(Column::Agency)),
            ("Căn cứ pháp lý".to_owned(), Some(Column::LegalBasis)),
        ]
    );
    let codes: Vec<String> = reading
        .rows
        .iter()
        .map(|r| r.code.unwrap().to_string())
        .collect();
    assert_eq!(codes, ["1.000001", "1.000002"]);
    // A cell merged down repeats the text above.
    assert_eq!(reading.rows[1].details.legal_basis, "Luật Hộ tịch");
}

#[test]
fn cells_outside_the_header_are_listed_or_problems() {
    let document = annex(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH CẤP TỈNH LĨNH VỰC HỘ TỊCH",
        vec![grid(
            1,
            false,
            &[
                (
                    4,
                    &[
                        "STT",
                        "Mã TTHC",
                        "Tên TTHC",
                        "Địa điểm thực hiện",
                        "Dịch vụ công trực tuyến",
                        "TTHC liên thông",
                        "",
                    ],
                ),
                (
                    5,
                    &["1", "1.000001", "A", "Trung tâm", "Toàn trình", "Có", ""],
                ),
                (
                    6,
                    &["2", "1.000002", "B", "", "Mức độ 3", "Không", "lạc chỗ"],
                ),
            ],
        )],
    );
    let reading = read("a.csv", &document, &effective("2025-11-19"), &[]);
    assert_eq!(
        messages(&reading.problems),
        [
            "a.csv:6: column 7 holds \"lạc chỗ\" but its header is empty: the cell belongs to no column"
        ]
    );
    assert_eq!(reading.tables[0].unmapped_with_data, ["Địa điểm thực hiện"]);
    assert_eq!(reading.rows[0].online, Some(Online::Full));
    assert_eq!(reading.rows[0].inter_agency, Some(true));
    assert_eq!(reading.rows[1].online, Some(Online::Partial));
    assert_eq!(reading.rows[1].inter_agency, Some(false));
}

#[test]
fn appendices_without_a_catalog_are_skipped() {
    let document = annex(
        "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH CẤP TỈNH LĨNH VỰC HỘ TỊCH",
        vec![
            grid(1, false, &[(4, HEADER), (5, &["1", "1.000001", "A", ""])]),
            grid(
                2,
                false,
                &[
                    (6, &["Tổng số TTHC công bố:", "10", "TTHC"]),
                    (7, &["- TTHC sửa đổi, bổ sung:", "08", "TTHC"]),
                ],
            ),
            para(8, "PHỤ LỤC II"),
            para(9, "QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
            para(10, "A. LĨNH VỰC BÁO CHÍ, XUẤT BẢN"),
            grid(
                3,
                false,
                &[
                    (11, &["Bước", "Nội dung", "Trách nhiệm"]),
                    (12, &["1", "Tiếp nhận", "Bộ phận một cửa"]),
                ],
            ),
        ],
    );
    let reading = read("a.docx", &document, &effective("2025-11-19"), &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    assert_eq!(reading.rows.len(), 1);
    let skipped: Vec<(u64, SkipKind)> = reading
        .skipped
        .iter()
        .skip(3)
        .map(|s| (s.line, s.kind))
        .collect();
    assert_eq!(
        skipped,
        [
            (6, SkipKind::Totals),
            (8, SkipKind::Title),
            (9, SkipKind::Title),
            (10, SkipKind::NonCatalogTable),
            (11, SkipKind::NonCatalogTable),
        ]
    );
}

#[test]
fn text_between_tables_is_a_heading_even_without_a_kem_theo_line() {
    let document = doc(vec![
        para(1, "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH LĨNH VỰC HỘ TỊCH"),
        para(2, "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH (01 TTHC)"),
        grid(1, false, &[(3, HEADER), (4, &["1", "1.000001", "A", ""])]),
        para(5, "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ (01 TTHC)"),
        grid(2, false, &[(6, HEADER), (7, &["1", "1.000002", "B", ""])]),
    ]);
    let flags = Fallbacks {
        decision: Some("5/QĐ-UBND".to_owned()),
        signed: Some(day("2025-11-19")),
        ..effective("2025-11-19")
    };
    let reading = read("a.docx", &document, &flags, &[]);
    assert_eq!(messages(&reading.problems), Vec::<String>::new());
    let actions: Vec<Sourced<Action>> = reading.rows.iter().map(|r| r.action.clone()).collect();
    assert_eq!(
        actions,
        [
            Sourced::new(Action::Added, Origin::Title { line: 2 }),
            Sourced::new(Action::Repealed, Origin::Heading { line: 5 }),
        ]
    );
}
