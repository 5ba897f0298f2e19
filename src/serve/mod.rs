//! `renewal serve`: a small static file server for previewing the output,
//! kept up to date as the site's sources change ([`live`]).
//!
//! It serves only files inside the output folder (no `..`, no symlinks out),
//! answers GET and HEAD, maps folders to their `index.html`, redirects
//! `/reports/x` to `/reports/x/` as a real web server would, and answers
//! unknown paths with the site's own 404 page. The site's base path (from
//! `base_url`) is honoured so links work as they will when published.

pub mod live;

use live::Live;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

/// Where open pages listen for rebuilds, and where scripts ask how many
/// there have been; outside any site's addresses.
const EVENTS: &str = "/__renewal/events";
const STATUS: &str = "/__renewal/status";

/// Serves `root` on `server` until the process ends; with `live`, answers
/// the live endpoints and adds the listening script to HTML pages.
pub fn run(server: &Server, root: &Path, base_path: &str, live: Option<Arc<Live>>) {
    for request in server.incoming_requests() {
        let path = request.url().split('?').next().unwrap_or("");
        match (&live, path) {
            (Some(live), EVENTS) => live.listen(request.into_writer()),
            (Some(live), STATUS) => {
                let _ = request.respond(Response::from_string(live.status()));
            }
            _ => {
                let _ = respond(request, root, base_path, live.as_deref());
            }
        }
    }
}

/// Binds to `address` (e.g. `127.0.0.1:8000`; port 0 picks a free one).
pub fn bind(address: &str) -> Result<Server, String> {
    Server::http(address).map_err(|e| format!("cannot listen on {address}: {e}"))
}

fn respond(
    request: Request,
    root: &Path,
    base_path: &str,
    live: Option<&Live>,
) -> std::io::Result<()> {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return request.respond(Response::from_string("method not allowed").with_status_code(405));
    }
    let raw = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let path = percent_decode(&raw);
    let Some(rel) = path
        .strip_prefix(base_path)
        .or_else(|| (path.clone() + "/").strip_prefix(base_path).map(|_| ""))
    else {
        return not_found(request, root, live);
    };
    let Some(file) = resolve(root, rel) else {
        return not_found(request, root, live);
    };
    if file.is_dir() {
        if !raw.ends_with('/') {
            return match Header::from_bytes("Location", format!("{raw}/")) {
                Ok(location) => request.respond(Response::empty(301).with_header(location)),
                Err(()) => not_found(request, root, live),
            };
        }
        return send(request, &file.join("index.html"), 200, root, live);
    }
    send(request, &file, 200, root, live)
}

/// The file for a request path, if it stays inside `root` and exists.
fn resolve(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for part in Path::new(rel).components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::CurDir | Component::RootDir => {}
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    let real = path.canonicalize().ok()?;
    let base = root.canonicalize().ok()?;
    real.starts_with(&base).then_some(real)
}

fn not_found(request: Request, root: &Path, live: Option<&Live>) -> std::io::Result<()> {
    let page = root.join("404.html");
    if page.is_file() {
        send(request, &page, 404, root, live)
    } else {
        request.respond(Response::from_string("not found").with_status_code(404))
    }
}

fn send(
    request: Request,
    file: &Path,
    status: u16,
    root: &Path,
    live: Option<&Live>,
) -> std::io::Result<()> {
    match fs::read(file) {
        Ok(bytes) => {
            let bytes = match live {
                Some(live) if content_type(file).starts_with("text/html") => {
                    live::inject(&bytes, &live.script())
                }
                _ => bytes,
            };
            let no_store = Header::from_bytes("Cache-Control", "no-store").expect("valid header");
            let header =
                Header::from_bytes("Content-Type", content_type(file)).expect("valid header");
            let response = Response::from_data(bytes)
                .with_status_code(StatusCode(status))
                .with_header(header)
                .with_header(no_store);
            request.respond(response)
        }
        Err(_) if status == 200 => not_found(request, root, live),
        Err(_) => request.respond(Response::from_string("not found").with_status_code(404)),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
