//! How an entry is named: the key two names must share to name the same
//! entry, and the closest names to suggest when none does.

use super::text::fold;

/// The key by which a name names an entry: NFC, lower case, with
/// punctuation and runs of spacing folded to one space. Diacritics are kept:
/// in Vietnamese they carry meaning ("Cấp" and "Cáp" are different words).
pub fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `n` candidates whose names are closest to `name` (by normalized
/// Levenshtein distance over their keys), most similar first; ties keep the
/// candidates' order.
pub fn closest<'a, T: Copy>(
    name: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
    n: usize,
) -> Vec<(&'a str, T)> {
    let key = name_key(name);
    let mut scored: Vec<(f64, usize, &'a str, T)> = candidates
        .into_iter()
        .enumerate()
        .map(|(i, (candidate, value))| {
            let score = strsim::normalized_levenshtein(&key, &name_key(candidate));
            (score, i, candidate, value)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(n)
        .map(|(_, _, candidate, value)| (candidate, value))
        .collect()
}

/// The word of `words` a clerk most likely meant by `raw`, when one is
/// close: compared without diacritics, case, spacing or punctuation (so
/// "Sua doi bo sung" finds "Sửa đổi, bổ sung"), or when `raw` is the start
/// of one ("Sửa đổi"). `None` when nothing is close.
pub fn suggest<'a>(raw: &str, words: &[&'a str]) -> Option<&'a str> {
    let plain = |s: &str| -> String {
        super::text::strip_diacritics(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let typed = plain(raw);
    if typed.is_empty() {
        return None;
    }
    words
        .iter()
        .map(|w| {
            let word = plain(w);
            let score = if word.starts_with(&typed) && typed.len() * 2 >= word.len() {
                1.0
            } else {
                strsim::normalized_levenshtein(&typed, &word)
            };
            (score, *w)
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_spacing_and_punctuation_but_keep_diacritics() {
        assert_eq!(
            name_key("  Cấp   Giấy phép, hoạt động (điện lực). "),
            "cấp giấy phép hoạt động điện lực"
        );
        assert_eq!(
            name_key("CẤP GIẤY PHÉP HOẠT ĐỘNG ĐIỆN LỰC"),
            name_key("Cấp giấy phép - hoạt động điện lực")
        );
        assert_ne!(name_key("Cấp phép"), name_key("Cáp phép"));
        // Decomposed text (as some spreadsheets write it) has the same key.
        assert_eq!(
            name_key("Ca\u{302}\u{301}p phe\u{301}p"),
            name_key("Cấp phép")
        );
    }

    #[test]
    fn close_misspellings_get_a_suggestion() {
        let actions = ["Mới ban hành", "Sửa đổi, bổ sung", "Thay thế", "Bãi bỏ"];
        assert_eq!(suggest("Sửa đổi", &actions), Some("Sửa đổi, bổ sung"));
        assert_eq!(
            suggest("Sua doi bo sung", &actions),
            Some("Sửa đổi, bổ sung")
        );
        assert_eq!(suggest("Bai bo", &actions), Some("Bãi bỏ"));
        assert_eq!(
            suggest("Cấp tinh", &["Cấp tỉnh", "Cấp huyện", "Cấp xã"]),
            Some("Cấp tỉnh")
        );
        assert_eq!(
            suggest("Cấp bộ", &["Cấp tỉnh", "Cấp huyện", "Cấp xã"]),
            None
        );
        assert_eq!(suggest("", &actions), None);
    }

    #[test]
    fn the_closest_names_come_first() {
        let names = [
            ("Cấp giấy phép xây dựng", 1),
            ("Cấp lại giấy phép xây dựng", 2),
            ("Đăng ký kết hôn", 3),
        ];
        let found = closest("Cấp giấy phép xây dựng mới", names, 2);
        assert_eq!(
            found,
            [
                ("Cấp giấy phép xây dựng", 1),
                ("Cấp lại giấy phép xây dựng", 2)
            ]
        );
        assert!(closest("x", names, 0).is_empty());
    }
}
