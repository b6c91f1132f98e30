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
