//! Pictures the app draws for a step: the programme's chart and a participant's
//! certificate (see `crate::graphics`), with the fonts loaded while something is drawn.

use super::*;

impl App {
    /// The fonts, loaded when something is drawn and let go when nothing is: they are
    /// about 10 MB, a bot draws a chart or a certificate rarely, and a process that held
    /// them from its first certificate on would carry them for months. Drawings at the same
    /// time share one copy; one after another each reads the files again (from the OS's
    /// cache: milliseconds).
    pub(super) fn fonts(&self) -> Arc<crate::graphics::Fonts> {
        let mut held = self.fonts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(fonts) = held.upgrade() {
            return fonts;
        }
        let (fonts, missing) = crate::graphics::Fonts::load(&self.settings.fonts);
        // Said once a process, not at every drawing.
        static TOLD: std::sync::Once = std::sync::Once::new();
        TOLD.call_once(|| {
            for path in missing {
                warn!(path = %path.display(), "a font for certificates and charts is missing");
            }
        });
        let fonts = Arc::new(fonts);
        *held = Arc::downgrade(&fonts);
        fonts
    }

    /// Whether fonts are loaded now (only while something is drawn with them).
    pub fn holds_fonts(&self) -> bool {
        let held = self.fonts.lock().unwrap_or_else(|e| e.into_inner());
        held.strong_count() > 0
    }

    /// Draws a chart off the async threads.
    pub(super) async fn draw_chart(
        &self,
        sections: Vec<crate::domain::figures::ChartSection>,
        locale: crate::i18n::Locale,
    ) -> std::result::Result<Vec<u8>, String> {
        let fonts = self.fonts();
        if fonts.is_empty() {
            return Err("no font could be loaded".into());
        }
        tokio::task::spawn_blocking(move || {
            crate::graphics::chart::render(&fonts, &sections, locale)
        })
        .await
        .map_err(|e| e.to_string())?
    }

    /// Draws a person's certificate off the async threads: the PNG, or why not (a font
    /// missing for their name's script).
    pub(crate) async fn draw_certificate(
        &self,
        design: crate::domain::programme::CertificateDesign,
        text: crate::graphics::certificate::CertificateText,
    ) -> std::result::Result<Vec<u8>, String> {
        let fonts = self.fonts();
        let drawn = tokio::task::spawn_blocking(move || {
            crate::graphics::certificate::render(&fonts, &design, &text)
        })
        .await
        .map_err(|e| e.to_string())??;
        match drawn {
            (png, missing) if missing.is_empty() => Ok(png),
            (_, missing) => Err(format!(
                "no font has {}",
                missing.iter().collect::<String>()
            )),
        }
    }
}
