//! Writing the built site so that readers never see a half-written one.
//!
//! The new site is written to a fresh folder beside the output folder and
//! only then swapped in with two renames. If
//! anything fails before the swap, the staging folder is removed and the
//! published output is exactly as it was. An output folder that renewal did
//! not write (it has no marker file) is never replaced, so a mistyped
//! `--output` cannot wipe unrelated files.

use crate::render::OutputFile;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Marks a folder as renewal's output; its presence allows replacing it.
pub const MARKER: &str = ".renewal-output";
const MARKER_TEXT: &str = "This folder is written by renewal and replaced on every build.\n";

/// Why the output could not be written.
#[derive(Debug)]
pub struct WriteError(pub String);

/// Replaces `output` with `files`.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
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
    let staging = parent.join(format!(".{name}.renewal-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.renewal-old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);

    let written = write_all(&staging, files);
    if let Err(error) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    if output.exists() {
        fs::rename(output, &retired).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            WriteError(format!("cannot replace {}: {e}", output.display()))
        })?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        // Put the previous site back.
        let _ = fs::rename(&retired, output);
        let _ = fs::remove_dir_all(&staging);
        return Err(WriteError(format!(
            "cannot move the new site into {}: {e}",
            output.display()
        )));
    }
    let _ = fs::remove_dir_all(&retired);
    Ok(())
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

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let marker = OutputFile {
        path: MARKER.into(),
        bytes: MARKER_TEXT.as_bytes().to_vec(),
    };
    for file in files.iter().chain(std::iter::once(&marker)) {
        let path: PathBuf = staging.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| WriteError(format!("cannot create {}: {e}", dir.display())))?;
        }
        let mut f = fs::File::create(&path)
            .map_err(|e| WriteError(format!("cannot write {}: {e}", path.display())))?;
        f.write_all(&file.bytes)
            .map_err(|e| WriteError(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}
