//! `tthc retract DECISION --reason TEXT`: takes a decision's rows out of the
//! catalog from the start, as a correction recorded in the hash chain.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{RetractArgs, SummaryFormat};
use crate::domain::correction::CorrectionKind;
use crate::domain::text::clean;
use crate::error::Error;
use crate::import::Batch;
use crate::output::write_json;
use crate::store::{OpenMode, Store, StoreError};

use super::CorrectionSummary;

pub(crate) fn run(db: &Path, args: &RetractArgs) -> Result<ExitCode, Error> {
    let reason = clean(&args.reason);
    if reason.is_empty() {
        return Err(Error::Usage(crate::tr!("retract-no-reason")));
    }
    if !db.exists() {
        return Err(Error::Store(StoreError::Missing(db.to_owned())));
    }
    let mut store = Store::open(db, OpenMode::Create)?;
    let decision = super::stored_decision(&store, "DECISION", &args.decision)?;
    let tx = store.begin_import()?;
    let target = tx.correction_target(i64::from(decision.id))?;
    if let Some(r) = target.retraction() {
        return Err(Error::Refused(crate::tr!(
            "retract-already",
            decision = target.number.as_str(),
            signed = target.signed.to_string(),
            at = r.made_at.as_str(),
            by = r.made_by.as_str(),
            reason = r.reason.as_str()
        )));
    }
    let batch = Batch::correcting(&tx, target, CorrectionKind::Retracted, &reason)?;
    let outcome = batch.finish()?;
    let Some(corrected) = &outcome.corrected else {
        return Err(Error::Output(io::Error::other(crate::tr!(
            "retract-not-made"
        ))));
    };
    if !args.dry_run && outcome.changes_store() {
        tx.commit()?;
    }
    let summary = CorrectionSummary::new(corrected, args.dry_run);
    let mut out = io::stdout().lock();
    match args.format {
        SummaryFormat::Json => write_json(&mut out, &summary)?,
        SummaryFormat::Text => {
            if args.dry_run {
                writeln!(out, "{}", crate::tr!("import-dry-run"))?;
            }
            summary.write_text(&mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
