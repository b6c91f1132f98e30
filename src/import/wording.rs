//! How a break of the rules is told to the clerk: the file and line of the
//! row, the entry, and the change before it.

use super::{Batch, Known};
use crate::domain::Action;
use crate::domain::rules::{Effect, Fault, FaultKind};
use crate::error::Error;
use crate::input::Problem;

impl Batch<'_, '_> {
    /// The decision that made a version, as "12/QĐ-UBND of 2020-01-02".
    fn decision_label(&self, k: &Known) -> Result<String, Error> {
        let decision = k.version.key.decision_seq;
        if let Some(g) = self.by_id.get(&decision).filter(|_| k.is_new()) {
            let g = &self.groups[*g];
            return Ok(format!("{} of {}", g.number, g.signed));
        }
        let (number, signed) = self.tx.decision_label(i64::from(decision))?;
        Ok(format!("{number} of {signed}"))
    }

    /// Where a version comes from, as `FILE:LINE` for this batch or a stored decision.
    fn origin(&self, k: &Known) -> Result<String, Error> {
        if k.is_new() {
            Ok(format!(
                "{}:{}",
                self.files[k.file as usize], k.version.line
            ))
        } else {
            Ok(format!("stored decision {}", self.decision_label(k)?))
        }
    }

    /// The problem a break of the rules in one entry's versions makes, blamed
    /// on the row of this batch that causes it.
    pub(super) fn describe(&self, versions: &[Known], fault: &Fault) -> Result<Problem, Error> {
        let k = versions[fault.at];
        let v = &k.version;
        let (column, verb) = wording(v.action, v.effect());
        let what = format!("{} at {} level", v.code, v.level);
        let message = match fault.kind {
            FaultKind::Duplicate(other) => format!(
                "column {column}: {what} is named twice in decision {} (also at {})",
                self.decision_label(&k)?,
                self.origin(&versions[other])?
            ),
            FaultKind::Broken(violation) => {
                let history = match fault.at.checked_sub(1).map(|i| &versions[i]) {
                    Some(prev) => format!(
                        "last change: {} by decision {} effective {}",
                        prev.version.action,
                        self.decision_label(prev)?,
                        prev.version.effective()
                    ),
                    None => match versions[fault.at + 1..]
                        .iter()
                        .find(|later| later.version.effect() == Effect::Add)
                    {
                        // Amended or repealed before the row that adds it.
                        Some(add) => format!(
                            "it is added on {} by decision {} ({}), after this change",
                            add.version.effective(),
                            self.decision_label(add)?,
                            self.origin(add)?
                        ),
                        None => "it was never added".to_owned(),
                    },
                };
                format!(
                    "column {column}: {what} {violation} on {}, so it cannot be {verb} ({history})",
                    v.effective()
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
        let blamed = versions[..fault.at]
            .iter()
            .rev()
            .chain(versions[fault.at..].iter())
            .find(|k| k.is_new())
            .copied()
            .unwrap_or(k);
        let b = &blamed.version;
        Ok(Problem::new(
            &self
                .files
                .get(blamed.file as usize)
                .cloned()
                .unwrap_or_default(),
            u64::from(b.line),
            format!(
                "{} {} at {} level effective {} breaks the stored history: in {} {message}",
                b.action,
                b.code,
                b.level,
                b.effective(),
                self.origin(&k)?
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
            FaultKind::Broken(violation) => format!("it {violation} then"),
            FaultKind::Duplicate(_) => "the decision would name it twice".to_owned(),
        };
        Ok(format!(
            "  {} at {} level cannot be {verb} by decision {number} signed {signed} effective {} ({file}:{}): without the rows taken out, {why}",
            v.code,
            v.level,
            v.effective(),
            v.line
        ))
    }
}

/// Which column a change's entry comes from, and the verb for messages.
fn wording(action: Action, effect: Effect) -> (&'static str, &'static str) {
    match (action, effect) {
        (Action::Replaced, Effect::Repeal) => ("replaces", "replaced"),
        (Action::Replaced, _) => ("code", "brought in by a replacement"),
        (Action::Added, _) => ("code", "added"),
        (Action::Amended, _) => ("code", "amended"),
        (Action::Repealed, _) => ("code", "repealed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replaced_side_of_a_replacement_is_named_by_its_column() {
        assert_eq!(
            wording(Action::Replaced, Effect::Repeal),
            ("replaces", "replaced")
        );
        assert_eq!(
            wording(Action::Replaced, Effect::Add),
            ("code", "brought in by a replacement")
        );
        assert_eq!(wording(Action::Repealed, Effect::Repeal).1, "repealed");
    }
}
