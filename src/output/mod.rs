//! Writing the built site so that readers never see a half-written one,
//! and rewriting only the files whose bytes changed.
//!
//! A build brings a second copy of the site up to date beside the output
//! folder ([`Staging`]), then swaps it in: readers see the old site or the
//! new one, never a mix. The copy is the site the swap before last put
//! aside (the *spare*), so most of its files are already right: each page
//! is compared with the file there and written only if its bytes differ,
//! and files the new site no longer has are removed at the end. Creating
//! and deleting tens of thousands of files is what makes a full rewrite
//! slow on a disk; a one-report edit touches a handful.
//!
//! If anything fails before the swap, the copy goes back to being the
//! spare and the published output is exactly as it was. An output folder
//! that renewal did not write (it has no marker file) is never replaced,
//! so a mistyped `--output` cannot wipe unrelated files. One build at a
//! time may write a given output folder.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use walkdir::WalkDir;

/// Marks a folder as renewal's output; its presence allows replacing it.
pub const MARKER: &str = ".renewal-output";
const MARKER_TEXT: &str = "This folder is written by renewal and replaced on every build.\n";

/// Why the output could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

/// A copy of the site being brought up to date beside the output folder
/// it will replace.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    spare: PathBuf,
    /// Every file the new site has, `/`-separated, relative to its root.
    produced: Mutex<HashSet<String>>,
    written: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Prepares to replace `output`; refuses a folder renewal did not write.
    pub fn open(output: &Path) -> Result<Staging, WriteError> {
        refuse_foreign(output)?;
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .map_err(|e| WriteError(format!("cannot create {}: {e}", parent.display())))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let dir = parent.join(format!(".{name}.renewal-next-{}", std::process::id()));
        let spare = parent.join(format!(".{name}.renewal-spare"));
        let _ = fs::remove_dir_all(&dir);
        // The spare becomes the copy to update; without one (a first build,
        // or a spare that is not renewal's), the copy starts empty.
        let adopted = spare.join(MARKER).is_file() && fs::rename(&spare, &dir).is_ok();
        if !adopted {
            fs::create_dir_all(&dir)
                .map_err(|e| WriteError(format!("cannot create {}: {e}", dir.display())))?;
        }
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            spare,
            produced: Mutex::new(HashSet::new()),
            written: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Puts one file of the new site in place (`path` relative to the
    /// output folder, `/`-separated), writing it only if the copy does not
    /// already hold exactly these bytes. Safe to call from several threads.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        if let Ok(mut produced) = self.produced.lock() {
            produced.insert(path.to_string());
        }
        let full = self.dir.join(path);
        let same = fs::symlink_metadata(&full)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&full).is_ok_and(|old| old == bytes);
        if same {
            return Ok(());
        }
        self.clear_way(path);
        if let Some(dir) = full.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| WriteError(format!("cannot create {}: {e}", dir.display())))?;
        }
        fs::write(&full, bytes)
            .map_err(|e| WriteError(format!("cannot write {}: {e}", full.display())))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Removes what stands where `path` must go in the copy: a folder or
    /// link at its place, or a file where one of its folders must be.
    fn clear_way(&self, path: &str) {
        let mut at = self.dir.clone();
        let parts: Vec<&str> = path.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            at.push(part);
            let Ok(meta) = fs::symlink_metadata(&at) else {
                return;
            };
            let last = i + 1 == parts.len();
            if meta.is_symlink() || (last && meta.is_dir()) || (!last && !meta.is_dir()) {
                let _ = if meta.is_dir() {
                    fs::remove_dir_all(&at)
                } else {
                    fs::remove_file(&at)
                };
                return;
            }
        }
    }

    /// How many files have been written so far (the rest were already right).
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Marks the new site as renewal's, removes the files it no longer
    /// has, and swaps it in for the old one, which becomes the spare.
    /// Returns how many files were written.
    pub fn commit(mut self) -> Result<usize, WriteError> {
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
        self.prune();
        let output = &self.output;
        if output.exists() {
            let _ = fs::remove_dir_all(&self.spare);
            swap(&self.dir, output, &self.spare).map_err(|e| {
                WriteError(format!(
                    "cannot move the new site into {}: {e}",
                    output.display()
                ))
            })?;
        } else {
            fs::rename(&self.dir, output).map_err(|e| {
                WriteError(format!(
                    "cannot move the new site into {}: {e}",
                    output.display()
                ))
            })?;
        }
        self.committed = true;
        Ok(self.written())
    }

    /// Removes every file and folder of the copy that the new site lacks.
    fn prune(&self) {
        let produced = match self.produced.lock() {
            Ok(produced) => produced,
            Err(poisoned) => poisoned.into_inner(),
        };
        for entry in WalkDir::new(&self.dir)
            .min_depth(1)
            .contents_first(true)
            .into_iter()
            .filter_map(Result::ok)
        {
            let rel = crate::diagnostic::shown_path(&self.dir, entry.path());
            if entry.file_type().is_dir() {
                // Only empty folders go; `remove_dir` refuses the others.
                let _ = fs::remove_dir(entry.path());
            } else if !produced.contains(&rel) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

impl Drop for Staging {
    /// A copy that was not swapped in becomes the spare again: its files
    /// are compared before they are used, so a half-updated copy is fine.
    fn drop(&mut self) {
        if !self.committed && fs::rename(&self.dir, &self.spare).is_err() {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Puts `new` in place of `output` in one step where the system can, and
/// moves the old site to `spare`.
fn swap(new: &Path, output: &Path, spare: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if exchange(new, output).is_ok() {
        return fs::rename(new, spare);
    }
    // Two renames: for a moment there is no output folder, but never a
    // mixed one.
    fs::rename(output, spare)?;
    if let Err(e) = fs::rename(new, output) {
        let _ = fs::rename(spare, output);
        return Err(e);
    }
    Ok(())
}

/// Exchanges two folders atomically (Linux `renameat2` with
/// `RENAME_EXCHANGE`): a reader sees one site or the other.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let path = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (path(a)?, path(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that live for the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
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
    use std::io::{Read, Write};
    const CHUNK: usize = 1 << 20;
    let full = output.join(path);
    let cannot = |e: std::io::Error| WriteError(format!("cannot write {}: {e}", full.display()));
    if fs::metadata(&full).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && let Ok(mut old) = fs::File::open(&full)
    {
        let mut buffer = vec![0; CHUNK.min(bytes.len())];
        let mut same = true;
        for chunk in bytes.chunks(CHUNK) {
            if stop() {
                return Ok(InPlace::Stopped);
            }
            let read = &mut buffer[..chunk.len()];
            if old.read_exact(read).is_err() || read != chunk {
                same = false;
                break;
            }
        }
        if same {
            return Ok(InPlace::Same);
        }
    }
    if let Some(dir) = full.parent() {
        fs::create_dir_all(dir)
            .map_err(|e| WriteError(format!("cannot create {}: {e}", dir.display())))?;
    }
    let temp = full.with_file_name(format!(
        ".{}.renewal-new",
        full.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
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
    fs::rename(&temp, &full).map_err(cannot)?;
    Ok(InPlace::Written)
}

/// Removes one page of a live preview from the output folder, and the
/// folders it leaves empty.
pub fn remove_in_place(output: &Path, path: &str) {
    let full = output.join(path);
    let _ = fs::remove_file(&full);
    let mut dir = full.parent();
    while let Some(d) = dir.filter(|d| *d != output && d.starts_with(output)) {
        if fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

fn refuse_foreign(output: &Path) -> Result<(), WriteError> {
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        return Err(WriteError(format!(
            "{} exists and is not a folder",
            output.display()
        )));
    }
    let empty = fs::read_dir(output)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if empty || output.join(MARKER).is_file() {
        Ok(())
    } else {
        Err(WriteError(format!(
            "refusing to replace {}: it holds files renewal did not write (there is no {MARKER} in it); choose an empty or new --output folder",
            output.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_swapped_in_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let first = Staging::open(&output).unwrap();
        first.write("index.html", b"one").unwrap();
        first.write("reports/a/index.html", b"a").unwrap();
        first.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"one");
        assert!(output.join(MARKER).is_file());

        // A build that stops before its commit leaves the site as it was.
        let abandoned = Staging::open(&output).unwrap();
        abandoned.write("index.html", b"two").unwrap();
        drop(abandoned);
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"one");
        let left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("renewal-next"))
            .collect();
        assert_eq!(left, Vec::<String>::new(), "no half-built copy is left");

        let second = Staging::open(&output).unwrap();
        second.write("index.html", b"two").unwrap();
        second.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"two");
        assert!(
            !output.join("reports").exists(),
            "files the new site lacks are gone"
        );
    }

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

    #[test]
    fn only_files_whose_bytes_changed_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let pages = |changed: &[u8]| {
            let staging = Staging::open(&output).unwrap();
            staging.write("index.html", b"home").unwrap();
            staging.write("reports/a/index.html", changed).unwrap();
            staging.write("reports/b/index.html", b"b").unwrap();
            staging.commit().unwrap()
        };
        // The first two builds have no spare to start from.
        assert_eq!(pages(b"a"), 4, "every file and the marker");
        assert_eq!(pages(b"a"), 4);
        assert_eq!(pages(b"a"), 0, "nothing changed, nothing written");
        assert_eq!(pages(b"a2"), 1);
        assert_eq!(
            fs::read(output.join("reports/a/index.html")).unwrap(),
            b"a2"
        );
        // The spare is one build behind: it gets the change too.
        assert_eq!(pages(b"a2"), 1);
        assert_eq!(pages(b"a2"), 0);

        // A page that becomes a folder, and a folder that becomes a page.
        let staging = Staging::open(&output).unwrap();
        staging.write("index.html/x", b"x").unwrap();
        staging.write("reports", b"r").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html/x")).unwrap(), b"x");
        assert_eq!(fs::read(output.join("reports")).unwrap(), b"r");
    }

    #[test]
    fn a_folder_renewal_did_not_write_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.docx"), b"x").unwrap();
        let refused = Staging::open(dir.path()).err().unwrap();
        assert!(refused.0.contains("refusing to replace"), "{refused:?}");
    }
}
