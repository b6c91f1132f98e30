//! A row of a decision as published, as the import takes it: a checked
//! decision row that carries where its facts came from.

use std::collections::BTreeSet;

use super::references::row_references;
use super::{BodyReference, PublishedRow, Reading};
use crate::domain::names::{closest, name_key};
use crate::domain::position::{Annex, AnnexRow, RowReference};
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
            problems.push(crate::tr!(
                "input-no-provisional-code",
                name = format!("{:?}", self.details.name)
            ));
        }
        for missing in required_details(action, &self.details.name, &self.details.field) {
            problems.push(if missing.field == "field" {
                crate::tr!(
                    "input-published-no-field",
                    message = missing.to_string(),
                    option = "--field"
                )
            } else {
                crate::tr!("input-published-no-name", message = missing.to_string())
            });
        }
        if let Err(message) = district_abolished(action, self.levels.value, self.effective.value) {
            problems.push(message);
        }
        if action == Action::Replaced && self.replaces.is_none() {
            problems.push(crate::tr!("input-published-no-replaces"));
        }
        let Some(code) = code.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        Ok(DecisionRow {
            by_name: false,
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
                position: (!self.position.stt.is_empty()).then(|| self.position.clone()),
            })),
        })
    }
}

/// What the catalog knows, for the rows of a decision as published that
/// leave their entry's level or code to it. `tthc inspect` has none.
pub trait Catalog: Annexes {
    /// The levels at which `code` is in force at the end of `day`.
    fn levels_in_force(&mut self, code: Code, day: Day) -> LevelSet;
    /// The entries in force at `level` at the end of `day`: code and name.
    fn entries_at(&mut self, level: Level, day: Day) -> &[(Code, String)];
    /// The provisional code of entries published without a code under this
    /// name ([`Code::provisional`]); `None` when there is none to give.
    fn provisional_code(&mut self, name: &str) -> Option<Code>;
    /// The provisional code already given to procedures published without
    /// a code under this name (in the catalog or earlier in the import).
    fn uncoded_code(&mut self, name: &str) -> Option<Code>;
}

/// The stored decisions that row-number references name.
pub trait Annexes {
    /// The stored decision numbered `decision` (signed on `signed`, when
    /// given), with its numbered rows.
    fn annex(&mut self, decision: &str, signed: Option<Day>) -> &Annex;
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
    let mut unchecked = Unchecked::default();
    let mut rows: Vec<Result<DecisionRow, Vec<Problem>>> = reading
        .problems
        .iter()
        .map(|p| Err(vec![p.clone()]))
        .collect();
    for row in &reading.rows {
        let problem = |message: String| Err(vec![Problem::new(file, row.line, message)]);
        let mut row = std::borrow::Cow::Borrowed(row);
        if let Err(message) = by_row_number(&mut row, catalog.as_deref_mut(), &mut unchecked) {
            rows.push(problem(message));
            continue;
        }
        if let Err(message) = level_from_catalog(&mut row, catalog.as_deref_mut()) {
            rows.push(problem(message));
            continue;
        }
        match (row.code, row.action.value) {
            (None, Action::Added) => {
                let code = match catalog.as_deref_mut() {
                    Some(catalog) => catalog.provisional_code(&row.details.name),
                    None => provisional.code(&row.details.name),
                };
                row.to_mut().code = code;
            }
            (None, action) => match named_entry(
                &row.details.name,
                action,
                row.levels.value,
                row.effective.value,
                catalog.as_deref_mut(),
            ) {
                // The name named the entry; the catalog keeps its own spelling.
                Ok(code) => {
                    let row = row.to_mut();
                    row.code = Some(code);
                    row.details.name.clear();
                }
                Err(message) => {
                    rows.push(problem(message));
                    continue;
                }
            },
            (Some(code), Action::Added) => {
                if let Some(old) = catalog.as_deref_mut().and_then(|catalog| {
                    uncoded_entry(
                        &row.details.name,
                        row.levels.value,
                        row.effective.value,
                        catalog,
                    )
                }) {
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
    notes.warnings = unchecked
        .0
        .into_iter()
        .map(|(line, message, english)| {
            let mut warning = Problem::new(file, line, message);
            warning.english = Some(english);
            warning
        })
        .collect();
    (rows, notes)
}

/// Settles the level of a row whose document leaves it to the catalog: the
/// one level its code is in force at on its date.
fn level_from_catalog(
    row: &mut std::borrow::Cow<'_, PublishedRow>,
    catalog: Option<&mut (dyn Catalog + '_)>,
) -> Result<(), String> {
    let Some(message) = &row.unresolved_level else {
        return Ok(());
    };
    match (row.code, catalog) {
        (_, None) => Err(crate::tr!(
            "input-pub-level-from-catalog",
            message = message
        )),
        (None, Some(_)) => Err(crate::tr!("input-pub-level-no-code", message = message)),
        (Some(code), Some(catalog)) => {
            let levels = catalog.levels_in_force(code, row.effective.value);
            if levels.iter().count() != 1 {
                let found = if levels.is_empty() {
                    crate::tr!("input-pub-in-force-nowhere")
                } else {
                    crate::tr!(
                        "input-pub-in-force-at",
                        levels = levels
                            .iter()
                            .map(Level::word)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                return Err(format!("{message} ({found})"));
            }
            row.to_mut().levels.value = levels;
            Ok(())
        }
    }
}

/// The references that cannot be checked, one per decision: (line, message).
#[derive(Default)]
struct Unchecked(Vec<(u64, String, String)>, BTreeSet<String>);

impl Unchecked {
    /// A warning, formatted in the run's language and in English (for JSON).
    fn add(&mut self, line: u64, decision: &str, message: &dyn Fn() -> String) {
        if self.1.insert(decision.to_owned()) {
            let english = crate::i18n::in_lang(crate::i18n::Lang::En, message);
            self.0.push((line, message(), english));
        }
    }
}

/// The row-number references of a row's reference and note cells.
fn references_of(row: &PublishedRow) -> Vec<RowReference> {
    let mut refs = row_references(&row.reference);
    refs.extend(row_references(&row.note));
    refs
}

/// Settles the entry a change names by row number ("Số thứ tự 04 Mục I Phụ
/// lục I kèm theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025"): a row
/// without the code takes the code of the entry that row made; a row with
/// it must agree. A reference that cannot be followed is a problem for a
/// row without a code, and a warning (once per decision) for one with it.
fn by_row_number(
    row: &mut std::borrow::Cow<'_, PublishedRow>,
    catalog: Option<&mut (dyn Catalog + '_)>,
    unchecked: &mut Unchecked,
) -> Result<(), String> {
    let action = row.action.value;
    if action == Action::Added {
        return Ok(());
    }
    let refs = references_of(row);
    if refs.is_empty() {
        return Ok(());
    }
    let given = if action == Action::Replaced {
        row.replaces
    } else {
        row.code
    };
    let Some(catalog) = catalog else {
        return match given {
            Some(_) => Ok(()),
            None => Err(crate::tr!(
                "input-pub-ref-no-catalog",
                reference = refs[0].to_string()
            )),
        };
    };
    let mut entries: Vec<(Code, String, String)> = Vec::new();
    for reference in &refs {
        follow(
            reference,
            catalog,
            given.is_some(),
            &mut entries,
            &mut |message| {
                unchecked.add(row.line, &reference.decision, message);
            },
        )?;
    }
    if entries.is_empty() {
        return Ok(());
    }
    let listed = || {
        entries
            .iter()
            .map(|(c, n, stt)| {
                crate::tr!(
                    "input-pub-ref-row-is",
                    stt = stt,
                    code = code_words(*c),
                    name = format!("{n:?}")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if let Some(code) = given {
        if entries.iter().any(|(c, _, _)| *c == code) {
            return Ok(());
        }
        return Err(crate::tr!(
            "input-pub-ref-other-code",
            code = code.to_string(),
            references = refs
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
            entries = listed()
        ));
    }
    let key = name_key(&row.details.name);
    let code = match entries.as_slice() {
        [(code, _, _)] => *code,
        several => {
            let by_name: Vec<Code> = several
                .iter()
                .filter(|(_, n, _)| name_key(n) == key)
                .map(|(c, _, _)| *c)
                .collect();
            match by_name.as_slice() {
                [code] => *code,
                _ => {
                    return Err(crate::tr!("input-pub-ref-several", entries = listed()));
                }
            }
        }
    };
    let row = row.to_mut();
    if action == Action::Replaced {
        row.replaces = Some(code);
    } else {
        row.code = Some(code);
    }
    Ok(())
}

/// Follows one reference into the catalog: adds the entry each row number
/// names to `entries` (code, name, number). What cannot be followed is a
/// problem when the row gives no code (`given` false), else a warning.
fn follow(
    reference: &RowReference,
    catalog: &mut (dyn Catalog + '_),
    given: bool,
    entries: &mut Vec<(Code, String, String)>,
    warn: &mut dyn FnMut(&dyn Fn() -> String),
) -> Result<(), String> {
    match catalog.annex(&reference.decision, reference.signed) {
        Annex::NotStored => {
            let message = || {
                crate::tr!(
                    "input-pub-ref-not-stored",
                    reference = reference.to_string(),
                    decision = decision_words(reference)
                )
            };
            if !given {
                return Err(crate::tr!(
                    "input-pub-ref-import-first",
                    message = message()
                ));
            }
            warn(&|| crate::tr!("input-pub-ref-unchecked", message = message()));
        }
        Annex::Several(days) => {
            let message = || {
                crate::tr!(
                    "input-pub-ref-several-decisions",
                    reference = reference.to_string(),
                    count = days.len(),
                    number = &reference.decision,
                    days = days
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            if !given {
                return Err(crate::tr!("input-pub-ref-give-signed", message = message()));
            }
            warn(&|| crate::tr!("input-pub-ref-unchecked-one", message = message()));
        }
        annex @ Annex::Stored { number, rows, .. } => {
            if rows.is_empty() {
                let message = || {
                    crate::tr!(
                        "input-pub-ref-unnumbered",
                        reference = reference.to_string(),
                        number = number
                    )
                };
                if !given {
                    return Err(crate::tr!("input-pub-ref-give-code", message = message()));
                }
                warn(&|| crate::tr!("input-pub-ref-unchecked", message = message()));
                return Ok(());
            }
            for stt in &reference.rows {
                let named = annex.rows_named(reference, stt);
                let mut codes: Vec<&AnnexRow> = Vec::new();
                for r in named {
                    if !codes.iter().any(|c| c.code == r.code) {
                        codes.push(r);
                    }
                }
                match codes.as_slice() {
                    [] => {
                        return Err(crate::tr!(
                            "input-pub-ref-no-row",
                            reference = reference.to_string(),
                            number = number,
                            stt = stt,
                            places = places(rows, stt)
                        ));
                    }
                    [one] => entries.push((one.code, one.name.clone(), stt.clone())),
                    several => {
                        return Err(crate::tr!(
                            "input-pub-ref-several-rows",
                            reference = reference.to_string(),
                            number = number,
                            stt = stt,
                            rows = several
                                .iter()
                                .map(|r| format!("{}, {}", r.position, code_words(r.code)))
                                .collect::<Vec<_>>()
                                .join("; ")
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// "1308/QĐ-UBND (signed 2025-06-18)", as a reference names a decision.
fn decision_words(reference: &RowReference) -> String {
    match reference.signed {
        Some(day) => crate::tr!(
            "input-decision-label",
            number = &reference.decision,
            signed = day.to_string()
        ),
        None => crate::tr!("input-pub-decision", number = &reference.decision),
    }
}

/// A code as messages show it: provisional codes are "(no code yet)".
fn code_words(code: Code) -> String {
    if code.is_provisional() {
        crate::tr!("input-pub-no-code-yet")
    } else {
        code.to_string()
    }
}

/// Where the rows numbered `stt` of an annex are, for a reference that
/// named another place: "; it has số thứ tự 4 at: mục II, Phụ lục I".
fn places(rows: &[AnnexRow], stt: &str) -> String {
    let found: Vec<String> = rows
        .iter()
        .filter(|r| {
            crate::domain::position::label_key(&r.position.stt)
                == crate::domain::position::label_key(stt)
        })
        .map(|r| r.position.to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if found.is_empty() {
        String::new()
    } else {
        format!(
            " {}",
            crate::tr!("input-pub-ref-places", places = found.join("; "))
        )
    }
}

/// What the annex's rows say of the entries a body's reference names, in
/// the run's language: they agree, or the rows numbered `unknown` are not in
/// the annex `number`, or no row changes the entries `missing` (code and
/// row number) as the body says (`action`).
fn annex_finding(
    number: &str,
    action: Option<Action>,
    unknown: &[String],
    missing: &[(Code, String)],
) -> String {
    let action = action.map_or_else(|| crate::tr!("input-body-changes"), Action::word);
    if unknown.is_empty() && missing.is_empty() {
        crate::tr!("input-body-agrees", action = action)
    } else if !unknown.is_empty() {
        crate::tr!(
            "input-body-no-row",
            number = number,
            rows = unknown.join(", ")
        )
    } else {
        let missing: Vec<String> = missing
            .iter()
            .map(|(code, stt)| {
                crate::tr!(
                    "input-body-missing-entry",
                    code = code_words(*code),
                    stt = stt.as_str()
                )
            })
            .collect();
        crate::tr!(
            "input-body-missing",
            action = action,
            entries = missing.join(", ")
        )
    }
}

/// A row-number reference of the body, checked against the annex.
#[derive(Debug, Clone)]
pub struct BodyCheck {
    pub reference: BodyReference,
    /// The entries it names, with the row number that names each.
    pub entries: Vec<(String, AnnexRow)>,
    /// Whether the annex's own rows agree; `None` when the reference could
    /// not be followed (no catalog, or the decision is not in it).
    pub agrees: Option<bool>,
    /// What was found, in words.
    pub finding: String,
    /// The warning a disagreement makes.
    pub warning: Option<Problem>,
}

/// Checks the body's row-number references against the annex's rows: the
/// entries the body names must be changed by a row of the annex with the
/// same action. A disagreement is a warning, never applied.
pub fn body_checks(
    file: &str,
    reading: &Reading,
    rows: &[Result<DecisionRow, Vec<Problem>>],
    mut catalog: Option<&mut (dyn Annexes + '_)>,
) -> Vec<BodyCheck> {
    let mut out = Vec::new();
    for body in &reading.body_references {
        let reference = &body.reference;
        let mut check = BodyCheck {
            reference: body.clone(),
            entries: Vec::new(),
            agrees: None,
            finding: String::new(),
            warning: None,
        };
        let Some(catalog) = catalog.as_deref_mut() else {
            check.finding = crate::tr!("input-body-no-catalog");
            out.push(check);
            continue;
        };
        let annex = catalog.annex(&reference.decision, reference.signed);
        match annex {
            Annex::NotStored => {
                check.finding = match reference.signed {
                    Some(day) => crate::tr!(
                        "input-body-not-stored-signed",
                        decision = reference.decision.as_str(),
                        signed = day.to_string()
                    ),
                    None => crate::tr!(
                        "input-body-not-stored",
                        decision = reference.decision.as_str()
                    ),
                };
            }
            Annex::Several(days) => {
                check.finding = crate::tr!(
                    "input-body-several",
                    count = days.len(),
                    decision = reference.decision.as_str()
                );
            }
            Annex::Stored {
                number,
                rows: numbered,
                ..
            } if numbered.is_empty() => {
                check.finding = crate::tr!("input-body-unnumbered", number = number.as_str());
            }
            Annex::Stored { number, .. } => {
                let mut missing: Vec<(Code, String)> = Vec::new();
                let mut unknown: Vec<String> = Vec::new();
                for stt in &reference.rows {
                    let named = annex.rows_named(reference, stt);
                    if named.is_empty() {
                        unknown.push(stt.clone());
                    }
                    for r in named {
                        if check
                            .entries
                            .iter()
                            .any(|(_, e)| e.code == r.code && e.level == r.level)
                        {
                            continue;
                        }
                        if !annex_changes(rows, body.action, r.code) {
                            missing.push((r.code, stt.clone()));
                        }
                        check.entries.push((stt.clone(), r.clone()));
                    }
                }
                missing.dedup();
                check.agrees = Some(missing.is_empty() && unknown.is_empty());
                // In the run's language, and in English for JSON.
                let finding = || annex_finding(number, body.action, &unknown, &missing);
                check.finding = finding();
                if check.agrees == Some(false) {
                    let warning = |finding: String| {
                        crate::tr!(
                            "input-body-disagrees",
                            reference = reference.to_string(),
                            finding = finding
                        )
                    };
                    let mut problem = Problem::new(file, body.line, warning(finding()));
                    problem.english = Some(crate::i18n::in_lang(crate::i18n::Lang::En, || {
                        warning(finding())
                    }));
                    check.warning = Some(problem);
                }
            }
        }
        out.push(check);
    }
    out
}

/// Whether a row of the annex changes `code` with `action` (any action
/// but adding when the body says none).
fn annex_changes(
    rows: &[Result<DecisionRow, Vec<Problem>>],
    action: Option<Action>,
    code: Code,
) -> bool {
    rows.iter().flatten().any(|r| {
        let names = (r.code == code && r.action != Action::Replaced) || r.replaces == Some(code);
        names
            && match action {
                Some(a) => r.action == a,
                None => r.action != Action::Added,
            }
    })
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
/// each of `levels` on `day`, named `name`: the entry a row that adds a code
/// under that name gives its code to.
pub fn uncoded_entry(
    name: &str,
    levels: LevelSet,
    day: Day,
    catalog: &mut (dyn Catalog + '_),
) -> Option<Code> {
    let key = name_key(name);
    let mut found = None;
    for level in levels.iter() {
        let code = catalog
            .entries_at(level, day)
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

/// The code of the one entry in force named `name` at each of `levels` on
/// `day`, that a change without a code names; `Err` says why there is none.
pub fn named_entry(
    name: &str,
    action: Action,
    levels: LevelSet,
    day: Day,
    catalog: Option<&mut (dyn Catalog + '_)>,
) -> Result<Code, String> {
    let Some(catalog) = catalog else {
        return Err(crate::tr!(
            "input-pub-named-no-catalog",
            name = format!("{name:?}"),
            action = action.word()
        ));
    };
    if name.is_empty() {
        return Err(crate::tr!(
            "input-pub-no-code-no-name",
            action = action.word()
        ));
    }
    let key = name_key(name);
    let uncoded = catalog.uncoded_code(name);
    let mut found: Option<Code> = None;
    for level in levels.iter() {
        let entries = catalog.entries_at(level, day);
        let matching: Vec<&(Code, String)> =
            entries.iter().filter(|(_, n)| name_key(n) == key).collect();
        let listed = |list: &[(&str, Code)]| {
            list.iter()
                .map(|(n, c)| format!("{} {n:?}", code_words(*c)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match matching.as_slice() {
            [(code, _)] if found.is_none_or(|f| f == *code) => found = Some(*code),
            [(code, _)] => {
                return Err(crate::tr!(
                    "input-pub-named-two-codes",
                    name = format!("{name:?}"),
                    first = found.map(|f| f.to_string()).unwrap_or_default(),
                    code = code.to_string(),
                    level = level.word()
                ));
            }
            // A procedure published without a code earlier in the same
            // import is not in force yet when rows are read: its
            // provisional code names it (the rules check it is in force).
            [] if let Some(code) = uncoded
                && found.is_none_or(|f| f == code) =>
            {
                found = Some(code);
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
                    crate::tr!("input-pub-closest", entries = listed(&closest))
                };
                return Err(crate::tr!(
                    "input-pub-named-none",
                    name = format!("{name:?}"),
                    level = level.word(),
                    day = day.to_string(),
                    hint = hint
                ));
            }
            several => {
                let named: Vec<(&str, Code)> =
                    several.iter().map(|(c, n)| (n.as_str(), *c)).collect();
                return Err(crate::tr!(
                    "input-pub-named-several",
                    name = format!("{name:?}"),
                    count = several.len(),
                    level = level.word(),
                    day = day.to_string(),
                    entries = listed(&named)
                ));
            }
        }
    }
    found.ok_or_else(|| crate::tr!("input-pub-named-no-level", name = format!("{name:?}")))
}
