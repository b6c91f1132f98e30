//! `tthc verify`: proves the store was not edited behind tthc's back.
//!
//! Three checks, in one read snapshot of the store:
//! 1. `SQLite`'s own integrity and foreign key checks;
//! 2. every decision, in order of import: its content hash recomputed from
//!    its stored rows, its link in the hash chain, its number key, row count
//!    and effective dates; every correction, in its place in the chain: the
//!    rows it put in against its content hash, the rows it took out, and its
//!    link (what it did, who, when, why);
//! 3. the whole history replayed entry by entry: the rules hold, and every
//!    version's details and validity interval are what the rules make of the
//!    rows; the versions corrections took out are in force on no day.
//! 4. the search index against the versions it says it holds;
//! 5. with `--head` or `--manifest`, a chain head kept outside the store:
//!    the store must still hold it.
//!
//! Before all this, opening the store compares its schema with tthc's.
//!
//! The history is streamed; memory holds one decision's row digests and one
//! entry's versions at a time.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{SummaryFormat, VerifyArgs};
use crate::domain::correction::{Correction, Corrections};
use crate::domain::verify::{
    Anchor, AnchorCheck, ChainHash, CorrectionCheck, DecisionCheck, Findings, StoredVersion,
    check_entry, describe_span,
};
use crate::error::{Error, PROBLEM_CAP};
use crate::i18n::Lang;
use crate::store::{LogItem, LogReader, StoreError};

pub(crate) fn run(db: &Path, args: &VerifyArgs) -> Result<ExitCode, Error> {
    let mut anchors: Vec<Anchor> = Vec::new();
    if let Some(head) = &args.head {
        anchors.push(Anchor {
            hash: head.as_str().to_owned(),
            decisions: None,
            source: "--head".to_owned(),
        });
    }
    if let Some(path) = &args.manifest {
        anchors.push(manifest_anchor(path)?);
    }
    let json = args.format == SummaryFormat::Json;
    // The JSON report is data, in English whatever the run's language; the
    // text report and the mismatches on stderr are in the run's language.
    let lang = crate::i18n::current();
    let found = if json {
        crate::i18n::in_lang(Lang::En, || check(db, anchors.clone()))?
    } else {
        check(db, anchors.clone())?
    };
    if json {
        write_json_report(db, &found.report, &found.mismatches, found.total)?;
    }
    if found.total > 0 {
        // Told again in the run's language: the store is read once more,
        // only when it does not verify.
        let found = if json && lang != Lang::En {
            check(db, anchors)?
        } else {
            found
        };
        return Err(Error::Tampered {
            mismatches: found.mismatches,
            total: found.total,
        });
    }
    if json {
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = io::stdout().lock();
    found.report.write(&mut out, db)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// What one reading of the store found: what was checked, and the first
/// mismatches (up to [`PROBLEM_CAP`]) of `total`.
struct Found {
    report: Report,
    mismatches: Vec<String>,
    total: usize,
}

/// Checks the store, with its messages in the language of this thread.
fn check(db: &Path, anchors: Vec<Anchor>) -> Result<Found, Error> {
    let mut store = match super::open_existing(db) {
        Ok(store) => store,
        // A catalog whose schema was changed: each change is a mismatch.
        Err(Error::Store(StoreError::Damaged { path, findings })) => {
            let mismatches: Vec<String> = findings
                .iter()
                .map(|f| format!("{}: {f}", path.display()))
                .collect();
            return Ok(Found {
                report: Report::default(),
                total: mismatches.len(),
                mismatches,
            });
        }
        Err(e) => return Err(e),
    };
    let log = store.read_log()?;
    let mut findings = Findings::new(PROBLEM_CAP);
    let report = match audit(&log, anchors, &mut findings) {
        Ok(report) => report,
        // A damaged file is a finding too, once SQLite's own check has said where.
        Err(Error::Store(e)) if e.is_damage() => {
            findings.push(crate::tr!("verify-unreadable", error = e.to_string()));
            Report::default()
        }
        Err(e) => return Err(e),
    };
    drop(log);
    Ok(Found {
        report,
        total: findings.total(),
        mismatches: findings.into_shown(),
    })
}

/// `verify --format json`: what was checked, and the mismatches found (the
/// first [`PROBLEM_CAP`] of `total`).
#[derive(Serialize)]
struct ReportJson<'a> {
    verified: bool,
    database: String,
    decisions: u64,
    versions: u64,
    entries: u64,
    spans: u64,
    indexed: u64,
    corrections: u64,
    /// Null while no decision is imported.
    chain_head: Option<&'a str>,
    anchors: &'a [String],
    mismatches: &'a [String],
    mismatches_total: usize,
}

fn write_json_report(
    db: &Path,
    report: &Report,
    mismatches: &[String],
    total: usize,
) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    crate::output::write_json(
        &mut out,
        &ReportJson {
            verified: total == 0,
            database: db.display().to_string(),
            decisions: report.decisions,
            versions: report.versions,
            entries: report.entries,
            spans: report.spans,
            indexed: report.indexed,
            corrections: report.corrections,
            chain_head: Some(report.chain_head.as_str()).filter(|h| !h.is_empty()),
            anchors: &report.anchors,
            mismatches,
            mismatches_total: total,
        },
    )?;
    out.flush()?;
    Ok(())
}

/// What was checked.
#[derive(Debug, Default, PartialEq, Eq)]
struct Report {
    decisions: u64,
    versions: u64,
    entries: u64,
    spans: u64,
    /// Versions the search index holds.
    indexed: u64,
    /// Corrections replayed.
    corrections: u64,
    /// The chain hash of the last link: the decision imported or the correction made last.
    chain_head: String,
    /// What each anchor proved.
    anchors: Vec<String>,
}

impl Report {
    fn write(&self, out: &mut impl Write, db: &Path) -> io::Result<()> {
        writeln!(
            out,
            "{}",
            crate::tr!("verify-ok", db = db.display().to_string())
        )?;
        writeln!(out, "  {}", crate::tr!("verify-integrity"))?;
        writeln!(
            out,
            "  {}",
            crate::tr!("verify-decisions", count = self.decisions)
        )?;
        writeln!(
            out,
            "  {}",
            crate::tr!(
                "verify-versions",
                count = self.versions,
                entries = self.entries
            )
        )?;
        writeln!(out, "  {}", crate::tr!("verify-spans", count = self.spans))?;
        writeln!(
            out,
            "  {}",
            crate::tr!("verify-indexed", count = self.indexed)
        )?;
        if self.corrections > 0 {
            writeln!(
                out,
                "  {}",
                crate::tr!("verify-corrections", count = self.corrections)
            )?;
        }
        let head = if self.chain_head.is_empty() {
            crate::tr!("verify-no-decision")
        } else {
            self.chain_head.clone()
        };
        writeln!(out, "  {}", crate::tr!("verify-head", head = head))?;
        for anchor in &self.anchors {
            writeln!(out, "  {anchor}")?;
        }
        Ok(())
    }
}

/// The largest manifest read: a manifest tthc writes is under a kilobyte.
const MANIFEST_MAX: u64 = 1 << 20;

/// The chain head an export's manifest names (`store.chain_sha256`), with
/// the number of decisions the store held then (`store.decisions`).
fn manifest_anchor(path: &Path) -> Result<Anchor, Error> {
    let read_err = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let refuse = |why: &str| Error::Usage(format!("--manifest {}: {why}", path.display()));
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut text = Vec::new();
    io::Read::read_to_end(&mut io::Read::take(file, MANIFEST_MAX + 1), &mut text)
        .map_err(read_err)?;
    if text.len() as u64 > MANIFEST_MAX {
        return Err(refuse(&crate::tr!("verify-manifest-too-large")));
    }
    let value: serde_json::Value = serde_json::from_slice(&text).map_err(|e| {
        refuse(&crate::tr!(
            "verify-manifest-not-json",
            line = e.line(),
            column = e.column()
        ))
    })?;
    let store = &value["store"];
    let (Some(hash), Some(decisions)) =
        (store["chain_sha256"].as_str(), store["decisions"].as_u64())
    else {
        return Err(refuse(&crate::tr!("verify-manifest-not-tthc")));
    };
    let hash = if hash.is_empty() && decisions == 0 {
        String::new()
    } else {
        hash.parse::<ChainHash>()
            .map_err(|e| refuse(&crate::tr!("verify-manifest-bad-hash", error = e)))?
            .as_str()
            .to_owned()
    };
    Ok(Anchor {
        hash,
        decisions: Some(decisions),
        source: path.display().to_string(),
    })
}

fn audit(log: &LogReader<'_>, anchors: Vec<Anchor>, out: &mut Findings) -> Result<Report, Error> {
    let mut report = Report::default();
    log.integrity(|line| out.push(line))?;
    let mut anchors: Vec<AnchorCheck> = anchors.into_iter().map(AnchorCheck::new).collect();
    check_decisions(log, out, &mut report, &mut anchors)?;
    for anchor in anchors {
        if let Some(line) = anchor.finish(report.decisions, &report.chain_head, out) {
            report.anchors.push(line);
        }
    }
    log.index_mismatches(|line| out.push(line))?;
    check_entries(log, out, &mut report)?;
    log.stray_spans(|id, span| {
        report.spans += 1;
        out.push(crate::tr!(
            "verify-stray-span",
            id = id,
            span = describe_span(span)
        ));
    })?;
    report.indexed = log.search_index_mismatches(|line| out.push(line))?;
    Ok(report)
}

/// The decision being checked, with the stored chain hash of the link
/// before it (`None` when that one could not be read).
type Current = Option<(DecisionCheck, Option<String>)>;

/// The links of the chain walked so far: the stored chain hash of the last
/// one (`None` when it could not be read), and the corrections still to come
/// with the decisions they correct.
struct Chain<'a> {
    last: Option<String>,
    corrections: &'a Corrections,
    /// Index of the next correction to check.
    next: usize,
    /// The corrected decisions seen, with their checks.
    corrected: std::collections::HashMap<u32, CorrectionCheck>,
}

impl Chain<'_> {
    fn finish(&mut self, current: &mut Current, out: &mut Findings) {
        if let Some((check, before)) = current.take() {
            let head = check.head().clone();
            let seen = check.finish(before.as_deref(), out);
            let n = self.corrections.of(narrow(head.id)).count();
            if n > 0 {
                self.corrected
                    .insert(narrow(head.id), CorrectionCheck::new(head, seen, n));
            } else if head.corrected {
                out.push(crate::tr!(
                    "verify-correction-unrecorded",
                    label = head.label()
                ));
            }
        }
    }

    /// Checks the corrections placed in the chain before decision `before`.
    /// The corrections made before decision `before`, each in its place
    /// in the chain; a correction's link may be an outside anchor too.
    fn corrections_before(
        &mut self,
        log: &LogReader<'_>,
        before: i64,
        out: &mut Findings,
        report: &mut Report,
        anchors: &mut [AnchorCheck],
    ) -> Result<(), Error> {
        let all = self.corrections.all();
        while let Some(c) = all.get(self.next) {
            if i64::from(c.after_decision) >= before {
                break;
            }
            self.next += 1;
            report.corrections += 1;
            self.correction(log, c, out)?;
            for anchor in anchors.iter_mut() {
                anchor.correction(report.decisions, &c.chain_sha256);
            }
        }
        Ok(())
    }

    fn correction(
        &mut self,
        log: &LogReader<'_>,
        c: &Correction,
        out: &mut Findings,
    ) -> Result<(), Error> {
        let previous = self.last.replace(c.chain_sha256.clone());
        let Some(check) = self.corrected.get_mut(&c.decision) else {
            out.push(crate::tr!(
                "verify-correction-orphan",
                made_at = c.made_at.as_str(),
                made_by = c.made_by.as_str(),
                decision = c.decision
            ));
            return Ok(());
        };
        let mut versions = Vec::new();
        for v in log.edition(c.decision, c.versions)? {
            match v {
                Ok(v) => versions.push(v),
                Err(unreadable) => out.push(unreadable),
            }
        }
        check.correction(c, &versions, previous.as_deref(), out);
        Ok(())
    }
}

fn narrow(id: i64) -> u32 {
    u32::try_from(id).unwrap_or(u32::MAX)
}

/// Pass 1: each decision against its rows, each correction against the rows
/// it put in and took out, and the hash chain through both.
fn check_decisions(
    log: &LogReader<'_>,
    out: &mut Findings,
    report: &mut Report,
    anchors: &mut [AnchorCheck],
) -> Result<(), Error> {
    let mut readable = Vec::new();
    for c in log.corrections()? {
        match c {
            Ok(c) => readable.push(c),
            Err(unreadable) => out.push(unreadable),
        }
    }
    let corrections = Corrections::new(readable);
    let mut chain = Chain {
        // The chain starts from "".
        last: Some(String::new()),
        corrections: &corrections,
        next: 0,
        corrected: std::collections::HashMap::new(),
    };
    let mut current: Current = None;
    log.scan_decisions(|item| -> Result<(), Error> {
        match item {
            LogItem::Decision(head) => {
                chain.finish(&mut current, out);
                report.decisions += 1;
                match head {
                    Ok(head) => {
                        chain.corrections_before(log, head.id, out, report, anchors)?;
                        for anchor in anchors.iter_mut() {
                            anchor.decision(report.decisions, &head.chain_sha256);
                        }
                        let before = chain.last.replace(head.chain_sha256.clone());
                        current = Some((DecisionCheck::new(head), before));
                    }
                    Err(unreadable) => {
                        out.push(unreadable);
                        chain.last = None;
                    }
                }
            }
            LogItem::Version(Ok(v)) => {
                if let Some((check, _)) = &mut current {
                    check.version(&v, out);
                }
            }
            LogItem::Version(Err(unreadable)) => match &current {
                Some((check, _)) => out.push(format!("{}: {unreadable}", check.label())),
                None => out.push(unreadable),
            },
        }
        Ok(())
    })?;
    chain.finish(&mut current, out);
    chain.corrections_before(log, i64::MAX, out, report, anchors)?;
    report.chain_head = chain.last.unwrap_or_default();
    Ok(())
}

/// Pass 2: the history replayed, one entry at a time.
fn check_entries(
    log: &LogReader<'_>,
    out: &mut Findings,
    report: &mut Report,
) -> Result<(), Error> {
    let mut entry: Vec<StoredVersion> = Vec::new();
    log.scan_entries(|version| -> Result<(), Error> {
        report.versions += 1;
        // An unreadable version was reported with its decision in pass 1.
        let Ok(v) = version else {
            return Ok(());
        };
        // Taken out by a correction: in force on no day.
        if !v.live {
            if v.span.is_some() || v.misfiled {
                out.push(crate::tr!(
                    "verify-taken-out-span",
                    entry = v.entry_label(),
                    version = v.version_label(),
                    span = describe_span(v.span)
                ));
            }
            report.spans += u64::from(v.span.is_some());
            return Ok(());
        }
        if entry
            .last()
            .is_some_and(|last| last.version.entry() != v.version.entry())
        {
            check_entry(&entry, out);
            report.entries += 1;
            entry.clear();
        }
        report.spans += u64::from(v.span.is_some());
        entry.push(v);
        Ok(())
    })?;
    if !entry.is_empty() {
        check_entry(&entry, out);
        report.entries += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_names_the_chain_head() {
        let report = Report {
            decisions: 2,
            versions: 5,
            entries: 4,
            spans: 3,
            indexed: 5,
            corrections: 0,
            chain_head: "ab".repeat(32),
            anchors: Vec::new(),
        };
        let mut out = Vec::new();
        report.write(&mut out, Path::new("t.db")).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("t.db: verified, no mismatch found.\n"),
            "{text}"
        );
        assert!(text.contains("decisions: 2 "), "{text}");
        assert!(text.contains("versions:  5 of 4 entries"), "{text}");
        assert!(
            text.ends_with(&format!("chain head: {}\n", "ab".repeat(32))),
            "{text}"
        );
    }
}
