//! Figures are published exactly as a report writes them: every digit and
//! every decimal, trailing zeros included; a figure that cannot be kept
//! exactly is refused where it is written.

use crate::common::*;

const REPORT: &str = "---\ntitle: 精确数字\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nmetrics:\n  - id: exact-large\n    label: 大数\n    unit: 元\n    target: 12345678901234567\n    actual: 12345678901234566\n  - id: exact-decimals\n    label: 小数\n    unit: 万平方米\n    target: 5.70\n    actual: 0.1\n  - id: exact-small\n    label: 三位小数\n    unit: 公里\n    target: 12.8\n    actual: 0.125\n  - id: exact-districts\n    label: 分区\n    unit: 万平方米\n    districts:\n      - district: east\n        target: 5.70\n        actual: 0.1\n      - district: west\n        target: 2\n        actual: 2.00\n---\n正文\n";

#[test]
fn figures_are_published_exactly_as_written() {
    let site = fixture("basic");
    write(site.path(), "content/2025/exact.md", REPORT);
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let out = site.path().join("output");
    let html = read(&out.join("reports/exact/index.html"));
    let report = visible(&html);
    for (figure, shown) in [
        ("12345678901234567", "12,345,678,901,234,567"),
        ("12345678901234566", "12,345,678,901,234,566"),
        ("5.70", "5.70"),
        ("0.1", "0.1"),
        ("12.8", "12.8"),
        ("0.125", "0.125"),
    ] {
        assert!(
            report.split(' ').any(|word| word == shown),
            "{shown} not shown on the report page: {report}"
        );
        // Shown otherwise than written, it is held as written too.
        if figure != shown {
            assert!(
                html.contains(&format!("<data value=\"{figure}\">{shown}</data>")),
                "{figure} not held exactly on the report page"
            );
        }
    }
    // One short of a 17-digit target is not done, however a float rounds.
    let large = read(&out.join("metrics/exact-large/index.html"));
    assert!(!visible(&large).contains("已完成"), "{}", visible(&large));
    // Charts label bars with the figures as written too.
    let decimals = read(&out.join("metrics/exact-districts/index.html"));
    let svg = chart(&decimals, "chart-progress").expect("a progress chart");
    assert!(
        svg_texts(svg)
            .iter()
            .any(|t| t.starts_with("0.1 / 5.70 万平方米"))
            && svg_texts(svg)
                .iter()
                .any(|t| t.starts_with("2.00 / 2 万平方米")),
        "{:?}",
        svg_texts(svg)
    );
}

#[test]
fn a_figure_that_cannot_be_kept_exactly_is_refused_at_its_place() {
    let cases = [
        (
            "123456789012345678901234567890",
            "has more digits than a figure can keep exactly",
        ),
        (
            "1,000",
            "has separators between its digits; write it as plain digits: 1000",
        ),
        ("１２", "full-width digits; write it with ASCII digits: 12"),
        ("1e3", "exponent notation"),
        ("3万", "expected a plain number such as 12.8"),
    ];
    for (written, message) in cases {
        let site = fixture("basic");
        let text = REPORT.replacen("target: 5.70", &format!("target: {written}"), 1);
        write(site.path(), "content/2025/exact.md", &text);
        let err = stderr(&run(site.path(), &["check"]));
        let expected = "content/2025/exact.md:16:13: field `metrics[1].target`: ";
        assert!(
            err.contains(expected) && err.contains(message),
            "{written}: expected `{expected}…{message}` in:\n{err}"
        );
    }
}
