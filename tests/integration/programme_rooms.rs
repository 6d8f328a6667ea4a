//! Rooms per programme (`domain::rooms`): a programme's own coordinators' room gets its
//! cards and nobody else's, and is a boundary for the commands given in it.

use tandem::domain::Platform;
use tandem::domain::Programme;
use tandem::domain::rooms::{NamedRoom, Serves};

use crate::support::{Harness, MENTOR_ANSWERS, example_programmes};

const PATHWAYS_STAFF: &str = "pathways-staff";

/// Pathways with a coordinators' and an events room of its own, and Founders (carol and
/// dev coordinate both) with none; `open` says which takes applications.
fn programmes(pathways_open: bool, founders_open: bool) -> Vec<Programme> {
    let mut pathways = example_programmes().remove(0);
    let mut founders = pathways.clone();
    founders.slug = "founders".into();
    founders.name = "Founders".into();
    founders.applications_open = founders_open;
    pathways.applications_open = pathways_open;
    for (serves, written) in [
        (Serves::Coordinators, PATHWAYS_STAFF),
        (Serves::Events, "pathways-events"),
    ] {
        pathways.rooms.push(NamedRoom {
            platform: Platform::Console,
            serves,
            written: written.into(),
        });
    }
    vec![pathways, founders]
}

/// Applies as a mentor with `name`, through whichever programme is open.
async fn mentor_applies(h: &Harness, who: &str, name: &'static str) -> String {
    let mut lines = MENTOR_ANSWERS.to_vec();
    lines[1] = name;
    let mut out = String::new();
    for line in lines.iter().chain(["submit"].iter()) {
        out.push_str(&h.dm_all(who, line).await);
    }
    out
}

/// The application numbered `id`'s status.
async fn status_of(h: &Harness, id: i64) -> String {
    h.store
        .application(id)
        .await
        .unwrap()
        .unwrap()
        .summary
        .status
        .as_str()
        .to_string()
}

both_backends! {
    async fn a_programmes_own_coordinators_room_gets_its_cards_and_keeps_commands_to_it(db: TestDb) {
        // A1: Grace to Pathways, while only Pathways is open.
        let h = Harness::with_programmes(&db, programmes(true, false)).await;
        let out = mentor_applies(&h, "grace", "Grace").await;
        assert!(out.contains(&format!("[room {PATHWAYS_STAFF}]")), "{out}");
        assert!(!out.contains("[room coordinators]"), "{out}");
        // A2: Tom to Founders, while only Founders is open: the deployment's room.
        let h = Harness::with_programmes(&db, programmes(false, true)).await;
        let out = mentor_applies(&h, "tom", "Tom").await;
        assert!(out.contains("[room coordinators]"), "{out}");
        assert!(!out.contains(PATHWAYS_STAFF), "{out}");

        let h = Harness::with_programmes(&db, programmes(true, true)).await;
        // In Pathways' room, carol's queue shows Pathways' applicant only.
        let queue = h.in_room("carol", PATHWAYS_STAFF, "!tandem queue").await;
        assert!(queue.contains("Grace"), "{queue}");
        assert!(!queue.contains("Tom"), "{queue}");
        // Founders' application is not worked there, though carol coordinates it: she is
        // told where it goes, and nothing changes.
        let refused = h.in_room("carol", PATHWAYS_STAFF, "!tandem approve A2").await;
        assert!(refused.contains("This room is Pathways Mentoring 2027's"), "{refused}");
        assert_eq!(status_of(&h, 2).await, "needs_review");
        let looked = h.in_room("carol", PATHWAYS_STAFF, "!tandem show A2").await;
        assert!(!looked.contains("Tom"), "{looked}");
        // Pathways' own is, there.
        let approved = h.in_room("carol", PATHWAYS_STAFF, "!tandem approve A1").await;
        assert!(approved.contains(&format!("[room {PATHWAYS_STAFF}]")), "{approved}");
        assert_ne!(status_of(&h, 1).await, "needs_review");
        // The deployment's room serves every programme.
        let queue = h.in_room("carol", "coordinators", "!tandem queue").await;
        assert!(queue.contains("Tom"), "{queue}");
        h.in_room("carol", "coordinators", "!tandem approve A2").await;
        assert_ne!(status_of(&h, 2).await, "needs_review");
    }

    async fn a_question_to_the_team_goes_to_the_room_of_the_askers_programme(db: TestDb) {
        let h = Harness::with_programmes(&db, programmes(true, false)).await;
        mentor_applies(&h, "grace", "Grace").await;
        let out = h.dm_all("grace", "ask the team When do we start?").await;
        assert!(out.contains(&format!("[room {PATHWAYS_STAFF}] Question")), "{out}");
        let answered = h
            .in_room("carol", PATHWAYS_STAFF, "!tandem reply Q1 In March.")
            .await;
        assert!(answered.contains("[dm grace]"), "{answered}");
    }

    async fn an_event_created_in_a_programmes_room_is_announced_in_its_events_room(db: TestDb) {
        let h = Harness::with_programmes(&db, programmes(true, true)).await;
        let out = h
            .in_room(
                "carol",
                PATHWAYS_STAFF,
                "!tandem event create title: Kickoff; start: 2027-02-03 18:00 UTC; length: 1h",
            )
            .await;
        assert!(out.contains("announced in console:pathways-events"), "{out}");
        // From the deployment's room, carol (who coordinates both) announces in its
        // events room.
        let out = h
            .in_room(
                "carol",
                "coordinators",
                "!tandem event create title: Social; start: 2027-02-04 18:00 UTC; length: 1h",
            )
            .await;
        assert!(out.contains("announced in console:events "), "{out}");
        // Pathways' room works Pathways' events only.
        let listed = h.in_room("carol", PATHWAYS_STAFF, "!tandem events").await;
        assert!(listed.contains("Kickoff") && !listed.contains("Social"), "{listed}");
        let refused = h.in_room("carol", PATHWAYS_STAFF, "!tandem event cancel 2 no room").await;
        assert!(refused.contains("Event #2 is another programme's"), "{refused}");
        let listed = h.in_room("carol", "coordinators", "!tandem events").await;
        assert!(listed.contains("Kickoff") && listed.contains("Social"), "{listed}");
    }
}

/// [`programmes`], with Pathways' own moderators' room and pat moderating Pathways only.
fn with_moderation(pathways_open: bool, founders_open: bool) -> Vec<Programme> {
    let mut all = programmes(pathways_open, founders_open);
    all[0].rooms.push(NamedRoom {
        platform: Platform::Console,
        serves: Serves::Moderators,
        written: PATHWAYS_MODS.into(),
    });
    all[0].moderators = vec![tandem::domain::UserRef::new(Platform::Console, "pat")];
    all
}

const PATHWAYS_MODS: &str = "pathways-mods";

/// `who` reports a worry about someone outside the moderation team; everything the bot
/// sent meanwhile.
async fn reports(h: &Harness, who: &str) -> String {
    let mut out = String::new();
    for line in [
        "report",
        "1",
        "a stranger",
        "no",
        "They keep messaging me at night.",
        "skip",
        "no",
        "no",
        "yes",
    ] {
        out.push_str(&h.dm_all(who, line).await);
    }
    out
}

both_backends! {
    async fn a_programmes_own_moderators_work_only_its_cases_and_its_room_gets_only_them(db: TestDb) {
        // Case 1: Grace, of Pathways only. Case 2: Tom, of Founders only.
        let h = Harness::with_programmes(&db, with_moderation(true, false)).await;
        mentor_applies(&h, "grace", "Grace").await;
        let out = reports(&h, "grace").await;
        assert!(out.contains(&format!("[room {PATHWAYS_MODS}]")), "{out}");
        assert!(!out.contains("[room moderators]"), "{out}");
        let h = Harness::with_programmes(&db, with_moderation(false, true)).await;
        mentor_applies(&h, "tom", "Tom").await;
        let out = reports(&h, "tom").await;
        assert!(out.contains("[room moderators]"), "{out}");
        assert!(!out.contains(PATHWAYS_MODS), "{out}");

        let h = Harness::with_programmes(&db, with_moderation(true, true)).await;
        // Pathways' room lists Pathways' cases only, even to a community moderator.
        let listed = h.in_room("mo", PATHWAYS_MODS, "!tandem cases").await;
        assert!(listed.contains("#1"), "{listed}");
        assert!(!listed.contains("#2"), "{listed}");
        let refused = h.in_room("mo", PATHWAYS_MODS, "!tandem case show 2").await;
        assert!(refused.contains("Case #2 is not worked here"), "{refused}");
        assert!(!refused.contains("messaging me"), "{refused}");
        // The community's room lists both to mo; to pat, Pathways' only.
        let listed = h.in_room("mo", "moderators", "!tandem cases").await;
        assert!(listed.contains("#1") && listed.contains("#2"), "{listed}");
        let listed = h.in_room("pat", "moderators", "!tandem cases").await;
        assert!(listed.contains("#1") && !listed.contains("#2"), "{listed}");
        let refused = h.in_room("pat", "moderators", "!tandem case claim 2").await;
        assert!(refused.contains("Case #2 is not worked here"), "{refused}");
        let claimed = h.in_room("pat", PATHWAYS_MODS, "!tandem case claim 1").await;
        assert!(claimed.contains("claimed"), "{claimed}");
        // Tom (Founders' A2) linked to Pathways' case: its room sees him, not Founders'
        // records; the community's room sees them.
        let linked = h.in_room("pat", PATHWAYS_MODS, "!tandem case concerns 1 console:tom").await;
        assert!(linked.contains("now linked to Tom (console:tom)"), "{linked}");
        assert!(!linked.contains("A2"), "{linked}");
        let shown = h.in_room("pat", PATHWAYS_MODS, "!tandem case show 1").await;
        assert!(shown.contains("Linked: Tom (console:tom)"), "{shown}");
        assert!(!shown.contains("A2"), "{shown}");
        let shown = h.in_room("mo", "moderators", "!tandem case show 1").await;
        assert!(shown.contains("Linked: Tom (console:tom): application A2"), "{shown}");
        // What reaches past one programme is the community's moderators' to do, and is
        // not confirmed from a programme's room when asked in the community's.
        let refused = h.in_room("pat", PATHWAYS_MODS, "!tandem suspend tom").await;
        assert!(refused.contains("the community's moderators do that"), "{refused}");
        let asked = h.in_room("mo", "moderators", "!tandem suspend tom").await;
        assert!(asked.contains("confirm"), "{asked}");
        let refused = h.in_room("mo", PATHWAYS_MODS, "!tandem confirm").await;
        assert!(refused.contains("the community's moderators do that"), "{refused}");
        let now = h.app.now();
        assert!(!h.store.is_suspended(&crate::support::user("tom"), now).await.unwrap());
    }
}

both_backends! {
    async fn a_pair_room_is_made_where_its_programme_keeps_them(db: TestDb) {
        let mut pathways = example_programmes().remove(0);
        // Written past the file's checks (the console keeps no pair rooms anywhere): what
        // the app hands the platform is under test here, not the file.
        pathways.rooms.push(NamedRoom {
            platform: Platform::Console,
            serves: Serves::Pairs,
            written: "pathways-pairs".into(),
        });
        let h = Harness::with_programmes(&db, vec![pathways]).await;
        crate::pairing::active_match(&h).await;
        let made = h.rec.created_rooms();
        assert_eq!(made.len(), 1);
        let home = made[0].home.clone().expect("the programme's place");
        assert_eq!(
            home.parent,
            Some(tandem::domain::RoomRef::new(Platform::Console, "pathways-pairs"))
        );
        assert_eq!(home.category, None);
    }
}
