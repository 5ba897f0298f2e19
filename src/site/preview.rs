//! The live preview's builds: the last good build's site, index and theme
//! kept in memory between edits, so that an edit to a report renders only
//! the pages that report feeds, written in place, its own page first.

use super::changes::{Touched, data_to_update, search_changed};
use super::make::{Key, Made, Only, PageId, SiteFiles, SiteRead, render_all};
use super::read::{load_all, new_bodies};
use super::{Failure, Progress, Summary, build_whole, refuse_output};
use crate::join::index::Index;
use crate::load::body::Bodies;
use crate::load::{CONFIG_FILE, ReportCache};
use crate::model::Site;
use crate::output::{Bytes, InPlace, WriteError};
use crate::pages::PageKey;
use crate::pages::{Page, edition};
use crate::publish::Step;
use crate::render::Theme;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// What a live preview keeps from one build to the next, so that an edit
/// to a report renders only the pages that report feeds.
#[derive(Default)]
pub struct Preview {
    cache: ReportCache,
    /// The bodies of the reports read, for as long as `cache` holds.
    bodies: Option<Bodies>,
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
pub(super) fn addresses(base: &str, paths: &[String]) -> Vec<String> {
    paths
        .iter()
        .map(|p| format!("{base}{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect()
}

/// The last good build: its site, index and theme, and where each page went.
pub(super) struct Kept {
    pub(super) site: Site,
    pub(super) index: Index,
    /// None while a build has it.
    pub(super) theme: Option<Theme>,
    pub(super) paths: SiteFiles,
    /// Where each metric's part is in the site-wide data files the last
    /// build wrote into the output, if it wrote them whole.
    pub(super) data: Option<crate::publish::data::Parts>,
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
            self.bodies = None;
        }
        let bodies = match self.bodies.take() {
            Some(bodies) => bodies,
            None => new_bodies()?,
        };
        let bodies = &*self.bodies.insert(bodies);
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
        let (site, theme, warnings) = load_all(
            root,
            strict,
            Some(&mut self.cache),
            kept_theme,
            bodies,
            || before,
        )
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
            let read = SiteRead {
                root,
                bodies,
                site: &site,
                index: &index,
                theme: &theme,
            };
            let (summary, made) = build_whole(&read, output, progress, Some(&self.converted))?;
            self.owed.clear();
            self.last = Some(Kept {
                site,
                index,
                theme: Some(theme),
                paths: made.into_iter().collect(),
                data: None,
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
        let mut touched = Touched::default();
        touched.add(&last.site, &last.index, &files);
        touched.add(&site, &placed, &files);
        // A deleted report's page (or its old address, after its slug
        // changed) goes at once, not after every other page is made.
        let slugs: HashSet<&str> = site.reports.iter().map(|r| r.slug.as_str()).collect();
        let vanished: Vec<PageId> = (last.paths.keys())
            .filter(|id| matches!(&id.key, Key::Page(PageKey::Report(s)) if !slugs.contains(&**s)))
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
        // Once the whole index is built (after the edited reports' own
        // pages), what the edit touched is narrowed as `build` narrows it:
        // a list that keeps its reports in order is made again only on
        // the pages that show a changed one.
        let full_index: OnceLock<Index> = OnceLock::new();
        let narrowed: OnceLock<Touched> = OnceLock::new();
        let wanted = |id: &PageId| {
            !known.contains_key(id)
                || owed.contains(id)
                || match &template_users {
                    Some(using) => using.contains(id.key.template()),
                    None => narrowed.get().unwrap_or(&touched).shows(&id.key),
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
        let first =
            |id: &PageId| matches!(&id.key, Key::Page(PageKey::Report(s)) if edited.contains(&**s));
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
        // The site-wide steps made from reports run after an edit of
        // reports (not of templates, which they do not read), and any a
        // superseded build left.
        let mut site_steps: Vec<Step> = (owed.iter())
            .filter_map(|id| match id.key {
                Key::Step(step) => Some(step),
                _ => None,
            })
            .collect();
        if template_users.is_none() && !files.is_empty() {
            site_steps.extend(Step::FROM_REPORTS);
        }
        site_steps.sort();
        site_steps.dedup();
        // The search index as this preview last wrote it (in place, in its
        // own output), updated for the reports whose text may have changed
        // rather than made afresh from every report's text: when every
        // report keeps its place and the last build finished the index.
        // A file not laid out as written makes the index afresh.
        let mut reuse = crate::publish::Reuse::default();
        let owes = |step| (owed.iter()).any(|id| id.key == Key::Step(step));
        // Likewise the site-wide open data: the parts of the metrics the
        // edit did not touch are copied from the files it last wrote.
        if site_steps.contains(&Step::OpenData)
            && !owes(Step::OpenData)
            && let Some(parts) = last.data.take()
        {
            let open = |path: &str| std::fs::File::open(output.join(path)).ok();
            reuse.last = data_to_update(&open, &site, &parts, &touched);
        }
        let search_owed = owes(Step::Search);
        if site_steps.contains(&Step::Search)
            && !search_owed
            && let Some(docs) = search_changed(&last.site, &site, &touched, &files)
        {
            let read = |path: &str| std::fs::read(output.join(path)).ok();
            let kept = crate::publish::search::Last::read(&read, site.reports.len());
            if let (Some(mut kept), Ok(mut search)) = (kept, reuse.search.lock()) {
                kept.changed = docs;
                *search = Some(kept);
            }
        }
        let rounds = [
            Only {
                pages: Some(&edited_pages),
                wanted: Some(&first_wanted),
                superseded: None,
                converted: Some(&self.converted),
                steps: &[],
                reuse: None,
            },
            Only {
                pages: None,
                wanted: Some(&rest_wanted),
                superseded: Some(&is_superseded),
                converted: Some(&self.converted),
                steps: &site_steps,
                reuse: Some(&reuse),
            },
        ];
        // Without an edited report (templates, or what a superseded build
        // left), there is no first round.
        let skip = usize::from(edited.is_empty());
        for (n, step) in rounds.into_iter().enumerate().skip(skip) {
            let index = match n {
                0 => &placed,
                _ => full_index.get_or_init(|| Index::build(&site)),
            };
            if n == 1 && template_users.is_none() {
                let _ =
                    narrowed.set(touched.narrowed(&last.site, &last.index, &site, index, &files));
            }
            let read = SiteRead {
                root,
                bodies,
                site: &site,
                index,
                theme: &theme,
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
                        let e = crate::say!(
                            "write-unmade",
                            path = path,
                            error = crate::i18n::messages::reason(&e)
                        );
                        return Err(WriteError(e));
                    }
                };
                let len = bytes.len() as u64;
                if let Ok(mut rendered) = rendered.lock() {
                    rendered.push((path.to_string(), bytes));
                }
                Ok(len)
            };
            let Made {
                summary: made,
                pages,
                ids: all,
                skipped: left,
            } = render_all(&read, &write, progress, step)?;
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
        let data_made = !overtaken && !skipped.iter().any(|id| id.key == Key::Step(Step::OpenData));
        self.owed = skipped.into_iter().collect();
        self.last = Some(Kept {
            index: full_index
                .into_inner()
                .unwrap_or_else(|| Index::build(&site)),
            site,
            theme: Some(theme),
            paths,
            // Where each metric's part went, if the data was written whole
            // now (else the next edit makes it afresh).
            data: if !site_steps.contains(&Step::OpenData) {
                last.data.take()
            } else if data_made {
                reuse.take_made()
            } else {
                None
            },
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
