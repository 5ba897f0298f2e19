//! What the pages of the fixture site say: progress measured against the
//! plan, remarks on the right place, counts that add up.

mod common;
use common::*;

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
    assert!(update.contains("东区 12.5 6 公里 48% 推进中"), "{update}");
    assert!(update.contains("西区 8 11.6 公里 145% 已完成"), "{update}");
    assert!(update.contains("测试市 40 15 个 37.5% 推进中"), "{update}");
    assert!(
        !update.contains("已报告"),
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
    assert!(east.contains("东区 12.5 9.5 公里 76% 推进中"), "{east}");
}

#[test]
fn tallies_count_metrics() {
    let site = built();
    let home = text(&site, "index.html");
    // Two metrics: gas mains (east behind, west done: in progress) and compounds (in progress).
    assert!(
        home.contains("指标数 2 已完成 0 推进中 2 暂无数据 0"),
        "{home}"
    );
    let west = text(&site, "cities/test-city/west/index.html");
    assert!(west.contains("指标数 1 已完成 1 推进中 0"), "{west}");
}
