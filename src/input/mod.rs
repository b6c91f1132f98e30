//! Input readers: turn decision files into domain rows, never touching the database.

pub mod columns;
pub mod csv;

use std::fmt;
use std::io::{self, Read};

use sha2::{Digest, Sha256};

use crate::domain::Day;

/// A problem in an input file, shown as `FILE:LINE: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, line: u64, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// `FILE:LINE: message`, or `FILE: message` for a problem with the whole file (line 0).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// Decision columns supplied on the command line for files that lack them.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub decision: Option<String>,
    pub signed: Option<Day>,
    pub effective: Option<Day>,
}

/// A reader that computes the SHA-256 of every byte read through it.
pub struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Hashing<R> {
    pub fn new(inner: R) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// Lower-case hex SHA-256 of what has been read so far.
    pub fn sha256(&self) -> String {
        hex(&self.hasher.clone().finalize())
    }

    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Lower-case hexadecimal of a byte string.
pub fn hex(bytes: &[u8]) -> String {
    use fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
