//! The report's chart: horizontal bars, one section per figure (the funnel, then each
//! survey question with a distribution), each bar labelled with its count.

use tiny_skia::{Color, Paint, Pixmap, Rect, Transform};

use super::Fonts;
use crate::domain::figures::ChartSection;

const WIDTH: u32 = 1200;
const TITLE: f32 = 64.0;
const BAR: f32 = 44.0;
const LABELS: f32 = 380.0;

/// The chart as PNG.
pub fn render(fonts: &Fonts, sections: &[ChartSection]) -> Result<Vec<u8>, String> {
    let height = 40.0
        + sections
            .iter()
            .map(|s| TITLE + BAR * s.bars.len() as f32 + 20.0)
            .sum::<f32>();
    let mut pixmap = Pixmap::new(WIDTH, height.ceil() as u32).ok_or("no room for the chart")?;
    pixmap.fill(Color::WHITE);
    let ink = Color::from_rgba8(34, 34, 34, 255);
    let palette = [
        Color::from_rgba8(31, 78, 121, 255),
        Color::from_rgba8(46, 134, 171, 255),
        Color::from_rgba8(86, 170, 120, 255),
        Color::from_rgba8(240, 165, 0, 255),
        Color::from_rgba8(200, 80, 60, 255),
    ];
    let mut y = 30.0;
    for section in sections {
        let title = fonts.line(&section.title, 28.0);
        fonts.draw(&mut pixmap, &title, 30.0, y + 36.0, ink);
        y += TITLE;
        let max = section
            .bars
            .iter()
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
            .max(1);
        for (i, (label, n)) in section.bars.iter().enumerate() {
            let text = fonts.line(label, 22.0);
            fonts.draw(
                &mut pixmap,
                &text,
                LABELS - 20.0 - text.width,
                y + 29.0,
                ink,
            );
            let length = (WIDTH as f32 - LABELS - 140.0) * (*n as f32) / (max as f32);
            if let Some(rect) = Rect::from_xywh(LABELS, y + 8.0, length.max(2.0), BAR - 16.0) {
                let mut paint = Paint::default();
                paint.set_color(palette[i % palette.len()]);
                pixmap.fill_rect(rect, &paint, Transform::identity(), None);
            }
            let count = fonts.line(&n.to_string(), 22.0);
            fonts.draw(
                &mut pixmap,
                &count,
                LABELS + length.max(2.0) + 12.0,
                y + 29.0,
                ink,
            );
            y += BAR;
        }
        y += 20.0;
    }
    pixmap.encode_png().map_err(|e| e.to_string())
}
