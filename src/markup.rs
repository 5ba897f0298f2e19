//! Text made safe inside HTML, SVG and XML, as element content or as a
//! double-quoted attribute value.
//!
//! What reaches a page has been checked where it was read (see
//! `load::slips::invisible`), so the characters these formats cannot hold
//! never come from a site's files. Escaping still replaces them, so that
//! no source, however it was made, can put one into a feed or a chart.

/// Whether XML 1.0 allows `c` in text and HTML reads it without calling
/// it an error: not a control character (but tab and line breaks), and
/// not one of Unicode's noncharacters.
pub fn allowed(c: char) -> bool {
    !((c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{fdd0}'..='\u{fdef}').contains(&c)
        || (c as u32) & 0xfffe == 0xfffe)
}

/// `text` with `&`, `<`, `>` and `"` written as entities, and any
/// character that is not [`allowed`] written as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_into(&mut out, text, false);
    out
}

/// Appends `text` to `out` escaped as [`escape`] does, and `'` too with
/// `apostrophe`.
pub fn escape_into(out: &mut String, text: &str, apostrophe: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if apostrophe => out.push_str("&apos;"),
            c if !allowed(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Where the values of the `href` (and, with `src`, the `src`) attributes
/// of `html` are: each as the range of bytes between its quotes, in
/// order. Only double-quoted values, as renewal's templates and Markdown
/// write them.
pub fn link_values(html: &str, src: bool) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find(['h', 's']).map(|i| at + i) {
        let rest = &html[i..];
        let name = ["href=\"", "src=\""]
            .into_iter()
            .find(|name| rest.starts_with(name) && (src || name.starts_with('h')));
        let Some(name) = name else {
            at = i + 1;
            continue;
        };
        let start = i + name.len();
        let end = html[start..].find('"').map_or(html.len(), |e| start + e);
        found.push(start..end);
        at = end;
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_character_a_feed_cannot_hold_passes() {
        assert_eq!(
            super::escape("a\u{0}b\u{1b}c\u{202e}d\u{85}e\u{ffff}f\t\n<&\">"),
            "a\u{fffd}b\u{fffd}c\u{202e}d\u{fffd}e\u{fffd}f\t\n&lt;&amp;&quot;&gt;"
        );
    }

    #[test]
    fn link_values_are_found_between_their_quotes() {
        let html = r#"<a href="/a/">x</a><img src="b.svg"><p>shref="no"</p>"#;
        let values: Vec<&str> = super::link_values(html, true)
            .into_iter()
            .map(|r| &html[r])
            .collect();
        assert_eq!(values, ["/a/", "b.svg", "no"]);
        assert_eq!(super::link_values(html, false).len(), 2);
    }
}
