//! Statuses read a year later: the build date is an input
//! (`SOURCE_DATE_EPOCH`), a target unmet after its deadline is overdue on
//! every page, chart, description and download, and every count says the
//! date it was made at.

use crate::common::*;
use std::path::Path;

/// 2030-01-01: after every deadline of the example site.
const LATE: &str = "1893456000";
/// 2025-08-01: before the example site's 2025 deadlines.
const EARLY: &str = "1754006400";

/// The numbers written right after each `before` in `text`, up to `after`.
fn counts_after(text: &str, before: &str, after: &str) -> Vec<usize> {
    text.match_indices(before)
        .filter_map(|(at, _)| {
            let rest = &text[at + before.len()..];
            let end = rest.find(after)?;
            rest[..end].trim().parse().ok()
        })
        .collect()
}

/// Where the site built at `epoch` calls a target on track: table rows,
/// counts in boxes and tables, chart descriptions and the downloads.
fn on_track_anywhere(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in snapshot(out) {
        let text = String::from_utf8_lossy(&bytes);
        let mut say = |what: &str| found.push(format!("{path}: {what}"));
        if path.ends_with("schema.json") {
            continue;
        }
        if path.ends_with(".csv") || path.ends_with(".json") {
            if text.contains(",on-track,") || text.contains("\"on-track\"") {
                say("a row with status on-track");
            }
            continue;
        }
        if !path.ends_with(".html") {
            continue;
        }
        if text.contains("<tr class=\"pace-on-track\"") {
            say("a table row on track");
        }
        let counts = [
            // The tally's box, in each script.
            counts_after(
                &text,
                "<div class=\"pace-on-track\"><dt>按期推进</dt><dd>",
                "</dd>",
            ),
            counts_after(
                &text,
                "<div class=\"pace-on-track\"><dt>按期推進</dt><dd>",
                "</dd>",
            ),
            counts_after(
                &text,
                "<div class=\"pace-on-track\"><dt>On track</dt><dd>",
                "</dd>",
            ),
            // The summary table's column, in each script.
            counts_after(&text, "data-label=\"按期推进\">", "</td>"),
            counts_after(&text, "data-label=\"按期推進\">", "</td>"),
            counts_after(&text, "data-label=\"On track\">", "</td>"),
            // Chart descriptions.
            counts_after(&text, "按期推进", "项"),
            counts_after(&text, "按期推進", "項"),
        ];
        if counts.iter().flatten().any(|&n| n > 0) {
            say("a count of targets on track above 0");
        }
        let english = text
            .match_indices(" on track,")
            .filter_map(|(at, _)| text[..at].rsplit(' ').next()?.parse::<usize>().ok())
            .any(|n| n > 0);
        if english {
            say("an English chart description counting targets on track");
        }
    }
    found
}

#[test]
fn read_after_every_deadline_no_unfinished_target_is_called_on_track() {
    let site = example_site();
    // Two editions, so that both scripts are read.
    let config = read(&site.path().join("site.yaml"));
    if !config.contains("editions:") {
        write(
            site.path(),
            "site.yaml",
            format!("{config}\neditions: [zh-Hant]\n"),
        );
    }
    let early = site.path().join("early");
    let built = run_at(
        site.path(),
        &["build", "--output", early.to_str().unwrap()],
        EARLY,
    );
    assert!(built.status.success(), "{}", stderr(&built));
    // Before the deadlines the same checks find targets on track: they
    // can fail.
    let early_found = on_track_anywhere(&early);
    assert!(
        early_found
            .iter()
            .any(|f| f.ends_with("a count of targets on track above 0")),
        "in August 2025 some targets are on track, and a count says so: {early_found:?}"
    );
    let late = site.path().join("late");
    let built = run_at(
        site.path(),
        &["build", "--output", late.to_str().unwrap()],
        LATE,
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let found = on_track_anywhere(&late);
    assert!(found.is_empty(), "{}", found.join("\n"));
    // What was on track is overdue now, in its own words, colour and
    // download status.
    let pages = snapshot(&late);
    let overdue_rows = pages
        .iter()
        .filter(|(p, b)| {
            p.ends_with(".html")
                && String::from_utf8_lossy(b).contains("<tr class=\"pace-overdue\"")
        })
        .count();
    assert!(overdue_rows > 0, "overdue rows on the pages");
    let data = String::from_utf8_lossy(&pages["data/renewal.csv"]).into_owned();
    assert!(data.contains(",overdue,"), "the open data says overdue");
    let home = String::from_utf8_lossy(&pages["index.html"]).into_owned();
    assert!(
        home.contains("逾期未完成"),
        "the home page names the status"
    );
}

#[test]
fn every_page_says_the_day_it_was_built_and_counts_say_their_date() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let built = run(&repo(), &["build", "--output", site.to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    for (path, bytes) in snapshot(&site) {
        if !path.ends_with(".html") || path.starts_with("archive/") {
            continue;
        }
        let page = String::from_utf8_lossy(&bytes);
        let dated = ["本站生成日期：", "Site built on "].iter().any(|words| {
            page.contains(&format!(
                "{words}<time datetime=\"2025-12-31\">2025-12-31</time>"
            ))
        });
        assert!(dated, "{path} says when it was built");
        if page.contains("class=\"tally\"") || page.contains("class=\"pace cards\"") {
            let dated = ["统计截至", "統計截至", "Counted as of "]
                .iter()
                .any(|words| page.contains(&format!("{words}<time datetime=\"2025-12-31\">")));
            assert!(dated, "{path}: its counts say their date");
        }
    }
}

#[test]
fn the_same_sources_and_date_give_the_same_bytes_and_a_bad_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let built = run_at(&repo(), &["build", "--output", out.to_str().unwrap()], LATE);
        assert!(built.status.success(), "{}", stderr(&built));
    }
    assert!(snapshot(&a) == snapshot(&b), "byte-identical builds");
    let other = dir.path().join("other");
    let built = run_at(
        &repo(),
        &["build", "--output", other.to_str().unwrap()],
        EARLY,
    );
    assert!(built.status.success());
    assert!(
        snapshot(&a) != snapshot(&other),
        "another date, other pages"
    );

    let refused = run_at(&repo(), &["check"], "yesterday");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("SOURCE_DATE_EPOCH is \"yesterday\""),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn a_build_on_a_later_day_remakes_what_the_date_changes() {
    let site = example_site();
    let out = site.path().join("out");
    let out_arg = out.to_str().unwrap();
    assert!(
        run_at(site.path(), &["build", "--output", out_arg], EARLY)
            .status
            .success()
    );
    assert!(
        run_at(site.path(), &["build", "--output", out_arg], LATE)
            .status
            .success()
    );
    let fresh = site.path().join("fresh");
    let whole = run_at(
        site.path(),
        &["build", "--output", fresh.to_str().unwrap()],
        LATE,
    );
    assert!(whole.status.success());
    assert!(
        snapshot(&out) == snapshot(&fresh),
        "the build a day later equals a clean build of that day"
    );
}
