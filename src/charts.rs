//! SVG charts, drawn at build time with plotters' SVG backend and placed in
//! the page, so they show without JavaScript and print with the page.
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
//! estimate of their width ([`text_width`]), so long district names and
//! sixty rows stay readable on a phone. The SVG keeps a fixed 400-unit
//! width and scales with the page; the theme caps its display width.
//!
//! Accessibility is added around plotters' output: the `<svg>` gets
//! `role="img"`, a `<title>` and a `<desc>` sentence with the key numbers,
//! and pages print the same numbers as a table beside it. Colour is never
//! the only cue: every bar carries its figures in text, the target is a
//! heavy mark, "behind" is hatched and "no data" is an empty dashed box,
//! never a bar of zero length.

use crate::dates::Date;
use crate::model::{Pace, Status};
use crate::pages::{Strings, number, percent, ui as t};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Width of every chart in SVG units.
const WIDTH: u32 = 400;
const PAD: i32 = 12;
const FONT: f64 = 16.0;
const SMALL: f64 = 14.0;
const LINE: i32 = 21;
const BAR: i32 = 14;
const GAP: i32 = 14;
/// The widest progress axis drawn; bars beyond it are cut with a break mark.
const MAX_PERCENT: f64 = 300.0;

/// Colours, chosen to stay apart for colour-blind readers (blue against
/// orange, dark against light) and to reach 3:1 against white as graphics
/// and 4.5:1 as text.
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
const OUTLINE: RGBColor = RGBColor(0x76, 0x76, 0x76);
const DONE: RGBColor = RGBColor(0x0b, 0x4f, 0x8a);
const ON_TRACK: RGBColor = RGBColor(0x4f, 0x86, 0xc0);
const BEHIND: RGBColor = RGBColor(0xb3, 0x5c, 0x00);
const NO_TARGET: RGBColor = RGBColor(0xe3, 0xe6, 0xea);

/// Dashed lines. Plotters draws a dashed line as one path per dash, which
/// would make dashes most of a chart's markup. Each kind of dashed line is
/// drawn instead as one solid path in a colour reserved for it, and [`tidy`]
/// gives it its real colour and a `stroke-dasharray`.
#[derive(Clone, Copy)]
enum Dash {
    /// A target line.
    Target,
    /// A deadline: finer than a target.
    Deadline,
    /// The outline of a box with nothing reported.
    Empty,
}

impl Dash {
    const ALL: [Dash; 3] = [Dash::Target, Dash::Deadline, Dash::Empty];

    /// The reserved colour it is drawn in, one step off its real colour.
    fn stand_in(self) -> RGBColor {
        match self {
            Dash::Target => RGBColor(0x1a, 0x1a, 0x1b),
            Dash::Deadline => RGBColor(0x55, 0x55, 0x56),
            Dash::Empty => RGBColor(0x76, 0x76, 0x77),
        }
    }

    /// `(stroke as plotters writes the stand-in, stroke and dashes to write)`.
    fn rewrite(self) -> (&'static str, &'static str) {
        match self {
            Dash::Target => (
                "stroke=\"#1A1A1B\"",
                "stroke=\"#1A1A1A\" stroke-dasharray=\"5 4\"",
            ),
            Dash::Deadline => (
                "stroke=\"#555556\"",
                "stroke=\"#555555\" stroke-dasharray=\"3 3\"",
            ),
            Dash::Empty => (
                "stroke=\"#767677\"",
                "stroke=\"#767676\" stroke-dasharray=\"5 4\"",
            ),
        }
    }
}

/// One bar of a progress chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar is for: a place, or a metric.
    pub label: String,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub unit: String,
    /// The actual as a percentage of the target, when both are known and
    /// the target is above zero (as in [`crate::model::Standing`]).
    pub progress: Option<f64>,
    pub status: Status,
}

/// One place's dated actuals of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub place: String,
    pub unit: String,
    pub target: Option<f64>,
    /// First day of the plan's period (days since 1970-01-01).
    pub start: i64,
    pub deadline: Option<Date>,
    /// Oldest first, at most one per date.
    pub points: Vec<(Date, f64)>,
}

/// How many metrics of one place are at each [`Pace`], in [`Pace::ALL`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub label: String,
    pub counts: [usize; 5],
}

/// Fills `{name}` placeholders of a theme string.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Whether a character is set a full em wide (CJK, kana, hangul, fullwidth forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Estimated width of `text` at `px`: a full em for CJK, a little over half
/// for Latin letters and digits. Errs wide so labels never run into each other.
fn text_width(text: &str, px: f64) -> f64 {
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
fn wrap(text: &str, px: f64, width: f64) -> Vec<String> {
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

type Drawn = Result<(), String>;

/// The drawing surface: plotters' SVG backend in pixel coordinates, with
/// the few shapes the charts need.
struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

fn failed(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl Canvas<'_> {
    fn text(&self, text: &str, at: (i32, i32), px: f64, anchor: HPos, colour: RGBColor) -> Drawn {
        self.styled_text(text, at, px, anchor, colour, FontStyle::Normal)
    }

    fn styled_text(
        &self,
        text: &str,
        at: (i32, i32),
        px: f64,
        anchor: HPos,
        colour: RGBColor,
        weight: FontStyle,
    ) -> Drawn {
        // The SVG backend writes size / 1.24 as the font size.
        let style = ("sans-serif", px * 1.24, weight)
            .into_font()
            .color(&colour)
            .pos(Pos::new(anchor, VPos::Center));
        self.area
            .draw(&Text::new(text.to_string(), at, style))
            .map_err(failed)
    }

    fn rect(&self, from: (i32, i32), to: (i32, i32), colour: RGBColor, filled: bool) -> Drawn {
        let style = if filled {
            colour.filled()
        } else {
            colour.stroke_width(1)
        };
        self.area
            .draw(&Rectangle::new([from, to], style))
            .map_err(failed)
    }

    fn line(&self, from: (i32, i32), to: (i32, i32), colour: RGBColor, width: u32) -> Drawn {
        self.area
            .draw(&PathElement::new(
                vec![from, to],
                colour.stroke_width(width),
            ))
            .map_err(failed)
    }

    fn dashed(&self, points: Vec<(i32, i32)>, dash: Dash, width: u32) -> Drawn {
        self.area
            .draw(&PathElement::new(
                points,
                dash.stand_in().stroke_width(width),
            ))
            .map_err(failed)
    }

    /// An empty box with a dashed outline: a target with nothing reported.
    fn dashed_box(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> Drawn {
        let corners = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
        self.dashed(corners, Dash::Empty, 1)
    }

    /// Diagonal hatching inside a box, with its outline.
    fn hatched(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), colour: RGBColor) -> Drawn {
        let h = y1 - y0;
        let mut k = x0 - h;
        while k < x1 {
            let from = (x0 - k).max(0);
            let to = (x1 - k).min(h);
            if from < to {
                self.line((k + from, y1 - from), (k + to, y1 - to), colour, 2)?;
            }
            k += 6;
        }
        self.rect((x0, y0), (x1, y1), colour, false)
    }
}

/// Draws a chart of `height` units and wraps it as an accessible `<svg>`.
fn svg(
    id: &str,
    title: &str,
    desc: &str,
    height: i32,
    draw: impl FnOnce(&Canvas) -> Drawn,
) -> Option<String> {
    let height = u32::try_from(height.max(1)).ok()?;
    let mut body = String::new();
    {
        let area = SVGBackend::with_string(&mut body, (WIDTH, height)).into_drawing_area();
        let canvas = Canvas { area };
        draw(&canvas).ok()?;
        canvas.area.present().ok()?;
    }
    // Replace plotters' opening tag with one that carries the text alternative.
    let (_, rest) = body.split_once(">\n")?;
    let id = id_safe(id);
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{}",
        escape(title),
        escape(desc),
        tidy(rest)
    ))
}

/// Finishes plotters' markup: `opacity="1"` goes, dashed lines get their
/// dashes (see [`Dash`]),
/// and font sizes, which plotters prints as computed floats
/// (`14.000000000000002`), are rounded so the markup reads as written.
fn tidy(svg: &str) -> String {
    // Everything is drawn opaque; the attribute says nothing.
    let mut dashed = svg.replace(" opacity=\"1\"", "");
    for dash in Dash::ALL {
        let (stand_in, real) = dash.rewrite();
        dashed = dashed.replace(stand_in, real);
    }
    let mut out = String::with_capacity(dashed.len());
    let mut rest = dashed.as_str();
    while let Some(at) = rest.find("font-size=\"") {
        let (head, tail) = rest.split_at(at + "font-size=\"".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        match tail[..end].parse::<f64>() {
            Ok(size) => out.push_str(&number(size)),
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn id_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where a row's label goes and how its figures are written beside it.
struct RowText {
    lines: Vec<String>,
    figures: String,
    /// The figures are too wide to share the first line with the label.
    figures_below: bool,
}

impl RowText {
    fn new(label: &str, figures: String) -> RowText {
        let room = f64::from(WIDTH as i32 - 2 * PAD);
        let figures_width = text_width(&figures, SMALL);
        let figures_below = figures_width + 120.0 > room;
        let label_room = if figures_below {
            room
        } else {
            room - figures_width - 12.0
        };
        RowText {
            lines: wrap(label, FONT, label_room),
            figures,
            figures_below,
        }
    }

    fn height(&self) -> i32 {
        (self.lines.len() as i32 + i32::from(self.figures_below)) * LINE
    }

    /// Draws the label and figures from `top`; returns where the bar goes.
    fn draw(&self, c: &Canvas, top: i32) -> Result<i32, String> {
        let mut y = top + LINE / 2;
        for line in &self.lines {
            c.text(line, (PAD, y), FONT, HPos::Left, INK)?;
            y += LINE;
        }
        if self.figures_below {
            c.text(&self.figures, (PAD, y), SMALL, HPos::Left, INK)?;
        } else {
            let right = WIDTH as i32 - PAD;
            c.text(
                &self.figures,
                (right, top + LINE / 2),
                SMALL,
                HPos::Right,
                INK,
            )?;
        }
        Ok(top + self.height())
    }
}

/// Figures written beside a progress bar: "110 / 194 个 · 56.7%".
fn bar_figures(bar: &Bar, strings: &Strings) -> String {
    let unit = &bar.unit;
    match (bar.target, bar.actual) {
        (Some(target), Some(actual)) => {
            let share = bar
                .progress
                .map(|p| format!(" · {}", percent(p)))
                .unwrap_or_default();
            format!("{} / {} {unit}{share}", number(actual), number(target))
        }
        (Some(target), None) => format!(
            "{} {} {unit} · {}",
            t(strings, "target"),
            number(target),
            t(strings, "status_no-data")
        ),
        (None, Some(actual)) => format!(
            "{} {unit} · {}",
            number(actual),
            t(strings, "chart_no_target")
        ),
        (None, None) => t(strings, "status_no-data"),
    }
}

/// The right end of the progress axis: 100%, or the largest share rounded
/// up to a quarter (a half beyond 200%), at most [`MAX_PERCENT`].
fn axis_end(bars: &[Bar]) -> f64 {
    let top = bars
        .iter()
        .filter_map(|b| b.progress)
        .fold(100.0_f64, f64::max);
    let step = if top <= 200.0 { 25.0 } else { 50.0 };
    ((top / step).ceil() * step).min(MAX_PERCENT)
}

/// Progress bars, one per place or metric: the actual as a share of the
/// target, with the target marked by a heavy line at 100% on each bar.
pub fn progress(id: &str, title: &str, bars: &[Bar], strings: &Strings) -> Option<String> {
    if bars.is_empty() {
        return None;
    }
    let end = axis_end(bars);
    let (left, right) = (PAD, WIDTH as i32 - PAD);
    let x = |p: f64| left + ((p.min(end) / end) * f64::from(right - left)).round() as i32;
    let header = 44;
    let rows: Vec<RowText> = bars
        .iter()
        .map(|b| RowText::new(&b.label, bar_figures(b, strings)))
        .collect();
    let height = header + rows.iter().map(|r| r.height() + BAR + GAP).sum::<i32>() + PAD;
    let desc = progress_desc(title, bars, strings);
    svg(id, title, &desc, height, |c| {
        // Scale: the target above its line, then ticks every 50%.
        let target_x = x(100.0);
        let anchor = if end > 100.0 {
            HPos::Center
        } else {
            HPos::Right
        };
        c.styled_text(
            &t(strings, "target"),
            (target_x, 12),
            SMALL,
            anchor,
            INK,
            FontStyle::Bold,
        )?;
        let mut tick = 0.0;
        while tick <= end {
            let anchor = if tick == 0.0 {
                HPos::Left
            } else if tick == end {
                HPos::Right
            } else {
                HPos::Center
            };
            c.text(&percent(tick), (x(tick), 30), SMALL, anchor, MUTED)?;
            if tick > 0.0 && tick != 100.0 {
                c.line((x(tick), header - 4), (x(tick), height - PAD), GRID, 1)?;
            }
            tick += 50.0;
        }
        let mut y = header;
        for (bar, row) in bars.iter().zip(&rows) {
            let top = row.draw(c, y)?;
            let bottom = top + BAR;
            match (bar.target, bar.actual, bar.progress) {
                (_, _, Some(p)) => {
                    let colour = if bar.status == Status::Done {
                        DONE
                    } else {
                        BEHIND
                    };
                    // A measured zero still gets a sliver, unlike "no data".
                    let tip = x(p).max(left + 2);
                    c.rect((left, top), (tip, bottom), colour, true)?;
                    if p > end {
                        // Cut mark: the bar runs on beyond the axis.
                        for dx in [14, 8] {
                            c.line(
                                (right - dx, bottom + 2),
                                (right - dx + 5, top - 2),
                                WHITE,
                                3,
                            )?;
                        }
                    }
                }
                (Some(target), None, None) if target > 0.0 => {
                    c.dashed_box((left, top), (target_x, bottom))?;
                }
                (Some(_), _, None) => {
                    let text = t(strings, "chart_target_zero");
                    c.text(&text, (left, top + BAR / 2), SMALL, HPos::Left, MUTED)?;
                }
                (None, _, None) => {
                    let text = t(strings, "chart_no_target_bar");
                    c.text(&text, (left, top + BAR / 2), SMALL, HPos::Left, MUTED)?;
                }
            }
            // The target mark: drawn across the bar only, so it never
            // runs through a label.
            if bar.target.is_some_and(|t| t > 0.0) {
                c.line((target_x, top - 4), (target_x, bottom + 4), INK, 2)?;
            }
            y = bottom + GAP;
        }
        c.line((left, header - 4), (left, height - PAD), OUTLINE, 1)
    })
}

/// "共5项：已完成2项……进度最高的是经开区（145%），最低的是南陵区（40%）。"
fn progress_desc(title: &str, bars: &[Bar], strings: &Strings) -> String {
    let count = |status: Status| bars.iter().filter(|b| b.status == status).count();
    let mut desc = fill(
        &t(strings, "chart_progress_desc"),
        &[
            ("title", title.to_string()),
            ("count", bars.len().to_string()),
            ("done", count(Status::Done).to_string()),
            ("in_progress", count(Status::InProgress).to_string()),
            ("no_data", count(Status::NoData).to_string()),
            ("reported", count(Status::Reported).to_string()),
        ],
    );
    let measured: Vec<(&Bar, f64)> = bars
        .iter()
        .filter_map(|b| b.progress.map(|p| (b, p)))
        .collect();
    let top = measured.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let bottom = measured.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(top), Some(bottom)) = (top, bottom)
        && measured.len() > 1
    {
        desc.push_str(&fill(
            &t(strings, "chart_progress_range"),
            &[
                ("top", top.0.label.clone()),
                ("top_value", percent(top.1)),
                ("bottom", bottom.0.label.clone()),
                ("bottom_value", percent(bottom.1)),
            ],
        ));
    }
    desc
}

/// Draws the box a summary segment or its legend swatch is shown as.
fn pace_box(c: &Canvas, pace: Pace, from: (i32, i32), to: (i32, i32)) -> Drawn {
    match pace {
        Pace::Done => c.rect(from, to, DONE, true),
        Pace::OnTrack => c.rect(from, to, ON_TRACK, true),
        Pace::Behind => c.hatched(from, to, BEHIND),
        Pace::NoData => c.dashed_box(from, to),
        Pace::NoTarget => {
            c.rect(from, to, NO_TARGET, true)?;
            c.rect(from, to, OUTLINE, false)
        }
    }
}

fn pace_key(pace: Pace) -> &'static str {
    match pace {
        Pace::Done => "pace_done",
        Pace::OnTrack => "pace_on-track",
        Pace::Behind => "pace_behind",
        Pace::NoData => "pace_no-data",
        Pace::NoTarget => "pace_no-target",
    }
}

/// Stacked bars, one per place, of how many metrics are at each pace.
pub fn summary(id: &str, title: &str, rows: &[Tally], strings: &Strings) -> Option<String> {
    if rows.is_empty() {
        return None;
    }
    let (left, right) = (PAD, WIDTH as i32 - PAD);
    // The legend, wrapped as a line of text would be.
    let mut legend: Vec<(Pace, (i32, i32))> = Vec::new();
    let (mut lx, mut ly) = (left, PAD + LINE / 2);
    for pace in Pace::ALL {
        let w = 20 + text_width(&t(strings, pace_key(pace)), SMALL).ceil() as i32;
        if lx + w > right {
            lx = left;
            ly += LINE;
        }
        legend.push((pace, (lx, ly)));
        lx += w + 14;
    }
    let header = ly + LINE / 2 + 10;
    let most = rows
        .iter()
        .map(|r| r.counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let texts: Vec<RowText> = rows
        .iter()
        .map(|r| {
            let total = r.counts.iter().sum::<usize>().to_string();
            RowText::new(&r.label, fill(&t(strings, "chart_total"), &[("n", total)]))
        })
        .collect();
    let height = header
        + texts
            .iter()
            .map(|r| r.height() + BAR + 4 + GAP)
            .sum::<i32>()
        + PAD;
    let desc = summary_desc(rows, strings);
    svg(id, title, &desc, height, |c| {
        for (pace, (x, y)) in &legend {
            pace_box(c, *pace, (*x, y - 7), (x + 14, y + 7))?;
            c.text(
                &t(strings, pace_key(*pace)),
                (x + 20, *y),
                SMALL,
                HPos::Left,
                INK,
            )?;
        }
        let mut y = header;
        let span = f64::from(right - left);
        for (row, text) in rows.iter().zip(&texts) {
            let top = text.draw(c, y)?;
            let bottom = top + BAR + 4;
            let mut done = 0usize;
            for (pace, &count) in Pace::ALL.into_iter().zip(&row.counts) {
                if count == 0 {
                    continue;
                }
                let x0 = left + (done as f64 / most as f64 * span).round() as i32;
                done += count;
                let x1 = left + (done as f64 / most as f64 * span).round() as i32;
                pace_box(c, pace, (x0, top), (x1, bottom))?;
                let label = count.to_string();
                if text_width(&label, SMALL) + 6.0 <= f64::from(x1 - x0) {
                    let ink = if matches!(pace, Pace::Done) {
                        WHITE
                    } else {
                        INK
                    };
                    let middle = ((x0 + x1) / 2, (top + bottom) / 2);
                    // Behind is hatched: give its count a plain ground.
                    if pace == Pace::Behind {
                        let half = (text_width(&label, SMALL) / 2.0).ceil() as i32 + 2;
                        c.rect(
                            (middle.0 - half, top + 2),
                            (middle.0 + half, bottom - 2),
                            WHITE,
                            true,
                        )?;
                    }
                    c.text(&label, middle, SMALL, HPos::Center, ink)?;
                }
            }
            y = bottom + GAP;
        }
        Ok(())
    })
}

fn summary_desc(rows: &[Tally], strings: &Strings) -> String {
    let total = |i: usize| rows.iter().map(|r| r.counts[i]).sum::<usize>().to_string();
    let all: usize = rows.iter().flat_map(|r| r.counts.iter()).sum();
    fill(
        &t(strings, "chart_summary_desc"),
        &[
            ("places", rows.len().to_string()),
            ("metrics", all.to_string()),
            ("done", total(0)),
            ("on_track", total(1)),
            ("behind", total(2)),
            ("no_data", total(3)),
            ("no_target", total(4)),
        ],
    )
}

/// Month starts between `from` and `to` (days), spaced so that at most six
/// are labelled.
fn month_ticks(from: i64, to: i64) -> (Vec<i64>, bool) {
    let first = Date::from_days(from);
    let months = (to - from) / 30 + 1;
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| months / s <= 6)
        .unwrap_or(240);
    let mut ticks = Vec::new();
    let (mut year, mut month) = (i64::from(first.year), i64::from(first.month.unwrap_or(1)));
    loop {
        let day = Date {
            year: year.clamp(0, 9999) as u16,
            month: Some(month as u8),
            day: Some(1),
        }
        .first_day();
        if day > to || ticks.len() > 12 {
            break;
        }
        let aligned = if step >= 12 {
            month == 1 && year % (step / 12) == 0
        } else {
            (month - 1) % step == 0
        };
        if day >= from && aligned {
            ticks.push(day);
        }
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
    }
    (ticks, step >= 12)
}

/// A place's actuals by date, with its target and deadline.
pub fn over_time(id: &str, title: &str, series: &Series, strings: &Strings) -> Option<String> {
    let points: Vec<(i64, f64)> = series
        .points
        .iter()
        .map(|(d, v)| (d.last_day(), *v))
        .collect();
    let (first, last) = (points.first()?.0, points.last()?.0);
    let deadline = series.deadline.map(Date::last_day);
    let from = series.start.min(first);
    let to = deadline.unwrap_or(last).max(last);
    let pad = ((to - from) / 16).max(1);
    let (lo, hi) = (from - pad, to + pad);
    let top = points
        .iter()
        .map(|p| p.1)
        .chain(series.target)
        .fold(0.0_f64, f64::max);
    let y_end = if top > 0.0 { top * 1.15 } else { 1.0 };
    let (ticks, years_only) = month_ticks(lo, hi);
    let height = 240;
    let desc = time_desc(series, strings);
    let y_labels: Vec<String> = (0..=4)
        .map(|i| number(y_end * f64::from(i) / 4.0))
        .collect();
    let y_area = y_labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max)
        .ceil() as i32
        + 10;
    let y_area = y_area.clamp(24, WIDTH as i32 / 3);
    svg(id, title, &desc, height, |c| {
        let mut chart = ChartBuilder::on(&c.area)
            .margin_top(30)
            .margin_right(PAD + 8)
            .margin_left(PAD)
            .margin_bottom(6)
            .x_label_area_size(26)
            .y_label_area_size(y_area)
            .build_cartesian_2d((lo..hi).with_key_points(ticks), 0.0..y_end)
            .map_err(failed)?;
        let label_font = ("sans-serif", SMALL * 1.24).into_font().color(&MUTED);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_labels(5)
            .bold_line_style(GRID.stroke_width(1))
            .light_line_style(TRANSPARENT)
            .axis_style(OUTLINE.stroke_width(1))
            .label_style(label_font)
            .x_label_formatter(&|d| {
                let date = Date::from_days(*d);
                if years_only {
                    date.year.to_string()
                } else {
                    format!("{}-{:02}", date.year, date.month.unwrap_or(1))
                }
            })
            .y_label_formatter(&|v| number(*v))
            .draw()
            .map_err(failed)?;
        let plot = chart.plotting_area();
        if let Some(target) = series.target {
            plot.draw(&PathElement::new(
                vec![(lo, target), (hi, target)],
                Dash::Target.stand_in().stroke_width(2),
            ))
            .map_err(failed)?;
            let label = format!(
                "{} {} {}",
                t(strings, "target"),
                number(target),
                series.unit
            );
            let style = ("sans-serif", SMALL * 1.24, FontStyle::Bold)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Bottom));
            plot.draw(&(EmptyElement::at((lo, target)) + Text::new(label, (4, -4), style)))
                .map_err(failed)?;
        }
        if let Some(deadline) = deadline {
            plot.draw(&PathElement::new(
                vec![(deadline, 0.0), (deadline, y_end)],
                Dash::Deadline.stand_in().stroke_width(1),
            ))
            .map_err(failed)?;
            let (x, _) = plot.map_coordinate(&(deadline, y_end));
            let date = series.deadline.map(|d| d.to_string()).unwrap_or_default();
            let label = format!("{} {date}", t(strings, "deadline"));
            let anchor = if x > WIDTH as i32 / 2 {
                HPos::Right
            } else {
                HPos::Left
            };
            c.text(&label, (x, 14), SMALL, anchor, INK)?;
        }
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                DONE.stroke_width(2),
            ))
            .map_err(failed)?;
        let value_font = ("sans-serif", SMALL * 1.24)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        chart
            .draw_series(points.iter().map(|&(d, v)| {
                EmptyElement::at((d, v))
                    + Circle::new((0, 0), 4, DONE.filled())
                    + Text::new(number(v), (0, -8), value_font.clone())
            }))
            .map_err(failed)?;
        Ok(())
    })
}

fn time_desc(series: &Series, strings: &Strings) -> String {
    let unit = &series.unit;
    let points: Vec<String> = series
        .points
        .iter()
        .map(|(d, v)| format!("{d} {}{unit}", number(*v)))
        .collect();
    let mut desc = fill(
        &t(strings, "chart_time_desc"),
        &[
            ("place", series.place.clone()),
            ("points", points.join(t(strings, "list_separator").as_str())),
        ],
    );
    if let Some(target) = series.target {
        desc.push_str(&fill(
            &t(strings, "chart_time_target"),
            &[("target", format!("{}{unit}", number(target)))],
        ));
    }
    if let Some(deadline) = series.deadline {
        desc.push_str(&fill(
            &t(strings, "chart_time_deadline"),
            &[("deadline", deadline.to_string())],
        ));
    }
    desc
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn strings() -> Strings {
        let all: BTreeMap<String, Strings> =
            serde_saphyr::from_str(include_str!("../themes/default/strings.yaml")).unwrap();
        all["zh-Hans"].clone()
    }

    /// The text a reader sees in the chart, one entry per `<text>` element.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|s| s.split_once('>'))
            .filter_map(|(_, rest)| rest.split_once("</text>"))
            .map(|(text, _)| text.trim().to_string())
            .collect()
    }

    /// Filled rectangles as (x, width, fill colour).
    fn filled_rects(svg: &str) -> Vec<(i32, i32, String)> {
        let attr = |tag: &str, name: &str| -> String {
            tag.split(&format!(" {name}=\""))
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_string()
        };
        svg.split("<rect")
            .skip(1)
            .filter_map(|s| s.split_once("/>").map(|(tag, _)| tag))
            .filter(|tag| attr(tag, "fill") != "none")
            .map(|tag| {
                (
                    attr(tag, "x").parse().unwrap(),
                    attr(tag, "width").parse().unwrap(),
                    attr(tag, "fill"),
                )
            })
            .collect()
    }

    fn bar(label: &str, target: Option<f64>, actual: Option<f64>, unit: &str) -> Bar {
        let standing = crate::model::Standing::new(None, target, actual, None);
        Bar {
            label: label.into(),
            target,
            actual,
            unit: unit.into(),
            progress: standing.progress,
            status: standing.status,
        }
    }

    fn example_bars() -> Vec<Bar> {
        vec![
            bar("明川市", Some(53.0), None, "个"),
            bar("东湖区", Some(18.0), Some(18.0), "个"),
            bar("南岭区", Some(9.0), Some(7.0), "个"),
            bar("明川经济技术开发区", Some(100.0), Some(145.0), "个"),
            bar("西山区", None, Some(3553.0), "户"),
            bar("北港区", Some(0.0), Some(0.0), "个"),
        ]
    }

    #[test]
    fn progress_bars_show_each_share_with_its_figures() {
        let svg = progress("chart-progress", "老旧小区", &example_bars(), &strings()).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(" role=\"img\" aria-labelledby=\"chart-progress-title\" aria-describedby=\"chart-progress-desc\""));
        assert!(svg.contains("<title id=\"chart-progress-title\">老旧小区</title>"));
        let text = texts(&svg);
        for label in [
            "明川市",
            "东湖区",
            "南岭区",
            "明川经济技术开发区",
            "西山区",
            "北港区",
            "目标 53 个 · 暂无数据",
            "18 / 18 个 · 100%",
            "7 / 9 个 · 77.8%",
            "145 / 100 个 · 145%",
            "3553 户 · 无目标",
            "0 / 0 个",
            "目标为 0，不计算进度",
            "150%",
        ] {
            assert!(text.iter().any(|t| t == label), "{label} not in {text:?}");
        }
        // The axis runs to 150%, so over 376 units: 77.8% is 195 units and
        // 145% runs past the 100% mark (251 units) to 363. The place with
        // no data, the one without a target and the zero target get no bar.
        let bars = filled_rects(&svg);
        assert_eq!(
            bars,
            [
                (12, 251, "#0B4F8A".to_string()),
                (12, 195, "#B35C00".to_string()),
                (12, 363, "#0B4F8A".to_string()),
            ]
        );
        let desc = svg.split("<desc").nth(1).unwrap();
        assert!(desc.contains("共6项，已完成3项，推进中1项，暂无数据1项，无目标1项"));
        assert!(desc.contains("进度最高的是明川经济技术开发区（145%），最低的是南岭区（77.8%）"));
        assert_eq!(
            svg,
            progress("chart-progress", "老旧小区", &example_bars(), &strings()).unwrap()
        );
    }

    #[test]
    fn a_measured_zero_differs_from_no_data() {
        let zero = progress(
            "z",
            "t",
            &[bar("东湖区", Some(10.0), Some(0.0), "个")],
            &strings(),
        );
        let none = progress(
            "n",
            "t",
            &[bar("东湖区", Some(10.0), None, "个")],
            &strings(),
        );
        let (zero, none) = (zero.unwrap(), none.unwrap());
        assert_eq!(filled_rects(&zero), [(12, 2, "#B35C00".to_string())]);
        assert!(texts(&zero).contains(&"0 / 10 个 · 0%".to_string()));
        assert_eq!(filled_rects(&none), []);
        // The empty box is one dashed outline.
        assert_eq!(
            none.matches("stroke=\"#767676\" stroke-dasharray=\"5 4\"")
                .count(),
            1
        );
        assert!(!none.contains("#767677"), "stand-in colour left in {none}");
        assert!(texts(&none).contains(&"目标 10 个 · 暂无数据".to_string()));
    }

    #[test]
    fn labels_are_escaped_and_large_or_decimal_figures_kept() {
        let bars = [
            bar(
                "<script>alert(1)</script> & \"区\"",
                Some(156.0),
                Some(156.25),
                "亿元",
            ),
            bar("大数", Some(1.0), Some(1e12), "万户"),
            bar("小数", Some(5.7), Some(2.85), "万户"),
        ];
        let svg = progress("x", "<b>标题</b>", &bars, &strings()).unwrap();
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;标题&lt;/b&gt;"));
        let text = texts(&svg);
        assert!(text.contains(&"156.25 / 156 亿元 · 100.2%".to_string()));
        assert!(text.contains(&"2.85 / 5.7 万户 · 50%".to_string()));
        assert!(text.contains(&"1000000000000 / 1 万户 · 100000000000000%".to_string()));
        // The axis stops at 300%; the huge bar is cut there, not stretched.
        assert!(text.contains(&"300%".to_string()));
        assert!(filled_rects(&svg).iter().all(|(x, w, _)| x + w <= 388));
    }

    #[test]
    fn one_place_and_sixty_places_each_get_a_row() {
        let one = progress(
            "one",
            "t",
            &[bar("东湖区", Some(3.0), Some(1.0), "个")],
            &strings(),
        );
        assert_eq!(filled_rects(&one.unwrap()).len(), 1);
        let many: Vec<Bar> = (0..60)
            .map(|i| {
                let name = format!("第{i}号新区城市更新重点片区（含老城街道与滨河新城）");
                bar(&name, Some(10.0), Some(f64::from(i)), "个")
            })
            .collect();
        let svg = progress("many", "t", &many, &strings()).unwrap();
        assert_eq!(filled_rects(&svg).len(), 60);
        let text = texts(&svg);
        for i in 0..60 {
            // Long names wrap; every piece fits beside the figures.
            let name = format!("第{i}号新区城市更新重点片区（含老城街道与滨河新城）");
            let at = text
                .iter()
                .position(|t| name.starts_with(t.as_str()) && t.starts_with(&format!("第{i}号")))
                .unwrap();
            let joined: String = text[at..at + 2].concat();
            assert_eq!(joined, name);
            assert!(
                text[at..at + 2]
                    .iter()
                    .all(|t| text_width(t, FONT) <= 376.0)
            );
        }
        let height: u32 = svg
            .split("height=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(height > 60 * (2 * LINE + BAR) as u32, "{height}");
    }

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

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn over_time_plots_each_date_against_target_and_deadline() {
        let series = Series {
            place: "东湖区".into(),
            unit: "个".into(),
            target: Some(18.0),
            start: date("2025").first_day(),
            deadline: Some(date("2025-12-31")),
            points: vec![
                (date("2025-06-30"), 6.0),
                (date("2025-09-30"), 13.0),
                (date("2025-12-31"), 18.0),
            ],
        };
        let svg = over_time("chart-time-donghu", "东湖区历次完成数", &series, &strings()).unwrap();
        assert!(svg.contains("role=\"img\" aria-labelledby=\"chart-time-donghu-title\""));
        assert_eq!(svg.matches("<circle").count(), 3);
        // One dashed target line, one dotted deadline.
        assert_eq!(svg.matches("stroke-dasharray=\"5 4\"").count(), 1);
        assert_eq!(svg.matches("stroke-dasharray=\"3 3\"").count(), 1);
        let text = texts(&svg);
        for label in [
            "6",
            "13",
            "18",
            "目标 18 个",
            "完成期限 2025-12-31",
            "2025-01",
            "2025-10",
        ] {
            assert!(text.iter().any(|t| t == label), "{label} not in {text:?}");
        }
        // The value axis starts at zero.
        assert!(text.iter().any(|t| t == "0"));
        let desc = svg.split("<desc").nth(1).unwrap();
        assert!(desc.contains("东湖区历次完成数：2025-06-30 6个，2025-09-30 13个，2025-12-31 18个。目标为18个。完成期限为2025-12-31。"));
        let single = Series {
            points: vec![(date("2025-06-30"), 6.0)],
            ..series.clone()
        };
        assert!(over_time("s", "t", &single, &strings()).is_some());
        let empty = Series {
            points: Vec::new(),
            ..series
        };
        assert_eq!(over_time("e", "t", &empty, &strings()), None);
    }

    #[test]
    fn summary_counts_each_pace_with_legend_and_texture() {
        let rows = [
            Tally {
                label: "明川市 东湖区".into(),
                counts: [3, 1, 1, 2, 0],
            },
            Tally {
                label: "明川市 南岭区".into(),
                counts: [0, 0, 5, 0, 1],
            },
        ];
        let svg = summary("chart-summary", "各地区指标进度", &rows, &strings()).unwrap();
        let text = texts(&svg);
        for label in [
            "已完成",
            "按期推进",
            "进度落后",
            "暂无数据",
            "无目标",
            "明川市 东湖区",
            "共 7 项",
            "共 6 项",
            "3",
            "5",
        ] {
            assert!(text.iter().any(|t| t == label), "{label} not in {text:?}");
        }
        // "Behind" is hatched in its colour, not only filled with it.
        assert!(svg.matches("stroke=\"#B35C00\"").count() > 10);
        let desc = svg.split("<desc").nth(1).unwrap();
        assert!(desc.contains(
            "2个地区共13项指标：已完成3项，按期推进1项，进度落后6项，暂无数据2项，无目标1项。"
        ));
    }
}
