//! Annual snapshots: taken once, published byte for byte by every later
//! build whatever changes, verified against their manifests.

mod common;
use common::*;
use std::path::Path;

fn ok(site: &Path, args: &[&str]) -> String {
    let result = run(site, args);
    assert!(result.status.success(), "{args:?}: {}", stderr(&result));
    stdout(&result)
}

#[test]
fn a_snapshot_is_published_byte_for_byte_whatever_changes_later() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    let taken = snapshot(&root.join("archive/2025"));
    assert!(taken.contains_key("manifest.json"));
    assert!(taken.contains_key("reports/mingchuan-2025-plan/index.html"));
    assert!(taken.contains_key("zh-hant/reports/mingchuan-2025-plan/index.html"));
    assert!(taken.contains_key("metrics/mingchuan-2025-gas-mains/data.csv"));
    assert!(taken.contains_key("years/2025/index.html"));
    assert!(
        !taken.contains_key("reports/dezhou-2022-review/index.html"),
        "another year's report"
    );
    let page =
        String::from_utf8_lossy(&taken["reports/mingchuan-2025-plan/index.html"]).into_owned();
    assert!(
        page.contains("class=\"archive-banner\""),
        "the banner is added when taken"
    );
    assert!(
        page.contains("href=\"/archive/2025/style.css\""),
        "its own stylesheet"
    );
    assert!(
        page.contains("href=\"https://renewal.example.org/cities/\""),
        "the live site by its full address"
    );
    ok(root, &["build"]);
    let published = snapshot(&root.join("output/archive/2025"));
    assert_eq!(published, taken);

    // A new theme look, a template, a report and a figure change.
    let css = root.join("themes/default/static/style.css");
    let mut style = read(&css);
    style.push_str("body { background: #ffe; }\n");
    write(root, "themes/default/static/style.css", style);
    let report = root.join("themes/default/templates/report.html");
    let template = read(&report).replace(
        "<h1>{{ report.title }}</h1>",
        "<h1 class=\"new\">{{ report.title }}</h1>",
    );
    write(root, "themes/default/templates/report.html", template);
    let plan = read(&root.join("content/2025/mingchuan-2025-plan.md"))
        .replace("target: 42.0", "target: 43.0")
        .replace(
            "title: 明川市2025年城市更新计划",
            "title: 明川市2025年城市更新计划（修订）",
        );
    write(root, "content/2025/mingchuan-2025-plan.md", plan);
    ok(root, &["build"]);
    let live = read(&root.join("output/reports/mingchuan-2025-plan/index.html"));
    assert!(
        live.contains("43.0") && live.contains("class=\"new\""),
        "the live site changed"
    );
    assert_eq!(
        snapshot(&root.join("output/archive/2025")),
        taken,
        "the snapshot did not"
    );
    let output = root.join("output");
    let out = ok(root, &["verify", "--output", output.to_str().unwrap()]);
    assert!(out.contains("every file as taken"), "{out}");
}

#[test]
fn verify_names_every_changed_missing_and_extra_file() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    ok(root, &["build"]);
    write(root, "archive/2025/years/2025/index.html", "changed");
    std::fs::remove_file(root.join("archive/2025/style.css")).unwrap();
    write(root, "archive/2025/extra.html", "added");
    write(
        root,
        "output/archive/2025/reports/mingchuan-2025-q3/data.csv",
        "changed",
    );
    let output = root.join("output");
    let result = run(root, &["verify", "--output", output.to_str().unwrap()]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    for expected in [
        "archive/2025/years/2025/index.html: changed since the snapshot was taken",
        "archive/2025/style.css: missing",
        "archive/2025/extra.html: not in the snapshot's manifest",
        "output/archive/2025/reports/mingchuan-2025-q3/data.csv: changed since the snapshot was taken",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn a_second_snapshot_of_a_year_is_kept_beside_the_first_only_when_asked() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    let first = snapshot(&root.join("archive/2025"));
    let again = run(root, &["archive", "2025"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--revision"), "{}", stderr(&again));
    ok(root, &["archive", "2025", "--revision"]);
    assert_eq!(
        snapshot(&root.join("archive/2025")),
        first,
        "the first is untouched"
    );
    ok(root, &["build"]);
    assert!(
        root.join("output/archive/2025/years/2025/index.html")
            .is_file()
    );
    assert!(
        root.join("output/archive/2025-r2/years/2025/index.html")
            .is_file()
    );
    let index = read(&root.join("output/archive/index.html"));
    assert!(index.contains("2025-r2/years/2025/") && index.contains("\"2025/years/2025/"));
    assert!(index.contains("<h1>年度存档</h1>") && index.contains("<html lang=\"zh-Hans\">"));
}

#[test]
fn a_snapshot_exports_as_the_same_warc_every_time() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    let first = root.join("first.warc.gz");
    let second = root.join("second.warc.gz");
    ok(root, &["warc", "2025", "--output", first.to_str().unwrap()]);
    ok(root, &["build"]);
    ok(
        root,
        &["warc", "2025", "--output", second.to_str().unwrap()],
    );
    let bytes = std::fs::read(&first).unwrap();
    assert_eq!(bytes, std::fs::read(&second).unwrap(), "deterministic");
    // One gzip member per record: a warcinfo, then a response per file.
    let mut decoder = flate2::read::MultiGzDecoder::new(&bytes[..]);
    let mut text = Vec::new();
    std::io::Read::read_to_end(&mut decoder, &mut text).unwrap();
    let text = String::from_utf8_lossy(&text);
    let files = snapshot(&root.join("archive/2025")).len() - 1;
    assert_eq!(text.matches("WARC/1.1\r\n").count(), files + 1);
    assert!(text.contains("WARC-Type: warcinfo"));
    assert!(text.contains(
        "WARC-Target-URI: https://renewal.example.org/archive/2025/reports/mingchuan-2025-plan/"
    ));
    assert!(text.contains("WARC-Payload-Digest: sha256:"));
}
