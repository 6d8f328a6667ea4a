//! The languages Tandem speaks ([`SHIPPED`]) and reading a language a person names or a
//! platform reports (`es`, `es-MX`, `pt_BR`, `Español`, `Arabic`, `العربية`).
//!
//! To ship another language: a folder `locales/<tag>/` with every file English has (the
//! key-coverage test lists what is missing), and a row in [`SHIPPED`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::text::fold;

/// A shipped language.
pub struct Shipped {
    /// The BCP 47 language tag (`es`), which is also its folder under `locales/`.
    pub tag: &'static str,
    /// Its name in English, and in itself.
    pub english: &'static str,
    pub own: &'static str,
    /// Written right to left: the values set into its sentences (names, numbers, commands)
    /// are isolated, so a Latin word keeps its place in an Arabic line.
    pub rtl: bool,
    /// The text of each file of `locales/<tag>/`, in [`super::catalogue::FILES`]' order.
    pub files: &'static [&'static str],
    /// Discord's locales for it, where its slash commands are shown translated (Discord
    /// has none for Arabic yet; English is the commands' own).
    pub discord: &'static [&'static str],
    /// How it groups the digits of a quantity (CLDR): the separator, and the fewest
    /// digits left of the first group for it to be used (Spanish writes `2000` but
    /// `12.345`). Digits stay Western in every language, as the numbers people type
    /// back (`A12`, `M3`) do.
    pub grouping: (&'static str, usize),
    /// What separates the items of a list (`, `; Arabic writes `، `).
    pub comma: &'static str,
}

macro_rules! files {
    ($tag:literal) => {
        &[
            include_str!(concat!("../../locales/", $tag, "/common.ftl")),
            include_str!(concat!("../../locales/", $tag, "/answers.ftl")),
            include_str!(concat!("../../locales/", $tag, "/application.ftl")),
            include_str!(concat!("../../locales/", $tag, "/help.ftl")),
            include_str!(concat!("../../locales/", $tag, "/resources.ftl")),
            include_str!(concat!("../../locales/", $tag, "/broadcast.ftl")),
            include_str!(concat!("../../locales/", $tag, "/discord.ftl")),
            include_str!(concat!("../../locales/", $tag, "/report.ftl")),
            include_str!(concat!("../../locales/", $tag, "/assist.ftl")),
            include_str!(concat!("../../locales/", $tag, "/link.ftl")),
            include_str!(concat!("../../locales/", $tag, "/prompts.ftl")),
            include_str!(concat!("../../locales/", $tag, "/survey.ftl")),
            include_str!(concat!("../../locales/", $tag, "/pair.ftl")),
            include_str!(concat!("../../locales/", $tag, "/meetings.ftl")),
            include_str!(concat!("../../locales/", $tag, "/replies.ftl")),
            include_str!(concat!("../../locales/", $tag, "/choosing.ftl")),
            include_str!(concat!("../../locales/", $tag, "/events.ftl")),
            include_str!(concat!("../../locales/", $tag, "/moderation.ftl")),
            include_str!(concat!("../../locales/", $tag, "/review.ftl")),
            include_str!(concat!("../../locales/", $tag, "/matching.ftl")),
            include_str!(concat!("../../locales/", $tag, "/roster.ftl")),
            include_str!(concat!("../../locales/", $tag, "/support.ftl")),
            include_str!(concat!("../../locales/", $tag, "/notices.ftl")),
            include_str!(concat!("../../locales/", $tag, "/languages.ftl")),
            include_str!(concat!("../../locales/", $tag, "/platforms.ftl")),
            include_str!(concat!("../../locales/", $tag, "/reading.ftl")),
            include_str!(concat!("../../locales/", $tag, "/words.ftl")),
            include_str!(concat!("../../locales/", $tag, "/figures.ftl")),
            include_str!(concat!("../../locales/", $tag, "/refused.ftl")),
            include_str!(concat!("../../locales/", $tag, "/safety.ftl")),
            include_str!(concat!("../../locales/", $tag, "/discord-slash.ftl")),
            include_str!(concat!("../../locales/", $tag, "/discord-autocomplete.ftl")),
            include_str!(concat!("../../locales/", $tag, "/outcomes.ftl")),
        ]
    };
}

/// Every language Tandem speaks; English first, which is what a missing translation falls
/// back to.
pub const SHIPPED: &[Shipped] = &[
    Shipped {
        tag: "en",
        english: "English",
        own: "English",
        rtl: false,
        files: files!("en"),
        discord: &[],
        grouping: (",", 1),
        comma: ", ",
    },
    Shipped {
        tag: "es",
        english: "Spanish",
        own: "Español",
        rtl: false,
        files: files!("es"),
        discord: &["es-ES", "es-419"],
        grouping: (".", 2),
        comma: ", ",
    },
    Shipped {
        tag: "ar",
        english: "Arabic",
        own: "العربية",
        rtl: true,
        files: files!("ar"),
        discord: &[],
        grouping: (",", 1),
        comma: "، ",
    },
];

/// One of the [`SHIPPED`] languages. Stored and sent as its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(u8);

impl Default for Locale {
    fn default() -> Self {
        Locale::EN
    }
}

impl Locale {
    pub const EN: Locale = Locale(0);

    /// Every shipped language, English first.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..SHIPPED.len()).map(|i| Locale(i as u8))
    }

    pub(super) fn index(self) -> usize {
        self.0 as usize
    }

    pub fn shipped(self) -> &'static Shipped {
        &SHIPPED[self.0 as usize]
    }

    pub fn tag(self) -> &'static str {
        self.shipped().tag
    }

    /// A quantity as this language writes it: `12,345` in English, `12.345` in Spanish
    /// (and `2000`: Spanish groups from five digits).
    pub fn number(self, n: i64) -> String {
        let (separator, min_first) = self.shipped().grouping;
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        if n < 0 {
            out.push('-');
        }
        let grouped = digits.len() > 3 && digits.len() - 3 >= min_first;
        for (i, ch) in digits.chars().enumerate() {
            if grouped && i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(ch);
        }
        out
    }

    /// `Español (es)`: how a person recognises their language in a list.
    pub fn label(self) -> String {
        let s = self.shipped();
        if s.own == s.english {
            format!("{} ({})", s.own, s.tag)
        } else {
            format!("{} / {} ({})", s.own, s.english, s.tag)
        }
    }

    /// The shipped language a tag names, regional or not (`es`, `es-MX`, `es_419`,
    /// `ar-EG`); `None` for one Tandem does not speak.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::all().find(|l| l.tag() == primary)
    }

    /// The shipped language a person names: its tag, or its name in English or in
    /// itself, in any case and with or without accents (`spanish`, `espanol`, `عربي`).
    pub fn named(words: &str) -> Option<Locale> {
        let folded = fold(words.trim());
        if folded.is_empty() {
            return None;
        }
        Locale::from_tag(&folded)
            .filter(|_| !folded.contains(' '))
            .or_else(|| {
                Locale::all().find(|l| {
                    let s = l.shipped();
                    fold(s.english) == folded
                        || fold(s.own) == folded
                        || other_names(s.tag).iter().any(|n| fold(n) == folded)
                })
            })
    }
}

/// Other names people use for a shipped language.
fn other_names(tag: &str) -> &'static [&'static str] {
    match tag {
        "es" => &["Castellano", "Espanol", "Spanish"],
        "ar" => &["عربي", "عربى", "Arabe", "Árabe"],
        "en" => &["Inglés", "Ingles", "الإنجليزية", "انجليزي"],
        _ => &[],
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        // A language no longer shipped reads as the default rather than failing the row.
        Ok(Locale::from_tag(&tag).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantity_is_grouped_as_each_language_groups_digits() {
        let es = Locale::from_tag("es").unwrap();
        let ar = Locale::from_tag("ar").unwrap();
        assert_eq!(Locale::EN.number(2000), "2,000");
        assert_eq!(Locale::EN.number(1_234_567), "1,234,567");
        assert_eq!(Locale::EN.number(999), "999");
        assert_eq!(es.number(2000), "2000", "Spanish groups from five digits");
        assert_eq!(es.number(12_345), "12.345");
        assert_eq!(es.number(-1_234_567), "-1.234.567");
        assert_eq!(ar.number(4000), "4,000");
        let said = crate::i18n::Text::msg("team-question-long")
            .arg("max", crate::i18n::Text::number(4000))
            .arg("count", crate::i18n::Text::number(12_345));
        assert!(said.render(es).contains("4000") && said.render(es).contains("12.345"));
        assert!(said.english().contains("4,000") && said.english().contains("12,345"));
    }

    #[test]
    fn a_regional_tag_reads_as_its_language_and_an_unknown_one_as_none() {
        assert_eq!(Locale::from_tag("es-MX").map(Locale::tag), Some("es"));
        assert_eq!(Locale::from_tag("ar_EG").map(Locale::tag), Some("ar"));
        assert_eq!(Locale::from_tag("EN-gb").map(Locale::tag), Some("en"));
        assert_eq!(Locale::from_tag("pt-BR"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn a_language_is_found_by_its_tag_or_its_name_in_english_or_in_itself() {
        for (words, tag) in [
            ("es", "es"),
            ("Spanish", "es"),
            ("español", "es"),
            ("ESPANOL", "es"),
            ("castellano", "es"),
            ("العربية", "ar"),
            ("arabic", "ar"),
            ("English", "en"),
        ] {
            assert_eq!(Locale::named(words).map(Locale::tag), Some(tag), "{words}");
        }
        assert_eq!(Locale::named("klingon"), None);
        assert_eq!(Locale::named("es es"), None);
    }

    #[test]
    fn a_locale_is_stored_as_its_tag() {
        let es = Locale::from_tag("es").unwrap();
        assert_eq!(serde_json::to_string(&es).unwrap(), "\"es\"");
        assert_eq!(
            serde_json::from_str::<Locale>("\"ar\"").unwrap().tag(),
            "ar"
        );
        assert_eq!(
            serde_json::from_str::<Locale>("\"xx\"").unwrap(),
            Locale::EN
        );
    }
}
