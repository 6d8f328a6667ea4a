//! Images Tandem draws: recognition certificates and report charts, as PNG.
//!
//! Text is shaped with rustybuzz (so Arabic joins and Devanagari conjuncts come out as a
//! reader expects) and drawn from the fonts' own outlines with tiny-skia. Names come in
//! any script, so [`Fonts`] is a fallback list: each run of text is set in the first font
//! that has glyphs for it (Noto Sans, Noto Sans Arabic, Noto Sans Devanagari, Droid Sans
//! Fallback for Chinese and Japanese and Nanum Gothic for Korean by default, as Debian
//! packages them). A character no font covers is
//! reported, never drawn as an empty box silently.
//!
//! This module does no chat or database work; the app loads the fonts once and calls it.
//! To draw something new: a module with a function from plain data to PNG bytes.

pub mod certificate;
pub mod chart;

use std::path::{Path, PathBuf};

use rustybuzz::{Face, UnicodeBuffer};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

/// Where Debian's packages (`fonts-noto-core`, `fonts-droid-fallback`, `fonts-nanum`) put
/// the fonts Tandem uses when the settings name none, in fallback order.
pub const DEFAULT_FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];

/// Font files in fallback order, loaded once.
pub struct Fonts {
    faces: Vec<(PathBuf, Vec<u8>)>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.faces.iter().map(|(p, _)| p))
            .finish()
    }
}

/// One shaped glyph, placed on the line (pixels, baseline at y = 0).
#[derive(Debug, Clone, Copy)]
struct Placed {
    font: usize,
    glyph: u16,
    x: f32,
    y: f32,
}

/// A line of text, shaped and measured.
#[derive(Debug)]
pub struct Line {
    glyphs: Vec<Placed>,
    size: f32,
    pub width: f32,
    /// Characters no font has a glyph for.
    pub missing: Vec<char>,
}

impl Fonts {
    /// Loads the fonts that exist among `paths`; the others are returned as missing.
    pub fn load(paths: &[PathBuf]) -> (Fonts, Vec<PathBuf>) {
        let mut faces = Vec::new();
        let mut missing = Vec::new();
        for path in paths {
            match std::fs::read(path) {
                Ok(data) if Face::from_slice(&data, 0).is_some() => {
                    faces.push((path.clone(), data))
                }
                _ => missing.push(path.clone()),
            }
        }
        (Fonts { faces }, missing)
    }

    /// The default fonts, where installed.
    pub fn system() -> (Fonts, Vec<PathBuf>) {
        Self::load(&DEFAULT_FONTS.iter().map(PathBuf::from).collect::<Vec<_>>())
    }

    pub fn is_empty(&self) -> bool {
        self.faces.is_empty()
    }

    pub fn paths(&self) -> Vec<&Path> {
        self.faces.iter().map(|(p, _)| p.as_path()).collect()
    }

    fn face(&self, i: usize) -> Face<'_> {
        Face::from_slice(&self.faces[i].1, 0).expect("checked when loaded")
    }

    /// The first font with a glyph for `c`.
    fn font_for(&self, c: char) -> Option<usize> {
        (0..self.faces.len()).find(|i| self.face(*i).glyph_index(c).is_some())
    }

    /// Shapes one line of `text` at `size` pixels, laid out left to right as the Unicode
    /// bidirectional algorithm orders it: a line that begins in Arabic reads from the right,
    /// with a Latin name or a date in it kept in its own order.
    pub fn line(&self, text: &str, size: f32) -> Line {
        self.line_in(text, size, None)
    }

    /// [`Fonts::line`], read from the right when `right_to_left` says so (a line of an
    /// Arabic reader's certificate, whatever it begins with), from its first letter when
    /// `None`.
    pub fn line_in(&self, text: &str, size: f32, right_to_left: Option<bool>) -> Line {
        let mut glyphs = Vec::new();
        let mut missing = Vec::new();
        let mut x = 0.0;
        let base = right_to_left.map(|rtl| {
            if rtl {
                unicode_bidi::Level::rtl()
            } else {
                unicode_bidi::Level::ltr()
            }
        });
        let bidi = unicode_bidi::BidiInfo::new(text, base);
        for paragraph in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let rtl = levels[run.start].is_rtl();
                let mut pieces = self.runs(&text[run], &mut missing);
                // Each piece comes out of the shaper in visual order; a right-to-left run
                // lists its pieces from the right.
                if rtl {
                    pieces.reverse();
                }
                for (font, piece) in pieces {
                    let face = self.face(font);
                    let scale = size / face.units_per_em() as f32;
                    let mut buffer = UnicodeBuffer::new();
                    buffer.push_str(&piece);
                    buffer.guess_segment_properties();
                    buffer.set_direction(if rtl {
                        rustybuzz::Direction::RightToLeft
                    } else {
                        rustybuzz::Direction::LeftToRight
                    });
                    let shaped = rustybuzz::shape(&face, &[], buffer);
                    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
                        glyphs.push(Placed {
                            font,
                            glyph: u16::try_from(info.glyph_id).unwrap_or(0),
                            x: x + pos.x_offset as f32 * scale,
                            y: -(pos.y_offset as f32) * scale,
                        });
                        x += pos.x_advance as f32 * scale;
                    }
                }
            }
        }
        Line {
            glyphs,
            size,
            width: x,
            missing,
        }
    }

    /// `text` cut into pieces one font can set, in logical order; spaces and marks stay
    /// with the piece they are in, so a name is shaped as a whole where one font covers it.
    /// Bidirectional controls (the isolates around a name in an Arabic sentence) have done
    /// their work in the layout and are not drawn; other characters no font has go to
    /// `missing`.
    fn runs(&self, text: &str, missing: &mut Vec<char>) -> Vec<(usize, String)> {
        let mut runs: Vec<(usize, String)> = Vec::new();
        for c in text.chars() {
            if is_bidi_control(c) {
                continue;
            }
            let current = runs.last().map(|(f, _)| *f);
            let font = match current {
                Some(f) if self.face(f).glyph_index(c).is_some() => Some(f),
                _ => self.font_for(c),
            };
            match font {
                Some(f) if current == Some(f) => runs.last_mut().expect("a run").1.push(c),
                Some(f) => runs.push((f, c.to_string())),
                None => {
                    if !c.is_whitespace() && !missing.contains(&c) {
                        missing.push(c);
                    }
                }
            }
        }
        runs
    }

    /// Draws a shaped line with its left end at `x` and its baseline at `y`.
    pub fn draw(&self, pixmap: &mut Pixmap, line: &Line, x: f32, y: f32, colour: tiny_skia::Color) {
        let mut paint = Paint::default();
        paint.set_color(colour);
        paint.anti_alias = true;
        for g in &line.glyphs {
            let face = self.face(g.font);
            let scale = line.size / face.units_per_em() as f32;
            let mut outline = Outline(PathBuilder::new());
            if face
                .outline_glyph(rustybuzz::ttf_parser::GlyphId(g.glyph), &mut outline)
                .is_none()
            {
                continue;
            }
            if let Some(path) = outline.0.finish() {
                // Font units are y-up; the image is y-down.
                let transform = Transform::from_row(scale, 0.0, 0.0, -scale, x + g.x, y + g.y);
                pixmap.fill_path(&path, &paint, FillRule::Winding, transform, None);
            }
        }
    }

    /// Draws `text` centred on `(cx, baseline)`, shrinking it to fit `max_width`; returns
    /// what no font could draw.
    #[allow(clippy::too_many_arguments)]
    pub fn centred(
        &self,
        pixmap: &mut Pixmap,
        text: &str,
        size: f32,
        (cx, baseline): (f32, f32),
        max_width: f32,
        colour: tiny_skia::Color,
        right_to_left: Option<bool>,
    ) -> Vec<char> {
        let mut line = self.line_in(text, size, right_to_left);
        if line.width > max_width && line.width > 0.0 {
            line = self.line_in(text, size * max_width / line.width, right_to_left);
        }
        self.draw(pixmap, &line, cx - line.width / 2.0, baseline, colour);
        line.missing
    }
}

impl Line {
    /// The glyphs as shaped, in drawing order (for tests of shaping).
    pub fn glyph_ids(&self) -> Vec<u16> {
        self.glyphs.iter().map(|g| g.glyph).collect()
    }
}

impl Fonts {
    /// Each character's default glyph, unshaped, in text order (for tests of shaping).
    pub fn nominal_glyph_ids(&self, text: &str) -> Vec<u16> {
        text.chars()
            .filter_map(|c| {
                let font = self.font_for(c)?;
                self.face(font).glyph_index(c).map(|g| g.0)
            })
            .collect()
    }
}

/// Marks that only steer the bidirectional layout (LRM, RLM, embeddings, isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

struct Outline(PathBuilder);

impl rustybuzz::ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// `#1f4e79` → a colour; `None` if it is not six hex digits.
pub fn parse_colour(text: &str) -> Option<tiny_skia::Color> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(tiny_skia::Color::from_rgba8(
        byte(0)?,
        byte(2)?,
        byte(4)?,
        255,
    ))
}
