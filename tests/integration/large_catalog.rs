//! Large catalogs (tens of thousands of entries), which `export` and `diff`
//! read and write on two threads: the output is the same, byte for byte, as
//! one computed here from the rows imported.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::common::{EXPORT_HEADER, HEADER, Test};

/// Entries of the catalog: enough for every command to take its parallel path.
const ENTRIES: u32 = 24_000;

const FIELDS: [&str; 7] = [
    "Hộ tịch",
    "Chứng thực",
    "Đất đai",
    "Xây dựng",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Lao động, Tiền lương",
];

const LEVELS: [&str; 3] = ["province", "district", "commune"];

/// One entry: (level index, code) and its name and field.
type Catalog = BTreeMap<(usize, String), (String, &'static str)>;

/// A decision adding [`ENTRIES`] entries, and one a year later amending
/// every third of them (a new name) and repealing every fifth.
fn history() -> (String, String, Catalog, Catalog) {
    let mut first = format!("{HEADER}\n");
    let mut second = format!("{HEADER}\n");
    let mut before = Catalog::new();
    let mut after = Catalog::new();
    for i in 0..ENTRIES {
        let level = (i % 3) as usize;
        let code = format!("{}.{:06}", 1 + i % 3, i);
        // Fields in an order unrelated to codes and ids.
        let field = FIELDS[(i as usize * 7 + i as usize / 11) % FIELDS.len()];
        let name = format!("Thủ tục số {i}, \"bản {}\"", i % 13);
        writeln!(
            first,
            "1/QĐ-UBND,2020-01-02,2020-01-15,added,{code},{},\"{}\",\"{field}\"",
            LEVELS[level],
            name.replace('"', "\"\"")
        )
        .unwrap();
        before.insert((level, code.clone()), (name.clone(), field));
        if i % 5 == 0 {
            writeln!(
                second,
                "2/QĐ-UBND,2021-01-02,2021-01-15,repealed,{code},{},,",
                LEVELS[level]
            )
            .unwrap();
        } else if i % 3 == 0 {
            let renamed = format!("{name} (sửa đổi)");
            writeln!(
                second,
                "2/QĐ-UBND,2021-01-02,2021-01-15,amended,{code},{},\"{}\",",
                LEVELS[level],
                renamed.replace('"', "\"\"")
            )
            .unwrap();
            after.insert((level, code), (renamed, field));
        } else {
            after.insert((level, code), (name, field));
        }
    }
    (first, second, before, after)
}

/// The CSV export of a catalog: by level, field (in Vietnamese order), code.
fn expected_export(
    catalog: &Catalog,
    decisions: &BTreeMap<(usize, String), (&str, &str)>,
) -> String {
    let mut rows: Vec<(usize, &str, &String, &String)> = catalog
        .iter()
        .map(|((level, code), (name, field))| (*level, *field, code, name))
        .collect();
    // Fields in Vietnamese alphabetical order (CLDR "vi").
    rows.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| crate::common::vietnamese_order(a.1, b.1))
            .then_with(|| a.2.cmp(b.2))
    });
    let mut text = format!("{EXPORT_HEADER}\n");
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    for (level, field, code, name) in rows {
        let (decision, effective) = decisions[&(level, code.clone())];
        w.write_record([
            LEVELS[level],
            code,
            name,
            field,
            "",
            "",
            "",
            "",
            decision,
            effective,
        ])
        .unwrap();
    }
    text.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
    text
}

#[test]
fn a_large_catalog_exports_and_diffs_exactly() {
    let (first, second, before, after) = history();
    let test = Test::new();
    test.write("first.csv", first).write("second.csv", second);
    test.import(&["first.csv", "second.csv"]);

    let made_by = |catalog: &Catalog, amended: &Catalog| {
        catalog
            .iter()
            .map(|(key, (name, _))| {
                let changed = amended.get(key).is_some_and(|(n, _)| n == name)
                    && before.get(key).is_some_and(|(n, _)| n != name);
                let d = if changed {
                    ("2/QĐ-UBND", "2021-01-15")
                } else {
                    ("1/QĐ-UBND", "2020-01-15")
                };
                (key.clone(), d)
            })
            .collect::<BTreeMap<_, _>>()
    };
    for (date, catalog) in [("2020-06-30", &before), ("2021-06-30", &after)] {
        let export = test.export_csv(date);
        assert!(
            export == expected_export(catalog, &made_by(catalog, &after)),
            "the export as of {date} differs from the catalog imported"
        );
    }

    // Repealed and amended entries, by level then code.
    let diff = test
        .tthc(&["diff", "2020-06-30", "2021-06-30", "--format", "csv"])
        .run()
        .stdout;
    let mut reader = csv::Reader::from_reader(diff.as_bytes());
    let header = reader.headers().unwrap().clone();
    let kinds: Vec<(usize, String, String)> = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            let level = LEVELS.iter().position(|l| *l == &record[1]).unwrap();
            (level, record[2].to_owned(), record[0].to_owned())
        })
        .collect();
    let mut expected: Vec<(usize, String, String)> = before
        .iter()
        .filter_map(|(key, (name, _))| match after.get(key) {
            None => Some((key.0, key.1.clone(), "repealed".to_owned())),
            Some((new, _)) if new != name => Some((key.0, key.1.clone(), "amended".to_owned())),
            Some(_) => None,
        })
        .collect();
    expected.sort();
    assert_eq!(&header[0], "change");
    assert_eq!(kinds.len(), expected.len());
    assert!(
        kinds == expected,
        "the diff differs from the changes imported"
    );
}
