//! What the pages of the fixture site say: progress measured against the
//! plan, remarks on the right place, counts that add up.

use crate::common::*;

fn built() -> tempfile::TempDir {
    let site = fixture("basic");
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    site
}

fn text(site: &tempfile::TempDir, path: &str) -> String {
    visible(&read(&site.path().join("output").join(path)))
}

#[test]
fn an_update_is_measured_against_the_plan_target() {
    let site = built();
    let update = text(&site, "reports/test-midyear/index.html");
    // East: 6 of 12.5 km; west: 11.6 of 8 km (over-achieved); compounds: 15 of 40.
    assert!(update.contains("东区 12.5 6 公里 48% 进度落后"), "{update}");
    assert!(update.contains("西区 8 11.6 公里 145% 已完成"), "{update}");
    assert!(
        update.contains("测试市 40 15 个 37.5% 进度落后"),
        "{update}"
    );
    assert!(
        !update.contains("无目标"),
        "no row of an update lacks its plan's target: {update}"
    );
}

#[test]
fn a_place_without_an_actual_shows_no_data_not_zero() {
    let site = built();
    let plan = text(&site, "reports/test-plan/index.html");
    assert!(plan.contains("东区 12.5 公里 暂无数据"), "{plan}");
    assert!(
        !plan.contains("12.5 0 公里"),
        "a missing actual is never printed as 0"
    );
}

#[test]
fn remarks_stay_with_their_place() {
    let site = fixture("basic");
    let plan = read(&site.path().join("content/2025/test-plan.md")).replace(
        "        target: 8\n",
        "        target: 8\n        note: 含新建支线\n",
    );
    write(site.path(), "content/2025/test-plan.md", plan);
    assert!(run(site.path(), &["build"]).status.success());
    let west = text(&site, "cities/test-city/west/index.html");
    let east = text(&site, "cities/test-city/east/index.html");
    assert!(west.contains("含新建支线"), "{west}");
    assert!(
        !east.contains("含新建支线"),
        "west's remark must not show on east: {east}"
    );
}

#[test]
fn a_remark_goes_when_the_figure_it_was_about_arrives() {
    let site = fixture("basic");
    let midyear = read(&site.path().join("content/2025/test-midyear.md")).replace(
        "      - district: 东区\n        actual: 6\n",
        "      - district: 东区\n        note: 数据待核对\n",
    );
    write(site.path(), "content/2025/test-midyear.md", midyear);
    assert!(run(site.path(), &["build"]).status.success());
    let east = text(&site, "cities/test-city/east/index.html");
    assert!(east.contains("数据待核对"), "{east}");
    write(
        site.path(),
        "content/2025/test-q3.md",
        "---\ntitle: 三季度\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-10-10\nmetrics:\n  - id: test-gas-mains\n    as_of: 2025-09-30\n    districts:\n      - district: east\n        actual: 9.5\n---\n",
    );
    assert!(run(site.path(), &["build"]).status.success());
    let east = text(&site, "cities/test-city/east/index.html");
    assert!(!east.contains("数据待核对"), "{east}");
    // 76% done with 75% of the year gone keeps pace.
    assert!(east.contains("东区 12.5 9.5 公里 76% 按期推进"), "{east}");
}

#[test]
fn tallies_count_indicators_and_each_place_by_pace() {
    let site = built();
    let home = text(&site, "index.html");
    // Two indicators in three places: gas mains in east (behind) and west
    // (done), compounds for the city as a whole (behind).
    assert!(
        home.contains("指标数：2，按地区计（城市整体和各区县分别计）：3 已完成 1 按期推进 0 进度落后 2 逾期未完成 0 暂无数据 0 无目标 0"),
        "{home}"
    );
    let west = text(&site, "cities/test-city/west/index.html");
    assert!(
        west.contains("指标数：1，按地区计（城市整体和各区县分别计）：1 已完成 1 按期推进 0"),
        "{west}"
    );
}

/// The plan gives gas mains a target for the city as a whole; its updates
/// report only districts.
fn with_city_target(site: &tempfile::TempDir, adds_up: bool) {
    with_city_target_of(site, "20.5", adds_up);
}

/// Gives the gas mains a city-wide `target` beside its districts' (east
/// 12.5, west 8), saying `districts_add_up` or not.
fn with_city_target_of(site: &tempfile::TempDir, target: &str, adds_up: bool) {
    let extra = if adds_up {
        "    districts_add_up: true\n"
    } else {
        ""
    };
    let plan = read(&site.path().join("content/2025/test-plan.md")).replace(
        "    deadline: 2025-12-31\n",
        &format!("    deadline: 2025-12-31\n    target: {target}\n{extra}"),
    );
    write(site.path(), "content/2025/test-plan.md", plan);
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
}

#[test]
fn a_city_whose_districts_report_never_shows_no_data() {
    // The districts' targets (20.5 km) do not make the city's 25.
    let site = fixture("basic");
    with_city_target_of(&site, "25", false);
    let metric = text(&site, "metrics/test-gas-mains/index.html");
    assert!(metric.contains("测试市 25 公里 见各区县"), "{metric}");
    assert!(
        metric.contains("测试市 目标 25 公里 · 见各区县"),
        "the chart says the same: {metric}"
    );
    assert!(!metric.contains("暂无数据 2025"), "{metric}");
    // The city's row is not counted: its districts are.
    assert!(metric.contains("共2项，已完成1项"), "{metric}");
    // When they do make it, the city shows their total without being
    // told, as it would with `districts_add_up: true`.
    let site = fixture("basic");
    with_city_target(&site, false);
    let metric = text(&site, "metrics/test-gas-mains/index.html");
    assert!(
        metric.contains("测试市 20.5 17.6 （已报区县合计） 公里 85.9%"),
        "{metric}"
    );
}

#[test]
fn a_city_whose_districts_add_up_shows_their_total_marked_as_such_in_pages_and_downloads() {
    let site = fixture("basic");
    with_city_target(&site, true);
    let metric = text(&site, "metrics/test-gas-mains/index.html");
    // East 6 + west 11.6 of the city's 20.5 km.
    assert!(
        metric.contains("测试市 20.5 17.6 （已报区县合计） 公里 85.9%"),
        "{metric}"
    );
    assert!(
        metric.contains("17.6（已报区县合计） / 20.5 公里 · 85.9%"),
        "{metric}"
    );
    // The downloads hold the same figure and status, saying how it was
    // come by, in the metric's files and the site's.
    let status_word = |status: &str| match status {
        "done" => "已完成",
        "on-track" => "按期推进",
        "behind" => "进度落后",
        other => panic!("{other}"),
    };
    for file in ["metrics/test-gas-mains/data.csv", "data/renewal.csv"] {
        let csv = read(&site.path().join("output").join(file));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let rows: Vec<std::collections::BTreeMap<String, String>> = reader
            .records()
            .map(|r| {
                headers
                    .iter()
                    .map(String::from)
                    .zip(r.unwrap().iter().map(String::from))
                    .collect()
            })
            .collect();
        let total: Vec<_> = rows
            .iter()
            .filter(|r| r["metric_id"] == "test-gas-mains" && r["basis"] == "sum-of-districts")
            .collect();
        assert_eq!(total.len(), 1, "{file}: {total:?}");
        let total = total[0];
        assert_eq!(
            (
                &*total["district_id"],
                &*total["target"],
                &*total["actual"],
                &*total["report_url"]
            ),
            ("", "20.5", "17.6", ""),
            "{file}"
        );
        let shown = format!(
            "测试市 20.5 17.6 （已报区县合计） 公里 85.9% {}",
            status_word(&total["status"])
        );
        assert!(metric.contains(&shown), "{file}: {shown}\n{metric}");
        assert!(
            rows.iter()
                .filter(|r| r["basis"] != "sum-of-districts")
                .all(|r| r["basis"] == "stated")
        );
    }
    let json: serde_json::Value = serde_json::from_str(&read(
        &site.path().join("output/metrics/test-gas-mains/data.json"),
    ))
    .unwrap();
    let basis = json["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c == "basis")
        .unwrap();
    let actual = json["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c == "actual")
        .unwrap();
    let derived: Vec<_> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r[basis] == "sum-of-districts")
        .collect();
    assert_eq!(derived.len(), 1);
    assert_eq!(derived[0][actual], "17.6");
}

#[test]
fn a_zero_target_is_never_done_nor_charted_over_time() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2025/test-zero.md",
        "---\ntitle: 零目标\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-07-01\nmetrics:\n  - id: test-new-structures\n    label: 新增违建\n    unit: 处\n    target: 0\n    actual: 0\n    as_of: 2025-06-30\n---\n",
    );
    write(
        site.path(),
        "content/2025/test-zero-q3.md",
        "---\ntitle: 零目标三季度\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-10-01\nmetrics:\n  - id: test-new-structures\n    actual: 0\n    as_of: 2025-09-30\n---\n",
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let html = read(
        &site
            .path()
            .join("output/metrics/test-new-structures/index.html"),
    );
    let metric = visible(&html);
    assert!(
        metric.contains("测试市 0 0 处 目标为0，不计进度"),
        "{metric}"
    );
    assert!(!metric.contains("已完成"), "{metric}");
    assert!(
        !html.contains("chart-time"),
        "no chart of nothing but zeros"
    );
    let home = text(&site, "index.html");
    assert!(home.contains("无目标 1"), "{home}");
}

#[test]
fn every_page_about_an_invented_city_says_so() {
    // The fixture's city is marked `fictional: true`.
    let site = built();
    for path in [
        "index.html",
        "cities/test-city/index.html",
        "cities/test-city/east/index.html",
        "reports/test-plan/index.html",
        "metrics/test-gas-mains/index.html",
    ] {
        let page = text(&site, path);
        let says = page.contains("虚构示例：本页的城市和数字为演示而编造");
        assert_eq!(says, path != "index.html", "{path}: {page}");
    }
}

#[test]
fn every_page_says_who_runs_the_site_and_describes_itself() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml")).replace(
        "language: zh-Hans\n",
        "language: zh-Hans\npublisher: 测试市住房和城乡建设局\ncontact: 0000-12345678\ncopyright: 版权所有 测试市住房和城乡建设局\nicp: 测ICP备00000000号\nsite_id_code: \"0000000000\"\n",
    );
    write(site.path(), "site.yaml", config);
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let report = read(&site.path().join("output/reports/test-plan/index.html"));
    for tag in [
        "<meta name=\"SiteName\" content=\"测试站\">",
        "<meta name=\"SiteDomain\" content=\"test.example.org\">",
        "<meta name=\"SiteIDCode\" content=\"0000000000\">",
        "<meta name=\"ColumnName\" content=\"全部报告\">",
        "<meta name=\"ColumnType\" content=\"计划\">",
        "<meta name=\"ArticleTitle\" content=\"测试市2025年城市更新计划\">",
        "<meta name=\"PubDate\" content=\"2025-02-01\">",
        "<meta name=\"ContentSource\" content=\"测试市住房和城乡建设局\">",
        "<meta name=\"Keywords\" content=\"燃气管网\">",
        "<meta name=\"Author\" content=\"测试市住房和城乡建设局\">",
        "<meta name=\"Url\" content=\"https://test.example.org/reports/test-plan/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\" content=\"测试市2025年城市更新计划\">",
        "<meta property=\"og:url\" content=\"https://test.example.org/reports/test-plan/\">",
        "<meta property=\"og:locale\" content=\"zh_CN\">",
    ] {
        assert!(report.contains(tag), "{tag}\n{report}");
    }
    // The address for print stands first in the page's content, so that
    // it prints on the first page.
    let main = visible(&report[report.find("<main").unwrap()..]);
    assert!(
        main.starts_with("扫码在手机上打开 https://test.example.org/reports/test-plan/"),
        "{main}"
    );
    let footer = visible(&report[report.find("<footer").unwrap()..]);
    for part in [
        "主办单位 测试市住房和城乡建设局",
        "联系方式 0000-12345678",
        "备案号 测ICP备00000000号",
        "网站标识码 0000000000",
        "版权所有 测试市住房和城乡建设局",
    ] {
        assert!(footer.contains(part), "{part}: {footer}");
    }
    assert!(
        report.contains(
            "<a href=\"https://beian.miit.gov.cn/\" rel=\"external\">测ICP备00000000号</a>"
        )
    );
    // A page that is not a report is no article.
    let city = read(&site.path().join("output/cities/test-city/index.html"));
    assert!(city.contains("<meta property=\"og:type\" content=\"website\">"));
    assert!(!city.contains("ArticleTitle"));
}

/// `updates` monthly progress reports on the fixture's metrics, from
/// January 2021 on.
fn with_monthly_updates(root: &std::path::Path, updates: usize) {
    // Monthly, up to December 2025: the latest figures (and so the
    // statuses) are the same however many updates come before them.
    for n in 0..updates {
        let back = updates - 1 - n;
        let months = 2025 * 12 + 11 - back;
        let (year, month) = (months / 12, months % 12 + 1);
        write(
            root,
            &format!("content/monthly/update-{n}.md"),
            format!(
                "---\ntitle: 第{n}期进展\nkind: progress\ncity: test-city\nyear: 2025\npublished: {year}-{month:02}-28\nmetrics:\n  - id: test-gas-mains\n    as_of: {year}-{month:02}-20\n    districts:\n      - district: 东区\n        actual: {}\n      - district: 西区\n        actual: {}\n  - id: test-compounds\n    actual: {}\n    as_of: {year}-{month:02}-20\n---\n",
                back % 12,
                back % 8,
                back % 40
            ),
        );
    }
}

#[test]
fn a_metric_page_stays_the_same_size_however_many_reports_update_it() {
    let mut sizes = Vec::new();
    for updates in [30, 60] {
        let site = fixture("basic");
        with_monthly_updates(site.path(), updates);
        let result = run(site.path(), &["build"]);
        assert!(result.status.success(), "{}", stderr(&result));
        let page = read(&site.path().join("output/metrics/test-gas-mains/index.html"));
        // Each place's chart over time draws its latest 24 dates, and says
        // where the earlier ones are.
        for chart in ["chart-time-east", "chart-time-west"] {
            let svg = crate::common::chart(&page, chart).unwrap_or_else(|| panic!("{chart}"));
            assert_eq!(svg.matches("<circle").count(), 24, "{chart}");
        }
        let earlier = updates + 1 - 24;
        assert!(
            page.contains(&format!(
                "图中只画出最近24次；更早的{earlier}次见历次数据表和下载的数据。"
            )),
            "{updates}"
        );
        sizes.push(page.len());
    }
    // Twice the reports: the page differs only by a few numbers and the
    // pager's page count.
    assert!(sizes[1].abs_diff(sizes[0]) < 300, "{sizes:?}");
}

#[test]
fn a_report_of_many_places_groups_its_rows_by_place_with_a_list_of_them() {
    let site = fixture("basic");
    let districts: Vec<String> = (1..=8).map(|i| format!("第{i}片区")).collect();
    let mut config = read(&site.path().join("site.yaml"));
    let listed: String = (1..=8)
        .map(|i| format!("      - id: p{i}\n        name: 第{i}片区\n"))
        .collect();
    config = config.replace("    districts:\n", &format!("    districts:\n{listed}"));
    write(site.path(), "site.yaml", config);
    let rows = |field: &str, base: usize| -> String {
        districts
            .iter()
            .enumerate()
            .map(|(i, d)| format!("      - district: {d}\n        {field}: {}\n", base + i))
            .collect()
    };
    write(
        site.path(),
        "content/2025/wide.md",
        format!(
            "---\ntitle: 八个片区\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nmetrics:\n  - id: wide-a\n    label: 甲\n    unit: 个\n    districts:\n{}  - id: wide-b\n    label: 乙\n    unit: 个\n    districts:\n{}---\n",
            rows("target", 10),
            rows("target", 20)
        ),
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&site.path().join("output/reports/wide/index.html"));
    let jump = &page[page.find("<nav class=\"jump\"").expect("a list of places")..];
    let jump = &jump[..jump.find("</nav>").unwrap()];
    assert!(jump.contains("按地区查看（8）"), "{jump}");
    // Each place's link leads to its first row, and its rows follow it.
    let table = &page[page.find("<tbody>").unwrap()..page.find("</tbody>").unwrap()];
    let places: Vec<&str> = table
        .split("data-label=\"地区\"><a href=\"")
        .skip(1)
        .filter_map(|r| r.split('>').nth(1)?.split('<').next())
        .collect();
    assert_eq!(places.len(), 16);
    for (i, name) in districts.iter().enumerate() {
        assert_eq!(places[2 * i], name.as_str());
        assert_eq!(places[2 * i + 1], name.as_str(), "a place's rows together");
        let link = jump
            .split("<a href=\"#")
            .skip(1)
            .find(|l| l.contains(&format!(">{name}<")))
            .and_then(|l| l.split('"').next())
            .unwrap_or_else(|| panic!("{name} in the list"));
        assert!(table.contains(&format!("id=\"{link}\"")), "{link}");
    }
    // A report of two places keeps its order and needs no list.
    let midyear = read(&site.path().join("output/reports/test-midyear/index.html"));
    assert!(!midyear.contains("class=\"jump\""));
}
