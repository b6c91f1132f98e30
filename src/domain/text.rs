//! Text normalization shared by every reader: trimmed, Unicode NFC.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Trims and normalizes to NFC, allocating a new string only when needed.
pub fn clean(raw: &str) -> String {
    clean_cow(raw).into_owned()
}

/// [`clean`] that borrows when the text needs no change.
pub fn clean_cow(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim();
    if is_nfc(trimmed) {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.nfc().collect::<String>().trim().to_owned())
    }
}

/// Whether text is already NFC. Characters below U+0300 always are, and so
/// are the precomposed Vietnamese letters of U+1E00..U+1EFF, so composed
/// Vietnamese text skips the table lookup.
fn is_nfc(s: &str) -> bool {
    s.chars()
        .all(|c| (c as u32) < 0x300 || (0x1E00..=0x1EFF).contains(&(c as u32)))
        || is_nfc_quick(s.chars()) == IsNormalized::Yes
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
    fn ascii_and_composed_text_is_kept() {
        assert_eq!(clean(" 1.001612 "), "1.001612");
        assert_eq!(clean("Cấp lại giấy phép"), "Cấp lại giấy phép");
        assert_eq!(clean("e\u{301}"), "é");
        assert_eq!(clean("a\u{323}\u{302}"), "ậ");
        for c in (0x1E00..=0x1EFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(clean(&s), s.nfc().collect::<String>(), "U+{:04X}", c as u32);
        }
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
