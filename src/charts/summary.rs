//! The pace summary: one stacked bar per place, counting its metrics done,
//! on track, behind, without data and without a target.

use super::Tally;
use super::canvas::*;
use super::text::text_width;
use crate::i18n::{Strings, fill, ui as t};
use crate::model::Pace;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// Stacked bars, one per place, of how many metrics are at each pace.
pub fn summary(id: &str, title: &str, rows: &[Tally], strings: &Strings) -> Option<super::Frames> {
    if rows.is_empty() {
        return None;
    }
    let desc = summary_desc(rows, strings);
    both(|frame| summary_in(frame, id, title, &desc, rows, strings))
}

/// [`summary`] in one frame, described by `desc`.
fn summary_in(
    frame: Frame,
    id: &str,
    title: &str,
    desc: &str,
    rows: &[Tally],
    strings: &Strings,
) -> Option<String> {
    let (left, right) = (PAD, frame.width - PAD);
    let legend = Legend::new(frame, &Pace::ALL, strings);
    let header = legend.bottom + 10;
    let texts: Vec<RowText> = rows
        .iter()
        .map(|r| {
            let total = r.counts.iter().sum::<usize>().to_string();
            RowText::new(
                frame,
                &r.label,
                fill(&t(strings, "chart_total"), &[("n", total)]),
            )
        })
        .collect();
    let height = header
        + texts
            .iter()
            .map(|r| r.height() + BAR + 4 + GAP)
            .sum::<i32>()
        + PAD;
    svg(frame, id, title, desc, height, |c| {
        legend.draw(c, strings)?;
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
                // Each bar is its own place's whole, so that a place with 8
                // indicators beside one with 246 is as readable; the totals
                // are written beside the names.
                let whole = row.counts.iter().sum::<usize>().max(1);
                let x0 = left + (done as f64 / whole as f64 * span).round() as i32;
                done += count;
                let x1 = left + (done as f64 / whole as f64 * span).round() as i32;
                c.pace(pace, (x0, top), (x1, bottom))?;
                let label = count.to_string();
                if text_width(&label, SMALL) + 6.0 <= f64::from(x1 - x0) {
                    let ink = if matches!(pace, Pace::Done) {
                        WHITE
                    } else {
                        INK
                    };
                    let middle = ((x0 + x1) / 2, (top + bottom) / 2);
                    // Hatching: give its count a plain ground.
                    if matches!(pace, Pace::Behind | Pace::Overdue) {
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
            ("overdue", total(3)),
            ("no_data", total(4)),
            ("no_target", total(5)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;

    #[test]
    fn summary_counts_each_pace_with_legend_and_texture() {
        let rows = [
            Tally {
                label: "明川市 东湖区".into(),
                counts: [3, 1, 1, 0, 2, 0],
            },
            Tally {
                label: "明川市 南岭区".into(),
                counts: [0, 0, 5, 0, 0, 1],
            },
        ];
        let svg = summary("chart-summary", "各地区指标进度", &rows, &strings())
            .map(|f| f.wide)
            .unwrap();
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
        // "Behind" is hatched in its colour, not only filled with it: one
        // pattern, defined once, fills every box.
        assert_eq!(
            svg.matches("<pattern id=\"chart-summary-behind\"").count(),
            1
        );
        assert!(
            svg.matches("fill=\"url(#chart-summary-behind)\" stroke=\"#B35C00\"")
                .count()
                >= 3
        );
        let desc = svg.split("<desc").nth(1).unwrap();
        assert!(desc.contains(
            "2个地区按地区计共13项：已完成3项，按期推进1项，进度落后6项，逾期未完成0项，暂无数据2项，无目标1项。"
        ));
        // Overdue is hatched both ways in its own red.
        let overdue = [Tally {
            label: "明川市".into(),
            counts: [0, 0, 0, 4, 0, 0],
        }];
        let svg = summary("s", "t", &overdue, &strings())
            .map(|f| f.wide)
            .unwrap();
        assert!(svg.contains("<pattern id=\"s-overdue\""));
        assert!(svg.contains("fill=\"url(#s-overdue)\" stroke=\"#A31F24\""));
        assert!(texts(&svg).iter().any(|t| t == "逾期未完成"));
    }
}
