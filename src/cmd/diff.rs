//! `tthc diff`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::DiffArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &DiffArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage("tthc diff is not available yet".to_owned()))
}
