//! One place's actuals of a metric by date, against its target and deadline.

use super::canvas::*;
use super::text::text_width;
use super::{Date, Figure, Series};
use crate::i18n::{Strings, fill, number, ui as t};
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Month starts between `from` and `to` (days), spaced so that at most
/// `most` are labelled.
fn month_ticks(from: i64, to: i64, most: i64) -> (Vec<i64>, bool) {
    let first = Date::from_days(from);
    let months = (to - from) / 30 + 1;
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| months / s <= most)
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

/// Up to five round values from zero to `end` for the value axis: steps of
/// 1, 2 or 5 times a power of ten.
fn value_ticks(end: f64) -> Vec<f64> {
    let rough = end / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= rough)
        .unwrap_or(10.0 * power);
    (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|&v| v <= end + step * 1e-9)
        .take(6)
        .collect()
}

/// A place's actuals by date, with its target and deadline.
///
/// Drawn with plotters' primitives on a frame of our own rather than
/// plotters' chart builder: the frame needs a handful of lines and labels,
/// and a metric page carries one such chart per place, so this is the
/// chart a large site draws most often.
pub fn over_time(
    id: &str,
    title: &str,
    series: &Series,
    strings: &Strings,
) -> Option<super::Frames> {
    let desc = time_desc(series, strings);
    both(|frame| over_time_in(frame, id, title, &desc, series, strings))
}

/// [`over_time`] in one frame, described by `desc`.
fn over_time_in(
    frame: Frame,
    id: &str,
    title: &str,
    desc: &str,
    series: &Series,
    strings: &Strings,
) -> Option<String> {
    let points: Vec<(i64, f64)> = series
        .points
        .iter()
        .map(|(d, v)| (d.last_day(), v.get()))
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
        .chain(series.target.map(Figure::get))
        .fold(0.0_f64, f64::max);
    let y_end = if top > 0.0 { top * 1.15 } else { 1.0 };
    // A date label is about 55 units wide: six fit the wide frame.
    let (ticks, years_only) = month_ticks(lo, hi, i64::from(frame.width / 66).min(6));
    let height = 240;
    let y_ticks: Vec<(f64, String)> = value_ticks(y_end)
        .into_iter()
        .map(|v| (v, crate::i18n::grouped(&number(v))))
        .collect();
    let y_area = y_ticks
        .iter()
        .map(|(_, l)| text_width(l, SMALL))
        .fold(0.0, f64::max)
        .ceil() as i32
        + 10;
    let y_area = y_area.clamp(24, frame.width / 3);
    // The plotting frame, in SVG units.
    let (left, right) = (PAD + y_area, frame.width - PAD - 9);
    let (upper, lower) = (30, height - 6 - 27);
    let x = |day: i64| {
        left + ((day - lo) as f64 / (hi - lo) as f64 * f64::from(right - left)).round() as i32
    };
    let y = |v: f64| lower - (v / y_end * f64::from(lower - upper)).round() as i32;
    svg(frame, id, title, desc, height, |c| {
        let muted = |text: &str, at, pos| c.label(text, at, SMALL, pos, MUTED, FontStyle::Normal);
        for (v, _) in &y_ticks {
            c.line((left, y(*v)), (right, y(*v)), GRID, 1)?;
        }
        // Each axis is one line that steps out to each of its ticks.
        let mut axis = vec![(left - 1, upper)];
        for (v, label) in y_ticks.iter().rev() {
            axis.extend([(left - 1, y(*v)), (left - 6, y(*v)), (left - 1, y(*v))]);
            muted(
                label,
                (left - 9, y(*v)),
                Pos::new(HPos::Right, VPos::Center),
            )?;
        }
        axis.push((left - 1, lower));
        c.path(axis, OUTLINE, 1)?;
        let mut axis = vec![(left, lower + 1)];
        for &day in &ticks {
            let date = Date::from_days(day);
            let label = if years_only {
                date.year.to_string()
            } else {
                format!("{}-{:02}", date.year, date.month.unwrap_or(1))
            };
            muted(
                &label,
                (x(day), lower + 11),
                Pos::new(HPos::Center, VPos::Top),
            )?;
            axis.extend([
                (x(day), lower + 1),
                (x(day), lower + 6),
                (x(day), lower + 1),
            ]);
        }
        axis.push((right, lower + 1));
        c.path(axis, OUTLINE, 1)?;
        if let Some(target) = series.target {
            let at = y(target.get());
            c.dashed(vec![(left, at), (right, at)], Dash::Target, 2)?;
            let label = format!(
                "{} {} {}",
                t(strings, "target"),
                target.grouped(),
                series.unit
            );
            let pos = Pos::new(HPos::Left, VPos::Bottom);
            c.label(&label, (left + 4, at - 4), SMALL, pos, INK, FontStyle::Bold)?;
        }
        if let Some(deadline) = deadline {
            let at = x(deadline);
            c.dashed(vec![(at, lower), (at, upper)], Dash::Deadline, 1)?;
            let date = series.deadline.map(|d| d.to_string()).unwrap_or_default();
            let label = format!("{} {date}", t(strings, "deadline"));
            // Beside its line, on whichever side it fits, else as near
            // as the frame allows.
            let wide = text_width(&label, SMALL).ceil() as i32;
            let (x, anchor) = if at + wide <= frame.width - PAD {
                (at, HPos::Left)
            } else if at - wide >= PAD {
                (at, HPos::Right)
            } else {
                (PAD.max(frame.width - PAD - wide), HPos::Left)
            };
            c.text(&label, (x, 14), SMALL, anchor, INK)?;
        }
        let line: Vec<(i32, i32)> = points.iter().map(|&(d, v)| (x(d), y(v))).collect();
        c.path(line.clone(), DONE, 2)?;
        for (&(px, py), (_, v)) in line.iter().zip(&series.points) {
            c.dot((px, py), 4, DONE)?;
            let pos = Pos::new(HPos::Center, VPos::Bottom);
            c.label(
                &v.grouped(),
                (px, py - 8),
                SMALL,
                pos,
                INK,
                FontStyle::Normal,
            )?;
        }
        Ok(())
    })
}

fn time_desc(series: &Series, strings: &Strings) -> String {
    let unit = &series.unit;
    let points: Vec<String> = series
        .points
        .iter()
        .map(|(d, v)| format!("{d} {}{unit}", v.grouped()))
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
            &[("target", format!("{}{unit}", target.grouped()))],
        ));
    }
    if let Some(deadline) = series.deadline {
        desc.push_str(&fill(
            &t(strings, "chart_time_deadline"),
            &[("deadline", deadline.to_string())],
        ));
    }
    if series.earlier > 0 {
        desc.push_str(&fill(
            &t(strings, "chart_time_latest"),
            &[
                ("shown", series.points.len().to_string()),
                ("earlier", series.earlier.to_string()),
            ],
        ));
    }
    desc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_deadline_stays_inside_either_frame_wherever_it_falls() {
        // Figures after the deadline put its line mid-chart.
        for (deadline, points) in [
            ("2024-12-31", ["2024-06-30", "2025-06-30", "2026-06-30"]),
            ("2025-03-31", ["2024-06-30", "2025-06-30", "2025-09-30"]),
            ("2025-12-31", ["2025-03-31", "2025-06-30", "2025-09-30"]),
        ] {
            let series = Series {
                place: "东湖区".into(),
                unit: "公里".into(),
                target: Some(fig(12.5)),
                start: date("2024-01-01").first_day(),
                deadline: Some(date(deadline)),
                points: points.iter().map(|d| (date(d), fig(6.0))).collect(),
                earlier: 0,
            };
            let frames = over_time("t", "t", &series, &strings()).unwrap();
            for (frame, svg) in [(WIDE, frames.wide), (NARROW, frames.narrow)] {
                let tag = (svg.split("<text").skip(1))
                    .find(|t| t.contains("完成期限"))
                    .unwrap();
                let number = |name: &str| -> i32 {
                    let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    tag[at..].split('"').next().unwrap().parse().unwrap()
                };
                let wide = text_width(&format!("完成期限 {deadline}"), SMALL).ceil() as i32;
                let start = match tag.contains("text-anchor=\"end\"") {
                    true => number("x") - wide,
                    false => number("x"),
                };
                assert!(
                    start >= PAD && start + wide <= frame.width - PAD,
                    "{deadline} in {}: {start}..{}",
                    frame.width,
                    start + wide
                );
            }
        }
    }

    #[test]
    fn over_time_plots_each_date_against_target_and_deadline() {
        let series = Series {
            place: "东湖区".into(),
            unit: "个".into(),
            target: Some(fig(18.0)),
            start: date("2025").first_day(),
            deadline: Some(date("2025-12-31")),
            points: vec![
                (date("2025-06-30"), fig(6.0)),
                (date("2025-09-30"), fig(13.0)),
                (date("2025-12-31"), fig(18.0)),
            ],
            earlier: 0,
        };
        let svg = over_time("chart-time-donghu", "东湖区历次完成数", &series, &strings())
            .map(|f| f.wide)
            .unwrap();
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
            points: vec![(date("2025-06-30"), fig(6.0))],
            ..series.clone()
        };
        assert!(
            over_time("s", "t", &single, &strings())
                .map(|f| f.wide)
                .is_some()
        );
        let empty = Series {
            points: Vec::new(),
            ..series
        };
        assert_eq!(
            over_time("e", "t", &empty, &strings()).map(|f| f.wide),
            None
        );
    }
}
