//! The live preview never serves a stale page: after every edit, what
//! `renewal serve` serves is byte for byte what a clean `build` of the same
//! sources writes (but for the listening script it adds to HTML pages),
//! and an edit with a mistake leaves the last good site served.

use crate::common::*;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// (status code, body) of a GET.
fn get(address: &str, path: &str) -> (u16, Vec<u8>) {
    let response = http_get(address, path);
    (response.status, response.body)
}

/// (builds finished, problems of the last) as `serve` reports them.
fn status(address: &str) -> (u64, usize) {
    let (_, body) = get(address, "/__renewal/status");
    let text = String::from_utf8(body).unwrap();
    let number = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    (number("generation "), number("problems ") as usize)
}

/// Waits until a build after `before` has finished and no other follows.
fn rebuilt(address: &str, before: u64) -> usize {
    let start = Instant::now();
    let mut last = status(address);
    while last.0 <= before {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no rebuild after an edit"
        );
        std::thread::sleep(Duration::from_millis(20));
        last = status(address);
    }
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = status(address);
        if now == last {
            return now.1;
        }
        last = now;
    }
}

/// Writes a file as editors do: a new file beside it, renamed over it.
fn save(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let temp = path.with_extension("saving");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, &path).unwrap();
}

/// `html` without the listening script `serve` adds.
fn without_script(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    match (
        text.find("<script id=\"renewal-live\">"),
        text.find("</script></body>"),
    ) {
        (Some(start), Some(end)) => {
            let mut out = text[..start].to_string();
            out.push_str(&text[end + "</script>".len()..]);
            out.into_bytes()
        }
        _ => page.to_vec(),
    }
}

/// Asserts that every file of `expected` (a clean build) is served as it
/// is, and that `gone` pages are not served at all.
fn serves_exactly(address: &str, expected: &Path, gone: &[&str], step: &str) {
    for (path, bytes) in snapshot(expected) {
        if path.starts_with('.') {
            continue;
        }
        let url = match path.strip_suffix("index.html") {
            Some(folder) => format!("/{folder}"),
            None => format!("/{path}"),
        };
        let (code, body) = get(address, &url);
        assert_eq!(code, 200, "{step}: {url}");
        assert!(
            without_script(&body) == bytes,
            "{step}: {url} differs from a clean build"
        );
    }
    for url in gone {
        assert_eq!(get(address, url).0, 404, "{step}: {url} is still served");
    }
}

/// A clean build of `root` into a fresh folder, as of [`BUILT`].
fn clean_build(root: &Path, into: &Path) {
    clean_build_at(root, into, BUILT);
}

/// A clean build of `root` into a fresh folder, as of `epoch`.
fn clean_build_at(root: &Path, into: &Path, epoch: &str) {
    let _ = std::fs::remove_dir_all(into);
    let result = Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .env("SOURCE_DATE_EPOCH", epoch)
        .arg("--root")
        .arg(root)
        .args(["build", "--output"])
        .arg(into)
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", stderr(&result));
}

#[test]
fn what_serve_serves_after_every_edit_is_what_a_clean_build_writes() {
    let site = fixture("basic");
    let root = site.path();
    // With a traditional-script edition, whose pages must follow every edit too.
    let config = read(&root.join("site.yaml")).replace(
        "language: zh-Hans\n",
        "language: zh-Hans\neditions: [zh-Hant]\n",
    );
    write(root, "site.yaml", config);
    let work = tempfile::tempdir().unwrap();
    let (served_out, clean) = (work.path().join("served"), work.path().join("clean"));
    let server = serve(root, &["--output", served_out.to_str().unwrap()]);
    let address = server.address.clone();
    clean_build(root, &clean);
    serves_exactly(&address, &clean, &[], "at start");

    let plan = "content/2025/test-plan.md";
    let midyear = "content/2025/test-midyear.md";
    let original_plan = read(&root.join(plan));
    // A fixed sequence drawn once from a seeded generator: the same edits
    // every run.
    let mut seed: u64 = 0x5eed_2026;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    type Edit = (
        &'static str,
        Box<dyn Fn(&Path, usize)>,
        bool,
        &'static [&'static str],
    );
    let edits: Vec<Edit> = vec![
        (
            "a figure",
            Box::new(move |r: &Path, n| {
                let text =
                    read(&r.join(plan)).replace("target: 40", &format!("target: {}", 41 + n % 50));
                save(r, plan, &text);
            }),
            true,
            &[],
        ),
        (
            "a title",
            Box::new(move |r: &Path, n| {
                let text = read(&r.join(plan))
                    .replace("城市更新计划", &format!("城市更新计划（第{}版）", n % 9));
                save(r, plan, &text);
            }),
            true,
            &[],
        ),
        (
            "a sentence of the body, and nothing else",
            Box::new(move |r: &Path, n| {
                let text = read(&r.join(plan)).replace(
                    "全年改造燃气管网",
                    &format!("全年改造燃气管网（第{}段）", n % 7),
                );
                save(r, plan, &text);
            }),
            true,
            &[],
        ),
        (
            "a district",
            Box::new(move |r: &Path, _| {
                let text = read(&r.join(midyear)).replace("- district: 东区", "- district: 东区x");
                save(r, midyear, &text.replace("东区x", "east"));
            }),
            true,
            &[],
        ),
        (
            // The update now comes before the plan: the reports' order
            // changes, and the midyear figures no longer count against it.
            "a date moved",
            Box::new(move |r: &Path, n| {
                let text = read(&r.join(midyear)).replace(
                    "published: 2025-07-10",
                    &format!("published: 2025-01-{:02}", 10 + n % 9),
                );
                save(r, midyear, &text);
            }),
            true,
            &[],
        ),
        (
            "the date put back",
            Box::new(move |r: &Path, _| {
                let mut text = read(&r.join(midyear));
                if let Some(at) = text.find("published: 2025-01-") {
                    text.replace_range(at + 11..at + 21, "2025-07-10");
                }
                save(r, midyear, &text);
            }),
            true,
            &[],
        ),
        (
            "a unit made invalid",
            Box::new(move |r: &Path, _| {
                let text = read(&r.join(plan)).replace("    unit: 公里", "    unit: [公里");
                save(r, plan, &text);
            }),
            false,
            &[],
        ),
        (
            "the unit put back",
            Box::new(move |r: &Path, _| {
                let text = read(&r.join(plan)).replace("    unit: [公里", "    unit: 公里");
                save(r, plan, &text);
            }),
            true,
            &[],
        ),
        (
            "a report added",
            Box::new(move |r: &Path, n| {
                let text = format!(
                    "---\ntitle: 新报告{n}\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-10-0{}\nmetrics:\n  - id: test-compounds\n    actual: {}\n---\n正文\n",
                    1 + n % 9,
                    n % 40
                );
                save(r, "content/2025/test-q4.md", &text);
            }),
            true,
            &[],
        ),
        (
            "a report deleted",
            Box::new(move |r: &Path, _| {
                // Drawn before the report was added: the plan saved as it
                // is, so that there is still a save to rebuild after.
                if std::fs::remove_file(r.join("content/2025/test-q4.md")).is_err() {
                    save(r, plan, &read(&r.join(plan)));
                }
            }),
            true,
            &["/reports/test-q4/"],
        ),
        (
            "a template added",
            Box::new(move |r: &Path, n| {
                let base = read(&repo().join("themes/default/templates/report.html"));
                save(
                    r,
                    "templates/report.html",
                    &base.replacen(
                        "{% block content %}",
                        &format!("{{% block content %}}<p>模板第{n}版</p>"),
                        1,
                    ),
                );
            }),
            true,
            &[],
        ),
        (
            "the template removed",
            Box::new(move |r: &Path, _| {
                // Drawn before the template was added: the plan saved as
                // it is, so that there is still a save to rebuild after.
                if std::fs::remove_file(r.join("templates/report.html")).is_err() {
                    save(r, plan, &read(&r.join(plan)));
                }
            }),
            true,
            &[],
        ),
        (
            "the plan restored",
            Box::new(move |r: &Path, _| save(r, plan, &original_plan)),
            true,
            &[],
        ),
    ];
    // Each edit in turn, then the valid ones again in a shuffled order.
    let mut order: Vec<usize> = (0..edits.len()).collect();
    let mut again: Vec<usize> = (0..edits.len()).filter(|&i| edits[i].2).collect();
    for i in (1..again.len()).rev() {
        again.swap(i, next() % (i + 1));
    }
    order.extend(again);
    let mut last_good = work.path().join("good");
    clean_build(root, &last_good);
    for (step, &e) in order.iter().enumerate() {
        let (name, edit, valid, gone) = &edits[e];
        let before = status(&address).0;
        edit(root, next());
        let problems = rebuilt(&address, before);
        let step = format!("step {step}, {name}");
        if *valid {
            assert_eq!(problems, 0, "{step}: a valid edit has no problems");
            clean_build(root, &clean);
            serves_exactly(&address, &clean, gone, &step);
            last_good = clean.clone();
        } else {
            assert!(problems > 0, "{step}: the mistake is reported");
            serves_exactly(&address, &last_good, &[], &step);
            let (_, page) = get(&address, "/reports/test-plan/");
            assert!(
                String::from_utf8_lossy(&page).contains("field `metrics[0].unit`"),
                "{step}: the open page shows the problem"
            );
        }
    }
}

#[test]
fn the_listening_script_is_added_by_serve_only() {
    let site = fixture("basic");
    let work = tempfile::tempdir().unwrap();
    let served = work.path().join("served");
    let server = serve(site.path(), &["--output", served.to_str().unwrap()]);
    let (_, page) = get(&server.address, "/");
    assert!(String::from_utf8_lossy(&page).contains("<script id=\"renewal-live\">"));
    let built = work.path().join("built");
    clean_build(site.path(), &built);
    for (path, bytes) in snapshot(&built) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("renewal-live"),
            "{path} carries the preview's script"
        );
    }
    for path in [
        "/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
        "/reports/../../site.yaml",
    ] {
        assert_eq!(get(&server.address, path).0, 404, "{path}");
    }
}

/// The events `serve` sends to open pages, read from `/__renewal/events`
/// on a thread of their own: (event, data) as they come.
fn events(address: &str) -> std::sync::mpsc::Receiver<(String, String)> {
    use std::io::{BufRead, BufReader, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET /__renewal/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (mut event, mut data) = (String::new(), Vec::new());
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(text) = line.strip_prefix("data: ") {
                data.push(text.to_string());
            } else if line.is_empty() && !event.is_empty() {
                let message = (std::mem::take(&mut event), data.join("\n"));
                data.clear();
                if sender.send(message).is_err() {
                    break;
                }
            }
        }
    });
    receiver
}

/// The address lists of the `reload` events that come until the events
/// fall quiet for half a second.
fn reload_lists(told: &std::sync::mpsc::Receiver<(String, String)>) -> Vec<String> {
    let mut reloads = Vec::new();
    while let Ok((event, data)) = told.recv_timeout(Duration::from_millis(500)) {
        if event == "reload" {
            reloads.push(data);
        }
    }
    reloads
}

#[test]
fn an_edited_report_is_rewritten_first_and_only_the_pages_that_changed_reload() {
    let site = fixture("basic");
    let root = site.path();
    let work = tempfile::tempdir().unwrap();
    let served = work.path().join("served");
    let server = serve(root, &["--output", served.to_str().unwrap()]);
    let told = events(&server.address);
    let plan = read(&root.join("content/2025/test-midyear.md"));
    let (before, _) = status(&server.address);
    save(
        root,
        "content/2025/test-midyear.md",
        &plan.replacen("title: ", "title: 改过的", 1),
    );
    rebuilt(&server.address, before);
    let reloads = reload_lists(&told);
    // First the report's own page (and its data files), alone; then the
    // pages that list it, among them the home page.
    assert!(reloads.len() >= 2, "{reloads:?}");
    assert!(reloads[0].lines().any(|l| l == "/reports/test-midyear/"));
    assert!(
        reloads[0]
            .lines()
            .all(|l| l.starts_with("/reports/test-midyear/")),
        "{reloads:?}"
    );
    let rest: Vec<&str> = reloads[1..].iter().flat_map(|d| d.lines()).collect();
    assert!(rest.contains(&"/"), "{rest:?}");
    assert!(rest.contains(&"/reports/"), "{rest:?}");
    assert!(!rest.contains(&"/reports/test-midyear/"), "{rest:?}");
    // Pages the edit did not change are not told to reload.
    assert!(!rest.contains(&"/404.html"), "{rest:?}");

    // A deleted report's page goes first, before the pages that listed it.
    let (before, _) = status(&server.address);
    std::fs::remove_file(root.join("content/2025/test-midyear.md")).unwrap();
    rebuilt(&server.address, before);
    let reloads = reload_lists(&told);
    assert!(reloads.len() >= 2, "{reloads:?}");
    assert!(
        reloads[0]
            .lines()
            .all(|l| l.starts_with("/reports/test-midyear/")),
        "{reloads:?}"
    );
    assert!(reloads[0].lines().any(|l| l == "/reports/test-midyear/"));
    assert_eq!(get(&server.address, "/reports/test-midyear/").0, 404);
}

#[test]
fn a_superseded_preview_build_leaves_the_rest_to_the_next_and_ends_as_a_clean_build() {
    use renewal::site::{Preview, Progress};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let site = fixture("basic");
    let root = site.path();
    let work = tempfile::tempdir().unwrap();
    let (served, clean) = (work.path().join("served"), work.path().join("clean"));
    let progress = Progress {
        start: &|_| {},
        tick: &|| {},
    };
    let newer = Arc::new(AtomicBool::new(false));
    let mut preview = Preview::default();
    preview.superseded = Some(Arc::clone(&newer));
    preview.build(root, &served, false, &[], &progress).unwrap();
    let file = "content/2025/test-midyear.md";
    let plan = read(&root.join(file));
    save(root, file, &plan.replacen("title: ", "title: 改过的", 1));
    // A newer change is already waiting: only the edited report's page is made.
    newer.store(true, Ordering::Relaxed);
    preview
        .build(root, &served, false, &[file.to_string()], &progress)
        .unwrap();
    assert!(
        preview.owes(),
        "the other pages are left for the next build"
    );
    // The preview in this process builds for this process's day.
    let days = renewal::model::date::today().first_day();
    clean_build_at(root, &clean, &(days * 86_400).to_string());
    let page = "reports/test-midyear/index.html";
    assert_eq!(read(&served.join(page)), read(&clean.join(page)));
    assert_ne!(
        read(&served.join("index.html")),
        read(&clean.join("index.html")),
        "the home page waits for the next build"
    );
    // The next build, with nothing new, finishes them.
    newer.store(false, Ordering::Relaxed);
    preview.build(root, &served, false, &[], &progress).unwrap();
    assert!(!preview.owes());
    let strip = |mut files: std::collections::BTreeMap<String, Vec<u8>>| {
        files.retain(|path, _| !path.starts_with('.'));
        files
    };
    assert!(
        strip(snapshot(&served)) == strip(snapshot(&clean)),
        "the preview's output differs from a clean build"
    );
}

#[test]
fn a_page_made_again_with_fewer_files_leaves_none_behind() {
    let site = fixture("basic");
    let root = site.path();
    // The search index lists 256 reports a file: one report more takes a
    // second file, and deleting it takes that file away.
    for n in 0..255 {
        let report = format!(
            "---\ntitle: 测试市第{n}号简报\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nmetrics:\n  - id: test-compounds\n    actual: {n}\n    as_of: 2025-03-01\n---\n\n第{n}号。\n"
        );
        write(root, &format!("content/2025/brief-{n:03}.md"), report);
    }
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("served");
    let server = serve(root, &["--output", out.to_str().unwrap()]);
    let address = server.address.clone();
    assert_eq!(get(&address, "/search/d-1.json").0, 200);
    let before = status(&address).0;
    std::fs::remove_file(root.join("content/2025/brief-254.md")).unwrap();
    assert_eq!(rebuilt(&address, before), 0);
    assert_eq!(get(&address, "/search/d-1.json").0, 404);
    let clean = work.path().join("clean");
    clean_build(root, &clean);
    assert!(!clean.join("search/d-1.json").exists());
    assert!(
        !out.join("search/d-1.json").exists(),
        "a file the index no longer has"
    );
}
