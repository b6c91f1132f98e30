//! Corrections of decisions already imported, and what was known when.
//!
//! A decision's rows come in editions: the rows it was imported with, then
//! the rows each correction puts in their place (none, for a retraction).
//! Each edition is a range of version ids; the latest is in force and the
//! earlier ones are retracted. Decisions (in order of import) and corrections
//! (each after the decision imported last before it) are the links of the
//! hash chain: what was known at a moment is the links recorded by then
//! ([`Knowledge`]).

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc};

/// What a correction did to a decision's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorrectionKind {
    /// Took them out of the catalog, from the start.
    Retracted = 0,
    /// Put the rows of a corrected file in their place.
    Corrected = 1,
}

impl CorrectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Retracted => "retracted",
            CorrectionKind::Corrected => "corrected",
        }
    }

    pub fn from_index(i: i64) -> Option<CorrectionKind> {
        match i {
            0 => Some(CorrectionKind::Retracted),
            1 => Some(CorrectionKind::Corrected),
            _ => None,
        }
    }
}

impl fmt::Display for CorrectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A recorded correction: a link of the hash chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// Its place in the order of corrections.
    pub id: i64,
    /// The decision corrected (its order of import).
    pub decision: u32,
    /// The last decision imported before it: its place in the chain.
    pub after_decision: u32,
    pub kind: CorrectionKind,
    pub reason: String,
    /// The corrected file(s) as named; empty for a retraction.
    pub source: String,
    pub source_sha256: String,
    /// When it was made (RFC 3339, UTC) and by whom (operating-system user).
    pub made_at: String,
    pub made_by: String,
    /// Entry changes it puts in, numbered from `first_row` on.
    pub rows: u64,
    pub first_row: u32,
    /// The ids of the versions it puts in; `(0, -1)` for none.
    pub versions: (i64, i64),
    /// The ids of the versions of the edition it takes out.
    pub taken: (i64, i64),
    pub content_sha256: String,
    pub chain_sha256: String,
}

fn holds(range: (i64, i64), id: i64) -> bool {
    range.0 <= id && id <= range.1
}

/// What was known at a moment: the decisions and the corrections recorded
/// by then (both by their order, which is the order of the chain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Knowledge {
    /// Decisions with a smaller id were imported.
    pub decisions_before: u32,
    /// Corrections with a smaller id were made.
    pub corrections_before: i64,
}

impl Knowledge {
    /// Everything recorded: the catalog as now known.
    pub const ALL: Knowledge = Knowledge {
        decisions_before: u32::MAX,
        corrections_before: i64::MAX,
    };

    pub fn knows_decision(&self, decision: u32) -> bool {
        decision < self.decisions_before
    }

    pub fn knows(&self, c: &Correction) -> bool {
        c.id < self.corrections_before
    }

    /// Whether this is everything recorded.
    pub fn is_all(&self) -> bool {
        *self == Knowledge::ALL
    }
}

/// Where a stored version stands, as known at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing<'a> {
    /// Its decision, or the correction that put it in, was not recorded yet.
    Unknown,
    /// Part of the catalog; `put_in_by` the correction that put it in, if any.
    Live { put_in_by: Option<&'a Correction> },
    /// Taken out of the catalog by the correction `by`.
    Retracted {
        by: &'a Correction,
        put_in_by: Option<&'a Correction>,
    },
}

/// Every recorded correction, by decision.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    all: Vec<Correction>,
    /// Indexes into `all`, in order of correction, per decision.
    by_decision: HashMap<u32, Vec<usize>>,
}

impl Corrections {
    /// The corrections in any order.
    pub fn new(mut all: Vec<Correction>) -> Self {
        all.sort_by_key(|c| c.id);
        let mut by_decision: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, c) in all.iter().enumerate() {
            by_decision.entry(c.decision).or_default().push(i);
        }
        Corrections { all, by_decision }
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Every correction, in order.
    pub fn all(&self) -> &[Correction] {
        &self.all
    }

    /// The corrections of a decision, in order.
    pub fn of(&self, decision: u32) -> impl Iterator<Item = &Correction> {
        self.by_decision
            .get(&decision)
            .into_iter()
            .flatten()
            .map(|&i| &self.all[i])
    }

    /// The latest correction of a decision known.
    pub fn latest(&self, decision: u32, knowledge: &Knowledge) -> Option<&Correction> {
        self.of(decision).filter(|c| knowledge.knows(c)).last()
    }

    /// Where version `id` of `decision` stands as known.
    pub fn standing(&self, decision: u32, id: i64, knowledge: &Knowledge) -> Standing<'_> {
        if !knowledge.knows_decision(decision) {
            return Standing::Unknown;
        }
        let corrections: Vec<&Correction> = self.of(decision).collect();
        // The edition the version belongs to: 0 the import, i the i-th correction.
        let edition = if corrections.first().is_none_or(|c| holds(c.taken, id)) {
            0
        } else {
            match corrections.iter().position(|c| holds(c.versions, id)) {
                Some(i) => i + 1,
                // In no edition: the store is damaged (verify says so).
                None => 0,
            }
        };
        let put_in_by = edition.checked_sub(1).map(|i| corrections[i]);
        if put_in_by.is_some_and(|c| !knowledge.knows(c)) {
            return Standing::Unknown;
        }
        match corrections.get(edition).filter(|c| knowledge.knows(c)) {
            Some(by) => Standing::Retracted { by, put_in_by },
            None => Standing::Live { put_in_by },
        }
    }

    /// The ids of the versions of `decision` in force as known: the
    /// edition of its latest correction known, or else the import's, which
    /// is `current` while it has no correction.
    pub fn edition(&self, decision: u32, current: (i64, i64), knowledge: &Knowledge) -> (i64, i64) {
        match self.latest(decision, knowledge) {
            Some(c) => c.versions,
            None => self
                .of(decision)
                .next()
                .map_or(current, |first| first.taken),
        }
    }

    /// The ranges of version ids whose standing differs between what is
    /// known and everything recorded, besides the versions of decisions not
    /// known at all: those the corrections made since put in or took out,
    /// with their decision.
    pub fn changed_since(&self, knowledge: &Knowledge) -> Vec<(u32, (i64, i64))> {
        self.all
            .iter()
            .filter(|c| !knowledge.knows(c))
            .flat_map(|c| [(c.decision, c.versions), (c.decision, c.taken)])
            .filter(|(_, (a, b))| a <= b)
            .collect()
    }
}

/// A moment, as `--known-at` names it: RFC 3339 (`2026-03-01T10:00:00+07:00`),
/// or `YYYY-MM-DD[THH:MM[:SS]]` in the local time zone, a date alone meaning
/// the end of that day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    /// The moment in UTC, to the second, as the store writes its times:
    /// `2026-03-01T03:00:00Z` (such texts sort as the moments do).
    pub utc: String,
    /// As typed, for messages.
    pub text: String,
}

impl Moment {
    /// The moment a UTC time is.
    pub fn of(at: DateTime<Utc>) -> Moment {
        let utc = at.to_rfc3339_opts(SecondsFormat::Secs, true);
        Moment {
            text: utc.clone(),
            utc,
        }
    }

    fn local(naive: NaiveDateTime, raw: &str) -> Result<Moment, String> {
        let at = Local
            .from_local_datetime(&naive)
            .earliest()
            .ok_or_else(|| crate::tr!("domain-moment-not-local", raw = format!("{raw:?}")))?;
        Ok(Moment {
            utc: at
                .with_timezone(&Utc)
                .to_rfc3339_opts(SecondsFormat::Secs, true),
            text: raw.to_owned(),
        })
    }
}

impl FromStr for Moment {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, String> {
        let s = raw.trim();
        if let Ok(at) = DateTime::parse_from_rfc3339(s) {
            let mut m = Moment::of(at.with_timezone(&Utc));
            s.clone_into(&mut m.text);
            return Ok(m);
        }
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            let end = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
            return Moment::local(date.and_time(end), s);
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
                return Moment::local(naive, s);
            }
        }
        Err(crate::tr!("domain-bad-moment", raw = format!("{raw:?}")))
    }
}

impl fmt::Display for Moment {
    /// The moment in UTC.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.utc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correction(id: i64, decision: u32, versions: (i64, i64), taken: (i64, i64)) -> Correction {
        Correction {
            id,
            decision,
            after_decision: 9,
            kind: if versions.0 > versions.1 {
                CorrectionKind::Retracted
            } else {
                CorrectionKind::Corrected
            },
            reason: "typo".into(),
            source: String::new(),
            source_sha256: String::new(),
            made_at: String::new(),
            made_by: "clerk".into(),
            rows: 0,
            first_row: 0,
            versions,
            taken,
            content_sha256: String::new(),
            chain_sha256: String::new(),
        }
    }

    /// Decision 2 imported with versions 10..=14, corrected (1) with 20..=22,
    /// then retracted (2).
    fn history() -> Corrections {
        Corrections::new(vec![
            correction(2, 2, (0, -1), (20, 22)),
            correction(1, 2, (20, 22), (10, 14)),
        ])
    }

    fn name(s: Standing<'_>) -> String {
        match s {
            Standing::Unknown => "unknown".into(),
            Standing::Live { put_in_by } => format!("live {:?}", put_in_by.map(|c| c.id)),
            Standing::Retracted { by, put_in_by } => {
                format!("retracted by {} {:?}", by.id, put_in_by.map(|c| c.id))
            }
        }
    }

    #[test]
    fn each_edition_stands_as_its_corrections_leave_it() {
        let c = history();
        let now = Knowledge::ALL;
        assert_eq!(name(c.standing(2, 12, &now)), "retracted by 1 None");
        assert_eq!(name(c.standing(2, 21, &now)), "retracted by 2 Some(1)");
        assert_eq!(name(c.standing(1, 3, &now)), "live None");
        let before_retraction = Knowledge {
            decisions_before: 3,
            corrections_before: 2,
        };
        assert_eq!(
            name(c.standing(2, 12, &before_retraction)),
            "retracted by 1 None"
        );
        assert_eq!(name(c.standing(2, 21, &before_retraction)), "live Some(1)");
        let before_corrections = Knowledge {
            decisions_before: 3,
            corrections_before: 1,
        };
        assert_eq!(name(c.standing(2, 12, &before_corrections)), "live None");
        assert_eq!(name(c.standing(2, 21, &before_corrections)), "unknown");
        let before_import = Knowledge {
            decisions_before: 2,
            corrections_before: 1,
        };
        assert_eq!(name(c.standing(2, 12, &before_import)), "unknown");
        assert_eq!(c.edition(2, (0, -1), &now), (0, -1));
        assert_eq!(c.edition(2, (0, -1), &before_retraction), (20, 22));
        assert_eq!(c.edition(2, (0, -1), &before_corrections), (10, 14));
        assert_eq!(c.edition(1, (1, 5), &before_corrections), (1, 5));
        assert_eq!(
            c.changed_since(&before_corrections),
            [(2, (20, 22)), (2, (10, 14)), (2, (20, 22))]
        );
        assert!(c.changed_since(&now).is_empty());
    }

    #[test]
    fn moments_are_read_as_utc_seconds() {
        let m: Moment = "2026-03-01T10:00:00+07:00".parse().unwrap();
        assert_eq!(m.utc, "2026-03-01T03:00:00Z");
        assert_eq!(m.text, "2026-03-01T10:00:00+07:00");
        let m: Moment = "2026-03-01T10:00:00Z".parse().unwrap();
        assert_eq!(m.to_string(), "2026-03-01T10:00:00Z");
        for local in ["2026-03-01", "2026-03-01T10:00", "2026-03-01 10:00:30"] {
            let m: Moment = local.parse().unwrap();
            assert_eq!(m.utc.len(), 20, "{m:?}");
            assert!(m.utc.ends_with('Z'), "{m:?}");
        }
        assert!("2026-02-30".parse::<Moment>().is_err());
        assert!("yesterday".parse::<Moment>().is_err());
    }
}
