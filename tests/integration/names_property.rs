//! Property: a history whose amendments and repeals name their entries by
//! name only (as decisions published without codes do), or by the row
//! number of the annex that added them ("Số thứ tự 4 Phụ lục I kèm theo
//! Quyết định số 1/QĐ-UBND"), gives the same catalog as the same history
//! written with codes.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use std::fmt::Write as _;

use crate::common::Test;

/// How many procedures the first decision adds.
const ENTRIES: usize = 6;

/// One later decision: for each procedure, nothing, an amendment of its fee
/// (to the given fee) or a repeal; the builder drops what the rules forbid.
type Step = Vec<(u8, u16)>;

fn name(i: usize) -> String {
    format!(
        "Cấp giấy phép loại {}",
        ["một", "hai", "ba", "bốn", "năm", "sáu"][i]
    )
}

/// The name as another annex may print it: other letter case, spacing and
/// punctuation.
fn respelled(i: usize, how: u16) -> String {
    let n = name(i);
    match how % 3 {
        0 => n.to_uppercase(),
        1 => format!("{}.", n.replace(' ', "  ")),
        _ => format!("- {n};"),
    }
}

fn date(step: usize) -> String {
    format!("2026-{:02}-01", step + 2)
}

/// How the later decisions name the entries they change.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Naming {
    /// By name, in another spelling.
    Name,
    /// By the row number of the first decision's annex, with no name.
    RowNumber,
}

/// The history written with codes (one file) and by name or row number
/// (one annex per later decision, with the options a clerk would give).
struct Written {
    coded: String,
    named: Vec<(String, [String; 6])>,
}

/// The cells that name entry `i` in a later annex: name, then note.
fn naming(naming: Naming, i: usize, how: u16) -> String {
    match naming {
        Naming::Name => format!("\"{}\",", respelled(i, how)),
        Naming::RowNumber => format!(
            ",\"Số thứ tự {:02} Phụ lục I kèm theo Quyết định số 1/QĐ-UBND ngày 01/01/2026\"",
            i + 1
        ),
    }
}

/// The first decision as its annex is published: "PHỤ LỤC I", numbered rows.
fn first_annex() -> String {
    let mut annex = "PHỤ LỤC I\n\
        DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP\n\
        STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực,\"Phí, lệ phí\"\n"
        .to_owned();
    for i in 0..ENTRIES {
        let _ = writeln!(
            annex,
            "{},1.00000{},{},Tư pháp,0 đồng",
            i + 1,
            i + 1,
            name(i)
        );
    }
    annex
}

fn write(steps: &[Step], by: Naming) -> Written {
    let mut coded = "decision,signed,action,code,level,name,field,fee\n".to_owned();
    for i in 0..ENTRIES {
        let _ = writeln!(
            coded,
            "1/QĐ-UBND,2026-01-01,added,1.00000{},province,{},Tư pháp,0 đồng",
            i + 1,
            name(i)
        );
    }
    let mut in_force = [true; ENTRIES];
    let mut named = Vec::new();
    for (s, step) in steps.iter().enumerate() {
        let number = format!("{}/QĐ-UBND", s + 2);
        let on = date(s);
        let mut amended = Vec::new();
        let mut repealed = Vec::new();
        for (i, &(what, how)) in step.iter().enumerate().take(ENTRIES) {
            if !in_force[i] {
                continue;
            }
            match what % 3 {
                1 => {
                    let _ = writeln!(
                        coded,
                        "{number},{on},amended,1.00000{},province,,,{how}.000 đồng",
                        i + 1
                    );
                    let (name, note) = naming(by, i, how)
                        .split_once(',')
                        .map(|(a, b)| (a.to_owned(), b.to_owned()))
                        .unwrap_or_default();
                    amended.push(format!(
                        "{},{name},{how}.000 đồng,{note}\n",
                        amended.len() + 1,
                    ));
                }
                2 => {
                    in_force[i] = false;
                    let _ = writeln!(coded, "{number},{on},repealed,1.00000{},province,,,", i + 1);
                    let (name, note) = naming(by, i, how)
                        .split_once(',')
                        .map(|(a, b)| (a.to_owned(), b.to_owned()))
                        .unwrap_or_default();
                    repealed.push(format!("{},{name},,{note}\n", repealed.len() + 1));
                }
                _ => {}
            }
        }
        for (action, rows) in [("ĐƯỢC SỬA ĐỔI, BỔ SUNG", amended), ("BỊ BÃI BỎ", repealed)]
        {
            if rows.is_empty() {
                continue;
            }
            let annex = format!(
                "DANH MỤC THỦ TỤC HÀNH CHÍNH {action} THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP\n\
                 STT,Tên thủ tục hành chính,\"Phí, lệ phí\",Ghi chú\n{}",
                rows.concat()
            );
            // One decision per action: its number carries the action.
            let number = format!(
                "{}{}/QĐ-UBND",
                s + 2,
                if action.starts_with('B') { "0" } else { "" }
            );
            named.push((
                annex,
                [
                    "--decision".to_owned(),
                    number,
                    "--signed".to_owned(),
                    on.clone(),
                    "--effective".to_owned(),
                    on.clone(),
                ],
            ));
        }
    }
    Written { coded, named }
}

fn check(steps: &[Step], by: Naming) -> Result<(), TestCaseError> {
    let written = write(steps, by);
    let with_codes = Test::new();
    with_codes.write("coded.csv", &written.coded);
    with_codes.import(&["coded.csv"]);
    let by_name = Test::new();
    by_name.write("coded.csv", &written.coded);
    // The first decision (the additions) is the same; the rest by name.
    let first = written
        .coded
        .lines()
        .take(ENTRIES + 1)
        .fold(String::new(), |mut first, line| {
            let _ = writeln!(first, "{line}");
            first
        });
    if by == Naming::RowNumber {
        by_name.write("first.csv", first_annex());
        by_name
            .tthc(&["import", "first.csv"])
            .args(["--decision", "1/QĐ-UBND", "--signed", "2026-01-01"])
            .args(["--effective", "2026-01-01"])
            .run();
    } else {
        by_name.write("first.csv", &first);
        by_name.import(&["first.csv"]);
    }
    for (i, (annex, options)) in written.named.iter().enumerate() {
        let file = format!("annex-{i}.csv");
        by_name.write(&file, annex);
        let out = by_name
            .tthc(&["import", &file])
            .args(options)
            .status(0)
            .run();
        // An amendment may give the fee the entry already has: a warning.
        prop_assert!(
            out.stderr.lines().all(|l| l.contains("no value")),
            "{}",
            out.stderr
        );
    }
    for s in 0..=steps.len() {
        let day = date(s);
        let a = with_codes.export_json(&day).entries;
        let b = by_name.export_json(&day).entries;
        // An annex that prints a name in another case or punctuation gives
        // the entry that spelling: the names compare by their key.
        let key = |e: &crate::common::Entry| (e.code.clone(), name_key(&e.name), e.fee.clone());
        prop_assert_eq!(
            a.iter().map(key).collect::<Vec<_>>(),
            b.iter().map(key).collect::<Vec<_>>(),
            "as of {}",
            day
        );
    }
    Ok(())
}

fn property(by: Naming) {
    let step = proptest::collection::vec((0u8..3, 1u16..60), ENTRIES);
    let mut runner = TestRunner::new(Config {
        cases: 12,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(step, 1..4), |steps| {
            check(&steps, by)
        })
        .unwrap();
}

#[test]
fn a_history_by_name_gives_the_catalog_of_the_same_history_with_codes() {
    property(Naming::Name);
}

#[test]
fn a_history_by_row_number_gives_the_catalog_of_the_same_history_with_codes() {
    property(Naming::RowNumber);
}

/// The key names compare by: lower case, letters and digits, one space.
fn name_key(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
