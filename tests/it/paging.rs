//! Long lists cut into pages, as a reader pages through them: every report
//! and every figure is on exactly one page of each list, the pages link to
//! each other, and the addresses are the documented ones.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

const SITE: &str = "title: 分页测试站
base_url: https://paging.example.org/
page_size: 4
cities:
  - id: paging-city
    name: 分页市
    fictional: true
    districts:
      - id: north
        name: 北区
      - id: south
        name: 南区
topics:
  - id: gas
    name: 燃气
";

/// A site of 11 reports: one plan introducing 5 metrics with a figure for
/// each district, and 10 monthly updates of the first metric.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "site.yaml", SITE);
    let mut plan = String::from(
        "---\ntitle: 分页市2025年计划\nkind: plan\ncity: paging-city\nyear: 2025\npublished: 2025-01-15\ntopics: [gas]\nmetrics:\n",
    );
    for m in 1..=5 {
        plan.push_str(&format!(
            "  - id: paging-m{m}\n    label: 指标{m}\n    unit: 个\n    topic: gas\n    target: 20\n    districts:\n      - district: north\n        target: 10\n      - district: south\n        target: 10\n"
        ));
    }
    plan.push_str("---\n计划正文。\n");
    write(dir.path(), "content/2025/plan.md", plan);
    for month in 1..=10 {
        write(
            dir.path(),
            &format!("content/2025/update-{month:02}.md"),
            format!(
                "---\ntitle: 分页市{month}月进展\nkind: progress\ncity: paging-city\nyear: 2025\npublished: 2025-{:02}-05\nmetrics:\n  - id: paging-m1\n    as_of: 2025-{month:02}-28\n    districts:\n      - district: north\n        actual: {month}\n      - district: south\n        actual: {month}\n---\n进展正文。\n",
                month + 1
            ),
        );
    }
    dir
}

fn built() -> tempfile::TempDir {
    let dir = site();
    let result = run(dir.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    dir
}

fn page(site: &Path, path: &str) -> String {
    read(&site.join("output").join(path))
}

/// How often each report is linked from the report lists of `pages`.
fn report_links(site: &Path, pages: &[&str]) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    for path in pages {
        let html = page(site, path);
        let list = html.split("<ul class=\"report-list\">").nth(1).unwrap();
        let list = list.split("</ul>").next().unwrap();
        for part in list.split("href=\"/reports/").skip(1) {
            let slug = part.split('/').next().unwrap().to_string();
            *seen.entry(slug).or_insert(0) += 1;
        }
    }
    seen
}

#[test]
fn the_report_list_is_cut_into_pages_that_hold_every_report_once() {
    let dir = built();
    let site = dir.path();
    let pages = [
        "reports/index.html",
        "reports/page/2/index.html",
        "reports/page/3/index.html",
    ];
    let seen = report_links(site, &pages);
    assert_eq!(seen.len(), 11, "{seen:?}");
    assert!(seen.values().all(|&n| n == 1), "{seen:?}");
    assert!(!site.join("output/reports/page/4").exists());
    // Newest first: the last update opens the first page.
    let first = page(site, "reports/index.html");
    assert!(
        first.find("update-10").unwrap() < first.find("update-09").unwrap(),
        "newest first"
    );
    let second = visible(&page(site, "reports/page/2/index.html"));
    assert!(
        second.contains("全部报告（第2页，共3页）"),
        "the page says which page it is: {second}"
    );
    let html = page(site, "reports/page/2/index.html");
    for link in [
        "<a href=\"/reports/\" rel=\"prev\">",
        "<a href=\"/reports/page/3/\" rel=\"next\">",
        "<a href=\"/reports/page/2/\" aria-current=\"page\">2</a>",
    ] {
        assert!(html.contains(link), "{link} in {html}");
    }
    assert!(
        html.contains(
            "<link rel=\"canonical\" href=\"https://paging.example.org/reports/page/2/\">"
        ),
        "canonical address of a later page"
    );
}

#[test]
fn an_overview_shows_its_first_page_and_links_the_rest() {
    let dir = built();
    let site = dir.path();
    // The city lists 11 reports (3 pages of 4) and 15 rows: 5 metrics for
    // the city and each district (4 pages of 4).
    let overview = page(site, "cities/paging-city/index.html");
    assert!(overview.contains("href=\"/cities/paging-city/reports/page/2/\""));
    assert!(overview.contains("href=\"/cities/paging-city/metrics/page/4/\""));
    let reports = report_links(
        site,
        &[
            "cities/paging-city/index.html",
            "cities/paging-city/reports/page/2/index.html",
            "cities/paging-city/reports/page/3/index.html",
        ],
    );
    assert_eq!(reports.len(), 11);
    assert!(reports.values().all(|&n| n == 1), "{reports:?}");
    let mut rows = Vec::new();
    for path in [
        "cities/paging-city/index.html",
        "cities/paging-city/metrics/page/2/index.html",
        "cities/paging-city/metrics/page/3/index.html",
        "cities/paging-city/metrics/page/4/index.html",
    ] {
        let html = page(site, path);
        let count = html.matches("<tr class=\"pace-").count();
        assert!(count <= 4, "{path}: {count} rows on a page of 4");
        rows.push(count);
    }
    assert_eq!(rows.iter().sum::<usize>(), 15, "{rows:?}");
    let later = visible(&page(site, "cities/paging-city/metrics/page/2/index.html"));
    assert!(later.contains("分页市：指标（第2页，共4页）"), "{later}");
    assert!(later.contains("返回：分页市"), "{later}");
    // A district's later page charts the rows it shows.
    let district = page(site, "cities/paging-city/north/metrics/page/2/index.html");
    let svg = chart(&district, "chart-district").expect("chart of the page's rows");
    assert_eq!(svg.matches("指标5").count(), 1, "{svg}");
    // Years and topics list the same way.
    assert!(
        site.join("output/years/2025/reports/page/3/index.html")
            .is_file()
    );
    assert!(
        site.join("output/topics/gas/metrics/page/4/index.html")
            .is_file()
    );
}

#[test]
fn a_long_series_continues_on_later_pages() {
    let dir = built();
    let site = dir.path();
    // Metric 1: 3 targets (the city and its two districts) and 20
    // actuals, 23 values: 6 pages of 4.
    let first = page(site, "metrics/paging-m1/index.html");
    assert_eq!(
        first
            .matches("<tr><th scope=\"row\" class=\"date\">")
            .count(),
        4
    );
    assert!(first.contains("href=\"/metrics/paging-m1/series/page/6/\""));
    let last = page(site, "metrics/paging-m1/series/page/6/index.html");
    assert_eq!(
        last.matches("<tr><th scope=\"row\" class=\"date\">")
            .count(),
        3
    );
    assert!(visible(&last).contains("指标1：历次数据（第6页，共6页）"));
    assert!(!site.join("output/metrics/paging-m2/series").exists());
}

#[test]
fn every_link_of_a_paged_site_leads_to_a_page() {
    let dir = built();
    let broken = broken_links(&dir.path().join("output"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn addresses_that_would_clash_with_list_pages_are_refused() {
    let dir = site();
    let config = SITE
        .replace("id: north", "id: reports")
        .replace("page_size: 4", "page_size: 0");
    write(dir.path(), "site.yaml", config);
    let result = run(dir.path(), &["check"]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        err.contains("site.yaml:3:12: field `page_size`: 0 is not a page size"),
        "{err}"
    );
    assert!(
        err.contains(
            "site.yaml:9:13: field `cities[0].districts[0].id`: `reports` cannot be a district id"
        ),
        "{err}"
    );

    let dir = site();
    write(
        dir.path(),
        "content/page.md",
        "---\ntitle: 页\nkind: plan\ncity: paging-city\nyear: 2025\npublished: 2025\n---\n",
    );
    let err = stderr(&run(dir.path(), &["check"]));
    assert!(
        err.contains("content/page.md: the file name gives the report's address, but `page` cannot be a report's address"),
        "{err}"
    );
}
