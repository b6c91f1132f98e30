//! `tthc verify`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::VerifyArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &VerifyArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage("tthc verify is not available yet".to_owned()))
}
