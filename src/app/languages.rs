//! The language each person is written to in, in memory (`storage::languages` keeps the
//! choices): every message delivered asks, so they are held here rather than read per
//! message (see `kept` for how fresh the copy is). The deployment's language is for
//! everyone who chose none, and for every room.

use std::collections::HashMap;

use std::sync::Arc;

use super::kept::Kept;
use super::links::Links;
use crate::domain::UserRef;
use crate::i18n::Locale;
use crate::step::Effect;
use crate::storage::Store;

pub struct Languages {
    store: Store,
    /// A linked account is written to in its person's language.
    links: Arc<Links>,
    /// The deployment's language.
    default: Locale,
    kept: Kept<HashMap<UserRef, Locale>>,
}

impl Languages {
    pub fn new(store: Store, links: Arc<Links>, default: Locale) -> Languages {
        Languages {
            store,
            links,
            default,
            kept: Kept::default(),
        }
    }

    /// The deployment's language: rooms, and people who chose none.
    pub fn default(&self) -> Locale {
        self.default
    }

    /// Reads the choices (and the links) again if the copy is old.
    pub async fn fresh(&self) {
        self.links.fresh().await;
        self.kept
            .fresh("chosen languages", || async {
                Ok(self.store.person_languages().await?.into_iter().collect())
            })
            .await;
    }

    /// The language `account`'s person chose, if any (see [`Languages::fresh`]).
    pub fn chosen(&self, account: &UserRef) -> Option<Locale> {
        let person = self.links.person_of(account);
        let person = person.as_ref().unwrap_or(account);
        self.kept.with(|m| m.get(person).copied())
    }

    /// The language to write to `person` in.
    pub fn of(&self, person: &UserRef) -> Locale {
        self.chosen(person).unwrap_or(self.default)
    }

    /// Takes in what a committed step changed.
    pub fn apply(&self, effects: &[Effect]) {
        for effect in effects {
            match effect {
                Effect::SetLanguage { user, locale } => self.kept.change(|m| {
                    m.insert(user.clone(), *locale);
                }),
                Effect::ErasePerson { user, .. } => self.kept.change(|m| {
                    m.remove(user);
                }),
                _ => {}
            }
        }
    }
}
