//! Acts: the part of a step's effects that a platform carries out (a message, a room, a
//! file), as they are kept in the outbox until delivered.
//!
//! A step's [`Effect`]s are of two kinds: *writes*, applied in the step's transaction, and
//! *acts*, which the platforms carry out. [`Act::from_effect`] picks out the acts; storage
//! inserts them into the outbox in the same transaction as the writes, and the app's
//! dispatcher delivers them afterwards (retrying with the same idempotency key), so a
//! crash between the commit and the send loses nothing.
//!
//! To add an act: a variant here (serialisable: it waits in the database), its line in
//! [`Act::from_effect`], its [`Act::lane`], and its delivery in `app::outbox`.

use serde::{Deserialize, Serialize};

use super::Effect;
use crate::chat::{Attachment, OutMessage, Placement, Thread};
use crate::domain::{RoomRef, UserRef};

/// Something a platform must do for a recorded step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "act", rename_all = "snake_case")]
pub enum Act {
    SendDm {
        to: UserRef,
        message: OutMessage,
        /// Kept apart: [`OutMessage`] never serialises its file (remembered prompts).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attachment: Option<Attachment>,
    },
    PostInRoom {
        room: RoomRef,
        message: OutMessage,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attachment: Option<Attachment>,
    },
    CreatePairRoom {
        match_id: i64,
        name: String,
        /// Said in the pair's language; a plain string in acts stored before it was.
        #[serde(deserialize_with = "crate::i18n::read_stored")]
        topic: crate::i18n::Text,
        members: Vec<UserRef>,
        kickoff: OutMessage,
        group_of: Option<i64>,
    },
    PostChart {
        room: RoomRef,
        /// Said in the room's language; a plain string in acts stored before it was.
        #[serde(deserialize_with = "crate::i18n::read_stored")]
        title: crate::i18n::Text,
        sections: Vec<crate::domain::figures::ChartSection>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        placed: Option<Placement>,
    },
    SendTranscript {
        to: UserRef,
        match_id: i64,
    },
    /// A programme's resource file, read from `path` when it is sent, with `message`.
    SendResource {
        to: UserRef,
        path: String,
        message: OutMessage,
    },
    ArchivePairRoom {
        match_id: i64,
        /// Said in the room's language; a plain string in acts stored before it was.
        #[serde(deserialize_with = "crate::i18n::read_stored")]
        notice: crate::i18n::Text,
    },
    /// Make a frozen pair's room read-only, or writable again.
    FreezeMatch {
        match_id: i64,
        frozen: bool,
        by: String,
    },
    /// Take a suspended person out of the rooms of their active matches.
    RemoveFromPairRooms {
        user: UserRef,
        by: String,
    },
    RemoveFromRoom {
        user: UserRef,
        room: RoomRef,
        by: String,
    },
    ShowEvidence {
        case_id: i64,
        room: Option<RoomRef>,
        moderator: UserRef,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        placed: Option<Placement>,
    },
    TellReporter {
        case_id: i64,
        /// Said in the reporter's language; a plain string in acts stored before it was.
        #[serde(deserialize_with = "crate::i18n::read_stored")]
        text: crate::i18n::Text,
    },
    /// A DM telling a moderator who reported a case anonymously, once two asked; the
    /// reporter is unsealed only when it is sent.
    RevealReporter {
        case_id: i64,
        to: UserRef,
        #[serde(default)]
        with: Vec<UserRef>,
    },
    /// Follow-ups of what a step stored, decided by the app when delivered: a new case's
    /// card, the reporter's case number and the on-call ping.
    AnnounceCase {
        case_id: i64,
    },
    /// A new question's card in the coordinators' room (`ask the team`).
    AnnounceQuestion {
        question_id: i64,
    },
    /// New safety flags of one message: their cards in the coordinators' room and the
    /// sender's reminders (`flows::safety::announce`).
    AnnounceSafetyFlags {
        flag_ids: Vec<i64>,
    },
    /// A new application's card (or the acknowledgements the rules' acceptance asks for).
    AnnounceApplication {
        application_id: i64,
    },
    /// New proposals' cards in the coordinators' room of `platform`.
    PostProposals {
        platform: crate::domain::Platform,
        match_ids: Vec<i64>,
    },
    /// What `event create` stored, told in the room it was typed in: each session with its
    /// number (known once stored) and time.
    AnnounceEvents {
        event_ids: Vec<i64>,
        room: RoomRef,
    },
    /// New proposals for whoever is free in `programme` after a decline, rejection, expiry
    /// or withdrawal, told in the coordinators' room of `platform`. A follow-up: its step
    /// marks this act done, so it proposes once however often it is delivered.
    Replan {
        programme: String,
        platform: crate::domain::Platform,
    },
    /// A ranked request that did not go ahead: the mentee's next choice who still can is
    /// asked. A follow-up: its step marks this act done, so it asks once however often it
    /// is delivered.
    PassOn {
        match_id: i64,
        platform: crate::domain::Platform,
    },
    /// Cancel the platform's own copy of a cancelled session (a Discord scheduled event),
    /// if one was made.
    CancelPlatformEvent {
        event_id: i64,
        platform: crate::domain::Platform,
    },
    /// A member's message in one side of a relayed pair room, copied to the other side
    /// `to` under their name (`app::relay`). Decided by the app as the message arrives,
    /// keyed by its event; its words wait here only until delivered.
    Relay {
        match_id: i64,
        from: UserRef,
        to: RoomRef,
        /// The event copied, when the platform gave it an id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        files: Vec<RelayFile>,
    },
    /// A member edited (`text`) or deleted (`None`) message `source` in one side of a
    /// relayed pair room: its copies in the other side `to` follow.
    RelayChange {
        match_id: i64,
        from: Option<UserRef>,
        to: RoomRef,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
}

/// A file sent in a relayed pair room: what its platform said about it, enough to fetch it
/// when it is copied (never its contents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayFile {
    pub name: String,
    pub mime: Option<String>,
    pub size: Option<u64>,
    pub source: String,
}

impl RelayFile {
    pub fn of(file: &crate::chat::InboundFile) -> RelayFile {
        RelayFile {
            name: file.name.clone(),
            mime: file.mime.clone(),
            size: file.size,
            source: file.source.clone(),
        }
    }

    /// The file as its platform delivered it, to fetch again.
    pub fn inbound(&self) -> crate::chat::InboundFile {
        crate::chat::InboundFile {
            name: self.name.clone(),
            mime: self.mime.clone(),
            size: self.size,
            source: self.source.clone(),
            status: crate::chat::FileStatus::Received,
        }
    }
}

impl Act {
    /// The act an effect asks of a platform, if it asks one.
    pub fn from_effect(effect: &Effect) -> Option<Act> {
        Some(match effect {
            // Someone a coordinator entered an application for has no chat account yet:
            // nothing can reach them (the coordinator tells them; see `flows::assist`).
            Effect::SendDm { to, .. }
            | Effect::SendTranscript { to, .. }
            | Effect::SendResource { to, .. }
                if to.is_assisted() =>
            {
                return None;
            }
            Effect::SendDm { to, message } => Act::SendDm {
                to: to.clone(),
                message: without_file(message),
                attachment: message.attachment.clone(),
            },
            Effect::PostInRoom { room, message } => Act::PostInRoom {
                room: room.clone(),
                message: without_file(message),
                attachment: message.attachment.clone(),
            },
            Effect::CreatePairRoom {
                match_id,
                name,
                topic,
                members,
                kickoff,
                group_of,
            } => Act::CreatePairRoom {
                match_id: *match_id,
                name: name.clone(),
                topic: topic.clone(),
                members: members.clone(),
                kickoff: kickoff.clone(),
                group_of: *group_of,
            },
            Effect::PostChart {
                room,
                title,
                sections,
            } => Act::PostChart {
                room: room.clone(),
                title: title.clone(),
                sections: sections.clone(),
                placed: None,
            },
            Effect::SendTranscript { to, match_id } => Act::SendTranscript {
                to: to.clone(),
                match_id: *match_id,
            },
            Effect::SendResource { to, path, message } => Act::SendResource {
                to: to.clone(),
                path: path.clone(),
                message: message.clone(),
            },
            Effect::ArchivePairRoom { match_id, notice } => Act::ArchivePairRoom {
                match_id: *match_id,
                notice: notice.clone(),
            },
            Effect::FreezeMatch {
                match_id,
                frozen,
                by,
            } => Act::FreezeMatch {
                match_id: *match_id,
                frozen: *frozen,
                by: by.clone(),
            },
            Effect::Suspend { user, by, .. } => Act::RemoveFromPairRooms {
                user: user.clone(),
                by: by.clone(),
            },
            Effect::RemoveFromRoom { user, room, by } => Act::RemoveFromRoom {
                user: user.clone(),
                room: room.clone(),
                by: by.clone(),
            },
            Effect::ShowEvidence {
                case_id,
                room,
                moderator,
            } => Act::ShowEvidence {
                case_id: *case_id,
                room: room.clone(),
                moderator: moderator.clone(),
                placed: None,
            },
            Effect::TellReporter { case_id, text } => Act::TellReporter {
                case_id: *case_id,
                text: text.clone(),
            },
            Effect::RevealReporter { case_id, to, with } => Act::RevealReporter {
                case_id: *case_id,
                to: to.clone(),
                with: with.clone(),
            },
            Effect::CancelEvent {
                event_id, platform, ..
            } => Act::CancelPlatformEvent {
                event_id: *event_id,
                platform: *platform,
            },
            _ => return None,
        })
    }

    /// This act as part of the answer to a command typed in `room` at `placement`: what
    /// it posts in that room goes where the command was typed (an alert stays at the top).
    pub fn answering(mut self, room: &RoomRef, placement: &Placement) -> Act {
        match &mut self {
            Act::PostInRoom {
                room: r, message, ..
            } if r == room && message.thread != Some(Thread::Alert) => {
                message.placed.get_or_insert_with(|| placement.clone());
            }
            Act::PostChart {
                room: r, placed, ..
            }
            | Act::ShowEvidence {
                room: Some(r),
                placed,
                ..
            } if r == room => {
                placed.get_or_insert_with(|| placement.clone());
            }
            _ => {}
        }
        self
    }

    /// The order it keeps: acts of one lane are delivered one after another, in the order
    /// they were recorded (one person's DMs, one room's posts, one match's room changes).
    /// A reporter's lane is their case, so no row names them.
    pub fn lane(&self) -> String {
        match self {
            Act::SendDm { to, .. }
            | Act::SendTranscript { to, .. }
            | Act::SendResource { to, .. } => {
                format!("dm:{}:{}", to.platform, to.id)
            }
            Act::PostInRoom { room, .. }
            | Act::PostChart { room, .. }
            | Act::AnnounceEvents { room, .. } => {
                format!("room:{}:{}", room.platform, room.id)
            }
            // Copies and their changes in order, in a lane of their own: a failed one forgets
            // the words it carried, as a pair room's words are never kept.
            Act::Relay { to: room, .. } | Act::RelayChange { to: room, .. } => {
                format!("relay:{}:{}", room.platform, room.id)
            }
            Act::CancelPlatformEvent { event_id, .. } => format!("event:{event_id}"),
            Act::Replan { programme, .. } => format!("replan:{programme}"),
            Act::PassOn { match_id, .. } => format!("pass-on:{match_id}"),
            Act::RemoveFromRoom { room, .. } => format!("room:{}:{}", room.platform, room.id),
            Act::CreatePairRoom { match_id, .. }
            | Act::ArchivePairRoom { match_id, .. }
            | Act::FreezeMatch { match_id, .. } => format!("match:{match_id}"),
            Act::RemoveFromPairRooms { user, .. } => {
                format!("person:{}:{}", user.platform, user.id)
            }
            Act::ShowEvidence { case_id, .. }
            | Act::TellReporter { case_id, .. }
            | Act::RevealReporter { case_id, .. } => format!("case:{case_id}"),
            // Follow-ups keep lanes of their own: what they decide may share a lane with
            // the follow-up's subject, and must not wait for the follow-up to finish.
            Act::AnnounceCase { case_id } => format!("announce-case:{case_id}"),
            Act::AnnounceApplication { application_id } => {
                format!("announce-application:{application_id}")
            }
            Act::AnnounceQuestion { question_id } => format!("announce-question:{question_id}"),
            Act::AnnounceSafetyFlags { flag_ids } => format!(
                "announce-flags:{}",
                flag_ids.first().copied().unwrap_or_default()
            ),
            Act::PostProposals { platform, .. } => format!("announce-proposals:{platform}"),
        }
    }

    /// The platform that carries it out, where the act itself says; `None` for a pair
    /// room's changes (storage looks up the match) and a reporter's messages (sealed: the
    /// app finds out when it delivers them).
    pub fn platform(&self) -> Option<crate::domain::Platform> {
        match self {
            Act::SendDm { to, .. }
            | Act::SendTranscript { to, .. }
            | Act::SendResource { to, .. }
            | Act::RevealReporter { to, .. } => Some(to.platform),
            Act::PostInRoom { room, .. }
            | Act::PostChart { room, .. }
            | Act::AnnounceEvents { room, .. }
            | Act::RemoveFromRoom { room, .. }
            | Act::Relay { to: room, .. }
            | Act::RelayChange { to: room, .. } => Some(room.platform),
            Act::CancelPlatformEvent { platform, .. }
            | Act::Replan { platform, .. }
            | Act::PassOn { platform, .. } => Some(*platform),
            Act::RemoveFromPairRooms { user, .. } => Some(user.platform),
            Act::ShowEvidence {
                room, moderator, ..
            } => Some(room.as_ref().map_or(moderator.platform, |r| r.platform)),
            Act::PostProposals { platform, .. } => Some(*platform),
            Act::ArchivePairRoom { .. }
            | Act::FreezeMatch { .. }
            | Act::CreatePairRoom { .. }
            | Act::TellReporter { .. }
            | Act::AnnounceCase { .. }
            | Act::AnnounceQuestion { .. }
            | Act::AnnounceSafetyFlags { .. }
            | Act::AnnounceApplication { .. } => None,
        }
    }

    /// The match whose pair room it changes, for storage to find its platform.
    pub fn pair_room_match(&self) -> Option<i64> {
        match self {
            Act::ArchivePairRoom { match_id, .. }
            | Act::FreezeMatch { match_id, .. }
            | Act::CreatePairRoom { match_id, .. } => Some(*match_id),
            _ => None,
        }
    }

    /// Whether it is worth doing late. A message to a person a day late (a reply to
    /// something they have long given up on, a nudge) is dropped and logged; alerts, case
    /// messages, rooms and moderation are never stale.
    pub fn goes_stale(&self) -> bool {
        matches!(
            self,
            Act::SendDm { .. } | Act::SendTranscript { .. } | Act::SendResource { .. }
        )
    }

    /// Its kind, for logs (never its contents: they can carry people's words).
    pub fn kind(&self) -> &'static str {
        match self {
            Act::SendDm { .. } => "a direct message",
            Act::PostInRoom { .. } => "a room message",
            Act::CreatePairRoom { .. } => "creating a pair room",
            Act::PostChart { .. } => "a chart",
            Act::SendTranscript { .. } => "a transcript",
            Act::SendResource { .. } => "a resource file",
            Act::ArchivePairRoom { .. } => "archiving a pair room",
            Act::FreezeMatch { frozen: true, .. } => "freezing a pair room",
            Act::FreezeMatch { frozen: false, .. } => "unfreezing a pair room",
            Act::RemoveFromPairRooms { .. } => "removing a suspended person from pair rooms",
            Act::RemoveFromRoom { .. } => "removing a person from a room",
            Act::ShowEvidence { .. } => "posting a case's evidence",
            Act::TellReporter { .. } => "a message to a reporter",
            Act::RevealReporter { .. } => "revealing a reporter to a moderator",
            Act::AnnounceCase { .. } => "announcing a case",
            Act::AnnounceApplication { .. } => "announcing an application",
            Act::AnnounceQuestion { .. } => "announcing a question to the team",
            Act::AnnounceSafetyFlags { .. } => "announcing safety flags",
            Act::PostProposals { .. } => "posting proposals",
            Act::AnnounceEvents { .. } => "announcing new events to the coordinators",
            Act::CancelPlatformEvent { .. } => "cancelling the platform's copy of an event",
            Act::Replan { .. } => "proposing again",
            Act::PassOn { .. } => "asking a mentee's next choice",
            Act::Relay { .. } => "copying a message to the other side of a relayed pair room",
            Act::RelayChange { text: Some(_), .. } => "editing a relayed copy",
            Act::RelayChange { text: None, .. } => "deleting a relayed copy",
        }
    }

    /// Whether the app decides more acts when delivering it (announcing what a step
    /// stored), rather than asking a platform.
    pub fn is_follow_up(&self) -> bool {
        matches!(
            self,
            Act::AnnounceCase { .. }
                | Act::AnnounceApplication { .. }
                | Act::AnnounceQuestion { .. }
                | Act::AnnounceSafetyFlags { .. }
                | Act::PostProposals { .. }
                | Act::Replan { .. }
                | Act::PassOn { .. }
        )
    }

    /// What it is about, for the staff member told of a failure: numbers and rooms, never
    /// people's words.
    pub fn subject(&self) -> String {
        match self {
            Act::SendDm { to, .. }
            | Act::SendTranscript { to, .. }
            | Act::SendResource { to, .. } => format!("to {to}"),
            Act::PostInRoom { room, .. }
            | Act::PostChart { room, .. }
            | Act::AnnounceEvents { room, .. } => format!("in {room}"),
            Act::CancelPlatformEvent { event_id, .. } => format!("event #{event_id}"),
            Act::Replan { programme, .. } => format!("programme {programme}"),
            Act::PassOn { match_id, .. }
            | Act::Relay { match_id, .. }
            | Act::RelayChange { match_id, .. } => {
                format!("match M{match_id}")
            }
            Act::CreatePairRoom { match_id, .. }
            | Act::ArchivePairRoom { match_id, .. }
            | Act::FreezeMatch { match_id, .. } => format!("match M{match_id}"),
            Act::RemoveFromPairRooms { user, .. } => format!("{user}"),
            Act::RemoveFromRoom { user, room, .. } => format!("{user} from {room}"),
            Act::ShowEvidence { case_id, .. }
            | Act::TellReporter { case_id, .. }
            | Act::AnnounceCase { case_id } => format!("case #{case_id}"),
            Act::RevealReporter { case_id, to, .. } => format!("case #{case_id}, to {to}"),
            Act::AnnounceApplication { application_id } => {
                format!("application A{application_id}")
            }
            Act::PostProposals { match_ids, .. } => format!("{} proposals", match_ids.len()),
            Act::AnnounceQuestion { question_id } => format!("question Q{question_id}"),
            Act::AnnounceSafetyFlags { flag_ids } => {
                let flags: Vec<String> = flag_ids.iter().map(|id| format!("F{id}")).collect();
                format!("safety flags {}", flags.join(", "))
            }
        }
    }

    /// Whether it counts as one send of a long run (progress reports).
    pub fn is_send(&self) -> bool {
        matches!(
            self,
            Act::SendDm { .. }
                | Act::PostInRoom { .. }
                | Act::CreatePairRoom { .. }
                | Act::AnnounceEvents { .. }
        )
    }

    /// The message with its file put back, for delivery.
    pub fn full_message(message: &OutMessage, attachment: &Option<Attachment>) -> OutMessage {
        OutMessage {
            attachment: attachment.clone(),
            ..message.clone()
        }
    }
}

/// The message without its file, which an act keeps beside it.
fn without_file(message: &OutMessage) -> OutMessage {
    OutMessage {
        attachment: None,
        ..message.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;

    #[test]
    fn an_act_with_a_file_survives_the_round_trip_through_the_outbox() {
        let message = OutMessage {
            attachment: Some(Attachment {
                name: "tandem-my-data.json".into(),
                mime: "application/json".into(),
                data: vec![0, 1, 2, 255],
            }),
            ..OutMessage::text("Here is your data")
        };
        let effect = Effect::SendDm {
            to: UserRef::new(Platform::Console, "amina"),
            message,
        };
        let act = Act::from_effect(&effect).unwrap();
        let json = serde_json::to_string(&act).unwrap();
        let back: Act = serde_json::from_str(&json).unwrap();
        assert_eq!(back, act);
        let Act::SendDm {
            message,
            attachment,
            ..
        } = back
        else {
            panic!("not a DM");
        };
        assert_eq!(
            Act::full_message(&message, &attachment)
                .attachment
                .unwrap()
                .data,
            vec![0, 1, 2, 255]
        );
    }

    #[test]
    fn a_reveal_waits_in_its_cases_lane_and_goes_by_the_moderators_platform() {
        let mo = UserRef::new(Platform::Matrix, "@mo:x");
        let act = Act::from_effect(&Effect::RevealReporter {
            case_id: 4,
            to: mo.clone(),
            with: vec![UserRef::new(Platform::Discord, "7")],
        })
        .unwrap();
        assert_eq!(act.lane(), "case:4");
        assert_eq!(act.platform(), Some(Platform::Matrix));
        assert!(!act.goes_stale());
        let json = serde_json::to_string(&act).unwrap();
        assert_eq!(serde_json::from_str::<Act>(&json).unwrap(), act);
    }

    #[test]
    fn writes_are_not_acts() {
        assert!(
            Act::from_effect(&Effect::Replan {
                programme: "p".into()
            })
            .is_none()
        );
    }

    #[test]
    fn a_pair_room_stored_with_an_english_topic_is_still_made_with_it() {
        let act = Act::CreatePairRoom {
            match_id: 1,
            name: "Amina & Grace".into(),
            topic: crate::i18n::Text::msg("pair-room-topic"),
            members: vec![],
            kickoff: OutMessage::text("Welcome"),
            group_of: None,
        };
        // As an act was stored before its topic was said: a plain string.
        let mut old = serde_json::to_value(&act).unwrap();
        old["topic"] = "Pathways: Amina (mentee) and Grace (mentor)".into();
        let Ok(Act::CreatePairRoom { topic, .. }) = serde_json::from_value::<Act>(old) else {
            panic!("an act stored before its topic was said is read");
        };
        assert_eq!(
            topic,
            crate::i18n::Text::plain("Pathways: Amina (mentee) and Grace (mentor)")
        );
    }

    #[test]
    fn a_chart_stored_with_an_english_title_is_still_read_and_a_new_one_keeps_its_recipe() {
        let room = RoomRef::new(Platform::Console, "coordinators");
        let old = r#"{"act":"post_chart","room":{"platform":"console","id":"coordinators"},"title":"Chart: Pathways on 3 March 2027","sections":[{"title":"Pathways: from application to completion","bars":[["applied",4],["accepted",2]]}]}"#;
        let Ok(Act::PostChart {
            title, sections, ..
        }) = serde_json::from_str::<Act>(old)
        else {
            panic!("an act stored before its title was said is read");
        };
        assert_eq!(
            title,
            crate::i18n::Text::plain("Chart: Pathways on 3 March 2027")
        );
        assert_eq!(
            sections[0].bars[1],
            (crate::i18n::Text::plain("accepted"), 2),
            "and so are its bars' labels"
        );
        let effect = Effect::PostChart {
            room,
            title: crate::i18n::Text::msg("roster-report-chart")
                .arg("programme", "Pathways")
                .arg("date", "3 March 2027"),
            sections: vec![crate::domain::figures::ChartSection {
                title: crate::i18n::Text::msg("chart-funnel").arg("programme", "Pathways"),
                bars: vec![(crate::i18n::Text::msg("chart-stage-applied"), 4)],
            }],
        };
        let act = Act::from_effect(&effect).unwrap();
        let back: Act = serde_json::from_str(&serde_json::to_string(&act).unwrap()).unwrap();
        assert_eq!(back, act);
    }
}
