//! The build, start to finish: the one place that knows the order of
//! stages. Each stage is a module of its own; this file says in what order
//! they run.
//!
//! read the site ([`read`]: config, theme, reports, snapshots) → join →
//! index → what changed since the last build ([`changes`], with what that
//! build [`kept`]) → every page made, rendered and written, in parallel
//! ([`make`]) → swap. Reading returns every problem it finds instead of
//! stopping, so one run lists every error, and nothing is written unless
//! there are none. Each page is rendered, written to the staging folder and
//! dropped, so memory holds the model, not the site. Output is
//! byte-identical whatever the thread timing: every page is a function of
//! the model alone, and problems are sorted before they are shown.
//!
//! `check` ([`check`]) runs the same stages and writes nothing; the live
//! preview ([`preview`]) keeps the last build's site between edits; a
//! year's snapshot ([`year`]) asks which pages a year has.

mod changes;
mod check;
mod kept;
mod make;
mod preview;
mod read;
mod year;

use changes::{Changes, build_changes, last_data};
use make::{Only, PagePaths, SiteRead, render_all};
use read::load_all;

pub use check::check;
pub use make::{Key, PageId};
pub use preview::{Preview, Rewritten};
pub use year::{YearPages, year_pages};

use crate::diagnostic::Diagnostic;
use crate::join::index::Index;
use crate::model::Site;
use crate::output::{Bytes, Staging, WriteError};
use crate::pages::edition;
use crate::publish::Step;
use crate::render::{self};
use crate::{join, load, publish};
use std::path::Path;
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

/// Refuses, before anything is changed, an output folder that is the
/// site's own or one of its sources, or that holds files renewal did not
/// write: a refused build changes nothing, not even what a build beside it
/// kept.
fn refuse_output(root: &Path, output: &Path) -> Result<(), Failure> {
    load::source::refuse_writing(root, output).map_err(Failure::Write)?;
    crate::output::refuse_foreign(output).map_err(|e| Failure::Write(e.0))
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
        // The report files are found, and their stamps looked at, while
        // what the last build kept is read.
        let survey = scope.spawn(|| load::survey(root));
        build_opening(root, output, strict, progress, opening, survey)
    })
}

/// [`build`], with the copy to write into being opened by `opening`, if
/// it is.
fn build_opening(
    root: &Path,
    output: &Path,
    strict: bool,
    progress: &Progress,
    opening: Option<std::thread::ScopedJoinHandle<'_, Result<Staging, WriteError>>>,
    survey: std::thread::ScopedJoinHandle<'_, load::Survey>,
) -> Result<Summary, Failure> {
    let at = crate::output::beside(output, "cache");
    // The theme first: what was kept holds only for the same theme.
    let (config, theme) = config_and_theme(root);
    let key = (theme.as_ref().zip(config.as_ref()))
        .map(|(theme, config)| kept::key(root, theme, &config.archive));
    let last = key.as_deref().and_then(|key| kept::read(&at, key));
    let mut cache = last.as_ref().map(kept::cache).unwrap_or_default();
    if let Ok(survey) = survey.join() {
        cache.surveyed(survey);
    }
    // Into an output no build made (none is being opened), every page is
    // made: what was kept serves only to read no report file twice, and
    // is let go now rather than held through the whole build.
    let last = last.filter(|_| opening.is_some());
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
    let bodies = read::new_bodies()?;
    let loaded = load_all(root, strict, Some(&mut cache), theme, &bodies, make_before);
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
    // search index the last build kept (which a build after an edit
    // updates), at once.
    let kept_bytes = |path: &str| {
        let mut file = kept::kept_file(last.as_ref()?, output, path)?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).ok()?;
        Some(bytes)
    };
    let ((index, before_index), last_search) = rayon::join(
        || rayon::join(|| Index::build(&site), || before.as_ref().map(before_index)),
        || publish::search::Last::read(&kept_bytes, site.reports.len()),
    );
    // What was kept no longer says what the output holds once anything
    // in it may change; it is written again after the swap.
    let _ = std::fs::remove_file(&at);
    let staging = opened(opening, output)?;
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
    let read = SiteRead {
        root,
        bodies: &bodies,
        site: &site,
        index: &index,
        theme: &theme,
    };
    let (summary, paths, same_paths) = match changes {
        Some(mut changes) => {
            // Read only when a report changed: otherwise the site-wide
            // files are not made again.
            if changes.files > 0 {
                let open = |path: &str| kept::kept_file(last.as_ref()?, output, path);
                reuse.last = last_data(&open, &site, &changes);
                let search = changes.search.take().zip(last_search);
                let originals = last.as_mut().and_then(|l| l.originals.take());
                reuse.search = std::sync::Mutex::new(search.map(|(docs, mut last)| {
                    last.changed = docs;
                    last.originals = originals;
                    last
                }));
            } else {
                // The site-wide data stays as it is, and so does where
                // each metric's part of it is, for the next build.
                reuse.made = std::sync::Mutex::new(changes.data.take());
                let originals = last.as_mut().and_then(|l| l.originals.take());
                reuse.originals = std::sync::Mutex::new(originals);
            }
            changes.reuse = Some(&reuse);
            build_changes(&read, staging, progress, changes)?
        }
        None => {
            let only = Only {
                steps: &Step::ALL,
                reuse: Some(&reuse),
                ..Only::default()
            };
            let (summary, made) = build_into(&read, staging, progress, only)?;
            (summary, made.into_iter().collect(), false)
        }
    };
    if let Some(key) = key {
        let data = reuse.take_made();
        let originals = reuse.originals.into_inner().ok().flatten();
        let made = kept::Made {
            output,
            paths: &paths,
            same_paths,
            data: data.as_ref(),
            originals: originals.as_ref(),
            index: &index,
        };
        kept::write(&at, &key, &site.reports, &cache, &made, last.as_ref());
    }
    free_later((site, index, theme, last, cache, paths, bodies));
    Ok(Summary {
        warnings,
        ..summary
    })
}

/// The site's config and its theme, made ready, when both can be read
/// (the reading proper reports any problem with either). A Chinese site
/// converts text between its scripts (its search index holds both): the
/// tables start loading now, while the rest is read.
fn config_and_theme(root: &Path) -> (Option<crate::model::config::Config>, Option<render::Theme>) {
    let (config, _) = load::read_config(root);
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
    (config, theme)
}

/// The copy of `output` to write into: the one `opening` opened, or one
/// opened now.
fn opened(
    opening: Option<std::thread::ScopedJoinHandle<'_, Result<Staging, WriteError>>>,
    output: &Path,
) -> Result<Staging, Failure> {
    let opened = match opening.map(|o| o.join()) {
        Some(Ok(opened)) => opened,
        Some(Err(_)) => {
            let path = output.display().to_string();
            return Err(Failure::Write(crate::say!("write-copy", path = path)));
        }
        None => Staging::open(output),
    };
    opened.map_err(|e| Failure::Write(e.0))
}

/// Renders every page of `site` into a copy of the output and swaps it
/// in: the summary (with the marker counted), and where each page went.
fn build_whole(
    read: &SiteRead,
    output: &Path,
    progress: &Progress,
    converted: Option<&Mutex<Vec<edition::Converted>>>,
) -> Result<(Summary, Vec<PagePaths>), Failure> {
    // What a build kept says what it left in the output, which this changes.
    let _ = std::fs::remove_file(crate::output::beside(output, "cache"));
    let staging = Staging::open(output).map_err(|e| Failure::Write(e.0))?;
    let only = Only {
        converted,
        steps: &Step::ALL,
        ..Only::default()
    };
    build_into(read, staging, progress, only)
}

/// As [`build_whole`], into a copy already opened, making the pages
/// `only` says (all, for a whole build).
fn build_into(
    read: &SiteRead,
    staging: Staging,
    progress: &Progress,
    only: Only,
) -> Result<(Summary, Vec<PagePaths>), Failure> {
    let write = |path: &str, bytes: Bytes| staging.put(path, bytes);
    let made = render_all(read, &write, progress, only)?;
    let (summary, made) = (made.summary, made.pages);
    let written = staging.commit().map_err(|e| Failure::Write(e.0))?;
    let summary = Summary {
        files: summary.files + 1,
        written,
        ..summary
    };
    Ok((summary, made))
}

/// Frees `value` on a thread of its own. A site of 10,000 reports takes
/// tens of milliseconds to free, which a build need not wait for (and a
/// process that is ending need not spend at all).
fn free_later<T: Send + 'static>(value: T) {
    // Should no thread start, the value is freed here, as it would be.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
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
        kept::read(&at, &kept::key(root, &theme, &config.archive))
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
