//! Themes as a site uses them: a theme folder that changes only a few files,
//! and a theme that does not exist.

mod common;
use common::*;
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
