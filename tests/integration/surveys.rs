//! Surveys on both backends: a coordinator sends one to a cohort, people answer (one pauses
//! and carries on), reminders go once to those who have not answered, the survey closes,
//! and results appear only from the anonymity minimum — with nothing in any table linking
//! an anonymous answer to the person who gave it.

use tandem::domain::RoleKind;

use tandem::app::export::{ExportWhat, export};
use tandem::domain::export::Format;
use tandem::flows::FlowState;

use crate::pairing::{active_match, ready_mentee, ready_mentor};
use crate::support::{Harness, example_programmes, user};

const ROOM: &str = "coordinators";

const PEOPLE: [(&str, &str); 6] = [
    ("amina", "Amina"),
    ("bea", "Bea"),
    ("chidi", "Chidi"),
    ("dana", "Dana"),
    ("eli", "Eli"),
    ("fay", "Fay"),
];

/// Answers the midpoint survey: happiness, meetings, on track, and what would help.
async fn answer(h: &Harness, who: &str, happy: &str, words: &str) -> String {
    let mut out = String::new();
    for line in [happy, "3", "yes", words] {
        out = h.dm_all(who, line).await;
    }
    out
}

/// Every path figures can leave by: the results command, the programme report, and the
/// export in both formats. Returns them joined, or the refusals.
async fn every_path(h: &Harness) -> (String, String, Vec<Result<(String, Vec<String>), String>>) {
    let results = h
        .in_room("carol", ROOM, "!tandem survey results midpoint")
        .await;
    let report = h.in_room("carol", ROOM, "!tandem report").await;
    let programme = &example_programmes()[0];
    let mut exports = Vec::new();
    for format in [Format::Csv, Format::Json] {
        exports.push(
            export(&h.store, programme, ExportWhat::Surveys, format)
                .await
                .unwrap()
                .map(|(text, notes)| (text, notes.iter().map(|n| n.english()).collect()))
                .map_err(|reason| reason.english()),
        );
    }
    (results, report, exports)
}

both_backends! {
    async fn a_report_or_an_erasure_escapes_an_open_survey_which_keeps_its_place(db: TestDb) {
        let h = Harness::new(&db).await;
        ready_mentee(&h, "amina", "Amina").await;
        ready_mentee(&h, "bea", "Bea").await;
        h.in_room("carol", ROOM, "!tandem survey send midpoint all").await;
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        assert!(out.contains("Sent Midpoint survey to 2 people"), "{out}");
        h.dm_all("amina", "4").await;

        // `report` is the command, not an answer; her first words are kept, not dropped.
        let out = h.dm_all("amina", "report").await;
        assert!(out.contains("I'm sorry something has happened"), "{out}");
        assert!(!out.contains("Please answer"), "{out}");
        let out = h.dm_all("amina", "he keeps messaging me late at night").await;
        assert!(out.contains("I've kept what you wrote"), "{out}");
        assert!(out.contains("What would you like to report?"), "the choice is asked again: {out}");
        h.dm_all("amina", "1").await;
        h.dm_all("amina", "skip").await;
        let out = h.dm_all("amina", "no").await;
        assert!(out.contains("Here is what you wrote so far:\n“he keeps messaging me late at night”"), "{out}");
        h.dm_all("amina", "It started last week.").await;
        for line in ["skip", "no", "yes"] {
            h.dm_all("amina", line).await;
        }
        let out = h.dm_all("amina", "yes").await;
        assert!(out.contains("Your report is case #1"), "{out}");
        assert!(out.contains("Now, back to where we were:"), "{out}");
        assert!(out.contains("About how many times have you met so far?"), "the survey's next question: {out}");
        let (case, _) = h.store.case(1).await.unwrap().unwrap();
        assert_eq!(case.text, "he keeps messaging me late at night\nIt started last week.");
        // The survey carries on from where she was; her first answer kept.
        for line in ["3", "yes"] {
            h.dm_all("amina", line).await;
        }
        let out = h.dm_all("amina", "skip").await;
        assert!(out.contains("Thank you"), "{out}");
        assert!(h.store.load_conversation::<FlowState>(&user("amina")).await.unwrap().is_none());

        // `delete my data` asks first; a no goes back to the survey. `help` inside a
        // confirmation shows what Tandem does and asks again.
        let out = h.dm_all("bea", "delete my data").await;
        assert!(out.contains("erase"), "{out}");
        let out = h.dm_all("bea", "help").await;
        assert!(out.contains("Hello! I'm Tandem"), "{out}");
        assert!(out.contains("erase"), "the question again: {out}");
        let out = h.dm_all("bea", "no").await;
        assert!(out.contains("Now, back to where we were:"), "{out}");
        assert!(out.contains("How happy are you"), "the survey's first question: {out}");
        // One level only: inside a report, another escape waits for it.
        h.dm_all("bea", "report").await;
        let out = h.dm_all("bea", "withdraw").await;
        assert!(out.contains("Let's finish this first"), "{out}");
        let out = h.dm_all("bea", "cancel").await;
        assert!(out.contains("How happy are you"), "back to the survey after a cancelled report: {out}");
        // `my data` is not an answer either: the file comes, and the question again.
        h.rec.take();
        h.app.receive(crate::support::dm("bea", "my data")).await;
        let sent = h.rec.take();
        assert!(sent.iter().any(|s| s.message.attachment.as_ref().is_some_and(|f| f.mime == "application/json")));
        assert!(crate::support::transcript(&sent).contains("How happy are you"), "{}", crate::support::transcript(&sent));
    }

    async fn the_anonymity_minimum_holds_in_results_reports_and_exports(db: TestDb) {
        let h = Harness::new(&db).await;
        for (who, name) in &PEOPLE[..4] {
            ready_mentee(&h, who, name).await;
        }
        ready_mentor(&h, "grace", "Grace", "Technology").await;
        ready_mentor(&h, "hana", "Hana", "Health care").await;
        let out = h.in_room("carol", ROOM, "!tandem survey send midpoint all").await;
        assert!(out.contains("Send Midpoint survey to 6 people (4 mentees, 2 mentors) of Pathways Mentoring 2027?"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        assert!(out.contains("Sent Midpoint survey to 6 people (all participants)"), "{out}");
        for (who, words) in [("amina", "Amina says more interviews"), ("bea", "skip"), ("chidi", "skip"), ("grace", "Grace wants a mentor guide")] {
            answer(&h, who, "4", words).await;
        }
        // Four answers: nothing leaves by any path.
        let (results, report, exports) = every_path(&h).await;
        assert!(results.contains("Midpoint survey has 4 answers so far; results are shown from 5 answers"), "{results}");
        assert!(report.contains("Midpoint survey has 4 answers so far"), "{report}");
        assert!(!report.contains("Satisfaction"), "{report}");
        for e in &exports {
            let reason = e.as_ref().unwrap_err();
            assert!(reason.contains("midpoint: not exported: 4 answers, fewer than the anonymity minimum of 5"), "{reason}");
        }
        // Five: totals, but no free text (2 answers) and no split by role (1 mentor).
        answer(&h, "dana", "2", "skip").await;
        let (results, report, exports) = every_path(&h).await;
        assert!(results.contains("5 answers from 6 invited"), "{results}");
        assert!(results.contains("No breakdown by role"), "{results}");
        assert!(!results.contains("mentors:"), "{results}");
        assert!(report.contains("Midpoint survey: 5 answers; Satisfaction 3.6"), "{report}");
        for e in &exports {
            let (text, _) = e.as_ref().unwrap();
            for secret in ["Amina says", "Grace wants", "mentor", "mentee", "amina", "grace", "console:"] {
                assert!(!text.contains(secret), "{secret} in {text}");
            }
            assert!(text.contains("midpoint.satisfaction"), "{text}");
            assert!(!text.contains("midpoint.better"), "{text}");
        }
        let (csv, _) = exports[0].as_ref().unwrap();
        assert!(csv.starts_with("survey,midpoint.satisfaction,midpoint.meetings,midpoint.on_track\r\n"), "{csv}");
        // Rows in content order, not answer order: Dana's 2 comes first.
        assert!(csv.contains("\r\nmidpoint,2,3,yes\r\nmidpoint,4,3,yes"), "{csv}");
    }


    async fn survey_results_need_five_answers_and_no_table_links_an_answer_to_its_author(db: TestDb) {
        let h = Harness::new(&db).await;
        for (who, name) in PEOPLE {
            ready_mentee(&h, who, name).await;
        }
        // Asked first, with the count; nobody is written to until the coordinator confirms.
        let out = h.in_room("carol", ROOM, "!tandem survey send midpoint mentees").await;
        assert!(out.contains("[room coordinators] Send Midpoint survey to 6 people (6 mentees) of Pathways Mentoring 2027? Each gets a DM now, and a reminder after 3 days. Nobody is asked twice while it is open.\nType !tandem confirm to do it, or !tandem cancel."), "{out}");
        assert!(!out.contains("[dm "), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem cancel").await;
        assert!(out.contains("[room coordinators] Cancelled: nothing was sent."), "{out}");
        assert!(!out.contains("[dm "), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        assert!(out.contains("There is nothing waiting for confirmation."), "{out}");
        h.in_room("carol", ROOM, "!tandem survey send midpoint mentees").await;
        let out = h.in_room("carol", ROOM, "!tandem confirm").await;
        assert!(out.contains("[room coordinators] Sent Midpoint survey to 6 people (mentees) by DM. It closes on 25 January 2027; anyone who hasn't answered is reminded after 3 days. See the answers with survey results midpoint."), "{out}");
        assert!(out.contains("[dm fay] Midpoint survey from Pathways Mentoring 2027"), "{out}");
        assert!(out.contains("[dm amina] Question 1 of 4: How happy are you with your mentoring so far?"), "{out}");
        // Sending again skips everyone who has it open.
        let out = h.in_room("carol", ROOM, "!tandem survey send midpoint mentees").await;
        assert!(out.contains("Nobody to send Midpoint survey to: there are no mentees in Pathways Mentoring 2027 (6 people were already asked while it is open, and are not asked twice). Nothing was sent."), "{out}");

        let out = answer(&h, "amina", "5", "More practice interviews, please.").await;
        assert!(out.contains("[dm amina] Thank you! Your answers to Midpoint survey are in, without your name."), "{out}");
        answer(&h, "bea", "4", "skip").await;
        answer(&h, "chidi", "Happy", "skip").await;
        // Dana stops after the first question and finishes later.
        h.dm_all("dana", "2").await;
        let out = h.dm_all("dana", "later").await;
        assert!(out.contains("I've kept your answers so far"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem survey results midpoint").await;
        assert!(out.contains("Midpoint survey has 3 answers so far; results are shown from 5 answers"), "{out}");
        let out = h.dm_all("dana", "survey").await;
        assert!(out.contains("Let's carry on with Midpoint survey"), "{out}");
        assert!(out.contains("Question 2 of 4"), "{out}");
        for line in ["4", "no", "skip"] {
            h.dm_all("dana", line).await;
        }
        let out = h.in_room("carol", ROOM, "!tandem survey results midpoint").await;
        assert!(out.contains("4 answers so far"), "{out}");

        // Three days on, the two who have not finished get one reminder; nobody else.
        h.clock.advance(chrono::Duration::days(3));
        let out = h.sweep().await;
        assert!(out.contains("[dm eli] A gentle reminder: Midpoint survey (Pathways Mentoring 2027) closes on 25 January."), "{out}");
        assert!(out.contains("[dm fay] A gentle reminder"), "{out}");
        for who in ["amina", "bea", "chidi", "dana"] {
            assert!(!out.contains(&format!("[dm {who}]")), "{who}: {out}");
        }
        h.clock.advance(chrono::Duration::days(1));
        assert!(!h.sweep().await.contains("reminder"), "one reminder only");

        // An answer out of range is explained and changes nothing.
        let out = h.dm_all("eli", "9").await;
        assert!(out.contains("Please answer with a number from 1 ("), "{out}");
        assert!(out.contains("(Type repeat to see the question again.)"), "{out}");
        answer(&h, "eli", "1", "A mentor who answers messages.").await;
        let out = h.in_room("carol", ROOM, "!tandem survey results midpoint").await;
        assert!(out.contains("[room coordinators] Survey results: Midpoint survey (Pathways Mentoring 2027), 5 answers from 6 invited, anonymous."), "{out}");
        // 5, 4, 4, 2, 1 → 3.2.
        assert!(out.contains("Satisfaction (5 answered): average 3.2"), "{out}");
        assert!(out.contains("Goals on track (5 answered)"), "{out}");
        // Two free-text answers are too few to show.
        assert!(out.contains("What would help (2 answered): not shown, fewer than 5 answers."), "{out}");
        assert!(!out.contains("practice interviews"), "{out}");
        assert!(!out.contains("amina") && !out.contains("Amina"), "{out}");
        let out = h.in_room("carol", ROOM, "!tandem surveys").await;
        assert!(out.contains("midpoint — Midpoint survey (pathways-2027, anonymous, 4 questions): sent 1 time, 6 invited, 5 answered, 1 still open"), "{out}");
        assert!(out.contains("closure — Closing survey (pathways-2027, anonymous, 3 questions): not sent yet"), "{out}");

        // Fay started but the survey closes before she finishes: nothing is recorded.
        h.dm_all("fay", "3").await;
        h.clock.advance(chrono::Duration::days(11));
        let out = h.dm_all("fay", "3").await;
        assert!(out.contains("That survey has closed, so your answers were not recorded."), "{out}");
        let out = h.dm_all("amina", "survey").await;
        assert!(out.contains("You have no survey to answer right now."), "{out}");

        // In the database: the answers exist, with no person, round or time beside them,
        // and no other table holds the text.
        let tables = h.store.dump_tables().await.unwrap();
        let rows = |name: &str| tables.iter().find(|(t, _)| t == name).map(|(_, r)| r.clone()).unwrap();
        let responses = rows("survey_responses");
        assert_eq!(responses.len(), 5);
        for r in &responses {
            assert!(r.ends_with("| NULL | NULL | NULL | NULL"), "{r}");
        }
        for (table, rows) in &tables {
            for row in rows {
                if row.contains("practice interviews") {
                    assert_eq!(table, "survey_responses", "{row}");
                }
            }
        }
        let responses = h.store.survey_responses("pathways-2027", "midpoint").await.unwrap();
        assert!(responses.iter().all(|r| r.user.is_none() && r.role == RoleKind::Mentee));
    }

    async fn bad_survey_commands_get_a_reason_and_change_nothing(db: TestDb) {
        let h = Harness::new(&db).await;
        for (line, reason) in [
            ("!tandem survey send pulse mentees", "There is no survey called “pulse”. Surveys: closure, midpoint."),
            ("!tandem survey send midpoint friends", "I don't know the audience “friends”."),
            ("!tandem survey send midpoint matched", "Nobody to send Midpoint survey to: there are no people in an active match in Pathways Mentoring 2027. Nothing was sent."),
            ("!tandem survey results", "Survey commands: surveys"),
            ("!tandem survey results midpoint", "Midpoint survey has 0 answers so far"),
        ] {
            let out = h.in_room("carol", ROOM, line).await;
            assert!(out.contains(reason), "{line}: {out}");
        }
        let out = h.in_room("bob", ROOM, "!tandem survey send midpoint all").await;
        assert!(out.contains("only the programme's coordinators can send surveys or see their results"), "{out}");
        let out = h.in_room("carol", "lobby", "!tandem survey send midpoint all").await;
        assert!(out.contains("Survey commands work in the coordinators' room."), "{out}");
        assert!(h.store.survey_stats(h.app.now()).await.unwrap().is_empty());
    }

    async fn a_pair_gets_the_midpoint_survey_by_milestone_once(db: TestDb) {
        let h = Harness::new(&db).await;
        active_match(&h).await;
        h.clock.advance(chrono::Duration::days(100));
        let out = h.sweep().await;
        assert!(out.contains("[room room-1] Halfway there!"), "{out}");
        // Both were asked a check-in first (nobody answered for 100 days): the survey
        // waits until they are free.
        assert!(!out.contains("Midpoint survey"), "{out}");
        assert!(!h.sweep().await.contains("Midpoint survey"), "{out}");
        for who in ["amina", "grace"] {
            let out = h.dm_all(who, "1").await;
            assert!(out.contains(&format!("[dm {who}] Midpoint survey from Pathways Mentoring 2027")), "{out}");
        }
        let stats = h.store.survey_stats(h.app.now()).await.unwrap();
        assert_eq!((stats[0].rounds, stats[0].invited), (1, 2));
    }
}
