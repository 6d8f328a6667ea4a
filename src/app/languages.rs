//! The language each person is written to in, in memory (`storage::languages` keeps the
//! choices): every message delivered asks, so they are held here rather than read per
//! message (see `kept` for how fresh the copy is). The deployment's language is for
//! everyone who chose none, and for every room but a pair room whose people share another.

use std::collections::HashMap;
use std::sync::Arc;

use super::kept::Kept;
use super::links::Links;
use crate::domain::{RoomRef, UserRef};
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
    /// The language each account's platform last reported for it (Discord's interaction
    /// locale), for people who chose none: a first guess, kept in memory only (the
    /// process that serves the platform delivers its DMs) until they choose.
    guessed: std::sync::Mutex<HashMap<UserRef, Locale>>,
    /// A language a platform reported for someone who chose none, that Tandem does not
    /// speak (`pt-BR`): said to them once, with their next reply (`None` once said).
    unknown: std::sync::Mutex<HashMap<UserRef, Option<String>>>,
}

impl Languages {
    pub fn new(store: Store, links: Arc<Links>, default: Locale) -> Languages {
        Languages {
            store,
            links,
            default,
            kept: Kept::default(),
            guessed: Default::default(),
            unknown: Default::default(),
        }
    }

    /// `account`'s platform says it uses `tag` (`es-ES`): its person's language until they
    /// choose one, if Tandem speaks it.
    pub fn guess(&self, account: &UserRef, tag: &str) {
        let person = self.person(account);
        let mut guessed = self.guessed.lock().unwrap_or_else(|e| e.into_inner());
        match Locale::from_tag(tag) {
            Some(locale) => {
                // A language it speaks after all: nothing to say about the other.
                let mut unknown = self.unknown.lock().unwrap_or_else(|e| e.into_inner());
                unknown.remove(&person);
                guessed.insert(person, locale)
            }
            None => {
                if !tag.trim().is_empty() {
                    let mut unknown = self.unknown.lock().unwrap_or_else(|e| e.into_inner());
                    unknown
                        .entry(person.clone())
                        .or_insert_with(|| Some(tag.trim().to_string()));
                }
                guessed.remove(&person)
            }
        };
    }

    /// The language `account`'s platform reported that Tandem does not speak, if they
    /// chose none and have not been told yet; from now on they have been.
    pub fn unknown_to_say(&self, account: &UserRef) -> Option<String> {
        let person = self.person(account);
        if self.kept.with(|m| m.contains_key(&person)) {
            return None;
        }
        let mut unknown = self.unknown.lock().unwrap_or_else(|e| e.into_inner());
        unknown.get_mut(&person).and_then(Option::take)
    }

    /// The person `account` is (its own, or the one it is linked to).
    fn person(&self, account: &UserRef) -> UserRef {
        self.links
            .person_of(account)
            .unwrap_or_else(|| account.clone())
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

    /// The language to write to `account` in: the one its person chose, else the one a
    /// platform last reported for them, else the deployment's. The same for both of a
    /// linked person's accounts.
    pub fn of(&self, account: &UserRef) -> Locale {
        let person = self.person(account);
        self.chosen(account)
            .or_else(|| {
                let guessed = self.guessed.lock().unwrap_or_else(|e| e.into_inner());
                guessed.get(&person).copied()
            })
            .unwrap_or(self.default)
    }

    /// The language `account`'s person chose, if they chose one.
    fn chosen(&self, account: &UserRef) -> Option<Locale> {
        let person = self.person(account);
        self.kept.with(|m| m.get(&person).copied())
    }

    /// The language to post in `room` in: a pair room's people's, when they all chose the
    /// same one (a pair who both chose Spanish read their room in Spanish); else, and for
    /// every other room, the deployment's.
    pub async fn of_room(&self, room: &RoomRef) -> Locale {
        self.fresh().await;
        // Nobody chose anything else: no need to ask who the room's people are.
        if !self.kept.with(|m| m.values().any(|l| *l != self.default)) {
            return self.default;
        }
        let members = match self.store.room_members(&room.id).await {
            Ok(members) => members,
            Err(e) => {
                tracing::warn!(%room, "the pair room's people could not be read, so it is written to in the deployment's language: {e}");
                return self.default;
            }
        };
        self.chosen_by_all(&members)
    }

    /// The language `people` all chose, or the deployment's when they differ (a pair room
    /// before it exists: its topic).
    pub async fn shared(&self, people: &[UserRef]) -> Locale {
        self.fresh().await;
        self.chosen_by_all(people)
    }

    /// [`Languages::shared`] on the copy as it is (read fresh by the caller).
    fn chosen_by_all(&self, people: &[UserRef]) -> Locale {
        // What each chose, not what a platform guessed: a guess is one process's, and lost
        // on restart, and the room's language should not change from one post to the next.
        let mut languages = people
            .iter()
            .map(|m| self.chosen(m).unwrap_or(self.default));
        match languages.next() {
            Some(first) if languages.all(|l| l == first) => first,
            _ => self.default,
        }
    }

    /// Takes in what a committed step changed.
    pub fn apply(&self, effects: &[Effect]) {
        for effect in effects {
            match effect {
                Effect::SetLanguage { user, locale } => self.kept.change(|m| {
                    m.insert(user.clone(), *locale);
                }),
                Effect::ErasePerson { user, .. } => {
                    self.kept.change(|m| {
                        m.remove(user);
                    });
                    // Nothing of theirs is kept, a guess included.
                    let mut guessed = self.guessed.lock().unwrap_or_else(|e| e.into_inner());
                    guessed.remove(user);
                }
                _ => {}
            }
        }
    }
}
