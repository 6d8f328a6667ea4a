//! Incident reports and cases, on both backends: the reporter's flow, the moderators'
//! workflow, and proof that an anonymous reporter is never revealed without two reveals,
//! and then only to the two moderators who asked, by DM.

use tandem::flows::{FlowState, OutMessage, ReportedMessage, Thread};
use tandem::platforms::recording::{Sent, Target};

use crate::support::{Harness, TestDb, dm, room_message, transcript, user};

const MODS: &str = "moderators";

/// Amina reports, from inside her pair room, anonymously, a safeguarding concern.
async fn anonymous_report(h: &Harness) -> String {
    h.rec.take();
    h.app
        .receive(room_message("amina", "room-7", "!tandem report"))
        .await;
    let mut all = transcript(&h.rec.take());
    for line in [
        "2",
        "Tom",
        "no",
        "He keeps asking to meet me alone after school and told me not to tell anyone.",
        "skip",
        "yes",
        "yes",
        "yes",
    ] {
        all.push('\n');
        all.push_str(&h.dm_all("amina", line).await);
    }
    all
}

/// The rows of the tables that hold a conversation, or a prompt waiting for one, by owner.
async fn conversation_rows(h: &Harness) -> Vec<(String, String)> {
    h.store
        .dump_tables()
        .await
        .unwrap()
        .into_iter()
        .filter(|(table, _)| table == "pending_prompts" || table == "conversations")
        .flat_map(|(table, rows)| rows.into_iter().map(move |row| (table.clone(), row)))
        .collect()
}

/// Asserts that the reporter's row of `table` is there, sealed, and that no row of the
/// conversation tables shows a case number in the clear.
async fn assert_sealed_link(h: &Harness, table: &str, moment: &str) {
    let rows = conversation_rows(h).await;
    assert!(
        rows.iter()
            .any(|(t, row)| t == table && row.contains("| amina |") && row.contains("sealed:v2:")),
        "{moment}: no sealed row of {table} for amina: {rows:#?}"
    );
    for (t, row) in &rows {
        assert!(
            !row.contains("case_id"),
            "{moment}: {t} holds a case beside its owner: {row}"
        );
    }
}

/// How releases before December 2026 sealed (the master key, no associated data, the nonce
/// first), written out here apart from the code under test: the test key is 0x1f × 32.
fn sealed_v1(plain: &[u8], nonce: u8) -> Vec<u8> {
    use chacha20poly1305::aead::{Aead, KeyInit};
    let cipher = chacha20poly1305::XChaCha20Poly1305::new((&[0x1f; 32]).into());
    let nonce = [nonce; 24];
    let mut out = nonce.to_vec();
    out.extend(cipher.encrypt(&nonce.into(), plain).unwrap());
    out
}

fn sealed_v1_text(plain: &str, nonce: u8) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(sealed_v1(plain.as_bytes(), nonce))
}

fn tag_v1(who: &str) -> String {
    blake3::keyed_hash(&[0x1f; 32], who.as_bytes())
        .to_hex()
        .to_string()
}

/// Writes rows to the test database as an older release left them (SQL with `$n`).
async fn write_as_an_old_release(db: &TestDb, statements: Vec<(&str, Vec<Old>)>) {
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    for (sql, values) in statements {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for value in values {
            query = match value {
                Old::Text(t) => query.bind(t),
                Old::Bytes(b) => query.bind(b),
                Old::Int(n) => query.bind(n),
            };
        }
        query.execute(&pool).await.unwrap();
    }
    pool.close().await;
}

enum Old {
    Text(String),
    Bytes(Vec<u8>),
    Int(i64),
}

both_backends! {
    async fn commands_typed_while_a_moderators_question_waits_are_not_sent_as_the_answer(db: TestDb) {
        let h = Harness::new(&db).await;
        anonymous_report(&h).await;
        h.in_room("mo", MODS, "!tandem case claim 1").await;
        h.in_room("mo", MODS, "!tandem case ask 1 When did this start?").await;
        for (line, says) in [
            ("help", "Hello! I'm Tandem"),
            ("stop", "This stays open until you answer it"),
            ("report", "I'm sorry something has happened"),
        ] {
            let out = h.dm_all("amina", line).await;
            assert!(!out.contains("[room moderators]"), "{line}: {out}");
            assert!(out.contains(says), "{line}: {out}");
        }
        // The second report ends; the question is asked again and answered.
        let out = h.dm_all("amina", "cancel").await;
        assert!(out.contains("When did this start?"), "{out}");
        let out = h.dm_all("amina", "Two weeks ago.").await;
        assert!(out.contains("[room moderators] Reply from the reporter of case #1:\nQ: When did this start?\nA: Two weeks ago."), "{out}");
        let log = h.in_room("mo", MODS, "!tandem case log 1").await;
        assert!(!log.contains("A: help") && !log.contains("A: report"), "{log}");
    }

    async fn a_report_from_a_pair_room_is_answered_only_by_dm_and_reaches_the_moderators(db: TestDb) {
        let h = Harness::new(&db).await;
        let all = anonymous_report(&h).await;
        assert!(!all.contains("[room room-7]"), "nothing is said in the room: {all}");
        assert!(all.contains("[dm amina] Thank you. Your report is case #1."), "{all}");
        assert!(all.contains("[room moderators] Case #1 · A safeguarding concern about a young person · SAFEGUARDING · open"), "{all}");
        assert!(all.contains("Reported by: anonymous reporter"), "{all}");
        assert!(!all.contains("room-7"), "the room would name an anonymous reporter as one of two: {all}");
        assert!(all.contains("[room moderators] On call: mo — safeguarding case #1 needs attention now."), "{all}");
        assert!(all.contains("[dm mo] A safeguarding case (#1) was just reported."), "{all}");
        let cases = h.in_room("mo", MODS, "!tandem cases").await;
        assert!(cases.contains("#1 · safeguarding · safeguarding · open"), "{cases}");
    }

    async fn no_path_reveals_an_anonymous_reporter_without_two_reveals_and_then_only_to_those_two_by_dm(db: TestDb) {
        let h = Harness::new(&db).await;
        let first = anonymous_report(&h).await;
        // Everything the bot says to anyone but the reporter herself.
        let seen_by_others = std::cell::RefCell::new(String::new());
        let run = |out: String| {
            for line in out.lines().filter(|l| !l.starts_with("[dm amina]")) {
                let mut seen = seen_by_others.borrow_mut();
                seen.push_str(line);
                seen.push('\n');
            }
            out
        };
        run(first);
        run(h.in_room("bob", MODS, "!tandem case claim 1").await);
        run(h.in_room("mo", MODS, "!tandem case claim 1").await);
        let asked = run(h.in_room("mo", MODS, "!tandem case ask 1 When did this start?").await);
        assert!(asked.contains("[dm amina] The moderation team has a question about your report (case #1)"), "{asked}");
        let answered = run(h.dm_all("amina", "Two weeks ago.").await);
        assert!(answered.contains("[room moderators] Reply from the reporter of case #1:\nQ: When did this start?\nA: Two weeks ago."), "{answered}");
        run(h.in_room("max", MODS, "!tandem case note 1 Told the safeguarding lead.").await);
        run(h.in_room("mo", MODS, "!tandem case show 1").await);
        run(h.in_room("mo", MODS, "!tandem case log 1").await);
        run(h.in_room("mo", MODS, "!tandem cases").await);
        run(h.in_room("mo", MODS, "!tandem case ask 99 Hello?").await);
        run(h.in_room("mo", MODS, "!tandem case ask 1").await);
        let one = run(h.in_room("mo", MODS, "!tandem case reveal 1").await);
        assert!(one.contains("named only when a second moderator asks too, and then only to the two of you, by direct message"), "{one}");
        let again = run(h.in_room("mo", MODS, "!tandem case reveal 1").await);
        assert!(again.contains("a second moderator must ask too"), "{again}");
        let still = run(h.in_room("mo", MODS, "!tandem case show 1").await);
        assert!(still.contains("Reported by: anonymous reporter"), "{still}");
        let seen = seen_by_others.borrow().clone();
        assert!(!seen.contains("amina"), "revealed before two reveals:\n{seen}");
        let at_rest = h.store.case_at_rest(1).await.unwrap();
        assert!(!at_rest.contains("amina"), "the database holds the reporter in the clear:\n{at_rest}");
        // The second moderator's reveal names her to the two who asked, by DM, and to
        // nobody else: the room is told only that it was done. The log records both.
        let mut after = vec![];
        for (who, command) in [
            ("max", "case reveal 1"),
            ("max", "case show 1"),
            ("bob", "case reveal 1"),
            ("lead", "case reveal 1"),
            ("mo", "case reveal 1"),
            ("mo", "cases"),
            ("max", "case log 1"),
        ] {
            h.app.receive(room_message(who, MODS, &format!("!tandem {command}"))).await;
            after.extend(h.rec.take());
        }
        let all = transcript(&after);
        assert!(all.contains("[room moderators] Case #1: the reporter has been revealed to mo and max by direct message."), "{all}");
        for (moderator, other) in [("mo", "max"), ("max", "mo")] {
            assert!(all.contains(&format!("[dm {moderator}] The reporter of case #1 is console:amina. You and {other} asked to know. Please keep this between the two of you and the people who need it.")), "{all}");
        }
        assert!(all.contains("Reported by: anonymous reporter (revealed to console:max and console:mo by direct message)"), "{all}");
        assert!(all.contains("The reporter of case #1 has already been revealed to console:max and console:mo by direct message; ask them if you need to know."), "{all}");
        let named: Vec<&Sent> = after.iter().filter(|s| s.message.text.contains("amina")).collect();
        assert_eq!(named.len(), 2, "only the two DMs name her: {named:#?}");
        assert!(named.iter().all(|s| matches!(&s.target, Target::Dm(u) if u.id == "mo" || u.id == "max")), "{named:#?}");
        assert!(all.contains("console:mo · reveal") && all.contains("console:max · reveal"), "{all}");
        assert!(all.contains("reporter · answered: Two weeks ago."), "{all}");
        assert!(all.contains("console:bob · refused: not a moderator"), "{all}");
        // Nothing at rest names her either: the DMs were unsealed as they were sent.
        let at_rest = h.store.case_at_rest(1).await.unwrap();
        assert!(!at_rest.contains("amina"), "{at_rest}");
        let tables = format!("{:?}", h.store.dump_tables().await.unwrap());
        assert!(!tables.contains("is console:amina"), "{tables}");
    }

    async fn a_case_card_starts_its_thread_and_the_reporters_answer_is_posted_in_it(db: TestDb) {
        let h = Harness::new(&db).await;
        h.app.receive(dm("amina", "report")).await;
        for line in ["2", "Tom", "no", "He asked to meet me alone.", "skip", "yes", "no"] {
            h.dm_all("amina", line).await;
        }
        h.rec.take();
        h.app.receive(dm("amina", "yes")).await;
        let in_room = |sent: Vec<Sent>| -> Vec<OutMessage> {
            sent.into_iter()
                .filter(|s| matches!(&s.target, Target::Room(r) if r.id == MODS))
                .map(|s| s.message)
                .collect()
        };
        let posted = in_room(h.rec.take());
        assert!(posted[0].text.starts_with("Case #1 ·"), "{posted:?}");
        assert_eq!(posted[0].thread, Some(Thread::Starts("case-1".into())));
        // The on-call ping is an alert: never hidden in a thread.
        assert!(posted[1].text.starts_with("On call:"), "{posted:?}");
        assert_eq!(posted[1].thread, Some(Thread::Alert));

        // The answer to a command goes where it was typed (the platform knows where).
        h.app.receive(room_message("mo", MODS, "!tandem case ask 1 When was that?")).await;
        let asked = in_room(h.rec.take());
        assert_eq!(asked.len(), 1);
        assert_eq!(asked[0].thread, None, "{asked:?}");
        // What comes on its own follows the card.
        h.app.receive(dm("amina", "Yesterday evening.")).await;
        let answered = in_room(h.rec.take());
        assert!(answered[0].text.starts_with("Reply from the reporter of case #1"), "{answered:?}");
        assert_eq!(answered[0].thread, Some(Thread::In("case-1".into())));
    }

    async fn moderators_claim_resolve_and_reopen_and_the_reporter_is_told(db: TestDb) {
        let h = Harness::new(&db).await;
        anonymous_report(&h).await;
        let out = h.in_room("bob", MODS, "!tandem case claim 1").await;
        assert!(out.contains("Sorry bob, only moderators can do that."), "{out}");
        let out = h.in_room("mo", "lobby", "!tandem case claim 1").await;
        assert!(out.contains("only in the moderators' room"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case claim 1").await;
        assert!(out.contains("Case #1 claimed by mo."), "{out}");
        let out = h.in_room("max", MODS, "!tandem case claim 1").await;
        assert!(out.contains("already claimed by console:mo"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case resolve 1 Tom's access was suspended and the safeguarding lead contacted your school.").await;
        assert!(out.contains("[dm amina] An update on your report (case #1) from the moderation team"), "{out}");
        assert!(out.contains("What we did: Tom's access was suspended"), "{out}");
        for cmd in ["case claim 1", "case ask 1 More?"] {
            let out = h.in_room("mo", MODS, &format!("!tandem {cmd}")).await;
            assert!(out.contains("Case #1 is resolved; reopen it first"), "{cmd}: {out}");
        }
        let out = h.in_room("max", MODS, "!tandem case escalate 1 lead").await;
        assert!(out.contains("Case #1 is resolved; reopen it first"), "{out}");
        let out = h.in_room("max", MODS, "!tandem case reopen 1").await;
        assert!(out.contains("Case #1 reopened by max."), "{out}");
        let out = h.in_room("max", MODS, "!tandem cases").await;
        assert!(out.contains("#1 · safeguarding"), "{out}");
        let out = h.in_room("max", MODS, "!tandem case escalate 1 lead").await;
        assert!(out.contains("[room moderators] Case #1 escalated to console:lead by max."), "{out}");
        assert!(out.contains("[dm lead] Case #1 (safeguarding) was escalated to you by max."), "{out}");
        let out = h.in_room("max", MODS, "!tandem case escalate 1 the safeguarding board").await;
        assert!(out.contains("escalated to the safeguarding board"), "{out}");
        assert!(!out.contains("[dm "), "a role in words gets no DM: {out}");
    }

    async fn a_report_naming_a_moderator_goes_only_to_the_escalation_contact_who_works_it_by_dm(db: TestDb) {
        let h = Harness::new(&db).await;
        let mut sent = String::new();
        // She answers no to the question about the team, but names Mo: restricted all the same.
        for line in ["report", "1", "mo", "no", "Mo keeps making fun of my accent in the group chat.", "skip", "no", "no", "yes"] {
            sent.push_str(&h.dm_all("lee", line).await);
        }
        assert!(!sent.contains("[room moderators]"), "nothing reaches the moderators' room: {sent}");
        assert!(sent.contains("[dm lead] A report that may concern a member of the moderation team comes only to you, as the escalation contact."), "{sent}");
        assert!(sent.contains("Reported by: console:lee"), "{sent}");
        assert!(sent.contains("Restricted: it names a member of the moderation team"), "{sent}");
        assert!(sent.contains("Reply here: case claim 1 · case note 1 <text>"), "commands written for a DM: {sent}");
        assert!(sent.contains("[dm lee] Thank you. Your report is case #1. As it may concern a member of the moderation team, only the programme's safeguarding lead will look at it"), "{sent}");
        assert!(!sent.contains("[dm mo]"), "{sent}");
        // No moderator sees or acts on it, named or not, and the words do not say who is named.
        for moderator in ["max", "mo"] {
            for command in ["case show 1", "case claim 1", "case evidence 1"] {
                let out = h.in_room(moderator, MODS, &format!("!tandem {command}")).await;
                assert_eq!(out, "[room moderators] Case #1 is restricted: it may concern a member of the moderation team, so only the escalation contact works on it.", "{moderator}: {command}");
            }
            let out = h.in_room(moderator, MODS, "!tandem cases").await;
            assert!(out.contains("No open cases."), "{out}");
        }
        // The lead works it in her DM, with the usual commands.
        let out = h.dm_all("lead", "cases").await;
        assert!(out.contains("#1 · normal"), "{out}");
        let out = h.dm_all("lead", "case claim 1").await;
        assert_eq!(out, "[dm lead] Case #1 claimed by lead.");
        let out = h.dm_all("lead", "!tandem case ask 1 When did it start?").await;
        assert!(out.contains("[dm lead] Question relayed to the reporter of case #1, as from the moderation team. Their answer will come to you here."), "{out}");
        assert!(out.contains("[dm lee] The moderation team has a question about your report (case #1)"), "{out}");
        let out = h.dm_all("lee", "Since the start of term.").await;
        assert!(out.contains("[dm lead] Reply from the reporter of case #1:\nQ: When did it start?\nA: Since the start of term."), "{out}");
        assert!(!out.contains("[room "), "{out}");
        let out = h.dm_all("lead", "case reveal 1").await;
        assert!(out.contains("can't be revealed: that takes two moderators"), "{out}");
        let out = h.dm_all("lead", "case resolve 1 Spoke to Mo; the team has a new chair.").await;
        assert!(out.contains("[dm lead] Case #1 resolved by lead; the reporter has been told."), "{out}");
        assert!(out.contains("[dm lee] An update on your report (case #1)"), "{out}");
        assert!(!out.contains("[room "), "{out}");
        // An ordinary case stays the moderators': the lead is refused it, kindly.
        for line in ["report", "1", "Sam", "no", "Sam keeps sending me rude messages at night.", "skip", "no", "no", "yes"] {
            h.dm_all("bea", line).await;
        }
        let out = h.dm_all("lead", "case show 2").await;
        assert!(out.contains("Case #2 is worked by the moderators, in their room"), "{out}");
        let out = h.in_room("max", MODS, "!tandem case show 2").await;
        assert!(out.contains("Case #2 ·"), "{out}");
        // Linked to a moderator, it becomes the contact's.
        h.in_room("max", MODS, "!tandem case concerns 2 mo").await;
        let out = h.in_room("max", MODS, "!tandem case show 2").await;
        assert!(out.contains("Case #2 is restricted"), "{out}");
        let out = h.dm_all("lead", "case show 2").await;
        assert!(out.contains("Linked: console:mo"), "{out}");
    }

    async fn a_report_about_the_team_by_answer_or_by_alias_is_restricted(db: TestDb) {
        let h = Harness::with_settings(&db, |s| {
            s.moderation.aliases = vec![(user("mo"), vec!["Maureen Okafor".into()])];
        }).await;
        // By her answer: yes, about someone the bot cannot recognise.
        let mut sent = String::new();
        for line in ["report", "1", "the new moderator", "yes", "They shared my messages with others.", "skip", "no", "yes", "yes"] {
            sent.push_str(&h.dm_all("lee", line).await);
        }
        assert!(sent.contains("• About the moderation team: yes (only the safeguarding lead will see it)"), "the summary says so: {sent}");
        assert!(!sent.contains("[room moderators]"), "{sent}");
        assert!(sent.contains("Restricted: the reporter said it concerns a member of the moderation team"), "{sent}");
        // "I'd rather not say" restricts too.
        let mut sent = String::new();
        for line in ["report", "1", "skip", "3", "Someone on the team keeps messaging me.", "skip", "no", "yes", "yes"] {
            sent.push_str(&h.dm_all("bea", line).await);
        }
        assert!(!sent.contains("[room moderators]"), "{sent}");
        assert!(sent.contains("Restricted: the reporter would rather not say"), "{sent}");
        // By a configured alias, or its first word, in what happened: restricted although she said no.
        let mut sent = String::new();
        for line in ["report", "1", "a volunteer", "no", "maureen keeps asking for my address.", "skip", "no", "yes", "yes"] {
            sent.push_str(&h.dm_all("ola", line).await);
        }
        assert!(!sent.contains("[room moderators]"), "{sent}");
        assert!(sent.contains("[dm lead] A report that may concern"), "{sent}");
        // A word that only contains a moderator's id ("Monday", "mom") restricts nothing.
        let mut sent = String::new();
        for line in ["report", "1", "Sam", "no", "On Monday Sam told my mom lies about me.", "skip", "no", "yes", "yes"] {
            sent.push_str(&h.dm_all("kim", line).await);
        }
        assert!(sent.contains("[room moderators] Case #4"), "{sent}");
        let out = h.dm_all("lead", "cases").await;
        assert!(out.contains("3 open cases,") && !out.contains("#4"), "{out}");
    }

    async fn a_report_naming_a_moderator_by_their_display_name_goes_only_to_the_escalation_contact(db: TestDb) {
        let rec = tandem::platforms::recording::Recording::new();
        rec.set_display_names(&user("mo"), &["Maureen Okafor", "M"]);
        rec.set_display_names(&user("lead"), &["Leila Adeyemi"]);
        let mut h = Harness::with_recording(&db, rec).await;
        // A platform that cannot answer teaches nothing, and stops nothing.
        h.rec.set_down(true);
        assert_eq!(h.app.learn_staff_names().await, 0);
        h.rec.set_down(false);
        // Mo's and the contact's names; "M" is too short to recognise anyone by.
        assert_eq!(h.app.learn_staff_names().await, 2);
        assert_eq!(h.app.learn_staff_names().await, 0, "names already known are not added twice");
        let mut sent = String::new();
        for line in ["report", "1", "a volunteer", "no", "Maureen was rude to me.", "skip", "no", "yes", "yes"] {
            sent.push_str(&h.dm_all("ola", line).await);
        }
        assert!(!sent.contains("[room moderators]"), "{sent}");
        assert!(sent.contains("[dm lead] A report that may concern"), "{sent}");
        // A report that names nobody on the team still goes to the moderators.
        let mut sent = String::new();
        for line in ["report", "1", "Sam", "no", "Sam was rude to me.", "skip", "no", "yes", "yes"] {
            sent.push_str(&h.dm_all("kim", line).await);
        }
        assert!(sent.contains("[room moderators] Case #2"), "{sent}");
    }

    async fn bad_reports_get_clear_messages(db: TestDb) {
        let h = Harness::new(&db).await;
        h.dm_all("lee", "report").await;
        let out = h.dm_all("lee", "9").await;
        assert!(out.contains("Please answer with the number of one of the options."), "{out}");
        h.dm_all("lee", "1").await;
        let out = h.dm_all("lee", "lee").await;
        assert!(out.contains("You can't report yourself."), "{out}");
        let out = h.dm_all("lee", "skip").await;
        assert!(out.contains("Does this concern a member of the moderation team?"), "{out}");
        let out = h.dm_all("lee", "maybe").await;
        assert!(out.contains("Please answer yes, no, or 3 if you'd rather not say."), "{out}");
        h.dm_all("lee", "no").await;
        let out = h.dm_all("lee", "bad").await;
        assert!(out.contains("Please tell us a little more"), "{out}");
        let out = h.dm_all("lee", &"x".repeat(5000)).await;
        assert!(out.contains("Please keep it under 4,000 characters (yours has 5,000)"), "{out}");
        let out = h.dm_all("lee", "back").await;
        assert!(out.contains("Does this concern a member of the moderation team?"), "{out}");
        let out = h.dm_all("lee", "back").await;
        assert!(out.contains("Who or what does it concern?"), "{out}");
        let out = h.dm_all("lee", "cancel").await;
        assert!(out.contains("Your report was discarded; nothing was sent."), "{out}");
        assert!(h.store.cases().await.unwrap().is_empty());
    }

    async fn a_repeated_report_joins_its_case_and_reports_are_limited_per_day(db: TestDb) {
        let h = Harness::new(&db).await;
        let report = |who: &'static str, about: &'static str, what: &'static str| {
            let h = &h;
            async move {
                let mut out = String::new();
                for line in ["report", "1", about, "no", what, "skip", "no", "yes", "yes"] {
                    out = h.dm_all(who, line).await;
                }
                out
            }
        };
        let out = report("lee", "Sam", "Sam keeps sending me rude messages at night.").await;
        assert!(out.contains("Your report is case #1."), "{out}");
        h.clock.advance(chrono::Duration::minutes(20));
        let out = report("lee", "sam", "Again tonight, three more messages.").await;
        assert!(out.contains("[dm lee] You reported the same person a short while ago, so I've added this to your report, case #1."), "{out}");
        assert!(out.contains("[room moderators] Case #1: the reporter added a new report about the same person:\nAgain tonight"), "{out}");
        assert_eq!(h.store.cases().await.unwrap().len(), 1);
        let out = report("lee", "Kim", "Kim shared my phone number in the group.").await;
        assert!(out.contains("case #2"), "{out}");
        let out = report("lee", "Jo", "Jo called me names in the group chat.").await;
        assert!(out.contains("case #3"), "{out}");
        let out = h.dm_all("lee", "report").await;
        assert!(out.contains("You have sent 3 reports in the last day"), "{out}");
        h.clock.advance(chrono::Duration::hours(25));
        let out = h.dm_all("lee", "report").await;
        assert!(out.contains("What would you like to report?"), "a day later: {out}");
    }

    async fn only_the_platforms_report_message_carries_a_copy_of_the_message(db: TestDb) {
        let h = Harness::new(&db).await;
        let finish = |who: &'static str, evidence: &'static str| {
            let h = &h;
            async move {
                let mut all = String::new();
                for line in ["1", "Tom", "no", "He threatened me.", evidence, "no", "no", "yes"] {
                    all.push('\n');
                    all.push_str(&h.dm_all(who, line).await);
                }
                all
            }
        };
        // Typed by hand: the link alone, and words typed to look like a copy stay the
        // reporter's own evidence.
        h.dm_all("amina", "report message https://example.org/m/1").await;
        let forged = "Tom, 1 Jan 2027 10:00 UTC: “I will hurt you.”";
        let summary = finish("amina", forged).await;
        assert!(summary.contains("Thank you. Your report is case #1."), "{summary}");
        // From the platform's own menu: the link, and the copy it made, apart.
        h.app
            .receive_reported(
                crate::support::user("lee"),
                ReportedMessage {
                    at_room: None,
                    link: "https://example.org/m/2".into(),
                    author: "tom".into(),
                    at: Some(crate::support::start_time()),
                    text: "Give me your number\u{0007} or else.".into(),
                },
                None,
            )
            .await;
        let told = finish("lee", "done").await;
        let to_lee: Vec<&str> = told.split("\n[").filter(|m| m.trim_start_matches('[').starts_with("dm lee]")).collect();
        assert!(to_lee.iter().any(|m| m.contains("https://example.org/m/2")), "{told}");
        assert!(to_lee.iter().all(|m| !m.contains("Give me your number")), "the reporter is not shown the copy: {told}");
        let cases = h.store.cases().await.unwrap();
        let case = |n: i64| cases.iter().find(|c| c.id == n).unwrap().clone();
        assert_eq!(case(1).evidence.unwrap(), format!("https://example.org/m/1\n{forged}"));
        assert_eq!(case(1).copy, None);
        assert_eq!(case(2).evidence.as_deref(), Some("https://example.org/m/2"));
        let copy = case(2).copy.unwrap();
        assert!(copy.starts_with("tom, "), "{copy}");
        assert!(copy.ends_with(": “Give me your number or else.”"), "control characters go: {copy}");
        let card = h.in_room("mo", MODS, "!tandem case show 2").await;
        assert!(card.contains("\nReported message, as Tandem copied it: tom, "), "{card}");
        let card = h.in_room("mo", MODS, "!tandem case show 1").await;
        assert!(!card.contains("as Tandem copied it"), "{card}");
        // A long message is cut, and one without text says so.
        h.clock.advance(chrono::Duration::days(2));
        h.app
            .receive_reported(
                crate::support::user("lee"),
                ReportedMessage {
                    at_room: None,
                    link: "https://example.org/m/3".into(),
                    author: "tom".into(),
                    at: None,
                    text: "x".repeat(5000),
                },
                None,
            )
            .await;
        finish("lee", "done").await;
        h.app
            .receive_reported(
                crate::support::user("lee"),
                ReportedMessage {
                    at_room: None,
                    link: "https://example.org/m/4".into(),
                    author: "tom".into(),
                    at: None,
                    text: String::new(),
                },
                None,
            )
            .await;
        finish("lee", "done").await;
        let cases = h.store.cases().await.unwrap();
        let copy = |n: i64| cases.iter().find(|c| c.id == n).unwrap().copy.clone().unwrap();
        assert!(copy(3).chars().count() < 1100 && copy(3).ends_with("…”"), "{}", copy(3));
        assert_eq!(copy(4), "tom: (no text: only files or embeds)");
    }

    async fn a_graver_report_about_the_same_person_opens_its_own_case_and_pings_on_call(db: TestDb) {
        let h = Harness::new(&db).await;
        for line in ["report", "1", "Sam", "no", "Sam keeps sending me rude messages.", "skip", "no", "yes", "yes"] {
            h.dm_all("lee", line).await;
        }
        h.clock.advance(chrono::Duration::minutes(20));
        let mut out = String::new();
        for line in ["report", "2", "Sam", "no", "Sam asked to meet me alone.", "skip", "yes", "no", "yes"] {
            out = h.dm_all("lee", line).await;
        }
        assert!(out.contains("Your report is case #2."), "{out}");
        assert!(out.contains("[room moderators] On call: mo — safeguarding case #2 needs attention now."), "{out}");
        assert_eq!(h.store.cases().await.unwrap().len(), 2);
        // A milder one afterwards still joins the graver case.
        h.clock.advance(chrono::Duration::minutes(5));
        for line in ["report", "1", "Sam", "no", "And more rude messages.", "skip", "no", "yes", "yes"] {
            out = h.dm_all("lee", line).await;
        }
        assert!(out.contains("so I've added this to your report, case #2."), "{out}");
    }

    async fn an_unclaimed_urgent_case_pings_on_call_again_until_someone_claims_it(db: TestDb) {
        let h = Harness::new(&db).await;
        anonymous_report(&h).await;
        assert_eq!(h.sweep().await, "", "not yet");
        h.clock.advance(chrono::Duration::minutes(31));
        let out = h.sweep().await;
        assert!(out.contains("[room moderators] Still unclaimed after 31 minutes: safeguarding case #1 — on call: mo."), "{out}");
        assert!(out.contains("[dm mo] Case #1 (safeguarding) is still unclaimed after 31 minutes."), "{out}");
        assert!(!out.contains("amina"), "{out}");
        assert_eq!(h.sweep().await, "", "once per interval");
        h.clock.advance(chrono::Duration::minutes(30));
        assert!(h.sweep().await.contains("Still unclaimed after 61 minutes"));
        h.in_room("mo", MODS, "!tandem case claim 1").await;
        h.clock.advance(chrono::Duration::minutes(45));
        assert_eq!(h.sweep().await, "", "claimed: no more pings");
        let log = h.in_room("mo", MODS, "!tandem case log 1").await;
        assert_eq!(log.matches("tandem · re-pinged").count(), 2, "{log}");
    }

    async fn a_reporter_who_left_cannot_be_reached_and_the_case_says_so(db: TestDb) {
        let h = Harness::new(&db).await;
        anonymous_report(&h).await;
        h.rec.set_unreachable(&crate::support::user("amina"));
        let out = h.in_room("mo", MODS, "!tandem case ask 1 When did this start?").await;
        assert!(out.contains("[room moderators] Case #1: a question could not be delivered to the reporter; they may have left the server"), "{out}");
        let out = h.in_room("mo", MODS, "!tandem case resolve 1 We spoke to the mentor.").await;
        assert!(out.contains("Case #1: a message about the case could not be delivered to the reporter"), "{out}");
        assert!(!out.contains("amina"), "{out}");
        let log = h.in_room("mo", MODS, "!tandem case log 1").await;
        assert_eq!(log.matches("tandem · unreachable").count(), 2, "{log}");
        assert!(h.store.load_conversation::<FlowState>(&crate::support::user("amina")).await.unwrap().is_none(), "no question left hanging");
    }

    async fn an_unreachable_reporter_of_a_restricted_case_is_told_to_the_escalation_contact_only(db: TestDb) {
        let h = Harness::new(&db).await;
        for line in ["report", "1", "skip", "yes", "One of the moderators keeps messaging me privately.", "skip", "no", "yes", "yes"] {
            h.dm_all("lee", line).await;
        }
        h.rec.set_unreachable(&user("lee"));
        let out = h.dm_all("lead", "case ask 1 When did this start?").await;
        assert!(out.contains("[dm lead] Case #1: a question could not be delivered to the reporter"), "{out}");
        assert!(!out.contains("[room moderators]"), "{out}");
    }

    async fn with_nobody_on_call_the_sweep_still_reminds_the_contact_of_an_urgent_restricted_case(db: TestDb) {
        let h = Harness::with_settings(&db, |s| s.moderation.on_call.clear()).await;
        for line in ["report", "1", "skip", "yes", "One of the moderators keeps messaging me privately.", "skip", "yes", "yes", "yes"] {
            h.dm_all("bea", line).await;
        }
        h.clock.advance(chrono::Duration::minutes(31));
        let out = h.sweep().await;
        assert!(out.contains("[dm lead] Case #"), "{out}");
        assert!(out.contains("is still unclaimed after 31 minutes. Type case claim"), "{out}");
        assert!(!out.contains("[room moderators]"), "{out}");
    }

    async fn while_a_moderators_question_waits_no_row_holds_the_reporter_beside_the_case_number(db: TestDb) {
        let h = Harness::new(&db).await;
        anonymous_report(&h).await;
        h.in_room("mo", MODS, "!tandem case claim 1").await;
        // Amina is writing another report: the question waits for her.
        h.dm_all("amina", "report").await;
        let out = h.in_room("mo", MODS, "!tandem case ask 1 When did this start?").await;
        assert!(!out.contains("When did this start?\n\nPlease reply"), "not asked yet: {out}");
        assert_sealed_link(&h, "pending_prompts", "a question waiting").await;
        // She drops that report: now she is asked, and her reply waits.
        let out = h.dm_all("amina", "cancel").await;
        assert!(out.contains("[dm amina] The moderation team has a question about your report (case #1)"), "{out}");
        assert_sealed_link(&h, "conversations", "her reply awaited").await;
        // A report started before she answers keeps the question underneath it.
        h.dm_all("amina", "report").await;
        assert_sealed_link(&h, "conversations", "a report over her reply").await;
        let out = h.dm_all("amina", "cancel").await;
        assert!(out.contains("When did this start?"), "{out}");
        let out = h.dm_all("amina", "Two weeks ago.").await;
        assert!(out.contains("[room moderators] Reply from the reporter of case #1:\nQ: When did this start?\nA: Two weeks ago."), "{out}");
        assert!(conversation_rows(&h).await.is_empty(), "nothing waits any more");
    }

    async fn rows_sealed_by_an_older_release_are_resealed_at_startup_and_still_found_by_their_reporter(db: TestDb) {
        let h = Harness::new(&db).await;
        anonymous_report(&h).await;
        // Lee is writing a report, with a file held for it.
        h.dm_all("lee", "report").await;
        let now = tandem::app::Clock::now(&*h.clock).timestamp_millis();
        write_as_an_old_release(&db, vec![
            (
                "UPDATE cases SET reporter_sealed = $1, reporter_tag = $2 WHERE id = 1",
                vec![Old::Text(sealed_v1_text("console:amina", 1)), Old::Text(tag_v1("console:amina"))],
            ),
            (
                "INSERT INTO evidence_files (case_id, holder_tag, name_sealed, mime, size, data_sealed, created_at) VALUES (1, NULL, $1, 'text/plain', 5, $2, $3)",
                vec![Old::Text(sealed_v1_text("chat.txt", 2)), Old::Bytes(sealed_v1(b"hello", 3)), Old::Int(now)],
            ),
            (
                "INSERT INTO evidence_files (case_id, holder_tag, name_sealed, mime, size, data_sealed, created_at) VALUES (NULL, $1, $2, 'text/plain', 3, $3, $4)",
                vec![Old::Text(tag_v1("console:lee")), Old::Text(sealed_v1_text("lee.txt", 4)), Old::Bytes(sealed_v1(b"hey", 5)), Old::Int(now)],
            ),
            (
                "INSERT INTO pending_prompts (platform, user_id, prompt, created_at) VALUES ('console', 'amina', $1, $2)",
                vec![Old::Text(r#"{"prompt":"case_question","case_id":1,"question":"When?"}"#.into()), Old::Int(now)],
            ),
        ]).await;
        let since = chrono::DateTime::<chrono::Utc>::MIN_UTC;
        assert!(h.store.reports_since(&user("amina"), since).await.unwrap().is_empty(), "an old tag is not found by the new one");

        let done = h.store.rekey::<FlowState>().await.unwrap();
        assert_eq!((done.cases, done.files, done.links), (1, 2, 1), "{done:?}");
        assert!(done.unopened.is_empty(), "{done:?}");
        let reports = h.store.reports_since(&user("amina"), since).await.unwrap();
        assert_eq!(reports.iter().map(|r| r.case_id).collect::<Vec<_>>(), vec![1]);
        assert_eq!(h.store.case_reporter(1).await.unwrap(), Some(user("amina")));
        let at_rest = h.store.case_at_rest(1).await.unwrap();
        assert!(at_rest.starts_with("v2:"), "{at_rest}");
        assert!(!at_rest.contains(&tag_v1("console:amina")), "{at_rest}");
        let files = h.store.case_files(1).await.unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(h.store.evidence_data(1, files[0].id).await.unwrap(), b"hello");
        let held = h.store.held_files(&user("lee")).await.unwrap();
        assert_eq!(held.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), vec!["lee.txt"]);
        assert_sealed_link(&h, "pending_prompts", "after rekey").await;
        let (_, prompt) = h.store.next_prompt(&user("amina")).await.unwrap().unwrap();
        assert_eq!(prompt, tandem::flows::Prompt::CaseQuestion { case_id: 1, question: "When?".into(), restricted: false, programme: None });
        let again = h.store.rekey::<FlowState>().await.unwrap();
        assert_eq!(again.changed(), 0, "nothing is old any more: {again:?}");
    }
}
