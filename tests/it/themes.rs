//! Themes as a site uses them: a theme folder that changes only a few files,
//! a theme that does not exist, and what a web team sees when a template is
//! broken.

use crate::common::*;
use std::path::Path;

/// Sets `theme: NAME` in the fixture's site.yaml (on line 6).
fn use_theme(site: &Path, name: &str) {
    let config = read(&site.join("site.yaml")).replace(
        "language: zh-Hans\n",
        &format!("language: zh-Hans\ntheme: {name}\n"),
    );
    write(site, "site.yaml", config);
}

#[test]
fn a_theme_with_only_a_stylesheet_uses_the_built_in_templates() {
    let site = fixture("basic");
    use_theme(site.path(), "mine");
    write(
        site.path(),
        "themes/mine/static/style.css",
        "body { color: teal }\n",
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let out = site.path().join("output");
    assert_eq!(read(&out.join("style.css")), "body { color: teal }\n");
    let home = read(&out.join("index.html"));
    assert!(home.contains("href=\"/style.css\""), "{home}");
    assert!(
        visible(&home).contains("跳到正文"),
        "built-in strings: {home}"
    );
}

#[test]
fn a_theme_missing_one_template_falls_back_for_that_template() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"))
        .replace("language: zh-Hans\n", "language: zh-Hans\npage_size: 1\n");
    write(site.path(), "site.yaml", config);
    use_theme(site.path(), "mine");
    let theme = site.path().join("themes/mine");
    copy_tree(&repo().join("themes/default"), &theme);
    std::fs::remove_file(theme.join("templates/partials/pager.html")).unwrap();
    let base = read(&theme.join("templates/base.html")).replace(
        "<footer class=\"site-footer\">",
        "<footer class=\"site-footer mine\">",
    );
    write(&theme, "templates/base.html", base);

    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let reports = read(&site.path().join("output/reports/index.html"));
    assert!(
        reports.contains("site-footer mine"),
        "the theme's base.html"
    );
    assert!(
        reports.contains("<nav class=\"pager\"") && reports.contains("/reports/page/2/"),
        "the built-in pager: {reports}"
    );
}

#[test]
fn a_theme_strings_file_may_leave_out_keys_and_languages() {
    let site = fixture("basic");
    use_theme(site.path(), "mine");
    write(
        site.path(),
        "themes/mine/strings.yaml",
        "zh-Hans:\n  skip: 直接看正文\n",
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let home = visible(&read(&site.path().join("output/index.html")));
    assert!(home.contains("直接看正文"), "the theme's string: {home}");
    assert!(home.contains("全部报告"), "a built-in string: {home}");

    // Strings for another language only: the site's language is built in.
    write(
        site.path(),
        "themes/mine/strings.yaml",
        "en:\n  skip: Skip to content\n",
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let home = visible(&read(&site.path().join("output/index.html")));
    assert!(home.contains("跳到正文"), "{home}");
}

#[test]
fn a_missing_theme_is_located_in_site_yaml() {
    let site = fixture("basic");
    use_theme(site.path(), "mine");
    write(site.path(), "themes/plain/static/style.css", "");
    let result = run(site.path(), &["build"]);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    let err = stderr(&result);
    assert!(
        err.contains(
            "site.yaml:6:8: field `theme`: theme `mine` not found: there is no folder themes/mine/ (themes available: default (built in), plain)"
        ),
        "{err}"
    );
}

/// Whether `line` starts `file:line: ` or `file:line:column: `.
fn is_placed(line: &str) -> bool {
    let mut parts = line.splitn(4, ':');
    let (Some(file), Some(number)) = (parts.next(), parts.next()) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if file.is_empty() || !digits(number) {
        return false;
    }
    match (parts.next(), parts.next()) {
        (Some(column), Some(rest)) if digits(column) => rest.starts_with(' '),
        (Some(rest), _) => rest.starts_with(' '),
        _ => false,
    }
}

/// A way to break a template: its name, the files to write, and for each
/// line expected the fragments it holds, in order.
type Case = (
    &'static str,
    Vec<(&'static str, String)>,
    Vec<Vec<&'static str>>,
);

#[test]
fn template_errors_are_one_line_with_a_path_from_the_site_root() {
    const CHILD: &str = "{% extends \"base.html\" %}\n{% block content %}\n";
    const END: &str = "{% endblock content %}\n";
    let report = |body: &str| format!("{CHILD}{body}{END}");
    let cases: Vec<Case> = vec![
        (
            "a tag left open",
            vec![("templates/report.html", report("{% if report.title %}\n"))],
            vec![vec![
                "templates/report.html:4:4: template error: unexpected `endblock`: a tag opened before it (such as `if` or `for`) is not closed",
            ]],
        ),
        (
            "a tag Tera 2 does not have",
            vec![(
                "templates/report.html",
                format!("{CHILD}{END}{{% import \"macros.html\" as m %}}\n"),
            )],
            vec![vec![
                "templates/report.html:4:4: template error: unknown tag `import`",
            ]],
        ),
        (
            "an unknown filter and function",
            vec![(
                "templates/report.html",
                report("{{ report.title | shout }}\n{{ nope() }}\n"),
            )],
            vec![
                vec!["templates/report.html:3:19: template error: Unknown filter `shout`"],
                vec!["templates/report.html:4:4: template error: Unknown function `nope`"],
            ],
        ),
        (
            "an include of a missing template",
            vec![(
                "templates/report.html",
                report("{% include \"partials/nope.html\" %}\n"),
            )],
            vec![vec![
                "templates/report.html:3:12: template error: Unknown template `partials/nope.html`",
            ]],
        ),
        (
            "extending a missing template",
            vec![(
                "templates/report.html",
                "{% extends \"layout.html\" %}\n".into(),
            )],
            vec![vec![
                "templates/report.html:1:12: template error: extends `layout.html`, which does not exist",
            ]],
        ),
        (
            "a block no parent has",
            vec![(
                "templates/report.html",
                "{% extends \"base.html\" %}\n{% block sidebar %}{% endblock sidebar %}\n".into(),
            )],
            vec![vec![
                "templates/report.html:2:10: template error: Block `sidebar` is not defined in any parent template",
            ]],
        ),
        (
            "templates extending each other",
            vec![
                ("templates/a.html", "{% extends \"b.html\" %}\n".into()),
                ("templates/b.html", "{% extends \"a.html\" %}\n".into()),
            ],
            vec![vec![
                "templates/a.html:1:12: template error: `extends` goes round in a circle: a.html → b.html → a.html",
            ]],
        ),
        (
            "templates including each other",
            vec![
                ("templates/a.html", "{% include \"b.html\" %}\n".into()),
                ("templates/b.html", "\n{% include \"a.html\" %}\n".into()),
            ],
            vec![vec![
                "templates/b.html:2:12: template error: `include` goes round in a circle: a.html → b.html → a.html",
            ]],
        ),
        (
            "an unknown field while rendering",
            vec![(
                "templates/report.html",
                report("{{ report.no_such_field }}\n"),
            )],
            vec![vec![
                "templates/report.html:3:11: template error: Field `no_such_field` is not defined. Available fields: ",
                "(while rendering reports/",
            ]],
        ),
        (
            "an error in a partial",
            vec![(
                "templates/partials/metric_table.html",
                "\n{{ rows.first }}\n".into(),
            )],
            vec![vec![
                "templates/partials/metric_table.html:2:4: template error: Variable `rows` is not defined.",
                "(called from themes/default/templates/",
                "in the built-in theme) (while rendering ",
            ]],
        ),
        (
            "an error inside a file of the built-in theme",
            vec![(
                "templates/index.html",
                "{% set pager = 3 %}{% include \"partials/pager.html\" %}\n".into(),
            )],
            vec![vec![
                "themes/default/templates/partials/pager.html:2:26: template error: Field `label` is not defined.",
                "(called from templates/index.html:1:31) (in the built-in theme) (while rendering index.html) [E1001]",
            ]],
        ),
        (
            "an error raised by the template",
            vec![(
                "templates/report.html",
                report("{{ throw(message=\"no report yet\") }}\n"),
            )],
            vec![vec![
                "templates/report.html:3:4: template error: no report yet (while rendering reports/",
            ]],
        ),
        (
            "an error in a theme's template",
            vec![
                (
                    "site.yaml",
                    read(&fixture("basic").path().join("site.yaml"))
                        .replace("language: zh-Hans\n", "language: zh-Hans\ntheme: mine\n"),
                ),
                (
                    "themes/mine/templates/report.html",
                    report("{{ report.title | shout }}\n"),
                ),
            ],
            vec![vec![
                "themes/mine/templates/report.html:3:19: template error: Unknown filter `shout`",
            ]],
        ),
    ];
    let mut failures = Vec::new();
    for (case, files, expected) in cases {
        let site = fixture("basic");
        for (file, contents) in &files {
            write(site.path(), file, contents);
        }
        let result = run(site.path(), &["check"]);
        let err = stderr(&result);
        if result.status.code() != Some(1) {
            failures.push(format!(
                "{case}: exit code {:?}:\n{err}",
                result.status.code()
            ));
            continue;
        }
        let lines: Vec<&str> = err.lines().collect();
        let (summary, problems) = lines.split_last().expect("some output");
        if !summary.starts_with("error: ") || !summary.ends_with("nothing was written") {
            failures.push(format!("{case}: last line is not the summary:\n{err}"));
        }
        if problems.len() != expected.len() {
            failures.push(format!(
                "{case}: expected {} line(s):\n{err}",
                expected.len()
            ));
        }
        for line in problems {
            if !is_placed(line) || line.contains("error: error") || line.contains("-->") {
                failures.push(format!("{case}: not one placed line: `{line}`"));
            }
        }
        for (line, fragments) in problems.iter().zip(&expected) {
            let mut rest = *line;
            for fragment in fragments {
                match rest.find(fragment) {
                    Some(at) => rest = &rest[at + fragment.len()..],
                    None => failures.push(format!("{case}: expected `{fragment}` in:\n{line}")),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_theme_name_that_is_a_path_is_refused_in_site_yaml() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"))
        .replace("language: zh-Hans", "language: zh-Hans\ntheme: ../../etc");
    write(site.path(), "site.yaml", config);
    let err = stderr(&run(site.path(), &["check"]));
    assert!(
        err.contains("site.yaml:6:8: field `theme`: `../../etc` is not a theme name"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_template_is_not_used_and_a_warning_says_so() {
    let site = fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(
        elsewhere.path().join("report.html"),
        "{% extends \"base.html\" %}{% block content %}LINKED{% endblock content %}",
    )
    .unwrap();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path().join("report.html"),
        site.path().join("templates/report.html"),
    )
    .unwrap();
    write(site.path(), "templates/.DS_Store", "junk");
    let result = run(site.path(), &["build"]);
    let err = stderr(&result);
    assert!(result.status.success(), "{err}");
    assert!(
        err.contains("templates/report.html: warning: is a symbolic link to ")
            && err.contains(
                "and is not used: a theme uses only the files that are really in its folder"
            ),
        "{err}"
    );
    assert!(!err.contains(".DS_Store"), "{err}");
    let page = read(&site.path().join("output/reports/test-plan/index.html"));
    assert!(!page.contains("LINKED"));
}

#[test]
fn the_default_theme_speaks_each_language_a_site_is_written_in() {
    for (language, home, menu) in [
        ("en", "All reports", "Skip to content"),
        ("zh-Hant", "全部報告", "跳到正文"),
    ] {
        let site = fixture("basic");
        let config = read(&site.path().join("site.yaml"))
            .replace("language: zh-Hans\n", &format!("language: {language}\n"));
        write(site.path(), "site.yaml", config);
        let result = run(site.path(), &["build"]);
        assert!(result.status.success(), "{language}: {}", stderr(&result));
        let html = read(&site.path().join("output/index.html"));
        assert!(
            html.contains(&format!("<html lang=\"{language}\">")),
            "{html}"
        );
        let text = visible(&html);
        assert!(
            text.contains(home) && text.contains(menu),
            "{language}: {text}"
        );
    }
}
