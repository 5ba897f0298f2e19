//! The live preview never serves a stale page: after every edit, what
//! `renewal serve` serves is byte for byte what a clean `build` of the same
//! sources writes (but for the listening script it adds to HTML pages),
//! and an edit with a mistake leaves the last good site served.

mod common;
use common::*;
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

/// A clean build of `root` into a fresh folder.
fn clean_build(root: &Path, into: &Path) {
    let _ = std::fs::remove_dir_all(into);
    let result = Command::new(BIN)
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
            "a district",
            Box::new(move |r: &Path, _| {
                let text = read(&r.join(midyear)).replace("- district: 东区", "- district: 东区x");
                save(r, midyear, &text.replace("东区x", "east"));
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
                std::fs::remove_file(r.join("content/2025/test-q4.md")).unwrap();
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
                std::fs::remove_file(r.join("templates/report.html")).unwrap();
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
