//! The build, start to finish: the one place that knows the order of stages.
//!
//! load (config, reports) → join → index → pages planned → each page made,
//! rendered and written, in parallel → swap. Loading returns every problem
//! it finds instead of stopping, so one run lists every error, and nothing
//! is written unless there are none. Each page is rendered, written to the
//! staging folder and dropped, so memory holds the model, not the site.
//! Output is byte-identical whatever the thread timing: every page is a
//! function of the model alone, and problems are sorted before they are
//! shown.

mod kept;

use crate::diagnostic::Diagnostic;
use crate::join::index::{Index, Listing};
use crate::load::{CONFIG_FILE, ReportCache};
use crate::model::Site;
use crate::model::config::Config;
use crate::output::{Bytes, InPlace, Staging, WriteError};
use crate::pages::{self, Page, Shared, edition};
use crate::render::{self, Theme};
use crate::{join, load, publish};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Why a build did not produce a site.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the site's files; nothing was written.
    Content(Vec<Diagnostic>),
    /// The output could not be written; the previous output is intact.
    Write(String),
}

/// What a build made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub reports: usize,
    pub metrics: usize,
    /// Files written (or, for `check`, that would be written).
    pub files: usize,
    pub bytes: u64,
    /// Of those, the files whose bytes changed and were written (the rest
    /// were already right); for `check`, 0.
    pub written: usize,
    /// Suspicious but publishable things found, in file order.
    pub warnings: Vec<Diagnostic>,
    /// For a build that made only what changed: how many report files
    /// changed, and how many files it made (`files` still counts the
    /// whole site's; `bytes`, only those made).
    pub remade: Option<(usize, usize)>,
}

/// A display of how far a build has come: told how many pages there are
/// once the site is read, then once per page rendered, from any thread.
pub struct Progress<'a> {
    pub start: &'a (dyn Fn(usize) + Sync),
    pub tick: &'a (dyn Fn() + Sync),
}

/// Whether `problems` hold an error, not only warnings.
fn has_errors(problems: &[Diagnostic]) -> bool {
    problems.iter().any(|p| !p.warning)
}

/// Reads, validates and joins the reports of the site at `root`, whose
/// configuration is `config`. The site comes back unless there is an
/// error (warnings alone do not hold it back), with every problem found.
/// With the site `before` an edit (same configuration, reports read
/// through the same `cache`), only the metrics of the reports read again
/// are joined again, as long as the reports keep their order. `before` is
/// worked out on another thread while the reports are read.
fn load_site<'b>(
    root: &Path,
    config: Config,
    cache: Option<&mut ReportCache>,
    before: impl FnOnce() -> Option<&'b Site> + Send,
) -> (Option<Site>, Vec<Diagnostic>) {
    let (loaded, before) = rayon::join(|| load::reports(root, &config, cache), before);
    let load::Loaded {
        mut reports,
        mut problems,
        unread_ids,
    } = loaded;
    reports.shrink_to_fit();
    let in_order = |old: &Site| {
        old.reports.len() == reports.len()
            && old
                .reports
                .iter()
                .zip(&reports)
                .all(|(a, b)| a.slug == b.slug)
    };
    let joined = match before.filter(|old| unread_ids == load::Unread::None && in_order(old)) {
        Some(old) => join::join_again(&reports, &config, &old.reports, &old.metrics),
        None => join::join(&reports, &config, &unread_ids),
    };
    let metrics = match joined {
        Ok(metrics) => Some(metrics),
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    let site = metrics
        .filter(|_| !has_errors(&problems))
        .map(|metrics| Site {
            config,
            reports,
            metrics,
        });
    (site, problems)
}

/// Loads the site and its theme, with the warnings found; or every problem
/// found, content and templates together. With `strict`, warnings count
/// as errors. A `kept` theme, already prepared for the same site.yaml, is
/// used instead of reading the theme again. `before` gives the site
/// before an edit (see [`load_site`]).
fn load_all<'b>(
    root: &Path,
    strict: bool,
    cache: Option<&mut ReportCache>,
    kept: Option<Theme>,
    before: impl FnOnce() -> Option<&'b Site> + Send,
) -> Result<(Site, Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (config, mut problems) = load::read_config(root);
    let Some(config) = config else {
        return Err(problems);
    };
    let prepared = kept.is_some();
    let theme = match kept {
        Some(theme) => Ok(theme),
        None => render::theme::load(root, &config),
    };
    let (site, more) = load_site(root, config, cache, before);
    problems.extend(more);
    problems.extend(crate::snapshot::problems(root));
    let theme = match theme {
        Ok(theme) => {
            problems.extend(theme.warnings.iter().cloned());
            Some(theme)
        }
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    if strict {
        for problem in problems.iter_mut().filter(|p| p.warning) {
            problem.warning = false;
            problem
                .message
                .push_str(" (an error here: warnings are denied)");
        }
    }
    problems.sort();
    match (site, theme) {
        (Some(site), Some(mut theme)) if !has_errors(&problems) => {
            if !prepared {
                render::prepare(&mut theme, &site.config);
            }
            Ok((site, theme, problems))
        }
        _ => Err(problems),
    }
}

/// Where rendered files go: the staging folder, or nowhere for `check`.
type Writer<'a> = dyn Fn(&str, Bytes<'_>) -> Result<u64, WriteError> + Sync + 'a;

/// The paths of every page's files, one after another in one text, each
/// after a NUL, while pages are being made. Held there rather than as a
/// string each: a few hundred thousand small strings kept among the
/// short-lived ones of rendering would keep much of the memory those
/// used from being given back.
#[derive(Default)]
struct Written(Mutex<String>);

impl Written {
    /// Keeps `paths`: where they are.
    fn keep(&self, paths: &[String]) -> std::ops::Range<usize> {
        let Ok(mut all) = self.0.lock() else {
            return 0..0;
        };
        let start = all.len();
        for path in paths {
            all.push('\0');
            all.push_str(path);
        }
        start..all.len()
    }

    /// How many paths are kept at `at`.
    fn count(&self, at: std::ops::Range<usize>) -> usize {
        self.0
            .lock()
            .map_or(0, |all| all.get(at).map_or(0, |p| p.matches('\0').count()))
    }

    /// The paths kept at `at`.
    fn paths(&self, at: std::ops::Range<usize>) -> Vec<String> {
        let Ok(all) = self.0.lock() else {
            return Vec::new();
        };
        let kept = all.get(at).unwrap_or_default();
        kept.split('\0').skip(1).map(String::from).collect()
    }
}

/// What became of one page.
enum Outcome {
    /// Written at these paths (relative to the output folder): the page,
    /// then the files published with it (see [`crate::publish`]), kept in
    /// [`Written`] at this range.
    Written(PageId, std::ops::Range<usize>),
    Problem(Diagnostic),
    Unwritable(WriteError),
    /// Not made: a newer change came first (see [`Preview::superseded`]).
    Skipped(PageId),
}

/// A page of one edition (by position: the main edition is 0).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PageId {
    pub edition: usize,
    pub key: PageKey,
}

/// A page's identity from one build to the next: what its address is made
/// of, not its place in this build's lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PageKey {
    Home,
    AllReports(usize),
    Report(std::sync::Arc<str>),
    Cities,
    Years,
    Topics,
    Overview(Listing),
    More(Listing, pages::List, usize),
    Metric(std::sync::Arc<str>),
    Series(std::sync::Arc<str>, usize),
    Search,
    NotFound,
}

impl PageKey {
    /// The template the page is rendered with.
    fn template(&self) -> &'static str {
        match self {
            PageKey::Home => "index.html",
            PageKey::AllReports(_) => "reports.html",
            PageKey::Report(_) => "report.html",
            PageKey::Cities => "cities.html",
            PageKey::Years => "years.html",
            PageKey::Topics => "topics.html",
            PageKey::Overview(Listing::City(_)) => "city.html",
            PageKey::Overview(Listing::District(..)) => "district.html",
            PageKey::Overview(Listing::Year(_)) => "year.html",
            PageKey::Overview(Listing::Topic(_)) => "topic.html",
            PageKey::More(..) | PageKey::Series(..) => "list.html",
            PageKey::Metric(_) => "metric.html",
            PageKey::Search => "search.html",
            PageKey::NotFound => "404.html",
        }
    }

    fn of(site: &Site, page: Page) -> PageKey {
        match page {
            Page::Home => PageKey::Home,
            Page::AllReports(n) => PageKey::AllReports(n),
            Page::Report(r) => PageKey::Report(site.reports[r].slug.as_str().into()),
            Page::Cities => PageKey::Cities,
            Page::Years => PageKey::Years,
            Page::Topics => PageKey::Topics,
            Page::Overview(l) => PageKey::Overview(l),
            Page::More(l, list, n) => PageKey::More(l, list, n),
            Page::Metric(m) => PageKey::Metric(site.metrics[m].id.as_str().into()),
            Page::Series(m, n) => PageKey::Series(site.metrics[m].id.as_str().into(), n),
            Page::Search => PageKey::Search,
            Page::NotFound => PageKey::NotFound,
        }
    }
}

/// Which pages to make: all of them (the default), or those `wanted`
/// says; and, if `superseded` says so before a page, none of the rest.
#[derive(Clone, Copy, Default)]
struct Only<'a> {
    /// These pages alone, without planning the rest of the site: for
    /// pages that read no list (a report's own page), with an index that
    /// may be [`Index::placed`] only.
    pages: Option<&'a [Page]>,
    wanted: Option<&'a (dyn Fn(&PageId) -> bool + Sync)>,
    superseded: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// A preview's reports and metrics converted for each edition last
    /// time (see [`edition::Converted`]).
    converted: Option<&'a Mutex<Vec<edition::Converted>>>,
    /// Whether the theme's static files and the snapshots are written
    /// even though only some pages are wanted.
    statics: bool,
    /// The last build's site-wide open data, and where this build puts
    /// each metric's part of it.
    data: Option<&'a publish::Reuse>,
}

/// What [`render_all`] made: the summary, the id and path of each page
/// made, the ids of every page the site has (made or not), and those of
/// the wanted pages left unmade because the build was superseded.
type Made = (Summary, Vec<PagePaths>, Vec<PageId>, Vec<PageId>);

/// Makes, renders and hands to `write` the pages of every edition of the
/// site (all, or the `wanted` ones) and, for a whole build, its static
/// files, in parallel.
fn render_all(
    root: &Path,
    site: &Site,
    index: &Index,
    theme: &Theme,
    write: &Writer,
    progress: &Progress,
    only: Only,
) -> Result<Made, Failure> {
    let Only {
        pages: listed,
        wanted,
        superseded,
        converted,
        statics: all_statics,
        data,
    } = only;
    let editions = edition::all(&site.config);
    // Every edition has the same pages, planned once.
    let plan = match listed {
        Some(listed) => pages::Plan {
            pages: listed.to_vec(),
            table_starts: Default::default(),
        },
        None => pages::plan(site, index),
    };
    let keys: Vec<PageKey> = plan
        .pages
        .par_iter()
        .map(|&page| PageKey::of(site, page))
        .collect();
    let ids: Vec<PageId> = (0..editions.len())
        .flat_map(|edition| {
            keys.iter().map(move |key| PageId {
                edition,
                key: key.clone(),
            })
        })
        .collect();
    let todo = |e: usize| {
        ids[e * keys.len()..(e + 1) * keys.len()]
            .iter()
            .zip(&plan.pages)
            .filter(|(id, _)| wanted.is_none_or(|w| w(id)))
            .map(|(id, &page)| (id, page))
            .collect::<Vec<_>>()
    };
    let todos: Vec<Vec<(&PageId, Page)>> = (0..editions.len()).map(todo).collect();
    (progress.start)(todos.iter().map(Vec::len).sum());
    let body = |report: &crate::model::Report| {
        load::body(root, report).map(|text| edition::body_in(report, text))
    };
    // Every page's full address in every edition, for the sitemap.
    let everything = || {
        editions
            .iter()
            .flat_map(|edition| {
                plan.pages
                    .iter()
                    .filter_map(|&page| pages::address(site, page))
                    .map(move |path| format!("{}{path}", edition.base_url))
            })
            .collect::<Vec<String>>()
    };
    let bytes = AtomicU64::new(0);
    let written = Written::default();
    let mut outcomes: Vec<Outcome> = Vec::new();
    // One edition at a time, so that one converted copy of the site is
    // held at once.
    for (e, todo) in todos.into_iter().enumerate() {
        if todo.is_empty() {
            continue;
        }
        let edition_site = match converted.map(Mutex::lock) {
            Some(Ok(mut kept)) => {
                kept.resize_with(editions.len(), Default::default);
                edition::site_for(site, &editions[e], e == 0, Some(&mut kept[e]))
            }
            _ => edition::site_for(site, &editions[e], e == 0, None),
        };
        let edition_theme = match e {
            0 => Cow::Borrowed(theme),
            _ => Cow::Owned(render::for_edition(
                theme,
                &site.config,
                &edition_site.config,
                e,
                &editions,
            )),
        };
        let shared = Shared::new(&edition_site, index, &edition_theme.strings);
        let folder = &editions[e].folder;
        let bodies = |r: usize| body(&edition_site.reports[r]).unwrap_or_default();
        outcomes.par_extend(todo.into_par_iter().map(|(id, page)| {
            if superseded.is_some_and(|s| s()) {
                return Outcome::Skipped(id.clone());
            }
            let made = pages::view(&shared, &plan, page, &body).and_then(|view| {
                // A preview finds the pages a template change touches by
                // the template each kind of page uses.
                debug_assert_eq!(id.key.template(), view.template, "{id:?}");
                render::page(&edition_theme, &view)
                    .map(|html| (format!("{folder}{}", view.path), html))
            });
            (progress.tick)();
            let (path, html) = match made {
                Ok(made) => made,
                Err(problem) => return Outcome::Problem(problem),
            };
            let mut files = vec![(path, Bytes::from(html))];
            let stop = || superseded.is_some_and(|s| s());
            let write_one = |(path, data): publish::File| {
                let len = write(&path, data)?;
                bytes.fetch_add(len, Ordering::Relaxed);
                Ok(path)
            };
            // The home page's on every core: its site-wide files run to
            // tens of MiB each.
            let home = matches!(page, Page::Home) && e == 0;
            let write_all = |files: Vec<publish::File>| -> Result<Vec<String>, WriteError> {
                match home {
                    true => files.into_par_iter().map(write_one).collect(),
                    false => files.into_iter().map(write_one).collect(),
                }
            };
            let more = || {
                let site_wide = publish::SiteWide {
                    everything: &everything,
                    bodies: &bodies,
                    reuse: data,
                };
                publish::files(&shared, page, &editions[e], e == 0, &site_wide, &stop)
            };
            // The site-wide open data, with the main edition's home page,
            // is written while its other files (sitemap, search index) are
            // made. When no other thread is free to take one of the two,
            // the data comes first: made and written, it is freed before
            // the search index is made.
            let (site_data, more) = match home {
                true => rayon::join(
                    || publish::site_data(&shared, page, true, data, &stop).map(write_all),
                    more,
                ),
                false => (Some(Ok(Vec::new())), more()),
            };
            let (Some(more), Some(site_data)) = (more, site_data) else {
                return Outcome::Skipped(id.clone());
            };
            files.extend(more);
            match (write_all(files), site_data) {
                (Ok(mut paths), Ok(data)) => {
                    paths.splice(1..1, data);
                    Outcome::Written(id.clone(), written.keep(&paths))
                }
                (Err(e), _) | (_, Err(e)) => Outcome::Unwritable(e),
            }
        }));
    }
    // The same template fault usually breaks many pages; report it once,
    // for the first page it broke.
    let mut problems: BTreeSet<Diagnostic> = BTreeSet::new();
    let mut seen: BTreeSet<(String, usize)> = BTreeSet::new();
    for outcome in &outcomes {
        match outcome {
            Outcome::Written(..) | Outcome::Skipped(_) => {}
            Outcome::Unwritable(e) => return Err(Failure::Write(e.0.clone())),
            Outcome::Problem(d) => {
                if seen.insert((d.file.clone(), d.line)) {
                    problems.insert(d.clone());
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Content(problems.into_iter().collect()));
    }
    let statics = if wanted.is_none() || all_statics {
        theme.statics.len()
    } else {
        0
    };
    for (path, data) in theme.statics.iter().take(statics) {
        let len = write(path, data.clone().into()).map_err(|e| Failure::Write(e.0))?;
        bytes.fetch_add(len, Ordering::Relaxed);
    }
    // Every snapshot, byte for byte as it was taken.
    let archived = if wanted.is_none() || all_statics {
        crate::snapshot::published(
            root,
            &site.config.title,
            site.config.language.tag(),
            &crate::i18n::ui(&theme.strings, "archive_title"),
            &crate::i18n::ui(&theme.strings, "archive_intro"),
        )
        .map_err(Failure::Write)?
    } else {
        Vec::new()
    };
    let statics = statics + archived.len();
    for (path, data) in archived {
        bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        write(&path, data.into()).map_err(|e| Failure::Write(e.0))?;
    }
    let summary = Summary {
        reports: site.reports.len(),
        metrics: site.metrics.len(),
        files: outcomes
            .iter()
            .map(|o| match o {
                Outcome::Written(_, at) => written.count(at.clone()),
                _ => 0,
            })
            .sum::<usize>()
            + statics,
        bytes: bytes.into_inner(),
        written: 0,
        warnings: Vec::new(),
        remade: None,
    };
    let mut made = Vec::with_capacity(outcomes.len());
    let mut skipped = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Written(id, at) => made.push((id, written.paths(at))),
            Outcome::Skipped(id) => skipped.push(id),
            _ => {}
        }
    }
    Ok((summary, made, ids, skipped))
}

/// What a snapshot of one year holds, and what it is made from.
pub struct YearPages {
    pub base_path: String,
    pub base_url: String,
    /// The editions' folders, the main edition's (empty) first.
    pub editions: Vec<String>,
    /// The year's page, its reports' and its metrics' pages, below each
    /// edition's folder (`years/2025/`, `zh-hant/reports/x/`).
    pub addresses: Vec<String>,
    /// The source files the year's pages are built from: site.yaml, the
    /// year's reports and the theme's own files.
    pub sources: Vec<String>,
    pub theme: String,
}

/// The pages about `year` of the site at `root`: what its snapshot holds.
pub fn year_pages(root: &Path, year: i32) -> Result<YearPages, Failure> {
    let (site, theme, _) = load_all(root, false, None, None, || None).map_err(Failure::Content)?;
    let index = Index::build(&site);
    let editions: Vec<String> = edition::all(&site.config)
        .into_iter()
        .map(|e| e.folder)
        .collect();
    let members = index
        .years
        .iter()
        .find(|(y, _)| *y == year)
        .map(|(_, m)| m.clone())
        .unwrap_or_default();
    let mut addresses = Vec::new();
    for folder in &editions {
        if !members.reports.is_empty() || !members.metrics.is_empty() {
            addresses.push(format!("{folder}years/{year}/"));
        }
        for &r in &members.reports {
            addresses.push(format!("{folder}reports/{}/", site.reports[r].slug));
        }
        for &m in &members.metrics {
            addresses.push(format!("{folder}metrics/{}/", site.metrics[m].id));
        }
    }
    let mut sources = vec![CONFIG_FILE.to_string()];
    sources.extend(
        members
            .reports
            .iter()
            .map(|&r| site.reports[r].file.clone()),
    );
    sources.extend(
        theme
            .origins
            .values()
            .filter(|o| !o.ends_with(" (built into renewal)"))
            .cloned(),
    );
    sources.sort();
    sources.dedup();
    Ok(YearPages {
        base_path: site.config.base_path.clone(),
        base_url: site.config.base_url.clone(),
        editions,
        addresses,
        sources,
        theme: site.config.theme.clone(),
    })
}

/// Loads, validates and renders the whole site, writing nothing. With
/// `strict`, warnings fail it as errors do.
pub fn check(root: &Path, strict: bool, progress: &Progress) -> Result<Summary, Failure> {
    let (site, theme, mut warnings) =
        load_all(root, strict, None, None, || None).map_err(Failure::Content)?;
    let index = Index::build(&site);
    // Every file a build writes, for the link check.
    let files = std::sync::Mutex::new(Vec::new());
    let record = |path: &str, bytes: Bytes| {
        if let Ok(mut files) = files.lock() {
            files.push(path.to_string());
        }
        // A file made as it is written is made and let go a stretch at a
        // time, so that the size the summary gives is the one a build
        // writes.
        match bytes {
            Bytes::Stream(stretches) => stretches
                .map(|stretch| stretch.map(|s| s.len() as u64))
                .sum::<std::io::Result<u64>>()
                .map_err(|e| WriteError(format!("cannot make {path}: {e}"))),
            bytes => Ok(bytes.known_len().unwrap_or_default() as u64),
        }
    };
    let (summary, _, _, _) = render_all(
        root,
        &site,
        &index,
        &theme,
        &record,
        progress,
        Only::default(),
    )?;
    let files: Vec<String> = files
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|f| f.strip_suffix("index.html").map(String::from).unwrap_or(f))
        .collect();
    let shared = Shared::new(&site, &index, &theme.strings);
    let plan = pages::plan(&site, &index);
    let templates = theme
        .texts
        .iter()
        .map(|(name, text)| {
            let origin = theme.origins.get(name).cloned().unwrap_or_default();
            (name.clone(), (origin, text.clone()))
        })
        .collect();
    let mut links = pages::links::check(root, &shared, &plan, &files, &templates);
    if strict && !links.is_empty() {
        for link in &mut links {
            link.warning = false;
            link.message
                .push_str(" (an error here: warnings are denied)");
        }
        links.sort();
        return Err(Failure::Content(links));
    }
    warnings.extend(links);
    warnings.sort();
    Ok(Summary {
        warnings,
        // With the marker that says the folder is renewal's, as a build.
        files: summary.files + 1,
        ..summary
    })
}

/// Builds the site at `root` into `output`. With `strict`, warnings fail
/// it as errors do, and nothing is written. What the last build of the same
/// site into `output` kept (see [`kept`]) lets it read again only the
/// report files that changed and make only the pages they feed; without
/// it, or after a change to anything but reports, it makes every page.
pub fn build(
    root: &Path,
    output: &Path,
    strict: bool,
    progress: &Progress,
) -> Result<Summary, Failure> {
    refuse_output(root, output)?;
    // Into a site already built, the copy to write into is brought in step
    // with it (files linked and removed: mostly waiting on the disk) while
    // the reports are read. Should the build stop before it needs the
    // copy, the copy is closed, as it would be, when the scope ends. (A
    // first build that stops leaves nothing beside the output.)
    std::thread::scope(|scope| {
        let opening = (output.join(crate::output::MARKER).is_file())
            .then(|| scope.spawn(|| Staging::open(output)));
        build_opening(root, output, strict, progress, opening)
    })
}

/// Refuses, before anything is changed, an output folder that is the
/// site's own or one of its sources, or that holds files renewal did not
/// write: a refused build changes nothing, not even what a build beside it
/// kept.
fn refuse_output(root: &Path, output: &Path) -> Result<(), Failure> {
    load::source::refuse_writing(root, output).map_err(Failure::Write)?;
    crate::output::refuse_foreign(output).map_err(|e| Failure::Write(e.0))
}

/// [`build`], with the copy to write into being opened by `opening`, if
/// it is.
fn build_opening(
    root: &Path,
    output: &Path,
    strict: bool,
    progress: &Progress,
    opening: Option<std::thread::ScopedJoinHandle<'_, Result<Staging, WriteError>>>,
) -> Result<Summary, Failure> {
    let at = crate::output::beside(output, "cache");
    // The theme first: what was kept holds only for the same theme.
    let (config, _) = load::read_config(root);
    // A Chinese site converts text between its scripts (its search index
    // holds both), while what was kept is read.
    if config
        .as_ref()
        .is_some_and(|c| c.language != crate::i18n::Language::En || !c.editions.is_empty())
    {
        crate::i18n::script::load_soon();
    }
    let theme = config.as_ref().and_then(|config| {
        let mut theme = render::theme::load(root, config).ok()?;
        render::prepare(&mut theme, config);
        Some(theme)
    });
    let key = theme.as_ref().map(|theme| kept::key(root, theme));
    let last = key.as_deref().and_then(|key| kept::read(&at, key));
    let mut cache = last.as_ref().map(kept::cache).unwrap_or_default();
    // The site the last build made, so that only the metrics of the
    // reports read again are joined again: joined while the report files
    // are walked.
    let before: std::sync::OnceLock<Option<Site>> = std::sync::OnceLock::new();
    let make_before = || {
        let before = before.get_or_init(|| {
            let (last, config) = last.as_ref().zip(config)?;
            let reports: Vec<Arc<crate::model::Report>> = (last.reports.iter())
                .map(|read| Arc::clone(&read.report))
                .collect();
            let metrics = join::join(&reports, &config, &load::Unread::None).ok()?;
            Some(Site {
                config,
                reports,
                metrics,
            })
        });
        before.as_ref()
    };
    let loaded = load_all(root, strict, Some(&mut cache), theme, make_before);
    let (site, theme, warnings) = loaded.map_err(Failure::Content)?;
    let before = before.into_inner().flatten();
    // The last build's index (to tell what the changed reports fed), as it
    // kept it, if every number in it fits that build's site.
    let mut last = last;
    let kept_index = (last.as_mut().and_then(|l| l.index.take()))
        .filter(|i| before.as_ref().is_some_and(|b| kept::fits(i, b)));
    let before_index = |before: &Site| match kept_index {
        Some(kept) => {
            debug_assert_eq!(
                kept,
                Index::build(before),
                "the kept index is the last site's"
            );
            kept
        }
        None => Index::build(before),
    };
    // Then this build's index, the last build's if it was not kept, and the
    // published search index (which a build after an edit updates), at
    // once.
    let ((index, before_index), last_search) = rayon::join(
        || rayon::join(|| Index::build(&site), || before.as_ref().map(before_index)),
        || (last.as_ref()).and_then(|_| publish::search::Last::read(output, site.reports.len())),
    );
    // What was kept no longer says what the output holds once anything
    // in it may change; it is written again after the swap.
    let _ = std::fs::remove_file(&at);
    let opened = match opening.map(|o| o.join()) {
        Some(Ok(opened)) => opened,
        Some(Err(_)) => {
            return Err(Failure::Write(format!(
                "cannot open a copy of {}",
                output.display()
            )));
        }
        None => Staging::open(output),
    };
    let staging = opened.map_err(|e| Failure::Write(e.0))?;
    // What was kept says what the output holds, if it is still there.
    let mut last =
        last.filter(|_| staging.in_step() && output.join(crate::output::MARKER).is_file());
    let changes =
        (last.as_mut())
            .zip(before.zip(before_index))
            .map(|(last, (before, before_index))| {
                Changes::between(last, before, before_index, &site, &index)
            });
    let mut reuse = publish::Reuse::default();
    let (summary, paths) = match changes {
        Some(mut changes) => {
            // Read only when a report changed: otherwise the site-wide
            // files are not made again.
            if changes.files > 0 {
                reuse.last = last_data(output, &site, &changes);
                let search = changes.search.take().zip(last_search);
                reuse.search = std::sync::Mutex::new(search.map(|(docs, mut last)| {
                    last.changed = docs;
                    last
                }));
            } else {
                // The site-wide data stays as it is, and so does where
                // each metric's part of it is, for the next build.
                reuse.made = std::sync::Mutex::new(changes.data.take());
            }
            changes.reuse = Some(&reuse);
            build_changes(root, staging, &site, &index, &theme, progress, changes)?
        }
        None => {
            let only = Only {
                data: Some(&reuse),
                ..Only::default()
            };
            let (summary, made) = build_into(root, staging, &site, &index, &theme, progress, only)?;
            (summary, made.into_iter().collect())
        }
    };
    if let Some(key) = key {
        let data = reuse.made.into_inner().ok().flatten();
        let made = kept::Made {
            paths: &paths,
            data: data.as_ref(),
            index: &index,
        };
        kept::write(&at, &key, &site.reports, &cache, &made, last.as_ref());
    }
    free_later((site, index, theme, last, cache, paths));
    Ok(Summary {
        warnings,
        ..summary
    })
}

/// The site-wide open data as published, to take the parts of the metrics
/// that did not change from, if what was kept says where they are.
fn last_data(output: &Path, site: &Site, changes: &Changes<'_>) -> Option<publish::data::Last> {
    let parts = changes.data.as_ref()?;
    let (csv, json) = pages::data_paths(site, Page::Home)?;
    let csv = std::fs::File::open(output.join(csv)).ok()?;
    let json = std::fs::File::open(output.join(json)).ok()?;
    // Files that are not as that build wrote them are made again.
    let size = |file: &std::fs::File| file.metadata().map(|m| m.len()).ok();
    if size(&csv) != Some(parts.csv as u64) || size(&json) != Some(parts.json as u64) {
        return None;
    }
    Some(publish::data::Last {
        csv,
        json,
        sizes: (parts.csv, parts.json),
        parts: parts.parts.iter().cloned().collect(),
        changed: changes.touched.metrics.iter().cloned().collect(),
    })
}

/// What changed since the last build, as far as pages go.
struct Changes<'a> {
    /// The files of each page the last build made.
    paths: HashMap<PageId, Vec<String>>,
    /// Where each metric's part of the site-wide open data is.
    data: Option<publish::data::Parts>,
    /// The parts to take again, and where this build puts them.
    reuse: Option<&'a publish::Reuse>,
    /// When every report keeps its place in the list of all reports: the
    /// reports whose search document may have changed (see
    /// [`search_changed`]).
    search: Option<BTreeSet<usize>>,
    /// What the changed reports fed then and feed now.
    touched: Touched,
    /// How many report files changed, appeared or went.
    files: usize,
}

impl Changes<'_> {
    /// Compares the reports `last` kept, joined into `before` (whose index
    /// is `before_index`), with those of `site`.
    fn between(
        last: &mut kept::Kept,
        before: Site,
        before_index: Index,
        site: &Site,
        index: &Index,
    ) -> Changes<'static> {
        fn by_file(site: &Site) -> HashMap<&str, &Arc<crate::model::Report>> {
            (site.reports.iter())
                .map(|r| (r.file.as_str(), r))
                .collect()
        }
        let (then, now) = (by_file(&before), by_file(site));
        let mut files: BTreeSet<&str> = BTreeSet::new();
        for (&file, report) in &now {
            match then.get(file) {
                Some(old) if Arc::ptr_eq(old, report) || old == report => {}
                _ => {
                    files.insert(file);
                }
            }
        }
        files.extend(then.keys().filter(|f| !now.contains_key(*f)));
        let mut touched = Touched::default();
        if !files.is_empty() {
            touched.add(&before, &before_index, &files);
            touched.add(site, index, &files);
            touched.same_lists = same_lists(&before, &before_index, site, index, &touched, &files);
            touched.same_tables = same_tables(&before, &before_index, site, index, &touched);
        }
        let search = (!files.is_empty())
            .then(|| search_changed(&before, site, &touched, &files))
            .flatten();
        let files = files.len();
        free_later((before, before_index));
        Changes {
            paths: std::mem::take(&mut last.paths),
            data: last.data.take(),
            reuse: None,
            search,
            touched,
            files,
        }
    }
}

/// Frees `value` on a thread of its own. A site of 10,000 reports takes
/// tens of milliseconds to free, which a build need not wait for (and a
/// process that is ending need not spend at all).
fn free_later<T: Send + 'static>(value: T) {
    // Should no thread start, the value is freed here, as it would be.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Makes the pages `changes` touched, and the pages that are new, into a
/// `staging` copy that is the same as the published site, removes the
/// pages the site no longer has, and swaps it in: the summary, and the
/// files of every page of the site.
fn build_changes(
    root: &Path,
    staging: Staging,
    site: &Site,
    index: &Index,
    theme: &Theme,
    progress: &Progress,
    changes: Changes,
) -> Result<(Summary, HashMap<PageId, Vec<String>>), Failure> {
    let Changes {
        mut paths,
        touched,
        files,
        reuse,
        ..
    } = changes;
    let known = &paths;
    // With no report changed, only pages the last build did not make (none,
    // unless it failed to record them) are made.
    let wanted = |id: &PageId| !known.contains_key(id) || (files > 0 && touched.shows(&id.key));
    let write = |path: &str, bytes: Bytes| staging.put(path, bytes);
    let only = Only {
        wanted: Some(&wanted),
        statics: true,
        data: reuse,
        ..Only::default()
    };
    let (summary, made, ids, _) = render_all(root, site, index, theme, &write, progress, only)?;
    // The files of pages the site no longer has, unless a page made now
    // has them.
    let ids: HashSet<&PageId> = ids.iter().collect();
    let fresh: HashSet<&str> = made
        .iter()
        .flat_map(|(_, p)| p)
        .map(String::as_str)
        .collect();
    // And the files a page made again no longer has (a search index or a
    // sitemap in fewer parts).
    let made_ids: HashSet<&PageId> = made.iter().map(|(id, _)| id).collect();
    let dropped = |id: &PageId| !ids.contains(id) || made_ids.contains(id);
    for (_, gone) in paths.iter().filter(|(id, _)| dropped(id)) {
        for path in gone.iter().filter(|p| !fresh.contains(p.as_str())) {
            staging.remove(path);
        }
    }
    // The snapshots are published whole each time: any other file there
    // is of a snapshot withdrawn since.
    staging.prune_below(crate::snapshot::FOLDER);
    // Besides the pages' files: the theme's static files and snapshots.
    let others = summary.files.saturating_sub(fresh.len());
    paths.retain(|id, _| ids.contains(id));
    paths.extend(made);
    let written = staging.commit_changes().map_err(|e| Failure::Write(e.0))?;
    let summary = Summary {
        files: paths.values().map(Vec::len).sum::<usize>() + others + 1,
        written,
        remade: Some((files, summary.files)),
        ..summary
    };
    Ok((summary, paths))
}

/// A page, and the paths of its files below the output folder.
type PagePaths = (PageId, Vec<String>);

/// Renders every page of `site` into a copy of the output and swaps it
/// in: the summary (with the marker counted), and where each page went.
fn build_whole(
    root: &Path,
    output: &Path,
    site: &Site,
    index: &Index,
    theme: &Theme,
    progress: &Progress,
    converted: Option<&Mutex<Vec<edition::Converted>>>,
) -> Result<(Summary, Vec<PagePaths>), Failure> {
    // What a build kept says what it left in the output, which this changes.
    let _ = std::fs::remove_file(crate::output::beside(output, "cache"));
    let staging = Staging::open(output).map_err(|e| Failure::Write(e.0))?;
    let only = Only {
        converted,
        ..Only::default()
    };
    build_into(root, staging, site, index, theme, progress, only)
}

/// As [`build_whole`], into a copy already opened, making the pages
/// `only` says (all, for a whole build).
fn build_into(
    root: &Path,
    staging: Staging,
    site: &Site,
    index: &Index,
    theme: &Theme,
    progress: &Progress,
    only: Only,
) -> Result<(Summary, Vec<PagePaths>), Failure> {
    let write = |path: &str, bytes: Bytes| staging.put(path, bytes);
    let (summary, made, _, _) = render_all(root, site, index, theme, &write, progress, only)?;
    let written = staging.commit().map_err(|e| Failure::Write(e.0))?;
    let summary = Summary {
        files: summary.files + 1,
        written,
        ..summary
    };
    Ok((summary, made))
}

/// What a live preview keeps from one build to the next, so that an edit
/// to a report renders only the pages that report feeds.
#[derive(Default)]
pub struct Preview {
    cache: ReportCache,
    last: Option<Kept>,
    /// Pages a superseded build left unmade: the next build makes them.
    owed: HashSet<PageId>,
    /// The reports and metrics as each edition showed them last time.
    converted: Mutex<Vec<edition::Converted>>,
    /// Told the addresses of the pages and files a build rewrote
    /// (`/reports/x/`, `/reports/x/data.csv`), as soon as they are
    /// written: first the edited reports' own pages, then the rest. `None`
    /// means a whole build, after which anything may have changed.
    pub rewritten: Option<Rewritten>,
    /// Set when a newer change has come in: the build then leaves the
    /// pages it has not made yet for the next one, which starts at once.
    /// The edited reports' own pages are always made first.
    pub superseded: Option<Arc<AtomicBool>>,
}

/// Told the addresses a preview build rewrote (see [`Preview::rewritten`]).
pub type Rewritten = Box<dyn Fn(Option<&[String]>) + Send>;

/// The addresses of files below the output folder (`reports/x/index.html`
/// is `/reports/x/`), as open pages know them.
fn addresses(base: &str, paths: &[String]) -> Vec<String> {
    paths
        .iter()
        .map(|p| format!("{base}{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect()
}

/// The last good build: its site, index and theme, and where each page went.
struct Kept {
    site: Site,
    index: Index,
    /// None while a build has it.
    theme: Option<Theme>,
    paths: HashMap<PageId, Vec<String>>,
}

/// For each list of reports the changed reports are in that holds the same
/// reports in the same order in `site` as `before` (`None` for the list of
/// all reports): the numbers of its pages that show a changed report (the
/// reports read from `files`).
fn same_lists(
    before: &Site,
    before_index: &Index,
    site: &Site,
    index: &Index,
    touched: &Touched,
    files: &BTreeSet<&str>,
) -> HashMap<Option<Listing>, BTreeSet<usize>> {
    let size = site.config.page_size.max(1);
    let slugs = |s: &Site, members: &[usize]| -> Vec<String> {
        members.iter().map(|&r| s.reports[r].slug.clone()).collect()
    };
    let all_then: Vec<usize> = (0..before.reports.len()).collect();
    let all_now: Vec<usize> = (0..site.reports.len()).collect();
    let lists = std::iter::once(None).chain(touched.listings.iter().copied().map(Some));
    let mut same = HashMap::default();
    for list in lists {
        let (then, now) = match list {
            None => (slugs(before, &all_then), slugs(site, &all_now)),
            Some(l) => (
                slugs(before, &before_index.members(l).reports),
                slugs(site, &index.members(l).reports),
            ),
        };
        if then != now {
            continue;
        }
        let pages: BTreeSet<usize> = now
            .iter()
            .enumerate()
            .filter(|(at, _)| {
                let r = match list {
                    None => *at,
                    Some(l) => index.members(l).reports[*at],
                };
                files.contains(site.reports[r].file.as_str())
            })
            .map(|(at, _)| at / size + 1)
            .collect();
        same.insert(list, pages);
    }
    same
}

/// The reports (by place in the list of all reports) whose search document
/// may have changed, if every report keeps its place: those read from
/// `files`, and those that state a metric whose label changed (a document
/// holds its metrics' labels).
fn search_changed(
    before: &Site,
    site: &Site,
    touched: &Touched,
    files: &BTreeSet<&str>,
) -> Option<BTreeSet<usize>> {
    let same = before.reports.len() == site.reports.len()
        && (before.reports.iter())
            .zip(&site.reports)
            .all(|(a, b)| a.slug == b.slug);
    if !same {
        return None;
    }
    let relabelled: HashSet<&str> = (touched.metrics.iter())
        .filter(|id| match (before.metric(id), site.metric(id)) {
            (Some(a), Some(b)) => before.metrics[a].label != site.metrics[b].label,
            _ => true,
        })
        .map(String::as_str)
        .collect();
    let changed = (site.reports.iter().enumerate())
        .filter(|(_, r)| {
            files.contains(r.file.as_str())
                || r.metrics.iter().any(|e| relabelled.contains(e.id.as_str()))
        })
        .map(|(n, _)| n)
        .collect();
    Some(changed)
}

/// For each table of metrics of a listing the changed reports feed that
/// holds the same metrics with as many rows each in `site` as `before`: the
/// numbers of its pages that show a metric whose joined values changed.
fn same_tables(
    before: &Site,
    before_index: &Index,
    site: &Site,
    index: &Index,
    touched: &Touched,
) -> HashMap<Listing, BTreeSet<usize>> {
    let size = site.config.page_size.max(1);
    let changed: HashSet<&str> = (touched.metrics.iter())
        .filter(|id| match (before.metric(id), site.metric(id)) {
            (Some(a), Some(b)) => before.metrics[a] != site.metrics[b],
            _ => true,
        })
        .map(String::as_str)
        .collect();
    let rows = |s: &Site, i: &Index, l: Listing| -> Vec<(String, usize)> {
        (i.members(l).metrics.iter())
            .map(|&m| {
                (
                    s.metrics[m].id.clone(),
                    pages::listing::rows_of(s, l, m).len(),
                )
            })
            .collect()
    };
    let mut same = HashMap::default();
    for &l in &touched.listings {
        let now = rows(site, index, l);
        if rows(before, before_index, l) != now {
            continue;
        }
        let mut pages = BTreeSet::new();
        let mut at = 0;
        for (id, count) in now {
            if count > 0 && changed.contains(id.as_str()) {
                pages.extend(at / size + 1..=(at + count - 1) / size + 1);
            }
            at += count;
        }
        same.insert(l, pages);
    }
    same
}

/// The pages a set of reports feeds, by what their addresses are made of.
#[derive(Default)]
struct Touched {
    slugs: BTreeSet<String>,
    metrics: BTreeSet<String>,
    listings: BTreeSet<Listing>,
    /// For lists of reports that hold the same reports in the same order
    /// as before (`None` for the list of all reports): the pages of the
    /// list that show a changed report. The others are as they were,
    /// since a list shows only each report's own fields. A list not named
    /// here is made again whole.
    same_lists: HashMap<Option<Listing>, BTreeSet<usize>>,
    /// The same for tables of metrics that hold the same metrics with the
    /// same number of rows each: the pages that show a metric whose
    /// figures changed (a row shows its metric's own values alone).
    same_tables: HashMap<Listing, BTreeSet<usize>>,
}

impl Touched {
    /// Adds what the reports read from `files` feed in `site`.
    fn add(&mut self, site: &Site, index: &Index, files: &BTreeSet<&str>) {
        for (r, report) in site.reports.iter().enumerate() {
            if !files.contains(report.file.as_str()) {
                continue;
            }
            let feeds = index.feeds(site, r);
            self.slugs
                .extend(feeds.reports.iter().map(|&r| site.reports[r].slug.clone()));
            self.metrics
                .extend(feeds.metrics.iter().map(|&m| site.metrics[m].id.clone()));
            self.listings.extend(feeds.listings);
        }
    }

    /// Whether the page at `key` shows something the edited reports state.
    /// Pages that count or list the whole site are always made again.
    fn shows(&self, key: &PageKey) -> bool {
        match key {
            PageKey::Report(slug) => self.slugs.contains(&**slug),
            PageKey::Metric(id) | PageKey::Series(id, _) => self.metrics.contains(&**id),
            PageKey::More(l, pages::List::Reports, n) => {
                self.listings.contains(l)
                    && self.same_lists.get(&Some(*l)).is_none_or(|p| p.contains(n))
            }
            PageKey::AllReports(n) => self.same_lists.get(&None).is_none_or(|p| p.contains(n)),
            PageKey::More(l, pages::List::Metrics, n) => {
                self.listings.contains(l) && self.same_tables.get(l).is_none_or(|p| p.contains(n))
            }
            PageKey::Overview(l) => self.listings.contains(l),
            PageKey::Home
            | PageKey::Cities
            | PageKey::Years
            | PageKey::Topics
            | PageKey::Search
            | PageKey::NotFound => true,
        }
    }
}

impl Preview {
    /// The path part of the site's address, from the last good build.
    pub fn base_path(&self) -> Option<&str> {
        self.last.as_ref().map(|k| k.site.config.base_path.as_str())
    }

    /// Builds the site at `root` into `output` after `changed` (paths from
    /// the site root; empty for the first build, or to finish what a
    /// superseded build left). `changed` names every file that changed
    /// since the last build, as a watcher reports them: after a change to
    /// reports alone, no other report is looked at. Those reports are read
    /// again, and the pages they feed, before and after the edit, are
    /// rendered and written in place: the edited reports' own pages
    /// first, then the rest. A change to templates alone renders the pages
    /// that use them. Anything else (site.yaml, the rest of the theme, or
    /// a first build) is a whole build, swapped in as `build` does. On
    /// failure the output is left as it was and the last good build is
    /// kept.
    pub fn build(
        &mut self,
        root: &Path,
        output: &Path,
        strict: bool,
        changed: &[String],
        progress: &Progress,
    ) -> Result<Summary, Failure> {
        refuse_output(root, output)?;
        if changed.iter().any(|p| p == CONFIG_FILE) {
            self.cache = ReportCache::default();
        }
        let finishing = changed.is_empty() && !self.owed.is_empty() && self.last.is_some();
        let reports_only =
            (!changed.is_empty() || finishing) && changed.iter().all(|p| p.starts_with("content/"));
        // The theme is read again only when something of it may have
        // changed.
        let kept_theme = self
            .last
            .as_mut()
            .filter(|_| reports_only)
            .and_then(|k| k.theme.take());
        let before = self.last.as_ref().filter(|_| reports_only).map(|k| &k.site);
        if before.is_some() {
            // The watcher names every file that changed.
            self.cache.only_changed(changed);
        }
        let (site, theme, warnings) =
            load_all(root, strict, Some(&mut self.cache), kept_theme, || before)
                .map_err(Failure::Content)?;
        // A change to templates alone re-renders the pages whose template
        // uses one of them.
        let theme_templates = format!("themes/{}/templates/", site.config.theme);
        let templates: Option<Vec<&str>> = changed
            .iter()
            .map(|p| {
                p.strip_prefix("templates/")
                    .or_else(|| p.strip_prefix(&theme_templates))
            })
            .collect();
        let template_users = match (&templates, &theme.users) {
            (Some(names), Some(users)) if !names.is_empty() => {
                let using: BTreeSet<&str> = names
                    .iter()
                    .flat_map(|n| users.get(*n).into_iter().flatten())
                    .map(String::as_str)
                    .collect();
                Some(using)
            }
            _ => None,
        };
        let last = self
            .last
            .take()
            .filter(|_| reports_only || template_users.is_some());
        let Some(mut last) = last else {
            // What was converted for the editions before may have been
            // made for another site.yaml.
            if let Ok(kept) = self.converted.get_mut() {
                kept.clear();
            }
            let index = Index::build(&site);
            let (summary, made) = build_whole(
                root,
                output,
                &site,
                &index,
                &theme,
                progress,
                Some(&self.converted),
            )?;
            self.owed.clear();
            self.last = Some(Kept {
                site,
                index,
                theme: Some(theme),
                paths: made.into_iter().collect(),
            });
            if let Some(told) = &self.rewritten {
                told(None);
            }
            return Ok(Summary {
                warnings,
                ..summary
            });
        };
        let files: BTreeSet<&str> = changed.iter().map(String::as_str).collect();
        // Enough to show the edited reports' own pages; the whole index is
        // built after them.
        let placed = Index::placed(&site);
        let mut index = None;
        let mut touched = Touched::default();
        touched.add(&last.site, &last.index, &files);
        touched.add(&site, &placed, &files);
        // A deleted report's page (or its old address, after its slug
        // changed) goes at once, not after every other page is made.
        let slugs: HashSet<&str> = site.reports.iter().map(|r| r.slug.as_str()).collect();
        let vanished: Vec<PageId> = (last.paths.keys())
            .filter(|id| matches!(&id.key, PageKey::Report(s) if !slugs.contains(&**s)))
            .cloned()
            .collect();
        let mut removed = Vec::new();
        for id in vanished {
            for path in last.paths.remove(&id).into_iter().flatten() {
                crate::output::remove_in_place(output, &path);
                removed.push(path);
            }
        }
        if let Some(told) = &self.rewritten
            && !removed.is_empty()
        {
            told(Some(&addresses(&site.config.base_path, &removed)));
        }
        let known = &last.paths;
        let owed = std::mem::take(&mut self.owed);
        let wanted = |id: &PageId| {
            !known.contains_key(id)
                || owed.contains(id)
                || match &template_users {
                    Some(using) => using.contains(id.key.template()),
                    None => touched.shows(&id.key),
                }
        };
        // The edited reports' own pages come first: they are what the
        // editor is looking at.
        let edited: BTreeSet<&str> = site
            .reports
            .iter()
            .filter(|r| files.contains(r.file.as_str()))
            .map(|r| r.slug.as_str())
            .collect();
        let edited_pages: Vec<Page> = (site.reports.iter().enumerate())
            .filter(|(_, r)| edited.contains(r.slug.as_str()))
            .map(|(r, _)| Page::Report(r))
            .collect();
        let first = |id: &PageId| matches!(&id.key, PageKey::Report(s) if edited.contains(&**s));
        let first_wanted = |id: &PageId| first(id) && wanted(id);
        let rest_wanted = |id: &PageId| !first(id) && wanted(id);
        let superseded = self.superseded.clone();
        let is_superseded = move || {
            superseded
                .as_ref()
                .is_some_and(|s| s.load(Ordering::Relaxed))
        };
        let mut summary = Summary {
            reports: site.reports.len(),
            metrics: site.metrics.len(),
            files: 0,
            bytes: 0,
            written: 0,
            warnings: Vec::new(),
            remade: None,
        };
        let mut made_pages = Vec::new();
        let mut keys = Vec::new();
        let mut skipped = Vec::new();
        let mut overtaken = false;
        let steps = [
            Only {
                pages: Some(&edited_pages),
                wanted: Some(&first_wanted),
                superseded: None,
                converted: Some(&self.converted),
                statics: false,
                data: None,
            },
            Only {
                pages: None,
                wanted: Some(&rest_wanted),
                superseded: Some(&is_superseded),
                converted: Some(&self.converted),
                statics: false,
                data: None,
            },
        ];
        // Without an edited report (templates, or what a superseded build
        // left), there is no first step.
        let skip = usize::from(edited.is_empty());
        for (n, step) in steps.into_iter().enumerate().skip(skip) {
            let index = match n {
                0 => &placed,
                _ => index.get_or_insert_with(|| Index::build(&site)),
            };
            // Whether a newer change has overtaken this step (never the
            // first, which is always finished).
            let stop = || step.superseded.is_some_and(|s| s());
            // Pages are kept until every one of the step is made: a page
            // that fails leaves the output as it was.
            let rendered = std::sync::Mutex::new(Vec::new());
            let write = |path: &str, bytes: Bytes| {
                // An overtaken step writes nothing (see below): what it
                // makes need not be kept.
                if stop() {
                    return Ok(0);
                }
                let bytes = match bytes.into_vec() {
                    Ok(bytes) => bytes,
                    // Cut short because overtaken.
                    Err(_) if stop() => return Ok(0),
                    Err(e) => {
                        let e = format!("cannot read what {path} is made from: {e}");
                        return Err(WriteError(e));
                    }
                };
                let len = bytes.len() as u64;
                if let Ok(mut rendered) = rendered.lock() {
                    rendered.push((path.to_string(), bytes));
                }
                Ok(len)
            };
            let (made, pages, all, left) =
                render_all(root, &site, index, &theme, &write, progress, step)?;
            keys = all;
            skipped.extend(left);
            // Overtaken: what was made is not written either, so that the
            // newer change is not kept waiting; it is owed instead.
            if stop() {
                skipped.extend(pages.into_iter().map(|(id, _)| id));
                overtaken = true;
                continue;
            }
            // Page by page; a newer change stops it before the next file,
            // and the pages not written whole are owed.
            let mut files: HashMap<String, Vec<u8>> = rendered
                .into_inner()
                .unwrap_or_default()
                .into_iter()
                .collect();
            let mut rewritten = Vec::new();
            let mut written = Vec::with_capacity(pages.len());
            for (id, paths) in pages {
                let mut whole = true;
                for path in &paths {
                    if stop() {
                        whole = false;
                        break;
                    }
                    let Some(bytes) = files.remove(path) else {
                        continue;
                    };
                    match crate::output::write_in_place(output, path, &bytes, &stop)
                        .map_err(|e| Failure::Write(e.0))?
                    {
                        InPlace::Same => {}
                        InPlace::Written => rewritten.push(path.clone()),
                        InPlace::Stopped => {
                            whole = false;
                            break;
                        }
                    }
                }
                // A page cut short is owed, but its files are known, so
                // that they go if the page does.
                if !whole {
                    skipped.push(id.clone());
                    overtaken = true;
                }
                written.push((id, paths));
            }
            if let Some(told) = &self.rewritten
                && !rewritten.is_empty()
            {
                told(Some(&addresses(&site.config.base_path, &rewritten)));
            }
            summary.files += made.files;
            summary.bytes += made.bytes;
            summary.written += rewritten.len();
            made_pages.extend(written);
        }
        // Every page of the new site, made now or kept from before; the
        // files of pages it no longer has are removed, by the first build
        // that is not overtaken (until then they are still listed here).
        let mut paths = last.paths;
        // The files a page made again no longer has (a search index or a
        // sitemap in fewer parts) go too.
        let fresh: HashSet<&String> = made_pages.iter().flat_map(|(_, p)| p).collect();
        let mut dropped = Vec::new();
        for (id, _) in &made_pages {
            let old = paths.get(id).into_iter().flatten();
            dropped.extend(old.filter(|p| !fresh.contains(p)).cloned());
        }
        for path in &dropped {
            crate::output::remove_in_place(output, path);
        }
        paths.extend(made_pages);
        if !overtaken {
            let keys: HashSet<PageId> = keys.into_iter().collect();
            let gone: Vec<PageId> = paths
                .keys()
                .filter(|k| !keys.contains(k))
                .cloned()
                .collect();
            for key in gone {
                for path in paths.remove(&key).into_iter().flatten() {
                    crate::output::remove_in_place(output, &path);
                }
            }
        }
        self.owed = skipped.into_iter().collect();
        self.last = Some(Kept {
            index: index.unwrap_or_else(|| Index::build(&site)),
            site,
            theme: Some(theme),
            paths,
        });
        Ok(Summary {
            warnings,
            ..summary
        })
    }

    /// Whether the last build left pages unmade because a newer change
    /// came in: then [`Preview::build`] with no changes finishes them.
    pub fn owes(&self) -> bool {
        !self.owed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the last build into `output` of the site at `root` kept.
    fn kept_by(root: &Path, output: &Path) -> Option<kept::Kept> {
        let config = load::read_config(root).0?;
        let mut theme = render::theme::load(root, &config).ok()?;
        render::prepare(&mut theme, &config);
        let at = crate::output::beside(output, "cache");
        kept::read(&at, &kept::key(root, &theme))
    }

    #[test]
    fn a_build_that_changed_nothing_still_keeps_where_each_metric_s_open_data_is() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.unwrap();
            let to = root.join(entry.path().strip_prefix(&fixture).unwrap());
            match entry.file_type().is_dir() {
                true => std::fs::create_dir_all(&to).unwrap(),
                false => drop(std::fs::copy(entry.path(), &to).unwrap()),
            }
        }
        let output = dir.path().join("output");
        let quiet = |_: usize| {};
        let progress = Progress {
            start: &quiet,
            tick: &|| {},
        };
        let whole = build(&root, &output, false, &progress).unwrap();
        assert_eq!(whole.remade, None, "a first build makes everything");
        let parts = kept_by(&root, &output).and_then(|k| k.data);
        assert!(parts.is_some(), "a whole build keeps where the parts are");
        let again = build(&root, &output, false, &progress).unwrap();
        assert_eq!(again.remade.map(|(files, _)| files), Some(0));
        // The next edit takes the unchanged metrics' parts from the
        // published files only if this is still known.
        assert_eq!(kept_by(&root, &output).and_then(|k| k.data), parts);
    }
}
