//! A figure exactly as a report writes it.
//!
//! Targets, actuals and baselines are published, so they must read exactly
//! as the report wrote them: `5.70` stays `5.70`, `0.1` stays `0.1` and
//! `12345678901234567` stays itself. A binary float cannot promise that, so
//! a figure is kept as a whole number of digits and a count of decimal
//! places, compared exactly, and turned into a float only to draw or to
//! work out a share. A figure that cannot be kept exactly (more than
//! [`MAX_DIGITS`] digits) is refused where it is written.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// The most digits a figure may have, counting decimals: 18 digits always
/// fit the whole number a figure is kept as, and no count in a report
/// comes near them.
pub const MAX_DIGITS: usize = 18;

/// A non-negative decimal figure, kept exactly as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Figure {
    /// The figure's digits as a whole number (`5.70` → 570).
    digits: u64,
    /// How many of them are decimals (`5.70` → 2).
    scale: Scale,
}

/// A count of decimals, 0 to [`MAX_DIGITS`], held as one more, so that a
/// figure that is not given costs no more room than one that is
/// (`Option<Figure>` is as large as `Figure`): a site holds millions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Scale(std::num::NonZeroU8);

impl Scale {
    const fn of(decimals: u8) -> Scale {
        match std::num::NonZeroU8::new(decimals.saturating_add(1)) {
            Some(held) => Scale(held),
            None => Scale(std::num::NonZeroU8::MAX),
        }
    }

    const fn get(self) -> u8 {
        self.0.get() - 1
    }
}

impl Figure {
    /// A whole number.
    pub const ZERO: Figure = Figure::whole(0);

    pub const fn whole(n: u64) -> Figure {
        Figure {
            digits: n,
            scale: Scale::of(0),
        }
    }

    /// Reads a figure written in a report. The message of an error says
    /// what was written and how to write it instead.
    pub fn parse(text: &str) -> Result<Figure, String> {
        let written = text.trim();
        let (whole, fraction) = match written.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (written, None),
        };
        let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits_only(whole) && fraction.is_none_or(digits_only)) {
            return Err(why_not(written));
        }
        if whole.len() > 1 && whole.starts_with('0') {
            let trimmed = whole.trim_start_matches('0');
            let suggestion = format!(
                "{}{}",
                if trimmed.is_empty() { "0" } else { trimmed },
                fraction.map(|f| format!(".{f}")).unwrap_or_default()
            );
            return Err(crate::say!(
                "figure-leading-zero",
                written = written,
                fixed = suggestion
            ));
        }
        let fraction = fraction.unwrap_or("");
        let significant = whole.trim_start_matches('0').len() + fraction.len();
        if significant > MAX_DIGITS || fraction.len() > MAX_DIGITS {
            return Err(crate::say!(
                "figure-too-long",
                written = written,
                most = MAX_DIGITS
            ));
        }
        let digits = whole
            .bytes()
            .chain(fraction.bytes())
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        Ok(Figure {
            digits,
            scale: Scale::of(fraction.len() as u8),
        })
    }

    /// The figure as a float: for drawing and for shares, never for display.
    pub fn get(self) -> f64 {
        // Below 2^53 the digits and every power of ten up to 10^18 are exact
        // floats, so one division rounds once, as parsing the text would.
        if self.digits < 1 << 53 {
            self.digits as f64 / 10f64.powi(i32::from(self.scale.get()))
        } else {
            self.to_string().parse().unwrap_or(f64::NAN)
        }
    }

    /// The exact sum, written with the larger number of decimals of the
    /// two (`5.1 + 3.60` → `8.70`), or `None` past [`MAX_DIGITS`] digits.
    pub fn checked_add(self, other: Figure) -> Option<Figure> {
        let scale = self.scale.get().max(other.scale.get());
        let digits = self.at_scale(scale) + other.at_scale(scale);
        (digits < 10u128.pow(MAX_DIGITS as u32)).then_some(Figure {
            digits: digits as u64,
            scale: Scale::of(scale),
        })
    }

    pub fn is_zero(self) -> bool {
        self.digits == 0
    }

    /// The digits scaled to `scale` decimals (at least `self.scale`).
    fn at_scale(self, scale: u8) -> u128 {
        u128::from(self.digits) * 10u128.pow(u32::from(scale - self.scale.get()))
    }
}

/// Why `written` is not a figure, and how to write it.
fn why_not(written: &str) -> String {
    if written.is_empty() {
        return crate::say!("figure-empty");
    }
    if let Some(rest) = written.strip_prefix('-')
        && Figure::parse(rest).is_ok_and(Figure::is_zero)
    {
        return crate::say!("figure-sign", written = written, fixed = rest);
    }
    if let Some(rest) = written.strip_prefix('-')
        && Figure::parse(rest).is_ok()
    {
        return crate::say!("figure-negative", written = written);
    }
    if let Some(rest) = written.strip_prefix('+')
        && Figure::parse(rest).is_ok()
    {
        return crate::say!("figure-sign", written = written, fixed = rest);
    }
    let half_width = crate::i18n::half_width(written);
    if half_width != written && Figure::parse(&half_width).is_ok() {
        return crate::say!("full-width-figure", text = written, fixed = &half_width);
    }
    // A comma before one or two digits is a decimal comma: 12,5 is 12.5.
    if let Some((whole, decimals)) = written.split_once([',', '，'])
        && (1..=2).contains(&decimals.len())
        && Figure::parse(&format!("{whole}.{decimals}")).is_ok()
    {
        let fixed = format!("{whole}.{decimals}");
        return crate::say!("figure-decimal-comma", written = written, fixed = fixed);
    }
    let unseparated: String = written
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '，' | '\''))
        .collect();
    if unseparated != written && Figure::parse(&unseparated).is_ok() {
        return crate::say!("figure-separators", written = written, fixed = &unseparated);
    }
    if let Some(rest) = written.strip_prefix('.')
        && Figure::parse(rest).is_ok()
    {
        return crate::say!(
            "figure-point-first",
            written = written,
            fixed = format!("0{written}")
        );
    }
    if let Some(rest) = written.strip_suffix('.')
        && Figure::parse(rest).is_ok()
    {
        return crate::say!("figure-point-last", written = written, fixed = rest);
    }
    if written.contains(['e', 'E'])
        && written
            .trim_start_matches(['+', '-'])
            .starts_with(|c: char| c.is_ascii_digit())
        && written.parse::<f64>().is_ok()
    {
        return crate::say!("figure-exponent", written = written);
    }
    crate::say!("figure-not-a-number")
}

impl Ord for Figure {
    fn cmp(&self, other: &Figure) -> Ordering {
        let scale = self.scale.get().max(other.scale.get());
        self.at_scale(scale).cmp(&other.at_scale(scale))
    }
}

impl PartialOrd for Figure {
    fn partial_cmp(&self, other: &Figure) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = self.scale.get();
        if scale == 0 {
            return write!(f, "{}", self.digits);
        }
        let unit = 10u64.pow(u32::from(scale));
        write!(
            f,
            "{}.{:0width$}",
            self.digits / unit,
            self.digits % unit,
            width = usize::from(scale)
        )
    }
}

impl Figure {
    /// The figure as pages and charts print it: exactly as written, with
    /// the digits of a whole part of four or more grouped by threes
    /// (`15,600,000,000`, `21,400.5`, `9,800`; `980` stays as it is), as
    /// Chinese and English readers both read large figures. The downloads
    /// keep the figure as written, and pages carry it too, in the `value`
    /// of a `<data>` element around each figure in a table.
    pub fn grouped(self) -> String {
        crate::i18n::grouped(&self.to_string())
    }

    /// The figure as printed ([`Figure::grouped`]) and, when that is not
    /// how it was written, as written.
    pub fn shown(self) -> (String, Option<String>) {
        let written = self.to_string();
        let grouped = crate::i18n::grouped(&written);
        let exact = (grouped.len() != written.len()).then_some(written);
        (grouped, exact)
    }
}

/// Figures reach templates as the text written, so that no template can
/// round them. A binary form (what a build keeps) has the digits and the
/// number of decimals.
impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            (self.digits, self.scale.get()).serialize(serializer)
        }
    }
}

/// Read back from either form, and refused if no report could have
/// written it.
impl<'de> serde::Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = <std::borrow::Cow<str>>::deserialize(deserializer)?;
            return Figure::parse(&text).map_err(serde::de::Error::custom);
        }
        let (digits, scale) = <(u64, u8)>::deserialize(deserializer)?;
        if usize::from(scale) > MAX_DIGITS || digits >= 10u64.pow(MAX_DIGITS as u32) {
            return Err(serde::de::Error::custom("not a figure a report can give"));
        }
        Ok(Figure {
            digits,
            scale: Scale::of(scale),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_not_given_takes_no_more_room_than_one_given() {
        assert_eq!(
            std::mem::size_of::<Option<Figure>>(),
            std::mem::size_of::<Figure>()
        );
        // As a build keeps them, given or not.
        for text in ["0", "5.70", "0.000000000000000001", "999999999999999999"] {
            let given = Some(Figure::parse(text).unwrap());
            for figure in [given, None] {
                let bytes = postcard::to_stdvec(&figure).unwrap();
                let back: Option<Figure> = postcard::from_bytes(&bytes).unwrap();
                assert_eq!(back, figure);
                assert_eq!(
                    back.map(|f| f.to_string()),
                    figure.map(|_| text.to_string())
                );
            }
        }
    }

    #[test]
    fn sums_are_exact_and_keep_the_finer_scale() {
        let f = |t: &str| Figure::parse(t).unwrap();
        assert_eq!(f("5.1").checked_add(f("3.60")).unwrap().to_string(), "8.70");
        assert_eq!(f("0.1").checked_add(f("0.2")).unwrap().to_string(), "0.3");
        assert_eq!(
            f("21400").checked_add(f("9800")).unwrap().to_string(),
            "31200"
        );
        let big = f("999999999999999999");
        assert_eq!(big.checked_add(f("1")), None, "past 18 digits");
    }

    #[test]
    fn figures_read_back_exactly_as_written() {
        for written in [
            "0",
            "7",
            "12.8",
            "0.1",
            "5.70",
            "0.05",
            "164000",
            "12345678901234567",
            "999999999999999999",
            "0.000000000000000001",
            "100.00",
        ] {
            let figure = Figure::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert_eq!(figure.to_string(), written);
        }
        assert_eq!(Figure::parse(" 3 ").unwrap().to_string(), "3");
    }

    #[test]
    fn figures_compare_exactly() {
        let f = |s: &str| Figure::parse(s).unwrap();
        assert_eq!(f("5.70").cmp(&f("5.7")), Ordering::Equal);
        assert!(f("12345678901234567") > f("12345678901234566"));
        assert!(f("0.1") < f("0.10000000000000001"));
        assert!(f("10") > f("9.99"));
        for written in [
            "0.1",
            "12.8",
            "5.70",
            "0.125",
            "999999.999",
            "12345678901234567",
            "0.000000000000000001",
        ] {
            assert_eq!(
                f(written).get(),
                written.parse::<f64>().unwrap(),
                "{written}"
            );
        }
    }

    #[test]
    fn figures_that_cannot_be_kept_exactly_are_refused_with_a_fix() {
        let cases = [
            (
                "123456789012345678901234567890",
                "more digits than a figure",
            ),
            ("1234567890123456789", "more digits than a figure"),
            ("-3", "-3 is negative"),
            ("+4", "without the sign: 4"),
            (
                "１２.５",
                "full-width digits; write it with ASCII digits: 12.5",
            ),
            ("1,000", "plain digits: 1000"),
            ("1_000", "plain digits: 1000"),
            (".5", "0.5"),
            ("5.", "write 5"),
            ("1e3", "exponent notation"),
            ("007", "without leading zeros: 7"),
            ("00.5", "without leading zeros: 0.5"),
            ("十条", "expected a plain number"),
            ("3万", "expected a plain number"),
            (".inf", "expected a plain number"),
            ("0x1F", "expected a plain number"),
            ("", "the figure is empty"),
            ("1.2.3", "expected a plain number"),
        ];
        for (written, expected) in cases {
            let error = Figure::parse(written).unwrap_err();
            assert!(error.contains(expected), "{written}: {error}");
        }
    }

    #[test]
    fn the_binary_form_keeps_the_figure_as_written() {
        for s in ["0", "5.70", "44", "0.001", "999999999999999999"] {
            let figure = Figure::parse(s).unwrap();
            let bytes = postcard::to_stdvec(&figure).unwrap();
            let back: Figure = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back.to_string(), s);
        }
        for (digits, scale) in [(10u64.pow(18), 0u8), (1, 19)] {
            let bytes = postcard::to_stdvec(&(digits, scale)).unwrap();
            assert!(
                postcard::from_bytes::<Figure>(&bytes).is_err(),
                "{digits} {scale}"
            );
        }
        assert_eq!(
            serde_json::to_string(&Figure::parse("5.70").unwrap()).unwrap(),
            "\"5.70\""
        );
    }
}
