//! Finding the report files under `content/` and reading them as text.
//!
//! Files are listed in sorted order so that every later stage sees the same
//! sequence on every machine. A file that cannot become text (too large, not
//! UTF-8, unreadable) is a diagnostic, never a panic; the exact line and
//! column of the first invalid byte is reported, since that is what an editor
//! needs to find a stray GBK character pasted into a UTF-8 file.

use crate::diagnostic::Diagnostic;
use std::path::Path;
use walkdir::WalkDir;

/// Reports larger than this are refused: real reports are a few kilobytes,
/// and a runaway file should not exhaust memory.
pub const MAX_REPORT_BYTES: u64 = 8 * 1024 * 1024;

/// The report files below `root/content` (`*.md`, not hidden), as paths
/// relative to `root` with `/` separators (`content/2022/x.md`), sorted.
pub fn report_files(root: &Path) -> (Vec<String>, Vec<Diagnostic>) {
    let dir = root.join("content");
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if !dir.is_dir() {
        errors.push(Diagnostic::file(
            "content",
            format!(
                "no content folder at {}; a site keeps its reports in content/",
                dir.display()
            ),
        ));
        return (files, errors);
    }
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| "content".into());
                errors.push(Diagnostic::file(path, format!("cannot be read: {error}")));
                continue;
            }
        };
        let is_report = entry.file_type().is_file()
            && entry.path().extension().is_some_and(|e| e == "md")
            && !entry.file_name().to_string_lossy().starts_with('.');
        if is_report {
            files.push(relative(root, entry.path()));
        }
    }
    (files, errors)
}

/// Reads a file that must be UTF-8 text; errors carry line, column and message.
pub fn read_text(path: &Path) -> Result<String, (usize, usize, String)> {
    let size = std::fs::metadata(path)
        .map_err(|e| (0, 0, format!("cannot be read: {e}")))?
        .len();
    if size > MAX_REPORT_BYTES {
        return Err((
            0,
            0,
            format!(
                "is {} MiB; a report may be at most {} MiB (is this really a report?)",
                size / (1024 * 1024),
                MAX_REPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| (0, 0, format!("cannot be read: {e}")))?;
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = &bytes[..error.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        (
            line,
            column,
            "is not valid UTF-8 text (it may be saved as GBK or GB2312): save it as UTF-8"
                .to_string(),
        )
    })
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
