//! What a build keeps beside the output for the next one
//! (`.output.renewal-cache`): the reports it read, each with its file's
//! modification time and size, and the files of every page it made.
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

/// The layout of the file; another one is not read.
const FORMAT: u32 = 2;

/// One report as the last build read it.
pub struct Read {
    pub stamp: Stamp,
    /// When it was read: a file changed within a second of that is read
    /// again whatever its stamp says.
    pub read_at: SystemTime,
    pub report: Arc<Report>,
    pub warnings: Vec<Diagnostic>,
    /// Where its line is in [`Kept::text`].
    line: std::ops::Range<usize>,
}

/// What the last build kept.
pub struct Kept {
    /// Its reports, in the site's order.
    pub reports: Vec<Read>,
    /// The files of each page it made, below the output folder.
    pub paths: HashMap<PageId, Vec<String>>,
    /// Where each metric's part of the site-wide open data is.
    pub data: Option<Parts>,
    /// The file as it was read: a report that did not change is written
    /// again as the line it was.
    text: String,
}

#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    key: String,
}

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

/// Reads what was kept at `at` for a build whose key is `key`.
pub fn read(at: &Path, key: &str) -> Option<Kept> {
    let text = std::fs::read_to_string(at).ok()?;
    let mut lines = text.split('\n');
    let head: Head = serde_json::from_str(lines.next()?).ok()?;
    if head.format != FORMAT || head.key != key {
        return None;
    }
    let paths: Vec<(PageId, Vec<String>)> = serde_json::from_str(lines.next()?).ok()?;
    let data: Option<Parts> = serde_json::from_str(lines.next()?).ok()?;
    let start = |line: &str| line.as_ptr() as usize - text.as_ptr() as usize;
    let lines: Vec<(&str, usize)> = lines
        .filter(|l| !l.is_empty())
        .map(|l| (l, start(l)))
        .collect();
    let reports: Option<Vec<Read>> = lines
        .par_iter()
        .map(|&(text, at)| {
            let line: Line<Report> = serde_json::from_str(text).ok()?;
            let mut report = line.report;
            report.slug_place = line.slug_place.map(|(line, column)| Place { line, column });
            report.value_districts = crate::load::report::value_districts(&report.metrics);
            Some(Read {
                stamp: (time(line.modified)?, line.size),
                read_at: time(line.read_at)?,
                report: Arc::new(report),
                warnings: line.warnings,
                line: at..at + text.len(),
            })
        })
        .collect();
    let reports = reports?;
    Some(Kept {
        reports,
        paths: paths.into_iter().collect(),
        data,
        text,
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
/// them, the files of each page, and the parts of the site-wide data; a
/// report `last` kept, unchanged, is written as it was. Best effort:
/// without it, the next build is a whole one.
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
    let head = Head {
        format: FORMAT,
        key: key.to_string(),
    };
    let mut pages: Vec<(&PageId, &Vec<String>)> = paths.iter().collect();
    pages.sort_by(|a, b| a.1.cmp(b.1));
    let lines: Option<Vec<String>> = reports
        .par_iter()
        .map(|report| {
            let (stamp, read_at, warnings) = cache.read(&report.file)?;
            if let (Some(read), Some(last)) = (kept.get(report.file.as_str()), last)
                && Arc::ptr_eq(&read.report, report)
                && (read.stamp, read.read_at) == (stamp, read_at)
                && let Some(line) = last.text.get(read.line.clone())
            {
                return Some(line.to_string());
            }
            let line = Line {
                modified: seconds(stamp.0),
                size: stamp.1,
                read_at: seconds(read_at),
                slug_place: report.slug_place.map(|p| (p.line, p.column)),
                warnings: warnings.to_vec(),
                report: &**report,
            };
            serde_json::to_string(&line).ok()
        })
        .collect();
    let (Some(lines), Ok(head), Ok(pages), Ok(data)) = (
        lines,
        serde_json::to_string(&head),
        serde_json::to_string(&pages),
        serde_json::to_string(&data),
    ) else {
        return;
    };
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 4096);
    for line in std::iter::once(&head).chain([&pages, &data]).chain(&lines) {
        text.push_str(line);
        text.push('\n');
    }
    let mut temp = at.as_os_str().to_owned();
    temp.push(".new");
    if std::fs::write(&temp, text).is_ok() {
        let _ = std::fs::rename(&temp, at);
    }
}
