//! Linked accounts, in memory (`domain::accounts` says what a link is; `storage::links`
//! keeps them): who a message is from, and where a person's DMs go.
//!
//! Every message asks, so the links are held here rather than read per message. This
//! process changes its copy as soon as a step that links, unlinks or erases commits
//! ([`Links::apply`], before that step's messages go out); what another process sharing
//! the database did is read again at most [`REFRESH`](super::kept::REFRESH) later. Until then a message from a
//! newly linked account is taken as that account's own (it gets the "new here" answers),
//! and a DM goes to the account the person wrote from before.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::kept::Kept;
use crate::domain::UserRef;
use crate::domain::accounts::Linked;
use crate::step::Effect;
use crate::storage::Store;

/// The links of every person, read from the database now and then.
pub struct Links {
    store: Store,
    kept: Kept<State>,
}

#[derive(Default)]
struct State {
    /// Each other account: the person it is read as.
    person_of: HashMap<UserRef, UserRef>,
    /// Each person with a link: their other account, whether their DMs go there, and
    /// since when they are linked.
    other_of: HashMap<UserRef, (UserRef, bool, DateTime<Utc>)>,
}

impl State {
    fn insert(&mut self, other: UserRef, person: UserRef, dm_other: bool, since: DateTime<Utc>) {
        self.person_of.insert(other.clone(), person.clone());
        self.other_of.insert(person, (other, dm_other, since));
    }

    /// Forgets every link of `account`, as a person or as another's account.
    fn remove(&mut self, account: &UserRef) {
        if let Some(person) = self.person_of.remove(account) {
            self.other_of.remove(&person);
        }
        if let Some((other, ..)) = self.other_of.remove(account) {
            self.person_of.remove(&other);
        }
    }
}

impl Links {
    pub fn new(store: Store) -> Links {
        Links {
            store,
            kept: Kept::default(),
        }
    }

    /// Reads the links again if the copy is older than `kept::REFRESH` (or was never read).
    pub async fn fresh(&self) {
        self.kept
            .fresh("linked accounts", || async {
                let mut state = State::default();
                for (other, person, dm_other, since) in self.store.linked_accounts().await? {
                    state.insert(other, person, dm_other, since);
                }
                Ok(state)
            })
            .await;
    }

    /// The person `account` is read as, when it is someone's other account.
    pub fn person_of(&self, account: &UserRef) -> Option<UserRef> {
        self.kept.with(|s| s.person_of.get(account).cloned())
    }

    /// `person`'s link, if they have one, for a step written from their other account
    /// (`from_other`) or their own.
    pub fn linked(&self, person: &UserRef, from_other: bool) -> Option<Linked> {
        self.kept.with(|s| {
            s.other_of
                .get(person)
                .map(|(other, dm_other, since)| Linked {
                    other: other.clone(),
                    dm_other: *dm_other,
                    from_other,
                    since: *since,
                })
        })
    }

    /// Where a DM to `to` goes: their other account when they last wrote from it, else
    /// `to` itself.
    pub fn dm_account(&self, to: &UserRef) -> UserRef {
        self.kept.with(|s| match s.other_of.get(to) {
            Some((other, true, _)) => other.clone(),
            _ => to.clone(),
        })
    }

    /// Takes in what a committed step changed.
    pub fn apply(&self, effects: &[Effect]) {
        for effect in effects {
            match effect {
                Effect::LinkAccounts { person, other, at } => self
                    .kept
                    .change(|s| s.insert(other.clone(), person.clone(), false, *at)),
                Effect::Unlink { account } | Effect::ErasePerson { user: account, .. } => {
                    self.kept.change(|s| s.remove(account))
                }
                Effect::DmAccount {
                    person,
                    other: here,
                } => self.kept.change(|s| {
                    if let Some((_, dm_other, _)) = s.other_of.get_mut(person) {
                        *dm_other = *here;
                    }
                }),
                _ => {}
            }
        }
    }
}

impl super::App {
    /// Where a DM to `to` goes ([`Links::dm_account`]), if this process serves that
    /// platform; else to `to` itself (one process per platform: the act is this one's).
    pub(super) async fn dm_account(&self, to: &UserRef) -> UserRef {
        self.links.fresh().await;
        let there = self.links.dm_account(to);
        let served = &self.settings.platforms;
        if served.is_empty() || served.contains(&there.platform) {
            there
        } else {
            to.clone()
        }
    }

    /// `person`'s account on `platform`: their own, or the one they linked there.
    pub(super) fn account_on(
        &self,
        person: &UserRef,
        platform: crate::domain::Platform,
    ) -> Option<UserRef> {
        if person.platform == platform {
            return Some(person.clone());
        }
        self.links
            .linked(person, false)
            .map(|l| l.other)
            .filter(|other| other.platform == platform)
    }

    /// `person`'s account in `room`: the one on its platform, if they have one there.
    pub(super) fn account_in(&self, person: &UserRef, room: &crate::domain::RoomRef) -> UserRef {
        self.account_on(person, room.platform)
            .unwrap_or_else(|| person.clone())
    }
}
