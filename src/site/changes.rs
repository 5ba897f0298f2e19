//! What changed since the last build, as far as pages go: which reports
//! changed, which pages they fed before and feed now, and so which pages a
//! build of what changed makes again; the rest stay as published.

use super::kept;
use super::make::{Key, Made, Only, PageId, SiteFiles, SiteRead, render_all};
use super::{Failure, Progress, Summary, free_later};
use crate::join::index::{Index, Listing};
use crate::model::Site;
use crate::output::{Bytes, Staging};
use crate::pages::{self, Input, Page};
use crate::publish;
use crate::publish::Step;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The site-wide open data as the last build made it, to take the parts of
/// the metrics that did not change from, if what it kept says where they
/// are: `open` opens a file it kept by its path below the output.
pub(super) fn last_data(
    open: &dyn Fn(&str) -> Option<std::fs::File>,
    site: &Site,
    changes: &Changes<'_>,
) -> Option<publish::data::Last> {
    data_to_update(open, site, changes.data.as_ref()?, &changes.touched)
}

/// The site-wide data files as a build wrote them, opened by `open`, with
/// their `parts`, to be updated for the metrics `touched` names; `None`
/// if they are not the size that build wrote.
pub(super) fn data_to_update(
    open: &dyn Fn(&str) -> Option<std::fs::File>,
    site: &Site,
    parts: &publish::data::Parts,
    touched: &Touched,
) -> Option<publish::data::Last> {
    let files = Page::Home.data(site)?;
    let (csv, json) = (open(&files.csv)?, open(&files.json)?);
    // Files that are not as that build wrote them are made again.
    let size = |file: &std::fs::File| file.metadata().map(|m| m.len()).ok();
    if size(&csv) != Some(parts.csv as u64) || size(&json) != Some(parts.json as u64) {
        return None;
    }
    // The workbook is taken from when it too is as that build wrote it;
    // else it is made whole.
    let xlsx = files.xlsx.as_deref().zip(parts.xlsx.as_ref());
    let xlsx = xlsx.and_then(|(path, placed)| {
        let file = open(path)?;
        (size(&file) == Some(placed.size)).then(|| {
            let parts = placed.parts.iter().map(|p| (p.id.clone(), p.clone()));
            (file, placed.size, parts.collect())
        })
    });
    Some(publish::data::Last {
        csv,
        json,
        sizes: (parts.csv, parts.json),
        parts: parts.parts.iter().cloned().collect(),
        xlsx,
        changed: touched.metrics.iter().cloned().collect(),
    })
}

/// What changed since the last build, as far as pages go.
pub(super) struct Changes<'a> {
    /// The files of each page the last build made.
    pub(super) paths: SiteFiles,
    /// Where each metric's part of the site-wide open data is.
    pub(super) data: Option<publish::data::Parts>,
    /// The parts to take again, and where this build puts them.
    pub(super) reuse: Option<&'a publish::Reuse>,
    /// When every report keeps its place in the list of all reports: the
    /// reports whose search document may have changed (see
    /// [`search_changed`]).
    pub(super) search: Option<BTreeSet<usize>>,
    /// What the changed reports fed then and feed now.
    pub(super) touched: Touched,
    /// How many report files changed, appeared or went.
    pub(super) files: usize,
}

impl Changes<'_> {
    /// Compares the reports `last` kept, joined into `before` (whose index
    /// is `before_index`), with those of `site`.
    pub(super) fn between(
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
            touched = touched.narrowed(&before, &before_index, site, index, &files);
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

/// Makes the pages `changes` touched, and the pages that are new, into a
/// `staging` copy that is the same as the published site, removes the
/// pages the site no longer has, and swaps it in: the summary, and the
/// files of every page of the site.
pub(super) fn build_changes(
    read: &SiteRead,
    staging: Staging,
    progress: &Progress,
    changes: Changes,
) -> Result<(Summary, SiteFiles, bool), Failure> {
    let Changes {
        mut paths,
        touched,
        files,
        reuse,
        ..
    } = changes;
    let known = &paths;
    // With no report changed, only pages the last build did not make (none,
    // unless it failed to record them) are made, and the steps that read
    // no report.
    let wanted = |id: &PageId| !known.contains_key(id) || (files > 0 && touched.shows(&id.key));
    let write = |path: &str, bytes: Bytes| staging.put(path, bytes);
    let only = Only {
        wanted: Some(&wanted),
        steps: match files {
            0 => &[Step::Snapshots, Step::Theme],
            _ => &Step::ALL,
        },
        reuse,
        ..Only::default()
    };
    let Made {
        summary,
        pages: made,
        ids,
        ..
    } = render_all(read, &write, progress, only)?;
    // The files of pages the site no longer has, unless a page made now
    // has them.
    let ids: HashSet<&PageId> = ids.iter().collect();
    let fresh: HashSet<&str> = made
        .iter()
        .flat_map(|(_, p)| p)
        .map(String::as_str)
        .collect();
    // And the files a page or step made again no longer has (a search
    // index or a sitemap in fewer parts, a snapshot withdrawn).
    let made_ids: HashSet<&PageId> = made.iter().map(|(id, _)| id).collect();
    let dropped = |id: &PageId| !ids.contains(id) || made_ids.contains(id);
    for (_, gone) in paths.iter().filter(|(id, _)| dropped(id)) {
        for path in gone.iter().filter(|p| !fresh.contains(p.as_str())) {
            staging.remove(path);
        }
    }
    let had = paths.len();
    paths.retain(|id, _| ids.contains(id));
    // Whether every page and step has the files it had: most often so,
    // and then what was kept of them is kept again as it was.
    let same = paths.len() == had
        && (made.iter()).all(|(id, files)| paths.get(id).is_some_and(|had| had == files));
    paths.extend(made);
    let written = staging.commit_changes().map_err(|e| Failure::Write(e.0))?;
    let summary = Summary {
        files: paths.values().map(Vec::len).sum::<usize>() + 1,
        written,
        remade: Some((files, summary.files)),
        ..summary
    };
    Ok((summary, paths, same))
}

/// For each list of reports the changed reports are in that holds the same
/// reports in the same order in `site` as `before` (`None` for the list of
/// all reports): the numbers of its pages that show a changed report (the
/// reports read from `files`).
pub(super) fn same_lists(
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
pub(super) fn search_changed(
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
pub(super) fn same_tables(
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
pub(super) struct Touched {
    pub(super) slugs: BTreeSet<String>,
    pub(super) metrics: BTreeSet<String>,
    pub(super) listings: BTreeSet<Listing>,
    /// For lists of reports that hold the same reports in the same order
    /// as before (`None` for the list of all reports): the pages of the
    /// list that show a changed report. The others are as they were,
    /// since a list shows only each report's own fields. A list not named
    /// here is made again whole.
    pub(super) same_lists: HashMap<Option<Listing>, BTreeSet<usize>>,
    /// The same for tables of metrics that hold the same metrics with the
    /// same number of rows each: the pages that show a metric whose
    /// figures changed (a row shows its metric's own values alone).
    pub(super) same_tables: HashMap<Listing, BTreeSet<usize>>,
}

impl Touched {
    /// Adds what the reports read from `files` feed in `site`.
    pub(super) fn add(&mut self, site: &Site, index: &Index, files: &BTreeSet<&str>) {
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

    /// The same, narrowed to the pages of lists and tables that keep their
    /// reports and metrics in order between `before` and `site` (see
    /// [`Touched::same_lists`]), `files` being the changed reports' files.
    pub(super) fn narrowed(
        &self,
        before: &Site,
        before_index: &Index,
        site: &Site,
        index: &Index,
        files: &BTreeSet<&str>,
    ) -> Touched {
        Touched {
            slugs: self.slugs.clone(),
            metrics: self.metrics.clone(),
            listings: self.listings.clone(),
            same_lists: same_lists(before, before_index, site, index, self, files),
            same_tables: same_tables(before, before_index, site, index, self),
        }
    }

    /// Whether the page or step at `key` shows something the edited
    /// reports state: a lookup of the page's inputs (see
    /// [`pages::Input`]). Pages that count or list the whole site are
    /// always made again; which steps run is the build's to say.
    pub(super) fn shows(&self, key: &Key) -> bool {
        let Key::Page(page) = key else {
            return false;
        };
        match page.input() {
            Input::Report(slug) => self.slugs.contains(&**slug),
            Input::Metric(id) => self.metrics.contains(&**id),
            Input::Listing(l) => self.listings.contains(&l),
            Input::ReportList(list, n) => {
                list.is_none_or(|l| self.listings.contains(&l))
                    && self.same_lists.get(&list).is_none_or(|p| p.contains(&n))
            }
            Input::MetricTable(l, n) => {
                self.listings.contains(&l)
                    && self.same_tables.get(&l).is_none_or(|p| p.contains(&n))
            }
            Input::Site => true,
        }
    }
}
