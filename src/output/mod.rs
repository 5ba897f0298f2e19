//! Writing the built site so that readers never see a half-written one,
//! and rewriting only the files whose bytes changed.
//!
//! A build brings a second copy of the site up to date beside the output
//! folder ([`Staging`]), then swaps it in: readers see the old site or the
//! new one, never a mix. The copy is the site the last swap put aside (the
//! *spare*). Before a build writes to it, the spare is made the same as the
//! published site, by hard links to its files: a list kept beside the
//! output says which files the last build changed, so only those are
//! linked again (without the list, every file of the two is compared by
//! its inode). Then each page is compared with the file there and written
//! only if its bytes differ, as a new file in its place, so that a file
//! the two copies share is never changed under a reader. Creating and
//! deleting tens of thousands of files is what makes a full rewrite slow
//! on a disk; a one-report edit touches a handful. A large file that only
//! the spare holds (the site-wide downloads, as the build before last
//! wrote them) is not replaced by a link but written over in place when the
//! build makes it again: freeing and allocating tens of MiB is what such a
//! file would otherwise cost.
//!
//! If anything fails before the swap, the copy goes back to being the
//! spare and the published output is exactly as it was. An output folder
//! that renewal did not write (it has no marker file) is never replaced,
//! so a mistyped `--output` cannot wipe unrelated files. One build at a
//! time may write a given output folder.

mod compare;
pub(crate) use compare::same_file;
mod in_place;
pub mod joined;
mod staging;
mod swap;

pub use in_place::{InPlace, remove_in_place, write_in_place};
pub use joined::{Bytes, Joined, Stream};
pub use staging::Staging;
use std::fs;
use std::path::{Path, PathBuf};

/// Marks a folder as renewal's output; its presence allows replacing it.
pub const MARKER: &str = ".renewal-output";

/// Why the output could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

/// A file or folder that renewal keeps beside `output` (in the same
/// folder, hidden): `.output.renewal-{what}`.
pub fn beside(output: &Path, what: &str) -> PathBuf {
    // A path without a name of its own (`.`, `out/..`) is named by where
    // it leads.
    let named = match output.file_name() {
        Some(_) => output.to_path_buf(),
        None => output
            .canonicalize()
            .unwrap_or_else(|_| output.to_path_buf()),
    };
    let parent = named
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = named
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    parent.join(format!(".{name}.renewal-{what}"))
}

/// Forgets what is kept beside `output` about it: where its spare differs
/// from it, and what its last build was made from. The next build
/// compares every file of the spare with the output's.
pub fn forget(output: &Path) {
    let _ = fs::remove_file(beside(output, "spare-differs"));
    let _ = fs::remove_file(beside(output, "cache"));
    let _ = fs::remove_file(beside(output, "cache-base"));
    let _ = fs::remove_dir_all(beside(output, "kept"));
}

/// Removes the folders between `root` and `file` that `file`'s removal
/// left empty.
fn remove_empty_folders(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| *d != root && d.starts_with(root)) {
        if fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Where the new bytes of `file` are written before they are renamed over
/// it: beside it, hidden.
pub(crate) fn temporary(file: &Path) -> PathBuf {
    file.with_file_name(format!(
        ".{}.renewal-new",
        file.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ))
}

/// Refuses to replace `output` if it holds anything renewal did not write.
pub fn refuse_foreign(output: &Path) -> Result<(), WriteError> {
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        let path = output.display().to_string();
        return Err(WriteError(crate::say!("output-not-folder", path = path)));
    }
    let empty = fs::read_dir(output)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if empty || output.join(MARKER).is_file() {
        Ok(())
    } else {
        let path = output.display().to_string();
        Err(WriteError(crate::say!(
            "output-foreign",
            path = path,
            marker = MARKER
        )))
    }
}
