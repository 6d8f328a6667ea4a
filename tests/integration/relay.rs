//! A pair on two platforms (a Matrix mentee, a Discord mentor) in one process serving
//! both, on both backends, with the recording platform: matched like anyone, told of the
//! relay before they accept, and meeting in two rooms the bot joins by copying each
//! message across; freezing, activity, transcripts and the closure follow both sides.
//! (The same against Synapse and the Discord fake: `both_platforms`.)

use tandem::app::Clock as _;
use tandem::chat::{Content, Inbound, InboundFile};
use tandem::domain::matches::MatchStatus;
use tandem::domain::{EventRef, Place, Platform, RoomRef};
use tandem::platforms::recording::{Sent, Target};

use crate::pairing::{ready_mentee, ready_mentor};
use crate::support::{Harness, example_programmes, user};

const AMINA: &str = "matrix:@amina:example.org";
const GRACE: &str = "discord:4242";
const ROOM: &str = "coordinators";

/// A harness whose process serves the console (its staff rooms), Matrix and Discord.
pub(crate) async fn serving_both(db: &crate::support::TestDb) -> Harness {
    Harness::build(
        db,
        tandem::platforms::recording::Recording::new(),
        example_programmes(),
        |s| s.platforms = vec![Platform::Console, Platform::Matrix, Platform::Discord],
    )
    .await
}

/// `who` writes `text` in `room`, as the platform's event `event`.
async fn write(h: &Harness, who: &str, room: &RoomRef, event: &str, text: &str) -> String {
    crate::support::transcript(&write_with(h, who, room, event, text, vec![]).await)
}

/// [`write`], with files; returns what the bot sent.
async fn write_with(
    h: &Harness,
    who: &str,
    room: &RoomRef,
    event: &str,
    text: &str,
    files: Vec<InboundFile>,
) -> Vec<Sent> {
    h.rec.take();
    let from = user(who);
    let inbound = Inbound {
        place: Place::Room(room.clone()),
        content: Content::Text(text.into()),
        files,
        from: from.clone(),
    };
    h.app
        .receive_event(EventRef::new(from.platform, event), inbound)
        .await;
    h.clock.advance(chrono::Duration::seconds(3));
    h.rec.take()
}

both_backends! {
    async fn a_pair_on_two_platforms_meets_in_a_relayed_room_that_follows_each_change(db: TestDb) {
        let h = serving_both(&db).await;
        ready_mentee(&h, AMINA, "Amina").await;
        ready_mentor(&h, GRACE, "Grace", "Technology").await;
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains("Amina") && out.contains("Grace"), "{out}");
        // Each is told, before accepting, that the bot copies their messages (and so reads
        // them), and that they may decline.
        let out = h.in_room("carol", ROOM, "!tandem match approve 1").await;
        for who in ["@amina:example.org", "4242"] {
            let offer = out
                .split("\n[")
                .find(|b| b.contains(&format!("dm {who}]")) && b.contains("Would you like to accept?"))
                .unwrap_or_else(|| panic!("no offer to {who}: {out}"));
            assert!(offer.contains("Amina is on Matrix and Grace on Discord"), "{offer}");
            assert!(offer.contains("Tandem therefore reads what you write there, even in an encrypted room"), "{offer}");
            assert!(offer.contains("If you would rather not, decline"), "{offer}");
        }
        h.dm_all(AMINA, "accept").await;
        let out = h.dm_all(GRACE, "accept").await;
        assert!(out.contains("[dm 4242] You and Amina have both accepted: you're matched! I've created a private room for you here on Discord, joined to one for Amina on Matrix"), "{out}");

        // A room on each platform, each with its own member, the kickoff in both.
        let rooms = h.rec.created_rooms();
        assert_eq!(rooms.len(), 2, "{rooms:?}");
        assert_eq!(rooms[0].members, vec![user(AMINA)]);
        assert_eq!(rooms[1].members, vec![user(GRACE)]);
        let m = h.store.match_by_id(1).await.unwrap().unwrap();
        assert_eq!(m.status, MatchStatus::Active);
        let (amina_side, grace_side) = (m.pair_room().unwrap(), m.relay_side().unwrap());
        assert_eq!((amina_side.platform, grace_side.platform), (Platform::Matrix, Platform::Discord));
        for side in ["room-1", "room-2"] {
            let kickoff = out.split("\n[").find(|b| b.contains(&format!("room {side}]")) && b.contains("Your agreement"));
            assert!(kickoff.is_some_and(|k| k.contains("so your pair room is two rooms joined by Tandem")), "{out}");
        }

        // What Amina writes reaches Grace under her name, once however often the platform
        // delivers it; and back.
        let out = write(&h, AMINA, &amina_side, "$e1", "Hello Grace! When shall we meet?").await;
        assert_eq!(out, "[room room-2] Amina: Hello Grace! When shall we meet?");
        let again = write(&h, AMINA, &amina_side, "$e1", "Hello Grace! When shall we meet?").await;
        assert_eq!(again, "", "a redelivered event is copied once");
        let out = write(&h, GRACE, &grace_side, "901", "Hi Amina!\nTuesday works for me.").await;
        assert_eq!(out, "[room room-1] Grace:\nHi Amina!\nTuesday works for me.");

        // A file goes across with its name; one too large is named, not sent.
        h.rec.serve_file("discord-cdn/tips.txt", b"Three tips for a first CV");
        let tips = InboundFile {
            name: "tips.txt".into(),
            mime: Some("text/plain".into()),
            size: Some(25),
            source: "discord-cdn/tips.txt".into(),
            status: Default::default(),
        };
        let sent = write_with(&h, GRACE, &grace_side, "902", "My notes", vec![tips]).await;
        assert!(sent.iter().all(|s| s.target == Target::Room(amina_side.clone())), "{sent:?}");
        let texts: Vec<&str> = sent.iter().map(|s| s.message.text.as_str()).collect();
        assert_eq!(texts, ["Grace: My notes", "Grace sent a file: tips.txt"]);
        let file = sent[1].message.attachment.clone().expect("the file is copied");
        assert_eq!((file.name.as_str(), file.data.as_slice()), ("tips.txt", &b"Three tips for a first CV"[..]));

        // A copy whose file cannot be fetched yet is tried again later, and only what was
        // not copied goes across then: her words once.
        let cv = InboundFile {
            name: "cv.txt".into(),
            mime: Some("text/plain".into()),
            size: Some(6),
            source: "mxc://example.org/cv".into(),
            status: Default::default(),
        };
        let sent = write_with(&h, AMINA, &amina_side, "$e2", "My CV, for your eyes", vec![cv]).await;
        let texts: Vec<&str> = sent.iter().map(|s| s.message.text.as_str()).collect();
        assert_eq!(texts, ["Amina: My CV, for your eyes"]);
        h.rec.serve_file("mxc://example.org/cv", b"my cv!");
        h.clock.advance(chrono::Duration::minutes(5));
        h.app.dispatch_due().await.unwrap();
        let sent = h.rec.take();
        let texts: Vec<&str> = sent.iter().map(|s| s.message.text.as_str()).collect();
        assert_eq!(texts, ["Amina sent a file: cv.txt"], "the text is not copied twice");
        // Someone who is not one of the pair is not copied.
        let out = write(&h, "matrix:@stranger:example.org", &amina_side, "$e3", "hello?").await;
        assert!(!out.contains("hello?"), "{out}");

        // An edit follows to the copy (its text, under her name); a deletion deletes every
        // copy of the message (its text and its file).
        h.app
            .relay_change(&amina_side, Some(&user(AMINA)), "$e1", Some("Hello Grace! When shall we meet this week?".into()), "$e1-edited")
            .await;
        h.app.relay_change(&grace_side, None, "902", None, "902-deleted").await;
        h.app.relay_change(&grace_side, None, "902", None, "902-deleted").await;
        let changed = h.rec.changed_messages();
        assert_eq!(
            changed,
            vec![
                (grace_side.clone(), "rec-relay-matrix-$e1-a0".to_string(), Some("Amina: Hello Grace! When shall we meet this week?".to_string())),
                (amina_side.clone(), "rec-relay-discord-902-a0".to_string(), None),
                (amina_side.clone(), "rec-relay-discord-902-a0-f0".to_string(), None),
            ],
            "each change once, to the copies only"
        );
        // A change in a room that is not relayed does nothing.
        h.app.relay_change(&RoomRef::new(Platform::Matrix, "!elsewhere"), None, "$x", None, "x").await;
        assert_eq!(h.rec.changed_messages().len(), 3);

        // Amina reports Grace's message through the platform's menu, on its copy: the
        // report's copy names Grace, not the bot.
        h.app
            .receive_reported(
                user(AMINA),
                tandem::chat::ReportedMessage {
                    link: "https://matrix.to/#/!room-1/rec-relay-discord-901-a0".into(),
                    author: "@tandem:example.org".into(),
                    at: None,
                    text: "Grace:\nHi Amina!\nTuesday works for me.".into(),
                    at_room: Some((amina_side.clone(), "rec-relay-discord-901-a0".into())),
                },
                None,
            )
            .await;
        for line in ["1", "Grace", "no", "Just checking how this works.", "done", "no", "no", "yes"] {
            h.dm_all(AMINA, line).await;
        }
        let cases = h.store.cases().await.unwrap();
        let copy = cases[0].copy.clone().unwrap_or_default();
        assert!(copy.starts_with("Grace (discord:4242), copied by Tandem from the other side of the pair room"), "{copy}");

        // A command typed in Grace's side works as in any pair room, answered in both.
        let out = write(&h, GRACE, &grace_side, "903", "!tandem agreement").await;
        assert!(out.contains("[room room-1]") && out.contains("[room room-2]"), "{out}");

        // Both members' activity counts for the pair (the silent-pair check reads it).
        h.store.flush_pair_activity().await.unwrap();
        let tables = h.store.dump_tables().await.unwrap();
        let active = &tables.iter().find(|(t, _)| t == "pair_activity").unwrap().1;
        assert!(active.iter().any(|r| r.contains("@amina:example.org")) && active.iter().any(|r| r.contains("4242")), "{active:?}");

        // A transcript is the two sides merged, each message once, from where it was
        // written.
        h.rec.wrote(&amina_side, "Amina", h.clock.now(), "Hello Grace! When shall we meet?");
        h.rec.wrote(&grace_side, "Grace", h.clock.now() + chrono::Duration::seconds(1), "Hi Amina!");
        h.rec.take();
        h.app.receive(crate::support::dm(AMINA, "transcript")).await;
        let sent = h.rec.take();
        let out = crate::support::transcript(&sent);
        let file = sent.iter().find_map(|s| s.message.attachment.clone());
        let text = String::from_utf8(file.unwrap_or_else(|| panic!("no transcript: {out}")).data).unwrap();
        assert!(text.contains("2 messages"), "{text}");
        let (amina_at, grace_at) = (text.find("Amina: Hello Grace!").unwrap(), text.find("Grace: Hi Amina!").unwrap());
        assert!(amina_at < grace_at, "{text}");

        // Frozen by a moderator: both sides read-only; then the closure archives both.
        h.in_room("mo", "moderators", "!tandem freeze pair 1").await;
        h.in_room("mo", "moderators", "!tandem confirm").await;
        let changes = h.rec.read_only_changes();
        assert!(changes.contains(&(amina_side.clone(), true)) && changes.contains(&(grace_side.clone(), true)), "{changes:?}");
        // While frozen, deleting an original leaves its copy: it may be evidence.
        let before = h.rec.changed_messages().len();
        h.app.relay_change(&grace_side, None, "901", None, "901-deleted").await;
        assert_eq!(h.rec.changed_messages().len(), before);
        h.in_room("carol", ROOM, "!tandem close match M1 they moved away").await;
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        for side in ["room-1", "room-2"] {
            assert!(out.contains(&format!("[room {side}] This mentoring has ended, so this room is now closed and read-only.")), "{out}");
        }
        let archived = h.rec.read_only_changes();
        assert_eq!(archived.iter().filter(|(_, ro)| *ro).count(), 4, "frozen, then archived, both sides: {archived:?}");
        // Nothing written after the closure is copied.
        let out = write(&h, AMINA, &amina_side, "$e9", "Goodbye!").await;
        assert!(!out.contains("Amina: Goodbye!"), "{out}");
    }

    async fn without_a_process_serving_both_platforms_people_on_two_are_never_paired(db: TestDb) {
        let h = Harness::build(
            &db,
            tandem::platforms::recording::Recording::new(),
            example_programmes(),
            |s| s.platforms = vec![Platform::Console, Platform::Matrix],
        )
        .await;
        ready_mentee(&h, AMINA, "Amina").await;
        ready_mentor(&h, GRACE, "Grace", "Technology").await;
        let out = h.in_room("carol", ROOM, "!tandem match propose").await;
        assert!(out.contains("no mentor ready to be matched is on matrix, where they are"), "{out}");
    }
}
