//! `tthc show`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::ShowArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &ShowArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage("tthc show is not available yet".to_owned()))
}
