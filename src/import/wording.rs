//! How a break of the rules is told to the clerk: the file and line of the
//! row, the entry, and the change before it.

use super::{Batch, Known};
use crate::domain::Action;
use crate::domain::rules::{Effect, Fault, FaultKind};
use crate::error::Error;
use crate::input::{Column, Problem};

impl Batch<'_, '_> {
    /// The decision that made a version, as "12/QĐ-UBND of 2020-01-02".
    fn decision_label(&self, k: &Known) -> Result<String, Error> {
        let decision = k.version.key.decision_seq;
        if let Some(g) = self.by_id.get(&decision).filter(|_| k.is_new()) {
            let g = &self.groups[*g];
            return Ok(crate::tr!(
                "input-decision-of",
                number = &g.number,
                signed = g.signed.to_string()
            ));
        }
        let (number, signed) = self.tx.decision_label(i64::from(decision))?;
        Ok(crate::tr!(
            "input-decision-of",
            number = number,
            signed = signed.to_string()
        ))
    }

    /// Where a version comes from, as `FILE:LINE` for this batch or a stored decision.
    fn origin(&self, k: &Known) -> Result<String, Error> {
        if k.is_new() {
            Ok(format!(
                "{}:{}",
                self.files[k.file as usize], k.version.line
            ))
        } else {
            Ok(crate::tr!(
                "input-stored-decision",
                decision = self.decision_label(k)?
            ))
        }
    }

    /// A column as the messages about file `file` name it.
    fn column(&self, file: u16, col: Column) -> String {
        self.labels
            .get(usize::from(file))
            .map_or_else(|| col.as_str().to_owned(), |l| l.of(col))
    }

    /// The problem a break of the rules in one entry's versions makes, blamed
    /// on the row of this batch that causes it.
    pub(super) fn describe(&self, versions: &[Known], fault: &Fault) -> Result<Problem, Error> {
        let k = versions[fault.at];
        let v = &k.version;
        let (column, verb) = wording(v.action, v.effect());
        let blamed = if k.is_new() {
            k
        } else {
            versions[..fault.at]
                .iter()
                .rev()
                .chain(versions[fault.at..].iter())
                .find(|k| k.is_new())
                .copied()
                .unwrap_or(k)
        };
        let column = self.column(blamed.file, column);
        let what = crate::tr!(
            "input-entry",
            code = v.code.to_string(),
            level = v.level.word()
        );
        let message = match fault.kind {
            FaultKind::Duplicate(other) => crate::tr!(
                "rule-named-twice",
                column = column,
                what = what,
                decision = self.decision_label(&k)?,
                origin = self.origin(&versions[other])?
            ),
            FaultKind::Broken(violation) => {
                let history = match fault.at.checked_sub(1).map(|i| &versions[i]) {
                    Some(prev) => crate::tr!(
                        "rule-last-change",
                        action = prev.version.action.word(),
                        decision = self.decision_label(prev)?,
                        effective = prev.version.effective().to_string()
                    ),
                    None => match versions[fault.at + 1..]
                        .iter()
                        .find(|later| later.version.effect() == Effect::Add)
                    {
                        // Amended or repealed before the row that adds it.
                        Some(add) => crate::tr!(
                            "rule-added-later",
                            effective = add.version.effective().to_string(),
                            decision = self.decision_label(add)?,
                            origin = self.origin(add)?
                        ),
                        None => crate::tr!("rule-never-added"),
                    },
                };
                crate::tr!(
                    "rule-broken",
                    column = column,
                    what = what,
                    violation = violation.to_string(),
                    effective = v.effective().to_string(),
                    verb = verb,
                    history = history
                )
            }
        };
        if k.is_new() {
            return Ok(Problem::new(
                &self.files[k.file as usize],
                u64::from(v.line),
                message,
            ));
        }
        // A stored change broke: blame the latest change of this batch before it.
        let b = &blamed.version;
        Ok(Problem::new(
            &self
                .files
                .get(blamed.file as usize)
                .cloned()
                .unwrap_or_default(),
            u64::from(b.line),
            crate::tr!(
                "rule-breaks-stored",
                action = b.action.word(),
                code = b.code.to_string(),
                level = b.level.word(),
                effective = b.effective().to_string(),
                origin = self.origin(&k)?,
                message = message
            ),
        ))
    }
}

impl Batch<'_, '_> {
    /// A stored change that no longer applies once a correction took rows
    /// out: the later decision, the entry, and why.
    pub(super) fn dependency(&self, versions: &[Known], fault: &Fault) -> Result<String, Error> {
        let k = versions[fault.at];
        let v = &k.version;
        let (_, verb) = wording(v.action, v.effect());
        let decision = i64::from(v.key.decision_seq);
        let (number, signed) = self.tx.decision_label(decision)?;
        let file = self.tx.version_source(i64::from(k.id))?;
        let why = match fault.kind {
            FaultKind::Broken(violation) => {
                crate::tr!("rule-depends-violation", violation = violation.to_string())
            }
            FaultKind::Duplicate(_) => crate::tr!("rule-depends-twice"),
        };
        Ok(format!(
            "  {}",
            crate::tr!(
                "rule-depends",
                code = v.code.to_string(),
                level = v.level.word(),
                verb = verb,
                number = number,
                signed = signed.to_string(),
                effective = v.effective().to_string(),
                origin = format!("{file}:{}", v.line),
                why = why
            )
        ))
    }
}

/// Which column a change's entry comes from, and the verb for messages.
fn wording(action: Action, effect: Effect) -> (Column, String) {
    match (action, effect) {
        (Action::Replaced, Effect::Repeal) => (Column::Replaces, Action::Replaced.word()),
        (Action::Replaced, _) => (Column::Code, crate::tr!("rule-brought-in")),
        (action, _) => (Column::Code, action.word()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replaced_side_of_a_replacement_is_named_by_its_column() {
        assert_eq!(
            wording(Action::Replaced, Effect::Repeal),
            (Column::Replaces, "replaced".to_owned())
        );
        assert_eq!(
            wording(Action::Replaced, Effect::Add),
            (Column::Code, "brought in by a replacement".to_owned())
        );
        assert_eq!(wording(Action::Repealed, Effect::Repeal).1, "repealed");
    }
}
