//! The catalog's domain: values (levels, actions, codes, dates), decisions,
//! entry changes and the lifecycle rules. Nothing here knows about SQL or files.

pub mod canonical;
pub mod collation;
pub mod correction;
pub mod diff;
pub mod filter;
pub mod names;
pub mod point;
pub mod position;
pub mod provenance;
pub mod reconcile;
pub mod row_rules;
pub mod rules;
pub mod tally;
pub mod text;
pub mod values;
pub mod verify;
pub mod version;

pub use point::{DecisionPoint, NamedPoint, Point};
pub use values::{Action, Code, Day, Level, LevelSet};

/// The descriptive fields of a catalog entry, in their fixed order.
pub const DETAIL_FIELDS: [&str; 8] = [
    "name",
    "field",
    "agency",
    "processing_time",
    "fee",
    "legal_basis",
    "online",
    "inter_agency",
];

/// A detail field of an entry (`name`, `processing_time`, ...) as tables
/// and messages name it: the key itself in English, its heading in Vietnamese.
pub fn field_word(field: &str) -> String {
    match field {
        "name" => crate::tr!("table-detail-name"),
        "field" => crate::tr!("table-detail-field"),
        "agency" => crate::tr!("table-detail-agency"),
        "processing_time" => crate::tr!("table-detail-processing-time"),
        "fee" => crate::tr!("table-detail-fee"),
        "legal_basis" => crate::tr!("table-detail-legal-basis"),
        "online" => crate::tr!("table-detail-online"),
        "inter_agency" => crate::tr!("table-detail-inter-agency"),
        other => other.to_owned(),
    }
}

/// How many descriptive fields an entry has.
pub const DETAILS: usize = DETAIL_FIELDS.len();

/// The descriptive fields of an entry. Empty strings mean "not given".
/// Serialized as six keys named as in [`DETAIL_FIELDS`].
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Details {
    pub name: String,
    pub field: String,
    pub agency: String,
    pub processing_time: String,
    pub fee: String,
    pub legal_basis: String,
    /// The online public service: [`ONLINE_FULL`], [`ONLINE_PARTIAL`] or
    /// [`NO`]; empty when not stated.
    pub online: String,
    /// Whether the procedure is inter-agency ("liên thông"): [`YES`] or [`NO`];
    /// empty when not stated.
    pub inter_agency: String,
}

/// [`Details::online`] of a procedure done wholly online ("toàn trình").
pub const ONLINE_FULL: &str = "Toàn trình";
/// [`Details::online`] of a procedure done partly online ("một phần").
pub const ONLINE_PARTIAL: &str = "Một phần";
/// A stated yes, as [`Details::inter_agency`] keeps it.
pub const YES: &str = "Có";
/// A stated no, as [`Details::online`] and [`Details::inter_agency`] keep it.
pub const NO: &str = "Không";

impl Details {
    /// The fields in the order of [`DETAIL_FIELDS`].
    pub fn as_array(&self) -> [&str; DETAILS] {
        [
            &self.name,
            &self.field,
            &self.agency,
            &self.processing_time,
            &self.fee,
            &self.legal_basis,
            &self.online,
            &self.inter_agency,
        ]
    }

    /// The fields in the order of [`DETAIL_FIELDS`], to write.
    pub fn fields_mut(&mut self) -> [&mut String; DETAILS] {
        [
            &mut self.name,
            &mut self.field,
            &mut self.agency,
            &mut self.processing_time,
            &mut self.fee,
            &mut self.legal_basis,
            &mut self.online,
            &mut self.inter_agency,
        ]
    }

    /// Builds details from the six fields in the order of [`DETAIL_FIELDS`].
    pub fn from_array(fields: [String; DETAILS]) -> Self {
        let [
            name,
            field,
            agency,
            processing_time,
            fee,
            legal_basis,
            online,
            inter_agency,
        ] = fields;
        Self {
            name,
            field,
            agency,
            processing_time,
            fee,
            legal_basis,
            online,
            inter_agency,
        }
    }

    /// Bit `i` is set when field `i` is non-empty.
    pub fn given_mask(&self) -> u16 {
        self.as_array()
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .fold(0, |mask, (i, _)| mask | (1 << i))
    }

    /// The raw cells a row gave: the fields whose bit is set in `mask`, empty elsewhere.
    pub fn masked(&self, mask: u16) -> Details {
        let fields = self.as_array();
        Details::from_array(std::array::from_fn(|i| {
            if mask & (1 << i) == 0 {
                String::new()
            } else {
                fields[i].to_owned()
            }
        }))
    }
}

/// Mask with every detail field given.
pub const ALL_GIVEN: u16 = (1 << DETAILS) - 1;

/// A decision as it is identified: its number together with its signing date.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DecisionId {
    /// The number as written (trimmed, NFC), e.g. `1234/QĐ-UBND`.
    pub number: String,
    pub signed: Day,
}

impl DecisionId {
    /// The key that identifies the decision within a signing date: leading
    /// zeros, letter case and white space in the number are not significant.
    pub fn key(&self) -> String {
        number_key(&self.number)
    }
}

/// Normalizes a decision number for comparison: `05 / qđ-ubnd` and `5/QĐ-UBND` are the same.
pub fn number_key(number: &str) -> String {
    let compact: String = number
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    let digits = compact.chars().take_while(char::is_ascii_digit).count();
    let zeros = compact
        .chars()
        .take(digits.saturating_sub(1))
        .take_while(|&c| c == '0')
        .count();
    compact[zeros..].to_owned()
}

/// One row of a decision file, read and checked cell by cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRow {
    /// 1-based physical line where the record starts.
    pub line: u64,
    pub decision: DecisionId,
    pub effective: Day,
    pub action: Action,
    pub code: Code,
    pub levels: LevelSet,
    pub replaces: Option<Code>,
    pub details: Details,
    /// Where the row's facts came from, for a decision read as published;
    /// `None` when they all came from the row's own cells.
    pub provenance: Option<Box<provenance::Provenance>>,
    /// The row gave no code (its code cell is empty): `code` is
    /// [`Code::stand_in`] until the import settles the entry by its name (a
    /// new procedure gets its provisional code, a change the entry in force
    /// under that name).
    pub by_name: bool,
}

#[cfg(test)]
mod tests {

    #[test]
    fn catalogs_sort_by_level_then_field_then_code() {
        let entry = |level, field: &str, code: &str| CatalogEntry {
            level,
            code: Code::parse(code).unwrap(),
            details: Details {
                field: field.into(),
                ..Details::default()
            },
            decision: String::new(),
            signed: Day::from_number(0),
            effective: Day::from_number(0),
        };
        let mut entries = vec![
            entry(Level::Commune, "Hộ tịch", "1.000001"),
            entry(Level::Province, "Đất đai", "1.000002"),
            entry(Level::Province, "Hộ tịch", "2.000001"),
            entry(Level::Province, "Hộ tịch", "1.000009"),
            entry(Level::Province, "Chứng thực", "3.000001"),
        ];
        sort_catalog(&mut entries);
        let order: Vec<(Level, &str, String)> = entries
            .iter()
            .map(|e| (e.level, e.details.field.as_str(), e.code.to_string()))
            .collect();
        // Fields in Vietnamese alphabetical order: "Đ" after "D", before "H"
        // (byte order would put "Đ", U+0110, last).
        assert_eq!(
            order,
            [
                (Level::Province, "Chứng thực", "3.000001".to_owned()),
                (Level::Province, "Đất đai", "1.000002".to_owned()),
                (Level::Province, "Hộ tịch", "1.000009".to_owned()),
                (Level::Province, "Hộ tịch", "2.000001".to_owned()),
                (Level::Commune, "Hộ tịch", "1.000001".to_owned()),
            ]
        );
    }
    use super::*;

    #[test]
    fn number_key_ignores_leading_zeros_case_and_spaces() {
        assert_eq!(number_key("05/QĐ-UBND"), "5/QĐ-UBND");
        assert_eq!(number_key(" 5 / qđ-ubnd "), "5/QĐ-UBND");
        assert_eq!(number_key("0/QĐ"), "0/QĐ");
        assert_ne!(number_key("12/QĐ-UBND"), number_key("21/QĐ-UBND"));
    }

    #[test]
    fn mask_round_trips_given_cells() {
        let d = Details {
            name: "Cấp phép".into(),
            fee: "Không".into(),
            ..Details::default()
        };
        let mask = d.given_mask();
        assert_eq!(mask, 0b01_0001);
        assert_eq!(d.masked(mask), d);
        assert_eq!(d.masked(1).fee, "");
    }
}

/// An entry of the catalog in force on some day, with the version that put it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    pub level: Level,
    pub code: Code,
    pub details: Details,
    /// Number of the decision that made the entry's current version.
    pub decision: String,
    /// Signing date of that decision (numbers restart every year).
    pub signed: Day,
    /// Effective date of the entry's current version.
    pub effective: Day,
}

/// Puts a catalog in its order: by level, field (in Vietnamese alphabetical
/// order), code ((level, code) is unique in a catalog). A catalog has a few
/// dozen fields, each ranked once, so the sort compares numbers rather than
/// long texts with common prefixes.
pub fn sort_catalog(entries: &mut [CatalogEntry]) {
    let distinct: rustc_hash::FxHashSet<&String> =
        entries.iter().map(|e| &e.details.field).collect();
    let mut fields: Vec<&String> = distinct.into_iter().collect();
    collation::sort(&mut fields);
    let ranks: rustc_hash::FxHashMap<String, usize> = fields
        .into_iter()
        .enumerate()
        .map(|(rank, field)| (field.clone(), rank))
        .collect();
    entries.sort_by_cached_key(|e| (e.level, ranks.get(&e.details.field).copied(), e.code));
}

/// How many entries are in force per level, and how many distinct procedures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub province: u64,
    pub district: u64,
    pub commune: u64,
    /// Distinct codes: a code in force at two levels is one procedure.
    pub procedures: u64,
    /// Entries done wholly online, partly online, and inter-agency, per
    /// level (in the order of [`Level::ALL`]).
    pub services: Services,
    /// Entries published without a code (the national database has not
    /// given them one yet).
    pub without_code: u64,
}

/// Entries per level whose details say they are done wholly online, partly
/// online, or inter-agency: the numbers provinces report beside the levels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Services {
    pub online_full: [u64; 3],
    pub online_partial: [u64; 3],
    pub inter_agency: [u64; 3],
}

impl Services {
    /// Counts one entry at `level` with these details.
    pub fn add(&mut self, level: Level, details: &Details) {
        let i = level.index();
        self.online_full[i] += u64::from(details.online == ONLINE_FULL);
        self.online_partial[i] += u64::from(details.online == ONLINE_PARTIAL);
        self.inter_agency[i] += u64::from(details.inter_agency == YES);
    }
}

impl Counts {
    /// Entries in force: the sum of the levels.
    pub fn total(&self) -> u64 {
        self.province + self.district + self.commune
    }

    pub fn level(&self, level: Level) -> u64 {
        match level {
            Level::Province => self.province,
            Level::District => self.district,
            Level::Commune => self.commune,
        }
    }

    /// Counts the entries of a catalog.
    pub fn of(entries: &[CatalogEntry]) -> Counts {
        let mut counts = Counts::default();
        let mut codes: Vec<Code> = entries.iter().map(|e| e.code).collect();
        codes.sort_unstable();
        codes.dedup();
        counts.procedures = codes.len() as u64;
        for e in entries {
            counts.services.add(e.level, &e.details);
            counts.without_code += u64::from(e.code.is_provisional());
            match e.level {
                Level::Province => counts.province += 1,
                Level::District => counts.district += 1,
                Level::Commune => counts.commune += 1,
            }
        }
        counts
    }
}
