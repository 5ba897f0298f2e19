//! Writing the built site so that readers never see a half-written one.
//!
//! Pages are written as they are rendered, from several threads at once,
//! into a fresh staging folder beside the output folder ([`Staging`]); only
//! when every page is written is the staging folder swapped in with two
//! renames. If anything fails before the swap, the staging folder is removed
//! and the published output is exactly as it was. An output folder that
//! renewal did not write (it has no marker file) is never replaced, so a
//! mistyped `--output` cannot wipe unrelated files.

use std::fs;
use std::path::{Path, PathBuf};

/// Marks a folder as renewal's output; its presence allows replacing it.
pub const MARKER: &str = ".renewal-output";
const MARKER_TEXT: &str = "This folder is written by renewal and replaced on every build.\n";

/// Why the output could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

/// A new site being written beside the output folder it will replace.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    retired: PathBuf,
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
        let dir = parent.join(format!(".{name}.renewal-new-{}", std::process::id()));
        let retired = parent.join(format!(".{name}.renewal-old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)
            .map_err(|e| WriteError(format!("cannot create {}: {e}", dir.display())))?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            retired,
            committed: false,
        })
    }

    /// Writes one file of the new site (`path` relative to the output
    /// folder, `/`-separated). Safe to call from several threads.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.dir.join(path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| WriteError(format!("cannot create {}: {e}", dir.display())))?;
        }
        fs::write(&path, bytes)
            .map_err(|e| WriteError(format!("cannot write {}: {e}", path.display())))
    }

    /// Marks the new site as renewal's and swaps it in for the old one.
    pub fn commit(mut self) -> Result<(), WriteError> {
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
        let output = &self.output;
        if output.exists() {
            fs::rename(output, &self.retired)
                .map_err(|e| WriteError(format!("cannot replace {}: {e}", output.display())))?;
        }
        if let Err(e) = fs::rename(&self.dir, output) {
            // Put the previous site back.
            let _ = fs::rename(&self.retired, output);
            return Err(WriteError(format!(
                "cannot move the new site into {}: {e}",
                output.display()
            )));
        }
        self.committed = true;
        let _ = fs::remove_dir_all(&self.retired);
        Ok(())
    }
}

impl Drop for Staging {
    /// A staging folder that was not swapped in is removed.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
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

        // A build that stops before its commit leaves the site as it was
        // and no staging folder behind.
        let abandoned = Staging::open(&output).unwrap();
        abandoned.write("index.html", b"two").unwrap();
        drop(abandoned);
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"one");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the output folder remains");

        let second = Staging::open(&output).unwrap();
        second.write("index.html", b"two").unwrap();
        second.commit().unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"two");
        assert!(
            !output.join("reports").exists(),
            "old files go with the old site"
        );
    }

    #[test]
    fn a_folder_renewal_did_not_write_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.docx"), b"x").unwrap();
        let refused = Staging::open(dir.path()).err().unwrap();
        assert!(refused.0.contains("refusing to replace"), "{refused:?}");
    }
}
