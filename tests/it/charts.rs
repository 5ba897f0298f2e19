//! Charts as a reader meets them on the fixture site's pages: the bars and
//! labels drawn, the text alternative, the table of the same numbers beside
//! each chart, and what happens with no data or with charts turned off.

use crate::common::*;

fn page(site: &tempfile::TempDir, path: &str) -> String {
    read(&site.path().join("output").join(path))
}

fn build(site: &tempfile::TempDir) {
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
}

fn has(texts: &[String], label: &str) -> bool {
    texts.iter().any(|t| t == label)
}

#[test]
fn a_metric_page_charts_each_district_beside_its_table() {
    let site = fixture("basic");
    build(&site);
    let html = page(&site, "metrics/test-gas-mains/index.html");
    let svg = chart(&html, "chart-progress").expect("progress chart");
    assert!(svg.contains("role=\"img\""));
    assert!(
        svg.contains("<title id=\"chart-progress-title\">改造老旧燃气管网：各地区完成进度</title>")
    );
    assert!(svg.contains("进度最高的是西区（145%），最低的是东区（48%）"));
    let texts = svg_texts(svg);
    for label in [
        "东区",
        "西区",
        "6 / 12.5 公里 · 48%",
        "11.6 / 8 公里 · 145%",
        "目标",
        "150%",
    ] {
        assert!(has(&texts, label), "{label} not in {texts:?}");
    }
    // The caption and the table of the same figures follow the chart.
    let after = visible(&html[html.find("chart-progress-title").unwrap()..]);
    assert!(after.contains("东区 12.5 6 公里 48% 进度落后"), "{after}");
    assert!(after.contains("西区 8 11.6 公里 145% 已完成"), "{after}");
    // A metric for the city as a whole has no per-district chart.
    let single = page(&site, "metrics/test-compounds/index.html");
    assert_eq!(chart(&single, "chart-progress"), None);
}

#[test]
fn a_district_page_charts_each_of_its_metrics() {
    let site = fixture("basic");
    build(&site);
    let html = page(&site, "cities/test-city/east/index.html");
    let svg = chart(&html, "chart-district").expect("district chart");
    assert!(svg.contains("测试市 东区：各项指标完成进度"));
    let texts = svg_texts(svg);
    assert!(has(&texts, "改造老旧燃气管网"), "{texts:?}");
    assert!(has(&texts, "6 / 12.5 公里 · 48%"), "{texts:?}");
    // The city-wide compounds metric is not one of east's.
    assert!(!has(&texts, "改造老旧小区"), "{texts:?}");
}

#[test]
fn places_with_several_dated_figures_get_a_chart_over_time() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2025/test-q3.md",
        "---\ntitle: 测试市三季度进展\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-10-10\nmetrics:\n  - id: test-gas-mains\n    as_of: 2025-09-30\n    districts:\n      - district: east\n        actual: 9.5\n---\n",
    );
    build(&site);
    let html = page(&site, "metrics/test-gas-mains/index.html");
    let svg = chart(&html, "chart-time-east").expect("east has two dates");
    let texts = svg_texts(svg);
    for label in ["6", "9.5", "目标 12.5 公里", "完成期限 2025-12-31", "0"] {
        assert!(has(&texts, label), "{label} not in {texts:?}");
    }
    assert_eq!(svg.matches("<circle").count(), 2);
    assert!(svg.contains("东区历次完成数：2025-06-30 6公里，2025-09-30 9.5公里。目标为12.5公里。"));
    // West reported once: one point is not a line.
    assert_eq!(chart(&html, "chart-time-west"), None);
}

#[test]
fn the_home_page_sums_up_each_city_and_a_city_page_each_place() {
    let site = fixture("basic");
    build(&site);
    let html = page(&site, "index.html");
    let svg = chart(&html, "chart-summary").expect("summary chart");
    let texts = svg_texts(svg);
    for label in [
        "已完成",
        "按期推进",
        "进度落后",
        "暂无数据",
        "无目标",
        "测试市（含所辖区县）",
        "共 3 项",
    ] {
        assert!(has(&texts, label), "{label} not in {texts:?}");
    }
    assert!(svg.contains(
        "1个地区按地区计共3项：已完成1项，按期推进0项，进度落后2项，逾期未完成0项，暂无数据0项，无目标0项。"
    ));
    let table = visible(&html[html.find("<table class=\"pace cards\"").unwrap()..]);
    assert!(
        table.contains("测试市（含所辖区县） 3 1 0 2 0 0"),
        "{table}"
    );
    // By 30 June, 49.6% of the year has passed: 15 of 40 compounds (37.5%)
    // and 6 of 12.5 km (48%) are behind; west's 145% is done.
    let city = page(&site, "cities/test-city/index.html");
    let svg = chart(&city, "chart-summary").expect("the city's summary chart");
    assert!(has(&svg_texts(svg), "东区"));
    let table = visible(&city[city.find("<table class=\"pace cards\"").unwrap()..]);
    assert!(table.contains("测试市 1 0 0 1 0 0"), "{table}");
    assert!(table.contains("东区 1 0 0 1 0 0"), "{table}");
    assert!(table.contains("西区 1 1 0 0 0 0"), "{table}");
}

#[test]
fn a_plan_without_actuals_draws_no_data_never_zero() {
    let site = fixture("basic");
    std::fs::remove_file(site.path().join("content/2025/test-midyear.md")).unwrap();
    build(&site);
    let html = page(&site, "metrics/test-gas-mains/index.html");
    let svg = chart(&html, "chart-progress").expect("progress chart");
    let texts = svg_texts(svg);
    assert!(has(&texts, "目标 12.5 公里 · 暂无数据"), "{texts:?}");
    assert!(has(&texts, "目标 8 公里 · 暂无数据"), "{texts:?}");
    assert!(
        !svg.contains("<rect"),
        "no bar is drawn for a missing actual"
    );
    assert!(!texts.iter().any(|t| t.starts_with("0 /")), "{texts:?}");
}

#[test]
fn charts_can_be_turned_off_and_the_tables_stay() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"));
    write(site.path(), "site.yaml", format!("{config}charts: false\n"));
    build(&site);
    for path in [
        "index.html",
        "metrics/test-gas-mains/index.html",
        "cities/test-city/east/index.html",
    ] {
        let html = page(&site, path);
        assert!(!html.contains("class=\"chart-svg "), "{path}");
    }
    let home = visible(&page(&site, "index.html"));
    assert!(home.contains("测试市（含所辖区县） 3 1 0 2 0 0"), "{home}");
}

/// The status each bar of a progress chart is drawn in, in order: its
/// colour or pattern after the legend and scale (which start with the
/// bold 目标 label); a bar without a target draws nothing.
fn drawn_statuses(svg: &str) -> Vec<&'static str> {
    let bars = match svg.find("font-weight=\"bold\"") {
        Some(at) => &svg[at..],
        None => return Vec::new(),
    };
    let elements: Vec<&str> = bars.split('<').skip(1).collect();
    let mut statuses = Vec::new();
    let mut i = 0;
    while i < elements.len() {
        let e = elements[i];
        let status = if e.starts_with("rect") && e.contains("fill=\"#0B4F8A\"") {
            Some("done")
        } else if e.starts_with("rect") && e.contains("fill=\"#4F86C0\"") {
            Some("on-track")
        } else if e.starts_with("rect") && e.contains("-behind)\"") {
            Some("behind")
        } else if e.starts_with("rect") && e.contains("-overdue)\"") {
            Some("overdue")
        } else if e.starts_with("polyline")
            && e.contains("stroke-dasharray=\"5 4\" ")
            && e.contains("#767676")
        {
            // An empty box: no data, or overdue with nothing reported when
            // its red mark follows.
            if elements
                .get(i + 1)
                .is_some_and(|n| n.contains("-overdue)\""))
            {
                i += 1;
                Some("overdue")
            } else {
                Some("no-data")
            }
        } else {
            None
        };
        statuses.extend(status);
        i += 1;
    }
    statuses
}

#[test]
fn every_progress_bar_is_drawn_as_its_row_s_status() {
    let site = example_site();
    // Mid-2025, when targets are on track and behind, and 2030, when the
    // unfinished ones are overdue.
    for (epoch, expected) in [("1754006400", "behind"), ("1893456000", "overdue")] {
        let out = site.path().join(format!("out-{epoch}"));
        let built = run_at(
            site.path(),
            &["build", "--output", out.to_str().unwrap()],
            epoch,
        );
        assert!(built.status.success(), "{}", stderr(&built));
        let mut pages = 0;
        let mut seen = std::collections::BTreeSet::new();
        for (path, bytes) in snapshot(&out) {
            let html = String::from_utf8_lossy(&bytes);
            let Some(id) = ["chart-progress", "chart-district"]
                .into_iter()
                .find(|id| chart(&html, id).is_some())
            else {
                continue;
            };
            let table = &html[html.find("<table class=\"metrics cards\">").unwrap_or(0)..];
            let rows: Vec<&str> = table
                .split("<tr class=\"pace-")
                .skip(1)
                .filter_map(|r| r.split('"').next())
                .filter(|&status| status != "no-target")
                .collect();
            // Both frames: the one for wide boxes and the one for large
            // text on a phone.
            let narrow = chart(&html, &format!("{id}-narrow")).expect("the narrow frame");
            assert_eq!(drawn_statuses(narrow), rows, "{path}: narrow frame");
            let svg = chart(&html, id).unwrap_or_default();
            let drawn = drawn_statuses(svg);
            assert_eq!(drawn, rows, "{path}: bars against the table's rows");
            // A legend above the bars names every status they are drawn
            // in, in both frames.
            let legend = svg_texts(&svg[..svg.find("font-weight=\"bold\"").unwrap_or(0)]);
            let narrow_legend =
                svg_texts(&narrow[..narrow.find("font-weight=\"bold\"").unwrap_or(0)]);
            assert_eq!(legend, narrow_legend, "{path}: the narrow frame's legend");
            for status in &drawn {
                let names = match *status {
                    "done" => ["已完成", "已完成"],
                    "on-track" => ["按期推进", "按期推進"],
                    "behind" => ["进度落后", "進度落後"],
                    "overdue" => ["逾期未完成", "逾期未完成"],
                    _ => ["暂无数据", "暫無數據"],
                };
                let named = legend.iter().any(|t| names.contains(&t.as_str()));
                assert!(named, "{path}: {names:?} in {legend:?}");
            }
            seen.extend(drawn);
            pages += 1;
        }
        assert!(pages > 10, "{pages} pages with a progress chart");
        assert!(
            seen.contains(expected) && seen.contains("done"),
            "{epoch}: {seen:?}"
        );
    }
}
