//! Recognizers for the wording of published decisions: action and level
//! words, competent authorities, fields, numbering labels, totals rows and
//! footnotes. Words are compared without diacritics and case, so "CẤP TÍNH"
//! (a common misspelling) reads as "cấp tỉnh"; where diacritics tell words
//! apart ("từ" and "tư"), they are kept.

use crate::domain::text::{fold, strip_diacritics};
use crate::domain::{Action, Level, LevelSet};

/// A text split into words, each with its comparison key.
pub(super) struct Words<'a> {
    /// The words as written (punctuation attached).
    pub(super) orig: Vec<&'a str>,
    /// Lower case, without diacritics, without leading and trailing punctuation.
    pub(super) keys: Vec<String>,
}

/// Spaces around the characters that are glued to words in annex text:
/// "SUNG[1]", "ngày……./…../2025", "(09 TTHC)".
pub(super) fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '[' | '(' => {
                out.push(' ');
                out.push(c);
            }
            '…' => out.push_str(" … "),
            ']' | ')' => {
                out.push(c);
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

impl<'a> Words<'a> {
    /// Splits text made by [`spaced`].
    pub(super) fn new(text: &'a str) -> Self {
        let orig: Vec<&str> = text.split_whitespace().collect();
        let keys = orig.iter().map(|w| key(w)).collect();
        Words { orig, keys }
    }

    /// Where `phrase` (keys) starts, at or after `from`.
    pub(super) fn find_from(&self, phrase: &[&str], from: usize) -> Option<usize> {
        if phrase.is_empty() || self.keys.len() < phrase.len() {
            return None;
        }
        (from..=self.keys.len() - phrase.len()).find(|&i| {
            phrase
                .iter()
                .enumerate()
                .all(|(j, p)| self.keys[i + j] == *p)
        })
    }

    pub(super) fn has(&self, phrase: &[&str]) -> bool {
        self.find_from(phrase, 0).is_some()
    }

    /// Whether the words from `at` on start with `phrase`.
    pub(super) fn at(&self, at: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(j, p)| self.keys.get(at + j).is_some_and(|k| k == p))
    }

    pub(super) fn key(&self, at: usize) -> &str {
        self.keys.get(at).map_or("", String::as_str)
    }
}

/// The comparison key of a word: lower case, no diacritics, no punctuation
/// at either end.
pub(super) fn key(word: &str) -> String {
    strip_diacritics(word)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// The actions a title or heading names, in the order of [`Action::ALL`]:
/// "ban hành mới"/"mới ban hành", "sửa đổi(, bổ sung)", "thay thế",
/// "(bị) bãi bỏ"/"hủy bỏ".
pub(super) fn actions(words: &Words<'_>) -> Vec<Action> {
    let named = [
        (
            Action::Added,
            words.has(&["ban", "hanh", "moi"]) || words.has(&["moi", "ban", "hanh"]),
        ),
        (Action::Amended, words.has(&["sua", "doi"])),
        (Action::Replaced, words.has(&["thay", "the"])),
        (
            Action::Repealed,
            words.has(&["bai", "bo"]) || words.has(&["huy", "bo"]),
        ),
    ];
    named
        .into_iter()
        .filter(|(_, n)| *n)
        .map(|(a, _)| a)
        .collect()
}

/// The action a whole "Ghi chú" cell names ("Bãi bỏ", "Bị bãi bỏ", "Sửa
/// đổi, bổ sung"); a note that only mentions an action in a sentence names none.
pub(super) fn note_action(text: &str) -> Option<Action> {
    let folded = fold(text);
    let folded = folded.trim_end_matches(['.', ';']);
    let bare = ["bị ", "được ", "tthc ", "thủ tục "]
        .iter()
        .fold(folded, |t, p| t.strip_prefix(p).unwrap_or(t));
    Action::parse(bare).ok()
}

/// Levels named by level words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LevelWords {
    /// "cấp tỉnh", "cấp xã", "cấp Thành phố", "(cấp tỉnh, cấp xã)".
    Set(LevelSet),
    /// A bare "áp dụng chung"/"dùng chung": province and commune from
    /// 2025-07-01, nothing before.
    Shared,
}

/// The level words of a title or heading.
/// Level words inside the naming of a competent authority ("… của UBND cấp
/// xã") are the authority's, not level words.
pub(super) fn level_words(words: &Words<'_>) -> Option<LevelWords> {
    let mut set = LevelSet::default();
    let end = authority_start(words).unwrap_or(words.keys.len());
    for i in 0..end {
        if words.key(i) != "cap" {
            continue;
        }
        match words.key(i + 1) {
            "tinh" => set.insert(Level::Province),
            "huyen" => set.insert(Level::District),
            "xa" if words.key(i + 2) != "hoi" => set.insert(Level::Commune),
            "thanh" if words.key(i + 2) == "pho" => set.insert(Level::Province),
            _ => {}
        }
    }
    if !set.is_empty() {
        Some(LevelWords::Set(set))
    } else if words.has(&["ap", "dung", "chung"]) || words.has(&["dung", "chung"]) {
        Some(LevelWords::Shared)
    } else {
        None
    }
}

/// Centrally-run cities: their People's Committee is at province level.
const CENTRAL_CITIES: [&[&str]; 6] = [
    &["ha", "noi"],
    &["ho", "chi", "minh"],
    &["hai", "phong"],
    &["da", "nang"],
    &["can", "tho"],
    &["hue"],
];

/// The level of the competent authority a title or heading names after
/// "thuộc thẩm quyền giải quyết của", "thuộc phạm vi (,) chức năng quản lý
/// của": a Sở, a provincial Ban, the UBND (or its Chủ tịch) of the province
/// or of a centrally-run city -> province; "UBND cấp xã" (xã, phường, đặc
/// khu) -> commune; "UBND cấp huyện" -> district.
pub(super) fn authority(words: &Words<'_>) -> Option<LevelSet> {
    let start = authority_start(words)?;
    let mut set = LevelSet::default();
    let mut i = start;
    while let Some(at) = words.find_from(&["cua"], i) {
        authority_at(words, at + 1, &mut set);
        i = at + 1;
        // "của UBND tỉnh và Sở Công Thương": the second authority after "và".
        let mut j = at + 1;
        while j < words.keys.len() && words.key(j) != "cua" {
            if words.key(j) == "va" {
                authority_at(words, j + 1, &mut set);
            }
            j += 1;
        }
    }
    (!set.is_empty()).then_some(set)
}

/// Where the naming of a competent authority starts: "thẩm quyền", "quản
/// lý", "chức năng" followed later by "của".
fn authority_start(words: &Words<'_>) -> Option<usize> {
    let start = [&["tham", "quyen"][..], &["quan", "ly"], &["chuc", "nang"]]
        .iter()
        .filter_map(|p| words.find_from(p, 0))
        .min()?;
    words.find_from(&["cua"], start).map(|_| start)
}

/// The authority named from word `at` on.
fn authority_at(words: &Words<'_>, at: usize, set: &mut LevelSet) {
    let mut i = at;
    if words.at(i, &["chu", "tich"]) {
        i += 2;
    }
    if words.at(i, &["cac"]) {
        i += 1;
    }
    match words.key(i) {
        "so" => {
            set.insert(Level::Province);
            return;
        }
        "ban" if !words.at(i + 1, &["nhan", "dan"]) => {
            set.insert(Level::Province);
            return;
        }
        "ubnd" => i += 1,
        "uy" if words.at(i + 1, &["ban", "nhan", "dan"]) => i += 4,
        _ => return,
    }
    if words.at(i, &["cac"]) {
        i += 1;
    }
    if words.at(i, &["cap"]) {
        i += 1;
    }
    match words.key(i) {
        "tinh" => set.insert(Level::Province),
        "huyen" | "quan" => set.insert(Level::District),
        "xa" | "phuong" | "dac" => set.insert(Level::Commune),
        "thanh" if words.at(i + 1, &["pho"]) => {
            let rest = i + 2;
            let central = CENTRAL_CITIES.iter().any(|c| words.at(rest, c));
            let ends = rest >= words.keys.len() || words.key(rest) == "va";
            if central || ends {
                set.insert(Level::Province);
            }
        }
        _ => {}
    }
}

/// Words that end a field's name in a title or heading (folded, with diacritics).
const FIELD_STOPS: [&str; 12] = [
    "thuộc", "áp", "của", "trên", "được", "sang", "từ", "trong", "tại", "bị", "do", "theo",
];

/// The field a title or heading names after "lĩnh vực": "LĨNH VỰC: CHỨNG
/// THỰC (12 TTHC)" -> "CHỨNG THỰC". "Một số lĩnh vực" names none; "từ lĩnh
/// vực A sang lĩnh vực B" names B; two other fields name none.
pub(super) fn field(words: &Words<'_>) -> Option<String> {
    let mut found: Vec<(bool, String)> = Vec::new();
    let mut from = 0;
    while let Some(at) = words.find_from(&["linh", "vuc"], from) {
        from = at + 2;
        let before = |n: usize| at.checked_sub(n).map_or("", |i| words.key(i));
        if matches!(before(1), "cac" | "nhieu") || (before(1) == "so" && before(2) == "mot") {
            continue;
        }
        let mut name: Vec<&str> = Vec::new();
        for (i, word) in words.orig.iter().enumerate().skip(at + 2) {
            let folded = fold(word);
            let bare = folded.trim_matches(|c: char| !c.is_alphanumeric());
            let level_word = bare == "cấp" && matches!(words.key(i + 1), "tinh" | "huyen" | "xa");
            // "thực hiện" ends a field; "chứng thực" does not.
            let carried_out = bare == "thực" && words.key(i + 1) == "hien";
            if word.starts_with(['(', '[', '-', '–'])
                || bare.is_empty()
                || level_word
                || carried_out
                || (!name.is_empty() && FIELD_STOPS.contains(&bare))
                || (!name.is_empty() && words.at(i, &["linh", "vuc"]))
            {
                break;
            }
            name.push(word);
            if word.ends_with([';', '.']) {
                break;
            }
        }
        let text = name
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned();
        if !text.is_empty() {
            found.push((before(1) == "sang", text));
        }
    }
    if let Some((_, moved)) = found.iter().rev().find(|(to, _)| *to) {
        return Some(moved.clone());
    }
    let mut names: Vec<String> = found.into_iter().map(|(_, n)| n).collect();
    names.dedup_by(|a, b| fold(a) == fold(b));
    match names.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// A field as the catalog spells it: the known field equal up to case, or
/// the words in sentence case ("BÁO CHÍ, XUẤT BẢN" -> "Báo chí, xuất bản").
pub(super) fn field_spelling(name: &str, known: &[String]) -> String {
    let folded = fold(name);
    if let Some(known) = known.iter().find(|k| fold(k) == folded) {
        return known.clone();
    }
    let mut chars = folded.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A numbering label as written before a heading: "I.", "II)", "A.", "1.",
/// "Phần I", "Mục 2". The label alone (in an STT cell) needs no punctuation.
/// Returns the label and the rest of the text.
pub(super) fn strip_label(text: &str) -> (Option<String>, &str) {
    let trimmed = text.trim_start();
    let mut parts = trimmed.splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("").trim_start();
    let folded = fold(first);
    if matches!(folded.as_str(), "phần" | "mục" | "phụ") && !rest.is_empty() {
        let mut inner = rest.splitn(2, char::is_whitespace);
        let number = inner.next().unwrap_or("");
        let after = inner.next().unwrap_or("").trim_start();
        let bare = number.trim_end_matches(['.', ')', ':']);
        if folded != "phụ" && (is_roman(bare) || is_digits(bare)) {
            return (Some(format!("{first} {bare}")), after);
        }
        return (None, trimmed);
    }
    let punctuated = first.ends_with(['.', ')']);
    let bare = first.trim_end_matches(['.', ')']);
    if (punctuated || rest.is_empty()) && is_label(bare) {
        (Some(bare.to_owned()), rest)
    } else {
        (None, trimmed)
    }
}

/// The kind of a heading label, for nesting ("Phần I" > "A" > "I" > "1"),
/// and the label without its word: "Phần I" → "I".
pub(super) fn label_kind(label: &str) -> (u8, &str) {
    if let Some((word, bare)) = label.split_once(' ') {
        return (if fold(word) == "phần" { 10 } else { 11 }, bare.trim());
    }
    let b = label.as_bytes();
    let kind = if is_roman(label) {
        1
    } else if b.len() == 1 {
        2
    } else if is_digits(label) {
        3
    } else {
        4
    };
    (kind, label)
}

/// A Roman numeral, a single letter, a number of up to three digits, or a
/// letter and a digit ("A1").
pub(super) fn is_label(s: &str) -> bool {
    let b = s.as_bytes();
    is_roman(s)
        || (b.len() == 1 && b[0].is_ascii_alphabetic())
        || (is_digits(s) && b.len() <= 3)
        || (b.len() == 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_digit())
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The number of a procedure row ("1", "01", "12."), as opposed to a heading label.
pub(super) fn is_row_number(s: &str) -> bool {
    let bare = s.trim().trim_end_matches('.');
    is_digits(bare) && bare.len() <= 5
}

/// "Tổng số: 02 TTHC", "Tổng cộng: 01 TTHC", "Tổng số TTHC công bố".
pub(super) fn is_totals(words: &Words<'_>) -> bool {
    words.at(0, &["tong", "so"]) || words.at(0, &["tong", "cong"])
}

/// A footnote: "[1] Phần in nghiêng …", "(*) …", "* …".
pub(super) fn is_footnote(text: &str) -> bool {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix('[') {
        let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return !number.is_empty() && rest[number.len()..].starts_with(']');
    }
    t.starts_with("(*)") || t.starts_with('*')
}

/// Whether text without its label reads like a section heading of an annex
/// ("DANH MỤC …", "Thủ tục hành chính cấp xã", "LĨNH VỰC …", "Áp dụng chung").
pub(super) fn looks_like_heading(words: &Words<'_>) -> bool {
    [
        &["danh", "muc"][..],
        &["thu", "tuc", "hanh", "chinh"],
        &["tthc"],
        &["cac", "thu", "tuc"],
        &["linh", "vuc"],
        &["cap"],
        &["ap", "dung", "chung"],
        &["dung", "chung"],
        &["nhom"],
    ]
    .iter()
    .any(|p| words.at(0, p))
}

/// "Như trên" (ditto): the cell repeats the one above.
pub(super) fn is_ditto(text: &str) -> bool {
    matches!(fold(text).trim_end_matches(['.', ';']), "như trên" | "nt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> (String, Vec<String>) {
        let s = spaced(text);
        let keys = Words::new(&s).keys;
        (s, keys)
    }

    fn with<T>(text: &str, f: impl FnOnce(&Words<'_>) -> T) -> T {
        let s = spaced(text);
        f(&Words::new(&s))
    }

    #[test]
    fn keys_drop_case_diacritics_and_punctuation() {
        let (_, keys) = words("BỔ SUNG[1] (09 TTHC) ngày……./…../2025");
        assert_eq!(keys[..6], ["bo", "sung", "1", "09", "tthc", "ngay"]);
        assert_eq!(keys.last().map(String::as_str), Some("2025"));
    }

    #[test]
    fn action_words() {
        let of = |t: &str| with(t, actions);
        assert_eq!(of("DANH MỤC TTHC BAN HÀNH MỚI (09 TTHC)"), [Action::Added]);
        assert_eq!(
            of("Danh mục thủ tục hành chính mới ban hành"),
            [Action::Added]
        );
        assert_eq!(of("ĐƯỢC SỬA ĐỔI, BỔ SUNG"), [Action::Amended]);
        assert_eq!(of("sửa đổi"), [Action::Amended]);
        assert_eq!(of("THAY THẾ"), [Action::Replaced]);
        assert_eq!(
            of("II. THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ (01 TTHC)"),
            [Action::Repealed]
        );
        assert_eq!(
            of("DANH MỤC TTHC BAN HÀNH MỚI VÀ TTHC BỊ BÃI BỎ"),
            [Action::Added, Action::Repealed]
        );
        assert_eq!(
            of("DANH MỤC THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC GIÁM ĐỊNH"),
            []
        );
    }

    #[test]
    fn note_cells_name_an_action_only_on_their_own() {
        assert_eq!(note_action("Bãi bỏ"), Some(Action::Repealed));
        assert_eq!(note_action("Bị bãi bỏ."), Some(Action::Repealed));
        assert_eq!(note_action("Sửa đổi, bổ sung"), Some(Action::Amended));
        assert_eq!(
            note_action("Nội dung sửa đổi, bổ sung: Thời hạn giải quyết."),
            None
        );
        assert_eq!(
            note_action("TTHC thuộc thẩm quyền giải quyết của các sở."),
            None
        );
    }

    #[test]
    fn level_word_forms() {
        let of = |t: &str| with(t, level_words);
        let set = |levels: &[Level]| {
            let mut s = LevelSet::default();
            for l in levels {
                s.insert(*l);
            }
            Some(LevelWords::Set(s))
        };
        assert_eq!(of("THỦ TỤC HÀNH CHÍNH CẤP TỈNH"), set(&[Level::Province]));
        assert_eq!(of("THỦ TỤC HÀNH CHÍNH CẤP TÍNH"), set(&[Level::Province]));
        assert_eq!(
            of("B. Thủ tục hành chính thực hiện tại cấp xã"),
            set(&[Level::Commune])
        );
        assert_eq!(of("Thủ tục hành chính cấp huyện"), set(&[Level::District]));
        assert_eq!(
            of("Thủ tục hành chính cấp Thành phố"),
            set(&[Level::Province])
        );
        assert_eq!(
            of("ÁP DỤNG CHUNG (CẤP TỈNH, CẤP XÃ)"),
            set(&[Level::Province, Level::Commune])
        );
        assert_eq!(
            of("A. Thủ tục hành chính áp dụng chung"),
            Some(LevelWords::Shared)
        );
        assert_eq!(of("TTHC dùng chung"), Some(LevelWords::Shared));
        assert_eq!(of("ÁP DỤNG TRÊN ĐỊA BÀN TỈNH HÀ TĨNH"), None);
        assert_eq!(of("Cấp giấy phép hoạt động"), None);
    }

    #[test]
    fn competent_authorities() {
        let of = |t: &str| with(t, authority).map(LevelSet::to_words);
        let province = Some("province".to_owned());
        assert_eq!(
            of("… THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
            province
        );
        assert_eq!(
            of("… THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA SỞ CÔNG THƯƠNG"),
            province
        );
        assert_eq!(
            of(
                "THUỘC PHẠM VI, CHỨC NĂNG QUẢN LÝ CỦA BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BẮC NINH"
            ),
            province
        );
        assert_eq!(
            of("THUỘC THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND TỈNH VÀ SỞ CÔNG THƯƠNG"),
            province
        );
        assert_eq!(
            of("thuộc phạm vi chức năng quản lý của UBND thành phố Hà Nội"),
            province
        );
        assert_eq!(
            of("thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân tỉnh"),
            province
        );
        assert_eq!(
            of("thuộc thẩm quyền giải quyết của UBND cấp xã"),
            Some("commune".to_owned())
        );
        assert_eq!(
            of("thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp huyện"),
            Some("district".to_owned())
        );
        assert_eq!(
            of("thuộc thẩm quyền giải quyết của UBND thành phố Bắc Giang"),
            None
        );
        // The issuer of the decision is no competent authority.
        assert_eq!(
            of("(Kèm theo Quyết định số 1/QĐ-UBND của Chủ tịch UBND tỉnh)"),
            None
        );
    }

    #[test]
    fn fields_of_titles_and_headings() {
        let of = |t: &str| with(t, field);
        assert_eq!(
            of("LĨNH VỰC: CHỨNG THỰC (12 TTHC)").as_deref(),
            Some("CHỨNG THỰC")
        );
        assert_eq!(
            of("CÔNG BỐ DANH MỤC TTHC TRONG LĨNH VỰC BÁO CHÍ, XUẤT BẢN THUỘC THẨM QUYỀN")
                .as_deref(),
            Some("BÁO CHÍ, XUẤT BẢN")
        );
        assert_eq!(of("I. LĨNH VỰC HỘ TỊCH").as_deref(), Some("HỘ TỊCH"));
        assert_eq!(of("Lĩnh vực Đấu thầu").as_deref(), Some("Đấu thầu"));
        assert_eq!(
            of("TRONG LĨNH VỰC GIÁM ĐỊNH TƯ PHÁP THUỘC PHẠM VI").as_deref(),
            Some("GIÁM ĐỊNH TƯ PHÁP")
        );
        assert_eq!(
            of("ĐƯỢC SỬA ĐỔI, BỔ SUNG TỪ LĨNH VỰC TỔ CHỨC CÁN BỘ SANG LĨNH VỰC GIÁM ĐỊNH")
                .as_deref(),
            Some("GIÁM ĐỊNH")
        );
        assert_eq!(of("TRONG MỘT SỐ LĨNH VỰC THUỘC THẨM QUYỀN"), None);
        assert_eq!(of("LĨNH VỰC HỘ TỊCH VÀ LĨNH VỰC CHỨNG THỰC"), None);
        assert_eq!(
            of("TRONG LĨNH VỰC CHỨNG THỰC ÁP DỤNG TRÊN ĐỊA BÀN TỈNH").as_deref(),
            Some("CHỨNG THỰC")
        );
    }

    #[test]
    fn field_spelling_follows_the_catalog_or_sentence_case() {
        let known = vec!["Báo chí, Xuất bản".to_owned()];
        assert_eq!(
            field_spelling("BÁO CHÍ, XUẤT BẢN", &known),
            "Báo chí, Xuất bản"
        );
        assert_eq!(field_spelling("HỘ TỊCH", &known), "Hộ tịch");
        assert_eq!(field_spelling("ĐIỆN LỰC", &[]), "Điện lực");
    }

    #[test]
    fn numbering_labels() {
        assert_eq!(
            strip_label("I. DANH MỤC"),
            (Some("I".to_owned()), "DANH MỤC")
        );
        assert_eq!(strip_label("A. Thủ tục"), (Some("A".to_owned()), "Thủ tục"));
        assert_eq!(
            strip_label("1. Danh mục"),
            (Some("1".to_owned()), "Danh mục")
        );
        assert_eq!(
            strip_label("II) Lĩnh vực"),
            (Some("II".to_owned()), "Lĩnh vực")
        );
        assert_eq!(
            strip_label("Phần I. DANH MỤC"),
            (Some("Phần I".to_owned()), "DANH MỤC")
        );
        assert_eq!(strip_label("III"), (Some("III".to_owned()), ""));
        assert_eq!(strip_label("DANH MỤC"), (None, "DANH MỤC"));
        assert_eq!(strip_label("PHỤ LỤC I"), (None, "PHỤ LỤC I"));
        assert_eq!(strip_label("Ghi chú:"), (None, "Ghi chú:"));
        assert!(is_row_number("01") && is_row_number("12.") && !is_row_number("I"));
    }

    #[test]
    fn totals_footnotes_and_ditto() {
        assert!(with("Tổng số: 02 TTHC", is_totals));
        assert!(with("Tổng cộng: 01 TTHC", is_totals));
        assert!(!with("Thủ tục tổng hợp", is_totals));
        assert!(is_footnote("[1] Phần in nghiêng là nội dung được sửa đổi"));
        assert!(!is_footnote("[a] b"));
        assert!(is_ditto("Như trên") && is_ditto("như trên.") && !is_ditto("Như sau"));
    }
}
