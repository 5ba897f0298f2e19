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

use crate::build::{self, Failure, Progress};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folder of snapshots, in the sources and in the output.
pub const FOLDER: &str = "archive";
const MANIFEST: &str = "manifest.json";

fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every file below `dir`, by path relative to it with `/`, sorted.
fn files_below(dir: &Path) -> BTreeMap<String, PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((rel, e.into_path()))
        })
        .collect()
}

/// Takes the snapshot of `year` of the site at `root`, dated `today`, and
/// returns its folder. Refused when the year has one, unless `revision`.
pub fn take(root: &Path, year: i32, revision: bool, today: &str) -> Result<PathBuf, String> {
    let archive = root.join(FOLDER);
    let first = archive.join(year.to_string());
    let dir = if !first.exists() {
        first
    } else if !revision {
        return Err(format!(
            "{year} already has a snapshot in {}; a snapshot is never replaced. To keep another beside it, run `renewal archive {year} --revision`",
            first.display()
        ));
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
    let year_site = build::year_pages(root, year).map_err(|f| match f {
        Failure::Content(problems) => format!(
            "the site has {} problem(s); run `renewal check` and fix them first",
            problems.iter().filter(|p| !p.warning).count()
        ),
        Failure::Write(m) => m,
    })?;
    if year_site.addresses.len() <= year_site.editions.len() {
        return Err(format!(
            "no report or metric is about {year}: nothing to archive"
        ));
    }
    let built = tempfile_dir(root)?;
    let quiet = Progress {
        start: &|_| {},
        tick: &|| {},
    };
    build::build(root, &built, false, &quiet, None).map_err(|f| match f {
        Failure::Content(_) => "the site does not build; run `renewal check`".to_string(),
        Failure::Write(m) => m,
    })?;
    let base = &year_site.base_path;
    let snapshot_base = format!("{base}{FOLDER}/{name}/");
    let all = files_below(&built);
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
                &banner(year, &name, today, &live, hant),
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
    let _ = std::fs::remove_dir_all(&built);
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
    std::fs::write(dir.join(MANIFEST), text).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// A temporary output folder beside the sources' own.
fn tempfile_dir(root: &Path) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!(
        "renewal-archive-{}-{}",
        std::process::id(),
        root.as_os_str().len()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(dir)
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
    let mut rest = html;
    while let Some(at) = rest.find(['h', 's']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let attribute = ["href=\"", "src=\""]
            .into_iter()
            .find(|a| from.starts_with(a));
        let Some(attribute) = attribute else {
            let c = from.chars().next().unwrap_or('h');
            out.push(c);
            rest = &from[c.len_utf8()..];
            continue;
        };
        let value_start = attribute.len();
        let end = from[value_start..]
            .find('"')
            .map_or(from.len(), |e| e + value_start);
        let value = &from[value_start..end];
        out.push_str(attribute);
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
        rest = &from[end..];
    }
    out.push_str(rest);
    match out.find("<body>") {
        Some(at) => {
            out.insert_str(at + "<body>".len(), &format!("\n{banner}"));
            out
        }
        None => out,
    }
}

/// The snapshots in `root`'s archive folder, by name.
pub fn snapshots(root: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(root.join(FOLDER)) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join(MANIFEST).is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    found.sort();
    found
}

/// Every file of every snapshot, by its path in the output
/// (`archive/2025/…`), as stored, and the archive's index page.
pub fn published(
    root: &Path,
    site_title: &str,
    lang: &str,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let mut rows = String::new();
    for (name, dir) in snapshots(root) {
        for (rel, path) in files_below(&dir) {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((format!("{FOLDER}/{name}/{rel}"), bytes));
        }
        let manifest: serde_json::Value = std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let year = manifest["year"].as_i64().unwrap_or_default();
        let taken = manifest["taken"].as_str().unwrap_or_default();
        let _ = writeln!(
            rows,
            "<li><a href=\"{name}/years/{year}/\">{}</a> · {} · <a href=\"{name}/{MANIFEST}\">{MANIFEST}</a></li>",
            escape(&name),
            escape(taken)
        );
    }
    if !files.is_empty() {
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>年度存档 - {}</title>\n</head>\n<body>\n<main>\n<h1>年度存档</h1>\n<p>每份存档保持存档时的原样；其中每个文件的大小和 SHA-256 列在各自的 {MANIFEST} 中。</p>\n<ul>\n{rows}</ul>\n</main>\n</body>\n</html>\n",
            escape(site_title)
        );
        files.push((format!("{FOLDER}/index.html"), page.into_bytes()));
    }
    Ok(files)
}

/// What `verify` found wrong with one snapshot.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Differences {
    pub changed: Vec<String>,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

/// Compares the files in `dir` with the snapshot's manifest (read from
/// `manifest_dir`).
pub fn compare(manifest_dir: &Path, dir: &Path) -> Result<Differences, String> {
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(manifest_dir.join(MANIFEST))
            .map_err(|e| format!("{}: {e}", manifest_dir.join(MANIFEST).display()))?,
    )
    .map_err(|e| format!("{}: {e}", manifest_dir.join(MANIFEST).display()))?;
    let mut listed: BTreeMap<String, String> = BTreeMap::new();
    for f in manifest["files"].as_array().into_iter().flatten() {
        if let (Some(p), Some(h)) = (f["path"].as_str(), f["sha256"].as_str()) {
            listed.insert(p.to_string(), h.to_string());
        }
    }
    let mut on_disk = files_below(dir);
    on_disk.remove(MANIFEST);
    let mut d = Differences::default();
    for (path, hash) in &listed {
        match on_disk.get(path) {
            None => d.missing.push(path.clone()),
            Some(file) => {
                let bytes = std::fs::read(file).unwrap_or_default();
                if &sha256(&bytes) != hash {
                    d.changed.push(path.clone());
                }
            }
        }
    }
    d.extra = on_disk
        .keys()
        .filter(|p| !listed.contains_key(*p))
        .cloned()
        .collect();
    Ok(d)
}

/// RFC 4648 base32, as WARC digests are usually written.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    for chunk in bytes.chunks(5) {
        let mut buffer = [0u8; 5];
        buffer[..chunk.len()].copy_from_slice(chunk);
        let bits = buffer.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b));
        let chars = (chunk.len() * 8).div_ceil(5);
        for i in 0..8 {
            if i < chars {
                out.push(ALPHABET[((bits >> (35 - i * 5)) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn sha256_base32(bytes: &[u8]) -> String {
    format!("sha256:{}", base32(&Sha256::digest(bytes)))
}

/// A record id made from what the record is, so the same snapshot always
/// gives the same WARC: a UUID-shaped slice of a SHA-256.
fn record_id(seed: &str) -> String {
    let h = Sha256::digest(seed.as_bytes());
    let hex: String = h.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// One WARC record, gzipped on its own (so a reader can seek to it).
fn record(headers: &[(&str, String)], block: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut text = String::from("WARC/1.1\r\n");
    for (name, value) in headers {
        let _ = write!(text, "{name}: {value}\r\n");
    }
    let _ = write!(text, "Content-Length: {}\r\n\r\n", block.len());
    let mut raw = text.into_bytes();
    raw.extend_from_slice(block);
    raw.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::default());
    let _ = gz.write_all(&raw);
    gz.finish().unwrap_or_default()
}

/// The snapshot in `dir` as a WARC/1.1 file (ISO 28500): a `warcinfo`
/// record, then a `response` record per file at its public address,
/// with block and payload digests, each record gzipped on its own.
/// The same snapshot always gives the same bytes.
pub fn warc(dir: &Path) -> Result<Vec<u8>, String> {
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join(MANIFEST)).map_err(|e| format!("{}: {e}", dir.display()))?,
    )
    .map_err(|e| e.to_string())?;
    let name = manifest["snapshot"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let address = manifest["address"].as_str().unwrap_or_default().to_string();
    let date = format!(
        "{}T00:00:00Z",
        manifest["taken"].as_str().unwrap_or("1970-01-01")
    );
    let info = format!(
        "software: renewal {}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\ndescription: snapshot {name} taken {}\r\n",
        manifest["renewal"].as_str().unwrap_or_default(),
        manifest["taken"].as_str().unwrap_or_default()
    );
    let filename = format!("{name}.warc.gz");
    let mut out = record(
        &[
            ("WARC-Type", "warcinfo".into()),
            ("WARC-Record-ID", record_id(&format!("{name} warcinfo"))),
            ("WARC-Date", date.clone()),
            ("WARC-Filename", filename),
            ("Content-Type", "application/warc-fields".into()),
            ("WARC-Block-Digest", sha256_base32(info.as_bytes())),
        ],
        info.as_bytes(),
    );
    for f in manifest["files"].as_array().into_iter().flatten() {
        let Some(path) = f["path"].as_str() else {
            continue;
        };
        let payload = std::fs::read(dir.join(path)).map_err(|e| format!("{path}: {e}"))?;
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n",
            content_type(path),
            payload.len()
        )
        .into_bytes();
        block.extend_from_slice(&payload);
        let uri = format!(
            "{address}{}",
            path.strip_suffix("index.html").unwrap_or(path)
        );
        out.extend(record(
            &[
                ("WARC-Type", "response".into()),
                ("WARC-Record-ID", record_id(&format!("{name} {path}"))),
                ("WARC-Date", date.clone()),
                ("WARC-Target-URI", uri),
                ("Content-Type", "application/http;msgtype=response".into()),
                ("WARC-Payload-Digest", sha256_base32(&payload)),
                ("WARC-Block-Digest", sha256_base32(&block)),
            ],
            &block,
        ));
    }
    Ok(out)
}
