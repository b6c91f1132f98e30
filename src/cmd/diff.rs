//! `tthc diff FROM TO`: what changed between two versions of the catalog.
//!
//! Both versions are dates or decisions (see `super::open_between`). The
//! comparison itself is `domain::diff`: keyed by entry (code, level), with the
//! chained reading of replacements and, unless `--plain`, the moved reading of
//! transfers between levels.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::cli::{DiffArgs, Format};
use crate::domain::diff::{
    ChangeKind, EntryChange, FieldChange, MadeBy, diff, move_candidates, read_moves, summary,
};
use crate::domain::{Level, Point};
use crate::error::Error;
use crate::output::{DecisionJson, Sink, action_word, field_word, level_word, table, write_json};

pub(crate) fn run(db: &Path, args: &DiffArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let (store, from, to, known) =
        super::open_between_known(db, &args.from, &args.to, &args.known_at)?;
    let (first, last) = if from.day() <= to.day() {
        (from.day(), to.day())
    } else {
        (to.day(), from.day())
    };
    let ((older, force_changes), (newer, replacements)) = if known.is_now() {
        // Both cores: the older catalog and the changes in and out of force
        // here, the newer one and the replacements of the interval on a
        // second connection.
        store.with_twin(
            |here| {
                Ok((
                    here.catalog_at_alone(&from)?,
                    here.force_changes(first, last)?,
                ))
            },
            |there| {
                Ok((
                    there.catalog_at_alone(&to)?,
                    there.replacements(first, last)?,
                ))
            },
        )?
    } else {
        (
            (
                store.catalog_known_alone(&from, &known)?,
                store.force_changes_known(first, last, &known)?,
            ),
            (
                store.catalog_known_alone(&to, &known)?,
                store.replacements_known(first, last, &known)?,
            ),
        )
    };
    let mut changes = diff(
        &older,
        &newer,
        &replacements,
        &force_changes,
        from.bound(),
        to.bound(),
    );
    if !args.plain {
        let mut versions = Vec::new();
        for code in move_candidates(&changes) {
            versions.extend(store.entry_versions_known(code, None, &known)?);
        }
        changes = read_moves(changes, &versions, from.bound(), to.bound());
    }
    let corrections = corrections_between(&store, &known, first, last)?;
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    if !args.quiet {
        let mut out = Sink::open(None)?;
        let mut json = DiffJson::new(&from, &to, &changes);
        json.known_at = known_at;
        match (format, args.stat) {
            (Format::Json, false) => {
                json.corrections = corrections;
                write_json(&mut out, &json)?;
            }
            (Format::Json, true) => write_json(
                &mut out,
                &StatJson {
                    from: json.from,
                    to: json.to,
                    summary: json.summary,
                },
            )?,
            (Format::Csv, false) => write_csv(&mut out, delimiter, &changes)?,
            (Format::Csv, true) => write_stat_csv(&mut out, delimiter, &json.summary)?,
            (Format::Table, stat) => {
                write_table(&mut out, &from, &to, &changes, stat)?;
                if let Some(moment) = known_at {
                    writeln!(
                        out,
                        "\n{}",
                        crate::tr!("table-as-known-at", moment = moment)
                    )?;
                }
                if !stat {
                    write_corrections(&mut out, &corrections)?;
                }
            }
        }
        out.finish()?;
    }
    let any = !changes.is_empty();
    // The command ends here: the operating system takes back the catalogs'
    // many small strings at once, faster than freeing them one by one.
    std::mem::forget((older, newer, changes));
    if (args.exit_code || args.quiet) && any {
        return Ok(ExitCode::from(crate::exit::FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON shape of `diff --stat`: the summary alone.
#[derive(Serialize)]
struct StatJson {
    from: String,
    to: String,
    summary: SummaryJson,
}

/// `diff --stat --format csv`: the summary's keys, then its counts.
fn write_stat_csv(out: &mut Sink, delimiter: u8, s: &SummaryJson) -> Result<(), Error> {
    let mut w = crate::output::csv_writer(&mut *out, delimiter);
    w.write_record([
        "added",
        "amended",
        "replaced",
        "repealed",
        "moved",
        "code_assigned",
    ])?;
    w.write_record(
        [
            s.added,
            s.amended,
            s.replaced,
            s.repealed,
            s.moved,
            s.code_assigned,
        ]
        .map(|n| n.to_string()),
    )?;
    w.flush()?;
    Ok(())
}

/// The JSON shape of a diff.
#[derive(Serialize)]
struct DiffJson<'a> {
    /// `YYYY-MM-DD`, or `NUMBER@YYYY-MM-DD` (signing date) for a decision.
    from: String,
    to: String,
    /// With `--known-at`: the moment (UTC) both catalogs are as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    summary: SummaryJson,
    changes: Vec<ChangeJson<'a>>,
    /// The corrections (as known) of rows effective in the interval: the
    /// catalogs compared are as corrected. Left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionJson>,
}

/// A correction of rows effective in the interval of a diff.
#[derive(Serialize)]
struct CorrectionJson {
    decision: DecisionJson,
    /// `retracted` or `corrected`.
    kind: &'static str,
    at: String,
    by: String,
    reason: String,
}

/// The corrections known whose rows (put in or taken out) take effect from
/// `first` to `last`, in order.
fn corrections_between(
    store: &crate::store::Store,
    known: &crate::store::Known,
    first: crate::domain::Day,
    last: crate::domain::Day,
) -> Result<Vec<CorrectionJson>, Error> {
    let mut out = Vec::new();
    for c in known.corrections.all() {
        if !known.knowledge.knows(c) {
            continue;
        }
        let Some((a, b)) = store.correction_days(c)? else {
            continue;
        };
        if b < first || a > last {
            continue;
        }
        let (number, signed) = store.decision_identity(c.decision)?;
        out.push(CorrectionJson {
            decision: DecisionJson::new(&number, signed),
            kind: c.kind.as_str(),
            at: c.made_at.clone(),
            by: c.made_by.clone(),
            reason: c.reason.clone(),
        });
    }
    Ok(out)
}

/// The corrections under the table of changes.
fn write_corrections(out: &mut Sink, corrections: &[CorrectionJson]) -> Result<(), Error> {
    if corrections.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", crate::tr!("diff-corrections"))?;
    for c in corrections {
        writeln!(
            out,
            "  {}",
            crate::tr!(
                "diff-correction",
                decision = c.decision.number.as_str(),
                signed = c.decision.signed.as_str(),
                kind = action_word(c.kind),
                at = c.at.as_str(),
                by = c.by.as_str(),
                reason = c.reason.as_str()
            )
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SummaryJson {
    added: u64,
    amended: u64,
    replaced: u64,
    repealed: u64,
    moved: u64,
    /// Entries published without a code that were given one; left out
    /// when there are none.
    #[serde(skip_serializing_if = "is_zero")]
    code_assigned: u64,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One change; keys that do not apply to its kind are left out.
#[derive(Serialize)]
struct ChangeJson<'a> {
    change: &'static str,
    level: &'static str,
    code: String,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Fields<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<Vec<String>>,
    /// The decision that made the change and the change's effective date.
    decision: Option<DecisionJson>,
    effective: Option<String>,
    /// A move by two decisions: the one that repealed the entry at the old level.
    #[serde(skip_serializing_if = "Option::is_none")]
    from_decision: Option<DecisionJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_level: Option<&'static str>,
}

fn decision_json(d: &MadeBy) -> DecisionJson {
    DecisionJson::new(&d.number, d.signed)
}

/// `{"<field>": {"old": .., "new": ..}}` in the order of the detail fields.
struct Fields<'a>(&'a [FieldChange]);

#[derive(Serialize)]
struct OldNew<'a> {
    old: &'a str,
    new: &'a str,
}

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for f in self.0 {
            map.serialize_entry(
                f.field,
                &OldNew {
                    old: &f.old,
                    new: &f.new,
                },
            )?;
        }
        map.end()
    }
}

impl<'a> DiffJson<'a> {
    fn new(from: &Point, to: &Point, changes: &'a [EntryChange]) -> Self {
        let [added, amended, replaced, repealed, moved, code_assigned] = summary(changes);
        DiffJson {
            from: from.to_string(),
            to: to.to_string(),
            known_at: None,
            corrections: Vec::new(),
            summary: SummaryJson {
                added,
                amended,
                replaced,
                repealed,
                moved,
                code_assigned,
            },
            changes: changes.iter().map(ChangeJson::new).collect(),
        }
    }
}

impl<'a> ChangeJson<'a> {
    fn new(c: &'a EntryChange) -> Self {
        let replaced = c.kind == ChangeKind::Replaced;
        // An entry given its code had none before: no code it replaces.
        let old_code = c.replaces.filter(|r| !r.is_provisional());
        let moved = c.kind == ChangeKind::Moved;
        ChangeJson {
            change: c.kind.as_str(),
            level: c.level.as_str(),
            code: c.code.to_string(),
            name: &c.name,
            fields: matches!(c.kind, ChangeKind::Amended | ChangeKind::Moved)
                .then_some(Fields(&c.fields)),
            replaces: old_code.map(|r| r.to_string()),
            via: replaced.then(|| c.via.iter().map(ToString::to_string).collect()),
            decision: c.decision.as_ref().map(decision_json),
            effective: c.decision.as_ref().map(|d| d.effective.to_string()),
            from_decision: c.from_decision.as_ref().map(decision_json),
            from_level: c.from_level.map(Level::as_str),
            to_level: moved.then(|| c.level.as_str()),
        }
    }
}

/// The csv of a diff: one row per changed field (`field`, `old`, `new`),
/// and one row with those cells empty for a change without fields.
const CSV_HEADER: [&str; 15] = [
    "change",
    "level",
    "code",
    "name",
    "replaces",
    "decision",
    "signed",
    "effective",
    "from_decision",
    "from_signed",
    "from_level",
    "to_level",
    "field",
    "old",
    "new",
];

fn write_csv(out: &mut Sink, delimiter: u8, changes: &[EntryChange]) -> Result<(), Error> {
    let mut w = crate::output::csv_writer(&mut *out, delimiter);
    w.write_record(CSV_HEADER)?;
    for c in changes {
        let code = c.code.to_string();
        let replaces = c.replaces.map(|r| r.to_string()).unwrap_or_default();
        let (number, signed, effective) = made_cells(c.decision.as_ref());
        let (from_number, from_signed, _) = made_cells(c.from_decision.as_ref());
        let to_level = if c.kind == ChangeKind::Moved {
            c.level.as_str()
        } else {
            ""
        };
        let change = [
            c.kind.as_str(),
            c.level.as_str(),
            &code,
            &c.name,
            &replaces,
            number,
            &signed,
            &effective,
            from_number,
            &from_signed,
            c.from_level.map_or("", Level::as_str),
            to_level,
        ];
        if c.fields.is_empty() {
            w.write_record(change.iter().copied().chain(["", "", ""]))?;
        }
        for f in &c.fields {
            w.write_record(change.iter().copied().chain([f.field, &f.old, &f.new]))?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The number, signing date and effective date of a change's decision, as cells.
fn made_cells(d: Option<&MadeBy>) -> (&str, String, String) {
    d.map_or(("", String::new(), String::new()), |d| {
        (&d.number, d.signed.to_string(), d.effective.to_string())
    })
}

/// The decision and effective date of a change, as a table shows them:
/// "1580/QĐ-UBND (2025-11-19)", and for a move by two decisions the
/// repeal's first, joined by "; ".
fn decision_cell(c: &EntryChange) -> String {
    let one = |d: &MadeBy| format!("{} ({})", d.number, d.signed);
    let mut cell = c.from_decision.as_ref().map(one).unwrap_or_default();
    if let Some(d) = &c.decision {
        if !cell.is_empty() {
            cell.push_str("; ");
        }
        cell.push_str(&one(d));
    }
    cell
}

/// The summary line, then (unless `stat`) a table per kind of change.
fn write_table(
    out: &mut Sink,
    from: &Point,
    to: &Point,
    changes: &[EntryChange],
    stat: bool,
) -> Result<(), Error> {
    let counts = summary(changes);
    let (from, to) = (from.to_string(), to.to_string());
    if changes.is_empty() {
        writeln!(
            out,
            "{}",
            crate::tr!("diff-no-changes", from = from.as_str(), to = to.as_str())
        )?;
        return Ok(());
    }
    // Moves are named only when there are any: the plain reading has none.
    let parts: Vec<String> = ChangeKind::ALL
        .iter()
        .filter(|k| {
            !matches!(k, ChangeKind::Moved | ChangeKind::CodeAssigned) || counts[k.index()] > 0
        })
        .map(|k| format!("{} {}", summary_word(*k), counts[k.index()]))
        .collect();
    writeln!(
        out,
        "{}",
        crate::tr!(
            "diff-title",
            from = from.as_str(),
            to = to.as_str(),
            count = changes.len(),
            parts = parts.join(&crate::tr!("diff-separator"))
        )
    )?;
    if stat {
        return Ok(());
    }
    for kind in ChangeKind::ALL {
        let of_kind: Vec<&EntryChange> = changes.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        writeln!(out, "\n{} ({})", heading(kind), of_kind.len())?;
        let mut heading = vec![
            crate::tr!("table-level"),
            crate::tr!("table-code"),
            crate::tr!("table-name"),
        ];
        match kind {
            ChangeKind::Replaced => heading.push(crate::tr!("diff-replaces")),
            ChangeKind::Moved => heading.push(crate::tr!("diff-from-level")),
            ChangeKind::Amended
            | ChangeKind::Added
            | ChangeKind::Repealed
            | ChangeKind::CodeAssigned => {}
        }
        heading.push(crate::tr!("table-decision"));
        heading.push(crate::tr!("table-effective"));
        if matches!(kind, ChangeKind::Amended | ChangeKind::Moved) {
            heading.push(crate::tr!("diff-changes-old-new"));
        }
        let mut t = table(&heading.iter().map(String::as_str).collect::<Vec<_>>());
        for c in of_kind {
            let mut row = vec![level_word(c.level), c.code.to_string(), c.name.clone()];
            let effective = c
                .decision
                .as_ref()
                .map(|d| d.effective.to_string())
                .unwrap_or_default();
            match kind {
                ChangeKind::Amended => {
                    row.push(decision_cell(c));
                    row.push(effective);
                    row.push(fields_lines(&c.fields));
                }
                ChangeKind::Moved => {
                    row.push(c.from_level.map(level_word).unwrap_or_default());
                    row.push(decision_cell(c));
                    row.push(effective);
                    row.push(fields_lines(&c.fields));
                }
                ChangeKind::Replaced => {
                    let mut replaces = c.replaces.map(|r| r.to_string()).unwrap_or_default();
                    if !c.via.is_empty() {
                        let via: Vec<String> = c.via.iter().map(ToString::to_string).collect();
                        replaces =
                            crate::tr!("diff-via", replaces = replaces, via = via.join(", "));
                    }
                    row.push(replaces);
                    row.push(decision_cell(c));
                    row.push(effective);
                }
                ChangeKind::CodeAssigned | ChangeKind::Added | ChangeKind::Repealed => {
                    row.push(decision_cell(c));
                    row.push(effective);
                }
            }
            t.add_row(row);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

/// The heading of the table of one kind of change.
fn heading(kind: ChangeKind) -> String {
    match kind {
        ChangeKind::Added => crate::tr!("diff-heading-added"),
        ChangeKind::Amended => crate::tr!("diff-heading-amended"),
        ChangeKind::Replaced => crate::tr!("diff-heading-replaced"),
        ChangeKind::Repealed => crate::tr!("diff-heading-repealed"),
        ChangeKind::Moved => crate::tr!("diff-heading-moved"),
        ChangeKind::CodeAssigned => crate::tr!("diff-heading-code-assigned"),
    }
}

/// A kind of change as the summary line counts it: `added 1, ...` in
/// English (the words of the data), the table's words in Vietnamese.
fn summary_word(kind: ChangeKind) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::En => kind.as_str().to_owned(),
        crate::i18n::Lang::Vi => action_word(kind.as_str()),
    }
}

/// One `field: old -> new` a line, an empty value shown.
fn fields_lines(fields: &[FieldChange]) -> String {
    fields
        .iter()
        .map(|f| {
            format!(
                "{}: {} -> {}",
                field_word(f.field),
                shown(&f.old),
                shown(&f.new)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An empty value, visible in a table.
fn shown(value: &str) -> String {
    if value.is_empty() {
        crate::tr!("table-empty")
    } else {
        value.to_owned()
    }
}
