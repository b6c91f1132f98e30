//! References to rows of an earlier decision's annex by their numbers, as
//! decisions write them in a cell or in their body:
//! - "Số thứ tự 04 Mục I Phụ lục I kèm theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025";
//! - "bãi bỏ Danh mục TTHC có số thứ tự 2,3,4 Phần I ban hành kèm theo
//!   Quyết định 1037/QĐ-UBND ngày 14/5/2025";
//! - "Quyết định số 2187/QĐ-UBND ngày 28 tháng 5 năm 2025 … (thứ tự 05, 06,
//!   08 tại Phụ lục I)";
//! - "… có số thứ tự 10 tại tiểu mục I, tiểu mục A1, mục A, phần I; … số thứ
//!   tự 31 tại …, Phụ lục 1 ban hành kèm theo Quyết định số 530/QĐ-UBND …".

use super::body::date_at;
use super::words::{self, Words, is_label, spaced};
use crate::domain::position::RowReference;
use crate::domain::{Action, Day};

/// Row numbers one reference may list ("từ 1 đến 400" is a range of 400).
pub const MAX_REFERENCED_ROWS: usize = 500;

/// The references a text makes, in the order written. A text without
/// "thứ tự"/"STT" followed by a number, or without the decision the rows
/// belong to, makes none.
pub fn row_references(text: &str) -> Vec<RowReference> {
    located(text).into_iter().map(|(_, r)| r).collect()
}

/// The references a sentence of the body makes, each with the action the
/// words before it apply ("bãi bỏ … số thứ tự 10 …; bãi bỏ … số thứ tự 31 …"),
/// or failing that the whole sentence ("… tại số thứ tự 3 … hết hiệu lực").
pub fn body_references(text: &str) -> Vec<(Option<Action>, RowReference)> {
    let s = spaced(text);
    let w = Words::new(&s);
    let whole = body_action(&w);
    let mut from = 0;
    located(text)
        .into_iter()
        .map(|(at, reference)| {
            let before = Words {
                orig: w.orig[from.min(at)..at].to_vec(),
                keys: w.keys[from.min(at)..at].to_vec(),
            };
            from = at;
            (body_action(&before).or(whole), reference)
        })
        .collect()
}

/// The references of a text with the word each starts at.
fn located(text: &str) -> Vec<(usize, RowReference)> {
    let s = spaced(text);
    let w = Words::new(&s);
    let starts: Vec<(usize, usize)> = (0..w.keys.len())
        .filter_map(|i| numbers_start(&w, i).map(|n| (i, n)))
        .collect();
    let mut out = Vec::new();
    for (k, &(at, first_number)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(w.keys.len(), |&(next, _)| next);
        let (rows, mut i) = numbers(&w, first_number);
        if rows.is_empty() {
            continue;
        }
        let mut sections = Vec::new();
        let mut annex = None;
        let mut decision = None;
        while i < end {
            if w.at(i, &["quyet", "dinh"]) {
                decision = decision_named(&w, i);
                if decision.is_some() {
                    break;
                }
                i += 2;
                continue;
            }
            if w.at(i, &["phu", "luc"]) {
                let label = bare(w.orig.get(i + 2).copied().unwrap_or(""));
                if is_label(&label) && !matches!(w.key(i + 2), "phan" | "muc") {
                    annex = Some(label);
                    i += 3;
                } else {
                    i += 2;
                }
                continue;
            }
            if matches!(w.key(i), "muc" | "phan") {
                let label = bare(w.orig.get(i + 1).copied().unwrap_or(""));
                if is_label(&label) {
                    sections.push(label);
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
        // The decision after the row numbers; else the next one named (for
        // several references before one decision: "số thứ tự 10 tại …; số
        // thứ tự 31 tại …, Phụ lục 1 … Quyết định số 530/QĐ-UBND"); else the
        // last one before them ("Quyết định số 2187/QĐ-UBND … (thứ tự 05 …)").
        let Some((decision, signed)) = decision
            .or_else(|| decision_from(&w, end))
            .or_else(|| last_decision_before(&w, at))
        else {
            continue;
        };
        out.push((
            at,
            RowReference {
                rows,
                sections,
                annex,
                decision,
                signed,
            },
        ));
    }
    // A later reference may name the annex for the ones before it, up to
    // the same decision.
    for k in (0..out.len().saturating_sub(1)).rev() {
        if out[k].1.annex.is_none() && out[k].1.decision == out[k + 1].1.decision {
            let annex = out[k + 1].1.annex.clone();
            out[k].1.annex = annex;
        }
    }
    out
}

/// The action words apply to the rows they reference: "bãi bỏ", "hết
/// hiệu lực" (repealed), "thay thế", "sửa đổi"; none when they name several.
fn body_action(w: &Words<'_>) -> Option<Action> {
    let actions = words::actions(w);
    match actions.as_slice() {
        [one] => Some(*one),
        [] if w.has(&["het", "hieu", "luc"]) => Some(Action::Repealed),
        _ => None,
    }
}

/// Where the row numbers start, when word `i` opens a reference: "thứ
/// tự", "số thứ tự", "STT", "TT" followed by a number.
fn numbers_start(w: &Words<'_>, i: usize) -> Option<usize> {
    let after = if w.at(i, &["thu", "tu"]) {
        i + 2
    } else if matches!(w.key(i), "stt" | "tt") && (i == 0 || w.key(i - 1) != "thu") {
        i + 1
    } else {
        return None;
    };
    // "số thứ tự từ 3 đến 7"
    let after = if w.key(after) == "tu" {
        after + 1
    } else {
        after
    };
    first_number(w.orig.get(after).copied().unwrap_or("")).map(|_| after)
}

/// The row numbers from word `i` on: "2,3,4", "05, 06 và 08", "từ 3 đến 7";
/// returns them and the word after them.
fn numbers(w: &Words<'_>, mut i: usize) -> (Vec<String>, usize) {
    let mut rows: Vec<String> = Vec::new();
    loop {
        let word = w.orig.get(i).copied().unwrap_or("");
        let parts: Vec<&str> = word
            .split([',', ';'])
            .map(|p| p.trim_matches(|c: char| !c.is_ascii_digit()))
            .filter(|p| !p.is_empty())
            .collect();
        let all_digits = !parts.is_empty()
            && word
                .split([',', ';'])
                .map(|p| p.trim_matches(['.', ')', '(', ':']))
                .filter(|p| !p.is_empty())
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if all_digits {
            rows.extend(parts.iter().map(|p| (*p).to_owned()));
            i += 1;
            if word.ends_with(';') || word.ends_with('.') && !word.ends_with("..") {
                break;
            }
            continue;
        }
        let key = w.key(i);
        let next_is_number = first_number(w.orig.get(i + 1).copied().unwrap_or("")).is_some();
        if (key == "va" || w.orig.get(i) == Some(&",")) && !rows.is_empty() && next_is_number {
            i += 1;
            continue;
        }
        if key == "den"
            && let (Some(from), Some(to)) = (
                rows.last().and_then(|r| r.parse::<usize>().ok()),
                first_number(w.orig.get(i + 1).copied().unwrap_or("")),
            )
            && to > from
            && to - from < MAX_REFERENCED_ROWS
        {
            rows.extend((from + 1..=to).map(|n| n.to_string()));
            i += 2;
            continue;
        }
        break;
    }
    rows.truncate(MAX_REFERENCED_ROWS);
    (rows, i)
}

/// The number a word starts with ("04", "2,3,4" → 2).
fn first_number(word: &str) -> Option<usize> {
    let digits: String = word
        .trim_start_matches(['(', ':'])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > 5 {
        return None;
    }
    digits.parse().ok()
}

/// A label as written, without its trailing punctuation.
fn bare(word: &str) -> String {
    word.trim_end_matches(['.', ',', ';', ':', ')']).to_owned()
}

/// The first decision with a number named at or after word `from`.
fn decision_from(w: &Words<'_>, from: usize) -> Option<(String, Option<Day>)> {
    (from..w.keys.len())
        .filter(|&i| w.at(i, &["quyet", "dinh"]))
        .find_map(|i| decision_named(w, i))
}

/// The last "Quyết định" with a number before word `before`.
fn last_decision_before(w: &Words<'_>, before: usize) -> Option<(String, Option<Day>)> {
    (0..before)
        .rev()
        .filter(|&i| w.at(i, &["quyet", "dinh"]))
        .find_map(|i| decision_named(w, i))
}

/// The number and date of the decision "Quyết định (số) N ngày D" at word `at`.
fn decision_named(w: &Words<'_>, at: usize) -> Option<(String, Option<Day>)> {
    let mut i = at + 2;
    if w.key(i) == "so" {
        i += 1;
    }
    let token = w.orig.get(i)?.trim_start_matches(':');
    let number = token.trim_end_matches([',', ';', '.', ':', ')']);
    if !(number.contains('/') && number.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    let signed = (w.key(i + 1) == "ngay")
        .then(|| date_at(w, i + 2))
        .flatten();
    Some((number.to_owned(), signed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn one(text: &str) -> RowReference {
        let mut refs = row_references(text);
        assert_eq!(refs.len(), 1, "{refs:?}");
        refs.remove(0)
    }

    #[test]
    fn a_cell_of_a_repeal_table() {
        let r =
            one("Số thứ tự 04 Mục I Phụ lục I kèm theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025");
        assert_eq!(r.rows, ["04"]);
        assert_eq!(r.sections, ["I"]);
        assert_eq!(r.annex.as_deref(), Some("I"));
        assert_eq!(r.decision, "1308/QĐ-UBND");
        assert_eq!(r.signed, Some(day("2025-06-18")));
    }

    #[test]
    fn a_sentence_of_the_body_with_a_list() {
        let text = "bãi bỏ Danh mục TTHC có số thứ tự 2,3,4 Phần I ban hành kèm theo Quyết định 1037/QĐ-UBND ngày 14/5/2025";
        let r = one(text);
        assert_eq!(r.rows, ["2", "3", "4"]);
        assert_eq!(r.sections, ["I"]);
        assert_eq!(r.annex, None);
        assert_eq!(r.decision, "1037/QĐ-UBND");
        assert_eq!(actions(text), [Some(Action::Repealed)]);
    }

    #[test]
    fn the_decision_named_before_the_row_numbers() {
        let r = one(
            "Quyết định số 2187/QĐ-UBND ngày 28 tháng 5 năm 2025 của Chủ tịch Ủy ban nhân dân Thành phố về việc công bố danh mục thủ tục hành chính (thứ tự 05, 06, 08, 09, 38, 39 tại Phụ lục I).",
        );
        assert_eq!(r.rows, ["05", "06", "08", "09", "38", "39"]);
        assert_eq!(r.annex.as_deref(), Some("I"));
        assert_eq!(r.decision, "2187/QĐ-UBND");
        assert_eq!(r.signed, Some(day("2025-05-28")));
    }

    #[test]
    fn two_references_to_one_decision_with_nested_sections() {
        let refs = row_references(
            "Quyết định này bãi bỏ danh mục 01 thủ tục hành chính có số thứ tự 10 tại tiểu mục I, tiểu mục A1, mục A, phần I; bãi bỏ 01 danh mục thủ tục hành chính có số thứ tự 31 tại tiểu mục I, tiểu mục A4, mục A, phần I, Phụ lục 1 ban hành kèm theo Quyết định số 530/QĐ-UBND ngày 16 tháng 5 năm 2023 về việc công bố",
        );
        assert_eq!(refs.len(), 2, "{refs:?}");
        assert_eq!(refs[0].rows, ["10"]);
        assert_eq!(refs[0].sections, ["I", "A1", "A", "I"]);
        assert_eq!(refs[0].annex.as_deref(), Some("1"));
        assert_eq!(refs[0].decision, "530/QĐ-UBND");
        assert_eq!(refs[1].rows, ["31"]);
        assert_eq!(refs[1].sections, ["I", "A4", "A", "I"]);
        assert_eq!(refs[1].signed, Some(day("2023-05-16")));
    }

    #[test]
    fn an_unnumbered_annex_and_a_section_after_it() {
        let r = one(
            "a) Sửa đổi, bổ sung: 01 thủ tục hành chính tại số thứ tự 106 trong phụ lục phần A1 tại Quyết định 897/QĐ-TTPVHCC ngày 24/6/2025 của Giám đốc",
        );
        assert_eq!(r.rows, ["106"]);
        assert_eq!(r.sections, ["A1"]);
        assert_eq!(r.annex, None);
        assert_eq!(r.decision, "897/QĐ-TTPVHCC");
        assert_eq!(r.signed, Some(day("2025-06-24")));
    }

    #[test]
    fn numbers_joined_by_va_and_ranges() {
        let r = one("các TTHC có số thứ tự 3 và 5 Quyết định số 12/QĐ-UBND");
        assert_eq!(r.rows, ["3", "5"]);
        let r = one("số thứ tự từ 3 đến 6 Quyết định số 12/QĐ-UBND");
        assert_eq!(r.rows, ["3", "4", "5", "6"]);
        let r = one("STT 3 đến 6 tại Quyết định số 12/QĐ-UBND");
        assert_eq!(r.rows, ["3", "4", "5", "6"]);
    }

    fn actions(text: &str) -> Vec<Option<Action>> {
        body_references(text).into_iter().map(|(a, _)| a).collect()
    }

    #[test]
    fn body_actions() {
        assert_eq!(
            actions(
                "Nội dung công bố tại số thứ tự 3, Phụ lục ban hành kèm theo Quyết định số 0562/QĐ-UBND ngày 29/7/2025 hết hiệu lực kể từ ngày"
            ),
            [Some(Action::Repealed)]
        );
        assert_eq!(
            actions(
                "có hiệu lực thi hành kể từ ngày ký ban hành và thay thế ba (03) thủ tục hành chính (TTHC số thứ tự 03, 04, 05) được công bố tại Quyết định số 1533/QĐ-UBND ngày 22 tháng 10 năm 2025 về việc công bố Danh mục thủ tục hành chính mới ban hành, bãi bỏ"
            ),
            [Some(Action::Replaced)]
        );
        // The referenced decision's own title names other actions.
        assert_eq!(
            actions(
                "Quyết định này bãi bỏ danh mục 01 thủ tục hành chính có số thứ tự 09 tại tiểu mục I, mục A, Phụ lục ban hành kèm theo Quyết định số 480/QĐ-UBND ngày 22 tháng 4 năm 2024 về việc công bố Danh mục thủ tục hành chính được sửa đổi, bổ sung"
            ),
            [Some(Action::Repealed)]
        );
        assert_eq!(
            actions(
                "a) Sửa đổi, bổ sung: 01 thủ tục hành chính tại số thứ tự 106 trong phụ lục phần A1 tại Quyết định 897/QĐ-TTPVHCC ngày 24/6/2025; b) Bãi bỏ 03 thủ tục hành chính tại số thứ tự 107, 108, 109 trong phần A1 tại Quyết định 897/QĐ-TTPVHCC ngày 24/6/2025"
            ),
            [Some(Action::Amended), Some(Action::Repealed)]
        );
    }

    #[test]
    fn texts_that_reference_no_rows() {
        assert!(row_references("Thứ tự công việc").is_empty());
        assert!(row_references("số thứ tự 3 của danh mục").is_empty());
        assert!(row_references("Quyết định số 12/QĐ-UBND ngày 1/1/2025").is_empty());
    }
}
