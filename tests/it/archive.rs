//! Annual snapshots: taken once, published byte for byte by every later
//! build whatever changes, verified against their manifests.

use crate::common::*;
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
    // The archive's page is a page of the site, in each edition, drawn
    // with the theme, linked from every footer and from the year's page,
    // and in the sitemap.
    let index = read(&root.join("output/archive/index.html"));
    assert!(
        index.contains("href=\"/archive/2025-r2/years/2025/\"")
            && index.contains("href=\"/archive/2025/years/2025/\""),
        "{index}"
    );
    assert!(index.contains("<h1>年度存档</h1>") && index.contains("<html lang=\"zh-Hans\">"));
    assert!(index.contains("<link rel=\"stylesheet\" href=\"/style.css\">"));
    assert!(index.contains("href=\"/archive/2025/manifest.json\""));
    let hant = read(&root.join("output/zh-hant/archive/index.html"));
    assert!(
        hant.contains("<h1>年度存檔</h1>") && hant.contains("href=\"/archive/2025/years/2025/\"")
    );
    for page in ["index.html", "reports/index.html", "zh-hant/index.html"] {
        let html = read(&root.join("output").join(page));
        assert!(
            html.contains("archive/\">年度存"),
            "{page} links the archive"
        );
    }
    let year = read(&root.join("output/years/2025/index.html"));
    assert!(
        year.contains("<a href=\"/archive/2025/years/2025/\">本年度存档</a>"),
        "{year}"
    );
    assert!(year.contains("<a href=\"/archive/2025-r2/years/2025/\">本年度存档（2025-r2）</a>"));
    let sitemap: String = std::fs::read_dir(root.join("output"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("sitemap"))
        .map(|e| read(&e.path()))
        .collect();
    assert!(sitemap.contains("/archive/</loc>") && sitemap.contains("/zh-hant/archive/</loc>"));
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

#[test]
fn a_snapshot_folder_that_cannot_be_verified_stops_verify_check_and_build_at_its_place() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    ok(root, &["build"]);
    let published = snapshot(&root.join("output"));
    const MANIFEST: &str = "archive/2025/manifest.json";
    const KEPT: &str = "manifest.json.kept";
    type Step = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Step, Step, &str)> = vec![
        (
            "a snapshot folder without its manifest",
            Box::new(|root| std::fs::rename(root.join(MANIFEST), root.join(KEPT)).unwrap()),
            Box::new(|root| std::fs::rename(root.join(KEPT), root.join(MANIFEST)).unwrap()),
            "archive/2025: has no manifest.json",
        ),
        (
            "a folder in archive/ that is no snapshot",
            Box::new(|root| write(root, "archive/old-site/index.html", "x")),
            Box::new(|root| std::fs::remove_dir_all(root.join("archive/old-site")).unwrap()),
            "archive/old-site: `old-site` is not a snapshot's name",
        ),
        #[cfg(unix)]
        (
            "a symbolic link inside a snapshot",
            Box::new(|root| {
                std::os::unix::fs::symlink("/etc/passwd", root.join("archive/2025/passwd")).unwrap()
            }),
            Box::new(|root| std::fs::remove_file(root.join("archive/2025/passwd")).unwrap()),
            "archive/2025/passwd: is a symbolic link to /etc/passwd",
        ),
    ];
    for (case, break_it, mend, expected) in cases {
        break_it(root);
        for command in [&["verify"][..], &["check"], &["build"]] {
            let result = run(root, command);
            let err = stderr(&result);
            assert_eq!(result.status.code(), Some(1), "{case}, {command:?}: {err}");
            assert!(err.contains(expected), "{case}, {command:?}: {err}");
        }
        assert_eq!(
            snapshot(&root.join("output")),
            published,
            "{case}: the output is as it was"
        );
        mend(root);
    }
    let out = ok(root, &["verify"]);
    assert!(out.contains("every file as taken"), "{out}");
}

#[test]
fn a_withdrawn_snapshot_is_gone_after_the_next_build_as_after_a_clean_one() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    ok(root, &["archive", "2024"]);
    ok(root, &["build"]);
    assert!(root.join("output/archive/2025/manifest.json").is_file());
    std::fs::remove_dir_all(root.join("archive/2025")).unwrap();
    // The archive page and the year's page change with it: the build
    // makes every page again, and leaves what a clean build leaves.
    ok(root, &["build"]);
    let clean = root.join("clean");
    ok(root, &["build", "--output", clean.to_str().unwrap()]);
    assert_eq!(snapshot(&root.join("output")), snapshot(&clean));
    assert!(!root.join("output/archive/2025").exists());
    // And once every snapshot is withdrawn, the archive folder goes too.
    std::fs::remove_dir_all(root.join("archive/2024")).unwrap();
    ok(root, &["build"]);
    std::fs::remove_dir_all(&clean).unwrap();
    ok(root, &["build", "--output", clean.to_str().unwrap()]);
    assert_eq!(snapshot(&root.join("output")), snapshot(&clean));
    assert!(!root.join("output/archive").exists());
}

#[test]
fn warc_takes_only_a_snapshot_s_name_and_never_writes_among_the_sources() {
    let site = example_site();
    let root = site.path();
    ok(root, &["archive", "2025"]);
    let sources = |root: &Path| {
        let mut all = snapshot(&root.join("content"));
        all.extend(snapshot(&root.join("archive")));
        all.insert(
            "site.yaml".into(),
            std::fs::read(root.join("site.yaml")).unwrap(),
        );
        all
    };
    let before = sources(root);
    for name in [
        "2025/",
        "archive/2025",
        "../2025",
        "25",
        "2025-r1",
        "2025 ",
        "",
    ] {
        let result = run(root, &["warc", name]);
        assert_eq!(
            result.status.code(),
            Some(2),
            "{name:?}: {}",
            stderr(&result)
        );
        assert!(
            stderr(&result).contains("is not a snapshot's name"),
            "{name:?}: {}",
            stderr(&result)
        );
    }
    let absent = run(root, &["warc", "2019"]);
    assert_eq!(absent.status.code(), Some(2));
    assert!(stderr(&absent).contains("holds no snapshot 2019 (there are 2025)"));
    let site_yaml = root.join("site.yaml");
    for output in [
        site_yaml.clone(),
        root.join("content/2025/x.warc.gz"),
        root.join("archive/2025/x.warc.gz"),
        root.join("archive/other.warc.gz"),
        root.join("content/../site.yaml"),
        root.to_path_buf(),
    ] {
        let result = run(
            root,
            &["warc", "2025", "--output", output.to_str().unwrap()],
        );
        assert_eq!(result.status.code(), Some(3), "{}", output.display());
        assert!(
            stderr(&result).contains("refusing to write"),
            "{}: {}",
            output.display(),
            stderr(&result)
        );
    }
    assert_eq!(sources(root), before, "nothing among the sources changed");
    let out = ok(root, &["verify"]);
    assert!(out.contains("every file as taken"), "{out}");
    // Without --output, beside the snapshot, where verify does not look.
    ok(root, &["warc", "2025"]);
    assert!(root.join("archive/2025.warc.gz").is_file());
    assert!(ok(root, &["verify"]).contains("every file as taken"));
}

/// A site on the built-in theme (made by `renewal init`, with no
/// `themes/` folder) publishes its snapshots and their page, as a site
/// with its own copy of the theme does.
#[test]
fn a_site_on_the_built_in_theme_publishes_its_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let site = init_site(dir.path(), "site");
    let archived = run(&site, &["archive", "2026"]);
    assert!(archived.status.success(), "{}", stderr(&archived));
    let built = run(&site, &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let page = read(&site.join("output/archive/index.html"));
    assert!(page.contains("archive/2026/years/2026/"), "{page}");
    assert!(site.join("output/data/index.html").is_file());
}
