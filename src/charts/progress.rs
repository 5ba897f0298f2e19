//! Progress bars: one per place or per metric, the actual as a share of
//! the target, with the target marked at 100% on each bar.

use super::Bar;
use super::canvas::*;
use crate::i18n::{Strings, fill, percent, share, ui as t};
use crate::model::{Basis, Pace};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// Figures written beside a progress bar: "110 / 194 个 · 56.7%".
fn bar_figures(bar: &Bar, strings: &Strings) -> String {
    let unit = &bar.unit;
    if bar.basis == Basis::InDistricts {
        let target = bar
            .target
            .map(|target| format!("{} {} {unit} · ", t(strings, "target"), target.grouped()))
            .unwrap_or_default();
        return format!("{target}{}", t(strings, "standing_in-districts"));
    }
    let total = if bar.basis == Basis::DistrictTotal {
        t(strings, "district_total")
    } else {
        String::new()
    };
    let grouped = |f: Option<crate::model::Figure>| f.map(crate::model::Figure::grouped);
    match (grouped(bar.target), grouped(bar.actual)) {
        (Some(target), Some(actual)) => {
            let share = bar
                .progress
                .map(|p| format!(" · {}", share(p)))
                .unwrap_or_default();
            format!("{actual}{total} / {target} {unit}{share}")
        }
        // What no figure means here: no data yet, overdue, or (a target of
        // 0) no target.
        (Some(target), None) => format!(
            "{} {target} {unit} · {}",
            t(strings, "target"),
            t(strings, bar.pace.key())
        ),
        (None, Some(actual)) => {
            format!("{actual}{total} {unit} · {}", t(strings, "chart_no_target"))
        }
        (None, None) => t(strings, Pace::NoData.key()),
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
pub fn progress(id: &str, title: &str, bars: &[Bar], strings: &Strings) -> Option<super::Frames> {
    if bars.is_empty() {
        return None;
    }
    let desc = progress_desc(title, bars, strings);
    let figures: Vec<String> = bars.iter().map(|b| bar_figures(b, strings)).collect();
    both(|frame| progress_in(frame, id, title, &desc, bars, &figures, strings))
}

/// [`progress`] in one frame, described by `desc`, each bar's figures
/// written as `figures` says.
fn progress_in(
    frame: Frame,
    id: &str,
    title: &str,
    desc: &str,
    bars: &[Bar],
    figures: &[String],
    strings: &Strings,
) -> Option<String> {
    let end = axis_end(bars);
    let (left, right) = (PAD, frame.width - PAD);
    let x = |p: f64| left + ((p.min(end) / end) * f64::from(right - left)).round() as i32;
    // The legend names the paces the bars are drawn in (a bar without a
    // target says so in words).
    let drawn: Vec<Pace> = (Pace::ALL.into_iter())
        .filter(|&pace| pace != Pace::NoTarget)
        .filter(|&pace| {
            bars.iter()
                .any(|b| b.basis != Basis::InDistricts && b.pace == pace)
        })
        .collect();
    let legend = Legend::new(frame, &drawn, strings);
    let scale = legend.bottom + 6;
    let header = scale + 44;
    let rows: Vec<RowText> = bars
        .iter()
        .zip(figures)
        .map(|(b, figures)| RowText::new(frame, &b.label, figures.clone()))
        .collect();
    let height = header + rows.iter().map(|r| r.height() + BAR + GAP).sum::<i32>() + PAD;
    svg(frame, id, title, desc, height, |c| {
        legend.draw(c, strings)?;
        // Scale: the target above its line, then ticks every 50%.
        let target_x = x(100.0);
        let anchor = if end > 100.0 {
            HPos::Center
        } else {
            HPos::Right
        };
        c.styled_text(
            &t(strings, "target"),
            (target_x, scale + 12),
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
            c.text(&percent(tick), (x(tick), scale + 30), SMALL, anchor, MUTED)?;
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
                    // A measured zero still gets a sliver, unlike "no data".
                    let tip = x(p).max(left + 2);
                    c.pace(bar.pace, (left, top), (tip, bottom))?;
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
                (Some(target), None, None) if !target.is_zero() => {
                    c.dashed_box((left, top), (target_x, bottom))?;
                    // Overdue with nothing reported: its mark at the start.
                    if bar.pace == Pace::Overdue {
                        c.pace(Pace::Overdue, (left, top), (left + BAR, bottom))?;
                    }
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
            if bar.target.is_some_and(|t| !t.is_zero()) {
                c.line((target_x, top - 4), (target_x, bottom + 4), INK, 2)?;
            }
            y = bottom + GAP;
        }
        c.line((left, header - 4), (left, height - PAD), OUTLINE, 1)
    })
}

/// "共5项：已完成2项……进度最高的是经开区（145%），最低的是南陵区（40%）。"
fn progress_desc(title: &str, bars: &[Bar], strings: &Strings) -> String {
    let counted: Vec<&Bar> = bars
        .iter()
        .filter(|b| b.basis != Basis::InDistricts)
        .collect();
    let count = |pace: Pace| counted.iter().filter(|b| b.pace == pace).count();
    let mut desc = fill(
        &t(strings, "chart_progress_desc"),
        &[
            ("title", title.to_string()),
            ("count", counted.len().to_string()),
            ("done", count(Pace::Done).to_string()),
            ("on_track", count(Pace::OnTrack).to_string()),
            ("behind", count(Pace::Behind).to_string()),
            ("overdue", count(Pace::Overdue).to_string()),
            ("no_data", count(Pace::NoData).to_string()),
            ("no_target", count(Pace::NoTarget).to_string()),
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
                ("top_value", share(top.1)),
                ("bottom", bottom.0.label.clone()),
                ("bottom_value", share(bottom.1)),
            ],
        ));
    }
    desc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::charts::text::text_width;

    fn bar(label: &str, target: Option<f64>, actual: Option<f64>, unit: &str) -> Bar {
        let (target, actual) = (target.map(fig), actual.map(fig));
        let standing = crate::model::Standing::new(None, target, actual, None);
        Bar {
            label: label.into(),
            target,
            actual,
            unit: unit.into(),
            progress: standing.progress,
            pace: match standing.status {
                crate::model::Status::Done => Pace::Done,
                crate::model::Status::InProgress => Pace::Behind,
                crate::model::Status::NoData => Pace::NoData,
                crate::model::Status::Reported => Pace::NoTarget,
            },
            basis: standing.basis,
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
        let svg = progress("chart-progress", "老旧小区", &example_bars(), &strings())
            .map(|f| f.wide)
            .unwrap();
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
            "3,553 户 · 无目标",
            "0 / 0 个",
            "目标为 0，不计算进度",
            "150%",
        ] {
            assert!(text.iter().any(|t| t == label), "{label} not in {text:?}");
        }
        // The axis runs to 150%, so over 376 units: 77.8% is 195 units and
        // 145% runs past the 100% mark (251 units) to 363. The place with
        // no data, the one without a target and the zero target get no bar.
        // Done is filled; behind is hatched inside its outline, as in
        // the legend above the bars.
        assert_eq!(
            bars(&svg, false),
            [
                (12, 251, "#0B4F8A".to_string()),
                (12, 363, "#0B4F8A".to_string()),
            ]
        );
        assert!(bars(&svg, true).contains(&(12, 195, "#B35C00".to_string())));
        for legend in ["已完成", "进度落后", "暂无数据"] {
            assert!(text.iter().any(|t| t == legend), "legend {legend}");
        }
        assert!(
            !text.iter().any(|t| t == "按期推进"),
            "only the paces drawn"
        );
        // Only the patterns drawn are defined.
        assert!(svg.contains("<pattern id=\"chart-progress-behind\""));
        assert!(!svg.contains("chart-progress-overdue"));
        let desc = svg.split("<desc").nth(1).unwrap();
        assert!(desc.contains(
            "共6项，已完成2项，按期推进0项，进度落后1项，逾期未完成0项，暂无数据1项，无目标2项"
        ));
        assert!(desc.contains("进度最高的是明川经济技术开发区（145%），最低的是南岭区（77.8%）"));
        assert_eq!(
            svg,
            progress("chart-progress", "老旧小区", &example_bars(), &strings())
                .map(|f| f.wide)
                .unwrap()
        );
    }

    #[test]
    fn a_measured_zero_differs_from_no_data() {
        let zero = progress(
            "z",
            "t",
            &[bar("东湖区", Some(10.0), Some(0.0), "个")],
            &strings(),
        )
        .map(|f| f.wide);
        let none = progress(
            "n",
            "t",
            &[bar("东湖区", Some(10.0), None, "个")],
            &strings(),
        )
        .map(|f| f.wide);
        let (zero, none) = (zero.unwrap(), none.unwrap());
        assert_eq!(bars(&zero, true), [(12, 2, "#B35C00".to_string())]);
        assert!(texts(&zero).contains(&"0 / 10 个 · 0%".to_string()));
        assert_eq!(bars(&none, false), []);
        // The empty box is one dashed outline, as is its legend's swatch.
        assert_eq!(
            none.matches("stroke=\"#767676\" stroke-dasharray=\"5 4\"")
                .count(),
            2
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
        let svg = progress("x", "<b>标题</b>", &bars, &strings())
            .map(|f| f.wide)
            .unwrap();
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;标题&lt;/b&gt;"));
        let text = texts(&svg);
        assert!(text.contains(&"156.25 / 156 亿元 · 100.2%".to_string()));
        assert!(text.contains(&"2.85 / 5.7 万户 · 50%".to_string()));
        assert!(text.contains(&"1,000,000,000,000 / 1 万户 · 100000000000000%".to_string()));
        // The axis stops at 300%; the huge bar is cut there, not stretched.
        assert!(text.contains(&"300%".to_string()));
        assert!(filled_rects(&svg).iter().all(|(x, w, _)| x + w <= 388));
    }

    #[test]
    fn the_narrow_frame_draws_the_same_bars_and_words_in_larger_text() {
        let frames = progress("chart-progress", "老旧小区", &example_bars(), &strings()).unwrap();
        let (wide, narrow) = (frames.wide.as_str(), frames.narrow.as_str());
        assert!(wide.contains("class=\"chart-svg wide\" width=\"400\""));
        assert!(narrow.contains("class=\"chart-svg narrow\" width=\"260\""));
        // Ids stay unique in the page: its title, description and patterns.
        assert!(narrow.contains("aria-labelledby=\"chart-progress-narrow-title\""));
        assert!(narrow.contains("<title id=\"chart-progress-narrow-title\">老旧小区</title>"));
        assert!(!narrow.contains("id=\"chart-progress-title\""));
        assert_eq!(wide.matches("<svg").count(), 1);
        // The same statuses in the same order, and the same words, wrapped
        // to the narrower frame: the text is the same size in units, so
        // it shows 400/260 times larger at the same width.
        let colours = |svg: &str| -> Vec<String> {
            let mut all = bars(svg, false);
            all.extend(bars(svg, true));
            all.into_iter().map(|(_, _, colour)| colour).collect()
        };
        assert_eq!(colours(wide), colours(narrow));
        assert_eq!(texts(wide).concat(), texts(narrow).concat());
        assert!(filled_rects(narrow).iter().all(|(x, w, _)| x + w <= 248));
    }

    #[test]
    fn one_place_and_sixty_places_each_get_a_row() {
        let one = progress(
            "one",
            "t",
            &[bar("东湖区", Some(3.0), Some(1.0), "个")],
            &strings(),
        )
        .map(|f| f.wide);
        assert_eq!(bars(&one.unwrap(), true).len(), 1);
        let many: Vec<Bar> = (0..60)
            .map(|i| {
                let name = format!("第{i}号新区城市更新重点片区（含老城街道与滨河新城）");
                bar(&name, Some(10.0), Some(f64::from(i)), "个")
            })
            .collect();
        let svg = progress("many", "t", &many, &strings())
            .map(|f| f.wide)
            .unwrap();
        // Ten behind (hatched, outlined), fifty done (filled).
        assert_eq!(bars(&svg, false).len(), 50);
        assert_eq!(bars(&svg, true).len(), 10);
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
}
