//! A live preview's writes straight into the published output: each file
//! written beside its place and renamed over it, so that a reader gets
//! the old file or the new one.

use super::compare::holds_unless;
use super::{WriteError, beside, remove_empty_folders, temporary};
use std::fs;
use std::io::Write;
use std::path::Path;

/// Notes that a live preview changed `path` of the published output in
/// place: the spare now differs there too, and what the last build was
/// made from no longer says what the output holds.
fn changed_in_place(output: &Path, path: &str) {
    let _ = fs::remove_file(beside(output, "cache"));
    let listed = beside(output, "spare-differs");
    if let Ok(mut list) = fs::OpenOptions::new().append(true).open(listed) {
        let _ = writeln!(list, "{path}");
    }
}

/// What [`write_in_place`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InPlace {
    /// The file already had these bytes.
    Same,
    Written,
    /// Stopped before it was done; the file is as it was.
    Stopped,
}

/// Writes one file of a live preview straight into the output folder
/// (`path` relative to it, `/`-separated), only if its bytes differ, by
/// writing beside it and renaming, so that a reader gets the old file or
/// the new one. A large file is compared and written a megabyte at a
/// time; once `stop` says so, it is left as it was.
pub fn write_in_place(
    output: &Path,
    path: &str,
    bytes: &[u8],
    stop: &dyn Fn() -> bool,
) -> Result<InPlace, WriteError> {
    const CHUNK: usize = 1 << 20;
    let full = output.join(path);
    let cannot = |e: std::io::Error| WriteError(super::staging::cannot("write-file", &full, &e));
    if fs::metadata(&full).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64) {
        match holds_unless(&full, bytes, stop) {
            None => return Ok(InPlace::Stopped),
            Some(true) => return Ok(InPlace::Same),
            Some(false) => {}
        }
    }
    if let Some(dir) = full.parent() {
        fs::create_dir_all(dir)
            .map_err(|e| WriteError(super::staging::cannot("write-create", dir, &e)))?;
    }
    let temp = temporary(&full);
    let mut file = fs::File::create(&temp).map_err(cannot)?;
    for chunk in bytes.chunks(CHUNK) {
        if stop() {
            drop(file);
            let _ = fs::remove_file(&temp);
            return Ok(InPlace::Stopped);
        }
        file.write_all(chunk).map_err(cannot)?;
    }
    drop(file);
    changed_in_place(output, path);
    fs::rename(&temp, &full).map_err(cannot)?;
    Ok(InPlace::Written)
}

/// Removes one page of a live preview from the output folder, and the
/// folders it leaves empty.
pub fn remove_in_place(output: &Path, path: &str) {
    changed_in_place(output, path);
    let full = output.join(path);
    let _ = fs::remove_file(&full);
    remove_empty_folders(output, &full);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_in_place_is_whole_or_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let never = || false;
        let big: Vec<u8> = (0..3 << 20).map(|i| (i % 251) as u8).collect();
        let write = |bytes: &[u8], stop: &dyn Fn() -> bool| {
            write_in_place(out, "data/all.json", bytes, stop).unwrap()
        };
        assert_eq!(write(&big, &never), InPlace::Written);
        assert_eq!(write(&big, &never), InPlace::Same);
        // Stopped after the first megabyte: compared or written, the file
        // keeps its old bytes and nothing is left beside it.
        let mut changed = big.clone();
        *changed.last_mut().unwrap() = 7;
        let calls = std::cell::Cell::new(0);
        let after_one = || {
            calls.set(calls.get() + 1);
            calls.get() > 1
        };
        assert_eq!(write(&changed, &after_one), InPlace::Stopped);
        calls.set(0);
        assert_eq!(write(&big[1..], &after_one), InPlace::Stopped);
        assert_eq!(fs::read(out.join("data/all.json")).unwrap(), big);
        assert_eq!(fs::read_dir(out.join("data")).unwrap().count(), 1);
        assert_eq!(write(&changed, &never), InPlace::Written);
        assert_eq!(fs::read(out.join("data/all.json")).unwrap(), changed);
    }
}
