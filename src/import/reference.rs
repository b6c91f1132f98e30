//! The checks of decision rows against the national procedure list, when
//! one is stored: import and inspect warn, row by row, of a code the list
//! does not have, a name that is another code's there, and a procedure
//! published without a code that the list has under one; a malformed code
//! (already a problem) is told which codes of the list it may mean. The
//! latest list stored (by its date) is the one checked against.

use crate::domain::reconcile::{Reference, ReferenceProcedure};
use crate::domain::{Action, Code};
use crate::input::Problem;
use crate::store::{Snapshot, StoreError};

/// The stored list rows are checked against, and what the checks found.
#[derive(Debug)]
pub(crate) struct ReferenceCheck {
    snapshot: Snapshot,
    reference: Reference,
    label: String,
    warnings: Vec<Problem>,
    /// The rows warned of, to tell their warnings in English too.
    warned: Vec<(Code, String, Action)>,
}

impl ReferenceCheck {
    /// Checks against the latest of `snapshots` (in the store's order: by
    /// date), loaded by `load`; `None` when no list is stored.
    pub(crate) fn latest(
        snapshots: &[Snapshot],
        load: impl FnOnce(i64) -> Result<Vec<ReferenceProcedure>, StoreError>,
    ) -> Result<Option<ReferenceCheck>, StoreError> {
        let Some(snapshot) = snapshots.last() else {
            return Ok(None);
        };
        Ok(Some(ReferenceCheck {
            reference: Reference::new(load(snapshot.id)?),
            label: label(snapshot),
            snapshot: snapshot.clone(),
            warnings: Vec::new(),
            warned: Vec::new(),
        }))
    }

    /// The list checked against.
    pub(crate) fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Checks one row of `file` (its line, code, name and action).
    pub(crate) fn row(&mut self, file: &str, line: u64, code: Code, name: &str, action: Action) {
        let warnings = self.reference.row_warnings(code, name, action, &self.label);
        if !warnings.is_empty() {
            self.warned.push((code, name.to_owned(), action));
        }
        for message in warnings {
            self.warnings.push(Problem::new(file, line, message));
        }
    }

    /// Adds to each problem of a malformed code the codes of the list it may mean.
    pub(crate) fn annotate(&self, problems: &mut [Problem]) {
        for p in problems {
            if let Some(hint) = self.reference.bad_code_hint(&p.message, &self.label) {
                p.message = format!("{}; {hint}", p.message);
            }
        }
    }

    /// The warnings, by file and line.
    /// Called where no other thread formats messages: each is made in
    /// English too (see [`super::in_english`]).
    pub(crate) fn into_warnings(self) -> Vec<Problem> {
        let english: Vec<String> = super::in_english(|| {
            let label = label(&self.snapshot);
            self.warned
                .iter()
                .flat_map(|(code, name, action)| {
                    self.reference.row_warnings(*code, name, *action, &label)
                })
                .collect()
        });
        let mut warnings = self.warnings;
        if english.len() == warnings.len() {
            for (warning, english) in warnings.iter_mut().zip(english) {
                warning.english = Some(english);
            }
        }
        warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        warnings
    }
}

/// How messages name a stored list: "the national list of 2025-11-20".
pub(crate) fn label(snapshot: &Snapshot) -> String {
    crate::tr!("input-national-list-of", date = snapshot.as_of.to_string())
}
