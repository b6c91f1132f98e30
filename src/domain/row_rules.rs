//! Rules a decision row must meet on its own, before it meets the catalog:
//! which levels its wording names, and which details a new entry needs.

use std::fmt;

use chrono::Datelike;

use super::{Action, Day, Level, LevelSet};

/// Bare shared wording ("áp dụng chung") names province and commune only
/// from 2025-07-01 on, when districts were abolished: a row effective
/// earlier must write its levels. `raw` is the level cell as written and
/// `shared` whether it was bare shared wording; `Err` holds what is wrong.
pub fn shared_levels(raw: &str, shared: bool, effective: Day) -> Result<(), String> {
    if shared && effective < Day::districts_abolished() {
        return Err(crate::tr!(
            "rule-shared-levels",
            raw = format!("{raw:?}"),
            effective = effective.to_string()
        ));
    }
    Ok(())
}

/// The district level was abolished on 2025-07-01: a row that takes effect
/// on or after that day may repeal a district entry, and nothing else.
pub fn district_abolished(action: Action, levels: LevelSet, effective: Day) -> Result<(), String> {
    if action == Action::Repealed
        || !levels.contains(Level::District)
        || effective < Day::districts_abolished()
    {
        return Ok(());
    }
    Err(crate::tr!(
        "rule-district-abolished",
        action = action.word(),
        effective = effective.to_string()
    ))
}

/// How far from its signing date a date of effect may be before it looks
/// like a typo (01/11/2062 for a decision signed 20/10/2026).
const EFFECT_WITHIN_DAYS: i32 = 366;

/// What about a decision is likely mistyped: a date of effect more than a
/// year before or after its signing date (`effective` is the earliest and
/// latest of its rows), a signing date after `today`, or a number that
/// carries a year ("12/2024/QĐ-UBND") other than the signing year.
pub fn decision_warnings(
    number: &str,
    signed: Day,
    effective: (Day, Day),
    today: Day,
) -> Vec<String> {
    let mut warnings = Vec::new();
    for day in [effective.0, effective.1] {
        if (day.number() - signed.number()).abs() > EFFECT_WITHIN_DAYS
            && !warnings
                .iter()
                .any(|w: &String| w.contains(&day.to_string()))
        {
            warnings.push(crate::tr!("rule-warn-effect-far", day = day.to_string()));
        }
    }
    if signed > today {
        warnings.push(crate::tr!(
            "rule-warn-signed-future",
            today = today.to_string()
        ));
    }
    let year = signed.date().year();
    // The serial number comes first ("2019/QĐ-UBND" is number 2019): a
    // year is a later part ("12/2024/QĐ-UBND").
    let years: Vec<i32> = number
        .split('/')
        .skip(1)
        .flat_map(|part| part.split(|c: char| !c.is_ascii_digit()))
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    if let Some(other) = years.iter().find(|y| **y != year) {
        warnings.push(crate::tr!(
            "rule-warn-number-year",
            other = other.to_string(),
            year = year.to_string()
        ));
    }
    warnings
}

/// A detail a row lacks, said of its column: `is empty: added rows need a name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingDetail {
    /// The detail's name, as in [`super::DETAIL_FIELDS`].
    pub field: &'static str,
    pub action: Action,
}

impl fmt::Display for MissingDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self.field {
            "name" => crate::tr!("rule-missing-name", action = self.action.word()),
            _ => crate::tr!("rule-missing-field", action = self.action.word()),
        };
        f.write_str(&message)
    }
}

/// Added and replaced rows bring a new entry in: they need its name and
/// its field. Returns those the row lacks, name first.
pub fn required_details(action: Action, name: &str, field: &str) -> Vec<MissingDetail> {
    if !matches!(action, Action::Added | Action::Replaced) {
        return Vec::new();
    }
    [("name", name), ("field", field)]
        .into_iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(field, _)| MissingDetail { field, action })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_that_look_mistyped_are_warned_of() {
        let d = |s: &str| Day::parse(s).unwrap();
        let today = d("2026-12-02");
        assert!(
            decision_warnings(
                "1/QĐ-UBND",
                d("2026-10-20"),
                (d("2026-11-01"), d("2026-11-01")),
                today
            )
            .is_empty()
        );
        let w = decision_warnings(
            "1/QĐ-UBND",
            d("2026-10-20"),
            (d("2062-11-01"), d("2062-11-01")),
            today,
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("2062-11-01"), "{w:?}");
        let w = decision_warnings(
            "1/QĐ-UBND",
            d("2027-01-05"),
            (d("2027-01-05"), d("2027-01-05")),
            today,
        );
        assert!(w[0].contains("in the future"), "{w:?}");
        let w = decision_warnings(
            "12/2024/QĐ-UBND",
            d("2025-01-05"),
            (d("2025-01-05"), d("2025-01-05")),
            today,
        );
        assert_eq!(
            w,
            ["its number names the year 2024, and it is signed in 2025"]
        );
    }

    #[test]
    fn after_2025_07_01_a_district_entry_may_only_be_repealed() {
        let district = LevelSet::single(Level::District);
        let both = LevelSet::parse("district, commune").unwrap();
        let on = |s: &str| Day::parse(s).unwrap();
        assert!(district_abolished(Action::Added, district, on("2025-06-30")).is_ok());
        assert!(district_abolished(Action::Repealed, district, on("2025-07-01")).is_ok());
        assert!(
            district_abolished(
                Action::Added,
                LevelSet::single(Level::Commune),
                on("2025-07-01")
            )
            .is_ok()
        );
        for action in [Action::Added, Action::Amended, Action::Replaced] {
            let err = district_abolished(action, both, on("2025-07-01")).unwrap_err();
            assert!(err.contains("abolished on 2025-07-01"), "{err}");
        }
    }

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn shared_wording_needs_levels_while_districts_existed() {
        assert!(shared_levels("Dùng chung", true, day("2025-07-01")).is_ok());
        assert!(shared_levels("Cấp tỉnh", false, day("2020-01-01")).is_ok());
        let err = shared_levels("Dùng chung", true, day("2025-06-30")).unwrap_err();
        assert!(
            err.starts_with("\"Dùng chung\" does not say which levels, and on 2025-06-30"),
            "{err}"
        );
    }

    #[test]
    fn new_entries_need_a_name_and_a_field() {
        assert!(required_details(Action::Added, "A", "F").is_empty());
        assert!(required_details(Action::Amended, "", "").is_empty());
        assert!(required_details(Action::Repealed, "", "").is_empty());
        let missing = required_details(Action::Replaced, "", "");
        let messages: Vec<String> = missing.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "is empty: replaced rows need a name",
                "is empty: replaced rows need a field"
            ]
        );
        assert_eq!(
            required_details(Action::Added, "A", ""),
            [MissingDetail {
                field: "field",
                action: Action::Added
            }]
        );
    }
}
