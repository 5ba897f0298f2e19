//! `renewal check`: every stage of a build but the writing, and the link
//! check over what a build would write.

use super::make::{Only, SiteRead, render_all};
use super::read::{load_all, new_bodies};
use super::{Failure, Progress, Summary};
use crate::join::index::Index;
use crate::output::{Bytes, WriteError};
use crate::pages::{self, Shared};
use crate::publish::Step;
use std::path::Path;

/// Loads, validates and renders the whole site, writing nothing. With
/// `strict`, warnings fail it as errors do.
pub fn check(root: &Path, strict: bool, progress: &Progress) -> Result<Summary, Failure> {
    let bodies = new_bodies()?;
    let (site, theme, mut warnings) =
        load_all(root, strict, None, None, &bodies, || None).map_err(Failure::Content)?;
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
                .map_err(|e| {
                    WriteError(crate::say!(
                        "write-make",
                        path = path,
                        error = crate::i18n::messages::reason(&e)
                    ))
                }),
            bytes => Ok(bytes.known_len().unwrap_or_default() as u64),
        }
    };
    let only = Only {
        steps: &Step::ALL,
        ..Only::default()
    };
    let read = SiteRead {
        root,
        bodies: &bodies,
        site: &site,
        index: &index,
        theme: &theme,
    };
    let summary = render_all(&read, &record, progress, only)?.summary;
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
            let origin =
                (theme.origins.get(name)).map_or_else(String::new, |o| o.path().to_string());
            (name.clone(), (origin, text.clone()))
        })
        .collect();
    let both = crate::load::body::both_scripts(&site.config);
    let body = |r: usize| bodies.get(root, &site.reports[r], both).ok();
    let mut links = pages::links::check(&body, &shared, &plan, &files, &templates);
    if strict && !links.is_empty() {
        for link in &mut links {
            link.denied();
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
