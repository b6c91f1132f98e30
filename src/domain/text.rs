//! Text normalization shared by every reader: trimmed, Unicode NFC.

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
}
