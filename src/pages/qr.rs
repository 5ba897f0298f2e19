//! A page's address as a QR code, drawn at build time as a small inline SVG
//! so that a printed page can be opened on a phone (扫码在手机上打开).
//!
//! The `qrcode` crate (no default features) makes the matrix, with one
//! fixed mask pattern: the standard lets an encoder use any of its eight,
//! and scoring all eight to pick the best cost a third of a build's time
//! when every page has a code. The SVG is
//! one path of horizontal strokes over the runs of dark modules, about two
//! kilobytes for a page's address, with the four-module quiet zone scanners need.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

/// The QR code of `address` as an `<svg>` element, or `None` when the
/// address is too long for a QR code. It is hidden from screen readers:
/// the page prints its caption and the address beside it.
pub fn svg(address: &str) -> Option<String> {
    let (width, colors) = matrix(address)?;
    let quiet = 4;
    let size = width + 2 * quiet;
    // Each row's runs of dark modules as strokes one module thick along
    // the row's middle: a move to the row's first run, then relative moves.
    let mut path = String::with_capacity(width * width);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            match pen {
                None => {
                    path.push('M');
                    push_number(&mut path, start + quiet);
                    path.push(' ');
                    push_number(&mut path, y + quiet);
                    path.push_str(".5");
                }
                Some(end) => {
                    path.push('m');
                    push_number(&mut path, start - end);
                    path.push_str(" 0");
                }
            }
            path.push('h');
            push_number(&mut path, x - start);
            pen = Some(x);
        }
    }
    Some(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" aria-hidden=\"true\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path stroke=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// Appends `n` in decimal: `write!` costs several times more, and a code
/// has a few hundred numbers on every page.
fn push_number(text: &mut String, n: usize) {
    text.push_str(itoa::Buffer::new().format(n));
}

/// The modules of `address`'s QR code, row by row, and its width.
fn matrix(address: &str) -> Option<(usize, Vec<Color>)> {
    let level = EcLevel::L;
    let bits = qrcode::bits::encode_auto(address.as_bytes(), level).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    let colors = canvas.into_colors();
    let width = (colors.len() as f64).sqrt() as usize;
    Some((width, colors))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the dark modules back from the SVG's path, as a pen would.
    fn modules(svg: &str) -> Vec<(usize, usize)> {
        let d = &svg[svg.find(" d=\"").unwrap() + 4..];
        let d = &d[..d.find('"').unwrap()];
        let mut dark = Vec::new();
        for row in d.split('M').skip(1) {
            let (start, runs) = row.split_once('h').unwrap();
            let (sx, sy) = start.split_once(' ').unwrap();
            let mut x: usize = sx.parse().unwrap();
            let y: usize = sy.trim_end_matches(".5").parse().unwrap();
            for (i, step) in runs.split('m').enumerate() {
                let length = if i == 0 {
                    step
                } else {
                    let (dx, h) = step.split_once(" 0h").unwrap();
                    x += dx.parse::<usize>().unwrap();
                    h
                };
                let n: usize = length.parse().unwrap();
                dark.extend((x..x + n).map(|x| (x, y)));
                x += n;
            }
        }
        dark
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let address = "https://renewal.example.org/zh-hant/reports/laoshan-2023-mobilisation/";
        let svg = svg(address).unwrap();
        let (width, colors) = matrix(address).unwrap();
        // The same data and error correction as the crate's own encoder.
        let reference = qrcode::QrCode::with_error_correction_level(address, EcLevel::L).unwrap();
        assert_eq!(reference.width(), width);
        let expected: Vec<(usize, usize)> = colors
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Color::Dark)
            .map(|(i, _)| (i % width + 4, i / width + 4))
            .collect();
        let mut drawn = modules(&svg);
        drawn.sort_by_key(|&(x, y)| (y, x));
        assert_eq!(drawn, expected);
        assert!(svg.len() < 4000, "{} bytes", svg.len());
    }
}
