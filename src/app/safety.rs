//! A programme's pair-room safety policy at work (`[safety]`; the detector is
//! `domain::safety`): each message written in an active match's pair room is read with
//! its programme's policy; what is found is recorded as flags (with a short excerpt, never
//! the message), the sender gets a kind, private reminder of the policy (once per kind a
//! day, by their own date), and the coordinators' room gets a card per flag.
//!
//! Nothing here holds the message up or answers it: it runs after the message was noted,
//! and a failure is logged. A deployment where no programme has a policy pays nothing.
//!
//! Repeated flags count in a match's health (`storage::check_ins`), and flags are in
//! `my data`, erasure and the legal hold (`storage::personal`). Still to come (see
//! docs/coordinators.md, "A pair-room safety policy"): the card's buttons (dismiss, note,
//! open a case); recording the flags and their reminder and cards in one commit (today a
//! crash between them can lose a card); and a flag keyed by the message's event, so a
//! message delivered twice is not flagged twice.

use tracing::warn;

use crate::chat::OutMessage;
use crate::domain::safety::{self, Message, NewFlag};
use crate::domain::schedule::local_time;
use crate::domain::{Answer, RoleKind, RoomRef, UserRef};
use crate::error::Result;
use crate::flows::Effect;
use crate::i18n::Text;

use super::App;

impl App {
    /// Reads `text`, which `from` wrote in `room`, with the policy of the programme whose
    /// active match the room is, if that programme has one.
    pub(super) async fn check_safety(&self, room: &RoomRef, from: &UserRef, text: &str) {
        if !self.programmes.iter().any(|p| p.safety.is_some()) || self.rooms.is_configured(room) {
            return;
        }
        if let Err(e) = self.check_safety_in(room, from, text).await {
            warn!("reading a pair-room message for the safety policy failed: {e:#}");
        }
    }

    async fn check_safety_in(&self, room: &RoomRef, from: &UserRef, text: &str) -> Result<()> {
        let Some(match_id) = self.store.active_match_in_room(&room.id).await? else {
            return Ok(());
        };
        let Some(m) = self.store.match_by_id(match_id).await? else {
            return Ok(());
        };
        let Some(programme) = self.programmes.iter().find(|p| p.slug == m.programme) else {
            return Ok(());
        };
        let Some(policy) = &programme.safety else {
            return Ok(());
        };
        let (sender, sender_name, sender_application) = if *from == m.mentor {
            (RoleKind::Mentor, &m.mentor_name, m.mentor_application)
        } else if *from == m.mentee {
            (RoleKind::Mentee, &m.mentee_name, m.mentee_application)
        } else {
            return Ok(()); // staff, or the bot's own copy
        };
        // The ages of the members whose form asks the age question.
        let mut ages = Vec::new();
        if let Some(question) = &policy.age_question {
            for (role, application) in [
                (RoleKind::Mentee, m.mentee_application),
                (RoleKind::Mentor, m.mentor_application),
            ] {
                if programme
                    .role(role)
                    .and_then(|r| r.question(question))
                    .is_none()
                {
                    continue;
                }
                let answer = self.store.application(application).await?.and_then(|a| {
                    a.answers
                        .into_iter()
                        .find(|(q, _)| q == question)
                        .map(|(_, a)| a)
                });
                ages.push(match answer {
                    Some(Answer::Number(n)) if n >= 0.0 => Some(n as u32),
                    _ => None,
                });
            }
        }
        let now = self.clock.now();
        // The young person's time: the mentee's zone.
        let young_zone = self.store.application_zone(m.mentee_application).await?;
        let message = Message {
            text,
            sender,
            ages: &ages,
            local_time: young_zone.as_ref().map(|z| local_time(z, now).time()),
        };
        let findings = safety::detect(policy, &message);
        if findings.is_empty() {
            return Ok(());
        }
        let flags: Vec<NewFlag> = findings
            .iter()
            .map(|f| NewFlag {
                programme: programme.slug.clone(),
                match_id,
                sender: from.clone(),
                kind: f.kind,
                excerpt: f.excerpt.clone(),
                at: now,
            })
            .collect();
        let ids = self.store.record_safety_flags(&flags).await?;
        let mut effects = Vec::new();
        // A reminder per kind, once a day by the sender's own date.
        let sender_zone = self.store.application_zone(sender_application).await?;
        let day = sender_zone
            .as_ref()
            .map_or(now.date_naive(), |z| local_time(z, now).date());
        for kind in safety::kinds(&findings) {
            if self
                .store
                .claim_safety_reminder(from, kind, day, now)
                .await?
            {
                effects.push(Effect::SendDm {
                    to: from.clone(),
                    message: OutMessage::said(kind.reminder(programme.said_name())),
                });
            }
        }
        if let Some(coordinators) = self
            .coordinators_room(Some(&programme.slug), room.platform)
            .cloned()
        {
            for (id, flag) in ids.iter().zip(&flags) {
                let card = Text::msg("safety-card")
                    .arg("flag", format!("F{id}"))
                    .arg("match", format!("M{match_id}"))
                    .arg("kind", flag.kind.said())
                    .arg("sender", Text::plain(sender_name.as_str()))
                    .arg("time", now.format("%Y-%m-%d %H:%M UTC").to_string());
                let text = if flag.excerpt.is_empty() {
                    card
                } else {
                    Text::lines(vec![
                        card,
                        Text::msg("safety-card-excerpt").arg("excerpt", flag.excerpt.as_str()),
                    ])
                };
                effects.push(Effect::PostInRoom {
                    room: coordinators.clone(),
                    message: OutMessage::said(text).alert(),
                });
            }
        } else {
            warn!(
                "no coordinators' room on {} for {}'s safety flags",
                room.platform, programme.slug
            );
        }
        self.try_perform(&self.fresh_base(&format!("safety-m{match_id}")), effects)
            .await?;
        Ok(())
    }
}
