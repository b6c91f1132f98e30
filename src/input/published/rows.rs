//! A row of a decision as published, as the import takes it: a checked
//! decision row that carries where its facts came from.

use super::{PublishedRow, Reading};
use crate::domain::provenance::Provenance;
use crate::domain::row_rules::required_details;
use crate::domain::{Action, Code, Day, DecisionId, DecisionRow, LevelSet};
use crate::input::{Notes, Problem, SkippedRow};

impl PublishedRow {
    /// The decision row this row makes, or what keeps it from being one.
    pub fn to_decision_row(&self) -> Result<DecisionRow, Vec<String>> {
        let action = self.action.value;
        let mut problems = Vec::new();
        let code = self.code;
        if code.is_none() {
            problems.push(format!(
                "{:?} has no code: give its code from the national database in the annex",
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

/// The rows of a decision as published, as the import takes them: each a
/// decision row, or its problems. The reading's own problems come first.
/// With `keep` (`--levels`), a row keeps only those of its levels, and a
/// row naming none of them is skipped and listed in the notes.
///
/// A change of an entry whose level the document does not state takes it
/// from `in_force`, which gives the levels at which a code is in force on
/// a day: it must be exactly one. Without a catalog (`None`, as `inspect`
/// reads), the row is a problem asking for `--level` that says the import
/// takes the level from the catalog when there is only one.
pub fn decision_rows(
    file: &str,
    reading: &Reading,
    keep: Option<LevelSet>,
    mut in_force: Option<&mut dyn FnMut(Code, Day) -> LevelSet>,
) -> (Vec<Result<DecisionRow, Vec<Problem>>>, Notes) {
    let mut notes = Notes::default();
    let mut rows: Vec<Result<DecisionRow, Vec<Problem>>> = reading
        .problems
        .iter()
        .map(|p| Err(vec![p.clone()]))
        .collect();
    for row in &reading.rows {
        let mut row = std::borrow::Cow::Borrowed(row);
        if let (Some(message), Some(code)) = (&row.unresolved_level, row.code) {
            let Some(in_force) = in_force.as_mut() else {
                rows.push(Err(vec![Problem::new(
                    file,
                    row.line,
                    format!(
                        "{message} (import takes it from the catalog when the entry is in force at one level only)"
                    ),
                )]));
                continue;
            };
            let levels = in_force(code, row.effective.value);
            if levels.iter().count() == 1 {
                row.to_mut().levels.value = levels;
            } else {
                let found = if levels.is_empty() {
                    "the catalog has it in force at no level".to_owned()
                } else {
                    format!("the catalog has it in force at {}", levels.to_words())
                };
                rows.push(Err(vec![Problem::new(
                    file,
                    row.line,
                    format!("{message} ({found})"),
                )]));
                continue;
            }
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
