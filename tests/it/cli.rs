//! The command line as a web team uses it: help, scaffolding a report and a
//! site, previewing over HTTP, and sites published below a sub-path.

use crate::common::*;
use std::process::Command;

#[test]
fn help_documents_every_command_and_exit_code() {
    let output = Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .arg("--help")
        .output()
        .unwrap();
    let text = stdout(&output);
    for word in [
        "build",
        "check",
        "serve",
        "new",
        "init",
        "--root",
        "Exit codes",
    ] {
        assert!(text.contains(word), "`{word}` in --help:\n{text}");
    }
    let build = stdout(
        &Command::new(BIN)
            .env("RENEWAL_LANG", "en")
            .args(["build", "--help"])
            .output()
            .unwrap(),
    );
    assert!(build.contains("--output"), "{build}");
    let new = stdout(
        &Command::new(BIN)
            .env("RENEWAL_LANG", "en")
            .args(["new", "report", "--help"])
            .output()
            .unwrap(),
    );
    for flag in ["--city", "--district", "--kind", "--year", "--title"] {
        assert!(new.contains(flag), "`{flag}` in new report --help:\n{new}");
    }
    let wrong = Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .arg("biuld")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn a_new_report_given_its_title_and_date_is_valid_as_scaffolded() {
    let site = fixture("basic");
    let made = run(
        site.path(),
        &[
            "new",
            "report",
            "test-2026-plan",
            "--city",
            "测试市",
            "--district",
            "west",
            "--year",
            "2026",
            "--title",
            "测试市\"西区\"2026年计划",
            "--published",
            "2026-01-15",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let text = read(&site.path().join("content/2026/test-2026-plan.md"));
    assert!(
        text.contains("city: test-city")
            && text.contains("district: west")
            && text.contains("kind: plan"),
        "{text}"
    );
    let check = run(site.path(), &["check"]);
    assert!(
        check.status.success(),
        "scaffolded report must pass check:\n{}",
        stderr(&check)
    );
    assert!(stdout(&check).contains("3 reports"), "{}", stdout(&check));

    let again = run(
        site.path(),
        &[
            "new",
            "report",
            "test-2026-plan",
            "--city",
            "test-city",
            "--year",
            "2026",
        ],
    );
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing report is never overwritten"
    );
    let bad_city = run(
        site.path(),
        &["new", "report", "x", "--city", "nowhere", "--year", "2026"],
    );
    assert!(
        stderr(&bad_city).contains("`nowhere` is not a city"),
        "{}",
        stderr(&bad_city)
    );
    assert_eq!(bad_city.status.code(), Some(2));
}

#[test]
fn init_creates_a_site_that_builds_with_the_built_in_theme() {
    let dir = tempfile::tempdir().unwrap();
    let site = init_site(dir.path(), "new-site");
    assert!(
        !site.join("themes").exists(),
        "the built-in theme needs no files"
    );
    let build = run(&site, &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let report = read(&site.join("output/reports/first-report/index.html"));
    assert!(report.contains("示例市城市更新计划"), "{report}");
    assert!(
        report.contains("虚构示例"),
        "the first report is marked as the fictional city's example:\n{report}"
    );
    for placeholder in placeholders() {
        assert!(!report.contains(&placeholder), "`{placeholder}` published");
    }
    let twice = Command::new(BIN)
        .env("RENEWAL_LANG", "en")
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(twice.status.code(), Some(2), "init never overwrites a site");
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = fixture("basic");
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>走丢了</h1>{% endblock content %}",
    );
    assert!(run(site.path(), &["build"]).status.success());
    assert!(read(&site.path().join("output/404.html")).contains("<h1>走丢了</h1>"));
    assert!(
        read(&site.path().join("output/index.html")).contains("测试站"),
        "other templates still come from the theme"
    );
}

#[test]
fn links_follow_a_sub_path_base_url() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"))
        .replace("https://test.example.org/", "https://test.example.org/gxgz");
    write(site.path(), "site.yaml", config);
    assert!(run(site.path(), &["build"]).status.success());
    let html = read(&site.path().join("output/reports/test-plan/index.html"));
    assert!(html.contains("href=\"/gxgz/style.css\""), "{html}");
    assert!(
        html.contains(
            "<link rel=\"canonical\" href=\"https://test.example.org/gxgz/reports/test-plan/\">"
        ),
        "{html}"
    );
}

#[test]
fn serve_builds_and_serves_the_site() {
    let site = fixture("basic");
    let server = serve(site.path(), &[]);
    let address = &server.address;

    let home = http_get(address, "/");
    assert_eq!(home.status, 200);
    assert!(
        String::from_utf8_lossy(&home.body).contains("测试站") && home.head.contains("text/html"),
        "{}",
        home.head
    );
    let bare = http_get(address, "/reports/test-plan");
    assert!(
        bare.status == 301 && bare.head.contains("Location: /reports/test-plan/"),
        "{}",
        bare.head
    );
    assert_eq!(http_get(address, "/reports/test-plan/").status, 200);
    let missing = http_get(address, "/no/such/page/");
    assert!(
        missing.status == 404 && String::from_utf8_lossy(&missing.body).contains("页面未找到"),
        "{}",
        missing.head
    );
    assert_eq!(
        http_get(address, "/../site.yaml").status,
        404,
        "no escaping the output folder"
    );
}

/// Texts the report scaffold suggests, in every language, none of which
/// may reach readers until an editor puts them in on purpose.
fn placeholders() -> Vec<String> {
    use renewal::i18n::Language;
    [Language::ZhHans, Language::ZhHant, Language::En]
        .into_iter()
        .flat_map(renewal::i18n::messages::example_texts)
        .collect()
}

#[test]
fn a_new_report_publishes_no_placeholder_until_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let site = init_site(dir.path(), "site");
    let made = run(
        &site,
        &[
            "new",
            "report",
            "east-2026-plan",
            "--city",
            "示例市",
            "--district",
            "东区",
            "--year",
            "2026",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    // What the command line did not give is left empty, and check says so.
    let check = run(&site, &["check"]);
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{err}");
    for fragment in [
        "content/2026/east-2026-plan.md:2:1: field `title`: `title` is empty",
        "content/2026/east-2026-plan.md:7:1: field `published`: `published` is empty",
    ] {
        assert!(err.contains(fragment), "expected `{fragment}` in:\n{err}");
    }
    let file = site.join("content/2026/east-2026-plan.md");
    let filled = read(&file)
        .lines()
        .map(|l| {
            if l.starts_with("title:") {
                "title: 示例市东区2026年计划".to_string()
            } else if l.starts_with("published:") {
                "published: 2026-03-01".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, filled + "\n").unwrap();
    let text = read(&site.join("content/2026/east-2026-plan.md"));
    for line in [
        "# summary:",
        "# source:",
        "# metrics:",
        "#   - id: east-2026-plan-example",
        "#     target: 10",
    ] {
        assert!(
            text.contains(line),
            "the example stays in the file as `{line}`:\n{text}"
        );
    }

    let check = run(&site, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let build = run(&site, &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    // What check says would be written is what the build wrote: as many
    // files, as many bytes.
    let files = |said: &str| {
        let at = said.find(" files (").expect(said);
        let start = said[..at].rfind(", ").expect(said) + 2;
        let end = at + said[at..].find(')').expect(said);
        said[start..=end].to_string()
    };
    assert_eq!(files(&stdout(&check)), files(&stdout(&build)));
    let page = read(&site.join("output/reports/east-2026-plan/index.html"));
    assert!(page.contains("示例市东区2026年计划"), "{page}");
    for placeholder in placeholders() {
        assert!(
            !page.contains(&placeholder),
            "`{placeholder}` published:\n{page}"
        );
    }
    assert!(
        !page.contains("<table class=\"metrics\"") && page.contains("暂无指标"),
        "no metric rows before a metric is filled in:\n{page}"
    );
    assert!(
        !page.contains("class=\"source\""),
        "no source section:\n{page}"
    );
    assert!(!page.contains("class=\"lead\""), "no summary:\n{page}");
    assert!(
        !site.join("output/metrics/east-2026-plan-example").exists(),
        "the example metric gets no page"
    );
}

/// A new report's comments and examples are in the language renewal
/// speaks; an editor who uncomments the examples and forgets to replace
/// one is stopped at its line, whatever language it was written in, and
/// once each is replaced the report checks and builds.
#[test]
fn a_new_reports_examples_fail_check_until_replaced_in_every_language() {
    use renewal::i18n::Language;
    for (tag, language, says) in [
        ("en", Language::En, "# The fields starting with"),
        ("zh-Hans", Language::ZhHans, "# 以“# ”开头的各项尚未填写"),
        ("zh-Hant", Language::ZhHant, "# 以「# 」開頭的各項尚未填寫"),
    ] {
        let site = fixture("basic");
        let made = speaking(&[("RENEWAL_LANG", tag)])
            .arg("--root")
            .arg(site.path())
            .args(["new", "report", "test-2026-plan", "--city", "test-city"])
            .args(["--year", "2026", "--title", "测试市2026年计划"])
            .args(["--published", "2026-02-01"])
            .output()
            .unwrap();
        assert!(made.status.success(), "{tag}: {}", stderr(&made));
        let file = site.path().join("content/2026/test-2026-plan.md");
        let written = read(&file);
        assert!(written.contains(says), "{tag}:\n{written}");
        // An editor removes the `# ` before each example field; the lines
        // that explain stay comments.
        let is_field = |text: &str| {
            let text = text.trim_start().trim_start_matches("- ");
            text.split_once(':').is_some_and(|(key, _)| {
                !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            })
        };
        let uncommented: String = (written.lines())
            .map(|line| match line.strip_prefix("# ") {
                Some(field) if is_field(field) => field,
                _ => line,
            })
            .map(|line| format!("{line}\n"))
            .collect();
        assert!(
            uncommented.contains("\n  - id: test-2026-plan-example\n"),
            "{tag}:\n{uncommented}"
        );
        write(site.path(), "content/2026/test-2026-plan.md", &uncommented);

        // Each example left as it was is an error at its line, said in
        // English here whatever language wrote it.
        let check = run(site.path(), &["check"]);
        let err = stderr(&check);
        assert_eq!(check.status.code(), Some(1), "{tag}: {err}");
        for (line, field) in [
            (8, "summary"),
            (11, "source.publisher"),
            (12, "source.title"),
            (16, "metrics[0].label"),
        ] {
            let fragment = format!("content/2026/test-2026-plan.md:{line}:");
            assert!(
                err.lines().any(|l| l.starts_with(&fragment)
                    && l.contains(&format!("field `{field}`"))
                    && l.contains("is the example text that `renewal new report` writes")),
                "{tag}: expected an error at line {line} for `{field}` in:\n{err}"
            );
        }

        // Replaced with what the report says, it checks and builds.
        let [summary, publisher, title, label] = renewal::i18n::messages::example_texts(language);
        let replaced = uncommented
            .replace(&summary, "全年改造道路5条。")
            .replace(&publisher, "测试市住房和城乡建设局")
            .replace(&title, "测试市2026年城市更新计划")
            .replace(&label, "改造道路");
        write(site.path(), "content/2026/test-2026-plan.md", &replaced);
        let check = run(site.path(), &["check"]);
        assert!(
            check.status.success(),
            "{tag}: {}\n{replaced}",
            stderr(&check)
        );
        let build = run(site.path(), &["build"]);
        assert!(build.status.success(), "{tag}: {}", stderr(&build));
        let page = read(&site.path().join("output/reports/test-2026-plan/index.html"));
        assert!(page.contains("改造道路") && page.contains("测试市住房和城乡建设局"));
    }
}

/// `serve` answers only with regular files whose real path lies inside the
/// output folder. Links are put at every level of a request's path while
/// it runs: a folder that is a link out, a link out deeper down, a real
/// folder whose `index.html` is a link out, a file that is a link out, a
/// 404 page that is a link out, and a named pipe. Every one is a 404 that
/// shows nothing of what lies outside; a link that stays inside is served.
#[cfg(unix)]
#[test]
fn serve_shows_nothing_that_a_link_in_the_output_leads_to_outside_it() {
    use std::os::unix::fs::symlink;
    let site = fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let secret = "SECRET-OUTSIDE-THE-SITE";
    write(outside.path(), "secret.txt", secret);
    write(outside.path(), "index.html", format!("<p>{secret}</p>"));
    write(
        outside.path(),
        "deeper/index.html",
        format!("<p>{secret}</p>"),
    );
    let server = serve(site.path(), &[]);
    let address = &server.address;
    let out = site.path().join("output");
    assert_eq!(http_get(address, "/reports/test-plan/").status, 200);

    // Added while serve runs.
    symlink(outside.path(), out.join("leakdir")).unwrap();
    symlink(outside.path(), out.join("reports/leak")).unwrap();
    std::fs::create_dir(out.join("hole")).unwrap();
    symlink(
        outside.path().join("secret.txt"),
        out.join("hole/index.html"),
    )
    .unwrap();
    symlink(
        outside.path().join("secret.txt"),
        out.join("reports/test-plan/leak.txt"),
    )
    .unwrap();
    let pipe = std::ffi::CString::new(out.join("pipe").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);
    for path in [
        "/leakdir/",
        "/leakdir",
        "/leakdir/secret.txt",
        "/leakdir/deeper/",
        "/reports/leak/",
        "/reports/leak/secret.txt",
        "/reports/leak/deeper/index.html",
        "/hole/",
        "/hole/index.html",
        "/reports/test-plan/leak.txt",
        "/pipe",
    ] {
        let answer = http_get(address, path);
        assert_eq!(answer.status, 404, "{path}: {}", answer.head);
        assert!(
            !String::from_utf8_lossy(&answer.body).contains(secret),
            "{path} shows what lies outside the output folder"
        );
    }

    // The site's own 404 page, made a link out: not shown either.
    let page = out.join("404.html");
    std::fs::remove_file(&page).unwrap();
    symlink(outside.path().join("secret.txt"), &page).unwrap();
    let missing = http_get(address, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(!String::from_utf8_lossy(&missing.body).contains(secret));

    // A link whose real path stays inside the output folder is served.
    symlink(out.join("reports"), out.join("alias")).unwrap();
    let through = http_get(address, "/alias/test-plan/");
    assert_eq!(through.status, 200, "{}", through.head);
    assert_eq!(
        through.body,
        http_get(address, "/reports/test-plan/").body,
        "the same page"
    );
}

/// The exit-code table of the guide (docs/guide.en.md), row by row: (command, situation,
/// exit code).
fn exit_code_table() -> Vec<(String, String, i32)> {
    let readme = read(&repo().join("docs/guide.en.md"));
    let start = readme
        .find("| command | situation | exit |")
        .expect("the guide has the exit-code table");
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            let code = cells[2].trim().parse().expect("an exit code");
            (
                cells[0].trim().to_string(),
                cells[1].trim().to_string(),
                code,
            )
        })
        .collect()
}

/// Runs the situation a row of the exit-code table describes, on a fresh
/// copy of the fixture site, and returns the exit code and what was
/// printed.
fn exit_code_of(command: &str, situation: &str) -> (Option<i32>, String) {
    let site = fixture("basic");
    let root = site.path();
    let code = |result: std::process::Output| {
        (
            result.status.code(),
            format!("{}{}", stdout(&result), stderr(&result)),
        )
    };
    let broken = |root: &std::path::Path| {
        let plan = read(&root.join("content/2025/test-plan.md"))
            .replace("published: 2025-02-01", "published: 2025-02-30");
        write(root, "content/2025/test-plan.md", plan);
    };
    let not_a_snapshot = |root: &std::path::Path| write(root, "archive/2024/index.html", "x");
    let archived = |root: &std::path::Path| {
        let result = run(root, &["archive", "2025"]);
        assert!(result.status.success(), "{}", stderr(&result));
    };
    let new_report = [
        "new",
        "report",
        "extra",
        "--city",
        "test-city",
        "--year",
        "2025",
    ];
    // `sheet export REPORT --output ROOT/OUT`, with `--progress` if asked.
    let export = |report: &str, out: &str, progress: bool| {
        let out = root.join(out).display().to_string();
        let mut args = vec!["sheet", "export", report, "--output", &out];
        if progress {
            args.push("--progress");
        }
        run(root, &args)
    };
    match (command, situation) {
        ("`build`", "the site builds") => code(run(root, &["build"])),
        ("`build`", "a report has an error") => {
            broken(root);
            code(run(root, &["build"]))
        }
        ("`build`", s) if s.starts_with("`SOURCE_DATE_EPOCH` is set") => {
            let result = run_at(root, &["build"], "2026-01-31");
            assert!(!root.join("output").exists(), "nothing is written");
            code(result)
        }
        ("`build --output DIR`", "DIR holds files renewal did not write") => {
            write(root, "elsewhere/notes.txt", "mine");
            let out = root.join("elsewhere");
            code(run(root, &["build", "--output", out.to_str().unwrap()]))
        }
        ("`build --output DIR`", s) if s.starts_with("DIR is the site's own folder") => {
            let inside = root.join("content/out");
            let to_root = code(run(root, &["build", "--output", root.to_str().unwrap()]));
            let to_content = code(run(root, &["build", "--output", inside.to_str().unwrap()]));
            assert_eq!(to_root.0, to_content.0, "{}", to_content.1);
            assert!(!inside.exists(), "nothing is made inside content/");
            to_root
        }
        ("`check`", "the site is valid") => code(run(root, &["check"])),
        ("`check`", "a report has an error") => {
            broken(root);
            code(run(root, &["check"]))
        }
        ("`check`", s) if s.starts_with("a folder of `archive/` is no snapshot") => {
            not_a_snapshot(root);
            code(run(root, &["check"]))
        }
        ("`serve`", "a report has an error") => {
            broken(root);
            code(run(root, &["serve", "--port", "0"]))
        }
        ("`serve --port N`", "the port is in use") => {
            let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let port = taken.local_addr().unwrap().port().to_string();
            code(run(root, &["serve", "--port", &port]))
        }
        ("`new report`", "the report is written") => code(run(root, &new_report)),
        ("`new report`", "the city is not declared in `site.yaml`") => code(run(
            root,
            &[
                "new", "report", "extra", "--city", "nowhere", "--year", "2025",
            ],
        )),
        ("`new report`", "the report's file exists") => {
            run(root, &new_report);
            code(run(root, &new_report))
        }
        ("`init DIR`", "the site is made") => {
            let dir = root.join("new-site");
            code(run(root, &["init", dir.to_str().unwrap()]))
        }
        ("`init DIR`", "DIR already holds a site") => {
            code(run(root, &["init", root.to_str().unwrap()]))
        }
        ("`archive YEAR`", "the snapshot is taken") => code(run(root, &["archive", "2025"])),
        ("`archive YEAR`", "the site has an error") => {
            broken(root);
            let result = code(run(root, &["archive", "2025"]));
            assert!(
                result.1.contains("content/2025/test-plan.md:"),
                "the problem is printed: {}",
                result.1
            );
            result
        }
        ("`archive YEAR`", "YEAR has a snapshot and `--revision` is not given") => {
            archived(root);
            code(run(root, &["archive", "2025"]))
        }
        ("`archive YEAR`", "no report or metric is about YEAR") => {
            code(run(root, &["archive", "2019"]))
        }
        ("`verify`", "every snapshot is as taken") => {
            archived(root);
            code(run(root, &["verify"]))
        }
        ("`verify`", "a file of a snapshot changed, went or was added") => {
            archived(root);
            write(root, "archive/2025/extra.html", "x");
            code(run(root, &["verify"]))
        }
        ("`verify`", s) if s.starts_with("a folder of `archive/` is no snapshot") => {
            not_a_snapshot(root);
            code(run(root, &["verify"]))
        }
        ("`warc NAME`", "the WARC file is written") => {
            archived(root);
            code(run(root, &["warc", "2025"]))
        }
        ("`warc NAME`", s) if s.starts_with("NAME is not a snapshot's name") => {
            archived(root);
            code(run(root, &["warc", "2025/"]))
        }
        ("`warc NAME`", "`archive/` holds no snapshot NAME") => {
            archived(root);
            code(run(root, &["warc", "2024"]))
        }
        ("`warc NAME --output FILE`", s) if s.starts_with("FILE is the site's folder") => {
            archived(root);
            let config = root.join("site.yaml");
            code(run(
                root,
                &["warc", "2025", "--output", config.to_str().unwrap()],
            ))
        }
        ("any", "an unknown command or flag") => {
            let unknown = code(run(root, &["publish"]));
            assert_eq!(unknown.0, code(run(root, &["build", "--fast"])).0);
            unknown
        }
        ("any", "`--lang` or `RENEWAL_LANG` names a language renewal does not speak") => {
            let flag = code(run(root, &["--lang", "fr", "build"]));
            let variable = Command::new(BIN)
                .env("RENEWAL_LANG", "fr")
                .args(["--root", root.to_str().unwrap(), "check"])
                .output()
                .unwrap();
            assert_eq!(flag.0, variable.status.code());
            flag
        }
        ("`sheet export REPORT`", "the workbook is written") => {
            code(export("test-plan", "plan.xlsx", false))
        }
        ("`sheet export REPORT`", "no report has that file or slug") => {
            code(export("no-such-plan", "plan.xlsx", false))
        }
        ("`sheet export REPORT --progress`", "REPORT is not a plan") => {
            code(export("test-midyear", "plan.xlsx", true))
        }
        ("`sheet export REPORT --output FILE`", "FILE exists") => {
            write(root, "plan.xlsx", "a workbook being filled in");
            code(export("test-plan", "plan.xlsx", false))
        }
        ("`sheet export REPORT --output FILE`", s)
            if s.starts_with("FILE is inside `content/`") =>
        {
            code(export("test-plan", "content/plan.xlsx", false))
        }
        ("`sheet import FILE`" | "`sheet import FILE --dry-run`", situation) => {
            // The plan's own figures, saved as CSV; with a problem, one
            // figure written with a thousands separator.
            let book = root.join("plan.xlsx");
            let exported = run(
                root,
                &[
                    "sheet",
                    "export",
                    "test-plan",
                    "--output",
                    book.to_str().unwrap(),
                ],
            );
            assert!(exported.status.success(), "{}", stderr(&exported));
            let mut rows = crate::sheet::cells(&book);
            let target = rows.iter().position(|r| r[0] == "test-gas-mains").unwrap();
            rows[target][5] = match situation {
                "a cell has a problem" => "12,500".into(),
                _ => "13.0".into(),
            };
            let quoted = |r: &Vec<String>| {
                r.iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let csv: String = rows.iter().map(|r| quoted(r) + "\n").collect();
            let file = root.join("plan.csv");
            std::fs::write(&file, csv).unwrap();
            let mut args = vec!["sheet", "import", file.to_str().unwrap()];
            if command.contains("--dry-run") {
                args.push("--dry-run");
            }
            code(run(root, &args))
        }
        ("`explain CODE`", "CODE is a problem's code") => code(run(root, &["explain", "E0101"])),
        ("`explain CODE`", "no problem has the code CODE") => {
            code(run(root, &["explain", "E0000"]))
        }
        _ => panic!("the guide's exit-code table has a row no test runs: {command} | {situation}"),
    }
}

#[test]
fn every_command_exits_as_the_readme_s_table_says() {
    let table = exit_code_table();
    assert!(table.len() >= 20, "{table:?}");
    let mut wrong = Vec::new();
    for (command, situation, expected) in &table {
        let (code, printed) = exit_code_of(command, situation);
        if code != Some(*expected) {
            wrong.push(format!(
                "{command} | {situation}: exit {code:?}, not {expected}\n{printed}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// `renewal` with none of the language settings but those in `env`.
fn speaking(env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(BIN);
    for name in ["RENEWAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command
}

/// Runs renewal on the site at `root` with `args` and only the language
/// settings in `env` (`LANG=…`, `RENEWAL_LANG=…`): stdout and stderr.
fn said_with(root: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String) {
    let output = speaking(env)
        .env("SOURCE_DATE_EPOCH", BUILT)
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        format!("{}{}", stdout(&output), stderr(&output)),
    )
}

#[test]
fn renewal_speaks_the_language_asked_for_by_flag_variable_locale_or_site() {
    let site = fixture("basic");
    let root = site.path();
    let zh_cn = [("LANG", "zh_CN.UTF-8")];
    let (code, said) = said_with(root, &zh_cn, &["check"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.starts_with("检查通过："), "{said}");
    let (_, said) = said_with(root, &zh_cn, &["--lang", "en", "check"]);
    assert!(said.starts_with("ok: "), "{said}");
    let (_, said) = said_with(root, &zh_cn, &["build", "--lang", "zh-Hant"]);
    assert!(said.starts_with("已產生 2 篇報告"), "{said}");
    let (_, said) = said_with(
        root,
        &[("RENEWAL_LANG", "en"), ("LANG", "zh_TW.UTF-8")],
        &["check"],
    );
    assert!(said.starts_with("ok: "), "{said}");
    let (_, said) = said_with(
        root,
        &[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")],
        &["check"],
    );
    assert!(said.starts_with("檢查通過："), "{said}");
    // A locale of no language renewal speaks: the site's own (zh-Hans).
    let (_, said) = said_with(root, &[("LANG", "C.UTF-8")], &["check"]);
    assert!(said.starts_with("检查通过："), "{said}");
    // A language renewal does not speak, asked for by name, is refused
    // before anything is done.
    let published = snapshot(&root.join("output"));
    let (code, said) = said_with(root, &[], &["--lang", "fr", "build"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains("`fr` is not a language renewal speaks"),
        "{said}"
    );
    assert!(
        snapshot(&root.join("output")) == published,
        "nothing written"
    );
    // A command line renewal cannot read is said in the language chosen.
    let (code, said) = said_with(root, &[], &["--lang", "zh-Hans", "biuld"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.starts_with("错误：`biuld` 不是 renewal 的命令"),
        "{said}"
    );
    let (code, said) = said_with(root, &[("RENEWAL_LANG", "xx")], &["check"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("RENEWAL_LANG"), "{said}");
}

#[test]
fn a_problem_s_place_reads_the_same_in_every_language() {
    let site = fixture("basic");
    let root = site.path();
    let plan = root.join("content/2025/test-plan.md");
    let text = read(&plan).replace("year: 2025", "year: 20x5");
    write(root, "content/2025/test-plan.md", text);
    let mut places = Vec::new();
    for lang in ["en", "zh-Hans", "zh-Hant"] {
        let (code, said) = said_with(root, &[], &["--lang", lang, "check"]);
        assert_eq!(code, Some(1), "{lang}: {said}");
        let first = said.lines().next().unwrap_or_default().to_string();
        let place: String = first.split(": ").next().unwrap_or_default().to_string();
        assert_eq!(place, "content/2025/test-plan.md:5:7", "{lang}: {said}");
        places.push(place);
        let last = said.lines().last().unwrap_or_default().to_string();
        let summary = match lang {
            "en" => "error: 1 problem(s) in 1 file(s); nothing was written",
            "zh-Hans" => "错误：1 个文件中共有 1 处问题；未写入任何文件",
            _ => "錯誤：1 個檔案中共有 1 處問題；未寫入任何檔案",
        };
        assert_eq!(last, summary, "{lang}");
    }
}

/// A field is named in Chinese as an editor knows it in its own block: a
/// city's `id` is its 城市编号, a metric's its 指标编号.
#[test]
fn a_field_is_named_in_chinese_as_its_block_has_it() {
    let site = fixture("basic");
    let root = site.path();
    let config = read(&root.join("site.yaml"));
    let city = config.find("  - id: ").expect("a city") + "  - id: ".len();
    let end = city + config[city..].find('\n').unwrap();
    let broken = format!("{}Test City{}charts: 是\n", &config[..city], &config[end..]);
    write(root, "site.yaml", broken);
    let plan = read(&root.join("content/2025/test-plan.md"));
    let metric = plan.find("  - id: ").expect("a metric") + "  - id: ".len();
    let broken = format!(
        "{}Gas Mains{}",
        &plan[..metric],
        &plan[metric + "test-gas-mains".len()..]
    );
    write(root, "content/2025/test-plan.md", broken);
    let (code, said) = said_with(root, &[], &["--lang", "zh-Hans", "check"]);
    assert_eq!(code, Some(1), "{said}");
    for expected in [
        "字段 `cities[0].id`（城市编号）：`Test City` 不能用在网址里",
        "字段 `charts`（图表）：这里应写 `true`（是）或 `false`（否） [E0519]",
        "字段 `metrics[0].id`（指标编号）：`Gas Mains` 不能用在网址里",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
}

#[test]
fn help_is_in_the_language_chosen() {
    let help = |env: &[(&str, &str)], args: &[&str]| {
        let output = speaking(env).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    for (lang, about, build, heading) in [
        (
            "en",
            "Build a static website from urban-renewal plans",
            "Build the site into the output folder",
            "Options:",
        ),
        (
            "zh-Hans",
            "把城市更新的计划和进展报告生成为静态网站",
            "把网站生成到输出文件夹",
            "选项:",
        ),
        (
            "zh-Hant",
            "將城市更新的計劃與進展報告產生為靜態網站",
            "將網站產生到輸出資料夾",
            "選項:",
        ),
    ] {
        let text = help(&[("RENEWAL_LANG", lang)], &["--help"]);
        for expected in [about, build, heading] {
            assert!(text.contains(expected), "{lang}: `{expected}` in\n{text}");
        }
    }
    // `--lang` anywhere on the line, `=` or not, chooses the help's language.
    let text = help(
        &[("LANG", "en_US.UTF-8")],
        &["build", "--lang=zh-Hant", "--help"],
    );
    assert!(
        text.contains("將網站產生到輸出資料夾") && text.contains("用法：renewal build"),
        "{text}"
    );
    // Defaults and choices too.
    let text = help(&[("RENEWAL_LANG", "zh-Hans")], &["new", "report", "--help"]);
    assert!(
        text.contains("［默认：plan］") && !text.contains("[default"),
        "{text}"
    );
    let text = help(
        &[("LANG", "zh_CN.UTF-8")],
        &["new", "report", "--help", "--lang", "en"],
    );
    assert!(
        text.contains("The report's file name and address"),
        "{text}"
    );
}

#[test]
fn a_refusal_and_the_preview_s_panel_are_in_the_language_chosen() {
    let site = fixture("basic");
    let root = site.path();
    let own = root.to_str().unwrap();
    let (code, said) = said_with(root, &[], &["--lang", "zh-Hans", "build", "--output", own]);
    assert_eq!(code, Some(3), "{said}");
    assert!(
        said.starts_with("错误：拒绝写入") && said.contains("这是网站自身的文件夹"),
        "{said}"
    );
    let (_, said) = said_with(root, &[], &["--lang", "zh-Hant", "archive", "1999"]);
    assert!(said.contains("沒有關於 1999 年的報告或指標"), "{said}");
}

#[test]
fn explain_says_what_a_code_means_in_the_language_chosen() {
    let site = fixture("basic");
    let root = site.path();
    for (lang, title, wrong) in [
        ("en", "E0108: not a year", "Wrong:"),
        ("zh-Hans", "E0108：不是年份", "错误写法："),
        ("zh-Hant", "E0108：不是年份", "錯誤寫法："),
    ] {
        let (code, said) = said_with(root, &[], &["--lang", lang, "explain", "e0108"]);
        assert_eq!(code, Some(0), "{said}");
        assert!(said.starts_with(title), "{lang}: {said}");
        assert!(
            said.contains(wrong) && said.contains("    year: 二〇二五"),
            "{lang}: {said}"
        );
    }
    let (code, said) = said_with(root, &[], &["--lang", "en", "explain"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.lines().count() >= 18 && said.contains("E0101: a required field is missing"),
        "{said}"
    );
    let (code, said) = said_with(root, &[], &["--lang", "en", "explain", "E9999"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains("`E9999` is not the code of any problem"),
        "{said}"
    );
}

/// A reader that has gone away before renewal writes (`renewal explain |
/// head -1`, a closed terminal) is no crash: the command ends with its own
/// exit code and no panic, whether it writes to standard output or error.
#[test]
fn a_reader_gone_away_is_no_crash() {
    let site = fixture("basic");
    let plan = site.path().join("content/2025/test-plan.md");
    write(
        site.path(),
        "content/2025/test-plan.md",
        read(&plan).replace("year: 2025", "year: 20x5"),
    );
    for (args, code) in [
        (&["explain"][..], 0),
        (&["explain", "E0108"][..], 0),
        (&["check"][..], 1),
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let (err_reader, err_writer) = std::io::pipe().unwrap();
        drop(err_reader);
        let status = Command::new(BIN)
            .env("RENEWAL_LANG", "en")
            .arg("--root")
            .arg(site.path())
            .args(args)
            .stdout(writer.try_clone().unwrap())
            .stderr(err_writer)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

/// Why the system refused is said in the language chosen too, for the
/// reasons an editor can act on: a missing site.yaml, a preview port that
/// another program holds.
#[test]
fn the_system_s_reason_is_said_in_the_language_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (code, said) = said_with(
        dir.path(),
        &[("LANG", "zh_CN.UTF-8")],
        &["new", "report", "x", "--city", "a", "--year", "2025"],
    );
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("site.yaml：没有这个文件或文件夹；"), "{said}");
    assert!(!said.contains("os error"), "{said}");

    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let site = fixture("basic");
    let (code, said) = said_with(
        site.path(),
        &[],
        &["--lang", "zh-Hant", "serve", "--port", &port],
    );
    assert_eq!(code, Some(3), "{said}");
    assert!(said.contains("這個位址已被占用"), "{said}");
    drop(held);
}
