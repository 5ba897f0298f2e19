//! Files put together from pieces, some of them stretches of a file
//! already published: the site-wide open data after an edit is the last
//! build's file with the changed metrics' rows made again, tens of MiB
//! of which only a few KiB are new.
//!
//! Such a file is never held whole in memory. It is written piece by
//! piece, each kept stretch copied from the old file by the kernel
//! (`std::io::copy` between files uses `copy_file_range` where the system
//! has it), and compared with what the copy being written holds without
//! reading the kept stretches when that is the old file itself.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;

/// A file's bytes as a build hands them to be written.
pub enum Bytes<'a> {
    /// Made whole, in memory.
    Whole(Vec<u8>),
    /// Put together from pieces (see [`Joined`]).
    Joined(Joined),
    /// Made a stretch at a time as it is written (see [`Stream`]).
    Stream(Stream<'a>),
}

/// A file made in stretches, in order, each made when the writer asks for
/// it and dropped once written: a file of hundreds of MiB (the site-wide
/// open data of a national portal) is never held whole. An error ends
/// the file unwritten.
pub type Stream<'a> = Box<dyn Iterator<Item = std::io::Result<Vec<u8>>> + Send + 'a>;

impl From<Vec<u8>> for Bytes<'_> {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes::Whole(bytes)
    }
}

impl Bytes<'_> {
    /// How many bytes the file has, if known before it is written (not for
    /// a stream).
    pub fn known_len(&self) -> Option<usize> {
        match self {
            Bytes::Whole(bytes) => Some(bytes.len()),
            Bytes::Joined(joined) => Some(joined.len()),
            Bytes::Stream(_) => None,
        }
    }

    /// The bytes themselves, the kept stretches read from the old file.
    pub fn into_vec(self) -> std::io::Result<Vec<u8>> {
        match self {
            Bytes::Whole(bytes) => Ok(bytes),
            Bytes::Joined(joined) => {
                let mut out = Vec::with_capacity(joined.len());
                joined.write_to(&mut out)?;
                Ok(out)
            }
            Bytes::Stream(stretches) => {
                let mut out = Vec::new();
                for stretch in stretches {
                    out.extend_from_slice(&stretch?);
                }
                Ok(out)
            }
        }
    }
}

/// A piece of a file: bytes made now, or a stretch of the old file.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Made(Vec<u8>),
    Kept(Range<usize>),
}

/// A file made of pieces, in order, and the old file the kept ones are
/// stretches of.
#[derive(Default)]
pub struct Joined {
    pieces: Vec<Piece>,
    old: Option<File>,
}

impl Joined {
    /// Bytes made now, after the pieces so far.
    pub fn made(&mut self, bytes: &[u8]) {
        match self.pieces.last_mut() {
            Some(Piece::Made(last)) => last.extend_from_slice(bytes),
            _ => self.pieces.push(Piece::Made(bytes.to_vec())),
        }
    }

    /// As [`Joined::made`], `bytes` kept as a piece of their own rather
    /// than copied onto the last: a file made of many parts is never put
    /// together in memory.
    pub fn made_apart(&mut self, bytes: Vec<u8>) {
        if !bytes.is_empty() {
            self.pieces.push(Piece::Made(bytes));
        }
    }

    /// A stretch of the old file, after `between`, the bytes the file
    /// puts before it now. Stretches that follow one another in the old
    /// file with as many bytes between them as `between` has (separators
    /// alike then and now) are taken as one.
    pub fn kept(&mut self, between: &[u8], range: Range<usize>) {
        if let Some(Piece::Kept(last)) = self.pieces.last_mut()
            && range.start.checked_sub(last.end) == Some(between.len())
        {
            last.end = range.end;
            return;
        }
        if !between.is_empty() {
            self.made(between);
        }
        self.pieces.push(Piece::Kept(range));
    }

    /// How many bytes the file has.
    pub fn len(&self) -> usize {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Made(bytes) => bytes.len(),
                Piece::Kept(range) => range.len(),
            })
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The file, with `old` as the file its kept stretches come from: its
    /// bytes alone when it is one piece, its pieces when it has no kept
    /// stretch; `None` when it has one and `old` cannot be had.
    pub fn from_old(mut self, old: Option<&File>) -> Option<Bytes<'static>> {
        match self.pieces.as_mut_slice() {
            [] => return Some(Bytes::Whole(Vec::new())),
            [Piece::Made(bytes)] => return Some(Bytes::Whole(std::mem::take(bytes))),
            pieces if pieces.iter().all(|p| matches!(p, Piece::Made(_))) => {
                return Some(Bytes::Joined(self));
            }
            _ => {}
        }
        self.old = Some(old?.try_clone().ok()?);
        Some(Bytes::Joined(self))
    }

    /// Writes the file to `out`, copying the kept stretches from the old
    /// file; an error if the old file has less than they say.
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        for piece in &self.pieces {
            match piece {
                Piece::Made(bytes) => out.write_all(bytes)?,
                Piece::Kept(range) => {
                    let mut old = self.old.as_ref().ok_or(std::io::ErrorKind::NotFound)?;
                    old.seek(SeekFrom::Start(range.start as u64))?;
                    let want = range.len() as u64;
                    if std::io::copy(&mut old.take(want), out)? != want {
                        return Err(std::io::ErrorKind::UnexpectedEof.into());
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether the file at `path` holds exactly these bytes. Only a file
    /// that is the old file itself can hold a kept stretch, at the same
    /// place; the bytes made now are compared.
    pub fn held_by(&self, path: &Path) -> bool {
        let Ok(mut file) = File::open(path) else {
            return false;
        };
        let fits = match (file.metadata(), self.old.as_ref().map(File::metadata)) {
            (Ok(a), Some(Ok(b))) => {
                a.len() == self.len() as u64 && super::compare::same_file(&a, &b)
            }
            // Nothing kept: any file of the length may hold the pieces.
            (Ok(a), None) => a.len() == self.len() as u64,
            _ => false,
        };
        if !fits {
            return false;
        }
        let mut at = 0;
        let mut buffer = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Made(bytes) => {
                    buffer.resize(bytes.len(), 0);
                    let read = file
                        .seek(SeekFrom::Start(at as u64))
                        .and_then(|_| file.read_exact(&mut buffer));
                    if read.is_err() || buffer != *bytes {
                        return false;
                    }
                    at += bytes.len();
                }
                Piece::Kept(range) if range.start == at => at = range.end,
                Piece::Kept(_) => return false,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old file "0123456789", and a file made of its pieces.
    fn joined(dir: &Path, build: impl Fn(&mut Joined)) -> (Bytes<'static>, std::path::PathBuf) {
        let old = dir.join("old");
        std::fs::write(&old, "0123456789").unwrap();
        let mut joined = Joined::default();
        build(&mut joined);
        let file = File::open(&old).unwrap();
        (joined.from_old(Some(&file)).unwrap(), old)
    }

    #[test]
    fn a_joined_file_is_its_pieces_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let (bytes, _) = joined(dir.path(), |j| {
            j.made(b"[");
            j.kept(b"", 0..3);
            // The old file has one byte between, as `between` does: one
            // stretch, with the old file's byte between.
            j.kept(b",", 4..6);
            j.kept(b"", 8..10);
            j.made(b"]");
        });
        assert_eq!(bytes.known_len(), Some(10));
        assert_eq!(bytes.into_vec().unwrap(), b"[01234589]");
    }

    #[test]
    fn separators_between_stretches_are_merged_only_when_the_old_file_has_them() {
        let mut j = Joined::default();
        j.kept(b"", 0..3);
        j.kept(b",", 4..6);
        j.kept(b",", 6..8);
        assert_eq!(
            j.pieces,
            vec![
                Piece::Kept(0..6),
                Piece::Made(b",".to_vec()),
                Piece::Kept(6..8)
            ]
        );
    }

    #[test]
    fn a_joined_file_is_written_and_compared_as_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let (bytes, old) = joined(dir.path(), |j| {
            j.kept(b"", 0..4);
            j.made(b"ab");
            j.kept(b"", 6..10);
        });
        let Bytes::Joined(j) = bytes else {
            panic!("kept stretches make a joined file")
        };
        let new = dir.path().join("new");
        j.write_to(&mut File::create(&new).unwrap()).unwrap();
        assert_eq!(std::fs::read(&new).unwrap(), b"0123ab6789");
        // Another file with the same bytes is not the old file.
        assert!(!j.held_by(&new));
        // The old file itself holds the kept stretches, not "ab".
        assert!(!j.held_by(&old));
        std::fs::write(&old, "0123ab6789").unwrap();
        assert!(j.held_by(&old));
        assert!(!j.held_by(&dir.path().join("missing")));
    }

    #[test]
    fn an_old_file_shorter_than_its_stretches_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (bytes, old) = joined(dir.path(), |j| j.kept(b"", 2..10));
        std::fs::write(&old, "0123").unwrap();
        assert!(bytes.into_vec().is_err());
    }

    #[test]
    fn pieces_all_made_are_one_whole_file() {
        let mut j = Joined::default();
        j.made(b"a");
        j.made(b"b");
        assert!(matches!(j.from_old(None), Some(Bytes::Whole(b)) if b == b"ab"));
        let mut j = Joined::default();
        j.kept(b"", 0..1);
        assert!(
            j.from_old(None).is_none(),
            "a kept stretch needs the old file"
        );
    }

    #[test]
    fn pieces_made_apart_are_written_and_compared_without_an_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Joined::default();
        j.made_apart(b"head,".to_vec());
        j.made_apart(Vec::new());
        j.made_apart(b"rows".to_vec());
        j.made(b";");
        let Some(Bytes::Joined(j)) = j.from_old(None) else {
            panic!("pieces made apart stay pieces");
        };
        assert_eq!(j.len(), 10);
        let mut out = Vec::new();
        j.write_to(&mut out).unwrap();
        assert_eq!(out, b"head,rows;");
        let file = dir.path().join("file");
        std::fs::write(&file, "head,rows;").unwrap();
        assert!(j.held_by(&file));
        std::fs::write(&file, "head,rowz;").unwrap();
        assert!(!j.held_by(&file), "a differing byte in a later piece");
        std::fs::write(&file, "head,rows;!").unwrap();
        assert!(!j.held_by(&file), "a longer file");
    }
}
