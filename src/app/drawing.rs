//! Pictures the app draws for a step: the programme's chart and a participant's
//! certificate (see `crate::graphics`), with the fonts loaded once, on first use.

use super::*;

impl App {
    /// The fonts, loaded on first use (a few megabytes, so only when something is drawn).
    pub(super) fn fonts(&self) -> Arc<crate::graphics::Fonts> {
        self.fonts
            .get_or_init(|| {
                let (fonts, missing) = crate::graphics::Fonts::load(&self.settings.fonts);
                for path in missing {
                    warn!(path = %path.display(), "a font for certificates and charts is missing");
                }
                Arc::new(fonts)
            })
            .clone()
    }

    /// Draws a chart off the async threads.
    pub(super) async fn draw_chart(
        &self,
        sections: Vec<crate::domain::figures::ChartSection>,
    ) -> std::result::Result<Vec<u8>, String> {
        let fonts = self.fonts();
        if fonts.is_empty() {
            return Err("no font could be loaded".into());
        }
        tokio::task::spawn_blocking(move || crate::graphics::chart::render(&fonts, &sections))
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
