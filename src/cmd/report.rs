//! `tthc report`: one self-contained HTML page about the catalog over time.
//!
//! The counts per level over time come from one query over the versions'
//! validity intervals (a step up where an interval starts, one down where it
//! ends, per level and day), summed here in a single sweep; no catalog is
//! read per date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::Datelike;

use crate::cli::ReportArgs;
use crate::domain::Day;
use crate::domain::diff::pair_moves;
use crate::error::Error;
use crate::output::html::{
    self, ChangeRow, CorrectionRow, EffectiveDecision, FieldRow, FirstImport, PENDING_SHOWN,
    PendingRow, RecentDecision, Report, StoreHead, YearRow,
};
use crate::output::{Sink, refuse_catalog_files};
use crate::store::{
    ChainHead, DecisionChange, EffectiveDecision as Effective, Known, LevelStep, LoggedDecision,
    Store, UpcomingChange,
};

/// How many of the latest decisions the report shows, and how many of each one's changes.
const RECENT_DECISIONS: usize = 8;
const CHANGES_PER_DECISION: usize = 15;

pub(crate) fn run(db: &Path, args: &ReportArgs) -> Result<ExitCode, Error> {
    let to = args.to.unwrap_or_else(Day::today);
    let from = args.from;
    if let Some(from) = from
        && from > to
    {
        return Err(Error::Usage(crate::tr!(
            "report-from-after-to",
            from = from.to_string(),
            to = to.to_string()
        )));
    }
    if let Some(path) = &args.output {
        refuse_catalog_files(path, db)?;
    }
    if let Some(path) = &args.output
        && let Some(extension) = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
        && matches!(extension.as_str(), "csv" | "json" | "xlsx")
    {
        return Err(Error::Usage(crate::tr!(
            "report-not-html",
            path = path.display().to_string(),
            extension = extension
        )));
    }
    let store = super::open_existing(db)?;
    let known = super::known(&store, &args.known_at)?;
    let mut report = gather(&store, &known, from, to)?;
    report.known_at = args.known_at.moment.as_ref().map(|m| m.utc.clone());
    let mut out = Sink::open_beside(args.output.as_deref(), db)?;
    out.write_all(html::page(&report).as_bytes())?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads what the report shows from the store as known; `from` defaults to
/// the first date of the history (or `to`, when that is earlier or nothing
/// is stored).
fn gather(store: &Store, known: &Known, from: Option<Day>, to: Day) -> Result<Report, Error> {
    let knowledge = &known.knowledge;
    let mut log = store.decision_log()?;
    log.retain(|d| knowledge.knows_decision(d.id));
    for d in &mut log {
        store.logged_as_known(d, known)?;
    }
    let is_known =
        |number: &str, signed: Day| log.iter().any(|d| d.number == number && d.signed == signed);
    let from = from.or(store.first_date()?).map_or(to, |from| from.min(to));
    let (start, changes) = sweep(&store.level_steps_known(known)?, from, to);
    let effective: Vec<EffectiveDecision> = store
        .effective_decisions(from, to)?
        .into_iter()
        .filter(|d| is_known(&d.number, d.signed))
        .map(effective_decision)
        .collect();
    // The first import tops the days of largest change: it is left out.
    let first_import = log.first().map(|first| FirstImport {
        number: first.number.clone(),
        signed: first.signed,
        days: effective
            .iter()
            .filter(|d| d.number == first.number && d.signed == first.signed)
            .map(|d| d.effective)
            .collect(),
    });
    let left_out = first_import.as_ref().map_or(&[][..], |f| &f.days[..]);
    // The moves between levels, for the days the report lists as the largest changes.
    let moved = html::largest_days(start, &changes, left_out)
        .into_iter()
        .map(|(day, _)| Ok((day, pair_moves(&store.plain_changes_on(day)?).len() as u64)))
        .collect::<Result<Vec<_>, Error>>()?;
    let corrections = &known.corrections;
    let catalog = store.catalog_known(&crate::domain::Point::Day(to), known)?;
    // Published by `to` (signed on or before it), in force after it.
    let mut pending = store.upcoming_known(to, Day::from_number(Day::OPEN - 1), known)?;
    pending.retain(|c| c.signed <= to);
    let signed_in_range = |d: &&LoggedDecision| d.signed >= from && d.signed <= to;
    let mut recent: Vec<(usize, &LoggedDecision)> =
        log.iter().filter(signed_in_range).enumerate().collect();
    recent.sort_by(|(i, a), (j, b)| (b.signed, j).cmp(&(a.signed, i)));
    let recent = recent
        .into_iter()
        .take(RECENT_DECISIONS)
        .map(|(_, d)| {
            Ok(RecentDecision {
                corrected: corrections.latest(d.id, knowledge).map(|c| c.kind),
                number: d.number.clone(),
                signed: d.signed,
                effective_first: d.effective_first,
                effective_last: d.effective_last,
                actions: d.actions,
                changes: store
                    .decision_changes(&d.number, d.signed, CHANGES_PER_DECISION)?
                    .into_iter()
                    .map(change_row)
                    .collect(),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Report {
        from,
        to,
        counts: crate::domain::Counts::of(&catalog),
        start,
        changes,
        effective,
        moved,
        years: per_year(log.iter().filter(signed_in_range)),
        recent,
        corrections: corrections
            .all()
            .iter()
            .filter(|c| knowledge.knows(c))
            .map(|c| {
                let d = log.iter().find(|d| d.id == c.decision);
                CorrectionRow {
                    number: d.map(|d| d.number.clone()).unwrap_or_default(),
                    signed: d.map_or(Day::from_number(0), |d| d.signed),
                    kind: c.kind,
                    at: c.made_at.clone(),
                    by: c.made_by.clone(),
                    reason: c.reason.clone(),
                }
            })
            .collect(),
        store: store_head(store.chain_head_at(knowledge)?),
        first_import,
        fields: per_field(&catalog),
        pending_total: pending.len(),
        pending: pending
            .into_iter()
            .take(PENDING_SHOWN)
            .map(pending_row)
            .collect(),
        known_at: None,
    })
}

/// The entries of a catalog per field and level, fields in Vietnamese
/// alphabetical order (the catalog's order).
fn per_field(catalog: &[crate::domain::CatalogEntry]) -> Vec<FieldRow> {
    let mut rows: Vec<FieldRow> = Vec::new();
    let mut at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for e in catalog {
        let i = *at.entry(&e.details.field).or_insert_with(|| {
            rows.push(FieldRow {
                field: e.details.field.clone(),
                counts: [0; 3],
            });
            rows.len() - 1
        });
        rows[i].counts[e.level.index()] += 1;
    }
    let mut fields: Vec<&String> = rows.iter().map(|r| &r.field).collect();
    crate::domain::collation::sort(&mut fields);
    let order: Vec<String> = fields.into_iter().cloned().collect();
    rows.sort_by_key(|r| order.iter().position(|f| *f == r.field));
    rows
}

/// A change not yet in force, as the report lists it.
fn pending_row(c: UpcomingChange) -> PendingRow {
    PendingRow {
        effective: c.effective,
        number: c.decision,
        signed: c.signed,
        action: c.action,
        level: c.level,
        code: c.code,
        replaces: c.replaces,
        name: c.name,
    }
}

/// A decision's change as the report lists it.
fn change_row(c: DecisionChange) -> ChangeRow {
    ChangeRow {
        action: c.action,
        level: c.level,
        code: c.code,
        replaces: c.replaces,
        name: c.name,
        effective: c.effective,
    }
}

/// A decision effective on a day, as the chart marks it.
fn effective_decision(d: Effective) -> EffectiveDecision {
    EffectiveDecision {
        effective: d.effective,
        number: d.number,
        signed: d.signed,
    }
}

/// The store's chain head, as the report's footer names it.
fn store_head(head: ChainHead) -> StoreHead {
    StoreHead {
        decisions: head.decisions,
        chain_sha256: head.chain_sha256,
    }
}

/// The entries in force per level at the end of `from`, and each later day
/// up to `to` on which a level's count changes, with the counts from then on.
/// `steps` are ordered by day.
fn sweep(steps: &[LevelStep], from: Day, to: Day) -> ([u64; 3], Vec<(Day, [u64; 3])>) {
    let counts = |sums: &[i64; 3]| sums.map(|n| n.max(0).unsigned_abs());
    let mut sums = [0_i64; 3];
    let mut i = 0;
    while i < steps.len() && steps[i].day <= from {
        sums[steps[i].level.index()] += steps[i].delta;
        i += 1;
    }
    let start = counts(&sums);
    let mut changes: Vec<(Day, [u64; 3])> = Vec::new();
    for step in steps[i..].iter().take_while(|s| s.day <= to) {
        sums[step.level.index()] += step.delta;
        match changes.last_mut() {
            Some((day, values)) if *day == step.day => *values = counts(&sums),
            _ => changes.push((step.day, counts(&sums))),
        }
    }
    (start, changes)
}

/// Decisions and their entry changes per action, per year of signing, in year order.
fn per_year<'a>(decisions: impl Iterator<Item = &'a LoggedDecision>) -> Vec<YearRow> {
    let mut years: Vec<YearRow> = Vec::new();
    for d in decisions {
        let year = d.signed.date().year();
        let i = match years.binary_search_by_key(&year, |y| y.year) {
            Ok(i) => i,
            Err(i) => {
                years.insert(
                    i,
                    YearRow {
                        year,
                        decisions: 0,
                        actions: [0; 4],
                    },
                );
                i
            }
        };
        years[i].decisions += 1;
        for (sum, n) in years[i].actions.iter_mut().zip(d.actions) {
            *sum += n;
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Level;

    fn step(day: &str, level: Level, delta: i64) -> LevelStep {
        LevelStep {
            day: Day::parse(day).unwrap(),
            level,
            delta,
        }
    }

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn the_sweep_sums_steps_per_level_and_day() {
        let steps = [
            step("2020-02-01", Level::Province, 2),
            step("2020-02-01", Level::District, 1),
            step("2021-03-15", Level::Province, 1),
            step("2025-07-01", Level::District, -1),
            step("2025-07-01", Level::Commune, 2),
            step("2099-07-01", Level::Province, -1),
        ];
        let (start, changes) = sweep(&steps, day("2020-01-01"), day("2025-12-31"));
        assert_eq!(start, [0, 0, 0]);
        assert_eq!(
            changes,
            [
                (day("2020-02-01"), [2, 1, 0]),
                (day("2021-03-15"), [3, 1, 0]),
                (day("2025-07-01"), [3, 0, 2]),
            ]
        );
        let (start, changes) = sweep(&steps, day("2021-03-15"), day("2021-12-31"));
        assert_eq!(start, [3, 1, 0]);
        assert!(changes.is_empty());
    }

    #[test]
    fn decisions_are_counted_per_year_of_signing() {
        let decision = |signed: &str, actions: [u64; 4]| LoggedDecision {
            id: 1,
            number: "1/QĐ-UBND".into(),
            signed: day(signed),
            effective_first: day(signed),
            effective_last: day(signed),
            actions,
            rows: actions.iter().sum(),
            source: String::new(),
            source_sha256: String::new(),
            imported_at: String::new(),
            imported_by: String::new(),
            chain_sha256: String::new(),
        };
        let log = [
            decision("2024-05-01", [1, 0, 0, 0]),
            decision("2020-01-10", [4, 0, 0, 0]),
            decision("2024-01-08", [1, 2, 0, 1]),
        ];
        let years = per_year(log.iter());
        let summary: Vec<(i32, u64, [u64; 4])> = years
            .iter()
            .map(|y| (y.year, y.decisions, y.actions))
            .collect();
        assert_eq!(summary, [(2020, 1, [4, 0, 0, 0]), (2024, 2, [2, 2, 0, 1])]);
    }
}
