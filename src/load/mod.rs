//! Loading: the site's files become a validated configuration and reports.
//!
//! `site.yaml` is read by [`config`]; each report under `content/` is read
//! as text ([`source`]), cut at its front matter ([`front_matter`]), read
//! as YAML ([`yaml`]) and checked against the configuration ([`report`]).
//! Reports are parsed in parallel, and each file is read once: its body is
//! prepared as it is read ([`body`]: its HTML, anchors, links and text)
//! and kept out of memory until a page, the search index or the link check
//! asks for it. Every problem is collected, so one run lists them all.

pub mod body;
pub mod config;
pub mod front_matter;
pub mod lines;
pub mod markdown;
pub mod report;
pub mod slips;
pub mod source;
pub mod yaml;

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::config::Config;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use std::path::Path;

pub use config::CONFIG_FILE;

/// Reads and validates `site.yaml`.
pub fn load_config(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    match read_config(root) {
        (Some(config), problems) if problems.is_empty() => Ok(config),
        (_, problems) => Err(problems),
    }
}

/// Reads `site.yaml` into a configuration whenever its YAML can be read,
/// with every problem found in it (see [`config::parse_all`]).
pub fn read_config(root: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    let config_path = root.join(CONFIG_FILE);
    let config_text = source::read_text(&config_path).map_err(|(line, column, message)| {
        let message = if config_path.exists() {
            message
        } else {
            crate::say!("no-site-yaml", dir = root.display().to_string())
        };
        vec![Diagnostic::at(CONFIG_FILE, line, column, None, message)]
    });
    match config_text {
        Ok(text) => {
            let (mut config, problems) = config::parse_all(&text);
            if let Some(config) = &mut config {
                config.archive = crate::snapshot::listed(root);
            }
            (config, problems)
        }
        Err(problems) => (None, problems),
    }
}

/// The reports of a site, and every problem found in them.
pub struct Loaded {
    /// Every report whose front matter could be read, problems or not,
    /// newest first (by publication date, then by slug).
    pub reports: Vec<std::sync::Arc<Report>>,
    pub problems: Vec<Diagnostic>,
    /// Metric ids that reports with problems may introduce (see [`Unread`]).
    pub unread_ids: Unread,
}

/// Metric ids that reports which could not be read whole may introduce.
/// An update of such an id is not called undefined until those reports
/// are fixed; an update of any other id is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Unread {
    /// Every `id:` value written in them, as written and as an id would
    /// be spelt (`Test-Gas-Mains` may be meant as `test-gas-mains`).
    #[default]
    None,
    Ids(BTreeSet<String>),
    /// A file could not be read at all: any id may be in it.
    Any,
}

impl Unread {
    pub fn contains(&self, id: &str) -> bool {
        match self {
            Unread::None => false,
            Unread::Ids(ids) => ids.contains(id),
            Unread::Any => true,
        }
    }

    fn add(&mut self, ids: Option<Vec<String>>) {
        match (ids, &mut *self) {
            (_, Unread::Any) => {}
            (None, _) => *self = Unread::Any,
            (Some(ids), Unread::Ids(set)) => set.extend(ids),
            (Some(ids), Unread::None) if ids.is_empty() => {}
            (Some(ids), Unread::None) => *self = Unread::Ids(ids.into_iter().collect()),
        }
    }
}

/// For one report file: its report, its problems, and the ids written in
/// it when it could not be read whole (`None` when it could not be read at
/// all).
type Parsed = (
    Option<std::sync::Arc<Report>>,
    Vec<Diagnostic>,
    Option<Vec<String>>,
);

/// When a file was last changed, and its size: what tells a changed file
/// from one that was only read.
pub type Stamp = (std::time::SystemTime, u64);

/// Reports read before, by file, with when each file was last changed: a
/// preview that keeps one reads again only the files that changed. It
/// holds for one configuration; make a new one when `site.yaml` changes.
///
/// A file is trusted unchanged only when its size and modification time
/// are the same and that time was more than a second before it was read:
/// some file systems keep times to the second, and a second save within
/// the same second would otherwise go unseen.
///
/// A preview that is told by a watcher which files changed says so with
/// [`ReportCache::only_changed`]: then only those files are read again,
/// and the others are not even looked at; when the changed files are all
/// reports read before and still there, `content/` is not walked again.
#[derive(Default)]
pub struct ReportCache {
    entries: HashMap<String, (Stamp, std::time::SystemTime, Parsed)>,
    changed: Option<HashSet<String>>,
    /// What the last walk of `content/` found: the report files, and the
    /// problems with the others.
    walked: Option<(Vec<String>, Vec<Diagnostic>)>,
    /// The reports' order last time, newest first, as positions in the
    /// walked files; kept only while no two reports had the same address.
    order: Option<Vec<usize>>,
    /// A walk of `content/` made for the next reading, with each file's
    /// stamp (see [`survey`]).
    surveyed: Option<Survey>,
}

/// The report files under `content/` (paths from the site root), the
/// problems with the others, and each file's [`Stamp`], in the order
/// found.
pub struct Survey {
    files: Vec<String>,
    problems: Vec<Diagnostic>,
    stamps: Vec<Option<Stamp>>,
}

/// Walks `content/` and looks at each report file's stamp, without
/// reading it: a build does this on a thread of its own while it reads
/// what the last build kept, and hands it to the reading with
/// [`ReportCache::surveyed`]. A file whose stamp is taken here and that
/// changes before it would be read is read as it is then, and read again
/// by the next build, its stamp being older than its time.
pub fn survey(root: &Path) -> Survey {
    let (files, problems) = source::report_files(root);
    let stamps = files.iter().map(|file| stamp(&root.join(file))).collect();
    Survey {
        files,
        problems,
        stamps,
    }
}

impl ReportCache {
    /// For the next reading only: the files (paths from the site root)
    /// that changed since the last; every other file read before is taken
    /// as it was.
    pub fn only_changed(&mut self, files: &[String]) {
        self.changed = Some(files.iter().cloned().collect());
    }

    /// For the next reading only: the files and their stamps, as
    /// [`survey`] found them just before, instead of walking `content/`
    /// and looking at each file again.
    pub fn surveyed(&mut self, survey: Survey) {
        self.surveyed = Some(survey);
    }

    /// Takes `report`, with its `warnings`, as read from `file` at
    /// `read_at`, when the file's stamp was `stamp` (what a build kept).
    pub fn remember(
        &mut self,
        file: &str,
        stamp: Stamp,
        read_at: std::time::SystemTime,
        report: std::sync::Arc<Report>,
        warnings: Vec<Diagnostic>,
    ) {
        let parsed = (Some(report), warnings, Some(Vec::new()));
        self.entries
            .insert(file.to_string(), (stamp, read_at, parsed));
    }

    /// The stamp of `file` when it was last read, when that was, and the
    /// warnings found in it, if it was read whole.
    pub fn read(&self, file: &str) -> Option<(Stamp, std::time::SystemTime, &[Diagnostic])> {
        match self.entries.get(file) {
            Some((stamp, read_at, (Some(_), problems, _)))
                if problems.iter().all(|p| p.warning) =>
            {
                Some((*stamp, *read_at, problems))
            }
            _ => None,
        }
    }
}

/// The [`Stamp`] of the file at `path`, if there is one.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Reads and validates every report under `root/content`. Problems come
/// back together with the reports, so that checks across reports still
/// run on whatever could be read. With a `cache`, a file unchanged since
/// it was last read is not read again.
pub fn reports(
    root: &Path,
    config: &Config,
    mut cache: Option<&mut ReportCache>,
    bodies: Option<&body::Bodies>,
) -> Loaded {
    let changed = cache.as_deref_mut().and_then(|c| c.changed.take());
    let same_files = |c: &ReportCache, changed: &HashSet<String>| {
        changed.iter().all(|file| {
            c.entries.contains_key(file)
                && std::fs::symlink_metadata(root.join(file)).is_ok_and(|m| m.is_file())
        })
    };
    // The files found last time, when no report can have appeared or gone.
    let walked = match (cache.as_deref_mut(), &changed) {
        (Some(c), Some(changed)) if same_files(c, changed) => c.walked.take(),
        _ => None,
    };
    let rewalked = walked.is_none();
    let surveyed = cache.as_deref_mut().and_then(|c| c.surveyed.take());
    let (files, walk_errors, stamps) = match (walked, surveyed) {
        (Some((files, problems)), _) => (files, problems, None),
        (None, Some(s)) => (s.files, s.problems, Some(s.stamps)),
        (None, None) => {
            let (files, problems) = source::report_files(root);
            (files, problems, None)
        }
    };
    let mut errors = walk_errors.clone();
    let known = cache.as_deref();
    let parsed: Vec<(Parsed, Option<Stamp>, bool)> = files
        .par_iter()
        .enumerate()
        .map(|(at, file)| {
            if let (Some(changed), Some(c)) = (&changed, known)
                && !changed.contains(file)
                && let Some((_, _, parsed)) = c.entries.get(file)
            {
                return (parsed.clone(), None, false);
            }
            let now = known.and_then(|_| match &stamps {
                Some(stamps) => stamps[at],
                None => stamp(&root.join(file)),
            });
            if let Some((when, read_at, parsed)) = known.and_then(|c| c.entries.get(file))
                && Some(*when) == now
                && when.0 + std::time::Duration::from_secs(1) < *read_at
            {
                return (parsed.clone(), now, false);
            }
            (parse_file(root, file, config, bodies), now, true)
        })
        .collect();
    // The order of last time still holds when the same files are there and
    // every report read again kept its address and date.
    let kept_order = match known {
        Some(c) if !rewalked => c.order.clone().filter(|_| {
            files.iter().zip(&parsed).all(|(file, (new, _, fresh))| {
                let key = |r: &Report| (r.published, r.slug.clone());
                !fresh
                    || matches!(
                        (c.entries.get(file), &new.0),
                        (Some((_, _, (Some(old), _, _))), Some(new)) if key(old) == key(new)
                    )
            })
        }),
        _ => None,
    };
    let mut unread_ids = Unread::None;
    let mut present = Vec::with_capacity(parsed.len());
    for (at, ((report, problems, ids), _, _)) in parsed.iter().enumerate() {
        if report.is_some() {
            present.push(at);
        }
        unread_ids.add(ids.clone());
        errors.extend(problems.iter().cloned());
    }
    // The order, and whether a later reading may keep it.
    let (order, keepable) = match kept_order {
        Some(order) => (order, true),
        None => {
            let report = |at: &usize| parsed[*at].0.0.as_deref();
            let mut slugs: HashMap<&str, &Report> =
                HashMap::with_capacity_and_hasher(present.len(), Default::default());
            let mut taken = false;
            for r in present.iter().filter_map(report) {
                if let Some(first) = slugs.insert(&r.slug, r) {
                    errors.push(same_address(r, first));
                    taken = true;
                }
            }
            // Newest first, then by address; the same address twice stays
            // in the order the files were found.
            present.sort_unstable_by(|a, b| {
                let by_date = match (report(a), report(b)) {
                    (Some(x), Some(y)) => y
                        .published
                        .cmp(&x.published)
                        .then_with(|| x.slug.cmp(&y.slug)),
                    _ => std::cmp::Ordering::Equal,
                };
                by_date.then(a.cmp(b))
            });
            // A later reading may keep this order only if no address was
            // taken twice: otherwise it would have to say so again.
            (present, !taken)
        }
    };
    let reports: Vec<_> = order
        .iter()
        .filter_map(|&at| parsed[at].0.0.clone())
        .collect();
    if let Some(cache) = cache {
        let read_at = std::time::SystemTime::now();
        if rewalked {
            let present: HashSet<&String> = files.iter().collect();
            cache.entries.retain(|file, _| present.contains(file));
        }
        for (file, (parsed, now, fresh)) in files.iter().zip(parsed) {
            if let (true, Some(now)) = (fresh, now) {
                cache.entries.insert(file.clone(), (now, read_at, parsed));
            }
        }
        cache.order = keepable.then_some(order);
        cache.walked = Some((files, walk_errors));
    }
    Loaded {
        reports,
        problems: errors,
        unread_ids,
    }
}

/// Reads, parses and checks one report file, and prepares its body into
/// `bodies` if it has no error.
fn parse_file(root: &Path, file: &str, config: &Config, bodies: Option<&body::Bodies>) -> Parsed {
    let path = root.join(file);
    match source::read_text(&path) {
        Ok(text) => {
            let (report, problems) = report::parse(file, &text, config);
            let whole = report.is_some() && problems.iter().all(|p| p.warning);
            if let (Some(bodies), Some(report), true) = (bodies, &report, whole) {
                bodies.keep(file, &text, report.language, body::both_scripts(config));
            }
            let ids = if whole {
                Some(Vec::new())
            } else {
                ids_written_in(&text)
            };
            (report.map(std::sync::Arc::new), problems, ids)
        }
        Err((line, column, message)) => {
            let ids = std::fs::read(&path)
                .ok()
                .and_then(|bytes| ids_written_in(&String::from_utf8_lossy(&bytes)));
            let problem = Diagnostic::at(file, line, column, None, message);
            (None, vec![problem], ids)
        }
    }
}

/// The error for `report`, whose address `first` already has: at its
/// `slug:` line, or saying that its file name gives the address.
fn same_address(report: &Report, first: &Report) -> Diagnostic {
    let address = format!("/reports/{}/", report.slug);
    let how = |r: &Report| match r.slug_place {
        Some(place) => {
            let place = format!("{}:{}:{}", r.file, place.line, place.column);
            crate::say!("address-by-slug", place = place)
        }
        None => crate::say!("address-by-file", file = &r.file),
    };
    match report.slug_place {
        Some(place) => Diagnostic::at(
            &report.file,
            place.line,
            place.column,
            Some("slug".into()),
            crate::say!("address-taken", address = &address, how = how(first)),
        ),
        None => Diagnostic::file(
            &report.file,
            crate::say!(
                "address-taken-by-file",
                address = &address,
                how = how(first)
            ),
        ),
    }
}

/// The values of every `id:` in a file that could not be read whole, in
/// block or flow style: the metric ids it may introduce, as written and as
/// an id would be spelt. `None` when an `id:` is left empty: that metric
/// may be meant for any id.
fn ids_written_in(text: &str) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    for line in text.split(['\n', '\r']) {
        let mut rest = line;
        while let Some(at) = rest.find("id") {
            let before = rest[..at].chars().next_back();
            let after = rest[at + 2..].trim_start_matches([' ', '\u{3000}']);
            rest = &rest[at + 2..];
            let starts = before.is_none_or(|c| matches!(c, ' ' | '-' | '{' | ',' | '\t'));
            let Some(value) = after.strip_prefix([':', '：']).filter(|_| starts) else {
                continue;
            };
            let value = value.split([',', '}', '#']).next().unwrap_or_default();
            let written = value.trim().trim_matches(['"', '\'', '[', ']']).to_string();
            if written.is_empty() {
                return None;
            }
            let spelt: String = written
                .to_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            ids.extend([written, spelt].into_iter().filter(|id| !id.is_empty()));
        }
    }
    Some(ids)
}
