//! `tthc completions SHELL`: a completion script generated from the clap definitions.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::CompletionsArgs;
use crate::error::Error;
use crate::output::Sink;

pub(crate) fn run(args: &CompletionsArgs) -> Result<ExitCode, Error> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut crate::cli::command(), "tthc", &mut script);
    let mut out = Sink::open(None)?;
    out.write_all(&script)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
