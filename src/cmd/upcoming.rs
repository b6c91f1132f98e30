//! `tthc upcoming`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::UpcomingArgs;
use crate::error::Error;

pub(crate) fn run(db: &Path, args: &UpcomingArgs) -> Result<ExitCode, Error> {
    let _ = (db, args);
    Err(Error::Usage(
        "tthc upcoming is not available yet".to_owned(),
    ))
}
