//! The recognition certificate: a landscape page with the programme's title and colours,
//! the person's name in their own script, what they completed, the dates and a signature
//! line.

use tiny_skia::{Color, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::{Fonts, parse_colour};
use crate::domain::programme::CertificateDesign;

const WIDTH: u32 = 1600;
const HEIGHT: u32 = 1130;

/// What a certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateText {
    /// "This certifies that"
    pub heading: String,
    pub name: String,
    /// "has completed six months of mentoring as a mentee in"
    pub achievement: String,
    pub programme: String,
    /// "11 January 2027 – 11 July 2027"
    pub dates: String,
    /// The reader's language reads from the right (Arabic): every line is laid out from
    /// the right, the first date on the right too.
    pub right_to_left: bool,
}

/// The certificate as PNG, with any characters of the text no font could draw.
pub fn render(
    fonts: &Fonts,
    design: &CertificateDesign,
    text: &CertificateText,
) -> Result<(Vec<u8>, Vec<char>), String> {
    let colour = |hex: &str, fallback: Color| parse_colour(hex).unwrap_or(fallback);
    let background = colour(&design.background, Color::WHITE);
    let accent = colour(&design.accent, Color::from_rgba8(31, 78, 121, 255));
    let ink = colour(&design.text, Color::from_rgba8(34, 34, 34, 255));
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or("no room for the image")?;
    pixmap.fill(background);
    let mut paint = Paint::default();
    paint.set_color(accent);
    paint.anti_alias = true;
    // A double border.
    for (inset, width) in [(36.0, 10.0), (60.0, 3.0)] {
        let rect = Rect::from_xywh(
            inset,
            inset,
            WIDTH as f32 - 2.0 * inset,
            HEIGHT as f32 - 2.0 * inset,
        )
        .ok_or("a border")?;
        let path = PathBuilder::from_rect(rect);
        let stroke = Stroke {
            width,
            ..Stroke::default()
        };
        pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
    }
    let cx = WIDTH as f32 / 2.0;
    let wide = WIDTH as f32 - 260.0;
    let mut missing = Vec::new();
    let mut put = |pixmap: &mut Pixmap, t: &str, size: f32, y: f32, c: Color| {
        let rtl = Some(text.right_to_left);
        for ch in fonts.centred(pixmap, t, size, (cx, y), wide, c, rtl) {
            if !missing.contains(&ch) {
                missing.push(ch);
            }
        }
    };
    put(&mut pixmap, &design.title, 72.0, 250.0, accent);
    put(&mut pixmap, &text.heading, 34.0, 360.0, ink);
    put(&mut pixmap, &text.name, 96.0, 500.0, ink);
    put(&mut pixmap, &text.achievement, 34.0, 600.0, ink);
    put(&mut pixmap, &text.programme, 48.0, 680.0, accent);
    put(&mut pixmap, &text.dates, 30.0, 750.0, ink);
    // The signature line.
    let mut line = PathBuilder::new();
    line.move_to(cx - 220.0, 930.0);
    line.line_to(cx + 220.0, 930.0);
    if let Some(path) = line.finish() {
        let stroke = Stroke {
            width: 2.0,
            ..Stroke::default()
        };
        paint.set_color(ink);
        pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
    }
    put(&mut pixmap, &design.signature_name, 30.0, 975.0, ink);
    put(&mut pixmap, &design.signature_title, 24.0, 1015.0, ink);
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok((png, missing))
}
