//! Pairs and their rooms: creating a pair room once both accepted (checked again first),
//! archiving, freezing and leaving rooms, transcripts, proposals posted to the
//! coordinators, re-planning after a change, and offers that expire or can no longer go
//! ahead.
//!
//! These run as acts from the outbox (`app::outbox`) or the sweep; each is safe to run
//! again after a crash.

use crate::i18n::Text;
use std::time::Duration;

use tracing::warn;

use crate::chat::OutMessage;
use crate::domain::matches::MatchRecord;
use crate::domain::{Platform, RoomRef, UserRef};
use crate::error::Result;
use crate::flows::{self, Ctx, Effect, Outcome, StateChange, Subject};
use crate::ports::{IdempotencyKey, PortError, PrivateRoomSpec};
use crate::storage::CommitOutcome;

use super::{App, Known, MAX_ATTEMPTS, follow_up, outbox};

impl App {
    /// A match with its pair room, if it has one.
    pub(super) async fn pair_room_of(
        &self,
        match_id: i64,
    ) -> std::result::Result<Option<(MatchRecord, RoomRef)>, PortError> {
        let m = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| PortError::Other(anyhow::anyhow!("reading match {match_id}: {e}")))?;
        Ok(m.and_then(|m| {
            let room = m.pair_room()?;
            Some((m, room))
        }))
    }

    /// Reads a pair room's history and sends it to a member as a text file.
    pub(super) async fn send_transcript(
        &self,
        key: &IdempotencyKey,
        to: &UserRef,
        match_id: i64,
    ) -> std::result::Result<(), PortError> {
        let Some((m, room)) = self.pair_room_of(match_id).await? else {
            return Ok(());
        };
        let message = match self.ports.provisioner.room_history(&room, 5000).await {
            Ok(lines) => {
                // The file is written in its reader's language too (the message
                // carrying it is rendered on delivery; a file is not).
                let mut text = Text::msg("transcript-file-head")
                    .arg("mentee", &m.mentee_name)
                    .arg("mentor", &m.mentor_name)
                    .arg("id", m.id)
                    .arg("count", lines.len())
                    .render(self.languages.of(to));
                text.push_str("\n\n");
                for l in &lines {
                    text.push_str(&format!(
                        "[{}] {}: {}\n",
                        l.at.format("%Y-%m-%d %H:%M"),
                        l.author,
                        l.text
                    ));
                }
                OutMessage {
                    attachment: Some(crate::chat::Attachment {
                        name: format!("transcript-match-{}.txt", m.id),
                        mime: "text/plain; charset=utf-8".into(),
                        data: text.into_bytes(),
                    }),
                    ..OutMessage::said(Text::msg("transcript-sent").arg("count", lines.len()).arg(
                        "partner",
                        if m.mentee == *to {
                            &m.mentor_name
                        } else {
                            &m.mentee_name
                        },
                    ))
                }
            }
            Err(e) => {
                warn!(match_id, "reading a pair room's history failed: {e}");
                OutMessage::said(Text::msg("transcript-unreadable").arg("error", e.to_string()))
            }
        };
        self.send_dm(to, &message, key).await
    }

    /// Sends `to` a programme's resource file, read from `path` now (a file that went
    /// missing since the programme was read is said so, in place of the file).
    pub(super) async fn send_resource(
        &self,
        key: &IdempotencyKey,
        to: &UserRef,
        path: &str,
        message: &OutMessage,
    ) -> std::result::Result<(), PortError> {
        let name = std::path::Path::new(path).file_name().map_or_else(
            || "resource".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let message = match tokio::fs::read(path).await {
            Ok(data) => OutMessage {
                attachment: Some(crate::chat::Attachment {
                    mime: mime_of(&name).into(),
                    name,
                    data,
                }),
                ..message.clone()
            },
            Err(e) => {
                warn!("a resource file could not be read ({path}): {e}");
                OutMessage::said(crate::i18n::Text::msg("resource-file-missing"))
            }
        };
        self.send_dm(to, &message, key).await
    }

    /// Posts a final notice in a match's pair room and archives it (read-only).
    pub(super) async fn archive_pair_room(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        notice: &crate::i18n::Text,
    ) -> std::result::Result<(), PortError> {
        let Some((_, room)) = self.pair_room_of(match_id).await? else {
            return Ok(());
        };
        self.ports
            .rooms
            .post_in_room(
                &room,
                &OutMessage::said(notice.clone()),
                &IdempotencyKey(format!("{}-notice", key.0)),
            )
            .await?;
        self.ports.provisioner.archive_room(&room, key).await
    }

    /// Makes a frozen pair's room read-only (or writable again).
    pub(super) async fn set_pair_room_read_only(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        read_only: bool,
    ) -> std::result::Result<(), crate::ports::PortError> {
        let m = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| anyhow::anyhow!("loading match {match_id}: {e}"))?;
        match m.and_then(|m| m.pair_room()) {
            Some(room) => {
                self.ports
                    .provisioner
                    .set_read_only(&room, read_only, key)
                    .await
            }
            None => Ok(()),
        }
    }

    /// Removes a suspended person from the rooms of their active matches.
    pub(super) async fn remove_from_pair_rooms(
        &self,
        key: &IdempotencyKey,
        user: &UserRef,
    ) -> std::result::Result<(), crate::ports::PortError> {
        let matches = self
            .store
            .matches_of(user)
            .await
            .map_err(|e| anyhow::anyhow!("loading the matches of a suspended person: {e}"))?;
        self.links.fresh().await;
        for m in matches {
            // (For a relayed pair room, the ports take them out of the side they are in.)
            if m.status == crate::domain::matches::MatchStatus::Active
                && let Some(room) = m.pair_room()
            {
                let account = self.account_in(user, &room);
                self.ports
                    .provisioner
                    .remove_member(&room, &account, key)
                    .await?;
            }
        }
        Ok(())
    }

    /// Posts the cards of newly stored proposals to the coordinators' room.
    pub(super) async fn post_proposals(
        &self,
        platform: Platform,
        ids: &[i64],
        base: &str,
    ) -> Result<Vec<outbox::Failure>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut new: Vec<MatchRecord> = Vec::new();
        for id in ids {
            if let Some(m) = self.store.match_by_id(*id).await? {
                new.push(m);
            }
        }
        // Each pair's card goes to the coordinators' room of its people's platform (a
        // replan started on one platform can propose pairs on the other), or else to
        // `platform`'s, which this process serves.
        let mut by_room: Vec<(RoomRef, Vec<MatchRecord>)> = Vec::new();
        for m in new {
            let programme = Some(m.programme.as_str());
            let Some(room) = self
                .coordinators_room(programme, m.mentee.platform)
                .or_else(|| self.coordinators_room(programme, platform))
                .cloned()
            else {
                warn!(
                    "no coordinators' room is configured for {platform}: proposal M{} was not posted",
                    m.id
                );
                continue;
            };
            match by_room.iter_mut().find(|(r, _)| *r == room) {
                Some((_, ms)) => ms.push(m),
                None => by_room.push((room, vec![m])),
            }
        }
        let known = Known::default();
        let subject = Subject::Nothing;
        let mut effects = Vec::new();
        for (room, matches) in by_room {
            let someone = matches[0].mentee.clone();
            let ctx = self.ctx(&someone, &known, &subject, self.clock.now());
            let text = flows::pairing::proposals_text(&ctx, &matches);
            effects.push(Effect::PostInRoom {
                room,
                message: OutMessage::said(text),
            });
        }
        self.try_perform(base, effects).await
    }

    /// Proposes the next best matches of a programme after a decline, rejection or
    /// expiry (the delivery of [`Act::Replan`]): `platform` decides which coordinators'
    /// room hears of it. Its step completes the act `completes` (its row and holder), so a
    /// second delivery proposes nothing again.
    pub(super) async fn replan(
        &self,
        programme: &str,
        platform: Platform,
        base: &str,
        completes: (i64, &str),
    ) -> Result<()> {
        let Some(p) = self.programme(programme) else {
            return Ok(());
        };
        // Nobody in particular asks: the programme's own step.
        let someone = &UserRef::new(platform, "tandem");
        for attempt in 1..=MAX_ATTEMPTS {
            let subject = self.matching_subject(programme).await?;
            let known = Known::default();
            let now = self.clock.now();
            let ctx = self.ctx(someone, &known, &subject, now);
            let outcome = flows::pairing::replan(&ctx, p);
            // The new proposals' cards are a follow-up act of the step.
            if self
                .record_system_step(someone, &outcome, now, base, Some(completes))
                .await?
                .is_some()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Ok(())
    }

    /// Records a step the bot takes itself (`outcome`, decided as `who`), completing the
    /// follow-up act `completes` (its row and holder) if one asked for it, and delivers the
    /// acts it put in the outbox under `base`. `None`: what it was based on changed
    /// meanwhile, so it must be decided again; `Some(true)` when recorded, `Some(false)`
    /// when carried out already (an earlier delivery of the same act).
    pub(super) async fn record_system_step(
        &self,
        who: &UserRef,
        outcome: &Outcome,
        now: chrono::DateTime<chrono::Utc>,
        base: &str,
        completes: Option<(i64, &str)>,
    ) -> Result<Option<bool>> {
        let mut enqueue = self.enqueue(base, None, None, now);
        if let Some((row, holder)) = completes {
            enqueue.completes = Some(row);
            enqueue.worker = holder.to_string();
        }
        let committed = self
            .store
            .commit_step_with(
                who,
                None,
                &StateChange::Unchanged,
                &outcome.effects,
                now,
                Some(&enqueue),
                None,
            )
            .await?;
        Ok(match committed {
            CommitOutcome::Committed { acts, .. } => {
                self.perform_local(&outcome.effects).await;
                let failed = self.dispatch(acts, &mut None).await;
                self.surface(&failed, None).await;
                Some(true)
            }
            CommitOutcome::Duplicate => Some(false),
            CommitOutcome::Conflict => None,
        })
    }

    /// A ranked request that did not go ahead (the delivery of [`Act::PassOn`]): the
    /// mentee's next choice who still can is asked, as a step of the mentee's (see
    /// `choice::pass_on`), which completes the act `completes`.
    pub(super) async fn pass_on(
        &self,
        match_id: i64,
        base: &str,
        completes: (i64, &str),
    ) -> Result<()> {
        let Some(ended) = self.store.match_by_id(match_id).await? else {
            return Ok(());
        };
        let mentee = ended.mentee.clone();
        for attempt in 1..=MAX_ATTEMPTS {
            let known = self.known(&mentee).await?;
            let subject = Subject::Choosing(self.choice_pools(&mentee, true).await?);
            let now = self.clock.now();
            let ctx = self.ctx(&mentee, &known, &subject, now);
            let outcome = flows::choice::pass_on(&ctx, &ended);
            if self
                .record_system_step(&mentee, &outcome, now, base, Some(completes))
                .await?
                .is_some()
            {
                // The next choice's offer, queued with the request.
                for effect in &outcome.effects {
                    if let Effect::StoreRequest(r) = effect {
                        self.deliver_prompts(&r.mentor).await?;
                    }
                }
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Ok(())
    }

    /// An approved match whose deadline passed: it lapses (see `pairing::expire`).
    pub(super) async fn expire_match(&self, id: i64) -> Result<bool> {
        self.match_step(id, flows::pairing::expire).await
    }

    /// Withdraws every open offer that can no longer go ahead (someone in it was
    /// suspended, or is no longer ready to be matched): see `pairing::withdraw_blocked`.
    pub(super) async fn withdraw_blocked_offers(&self) -> Result<usize> {
        let mut done = 0;
        for id in self
            .store
            .pairs_that_cannot_go_ahead(self.clock.now(), None)
            .await?
        {
            let withdrawn = self
                .match_step(id, |ctx, m| Outcome {
                    state: StateChange::Unchanged,
                    effects: flows::pairing::withdraw_blocked(ctx, m),
                })
                .await?;
            done += usize::from(withdrawn);
        }
        Ok(done)
    }

    /// A system step about match `id`, decided by `decide` (as its mentee, who is not
    /// told anything by it unless `decide` says so); `false` if it decided nothing.
    pub(super) async fn match_step(
        &self,
        id: i64,
        decide: impl Fn(&Ctx<'_>, &crate::domain::matches::MatchRecord) -> Outcome,
    ) -> Result<bool> {
        for attempt in 1..=MAX_ATTEMPTS {
            let Some(m) = self.store.match_by_id(id).await? else {
                return Ok(false);
            };
            let now = self.clock.now();
            let known = Known::default();
            let subject = Subject::Nothing;
            let ctx = self.ctx(&m.mentee, &known, &subject, now);
            let outcome = decide(&ctx, &m);
            if outcome.effects.is_empty() {
                return Ok(false);
            }
            if self
                .commit_and_perform(&m.mentee, None, outcome, now, None, None)
                .await?
            {
                return Ok(true);
            }
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Ok(false)
    }

    /// The room a group already has: an active match of the same mentor in the same
    /// programme with a room.
    pub(super) async fn group_room(
        &self,
        match_id: i64,
        mentor_app: i64,
    ) -> Result<Option<RoomRef>> {
        let Some(this) = self.store.match_by_id(match_id).await? else {
            return Ok(None);
        };
        let all = self.store.matches_in(&this.programme).await?;
        Ok(all
            .into_iter()
            // (A relayed pair's room is not the group's: its mentee is on another platform;
            // nor one on another platform than this pair's.)
            .find(|o| {
                o.id != match_id
                    && o.mentor_application == mentor_app
                    && o.status == crate::domain::matches::MatchStatus::Active
                    && !o.relayed()
                    && o.room_platform() == this.room_platform()
            })
            .and_then(|o| o.pair_room()))
    }

    /// Where `programme` keeps its pair rooms on `platform`, if it names a place of its own.
    fn pairs_home(&self, programme: &str, platform: Platform) -> Option<crate::ports::RoomHome> {
        self.rooms
            .pairs_home(programme, platform)
            .map(|(parent, category)| crate::ports::RoomHome {
                parent: parent.cloned(),
                category: category.cloned(),
            })
    }

    /// Creates a pair room (or, for a group, adds the mentee to the room the group already
    /// has), remembers it on the match, and posts the kickoff in it.
    pub(super) async fn create_pair_room(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        spec: PrivateRoomSpec,
        kickoff: &OutMessage,
        group_of: Option<i64>,
    ) -> std::result::Result<(), crate::ports::PortError> {
        // Made on an earlier try (whose kickoff then failed, or whose process died before
        // recording the act done): never a second room for the same match.
        let known = self
            .store
            .match_by_id(match_id)
            .await
            .map_err(|e| anyhow::anyhow!("looking up match {match_id}: {e}"))?;
        let made = known.as_ref().and_then(|m| m.room.clone());
        // The last check before two people are put in a room together: nobody suspended,
        // nobody whose screening lapsed since they accepted.
        if made.is_none()
            && !self
                .store
                .pairs_that_cannot_go_ahead(self.now(), Some(match_id))
                .await
                .map_err(|e| anyhow::anyhow!("checking match {match_id}: {e}"))?
                .is_empty()
        {
            warn!(
                match_id,
                "not making a pair room: one of the two is no longer ready"
            );
            let programme = known.as_ref().map(|m| m.programme.as_str());
            if let Some(room) = self.coordinators_room(programme, spec.members[0].platform) {
                let note = OutMessage::said(
                    crate::i18n::Text::msg("notice-pair-room-held")
                        .arg("match", format!("M{match_id}"))
                        .arg("name", spec.name.as_str()),
                )
                .alert();
                self.post(room, &note, &IdempotencyKey(format!("{}-held", key.0)))
                    .await?;
            }
            return Ok(());
        }
        // Members on two platforms: a room on each, relayed; unless they share one through
        // a linked account, where the room is, with that account in it.
        let relayed = match &known {
            Some(m) => m.relayed(),
            None => spec
                .members
                .iter()
                .any(|u| u.platform != spec.members[0].platform),
        };
        if relayed && let [_, _] = spec.members.as_slice() {
            let programme = known.as_ref().map(|m| m.programme.clone());
            let made_relay = known.and_then(|m| m.relay_room);
            return self
                .create_relayed_room(
                    key,
                    match_id,
                    &spec,
                    (made, made_relay),
                    kickoff,
                    programme.as_deref(),
                )
                .await;
        }
        let platform = known
            .as_ref()
            .map_or(spec.members[0].platform, |m| m.room_platform());
        self.links.fresh().await;
        let mut members = Vec::with_capacity(spec.members.len());
        for person in &spec.members {
            members.push(self.account_on(person, platform).ok_or_else(|| {
                anyhow::anyhow!("{person} has no account on {platform} for the pair room")
            })?);
        }
        let home = known
            .as_ref()
            .and_then(|m| self.pairs_home(&m.programme, platform));
        let spec = PrivateRoomSpec {
            members,
            home,
            ..spec
        };
        let existing = match (made.is_some(), group_of) {
            (true, _) => None,
            (false, Some(mentor_app)) => self
                .group_room(match_id, mentor_app)
                .await
                .map_err(|e| anyhow::anyhow!("looking up the group's room: {e}"))?,
            (false, None) => None,
        };
        let room = match (made, existing) {
            (Some(id), _) => RoomRef::new(platform, id),
            (None, Some(room)) => {
                for member in &spec.members {
                    self.ports.provisioner.invite(&room, member, key).await?;
                }
                room
            }
            (None, None) => {
                self.ports
                    .provisioner
                    .create_private_room(&spec, key)
                    .await?
            }
        };
        // Not remembered, the next try would make another room: an error, tried again.
        self.store
            .set_match_room(match_id, &room.id)
            .await
            .map_err(|e| anyhow::anyhow!("remembering the pair room {room}: {e}"))?;
        self.kick_off(key, match_id, &room, kickoff).await
    }

    /// A pair room for a pair on two platforms (`app::relay`): the mentee's side, then the
    /// mentor's, each remembered as soon as it is made (`made`: those made on an earlier
    /// try), then the kickoff, posted in both.
    async fn create_relayed_room(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        spec: &PrivateRoomSpec,
        made: (Option<String>, Option<String>),
        kickoff: &OutMessage,
        programme: Option<&str>,
    ) -> std::result::Result<(), crate::ports::PortError> {
        let side = |member: &UserRef| PrivateRoomSpec {
            members: vec![member.clone()],
            home: programme.and_then(|p| self.pairs_home(p, member.platform)),
            ..spec.clone()
        };
        let (mentee, mentor) = (&spec.members[0], &spec.members[1]);
        let room = match made.0 {
            Some(id) => RoomRef::new(mentee.platform, id),
            None => {
                let room = self
                    .ports
                    .provisioner
                    .create_private_room(&side(mentee), key)
                    .await?;
                self.store
                    .set_match_room(match_id, &room.id)
                    .await
                    .map_err(|e| anyhow::anyhow!("remembering the pair room {room}: {e}"))?;
                room
            }
        };
        let relay = match made.1 {
            Some(id) => RoomRef::new(mentor.platform, id),
            None => {
                let relay_key = IdempotencyKey(format!("{}-relay", key.0));
                let relay = self
                    .ports
                    .provisioner
                    .create_private_room(&side(mentor), &relay_key)
                    .await?;
                self.store
                    .set_match_relay_room(match_id, &relay.id)
                    .await
                    .map_err(|e| anyhow::anyhow!("remembering the relayed side {relay}: {e}"))?;
                relay
            }
        };
        self.relays.rooms().add(match_id, room.clone(), relay).await;
        self.kick_off(key, match_id, &room, kickoff).await
    }

    /// Posts the kickoff in a new pair room and schedules the pair's milestones.
    async fn kick_off(
        &self,
        key: &IdempotencyKey,
        match_id: i64,
        room: &RoomRef,
        kickoff: &OutMessage,
    ) -> std::result::Result<(), crate::ports::PortError> {
        let kickoff_key = IdempotencyKey(format!("{}-kickoff", key.0));
        self.ports
            .rooms
            .post_in_room(room, kickoff, &kickoff_key)
            .await?;
        // A failure here is repaired by the next sweep (the plan is marked when done).
        follow_up(
            "scheduling the milestones",
            self.schedule_milestones(match_id).await,
        );
        Ok(())
    }
}

/// The media type of a resource file, by its extension (what platforms show it as).
fn mime_of(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("mp4") => "video/mp4",
        Some("mp3") => "audio/mpeg",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}
