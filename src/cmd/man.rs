//! `tthc man`: the man page (roff) generated from the clap definitions.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::error::Error;
use crate::output::Sink;

pub(crate) fn run(_args: &ManArgs) -> Result<ExitCode, Error> {
    let mut out = Sink::open(None)?;
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
