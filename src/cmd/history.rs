//! `tthc history`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::HistoryArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &HistoryArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage("tthc history is not available yet".to_owned()))
}
