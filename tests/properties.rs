//! Properties that hold for any input, not only the examples we thought of:
//! arbitrary bytes and arbitrary YAML never make renewal panic, every
//! problem it reports points at a line inside the file, figures and dates
//! read back exactly as written, and no Markdown can smuggle markup or
//! script into a page.

use proptest::prelude::*;
use renewal::load::{config, front_matter, report, yaml};
use renewal::model::Figure;
use renewal::model::date::Date;
use renewal::pages::markdown;

const SITE: &str = "title: t\nbase_url: https://x.example.org/\ncities:\n  - id: test-city\n    name: 测试市\n    districts:\n      - id: east\n        name: 东区\ntopics:\n  - id: gas\n    name: 燃气\n";

/// Pieces of front matter as editors write it, right and wrong: fields,
/// values, indentation, list dashes, and the slips people make.
fn yaml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title: 报告".to_string()),
        Just("kind: plan".to_string()),
        Just("kind: budget".to_string()),
        Just("city: test-city".to_string()),
        Just("city: 别的市".to_string()),
        Just("district: 东区".to_string()),
        Just("year: 2025".to_string()),
        Just("year: 99999999999999999999".to_string()),
        Just("published: 2025-02-30".to_string()),
        Just("published: 2025-03-01".to_string()),
        Just("topics: [gas, roads]".to_string()),
        Just("metrics:".to_string()),
        Just("  - id: roads".to_string()),
        Just("    label: 道路".to_string()),
        Just("    unit: 条".to_string()),
        Just("    target: 12.50".to_string()),
        Just("    actual: 十条".to_string()),
        Just("    districts:".to_string()),
        Just("      - district: 北区".to_string()),
        Just("        target: -3".to_string()),
        Just("source:".to_string()),
        Just("  url: javascript:x".to_string()),
        Just("title\u{ff1a} 全角".to_string()),
        Just("\tkind: plan".to_string()),
        Just("\u{a0}\u{a0}actual: 1".to_string()),
        Just("summary: |".to_string()),
        Just("  目标：改造".to_string()),
        Just("- a".to_string()),
        Just("[".to_string()),
        Just("{a: 1".to_string()),
        Just("'unclosed".to_string()),
        Just("&a x".to_string()),
        Just("*a".to_string()),
        Just("!!binary x".to_string()),
        Just("? complex".to_string()),
        Just("---".to_string()),
        Just("...".to_string()),
        Just("# comment".to_string()),
        Just(String::new()),
        "[ -~]{0,20}",
        "\\PC{0,12}",
    ]
}

fn front_matter_text() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(yaml_piece(), 0..24),
        prop_oneof![Just("\n"), Just("\r\n")],
        any::<bool>(),
        "\\PC{0,40}",
    )
        .prop_map(|(lines, newline, closed, body)| {
            let mut text = format!("---{newline}");
            for line in lines {
                text.push_str(&line);
                text.push_str(newline);
            }
            if closed {
                text.push_str(&format!("---{newline}"));
            }
            text.push_str(&body);
            text
        })
}

/// Whether every problem points at a line inside `text`.
fn lines_are_inside(problems: &[renewal::diagnostic::Diagnostic], text: &str) -> bool {
    let lines = text.lines().count().max(1);
    problems.iter().all(|p| (1..=lines).contains(&p.line))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_report_text_is_read_or_refused_at_a_line_inside_the_file(text in front_matter_text()) {
        let site = config::parse(SITE).unwrap();
        let (_, problems) = report::parse("content/2025/r.md", &text, &site);
        prop_assert!(lines_are_inside(&problems, &text), "{problems:#?}\nin:\n{text}");
    }

    #[test]
    fn any_text_at_all_never_panics_and_is_located(text in "\\PC{0,300}") {
        let site = config::parse(SITE).unwrap();
        let (_, problems) = report::parse("content/2025/r.md", &text, &site);
        prop_assert!(lines_are_inside(&problems, &text), "{problems:#?}");
        if let Err(error) = front_matter::split(&text) {
            prop_assert!(error.line >= 1 && error.line <= text.lines().count().max(1));
        }
    }

    #[test]
    fn any_site_yaml_is_read_or_refused_at_a_line_inside_it(
        lines in proptest::collection::vec(yaml_piece(), 0..24)
    ) {
        let text = format!("{SITE}{}\n", lines.join("\n"));
        if let Err(problems) = config::parse(&text) {
            prop_assert!(lines_are_inside(&problems, &text), "{problems:#?}\nin:\n{text}");
        }
    }

    #[test]
    fn field_paths_and_slips_never_panic(
        lines in proptest::collection::vec(yaml_piece(), 0..30),
        at in 0usize..40,
    ) {
        let text = lines.join("\n");
        let _ = yaml::field_path_at(&text, at);
        let linted = yaml::lint(&text, "f.md", 0);
        prop_assert!(lines_are_inside(&linted.slips, &text));
        prop_assert_eq!(linted.repaired.lines().count(), text.lines().count());
    }

    #[test]
    fn figures_read_back_exactly_as_written(
        whole in "0|[1-9][0-9]{0,8}",
        fraction in proptest::option::of("[0-9]{1,8}"),
    ) {
        let written = match &fraction {
            Some(f) => format!("{whole}.{f}"),
            None => whole.clone(),
        };
        let figure = Figure::parse(&written).unwrap();
        prop_assert_eq!(figure.to_string(), written.clone());
        // As a float, for charts and shares: the nearest float, as parsed.
        prop_assert_eq!(figure.get(), written.parse::<f64>().unwrap());
        // Trailing zeros change how a figure reads, never its size.
        let padded = Figure::parse(&format!("{written}{}0", if fraction.is_some() { "" } else { "." })).unwrap();
        prop_assert_eq!(padded.cmp(&figure), std::cmp::Ordering::Equal);
    }

    #[test]
    fn any_figure_text_is_a_figure_or_a_reason(text in "\\PC{0,30}") {
        match Figure::parse(&text) {
            Ok(figure) => prop_assert!(figure.get().is_finite()),
            Err(reason) => prop_assert!(!reason.is_empty()),
        }
    }

    #[test]
    fn valid_dates_read_back_and_anything_else_is_refused(
        year in 1900u16..2200, month in 1u8..=12, day in 1u8..=31, text in "\\PC{0,20}"
    ) {
        let written = format!("{year}-{month:02}-{day:02}");
        if let Ok(date) = Date::parse(&written) {
            prop_assert_eq!(date.to_string(), written);
        } else {
            prop_assert!(day > 28);
        }
        let _ = Date::parse(&text);
    }

    #[test]
    fn markdown_never_lets_markup_or_script_through(
        pieces in proptest::collection::vec(markdown_piece(), 0..16)
    ) {
        let html = markdown::to_html(&pieces.concat());
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            prop_assert!(ALLOWED_TAGS.contains(&name.as_str()), "<{name}> in {html}");
            let inside = tag.split('>').next().unwrap_or_default().to_ascii_lowercase();
            // Attribute names only: quoted values (a table heading's text in
            // `data-label`) may say anything, escaped.
            let names: String = inside
                .split('"')
                .step_by(2)
                .collect::<Vec<_>>()
                .join(" ");
            prop_assert!(!names.contains(" on"), "an event handler in <{inside}>");
            for attribute in ["href=\"", "src=\""] {
                if let Some(value) = inside.split(attribute).nth(1) {
                    let safe = ["http:", "https:", "mailto:", "tel:", "#", "/", "."]
                        .iter()
                        .any(|s| value.starts_with(s))
                        || !value.split(['/', '?', '#']).next().unwrap_or_default().contains(':');
                    prop_assert!(safe, "unsafe address in <{inside}>");
                }
            }
        }
    }
}

const ALLOWED_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "img",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "hr",
    "br",
    "del",
    "sup",
    "div",
    "section",
    "span",
    "input",
];

fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<iframe src=\"https://x\"></iframe>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:alert(1)\" onclick=\"x\">a</a>".to_string()),
        Just("[a](javascript:alert(1))".to_string()),
        Just("[a](JaVaScRiPt:alert(1))".to_string()),
        Just("[a]( javascript:alert(1))".to_string()),
        Just("![i](data:text/html,<script>x</script>)".to_string()),
        Just("[r]: vbscript:x\n[r]".to_string()),
        Just("<https://ok.example.org>".to_string()),
        Just("<javascript:alert(1)>".to_string()),
        Just("**强调**".to_string()),
        Just("# 标题\n".to_string()),
        Just("\n\n".to_string()),
        Just("`<b>`".to_string()),
        Just("```\n<script>\n```\n".to_string()),
        Just("| a | b |\n|---|---|\n| <b>1</b> | 2 |\n".to_string()),
        Just("脚注[^1]\n\n[^1]: <em>x</em>\n".to_string()),
        Just("<!-- comment -->".to_string()),
        Just("<div\nonclick=x>".to_string()),
        Just("&lt;script&gt;".to_string()),
        "\\PC{0,20}",
    ]
}

#[test]
fn a_table_heading_that_looks_like_markup_stays_text() {
    let html = markdown::to_html(
        "| <img src=x onerror=alert(1)> | \" onclick=\"x |\n|---|---|\n| 1 | 2 |\n",
    );
    assert!(
        html.contains("data-label=\"&lt;img src=x onerror=alert(1)&gt;\""),
        "{html}"
    );
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains(" onclick=\"x"), "{html}");
}
