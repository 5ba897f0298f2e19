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
//! - `.output.renewal-cache-base`: reports, one a record (about 11 MiB at
//!   10,000 reports), written by a whole build, and again only when the
//!   reports that changed since it was written grow past an eighth of it
//!   or an eighth of its reports are gone;
//! - `.output.renewal-cache`: the files of every page, where each metric's
//!   open data is, the site's index (so that the next build need not
//!   build the last one's again), the characters of each report in
//!   traditional script (which the search index's `chars.json` is made
//!   from, so that those reports are not read again), the reports that
//!   changed since the base
//!   was written, and the site's order of reports, by record of either
//!   file. It names the base it goes with; without it the base says
//!   nothing.
//!
//! Beside them, `.output.renewal-kept/` holds a hard link to each file of
//! the site-wide steps whose unchanged parts the next build takes again
//! (the open data and the search index), as this build wrote them, with
//! their size and modification time in the file of changes: the next
//! build reads those parts from its own store, never from the published
//! output, and a file changed since it was kept is made again whole. A
//! link costs no copy: the copy a build writes into replaces a file, and
//! never writes into one it shares.
//!
//! Each file is a series of records, each its length (four bytes, least
//! significant first) and its bytes, in postcard's compact binary form:
//! half the bytes of JSON, read back in about two thirds of the time.
//! Only the program that wrote them reads them (see [`key`]), so the form
//! need not be readable by any other.

use super::PageId;
use super::make::SiteFiles;
use crate::diagnostic::{Diagnostic, Place};
use crate::join::index::Index;
use crate::load::{ReportCache, Stamp};
use crate::model::{Report, Site};
use crate::publish::data::Parts;
use crate::publish::search::Originals;
use crate::render::Theme;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The layout of the files; another one is not read.
const FORMAT: u32 = 12;

/// One report as the last build read it.
pub struct Read {
    pub stamp: Stamp,
    /// When it was read: a file changed within a second of that is read
    /// again whatever its stamp says.
    pub read_at: SystemTime,
    pub report: Arc<Report>,
    pub warnings: Vec<Diagnostic>,
    /// Where its record is.
    record: Where,
}

/// Where a report's record is: in the base, by number, or in the file of
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
    pub paths: SiteFiles,
    /// Where each metric's part of the site-wide open data is.
    pub data: Option<Parts>,
    /// What the search step kept.
    pub originals: Option<Originals>,
    /// The index of the site it made: the same as one built again from
    /// its reports, joined again, and there to be taken instead.
    pub index: Option<Index>,
    /// The files kept linked beside the output (see [`kept_file`]), by
    /// their path below it, with their size and modification time then.
    pub files: HashMap<String, Fingerprint>,
    /// The base's name.
    base: String,
    /// The base as it was read, and where each of its records is: a new
    /// base takes the records of reports that did not change from it.
    base_bytes: Vec<u8>,
    base_records: Vec<std::ops::Range<usize>>,
    /// The file of changes as it was read: a changed report that did not
    /// change again is written again as the record it was, and so are the
    /// pages' files when none changed (they are at `paths_record`).
    changes: Vec<u8>,
    paths_record: std::ops::Range<usize>,
}

/// What tells a kept file from one changed since: its size and its
/// modification time, in nanoseconds.
pub type Fingerprint = (u64, u128);

fn fingerprint(meta: &std::fs::Metadata) -> Option<Fingerprint> {
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// The steps whose files the next build takes parts of again.
pub const TAKEN_AGAIN: [crate::publish::Step; 2] =
    [crate::publish::Step::OpenData, crate::publish::Step::Search];

/// The folder of kept links beside `output`.
pub fn links(output: &Path) -> std::path::PathBuf {
    crate::output::beside(output, "kept")
}

/// The file at `path` (below the output) as the last build kept it,
/// opened, if it is still as it was then.
pub fn kept_file(kept: &Kept, output: &Path, path: &str) -> Option<std::fs::File> {
    let expected = kept.files.get(path)?;
    let file = std::fs::File::open(links(output).join(path)).ok()?;
    (fingerprint(&file.metadata().ok()?)? == *expected).then_some(file)
}

/// Links the files of the steps in [`TAKEN_AGAIN`], as published in
/// `output` (`paths` says which they are), into the folder of kept links,
/// in place of what was there: their fingerprints, or what could be
/// linked. A link that is already to the published file stays; one to a
/// file the site no longer has goes.
fn link_files(output: &Path, paths: &SiteFiles) -> Vec<(String, Fingerprint)> {
    let folder = links(output);
    let steps = TAKEN_AGAIN.map(|step| PageId {
        edition: 0,
        key: super::Key::Step(step),
    });
    let files: rustc_hash::FxHashSet<&String> = steps
        .iter()
        .filter_map(|id| paths.get(id))
        .flatten()
        .collect();
    // Links to files no longer published.
    for entry in walkdir::WalkDir::new(&folder)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
    {
        let rel = crate::diagnostic::shown_path(&folder, entry.path());
        if !files.contains(&rel) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let mut kept: Vec<(String, Fingerprint)> = files
        .into_par_iter()
        .filter_map(|path| {
            let (from, to) = (output.join(path), folder.join(path));
            let published = std::fs::symlink_metadata(&from).ok()?;
            let linked = std::fs::symlink_metadata(&to)
                .is_ok_and(|kept| crate::output::same_file(&kept, &published));
            if !linked {
                let _ = std::fs::remove_file(&to);
                std::fs::create_dir_all(to.parent()?).ok()?;
                std::fs::hard_link(&from, &to).ok()?;
            }
            Some((path.clone(), fingerprint(&published)?))
        })
        .collect();
    kept.sort_unstable();
    kept
}

#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    key: String,
    /// The base's name, which the file of changes names too.
    base: String,
}

/// The file of changes, after its head: the site's reports in order, each
/// as a record of the base (its number) or of this file (the base's count
/// and more).
#[derive(Serialize, Deserialize)]
struct Order(Vec<u32>);

/// One report, in a record of its own.
#[derive(Serialize, Deserialize)]
struct Entry<R> {
    modified: (u64, u32),
    size: u64,
    read_at: (u64, u32),
    slug_place: Option<(usize, usize)>,
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

/// What the kept file must have been made for: the language renewal
/// speaks (the warnings kept are worded in it), this version of renewal
/// (and this very program: one built again from other sources may make
/// other pages under the same version number), the site folder, its
/// `site.yaml`, every file of its theme, the build date and the snapshots
/// in `archive/` (their names and when each was taken).
pub fn key(root: &Path, theme: &Theme, archive: &[crate::snapshot::Listed]) -> String {
    let mut hash = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    part(env!("CARGO_PKG_VERSION").as_bytes());
    // The warnings kept are worded in the language chosen.
    part(crate::i18n::messages::language().tag().as_bytes());
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
    // A day later, a target may be overdue on every page that shows it.
    part(crate::model::date::today().to_string().as_bytes());
    // A snapshot taken or withdrawn changes what the footers link to.
    for snapshot in archive {
        part(snapshot.name.as_bytes());
        part(snapshot.taken.as_bytes());
    }
    for (name, text) in &theme.texts {
        part(name.as_bytes());
        part(text.as_bytes());
    }
    for (name, origin) in &theme.origins {
        part(name.as_bytes());
        part(origin.key().as_bytes());
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

/// Where each record of `bytes` is; `None` if they are not whole records.
fn records(bytes: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let head = bytes.get(at..at + 4)?;
        let len = u32::from_le_bytes(head.try_into().ok()?) as usize;
        let start = at + 4;
        let end = start.checked_add(len).filter(|&end| end <= bytes.len())?;
        found.push(start..end);
        at = end;
    }
    Some(found)
}

/// The value a record holds, and nothing more.
fn decode<'a, T: Deserialize<'a>>(record: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes(record) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// Adds `value` to `out` as a record: its length, then its bytes, made in
/// place.
fn push_value<T: Serialize>(mut out: Vec<u8>, value: &T) -> Option<Vec<u8>> {
    let start = out.len();
    out.extend_from_slice(&[0; 4]);
    let mut out = postcard::to_extend(value, out).ok()?;
    let len = u32::try_from(out.len() - start - 4).ok()?;
    out[start..start + 4].copy_from_slice(&len.to_le_bytes());
    Some(out)
}

/// Adds `record` to `out` (bytes or a file), after its length.
fn push_record(out: &mut impl std::io::Write, record: &[u8]) -> Option<()> {
    out.write_all(&u32::try_from(record.len()).ok()?.to_le_bytes())
        .ok()?;
    out.write_all(record).ok()
}

/// Reads what was kept at `at` (and its base) for a build whose key is
/// `key`.
pub fn read(at: &Path, key: &str) -> Option<Kept> {
    // Both files at once, the base being most of the bytes; then the rest
    // of the file of changes (the files of every page above all) is read
    // while the reports are.
    let (changes, base_bytes) =
        rayon::join(|| std::fs::read(at).ok(), || std::fs::read(base(at)).ok());
    let (changes, base_bytes) = (changes?, base_bytes?);
    let found = records(&changes)?;
    let record = |n: usize| found.get(n).map(|r| &changes[r.clone()]);
    let head: Head = decode(record(0)?)?;
    if head.format != FORMAT || head.key != key {
        return None;
    }
    let Order(order) = decode(record(3)?)?;
    let base_found = records(&base_bytes)?;
    let base_head: Head = decode(&base_bytes[base_found.first()?.clone()])?;
    if base_head.format != FORMAT || base_head.key != key || base_head.base != head.base {
        return None;
    }
    let base_records = base_found[1..].to_vec();
    let changed_records = found.get(7..)?;
    let count = base_records.len();
    let parse = |(bytes, at): (&[u8], Where)| -> Option<Read> {
        let entry: Entry<Report> = decode(bytes)?;
        let mut report = entry.report;
        report.slug_place = entry
            .slug_place
            .map(|(line, column)| Place { line, column });
        report.value_districts = crate::load::report::value_districts(&report.metrics);
        Some(Read {
            stamp: (time(entry.modified)?, entry.size),
            read_at: time(entry.read_at)?,
            report: Arc::new(report),
            warnings: entry.warnings,
            record: at,
        })
    };
    // Only the records the order names are read, each once.
    let mut named = vec![false; count + changed_records.len()];
    let mut wanted = Vec::with_capacity(order.len());
    for &n in &order {
        let n = n as usize;
        if std::mem::replace(named.get_mut(n)?, true) {
            return None;
        }
        wanted.push(match n.checked_sub(count) {
            None => (&base_bytes[base_records[n].clone()], Where::Base(n as u32)),
            Some(c) => {
                let range = changed_records[c].clone();
                (&changes[range.clone()], Where::Changes(range))
            }
        });
    }
    let rest = || {
        let paths: Vec<(PageId, Vec<String>)> = decode(record(1)?)?;
        let data: Option<Parts> = decode(record(2)?)?;
        let index: Index = decode(record(4)?)?;
        let files: Vec<(String, Fingerprint)> = decode(record(5)?)?;
        let originals: Option<Originals> = decode(record(6)?)?;
        let (paths, files) = (paths.into_iter().collect(), files.into_iter().collect());
        Some((paths, data, index, files, originals))
    };
    let (rest, reports) = rayon::join(rest, || {
        wanted
            .into_par_iter()
            .map(parse)
            .collect::<Option<Vec<Read>>>()
    });
    let (paths, data, index, files, originals) = rest?;
    let paths_record = found.get(1)?.clone();
    Some(Kept {
        reports: reports?,
        paths,
        data,
        originals,
        index: Some(index),
        files,
        base: head.base,
        base_bytes,
        base_records,
        changes,
        paths_record,
    })
}

/// Whether the `index` kept can be that of `site` (made again from what
/// was kept): of as many reports, metrics, places and topics, with every
/// number that points into a list within it. What a damaged file holds
/// otherwise is not read past the end of a list.
pub fn fits(index: &Index, site: &Site) -> bool {
    let (reports, metrics, config) = (site.reports.len(), &site.metrics, &site.config);
    let members = |m: &crate::join::index::Members| {
        m.reports.iter().all(|&r| r < reports) && m.metrics.iter().all(|&m| m < metrics.len())
    };
    let cities = config.cities.len();
    let shape = index.cities.len() == cities
        && index.districts.len() == cities
        && index.paces.len() == cities
        && (config.cities.iter().enumerate()).all(|(c, city)| {
            index.districts[c].len() == city.districts.len()
                && index.paces[c].len() == city.districts.len() + 1
        })
        && index.topics.len() == config.topics.len()
        && index.report_city.len() == reports
        && index.metric_city.len() == metrics.len();
    shape
        && (index.report_city.iter().chain(&index.metric_city)).all(|&c| c < cities)
        && (index.cities.iter())
            .chain(index.districts.iter().flatten())
            .chain(index.years.iter().map(|(_, m)| m))
            .chain(&index.topics)
            .all(members)
        && (index.headline.iter())
            .all(|&(m, s)| metrics.get(m).is_some_and(|m| s < m.standings.len()))
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

/// What a build made, besides its reports: the files of each page, the
/// parts of the site-wide data, and the site's index.
#[derive(Clone, Copy)]
pub struct Made<'a> {
    /// The output folder the build wrote.
    pub output: &'a Path,
    pub paths: &'a SiteFiles,
    /// Whether `paths` are those the last build kept.
    pub same_paths: bool,
    pub data: Option<&'a Parts>,
    pub originals: Option<&'a Originals>,
    pub index: &'a Index,
}

/// Writes what the next build needs to `at`: the `reports` as `cache` read
/// them, and what the build `made`. The base `last` read is kept while the
/// reports changed since are few; a report that did not change is written
/// as it was. Best effort: without it, the next build is a whole one.
pub fn write(
    at: &Path,
    key: &str,
    reports: &[Arc<Report>],
    cache: &ReportCache,
    made: &Made,
    last: Option<&Kept>,
) {
    let Made {
        output,
        paths,
        same_paths,
        data,
        originals,
        index,
    } = *made;
    let kept: HashMap<&str, &Read> = last
        .map(|k| {
            k.reports
                .iter()
                .map(|r| (r.report.file.as_str(), r))
                .collect()
        })
        .unwrap_or_default();
    let record = |r: usize| {
        let report = &reports[r];
        let (stamp, read_at, warnings) = cache.read(&report.file)?;
        if let (Some(read), Some(last)) = (kept.get(report.file.as_str()), last)
            && Arc::ptr_eq(&read.report, report)
            && (read.stamp, read.read_at) == (stamp, read_at)
        {
            match &read.record {
                Where::Base(n) => return Some(Saved::Base(*n)),
                Where::Changes(range) => {
                    if let Some(record) = last.changes.get(range.clone()) {
                        return Some(Saved::Bytes(record.into()));
                    }
                }
            }
        }
        let entry = Entry {
            modified: seconds(stamp.0),
            size: stamp.1,
            read_at: seconds(read_at),
            slug_place: report.slug_place.map(|p| (p.line, p.column)),
            warnings: warnings.to_vec(),
            report: &**report,
        };
        postcard::to_stdvec(&entry)
            .ok()
            .map(|record| Saved::Bytes(record.into()))
    };
    let mut order = Vec::with_capacity(reports.len());
    let records: Vec<Saved>;
    let mut texts: Vec<&[u8]> = Vec::new();
    let name = match last {
        // Nothing kept to take records from: a new base, its records made
        // a batch at a time as it is written.
        None => {
            let Some(name) = new_base(at, key, reports.len(), &record, None) else {
                return;
            };
            order.extend(0..reports.len() as u32);
            name
        }
        Some(last) => {
            let made: Option<Vec<Saved>> = (0..reports.len()).into_par_iter().map(record).collect();
            let Some(made) = made else {
                return;
            };
            records = made;
            // The base stays while what changed since is an eighth of it
            // or less, and at most an eighth of its records are of reports
            // now gone.
            let changed: usize = (records.iter())
                .map(|l| match l {
                    Saved::Bytes(bytes) => bytes.len(),
                    Saved::Base(_) => 0,
                })
                .sum();
            let kept_records = (records.iter())
                .filter(|l| matches!(l, Saved::Base(_)))
                .count();
            let count = last.base_records.len();
            if changed <= last.base_bytes.len() / 8
                && count.saturating_sub(kept_records) <= count / 8
            {
                for record in &records {
                    order.push(match record {
                        Saved::Base(n) => *n,
                        Saved::Bytes(bytes) => {
                            texts.push(bytes);
                            (count + texts.len() - 1) as u32
                        }
                    });
                }
                last.base.clone()
            } else {
                // A new base, of every report: records of the last one
                // are taken from it.
                let again = |r: usize| {
                    Some(match &records[r] {
                        Saved::Base(n) => Saved::Base(*n),
                        Saved::Bytes(bytes) => Saved::Bytes(std::borrow::Cow::Borrowed(bytes)),
                    })
                };
                let Some(name) = new_base(at, key, records.len(), &again, Some(last)) else {
                    return;
                };
                order.extend(0..records.len() as u32);
                name
            }
        }
    };
    let head = Head {
        format: FORMAT,
        key: key.to_string(),
        base: name,
    };
    // Each record made in place, after its length: 4 MiB of pages' files
    // are not copied from one buffer to another.
    let out = Vec::with_capacity(last.map_or(0, |l| l.changes.len()) + (1 << 20));
    let out = push_value(out, &head).and_then(|mut out| {
        // The pages' files as the last build kept them, if they are the
        // same; else made again, in the same order.
        match last.and_then(|l| l.changes.get(l.paths_record.clone())) {
            Some(kept) if same_paths => push_record(&mut out, kept).map(|_| out),
            _ => push_value(out, &in_order(paths)),
        }
    });
    let out = out
        .and_then(|out| push_value(out, &data))
        .and_then(|out| push_value(out, &Order(order)))
        .and_then(|out| push_value(out, index))
        .and_then(|out| push_value(out, &link_files(output, paths)))
        .and_then(|out| push_value(out, &originals));
    let Some(mut out) = out else {
        return;
    };
    for record in texts {
        if push_record(&mut out, record).is_none() {
            return;
        }
    }
    let _ = replace(at, &out);
}

/// The pages and their files in the same order every time, cheaply: by a
/// hash of their files (no two pages have the same ones), there being tens
/// of thousands.
fn in_order(paths: &SiteFiles) -> Vec<(&PageId, &Vec<String>)> {
    let hash = |files: &Vec<String>| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        files.hash(&mut hasher);
        hasher.finish()
    };
    let mut pages: Vec<(u64, &PageId, &Vec<String>)> = paths
        .par_iter()
        .map(|(id, files)| (hash(files), id, files))
        .collect();
    pages.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(b.2)));
    pages.into_iter().map(|(_, id, f)| (id, f)).collect()
}

/// A report's record for the next build: a record of the last base, by
/// number, or its bytes.
enum Saved<'a> {
    Base(u32),
    Bytes(std::borrow::Cow<'a, [u8]>),
}

/// Reports whose records are made at once for a new base, and written
/// before the next are made.
const BASE_BATCH: usize = 4096;

/// Writes a new base for `at` with the records of the `count` reports,
/// `record(r)` being report `r`'s (those of the last base taken from it),
/// made and written a batch at a time: its name.
fn new_base<'a>(
    at: &Path,
    key: &str,
    count: usize,
    record: &(dyn Fn(usize) -> Option<Saved<'a>> + Sync),
    last: Option<&Kept>,
) -> Option<String> {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let name = format!("{}-{}", since.as_nanos(), std::process::id());
    let head = postcard::to_stdvec(&Head {
        format: FORMAT,
        key: key.to_string(),
        base: name.clone(),
    })
    .ok()?;
    let at = base(at);
    let mut temp = at.as_os_str().to_owned();
    temp.push(".new");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&temp).ok()?);
    let written = (|| {
        push_record(&mut out, &head)?;
        for from in (0..count).step_by(BASE_BATCH) {
            let batch = from..count.min(from + BASE_BATCH);
            let made: Option<Vec<Saved>> = batch.into_par_iter().map(record).collect();
            for saved in made? {
                let record = match &saved {
                    Saved::Bytes(bytes) => bytes,
                    Saved::Base(n) => {
                        let last = last?;
                        last.base_bytes
                            .get(last.base_records.get(*n as usize)?.clone())?
                    }
                };
                push_record(&mut out, record)?;
            }
        }
        out.into_inner().ok()
    })();
    // A base that could not be written whole is not left behind.
    if written.is_none() || std::fs::rename(&temp, &at).is_err() {
        let _ = std::fs::remove_file(&temp);
        return None;
    }
    Some(name)
}

/// Puts `bytes` at `at` by writing them beside it and renaming.
fn replace(at: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = at.as_os_str().to_owned();
    temp.push(".new");
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_index_is_taken_only_if_every_number_in_it_fits_the_site() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let bodies = crate::load::body::Bodies::new().unwrap();
        let (site, _, _) =
            super::super::load_all(&root, false, None, None, &bodies, || None).unwrap();
        let index = Index::build(&site);
        assert!(fits(&index, &site));
        let damaged: [&dyn Fn(&mut Index); 5] = [
            &|i| i.cities[0].reports.push(site.reports.len()),
            &|i| i.topics[0].metrics.push(site.metrics.len()),
            &|i| i.report_city[0] = site.config.cities.len(),
            &|i| drop(i.districts[0].pop()),
            &|i| i.headline.push((0, usize::MAX)),
        ];
        for damage in damaged {
            let mut index = index.clone();
            damage(&mut index);
            assert!(!fits(&index, &site), "{index:?}");
        }
    }
}
