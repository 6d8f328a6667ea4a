//! The report's chart: horizontal bars, one section per figure (the funnel, then each
//! survey question with a distribution), each bar labelled with its count, in the
//! language of the room it is posted in. A right-to-left language mirrors it: titles and
//! labels on the right, bars growing to the left.

use tiny_skia::{Color, Paint, Pixmap, Rect, Transform};

use super::Fonts;
use crate::domain::figures::ChartSection;
use crate::i18n::Locale;

const WIDTH: u32 = 1200;
const TITLE: f32 = 64.0;
const BAR: f32 = 44.0;
const LABELS: f32 = 380.0;
/// The space kept at the far end of the longest bar for its count.
const COUNT: f32 = 140.0;
const MARGIN: f32 = 30.0;

/// The chart as PNG, its words in `locale`.
pub fn render(fonts: &Fonts, sections: &[ChartSection], locale: Locale) -> Result<Vec<u8>, String> {
    let rtl = locale.shipped().rtl;
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
    let width = WIDTH as f32;
    // A position measured from the start of the line (the left, or the right when the
    // language reads from the right), for something `extent` wide.
    let at = |from_start: f32, extent: f32| {
        if rtl {
            width - from_start - extent
        } else {
            from_start
        }
    };
    let mut y = 30.0;
    for section in sections {
        let title = fonts.line_in(&section.title.render(locale), 28.0, Some(rtl));
        fonts.draw(&mut pixmap, &title, at(MARGIN, title.width), y + 36.0, ink);
        y += TITLE;
        let max = section
            .bars
            .iter()
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
            .max(1);
        for (i, (label, n)) in section.bars.iter().enumerate() {
            let text = fonts.line_in(&label.render(locale), 22.0, Some(rtl));
            // Labels end where the bars begin.
            let label_at = at(LABELS - 20.0 - text.width, text.width);
            fonts.draw(&mut pixmap, &text, label_at, y + 29.0, ink);
            let length = ((width - LABELS - COUNT) * (*n as f32) / (max as f32)).max(2.0);
            if let Some(rect) = Rect::from_xywh(at(LABELS, length), y + 8.0, length, BAR - 16.0) {
                let mut paint = Paint::default();
                paint.set_color(palette[i % palette.len()]);
                pixmap.fill_rect(rect, &paint, Transform::identity(), None);
            }
            let count = fonts.line(&locale.number(i64::try_from(*n).unwrap_or(i64::MAX)), 22.0);
            let count_at = at(LABELS + length + 12.0, count.width);
            fonts.draw(&mut pixmap, &count, count_at, y + 29.0, ink);
            y += BAR;
        }
        y += 20.0;
    }
    pixmap.encode_png().map_err(|e| e.to_string())
}
