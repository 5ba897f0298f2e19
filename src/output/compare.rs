//! What is on disk: whether two files are one, or hold the same bytes.

use std::fs;
use std::path::Path;

/// Whether a file is linked from one folder only: in the copy, that it is
/// the copy's alone, not shared with the published site or anything else.
#[cfg(unix)]
pub(super) fn only_copy(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.is_file() && meta.nlink() == 1
}

#[cfg(not(unix))]
pub(super) fn only_copy(_: &fs::Metadata) -> bool {
    false
}

/// Whether two files are one (the same inode on the same device).
#[cfg(unix)]
pub(crate) fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub(crate) fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
pub(super) fn same_device(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev()
}

#[cfg(not(unix))]
pub(super) fn same_device(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// The inode of a listed file, as its folder gives it (no `stat`).
#[cfg(unix)]
pub(super) fn inode(entry: &walkdir::DirEntry) -> u64 {
    use walkdir::DirEntryExt;
    entry.ino()
}

#[cfg(not(unix))]
pub(super) fn inode(_: &walkdir::DirEntry) -> u64 {
    0
}

/// Whether the files at `a` and `b` hold the same bytes, read a megabyte
/// at a time.
pub(super) fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(mut a), Ok(mut b)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let mut x = vec![0; 1 << 20];
    let mut y = vec![0; 1 << 20];
    loop {
        let n = match a.read(&mut x) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            return b.read(&mut y[..1]).is_ok_and(|m| m == 0);
        }
        if b.read_exact(&mut y[..n]).is_err() || x[..n] != y[..n] {
            return false;
        }
    }
}

/// Whether the file at `path` holds `bytes` and nothing more, read a
/// piece at a time up to the first difference (a site-wide file runs to
/// tens of MiB).
pub(super) fn holds(path: &Path, bytes: &[u8]) -> bool {
    holds_unless(path, bytes, &|| false) == Some(true)
}

/// As [`holds`], asking `stop` before each piece: `None` once it says so.
pub(super) fn holds_unless(path: &Path, bytes: &[u8], stop: &dyn Fn() -> bool) -> Option<bool> {
    use std::io::Read;
    let Ok(mut file) = fs::File::open(path) else {
        return Some(false);
    };
    let mut piece = vec![0; (1 << 18).min(bytes.len() + 1)];
    let mut rest = bytes;
    loop {
        if stop() {
            return None;
        }
        let n = match file.read(&mut piece) {
            Ok(n) => n,
            Err(_) => return Some(false),
        };
        if n == 0 {
            return Some(rest.is_empty());
        }
        match rest.split_at_checked(n) {
            Some((head, tail)) if head == &piece[..n] => rest = tail,
            _ => return Some(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_holds_bytes_only_when_it_has_exactly_them() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data.csv");
        // Longer than one piece read, so the comparison goes on past it.
        let bytes: Vec<u8> = (0..600_000u32).map(|n| (n % 251) as u8).collect();
        fs::write(&file, &bytes).unwrap();
        assert!(holds(&file, &bytes));
        assert!(
            !holds(&file, &bytes[..bytes.len() - 1]),
            "the file has more"
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(!holds(&file, &longer), "the file has less");
        let mut other = bytes.clone();
        other[400_000] ^= 1;
        assert!(!holds(&file, &other), "a byte past the first piece differs");
        fs::write(&file, b"").unwrap();
        assert!(holds(&file, b""));
        assert!(!holds(&dir.path().join("missing"), b""));
    }
}
