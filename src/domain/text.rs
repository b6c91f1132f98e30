//! Text normalization shared by every reader: trimmed, Unicode NFC.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Trims and normalizes to NFC, allocating a new string only when needed.
pub fn clean(raw: &str) -> String {
    let trimmed = raw.trim();
    if is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        trimmed.to_owned()
    } else {
        trimmed.nfc().collect::<String>().trim().to_owned()
    }
}

/// Lower-cased, NFC, with runs of white space folded to one space.
pub fn fold(raw: &str) -> String {
    clean(raw)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower case without Vietnamese diacritics, for searching: "Chứng thực
/// Đăng ký" -> "chung thuc dang ky". Tone and vowel marks are dropped and đ
/// becomes d, so a clerk typing without diacritics finds the entry.
pub fn strip_diacritics(raw: &str) -> String {
    raw.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_becomes_composed() {
        let nfd = "Chu\u{31b}\u{301}ng thu\u{31b}\u{323}c";
        assert_eq!(clean(nfd), "Chứng thực");
        assert_eq!(clean("  Hộ tịch \t"), "Hộ tịch");
    }

    #[test]
    fn fold_lowercases_and_squeezes_spaces() {
        assert_eq!(fold("  Cấp   TỈNH "), "cấp tỉnh");
    }

    #[test]
    fn diacritics_are_stripped_and_d_bar_becomes_d() {
        assert_eq!(strip_diacritics("Chứng thực"), "chung thuc");
        assert_eq!(strip_diacritics("ĐĂNG KÝ đất đai"), "dang ky dat dai");
        assert_eq!(strip_diacritics("Hộ tịch"), "ho tich");
        let nfd = "Chu\u{31b}\u{301}ng";
        assert_eq!(strip_diacritics(nfd), "chung");
    }
}
