//! Encodings and delimiters of CSV files: byte-order marks, UTF-16,
//! semicolons and tabs, Windows-1258 on request, and TCVN3 or VNI text
//! refused with the way to convert it, never stored garbled.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::common::Test;

/// A decision with Vietnamese names and fields, comma-separated, without decision columns.
const ANNEX: &str = "\
code,action,level,name,field
1.000001,added,province,Đăng ký khai sinh,Hộ tịch
1.000002,added,commune,Cộng hòa xã hội chủ nghĩa Việt Nam,Chứng thực
1.000003,added,commune,Chứng thực bản sao,Chứng thực
";

const OPTIONS: [&str; 5] = [
    "--decision",
    "7/QĐ-UBND",
    "--signed",
    "2025-08-01",
    "--format",
];

/// The names the catalog must hold after importing [`ANNEX`], in any encoding.
fn assert_annex_imported(test: &Test) {
    let export = test.export_json("2025-08-01");
    let mut names: Vec<(&str, &str)> = export
        .entries
        .iter()
        .map(|e| (e.code.as_str(), e.name.as_str()))
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            ("1.000001", "Đăng ký khai sinh"),
            ("1.000002", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
            ("1.000003", "Chứng thực bản sao"),
        ]
    );
    let fields: Vec<&str> = export.entries.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"Hộ tịch") && fields.contains(&"Chứng thực"));
}

fn import_ok(test: &Test, file: &str, extra: &[&str]) {
    let summary: crate::common::Summary = test
        .tthc(&["import"])
        .args(OPTIONS)
        .args(["json"])
        .args(extra)
        .args([file])
        .run()
        .json();
    assert_eq!((summary.decisions, summary.rows), (1, 3));
    assert_annex_imported(test);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

/// Windows-1258 as Windows writes it: â ê ô ă ơ ư đ precomposed, tones as combining marks.
fn cp1258(text: &str) -> Vec<u8> {
    let mut out = String::new();
    for c in text.nfd() {
        if matches!(c, '\u{302}' | '\u{306}' | '\u{31B}') {
            // Put the vowel mark back on its letter, before the tone.
            let mut tones = Vec::new();
            while let Some(last) = out.pop() {
                if is_combining_mark(last) {
                    tones.push(last);
                } else {
                    out.extend([last, c].iter().collect::<String>().nfc());
                    break;
                }
            }
            out.extend(tones.iter().rev());
        } else {
            out.push(c);
        }
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
    assert!(!unmappable, "not in Windows-1258: {out}");
    bytes.into_owned()
}

/// TCVN3 (ABC): one byte per lower-case letter; upper case only for the base letters.
fn tcvn3(text: &str) -> Vec<u8> {
    const LETTERS: &str =
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ";
    const BYTES: [u8; 74] = [
        0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6, 0xA9, 0xC7, 0xCA, 0xC8,
        0xC9, 0xCB, 0xAE, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1, 0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6, 0xD7,
        0xDD, 0xD8, 0xDC, 0xDE, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4, 0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9,
        0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4, 0xAD, 0xF5, 0xF8, 0xF6,
        0xF7, 0xF9, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE, 0xA1, 0xA2, 0xA7, 0xA3, 0xA4, 0xA5, 0xA6,
    ];
    text.chars()
        .map(|c| match LETTERS.chars().position(|l| l == c) {
            Some(i) => BYTES[i],
            None => u8::try_from(c).expect("ASCII"),
        })
        .collect()
}

/// VNI: a base letter followed by mark bytes (ộ = o + 0xE4); ơ ư đ and the tones of i are single bytes.
fn vni(text: &str) -> Vec<u8> {
    // Each vowel with no tone, acute, grave, hook, tilde, dot below.
    const VOWELS: [(&str, [&str; 6]); 12] = [
        ("aáàảãạ", ["a", "aù", "aø", "aû", "aõ", "aï"]),
        ("âấầẩẫậ", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
        ("ăắằẳẵặ", ["aê", "aé", "aè", "aú", "aü", "aë"]),
        ("eéèẻẽẹ", ["e", "eù", "eø", "eû", "eõ", "eï"]),
        ("êếềểễệ", ["eâ", "eá", "eà", "eå", "eã", "eä"]),
        ("iíìỉĩị", ["i", "í", "ì", "æ", "ó", "ò"]),
        ("oóòỏõọ", ["o", "où", "oø", "oû", "oõ", "oï"]),
        ("ôốồổỗộ", ["oâ", "oá", "oà", "oå", "oã", "oä"]),
        ("ơớờởỡợ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
        ("uúùủũụ", ["u", "uù", "uø", "uû", "uõ", "uï"]),
        ("ưứừửữự", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
        ("yýỳỷỹỵ", ["y", "yù", "yø", "yû", "yõ", "î"]),
    ];
    let mut out = Vec::new();
    for c in text.chars() {
        let latin1 = match c {
            'đ' => "ñ",
            'Đ' => "Ñ",
            _ => VOWELS
                .iter()
                .find_map(|(letters, codes)| Some(codes[letters.chars().position(|l| l == c)?]))
                .unwrap_or_else(|| {
                    assert!(c.is_ascii(), "no VNI for {c}");
                    ""
                }),
        };
        if latin1.is_empty() {
            out.push(c as u8);
        } else {
            out.extend(latin1.chars().map(|l| u8::try_from(l).unwrap()));
        }
    }
    out
}

#[test]
fn utf8_with_bom_semicolons_and_crlf() {
    let test = Test::new();
    let semicolons = ANNEX.replace(',', ";").replace('\n', "\r\n");
    test.write(
        "annex.csv",
        [b"\xEF\xBB\xBF", semicolons.as_bytes()].concat(),
    );
    import_ok(&test, "annex.csv", &[]);
}

#[test]
fn utf16_le_with_tabs_as_excel_saves_unicode_text() {
    let test = Test::new();
    let tabs = ANNEX.replace(',', "\t").replace('\n', "\r\n");
    test.write("annex.txt", utf16(&tabs, false));
    import_ok(&test, "annex.txt", &[]);
}

#[test]
fn utf16_be_with_bom() {
    let test = Test::new();
    test.write("annex.csv", utf16(ANNEX, true));
    import_ok(&test, "annex.csv", &[]);
}

#[test]
fn utf16_on_standard_input() {
    let test = Test::new();
    test.tthc(&["import"])
        .args(OPTIONS)
        .args(["text", "-"])
        .stdin(utf16(ANNEX, false))
        .stdout_has("Imported 1 decision: 3 rows")
        .run();
    assert_annex_imported(&test);
}

#[test]
fn windows_1258_is_read_when_named() {
    let test = Test::new();
    let bytes = cp1258(ANNEX);
    assert!(std::str::from_utf8(&bytes).is_err());
    test.write("ansi.csv", &bytes);
    // Without --encoding the file is refused with the option that reads it.
    test.tthc(&["import"])
        .args(OPTIONS)
        .args(["text", "ansi.csv"])
        .status(3)
        .stderr_has("ansi.csv: looks like Windows-1258 (Vietnamese ANSI) text, not UTF-8: import it with --encoding windows-1258")
        .run();
    assert!(!test.db().exists());
    // inspect gives the command with the option that reads it.
    test.tthc(&["inspect"])
        .args(OPTIONS)
        .args(["text", "ansi.csv"])
        .status(3)
        .stdout_has("--encoding windows-1258 ansi.csv")
        .run();
    // With it, names are stored composed (NFC) like any other text.
    import_ok(&test, "ansi.csv", &["--encoding", "windows-1258"]);
}

#[test]
fn windows_1258_named_for_a_utf8_file_is_refused() {
    let test = Test::new();
    test.write("annex.csv", ANNEX);
    test.tthc(&["import", "--encoding", "cp1258"])
        .args(OPTIONS)
        .args(["text", "annex.csv"])
        .status(3)
        .stderr_has("annex.csv: --encoding windows-1258 was given, but the file is UTF-8 text")
        .run();
}

#[test]
fn tcvn3_text_is_refused_with_how_to_convert_it() {
    let test = Test::with(&["base.csv"]);
    test.import(&["base.csv"]);
    let before = test.snapshot();
    let bytes = tcvn3(ANNEX);
    // "Cộng hòa" in TCVN3 reads "Céng hßa" as Windows-1252.
    let shown: String = bytes.iter().map(|b| char::from(*b)).collect();
    assert!(shown.contains("Céng hßa"), "{shown}");
    test.write("abc.csv", &bytes);
    test.tthc(&["import"])
        .args(OPTIONS)
        .args(["text", "abc.csv"])
        .status(3)
        .stderr_has("abc.csv: looks like TCVN3 (ABC) text, not UTF-8:")
        .stderr_has("save it as \"CSV UTF-8\"")
        .stderr_has("Unikey")
        .stderr_has("TCVN3 (ABC) -> Unicode")
        .run();
    test.assert_unchanged(before.as_deref());
}

#[test]
fn vni_text_is_refused_with_how_to_convert_it() {
    let test = Test::new();
    let bytes = vni(ANNEX);
    let shown: String = bytes.iter().map(|b| char::from(*b)).collect();
    assert!(shown.contains("Coäng hoøa"), "{shown}");
    test.write("vni.csv", &bytes);
    test.tthc(&["import"])
        .args(OPTIONS)
        .args(["text", "vni.csv"])
        .status(3)
        .stderr_has("vni.csv: looks like VNI text, not UTF-8:")
        .stderr_has("VNI -> Unicode")
        .run();
    assert!(!test.db().exists());
}

#[test]
fn tcvn3_saved_again_as_utf8_is_refused() {
    let test = Test::new();
    // Opened as Western (Windows-1252) and saved as UTF-8: valid UTF-8, garbled text.
    let garbled: String = tcvn3(ANNEX).iter().map(|b| char::from(*b)).collect();
    test.write("garbled.csv", garbled);
    test.tthc(&["import"])
        .args(OPTIONS)
        .args(["text", "garbled.csv"])
        .status(3)
        .stderr_has("garbled.csv: looks like TCVN3 (ABC) text that was opened as Western (Windows-1252) and saved as UTF-8")
        .run();
    assert!(!test.db().exists());
}

#[test]
fn legacy_encodings_are_not_an_encoding_option() {
    let test = Test::new();
    test.write("annex.csv", ANNEX);
    test.tthc(&["import", "--encoding", "TCVN3", "annex.csv"])
        .status(2)
        .stderr_has("for '--encoding <NAME>': \"TCVN3\" text is not read directly")
        .run();
    test.tthc(&["import", "--encoding", "latin-1", "annex.csv"])
        .status(2)
        .stderr_has("expected utf-8, utf-16le, utf-16be or windows-1258")
        .run();
}

#[test]
fn a_stray_invalid_byte_is_still_named_by_its_line() {
    let test = Test::new();
    let mut bytes = ANNEX.as_bytes().to_vec();
    bytes.extend_from_slice(b"1.000004,added,commune,Th\xfe t\xffc,T\n");
    test.write("bad.csv", &bytes);
    test.tthc(&["import"])
        .args(OPTIONS)
        .args(["text", "bad.csv"])
        .status(3)
        .stderr_has("bad.csv:5: column name: invalid UTF-8")
        .run();
}
