//! Rendering a report's Markdown body to HTML.
//!
//! Policy for what editors paste into reports (documented in docs/guide.en.md):
//! - Raw HTML is shown as text, never passed through: report bodies are
//!   copied from other sites and must not be able to inject markup or script.
//! - Links and images keep only http(s), mailto, tel, relative and `#`
//!   addresses; anything else (`javascript:`, `data:`) becomes `#`.
//! - A `#` heading becomes `<h2>`, because the page title is the page's `<h1>`.
//! - Headings get an `id` from their text (Chinese kept as is) so that
//!   sections can be linked; duplicates get `-2`, `-3`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::BTreeMap;

/// The text a reader sees of `markdown`, for the search index: its
/// words, code and raw HTML (which pages show as text), one block a line;
/// not the addresses of its links and images, nor its footnotes' labels.
pub fn visible_text(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            Event::Start(Tag::TableCell) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Renders Markdown to safe HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut events = Parser::new_ext(markdown, options);
    let mut out: Vec<Event> = Vec::with_capacity(markdown.len() / 8);
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // The heading's own events follow its start; its anchor
                // comes from their text, so they are read first.
                let inner: Vec<Event> = events
                    .by_ref()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .collect();
                let base = id
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| slug_of(&heading_text(&inner)));
                let count = used.entry(base.clone()).or_insert(0);
                *count += 1;
                let anchor = if *count == 1 {
                    base
                } else {
                    format!("{base}-{count}")
                };
                out.push(Event::Start(Tag::Heading {
                    level: demote(level),
                    id: Some(CowStr::from(anchor)),
                    classes,
                    attrs,
                }));
                out.extend(inner.into_iter().map(made_safe));
                out.push(Event::End(TagEnd::Heading(demote(level))));
            }
            Event::Start(Tag::Table(alignments)) => {
                let inner: Vec<Event> = events
                    .by_ref()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Table)))
                    .collect();
                out.push(Event::Html(CowStr::from(table(&alignments, inner))));
            }
            other => out.push(made_safe(other)),
        }
    }
    let mut html_out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut html_out, out.into_iter());
    html_out
}

/// The link and image addresses of `markdown`, each with the byte offset
/// where it is written.
pub fn links(markdown: &str) -> Vec<(usize, String)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(markdown, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((range.start, dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// The anchors a body's HTML gives (headings' and footnotes' `id`s).
pub fn anchors(html: &str) -> Vec<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id.to_string()))
        .collect()
}

/// A table as HTML in a box of its own: wide tables scroll inside it on
/// a wide screen instead of widening the page, and on a phone each row
/// becomes a card, every cell beside its column's heading (`data-label`),
/// as the theme's own tables do.
fn table(alignments: &[pulldown_cmark::Alignment], events: Vec<Event>) -> String {
    use pulldown_cmark::Alignment;
    let mut out = String::from("<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cards\">");
    let mut headings: Vec<String> = Vec::new();
    let mut in_head = false;
    let mut column = 0;
    let mut cell: Vec<Event> = Vec::new();
    let mut in_cell = false;
    let mut body = false;
    for event in events {
        match event {
            Event::Start(Tag::TableHead) => {
                in_head = true;
                column = 0;
                out.push_str("<thead><tr>");
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                body = true;
                out.push_str("</tr></thead><tbody>");
            }
            Event::Start(Tag::TableRow) => {
                column = 0;
                out.push_str("<tr>");
            }
            Event::End(TagEnd::TableRow) => out.push_str("</tr>"),
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cell.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                let align = match alignments.get(column) {
                    Some(Alignment::Left) => " style=\"text-align: left\"",
                    Some(Alignment::Center) => " style=\"text-align: center\"",
                    Some(Alignment::Right) => " style=\"text-align: right\"",
                    _ => "",
                };
                let mut inner = String::new();
                html::push_html(&mut inner, cell.drain(..).map(made_safe));
                if in_head {
                    headings.push(attribute(&plain_text(&inner)));
                    out.push_str(&format!("<th{align}>{inner}</th>"));
                } else {
                    let label = headings.get(column).map(String::as_str).unwrap_or("");
                    out.push_str(&format!("<td{align} data-label=\"{label}\">{inner}</td>"));
                }
                column += 1;
            }
            other if in_cell => cell.push(other),
            _ => {}
        }
    }
    if body {
        out.push_str("</tbody>");
    }
    out.push_str("</table></div>\n");
    out
}

/// The text of an HTML fragment, tags left out (entities stay escaped).
fn plain_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Escaped HTML text made safe inside a double-quoted attribute.
fn attribute(escaped: &str) -> String {
    escaped.replace('"', "&quot;")
}

/// One event as it may reach readers: raw HTML as text, links and images
/// only to safe addresses, headings one level down.
fn made_safe(event: Event) -> Event {
    match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    if level == HeadingLevel::H1 {
        HeadingLevel::H2
    } else {
        level
    }
}

fn heading_text(rest: &[Event]) -> String {
    let mut text = String::new();
    for event in rest {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// An anchor id from heading text: letters and digits of any script kept,
/// ASCII lowercased, everything else folded into single `-`.
pub fn slug_of(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

fn safe_url(url: CowStr) -> CowStr {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    let has_scheme = matches!((scheme_end, path_start), (Some(c), Some(p)) if c < p)
        || (scheme_end.is_some() && path_start.is_none());
    let allowed = ["http:", "https:", "mailto:", "tel:"];
    if !has_scheme || allowed.iter().any(|s| lower.starts_with(s)) {
        url
    } else {
        CowStr::from("#")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_markdown_reports_use() {
        let cases = [
            ("# 总体情况\n", "<h2 id=\"总体情况\">总体情况</h2>\n"),
            (
                "## Gas mains 2024\n",
                "<h2 id=\"gas-mains-2024\">Gas mains 2024</h2>\n",
            ),
            (
                "## 进展\n## 进展\n",
                "<h2 id=\"进展\">进展</h2>\n<h2 id=\"进展-2\">进展</h2>\n",
            ),
            (
                "<script>alert(1)</script>\n",
                "&lt;script&gt;alert(1)&lt;/script&gt;\n",
            ),
            (
                "a <b onclick=x>b</b>\n",
                "<p>a &lt;b onclick=x&gt;b&lt;/b&gt;</p>\n",
            ),
            ("[x](javascript:alert(1))", "<p><a href=\"#\">x</a></p>\n"),
            (
                "## [进展](javascript:alert(1)) <b>x</b>\n",
                "<h2 id=\"进展-x\"><a href=\"#\">进展</a> &lt;b&gt;x&lt;/b&gt;</h2>\n",
            ),
            (
                "[x](https://example.gov.cn/a)",
                "<p><a href=\"https://example.gov.cn/a\">x</a></p>\n",
            ),
            (
                "[x](../reports/a/)",
                "<p><a href=\"../reports/a/\">x</a></p>\n",
            ),
            (
                "![x](data:image/png;base64,AAA)",
                "<p><img src=\"#\" alt=\"x\" /></p>\n",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(to_html(input), expected, "{input}");
        }
    }

    #[test]
    fn a_heading_cannot_break_out_of_its_cells_label() {
        let html = to_html("| `a\"b` <i>c</i> **d** | e |\n|---:|---|\n| 1 | 2 |\n");
        assert!(html.contains("<th style=\"text-align: right\">"), "{html}");
        assert!(
            html.contains("data-label=\"a&quot;b &lt;i&gt;c&lt;/i&gt; d\">1</td>"),
            "{html}"
        );
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_html(
            "| 项目 | 数量 |\n|---|---|\n| 道路 | 10 |\n\n见注释[^1]。\n\n[^1]: 来源：东营日报。\n",
        );
        // On a phone each row is a card: every cell carries its heading.
        assert!(
            html.contains("<table class=\"cards\">")
                && html
                    .contains("<td data-label=\"项目\">道路</td><td data-label=\"数量\">10</td>"),
            "{html}"
        );
        assert!(
            html.contains("<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>"),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"footnote-definition\" id=\"1\">"),
            "{html}"
        );
    }
}
