//! The drawing surface every chart shares: sizes and colours, a plotters
//! drawing area on our SVG backend with the few shapes the charts need, the
//! accessible `<svg>` wrapper, and the label-and-figures layout of one
//! bar's row.

pub(super) use super::backend::Dash;
use super::backend::{Hatch, Svg, TEXT_DEFAULTS};
use super::text::{text_width, wrap};
use crate::i18n::{Strings, ui as t};
pub(super) use crate::markup::escape;
use crate::model::Pace;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The two layouts every chart is drawn in, both placed in the page: the
/// theme shows the narrow one where the chart's box holds fewer than about
/// twenty characters of the reader's chosen text size (a phone with large
/// text or elder mode), so that the chart's text grows with the chosen
/// size instead of shrinking with the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Frame {
    /// Width in SVG units; the text keeps its size in units, so a
    /// narrower frame shown at the same width draws larger text.
    pub(super) width: i32,
    /// Added to the chart's id, and its class.
    suffix: &'static str,
    class: &'static str,
}

pub(super) const WIDE: Frame = Frame {
    width: 400,
    suffix: "",
    class: "wide",
};
pub(super) const NARROW: Frame = Frame {
    width: 260,
    suffix: "-narrow",
    class: "narrow",
};

/// A chart drawn in both frames; `None` if either cannot be drawn.
pub(super) fn both(draw: impl Fn(Frame) -> Option<String>) -> Option<super::Frames> {
    Some(super::Frames {
        wide: draw(WIDE)?,
        narrow: draw(NARROW)?,
    })
}
pub(super) const PAD: i32 = 12;
pub(super) const FONT: f64 = 16.0;
pub(super) const SMALL: f64 = 14.0;
pub(super) const LINE: i32 = 21;
pub(super) const BAR: i32 = 14;
pub(super) const GAP: i32 = 14;
/// The widest progress axis drawn; bars beyond it are cut with a break mark.
pub(super) const MAX_PERCENT: f64 = 300.0;

/// Colours, chosen to stay apart for colour-blind readers (blue against
/// orange, dark against light) and to reach 3:1 against white as graphics
/// and 4.5:1 as text.
pub(super) const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
pub(super) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub(super) const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
pub(super) const OUTLINE: RGBColor = RGBColor(0x76, 0x76, 0x76);
pub(super) const DONE: RGBColor = RGBColor(0x0b, 0x4f, 0x8a);
pub(super) const ON_TRACK: RGBColor = RGBColor(0x4f, 0x86, 0xc0);
pub(super) const NO_TARGET: RGBColor = RGBColor(0xe3, 0xe6, 0xea);

pub(super) type Drawn = Result<(), String>;

/// The drawing surface: a plotters drawing area in SVG units, with the few
/// shapes the charts need.
pub(super) struct Canvas<'a> {
    pub(super) area: DrawingArea<Svg<'a>, Shift>,
}

pub(super) fn failed(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl Canvas<'_> {
    pub(super) fn text(
        &self,
        text: &str,
        at: (i32, i32),
        px: f64,
        anchor: HPos,
        colour: RGBColor,
    ) -> Drawn {
        self.styled_text(text, at, px, anchor, colour, FontStyle::Normal)
    }

    pub(super) fn styled_text(
        &self,
        text: &str,
        at: (i32, i32),
        px: f64,
        anchor: HPos,
        colour: RGBColor,
        weight: FontStyle,
    ) -> Drawn {
        self.label(text, at, px, Pos::new(anchor, VPos::Center), colour, weight)
    }

    /// Text placed by `pos` relative to `at`.
    pub(super) fn label(
        &self,
        text: &str,
        at: (i32, i32),
        px: f64,
        pos: Pos,
        colour: RGBColor,
        weight: FontStyle,
    ) -> Drawn {
        // The SVG backend writes size / 1.24 as the font size.
        let style = ("sans-serif", px * 1.24, weight)
            .into_font()
            .color(&colour)
            .pos(pos);
        self.area.draw(&Text::new(text, at, style)).map_err(failed)
    }

    /// A filled dot.
    pub(super) fn dot(&self, at: (i32, i32), radius: u32, colour: RGBColor) -> Drawn {
        self.area
            .draw(&Circle::new(at, radius, colour.filled()))
            .map_err(failed)
    }

    /// A line through `points`.
    pub(super) fn path(&self, points: Vec<(i32, i32)>, colour: RGBColor, width: u32) -> Drawn {
        self.area
            .draw(&PathElement::new(points, colour.stroke_width(width)))
            .map_err(failed)
    }

    pub(super) fn rect(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        colour: RGBColor,
        filled: bool,
    ) -> Drawn {
        let style = if filled {
            colour.filled()
        } else {
            colour.stroke_width(1)
        };
        self.area
            .draw(&Rectangle::new([from, to], style))
            .map_err(failed)
    }

    pub(super) fn line(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        colour: RGBColor,
        width: u32,
    ) -> Drawn {
        self.path(vec![from, to], colour, width)
    }

    pub(super) fn dashed(&self, points: Vec<(i32, i32)>, dash: Dash, width: u32) -> Drawn {
        self.area
            .draw(&PathElement::new(
                points,
                dash.stand_in().stroke_width(width),
            ))
            .map_err(failed)
    }

    /// An empty box with a dashed outline: a target with nothing reported.
    pub(super) fn dashed_box(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> Drawn {
        let corners = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
        self.dashed(corners, Dash::Empty, 1)
    }

    /// A box hatched with `hatch` (lines 6 units apart at 45 degrees,
    /// one way or both), with its outline in the same colour.
    pub(super) fn hatched(&self, from: (i32, i32), to: (i32, i32), hatch: Hatch) -> Drawn {
        self.rect(from, to, hatch.stand_in(), true)
    }

    /// The box a pace is drawn as, the same in every chart and legend:
    /// done and on track filled (dark and light), behind hatched, overdue
    /// hatched both ways in red, no data an empty dashed box, no target a
    /// pale grey box.
    pub(super) fn pace(&self, pace: Pace, from: (i32, i32), to: (i32, i32)) -> Drawn {
        match pace {
            Pace::Done => self.rect(from, to, DONE, true),
            Pace::OnTrack => self.rect(from, to, ON_TRACK, true),
            Pace::Behind => self.hatched(from, to, Hatch::Behind),
            Pace::Overdue => self.hatched(from, to, Hatch::Overdue),
            Pace::NoData => self.dashed_box(from, to),
            Pace::NoTarget => {
                self.rect(from, to, NO_TARGET, true)?;
                self.rect(from, to, OUTLINE, false)
            }
        }
    }
}

/// A legend of paces across the top of a chart: each pace's box and
/// name, wrapped as a line of text would be.
pub(super) struct Legend {
    items: Vec<(Pace, (i32, i32))>,
    /// Where the legend ends, downwards.
    pub bottom: i32,
}

impl Legend {
    pub fn new(frame: Frame, paces: &[Pace], strings: &Strings) -> Legend {
        let (left, right) = (PAD, frame.width - PAD);
        let mut items = Vec::new();
        let (mut x, mut y) = (left, PAD + LINE / 2);
        for &pace in paces {
            let w = 20 + text_width(&t(strings, pace.key()), SMALL).ceil() as i32;
            if x + w > right {
                x = left;
                y += LINE;
            }
            items.push((pace, (x, y)));
            x += w + 14;
        }
        Legend {
            items,
            bottom: y + LINE / 2,
        }
    }

    pub fn draw(&self, c: &Canvas, strings: &Strings) -> Drawn {
        for &(pace, (x, y)) in &self.items {
            c.pace(pace, (x, y - 7), (x + 14, y + 7))?;
            c.text(&t(strings, pace.key()), (x + 20, y), SMALL, HPos::Left, INK)?;
        }
        Ok(())
    }
}

/// Draws a chart of `height` units in `frame` as an accessible `<svg>`.
pub(super) fn svg(
    frame: Frame,
    id: &str,
    title: &str,
    desc: &str,
    height: i32,
    draw: impl FnOnce(&Canvas) -> Drawn,
) -> Option<String> {
    let height = u32::try_from(height.max(1)).ok()?;
    let width = u32::try_from(frame.width).ok()?;
    let id = format!("{}{}", id_safe(id), frame.suffix);
    let class = frame.class;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg {class}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" {TEXT_DEFAULTS}>\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc),
    );
    let head = out.len();
    let used = std::cell::Cell::new(0);
    {
        let area = Svg::new(&mut out, (width, height), &id, &used).into_drawing_area();
        let canvas = Canvas { area };
        draw(&canvas).ok()?;
    }
    let defs = Hatch::defs(&id, used.get());
    out.insert_str(head, &defs);
    out.push_str("</svg>\n");
    Some(out)
}

pub(super) fn id_safe(id: &str) -> String {
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

/// Where a row's label goes and how its figures are written beside it.
pub(super) struct RowText {
    lines: Vec<String>,
    /// The figures: one line beside the label's first, or (when too wide
    /// to share it) lines of their own below the label.
    figures: Vec<String>,
    figures_below: bool,
    /// The right end of the row: the frame's width less its margin.
    right: i32,
}

impl RowText {
    pub(super) fn new(frame: Frame, label: &str, figures: String) -> RowText {
        let right = frame.width - PAD;
        let room = f64::from(right - PAD);
        let figures_width = text_width(&figures, SMALL);
        let figures_below = figures_width + 120.0 > room;
        let (label_room, figures) = match figures_below {
            true => (room, wrap(&figures, SMALL, room)),
            false => (room - figures_width - 12.0, vec![figures]),
        };
        RowText {
            lines: wrap(label, FONT, label_room),
            figures,
            figures_below,
            right,
        }
    }

    pub(super) fn height(&self) -> i32 {
        let below = if self.figures_below {
            self.figures.len()
        } else {
            0
        };
        (self.lines.len() + below) as i32 * LINE
    }

    /// Draws the label and figures from `top`; returns where the bar goes.
    pub(super) fn draw(&self, c: &Canvas, top: i32) -> Result<i32, String> {
        let mut y = top + LINE / 2;
        for line in &self.lines {
            c.text(line, (PAD, y), FONT, HPos::Left, INK)?;
            y += LINE;
        }
        if self.figures_below {
            for line in &self.figures {
                c.text(line, (PAD, y), SMALL, HPos::Left, INK)?;
                y += LINE;
            }
        } else if let Some(figures) = self.figures.first() {
            let at = (self.right, top + LINE / 2);
            c.text(figures, at, SMALL, HPos::Right, INK)?;
        }
        Ok(top + self.height())
    }
}
