//! Output writers: standard output or an atomically written file, and the
//! shared pieces of the table, csv and json formats.

pub(crate) mod catalog;
pub(crate) mod digest;
pub(crate) mod html;
pub(crate) mod xlsx;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use tempfile::NamedTempFile;

use crate::domain::{Day, Point};
use crate::error::Error;

/// Output formats of the read commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Table,
    Csv,
    Json,
}

/// Where a command's data goes.
pub(crate) enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A temporary file beside the target, renamed over it by [`Sink::finish`].
    File {
        file: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
}

/// Bytes written at a time: exports and diffs at national scale are tens of
/// megabytes, written in a few hundred system calls rather than thousands.
const BUFFER: usize = 256 << 10;

impl Sink {
    /// Standard output, or an atomic file when `path` is given.
    pub(crate) fn open(path: Option<&Path>) -> Result<Sink, Error> {
        let Some(path) = path else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(
                BUFFER,
                io::stdout().lock(),
            )));
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".tthc-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| Error::Write {
                path: path.to_owned(),
                source,
            })?;
        Ok(Sink::File {
            file: BufWriter::with_capacity(BUFFER, file),
            path: path.to_owned(),
        })
    }

    /// Flushes the data; for a file, syncs it and renames it into place.
    pub(crate) fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(Error::Output),
            Sink::File { file, path } => {
                let write_err = |source| Error::Write {
                    path: path.clone(),
                    source,
                };
                let file = file.into_inner().map_err(|e| write_err(e.into_error()))?;
                if let Some(permissions) = published_permissions(&path) {
                    file.as_file()
                        .set_permissions(permissions)
                        .map_err(write_err)?;
                }
                file.as_file().sync_all().map_err(write_err)?;
                file.persist(&path).map_err(|e| write_err(e.error))?;
                Ok(())
            }
        }
    }
}

/// The permissions of an output file: those of the file it replaces, else
/// readable by everyone and writable by its owner (0644), as a file the shell
/// creates, so that a web server can publish a nightly export. `None` keeps
/// the temporary file's own.
#[cfg_attr(unix, allow(clippy::unnecessary_wraps, reason = "None off Unix"))]
fn published_permissions(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(meta) = std::fs::metadata(path) {
        return Some(meta.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { file, .. } => file.flush(),
        }
    }
}

/// The format to use when none was asked for: a table for a person at a
/// terminal, csv for scripts and files.
pub(crate) fn default_format(asked: Option<Format>, to_file: bool) -> Format {
    asked.unwrap_or(if !to_file && io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Csv
    })
}

/// "tính đến ngày 15/01/2024", with ", ngay sau Quyết định số N ký ngày ..." after a decision.
pub(crate) fn as_of_vi(point: &Point) -> String {
    let date = |d: Day| d.date().format("%d/%m/%Y").to_string();
    match point.decision() {
        None => format!("tính đến ngày {}", date(point.day())),
        Some(d) => format!(
            "tính đến ngày {}, ngay sau Quyết định số {} ký ngày {}",
            date(point.day()),
            d.number,
            date(d.signed)
        ),
    }
}

/// A table in the house style.
pub(crate) fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    // A terminal that reports no width (0 columns) would get one character
    // per line: lay the table out for 80 columns instead.
    if t.width() == Some(0) {
        t.set_width(FALLBACK_WIDTH);
    }
    t
}

/// The width tables take on a terminal that does not report its own.
const FALLBACK_WIDTH: u16 = 80;

/// A code as tables and the annex show it: "(chưa có mã)" for an entry
/// published without one.
pub(crate) fn code_label(code: crate::domain::Code) -> String {
    if code.is_provisional() {
        NO_CODE.to_owned()
    } else {
        code.to_string()
    }
}

/// What tables and the annex show for an entry published without a code.
pub(crate) const NO_CODE: &str = "(chưa có mã)";

/// Writes JSON with a final newline.
pub(crate) fn write_json<T: serde::Serialize>(
    out: &mut impl Write,
    value: &T,
) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A number with Vietnamese thousands separators: 1295 -> "1.295".
pub(crate) fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// "A", "B", "C": letters of the level sections of an annex.
pub(crate) fn section_letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_use_dots() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1295), "1.295");
        assert_eq!(group_thousands(1_234_567), "1.234.567");
    }
}
