//! Phrases found by their words: a small pattern language over folded tokens, and the
//! phrase lists of the detector (requests for photos and for secrecy, invitations to
//! another app) in English, Spanish, Arabic, French, Portuguese and German.
//!
//! A pattern is words separated by spaces. Each element is one or more alternatives
//! separated by `|`; an alternative ending in `*` matches any word it begins; `$app` matches
//! the name of a chat app or social network ([`APPS`]); `~N` lets up to N words pass
//! before the next element. Words are compared folded (see `tokens`), so a pattern is
//! written without accents, apostrophes or Arabic hamza (`dont`, `mandame`, `ارسل`).
//!
//! To teach the detector a phrase, add a pattern to the list of its kind and a line to the
//! corpus (`tests/fixtures/safety_corpus.txt`) that it must catch, and one it must not.

use std::ops::Range;

use super::tokens::Token;

/// Chat apps and social networks, folded, as people name them (two-word names such as
/// `whats app` are joined before matching: see [`join_apps`]).
pub const APPS: &[&str] = &[
    "whatsapp",
    "whatsap",
    "watsap",
    "watsapp",
    "wassap",
    "wasap",
    "guasap",
    "wsp",
    "wpp",
    "telegram",
    "snapchat",
    "snap",
    "instagram",
    "insta",
    "ig",
    "tiktok",
    "discord",
    "kik",
    "facebook",
    "fb",
    "messenger",
    "wechat",
    "viber",
    "skype",
    "twitter",
    "signal",
    "line",
    "reddit",
    "twitch",
    "threads",
    "imo",
    "zap",
    "tele",
    "face",
    "roblox",
    "steam",
    "xbox",
    "psn",
    "واتساب",
    "واتس",
    "الواتس",
    "الواتساب",
    "وتساب",
    "تلغرام",
    "تليجرام",
    "تيليجرام",
    "التلغرام",
    "التليجرام",
    "سناب",
    "السناب",
    "سنابشات",
    "انستا",
    "انستغرام",
    "انستقرام",
    "الانستا",
    "الانستغرام",
    "الانستقرام",
    "تيكتوك",
    "التيكتوك",
    "ديسكورد",
    "الديسكورد",
    "فيسبوك",
    "الفيس",
    "فيس",
    "ماسنجر",
    "تويتر",
    "سيجنال",
];

/// Apps whose name is also a common word: they count in an invitation, but not beside a
/// bare `@name`.
const COMMON_WORDS: &[&str] = &[
    "snap", "ig", "fb", "signal", "line", "threads", "imo", "zap", "tele", "face", "steam", "xbox",
    "psn", "roblox",
];

/// Two words that name one app, and the name they are joined into.
const TWO_WORD_APPS: &[(&str, &str, &str)] = &[
    ("whats", "app", "whatsapp"),
    ("what", "sapp", "whatsapp"),
    ("tik", "tok", "tiktok"),
    ("snap", "chat", "snapchat"),
    ("face", "book", "facebook"),
    ("we", "chat", "wechat"),
    ("واتس", "اب", "واتساب"),
    ("سناب", "شات", "سنابشات"),
    ("تيك", "توك", "تيكتوك"),
    ("فيس", "بوك", "فيسبوك"),
];

pub fn is_app(word: &str) -> bool {
    APPS.contains(&word)
}

/// An app whose name is no common word (`instagram`, not `snap`).
pub fn is_plain_app(word: &str) -> bool {
    is_app(word) && !COMMON_WORDS.contains(&word)
}

/// The tokens phrases are read from: words, `@` and `:` (other signs are passed over, so
/// `ajoute-moi` reads `ajoute moi`), with two-word app names joined into one token.
pub fn join_apps(tokens: &[Token]) -> Vec<Token> {
    let kept: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.word || t.is("@") || t.is(":"))
        .collect();
    let mut out: Vec<Token> = Vec::with_capacity(kept.len());
    let mut i = 0;
    while i < kept.len() {
        if let Some(next) = kept.get(i + 1)
            && let Some((_, _, name)) = TWO_WORD_APPS
                .iter()
                .find(|(a, b, _)| kept[i].folded == *a && next.folded == *b)
        {
            out.push(Token {
                span: kept[i].span.start..next.span.end,
                folded: (*name).to_string(),
                word: true,
                digits: None,
            });
            i += 2;
            continue;
        }
        out.push(kept[i].clone());
        i += 1;
    }
    out
}

#[derive(Debug, Clone)]
enum Element {
    Words(Vec<Alt>),
    Gap(usize),
}

#[derive(Debug, Clone)]
enum Alt {
    Exact(String),
    Prefix(String),
    App,
}

impl Alt {
    fn matches(&self, word: &str) -> bool {
        match self {
            Alt::Exact(w) => word == w,
            Alt::Prefix(p) => word.starts_with(p.as_str()),
            Alt::App => is_app(word),
        }
    }
}

/// A compiled pattern (see the module's docs).
#[derive(Debug, Clone)]
pub struct Pattern(Vec<Element>);

impl Pattern {
    pub fn new(source: &str) -> Pattern {
        Pattern(
            source
                .split_whitespace()
                .map(|el| {
                    if let Some(n) = el.strip_prefix('~').and_then(|n| n.parse().ok()) {
                        return Element::Gap(n);
                    }
                    Element::Words(
                        el.split('|')
                            .map(|alt| {
                                if alt == "$app" {
                                    Alt::App
                                } else if let Some(p) = alt.strip_suffix('*') {
                                    Alt::Prefix(super::tokens::fold(p))
                                } else {
                                    Alt::Exact(super::tokens::fold(alt))
                                }
                            })
                            .collect(),
                    )
                })
                .collect(),
        )
    }

    /// A programme's keyword: its words as they are, a `*` at the end of the last word
    /// matching any word it begins.
    pub fn keyword(keyword: &str) -> Pattern {
        let words = super::tokens::tokens(keyword);
        let words: Vec<&Token> = words.iter().filter(|t| t.word).collect();
        let star = keyword.trim_end().ends_with('*');
        let n = words.len();
        Pattern(
            words
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    Element::Words(vec![if star && i + 1 == n {
                        Alt::Prefix(t.folded.clone())
                    } else {
                        Alt::Exact(t.folded.clone())
                    }])
                })
                .collect(),
        )
    }

    /// Every place the pattern matches in `tokens`, as byte spans (the first match from
    /// each starting word, matches not overlapping).
    pub fn find(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if self.0.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < tokens.len() {
            if let Some(end) = self.match_at(tokens, i, 0) {
                out.push(tokens[i].span.start..tokens[end - 1].span.end);
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Past-the-end token index of a match of elements `el..` starting at token `at`.
    fn match_at(&self, tokens: &[Token], at: usize, el: usize) -> Option<usize> {
        match self.0.get(el) {
            None => Some(at),
            Some(Element::Gap(n)) => (0..=*n).find_map(|skip| {
                self.match_at(tokens, at + skip, el + 1)
                    .filter(|_| at + skip <= tokens.len())
            }),
            Some(Element::Words(alts)) => {
                let t = tokens.get(at)?;
                alts.iter()
                    .any(|a| a.matches(&t.folded))
                    .then(|| self.match_at(tokens, at + 1, el + 1))
                    .flatten()
            }
        }
    }
}

/// Requests for photos of the person: a request to send one, or a photo "of you".
pub const PHOTOS: &[&str] = &[
    // English
    "send|share|give|text|dm|snap|shoot me|us a|an|another|some|more|ur|your|one|1|any ~2 photo*|pic|pics|picture*|selfie*|nude*|snap|snaps|pix",
    "send|share|dm|text me|us photo*|pics|picture*|selfie*|nudes|pix|snaps",
    "photo*|pic|pics|picture*|selfie*|image*|snap|snaps of|from you|yourself|u|ya",
    "what|wat do|does you|u look like",
    "show me ~1 ur|your face|body|self|yourself",
    "can|could|may i see|have|get a|another|some|ur|your photo*|pic|pics|picture*|selfie*",
    // Spanish
    "mandame|enviame|pasame|mandes|envies|pases|mandas|envias|pasas|manda|envia|pasa una|otra|unas|alguna|algunas|tu|tus|mas ~1 foto*|selfie*|imagen*|pack",
    "mandame|enviame|pasame fotos|fotitos|selfies|fotito|foto|selfie|pack",
    "foto*|selfie*|fotito* tuya*|tuyo*",
    "foto*|selfie*|fotito* de ti|vos",
    "como eres fisicamente",
    // Arabic
    "ارسل*|ابعث*|ابعت*|وريني|شاركني|ورجيني|ارسلي*|ارسليلي ~2 صور*|سيلفي",
    "صورتك|صورك|صورتج",
    "صوره ~1 لك|الك|الج|لكي",
    // French
    "envoie*|montre* moi ~2 photo*|selfie*",
    "photo*|selfie* de toi",
    // Portuguese
    "manda|mande|envia|envie|me ~2 uma|outra|umas ~1 foto*|selfie*",
    "foto*|selfie* sua|tua|de voce",
    // German
    "schick*|send* mir ~2 foto*|bild*|selfie*",
    "foto*|bild*|selfie* von dir",
];

/// Requests to keep something from others, or to hide what was said.
pub const SECRECY: &[&str] = &[
    // English
    "dont|dnt|never|shouldnt tell ~1 anyone|anybody|noone|nobody|your|ur|them|mum|mom|dad|parent*|family|coordinator*|staff|teacher*|friends|mentor|social",
    "do|must|should not tell ~1 anyone|anybody|noone|nobody|your|ur|them|mum|mom|dad|parent*|family|coordinator*|staff|teacher*",
    "dont|dnt|never show ~1 anyone|anybody|your|ur",
    "do not show ~1 anyone|anybody|your|ur",
    "keep ~1 this|it|that|things ~1 between us|ourselves|secret|quiet|hush",
    "keep ~1 this|it|that|things between you and me",
    "our ~1 secret|secrets",
    "between you and me|i",
    "between u and me|i",
    "just between us",
    "no one ~1 needs|has|have|should|must|will ~1 know|find",
    "nobody|noone ~1 needs|has|have|should|must|will ~1 know|find",
    "dont|dnt|never mention ~1 this|it|me|us ~2 anyone|anybody|your|ur|parent*|mum|mom|dad",
    "do not mention ~1 this|it|me|us ~2 anyone|anybody|your|ur|parent*|mum|mom|dad",
    "delete|erase|clear|wipe ~3 message*|msgs|chat|chats|convo*|conversation*|texts|dms|history",
    // Spanish
    "no ~2 digas|cuentes|comentes|menciones|ensenes|muestres|contes|digan ~3 nadie|padres|madre|padre|papa|mama|papas|familia|coordinador*|profe*|profesor*|amig*",
    "nuestro|nuestros ~1 secreto*",
    "entre tu|vos y yo",
    "entre nosotros|nosotras",
    "que quede ~1 entre",
    "nadie ~3 saber|enterarse|entere|sepa",
    "borra|borres|elimina|elimines|borrar|eliminar ~3 mensaje*|chat*|conversacion*|historial",
    // Arabic
    "لا|ما|اوعي|اوعى ~1 تخبر*|تقول*|تقل*|تحكي*|تحك*|تقولي|تخبري|تعلم* ~3 احد*|حد|حدا|اهل*|والد*|امك|ابوك|المنسق*|لاهل*|لحد|لحدا|لاحد*|لامك|لابوك|لوالد*|للمنسق*",
    "سر|سري ~1 بيننا|بينا|بيناتنا",
    "سرنا",
    "بيني ~1 وبينك|بينك|وبينج",
    "امسح*|احذف*|امسحي*|احذفي*|امحي ~3 رسال*|الرسائل|الرسايل|المحادث*|الشات|الرساله|المحادثه",
    "محدش|محد|حدا|احد لازم ~1 يعرف*|يدري",
    "ما|لا|مش لازم ~1 حدا|احد|حد ~1 يعرف*|يدري",
    // French
    "ne ~2 dis|dit|raconte ~2 personne|parents|rien",
    "notre|nos ~1 secret*",
    "entre nous",
    "entre toi et moi",
    "efface* ~3 message*|conversation*|discussion*",
    // Portuguese
    "nao conta*|fala*|diz* ~3 ninguem|pais|mae|pai",
    "nosso ~1 segredo",
    "entre nos",
    "entre a gente",
    "apaga* ~3 mensage*|conversa*",
    // German
    "sag*|erzahl* ~2 niemandem|keinem",
    "unser* ~1 geheimnis",
    "unter uns",
    "losch* ~3 nachricht*|chat*",
];

/// Invitations to talk on another app, or to give one's name there.
pub const INVITATIONS: &[&str] = &[
    // English
    "add|follow|message|msg|text|dm|call|ping|contact|find|reach|hit|write|facetime|video|vc me ~3 $app",
    "talk|chat|speak|continue|move|switch|go|text|message|hop ~3 $app",
    "are|r you|u on $app",
    "do|you|u ~1 have|got|use $app",
    "whats|wats|what ~1 your|ur $app",
    "what is your|ur $app",
    "give|send|drop|tell me ~1 your|ur $app",
    "my $app is|=|:|handle|name|username|id|@",
    "my $app ~1 is|=|:",
    // Spanish
    "agregame|agregas|agregues|agregarme|anademe|anades|sigueme|escribeme|hablame|llamame|mandame|buscame|contactame|agrega|agregar|anadir|seguir|escribir|hablar|llamar ~3 $app",
    "hablemos|sigamos|pasemos|vamos|seguimos|hablamos|movamos|pasamos|continuemos ~3 $app",
    "tienes|tenes|usas|tendras ~1 $app",
    "estas en $app",
    "cual es tu $app",
    "dame|pasame|pasa|mandame tu $app",
    "mi $app es|:",
    "mejor ~1 por|en $app",
    "te escribo|hablo|agrego ~2 $app",
    // Arabic
    "اضفني|ضيفني|تابعني|راسلني|كلمني|حاكيني|ابعتلي|ضفني|ضيفيني|كلميني|راسليني|تواصل*|نتواصل|نتكلم|نحكي ~3 $app",
    "عندك|معك|عندج ~1 $app",
    "خلينا|تعال|تعالي ~3 $app",
    "حسابك|حسابي ~2 $app",
    "$app ~1 حسابك|حقك|تبعك|حسابي",
    // French
    "ajoute*|suis|ecris*|contacte*|appelle* moi ~3 $app",
    "tu as|es $app",
    "tas $app",
    "ton $app",
    "on parle|continue ~2 $app",
    // Portuguese
    "me adiciona|segue|chama|manda ~3 $app",
    "adiciona|segue|chama me ~3 $app",
    "voce|vc tem $app",
    "tem $app",
    "seu $app",
    // German
    "adde|folg|schreib|kontaktier mir|mich ~3 $app",
    "hast du $app",
    "dein $app",
];

/// The patterns of a list, compiled once per use.
pub fn compile(list: &[&str]) -> Vec<Pattern> {
    list.iter().map(|p| Pattern::new(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn found(pattern: &str, text: &str) -> Vec<String> {
        let t = join_apps(&tokens(text));
        Pattern::new(pattern)
            .find(&t)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn a_gap_lets_words_pass_and_an_app_matches_by_its_name() {
        assert_eq!(
            found("add me ~3 $app", "Pls add me on Snap chat!"),
            vec!["add me on Snap chat"]
        );
        assert!(found("add me ~1 $app", "add me if you want, on snap").is_empty());
    }

    #[test]
    fn a_prefix_alternative_matches_the_words_it_begins() {
        assert_eq!(
            found("photo* of you", "two photos of you"),
            vec!["photos of you"]
        );
        assert!(found("photo* of you", "a phone of you").is_empty());
    }

    #[test]
    fn a_keyword_is_matched_as_its_words() {
        let t = join_apps(&tokens("Let's MEET-UP alone"));
        assert_eq!(Pattern::keyword("meet up").find(&t).len(), 1);
        assert_eq!(Pattern::keyword("alon*").find(&t).len(), 1);
        assert!(Pattern::keyword("alon").find(&t).is_empty());
    }
}
