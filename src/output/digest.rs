//! A writer that counts and hashes what goes through it, for export manifests.

use std::io::{self, Write};

use sha2::{Digest, Sha256};

/// Passes bytes on to `inner`, keeping their count and, when asked, their SHA-256.
pub(crate) struct HashingWriter<W> {
    inner: W,
    hasher: Option<Sha256>,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    /// Hashes what it writes only if `hash` (a manifest will need it).
    pub(crate) fn new(inner: W, hash: bool) -> Self {
        HashingWriter {
            inner,
            hasher: hash.then(Sha256::new),
            bytes: 0,
        }
    }

    /// The number of bytes written and their SHA-256 (lower-case hex; empty
    /// when not hashing).
    pub(crate) fn finish(self) -> (u64, String) {
        let sha256 = self
            .hasher
            .map(|h| crate::hex::hex(&h.finalize()))
            .unwrap_or_default();
        (self.bytes, sha256)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(hasher) = &mut self.hasher {
            hasher.update(&buf[..n]);
        }
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_what_it_writes() {
        let mut out = Vec::new();
        let mut w = HashingWriter::new(&mut out, true);
        w.write_all(b"ab").unwrap();
        w.write_all(b"c").unwrap();
        let (bytes, sha) = w.finish();
        assert_eq!(bytes, 3);
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(out, b"abc");
        let (bytes, sha) = HashingWriter::new(Vec::new(), false).finish();
        assert_eq!((bytes, sha.as_str()), (0, ""));
    }
}
