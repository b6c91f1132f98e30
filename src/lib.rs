//! tthc: a province's catalog of administrative procedures (TTHC), kept in `SQLite`.
//!
//! `main.rs` parses the command line and calls [`run`]; every command lives in
//! its own module under `cmd`.

pub mod cli;
mod cmd;
pub mod domain;
mod error;
mod hex;
pub mod i18n;
mod import;
pub mod input;
mod output;
mod store;

use std::process::ExitCode;

pub use error::{Error, exit};

use cli::{Cli, Command};

/// Runs one command. Returns the exit code for outcomes that are not errors
/// (0, or 1 for `diff --exit-code` with changes).
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Import(args) => cmd::import::run(&cli.db, &args),
        Command::Inspect(args) => cmd::inspect::run(&cli.db, &args),
        Command::Export(args) => cmd::export::run(&cli.db, &args),
        Command::Report(args) => cmd::report::run(&cli.db, &args),
        Command::Counts(args) => cmd::counts::run(&cli.db, &args),
        Command::Diff(args) => cmd::diff::run(&cli.db, &args),
        Command::History(args) => cmd::history::run(&cli.db, &args),
        Command::Show(args) => cmd::show::run(&cli.db, &args),
        Command::Decisions(args) => cmd::decisions::run(&cli.db, &args),
        Command::Retract(args) => cmd::retract::run(&cli.db, &args),
        Command::Upcoming(args) => cmd::upcoming::run(&cli.db, &args),
        Command::Search(args) => cmd::search::run(&cli.db, &args),
        Command::Verify(args) => cmd::verify::run(&cli.db, &args),
        Command::Reference(args) => cmd::reference::run(&cli.db, &args),
        Command::Reconcile(args) => cmd::reconcile::run(&cli.db, &args),
        Command::Config(args) => cmd::config::run(&cli.db, &args),
        Command::Completions(args) => cmd::completions::run(&args),
        Command::Man(args) => cmd::man::run(&args),
    }
}
