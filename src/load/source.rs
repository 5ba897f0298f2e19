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

/// The report files below `root/content` (`*.md`), as paths relative to
/// `root` with `/` separators (`content/2022/x.md`), sorted; and a warning
/// for each file that looks like a report but is not read, saying why:
///
/// - a hidden file or folder (name starting with `.`) is not published:
///   it is how editors keep drafts and tools keep their own files;
/// - a symbolic link is not followed, whether it leads inside the site or
///   out of it: a site must be the same wherever it is copied or archived,
///   and a link that leaves it would publish files the site does not hold;
/// - a file named like a report with another extension (`.markdown`,
///   `.MD`) is not a report: only `.md` files are.
///
/// Editors' lock files (`.#name.md`) are skipped without a word: they
/// come and go while a report is open.
pub fn report_files(root: &Path) -> (Vec<String>, Vec<Diagnostic>) {
    let dir = root.join("content");
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        problems.push(Diagnostic::file(
            "content",
            crate::say!("no-content", dir = dir.display().to_string()),
        ));
        return (files, problems);
    }
    let mut walk = WalkDir::new(&dir).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map(|p| crate::diagnostic::shown_path(root, p))
                    .unwrap_or_else(|| "content".into());
                let message =
                    crate::say!("unreadable", error = crate::i18n::messages::reason(&error));
                problems.push(Diagnostic::file(path, message));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let path = crate::diagnostic::shown_path(root, entry.path());
        let kind = entry.file_type();
        if entry.depth() == 0 || name.starts_with(".#") {
            continue;
        }
        if kind.is_dir() && name.starts_with('.') {
            walk.skip_current_dir();
            let reports = WalkDir::new(entry.path())
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_markdown(e.path()))
                .count();
            if reports > 0 {
                problems.push(
                    Diagnostic::file(
                        format!("{path}/"),
                        crate::say!("hidden-folder", reports = reports),
                    )
                    .warning(),
                );
            }
        } else if kind.is_symlink() {
            let target = std::fs::read_link(entry.path())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            let inside = std::fs::canonicalize(entry.path())
                .ok()
                .zip(std::fs::canonicalize(root).ok())
                .is_some_and(|(to, root)| to.starts_with(root));
            let message = match inside {
                true => crate::say!("link-inside", target = target),
                false => crate::say!("link-outside", target = target),
            };
            problems.push(Diagnostic::file(path, message).warning());
        } else if !kind.is_file() && !kind.is_dir() && is_markdown(entry.path()) {
            problems.push(Diagnostic::file(path, crate::say!("not-regular-report")).warning());
        } else if kind.is_file() && !is_markdown(entry.path()) && !is_leftover(&name) {
            problems.push(Diagnostic::file(path, crate::say!("not-a-report")).warning());
        } else if kind.is_file() && is_markdown(entry.path()) {
            if name.starts_with('.') {
                problems.push(Diagnostic::file(path, crate::say!("hidden-file")).warning());
            } else if entry.path().extension().is_some_and(|e| e == "md") {
                files.push(path);
            } else {
                problems.push(Diagnostic::file(path, crate::say!("not-lowercase-md")).warning());
            }
        }
    }
    (files, problems)
}

/// Files that editors and operating systems leave beside the ones a user
/// makes (backups, swap and lock files, folder thumbnails): skipped
/// without a word.
fn is_leftover(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swo", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|end| lower.ends_with(end))
        || matches!(lower.as_str(), "thumbs.db" | "desktop.ini")
}

/// Whether `path` is named like a report: `.md`, `.markdown` or `.mdown`,
/// in any case.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "md" | "markdown" | "mdown"))
}

/// Reads a file that must be UTF-8 text, without the byte-order mark it
/// may start with; errors carry line, column and message.
pub fn read_text(path: &Path) -> Result<String, (usize, usize, String)> {
    let unreadable = |e: std::io::Error| {
        (
            0,
            0,
            crate::say!("unreadable", error = crate::i18n::messages::reason(&e)),
        )
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err((0, 0, crate::say!("not-regular")));
    }
    let size = meta.len();
    if size > MAX_REPORT_BYTES {
        return Err((
            0,
            0,
            crate::say!(
                "too-big",
                size = size / (1024 * 1024),
                most = MAX_REPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err((1, 1, crate::say!("utf-16")));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = &bytes[..error.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        (line, column, crate::say!("not-utf-8"))
    })?;
    // A byte-order mark, which Windows Notepad and many Chinese editors
    // write at the start of a UTF-8 file, is not part of the text.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    // Old Mac files end lines with a carriage return alone; read them as
    // lines all the same.
    if text.contains('\r') && text.replace("\r\n", "").contains('\r') {
        return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    Ok(text)
}

/// What a site is made of, below its folder: renewal reads these and
/// never writes into them.
pub const SOURCES: [&str; 5] = ["site.yaml", "content", "archive", "themes", "templates"];

/// Refuses `path` (a folder or file a command was told to write, absolute
/// or from the current folder) when it is the site's folder at `root`, one
/// of its [`SOURCES`], or inside one: a mistyped `--output` must never
/// replace a report, a snapshot or the site's configuration.
pub fn refuse_writing(root: &Path, path: &Path) -> Result<(), String> {
    let (root, target) = (real_path(root), real_path(path));
    if target == root {
        let path = path.display().to_string();
        return Err(crate::say!("refused-site-folder", path = path));
    }
    for source in SOURCES {
        if target.starts_with(root.join(source)) {
            let path = path.display().to_string();
            return Err(match source {
                "site.yaml" => crate::say!("refused-config", path = path),
                folder => crate::say!("refused-source", path = path, folder = folder),
            });
        }
    }
    Ok(())
}

/// `path` made absolute, with `.` and `..` worked out and every link in
/// the part of it that exists resolved.
fn real_path(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut plain = std::path::PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                plain.pop();
            }
            Component::CurDir => {}
            other => plain.push(other),
        }
    }
    let mut rest = Vec::new();
    let mut existing = plain.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.into_iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return plain,
        }
    }
}
