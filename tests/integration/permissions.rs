//! The permission matrix, walked whole on both databases: every privileged command the
//! parser knows (`flows::permissions`) is typed by every kind of person, and each
//! refusal must be said to them, change nothing, and be recorded in the audit log; each
//! command allowed to someone must not be refused to them.

use std::collections::BTreeSet;

use tandem::chat::{Content, Inbound};
use tandem::domain::incident::Moderation;
use tandem::domain::{Place, RoomRef};
use tandem::domain::{Platform, UserRef};
use tandem::flows::permissions::{Privileged, Who, allowed};
use tandem::flows::route::{Router, route};

use crate::pairing::{active_match, ready_mentee, ready_mentor};
use crate::support::{Harness, MENTOR_ANSWERS, example_programmes};

const COORDINATORS: &str = "coordinators";
const MODERATORS: &str = "moderators";

/// Who plays each part: Amina (in match 1 with Grace), Bea (in match 2 with Ola), Olga
/// (coordinator of another programme), Carol, Max, Mo (whom case 1 is about: it is
/// restricted to the escalation contact), the lead.
fn person(who: Who) -> &'static str {
    match who {
        Who::Participant => "amina",
        Who::OtherPairMember => "bea",
        Who::OtherCoordinator => "olga",
        Who::Coordinator => "carol",
        Who::Moderator => "max",
        Who::NamedModerator => "mo",
        Who::EscalationContact => "lead",
    }
}

/// The case a case command names, for `who`: a moderator works ordinary case 2; the
/// named moderator and the escalation contact meet case 1, which concerns Mo; the others
/// are refused either.
fn case_for(who: Who) -> &'static str {
    match who {
        Who::Moderator => "2",
        _ => "1",
    }
}

/// Where each command is typed, and how: `None` for a DM.
fn samples() -> Vec<(Privileged, Option<&'static str>, &'static str)> {
    use Privileged::*;
    let c = Some(COORDINATORS);
    let m = Some(MODERATORS);
    vec![
        (ReviewQueue, c, "queue"),
        (ScreeningSummary, c, "screening summary"),
        (ShowApplication, c, "show 5"),
        (AskApplicant, c, "ask 5 Which evenings are you free?"),
        (RecordStep, c, "step 5 interview done"),
        (NoteApplication, c, "note 5 prefers evening calls"),
        (Waitlist, c, "waitlist 5"),
        (Reject, c, "reject 5 not this time"),
        (Approve, c, "approve 5"),
        (MatchPreview, c, "match preview"),
        (MatchPropose, c, "match propose"),
        (MatchApprove, c, "match approve 1"),
        (MatchApproveAll, c, "match approve all"),
        (MatchReject, c, "match reject 1 no"),
        (MatchRematch, c, "match rematch 1"),
        (MatchSwap, c, "match swap 1 4"),
        (MatchExclude, c, "match exclude 1 2 no"),
        (MatchExclude, c, "match include 1 2"),
        (MatchList, c, "matches"),
        (MatchShow, c, "match show 1"),
        (FindPerson, c, "who amina"),
        (CheckInsDue, c, "checkins"),
        (CheckInHistory, c, "checkins for 1"),
        (CheckInLog, c, "checkin 1 by call: they met on Monday"),
        (CheckInAssign, c, "checkin assign 1 carol"),
        (PauseMatch, c, "pause 1 until 2027-03-01"),
        (ResumeMatch, c, "resume 1"),
        (MessagePair, c, "message 1 How are you both getting on?"),
        (ReplyToQuestion, c, "reply Q1 It is on Tuesday."),
        (ProgrammeReport, c, "report pathways-2027"),
        (ResourceProgress, c, "resources pathways-2027"),
        (
            Broadcast,
            c,
            "broadcast pathways-2027 all The workshop is on Friday.",
        ),
        (AnnounceApply, c, "announce apply welcome pathways-2027"),
        (Assist, c, "assist apply pathways-2027"),
        (Export, c, "export applications csv pathways-2027"),
        (
            EventCreate,
            c,
            "event create title: CV clinic; start: 2027-02-03 18:00 UTC",
        ),
        (EventList, c, "events"),
        (EventShow, c, "event show 1"),
        (EventCancel, c, "event cancel 1 the room is closed"),
        (SurveyList, c, "surveys"),
        (Transcript, None, "transcript 1"),
        (SurveyResults, c, "survey results pathways-2027/midpoint"),
        (SurveySend, c, "survey send pathways-2027/midpoint all"),
        (OutcomeReport, c, "outcomes pathways-2027"),
        (CaseList, m, "cases"),
        (CaseShow, m, "case show {case}"),
        (CaseLog, m, "case log {case}"),
        (CaseEvidence, m, "case evidence {case}"),
        (CaseClaim, m, "case claim {case}"),
        (CaseNote, m, "case note {case} Spoke to the lead."),
        (CaseAsk, m, "case ask {case} When did it start?"),
        (
            CaseEscalate,
            m,
            "case escalate {case} the safeguarding board",
        ),
        (CaseReveal, m, "case reveal {case}"),
        (CaseResolve, m, "case resolve {case} Talked to both."),
        (CaseReopen, m, "case reopen {case}"),
        (Freeze, m, "freeze pair 2"),
        (Unfreeze, m, "unfreeze pair 2"),
        (Suspend, m, "suspend ola"),
        (Unsuspend, m, "unsuspend ola"),
        (RemoveFromRoom, m, "remove ola from room-2"),
        (ConfirmAction, m, "confirm"),
        (ConfirmCoordinatorAction, c, "confirm"),
        (CloseMatch, c, "close match 2 they moved away"),
        (FlagList, c, "flags"),
        (FlagShow, c, "flag F1"),
        (FlagNote, c, "flag note F1 talked to Grace about it"),
        (FlagDismiss, c, "flag dismiss F2 the school's number"),
        (FlagCase, c, "flag case F3 the second time this week"),
        (CaseConcerns, m, "case concerns {case} grace"),
        // Last: it ends match 1, which earlier samples name.
        (
            CaseCloseMatch,
            m,
            "case close-match {case} 1 repeated contact at night",
        ),
    ]
}

/// The privileged command `text` is when typed in `room` (`None`: a DM), as the command
/// registry routes it: the matrix reads the same registry as the bot.
fn classify(room: Option<&str>, text: &str) -> Option<Privileged> {
    let moderation = Moderation::default();
    use tandem::domain::rooms::{Rooms, Serves};
    let rooms = Rooms::none()
        .with(
            Serves::Coordinators,
            None,
            RoomRef::new(Platform::Console, COORDINATORS),
        )
        .with(
            Serves::Moderators,
            None,
            RoomRef::new(Platform::Console, MODERATORS),
        );
    let router = Router {
        prefix: "!tandem",
        moderation: &moderation,
        rooms: &rooms,
        max_message_chars: 4_000,
    };
    let (place, text) = match room {
        Some(room) => (
            Place::Room(RoomRef::new(Platform::Console, room)),
            format!("!tandem {text}"),
        ),
        None => (Place::Dm, text.to_string()),
    };
    let inbound = Inbound {
        from: UserRef::new(Platform::Console, "carol"),
        place,
        content: Content::Text(text),
        files: vec![],
    };
    route(&inbound, &router).privileged()
}

/// Everything a step records, leaving out what every message leaves behind (its answer
/// in the outbox, the event's id, a prompt's id) and the audit log itself.
async fn records(h: &Harness) -> Vec<(String, Vec<String>)> {
    let mut tables = h.store.dump_tables().await.unwrap();
    tables.retain(|(t, _)| {
        ![
            "outbox",
            "inbound_events",
            "sent_prompts",
            "card_threads",
            "audit_log",
            // A case's own log records who was refused on it, by design.
            "case_events",
        ]
        .contains(&t.as_str())
    });
    tables
}

async fn refusals_of(h: &Harness, who: &str) -> usize {
    let tables = h.store.dump_tables().await.unwrap();
    tables
        .iter()
        .find(|(t, _)| t == "audit_log")
        .map(|(_, rows)| {
            rows.iter()
                .filter(|r| r.contains(&format!("| console | {who} |")))
                .count()
        })
        .unwrap_or(0)
}

both_backends! {
    async fn every_privileged_command_is_refused_to_whom_the_matrix_says_and_each_refusal_is_recorded(db: TestDb) {
        let mut programmes = example_programmes();
        let mut other = programmes[0].clone();
        other.slug = "other-2027".into();
        other.name = "Other Programme".into();
        other.coordinators = vec![UserRef::new(Platform::Console, "olga")];
        // Closed, so applying goes straight to Pathways.
        other.applications_open = false;
        programmes.push(other);
        let h = Harness::with_programmes(&db, programmes).await;
        active_match(&h).await; // match 1: Amina (#1) and Grace (#2), room-1
        ready_mentee(&h, "bea", "Bea").await; // #3
        ready_mentor(&h, "ola", "Ola", "Technology").await; // #4
        h.in_room("carol", COORDINATORS, "!tandem match propose").await;
        h.in_room("carol", COORDINATORS, "!tandem match approve 2").await;
        h.dm_all("bea", "accept").await;
        h.dm_all("ola", "accept").await;
        // #5, waiting for review.
        let mut lines = MENTOR_ANSWERS.to_vec();
        lines[1] = "Tom";
        for line in lines.iter().chain(["submit"].iter()) {
            h.dm_all("tom", line).await;
        }
        // Case 1 is about Mo.
        h.dm_all("lee", "report").await;
        for line in ["1", "mo", "no", "Mo keeps messaging me at night.", "skip", "no", "no", "yes"] {
            h.dm_all("lee", line).await;
        }
        // Case 2 is about someone else: the moderators'.
        for line in ["report", "1", "Sam", "no", "Sam keeps sending me rude messages.", "skip", "no", "no", "yes"] {
            h.dm_all("kim", line).await;
        }
        h.in_room("carol", COORDINATORS, "!tandem event create title: Welcome; start: 2027-02-01 18:00 UTC").await;
        // Question Q1, from Amina (Pathways): its coordinators answer it.
        h.dm_all("amina", "ask the team When is the next meetup?").await;
        // Safety flags F1-F3 on Grace's messages in match 1 (Pathways): its coordinators
        // decide them.
        let flag = |kind| tandem::domain::safety::NewFlag {
            programme: "pathways-2027".into(),
            match_id: 1,
            sender: UserRef::new(Platform::Console, "grace"),
            kind,
            excerpt: "call me on 07700 900123".into(),
            at: chrono::Utc::now(),
        };
        use tandem::domain::safety::Kind;
        h.store
            .record_safety_flags(&[flag(Kind::Phone), flag(Kind::Phone), flag(Kind::Social)])
            .await
            .unwrap();

        let samples = samples();
        let covered: BTreeSet<Privileged> = samples.iter().map(|(p, ..)| *p).collect();
        let all: BTreeSet<Privileged> = Privileged::ALL.into_iter().collect();
        assert_eq!(covered, all, "every privileged command has a sample");
        let mut problems = Vec::new();
        for (command, room, text) in samples {
            assert_eq!(classify(room, &text.replace("{case}", "1")), Some(command), "{text}");
            // Refused people first (they change nothing), then those allowed.
            let mut order: Vec<Who> = Who::ALL.to_vec();
            order.sort_by_key(|w| allowed(command).contains(w));
            for who in order {
                let name = person(who);
                let text = text.replace("{case}", case_for(who));
                // The escalation contact works cases in their DM.
                let room = match room {
                    Some(MODERATORS) if who == Who::EscalationContact && text.starts_with("case") => None,
                    room => room,
                };
                let before = records(&h).await;
                let refused_before = refusals_of(&h, name).await;
                let out = match room {
                    Some(room) => h.in_room(name, room, &format!("!tandem {text}")).await,
                    None => h.dm_all(name, &text).await,
                };
                let refused = refusals_of(&h, name).await > refused_before;
                if allowed(command).contains(&who) {
                    if refused {
                        problems.push(format!("{command:?} ({text}) was refused to {who:?}: {out}"));
                    }
                    // An action that waits for its confirm (a broadcast, a freeze) is let go.
                    if room == Some(MODERATORS) || text.starts_with("broadcast") {
                        h.in_room(name, room.unwrap_or(COORDINATORS), "!tandem cancel").await;
                    }
                    // An assisted application, opened in their DM, is cancelled there.
                    if text.starts_with("assist") {
                        h.dm_all(name, "cancel").await;
                        h.dm_all(name, "yes").await;
                    }
                    continue;
                }
                if !refused {
                    problems.push(format!("{command:?} ({text}) by {who:?} left no refusal on record: {out}"));
                    continue;
                }
                if out.trim().is_empty() {
                    problems.push(format!("{command:?} by {who:?}: the refusal was not said to them: {out}"));
                }
                if records(&h).await != before {
                    problems.push(format!("{command:?} ({text}) by {who:?} changed something although refused: {out}"));
                }
            }
        }
        assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    }
}

/// The audit log's rows about `user`.
async fn audit_rows_of(h: &Harness, user: &UserRef) -> Vec<String> {
    let tables = h.store.dump_tables().await.unwrap();
    let about = format!("| {} | {} |", user.platform, user.id);
    tables
        .into_iter()
        .find(|(t, _)| t == "audit_log")
        .map(|(_, rows)| rows.into_iter().filter(|r| r.contains(&about)).collect())
        .unwrap_or_default()
}

both_backends! {
    async fn a_platform_role_makes_a_coordinator_at_once_and_taking_it_away_ends_it_at_once(db: TestDb) {
        let group = tandem::domain::staff::StaffGroup::parse("discord-role:1/2").unwrap().unwrap();
        let mut programmes = example_programmes();
        programmes[0].coordinator_groups = vec![group.clone()];
        let staff_room = RoomRef::new(Platform::Discord, "900");
        let h = Harness::build(&db, tandem::platforms::recording::Recording::new(), programmes, |s| {
            s.coordinators_rooms.push(staff_room.clone());
        })
        .await;
        let application = ready_mentee(&h, "amina", "Amina").await;
        let dee = UserRef::new(Platform::Discord, "77");
        let show = || Inbound {
            from: dee.clone(),
            place: Place::Room(staff_room.clone()),
            content: Content::Text(format!("!tandem show A{application}")),
            files: vec![],
        };

        // Not in the role: refused, and the refusal recorded.
        let refused = h.send(show()).await;
        assert!(refused.contains("only the programme's coordinators"), "{refused}");
        assert!(!refused.contains("Amina"), "{refused}");

        // Given the role: a coordinator of the programme at once, and the log says why.
        h.rec.set_in_group(&dee, &group, true);
        let shown = h.send(show()).await;
        assert!(shown.contains("Amina") && !shown.contains("only the programme's"), "{shown}");
        let rows = audit_rows_of(&h, &dee).await;
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows[0].contains("refused"), "{rows:?}");
        assert!(
            rows[1].contains("allowed")
                && rows[1].contains("show application")
                && rows[1].contains("coordinator of pathways-2027 through discord-role:1/2"),
            "{rows:?}"
        );

        // The role taken away: refused again, at once.
        h.rec.set_in_group(&dee, &group, false);
        let again = h.send(show()).await;
        assert!(again.contains("only the programme's coordinators"), "{again}");
        assert_eq!(audit_rows_of(&h, &dee).await.len(), 3);

    }
}
