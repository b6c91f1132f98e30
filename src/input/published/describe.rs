//! What a reading found, in words: what a heading sets for the rows below
//! it, why a line holds no procedure, and which flags the problems ask for.

use super::{Heading, SkipKind, action_words};
use crate::domain::values::SHARED_LEVELS;

impl Heading {
    /// What the heading sets for the rows below it: "action added; field
    /// \"Điện lực\"", "levels province,commune (áp dụng chung)"; "nothing"
    /// for a heading that names no action, level or field.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.actions.as_slice() {
            [] => {}
            [one] => parts.push(crate::tr!("input-heading-action", action = one.word())),
            several => parts.push(crate::tr!(
                "input-heading-actions",
                actions = action_words(several)
            )),
        }
        let levels = |set: crate::domain::LevelSet| {
            crate::tr!(
                "input-heading-levels",
                count = set.iter().count(),
                levels = set.words()
            )
        };
        if let Some(set) = self.levels {
            parts.push(levels(set));
        } else if self.shared {
            parts.push(crate::tr!(
                "input-heading-shared",
                levels = levels(SHARED_LEVELS)
            ));
        } else if let Some(set) = self.authority {
            parts.push(crate::tr!("input-heading-authority", levels = levels(set)));
        }
        if let Some(field) = &self.field {
            parts.push(crate::tr!(
                "input-heading-field",
                field = format!("{field:?}")
            ));
        }
        if parts.is_empty() {
            crate::tr!("input-heading-nothing")
        } else {
            parts.join("; ")
        }
    }
}

impl SkipKind {
    /// Short name: `header_block`, `layout`, `body`, `title`, `totals`,
    /// `footnote`, `note`, `numbering`, `non_catalog_table`.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipKind::HeaderBlock => "header_block",
            SkipKind::Layout => "layout",
            SkipKind::Body => "body",
            SkipKind::Title => "title",
            SkipKind::Totals => "totals",
            SkipKind::Footnote => "footnote",
            SkipKind::Note => "note",
            SkipKind::Numbering => "numbering",
            SkipKind::NonCatalogTable => "non_catalog_table",
        }
    }

    /// What the line is, for people.
    pub fn describe(self) -> String {
        match self {
            SkipKind::HeaderBlock => crate::tr!("input-skip-header-block"),
            SkipKind::Layout => crate::tr!("input-skip-layout"),
            SkipKind::Body => crate::tr!("input-skip-body"),
            SkipKind::Title => crate::tr!("input-skip-title"),
            SkipKind::Totals => crate::tr!("input-skip-totals"),
            SkipKind::Footnote => crate::tr!("input-skip-footnote"),
            SkipKind::Note => crate::tr!("input-skip-note"),
            SkipKind::Numbering => crate::tr!("input-skip-numbering"),
            SkipKind::NonCatalogTable => crate::tr!("input-skip-non-catalog"),
        }
    }

    /// Every kind, in the order reports list them.
    pub const ALL: [SkipKind; 9] = [
        SkipKind::HeaderBlock,
        SkipKind::Body,
        SkipKind::Layout,
        SkipKind::Title,
        SkipKind::Note,
        SkipKind::Footnote,
        SkipKind::Numbering,
        SkipKind::Totals,
        SkipKind::NonCatalogTable,
    ];
}

/// The options that would settle these problems ("give --effective", "or
/// give --field"), in the order the import command takes them:
/// `decision`, `signed`, `effective`, `action`, `level`, `field`.
pub fn flags_asked<'a>(messages: impl IntoIterator<Item = &'a str>) -> Vec<&'static str> {
    const FLAGS: [&str; 6] = [
        "decision",
        "signed",
        "effective",
        "action",
        "level",
        "field",
    ];
    let messages: Vec<&str> = messages.into_iter().collect();
    FLAGS
        .into_iter()
        .filter(|flag| {
            let asked = format!("give --{flag}");
            messages.iter().any(|m| {
                m.match_indices(&asked).any(|(at, _)| {
                    // "give --level" but not "give --levels".
                    !m[at + asked.len()..].starts_with(|c: char| c.is_alphanumeric())
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Action, LevelSet};

    fn heading() -> Heading {
        Heading {
            line: 12,
            text: "I. THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH".to_owned(),
            actions: Vec::new(),
            levels: None,
            shared: false,
            authority: None,
            field: None,
        }
    }

    #[test]
    fn a_heading_says_what_it_sets() {
        assert_eq!(heading().describe(), "nothing");
        let added = Heading {
            actions: vec![Action::Added],
            field: Some("Điện lực".to_owned()),
            ..heading()
        };
        assert_eq!(added.describe(), "action added; field \"Điện lực\"");
        let two = Heading {
            actions: vec![Action::Amended, Action::Repealed],
            ..heading()
        };
        assert_eq!(two.describe(), "actions amended and repealed");
        let shared = Heading {
            shared: true,
            ..heading()
        };
        assert_eq!(shared.describe(), "levels province,commune (áp dụng chung)");
        let commune = LevelSet::parse("commune").unwrap();
        let province = LevelSet::parse("province").unwrap();
        // Level words win over the competent authority, as for the rows.
        let both = Heading {
            levels: Some(commune),
            authority: Some(province),
            ..heading()
        };
        assert_eq!(both.describe(), "level commune");
        let authority = Heading {
            authority: Some(province),
            ..heading()
        };
        assert_eq!(
            authority.describe(),
            "level province (the competent authority)"
        );
    }

    #[test]
    fn skip_kinds_have_distinct_names() {
        let mut names: Vec<&str> = SkipKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SkipKind::ALL.len());
        assert_eq!(SkipKind::NonCatalogTable.as_str(), "non_catalog_table");
        assert_eq!(SkipKind::Body.describe(), "body of the decision");
    }

    #[test]
    fn problems_name_the_flags_that_settle_them() {
        assert_eq!(
            flags_asked([
                "field is empty: added rows need a field (or give --field)",
                "the effective date is not stated: give --effective",
                "--action added contradicts the document, which says amended",
                "no level stated: ... give --level",
                "to keep those levels give --levels province",
            ]),
            ["effective", "level", "field"]
        );
        assert!(flags_asked(["column code: bad code"]).is_empty());
    }
}
