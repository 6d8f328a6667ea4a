//! `language`: which language Tandem writes to a person in.
//!
//! `language` alone says which one and lists the others (a menu where the platform has
//! one); `language es` (a tag, or the language's name in English or in itself) changes it
//! for everything sent from then on, this step's own reply included, since messages are
//! rendered when they are delivered (see `i18n`). It works with anything open: the open
//! question is asked again, in the new language (see `escape`).

use super::{Ctx, Effect, OutMessage, Outcome};
use crate::chat::CommandMenu;
use crate::i18n::{Locale, Text};

/// A language's name in itself.
fn name(l: Locale) -> Text {
    Text::plain(l.shipped().own)
}

/// Every language Tandem speaks, named in itself with its tag.
fn choices() -> Text {
    Text::plain(
        Locale::all()
            .map(|l| format!("{} ({})", l.shipped().own, l.tag()))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// What a person is told once when their platform reports a language Tandem does not speak
/// (`tag`, such as `pt-BR`): which it speaks, and which it goes on in.
pub fn unknown_here(ctx: &Ctx<'_>, tag: &str) -> Effect {
    ctx.dm(OutMessage::said(
        Text::msg("language-unknown")
            .arg("asked", tag)
            .arg("choices", choices())
            .arg("language", name(ctx.language)),
    ))
}

/// `language [words]`.
pub fn handle(ctx: &Ctx<'_>, words: &str) -> Outcome {
    let words = words.trim();
    if words.is_empty() {
        let mut message = OutMessage::said(
            Text::msg("language-current")
                .arg("language", name(ctx.language))
                .arg("choices", choices()),
        );
        message.menu = Some(Box::new(CommandMenu {
            command: "language".into(),
            // Read by someone who may not read the current language.
            placeholder: "🌐 Language · Idioma · اللغة".into(),
            options: Locale::all().map(|l| (l.label(), l.tag().into())).collect(),
            max: 1,
            also: Vec::new(),
        }));
        return Outcome::unchanged(vec![ctx.dm(message)]);
    }
    match Locale::named(words) {
        Some(locale) => Outcome::unchanged(vec![
            Effect::SetLanguage {
                user: ctx.user.clone(),
                locale,
            },
            ctx.dm(OutMessage::said(
                Text::msg("language-set").arg("language", name(locale)),
            )),
        ]),
        None => Outcome::unchanged(vec![unknown_here(ctx, words)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::Scene;

    #[test]
    fn language_alone_names_the_current_one_and_offers_every_shipped_one() {
        let scene = Scene::for_user("ana");
        let out = handle(&scene.ctx(), "");
        let [Effect::SendDm { message, .. }] = out.effects.as_slice() else {
            panic!("{:?}", out.effects);
        };
        assert!(
            message.text.contains("I write to you in English"),
            "{}",
            message.text
        );
        assert!(message.text.contains("Español (es)"), "{}", message.text);
        let menu = message.menu.as_ref().expect("a menu");
        assert_eq!(menu.command, "language");
        assert_eq!(menu.options.len(), crate::i18n::SHIPPED.len());
    }

    #[test]
    fn a_language_named_in_any_of_its_names_is_set_and_confirmed_in_it() {
        let scene = Scene::for_user("ana");
        for words in ["es", "Español", "spanish", "ES-mx"] {
            let out = handle(&scene.ctx(), words);
            let Effect::SetLanguage { locale, .. } = &out.effects[0] else {
                panic!("{words}: {:?}", out.effects);
            };
            assert_eq!(locale.tag(), "es");
            let Effect::SendDm { message, .. } = &out.effects[1] else {
                panic!("{:?}", out.effects);
            };
            let spanish = message.in_language(*locale);
            assert!(
                spanish.text.contains("te escribiré en Español"),
                "{}",
                spanish.text
            );
        }
    }

    #[test]
    fn a_language_not_shipped_changes_nothing_and_says_which_ones_are() {
        let scene = Scene::for_user("ana");
        let out = handle(&scene.ctx(), "klingon");
        let [Effect::SendDm { message, .. }] = out.effects.as_slice() else {
            panic!("{:?}", out.effects);
        };
        assert!(message.text.contains("“klingon”"), "{}", message.text);
        assert!(message.text.contains("العربية (ar)"), "{}", message.text);
    }
}
