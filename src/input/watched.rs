//! A decision file that must not change while it is read: a file cut short
//! by a sync, or saved by an editor meanwhile, would otherwise be imported
//! as if it were complete, its last row half empty.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// A file opened for reading that checks, once it has been read to its end,
/// that it still has the size and modification time it had when it was
/// opened, and that exactly that many bytes were read. Reading fails with
/// [`Changed`] (an [`io::Error`] whose inner error it is) otherwise.
///
/// Only regular files are checked: a pipe, a FIFO or a device has no size
/// to hold it to.
#[derive(Debug)]
pub struct Unchanging {
    file: File,
    /// Size and modification time when opened; `None` for what is not a regular file.
    opened: Option<(u64, Option<SystemTime>)>,
    read: u64,
}

/// How a file changed while it was read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::tr!("input-file-changed", what = what))]
pub struct Changed {
    what: String,
}

impl Unchanging {
    /// Opens `path` for reading.
    pub fn open(path: impl AsRef<Path>) -> io::Result<Unchanging> {
        Ok(Unchanging::new(File::open(path)?))
    }

    /// Watches a file already open, from its current size and modification time.
    pub fn new(file: File) -> Unchanging {
        let opened = file
            .metadata()
            .ok()
            .filter(Metadata::is_file)
            .map(|m| (m.len(), m.modified().ok()));
        Unchanging {
            file,
            opened,
            read: 0,
        }
    }

    /// The size of the file when it was opened, for a regular file.
    pub fn size(&self) -> Option<u64> {
        self.opened.map(|(size, _)| size)
    }

    /// What changed since the file was opened, if anything.
    fn changed(&self) -> Option<Changed> {
        let (size, modified) = self.opened?;
        let now = match self.file.metadata() {
            Ok(now) => now,
            Err(e) => {
                return Some(Changed {
                    what: crate::tr!("input-changed-unexaminable", error = e.to_string()),
                });
            }
        };
        let what = if now.len() != size {
            crate::tr!("input-changed-size", size = size, now = now.len())
        } else if self.read != size {
            crate::tr!("input-changed-read", size = size, read = self.read)
        } else if now.modified().ok() != modified {
            crate::tr!("input-changed-time")
        } else {
            return None;
        };
        Some(Changed { what })
    }
}

impl Read for Unchanging {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        self.read += n as u64;
        let past_end = self.opened.is_some_and(|(size, _)| self.read > size);
        if (n == 0 || past_end)
            && !buf.is_empty()
            && let Some(changed) = self.changed()
        {
            return Err(io::Error::other(changed));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Seek, Write};

    use super::*;

    fn read_all(file: &mut Unchanging) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        file.read_to_end(&mut out)?;
        Ok(out)
    }

    fn changed(err: &io::Error) -> Option<&Changed> {
        err.get_ref()?.downcast_ref::<Changed>()
    }

    #[test]
    fn a_file_read_whole_and_untouched_passes() {
        let mut tmp = tempfile::NamedTempFile::new().unwrap();
        tmp.write_all(b"a,b\n1,2\n").unwrap();
        let mut file = Unchanging::open(tmp.path()).unwrap();
        assert_eq!(file.size(), Some(8));
        assert_eq!(read_all(&mut file).unwrap(), b"a,b\n1,2\n");
    }

    #[test]
    fn a_file_cut_short_while_it_is_read_is_refused() {
        let mut tmp = tempfile::NamedTempFile::new().unwrap();
        tmp.write_all(b"a,b\n1,2\n3,4\n").unwrap();
        let mut file = Unchanging::open(tmp.path()).unwrap();
        let mut head = [0; 4];
        file.read_exact(&mut head).unwrap();
        tmp.as_file().set_len(6).unwrap();
        let err = read_all(&mut file).unwrap_err();
        let what = changed(&err).map(ToString::to_string).unwrap_or_default();
        assert!(
            what.contains("12 bytes when opened and is 6 bytes now"),
            "{err}"
        );
    }

    #[test]
    fn a_file_that_grows_while_it_is_read_is_refused() {
        let mut tmp = tempfile::NamedTempFile::new().unwrap();
        tmp.write_all(b"a,b\n1,2\n").unwrap();
        let mut file = Unchanging::open(tmp.path()).unwrap();
        let mut head = [0; 4];
        file.read_exact(&mut head).unwrap();
        tmp.as_file_mut().seek(io::SeekFrom::End(0)).unwrap();
        tmp.write_all(b"3,4\n").unwrap();
        assert!(changed(&read_all(&mut file).unwrap_err()).is_some());
    }

    #[test]
    fn a_file_rewritten_in_place_is_refused() {
        let mut tmp = tempfile::NamedTempFile::new().unwrap();
        tmp.write_all(b"a,b\n1,2\n").unwrap();
        let mut file = Unchanging::open(tmp.path()).unwrap();
        let mut head = [0; 4];
        file.read_exact(&mut head).unwrap();
        tmp.as_file()
            .set_modified(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1))
            .unwrap();
        let err = read_all(&mut file).unwrap_err();
        assert!(err.to_string().contains("modification time"), "{err}");
    }
}
