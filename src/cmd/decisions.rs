//! `tthc decisions`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::DecisionsArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &DecisionsArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage(
        "tthc decisions is not available yet".to_owned(),
    ))
}
