//! Where a row stands in its decision's annex, and references to rows of an
//! earlier annex by their row number: "số thứ tự 04 Mục I Phụ lục I kèm
//! theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025".
//!
//! Labels are compared by [`label_key`]: "I", "1" and "01" are one label,
//! as annexes number the same section "Phụ lục I" in one place and "Phụ
//! lục 1" in another.

use std::fmt;

use super::{Code, Day, Level};

/// The place of a row in its annex: the annex ("Phụ lục II" → "II"; empty
/// when the decision has one unnumbered annex), the labels of the headings
/// above it, outermost first ("A", "I"), and its number (STT) as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub annex: String,
    pub sections: Vec<String>,
    pub stt: String,
}

impl Position {
    /// The sections as stored: labels joined by " / ".
    pub fn sections_text(&self) -> String {
        self.sections.join(SECTION_SEPARATOR)
    }

    /// The sections from their stored text.
    pub fn sections_from(text: &str) -> Vec<String> {
        if text.is_empty() {
            Vec::new()
        } else {
            text.split(SECTION_SEPARATOR).map(str::to_owned).collect()
        }
    }

    /// Whether this row is one that `reference` names by `stt`: the same
    /// row number, in the annex it names (an annex without a label is
    /// any), under every section label it names.
    pub fn is_named_by(&self, reference: &RowReference, stt: &str) -> bool {
        if label_key(&self.stt) != label_key(stt) || self.stt.is_empty() {
            return false;
        }
        if let Some(annex) = &reference.annex
            && !self.annex.is_empty()
            && label_key(annex) != label_key(&self.annex)
        {
            return false;
        }
        reference.sections.iter().all(|wanted| {
            let wanted = label_key(wanted);
            self.sections.iter().any(|s| label_key(s) == wanted)
        })
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "số thứ tự {}", self.stt)?;
        for section in self.sections.iter().rev() {
            write!(f, ", mục {section}")?;
        }
        if !self.annex.is_empty() {
            write!(f, ", Phụ lục {}", self.annex)?;
        }
        Ok(())
    }
}

const SECTION_SEPARATOR: &str = " / ";

/// A reference to rows of an earlier decision's annex by their numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReference {
    /// The row numbers, as written ("04", "2").
    pub rows: Vec<String>,
    /// The section labels named, innermost first as written ("Mục I" → "I").
    pub sections: Vec<String>,
    /// The annex named ("Phụ lục I" → "I"); `None` when none is named.
    pub annex: Option<String>,
    /// The decision's number as written.
    pub decision: String,
    /// Its signing date, when the reference gives it.
    pub signed: Option<Day>,
}

impl fmt::Display for RowReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "số thứ tự {}", self.rows.join(", "))?;
        for section in &self.sections {
            write!(f, " mục {section}")?;
        }
        if let Some(annex) = &self.annex {
            write!(f, " Phụ lục {annex}")?;
        }
        write!(
            f,
            " {}",
            crate::tr!("position-of-decision", decision = self.decision.as_str())
        )?;
        if let Some(day) = self.signed {
            write!(f, " ({day})")?;
        }
        Ok(())
    }
}

/// A numbered row of a stored decision's annex, and the entry it made there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexRow {
    pub position: Position,
    pub code: Code,
    pub level: Level,
    pub name: String,
}

/// What the catalog holds of the decision a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Annex {
    /// No stored decision has that number (signed that day, when the
    /// reference gives the date).
    NotStored,
    /// The reference gives no date, and several stored decisions have that
    /// number (numbers restart every year): their signing dates.
    Several(Vec<Day>),
    /// The decision, and its numbered rows (none when it was imported from a
    /// file that numbers no rows).
    Stored {
        number: String,
        signed: Day,
        rows: Vec<AnnexRow>,
    },
}

impl Annex {
    /// The rows a reference names by row number `stt`.
    pub fn rows_named<'a>(&'a self, reference: &RowReference, stt: &str) -> Vec<&'a AnnexRow> {
        match self {
            Annex::Stored { rows, .. } => rows
                .iter()
                .filter(|r| r.position.is_named_by(reference, stt))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The comparison key of a label: upper case, a Roman numeral or a number
/// as its value ("IV", "4" and "04" → "4"), anything else as written.
pub fn label_key(label: &str) -> String {
    let upper = label.trim().trim_end_matches(['.', ')']).to_uppercase();
    if !upper.is_empty() && upper.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = upper.trim_start_matches('0');
        return if trimmed.is_empty() { "0" } else { trimmed }.to_owned();
    }
    roman_value(&upper).map_or(upper, |v| v.to_string())
}

/// The value of a Roman numeral of I, V, X and L (annex and section
/// numbers do not go further), written in the usual subtractive form.
fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= i64::from(d);
        } else {
            total += i64::from(d);
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(rows: &[&str], sections: &[&str], annex: Option<&str>) -> RowReference {
        RowReference {
            rows: rows.iter().map(|s| (*s).to_owned()).collect(),
            sections: sections.iter().map(|s| (*s).to_owned()).collect(),
            annex: annex.map(str::to_owned),
            decision: "1308/QĐ-UBND".to_owned(),
            signed: None,
        }
    }

    fn position(annex: &str, sections: &[&str], stt: &str) -> Position {
        Position {
            annex: annex.to_owned(),
            sections: sections.iter().map(|s| (*s).to_owned()).collect(),
            stt: stt.to_owned(),
        }
    }

    #[test]
    fn labels_compare_by_value() {
        assert_eq!(label_key("IV"), "4");
        assert_eq!(label_key("04"), "4");
        assert_eq!(label_key("4."), "4");
        assert_eq!(label_key("XIV"), "14");
        assert_eq!(label_key("a1"), "A1");
        assert_eq!(label_key("B"), "B");
        assert_eq!(label_key("00"), "0");
    }

    #[test]
    fn a_row_is_named_by_its_number_annex_and_sections() {
        let row = position("I", &["A", "I"], "04");
        assert!(row.is_named_by(&reference(&["4"], &["I"], Some("1")), "4"));
        assert!(row.is_named_by(&reference(&["04"], &[], None), "04"));
        assert!(row.is_named_by(&reference(&["4"], &["I", "A"], Some("I")), "4"));
        assert!(!row.is_named_by(&reference(&["4"], &["II"], Some("I")), "4"));
        assert!(!row.is_named_by(&reference(&["4"], &["I"], Some("II")), "4"));
        assert!(!row.is_named_by(&reference(&["5"], &["I"], Some("I")), "5"));
    }

    #[test]
    fn an_annex_without_a_label_is_any_annex() {
        let row = position("", &["I"], "2");
        assert!(row.is_named_by(&reference(&["2"], &["I"], Some("I")), "2"));
    }

    #[test]
    fn a_row_without_a_number_is_never_named() {
        let row = position("I", &[], "");
        assert!(!row.is_named_by(&reference(&[""], &[], None), ""));
    }

    #[test]
    fn sections_round_trip_through_their_text() {
        let row = position("", &["A", "I", "A1"], "1");
        assert_eq!(Position::sections_from(&row.sections_text()), row.sections);
        assert!(Position::sections_from("").is_empty());
    }

    #[test]
    fn positions_print_as_a_clerk_writes_them() {
        assert_eq!(
            position("I", &["A", "I"], "04").to_string(),
            "số thứ tự 04, mục I, mục A, Phụ lục I"
        );
    }
}
