//! Which entries of a catalog an output keeps: `--level`, `--field` and
//! `--agency` of export, counts, search and reconcile.

use super::text::strip_diacritics;
use super::{CatalogEntry, LevelSet};

/// The entries kept: at one of `levels`, and whose field and agency contain
/// the texts given, compared as search compares them (case and Vietnamese
/// diacritics ignored, so "ho tich" keeps "Hộ tịch"). Nothing given keeps
/// every entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub levels: Option<LevelSet>,
    field: Option<String>,
    agency: Option<String>,
}

impl EntryFilter {
    pub fn new(levels: Option<LevelSet>, field: Option<&str>, agency: Option<&str>) -> Self {
        let folded = |t: Option<&str>| {
            t.map(|t| strip_diacritics(t.trim()))
                .filter(|t| !t.is_empty())
        };
        EntryFilter {
            levels,
            field: folded(field),
            agency: folded(agency),
        }
    }

    /// Whether the filter keeps every entry.
    pub fn is_everything(&self) -> bool {
        self.levels.is_none() && self.field.is_none() && self.agency.is_none()
    }

    pub fn keeps(&self, e: &CatalogEntry) -> bool {
        self.levels.is_none_or(|l| l.contains(e.level))
            && self.keeps_field_and_agency(&e.details.field, &e.details.agency)
    }

    /// Whether a field and an agency contain the texts given, whatever the
    /// level: how reconcile filters a procedure of the national list.
    pub fn keeps_field_and_agency(&self, field: &str, agency: &str) -> bool {
        let contains = |wanted: &Option<String>, value: &str| {
            wanted
                .as_ref()
                .is_none_or(|w| strip_diacritics(value).contains(w.as_str()))
        };
        contains(&self.field, field) && contains(&self.agency, agency)
    }

    /// The entries kept, in their order.
    pub fn apply(&self, mut entries: Vec<CatalogEntry>) -> Vec<CatalogEntry> {
        if !self.is_everything() {
            entries.retain(|e| self.keeps(e));
        }
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Code, Day, Details, Level};

    fn entry(level: Level, field: &str, agency: &str) -> CatalogEntry {
        CatalogEntry {
            level,
            code: Code::parse("1.000001").unwrap(),
            details: Details {
                field: field.into(),
                agency: agency.into(),
                ..Details::default()
            },
            decision: "1/QĐ".into(),
            signed: Day::parse("2024-12-01").unwrap(),
            effective: Day::parse("2025-01-01").unwrap(),
        }
    }

    #[test]
    fn filters_by_level_field_and_agency() {
        let hộ_tịch = entry(Level::Commune, "Hộ tịch", "UBND cấp xã");
        let đất_đai = entry(Level::Province, "Đất đai", "Sở Nông nghiệp và Môi trường");
        let commune = EntryFilter::new(Some(LevelSet::single(Level::Commune)), None, None);
        assert!(commune.keeps(&hộ_tịch) && !commune.keeps(&đất_đai));
        let field = EntryFilter::new(None, Some("ho tich"), None);
        assert!(field.keeps(&hộ_tịch) && !field.keeps(&đất_đai));
        let agency = EntryFilter::new(None, None, Some("Sở nông nghiệp"));
        assert!(!agency.keeps(&hộ_tịch) && agency.keeps(&đất_đai));
        let all = EntryFilter::new(None, Some("  "), None);
        assert!(all.is_everything() && all.keeps(&hộ_tịch) && all.keeps(&đất_đai));
    }
}
