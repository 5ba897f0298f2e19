//! Properties that hold for any input, not only the examples we thought of:
//! arbitrary bytes and arbitrary YAML never make renewal panic, every
//! problem it reports points at a line inside the file, figures and dates
//! read back exactly as written, and no Markdown can smuggle markup or
//! script into a page.

use proptest::prelude::*;
use renewal::load::markdown;
use renewal::load::{config, front_matter, lines, report, slips};
use renewal::model::Figure;
use renewal::model::date::Date;

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
        let _ = lines::field_path_at(&text, at);
        let linted = slips::lint(&text, "f.md", 0);
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

/// Text an editor may paste into a field, or someone may write to break a
/// page: markup, entities, quotes, Chinese, and any character at all,
/// controls, direction overrides and noncharacters among them.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("]]>&amp;<!--".to_string()),
        Just("\"'`".to_string()),
        Just("东区 改造".to_string()),
        any::<char>().prop_map(String::from),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('x').to_string()),
        (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or('x').to_string()),
        prop::sample::select(vec![
            '\u{202e}',
            '\u{2066}',
            '\u{200b}',
            '\u{feff}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{2028}'
        ])
        .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|pieces| pieces.concat())
}

/// `text` as a YAML double-quoted value: printable characters as they
/// are, the rest as the escapes YAML has for them, in the form `style`
/// picks (`\e`, `\x1b`, `\u001b` or `\U0000001b` for the same character).
fn double_quoted(text: &str, style: u8) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        let named = match c {
            '\0' => Some("\\0"),
            '\u{7}' => Some("\\a"),
            '\u{8}' => Some("\\b"),
            '\t' => Some("\\t"),
            '\n' => Some("\\n"),
            '\u{b}' => Some("\\v"),
            '\u{c}' => Some("\\f"),
            '\r' => Some("\\r"),
            '\u{1b}' => Some("\\e"),
            '\u{85}' => Some("\\N"),
            '\u{a0}' => Some("\\_"),
            '\u{2028}' => Some("\\L"),
            '\u{2029}' => Some("\\P"),
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            _ => None,
        };
        let code = c as u32;
        let printable = !c.is_control() && !('\u{2028}'..='\u{2029}').contains(&c);
        match (named, style % 4) {
            (Some(n), 0) => out.push_str(n),
            _ if c == '"' || c == '\\' => out.push_str(named.unwrap_or_default()),
            (_, 0) if printable => out.push(c),
            (_, 1) if code < 0x100 => out.push_str(&format!("\\x{code:02x}")),
            (_, 0..=2) if code < 0x10000 => out.push_str(&format!("\\u{code:04x}")),
            _ => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out.push('"');
    out
}

/// The text fields of a report: a line of the fixture's plan, the line
/// that puts a value in the field (replacing it, or after it for a field
/// the plan does not give), and the field a problem with it names.
const TEXT_FIELDS: [(&str, &str, &str); 12] = [
    ("title: 测试市2025年城市更新计划", "title: ", "title"),
    ("topics: [gas]", "topics: [gas]\nsummary: ", "summary"),
    (
        "  publisher: 测试市住房和城乡建设局",
        "  publisher: ",
        "source.publisher",
    ),
    ("source:", "source:\n  title: ", "source.title"),
    ("source:", "source:\n  outlet: ", "source.outlet"),
    ("  reporter: 张三", "  reporter: ", "source.reporter"),
    ("  editor: 李四", "  editor: ", "source.editor"),
    (
        "    label: 改造老旧燃气管网",
        "    label: ",
        "metrics[0].label",
    ),
    ("    unit: 公里", "    unit: ", "metrics[0].unit"),
    (
        "    unit: 公里",
        "    unit: 公里\n    note: ",
        "metrics[0].note",
    ),
    (
        "        target: 12.5",
        "        target: 12.5\n        note: ",
        "metrics[0].districts[0].note",
    ),
    ("    label: 改造老旧小区", "    label: ", "metrics[1].label"),
];

/// What is wrong with the file at `path` of a built site, for its format:
/// XML that is not well-formed, JSON or CSV that does not parse, or a
/// page, chart or file with a character its format cannot hold.
fn malformed(path: &str, bytes: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if path.ends_with(".html") || path.ends_with(".xml") => {
            return Some(format!("not UTF-8: {e}"));
        }
        Err(_) => return None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(c) = text.chars().find(|&c| !renewal::markup::allowed(c)) {
        return Some(format!("holds U+{:04X}", c as u32));
    }
    match path.rsplit('.').next().unwrap_or_default() {
        "xml" | "svg" => roxmltree::Document::parse(text)
            .err()
            .map(|e| e.to_string()),
        "json" => serde_json::from_str::<serde_json::Value>(text)
            .err()
            .map(|e| e.to_string()),
        "csv" => csv::Reader::from_reader(text.as_bytes())
            .records()
            .find_map(Result::err)
            .map(|e| e.to_string()),
        "html" if text.contains("<script>alert(1)") => Some("a script got through".into()),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever a text field of a report holds, written as it is or with
    /// YAML's escapes, the site builds into well-formed feeds and
    /// sitemaps, pages and charts that hold only what HTML and SVG allow,
    /// and CSV and JSON that parse; or the report is refused at that
    /// field's line.
    #[test]
    fn any_text_in_any_field_builds_into_valid_files_or_is_refused_at_its_line(
        field in 0..TEXT_FIELDS.len(),
        text in hostile_text(),
        style in any::<u8>(),
    ) {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for entry in walkdir::WalkDir::new(&fixture).into_iter().filter_map(Result::ok) {
            let to = root.join(entry.path().strip_prefix(&fixture).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        let file = "content/2025/test-plan.md";
        let plan = std::fs::read_to_string(root.join(file)).unwrap();
        let (line, written, _) = TEXT_FIELDS[field];
        let value = double_quoted(&text, style);
        let written = format!("{written}{value}");
        let at = plan[..plan.find(line).unwrap()].lines().count() + written.lines().count();
        let plan = plan.replacen(line, &written, 1);
        std::fs::write(root.join(file), &plan).unwrap();
        let output = dir.path().join("output");
        let progress = renewal::site::Progress { start: &|_| {}, tick: &|| {} };
        match renewal::site::build(&root, &output, false, &progress) {
            Ok(_) => {
                for entry in walkdir::WalkDir::new(&output).into_iter().filter_map(Result::ok) {
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let path = entry.path().to_string_lossy().into_owned();
                    let bytes = std::fs::read(entry.path()).unwrap();
                    prop_assert!(malformed(&path, &bytes).is_none(), "{path}: {:?}\nfrom {value}", malformed(&path, &bytes));
                }
            }
            Err(renewal::site::Failure::Content(problems)) => {
                for problem in &problems {
                    prop_assert_eq!(&problem.file, file, "{:?}", problem);
                    prop_assert_eq!(problem.line, at, "{} from {}", problem, value);
                    let named = problem.field.as_deref().unwrap_or(TEXT_FIELDS[field].2);
                    prop_assert_eq!(named, TEXT_FIELDS[field].2, "{}", problem);
                }
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}
