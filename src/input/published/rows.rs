//! A row of a decision as published, as the import takes it: a checked
//! decision row that carries where its facts came from.

use super::{PublishedRow, Reading};
use crate::domain::names::{closest, name_key};
use crate::domain::provenance::Provenance;
use crate::domain::row_rules::{district_abolished, required_details};
use crate::domain::{Action, Code, Day, DecisionId, DecisionRow, Level, LevelSet};
use crate::input::{Notes, Problem, SkippedRow};

impl PublishedRow {
    /// The decision row this row makes, or what keeps it from being one.
    pub fn to_decision_row(&self) -> Result<DecisionRow, Vec<String>> {
        let action = self.action.value;
        let mut problems = Vec::new();
        let code = self.code;
        if code.is_none() {
            problems.push(format!(
                "{:?} has no code, and no provisional code is left for it: give its code from the national database",
                self.details.name
            ));
        }
        for missing in required_details(action, &self.details.name, &self.details.field) {
            let hint = if missing.field == "field" {
                " (or give --field)"
            } else {
                ""
            };
            problems.push(format!("{missing}{hint}"));
        }
        if let Err(message) = district_abolished(action, self.levels.value, self.effective.value) {
            problems.push(message);
        }
        if action == Action::Replaced && self.replaces.is_none() {
            problems.push("replaced rows need the code they replace".to_owned());
        }
        let Some(code) = code.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        Ok(DecisionRow {
            line: self.line,
            decision: DecisionId {
                number: self.decision.value.clone(),
                signed: self.signed.value,
            },
            effective: self.effective.value,
            action,
            code,
            levels: self.levels.value,
            replaces: self.replaces,
            details: self.details.clone(),
            provenance: Some(Box::new(Provenance {
                place: format!("table {}", self.table),
                action: self.action.origin.clone(),
                levels: self.levels.origin.clone(),
                field: self.field.as_ref().map(|f| f.origin.clone()),
                decision: self.decision.origin.clone(),
            })),
        })
    }
}

/// What the catalog knows, for the rows of a decision as published that
/// leave their entry's level or code to it. `tthc inspect` has none.
pub trait Catalog {
    /// The levels at which `code` is in force at the end of `day`.
    fn levels_in_force(&mut self, code: Code, day: Day) -> LevelSet;
    /// The entries in force at `level` at the end of `day`: code and name.
    fn entries_at(&mut self, level: Level, day: Day) -> &[(Code, String)];
    /// The provisional code of entries published without a code under this
    /// name ([`Code::provisional`]); `None` when there is none to give.
    fn provisional_code(&mut self, name: &str) -> Option<Code>;
}

/// How many of the closest names a problem suggests.
const SUGGESTED: usize = 3;

/// The rows of a decision as published, as the import takes them: each a
/// decision row, or its problems. The reading's own problems come first.
/// With `keep` (`--levels`), a row keeps only those of its levels, and a
/// row naming none of them is skipped and listed in the notes.
///
/// The catalog settles what the document leaves to it:
/// - a change of an entry whose level the document does not state takes the
///   level at which the code is in force, when there is exactly one;
/// - an amendment, replacement or repeal without a code names its entry by
///   name: it must match exactly one entry in force at its level on its
///   date, by [`name_key`]; otherwise the closest names are suggested.
///
/// Without a catalog (`inspect`), such rows are problems that say so.
pub fn decision_rows(
    file: &str,
    reading: &Reading,
    keep: Option<LevelSet>,
    mut catalog: Option<&mut (dyn Catalog + '_)>,
) -> (Vec<Result<DecisionRow, Vec<Problem>>>, Notes) {
    let mut notes = Notes::default();
    let mut provisional = Provisional::default();
    let mut rows: Vec<Result<DecisionRow, Vec<Problem>>> = reading
        .problems
        .iter()
        .map(|p| Err(vec![p.clone()]))
        .collect();
    for row in &reading.rows {
        let problem = |message: String| Err(vec![Problem::new(file, row.line, message)]);
        let mut row = std::borrow::Cow::Borrowed(row);
        if let Some(message) = &row.unresolved_level {
            match (row.code, catalog.as_deref_mut()) {
                (_, None) => {
                    rows.push(problem(format!(
                        "{message} (import takes it from the catalog when the entry is in force at one level only)"
                    )));
                    continue;
                }
                (None, Some(_)) => {
                    rows.push(problem(format!("{message} (the row gives no code either)")));
                    continue;
                }
                (Some(code), Some(catalog)) => {
                    let levels = catalog.levels_in_force(code, row.effective.value);
                    if levels.iter().count() != 1 {
                        let found = if levels.is_empty() {
                            "the catalog has it in force at no level".to_owned()
                        } else {
                            format!("the catalog has it in force at {}", levels.to_words())
                        };
                        rows.push(problem(format!("{message} ({found})")));
                        continue;
                    }
                    row.to_mut().levels.value = levels;
                }
            }
        }
        match (row.code, row.action.value) {
            (None, Action::Added) => {
                let code = match catalog.as_deref_mut() {
                    Some(catalog) => catalog.provisional_code(&row.details.name),
                    None => provisional.code(&row.details.name),
                };
                row.to_mut().code = code;
            }
            (None, _) => match named_entry(&row, catalog.as_deref_mut()) {
                Ok(code) => row.to_mut().code = Some(code),
                Err(message) => {
                    rows.push(problem(message));
                    continue;
                }
            },
            (Some(code), Action::Added) => {
                if let Some(old) = catalog
                    .as_deref_mut()
                    .and_then(|catalog| uncoded_entry(&row, catalog))
                {
                    // The code the national database gave an entry published
                    // without one: the entry takes it, as a replacement.
                    let row = row.to_mut();
                    row.action.value = Action::Replaced;
                    row.replaces = Some(old);
                    row.code = Some(code);
                }
            }
            (Some(_), _) => {}
        }
        let mut converted = row.to_decision_row().map_err(|messages| {
            messages
                .into_iter()
                .map(|m| Problem::new(file, row.line, m))
                .collect::<Vec<_>>()
        });
        if let (Ok(decision_row), Some(keep)) = (&mut converted, keep) {
            let kept = decision_row.levels.intersection(keep);
            if kept.is_empty() {
                notes.skipped.push(SkippedRow {
                    file: file.to_owned(),
                    line: row.line,
                    code: decision_row.code.to_string(),
                    level: decision_row.levels.to_words(),
                });
                continue;
            }
            decision_row.levels = kept;
        }
        rows.push(converted);
    }
    (rows, notes)
}

/// Provisional codes given without a catalog (`inspect`), one per name.
#[derive(Default)]
struct Provisional(Vec<String>);

impl Provisional {
    fn code(&mut self, name: &str) -> Option<Code> {
        let key = name_key(name);
        let n = if let Some(i) = self.0.iter().position(|k| *k == key) {
            i + 1
        } else {
            self.0.push(key);
            self.0.len()
        };
        Code::provisional(u32::try_from(n).ok()?)
    }
}

/// The provisional code of the entry published without a code, in force at
/// the row's level on its date, whose name the row (which gives a code) has.
fn uncoded_entry(row: &PublishedRow, catalog: &mut dyn Catalog) -> Option<Code> {
    let key = name_key(&row.details.name);
    let mut found = None;
    for level in row.levels.value.iter() {
        let code = catalog
            .entries_at(level, row.effective.value)
            .iter()
            .find(|(code, name)| code.is_provisional() && name_key(name) == key)?
            .0;
        if found.is_some_and(|f| f != code) {
            return None;
        }
        found = Some(code);
    }
    found
}

/// The code of the one entry in force that a row without a code names, at
/// each of its levels on its date; `Err` says why there is none.
fn named_entry(
    row: &PublishedRow,
    catalog: Option<&mut (dyn Catalog + '_)>,
) -> Result<Code, String> {
    let name = &row.details.name;
    let action = row.action.value;
    let Some(catalog) = catalog else {
        return Err(format!(
            "{name:?} has no code: import finds the entry it {action} by its name among the entries in force"
        ));
    };
    if name.is_empty() {
        return Err(format!(
            "the row gives neither a code nor a name: {action} rows need one"
        ));
    }
    let key = name_key(name);
    let day = row.effective.value;
    let mut found: Option<Code> = None;
    for level in row.levels.value.iter() {
        let entries = catalog.entries_at(level, day);
        let matching: Vec<&(Code, String)> =
            entries.iter().filter(|(_, n)| name_key(n) == key).collect();
        let listed = |list: &[(&str, Code)]| {
            list.iter()
                .map(|(n, c)| format!("{c} {n:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match matching.as_slice() {
            [(code, _)] if found.is_none_or(|f| f == *code) => found = Some(*code),
            [(code, _)] => {
                return Err(format!(
                    "{name:?} names {} at one level and {code} at {level} level: give the code",
                    found.map(|f| f.to_string()).unwrap_or_default()
                ));
            }
            [] => {
                let closest = closest(
                    name,
                    entries.iter().map(|(c, n)| (n.as_str(), *c)),
                    SUGGESTED,
                );
                let hint = if closest.is_empty() {
                    String::new()
                } else {
                    format!("; the closest: {}", listed(&closest))
                };
                return Err(format!(
                    "{name:?} has no code and names no entry in force at {level} level on {day}{hint}"
                ));
            }
            several => {
                let named: Vec<(&str, Code)> =
                    several.iter().map(|(c, n)| (n.as_str(), *c)).collect();
                return Err(format!(
                    "{name:?} names {} entries in force at {level} level on {day}: {}; give the code",
                    several.len(),
                    listed(&named)
                ));
            }
        }
    }
    found.ok_or_else(|| format!("{name:?} has no code and no level to look it up at"))
}
