//! `renewal serve`: a small static file server for previewing the output,
//! kept up to date as the site's sources change ([`live`]).
//!
//! It serves only regular files whose real path, every link resolved, lies
//! inside the output folder: no `..`, no link that leads out of it at any
//! level of the path (a folder, a folder's `index.html`, the 404 page), and
//! nothing but regular files (no folders, devices or pipes). The check is
//! made for every request, at the moment the file is opened, so a link
//! added while the server runs is refused too. It answers GET and HEAD, maps folders to their `index.html`, redirects
//! `/reports/x` to `/reports/x/` as a real web server would, and answers
//! unknown paths with the site's own 404 page. The site's base path (from
//! `base_url`) is honoured so links work as they will when published.

pub mod live;

use live::Live;
use std::fs;
use std::io::Read;
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
    Server::http(address).map_err(|e| {
        crate::say!(
            "serve-listen",
            address = address,
            error = crate::i18n::messages::reason(&*e)
        )
    })
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
    let Some(found) = resolve(root, rel) else {
        return not_found(request, root, live);
    };
    let page = if found.is_dir() {
        if !raw.ends_with('/') {
            return match Header::from_bytes("Location", format!("{raw}/")) {
                Ok(location) => request.respond(Response::empty(301).with_header(location)),
                Err(()) => not_found(request, root, live),
            };
        }
        found.join("index.html")
    } else {
        found
    };
    send(request, &page, 200, root, live)
}

/// The real path of a request path below `root`, if it stays inside it
/// and exists (a file or a folder; what may be served of it is decided
/// when it is opened, see [`open_inside`]).
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

/// The file at `path` opened for reading, if it is a regular file whose
/// real path lies inside `root`. The real path is worked out first; the
/// file is then opened along it from `root` one folder at a time, and
/// any link met on the way (one put there since) refuses it.
fn open_inside(root: &Path, path: &Path) -> Option<fs::File> {
    let base = root.canonicalize().ok()?;
    let real = path.canonicalize().ok()?;
    let rel = real.strip_prefix(&base).ok()?;
    let file = open_beneath(&base, rel)?;
    file.metadata().ok()?.is_file().then_some(file)
}

/// Opens `rel` below the folder `base` without following any link in it.
#[cfg(target_os = "linux")]
fn open_beneath(base: &Path, rel: &Path) -> Option<fs::File> {
    use std::ffi::CString;
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    let open_at = |folder: Option<&OwnedFd>, name: &[u8], flags: libc::c_int| {
        let name = CString::new(name).ok()?;
        let at = folder.map_or(libc::AT_FDCWD, std::os::fd::AsRawFd::as_raw_fd);
        // SAFETY: `name` is a NUL-terminated string that outlives the call;
        // `at` is an open folder or AT_FDCWD.
        let fd = unsafe { libc::openat(at, name.as_ptr(), flags | libc::O_CLOEXEC) };
        // SAFETY: a descriptor openat has just returned is ours alone.
        (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) })
    };
    let mut folder = open_at(None, base.as_os_str().as_bytes(), libc::O_DIRECTORY)?;
    let parts: Vec<&[u8]> = rel.components().map(|c| c.as_os_str().as_bytes()).collect();
    let (last, folders) = parts.split_last()?;
    for part in folders {
        let flags = libc::O_DIRECTORY | libc::O_NOFOLLOW;
        folder = open_at(Some(&folder), part, flags)?;
    }
    // Not blocking: a named pipe would wait for a writer.
    let flags = libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK;
    open_at(Some(&folder), last, flags).map(fs::File::from)
}

/// Elsewhere, the path just resolved is opened as it is.
#[cfg(not(target_os = "linux"))]
fn open_beneath(base: &Path, rel: &Path) -> Option<fs::File> {
    fs::File::open(base.join(rel)).ok()
}

fn not_found(request: Request, root: &Path, live: Option<&Live>) -> std::io::Result<()> {
    send(request, &root.join("404.html"), 404, root, live)
}

/// Answers with the file at `file`, if it may be served (see
/// [`open_inside`]), with `status`; else with the site's 404 page, or a
/// plain "not found" if that cannot be served either.
fn send(
    request: Request,
    file: &Path,
    status: u16,
    root: &Path,
    live: Option<&Live>,
) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    let read = open_inside(root, file).is_some_and(|mut f| f.read_to_end(&mut bytes).is_ok());
    if !read {
        return match status {
            200 => not_found(request, root, live),
            _ => request.respond(Response::from_string("not found").with_status_code(404)),
        };
    }
    let bytes = match live {
        Some(live) if content_type(file).starts_with("text/html") => {
            live::inject(&bytes, &live.script())
        }
        _ => bytes,
    };
    let no_store = Header::from_bytes("Cache-Control", "no-store").expect("valid header");
    let header = Header::from_bytes("Content-Type", content_type(file)).expect("valid header");
    let response = Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header)
        .with_header(no_store);
    request.respond(response)
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
