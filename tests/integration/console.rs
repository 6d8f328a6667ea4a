//! The `tandem` binary: console sessions through a pipe, restarts, and the other commands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tandem::config;
use tandem::domain::Answer;
use tandem::storage::Store;

use crate::support::{MENTEE_ANSWERS, repo_root, user};

pub(crate) fn tandem(args: &[&str], stdin: &str) -> Output {
    // A key of the test's own, so the console writes no key file into the checkout.
    tandem_with_key(args, stdin, Some(&"2a".repeat(32)))
}

/// [`tandem`] with this `TANDEM_CASE_KEY`, or none, and no platform secrets.
fn tandem_with_key(args: &[&str], stdin: &str, key: Option<&str>) -> Output {
    run_piped(command_with_key(key).args(args), stdin)
}

/// The binary with this `TANDEM_CASE_KEY`, or none, and no platform secrets.
fn command_with_key(key: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
    match key {
        Some(key) => command.env("TANDEM_CASE_KEY", key),
        None => command.env_remove("TANDEM_CASE_KEY"),
    };
    command
        .current_dir(repo_root())
        .env_remove("TANDEM_CONFIG")
        .env_remove("TANDEM_DATABASE_URL")
        .env_remove("TANDEM_MATRIX_PASSWORD")
        .env_remove("TANDEM_MATRIX_ACCESS_TOKEN")
        .env_remove("TANDEM_DISCORD_TOKEN");
    command
}

/// Runs `command` with `stdin` typed in and its output captured.
fn run_piped(command: &mut Command, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tandem");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().expect("tandem ran")
}

#[test]
fn logs_written_to_a_pipe_or_a_file_carry_no_terminal_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("console.db").display().to_string();
    let key = "2a".repeat(32);
    // Debug level: sqlx logs each statement, so there is a log to look at.
    let out = run_piped(
        command_with_key(Some(&key))
            .args(["console", "--database", &db])
            .env("RUST_LOG", "sqlx=debug"),
        "amina: hello\n",
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("DEBUG"), "no log was written: {stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "colour codes in the log: {stderr}"
    );
}

fn script(lines: &[&str], who: &str) -> String {
    lines.iter().map(|l| format!("{who}: {l}\n")).collect()
}

#[tokio::test]
async fn a_scripted_console_session_survives_a_restart_and_stores_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("console.db");
    let db_arg = db.display().to_string();
    let (first_half, second_half) = MENTEE_ANSWERS.split_at(8);

    let mut input = String::from("# the first process\n");
    input.push_str(&script(first_half, "amina"));
    let out = tandem(&["console", "--database", &db_arg], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("[dm amina] Welcome to Pathways Mentoring 2027!"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  2. Mentee — you're 16–30 and want help finding work"),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .all(|l| l.starts_with("[dm amina] ") || l.starts_with("  ")),
        "{stdout}"
    );

    // The second process continues the same conversation.
    let mut input = script(&["hello"], "amina");
    input.push_str(&script(second_half, "amina"));
    input.push_str("amina: submit\n");
    let out = tandem(&["console", "--database", &db_arg], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("[dm amina] Welcome back!"), "{stdout}");
    assert!(stdout.contains("has been submitted"), "{stdout}");

    let store = Store::open(&config::sqlite_url(&db)).await.unwrap();
    let apps = store.applications_of(&user("amina")).await.unwrap();
    assert_eq!(apps.len(), 1);
    let stored = store.application(apps[0].id).await.unwrap().unwrap();
    let texts: Vec<(String, Answer)> = stored.answers;
    assert_eq!(texts[0], ("name".into(), Answer::Text("Amina".into())));
    assert_eq!(texts[1], ("age".into(), Answer::Number(19.0)));
    assert_eq!(
        texts[2],
        (
            "time_zone".into(),
            Answer::TimeZone("Africa/Nairobi".into())
        )
    );
    assert_eq!(
        texts
            .iter()
            .find(|(q, _)| q == "hopes")
            .map(|(_, a)| a.clone()),
        Some(Answer::Text(
            "I want a CV I'm proud of and my first job in tech.".into()
        ))
    );
    store.close().await;
}

#[test]
fn console_room_messages_and_protocol_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let input = "bob in lobby: hello everyone\nbob in lobby: !tandem help\nthis line has no sender\nbob: hi\n";
    let out = tandem(&["console", "--database", &db], input);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.starts_with("[room lobby] Hello! I'm Tandem"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  !tandem apply — apply as a mentor or a mentee"),
        "{stdout}"
    );
    assert!(stdout.contains("[dm bob] Hello! I'm Tandem"), "{stdout}");
    assert!(
        stderr.contains("console: line 3: lines look like `alice: hello`"),
        "{stderr}"
    );
}

#[test]
fn help_in_a_staff_room_lists_that_rooms_commands_and_help_approve_explains_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").display().to_string();
    let input = "carol in coordinators: !tandem help\ncarol in coordinators: !tandem help approve\nmo in moderators: !tandem help\n";
    let out = tandem(&["console", "--database", &db], input);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (coordinators, moderators) = stdout
        .split_once("[room moderators] ")
        .expect("the moderators' help");
    assert!(
        coordinators.starts_with(
            "[room coordinators] Coordinators' commands (type them here, after !tandem):\n  Screening:\n"
        ),
        "{stdout}"
    );
    for line in [
        "  • !tandem approve A12 — accept: the applicant is told and their screening steps begin",
        "  • !tandem match approve P3 — offer the pair: both are asked by DM to accept or decline",
        "  • !tandem pause M7 until 2027-03-01 — no check-ins or reminders for the pair until that date",
        "[room coordinators] !tandem approve <application>\n  Accept: the applicant is told and their screening steps begin.\n  Example: !tandem approve A12\n  Who may run it: the coordinators of the programme it concerns, in the coordinators' room.",
    ] {
        assert!(coordinators.contains(line), "{line}\n{stdout}");
    }
    assert!(!coordinators.contains("case claim"), "{stdout}");
    assert!(!coordinators.contains("You can type:"), "{stdout}");
    assert!(
        moderators.starts_with("Moderators' commands (type them here, after !tandem):\n  Cases:\n"),
        "{stdout}"
    );
    assert!(
        moderators.contains("  • !tandem case claim 4 — take the case\n"),
        "{stdout}"
    );
    assert!(!moderators.contains("approve A12"), "{stdout}");
}

#[test]
fn run_without_a_chat_platform_says_how_to_configure_one() {
    let out = tandem(&["run"], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no chat platform is configured"),
        "{stderr}"
    );
    assert!(stderr.contains("[matrix]"), "{stderr}");
    assert!(stderr.contains("tandem console"), "{stderr}");
}

/// A settings file in `dir` keeping its data in `dir/data`, with `rest` after the
/// top-level keys (a platform's section).
fn settings_in(dir: &Path, rest: &str) -> PathBuf {
    let file = dir.join("tandem.toml");
    let text = format!(
        "data_dir = {:?}\nprogrammes_dir = {:?}\n{rest}",
        dir.join("data").display().to_string(),
        repo_root().join("config/programs").display().to_string(),
    );
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn run_without_a_case_key_refuses_to_start_before_connecting_anywhere() {
    // A homeserver that would notice a connection.
    let homeserver = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    homeserver.set_nonblocking(true).unwrap();
    let url = format!("http://{}", homeserver.local_addr().unwrap());
    let matrix = format!("[matrix]\nhomeserver_url = {url:?}\nuser_id = \"@tandem:localhost\"\n");
    let discord = "[discord]\napplication_id = 1\nguild_ids = [2]\npairs_channel = 3\n";
    // Discord first: before this change, the Matrix run would wait on the homeserver.
    for platform in [discord, matrix.as_str()] {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings_in(dir.path(), platform);
        let out = tandem_with_key(&["--config", settings.to_str().unwrap(), "run"], "", None);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!out.status.success(), "{stderr}");
        assert!(
            stderr.contains("TANDEM_CASE_KEY is not set: `tandem run` needs the key that seals anonymous reporters and evidence (or set case_key_file)."),
            "{stderr}"
        );
        assert!(
            stderr.contains("Keep it backed up: without it, sealed reports cannot be read."),
            "{stderr}"
        );
        // Nothing was made: no database, no key file, no Matrix store.
        assert!(!dir.path().join("data").exists(), "{platform}");
    }
    assert_eq!(
        homeserver.accept().unwrap_err().kind(),
        std::io::ErrorKind::WouldBlock,
        "the homeserver was contacted"
    );
}

#[test]
fn run_takes_the_case_key_from_case_key_file_and_refuses_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("case.key");
    let discord = format!(
        "case_key_file = {:?}\n[discord]\napplication_id = 1\nguild_ids = [2]\npairs_channel = 3\n",
        key_file.display().to_string()
    );
    let settings = settings_in(dir.path(), &discord);
    let run = || {
        let out = tandem_with_key(&["--config", settings.to_str().unwrap(), "run"], "", None);
        assert!(!out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    // A mistyped path is not made up into a new key (old reports would stay sealed).
    let stderr = run();
    assert!(
        stderr.contains(&format!(
            "the case key file {} does not exist.",
            key_file.display()
        )),
        "{stderr}"
    );
    assert!(!key_file.exists() && !dir.path().join("data").exists());
    let check = tandem_with_key(&["check-config", settings.to_str().unwrap()], "", None);
    assert!(!check.status.success());
    assert!(String::from_utf8_lossy(&check.stderr).contains("case_key_file: the case key file"));

    std::fs::write(&key_file, "not a key").unwrap();
    let stderr = run();
    assert!(stderr.contains("the case key in"), "{stderr}");

    // With a key there, `run` goes on, as far as the missing bot token; a key others may
    // read is pointed out.
    std::fs::write(&key_file, "5d".repeat(32)).unwrap();
    let stderr = run();
    assert!(stderr.contains("TANDEM_DISCORD_TOKEN"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert!(stderr.contains("can be read by other users"), "{stderr}");
        std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let stderr = run();
        assert!(stderr.contains("TANDEM_DISCORD_TOKEN"), "{stderr}");
        assert!(!stderr.contains("case key"), "{stderr}");
    }
    let check = tandem_with_key(&["check-config", settings.to_str().unwrap()], "", None);
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("ok: case key in"),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[cfg(unix)]
#[test]
fn a_fresh_console_keeps_its_case_key_and_data_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let settings = settings_in(dir.path(), "");
    let console = || {
        let out = tandem_with_key(
            &["--config", settings.to_str().unwrap(), "console"],
            "amina: hello\n",
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    console();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let data = dir.path().join("data");
    let key = data.join("case.key");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&key), 0o600);
    // The same key serves the next session: it is never replaced.
    let first = std::fs::read_to_string(&key).unwrap();
    assert_eq!(first.trim().len(), 64);
    console();
    assert_eq!(std::fs::read_to_string(&key).unwrap(), first);
}

#[test]
fn migrate_prepares_a_database_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub/m.db").display().to_string();
    let out = tandem(&["migrate", "--database", &db], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let applied = format!("{} migration(s) applied", crate::support::migration_count());
    assert!(String::from_utf8_lossy(&out.stdout).contains(&applied));
    let out = tandem(&["migrate", "--database", &db], "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 migration(s) applied"));
}

#[test]
fn the_screening_demo_script_runs_from_application_to_ready_and_back() {
    let (stdout, stderr) = run_fixture("screening_demo.txt", &[]);
    expect_lines(
        &stdout,
        &[
            "[dm amina] Thank you! Your application to Pathways Mentoring 2027 as a mentee has been submitted, and it meets the programme's criteria: you're accepted!",
            "[dm amina] You've completed every step for Pathways Mentoring 2027: you're ready to be matched!",
            "[dm tom] Thank you for applying to Pathways Mentoring 2027 as a mentor, and for the time you took.\n  Because some of our mentees are under 18, every Pathways mentor completes a background check",
            "[room coordinators] Application A3 · Pathways Mentoring 2027 · Mentor · needs review",
            "[room coordinators] Sorry bob, only the programme's coordinators can approve applications to Pathways Mentoring 2027.",
            "[dm grace] A coordinator reviewing your application to Pathways Mentoring 2027 has a question for you:",
            "  A: Tuesdays and Thursdays after 6pm.",
            "[room coordinators] Application A3 (Grace, mentor) approved by carol.",
            "[room coordinators] Application A3 was already decided: approved by console:carol",
            "[dm grace] You've completed every step for Pathways Mentoring 2027: you're ready to be matched!",
            "ready to be matched\n      ✓ Mentor orientation and code of conduct: acknowledged",
            "    mentors: 1 ready, 1 not eligible\n    mentees: 1 ready",
            // Told at once that a mentor who won't take a check can't be offered a place.
            "[dm tom] Thank you for being honest. I'd rather tell you now than after the other questions:\n  Because some of our mentees are under 18",
            "  You're welcome to apply again at any time.",
            "[dm grace] Your background check for Pathways Mentoring 2027 expired on 1 February 2099.",
            "[room coordinators] A3 (Grace) is no longer ready to be matched: Background check not complete.",
            "accepted, completing the pre-match steps\n      ✓ Mentor orientation and code of conduct",
        ],
    );
    assert!(stderr.contains("refused: not permitted"), "{stderr}");
    assert_no_codes(&stdout);
}

/// The messages a console session printed (a line in brackets, then its indented lines),
/// with where each went: `[dm amina]`, `[room coordinators]`.
fn messages(stdout: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in stdout.lines() {
        match (line.strip_prefix("  "), out.last_mut()) {
            (Some(more), Some((_, text))) => {
                text.push('\n');
                text.push_str(more);
            }
            _ => {
                let (to, text) = line.split_once("] ").unwrap_or((line, ""));
                out.push((format!("{to}]"), text.to_string()));
            }
        }
    }
    out
}

/// No message to a participant holds a snake_case word (a status or any other code), nor
/// "ineligible"; no staff message holds a status's code.
fn assert_no_codes(stdout: &str) {
    let codes = [
        "needs_review",
        "info_requested",
        "rather_not_say",
        "keep_in_touch",
    ];
    for (to, text) in messages(stdout) {
        if to.starts_with("[dm ") {
            let snake = text
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .find(|w| w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            assert_eq!(snake, None, "a code in {to} {text}");
            assert!(!text.contains("ineligible"), "{to} {text}");
        }
        for code in codes {
            assert!(!text.contains(code), "{code} in {to} {text}");
        }
    }
}

#[test]
fn a_young_applicants_journey_reads_in_words_and_lets_her_correct_a_refused_answer() {
    let (stdout, _) = run_fixture_with(
        "young_applicant_demo.txt",
        &[],
        &["--start", "2027-01-11T09:00:00Z"],
    );
    expect_lines(
        &stdout,
        &[
            // A wrong answer: one short message, not the question again.
            "[dm zoe] Please answer with a whole number from 10 to 99, for example: 54.\n  (Type repeat to see the question again.)\n[dm zoe] Thank you for being honest.",
            // Too young: told at once, kindly, with what she can do; the question stays.
            "[dm zoe] Thank you for being honest. I'd rather tell you now than after the other questions:\n  Pathways is for people aged 16 to 30, so we can't offer you a place just yet.\n  You're welcome to apply again once that changes: by 11 January 2028 at the latest.\n  If you'd like to talk about other ways we can help, write to the Pathways team at hello@pathways.example.org.\n  If that answer was a mistake, just send the right one now.",
            "(it won't be able to go ahead).\n[dm zoe] Question 3 of 12: Which time zone",
            // Options by a word, in any case and accents aside; a word two options share.
            "[dm zoe] “looking” fits more than one option: 2. Looking for my first job, 3. Out of work and looking, 4. Working, but looking for something better. Please answer with the number of the one you mean, for example: 2.",
            "  5. Current situation: Looking for my first job\n  6. Sectors of interest: Technology, Creative industries\n  7. Goals: Writing a CV, Preparing for interviews",
            // Refused on submit as before, with how to correct it; status in words.
            "We're sorry we can't offer you a place this time.\n  You're welcome to apply again once that changes: by 11 January 2028 at the latest.\n  If one of your answers was a mistake, type apply within the next 24 hours to correct it.",
            "(A1, submitted on 11 January 2027): not eligible this time",
            // Within the day, apply re-opens the application at the answer that refused it.
            "[dm zoe] Let's look at your application to Pathways Mentoring 2027 again. It couldn't go ahead because:\n  Pathways is for people aged 16 to 30, so we can't offer you a place just yet.",
            "[dm zoe] Question 2 of 12: How old are you?\n  Pathways is for people aged 16 to 30.\n  Answer with a whole number from 10 to 99.\n  Your current answer: 15.",
            // Submit while revisiting an answer sends it, under the same number.
            "[dm zoe] Question 5 of 12: Which best describes you right now?",
            "[dm zoe] Thank you! Your application to Pathways Mentoring 2027 as a mentee has been submitted.",
            "[room coordinators] Application A1 · Pathways Mentoring 2027 · Mentee · needs review",
            "  not eligible → needs review by screening rules on 11 January 2027 11:00: Re-opened and sent again by the applicant.",
            "(A1, submitted on 11 January 2027): submitted, waiting for a coordinator's review",
            "[dm zoe] You have already applied to Pathways Mentoring 2027 as a mentee on 11 January 2027: submitted, waiting for a coordinator's review.",
            // Ben, 12, two days after his refusal: when he may apply again.
            "[dm ben] You applied to Pathways Mentoring 2027 on 11 January 2027, and we couldn't offer you a place then. You're welcome to apply again from 12 January 2030.",
            "(A2, submitted on 11 January 2027): not eligible this time",
            "    mentees: 1 needs review, 1 not eligible",
        ],
    );
    assert_eq!(
        stdout.matches("Question 2 of 12: How old are you?").count(),
        3,
        "{stdout}"
    );
    assert_no_codes(&stdout);
}

#[test]
fn the_matching_demo_script_goes_from_preview_to_a_pair_room_through_a_decline() {
    let (stdout, _) = run_fixture("matching_demo.txt", &[]);
    expect_lines(
        &stdout,
        &[
            "[room coordinators] Match preview for Pathways Mentoring 2027 (a dry run: nothing was sent, nothing was stored)",
            "• A1 Amina ↔ A2 Grace: 63 points",
            "Proposal P1: Amina (mentee, application A1) ↔ Grace (mentor, application A2), 63 points",
            "[dm amina] Good news from Pathways Mentoring 2027: we'd like to match you with Grace as your mentor.",
            "[dm amina] An update on your match: Grace isn't able to go ahead with it.",
            "Proposal P2: Amina (mentee, application A1) ↔ Ola (mentor, application A3)",
            "[dm amina] You and Ola have both accepted: you're matched!",
            "[room amina-ola] Welcome, Amina and Ola!",
            "You are matched with Ola (your mentor); your pair room is amina-ola.",
            "[room coordinators] No new proposals in Pathways Mentoring 2027.",
        ],
    );
    assert!(
        !stdout.contains("Proposal P3"),
        "Grace is never proposed to Amina again:\n{stdout}"
    );
}

#[test]
fn the_choice_demo_script_has_a_mentee_browse_and_request_a_mentor_and_another_request_expire() {
    let (stdout, _) = run_fixture("choice_demo.txt", &[]);
    expect_lines(
        &stdout,
        &[
            "[dm grace] You've completed every step for Pathways Mentoring 2027: you're ready to be matched! We'll be in touch when we have a match for you. Mentees in this programme can choose their mentor: type profile to choose what they see of you",
            "[dm grace] Saved.",
            "In their words: I moved from support desk to software at 25",
            "[dm amina] Mentors in Pathways Mentoring 2027 with room who fit you, best fit first (1 of 1):",
            "2. Grace — fits you: Shared goals: Writing a CV, Preparing for interviews; Sector: Technology",
            "[dm amina] There is no mentor 3 you can ask in Pathways Mentoring 2027 right now",
            "[dm amina] I've asked Grace to be your mentor.",
            "[room coordinators] Request M1: Amina (mentee, application A1) asked Grace (mentor, application A2) to be their mentor, 63 points",
            "[dm grace] Amina, a mentee in Pathways Mentoring 2027, would like you to be their mentor.",
            "Their note to you: I'd love help with my CV and my first job in tech.",
            "[dm amina] You've asked Grace already, and we're waiting for their answer",
            "You asked Grace to be your mentor; we're waiting for their answer",
            "[room amina-grace] Welcome, Amina and Grace!",
            "You are matched with Grace (your mentor); your pair room is amina-grace.",
            "[dm bea] Mentors in Pathways Mentoring 2027 with room who fit you whose profile mentions finance, best fit first (1 of 1):",
            "[dm bea] I've asked Ola to be your mentor.",
            "[dm ola] Bea, a mentee in Pathways Mentoring 2027, would like you to be their mentor.",
            "[dm bea] Ola didn't answer your request in time. This is no reflection on you. Type browse to choose another mentor, or wait: the coordinators will propose one.",
            "[dm ola] The request from Bea has expired, as we didn't hear back in time.",
            "[room coordinators] Match M2 (Bea ↔ Ola) expired without both answers.",
            "Proposal P3: Bea (mentee, application A4) ↔ Grace (mentor, application A2)",
            "[dm bea] The coordinators are preparing a match for you, so you can't ask a mentor yourself just now",
        ],
    );
    let listing = stdout
        .split("[dm amina] Mentors in")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("Amina's list");
    assert!(
        !listing.contains("Ola") && !listing.contains("Years of experience"),
        "only what Grace chose to show, and only mentors with a profile:\n{listing}"
    );
}

#[test]
fn the_ranked_demo_script_passes_a_founders_request_down_her_ranking_through_a_decline_and_an_expiry()
 {
    let (stdout, _) = run_fixture(
        "ranked_demo.txt",
        &["--config", "tests/fixtures/ranked/tandem.toml"],
    );
    expect_lines(
        &stdout,
        &[
            "To ask them: rank <numbers> [a few words to them], your first choice first (up to 3); each is asked in turn.",
            "[dm ama] You can rank up to 3 mentors in Founders Circle; you named 4. Nothing was sent.",
            "[dm ama] You named mentor 1 twice; name each once, your first choice first. Nothing was sent.",
            "[dm ama] I've asked Kofi, your first choice, to be your mentor.",
            "If they can't, I'll ask Lin, then Rosa in turn, and tell you as we go.",
            "[dm kofi] Ama, a mentee in Founders Circle, would like you to be their mentor.",
            "[dm ama] Kofi couldn't take you on, so I've asked your next choice, Lin.",
            "[dm lin] Ama, a mentee in Founders Circle, would like you to be their mentor.",
            "[dm lin] The request from Ama has expired, as we didn't hear back in time.",
            "[dm ama] Lin couldn't take you on, so I've asked your next choice, Rosa.",
            "Their note to you: I'm raising a first round for a farm-to-school delivery business.",
            "[room ama-rosa] Welcome, Ama and Rosa!",
            "You are matched with Rosa (your mentor); your pair room is ama-rosa.",
        ],
    );
    assert_eq!(
        stdout.matches("would like you to be their mentor").count(),
        3,
        "each choice asked once, in order:\n{stdout}"
    );
}

#[test]
fn the_incident_demo_script_keeps_the_reporter_anonymous_from_report_to_resolution() {
    let (stdout, _) = run_fixture(
        "incident_demo.txt",
        &["--config", "config/tandem.example.toml"],
    );
    // Sent from the pair room, but the room is not shown: it has only two members.
    assert!(
        !stdout.contains("Reported from room"),
        "an anonymous report's room would narrow the reporter to two people"
    );
    expect_lines(
        &stdout,
        &[
            "[dm amina] Thank you. Your report is case #1.",
            "Reported by: anonymous reporter",
            "Evidence: what she wrote last night",
            "Files: 1 (text/plain, 103 bytes); to open them: !tandem case evidence 1",
            "[room moderators] On call: mo — safeguarding case #1 needs attention now.",
            "[room moderators] Sorry carol, only moderators can do that.",
            "[room moderators] Case #1 claimed by mo.",
            "[room moderators] Case #1 · file 1 of 1 · text/plain · 103 bytes",
            "[dm amina] The moderation team has a question about your report (case #1):",
            "  A: She also asked which bus I take.",
            "[room amina-grace] (the room is now read-only)",
            "[room coordinators] The moderators have frozen match M1 (Amina & Grace).",
            "[dm amina] An update on your report (case #1) from the moderation team",
            "[room moderators] Audit log of case #1:",
            "console:carol · refused: not a moderator",
            "console:mo · opened the evidence: 1 file(s)",
        ],
    );
    // Everything the moderators' and coordinators' rooms show, continuation lines included.
    let mut shared = String::new();
    let mut in_shared = false;
    for line in stdout.lines() {
        if line.starts_with('[') {
            in_shared = line.starts_with("[room moderators]")
                || line.starts_with("[room coordinators]")
                || line.starts_with("[dm mo]")
                || line.starts_with("[dm max]");
        }
        if in_shared {
            shared.push_str(line);
            shared.push('\n');
        }
    }
    let case_lines: String = shared
        .lines()
        .filter(|l| !l.contains("Proposal #") && !l.contains("Match M1 (Amina"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !case_lines.contains("console:amina"),
        "the reporter leaked:\n{case_lines}"
    );
    let room_lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("[room amina-grace]"))
        .collect();
    assert_eq!(
        room_lines.len(),
        3,
        "room creation, kickoff, read-only; nothing about the report: {room_lines:?}"
    );
}

/// Runs a script from `tests/fixtures` through the console (in a fresh database) and
/// returns what it printed on stdout and stderr.
fn run_fixture(name: &str, settings: &[&str]) -> (String, String) {
    run_fixture_with(name, settings, &[])
}

/// [`run_fixture`] with extra `tandem console` arguments.
pub(crate) fn run_fixture_with(
    name: &str,
    settings: &[&str],
    console: &[&str],
) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fixture.db").display().to_string();
    let script = std::fs::read_to_string(repo_root().join("tests/fixtures").join(name)).unwrap();
    let mut args: Vec<&str> = settings.to_vec();
    args.extend(["console", "--database", &db]);
    args.extend(console);
    let out = tandem(&args, &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_six_month_plan_script_shows_every_milestone_at_the_local_hour_across_summer_time() {
    let (stdout, _) = run_fixture_with(
        "six_month_plan.txt",
        &[],
        &["--start", "2027-01-11T09:00:00Z"],
    );
    expect_lines(
        &stdout,
        &[
            "[job] match M1: first_meeting 1 due Mon 18 Jan 2027, 18:00 Europe/London (18:00 UTC)\n[room amina-grace] One week in!",
            "[job] match M1: check_in 1 due Mon 25 Jan 2027, 18:00 Europe/London (18:00 UTC)\n[dm amina] Check-in from Pathways Mentoring 2027 about your mentoring with Grace",
            "[room coordinators] Check-in alert: match M1 (Amina ↔ Grace), Pathways Mentoring 2027. Amina (mentee) answered check-in 1 with “We're stuck”.",
            "[dm amina] Paused: no check-ins or reminders for your mentoring with Grace until 10 March 2027.",
            "[job] match M1: check_in 3 due Mon 22 Feb 2027, 18:00 Europe/London (18:00 UTC), skipped: the match is paused",
            "[job] match M1: check_in 4 due Mon 8 Mar 2027, 18:00 Europe/London (18:00 UTC), skipped: the match is paused",
            "[job] match M1: check_in 5 due Mon 22 Mar 2027, 18:00 Europe/London (18:00 UTC)\n[dm amina] Check-in from",
            // After the clocks went forward: still 18:00 in London, now 17:00 UTC.
            "[job] match M1: check_in 6 due Mon 5 Apr 2027, 18:00 Europe/London (17:00 UTC)",
            "[job] match M1: midpoint 1 due Sun 11 Apr 2027, 18:00 Europe/London (17:00 UTC)\n[job] match M1: midpoint_survey 1 due Sun 11 Apr 2027, 18:00 Europe/London (17:00 UTC)\n[room amina-grace] Halfway there!",
            // The midpoint and the closure bring the pair's goals back.
            "\n  Your goals when you started:\n  • Goals: Writing a CV, Preparing for interviews\n  • Hopes for the programme: I want a CV I'm proud of and my first job in tech.\n  How far did you get with them, and what would you like to do next?",
            // The midpoint survey, anonymous; Grace stops half-way and carries on.
            "[job] match M1: midpoint_survey 1 due Sun 11 Apr 2027, 18:00 Europe/London (17:00 UTC)",
            "[dm amina] Midpoint survey from Pathways Mentoring 2027: You're halfway through Pathways",
            "Your answers are anonymous: they are stored without your name, and the coordinators only see totals from 5 or more people.",
            "[dm grace] All right: I've kept your answers so far. Type survey whenever you'd like to finish it.\n[dm grace] Let's carry on with Midpoint survey (Pathways Mentoring 2027) where you stopped.",
            "[dm grace] Thank you! Your answers to Midpoint survey are in, without your name.",
            "[room coordinators] Midpoint survey has 2 answers so far; results are shown from 5 answers, so that nobody's answers can be picked out.",
            "[job] match M1: closure 1 due Sun 11 Jul 2027, 18:00 Europe/London (17:00 UTC)",
            "[dm amina] Closing survey from Pathways Mentoring 2027",
            "[dm amina] Question 2 of 3: How likely are you to recommend Pathways to a friend?\n  Answer with a whole number from 0 (not at all likely) to 10 (extremely likely).",
            "[dm amina] Thank you! Your answers to Closing survey are in, without your name.",
            "What you did together: 14 milestones along the way, and 3 check-ins where you told us you'd met. This room stays open until 18 July to say goodbye.",
            "[dm amina] Congratulations, Amina! You've completed your mentoring as a mentee in Pathways Mentoring 2027, from 11 January 2027 to 11 July 2027.",
            "[dm amina] Now that your mentoring with Grace has ended, what would you like next?",
            "[room coordinators] After match M1 (Pathways Mentoring 2027): Amina would like to keep in touch informally.",
            "[room amina-grace] Your mentoring here has ended, so this room is now closed and read-only.",
            "[room amina-grace] Six months ago you started mentoring together",
            // Nobody writes in the pair room in this script: a nudge, then an alert.
            "[room amina-grace] It has been ",
            "[room coordinators] Quiet pair: match M1 (Amina ↔ Grace)",
            // The group event: created, announced a week before with RSVP, reminders to
            // those who said yes, with the time where they are.
            "[room coordinators] Event created: Pathways social — 3 sessions",
            "[dm amina] You're going to Pathways social — Wed 27 Jan 2027, 13:30 America/New_York (18:30 UTC).",
            "[room events] 📅 Pathways social — Wed 27 Jan 2027, 13:30 America/New_York (18:30 UTC)",
            "[dm amina] Reminder: Pathways social starts in 24 hours, Wed 27 Jan 2027, 13:30 America/New_York (18:30 UTC). Where you are that is Wed 27 Jan 2027, 18:30 Europe/London.",
            "[dm amina] Reminder: Pathways social starts in 1 hour,",
            "[room events] 📅 Pathways social — Wed 10 Feb 2027, 13:30 America/New_York (18:30 UTC)",
        ],
    );
    // Grace said maybe: no reminders for her.
    assert!(!stdout.contains("[dm grace] Reminder"), "{stdout}");
    // Paused check-ins never reached anyone; those queued at the closure are dropped.
    let check_ins = stdout.matches("[dm amina] Check-in from").count();
    assert_eq!(check_ins, 5, "{stdout}");
}

/// Every expected passage appears in the output.
pub(crate) fn expect_lines(stdout: &str, expected: &[&str]) {
    for e in expected {
        assert!(stdout.contains(e), "missing «{e}» in:\n{stdout}");
    }
}

#[test]
fn the_closure_script_shows_surveys_an_early_and_a_planned_closure_a_report_an_export_and_a_deletion()
 {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("closure.db").display().to_string();
    let script =
        std::fs::read_to_string(repo_root().join("tests/fixtures/closure_demo.txt")).unwrap();
    let out = tandem(
        &[
            "console",
            "--database",
            &db,
            "--start",
            "2027-01-11T09:00:00Z",
        ],
        &script,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    expect_lines(
        &stdout,
        &[
            // An early, no-fault closure: Grace is told kindly, never why; both are offered
            // a new match.
            "[dm grace] Your mentoring with Bea has come to an end: Bea isn't able to continue. This is nobody's fault",
            "[room bea-grace] (the room is now read-only)",
            "[room coordinators] Match M2 (Bea ↔ Grace), Pathways Mentoring 2027, was closed early by Bea (mentee). Reason: We can't find times that suit us both.",
            "[dm bea] Would you like to be matched with someone new, or take a break for now?",
            // The midpoint survey: four answers are not shown; a fifth (Bea, asked by the
            // coordinators) makes the results appear, free text still hidden.
            "[room coordinators] Midpoint survey has 4 answers so far; results are shown from 5 answers",
            "[room coordinators] Sent Midpoint survey to 1 person by DM (4 people were already asked while it is open",
            "[room coordinators] Survey results: Midpoint survey (Pathways Mentoring 2027), 5 answers from 5 invited, anonymous.",
            "Satisfaction (5 answered): average 3.6",
            "What would help (1 answered): not shown, fewer than 5 answers.",
            // The report with its chart, and an export.
            "[room coordinators] Programme report: Pathways Mentoring 2027 (13 April 2027)\n  Funnel: 5 applied → 5 accepted → 5 matched → 0 completed",
            "Matches: 2 active, 1 closed (closed: 1 early)",
            "[room coordinators] Chart: Pathways Mentoring 2027 on 13 April 2027\n  📎 tandem-report.png (image/png,",
            "Left out: closure: not exported: 0 answers, fewer than the anonymity minimum of 5.\n  📎 pathways-2027-surveys-2027-04-13.csv (text/csv,",
            // The planned end: certificates, the closing survey, what next.
            "What you did together: 16 milestones along the way",
            "Your certificate is attached.\n  📎 certificate-amina.png (image/png,",
            "[dm hana] Congratulations, Hana! You've completed your mentoring as a mentor",
            "[dm amina] Thank you! Your answers to Closing survey are in, without your name.",
            // Three proposals tied at 69 points: the solver's choice among equal plans puts
            // Grace with Chidi (M3).
            "[room coordinators] After match M3 (Pathways Mentoring 2027): Grace would like to take a break.",
            // Her data, then its deletion; the figures keep a nameless count.
            "📎 tandem-data-amina.json (application/json,",
            "[dm amina] Done: your data has been deleted",
            "[room coordinators] A participant (application A1 (mentee)) asked for their data to be deleted, and it has been.",
            "Funnel: 5 applied → 5 accepted → 5 matched → 4 completed",
        ],
    );
    // The files are next to the database: the export has five rows in content order.
    let files = dir.path().join("closure-files");
    let csv =
        std::fs::read_to_string(files.join("coordinators/pathways-2027-surveys-2027-04-13.csv"))
            .unwrap();
    assert_eq!(csv.lines().count(), 6, "{csv}");
    assert!(
        csv.starts_with("survey,midpoint.satisfaction,midpoint.meetings,midpoint.on_track"),
        "{csv}"
    );
    assert!(
        !csv.contains("practice interviews"),
        "free text from one person stays out: {csv}"
    );
    let certificate = std::fs::read(files.join("amina/certificate-amina.png")).unwrap();
    assert!(certificate.starts_with(b"\x89PNG"));
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(files.join("amina/tandem-data-amina.json")).unwrap())
            .unwrap();
    // Matched with Hana: one of three plans tied at 69 points a pair (see above).
    assert_eq!(data["matches"][0]["partner"], "Hana");
}

#[test]
fn an_export_without_a_database_refuses_creates_nothing_and_points_to_the_consoles() {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings_in(dir.path(), "");
    let settings = settings.to_str().unwrap();
    let export = [
        "--config",
        settings,
        "export",
        "--programme",
        "pathways-2027",
        "--what",
        "applications",
    ];
    let out = tandem(&export, "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "no header line for an empty programme"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("Cannot export: there is no database at"),
        "{stderr}"
    );
    assert!(stderr.contains("tandem.db"), "{stderr}");
    assert!(stderr.contains("or pass --database"), "{stderr}");
    assert!(
        !dir.path().join("data/tandem.db").exists(),
        "nothing was created"
    );

    // After a console session, the configured database still does not exist: the export
    // points to the console's.
    let mut input = script(MENTEE_ANSWERS, "amina");
    input.push_str("amina: submit\n");
    let out = tandem(&["--config", settings, "console"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tandem(&export, "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let console = dir.path().join("data/console.db").display().to_string();
    assert!(
        stderr.contains(&format!("add --database {console}")),
        "{stderr}"
    );
    assert!(!dir.path().join("data/tandem.db").exists());

    let mut with_database = export.to_vec();
    with_database.extend(["--database", &console]);
    let out = tandem(&with_database, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        csv.lines().count(),
        2,
        "a header and Amina's application: {csv}"
    );
}

#[test]
fn the_natural_dates_script_reads_dates_and_times_as_people_write_them() {
    let (stdout, _) = run_fixture_with(
        "natural_dates.txt",
        &["--config", "config/tandem.example.toml"],
        &["--start", "2027-01-11T09:00:00Z"],
    );
    expect_lines(
        &stdout,
        &[
            "[room coordinators] Recorded for A2 (Grace): Interview — scheduled for 13 January 2027.",
            "[room coordinators] Recorded for A2 (Grace): Background check — cleared, valid until 31 January 2029.",
            // In words, read in the programme's zone, and said so; every other Wednesday.
            "[room coordinators] Event created: Coffee morning — 5 sessions, each announced in console:events with RSVP 7 days before it (at once if sooner); reminders go to those who say yes. Times are in Europe/London.\n  #1 Wed 13 Jan 2027, 10:00 Europe/London (10:00 UTC)\n  #2 Wed 27 Jan 2027, 10:00 Europe/London (10:00 UTC)\n  #3 Wed 10 Feb 2027, 10:00 Europe/London (10:00 UTC)\n  #4 Wed 24 Feb 2027, 10:00 Europe/London (10:00 UTC)\n  #5 Wed 10 Mar 2027, 10:00 Europe/London (10:00 UTC)\n",
            "Times are in Europe/London.\n  #6 Tue 12 Jan 2027, 12:00 Europe/London (12:00 UTC)\n  #7 Wed 13 Jan 2027, 12:00 Europe/London (12:00 UTC)\n  #8 Thu 14 Jan 2027, 12:00 Europe/London (12:00 UTC)\n  #9 Fri 15 Jan 2027, 12:00 Europe/London (12:00 UTC)\n[job]",
            "Times are in America/New_York.\n  #10 Wed 20 Jan 2027, 18:00 America/New_York (23:00 UTC)",
            "[room coordinators] start: “13/25/2027 18:00” is not a date: dates here are written day/month/year, like 20/01/2028.",
            "[room coordinators] start: add the time too, like next Wednesday 18:00.",
            "[dm amina] There is no 31 February 2027.\n[dm amina] Paused: no check-ins or reminders for your mentoring with Grace until 15 January 2027.",
            "[room coordinators] Match M1 (Amina ↔ Grace) paused by carol until 1 February 2027.",
            "[room moderators] Suspend Grace (console:grace, application A2) until 30 June 2027? They are removed from their pair rooms and cannot apply or be matched. Reason: Repeated lateness",
        ],
    );
    assert!(!stdout.contains("Event created: Wrong"), "{stdout}");
}
