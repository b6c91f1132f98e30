//! `tthc man`: the man page (roff) generated from the clap definitions.

use std::process::ExitCode;

use crate::cli::ManArgs;
use crate::error::Error;
use crate::output::Sink;

pub(crate) fn run(_args: &ManArgs) -> Result<ExitCode, Error> {
    let mut out = Sink::open(None)?;
    clap_mangen::Man::new(crate::cli::command()).render(&mut out)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
