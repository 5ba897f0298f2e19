//! Languages, interface strings and how numbers are written for readers.
//!
//! Every stage that puts words or figures in front of a reader (pages,
//! charts) takes them from here, so a figure reads the same in a table, a
//! chart label and a chart's text alternative. Nothing here knows about
//! reports, pages or files.

pub mod messages;
pub mod script;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The language a report (or the site's interface) is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "en")]
    En,
}

impl Language {
    /// The language with BCP 47 tag `tag` (`zh-Hans`, `zh-Hant`, `en`).
    pub fn from_tag(tag: &str) -> Option<Language> {
        [Language::ZhHans, Language::ZhHant, Language::En]
            .into_iter()
            .find(|l| l.tag() == tag)
    }

    /// The BCP 47 tag used in `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::ZhHans => "zh-Hans",
            Language::ZhHant => "zh-Hant",
            Language::En => "en",
        }
    }
}

/// The theme's interface strings for the site's language, by key.
pub type Strings = BTreeMap<String, String>;

/// A UI string of the theme, or its key when the theme lacks it.
pub fn ui(strings: &Strings, key: &str) -> String {
    strings.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// Fills `{name}` placeholders of a theme string.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A number the build works out (an axis tick, a size) as pages print it: no
/// trailing zeros, at most two decimals. Figures from reports are never
/// passed through here: they are shown exactly as written (see the model's `Figure`).
pub fn number(n: f64) -> String {
    if let Some(whole) = whole(n) {
        return whole.to_string();
    }
    if let Some(hundredths) = scaled(n, 100.0) {
        return decimal(hundredths, 2);
    }
    let text = format!("{n:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_string()
    }
}

/// `number` (ASCII digits, perhaps a sign and a decimal part) with the
/// digits of its whole part grouped by threes with commas when there are
/// four or more of them; anything else is returned as it is.
pub fn grouped(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = match rest.find('.') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    if whole.len() < 4 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::with_capacity(number.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(fraction);
    out
}

/// A share as reports print it: one decimal at most (`56.7%`, `145%`).
/// `text` with full-width digits, points and dashes (`２０２５－０２`, `１２．５`)
/// typed as their ASCII forms: what an editor with a Chinese input method
/// meant, for saying what to write instead.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '—' | '–' | '−' => '-',
            _ => c,
        })
        .collect()
}

/// A share of a target done, as [`percent`] prints it, except that it
/// never rounds to a share it has not reached: a sliver above nothing is
/// `<0.1%`, not `0%`, and a sliver below the target is `99.9%`, not `100%`.
pub fn share(p: f64) -> String {
    if p > 0.0 && p < 0.05 {
        return "<0.1%".into();
    }
    if (99.95..100.0).contains(&p) {
        return "99.9%".into();
    }
    percent(p)
}

pub fn percent(p: f64) -> String {
    if let Some(whole) = whole(p) {
        return format!("{whole}%");
    }
    if let Some(tenths) = scaled(p, 10.0) {
        return format!("{}%", decimal(tenths, 1));
    }
    let text = format!("{p:.1}");
    format!("{}%", text.trim_end_matches(".0"))
}

/// `n` as a whole number, when it is one that an `i64` holds exactly:
/// printing it needs no decimal conversion.
fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 1e15).then_some(n as i64)
}

/// `n` times `scale`, rounded, when that rounding is certain: the product is
/// small enough to be exact to far below a unit, and not within a hair of a
/// half, where the multiplication's own rounding could tip it. Otherwise
/// the caller formats the number the slow, exact way.
fn scaled(n: f64, scale: f64) -> Option<i64> {
    let x = n * scale;
    let near_half = ((x - x.trunc()).abs() - 0.5).abs() < 1e-6;
    (x.abs() < 1e9 && !near_half).then(|| x.round() as i64)
}

/// `scaled` parts of `10^places` as a decimal, without trailing zeros.
fn decimal(scaled: i64, places: u32) -> String {
    let unit = 10i64.pow(places);
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, mut fraction) = (scaled.abs() / unit, scaled.abs() % unit);
    if fraction == 0 {
        return if whole == 0 {
            "0".into()
        } else {
            format!("{sign}{whole}")
        };
    }
    let mut digits = places as usize;
    while fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    format!("{sign}{whole}.{fraction:0digits$}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn large_figures_are_grouped_by_threes_and_kept_exact() {
        for (written, shown) in [
            ("15600000000", "15,600,000,000"),
            ("21400.50", "21,400.50"),
            ("999", "999"),
            ("3553", "3,553"),
            ("12345", "12,345"),
            ("-123456", "-123,456"),
            ("0.125", "0.125"),
            ("abc12345", "abc12345"),
        ] {
            assert_eq!(grouped(written), shown);
            assert_eq!(grouped(written).replace(',', ""), written, "exact");
        }
    }

    use super::*;

    #[test]
    fn numbers_print_as_reports_write_them() {
        let cases = [
            (77.0, "77"),
            (12.8, "12.8"),
            (5.7, "5.7"),
            (156.25, "156.25"),
            (0.0, "0"),
            (57000.0, "57000"),
            (1.005, "1"),
            (-0.0, "0"),
            (1e15, "1000000000000000"),
            (1e20, "100000000000000000000"),
            (0.05, "0.05"),
            (0.1, "0.1"),
            (2.85, "2.85"),
            (0.004, "0"),
            (-1.25, "-1.25"),
            (-0.001, "0"),
            (123456.789, "123456.79"),
        ];
        for (n, text) in cases {
            assert_eq!(number(n), text);
        }
        assert_eq!(percent(145.0), "145%");
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(0.04), "0%");
        assert_eq!(percent(100.2), "100.2%");
        assert_eq!(percent(77.77777), "77.8%");
        assert_eq!(percent(110.0 / 194.0 * 100.0), "56.7%");
    }

    #[test]
    fn quick_formatting_agrees_with_exact_formatting() {
        let exact = |n: f64| {
            let text = format!("{n:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".to_string()
            } else {
                text.to_string()
            }
        };
        let mut n = 0.0;
        while n < 1000.0 {
            assert_eq!(number(n), exact(n), "{n}");
            let share = n / 7.0;
            assert_eq!(
                percent(share),
                format!("{}%", format!("{share:.1}").trim_end_matches(".0")),
                "{share}"
            );
            n += 0.007;
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill(
                "{place}：{label}",
                &[("label", "燃气".into()), ("place", "东区".into())]
            ),
            "东区：燃气"
        );
    }
}
