//! Output writers: standard output or an atomically written file, and the
//! shared pieces of the table, csv and json formats.

pub(crate) mod catalog;
pub(crate) mod digest;
pub(crate) mod html;
pub(crate) mod xlsx;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use tempfile::NamedTempFile;

use crate::domain::{Day, Level, Point};
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
        /// The file replaced: the one `-o` names, or the file a symbolic
        /// link there points to.
        path: PathBuf,
        /// The name as `-o` gave it, for messages.
        given: PathBuf,
    },
    /// A character device or a named pipe, written straight: it is no file
    /// to replace.
    Device {
        file: BufWriter<File>,
        given: PathBuf,
    },
}

/// Bytes written at a time: exports and diffs at national scale are tens of
/// megabytes, written in a few hundred system calls rather than thousands.
const BUFFER: usize = 256 << 10;

impl Sink {
    /// Standard output, or what `path` names (see [`Target::of`]).
    pub(crate) fn open(path: Option<&Path>) -> Result<Sink, Error> {
        let Some(path) = path else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(
                BUFFER,
                io::stdout().lock(),
            )));
        };
        let write_err = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        match Target::of(path)? {
            Target::Device => {
                let file = File::options().write(true).open(path).map_err(write_err)?;
                Ok(Sink::Device {
                    file: BufWriter::with_capacity(BUFFER, file),
                    given: path.to_owned(),
                })
            }
            Target::File(real) => {
                let dir = match real.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let file = tempfile::Builder::new()
                    .prefix(".tthc-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .map_err(write_err)?;
                Ok(Sink::File {
                    file: BufWriter::with_capacity(BUFFER, file),
                    path: real,
                    given: path.to_owned(),
                })
            }
        }
    }

    /// Standard output, or what `path` names unless it is one of the files
    /// of the catalog at `db` (see [`refuse_catalog_files`]).
    pub(crate) fn open_beside(path: Option<&Path>, db: &Path) -> Result<Sink, Error> {
        if let Some(path) = path {
            refuse_catalog_files(path, db)?;
        }
        Sink::open(path)
    }

    /// Flushes the data; for a file, syncs it and renames it into place.
    pub(crate) fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(Error::Output),
            Sink::Device { mut file, given } => file.flush().map_err(|source| Error::Write {
                path: given,
                source,
            }),
            Sink::File { file, path, given } => {
                let write_err = |source| Error::Write {
                    path: given.clone(),
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

/// What an output path (`-o`) names.
enum Target {
    /// A character device or a named pipe: written straight.
    Device,
    /// A regular file, new or replaced: the path of the file itself, after
    /// any symbolic links.
    File(PathBuf),
}

impl Target {
    /// Looks at what `path` names. A symbolic link is followed: the file it
    /// points to is replaced, and the link stays. A character device
    /// (`/dev/null`, a terminal) or a named pipe is written straight. A
    /// link to nothing, a directory, a block device, and any `SQLite`
    /// database (or its journal) are refused: usage errors.
    fn of(path: &Path) -> Result<Target, Error> {
        let refuse = |why: String| Error::Usage(format!("-o {}: {why}", path.display()));
        let link = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Target::File(path.to_owned()));
            }
            Err(source) => {
                return Err(Error::Write {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let is_link = link.file_type().is_symlink();
        let meta = if is_link {
            let Ok(meta) = std::fs::metadata(path) else {
                let to = std::fs::read_link(path).unwrap_or_default();
                return Err(refuse(crate::tr!(
                    "output-dangling-link",
                    target = to.display().to_string()
                )));
            };
            meta
        } else {
            link
        };
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(refuse(crate::tr!("output-directory")));
        }
        if special_device(kind) {
            return Ok(Target::Device);
        }
        if !kind.is_file() {
            return Err(refuse(crate::tr!("output-not-a-file")));
        }
        let real = if is_link {
            std::fs::canonicalize(path).map_err(|source| Error::Write {
                path: path.to_owned(),
                source,
            })?
        } else {
            path.to_owned()
        };
        if let Some(what) = sqlite_file(&real) {
            return Err(refuse(crate::tr!("output-database", what = what)));
        }
        Ok(Target::File(real))
    }
}

/// Whether `path` names a character device or a named pipe, which `-o`
/// writes straight (no file beside it, no rename).
pub(crate) fn writes_straight(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| special_device(m.file_type()))
}

/// Whether a file of this type is written straight: a character device or a
/// named pipe (Unix).
#[cfg(unix)]
fn special_device(kind: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn special_device(_: std::fs::FileType) -> bool {
    false
}

/// What an `SQLite` file is, by its first bytes: a database, a write-ahead
/// log or a rollback journal; `None` for any other file.
fn sqlite_file(path: &Path) -> Option<String> {
    let mut head = [0_u8; 16];
    let mut file = File::open(path).ok()?;
    let n = io::Read::read(&mut file, &mut head).ok()?;
    let head = &head[..n];
    if head.starts_with(b"SQLite format 3\0") {
        Some(crate::tr!("output-sqlite-database"))
    } else if head.starts_with(&[0x37, 0x7f, 0x06, 0x82])
        || head.starts_with(&[0x37, 0x7f, 0x06, 0x83])
    {
        Some(crate::tr!("output-sqlite-wal"))
    } else if head.starts_with(&[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]) {
        Some(crate::tr!("output-sqlite-journal"))
    } else {
        None
    }
}

/// The files `SQLite` keeps for the database at `db`, with what each is:
/// the database, its write-ahead log, the log's shared-memory index and its
/// rollback journal.
fn catalog_files(db: &Path) -> [(PathBuf, String); 4] {
    let with = |suffix: &str| {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    [
        (db.to_owned(), crate::tr!("output-catalog-database")),
        (with("-wal"), crate::tr!("output-catalog-wal")),
        (with("-shm"), crate::tr!("output-catalog-shm")),
        (with("-journal"), crate::tr!("output-catalog-journal")),
    ]
}

/// Refuses (usage error) an output path that names the catalog database at
/// `db` or one of the files `SQLite` keeps beside it, by whatever name:
/// relative or absolute, through a symbolic link, or a hard link.
pub(crate) fn refuse_catalog_files(path: &Path, db: &Path) -> Result<(), Error> {
    let mut dbs = vec![db.to_owned()];
    if let Ok(real) = std::fs::canonicalize(db) {
        dbs.push(real);
    }
    for db in &dbs {
        for (file, what) in catalog_files(db) {
            if same_file(path, &file) {
                return Err(Error::Usage(format!(
                    "-o {}: {}",
                    path.display(),
                    crate::tr!(
                        "output-catalog-file",
                        what = what,
                        db = db.display().to_string()
                    )
                )));
            }
        }
    }
    Ok(())
}

/// Whether two paths name the same file: the same inode when both exist
/// (Unix), else the same place once their directories are resolved.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    match (resolved(a), resolved(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// A path with its directory resolved (links, `.` and `..`), or the whole
/// path resolved when it exists.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(name))
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
            Sink::Device { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { file, .. } => file.flush(),
            Sink::Device { file, .. } => file.flush(),
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

/// A csv writer as `csv::Writer::from_writer` makes one, that separates
/// fields with `delimiter`.
pub(crate) fn csv_writer<W: Write>(out: W, delimiter: u8) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out)
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

/// "as of 15/01/2024", with ", right after decision N signed ..." after a
/// decision: the date a table of the catalog is at, in the run's language.
pub(crate) fn as_of_text(point: &Point) -> String {
    let date = |d: Day| d.date().format("%d/%m/%Y").to_string();
    match point.decision() {
        None => crate::tr!("table-as-of", date = date(point.day())),
        Some(d) => crate::tr!(
            "table-as-of-after",
            date = date(point.day()),
            number = d.number.as_str(),
            signed = date(d.signed)
        ),
    }
}

/// The line under the title of a table of the catalog as known at a moment.
pub(crate) fn known_at_text(moment: &str) -> String {
    crate::tr!("table-known-at", moment = moment)
}

/// A level as tables show it, in the run's language.
pub(crate) fn level_word(level: Level) -> String {
    match level {
        Level::Province => crate::tr!("table-level-province"),
        Level::District => crate::tr!("table-level-district"),
        Level::Commune => crate::tr!("table-level-commune"),
    }
}

/// A level word of the data (`province`, ...) as tables show it; anything
/// else as it is.
pub(crate) fn level_text(word: &str) -> String {
    Level::ALL
        .into_iter()
        .find(|l| l.as_str() == word)
        .map_or_else(|| word.to_owned(), level_word)
}

/// What a decision did to an entry (`added`, `amended`, `replaced`,
/// `repealed`, `moved`, `code_assigned`) or what a correction did
/// (`retracted`, `corrected`), as tables show it; anything else as it is.
pub(crate) fn action_word(word: &str) -> String {
    match word {
        "added" => crate::tr!("table-action-added"),
        "amended" => crate::tr!("table-action-amended"),
        "replaced" => crate::tr!("table-action-replaced"),
        "repealed" => crate::tr!("table-action-repealed"),
        "moved" => crate::tr!("table-action-moved"),
        "code_assigned" => crate::tr!("table-action-code-assigned"),
        "retracted" => crate::tr!("table-action-retracted"),
        "corrected" => crate::tr!("table-action-corrected"),
        other => other.to_owned(),
    }
}

/// A level as the headings of tables name it: "Province level", "Cấp tỉnh".
pub(crate) fn level_name(level: Level) -> String {
    match level {
        Level::Province => crate::tr!("table-level-name-province"),
        Level::District => crate::tr!("table-level-name-district"),
        Level::Commune => crate::tr!("table-level-name-commune"),
    }
}

/// A number as tables show it: thousands grouped by dots in Vietnamese
/// (1.295), by commas in English (1,295).
pub(crate) fn count_text(n: u64) -> String {
    let grouped = group_thousands(n);
    match crate::i18n::current() {
        crate::i18n::Lang::Vi => grouped,
        crate::i18n::Lang::En => grouped.replace('.', ","),
    }
}

pub(crate) use crate::domain::field_word;

/// A code as tables show it: "(no code)" for an entry published without
/// one, in the run's language.
pub(crate) fn code_text(code: crate::domain::Code) -> String {
    if code.is_provisional() {
        crate::tr!("table-no-code")
    } else {
        code.to_string()
    }
}

/// A table in the house style.
pub(crate) fn table(header: &[&str]) -> TextTable {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    // A terminal that reports no width (0 columns) would get one character
    // per line: lay the table out for 80 columns instead.
    if t.width() == Some(0) {
        t.set_width(FALLBACK_WIDTH);
    }
    TextTable(t)
}

/// A table whose cells show stored text safely on a terminal (see [`shown`]).
pub(crate) struct TextTable(Table);

impl TextTable {
    /// Adds a row; control characters in its cells are shown escaped.
    pub(crate) fn add_row<T: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = T>) {
        self.0
            .add_row(cells.into_iter().map(|c| shown(c.as_ref()).into_owned()));
    }
}

impl std::fmt::Display for TextTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Text as a terminal may show it: the characters a terminal would obey
/// rather than show (control characters but the line break, DEL, the C1
/// controls, and the bidirectional embeddings, overrides and isolates that
/// reorder what follows them) are written as escapes, `\u{1b}` for ESC.
/// Stored data is never changed: csv and JSON give it exactly.
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let obeyed = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.contains(obeyed) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if obeyed(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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
/// A decision as JSON names it: its number and its signing date, since
/// numbers restart every year (`{"number": "1580/QĐ-UBND", "signed": "2025-11-19"}`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct DecisionJson {
    pub number: String,
    pub signed: String,
}

impl DecisionJson {
    pub(crate) fn new(number: &str, signed: Day) -> Self {
        DecisionJson {
            number: number.to_owned(),
            signed: signed.to_string(),
        }
    }

    /// The decision a version of the catalog is taken right after, if any.
    pub(crate) fn after(point: &Point) -> Option<Self> {
        point
            .decision()
            .map(|d| DecisionJson::new(&d.number, d.signed))
    }
}

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
    fn characters_a_terminal_would_obey_are_shown_escaped() {
        assert_eq!(shown("Hộ tịch\ndòng hai"), "Hộ tịch\ndòng hai");
        assert_eq!(
            shown("a\u{1b}[31mb\u{7}c\td\re\u{9b}f\u{7f}"),
            r"a\u{1b}[31mb\u{7}c\td\re\u{9b}f\u{7f}"
        );
        assert_eq!(shown("x\u{202e}cba\u{2066}"), r"x\u{202e}cba\u{2066}");
        assert_eq!(shown("\u{200f}مرحبا 🇻🇳"), "\u{200f}مرحبا 🇻🇳");
    }

    #[test]
    fn thousands_use_dots() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1295), "1.295");
        assert_eq!(group_thousands(1_234_567), "1.234.567");
    }
}
