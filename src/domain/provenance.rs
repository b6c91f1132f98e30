//! Where the facts of a row of a decision came from: its own cell, a section
//! heading, the annex title, the competent authority a title names, the
//! decision's body, or a command-line flag.

use std::fmt;

use super::position::Position;

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The row's own cell, under this header.
    Cell { column: String },
    /// A section heading (paragraph or heading row).
    Heading { line: u64 },
    /// The annex title, or the decision's title.
    Title { line: u64 },
    /// The level of the competent authority a title or heading names
    /// ("… thuộc thẩm quyền giải quyết của Sở Công Thương").
    Authority { line: u64 },
    /// The decision's body: the header block or an article.
    Body { line: u64 },
    /// A command-line flag.
    Flag,
    /// The catalog: the only level at which the entry is in force.
    Catalog,
}

impl Origin {
    /// The compact form the store keeps: `cell:HEADER`, `heading:LINE`,
    /// `title:LINE`, `authority:LINE`, `body:LINE` or `flag`.
    pub fn to_code(&self) -> String {
        match self {
            Origin::Cell { column } => format!("cell:{column}"),
            Origin::Heading { line } => format!("heading:{line}"),
            Origin::Title { line } => format!("title:{line}"),
            Origin::Authority { line } => format!("authority:{line}"),
            Origin::Body { line } => format!("body:{line}"),
            Origin::Flag => "flag".to_owned(),
            Origin::Catalog => "catalog".to_owned(),
        }
    }

    /// Reads [`Origin::to_code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Origin> {
        match code {
            "flag" => return Some(Origin::Flag),
            "catalog" => return Some(Origin::Catalog),
            _ => {}
        }
        let (kind, rest) = code.split_once(':')?;
        if kind == "cell" {
            return Some(Origin::Cell {
                column: rest.to_owned(),
            });
        }
        let line = rest.parse().ok()?;
        Some(match kind {
            "heading" => Origin::Heading { line },
            "title" => Origin::Title { line },
            "authority" => Origin::Authority { line },
            "body" => Origin::Body { line },
            _ => return None,
        })
    }
}

impl Origin {
    /// Where a fact came from, in the run's language, for people: "heading
    /// at line 12", "đề mục ở dòng 12". [`Display`](fmt::Display) gives
    /// the English kept in JSON.
    pub fn describe(&self) -> String {
        match self {
            Origin::Cell { column } => {
                crate::tr!("origin-cell", column = format!("{column:?}"))
            }
            Origin::Heading { line } => crate::tr!("origin-heading", line = *line),
            Origin::Title { line } => crate::tr!("origin-title", line = *line),
            Origin::Authority { line } => crate::tr!("origin-authority", line = *line),
            Origin::Body { line } => crate::tr!("origin-body", line = *line),
            Origin::Flag => crate::tr!("origin-flag"),
            Origin::Catalog => crate::tr!("origin-catalog"),
        }
    }
}

impl fmt::Display for Origin {
    /// "cell \"Ghi chú\"", "heading at line 12", "the competent authority in the title, line 2".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Cell { column } => write!(f, "cell {column:?}"),
            Origin::Heading { line } => write!(f, "heading at line {line}"),
            Origin::Title { line } => write!(f, "title, line {line}"),
            Origin::Authority { line } => {
                write!(f, "the competent authority in the title, line {line}")
            }
            Origin::Body { line } => write!(f, "body of the decision, line {line}"),
            Origin::Flag => f.write_str("command-line flag"),
            Origin::Catalog => f.write_str("the catalog, the only level in force"),
        }
    }
}

/// Where the action, level(s), field and decision of one row came from, and
/// the place in the file that holds the row ("table 3", a sheet's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub place: String,
    pub action: Origin,
    pub levels: Origin,
    /// `None` when the row states no field.
    pub field: Option<Origin>,
    pub decision: Origin,
    /// Where the row stands in its annex, when it has a number (STT).
    pub position: Option<Position>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_round_trip_through_their_code() {
        for origin in [
            Origin::Cell {
                column: "Ghi chú: bãi bỏ".into(),
            },
            Origin::Heading { line: 12 },
            Origin::Title { line: 2 },
            Origin::Authority { line: 2 },
            Origin::Body { line: 40 },
            Origin::Flag,
            Origin::Catalog,
        ] {
            assert_eq!(Origin::from_code(&origin.to_code()), Some(origin));
        }
        assert_eq!(Origin::from_code("heading:x"), None);
        assert_eq!(Origin::from_code("row:3"), None);
        assert_eq!(
            Origin::Authority { line: 2 }.to_string(),
            "the competent authority in the title, line 2"
        );
    }
}
