//! The national procedure list (2,642 real procedures) as real input: a
//! baseline decision built from it at the province and commune levels.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::is_nfc;

use crate::common::{Counts, Summary, Test};

use crate::common::NationalProcedure as Procedure;

fn national_list() -> Vec<Procedure> {
    crate::common::national_procedures()
}

/// Whether the portal's levels cell names a level ("Cấp tỉnh"), read here
/// on its own terms, not with tthc's parser.
fn names(levels: &str, level: &str) -> bool {
    levels.split(',').any(|part| part.trim() == level)
}

fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// The baseline decision: every procedure added at the levels the portal
/// names, with Vietnamese headers and no decision columns.
fn baseline(procedures: &[Procedure]) -> String {
    let mut file = String::from(
        "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Cơ quan thực hiện,Hình thức công bố\n",
    );
    for p in procedures {
        let _ = writeln!(
            file,
            "{},{},{},{},{},Mới ban hành",
            p.code,
            quoted(&p.name),
            quoted(&p.levels),
            quoted(&p.field),
            quoted(&p.agency)
        );
    }
    file
}

#[test]
fn the_national_list_imports_as_a_baseline_at_province_and_commune_levels() {
    let procedures = national_list();
    assert_eq!(procedures.len(), 2642);
    assert!(
        procedures.iter().any(|p| !is_nfc(&p.name)),
        "the list is expected to hold decomposed names"
    );

    let test = Test::new();
    test.write("baseline.csv", baseline(&procedures));

    // Expected counts, from the file itself.
    let province = procedures
        .iter()
        .filter(|p| names(&p.levels, "Cấp tỉnh"))
        .count() as u64;
    let commune = procedures
        .iter()
        .filter(|p| names(&p.levels, "Cấp xã"))
        .count() as u64;
    let kept: BTreeMap<&str, &Procedure> = procedures
        .iter()
        .filter(|p| names(&p.levels, "Cấp tỉnh") || names(&p.levels, "Cấp xã"))
        .map(|p| (p.code.as_str(), p))
        .collect();
    let skipped = procedures.len() - kept.len();
    assert!(province > 0 && commune > 0 && skipped > 0);

    // Without --levels the ministry-level rows are refused, naming the option.
    test.tthc(&[
        "import",
        "--decision",
        "1/QĐ-UBND",
        "--signed",
        "2025-07-01",
        "baseline.csv",
    ])
    .status(3)
    .stderr_has("--levels province,commune")
    .run();
    assert!(!test.db().exists());

    let summary: Summary = test
        .tthc(&[
            "import",
            "--format",
            "json",
            "--decision",
            "1/QĐ-UBND",
            "--signed",
            "2025-07-01",
            "--levels",
            "province,commune",
            "baseline.csv",
        ])
        .run()
        .json();
    assert_eq!(summary.decisions, 1);
    assert_eq!(summary.rows, kept.len() as u64);
    assert_eq!(
        (
            summary.levels.province,
            summary.levels.district,
            summary.levels.commune
        ),
        (province, 0, commune)
    );
    assert_eq!(summary.rows_skipped_by_level.len(), skipped);
    assert!(
        summary
            .rows_skipped_by_level
            .iter()
            .all(|s| !kept.contains_key(s.code.as_str()))
    );

    let as_of = "2025-07-01";
    assert_eq!(
        test.counts(as_of),
        Counts::new(
            as_of,
            [province, 0, commune, province + commune, kept.len() as u64]
        )
    );

    // Every stored name is NFC, and is the portal's name composed.
    let export = test.export_json(as_of);
    assert_eq!(export.entries.len() as u64, province + commune);
    for entry in &export.entries {
        assert!(
            is_nfc(&entry.name),
            "{} is not NFC: {:?}",
            entry.code,
            entry.name
        );
        assert!(
            is_nfc(&entry.field) && is_nfc(&entry.agency),
            "{}",
            entry.code
        );
        let source = kept[entry.code.as_str()];
        assert_eq!(
            entry.name,
            source.name.nfc().collect::<String>().trim(),
            "{}",
            entry.code
        );
    }
}
