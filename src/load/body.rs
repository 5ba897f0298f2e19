//! A report's body, prepared once, when its file is read: its HTML in its
//! own script and, for a site with an edition in the other script, in that
//! one too; the anchors and the links the link check reads; and the text
//! the search index reads. Pages, editions, the search index and the link
//! check read this record, never the report's file.
//!
//! The records are kept in one file of their own while a build runs, each
//! by where it is in it: a site of 100,000 reports has hundreds of MiB of
//! bodies, which memory need not hold. The file is unlinked as soon as it
//! is made, so nothing is left behind whatever becomes of the build.
//!
//! A report that a build did not read (one taken from what the last build
//! kept, unchanged) is prepared the first time something asks for its
//! body, so a build still opens each report file at most once.

use super::{front_matter, markdown, source};
use crate::diagnostic::Diagnostic;
use crate::i18n::{Language, script};
use crate::model::Report;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Mutex;

/// What is read of a report's body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prepared {
    /// The body as HTML, in the report's own script.
    pub html: String,
    /// The body as HTML in the other Chinese script, for a site that has
    /// an edition in it and a report written in Chinese.
    pub converted: Option<String>,
    /// The ids its headings and footnotes give, in its own script.
    pub anchors: Vec<String>,
    /// The addresses of its links and images, each with its line and
    /// column in the report's file.
    pub links: Vec<(usize, usize, String)>,
    /// The text a reader sees of it (in its own script), for the search
    /// index: no link addresses, footnote labels or other markup.
    pub text: String,
}

impl Prepared {
    /// Prepares `body`, the Markdown that starts on line `first_line` of
    /// a report written in `language`, on a site in `both` scripts or one.
    pub fn new(body: &str, first_line: usize, language: Language, both: bool) -> Prepared {
        // CommonMark reads U+0000 as U+FFFD, for safety.
        let body = body.replace('\0', "\u{fffd}");
        let html = markdown::to_html(&body);
        let converted = (other_than(language).filter(|_| both))
            .map(|to| markdown::to_html(&script::convert(&body, to)));
        let links = markdown::links(&body)
            .into_iter()
            .map(|(offset, href)| {
                let before = &body[..offset];
                let line = first_line + before.matches('\n').count();
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                (line, column, href)
            })
            .collect();
        Prepared {
            anchors: markdown::anchors(&html),
            html,
            converted,
            links,
            text: markdown::visible_text(&body),
        }
    }

    /// The HTML `report`, as an edition shows it, shows: converted when
    /// the edition converts it.
    pub fn html_for(&self, report: &Report) -> &str {
        match (report.converted_from, &self.converted) {
            (Some(_), Some(converted)) => converted,
            _ => &self.html,
        }
    }
}

/// Whether a site with `config` has its pages in both Chinese scripts, so
/// that a report written in one is shown converted to the other too.
pub fn both_scripts(config: &crate::model::config::Config) -> bool {
    !config.editions.is_empty()
}

/// The Chinese script a report written in `language` is converted to, on
/// a site in both scripts.
fn other_than(language: Language) -> Option<Language> {
    match language {
        Language::ZhHans => Some(Language::ZhHant),
        Language::ZhHant => Some(Language::ZhHans),
        Language::En => None,
    }
}

/// The prepared bodies of a build (or of a live preview, from one build to
/// the next), by report file.
pub struct Bodies {
    /// The file they are kept in, unlinked: appended to, and read at any
    /// place from every thread.
    file: std::fs::File,
    path: std::path::PathBuf,
    /// Where each report's record is, by its file. A report read again
    /// (by a preview, after an edit) is kept again, in place of the last.
    at: Mutex<Records>,
}

#[derive(Default)]
struct Records {
    end: u64,
    by_file: HashMap<String, Record>,
}

#[derive(Clone, Copy)]
struct Record {
    start: u64,
    len: u32,
}

impl Bodies {
    /// A new, empty store, for one site configuration: the bodies are
    /// prepared for its editions.
    pub fn new() -> std::io::Result<Bodies> {
        static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(".renewal-bodies-{}-{n}", std::process::id()));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        // Gone from the folder at once (on Unix the open file lives on),
        // so that nothing is left behind; elsewhere, when dropped.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&path);
        Ok(Bodies {
            file,
            path,
            at: Mutex::new(Records::default()),
        })
    }

    /// Prepares and keeps the body of the report at `file` (written in
    /// `language`), from the file's `text`, for a site in `both` scripts
    /// or one.
    pub fn keep(&self, file: &str, text: &str, language: Language, both: bool) {
        let Ok(split) = front_matter::split(text) else {
            return;
        };
        let prepared = Prepared::new(split.body, split.body_line, language, both);
        self.put(file, &prepared);
    }

    fn put(&self, file: &str, prepared: &Prepared) {
        let Ok(bytes) = postcard::to_stdvec(prepared) else {
            return;
        };
        let Ok(len) = u32::try_from(bytes.len()) else {
            return;
        };
        let Ok(mut records) = self.at.lock() else {
            return;
        };
        let start = records.end;
        // Written at its place, under the lock, so that records never mix.
        if write_at(&self.file, &bytes, start).is_ok() {
            records.end += bytes.len() as u64;
            let record = Record { start, len };
            records.by_file.insert(file.to_string(), record);
        }
    }

    /// The prepared body of `report` of the site at `root`, which is in
    /// `both` scripts or one: as kept, or, for a report this build did not
    /// read, prepared from its file now (and kept for whoever asks next).
    pub fn get(&self, root: &Path, report: &Report, both: bool) -> Result<Prepared, Diagnostic> {
        let found =
            (self.at.lock().ok()).and_then(|records| records.by_file.get(&report.file).copied());
        if let Some(record) = found {
            let mut bytes = vec![0; record.len as usize];
            if read_at(&self.file, &mut bytes, record.start).is_ok()
                && let Ok(prepared) = postcard::from_bytes(&bytes)
            {
                return Ok(prepared);
            }
        }
        let text =
            source::read_text(&root.join(&report.file)).map_err(|(line, column, message)| {
                Diagnostic::at(&report.file, line, column, None, message)
            })?;
        let split = front_matter::split(&text).map_err(|e| {
            Diagnostic::at(
                &report.file,
                e.line,
                1,
                None,
                crate::say!("changed-during-build", message = &e.message),
            )
        })?;
        let language = report.converted_from.unwrap_or(report.language);
        let prepared = Prepared::new(split.body, split.body_line, language, both);
        self.put(&report.file, &prepared);
        Ok(prepared)
    }
}

impl Drop for Bodies {
    fn drop(&mut self) {
        // Already gone on Unix.
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn write_at(file: &std::fs::File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn write_at(file: &std::fs::File, mut bytes: &[u8], mut at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let n = file.seek_write(bytes, at)?;
        bytes = &bytes[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_at(file: &std::fs::File, mut bytes: &mut [u8], mut at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let n = file.seek_read(bytes, at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        bytes = &mut bytes[n..];
        at += n as u64;
    }
    Ok(())
}
