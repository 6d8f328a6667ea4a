//! A programme's pair-room safety policy at work (`[safety]`; the detector is
//! `domain::safety`, the coordinators' commands and the notices `flows::safety`): each
//! message written in an active match's pair room is read with its programme's policy;
//! what is found is recorded as flags (with a short excerpt, never the message) in one
//! step, which puts the announcing act in the outbox in the same commit. That act, when
//! delivered, sends the sender a kind, private reminder of the policy (once per kind a day,
//! by their own date) and the coordinators' room a card per flag, and is completed in the
//! same commit as those messages are queued: a crash anywhere loses no card and sends no
//! card twice. A message delivered twice (a platform's redelivery, a catch-up) is flagged
//! once: the flagging step is recorded under the message's event.
//!
//! Nothing here holds the message up or answers it: it runs after the message was noted,
//! and a failure is logged. A deployment where no programme has a policy pays nothing.
//!
//! Repeated flags count in a match's health (`storage::check_ins`), and flags are in
//! `my data`, erasure and the legal hold (`storage::personal`).

use std::collections::HashMap;

use tracing::warn;

use crate::domain::matches::MatchRecord;
use crate::domain::safety::{self, Flag, Message, NewFlag, ShownFlag};
use crate::domain::schedule::local_time;
use crate::domain::{Answer, EventRef, RoleKind, RoomRef, UserRef};
use crate::error::{Error, Result};
use crate::flows::{self, Outcome, StateChange, Subject};
use crate::storage::CommitOutcome;

use super::{App, Known};

impl App {
    /// Reads `text`, which `from` wrote in `room`, with the policy of the programme whose
    /// active match the room is, if that programme has one.
    /// `event` is the platform's id of the message, under which its flags are recorded.
    pub(super) async fn check_safety(
        &self,
        room: &RoomRef,
        from: &UserRef,
        text: &str,
        event: Option<&EventRef>,
    ) {
        if !self.programmes.iter().any(|p| p.safety.is_some()) || self.rooms.is_configured(room) {
            return;
        }
        if let Err(e) = self.check_safety_in(room, from, text, event).await {
            warn!("reading a pair-room message for the safety policy failed: {e:#}");
        }
    }

    async fn check_safety_in(
        &self,
        room: &RoomRef,
        from: &UserRef,
        text: &str,
        event: Option<&EventRef>,
    ) -> Result<()> {
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
        let sender = if *from == m.mentor {
            RoleKind::Mentor
        } else if *from == m.mentee {
            RoleKind::Mentee
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
        // Recorded under its own id beside the message's (which the pair room's activity
        // records as handled, see `storage::activity`): a redelivered message finds it
        // and flags nothing again.
        let event = event.map(|e| EventRef::new(e.platform, format!("safety:{}", e.id)));
        let base = match &event {
            Some(e) => format!("safety-{}-{}", e.platform, e.id),
            None => self.fresh_base(&format!("safety-m{match_id}")),
        };
        let effects = vec![flows::Effect::RecordSafetyFlags(flags)];
        let enqueue = self.enqueue(&base, None, None, now);
        let committed = self
            .store
            .commit_step_with::<flows::FlowState>(
                from,
                None,
                &StateChange::Unchanged,
                &effects,
                now,
                Some(&enqueue),
                event.as_ref(),
            )
            .await?;
        if let CommitOutcome::Committed { acts, .. } = committed {
            let failed = self.dispatch(acts, &mut None).await;
            self.surface(&failed, None).await;
        }
        Ok(())
    }

    /// The delivery of `Act::AnnounceSafetyFlags`: the new flags' cards and their
    /// sender's reminders, queued in a step that completes the act `completes`.
    pub(super) async fn announce_safety_flags(
        &self,
        ids: &[i64],
        base: &str,
        completes: (i64, &str),
    ) -> Result<()> {
        for attempt in 1..=3u64 {
            let flags = self.store.safety_flags_by_ids(ids).await?;
            // Erased meanwhile: nothing to tell.
            let Some(first) = flags.first() else {
                return Ok(());
            };
            let sender = first.sender.clone();
            let Some(programme) = self.programmes.iter().find(|p| p.slug == first.programme) else {
                return Ok(());
            };
            let now = self.clock.now();
            // One message's flags: one match, read once for the sender's name and zone.
            let m = self.store.match_by_id(first.match_id).await?;
            // The sender's own date, by the zone of their application in this match.
            let application = m.as_ref().map(|m| {
                if m.mentor == sender {
                    m.mentor_application
                } else {
                    m.mentee_application
                }
            });
            let zone = match application {
                Some(a) => self.store.application_zone(a).await?,
                None => None,
            };
            let day = zone
                .as_ref()
                .map_or(now.date_naive(), |z| local_time(z, now).date());
            let mut remind = Vec::new();
            for kind in safety::distinct_kinds(flags.iter().map(|f| f.kind)) {
                if !self.store.safety_reminder_sent(&sender, kind, day).await? {
                    remind.push(kind);
                }
            }
            let shown: Vec<ShownFlag> = flags.into_iter().map(|f| shown(f, m.as_ref())).collect();
            let known = Known::default();
            let subject = Subject::Nothing;
            let ctx = self.ctx(&sender, &known, &subject, now);
            let effects = flows::safety::announce(&ctx, programme, &shown, &remind, day);
            if ctx.coordinators_room(Some(&programme.slug)).is_none() {
                warn!(
                    "no coordinators' room on {} for {}'s safety flags",
                    sender.platform, programme.slug
                );
            }
            let outcome = Outcome {
                state: StateChange::Unchanged,
                effects,
            };
            // A conflict: the sender was reminded meanwhile (another message's flags);
            // read again, and the reminder is left out.
            if self
                .record_system_step(&sender, &outcome, now, base, Some(completes))
                .await?
                .is_some()
            {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(attempt * 2)).await;
        }
        Err(Error::Internal(anyhow::anyhow!(
            "gave up announcing safety flags {ids:?} after conflicting attempts"
        )))
    }

    /// `flags` as the coordinators read them: with their sender's name in the match and
    /// the match's pair room (each match read once).
    pub(super) async fn shown_flags(&self, flags: Vec<Flag>) -> Result<Vec<ShownFlag>> {
        let mut matches: HashMap<i64, Option<MatchRecord>> = HashMap::new();
        let mut out = Vec::with_capacity(flags.len());
        for flag in flags {
            if let std::collections::hash_map::Entry::Vacant(slot) = matches.entry(flag.match_id) {
                slot.insert(self.store.match_by_id(flag.match_id).await?);
            }
            let m = matches.get(&flag.match_id).and_then(Option::as_ref);
            out.push(shown(flag, m));
        }
        Ok(out)
    }
}

/// `flag` as the coordinators read it, with its match `m` (if still stored): the sender's
/// name in the match (their id when it names them no longer) and the pair room.
fn shown(flag: Flag, m: Option<&MatchRecord>) -> ShownFlag {
    let (sender_name, room) = match m {
        Some(m) if m.mentor == flag.sender => (m.mentor_name.clone(), m.room.clone()),
        Some(m) if m.mentee == flag.sender => (m.mentee_name.clone(), m.room.clone()),
        Some(m) => (flag.sender.id.clone(), m.room.clone()),
        None => (flag.sender.id.clone(), None),
    };
    ShownFlag {
        flag,
        sender_name,
        room,
    }
}
