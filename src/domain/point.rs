//! Versions of the catalog: the end of a day, or the moment right after a decision.
//!
//! Every change has an order key (effective, signed, decision, row). A point
//! is an upper bound on that key: the catalog at a point is what every change
//! up to the bound makes of it.

use std::fmt;

use super::rules::OrderKey;
use super::{Day, number_key};

/// A stored decision, as a point of the catalog's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionPoint {
    /// Its order of import in the store.
    pub id: u32,
    /// The number as written, e.g. `1234/QĐ-UBND`.
    pub number: String,
    pub signed: Day,
    /// The latest effective date of its rows: the decision has fully applied at the end of it.
    pub effective_last: Day,
}

impl DecisionPoint {
    /// The reference that names this decision alone: `NUMBER@YYYY-MM-DD` (its signing date).
    pub fn reference(&self) -> String {
        format!("{}@{}", self.number, self.signed)
    }
}

/// A version of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Point {
    /// The catalog in force at the end of a day: every change effective on or before it.
    Day(Day),
    /// The catalog right after a decision is applied: every change ordered up to
    /// the decision's last row, on the decision's latest effective date.
    AfterDecision(DecisionPoint),
}

impl Point {
    /// The date of the point: the day itself, or the decision's latest effective date.
    pub fn day(&self) -> Day {
        match self {
            Point::Day(day) => *day,
            Point::AfterDecision(d) => d.effective_last,
        }
    }

    /// The largest order key a change may have to be part of the catalog at this point.
    pub fn bound(&self) -> OrderKey {
        match self {
            Point::Day(day) => OrderKey {
                effective: *day,
                signed: Day::from_number(Day::OPEN),
                decision_seq: u32::MAX,
                row: u32::MAX,
            },
            Point::AfterDecision(d) => OrderKey {
                effective: d.effective_last,
                signed: d.signed,
                decision_seq: d.id,
                row: u32::MAX,
            },
        }
    }

    /// Whether a change with this order key is part of the catalog at this point.
    pub fn includes(&self, key: OrderKey) -> bool {
        key <= self.bound()
    }

    /// The decision, for a point after a decision.
    pub fn decision(&self) -> Option<&DecisionPoint> {
        match self {
            Point::Day(_) => None,
            Point::AfterDecision(d) => Some(d),
        }
    }
}

impl fmt::Display for Point {
    /// `YYYY-MM-DD` for a day, `NUMBER@YYYY-MM-DD` (the signing date) for a decision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Point::Day(day) => write!(f, "{day}"),
            Point::AfterDecision(d) => f.write_str(&d.reference()),
        }
    }
}

/// A version of the catalog as named by a person: a date, or a decision
/// (which only the store can tell the point of).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedPoint {
    Day(Day),
    Decision {
        reference: DecisionRef,
        /// The reference as written, for messages.
        text: String,
    },
}

impl std::str::FromStr for NamedPoint {
    type Err = String;

    /// A date, or else a decision reference. A value without letters must
    /// be a date (decision numbers have letters).
    fn from_str(raw: &str) -> Result<Self, String> {
        match Day::parse(raw) {
            Ok(day) => Ok(NamedPoint::Day(day)),
            // A bare number: perhaps a decision's number without its suffix.
            Err(msg)
                if raw.trim().chars().all(|c| c.is_ascii_digit()) && !raw.trim().is_empty() =>
            {
                Err(crate::tr!(
                    "domain-bare-number",
                    message = msg,
                    number = raw.trim()
                ))
            }
            Err(msg) if !raw.chars().any(char::is_alphabetic) => Err(msg),
            Err(_) => DecisionRef::parse(raw).map(|reference| NamedPoint::Decision {
                reference,
                text: raw.to_owned(),
            }),
        }
    }
}

/// A reference to a decision as typed: `NUMBER` or `NUMBER@DATE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRef {
    /// The number as typed, trimmed.
    pub number: String,
    /// The signing date, when given after `@`.
    pub signed: Option<Day>,
}

impl DecisionRef {
    /// Parses `NUMBER` or `NUMBER@DATE` (the date in any accepted form).
    pub fn parse(raw: &str) -> Result<DecisionRef, String> {
        let raw = raw.trim();
        let (number, signed) = match raw.rsplit_once('@') {
            Some((number, date)) => {
                let signed = Day::parse(date).map_err(|msg| {
                    crate::tr!(
                        "domain-reference-date",
                        raw = format!("{raw:?}"),
                        message = msg
                    )
                })?;
                (number.trim(), Some(signed))
            }
            None => (raw, None),
        };
        if number.is_empty() {
            return Err(crate::tr!(
                "domain-not-a-reference",
                raw = format!("{raw:?}")
            ));
        }
        Ok(DecisionRef {
            number: number.to_owned(),
            signed,
        })
    }

    /// The normalized number (see [`number_key`]).
    pub fn key(&self) -> String {
        number_key(&self.number)
    }

    /// Whether a stored decision with this normalized number and signing date is the one meant.
    pub fn matches(&self, key: &str, signed: Day) -> bool {
        self.key() == key && self.signed.is_none_or(|s| s == signed)
    }

    /// The leading number of the reference (`1234` of `1234/QĐ-UBND`), without leading zeros.
    pub fn serial(&self) -> String {
        leading_serial(&self.key())
    }
}

impl std::str::FromStr for DecisionRef {
    type Err = String;

    /// `NUMBER` or `NUMBER@DATE`, as [`DecisionRef::parse`] reads it.
    fn from_str(raw: &str) -> Result<Self, String> {
        DecisionRef::parse(raw)
    }
}

/// The leading digits of a normalized number (`1234` of `1234/QĐ-UBND`).
pub fn leading_serial(key: &str) -> String {
    key.chars().take_while(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_number_suggests_the_decision_number() {
        let err = "1234".parse::<NamedPoint>().unwrap_err();
        assert!(err.ends_with("e.g. 1234/QĐ-UBND"), "{err}");
        assert!(matches!(
            "1234/QĐ-UBND".parse::<NamedPoint>(),
            Ok(NamedPoint::Decision { .. })
        ));
    }

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn decision(id: u32) -> DecisionPoint {
        DecisionPoint {
            id,
            number: "5/QĐ-UBND".into(),
            signed: day("2020-03-01"),
            effective_last: day("2020-04-01"),
        }
    }

    fn key(effective: &str, signed: &str, decision_seq: u32, row: u32) -> OrderKey {
        OrderKey {
            effective: day(effective),
            signed: day(signed),
            decision_seq,
            row,
        }
    }

    #[test]
    fn a_day_includes_every_change_effective_by_its_end() {
        let p = Point::Day(day("2020-04-01"));
        assert!(p.includes(key("2020-04-01", "2030-01-01", 99, 7)));
        assert!(!p.includes(key("2020-04-02", "2019-01-01", 1, 0)));
        assert_eq!(p.to_string(), "2020-04-01");
    }

    #[test]
    fn a_decision_includes_its_own_rows_and_what_orders_before() {
        let p = Point::AfterDecision(decision(5));
        assert_eq!(p.day(), day("2020-04-01"));
        assert!(p.includes(key("2020-04-01", "2020-03-01", 5, 1000)));
        assert!(p.includes(key("2020-04-01", "2020-03-01", 4, 0)));
        assert!(p.includes(key("2020-04-01", "2020-02-01", 9, 0)));
        assert!(p.includes(key("2020-03-31", "2021-01-01", 9, 0)));
        assert!(!p.includes(key("2020-04-01", "2020-03-01", 6, 0)));
        assert!(!p.includes(key("2020-04-01", "2020-03-02", 1, 0)));
        assert!(!p.includes(key("2020-04-02", "2020-01-01", 1, 0)));
        assert_eq!(p.to_string(), "5/QĐ-UBND@2020-03-01");
    }

    #[test]
    fn references_with_and_without_a_signing_date() {
        let r = DecisionRef::parse("05/QĐ-UBND").unwrap();
        assert_eq!(r.signed, None);
        assert!(r.matches("5/QĐ-UBND", day("2020-03-01")));
        let r = DecisionRef::parse("05/QĐ-UBND@01/03/2020").unwrap();
        assert_eq!(r.signed, Some(day("2020-03-01")));
        assert!(r.matches("5/QĐ-UBND", day("2020-03-01")));
        assert!(!r.matches("5/QĐ-UBND", day("2021-03-01")));
        assert_eq!(r.serial(), "5");
        assert!(DecisionRef::parse("5/QĐ@2020-02-31").is_err());
        assert!(DecisionRef::parse("@2020-02-01").is_err());
        assert!(DecisionRef::parse(" ").is_err());
    }

    #[test]
    fn a_named_point_is_a_date_or_else_a_reference() {
        let named = |s: &str| s.parse::<NamedPoint>();
        assert_eq!(named("01/03/2020"), Ok(NamedPoint::Day(day("2020-03-01"))));
        match named("5/QĐ-UBND@2020-03-01") {
            Ok(NamedPoint::Decision { reference, text }) => {
                assert_eq!(reference.signed, Some(day("2020-03-01")));
                assert_eq!(text, "5/QĐ-UBND@2020-03-01");
            }
            other => panic!("{other:?}"),
        }
        // Without letters it can only be a date: the date's message.
        assert!(named("2021-02-30").unwrap_err().contains("impossible date"));
        assert!(
            named("5/QĐ@2021-02-30")
                .unwrap_err()
                .contains("signing date")
        );
    }
}
