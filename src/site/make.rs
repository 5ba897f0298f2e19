//! Making every page of every edition (all, or those a build wants),
//! rendering each with the theme and handing it, with the files published
//! beside it, to the writer; in parallel, one edition at a time.

use super::{Failure, Progress, Summary};
use crate::diagnostic::Diagnostic;
use crate::join::index::Index;
use crate::load::body::{Bodies, both_scripts};
use crate::model::Site;
use crate::output::{Bytes, WriteError};
use crate::pages::{self, Page, PageKey, Shared, edition};
use crate::publish::{self, Step};
use crate::render::{self, Theme};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where rendered files go: the staging folder, or nowhere for `check`.
pub(super) type Writer<'a> = dyn Fn(&str, Bytes<'_>) -> Result<u64, WriteError> + Sync + 'a;

/// The paths of every page's files, one after another in one text, each
/// after a NUL, while pages are being made. Held there rather than as a
/// string each: a few hundred thousand small strings kept among the
/// short-lived ones of rendering would keep much of the memory those
/// used from being given back.
#[derive(Default)]
pub(super) struct Written(Mutex<String>);

impl Written {
    /// Keeps `paths`: where they are.
    pub(super) fn keep(&self, paths: &[String]) -> std::ops::Range<usize> {
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
    pub(super) fn count(&self, at: std::ops::Range<usize>) -> usize {
        self.0
            .lock()
            .map_or(0, |all| all.get(at).map_or(0, |p| p.matches('\0').count()))
    }

    /// The paths kept at `at`.
    pub(super) fn paths(&self, at: std::ops::Range<usize>) -> Vec<String> {
        let Ok(all) = self.0.lock() else {
            return Vec::new();
        };
        let kept = all.get(at).unwrap_or_default();
        kept.split('\0').skip(1).map(String::from).collect()
    }
}

/// What became of one page.
pub(super) enum Outcome {
    /// Written at these paths (relative to the output folder): the page,
    /// then the files published with it (see [`crate::publish`]), kept in
    /// [`Written`] at this range.
    Written(PageId, std::ops::Range<usize>),
    Problem(Diagnostic),
    Unwritable(WriteError),
    /// Not made: a newer change came first (see [`Preview::superseded`]).
    Skipped(PageId),
}

/// A page or a step's files, of one edition (by position: the main
/// edition is 0), as a build keeps it for the next.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PageId {
    pub edition: usize,
    pub key: Key,
}

/// What a build makes, by what identifies it from one build to the next.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Key {
    Page(PageKey),
    /// Not a page: the site-wide files of a step (see [`Step`]), which a
    /// build keeps and replaces as it does a page's.
    Step(Step),
}

impl Key {
    /// The template the page is rendered with (none for a step).
    pub(super) fn template(&self) -> &'static str {
        match self {
            Key::Page(page) => page.template(),
            Key::Step(_) => "",
        }
    }
}

/// What pages are made from: the site as read, where it is, the bodies of
/// its reports, its index and its theme.
#[derive(Clone, Copy)]
pub(super) struct SiteRead<'a> {
    pub(super) root: &'a Path,
    pub(super) bodies: &'a Bodies,
    pub(super) site: &'a Site,
    pub(super) index: &'a Index,
    pub(super) theme: &'a Theme,
}

/// Which pages to make: all of them (the default), or those `wanted`
/// says; which of the site-wide steps to run with them; and, if
/// `superseded` says so before a page, none of the rest.
#[derive(Clone, Copy, Default)]
pub(super) struct Only<'a> {
    /// These pages alone, without planning the rest of the site: for
    /// pages that read no list (a report's own page), with an index that
    /// may be [`Index::placed`] only.
    pub(super) pages: Option<&'a [Page]>,
    pub(super) wanted: Option<&'a (dyn Fn(&PageId) -> bool + Sync)>,
    pub(super) superseded: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// A preview's reports and metrics converted for each edition last
    /// time (see [`edition::Converted`]).
    pub(super) converted: Option<&'a Mutex<Vec<edition::Converted>>>,
    /// The site-wide files to make (see [`Step`]).
    pub(super) steps: &'a [Step],
    /// The last build's site-wide open data and search index, and where
    /// this build puts each metric's part of the open data.
    pub(super) reuse: Option<&'a publish::Reuse>,
}

/// A page, and the paths of its files below the output folder.
pub(super) type PagePaths = (PageId, Vec<String>);

/// Every page's (and step's) files below the output folder.
pub(super) type SiteFiles = rustc_hash::FxHashMap<PageId, Vec<String>>;

/// What [`render_all`] made.
pub(super) struct Made {
    pub(super) summary: Summary,
    /// The id and files of each page made, and of each step run.
    pub(super) pages: Vec<PagePaths>,
    /// The ids of every page and step the site has, made or not.
    pub(super) ids: Vec<PageId>,
    /// The wanted pages and steps left unmade because the build was
    /// superseded.
    pub(super) skipped: Vec<PageId>,
}

/// The id of `step`'s files in edition `e`.
pub(super) fn step_id(step: Step, edition: usize) -> PageId {
    PageId {
        edition,
        key: Key::Step(step),
    }
}

/// Every step the site has, in each edition that has it.
fn step_ids(editions: usize) -> impl Iterator<Item = PageId> {
    (0..editions).flat_map(|e| {
        (Step::ALL.into_iter())
            .filter(move |step| e == 0 || step.per_edition())
            .map(move |step| step_id(step, e))
    })
}

/// Makes, renders and hands to `write` the pages of every edition of the
/// site (all, or the `wanted` ones), and runs the site-wide steps `only`
/// names, in parallel, one edition at a time.
pub(super) fn render_all(
    read: &SiteRead,
    write: &Writer,
    progress: &Progress,
    only: Only,
) -> Result<Made, Failure> {
    let SiteRead {
        root,
        bodies,
        site,
        index,
        theme,
    } = *read;
    let Only {
        pages: listed,
        wanted,
        superseded,
        converted,
        steps,
        reuse,
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
    let keys: Vec<Key> = plan
        .pages
        .par_iter()
        .map(|&page| Key::Page(page.key(site)))
        .collect();
    let mut ids: Vec<PageId> = (0..editions.len())
        .flat_map(|edition| {
            keys.iter().map(move |key| PageId {
                edition,
                key: key.clone(),
            })
        })
        .collect();
    let pages_of_an_edition = keys.len();
    let todo = |e: usize| {
        ids[e * pages_of_an_edition..(e + 1) * pages_of_an_edition]
            .iter()
            .zip(&plan.pages)
            .filter(|(id, _)| wanted.is_none_or(|w| w(id)))
            .map(|(id, &page)| (id, page))
            .collect::<Vec<_>>()
    };
    let todos: Vec<Vec<(PageId, Page)>> = (0..editions.len())
        .map(|e| {
            todo(e)
                .into_iter()
                .map(|(id, page)| (id.clone(), page))
                .collect()
        })
        .collect();
    ids.extend(step_ids(editions.len()));
    (progress.start)(todos.iter().map(Vec::len).sum());
    // Each report's body as its pages show it, prepared when it was read.
    let both = both_scripts(&site.config);
    let body = |report: &crate::model::Report| {
        let prepared = bodies.get(root, report, both)?;
        Ok(prepared.html_for(report).to_string())
    };
    // Every page's full address in every edition, for the sitemap.
    let everything = || {
        editions
            .iter()
            .flat_map(|edition| {
                plan.pages
                    .iter()
                    .filter_map(|&page| page.address(site))
                    .map(move |path| format!("{}{path}", edition.base_url))
            })
            .collect::<Vec<String>>()
    };
    let stop = || superseded.is_some_and(|s| s());
    let bytes = AtomicU64::new(0);
    let written = Written::default();
    let write_one = |(path, data): publish::File| {
        let len = write(&path, data)?;
        bytes.fetch_add(len, Ordering::Relaxed);
        Ok(path)
    };
    let mut outcomes: Vec<Outcome> = Vec::new();
    // One edition at a time, so that one converted copy of the site is
    // held at once.
    for (e, todo) in todos.into_iter().enumerate() {
        let steps: Vec<Step> = (steps.iter().copied())
            .filter(|step| e == 0 || step.per_edition())
            .collect();
        if todo.is_empty() && steps.is_empty() {
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
        let words = publish::words(&shared, e == 0);
        let folder = &editions[e].folder;
        // The text of a report's body as the search index reads it: in the
        // script the edition shows it in.
        let texts = |r: usize| {
            let report = &edition_site.reports[r];
            (bodies.get(root, report, both))
                .map(|prepared| edition::body_in(report, prepared.text))
                .unwrap_or_default()
        };
        let make_page = |(id, page): (PageId, Page)| {
            if stop() {
                return Outcome::Skipped(id);
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
            if e == 0 {
                files.extend(publish::page_files(&shared, &words, page));
            }
            match files
                .into_iter()
                .map(write_one)
                .collect::<Result<Vec<_>, _>>()
            {
                Ok(paths) => Outcome::Written(id, written.keep(&paths)),
                Err(e) => Outcome::Unwritable(e),
            }
        };
        let inputs = publish::Inputs {
            root,
            edition: &editions[e],
            everything: &everything,
            bodies: &texts,
            theme: &edition_theme,
            words: &words,
            reuse,
            stop: &stop,
        };
        // A step's files are written on every core: the site-wide ones run
        // to tens of MiB each. The steps run beside the pages, the open
        // data first: when no other thread is free, it is made and written,
        // and freed, before the search index is made.
        let run_step = |step: Step| {
            let id = step_id(step, e);
            match publish::step_files(&shared, step, &inputs) {
                Err(message) => Outcome::Unwritable(WriteError(message)),
                // Left for a newer build.
                Ok(None) => Outcome::Skipped(id),
                Ok(Some(files)) => {
                    match files
                        .into_par_iter()
                        .map(write_one)
                        .collect::<Result<Vec<_>, _>>()
                    {
                        Ok(paths) => Outcome::Written(id, written.keep(&paths)),
                        Err(e) => Outcome::Unwritable(e),
                    }
                }
            }
        };
        let (pages, steps) = rayon::join(
            || todo.into_par_iter().map(make_page).collect::<Vec<_>>(),
            || steps.into_par_iter().map(run_step).collect::<Vec<_>>(),
        );
        outcomes.extend(pages);
        outcomes.extend(steps);
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
    let summary = Summary {
        reports: site.reports.len(),
        metrics: site.metrics.len(),
        files: outcomes
            .iter()
            .map(|o| match o {
                Outcome::Written(_, at) => written.count(at.clone()),
                _ => 0,
            })
            .sum::<usize>(),
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
    Ok(Made {
        summary,
        pages: made,
        ids,
        skipped,
    })
}
