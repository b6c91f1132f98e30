//! The decision's own statements: its number and signing date (header block
//! and annex title) and the day it takes effect (the article "Quyết định này
//! có hiệu lực …").

use super::words::{Words, spaced};
use crate::domain::Day;

/// What a text states about a value: the value, or a blank left for it in a
/// draft ("Quyết định số /QĐ-UBND ngày tháng năm 2025").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Stated<T> {
    Value(T),
    Blank,
}

/// The decision an annex title names: "(Kèm theo Quyết định số 2715/QĐ-UBND
/// ngày 19 tháng 11 năm 2025 …)", "… số: 1609/QĐ-TTPVHCC ngày 25/11/2025".
pub(super) fn decision_ref(text: &str) -> Option<(Stated<String>, Stated<Day>)> {
    let s = spaced(text);
    let words = Words::new(&s);
    let at = words.find_from(&["quyet", "dinh", "so"], 0)?;
    let token = words.orig.get(at + 3).copied().unwrap_or("");
    let number = token.trim_end_matches([',', ';', '.', ':', ')']);
    let number = if number.contains('/') && number.starts_with(|c: char| c.is_ascii_digit()) {
        Stated::Value(number.to_owned())
    } else {
        Stated::Blank
    };
    let signed = words
        .find_from(&["ngay"], at + 3)
        .and_then(|i| date_at(&words, i + 1))
        .map_or(Stated::Blank, Stated::Value);
    Some((number, signed))
}

/// The date written from word `at` on: "19/11/2025" or "19 tháng 11 năm 2025".
pub(super) fn date_at(words: &Words<'_>, at: usize) -> Option<Day> {
    let first = words
        .orig
        .get(at)?
        .trim_end_matches([',', ';', '.', ')', ':']);
    if first.contains('/') || first.contains('-') {
        return Day::parse(first).ok();
    }
    if words.key(at + 1) == "thang" && words.key(at + 3) == "nam" {
        let year = words.key(at + 4);
        let text = format!("ngày {first} tháng {} năm {year}", words.key(at + 2));
        return Day::parse(&text).ok();
    }
    None
}

/// The number of the header block: "Số: 2715/QĐ-UBND"; "Số: /QĐ-UBND" is blank.
pub(super) fn number_line(text: &str) -> Option<Stated<String>> {
    let s = spaced(text);
    let words = Words::new(&s);
    let first = *words.orig.first()?;
    if words.key(0) != "so" || words.orig.len() > 4 || text.chars().count() > 60 {
        return None;
    }
    let rest = words.orig[1..].join("");
    if !first.ends_with(':') && !rest.contains('/') {
        return None;
    }
    let number = rest.trim_start_matches(':').trim();
    Some(
        if number.starts_with(|c: char| c.is_ascii_digit()) && number.contains('/') {
            Stated::Value(number.to_owned())
        } else {
            Stated::Blank
        },
    )
}

/// The place and date of the header block: "Quảng Trị, ngày 19 tháng 11 năm
/// 2025"; "…, ngày   tháng   năm 2025" is blank.
pub(super) fn dated_line(text: &str) -> Option<Stated<Day>> {
    if text.chars().count() > 100 {
        return None;
    }
    let s = spaced(text);
    let words = Words::new(&s);
    let at = words.find_from(&["ngay"], 0)?;
    let placed = at == 0 || words.orig[at - 1].ends_with(',');
    if !placed || words.find_from(&["nam"], at).is_none() && date_at(&words, at + 1).is_none() {
        return None;
    }
    Some(date_at(&words, at + 1).map_or(Stated::Blank, Stated::Value))
}

/// When a decision takes effect, as its article says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Effect {
    /// "… có hiệu lực (thi hành) kể từ ngày ký (ban hành)" or "kể từ ngày ban hành".
    Signing,
    /// "… có hiệu lực (thi hành) kể từ ngày 01/11/2025".
    On(Day),
    /// Tied to another act without a date: "… kể từ ngày Nghị định 268 có
    /// hiệu lực", "… có hiệu lực theo Quyết định số 3740/QĐ-BTC".
    Tied(String),
}

/// The effect an article states: "Điều 3. Quyết định này có hiệu lực …".
/// Only the article of the decision itself counts ("Điều N." or a sentence
/// starting "Quyết định này"); other mentions of "hiệu lực" do not.
pub(super) fn effect(text: &str) -> Option<Effect> {
    let s = spaced(text);
    let words = Words::new(&s);
    let article = words.at(0, &["dieu"]) || words.at(0, &["quyet", "dinh", "nay"]);
    if !article {
        return None;
    }
    let this = words.find_from(&["quyet", "dinh", "nay"], 0)?;
    let at = words.find_from(&["co", "hieu", "luc"], this)?;
    if at > this + 4 {
        return None;
    }
    let mut i = at + 3;
    while matches!(words.key(i), "thi" | "hanh" | "ke" | "tu") {
        i += 1;
    }
    // The sentence, for the message of a tied effect.
    let sentence = || {
        let end = (at..words.orig.len())
            .find(|&j| words.orig[j].ends_with(['.', ';']) && j > at + 2)
            .map_or(words.orig.len(), |j| j + 1);
        words.orig[this..end].join(" ")
    };
    if words.key(i) != "ngay" {
        return Some(Effect::Tied(sentence()));
    }
    let next = words.key(i + 1);
    if next == "ky" || (next == "ban" && words.key(i + 2) == "hanh") {
        return Some(Effect::Signing);
    }
    match date_at(&words, i + 1) {
        Some(day) => Some(Effect::On(day)),
        None => Some(Effect::Tied(sentence())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn annex_titles_name_the_decision() {
        assert_eq!(
            decision_ref(
                "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19 tháng 11 năm 2025 của Chủ tịch UBND tỉnh Quảng Trị)"
            ),
            Some((
                Stated::Value("2715/QĐ-UBND".to_owned()),
                Stated::Value(day("2025-11-19"))
            ))
        );
        assert_eq!(
            decision_ref(
                "(Kèm theo Quyết định số 02144/QĐ-UBND ngày 25/11/2025 của Chủ tịch UBND tỉnh)"
            ),
            Some((
                Stated::Value("02144/QĐ-UBND".to_owned()),
                Stated::Value(day("2025-11-25"))
            ))
        );
        assert_eq!(
            decision_ref("(Kèm theo Quyết định số: 203/QĐ-UBND ngày 28 tháng 11 năm 2025)"),
            Some((
                Stated::Value("203/QĐ-UBND".to_owned()),
                Stated::Value(day("2025-11-28"))
            ))
        );
        assert_eq!(
            decision_ref(
                "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 11 năm 2025 của Chủ tịch UBND tỉnh Bắc Ninh)"
            ),
            Some((Stated::Blank, Stated::Blank))
        );
        assert_eq!(
            decision_ref(
                "(Ban hành kèm theo Quyết định số /QĐ-UBND ngày……./…../2025 của Chủ tịch)"
            ),
            Some((Stated::Blank, Stated::Blank))
        );
        assert_eq!(decision_ref("DANH MỤC THỦ TỤC HÀNH CHÍNH"), None);
    }

    #[test]
    fn header_block_number_and_date() {
        assert_eq!(
            number_line("Số: 2715/QĐ-UBND"),
            Some(Stated::Value("2715/QĐ-UBND".to_owned()))
        );
        assert_eq!(number_line("Số:   /QĐ-UBND"), Some(Stated::Blank));
        assert_eq!(number_line("Số 04 đường Nguyễn Tất Thành"), None);
        assert_eq!(
            dated_line("Quảng Trị, ngày 19 tháng 11 năm 2025"),
            Some(Stated::Value(day("2025-11-19")))
        );
        assert_eq!(
            dated_line("Hà Nội, ngày     tháng     năm 2025"),
            Some(Stated::Blank)
        );
        assert_eq!(dated_line("Độc lập - Tự do - Hạnh phúc"), None);
    }

    #[test]
    fn effective_date_forms() {
        assert_eq!(
            effect("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký"),
            Some(Effect::Signing)
        );
        assert_eq!(
            effect(
                "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký, ban hành. Chánh Văn phòng …"
            ),
            Some(Effect::Signing)
        );
        assert_eq!(
            effect("Điều 3. Quyết định này có hiệu lực kể từ ngày ban hành; bãi bỏ Danh mục …"),
            Some(Effect::Signing)
        );
        assert_eq!(
            effect("Điều 3. Quyết định này có hiệu lực kể từ ngày 20/11/2025."),
            Some(Effect::On(day("2025-11-20")))
        );
        assert_eq!(
            effect("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01/5/2026."),
            Some(Effect::On(day("2026-05-01")))
        );
        assert_eq!(
            effect("Điều 4. Quyết định này có hiệu lực kể từ ngày 01 tháng 11 năm 2025."),
            Some(Effect::On(day("2025-11-01")))
        );
        let Some(Effect::Tied(text)) = effect(
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày Nghị định số 268/2025/NĐ-CP ngày 14 tháng 10 năm 2025 của Chính phủ có hiệu lực.",
        ) else {
            panic!("not tied");
        };
        assert!(text.contains("268/2025/NĐ-CP"), "{text}");
        assert!(matches!(
            effect("Điều 2. Quyết định này có hiệu lực theo Quyết định số 3740/QĐ-BTC."),
            Some(Effect::Tied(_))
        ));
        assert_eq!(
            effect("Nội dung … hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành."),
            None
        );
        assert_eq!(
            effect("Điều 1. Công bố kèm theo Quyết định này danh mục"),
            None
        );
    }
}
