//! Certificates and charts drawn with the system's fonts (installed by `scripts/test`):
//! names in Latin, Arabic, Devanagari and CJK scripts come out with every character drawn
//! and Arabic joined, and a chart has a bar per figure.

use tandem::domain::figures::ChartSection;
use tandem::domain::programme::CertificateDesign;
use tandem::graphics::certificate::{CertificateText, render};
use tandem::graphics::chart;
use tandem::graphics::{DEFAULT_FONTS, Fonts};
use tandem::i18n::{Locale, Text};
use tiny_skia::Pixmap;

fn fonts() -> Fonts {
    let (fonts, missing) = Fonts::system();
    let needed: Vec<_> = missing
        .iter()
        .filter(|p| !p.to_string_lossy().contains("dejavu"))
        .collect();
    assert!(
        needed.is_empty(),
        "fonts missing: {needed:?} (scripts/test installs fonts-noto-core, fonts-droid-fallback and fonts-nanum)"
    );
    fonts
}

fn design() -> CertificateDesign {
    CertificateDesign {
        title: "Certificate of Mentoring".into(),
        background: "#fdfaf3".into(),
        accent: "#1f4e79".into(),
        text: "#222222".into(),
        signature_name: "Dr Jo Banda".into(),
        signature_title: "Programme lead".into(),
    }
}

/// Writes an image to `TANDEM_TEST_IMAGES` (a folder), when set, to look at.
fn save(name: &str, png: &[u8]) {
    if let Some(dir) = std::env::var_os("TANDEM_TEST_IMAGES") {
        std::fs::write(std::path::Path::new(&dir).join(name), png).unwrap();
    }
}

/// Pixels in rows `from..to` that differ from the background.
fn ink(png: &[u8], from: u32, to: u32) -> usize {
    let pixmap = Pixmap::decode_png(png).unwrap();
    let background = pixmap.pixel(5, 5).unwrap();
    (from..to)
        .flat_map(|y| (100..pixmap.width() - 100).map(move |x| (x, y)))
        .filter(|(x, y)| pixmap.pixel(*x, *y).unwrap() != background)
        .count()
}

#[test]
fn certificates_draw_names_in_any_script_with_every_character() {
    let fonts = fonts();
    assert!(DEFAULT_FONTS.len() >= 4);
    for name in [
        "Amina Otieno",
        "Zoë Ñúñez",
        "أمينة العلي",
        "अमीना शर्मा",
        "山田 明美",
        "김민지",
    ] {
        let line = fonts.line(name, 96.0);
        assert!(
            line.missing.is_empty(),
            "{name}: no glyph for {:?}",
            line.missing
        );
        let text = CertificateText {
            heading: "This certifies that".into(),
            name: name.into(),
            achievement: "has completed six months of mentoring as a mentee in".into(),
            programme: "Pathways Mentoring 2027".into(),
            dates: "11 January 2027 – 11 July 2027".into(),
            right_to_left: false,
        };
        let (png, missing) = render(&fonts, &design(), &text).unwrap();
        assert!(missing.is_empty(), "{name}: {missing:?}");
        save(&format!("certificate-{}.png", name.len()), &png);
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (1600, 1130));
        // The name's band (its baseline is at 500) is inked.
        assert!(ink(&png, 410, 520) > 1500, "{name}: the name is not drawn");
    }
    // Arabic letters take their joined forms; Devanagari forms its conjunct.
    for word in ["أمينة", "शर्मा"] {
        let shaped = fonts.line(word, 96.0).glyph_ids();
        assert_ne!(
            shaped,
            fonts.nominal_glyph_ids(word),
            "{word} was not shaped"
        );
    }
    // Arabic is drawn right to left: its first letter is at the right end.
    let line = fonts.line("أمينة", 96.0);
    let ids = line.glyph_ids();
    assert_eq!(ids.len(), 5);
}

#[test]
fn an_arabic_line_keeps_the_numbers_and_names_in_it_in_their_own_order() {
    let fonts = fonts();
    // From the right: 11 January 2027 – 12 July 2028. Each number reads left to right,
    // and the dates follow each other from the right.
    let line = fonts.line("11 يناير 2027 – 12 يوليو 2028", 34.0);
    assert!(line.missing.is_empty(), "{:?}", line.missing);
    let digits = fonts.nominal_glyph_ids("0123456789");
    let drawn: Vec<u16> = line
        .glyph_ids()
        .into_iter()
        .filter(|g| digits.contains(g))
        .collect();
    assert_eq!(drawn, fonts.nominal_glyph_ids("202812202711"));
    // So do two dates said as values in an Arabic sentence (isolated, as the catalogue
    // says them), in a line read from the right.
    let isolated = "\u{2068}11 يناير 2027\u{2069} – \u{2068}12 يوليو 2028\u{2069}";
    let drawn: Vec<u16> = fonts
        .line_in(isolated, 34.0, Some(true))
        .glyph_ids()
        .into_iter()
        .filter(|g| digits.contains(g))
        .collect();
    assert_eq!(drawn, fonts.nominal_glyph_ids("202812202711"));
    // The isolates around a name in an Arabic sentence steer the layout and are not drawn
    // (nor reported as a character no font has).
    let line = fonts.line("تهانينا يا \u{2068}Amina\u{2069}!", 34.0);
    assert!(line.missing.is_empty(), "{:?}", line.missing);
    let amina = fonts.nominal_glyph_ids("Amina");
    let ids = line.glyph_ids();
    // The Latin name is at the left end of the line, after the "!" that closes it.
    let at = ids.windows(5).position(|w| w == amina.as_slice());
    assert!(at.is_some_and(|i| i <= 1), "{ids:?} {amina:?}");
}

#[test]
fn an_arabic_certificate_is_drawn_with_every_letter() {
    let fonts = fonts();
    let text = CertificateText {
        heading: "نشهد بأن".into(),
        name: "Amina Otieno".into(),
        achievement: "أتمّ ستة أشهر من الإرشاد بصفة مسترشد في".into(),
        programme: "برنامج باثوايز للإرشاد 2027".into(),
        dates: "\u{2068}11 يناير 2027\u{2069} – \u{2068}11 يوليو 2027\u{2069}".into(),
        right_to_left: true,
    };
    let design = CertificateDesign {
        title: "شهادة إرشاد".into(),
        signature_title: "مسؤولة برنامج باثوايز".into(),
        ..design()
    };
    let (png, missing) = render(&fonts, &design, &text).unwrap();
    assert!(missing.is_empty(), "{missing:?}");
    save("certificate-ar.png", &png);
    assert!(
        ink(&png, 320, 370) > 300,
        "the heading is drawn: {}",
        ink(&png, 320, 370)
    );
}

#[test]
fn a_chart_has_a_bar_for_each_figure() {
    let fonts = fonts();
    let sections = [
        ChartSection {
            title: Text::msg("chart-funnel").arg("programme", "Pathways"),
            bars: vec![
                (Text::msg("chart-stage-applied"), 12),
                (Text::msg("chart-stage-accepted"), 9),
                (Text::msg("chart-stage-matched"), 6),
                (Text::msg("chart-stage-completed"), 0),
            ],
        },
        ChartSection {
            title: Text::msg("chart-survey-question")
                .arg("survey", "Midpoint survey")
                .arg("question", "Satisfaction")
                .arg("count", 5usize),
            bars: (1..=5).map(|i| (Text::plain(format!("{i}")), i)).collect(),
        },
    ];
    let png = chart::render(&fonts, &sections, Locale::EN).unwrap();
    save("chart.png", &png);
    let pixmap = Pixmap::decode_png(&png).unwrap();
    assert_eq!(pixmap.width(), 1200);
    // The longest bar (12 applied) reaches across; the first row is inked far to the right.
    assert!(ink(&png, 100, 130) > 5000);
    // In Arabic the chart is mirrored: the labels on the right, the bars growing to the
    // left, so the smallest bar (0 completed) sits at the right and its row's left is bare.
    let arabic = Locale::from_tag("ar").unwrap();
    let png_ar = chart::render(&fonts, &sections, arabic).unwrap();
    save("chart-ar.png", &png_ar);
    let left = |png: &[u8], y: u32| ink_between(png, (100, 600), (y, y + 30));
    let right = |png: &[u8], y: u32| ink_between(png, (600, 1100), (y, y + 30));
    // The row of 0 completed (the fourth bar): its label is at the start of the line.
    let completed = 30 + 64 + 3 * 44 + 8;
    assert!(
        left(&png, completed) > 0 && right(&png, completed) == 0,
        "label left in English"
    );
    assert!(
        right(&png_ar, completed) > 0 && left(&png_ar, completed) == 0,
        "label right in Arabic"
    );
}

/// Pixels other than the background in a box of the image.
fn ink_between(png: &[u8], (x0, x1): (u32, u32), (y0, y1): (u32, u32)) -> usize {
    let pixmap = Pixmap::decode_png(png).unwrap();
    let background = pixmap.pixel(5, 5).unwrap();
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|(x, y)| pixmap.pixel(*x, *y).unwrap() != background)
        .count()
}
