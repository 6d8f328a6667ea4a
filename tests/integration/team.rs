//! Participants writing to the programme team, on both backends (#20.9): `ask the team`
//! relays a question to the coordinators' room as a card, a coordinator answers it with
//! `reply Q1`, the answer reaches the person by DM; nobody else may answer, and the
//! question is the person's data (`my data`, `delete my data`).

use tandem::chat::Thread;
use tandem::platforms::recording::Target;

use crate::pairing::ready_mentee;
use crate::support::{Harness, user};

const ROOM: &str = "coordinators";

both_backends! {
    async fn a_participant_asks_the_team_and_a_coordinator_answers_by_dm(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await; // A1

        let out = h.dm_all("amina", "ask the team").await;
        assert!(out.contains("[dm amina] What would you like to ask?"), "{out}");

        h.rec.take();
        h.app.receive(crate::support::dm("amina", "Ask the team: when is the next meetup?")).await;
        let sent = h.rec.take();
        let card = sent
            .iter()
            .find(|s| matches!(&s.target, Target::Room(r) if r.id == ROOM))
            .expect("a card in the coordinators' room");
        assert_eq!(
            card.message.text,
            "Question Q1 from Amina (A1, mentee, Pathways Mentoring 2027): when is the next meetup? — Reply here: reply Q1 <your answer>"
        );
        assert_eq!(card.message.thread, Some(Thread::Starts("question-1".into())));
        assert!(sent.iter().any(|s| s.target == Target::Dm(user("amina"))
            && s.message.text == "Sent to the programme team; their answer will come here."));

        // A participant in the coordinators' room is refused, and the refusal recorded.
        let out = h.in_room("amina", ROOM, "!tandem reply Q1 tomorrow").await;
        assert!(out.contains("[room coordinators] Sorry amina, only the programme's coordinators can answer question Q1."), "{out}");
        assert!(!out.contains("[dm amina] The programme team answers"), "{out}");
        let audit = h.store.dump_tables().await.unwrap();
        let (_, rows) = audit.iter().find(|(t, _)| t == "audit_log").unwrap();
        assert!(rows.iter().any(|r| r.contains("answer question Q1")), "{rows:?}");

        // Carol answers without the prefix: the room is the bot's.
        let out = h.in_room("carol", ROOM, "reply Q1 Next Tuesday at 18:00, in the events room.").await;
        assert!(out.contains("[dm amina] The programme team answers your question “when is the next meetup?”: Next Tuesday at 18:00, in the events room."), "{out}");
        assert!(out.contains("[room coordinators] Answer to Q1 sent to Amina (A1, mentee, Pathways Mentoring 2027)."), "{out}");
        // A second answer is sent too, and the room is told it had been answered.
        let out = h.in_room("carol", ROOM, "reply 1 Bring a laptop.").await;
        assert!(out.contains("[dm amina] The programme team answers your question “when is the next meetup?”: Bring a laptop."), "{out}");
        assert!(out.contains("It had been answered before, by console:carol"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem reply Q9 hello").await;
        assert!(out.contains("There is no question Q9."), "{out}");

        // A sentence the bot does not understand points to the team.
        let out = h.dm_all("amina", "I have a question about my mentor please").await;
        assert!(out.contains("To write to the programme team, type: ask the team"), "{out}");

        // The question is Amina's data: in `my data`, and gone with `delete my data`.
        h.rec.take();
        h.app.receive(crate::support::dm("amina", "my data")).await;
        let file = h
            .rec
            .take()
            .into_iter()
            .find_map(|s| s.message.attachment)
            .expect("a file");
        let data: serde_json::Value = serde_json::from_slice(&file.data).unwrap();
        assert_eq!(data["questions_to_the_team"][0]["question"], "Q1");
        assert_eq!(data["questions_to_the_team"][0]["text"], "when is the next meetup?");
        assert!(data["questions_to_the_team"][0]["answered_at"].is_string(), "{data}");

        h.dm_all("amina", "delete my data").await;
        h.dm_all("amina", "Yes, delete my data").await;
        let tables = h.store.dump_tables().await.unwrap();
        let (_, rows) = tables.iter().find(|(t, _)| t == "team_questions").unwrap();
        assert!(rows.is_empty(), "{rows:?}");
        assert!(h.store.question(1).await.unwrap().is_none());
    }
}
