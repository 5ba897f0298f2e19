//! Helpers shared by the integration tests: copy a fixture site into a
//! temporary folder, run the real `renewal` binary on it, read what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_renewal");

/// The repository root, which is also the example site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A temporary copy of the example site (site.yaml, content and themes),
/// to change freely.
pub fn example_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("temp dir");
    for part in ["site.yaml", "content", "themes"] {
        let from = repo().join(part);
        if from.is_dir() {
            copy_tree(&from, &site.path().join(part));
        } else {
            std::fs::copy(&from, site.path().join(part)).unwrap();
        }
    }
    site
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Runs `renewal --root <root> <args>`.
/// The day the tests build for, unless a test says otherwise, as
/// `SOURCE_DATE_EPOCH`: 2025-12-31, the last day of the deadlines of the
/// example site's and the fixtures' 2025 plans, so that their pages show
/// each status but overdue (the tests of dates build on other days).
pub const BUILT: &str = "1767139200";

/// Runs `renewal --root ROOT ARGS…` as of [`BUILT`].
pub fn run(root: &Path, args: &[&str]) -> Output {
    run_at(root, args, BUILT)
}

/// Runs `renewal --root ROOT ARGS…` as of `epoch` (`SOURCE_DATE_EPOCH`).
pub fn run_at(root: &Path, args: &[&str], epoch: &str) -> Output {
    Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .env("SOURCE_DATE_EPOCH", epoch)
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run renewal")
}

/// A new site made by `renewal init` at `dir/name`, in English: its folder.
pub fn init_site(dir: &Path, name: &str) -> PathBuf {
    let site = dir.join(name);
    let init = Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .arg("init")
        .arg(&site)
        .output()
        .expect("run renewal init");
    assert!(init.status.success(), "{}", stderr(&init));
    site
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every file below `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of a page with tags removed and whitespace folded, as a reader sees it.
pub fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `<svg>` of the chart with id `id` on a page, if there is one.
pub fn chart<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let marker = format!("aria-labelledby=\"{id}-title\"");
    let at = html.find(&marker)?;
    let start = html[..at].rfind("<svg")?;
    let end = start + html[start..].find("</svg>")? + "</svg>".len();
    Some(&html[start..end])
}

/// The texts drawn in an SVG, one per `<text>` element.
pub fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|s| s.split_once('>'))
        .filter_map(|(_, rest)| rest.split_once("</text>"))
        .map(|(text, _)| text.trim().to_string())
        .collect()
}

/// Internal links (`href="/..."`) of the HTML pages below `site` that lead
/// to no file, as "page -> link".
pub fn broken_links(site: &Path) -> Vec<String> {
    let files = snapshot(site);
    let mut broken = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for part in html.split("href=\"").skip(1) {
            let href = &part[..part.find('"').unwrap()];
            if !href.starts_with('/') {
                continue;
            }
            let target = href.split('#').next().unwrap().trim_start_matches('/');
            let file = if target.is_empty() || target.ends_with('/') {
                format!("{target}index.html")
            } else {
                target.to_string()
            };
            if !files.contains_key(&file) {
                broken.push(format!("{path} -> {href}"));
            }
        }
    }
    broken
}

/// A running `renewal serve`, stopped when dropped.
pub struct Serving {
    child: std::process::Child,
    /// `host:port` it listens on.
    pub address: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `renewal serve --port 0` on the site at `root`, with `args`
/// after it, and waits for the address it prints.
pub fn serve(root: &Path, args: &[&str]) -> Serving {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .env("SOURCE_DATE_EPOCH", BUILT)
        .arg("--root")
        .arg(root)
        .args(["serve", "--port", "0"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("renewal serve starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let address = lines
        .by_ref()
        .take(5)
        .map_while(Result::ok)
        .find_map(|l| {
            l.split("http://")
                .nth(1)
                .and_then(|r| r.split('/').next())
                .map(str::to_string)
        })
        .expect("serve prints its address");
    // Keep reading what serve prints, so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Serving { child, address }
}

/// What an HTTP GET answered.
pub struct Response {
    pub status: u16,
    /// The status line and headers.
    pub head: String,
    pub body: Vec<u8>,
}

/// GETs `path` from `address`.
pub fn http_get(address: &str, path: &str) -> Response {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("receive");
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response")
        + 4;
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code");
    Response {
        status,
        head,
        body: response[end..].to_vec(),
    }
}

/// The texts of an HTML page that a reader sees or a program reads as its
/// words (text between tags, and the values of `content`, `title`, `alt`,
/// `aria-label` and `placeholder`), each with the language it is marked
/// with: the `lang` of the nearest element that has one. Scripts and
/// styles are not text.
pub fn texts_with_lang(html: &str) -> Vec<(String, String)> {
    const VOID: [&str; 13] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let mut open: Vec<(String, String)> = Vec::new();
    let mut texts = Vec::new();
    let mut rest = html;
    let attribute = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    while let Some(lt) = rest.find('<') {
        let lang = open.last().map(|(_, l)| l.clone()).unwrap_or_default();
        if !rest[..lt].trim().is_empty() {
            texts.push((lang.clone(), rest[..lt].to_string()));
        }
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            while let Some((open_name, _)) = open.pop() {
                if open_name == name {
                    break;
                }
            }
            continue;
        }
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let lang = attribute(tag, "lang").unwrap_or(lang);
        for name in ["content", "title", "alt", "aria-label", "placeholder"] {
            if let Some(value) = attribute(tag, name) {
                texts.push((lang.clone(), value));
            }
        }
        if name == "script" || name == "style" {
            let end = format!("</{name}");
            rest = rest.find(&end).map_or("", |at| &rest[at..]);
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            open.push((name, lang));
        }
    }
    texts
}

/// The text of each JSON-LD block of a page, in order.
pub fn jsonld_blocks(html: &str) -> Vec<&str> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    (html.match_indices(OPEN))
        .map(|(at, _)| {
            let body = &html[at + OPEN.len()..];
            &body[..body.find("</script>").expect("the JSON-LD block ends")]
        })
        .collect()
}
