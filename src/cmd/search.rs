//! `tthc search`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::SearchArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &SearchArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage("tthc search is not available yet".to_owned()))
}
