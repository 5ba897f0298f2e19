//! The snapshots kept in `archive/`: listing them, publishing them byte
//! for byte, checking them against their manifests, and writing them as
//! WARC. Taking a snapshot is the `archive` module's; this module reads what
//! is stored and never builds.

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

/// What is below a folder, by path relative to it with `/`, sorted.
#[derive(Debug, Default)]
pub struct Below {
    /// Every regular file.
    pub files: BTreeMap<String, PathBuf>,
    /// Everything else that is not a folder (a symbolic link, a pipe, a
    /// device), with what it is: a snapshot is its files, and holds none.
    pub others: Vec<(String, String)>,
}

/// What is below `dir`. Links are not followed.
pub fn below(dir: &Path) -> Below {
    let mut found = Below::default();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let Some(rel) = entry.path().strip_prefix(dir).ok() else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let kind = entry.file_type();
        if kind.is_file() {
            found.files.insert(rel, entry.into_path());
        } else if kind.is_symlink() {
            let target = std::fs::read_link(entry.path())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            found
                .others
                .push((rel, crate::say!("snap-what-link", target = target)));
        } else if !kind.is_dir() {
            found.others.push((rel, crate::say!("snap-what-special")));
        }
    }
    found
}

/// Every regular file below `dir`, by path relative to it with `/`, sorted.
pub fn files_below(dir: &Path) -> BTreeMap<String, PathBuf> {
    below(dir).files
}

/// Whether `name` is a snapshot's name: the year it is of (`2025`), or
/// the year and its revision (`2025-r2`). The same rule holds wherever a
/// name is taken or read: `archive` makes such names, `warc` and `verify`
/// take only them, and a folder of `archive/` with any other name is not a
/// snapshot.
pub fn check_name(name: &str) -> Result<(), String> {
    let (year, revision) = match name.split_once("-r") {
        Some((year, revision)) => (year, Some(revision)),
        None => (name, None),
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let year_ok = year.len() == 4 && digits(year);
    let revision_ok = revision.is_none_or(|r| digits(r) && !r.starts_with('0') && r != "1");
    if year_ok && revision_ok {
        Ok(())
    } else {
        Err(crate::say!("snapshot-name", name = name, folder = FOLDER))
    }
}

/// What `archive/` holds.
#[derive(Debug, Default)]
pub struct Archive {
    /// The snapshots, by name, with their folders.
    pub snapshots: Vec<(String, PathBuf)>,
    /// What is not a snapshot, by path from the site root, with why.
    pub problems: Vec<(String, String)>,
}

/// The snapshots in `root`'s archive folder, by name, and what in it is
/// not a snapshot that can be published and verified, each with its path
/// from the site root: a folder without its `manifest.json`, one whose
/// manifest cannot be read or whose name is not a snapshot's, and a
/// symbolic link, pipe or device anywhere in it. Hidden files and files
/// beside the snapshots (WARC files) are no concern of it.
pub fn snapshots(root: &Path) -> Archive {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let done = |snapshots, problems| Archive {
        snapshots,
        problems,
    };
    let folder = root.join(FOLDER);
    match std::fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            problems.push((FOLDER.to_string(), crate::say!("snap-not-folder")));
            return done(found, problems);
        }
        Err(_) => return done(found, problems),
    }
    let Ok(entries) = std::fs::read_dir(&folder) else {
        problems.push((FOLDER.to_string(), crate::say!("snap-unreadable")));
        return done(found, problems);
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = format!("{FOLDER}/{name}");
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if name.starts_with('.') || kind.is_file() {
            continue;
        }
        if !kind.is_dir() {
            problems.push((shown, crate::say!("snap-special-entry")));
            continue;
        }
        if let Err(message) = check_name(&name) {
            problems.push((
                shown,
                crate::say!(
                    "snap-bad-name",
                    message = crate::i18n::messages::without_code(&message),
                    folder = FOLDER
                ),
            ));
            continue;
        }
        let manifest = entry.path().join(MANIFEST);
        if !std::fs::symlink_metadata(&manifest).is_ok_and(|m| m.is_file()) {
            problems.push((shown, crate::say!("snap-no-manifest", manifest = MANIFEST)));
            continue;
        }
        if let Err(message) = read_manifest(&entry.path()) {
            problems.push((format!("{shown}/{MANIFEST}"), message));
            continue;
        }
        let inside = below(&entry.path());
        if !inside.others.is_empty() {
            for (rel, what) in inside.others {
                problems.push((
                    format!("{shown}/{rel}"),
                    crate::say!("snap-extra", what = what),
                ));
            }
            continue;
        }
        found.push((name, entry.path()));
    }
    done(found, problems)
}

/// Everything in `root`'s archive folder that is not a snapshot that can
/// be published (see [`snapshots`]), as errors: a build publishes every
/// snapshot or none.
pub fn problems(root: &Path) -> Vec<crate::diagnostic::Diagnostic> {
    snapshots(root)
        .problems
        .into_iter()
        .map(|(path, message)| crate::diagnostic::Diagnostic::file(path, message))
        .collect()
}

/// A manifest, read and checked: every path it lists is a file's place
/// inside the snapshot.
fn read_manifest(dir: &Path) -> Result<serde_json::Value, String> {
    let at = dir.join(MANIFEST);
    let bytes = std::fs::read(&at)
        .map_err(|e| crate::say!("unreadable", error = crate::i18n::messages::reason(&e)))?;
    let manifest: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| crate::say!("manifest-not-json", error = e.to_string()))?;
    let files = manifest["files"]
        .as_array()
        .ok_or_else(|| crate::say!("manifest-no-files"))?;
    for file in files {
        let path = file["path"].as_str().unwrap_or_default();
        let inside = !path.is_empty()
            && !path.starts_with('/')
            && path
                .split('/')
                .all(|p| !p.is_empty() && p != "." && p != "..");
        if !inside || file["sha256"].as_str().is_none() {
            return Err(crate::say!("manifest-bad-path", path = path));
        }
    }
    Ok(manifest)
}

/// Every file of every snapshot, by its path in the output
/// (`archive/2025/…`), as stored. (The archive's own page, which lists
/// them, is a page of the site: see [`Listed`].)
pub fn published(root: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for (name, dir) in snapshots(root).snapshots {
        for (rel, path) in files_below(&dir) {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((format!("{FOLDER}/{name}/{rel}"), bytes));
        }
    }
    Ok(files)
}

/// A snapshot as the site's archive page lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Listed {
    /// Its folder's name (`2025`, `2025-r2`).
    pub name: String,
    /// The year it is of.
    pub year: i32,
    /// The day it was taken.
    pub taken: String,
}

/// The snapshots of the site at `root`, oldest first, as its archive page
/// lists them: each folder of `archive/` with a snapshot's name and a
/// manifest that says when it was taken. Read on every build and preview,
/// so it reads only that of each manifest and walks no snapshot's files;
/// what makes a folder no snapshot is told by [`snapshots`], which stops
/// a build that has one.
pub fn listed(root: &Path) -> Vec<Listed> {
    #[derive(serde::Deserialize)]
    struct Head {
        taken: String,
    }
    let Ok(entries) = std::fs::read_dir(root.join(FOLDER)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = (entries.filter_map(Result::ok))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| check_name(name).is_ok())
        .collect();
    names.sort();
    (names.into_iter())
        .filter_map(|name| {
            let bytes = std::fs::read(root.join(FOLDER).join(&name).join(MANIFEST)).ok()?;
            let head: Head = serde_json::from_slice(&bytes).ok()?;
            Some(Listed {
                // A snapshot's name starts with its year (see check_name).
                year: name.get(..4)?.parse().ok()?,
                taken: head.taken,
                name,
            })
        })
        .collect()
}

/// What `verify` found wrong with one snapshot.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Differences {
    pub changed: Vec<String>,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
    /// Links and other special files, with what each is.
    pub special: Vec<(String, String)>,
}

impl Differences {
    pub fn count(&self) -> usize {
        self.changed.len() + self.missing.len() + self.extra.len() + self.special.len()
    }
}

/// Compares what is in `dir` with the snapshot's manifest (read from
/// `manifest_dir`).
pub fn compare(manifest_dir: &Path, dir: &Path) -> Result<Differences, String> {
    let manifest = read_manifest(manifest_dir)
        .map_err(|e| format!("{}: {e}", manifest_dir.join(MANIFEST).display()))?;
    let mut listed: BTreeMap<String, String> = BTreeMap::new();
    for f in manifest["files"].as_array().into_iter().flatten() {
        if let (Some(p), Some(h)) = (f["path"].as_str(), f["sha256"].as_str()) {
            listed.insert(p.to_string(), h.to_string());
        }
    }
    let Below {
        files: mut on_disk,
        others,
    } = below(dir);
    on_disk.remove(MANIFEST);
    let mut d = Differences {
        special: others,
        ..Differences::default()
    };
    for (path, hash) in &listed {
        match on_disk.get(path) {
            None if d.special.iter().any(|(p, _)| p == path) => {}
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
    let manifest =
        read_manifest(dir).map_err(|e| format!("{}: {e}", dir.join(MANIFEST).display()))?;
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
