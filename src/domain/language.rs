//! Languages people can name in an application: ISO 639-1 codes with their English names
//! and, for the most common ones, their own names. Stored as the two-letter code.
//!
//! To support another language, add a row to [`LANGUAGES`].

/// (code, English name, other accepted names)
pub const LANGUAGES: &[(&str, &str, &[&str])] = &[
    ("af", "Afrikaans", &[]),
    ("am", "Amharic", &["አማርኛ"]),
    ("ar", "Arabic", &["العربية"]),
    ("az", "Azerbaijani", &[]),
    ("bg", "Bulgarian", &[]),
    ("bn", "Bengali", &["Bangla", "বাংলা"]),
    ("bs", "Bosnian", &[]),
    ("ca", "Catalan", &["Català"]),
    ("cs", "Czech", &["Čeština"]),
    ("cy", "Welsh", &["Cymraeg"]),
    ("da", "Danish", &["Dansk"]),
    ("de", "German", &["Deutsch"]),
    ("el", "Greek", &["Ελληνικά"]),
    ("en", "English", &[]),
    ("es", "Spanish", &["Español", "Castellano"]),
    ("et", "Estonian", &[]),
    ("fa", "Persian", &["Farsi", "فارسی"]),
    ("fi", "Finnish", &["Suomi"]),
    ("fr", "French", &["Français"]),
    ("ga", "Irish", &["Gaeilge"]),
    ("gu", "Gujarati", &[]),
    ("ha", "Hausa", &[]),
    ("he", "Hebrew", &["עברית"]),
    ("hi", "Hindi", &["हिन्दी"]),
    ("hr", "Croatian", &["Hrvatski"]),
    ("hu", "Hungarian", &["Magyar"]),
    ("hy", "Armenian", &[]),
    ("id", "Indonesian", &["Bahasa Indonesia"]),
    ("ig", "Igbo", &[]),
    ("is", "Icelandic", &[]),
    ("it", "Italian", &["Italiano"]),
    ("ja", "Japanese", &["日本語"]),
    ("ka", "Georgian", &[]),
    ("kk", "Kazakh", &[]),
    ("km", "Khmer", &[]),
    ("kn", "Kannada", &[]),
    ("ko", "Korean", &["한국어"]),
    ("ku", "Kurdish", &[]),
    ("lt", "Lithuanian", &[]),
    ("lv", "Latvian", &[]),
    ("mk", "Macedonian", &[]),
    ("ml", "Malayalam", &[]),
    ("mn", "Mongolian", &[]),
    ("mr", "Marathi", &[]),
    ("ms", "Malay", &["Bahasa Melayu"]),
    ("my", "Burmese", &[]),
    ("ne", "Nepali", &[]),
    ("nl", "Dutch", &["Nederlands"]),
    ("no", "Norwegian", &["Norsk"]),
    ("pa", "Punjabi", &[]),
    ("pl", "Polish", &["Polski"]),
    ("ps", "Pashto", &[]),
    ("pt", "Portuguese", &["Português"]),
    ("ro", "Romanian", &["Română"]),
    ("ru", "Russian", &["Русский"]),
    ("rw", "Kinyarwanda", &[]),
    ("si", "Sinhala", &[]),
    ("sk", "Slovak", &[]),
    ("sl", "Slovenian", &[]),
    ("so", "Somali", &["Soomaali"]),
    ("sq", "Albanian", &["Shqip"]),
    ("sr", "Serbian", &[]),
    ("sv", "Swedish", &["Svenska"]),
    ("sw", "Swahili", &["Kiswahili"]),
    ("ta", "Tamil", &["தமிழ்"]),
    ("te", "Telugu", &[]),
    ("th", "Thai", &["ไทย"]),
    ("ti", "Tigrinya", &[]),
    ("tl", "Tagalog", &["Filipino"]),
    ("tr", "Turkish", &["Türkçe"]),
    ("uk", "Ukrainian", &["Українська"]),
    ("ur", "Urdu", &["اردو"]),
    ("uz", "Uzbek", &[]),
    ("vi", "Vietnamese", &["Tiếng Việt"]),
    ("wo", "Wolof", &[]),
    ("xh", "Xhosa", &["isiXhosa"]),
    ("yo", "Yoruba", &["Yorùbá"]),
    ("zh", "Chinese", &["Mandarin", "中文"]),
    ("zu", "Zulu", &["isiZulu"]),
];

/// The code of a language given by code or name, in any letter case.
pub fn language_code(input: &str) -> Option<&'static str> {
    let s = input.trim().to_lowercase();
    LANGUAGES
        .iter()
        .find(|(code, name, others)| {
            *code == s || name.to_lowercase() == s || others.iter().any(|o| o.to_lowercase() == s)
        })
        .map(|(code, _, _)| *code)
}

/// The English name of a language code (the code itself if unknown).
pub fn language_name(code: &str) -> &str {
    LANGUAGES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, name, _)| *name)
        .unwrap_or(code)
}

/// The name of a language code in the reader's language (the code itself if unknown).
pub fn said_language(code: &str) -> crate::i18n::Text {
    crate::i18n::Text::msg("language-name").arg("code", code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_found_by_code_english_name_or_own_name() {
        assert_eq!(language_code("EN"), Some("en"));
        assert_eq!(language_code("spanish"), Some("es"));
        assert_eq!(language_code("Español"), Some("es"));
        assert_eq!(language_code("العربية"), Some("ar"));
        assert_eq!(language_code("Klingon"), None);
        assert_eq!(language_name("sw"), "Swahili");
    }

    #[test]
    fn every_language_is_named_in_each_shipped_language_and_an_unknown_code_as_itself() {
        use crate::i18n::Locale;
        for (code, english, _) in LANGUAGES {
            assert_eq!(said_language(code).english(), *english);
            for locale in Locale::all() {
                let said = said_language(code).render(locale);
                assert!(!said.is_empty() && said != *code, "{code} in {locale:?}");
            }
        }
        let es = Locale::from_tag("es").unwrap();
        assert_eq!(said_language("de").render(es), "alemán");
        assert_eq!(said_language("xx").render(es), "xx");
    }
}
