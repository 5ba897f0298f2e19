//! Text made safe inside HTML, SVG and XML, as element content or as a
//! double-quoted attribute value.
//!
//! What reaches a page has been checked where it was read (see
//! `load::yaml::invisible`), so the characters these formats cannot hold
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

#[cfg(test)]
mod tests {
    #[test]
    fn no_character_a_feed_cannot_hold_passes() {
        assert_eq!(
            super::escape("a\u{0}b\u{1b}c\u{202e}d\u{85}e\u{ffff}f\t\n<&\">"),
            "a\u{fffd}b\u{fffd}c\u{202e}d\u{fffd}e\u{fffd}f\t\n&lt;&amp;&quot;&gt;"
        );
    }
}
