//! Header rows of annex tables: which rows are headers, and which column
//! each grid position names (also across a two-row header).

use super::words::{Words, spaced};
use crate::domain::Code;
use crate::domain::text::{clean, fold};
use crate::input::Column;
use crate::input::document::{Cell, Merge};

/// Header cells longer than this are data, not a header.
const MAX_HEADER_CELL: usize = 160;

/// The cells of a row, cleaned (trimmed, NFC).
pub(super) fn texts(cells: &[Cell]) -> Vec<String> {
    cells.iter().map(|c| clean(&c.text)).collect()
}

/// Whether a row is a table header: at least two different known columns,
/// one of them the name or the code, and no cell that is data (a code, a
/// row number, a long text).
pub(super) fn is_header(texts: &[String]) -> bool {
    let mut seen: Vec<Column> = Vec::new();
    for text in texts {
        if text.chars().count() > MAX_HEADER_CELL || Code::parse(text).is_ok() {
            return false;
        }
        if let Some(c) = Column::from_annex_header(text)
            && !seen.contains(&c)
        {
            seen.push(c);
        }
    }
    let first_is_number = texts
        .first()
        .is_some_and(|t| super::words::is_row_number(t));
    seen.len() >= 2
        && (seen.contains(&Column::Name) || seen.contains(&Column::Code))
        && !first_is_number
}

/// Whether a row is the upper row of a two-row header whose lower row
/// `next` is a header: the upper row numbers rows ("STT"), its cells are
/// short and no data, it is no header alone, and the lower row leaves the
/// number column empty (merged down).
pub(super) fn is_upper_header_row(texts: &[String], next: &[String]) -> bool {
    let Some(number) = texts.iter().position(|t| is_number_header(t)) else {
        return false;
    };
    let filled = texts.iter().filter(|t| !t.is_empty()).count();
    filled >= 2
        && !is_header(texts)
        && is_header(next)
        && next.get(number).is_none_or(String::is_empty)
        && texts
            .iter()
            .all(|t| t.chars().count() <= MAX_HEADER_CELL && Code::parse(t).is_err())
}

/// The header cell that numbers rows: "STT", "TT", "Số TT", "Số thứ tự".
pub(super) fn is_number_header(text: &str) -> bool {
    let letters: String = fold(text).chars().filter(|c| c.is_alphanumeric()).collect();
    matches!(
        letters.as_str(),
        "stt" | "tt" | "sốtt" | "sốthứtự" | "thứtự"
    )
}

/// Whether the row under a header continues it (the second row of a
/// two-row header): nothing in the number column, short cells only, and
/// either a cell under a merged or empty header cell, or a cell that names a
/// column.
pub(super) fn is_second_header_row(
    header: &[(String, Merge)],
    texts: &[String],
    number: usize,
) -> bool {
    if texts.get(number).is_some_and(|t| !t.is_empty()) {
        return false;
    }
    let filled: Vec<usize> = (0..texts.len()).filter(|&i| !texts[i].is_empty()).collect();
    if filled.is_empty() {
        return false;
    }
    if filled
        .iter()
        .any(|&i| texts[i].chars().count() > MAX_HEADER_CELL || Code::parse(&texts[i]).is_ok())
    {
        return false;
    }
    // A heading under the header ("A. Thủ tục hành chính cấp xã") is no header.
    if filled.len() == 1 {
        let s = spaced(&texts[filled[0]]);
        if super::words::looks_like_heading(&Words::new(&s)) {
            return false;
        }
    }
    filled.iter().any(|&i| {
        let under_merge = header
            .get(i)
            .is_none_or(|(text, merge)| text.is_empty() || *merge == Merge::Left);
        under_merge || Column::from_annex_header(&texts[i]).is_some()
    })
}

/// One grid position of a mapped header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Position {
    /// The header text ("Thời hạn giải quyết / Theo quy định" for two rows).
    pub(super) text: String,
    pub(super) column: Option<Column>,
}

/// Maps a header of one or two rows. A column named twice keeps its first
/// position; the others are unmapped.
pub(super) fn map(top: &[(String, Merge)], second: Option<&[String]>) -> Vec<Position> {
    let width = top.len().max(second.map_or(0, <[String]>::len));
    let mut out: Vec<Position> = Vec::with_capacity(width);
    let mut spanning = String::new();
    for i in 0..width {
        let (own, merge) = top.get(i).cloned().unwrap_or_default();
        if !own.is_empty() {
            spanning.clone_from(&own);
        }
        let sub = second.and_then(|s| s.get(i)).cloned().unwrap_or_default();
        // The text of the top cell over this position: its own, or the one
        // of a merge it belongs to (empty cells beside it in a spreadsheet).
        let over = if own.is_empty() && (merge == Merge::Left || !sub.is_empty()) {
            spanning.clone()
        } else {
            own.clone()
        };
        let (text, column) = match (over.is_empty(), sub.is_empty()) {
            (_, true) => (over.clone(), Column::from_annex_header(&over)),
            (true, false) => (sub.clone(), Column::from_annex_header(&sub)),
            (false, false) => {
                let upper = Column::from_annex_header(&over);
                let lower = Column::from_annex_header(&sub);
                let column = match (upper, lower) {
                    // "Tên TTHC" over "Mã TTHC": the name cell holds the code on its own line.
                    (Some(Column::Name), Some(Column::Code)) if !own.is_empty() => {
                        Some(Column::Name)
                    }
                    (_, Some(c)) => Some(c),
                    (u, None) => u,
                };
                (format!("{over} / {sub}"), column)
            }
        };
        let column = column.filter(|c| !out.iter().any(|p| p.column == Some(*c)));
        out.push(Position { text, column });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    fn top(cells: &[&str]) -> Vec<(String, Merge)> {
        cells
            .iter()
            .map(|c| ((*c).to_owned(), Merge::None))
            .collect()
    }

    #[test]
    fn header_rows_are_told_from_data_and_headings() {
        assert!(is_header(&row(&[
            "TT",
            "Mã TTHC",
            "Tên TTHC",
            "Phí, lệ phí"
        ])));
        assert!(is_header(&row(&[
            "STT",
            "Tên thủ tục hành chính/ Mã thủ tục hành chính",
            "Thời hạn giải quyết"
        ])));
        assert!(!is_header(&row(&["1", "1.014199.H05", "Tên TTHC"])));
        assert!(!is_header(&row(&["DANH MỤC THỦ TỤC HÀNH CHÍNH", "", ""])));
        assert!(!is_header(&row(&[
            "TT",
            "Thời hạn giải quyết",
            "Phí, lệ phí"
        ])));
        assert!(is_number_header("Stt") && is_number_header("Số TT") && !is_number_header("Tên"));
    }

    #[test]
    fn a_two_row_header_is_mapped_per_position() {
        let header = top(&[
            "STT",
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Thời hạn giải quyết",
            "",
            "Phí, lệ phí",
        ]);
        let second = row(&[
            "",
            "",
            "",
            "Theo quy định",
            "NQ số 66/NQ-CP ngày 26/3/2025",
            "",
        ]);
        assert!(is_second_header_row(&header, &second, 0));
        let mapped = map(&header, Some(&second));
        let columns: Vec<Option<Column>> = mapped.iter().map(|p| p.column).collect();
        assert_eq!(
            columns,
            [
                None,
                Some(Column::Code),
                Some(Column::Name),
                Some(Column::ProcessingTime),
                None,
                Some(Column::Fee)
            ]
        );
        assert_eq!(mapped[3].text, "Thời hạn giải quyết / Theo quy định");
        assert_eq!(
            mapped[4].text,
            "Thời hạn giải quyết / NQ số 66/NQ-CP ngày 26/3/2025"
        );
        // A heading right under the header is no second header row.
        let heading = row(&["A. Thủ tục hành chính áp dụng chung", "", "", "", "", ""]);
        assert!(!is_second_header_row(&header, &heading, 0));
    }

    #[test]
    fn name_over_code_is_a_name_cell_holding_the_code() {
        let header = top(&["STT", "Tên TTHC", "Cơ quan thực hiện"]);
        let second = row(&["", "Mã TTHC", ""]);
        let mapped = map(&header, Some(&second));
        assert_eq!(mapped[1].column, Some(Column::Name));
        assert_eq!(mapped[2].column, Some(Column::Agency));
        let header = top(&["STT", "Thủ tục hành chính", "", "Cơ quan thực hiện"]);
        let second = row(&["", "Tên TTHC", "Mã TTHC", ""]);
        let mapped = map(&header, Some(&second));
        let columns: Vec<Option<Column>> = mapped.iter().map(|p| p.column).collect();
        assert_eq!(
            columns,
            [
                None,
                Some(Column::Name),
                Some(Column::Code),
                Some(Column::Agency)
            ]
        );
    }
}
