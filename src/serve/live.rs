//! The live part of `renewal serve`: watching the site's sources, and
//! telling open pages to reload or to show the site's problems.
//!
//! Open pages learn of a rebuild through server-sent events
//! (`/__renewal/events`), chosen over a WebSocket because the messages go
//! one way only, from server to page: SSE is plain HTTP that the small
//! server speaks already, needs no handshake or framing of our own, and the
//! browser's `EventSource` reconnects by itself when `serve` restarts.
//! The script that listens is added to HTML pages as they are served, so it
//! never reaches the files `build` writes.

use crate::diagnostic::shown_path;
use crate::load::{Stamp, stamp};
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the watcher waits for an editor to finish saving: editors
/// write a file in several steps (a temporary file, a rename, a touch),
/// a few milliseconds apart at most.
pub const SETTLE: Duration = Duration::from_millis(15);

/// What open pages are told, and who is listening.
#[derive(Default)]
pub struct Live {
    state: Mutex<State>,
    listeners: Mutex<Vec<Sender<String>>>,
}

#[derive(Default)]
struct State {
    /// How many builds have finished, successful or not.
    generation: u64,
    /// The last build's problems, one line each; empty when it succeeded.
    problems: Vec<String>,
}

impl Live {
    /// Tells open pages that files were rewritten: those showing one of
    /// `addresses` (page addresses, `/reports/x/`) reload; with `None`,
    /// every page does.
    pub fn reload(&self, addresses: Option<&[String]>) {
        let data: String = match addresses {
            None => "data: \n".into(),
            Some(list) => list
                .iter()
                .filter(|a| !a.contains(['\n', '\r']))
                .map(|a| format!("data: {a}\n"))
                .collect(),
        };
        self.send(format!("event: reload\n{data}\n"));
    }

    /// Records a finished build and tells every open page: the problems
    /// when it failed (the last good site is still what is served), or
    /// that there are none. Pages learn what to reload from
    /// [`Live::reload`].
    pub fn built(&self, problems: Vec<String>) {
        let message = if problems.is_empty() {
            "event: ok\ndata: \n\n".to_string()
        } else {
            let data: String = problems.iter().map(|p| format!("data: {p}\n")).collect();
            format!("event: problems\n{data}\n")
        };
        if let Ok(mut state) = self.state.lock() {
            state.generation += 1;
            state.problems = problems;
        }
        self.send(message);
    }

    fn send(&self, message: String) {
        if let Ok(mut listeners) = self.listeners.lock() {
            listeners.retain(|l| l.send(message.clone()).is_ok());
        }
    }

    /// `generation N` and `problems K`, one a line: for tests and scripts
    /// that wait for a rebuild.
    pub fn status(&self) -> String {
        let state = self.state.lock().map(|s| (s.generation, s.problems.len()));
        let (generation, problems) = state.unwrap_or_default();
        format!("generation {generation}\nproblems {problems}\n")
    }

    /// Keeps `out`, an HTTP connection, open as an event stream until the
    /// page goes away.
    pub fn listen(&self, mut out: Box<dyn Write + Send>) {
        let (sender, receiver) = channel();
        if let Ok(mut listeners) = self.listeners.lock() {
            listeners.push(sender);
        }
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n: renewal\n\n";
        if out
            .write_all(head.as_bytes())
            .and_then(|_| out.flush())
            .is_err()
        {
            return;
        }
        std::thread::spawn(move || {
            for message in receiver {
                if out
                    .write_all(message.as_bytes())
                    .and_then(|_| out.flush())
                    .is_err()
                {
                    break;
                }
            }
        });
    }

    /// The script added to every HTML page served: it listens for events
    /// and shows the current problems, if any, over the page.
    pub fn script(&self) -> String {
        let problems = self
            .state
            .lock()
            .map(|s| s.problems.join("\n"))
            .unwrap_or_default();
        format!(
            "<script id=\"renewal-live\">{}</script>",
            SCRIPT
                .replace("HEADING", &js_string(&crate::say!("preview-panel")))
                .replace("PROBLEMS", &js_string(&problems))
        )
    }
}

/// Listens for rebuilds and shows problems in a panel over the page.
const SCRIPT: &str = "(function(){function show(t){var d=document.getElementById('renewal-problems');if(!t){if(d)d.remove();return}if(!d){d=document.createElement('pre');d.id='renewal-problems';d.setAttribute('role','alert');d.style.cssText='position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1em;background:#fff5f5;color:#8a1c1c;border-top:4px solid #c00;font:14px/1.5 monospace;white-space:pre-wrap;z-index:2147483647';document.body.appendChild(d)}d.textContent=HEADING+'\\n\\n'+t}show(PROBLEMS);var s=new EventSource('/__renewal/events');s.addEventListener('reload',function(e){var l=e.data?e.data.split('\\n'):null,h=decodeURIComponent(location.pathname).replace(/index\\.html$/,'');if(!l||l.indexOf(h)>=0)location.reload()});s.addEventListener('ok',function(){show('')});s.addEventListener('problems',function(e){show(e.data)})})();";

/// `text` as a JavaScript string literal that is safe inside `<script>`.
fn js_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `html` with `script` added before its `</body>`.
pub fn inject(html: &[u8], script: &str) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    [&html[..at], script.as_bytes(), &html[at..]].concat()
}

/// What a site is built from, below its root.
const SOURCES: [&str; 4] = ["site.yaml", "content", "themes", "templates"];

/// Watches what a site is built from (`site.yaml`, `content/`, `themes/`,
/// `templates/`, including those folders when they appear later) and calls
/// `changed` with the changed paths, relative to `root`, once an editor
/// has finished saving ([`SETTLE`]). `pending` is set as soon as any
/// change comes in, so that a build under way can leave the rest of its
/// work to the next; `changed` answers whether it left some, and is then
/// called again, with no paths, once no change has come for [`SETTLE`]. Files being read, the output folder
/// and everything else at the root are not changes, so a build never sets
/// off another. The watch runs on a thread of its own for as long as the
/// process.
pub fn watch(
    root: &Path,
    output: &Path,
    pending: Arc<AtomicBool>,
    mut changed: impl FnMut(Vec<String>) -> bool + Send + 'static,
) -> Result<(), String> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let output = output
        .canonicalize()
        .unwrap_or_else(|_| output.to_path_buf());
    let (sender, events) = channel();
    let taken = Arc::clone(&pending);
    let handler = {
        let output = output.clone();
        move |event: notify::Result<Event>| {
            // Files being read (by a build, among others) are no change.
            if let Ok(e) = &event {
                if matches!(e.kind, EventKind::Access(_)) {
                    return;
                }
                if e.paths.iter().any(|p| !p.starts_with(&output)) {
                    pending.store(true, Ordering::Relaxed);
                }
            }
            let _ = sender.send((Instant::now(), event));
        }
    };
    let mut watcher = notify::recommended_watcher(handler).map_err(|e| {
        crate::say!(
            "serve-watch",
            path = root.display().to_string(),
            error = crate::i18n::messages::reason(&e)
        )
    })?;
    // The root itself, not recursively: site.yaml, and folders that appear.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| {
            crate::say!(
                "serve-watch",
                path = root.display().to_string(),
                error = crate::i18n::messages::reason(&e)
            )
        })?;
    let mut folders: Vec<&str> = Vec::new();
    for folder in &SOURCES[1..] {
        if root.join(folder).is_dir() {
            watcher
                .watch(&root.join(folder), RecursiveMode::Recursive)
                .map_err(|e| {
                    crate::say!(
                        "serve-watch",
                        path = *folder,
                        error = crate::i18n::messages::reason(&e)
                    )
                })?;
            folders.push(folder);
        }
    }
    let mut stamps: HashMap<PathBuf, Option<Stamp>> = SOURCES
        .iter()
        .flat_map(|s| {
            walkdir::WalkDir::new(root.join(s))
                .into_iter()
                .filter_map(Result::ok)
        })
        .map(|e| (e.path().to_path_buf(), stamp(e.path())))
        .collect();
    std::thread::spawn(move || {
        let watcher = &mut watcher;
        let mut owing = false;
        loop {
            let first = match owing {
                true => match events.recv_timeout(SETTLE) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                },
                false => match events.recv() {
                    Ok(event) => Some(event),
                    Err(_) => break,
                },
            };
            // A save has settled once no event has come for SETTLE since
            // the last one, counted from when it came: events that waited
            // while a build ran have waited long enough already.
            let mut last = first.as_ref().map(|(at, _)| *at);
            let mut batch: Vec<notify::Result<Event>> =
                first.into_iter().map(|(_, event)| event).collect();
            while let Some(at) = last {
                let left = SETTLE.saturating_sub(at.elapsed());
                let more = match left.is_zero() {
                    true => events.try_recv().ok(),
                    false => events.recv_timeout(left).ok(),
                };
                last = more.as_ref().map(|(at, _)| *at);
                batch.extend(more.map(|(_, event)| event));
            }
            let mut paths: Vec<PathBuf> = batch
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths)
                .filter(|p| !p.starts_with(&output))
                .collect();
            // A source folder that appears is watched from now on, and
            // what it holds counts as changed.
            for folder in &SOURCES[1..] {
                let path = root.join(folder);
                if !folders.contains(folder)
                    && path.is_dir()
                    && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
                {
                    folders.push(folder);
                    paths.extend(
                        walkdir::WalkDir::new(&path)
                            .into_iter()
                            .filter_map(Result::ok)
                            .map(|e| e.into_path()),
                    );
                }
            }
            let mut shown: Vec<String> = paths
                .into_iter()
                .filter(|p| !p.is_dir())
                .filter(|p| {
                    let now = stamp(p);
                    stamps.insert(p.clone(), now) != Some(now)
                })
                .map(|p| shown_path(&root, &p))
                .filter(|p| {
                    SOURCES
                        .iter()
                        .any(|s| p == s || p.starts_with(&format!("{s}/")))
                })
                // In content/ only reports count: editors save through
                // temporary files, which would start a build of their own.
                .filter(|p| !p.starts_with("content/") || p.to_ascii_lowercase().ends_with(".md"))
                .collect();
            shown.sort();
            shown.dedup();
            if !shown.is_empty() || owing {
                // What came in so far is in hand; only later changes
                // supersede the build.
                taken.store(false, Ordering::Relaxed);
                owing = changed(shown);
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_embedded_so_that_no_text_can_leave_the_script() {
        let live = Live::default();
        live.built(vec![
            "content/a.md:1:1: </script><script>alert(1)</script> \"x\"".into(),
        ]);
        let script = live.script();
        assert_eq!(script.matches("</script>").count(), 1, "{script}");
        assert!(script.contains("\\u003c/script\\u003e"));
        // Its heading is the catalogue's, in the language chosen.
        let heading = crate::say!("preview-panel");
        assert!(script.contains(&heading), "{script}");
        assert_eq!(live.status(), "generation 1\nproblems 1\n");
        let page = inject(b"<html><body><p>x</p></body></html>", "<s>");
        assert_eq!(page, b"<html><body><p>x</p><s></body></html>");
    }
}
