//! Where a new catalog is built: in a private file beside the database,
//! moved into place only once its first import has committed.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{OpenMode, Store, StoreError};

/// The end of the name of a catalog a first import is building.
const NEW_SUFFIX: &str = ".tthc-new";

/// A catalog being built that has not changed for this long belongs to a
/// first import that was interrupted (killed, or the power went).
const ABANDONED_AFTER: Duration = Duration::from_mins(10);

/// What became of a catalog built by [`create_new`].
pub(crate) enum Created<T> {
    /// The catalog is in place at the database's path, with what `build` returned.
    Placed(T),
    /// `build` kept nothing: no file was left.
    Discarded(T),
    /// Another process put a catalog at the path meanwhile; nothing of this
    /// one was kept, and `build` may be run again on the catalog in place.
    Exists,
}

/// Why a new catalog could not be built or placed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CreateError<E> {
    /// `build` failed; no file was left.
    #[error(transparent)]
    Build(E),
    /// The file could not be made or moved into place.
    #[error("{}", crate::tr!("cannot-write", path = path.display().to_string()))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Builds a new catalog for `db` in a file beside it, under a name no other
/// process knows, and moves it to `db` (never over a file) once `build` has
/// returned `(value, true)`. Until then there is no catalog at `db`: readers
/// say so, and a build that fails or is killed never leaves a database behind
/// that another process might have opened meanwhile. A build that returns
/// `(value, false)` keeps nothing.
///
/// Before it starts, the unfinished catalogs that interrupted builds left
/// beside `db` are named on stderr, so that the clerk can delete them.
pub(crate) fn create_new<T, E: From<StoreError>>(
    db: &Path,
    build: impl FnOnce(&mut Store) -> Result<(T, bool), E>,
) -> Result<Created<T>, CreateError<E>> {
    let dir = match db.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut prefix = OsString::from(".");
    prefix.push(db.file_name().unwrap_or_default());
    prefix.push(".");
    note_interrupted(dir, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(NEW_SUFFIX);
    #[cfg(unix)]
    {
        // The mode `SQLite` gives the files it creates, less the umask.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let side = builder.tempfile_in(dir).map_err(|e| CreateError::Write {
        path: db.to_owned(),
        source: os_error(e),
    })?;
    let outcome = Store::open(side.path(), OpenMode::Fresh)
        .map_err(E::from)
        .and_then(|mut store| build(&mut store));
    let value = match outcome {
        Ok((value, true)) => value,
        Ok((value, false)) => {
            remove_side_files(side.path());
            return Ok(Created::Discarded(value));
        }
        Err(e) => {
            remove_side_files(side.path());
            return Err(CreateError::Build(e));
        }
    };
    // The store is closed: its journal and log are gone, the file is whole.
    match side.persist_noclobber(db) {
        Ok(_) => Ok(Created::Placed(value)),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
            remove_side_files(e.file.path());
            Ok(Created::Exists)
        }
        Err(e) => {
            remove_side_files(e.file.path());
            Err(CreateError::Write {
                path: db.to_owned(),
                source: e.error,
            })
        }
    }
}

/// Names on stderr the unfinished catalogs of interrupted first imports left
/// in `dir`.
fn note_interrupted(dir: &Path, prefix: &OsStr) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = prefix.to_string_lossy();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let idle = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        // The catalog itself, and the journal SQLite keeps beside it.
        if name.starts_with(&*prefix)
            && name.contains(NEW_SUFFIX)
            && idle.is_some_and(|idle| idle >= ABANDONED_AFTER)
        {
            eprintln!(
                "tthc: {}",
                crate::tr!(
                    "store-interrupted-build",
                    path = dir.join(&name).display().to_string()
                )
            );
        }
    }
}

/// One of `tempfile`'s errors without the name of the temporary file it
/// appends: the message names the database instead.
fn os_error(e: io::Error) -> io::Error {
    let message = e.to_string();
    match message.rsplit_once(" at path ") {
        Some((error, _)) => io::Error::new(e.kind(), error.to_owned()),
        None => e,
    }
}

/// Removes what `SQLite` may have left beside a database it was writing.
fn remove_side_files(db: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_kept_build_is_placed_and_a_discarded_or_failed_one_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let discarded = create_new(&db, |_| Ok::<_, StoreError>((1, false))).unwrap();
        assert!(matches!(discarded, Created::Discarded(1)));
        assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
        let failed = create_new(&db, |_| -> Result<((), bool), StoreError> {
            Err(StoreError::Busy)
        });
        assert!(matches!(failed, Err(CreateError::Build(StoreError::Busy))));
        assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
        let placed = create_new(&db, |_| Ok::<_, StoreError>((2, true))).unwrap();
        assert!(matches!(placed, Created::Placed(2)));
        assert_eq!(files(dir.path()), ["c.db"]);
    }

    #[test]
    fn a_catalog_placed_meanwhile_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let outcome = create_new(&db, |_| {
            std::fs::write(&db, b"other").unwrap();
            Ok::<_, StoreError>(((), true))
        })
        .unwrap();
        assert!(matches!(outcome, Created::Exists));
        assert_eq!(std::fs::read(&db).unwrap(), b"other");
        assert_eq!(files(dir.path()), ["c.db"]);
    }
}
