//! Bad input, as a web team would produce it: each case breaks a copy of the
//! fixture site in one way and checks the message names the file, line,
//! column and field, the exit code is 1, and the published output is
//! exactly as it was before the failed build.

use crate::common::*;

const PLAN_HEAD: &str =
    "---\ntitle: 坏报告\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-03-01\n";

fn with_metrics(metrics: &str) -> String {
    format!("{PLAN_HEAD}metrics:\n{metrics}---\n正文\n")
}

/// (case, file to write, its contents, fragments the error output must contain)
fn cases() -> Vec<(&'static str, &'static str, Vec<u8>, Vec<&'static str>)> {
    vec![
        ("no front matter", "content/bad.md", b"# Title\n\ntext\n".to_vec(), vec!["content/bad.md:1:1: no front matter"]),
        ("unclosed front matter", "content/bad.md", b"---\ntitle: x\nkind: plan\n".to_vec(), vec!["content/bad.md:1:1: the front matter opened on line 1 is never closed"]),
        ("empty file", "content/bad.md", b"".to_vec(), vec!["content/bad.md:1:1: the file is empty"]),
        ("yaml syntax error", "content/bad.md", b"---\ntitle: [unclosed\nkind: plan\n---\n".to_vec(), vec!["content/bad.md:2:", "field `title`"]),
        ("wrong type", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: 十条\n").into_bytes(),
            vec!["content/bad.md:11:13: field `metrics[0].target`: expected a plain number"]),
        ("unknown field", "content/bad.md", format!("{PLAN_HEAD}titel: x\n---\n").into_bytes(),
            vec!["content/bad.md:7:1: field `titel`: unknown field `titel`; the fields allowed here are:", "title", "metrics"]),
        ("missing required field", "content/bad.md", b"---\ntitle: x\ncity: test-city\nyear: 2025\npublished: 2025-03-01\n---\n".to_vec(),
            vec!["content/bad.md:1:1: field `kind`: required field `kind` is missing from this block"]),
        ("missing field in a metric", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n    target: 3\n").into_bytes(),
            vec!["content/bad.md:8:9: field `metrics[0].unit`", "has a label but no `unit`"]),
        ("negative target", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: -5\n").into_bytes(),
            vec!["content/bad.md:11:13: field `metrics[0].target`: -5 is negative"]),
        ("duplicate metric id", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: 5\n  - id: bad-roads\n    target: 6\n").into_bytes(),
            vec!["content/bad.md:12:9: field `metrics[1].id`: metric `bad-roads` appears twice in this report (first on line 8)"]),
        ("unit changes between reports", "content/bad.md", with_metrics("  - id: test-gas-mains\n    unit: 米\n    districts:\n      - district: east\n        actual: 9000\n").into_bytes(),
            vec!["content/bad.md:9:11: field `metrics[0].unit`: metric `test-gas-mains` changes unit from 公里 to 米; it was introduced in content/2025/test-plan.md:15:11 with unit 公里"]),
        ("update of an undefined metric", "content/bad.md", with_metrics("  - id: test-gas-mainz\n    actual: 3\n").into_bytes(),
            vec!["content/bad.md:8:9: field `metrics[0].id`: no report introduces metric `test-gas-mainz`"]),
        ("date that is not a date", "content/bad.md", b"---\ntitle: x\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-02-30\n---\n".to_vec(),
            vec!["content/bad.md:6:12: field `published`: `2025-02-30` is not a date: 2025-02 has 28 days"]),
        ("deadline that is not a date", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: 5\n    deadline: 年底\n").into_bytes(),
            vec!["content/bad.md:12:15: field `metrics[0].deadline`: `年底` is not a date"]),
        ("invalid UTF-8", "content/bad.md", [b"---\ntitle: x\nkind: \xb9\xa4 plan\n".as_slice()].concat(),
            vec!["content/bad.md:3:7: is not valid UTF-8 text"]),
        ("unknown district", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: 5\n    district: 北区\n").into_bytes(),
            vec!["content/bad.md:12:15: field `metrics[0].district`: `北区` is not a district of 测试市 in site.yaml; declared districts: 东区, 西区"]),
        ("unknown city", "content/bad.md", "---\ntitle: x\nkind: plan\ncity: 别的市\nyear: 2025\npublished: 2025\n---\n".as_bytes().to_vec(),
            vec!["content/bad.md:4:7: field `city`: `别的市` is not a city declared in site.yaml; declared: test-city (测试市)"]),
        ("duplicate key", "content/bad.md", b"---\ntitle: x\ntitle: y\nkind: plan\n---\n".to_vec(),
            vec!["content/bad.md:3:1: field `title`: `title` is given twice"]),
        ("unknown report kind", "content/bad.md", b"---\ntitle: x\nkind: budget\ncity: test-city\nyear: 2025\npublished: 2025\n---\n".to_vec(),
            vec!["content/bad.md:3:7: field `kind`", "budget", "plan"]),
        ("file name unusable as an address", "content/东营.md", b"---\ntitle: x\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025\n---\n".to_vec(),
            vec!["content/东营.md: the file name gives the report's address", "add a `slug:` field"]),
        ("two reports with one address", "content/other/test-plan.md", "---\ntitle: x\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025\n---\n".as_bytes().to_vec(),
            vec!["content/other/test-plan.md: the file name gives this report the address /reports/test-plan/, which is already taken (content/2025/test-plan.md's file name gives it); rename one file or give one a `slug:`"]),
        ("a slug that another report's file name has", "content/other.md", "---\ntitle: x\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025\nslug: test-plan\n---\n".as_bytes().to_vec(),
            vec!["content/other.md:7:7: field `slug`: the address /reports/test-plan/ is already taken (content/2025/test-plan.md's file name gives it); choose another slug"]),
        ("full-width colon after a field name", "content/bad.md", "---\ntitle\u{ff1a} 坏报告\nkind: plan\n---\n".as_bytes().to_vec(),
            vec!["content/bad.md:2:6: field `title`: `title` is followed by a full-width colon '：'; YAML needs an ASCII colon ':' followed by a space: `title: `"]),
        ("non-breaking spaces used to indent", "content/bad.md", with_metrics("  - id: bad-roads\n    label: 道路\n\u{a0}\u{a0}\u{a0}\u{a0}unit: 条\n").into_bytes(),
            vec!["content/bad.md:10:1: field `metrics[0].unit`: the indentation holds a non-breaking space (U+00A0), which looks like a space but is not one to YAML; retype the indentation with ordinary spaces"]),
        ("control character pasted into a value", "content/bad.md", "---\ntitle: 坏\u{1b}[0m报告\nkind: plan\n---\n".as_bytes().to_vec(),
            vec!["content/bad.md:2:9: field `title`: an invisible character (U+001B) is here, often pasted from another program; delete it"]),
        ("control character written as a YAML escape", "content/bad.md", "---\ntitle: \"坏\\e报告\"\nkind: plan\n---\n".as_bytes().to_vec(),
            vec!["content/bad.md:2:10: field `title`: the escape `\\e` writes an invisible character (U+001B) that no page, feed or download can hold; delete it"]),
        ("direction override written as a YAML escape", "content/bad.md", with_metrics("  - id: bad-roads\n    label: \"道路\\u202e\"\n    unit: 条\n    target: 5\n").into_bytes(),
            vec!["content/bad.md:9:15: field `metrics[0].label`: the escape `\\u202e` writes an invisible character (U+202E)"]),
        ("NUL written as a YAML escape in a source", "content/bad.md", format!("{PLAN_HEAD}source:\n  publisher: \"局\\0\"\n---\n").into_bytes(),
            vec!["content/bad.md:8:16: field `source.publisher`: the escape `\\0` writes an invisible character (U+0000)"]),
        ("control character in the body", "content/bad.md", format!("{PLAN_HEAD}---\n第一段\n坏\u{7}字\n").into_bytes(),
            vec!["content/bad.md:9:2: an invisible control character (U+0007) is here in the text"]),
        ("tab used to indent", "content/bad.md", with_metrics("  - id: bad-roads\n\tlabel: 道路\n").into_bytes(),
            vec!["content/bad.md:9:1: a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces"]),
        ("empty front matter", "content/bad.md", b"---\n---\n\nbody\n".to_vec(),
            vec!["content/bad.md:2:1: the front matter is empty: a report gives at least `title`, `kind`, `city`, `year` and `published`"]),
        ("several required fields missing", "content/bad.md", b"---\ntitle: x\ncity: test-city\n---\n".to_vec(),
            vec!["content/bad.md:1:1: field `kind`: required fields `kind`, `year` and `published` are missing"]),
        ("template syntax error", "templates/report.html", b"{% extends \"base.html\" %}\n{% block content %}\n{% if report.title %}\n{% endblock content %}\n".to_vec(),
            vec!["templates/report.html:4:", "template error"]),
        ("template rendering error", "templates/report.html", b"{% extends \"base.html\" %}\n{% block content %}\n{{ report.no_such_field }}\n{% endblock content %}\n".to_vec(),
            vec!["templates/report.html:3:", "template error", "while rendering reports/"]),
    ]
}

#[test]
fn each_bad_input_is_reported_with_its_place_and_nothing_is_written() {
    let mut failures = Vec::new();
    for (case, file, contents, expected) in cases() {
        let site = fixture("basic");
        let out = site.path().join("output");
        let first = run(site.path(), &["build"]);
        assert!(
            first.status.success(),
            "{case}: fixture must build: {}",
            stderr(&first)
        );
        let before = snapshot(&out);

        write(site.path(), file, &contents);
        let result = run(site.path(), &["build"]);
        let err = stderr(&result);
        assert_eq!(
            result.status.code(),
            Some(1),
            "{case}: exit code; stderr:\n{err}"
        );
        for fragment in expected {
            if !err.contains(fragment) {
                failures.push(format!("{case}: expected `{fragment}` in:\n{err}"));
            }
        }
        assert!(err.contains("nothing was written"), "{case}: {err}");
        assert!(!err.contains("panicked"), "{case}: {err}");
        assert_eq!(
            snapshot(&out),
            before,
            "{case}: output changed after a failed build"
        );

        let check = run(site.path(), &["check"]);
        assert_eq!(check.status.code(), Some(1), "{case}: check must fail too");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_error_of_a_run_is_listed() {
    let site = fixture("basic");
    write(site.path(), "content/a.md", "# no front matter\n");
    write(
        site.path(),
        "content/b.md",
        with_metrics(
            "  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: -1\n  - id: bad-parks\n    label: 公园\n    unit: 个\n    target: 2\n    deadline: soon\n",
        ),
    );
    write(site.path(), "content/c.md", "");
    let result = run(site.path(), &["check"]);
    let err = stderr(&result);
    for fragment in [
        "content/a.md:1:1: no front matter",
        "content/b.md:11:13: field `metrics[0].target`: -1 is negative",
        "content/b.md:16:15: field `metrics[1].deadline`: `soon` is not a date",
        "content/c.md:1:1: the file is empty",
        "error: 4 problem(s) in 3 file(s); nothing was written",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
}

#[test]
fn one_error_does_not_hide_another() {
    let site = fixture("basic");
    let head = |title: &str| PLAN_HEAD.replace("坏报告", title);
    // A plan with a misspelt district in one row: its metric is still known.
    write(
        site.path(),
        "content/a.md",
        format!(
            "{}metrics:\n  - id: hidden-roads\n    label: 道路\n    unit: 条\n    districts:\n      - district: 北区\n        target: 5\n      - district: east\n        target: 3\n---\n",
            head("甲")
        ),
    );
    // An update of that metric in another unit.
    write(
        site.path(),
        "content/b.md",
        format!(
            "{}metrics:\n  - id: hidden-roads\n    unit: 米\n    actual: 900\n---\n",
            head("乙")
        ),
    );
    // An update with a misspelt id.
    write(
        site.path(),
        "content/c.md",
        format!(
            "{}metrics:\n  - id: test-gas-mainz\n    actual: 3\n---\n",
            head("丙")
        ),
    );
    // A file whose YAML cannot be read, which introduces `held-back`.
    write(
        site.path(),
        "content/d.md",
        "---\ntitle: 计划: 2025\nmetrics:\n  - id: held-back\n    label: 公园\n---\n",
    );
    // A date that is not a date, and an update of `held-back`, whose
    // check waits for d.md to be fixed.
    write(
        site.path(),
        "content/e.md",
        format!(
            "{}metrics:\n  - id: held-back\n    actual: 2\n---\n",
            head("戊").replace("2025-03-01", "2025-02-30")
        ),
    );
    // A second report at the plan's address: the reports are still joined.
    write(
        site.path(),
        "content/other/test-plan.md",
        format!("{}---\n", head("己")),
    );
    let err = stderr(&run(site.path(), &["check"]));
    for fragment in [
        "content/a.md:12:19: field `metrics[0].districts[0].district`: `北区` is not a district",
        "content/b.md:9:11: field `metrics[0].unit`: metric `hidden-roads` changes unit from 条 to 米",
        "content/c.md:8:9: field `metrics[0].id`: no report introduces metric `test-gas-mainz`",
        "content/d.md:2:",
        "content/e.md:6:12: field `published`: `2025-02-30` is not a date",
        "content/other/test-plan.md: the file name gives this report the address /reports/test-plan/",
        "error: 6 problem(s) in 6 file(s) (and 1 warning(s)); nothing was written",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
    assert!(!err.contains("`held-back`"), "{err}");
}

#[test]
fn a_misspelt_field_or_a_wrong_kind_does_not_hide_the_rest_of_the_file() {
    let site = fixture("basic");
    let text = "---\ntitle: 坏报告\nkind: budget\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nsumary: 拼错的字段\nlanguage: zh-CN\nmetrics:\n  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: 5\n    district: 北区\n    deadlin: 2025-12\n    actual: 3万\n---\n";
    write(site.path(), "content/bad.md", text);
    let err = stderr(&run(site.path(), &["check"]));
    for fragment in [
        "content/bad.md:3:7: field `kind`: `budget` is not a kind of report",
        "content/bad.md:7:1: field `sumary`: unknown field `sumary`",
        "content/bad.md:8:11: field `language`: `zh-CN` is not a language renewal knows",
        "content/bad.md:14:15: field `metrics[0].district`: `北区` is not a district of 测试市",
        "content/bad.md:15:5: field `metrics[0].deadlin`: unknown field `deadlin`",
        "content/bad.md:16:13: field `metrics[0].actual`: expected a plain number",
        "error: 6 problem(s) in 1 file(s)",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
}

#[test]
fn what_follows_from_an_error_is_not_reported_as_another() {
    let site = fixture("basic");
    // A breakdown that is not a list: its figures are not also "missing".
    write(
        site.path(),
        "content/e.md",
        with_metrics("  - id: x-roads\n    label: 路\n    unit: 条\n    districts: 东区\n"),
    );
    // A figure given twice: the first, empty one is not also "no figure".
    write(
        site.path(),
        "content/f.md",
        with_metrics("  - id: y-roads\n    label: 路\n    unit: 条\n    target:\n    target: 3\n"),
    );
    // A metrics field that is not a list: the report is not also "without metrics".
    write(
        site.path(),
        "content/g.md",
        format!("{PLAN_HEAD}metrics: 见正文\n---\n"),
    );
    let err = stderr(&run(site.path(), &["check"]));
    for fragment in [
        "content/e.md:11:16: field `metrics[0].districts`: expected a list here: one item per line, each starting with `- `",
        "content/f.md:11:5: field `metrics[0].target`: `target` is empty: write its value after `target: `, or remove the line",
        "content/f.md:12:5: field `metrics[0].target`: `target` is given twice in the same block; keep one",
        "content/g.md:7:10: field `metrics`: expected a list here",
        "error: 4 problem(s) in 3 file(s); nothing was written",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn a_mistake_in_site_yaml_does_not_hide_mistakes_in_reports() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml")).replace("id: east", "id: 东区");
    write(site.path(), "site.yaml", config);
    write(
        site.path(),
        "content/bad.md",
        with_metrics("  - id: bad-roads\n    label: 道路\n    unit: 条\n    target: -5\n"),
    );
    let err = stderr(&run(site.path(), &["check"]));
    for fragment in [
        "site.yaml:11:13: field `cities[0].districts[0].id`: `东区` cannot be used in addresses",
        "content/bad.md:11:13: field `metrics[0].target`: -5 is negative",
        "error: 2 problem(s) in 2 file(s)",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
}

#[test]
fn errors_in_site_config_name_the_field() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml")).replace("id: east", "id: 东区");
    write(site.path(), "site.yaml", config);
    let err = stderr(&run(site.path(), &["build"]));
    assert!(
        err.contains(
            "site.yaml:11:13: field `cities[0].districts[0].id`: `东区` cannot be used in addresses"
        ),
        "{err}"
    );
}

#[test]
fn a_character_written_as_an_escape_in_site_yaml_is_refused_at_the_escape() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"));
    let title = config.lines().find(|l| l.starts_with("title:")).unwrap();
    let config = config.replacen(title, "title: \"测试\\x01站\"", 1);
    write(site.path(), "site.yaml", &config);
    let line = config
        .lines()
        .position(|l| l.starts_with("title:"))
        .unwrap()
        + 1;
    let result = run(site.path(), &["check"]);
    assert_eq!(result.status.code(), Some(1));
    let expected = format!(
        "site.yaml:{line}:11: field `title`: the escape `\\x01` writes an invisible character (U+0001)"
    );
    assert!(stderr(&result).contains(&expected), "{}", stderr(&result));
}

#[test]
fn a_nul_in_a_report_s_text_is_shown_as_a_replacement_character_as_commonmark_says() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2025/nul.md",
        "---\ntitle: x\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025\n---\n前\0后\n",
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&site.path().join("output/reports/nul/index.html"));
    assert!(page.contains("前\u{fffd}后"), "{page}");
    // A workbook is binary; the text in it is checked by its own tests.
    for (path, bytes) in snapshot(&site.path().join("output")) {
        assert!(
            path.ends_with(".xlsx") || !bytes.contains(&0),
            "{path} holds a NUL"
        );
    }
}

#[test]
fn a_folder_renewal_did_not_write_is_never_replaced() {
    let site = fixture("basic");
    let foreign = site.path().join("documents");
    write(&foreign, "thesis.txt", "irreplaceable");
    let result = run(
        site.path(),
        &["build", "--output", foreign.to_str().unwrap()],
    );
    assert_eq!(result.status.code(), Some(3), "{}", stderr(&result));
    assert!(
        stderr(&result).contains("refusing to replace"),
        "{}",
        stderr(&result)
    );
    assert_eq!(read(&foreign.join("thesis.txt")), "irreplaceable");
}

#[test]
fn a_refused_output_folder_changes_nothing_in_the_site() {
    let site = fixture("basic");
    let root = site.path();
    let first = run(root, &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(root.join(".output.renewal-cache").is_file());
    // Every file in the site's folder, hidden ones too (what a build keeps
    // beside its output).
    let before = snapshot(root);
    for (from, output) in [
        (root.to_path_buf(), "."),
        (root.join("content"), ".."),
        (root.to_path_buf(), "content"),
        (root.to_path_buf(), "content/new-output"),
        (root.to_path_buf(), "archive"),
        (root.to_path_buf(), "themes/mine"),
        (root.to_path_buf(), "output/.."),
    ] {
        for command in ["build", "serve"] {
            let result = std::process::Command::new(BIN)
                .env("RENEWAL_LANG", "en")
                .env("SOURCE_DATE_EPOCH", BUILT)
                .current_dir(&from)
                .args([
                    "--root",
                    root.to_str().unwrap(),
                    command,
                    "--output",
                    output,
                ])
                .args(if command == "serve" {
                    &["--port", "0"][..]
                } else {
                    &[]
                })
                .output()
                .unwrap();
            assert_eq!(
                result.status.code(),
                Some(3),
                "{command} --output {output}: {}",
                stderr(&result)
            );
            assert!(
                stderr(&result).contains("refusing to"),
                "{}",
                stderr(&result)
            );
            assert_eq!(
                snapshot(root),
                before,
                "{command} --output {output} changed the site's folder"
            );
        }
    }
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let site = fixture("basic");
    let hostile = "<script>alert(1)</script>";
    write(
        site.path(),
        "content/2025/hostile.md",
        format!(
            "---\ntitle: \"{hostile}\"\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nsummary: \"<img src=x onerror=alert(1)>\"\nsource:\n  publisher: \"{hostile}\"\n  url: \"https://x.example/\\\"><script>alert(2)</script>\"\nmetrics:\n  - id: hostile-metric\n    label: \"{hostile}\"\n    unit: \"<b>km</b>\"\n    districts:\n      - district: east\n        target: 1\n        actual: 2\n      - district: west\n        target: 2\n    note: \"{hostile}\"\n---\n\n<script>alert(3)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[click](javascript:alert(4))\n"
        ),
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let files = snapshot(&site.path().join("output"));
    let mut pages_with_title = 0;
    // Markup is read from pages and feeds; the open data and the search
    // index hold the text as written, as data, which the search page
    // inserts as text.
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"))
    {
        let text = String::from_utf8_lossy(bytes);
        // The theme's own scripts, which remember the text size and run the
        // search, are the only ones, and a page's JSON-LD, which holds no
        // `<` at all: its text cannot close the script it is in.
        let blocks = jsonld_blocks(&text);
        for body in &blocks {
            assert!(!body.contains('<'), "{path}: a `<` in its JSON-LD");
            serde_json::from_str::<serde_json::Value>(body).expect("JSON-LD is JSON");
        }
        let own = text.matches("<script>\n/* Optional: remembers").count()
            + text.matches("<script src=\"/search.js\" defer>").count()
            + blocks.len();
        assert_eq!(
            text.matches("<script").count(),
            own,
            "{path} contains a raw <script>"
        );
        assert!(!text.contains("<img src=x"), "{path} contains raw <img>");
        assert!(!text.contains("<iframe"), "{path} contains raw <iframe>");
        assert!(
            !text.contains("javascript:"),
            "{path} contains a javascript: link"
        );
        if text.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || text.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        {
            pages_with_title += 1;
        }
    }
    // The hostile label is drawn, escaped, in the east district's chart.
    let east = String::from_utf8_lossy(&files["cities/test-city/east/index.html"]).into_owned();
    let svg = chart(&east, "chart-district").expect("east's chart");
    // (The label is long enough to wrap onto two lines.)
    assert!(
        svg_texts(svg)
            .concat()
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(svg_texts(svg).contains(&"2 / 1 &lt;b&gt;km&lt;/b&gt; · 200%".to_string()));
    // The report page, the report lists and the metric page all show it, escaped.
    assert!(
        pages_with_title >= 4,
        "escaped title found on {pages_with_title} pages"
    );
}

#[test]
fn malformed_and_hostile_files_are_errors_not_crashes() {
    let site = fixture("basic");
    let deep_nesting = format!("---\ntitle: {}\n---\n", "[".repeat(200_000));
    let deep_mapping: String = (0..3000)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("deep.md", deep_nesting.into_bytes(), "content/deep.md:2:8: field `title`"),
        ("deepmap.md", format!("---\n{deep_mapping}---\n").into_bytes(), "content/deepmap.md:2:1: field `a`: unknown field"),
        ("nul.md", b"---\ntitle: a\x00b\nkind: plan\n---\n".to_vec(), "content/nul.md:2:9: field `title`"),
        ("huge.md", [b"---\n".as_slice(), &vec![b'a'; 9 * 1024 * 1024], b"\n---\n"].concat(), "content/huge.md: is 9 MiB; a report may be at most 8 MiB"),
        ("list.md", b"---\n- a\n- b\n---\n".to_vec(), "content/list.md:2:1: field `[0]`: expected `field: value` lines here"),
        ("scalar.md", b"---\njust text\n---\n".to_vec(), "content/scalar.md:2:1: expected `field: value` lines here"),
        ("tabs.md", b"---\ntitle:\tx\n\tkind: plan\n---\n".to_vec(), "content/tabs.md:3:1: a tab is used for indentation; YAML indents with spaces only"),
        ("year.md", b"---\ntitle: x\nkind: plan\ncity: test-city\nyear: 99999999999999999999\npublished: 2025\n---\n".to_vec(), "content/year.md:5:7: field `year`: `99999999999999999999` is not a year"),
        ("nan.md", with_metrics("  - id: n\n    label: n\n    unit: n\n    target: .nan\n").into_bytes(), "content/nan.md:11:13: field `metrics[0].target`: expected a plain number"),
    ];
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    for (name, bytes, _) in &cases {
        write(site.path(), &format!("content/{name}"), bytes);
    }
    let result = run(site.path(), &["check"]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for (_, _, expected) in &cases {
        assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    }
    assert!(
        err.contains(&format!("problem(s) in {} file(s)", names.len())),
        "{err}"
    );
    assert!(
        err.lines().all(|l| l.chars().count() < 1000),
        "every message stays readable: {err}"
    );
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_accepted_in_reports_and_site_yaml() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2025/crlf.md",
        "\u{feff}---\r\ntitle: x\r\nkind: plan\r\ncity: test-city\r\nyear: 2025\r\npublished: 2025\r\n---\r\n## 标题\r\n正文\r\n",
    );
    // Windows Notepad and many Chinese editors start site.yaml with one too.
    let config = read(&site.path().join("site.yaml"));
    write(site.path(), "site.yaml", format!("\u{feff}{config}"));
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(
        read(&site.path().join("output/reports/crlf/index.html"))
            .contains("<h2 id=\"标题\">标题</h2>")
    );
}

#[cfg(unix)]
#[test]
fn files_that_are_not_read_are_named_with_the_reason_and_deny_warnings_fails_on_them() {
    let site = fixture("basic");
    let root = site.path();
    let report = read(&root.join("content/2025/test-midyear.md"));
    write(root, "content/.draft.md", &report);
    write(root, "content/.drafts/later.md", &report);
    write(root, "content/notes.markdown", &report);
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("outside.md"), &report).unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path().join("outside.md"),
        root.join("content/away.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink("2025/test-plan.md", root.join("content/again.md")).unwrap();
    // An editor's lock file comes and goes while a report is open.
    std::os::unix::fs::symlink("user@host.1234", root.join("content/.#test.md")).unwrap();

    let result = run(root, &["build"]);
    let err = stderr(&result);
    assert!(result.status.success(), "{err}");
    for fragment in [
        "content/.draft.md: warning: is a hidden file (its name starts with a dot) and is not published",
        "content/.drafts/: warning: is a hidden folder (its name starts with a dot), so the 1 report file(s) in it are not published",
        "content/again.md: warning: is a symbolic link to 2025/test-plan.md and is not read: renewal reads only the files that are really in content/",
        "content/away.md: warning: is a symbolic link to ",
        "it leads outside the site (or nowhere), and only files in content/ are published",
        "content/notes.markdown: warning: looks like a report but is not read: only files ending in `.md` (lowercase) are reports",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
    assert!(!err.contains(".#test.md"), "{err}");
    assert!(
        stdout(&result).contains("; 5 warning(s) above (--deny-warnings makes them errors)"),
        "{}",
        stdout(&result)
    );

    let out = root.join("output");
    let before = snapshot(&out);
    let strict = run(root, &["build", "--deny-warnings"]);
    let err = stderr(&strict);
    assert_eq!(strict.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/.draft.md: is a hidden file (its name starts with a dot) and is not published; rename it to publish it (an error here: warnings are denied)"),
        "{err}"
    );
    assert!(
        err.contains("error: 5 problem(s) in 5 file(s); nothing was written"),
        "{err}"
    );
    assert_eq!(
        snapshot(&out),
        before,
        "a denied warning leaves the output as it was"
    );
}

#[test]
fn suspicious_but_publishable_reports_are_warned_about_at_their_place() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/quiet.md",
        format!("{PLAN_HEAD}---\n正文\n"),
    );
    write(
        site.path(),
        "content/later.md",
        with_metrics(
            "  - id: later-roads\n    label: 道路\n    unit: 条\n    target: 5\n    actual: 2\n    as_of: 2025-06-30\n",
        ),
    );
    let result = run(site.path(), &["check"]);
    let err = stderr(&result);
    assert!(result.status.success(), "{err}");
    for fragment in [
        "content/quiet.md:2:8: warning: this report gives no metrics, so its page shows no figures",
        "content/later.md:13:12: warning: field `metrics[0].as_of`: the figure is dated 2025-06-30, after the report was published (2025-03-01); check the date",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
}

#[test]
fn messages_say_what_was_written_and_how_to_fix_it() {
    // (a line replacing the plan head's `title`, or metrics to add; what the error says)
    let heads: &[(&str, &str)] = &[
        (
            "title: [1]",
            "2:8: field `title`: expected text here, not a list or a block of fields; if the text starts with [ or {, put it in quotes",
        ),
        (
            "title: 【计划】: 2025",
            "field `title`: this value holds ': ', which YAML reads as the start of another field; put the whole value in quotes",
        ),
        (
            "title: *加粗*",
            "field `title`: a value that starts with `*` is read by YAML as a reference to another value; put the whole value in quotes",
        ),
        (
            "title: '它's",
            "field `title`: the value is in single quotes and holds a single quote itself; write that one twice ('')",
        ),
        (
            "title: @home",
            "field `title`: YAML reads a value starting with `@` as a reserved character; put the whole value in quotes: \"@home\"",
        ),
        (
            "title:",
            "2:1: field `title`: `title` is empty: write its value after `title: `",
        ),
        (
            "title: \"未闭合",
            "field `title`: the quotation mark that opens this value is never closed",
        ),
        (
            "title: 坏\nyear:2025",
            "field `year`: `year:` needs a space after the colon: `year: 2025`",
        ),
        (
            "title: 坏\nsummary: 目标\u{202e}反转",
            "field `summary`: an invisible character (U+202E) is here",
        ),
    ];
    let metrics: &[(&str, &str)] = &[
        (
            "  - id: a-b\n    label: \"\"\n    unit: 个\n    target: 1\n",
            "9:12: field `metrics[0].label`: metric `a-b` has an empty label",
        ),
        (
            "  - id: a-c\n    label: x\n    unit: 个\n    target: 1\n    baseline: -0\n",
            "field `metrics[0].baseline`: write `-0` without the sign: 0",
        ),
        (
            "  - id: a-d\n    label: x\n    unit: 个\n    actual: 5\n    as_of: ２０２５-06-30\n",
            "field `metrics[0].as_of`: `２０２５-06-30` is written with full-width digits or dashes; write it with ASCII characters: 2025-06-30",
        ),
        (
            "  \u{2014} id: a-e\n    label: x\n",
            "8:3: field `metrics[0].id`: this list item starts with `\u{2014}`, which looks like a dash but is not one to YAML",
        ),
        (
            "  - id: a-f\n    label: &改造\n    unit: 个\n    target: 1\n",
            "9:12: field `metrics[0].label`: YAML reads `&改造` as the name of an anchor, which leaves `label` empty",
        ),
    ];
    let site = fixture("basic");
    let mut expected = Vec::new();
    for (i, (line, message)) in heads.iter().enumerate() {
        let text = format!("{}---\n", PLAN_HEAD.replace("title: 坏报告", line));
        write(site.path(), &format!("content/h{i}.md"), text);
        expected.push(format!("content/h{i}.md:"));
        expected.push(message.to_string());
    }
    for (i, (metric, message)) in metrics.iter().enumerate() {
        write(
            site.path(),
            &format!("content/m{i}.md"),
            with_metrics(metric),
        );
        expected.push(format!("content/m{i}.md:"));
        expected.push(message.to_string());
    }
    write(
        site.path(),
        "content/k.md",
        PLAN_HEAD.replace("kind: plan", "kind: 计划") + "---\n",
    );
    expected.push("content/k.md:3:7: field `kind`: `计划` is not a kind of report; write `plan` (targets), `progress` (figures during the year) or `review` (the year's outcome) (`plan` is the kind for a plan)".into());
    write(
        site.path(),
        "content/t.md",
        PLAN_HEAD.to_string() + "topics: [gas，old-compounds]\n---\n",
    );
    expected.push("field `topics[0]`: `gas，old-compounds` looks like several topics joined by a full-width comma; separate them with ASCII commas: [gas, old-compounds]".into());
    write(
        site.path(),
        "content/y.md",
        PLAN_HEAD.replace("year: 2025", "year: ２０２５") + "---\n",
    );
    expected.push("content/y.md:5:7: field `year`: `２０２５` is written with full-width digits; write it with ASCII digits: 2025".into());
    write(site.path(), "content/f.md", "－－－\ntitle: x\n－－－\n");
    expected.push("content/f.md:1:1: the first line `－－－` is written with full-width dashes; type three ASCII hyphens: ---".into());
    write(
        site.path(),
        "content/u.md",
        [&[0xff_u8, 0xfe][..], "---".as_bytes()].concat(),
    );
    expected.push("content/u.md:1:1: is saved as UTF-16 text: save it as UTF-8".into());
    let err = stderr(&run(site.path(), &["check"]));
    for fragment in expected {
        assert!(err.contains(&fragment), "expected `{fragment}` in:\n{err}");
    }
}

#[test]
fn a_report_with_old_mac_line_endings_is_read() {
    let site = fixture("basic");
    let text = with_metrics("  - id: cr-roads\n    label: 道路\n    unit: 条\n    target: 5\n");
    write(site.path(), "content/cr.md", text.replace('\n', "\r"));
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(
        site.path()
            .join("output/metrics/cr-roads/index.html")
            .is_file()
    );
}

#[test]
fn an_update_is_not_called_undefined_while_its_introduction_cannot_be_read() {
    let plan_file = "content/2025/test-plan.md";
    type Change = Box<dyn Fn(&str) -> String>;
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "a label set aside",
            Box::new(|plan: &str| {
                plan.replace("label: 改造老旧燃气管网", "label: [改造老旧燃气管网]")
            }),
            "content/2025/test-plan.md:14:12: field `metrics[0].label`: expected text here",
        ),
        (
            "a flow mapping that cannot be read",
            Box::new(|plan: &str| {
                let at = plan.find("metrics:").unwrap();
                let end = plan.rfind("---").unwrap();
                format!(
                    "{}metrics:\n  - {{id: test-gas-mains, label: 燃气, unit: 公里, target: 1,000}}\n  - {{id: test-compounds, label: 小区, unit: 个, target: 40}}\n{}",
                    &plan[..at],
                    &plan[end..]
                )
            }),
            "content/2025/test-plan.md:",
        ),
        (
            "an id left empty",
            Box::new(|plan: &str| plan.replace("  - id: test-compounds", "  - id:")),
            "content/2025/test-plan.md:23:5: field `metrics[1].id`: `id` is empty",
        ),
        (
            "an id with a capital letter",
            Box::new(|plan: &str| plan.replace("id: test-gas-mains", "id: Test-Gas-Mains")),
            "field `metrics[0].id`: `Test-Gas-Mains` cannot be used in addresses",
        ),
    ];
    for (case, change, expected) in cases {
        let site = fixture("basic");
        let plan = read(&site.path().join(plan_file));
        write(site.path(), plan_file, change(&plan));
        let err = stderr(&run(site.path(), &["check"]));
        assert!(
            err.contains(expected),
            "{case}: expected `{expected}` in:\n{err}"
        );
        assert!(
            !err.contains("no report introduces"),
            "{case}: an update waits for its plan to be readable:\n{err}"
        );
        assert!(!err.contains("test-midyear.md"), "{case}:\n{err}");
    }
}

#[test]
fn a_district_name_two_districts_share_is_refused_in_site_yaml() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"))
        .replace("other_names: [西區]", "other_names: [西區, 东区]");
    write(site.path(), "site.yaml", config);
    let err = stderr(&run(site.path(), &["check"]));
    assert!(
        err.contains("site.yaml:13:13: field `cities[0].districts[1]`: `东区` names both this district and `east`"),
        "{err}"
    );
}

#[test]
fn valid_yaml_that_looks_like_a_slip_is_read_as_written() {
    // Each is valid YAML that a careless check could mistake for a slip:
    // text inside `|` and `>` blocks, values continued on the next line,
    // colons and brackets inside values, comments, lists at the key's
    // indentation, flow lists over several lines.
    let site = fixture("basic");
    let text = "---\r\ntitle: \"关于：城市更新\r\n  kind：续行\"\r\nkind: plan # 计划：全年\r\ncity: test-city\r\nyear: 2025\r\npublished: 2025-03-01\r\nsummary: |\r\n  　　本市今年计划改造老旧小区40个。\r\n  说明：source：各市住建局\r\n\r\n  \tx: [未闭合\r\n  - 不是列表\r\nsource:\r\n  title: >-\r\n    第一行 title：x\r\n    第二行\r\n  url: https://x.example.org/a:b#c\r\ntopics: [gas,\r\n  old-compounds]\r\nmetrics:\r\n- id: valid-roads\r\n  label: 道路（一期：东段）\r\n  unit: 条\r\n  target: 5\r\n  note: \"[说明] 未含 {支路}\"\r\n---\r\n正文\r\n";
    write(site.path(), "content/valid.md", text);
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(
        !stderr(&result).contains("content/valid.md"),
        "{}",
        stderr(&result)
    );
    let page = read(&site.path().join("output/reports/valid/index.html"));
    assert!(page.contains("关于：城市更新 kind：续行"), "{page}");
    assert!(
        page.contains("　　本市今年计划改造老旧小区40个。"),
        "{page}"
    );
}

#[test]
fn editions_that_cannot_be_made_are_refused_at_their_line() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml")).replace(
        "language: zh-Hans\n",
        "language: zh-Hans\neditions: [zh-Hant, zh-Hans, en, zh-Hant]\n",
    );
    write(site.path(), "site.yaml", config);
    let result = run(site.path(), &["build"]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    for expected in [
        "site.yaml:6:21: field `editions[1]`: `zh-Hans` is the site's own `language`; list only the other script",
        "site.yaml:6:30: field `editions[2]`: editions are made by converting between simplified (zh-Hans) and traditional (zh-Hant) Chinese",
        "site.yaml:6:34: field `editions[3]`: `zh-Hant` is listed twice",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn check_names_every_broken_internal_link_with_its_place() {
    let site = fixture("basic");
    let plan = read(&site.path().join("content/2025/test-plan.md")).replace(
        "全年改造燃气管网和老旧小区。",
        "全年改造燃气管网和老旧小区，见[上半年进展](/reports/test-midyear/)、[总体安排](#总体安排)和[数据](/data/renewal.csv)。\n\n另见[不存在的报告](/reports/no-such-report/)与[缺少的小节](/reports/test-midyear/#没有这一节)，以及[外部](https://example.org/nope)。",
    );
    write(site.path(), "content/2025/test-plan.md", plan);
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p><a href=\"/about/\">关于</a> <a href=\"/topics/\">领域</a></p>\n{% endblock content %}\n",
    );
    let result = run(site.path(), &["check"]);
    let err = stderr(&result);
    assert!(result.status.success(), "broken links are warnings: {err}");
    for expected in [
        "content/2025/test-plan.md:34:3: warning: links to /reports/no-such-report/",
        "content/2025/test-plan.md:34:38: warning: links to /reports/test-midyear/#没有这一节",
        "links to /reports/no-such-report/, which is not a page or file of this site",
        "links to /reports/test-midyear/#没有这一节, but /reports/test-midyear/ has no heading or section `#没有这一节`",
        "templates/404.html:3:13: warning: links to /about/, which is not a page or file of this site",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert_eq!(err.matches("links to").count(), 3, "{err}");
    // Denied warnings fail the check.
    let strict = run(site.path(), &["--deny-warnings", "check"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
}

#[test]
fn every_code_s_wrong_example_fails_with_exactly_that_code_and_its_right_one_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = init_site(dir.path(), "site");
    // Its first report has no metrics, which is a warning (W0101).
    for entry in walkdir::WalkDir::new(site.join("content")) {
        let entry = entry.unwrap();
        if entry.file_name() == "first-report.md" {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let site_yaml = std::fs::read(site.join("site.yaml")).unwrap();
    let examples = renewal::i18n::messages::examples();
    assert!(examples.len() >= 27, "{}", examples.len());
    let mut wrong_ones = Vec::new();
    for example in &examples {
        let code = &example.code;
        // A file's kind or encoding is told in words, not built.
        if example.described {
            wrong_ones.push(code.clone());
            continue;
        }
        // A warning's example fails only when warnings are denied.
        let args: &[&str] = match code.starts_with('W') {
            true => &["--deny-warnings", "check"],
            false => &["check"],
        };
        let at = example
            .wrong_at
            .as_deref()
            .unwrap_or("content/2025/example.md");
        write(&site, at, &example.wrong);
        let result = run(&site, args);
        let err = stderr(&result);
        assert_eq!(
            result.status.code(),
            Some(1),
            "{code}: the wrong example fails:\n{err}"
        );
        // The problem is named at the file, or at the folder it is in.
        let folder = format!("{}/", at.rsplit_once('/').map_or(at, |(f, _)| f));
        let problems: Vec<&str> = (err.lines())
            .filter(|l| l.starts_with(&format!("{at}:")) || l.starts_with(&format!("{folder}:")))
            .filter(|l| !l.contains(": warning: "))
            .collect();
        assert!(!problems.is_empty(), "{code}:\n{err}");
        for line in &problems {
            assert!(
                line.contains(&format!(" [{code}]")),
                "{code}: exactly that code:\n{err}"
            );
        }
        wrong_ones.push(code.clone());
        // site.yaml's right one is written in its place; a report's at
        // the usual place, the wrong one gone.
        let right_at = match at {
            "site.yaml" => "site.yaml",
            _ => "content/2025/example.md",
        };
        if at != right_at {
            std::fs::remove_file(site.join(at)).unwrap();
        }
        write(&site, right_at, &example.right);
        let result = run(&site, args);
        assert_eq!(
            result.status.code(),
            Some(0),
            "{code}: the right example passes:\n{}",
            stderr(&result)
        );
        if right_at == "site.yaml" {
            std::fs::write(site.join("site.yaml"), &site_yaml).unwrap();
        }
    }
    assert_eq!(wrong_ones.len(), examples.len());
}

/// A name or text shown to readers that holds nothing but spaces would show
/// as a blank (a link with no words, a footer saying "主办单位：" and
/// nothing): it is refused at its place, in site.yaml as in a report.
#[test]
fn a_blank_name_or_text_shown_to_readers_is_refused_at_its_place() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"))
        .replace("name: 测试市", "name: \"\"")
        .replace("        name: 西区", "        name: \" \"")
        .replace("description: 用于测试的虚构站点", "description: ''");
    write(site.path(), "site.yaml", config);
    write(
        site.path(),
        "content/bad.md",
        format!(
            "{PLAN_HEAD}summary: \"\"\nsource:\n  publisher: \"　\"\nmetrics:\n  - id: bad-roads\n    label: ' '\n    unit: 条\n    target: 5\n    note: \"\"\n---\n"
        ),
    );
    let err = stderr(&run(site.path(), &["check"]));
    for fragment in [
        "site.yaml:3:14: field `description`: this field is empty",
        "site.yaml:8:11: field `cities[0].name`: this field is empty",
        "site.yaml:14:15: field `cities[0].districts[1].name`: this field is empty",
        "content/bad.md:7:10: field `summary`: this field is empty",
        "content/bad.md:9:14: field `source.publisher`: this field is empty",
        "content/bad.md:12:12: field `metrics[0].label`: metric `bad-roads` has an empty label",
        "content/bad.md:15:11: field `metrics[0].note`: this field is empty",
        "error: 7 problem(s) in 2 file(s)",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
}
