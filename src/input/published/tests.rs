//! The ten real decisions (their CSV annexes) against their hand-counted
//! answers, and small hand-made documents for every rule.

use std::collections::BTreeMap;

use super::*;
use crate::domain::Level;
use crate::input::document::Cell;

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
            Row {
                line,
                cells: record
                    .iter()
                    .map(|t| Cell {
                        text: t.to_owned(),
                        merge: Merge::None,
                    })
                    .collect(),
            }
        })
        .collect();
    Document {
        blocks: vec![Block::Table(Table {
            number: 1,
            rows,
            borderless: false,
        })],
    }
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
    // The repeal table names no level: the row is a problem, not a guess.
    assert_eq!(
        messages(&reading.problems),
        [
            "HaTinh_2873-QD-UBND_2025-11-19.csv:36: no level stated: no level column, heading or title names one, \
             nor the competent authority (the row's agency: not stated): give --level"
        ]
    );
    assert_eq!(reading.rows.len(), 12);
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
    // but it contradicts heading A ("áp dụng chung"), which is a problem.
    let flags = Fallbacks {
        levels: Some(LevelSet::single(Level::Commune)),
        ..flags
    };
    let (reading, _) = read_csv("hatinh-2873", &flags);
    levels = entries_per_level(&reading);
    assert_eq!(
        messages(&reading.problems),
        [
            "HaTinh_2873-QD-UBND_2025-11-19.csv:6: --level commune contradicts the document, which names province,commune"
        ]
    );
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
