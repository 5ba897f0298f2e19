//! The SVG that charts are drawn into: a plotters drawing backend that
//! writes our markup directly.
//!
//! Charts use plotters' drawing API (areas, elements, styles); this backend
//! turns what they draw into SVG elements. It replaces plotters' own SVG
//! backend, which allocates a string per attribute and writes markup that
//! then needed a second pass to clean: an `opacity="1"` on every shape,
//! font sizes such as `14.000000000000002`, and one path per dash of a
//! dashed line. A large site draws hundreds of thousands of charts, and
//! measured with callgrind this backend writes a chart in a fraction of
//! the instructions.
//!
//! Dashed lines: plotters styles carry only a colour and a width, so each
//! kind of dashed line is drawn in a stand-in colour reserved for it (see
//! [`Dash`]) and written here with its real colour and a
//! `stroke-dasharray`.

use super::text::text_width;
use crate::i18n::number;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use std::fmt::Write;

/// The kinds of dashed line charts draw.
#[derive(Clone, Copy)]
pub(super) enum Dash {
    /// A target line.
    Target,
    /// A deadline: finer than a target.
    Deadline,
    /// The outline of a box with nothing reported.
    Empty,
}

impl Dash {
    /// The reserved colour it is drawn in, one step off its real colour.
    pub(super) fn stand_in(self) -> RGBColor {
        match self {
            Dash::Target => RGBColor(0x1a, 0x1a, 0x1b),
            Dash::Deadline => RGBColor(0x55, 0x55, 0x56),
            Dash::Empty => RGBColor(0x76, 0x76, 0x77),
        }
    }

    /// The stroke written for a stand-in colour.
    fn stroke(rgb: (u8, u8, u8)) -> Option<&'static str> {
        match rgb {
            (0x1a, 0x1a, 0x1b) => Some("stroke=\"#1A1A1A\" stroke-dasharray=\"5 4\""),
            (0x55, 0x55, 0x56) => Some("stroke=\"#555555\" stroke-dasharray=\"3 3\""),
            (0x76, 0x76, 0x77) => Some("stroke=\"#767676\" stroke-dasharray=\"5 4\""),
            _ => None,
        }
    }
}

/// The hatchings charts fill boxes with: plotters fills with a colour only,
/// so each is drawn as a filled box in a stand-in colour reserved for it
/// and written here as a fill with an SVG pattern (defined once per chart,
/// see [`Hatch::defs`]) and an outline in its real colour: one element a
/// box, however wide, instead of a line every 6 units.
#[derive(Clone, Copy)]
pub(super) enum Hatch {
    /// Lines one way: behind.
    Behind,
    /// Lines both ways: overdue.
    Overdue,
}

impl Hatch {
    pub(super) const ALL: [Hatch; 2] = [Hatch::Behind, Hatch::Overdue];

    /// The reserved colour it is drawn in, one step off its real colour.
    pub(super) fn stand_in(self) -> RGBColor {
        match self {
            Hatch::Behind => RGBColor(0xb3, 0x5c, 0x01),
            Hatch::Overdue => RGBColor(0xa3, 0x1f, 0x25),
        }
    }

    fn of(rgb: (u8, u8, u8)) -> Option<Hatch> {
        Hatch::ALL.into_iter().find(|h| h.stand_in().rgb() == rgb)
    }

    fn name(self) -> &'static str {
        match self {
            Hatch::Behind => "behind",
            Hatch::Overdue => "overdue",
        }
    }

    /// Its real colour.
    fn ink(self) -> &'static str {
        match self {
            Hatch::Behind => "#B35C00",
            Hatch::Overdue => "#A31F24",
        }
    }

    /// Its bit in the set of hatchings a chart used (see [`Svg`]).
    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The `<defs>` of the patterns of chart `id`, for the hatchings in
    /// `used` (a set of [`Hatch::bit`]s).
    pub(super) fn defs(id: &str, used: u8) -> String {
        let mut defs = String::new();
        for hatch in Hatch::ALL {
            if used & hatch.bit() == 0 {
                continue;
            }
            let ink = hatch.ink();
            let lines = match hatch {
                Hatch::Behind => "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2",
                Hatch::Overdue => {
                    "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2"
                }
            };
            let _ = write!(
                defs,
                "<pattern id=\"{id}-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"{lines}\" stroke=\"{ink}\" stroke-width=\"1.5\" fill=\"none\"/></pattern>",
                hatch.name()
            );
        }
        if defs.is_empty() {
            defs
        } else {
            format!("<defs>{defs}</defs>\n")
        }
    }
}

/// Text attributes every chart sets once on its `<svg>` element, so that
/// its `<text>` elements state only where they differ: most labels are
/// 14-unit sans-serif in ink.
pub(super) const TEXT_DEFAULTS: &str =
    "font-family=\"sans-serif\" font-size=\"14\" fill=\"#1A1A1A\"";
const DEFAULT_FAMILY: &str = "sans-serif";
const DEFAULT_SIZE: f64 = 14.0;
const DEFAULT_FILL: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);

/// SVG elements written into a string: the body of one chart.
pub(super) struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// The chart's id, which its patterns' ids start with.
    id: &'a str,
    /// The hatchings drawn, whose patterns the chart must define.
    used: &'a std::cell::Cell<u8>,
}

impl<'a> Svg<'a> {
    pub(super) fn new(
        out: &'a mut String,
        size: (u32, u32),
        id: &'a str,
        used: &'a std::cell::Cell<u8>,
    ) -> Svg<'a> {
        Svg {
            out,
            size,
            id,
            used,
        }
    }

    fn colour(&mut self, name: &str, colour: BackendColor) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let (r, g, b) = colour.rgb;
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"#");
        for byte in [r, g, b] {
            self.out.push(HEX[usize::from(byte >> 4)] as char);
            self.out.push(HEX[usize::from(byte & 15)] as char);
        }
        self.out.push('"');
        if colour.alpha < 1.0 {
            let _ = write!(self.out, " {name}-opacity=\"{}\"", colour.alpha);
        }
    }

    fn stroke(&mut self, colour: BackendColor, width: u32) {
        match Dash::stroke(colour.rgb) {
            Some(dashed) => {
                self.out.push(' ');
                self.out.push_str(dashed);
            }
            None => self.colour("stroke", colour),
        }
        self.attr("stroke-width", i64::from(width));
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (x, y) in points {
            self.int(i64::from(x));
            self.out.push(',');
            self.int(i64::from(y));
            self.out.push(' ');
        }
        self.out.push('"');
    }

    /// Writes a whole number without going through `fmt`: charts write
    /// several per element, and a large site draws millions of elements.
    fn int(&mut self, n: i64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if n < 0 {
            self.out.push('-');
        }
        for &digit in &digits[at..] {
            self.out.push(digit as char);
        }
    }

    /// ` name="n"`.
    fn attr(&mut self, name: &str, n: i64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.int(n);
        self.out.push('"');
    }

    fn escaped(&mut self, text: &str) {
        crate::markup::escape_into(self.out, text, true);
    }
}

type Drawn = Result<(), DrawingErrorKind<std::fmt::Error>>;

impl DrawingBackend for Svg<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Drawn {
        if colour.alpha > 0.0 {
            let _ = write!(
                self.out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\""
            );
            self.colour("fill", colour);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<rect");
        self.attr("x", i64::from(x0));
        self.attr("y", i64::from(y0));
        self.attr("width", i64::from(x1 - x0));
        self.attr("height", i64::from(y1 - y0));
        if let (true, Some(hatch)) = (fill, Hatch::of(colour.rgb)) {
            self.used.set(self.used.get() | hatch.bit());
            let _ = write!(
                self.out,
                " fill=\"url(#{}-{})\" stroke=\"{}\"",
                self.id,
                hatch.name(),
                hatch.ink()
            );
        } else if fill {
            self.colour("fill", colour);
            self.out.push_str(" stroke=\"none\"");
        } else {
            self.out.push_str(" fill=\"none\"");
            self.colour("stroke", colour);
        }
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polyline fill=\"none\"");
        self.stroke(colour, style.stroke_width());
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polygon");
        self.colour("fill", colour);
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<circle");
        self.attr("cx", i64::from(x));
        self.attr("cy", i64::from(y));
        self.attr("r", i64::from(radius));
        if fill {
            self.colour("fill", colour);
            self.out.push_str(" stroke=\"none\"");
        } else {
            self.out.push_str(" fill=\"none\"");
            self.colour("stroke", colour);
        }
        self.attr("stroke-width", i64::from(style.stroke_width()));
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        // Plotters sizes fonts 1.24 times the size to write; sizes are
        // whole or half units, so rounding to hundredths undoes the factor.
        let size = (style.size() / 1.24 * 100.0).round() / 100.0;
        self.out.push_str("<text");
        self.attr("x", i64::from(x));
        self.attr("y", i64::from(y));
        self.out.push_str(" dy=\"");
        self.out.push_str(dy);
        self.out.push('"');
        if anchor != "start" {
            self.out.push_str(" text-anchor=\"");
            self.out.push_str(anchor);
            self.out.push('"');
        }
        let family = style.family();
        if family.as_str() != DEFAULT_FAMILY {
            self.out.push_str(" font-family=\"");
            self.out.push_str(family.as_str());
            self.out.push('"');
        }
        if size != DEFAULT_SIZE {
            self.out.push_str(" font-size=\"");
            if size.fract() == 0.0 {
                self.int(size as i64);
            } else {
                self.out.push_str(&number(size));
            }
            self.out.push('"');
        }
        if colour.rgb != DEFAULT_FILL || colour.alpha < 1.0 {
            self.colour("fill", colour);
        }
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            other => {
                let _ = write!(self.out, " font-style=\"{}\"", other.as_str());
            }
        }
        self.out.push('>');
        self.escaped(text);
        self.out.push_str("</text>\n");
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<std::fmt::Error>> {
        let px = style.size() / 1.24;
        Ok((text_width(text, px).ceil() as u32, px.ceil() as u32))
    }
}
