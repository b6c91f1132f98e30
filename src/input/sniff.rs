//! What a file is, decided once on its first bytes: a workbook or text, the
//! text's encoding and delimiter, and which row is the header.

use std::fmt;

use csv::ReaderBuilder;

use super::columns::Column;
use super::encoding::{TextEncoding, detect_garbled, detect_legacy, detect_utf16};
use crate::domain::Day;
use crate::domain::text::{clean, strip_diacritics};

/// Bytes looked at to decide what a file is (and the read buffer of text).
pub(crate) const SAMPLE: usize = 1 << 16;

/// Rows searched for the header, below title rows.
pub(crate) const HEADER_SEARCH: usize = 50;

/// A header names at least this many known columns: action, level and the
/// code (or the name that holds it) are always required.
pub(crate) const HEADER_MIN_COLUMNS: usize = 3;

/// The kind of file, from its content (not its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
    Xls,
    Ods,
    /// A Word 2007+ document.
    Docx,
}

impl FileFormat {
    /// Short name: `csv`, `xlsx`, `xls`, `ods`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
            FileFormat::Xls => "xls",
            FileFormat::Ods => "ods",
            FileFormat::Docx => "docx",
        }
    }

    /// What the file is, for people.
    pub fn describe(self) -> String {
        match self {
            FileFormat::Csv => crate::tr!("input-format-csv"),
            FileFormat::Xlsx => crate::tr!("input-format-xlsx"),
            FileFormat::Xls => crate::tr!("input-format-xls"),
            FileFormat::Ods => crate::tr!("input-format-ods"),
            FileFormat::Docx => crate::tr!("input-format-docx"),
        }
    }

    pub fn is_workbook(self) -> bool {
        matches!(self, FileFormat::Xlsx | FileFormat::Xls | FileFormat::Ods)
    }
}

impl fmt::Display for FileFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A zip container: xlsx (or ods).
    Zip,
    /// An OLE compound file: xls.
    Ole,
    Text,
}

pub(crate) fn kind(sample: &[u8]) -> Kind {
    if sample.starts_with(b"PK\x03\x04") {
        Kind::Zip
    } else if sample.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Kind::Ole
    } else {
        Kind::Text
    }
}

/// Byte-order marks.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// The encoding of a text file and the length of its byte-order mark.
/// A byte-order mark wins over `--encoding`. Legacy Vietnamese encodings
/// are refused here with a message for the whole file.
pub(crate) fn text_encoding(
    sample: &[u8],
    forced: Option<TextEncoding>,
    complete: bool,
) -> Result<(TextEncoding, usize), String> {
    for (bom, encoding) in [
        (UTF8_BOM, TextEncoding::Utf8),
        (UTF16LE_BOM, TextEncoding::Utf16Le),
        (UTF16BE_BOM, TextEncoding::Utf16Be),
    ] {
        if sample.starts_with(bom) {
            return Ok((encoding, bom.len()));
        }
    }
    let utf8 = match std::str::from_utf8(sample) {
        Ok(text) => Some(text),
        // A character cut at the end of the sample is not an error.
        Err(e) if e.error_len().is_none() && !complete => {
            std::str::from_utf8(&sample[..e.valid_up_to()]).ok()
        }
        Err(_) => None,
    };
    match forced {
        // Commas, digits and line ends are zero bytes in UTF-16: without any, it is not UTF-16.
        Some(e @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be)) => {
            return if sample.contains(&0) {
                Ok((e, 0))
            } else {
                Err(crate::tr!("input-not-utf16", encoding = e.to_string()))
            };
        }
        Some(TextEncoding::Windows1258) => {
            if utf8.is_some_and(|t| !t.is_ascii()) {
                return Err(crate::tr!("input-not-windows-1258"));
            }
            return match detect_legacy(sample) {
                Some(legacy) if legacy != super::encoding::Legacy::Windows1258 => {
                    Err(legacy.refusal())
                }
                _ => Ok((TextEncoding::Windows1258, 0)),
            };
        }
        Some(TextEncoding::Utf8) | None => {}
    }
    if let Some(encoding) = detect_utf16(sample) {
        return Ok((encoding, 0));
    }
    match utf8 {
        Some(text) if !text.is_ascii() => match detect_garbled(text) {
            Some(legacy) => Err(legacy.garbled_refusal()),
            None => Ok((TextEncoding::Utf8, 0)),
        },
        Some(_) => Ok((TextEncoding::Utf8, 0)),
        // Not UTF-8: name the legacy encoding, or let each cell say where it breaks.
        None => match detect_legacy(sample) {
            Some(legacy) => Err(legacy.refusal()),
            None => Ok((TextEncoding::Utf8, 0)),
        },
    }
}

/// The name of a delimiter for people.
pub fn delimiter_name(d: u8) -> String {
    match d {
        b';' => crate::tr!("input-delimiter-semicolon"),
        b'\t' => crate::tr!("input-delimiter-tab"),
        _ => crate::tr!("input-delimiter-comma"),
    }
}

/// The delimiter that splits the header best: `,`, `;` or tab. Excel's
/// `sep=;` first line is obeyed.
pub(crate) fn delimiter(text: &str) -> u8 {
    if let Some(first) = text.lines().next()
        && let Some(sep) = first.trim().strip_prefix("sep=")
        && let [d @ (b',' | b';' | b'\t')] = sep.as_bytes()
    {
        return *d;
    }
    let mut best = (0, b',');
    for d in [b',', b';', b'\t'] {
        let score = header_score(text, d);
        // The usual file: a comma header on the first lines, looked at once.
        if score >= HEADER_MIN_COLUMNS {
            return d;
        }
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

/// The most known columns a record of the first rows names, split by `d`.
fn header_score(text: &str, d: u8) -> usize {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(d)
        .from_reader(text.as_bytes());
    let mut best = 0;
    for record in reader.byte_records().take(HEADER_SEARCH) {
        let Ok(record) = record else { break };
        best = best.max(known_columns(record.iter()));
        if best >= HEADER_MIN_COLUMNS {
            break;
        }
    }
    best
}

/// How many different known columns a row names.
pub(crate) fn known_columns<'a>(cells: impl Iterator<Item = &'a [u8]>) -> usize {
    let mut seen = [false; Column::TABLE.len()];
    for cell in cells {
        if cell.is_empty() || cell.len() > 80 {
            continue;
        }
        if let Ok(text) = std::str::from_utf8(cell)
            && let Some(col) = Column::from_header(&clean(text))
        {
            seen[col as usize] = true;
        }
    }
    seen.iter().filter(|s| **s).count()
}

/// The decision a title row names: "Ban hành kèm theo Quyết định số
/// 1234/QĐ-UBND ngày 19 tháng 11 năm 2025 của Chủ tịch UBND tỉnh" ->
/// ("1234/QĐ-UBND", 2025-11-19).
pub fn decision_in_title(text: &str) -> Option<(String, Option<Day>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain: Vec<String> = words
        .iter()
        .map(|w| {
            strip_diacritics(w)
                .trim_end_matches([':', ',', ';', '.'])
                .to_owned()
        })
        .collect();
    let at = plain
        .windows(3)
        .position(|w| w[0] == "quyet" && w[1] == "dinh" && w[2] == "so")?;
    let number = words
        .get(at + 3)?
        .trim_end_matches([',', ';', '.', ':'])
        .to_owned();
    if !number.contains('/') || !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let signed = plain
        .iter()
        .enumerate()
        .skip(at + 4)
        .find(|(_, w)| *w == "ngay")
        .and_then(|(i, _)| {
            let end = (i + 6).min(words.len());
            Day::parse(words[i..end].join(" ").trim_end_matches([',', ';', '.'])).ok()
        });
    Some((number, signed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_found_by_the_header() {
        assert_eq!(
            delimiter("code,level,action,name\n1.001612,province,added,A\n"),
            b','
        );
        assert_eq!(
            delimiter("STT;Mã số TTHC;Tên thủ tục;Phí, lệ phí;Cấp thực hiện;Hình thức\n"),
            b';'
        );
        assert_eq!(delimiter("code\tlevel\taction\n"), b'\t');
        assert_eq!(
            delimiter("DANH MỤC THỦ TỤC;;;\n;;;\nMã TTHC;Cấp;Hình thức;Tên TTHC\n"),
            b';'
        );
        assert_eq!(delimiter("sep=;\ncode;level\n"), b';');
        assert_eq!(delimiter("nothing known here\n"), b',');
    }

    #[test]
    fn boms_and_encodings() {
        let utf8 = "Mã,Cấp\n".as_bytes();
        assert_eq!(text_encoding(utf8, None, true), Ok((TextEncoding::Utf8, 0)));
        let bom = [UTF8_BOM, utf8].concat();
        assert_eq!(text_encoding(&bom, None, true), Ok((TextEncoding::Utf8, 3)));
        assert_eq!(
            text_encoding(b"\xFF\xFEc\0", None, true),
            Ok((TextEncoding::Utf16Le, 2))
        );
        assert_eq!(
            text_encoding(b"\xFE\xFF\0c", None, true),
            Ok((TextEncoding::Utf16Be, 2))
        );
        // A cut character at the end of a sample is fine; at the end of the file it is not.
        let cut = &"Cấp".as_bytes()[..3];
        assert_eq!(text_encoding(cut, None, false), Ok((TextEncoding::Utf8, 0)));
        assert!(
            text_encoding(utf8, Some(TextEncoding::Windows1258), true)
                .unwrap_err()
                .contains("UTF-8")
        );
        assert_eq!(
            text_encoding(b"code,level\n", Some(TextEncoding::Windows1258), true),
            Ok((TextEncoding::Windows1258, 0))
        );
        assert!(
            text_encoding(utf8, Some(TextEncoding::Utf16Le), true)
                .unwrap_err()
                .contains("not UTF-16")
        );
        assert_eq!(
            text_encoding(b"c\0,\0", Some(TextEncoding::Utf16Le), true),
            Ok((TextEncoding::Utf16Le, 0))
        );
    }

    #[test]
    fn the_decision_of_a_title_row() {
        let (number, signed) = decision_in_title(
            "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 19 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)",
        )
        .unwrap();
        assert_eq!(number, "1234/QĐ-UBND");
        assert_eq!(signed, Day::parse("2025-11-19").ok());
        let (number, signed) = decision_in_title("Quyết định số 05/2024/QĐ-UBND").unwrap();
        assert_eq!((number.as_str(), signed), ("05/2024/QĐ-UBND", None));
        assert_eq!(decision_in_title("DANH MỤC THỦ TỤC HÀNH CHÍNH"), None);
    }

    #[test]
    fn workbooks_by_their_magic() {
        assert_eq!(kind(b"PK\x03\x04rest"), Kind::Zip);
        assert_eq!(kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), Kind::Ole);
        assert_eq!(kind(b"code,level"), Kind::Text);
    }
}
