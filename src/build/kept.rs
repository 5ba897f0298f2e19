//! What a build keeps beside the output for the next one: the reports it
//! read, each with its file's modification time and size, and the files of
//! every page it made.
//!
//! With it, the next `build` reads again only the report files that
//! changed, and renders only the pages those reports feed, before and
//! after the change; every other file stays as published. It holds only
//! for the same version of renewal, site folder, `site.yaml` and theme (its
//! key), and only while the output is as that build left it: a build
//! removes it before it starts changing anything and writes it again
//! after its site is swapped in, and a live preview that writes in place
//! removes it. Whatever cannot be read back (another format, a damaged
//! file) means a whole build.
//!
//! It is two files, so that a build after a small change writes little:
//! - `.output.renewal-cache-base`: reports, one a line (tens of MiB at
//!   10,000 reports), written by a whole build, and again only when the
//!   reports that changed since it was written grow past an eighth of it
//!   or an eighth of its reports are gone;
//! - `.output.renewal-cache`: the files of every page, where each metric's
//!   open data is, the reports that changed since the base was written,
//!   and the site's order of reports, by line of either file. It names the
//!   base it goes with; without it the base says nothing.

use super::PageId;
use crate::diagnostic::{Diagnostic, Place};
use crate::load::{ReportCache, Stamp};
use crate::model::Report;
use crate::publish::data::Parts;
use crate::render::Theme;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The layout of the files; another one is not read.
const FORMAT: u32 = 3;

/// One report as the last build read it.
pub struct Read {
    pub stamp: Stamp,
    /// When it was read: a file changed within a second of that is read
    /// again whatever its stamp says.
    pub read_at: SystemTime,
    pub report: Arc<Report>,
    pub warnings: Vec<Diagnostic>,
    /// Where its line is.
    line: Where,
}

/// Where a report's line is: in the base, by number, or in the file of
/// changes, by place in [`Kept::changes`].
#[derive(Clone)]
enum Where {
    Base(u32),
    Changes(std::ops::Range<usize>),
}

/// What the last build kept.
pub struct Kept {
    /// Its reports, in the site's order.
    pub reports: Vec<Read>,
    /// The files of each page it made, below the output folder.
    pub paths: HashMap<PageId, Vec<String>>,
    /// Where each metric's part of the site-wide open data is.
    pub data: Option<Parts>,
    /// The base's name.
    base: String,
    /// The base as it was read, and where each of its lines is: a new
    /// base takes the lines of reports that did not change from it.
    base_text: String,
    base_lines: Vec<std::ops::Range<usize>>,
    /// The file of changes as it was read: a changed report that did not
    /// change again is written again as the line it was.
    changes: String,
}

#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    key: String,
    /// The base's name, which the file of changes names too.
    base: String,
}

/// The file of changes, after its head: the site's reports in order, each
/// as a line of the base (its number) or of this file (the base's count
/// and more).
#[derive(Serialize, Deserialize)]
struct Order(Vec<u32>);

/// One report, on a line of its own. What it lacks (no warnings, no
/// summary, a value with no target) is left out, here and in the report,
/// so that the file is quicker to read.
#[derive(Serialize, Deserialize)]
struct Line<R> {
    modified: (u64, u32),
    size: u64,
    read_at: (u64, u32),
    #[serde(default, skip_serializing_if = "Option::is_none")]
    slug_place: Option<(usize, usize)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<Diagnostic>,
    report: R,
}

fn seconds(time: SystemTime) -> (u64, u32) {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    (since.as_secs(), since.subsec_nanos())
}

fn time((secs, nanos): (u64, u32)) -> Option<SystemTime> {
    UNIX_EPOCH
        .checked_add(Duration::from_secs(secs))?
        .checked_add(Duration::from_nanos(u64::from(nanos)))
}

/// What the kept file must have been made for: this version of renewal
/// (and this very program: one built again from other sources may make
/// other pages under the same version number), the site folder, its
/// `site.yaml` and every file of its theme.
pub fn key(root: &Path, theme: &Theme) -> String {
    let mut hash = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    part(env!("CARGO_PKG_VERSION").as_bytes());
    let program = std::env::current_exe().and_then(std::fs::metadata);
    match program {
        Ok(meta) => {
            part(&meta.len().to_le_bytes());
            let (secs, nanos) = seconds(meta.modified().unwrap_or(UNIX_EPOCH));
            part(&secs.to_le_bytes());
            part(&nanos.to_le_bytes());
        }
        // Without knowing which program this is, nothing kept is trusted.
        Err(_) => {
            let (secs, nanos) = seconds(SystemTime::now());
            part(&secs.to_le_bytes());
            part(&nanos.to_le_bytes());
        }
    }
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    part(root.to_string_lossy().as_bytes());
    part(&std::fs::read(root.join(crate::load::CONFIG_FILE)).unwrap_or_default());
    for (name, text) in &theme.texts {
        part(name.as_bytes());
        part(text.as_bytes());
    }
    for (name, origin) in &theme.origins {
        part(name.as_bytes());
        part(origin.as_bytes());
    }
    for (path, bytes) in &theme.statics {
        part(path.as_bytes());
        part(bytes);
    }
    for strings in std::iter::once(&theme.strings).chain(&theme.edition_strings) {
        for (name, text) in strings {
            part(name.as_bytes());
            part(text.as_bytes());
        }
    }
    format!("{:x}", hash.finalize())
}

/// The base that goes with the file of changes `at`.
pub fn base(at: &Path) -> std::path::PathBuf {
    let mut name = at.as_os_str().to_owned();
    name.push("-base");
    name.into()
}

/// The report lines of `text` after its first `skip` lines, with where
/// each starts.
fn lines_after(text: &str, skip: usize) -> Option<Vec<(&str, usize)>> {
    let mut lines = text.split('\n');
    for _ in 0..skip {
        lines.next()?;
    }
    let start = |line: &str| line.as_ptr() as usize - text.as_ptr() as usize;
    Some(
        lines
            .filter(|l| !l.is_empty())
            .map(|l| (l, start(l)))
            .collect(),
    )
}

/// Reads what was kept at `at` (and its base) for a build whose key is
/// `key`.
pub fn read(at: &Path, key: &str) -> Option<Kept> {
    let changes = std::fs::read_to_string(at).ok()?;
    let mut lines = changes.split('\n');
    let head: Head = serde_json::from_str(lines.next()?).ok()?;
    if head.format != FORMAT || head.key != key {
        return None;
    }
    let paths: Vec<(PageId, Vec<String>)> = serde_json::from_str(lines.next()?).ok()?;
    let data: Option<Parts> = serde_json::from_str(lines.next()?).ok()?;
    let Order(order) = serde_json::from_str(lines.next()?).ok()?;
    let base = std::fs::read_to_string(base(at)).ok()?;
    let base_head: Head = serde_json::from_str(base.split('\n').next()?).ok()?;
    if base_head.format != FORMAT || base_head.key != key || base_head.base != head.base {
        return None;
    }
    let base_lines = lines_after(&base, 1)?;
    let changed_lines = lines_after(&changes, 4)?;
    let count = base_lines.len();
    let parse = |(text, at): (&str, Where)| -> Option<Read> {
        let line: Line<Report> = serde_json::from_str(text).ok()?;
        let mut report = line.report;
        report.slug_place = line.slug_place.map(|(line, column)| Place { line, column });
        report.value_districts = crate::load::report::value_districts(&report.metrics);
        Some(Read {
            stamp: (time(line.modified)?, line.size),
            read_at: time(line.read_at)?,
            report: Arc::new(report),
            warnings: line.warnings,
            line: at,
        })
    };
    // Only the lines the order names are read, each once.
    let mut named = vec![false; count + changed_lines.len()];
    let mut wanted = Vec::with_capacity(order.len());
    for &n in &order {
        let n = n as usize;
        if std::mem::replace(named.get_mut(n)?, true) {
            return None;
        }
        wanted.push(match n.checked_sub(count) {
            None => (base_lines[n].0, Where::Base(n as u32)),
            Some(c) => {
                let (text, at) = changed_lines[c];
                (text, Where::Changes(at..at + text.len()))
            }
        });
    }
    let reports: Option<Vec<Read>> = wanted.into_par_iter().map(parse).collect();
    let base_lines = (base_lines.iter())
        .map(|&(text, at)| at..at + text.len())
        .collect();
    Some(Kept {
        reports: reports?,
        paths: paths.into_iter().collect(),
        data,
        base: head.base,
        base_text: base,
        base_lines,
        changes,
    })
}

/// A report cache that takes the kept reports as read, while their files
/// keep their stamps.
pub fn cache(kept: &Kept) -> ReportCache {
    let mut cache = ReportCache::default();
    for read in &kept.reports {
        cache.remember(
            &read.report.file,
            read.stamp,
            read.read_at,
            Arc::clone(&read.report),
            read.warnings.clone(),
        );
    }
    cache
}

/// Writes what the next build needs to `at`: the `reports` as `cache` read
/// them, the files of each page, and the parts of the site-wide data. The
/// base `last` read is kept while the reports changed since are few; a
/// report that did not change is written as it was. Best effort: without
/// it, the next build is a whole one.
pub fn write(
    at: &Path,
    key: &str,
    reports: &[Arc<Report>],
    cache: &ReportCache,
    paths: &HashMap<PageId, Vec<String>>,
    data: Option<&Parts>,
    last: Option<&Kept>,
) {
    let kept: HashMap<&str, &Read> = last
        .map(|k| {
            k.reports
                .iter()
                .map(|r| (r.report.file.as_str(), r))
                .collect()
        })
        .unwrap_or_default();
    let lines: Option<Vec<Saved>> = reports
        .par_iter()
        .map(|report| {
            let (stamp, read_at, warnings) = cache.read(&report.file)?;
            if let (Some(read), Some(last)) = (kept.get(report.file.as_str()), last)
                && Arc::ptr_eq(&read.report, report)
                && (read.stamp, read.read_at) == (stamp, read_at)
            {
                match &read.line {
                    Where::Base(n) => return Some(Saved::Base(*n)),
                    Where::Changes(range) => {
                        if let Some(line) = last.changes.get(range.clone()) {
                            return Some(Saved::Text(line.into()));
                        }
                    }
                }
            }
            let line = Line {
                modified: seconds(stamp.0),
                size: stamp.1,
                read_at: seconds(read_at),
                slug_place: report.slug_place.map(|p| (p.line, p.column)),
                warnings: warnings.to_vec(),
                report: &**report,
            };
            serde_json::to_string(&line)
                .ok()
                .map(|l| Saved::Text(l.into()))
        })
        .collect();
    let Some(lines) = lines else {
        return;
    };
    // The base stays while what changed since is an eighth of it or
    // less, and at most an eighth of its lines are of reports now gone.
    let changed: usize = (lines.iter())
        .map(|l| match l {
            Saved::Text(text) => text.len(),
            Saved::Base(_) => 0,
        })
        .sum();
    let kept_lines = (lines.iter())
        .filter(|l| matches!(l, Saved::Base(_)))
        .count();
    let base = last.filter(|l| {
        let count = l.base_lines.len();
        changed <= l.base_text.len() / 8 && count.saturating_sub(kept_lines) <= count / 8
    });
    let mut order = Vec::with_capacity(lines.len());
    let mut texts: Vec<&str> = Vec::new();
    let name = match base {
        Some(last) => {
            let count = last.base_lines.len();
            for line in &lines {
                order.push(match line {
                    Saved::Base(n) => *n,
                    Saved::Text(text) => {
                        texts.push(text);
                        (count + texts.len() - 1) as u32
                    }
                });
            }
            last.base.clone()
        }
        None => {
            // A new base, of every report: lines of the last one are
            // taken from it.
            let Some(name) = new_base(at, key, &lines, last) else {
                return;
            };
            order.extend(0..lines.len() as u32);
            name
        }
    };
    let head = Head {
        format: FORMAT,
        key: key.to_string(),
        base: name,
    };
    let mut pages: Vec<(&PageId, &Vec<String>)> = paths.iter().collect();
    pages.sort_by(|a, b| a.1.cmp(b.1));
    let (Ok(head), Ok(pages), Ok(data), Ok(order)) = (
        serde_json::to_string(&head),
        serde_json::to_string(&pages),
        serde_json::to_string(&data),
        serde_json::to_string(&Order(order)),
    ) else {
        return;
    };
    let mut text = String::new();
    let heads = [&head, &pages, &data, &order].map(String::as_str);
    for line in heads.into_iter().chain(texts) {
        text.push_str(line);
        text.push('\n');
    }
    let _ = replace(at, text.as_bytes());
}

/// A report's line for the next build: a line of the last base, by
/// number, or its text.
enum Saved<'a> {
    Base(u32),
    Text(std::borrow::Cow<'a, str>),
}

/// Writes a new base for `at` with the `lines` of every report (those of
/// the last base taken from it): its name.
fn new_base(at: &Path, key: &str, lines: &[Saved], last: Option<&Kept>) -> Option<String> {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let name = format!("{}-{}", since.as_nanos(), std::process::id());
    let head = serde_json::to_string(&Head {
        format: FORMAT,
        key: key.to_string(),
        base: name.clone(),
    })
    .ok()?;
    let mut text = String::with_capacity(
        last.map_or(0, |l| l.base_text.len()) + lines.len() * 64 + head.len(),
    );
    text.push_str(&head);
    text.push('\n');
    for saved in lines {
        let line = match saved {
            Saved::Text(line) => line,
            Saved::Base(n) => {
                let last = last?;
                last.base_text
                    .get(last.base_lines.get(*n as usize)?.clone())?
            }
        };
        text.push_str(line);
        text.push('\n');
    }
    replace(&base(at), text.as_bytes()).ok()?;
    Some(name)
}

/// Puts `bytes` at `at` by writing them beside it and renaming.
fn replace(at: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = at.as_os_str().to_owned();
    temp.push(".new");
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, at)
}
