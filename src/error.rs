//! The library's error type; each kind of failure has its documented exit code.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::input::Problem;
use crate::store::StoreError;

/// How many problems an error lists before it summarizes the rest.
pub(crate) const PROBLEM_CAP: usize = 100;

/// Exit codes, as documented in the README, docs/commands.md and `tthc --help`.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const REJECTED: u8 = 3;
    pub const CONFLICT: u8 = 4;
    pub const TAMPERED: u8 = 5;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line is wrong in a way clap cannot see (exit 2).
    #[error("{0}")]
    Usage(String),
    /// Input files were rejected; nothing was written (exit 3).
    #[error("{}:\n{}", crate::tr!("rejected", count = .0.len()), ProblemList(.0))]
    Rejected(Vec<Problem>),
    /// A decision conflicts with one already imported; nothing was written (exit 4).
    #[error("{}", conflict_message(.0))]
    Conflict(Vec<String>),
    /// A correction that later decisions depend on, or that the store's
    /// state does not allow; nothing was written (exit 4).
    #[error("{0}")]
    Refused(String),
    /// The store does not match its history (exit 5): the first mismatches
    /// found (up to [`PROBLEM_CAP`]) and how many there are in all.
    #[error("{}:\n{}", crate::tr!("verify-failed", count = *.total), MismatchList(.mismatches, *.total))]
    Tampered {
        mismatches: Vec<String>,
        total: usize,
    },
    /// What the command was asked to show does not exist (exit 1).
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}", crate::tr!("cannot-read", path = path.display().to_string()))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}", crate::tr!("cannot-write", path = path.display().to_string()))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}", crate::tr!("cannot-write-output"))]
    Output(#[from] io::Error),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => exit::USAGE,
            Error::Rejected(_) => exit::REJECTED,
            Error::Conflict(_) | Error::Refused(_) => exit::CONFLICT,
            Error::Tampered { .. } => exit::TAMPERED,
            // A file that was never a catalog is a wrong --db; a damaged
            // catalog is what verify reports.
            Error::Store(e) if e.is_not_catalog() => exit::USAGE,
            Error::Store(e) if e.is_damage() => exit::TAMPERED,
            Error::NotFound(_)
            | Error::Store(_)
            | Error::Read { .. }
            | Error::Write { .. }
            | Error::Output(_) => exit::FAILURE,
        }
    }

    /// Whether the error is a closed pipe on standard output (`tthc export | head`),
    /// which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Output(e) => e.kind() == io::ErrorKind::BrokenPipe,
            _ => false,
        }
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::Output(io),
            other => Error::Output(io::Error::other(format!("{other:?}"))),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Output(e.into())
    }
}

fn conflict_message(decisions: &[String]) -> String {
    format!(
        "{}:\n{}\n{}",
        crate::tr!("conflict"),
        decisions.join("\n"),
        crate::tr!("conflict-advice")
    )
}

/// Lists mismatches one per line, up to [`PROBLEM_CAP`], then how many more were found.
struct MismatchList<'a>(&'a [String], usize);

impl fmt::Display for MismatchList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = &self.0[..self.0.len().min(PROBLEM_CAP)];
        f.write_str(&shown.join("\n"))?;
        if self.1 > shown.len() {
            write!(
                f,
                "\n{}",
                crate::tr!("and-more", count = self.1 - shown.len())
            )?;
        }
        Ok(())
    }
}

/// Lists problems one per line, up to [`PROBLEM_CAP`].
struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().take(PROBLEM_CAP).enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        if self.0.len() > PROBLEM_CAP {
            write!(
                f,
                "\n{}",
                crate::tr!("and-more", count = self.0.len() - PROBLEM_CAP)
            )?;
        }
        Ok(())
    }
}
