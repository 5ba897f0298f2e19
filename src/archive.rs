//! Annual snapshots that never change.
//!
//! `renewal archive YEAR` builds the site and freezes what it says about
//! that year into `archive/<YEAR>/` beside the sources, to be versioned
//! with them: the year's page, the page and the downloads of each report
//! of that year and of each metric of that year, in every edition, and the
//! stylesheet they were drawn with. Each page gets a banner naming the
//! snapshot, added now and never again; links to pages inside the snapshot
//! stay inside it, links to the rest of the site point to the live site
//! by its full address. `manifest.json` lists every file with its size and
//! SHA-256, the renewal version, the date and the sources it was built from.
//!
//! A year that has a snapshot keeps it: another is taken only when asked
//! for (`--revision`), beside the first (`archive/2025-r2/`), never over it.
//! Every later build copies every snapshot into the output byte for byte,
//! with an index page; `renewal verify` checks them against their
//! manifests, in the sources and in an output folder.

use crate::markup::escape;
use crate::site::{self, Failure, Progress};
use crate::snapshot::{FOLDER, MANIFEST, files_below, sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a snapshot was not taken.
#[derive(Debug)]
pub enum Refusal {
    /// What was asked cannot be done (the year has a snapshot, or nothing
    /// is about it): the command line is wrong.
    Asked(String),
    /// The site has errors, or the snapshot could not be written.
    Site(Failure),
}

/// Takes the snapshot of `year` of the site at `root`, dated `today`, and
/// returns its folder. Refused when the year has one, unless `revision`.
/// The snapshot is written beside its place and moved there once whole,
/// so a snapshot that fails leaves no folder behind.
pub fn take(root: &Path, year: i32, revision: bool, today: &str) -> Result<PathBuf, Refusal> {
    let archive = root.join(FOLDER);
    let first = archive.join(year.to_string());
    let dir = if !first.exists() {
        first
    } else if !revision {
        let (year, dir) = (year.to_string(), first.display().to_string());
        return Err(Refusal::Asked(crate::say!(
            "archive-exists",
            year = year,
            dir = dir
        )));
    } else {
        (2..)
            .map(|n| archive.join(format!("{year}-r{n}")))
            .find(|d| !d.exists())
            .unwrap_or(first)
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let year_site = site::year_pages(root, year).map_err(Refusal::Site)?;
    if year_site.addresses.len() <= year_site.editions.len() {
        let year = year.to_string();
        return Err(Refusal::Asked(crate::say!("archive-nothing", year = year)));
    }
    let built = tempfile_dir(root);
    let quiet = Progress {
        start: &|_| {},
        tick: &|| {},
    };
    site::build(root, &built, false, &quiet).map_err(Refusal::Site)?;
    let writing = archive.join(format!(".{name}.renewal-new"));
    let _ = std::fs::remove_dir_all(&writing);
    let made = write_snapshot(root, &built, &writing, &name, year, today, &year_site);
    let _ = std::fs::remove_dir_all(&built);
    // With what the build kept beside it.
    crate::output::forget(&built);
    let moved = made.and_then(|()| {
        std::fs::rename(&writing, &dir).map_err(|e| format!("{}: {e}", dir.display()))
    });
    if let Err(message) = moved {
        let _ = std::fs::remove_dir_all(&writing);
        return Err(Refusal::Site(Failure::Write(message)));
    }
    Ok(dir)
}

/// Writes the snapshot `name` of `year` into `dir`, from the site built
/// into `built`: its files, then its manifest.
fn write_snapshot(
    root: &Path,
    built: &Path,
    dir: &Path,
    name: &str,
    year: i32,
    today: &str,
    year_site: &site::YearPages,
) -> Result<(), String> {
    let base = &year_site.base_path;
    let snapshot_base = format!("{base}{FOLDER}/{name}/");
    let all = files_below(built);
    // What the snapshot holds: below each edition's folder, the year's
    // pages and the files beside them, and the stylesheet.
    let held: BTreeMap<&String, &PathBuf> = all
        .iter()
        .filter(|(rel, _)| {
            rel.as_str() == "style.css"
                || year_site
                    .addresses
                    .iter()
                    .any(|a| rel.starts_with(a.as_str()))
        })
        .collect();
    let inside = |path: &str| -> bool {
        held.contains_key(&path.to_string()) || held.contains_key(&format!("{path}index.html"))
    };
    let mut manifest_files = Vec::new();
    for (rel, path) in &held {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let bytes = if rel.ends_with(".html") {
            let hant = year_site
                .editions
                .iter()
                .skip(1)
                .any(|e| rel.starts_with(e.as_str()));
            let page = rel.strip_suffix("index.html").unwrap_or(rel);
            let live = format!("{}{page}", year_site.base_url);
            let html = String::from_utf8_lossy(&bytes);
            frozen(
                &html,
                base,
                &snapshot_base,
                &year_site.base_url,
                &inside,
                &banner(year, name, today, &live, hant),
            )
            .into_bytes()
        } else {
            bytes
        };
        let target = dir.join(rel.as_str());
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&target, &bytes).map_err(|e| format!("{}: {e}", target.display()))?;
        manifest_files.push(serde_json::json!({
            "path": rel, "size": bytes.len(), "sha256": sha256(&bytes)
        }));
    }
    let sources: Vec<serde_json::Value> = year_site
        .sources
        .iter()
        .filter_map(|s| {
            let bytes = std::fs::read(root.join(s)).ok()?;
            Some(serde_json::json!({"path": s, "sha256": sha256(&bytes)}))
        })
        .collect();
    let manifest = serde_json::json!({
        "snapshot": name,
        "year": year,
        "taken": today,
        "renewal": env!("CARGO_PKG_VERSION"),
        "theme": year_site.theme,
        "address": format!("{}{FOLDER}/{name}/", year_site.base_url),
        "files": manifest_files,
        "sources": sources,
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    let at = dir.join(MANIFEST);
    std::fs::write(&at, text).map_err(|e| format!("{}: {e}", at.display()))
}

/// A temporary output folder, away from the sources.
fn tempfile_dir(root: &Path) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "renewal-archive-{}-{}",
        std::process::id(),
        root.as_os_str().len()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The banner a snapshot's page carries, in its edition's script.
fn banner(year: i32, name: &str, today: &str, live: &str, hant: bool) -> String {
    let (text, link) = if hant {
        (
            format!(
                "這是{year}年度的存檔（{name}，{today}存檔），內容保持存檔時的原樣，不再更新。"
            ),
            "查看目前的頁面",
        )
    } else {
        (
            format!(
                "这是{year}年度的存档（{name}，{today}存档），内容保持存档时的原样，不再更新。"
            ),
            "查看当前页面",
        )
    };
    format!(
        "<div class=\"archive-banner\" role=\"note\" style=\"border:2px solid #8a4b00;background:#fff8ec;color:#1a1a1a;padding:.5rem 1rem;margin:.5rem 0\">{} <a href=\"{}\">{link}</a></div>",
        escape(&text),
        escape(live)
    )
}

/// `html` with the banner after `<body>` and every site-relative `href`
/// and `src` pointing into the snapshot when it holds the target, and to
/// the live site by its full address when it does not.
fn frozen(
    html: &str,
    base: &str,
    snapshot_base: &str,
    base_url: &str,
    inside: &dyn Fn(&str) -> bool,
    banner: &str,
) -> String {
    let mut out = String::with_capacity(html.len() + banner.len() + 1024);
    let mut copied = 0;
    for value in crate::markup::link_values(html, true) {
        out.push_str(&html[copied..value.start]);
        copied = value.end;
        let value = &html[value];
        match value.strip_prefix(base).filter(|_| value.starts_with('/')) {
            Some(path) => {
                let (file, anchor) = match path.split_once('#') {
                    Some((f, a)) => (f, format!("#{a}")),
                    None => (path, String::new()),
                };
                if inside(file) {
                    out.push_str(&format!("{snapshot_base}{file}{anchor}"));
                } else {
                    out.push_str(&format!("{base_url}{file}{anchor}"));
                }
            }
            None => out.push_str(value),
        }
    }
    out.push_str(&html[copied..]);
    match out.find("<body>") {
        Some(at) => {
            out.insert_str(at + "<body>".len(), &format!("\n{banner}"));
            out
        }
        None => out,
    }
}
