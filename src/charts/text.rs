//! How wide a label is and where it breaks, without a font file: CJK
//! characters are a full em, Latin letters a little over half.

/// Whether a character is set a full em wide (CJK, kana, hangul, fullwidth forms).
pub(super) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Estimated width of `text` at `px`: a full em for CJK, a little over half
/// for Latin letters and digits. Errs wide so labels never run into each other.
pub(super) fn text_width(text: &str, px: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            _ if is_wide(c) => 1.0,
            ' ' => 0.3,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            'm' | 'w' | 'M' | 'W' | '%' => 0.9,
            _ if c.is_ascii_uppercase() => 0.7,
            _ => 0.6,
        })
        .sum::<f64>()
        * px
}

/// Breaks `text` into lines no wider than `width`: between any two CJK
/// characters, at spaces in other scripts, and inside a word only when the
/// word alone is too wide.
pub(super) fn wrap(text: &str, px: f64, width: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins = !is_wide(c)
            && !c.is_whitespace()
            && tokens.last().is_some_and(|last| {
                last.chars()
                    .last()
                    .is_some_and(|p| !is_wide(p) && !p.is_whitespace())
            });
        match tokens.last_mut() {
            Some(last) if joins => last.push(c),
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        if text_width(&format!("{line}{token}"), px) <= width {
            line.push_str(&token);
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = String::new();
        for c in token.trim_start().chars() {
            if !line.is_empty() && text_width(&format!("{line}{c}"), px) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::canvas::FONT;

    #[test]
    fn wrapping_breaks_between_cjk_and_at_latin_spaces() {
        assert_eq!(wrap("东湖区", FONT, 100.0), ["东湖区"]);
        assert_eq!(
            wrap("明川经济技术开发区", FONT, 64.0),
            ["明川经济", "技术开发", "区"]
        );
        assert_eq!(
            wrap("Mingchuan Economic Zone", FONT, 90.0),
            ["Mingchuan", "Economic", "Zone"]
        );
        assert_eq!(wrap("", FONT, 90.0), [""]);
    }
}
