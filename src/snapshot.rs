//! The snapshots kept in `archive/`: listing them, publishing them byte
//! for byte, checking them against their manifests, and writing them as
//! WARC. Taking a snapshot is the `archive` module's; this module reads what
//! is stored and never builds.

use crate::markup::escape;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folder of snapshots, in the sources and in the output.
pub const FOLDER: &str = "archive";
pub const MANIFEST: &str = "manifest.json";

pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// Every file below `dir`, by path relative to it with `/`, sorted.
pub fn files_below(dir: &Path) -> BTreeMap<String, PathBuf> {
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
/// The index page is in `lang`, titled `heading`, with `intro` (the
/// theme's `archive_title` and `archive_intro`).
pub fn published(
    root: &Path,
    site_title: &str,
    lang: &str,
    heading: &str,
    intro: &str,
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
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{heading} - {}</title>\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n<p>{}</p>\n<ul>\n{rows}</ul>\n</main>\n</body>\n</html>\n",
            escape(site_title),
            escape(&intro.replace("{manifest}", MANIFEST)),
            heading = escape(heading),
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
