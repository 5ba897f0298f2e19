//! SVG charts, drawn at build time with plotters into an SVG backend of our
//! own (`backend.rs`) and placed in the page, so they show without
//! JavaScript and print with the page.
//!
//! Three kinds of chart, each a pure function of plain data:
//! - [`progress`]: one horizontal bar per place (or per metric) giving the
//!   actual as a share of the target, with the target line at 100%;
//! - [`over_time`]: one place's actuals by date against its target and
//!   deadline;
//! - [`summary`]: per place, how many metrics are done, on track, behind,
//!   without data or without a target.
//!
//! Layout is done here, not by plotters: without a font file plotters
//! guesses text widths from byte counts, which is three times too wide for
//! Chinese. Labels sit on their own line above each bar and wrap by an
//! estimate of their width (`text::text_width`), so long district names and
//! sixty rows stay readable on a phone. The SVG keeps a fixed 400-unit
//! width and scales with the page; the theme caps its display width.
//!
//! Accessibility is added around plotters' output: the `<svg>` gets
//! `role="img"`, a `<title>` and a `<desc>` sentence with the key numbers,
//! and pages print the same numbers as a table beside it. Colour is never
//! the only cue: every bar carries its figures in text, the target is a
//! heavy mark, "behind" is hatched and "no data" is an empty dashed box,
//! never a bar of zero length.

mod backend;
mod canvas;
mod over_time;
mod progress;
mod summary;
mod text;

pub use over_time::over_time;
pub use progress::progress;
pub use summary::summary;

use crate::model::date::Date;
use crate::model::{Basis, Figure, Metric, Pace, Standing};

/// A chart as `<svg>` markup in its two frames: `wide` (400 units) and
/// `narrow` (260 units, its text larger for its width, its ids ending in
/// `-narrow`), for the theme to show one of.
#[derive(Debug, Clone, PartialEq)]
pub struct Frames {
    pub wide: String,
    pub narrow: String,
}

/// One bar of a progress chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar is for: a place, or a metric.
    pub label: String,
    pub target: Option<Figure>,
    pub actual: Option<Figure>,
    pub unit: String,
    /// The actual as a percentage of the target, when both are known and
    /// the target is above zero (as in [`crate::model::Standing`]).
    pub progress: Option<f64>,
    pub pace: Pace,
    /// Whose figures: a city's own, its districts' total, or in its
    /// districts' bars (then not counted by pace).
    pub basis: Basis,
}

impl Bar {
    /// The bar of standing `s` of metric `m`, labelled `label`.
    pub fn of(m: &Metric, s: &Standing, label: String) -> Bar {
        Bar {
            label,
            target: s.target,
            actual: s.actual,
            unit: m.unit.clone(),
            progress: s.progress,
            pace: s.pace,
            basis: s.basis,
        }
    }
}

/// One place's dated actuals of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub place: String,
    pub unit: String,
    pub target: Option<Figure>,
    /// First day of the plan's period (days since 1970-01-01).
    pub start: i64,
    pub deadline: Option<Date>,
    /// Oldest first, at most one per date.
    pub points: Vec<(Date, Figure)>,
    /// How many earlier dates the chart leaves out: the chart draws the
    /// latest only, and says where the earlier ones are.
    pub earlier: usize,
}

/// How many metrics of one place are at each pace, in
/// [`crate::model::Pace::ALL`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub label: String,
    pub counts: [usize; crate::model::PACES],
}

#[cfg(test)]
pub(crate) mod testing {
    //! What the chart tests share: the theme's strings and readers of SVG.

    use crate::i18n::Strings;
    use crate::model::Figure;
    use std::collections::BTreeMap;

    /// A figure as a report would write `x`.
    pub fn fig(x: f64) -> Figure {
        Figure::parse(&x.to_string()).unwrap()
    }

    pub fn strings() -> Strings {
        let all: BTreeMap<String, Strings> =
            serde_saphyr::from_str(include_str!("../../themes/default/strings.yaml")).unwrap();
        all["zh-Hans"].clone()
    }

    /// The text a reader sees in the chart, one entry per `<text>` element.
    pub fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|s| s.split_once('>'))
            .filter_map(|(_, rest)| rest.split_once("</text>"))
            .map(|(text, _)| text.trim().to_string())
            .collect()
    }

    /// The value of attribute `name` in the text of one SVG element.
    fn attr(tag: &str, name: &str) -> String {
        tag.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string()
    }

    /// Every `<rect>` of `svg`, as the text of its attributes.
    fn rects(svg: &str) -> impl Iterator<Item = &str> {
        svg.split("<rect")
            .skip(1)
            .filter_map(|s| s.split_once("/>").map(|(tag, _)| tag))
    }

    /// (x, width) of a rectangle's tag, with `colour`.
    fn placed(tag: &str, colour: String) -> (i32, i32, String) {
        let number = |name| attr(tag, name).parse().unwrap();
        (number("x"), number("width"), colour)
    }

    /// Rectangles below the legend's first row (y > 40), the bars of a
    /// progress chart, as (x, width, colour): filled with a colour, or
    /// with `outlined`, those drawn as an outline, hatched or empty.
    pub fn bars(svg: &str, outlined: bool) -> Vec<(i32, i32, String)> {
        rects(svg)
            .filter(|tag| attr(tag, "y").parse::<i32>().unwrap() > 40)
            .filter(|tag| {
                let fill = attr(tag, "fill");
                (fill == "none" || fill.starts_with("url(")) == outlined
            })
            .map(|tag| placed(tag, attr(tag, if outlined { "stroke" } else { "fill" })))
            .collect()
    }

    /// Filled rectangles as (x, width, fill colour).
    pub fn filled_rects(svg: &str) -> Vec<(i32, i32, String)> {
        rects(svg)
            .filter(|tag| attr(tag, "fill") != "none")
            .map(|tag| placed(tag, attr(tag, "fill")))
            .collect()
    }
}
