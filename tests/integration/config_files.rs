//! Configuration files: the bundled examples are valid, and every kind of mistake is
//! reported with its file, line and key.

use std::path::Path;
use std::process::Command;

use tandem::config::{self, Settings};
use tandem::domain::RoleKind;
use tandem::domain::refusal::ApplyAgain;

use crate::support::repo_root;

const GOOD_QUESTION: &str =
    "[[roles.mentor.questions]]\nid = \"name\"\nkind = \"short_text\"\nprompt = \"Name?\"\n";

/// A programme file whose mentee form is `mentee_questions`.
fn programme_with(mentee_questions: &str) -> String {
    format!(
        "slug = \"p\"\nname = \"P\"\ndescription = \"d\"\n[roles.mentor]\nname = \"Mentor\"\ndescription = \"m\"\n{GOOD_QUESTION}[roles.mentee]\nname = \"Mentee\"\ndescription = \"m\"\n{mentee_questions}"
    )
}

fn errors_of(source: &str) -> String {
    config::parse_programme(Path::new("p.toml"), source)
        .unwrap_err()
        .to_string()
}

#[test]
fn the_bundled_example_settings_and_programme_are_valid() {
    let settings = Settings::load(&repo_root().join("config/tandem.example.toml")).unwrap();
    assert_eq!(settings.room_prefix, "!tandem");
    let programmes = config::load_programmes(&repo_root().join("config/programs")).unwrap();
    assert_eq!(programmes.len(), 1);
    assert_eq!(programmes[0].slug, "pathways-2027");
    assert_eq!(programmes[0].duration_months, 6);
    let kinds: std::collections::BTreeSet<&str> = programmes[0]
        .roles
        .values()
        .flat_map(|r| r.questions.iter())
        .chain(
            programmes[0]
                .surveys
                .iter()
                .flat_map(|s| s.questions.iter()),
        )
        .map(|q| q.kind.name())
        .collect();
    assert_eq!(
        kinds.len(),
        config::QUESTION_KINDS.len(),
        "the example uses every question kind: {kinds:?}"
    );
}

#[test]
fn an_unknown_key_names_the_file_line_and_key() {
    let src = programme_with(
        "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"short_text\"\nprompt = \"A?\"\ncolour = \"red\"\n",
    );
    let e = errors_of(&src);
    assert!(
        e.starts_with("p.toml:18:1: key `roles.mentee.questions[0].colour`: unknown key `colour`"),
        "{e}"
    );
}

#[test]
fn duplicate_question_ids_are_reported() {
    let q = "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"yes_no\"\nprompt = \"A?\"\n";
    let e = errors_of(&programme_with(&format!("{q}{q}")));
    assert!(
        e.contains("p.toml:19:6: key `roles.mentee.questions[1].id`: duplicate question id `a`"),
        "{e}"
    );
}

#[test]
fn a_branch_to_a_missing_or_later_question_is_reported() {
    let src = programme_with(
        "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"yes_no\"\nprompt = \"A?\"\nshow_if = { question = \"ghost\", equals = \"yes\" }\n[[roles.mentee.questions]]\nid = \"b\"\nkind = \"yes_no\"\nprompt = \"B?\"\nshow_if = { question = \"c\", equals = \"yes\" }\n[[roles.mentee.questions]]\nid = \"c\"\nkind = \"yes_no\"\nprompt = \"C?\"\n",
    );
    let e = errors_of(&src);
    assert!(e.contains("p.toml:18:24:") && e.contains("key `roles.mentee.questions[0].show_if`: show_if refers to question `ghost`, which is not in this form"), "{e}");
    assert!(
        e.contains(
            "key `roles.mentee.questions[1].show_if`: show_if refers to `c`, which comes later"
        ),
        "{e}"
    );
}

#[test]
fn a_branch_on_a_value_the_question_cannot_take_is_reported() {
    let src = programme_with(
        "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"single_choice\"\nchoices = [\"Red\", \"Blue\"]\nprompt = \"A?\"\n[[roles.mentee.questions]]\nid = \"b\"\nkind = \"short_text\"\nprompt = \"B?\"\nshow_if = { question = \"a\", any_of = [\"green\"] }\n",
    );
    let e = errors_of(&src);
    assert!(
        e.contains("`green` is not a possible answer to `a` (possible: red, blue)"),
        "{e}"
    );
}

#[test]
fn an_empty_choice_list_is_reported() {
    let e = errors_of(&programme_with(
        "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"multi_choice\"\nprompt = \"A?\"\nchoices = []\n",
    ));
    assert!(
        e.contains(
            "p.toml:18:11: key `roles.mentee.questions[0].choices`: the choice list is empty"
        ),
        "{e}"
    );
}

#[test]
fn fields_that_do_not_fit_the_kind_and_missing_ranges_are_reported() {
    let e = errors_of(&programme_with(
        "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"number\"\nprompt = \"A?\"\nmin = 1\n[[roles.mentee.questions]]\nid = \"b\"\nkind = \"yes_no\"\nprompt = \"B?\"\nchoices = [\"x\"]\n[[roles.mentee.questions]]\nid = \"c\"\nkind = \"essay\"\nprompt = \"C?\"\n[[roles.mentee.questions]]\nid = \"d\"\nkind = \"consent\"\nprompt = \"D?\"\n",
    ));
    assert!(
        e.contains("a number question needs both `min` and `max`"),
        "{e}"
    );
    assert!(
        e.contains("`choices` does not apply to a yes_no question"),
        "{e}"
    );
    assert!(e.contains("unknown question kind `essay`"), "{e}");
    assert!(e.contains("a consent question needs a `statement`"), "{e}");
    assert_eq!(
        e.lines().count(),
        4,
        "every problem is reported at once: {e}"
    );
}

#[test]
fn a_syntax_error_and_a_wrong_type_name_their_line() {
    let e = errors_of("slug = \"p\"\nname = \n");
    assert!(e.starts_with("p.toml:2:"), "{e}");
    let e = errors_of(&programme_with(
        "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"number\"\nprompt = \"A?\"\nmin = \"one\"\nmax = 3\n",
    ));
    assert!(
        e.starts_with("p.toml:18:7: key `roles.mentee.questions[0].min`"),
        "{e}"
    );
}

#[test]
fn a_missing_role_is_reported() {
    let e = errors_of(
        "slug = \"p\"\nname = \"P\"\ndescription = \"d\"\n[roles.mentor]\nname = \"M\"\ndescription = \"m\"\nquestions = []\n",
    );
    assert!(
        e.contains("p.toml:4:2: key `roles.mentee`: this required key is missing"),
        "{e}"
    );
}

#[test]
fn settings_reject_unknown_keys_and_secrets_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(&path, "data_dir = \"d\"\n[matrix]\nhomeserver_url = \"https://m\"\nuser_id = \"@b:m\"\npassword = \"hunter2\"\n").unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:5:1: key `matrix.password`: unknown key `password`"),
        "{e}"
    );
}

#[test]
fn schedule_mistakes_are_reported_with_their_line() {
    let src = format!(
        "{}[[roles.mentee.questions]]\nid = \"n\"\nkind = \"short_text\"\nprompt = \"N?\"\n[schedule]\nlocal_hour = 22\nquiet_hours = [21, 8]\nsilent_nudge_days = 20\nsilent_alert_days = 10\n[[schedule.milestones]]\nid = \"c\"\nafter = \"2x\"\nevery = \"0w\"\nkind = \"party\"\ntext = \"\"\n",
        programme_with("")
    );
    let e = errors_of(&src);
    for expected in [
        "`local_hour` falls inside `quiet_hours`",
        "`silent_alert_days` must be more than `silent_nudge_days`",
        "`2x` should be a number and a unit: d (days), w (weeks) or m (months), like 2w",
        "`every` must be longer than zero",
        "unknown milestone kind `party`: use one of room_message, check_in, closure, survey",
        "`text` must not be empty",
    ] {
        assert!(e.contains(expected), "{expected}\nin\n{e}");
    }
    assert!(
        e.contains("p.toml:22:21: key `schedule.silent_alert_days`"),
        "errors name their line: {e}"
    );
}

#[test]
fn support_mistakes_are_reported_with_their_line_and_the_defaults_follow_the_standard() {
    let questions =
        "[[roles.mentee.questions]]\nid = \"n\"\nkind = \"short_text\"\nprompt = \"N?\"\n";
    let src = format!(
        "{}{questions}[support]\nstaff = [\"console:zed\", \"carol\"]\nstaff_check_ins = [\"2x\", \"0d\"]\nstaff_check_in_every = \"monthly\"\nescalate_after_days = 0\nat_risk_quiet_days = 400\nat_risk_missed_check_ins = 50\ngoals = [\"n\", \"nope\"]\nmeeting_minutes = 5\nhours_per_month = -1\n[schedule]\nlocal_hour = 18\n[[schedule.milestones]]\nid = \"c\"\nafter = \"2w\"\nkind = \"check_in\"\ntext = \"Met?\"\ngoals = true\n",
        programme_with("").replacen(
            "description = \"d\"\n",
            "description = \"d\"\ncoordinators = [\"console:carol\"]\n",
            1
        )
    );
    let e = errors_of(&src);
    for expected in [
        "`console:zed` is not one of the programme's coordinators",
        "`carol` should be platform:id",
        "`2x` should be a number and a unit",
        "`0d` is no time at all: give at least 1d",
        "`monthly` should be a number and a unit",
        "`escalate_after_days` must be between 1 and 365 days",
        "`at_risk_quiet_days` must be between 1 and 365 days",
        "`at_risk_missed_check_ins` must be between 0 (never) and 20",
        "`nope` is not a question of the mentee's form",
        "`goals` applies to room_message and closure milestones only",
        "`meeting_minutes` must be between 15 and 240",
        "`hours_per_month` must be between 0 (none) and 100",
    ] {
        assert!(e.contains(expected), "{expected}\nin\n{e}");
    }
    assert!(
        e.contains("key `support.staff`"),
        "errors name their key: {e}"
    );

    // Without the section: within 14 days, within the first month, then monthly, and at
    // risk when the coordinators would be alerted about a silence.
    let p = config::load_programme(&repo_root().join("config/programs/example.toml")).unwrap();
    use tandem::domain::schedule::Offset;
    let plain = config::parse_programme(
        Path::new("p.toml"),
        &format!("{}{questions}", programme_with("")),
    )
    .unwrap();
    assert_eq!(
        plain.support.contacts,
        vec![Offset::Days(14), Offset::Months(1)]
    );
    assert_eq!(plain.support.every, Some(Offset::Months(1)));
    assert_eq!(plain.support.at_risk_quiet_days, 21);
    assert_eq!(
        p.support.at_risk_quiet_days, 21,
        "the example's silent_alert_days"
    );
    assert_eq!(plain.support.meeting_minutes, 60);
    assert_eq!(plain.support.commitment_minutes, None);
    assert_eq!(
        p.support.commitment_minutes,
        Some(120),
        "the example's two hours"
    );
    let never = config::parse_programme(
        Path::new("p.toml"),
        &format!("{}{questions}[support]\nstaff_check_ins = []\nstaff_check_in_every = \"never\"\nreengage_days = 0\n", programme_with("")),
    )
    .unwrap();
    assert!(!never.support.schedules_contacts());
    assert_eq!(never.support.reengage_days, None);
}

#[test]
fn matrix_settings_mistakes_name_their_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(
        &path,
        "[matrix]\nhomeserver_url = \"matrix.example.org\"\nuser_id = \"tandem\"\ncoordinators_room = \"coordinators\"\n",
    )
    .unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    for expected in [
        "tandem.toml:2:1: key `matrix.homeserver_url`: must start with https://",
        "tandem.toml:3:1: key `matrix.user_id`: must be a full Matrix id, like @tandem:example.org",
        "tandem.toml:4:1: key `matrix.coordinators_room`: `coordinators` should be a room id (!abc:example.org) or alias (#name:example.org)",
    ] {
        assert!(e.contains(expected), "{expected}\nin\n{e}");
    }
}

#[test]
fn discord_and_events_settings_mistakes_name_their_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(
        &path,
        "[events]\nreminders = [\"24h\", \"soon\", \"90d\"]\n[discord]\napplication_id = 0\nguild_ids = []\n",
    )
    .unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    for expected in [
        "tandem.toml:2:1: key `events.reminders`: “soon” should be like 24h, 30m or 2d",
        "tandem.toml:4:1: key `discord.application_id`: must be the application's id",
        "tandem.toml:5:1: key `discord.guild_ids`: name at least one guild (server) for the slash commands",
        "tandem.toml:3:1: key `discord`: set pairs_channel (pair rooms as private threads) or pairs_category (private channels)",
    ] {
        assert!(e.contains(expected), "{expected}\nin\n{e}");
    }
}

#[test]
fn an_empty_case_key_file_setting_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(&path, "room_prefix = \"!tandem\"\ncase_key_file = \"\"\n").unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:2:1: key `case_key_file`: must name the file holding the case key, or be left out"),
        "{e}"
    );
}

#[test]
fn check_config_reports_every_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, programme_with("[[roles.mentee.questions]]\nid = \"a\"\nkind = \"multi_choice\"\nprompt = \"A?\"\nchoices = []\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["check-config", &bad.display().to_string()])
        .current_dir(repo_root())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "bad.toml:18:11: key `roles.mentee.questions[0].choices`: the choice list is empty"
        ),
        "{stderr}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["check-config", "config/tandem.example.toml"])
        .current_dir(repo_root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Its staff are on the console, the only platform it connects: nothing to warn about.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("ok: programme pathways-2027 (mentor: 13 questions, mentee: 13 questions)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: limits: 20 messages a minute and 5 transcripts, data files, exports or reports an hour per person (not on the console)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: retention: reports about a person, failed checks and suspensions are kept 6 year(s) after they delete their data"),
        "{stdout}"
    );
}

#[test]
fn rate_limits_out_of_range_name_their_line_and_default_to_twenty_a_minute_and_five_an_hour() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(
        &path,
        "[limits]\nmessages_per_minute = 2\nexpensive_per_hour = 0\n",
    )
    .unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:2:1: key `limits.messages_per_minute`: must be between 5 and 600"),
        "{e}"
    );
    assert!(
        e.contains("tandem.toml:3:1: key `limits.expensive_per_hour`: must be between 1 and 100"),
        "{e}"
    );
    std::fs::write(&path, "[limits]\nmessages_per_minut = 30\n").unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("unknown key `messages_per_minut`; did you mean `messages_per_minute`?"),
        "{e}"
    );
    std::fs::write(&path, "[limits]\nmessages_per_minute = 30\n").unwrap();
    let settings = Settings::load(&path).unwrap();
    assert_eq!(
        (
            settings.limits.messages_per_minute,
            settings.limits.expensive_per_hour
        ),
        (30, 5)
    );
    std::fs::write(&path, "").unwrap();
    let settings = Settings::load(&path).unwrap();
    assert_eq!(
        (
            settings.limits.messages_per_minute,
            settings.limits.expensive_per_hour
        ),
        (20, 5)
    );
}

#[test]
fn a_retention_out_of_range_names_its_line_and_six_years_is_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(&path, "[moderation]\nretention_years = 0\n").unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:2:1: key `moderation.retention_years`: must be between 1 and 100 (years safeguarding records about a person are kept after they delete their data; the safeguarding lead decides the figure)"),
        "{e}"
    );
    std::fs::write(&path, "[moderation]\nretention_years = 7\n").unwrap();
    let settings = Settings::load(&path).unwrap();
    assert_eq!(settings.moderation.moderation().unwrap().retention_years, 7);
    std::fs::write(&path, "").unwrap();
    let settings = Settings::load(&path).unwrap();
    assert_eq!(settings.moderation.moderation().unwrap().retention_years, 6);
}

/// A programme whose mentee form is a number question `age` and a yes/no `check`, with
/// `screening` appended to the mentee role.
fn programme_with_screening(screening: &str) -> String {
    programme_with(&format!(
        "[[roles.mentee.questions]]\nid = \"age\"\nkind = \"number\"\nprompt = \"Age?\"\nmin = 1\nmax = 99\n[[roles.mentee.questions]]\nid = \"check\"\nkind = \"yes_no\"\nprompt = \"Check?\"\n{screening}"
    ))
}

#[test]
fn screening_rules_and_steps_are_checked_with_file_line_and_key() {
    let e = errors_of(&programme_with_screening(
        "[roles.mentee.screening]\ndefault = \"maybe\"\n[[roles.mentee.screening.rules]]\noutcome = \"ineligible\"\nwhen = { question = \"age\", below = 16 }\n[[roles.mentee.screening.rules]]\noutcome = \"needs_review\"\nwhen = { question = \"ghost\", equals = \"yes\" }\n[[roles.mentee.screening.rules]]\noutcome = \"needs_review\"\nwhen = { question = \"check\", below = 3 }\n[[roles.mentee.screening.rules]]\noutcome = \"needs_review\"\nwhen = { question = \"check\", equals = \"perhaps\" }\n[[roles.mentee.screening.rules]]\noutcome = \"needs_review\"\nwhen = { question = \"age\", below = 3, at_least = 1 }\n[[roles.mentee.screening.steps]]\nid = \"police\"\nkind = \"background_check\"\n[[roles.mentee.screening.steps]]\nid = \"coc\"\nkind = \"acknowledgement\"\n[[roles.mentee.screening.steps]]\nid = \"x\"\nkind = \"vibe_check\"\n",
    ));
    for expected in [
        "key `roles.mentee.screening.default`: unknown outcome `maybe`",
        "key `roles.mentee.screening.rules[0].outcome`: an ineligible rule needs a `reason`",
        "the condition refers to question `ghost`, which is not in this form",
        "`below` compares numbers, but `check` is a yes_no question",
        "`perhaps` is not a possible answer to `check` (possible: yes, no)",
        "a condition is { question = \"id\", <one of equals",
        "key `roles.mentee.screening.steps[0].kind`: background checks are for mentors",
        "an acknowledgement step needs a `text`",
        "unknown step kind `vibe_check`",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
    assert_eq!(e.lines().count(), 9, "{e}");
}

#[test]
fn when_a_refused_applicant_may_apply_again_is_read_and_checked() {
    let rule = |outcome: &str, when: &str, again: &str| {
        format!(
            "[[roles.mentee.screening.rules]]\noutcome = \"{outcome}\"\nreason = \"Sorry.\"\nwhen = {when}\napply_again = {again}\n"
        )
    };
    let age = "{ question = \"age\", below = 16 }";
    let check = "{ question = \"check\", equals = \"no\" }";
    let e = errors_of(&programme_with_screening(
        &[
            rule("needs_review", age, "0"),
            rule("ineligible", check, "\"yearly\""),
            rule("ineligible", check, "\"someday\""),
            rule("ineligible", check, "-3"),
        ]
        .concat(),
    ));
    for expected in [
        "key `roles.mentee.screening.rules[0].apply_again`: `apply_again` only applies to an ineligible rule",
        "key `roles.mentee.screening.rules[1].apply_again`: `apply_again = \"yearly\"` is for a rule",
        "key `roles.mentee.screening.rules[2].apply_again`: `apply_again` is \"yearly\", \"never\", or a number of days",
        "key `roles.mentee.screening.rules[3].apply_again`",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
    assert_eq!(e.lines().count(), 4, "{e}");
    let p = config::parse_programme(
        Path::new("ok.toml"),
        &programme_with_screening(
            &[
                rule("ineligible", age, "\"yearly\""),
                rule("ineligible", check, "90"),
            ]
            .concat(),
        ),
    )
    .expect("valid");
    let rules = &p.roles[&RoleKind::Mentee].screening.rules;
    assert_eq!(rules[0].apply_again, ApplyAgain::Yearly);
    assert_eq!(rules[1].apply_again, ApplyAgain::AfterDays(90));
}

#[test]
fn nested_screening_conditions_and_coordinators_are_read() {
    let src = programme_with_screening(
        "[roles.mentee.screening]\ndefault = \"eligible\"\n[[roles.mentee.screening.rules]]\nid = \"young_without_check\"\noutcome = \"needs_review\"\nwhen = { all = [ { question = \"age\", below = 18 }, { not = { question = \"check\", equals = \"yes\" } } ] }\n",
    )
    .replace("slug = \"p\"\n", "slug = \"p\"\ncoordinators = [\"console:carol\", \"matrix:@dev:example.org\"]\n");
    let p = config::parse_programme(Path::new("p.toml"), &src).unwrap();
    assert_eq!(p.coordinators.len(), 2);
    assert_eq!(p.coordinators[1].id, "@dev:example.org");
    let rule = &p.roles[&tandem::domain::RoleKind::Mentee].screening.rules[0];
    assert_eq!(rule.when.describe(), "age < 18 and not (check is yes)");
    let bad = src.replace("console:carol", "carol");
    assert!(
        errors_of(&bad).contains("should be platform:id"),
        "{}",
        errors_of(&bad)
    );
}

#[test]
fn matching_configuration_mistakes_are_reported() {
    let base = std::fs::read_to_string(repo_root().join("config/programs/example.toml")).unwrap();
    let cut = base.find("[matching]").unwrap();
    let with = |matching: &str| format!("{}{matching}", &base[..cut]);
    let e = errors_of(&with(
        "[matching]\nmode = \"one_to_one\"\ncapacity_question = \"capacity\"\nobjective = \"fastest\"\ndaytime = [21, 9]\nshared_language = { mentee = \"languages\", mentor = \"sector\" }\nmax_time_zone_gap_hours = 6\n[[matching.criteria]]\nname = \"Goals\"\nkind = \"overlap\"\nmentee_question = \"goals\"\nmentor_question = \"motivation\"\npoints = 10\n[[matching.criteria]]\nname = \"Age\"\nkind = \"closeness\"\nmentee_question = \"age\"\nmentor_question = \"years_experience\"\npoints = 5\n[[matching.criteria]]\nname = \"Vibes\"\nkind = \"astrology\"\nmentee_question = \"goals\"\nmentor_question = \"skills\"\npoints = 5\n",
    ));
    for expected in [
        "`capacity_question` does not apply to mode `one_to_one`",
        "unknown objective `fastest`",
        "`daytime` is [from, to] in local hours",
        "`sector` is a single_choice question; this needs a languages question",
        "`max_time_zone_gap_hours` needs `time_zone",
        "`motivation` is a long_text question; this needs a choice, yes/no or languages question",
        "a closeness criterion needs `range` > 0",
        "unknown criterion kind `astrology`",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
    let e = errors_of(&with(
        "[matching]\nmode = \"one_to_many\"\ncapacity_question = \"ghost\"\n",
    ));
    assert!(
        e.contains("key `matching.capacity_question`: the mentor form has no question `ghost`"),
        "{e}"
    );
    let e = errors_of(&with("[matching]\nmode = \"triangle\"\n"));
    assert!(e.contains("unknown matching mode `triangle`"), "{e}");
}

#[test]
fn survey_mistakes_are_reported_with_their_line() {
    let src = format!(
        "{GOOD}[reporting]\nanonymity_minimum = 2\n[schedule]\nlocal_hour = 18\n[[schedule.milestones]]\nid = \"mid\"\nafter = \"3m\"\nkind = \"survey\"\nsurvey = \"ghost\"\n[[schedule.milestones]]\nid = \"hello\"\nafter = \"1w\"\nkind = \"room_message\"\ntext = \"Hi\"\nsurvey = \"pulse\"\n[surveys.pulse]\ntitle = \"Pulse\"\nanonymous = true\nfor = [\"mentor\", \"boss\"]\nreminder_days = 20\nopen_days = 14\n[[surveys.pulse.questions]]\nid = \"mood\"\nkind = \"scale\"\nprompt = \"Mood?\"\nlabels = [\"Only one\"]\n[[surveys.pulse.questions]]\nid = \"ok\"\nkind = \"consent\"\nprompt = \"OK?\"\nstatement = \"Yes\"\n[[surveys.pulse.questions]]\nid = \"nps\"\nkind = \"nps\"\nprompt = \"Recommend?\"\nlabels = [\"a\", \"b\"]\n",
        GOOD = programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str())
    );
    let e = errors_of(&src);
    for expected in [
        "`anonymity_minimum` must be between 3 and 1000",
        "no survey `ghost` in this programme (define it under [surveys.ghost])",
        "`survey` applies to survey and closure milestones only",
        "unknown role `boss` in `for`: use mentor and/or mentee",
        "`reminder_days` must be less than `open_days`",
        "a scale has 2 to 10 points, each with a label",
        "question `ok`: a survey cannot ask a consent question",
        "`labels` does not apply to a nps question",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
    assert!(
        e.contains("p.toml:"),
        "errors name their file and line: {e}"
    );
}

#[test]
fn delivery_limits_out_of_range_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(
        &path,
        "[delivery]\nretry_hours = 0\nstale_after_hours = 500\n",
    )
    .unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:2:1: key `delivery.retry_hours`: must be between 1 and 72"),
        "{e}"
    );
    assert!(
        e.contains("tandem.toml:3:1: key `delivery.stale_after_hours`: must be between 1 and 168"),
        "{e}"
    );
    std::fs::write(&path, "[delivery]\nretry_hours = 12\n").unwrap();
    let settings = Settings::load(&path).unwrap();
    assert_eq!(
        (
            settings.delivery.retry_hours,
            settings.delivery.stale_after_hours
        ),
        (12, 24)
    );
}

/// A programme whose mentor role has a background check (with `check`'s extra lines) and a
/// training task (with `task`'s), and `top` among the top-level keys.
fn programme_with_check(top: &str, check: &str, task: &str) -> String {
    programme_with(
        "[[roles.mentee.questions]]\nid = \"age\"\nkind = \"number\"\nprompt = \"Age?\"\nmin = 1\nmax = 99\n",
    )
    .replace("slug = \"p\"\n", &format!("slug = \"p\"\n{top}"))
    .replace(
        GOOD_QUESTION,
        &format!(
            "{GOOD_QUESTION}[roles.mentor.screening]\n[[roles.mentor.screening.steps]]\nid = \"check\"\nkind = \"background_check\"\n{check}[[roles.mentor.screening.steps]]\nid = \"training\"\nkind = \"task\"\n{task}"
        ),
    )
}

#[test]
fn a_checks_warning_and_what_a_lapse_does_are_read_with_defaults_and_bad_values_explained() {
    use tandem::domain::screening::OnLapse;
    let read = |src: String| config::parse_programme(Path::new("p.toml"), &src).unwrap();
    let p = read(programme_with_check("", "", ""));
    assert_eq!(
        p.on_lapse,
        OnLapse::Notify,
        "notify unless the file says so"
    );
    assert_eq!(p.roles[&RoleKind::Mentor].screening.steps[0].warn_days, 30);
    let p = read(programme_with_check(
        "on_lapse = \"pause\"\n",
        "warn_days = 7\n",
        "",
    ));
    assert_eq!(p.on_lapse, OnLapse::Pause);
    assert_eq!(p.roles[&RoleKind::Mentor].screening.steps[0].warn_days, 7);
    let p = read(programme_with_check("", "warn_days = 0\n", ""));
    assert_eq!(
        p.roles[&RoleKind::Mentor].screening.steps[0].warn_days,
        0,
        "0: no warning"
    );

    let e = errors_of(&programme_with_check(
        "on_lapse = \"freeze\"\n",
        "warn_days = -3\n",
        "warn_days = 10\n",
    ));
    for expected in [
        "key `on_lapse`: unknown `on_lapse` value `freeze`; expected notify (alert the coordinators) or pause",
        "key `roles.mentor.screening.steps[0].warn_days`: `warn_days` is how many days before a check expires to warn: a number from 0 (no warning) to 365, not -3",
        "key `roles.mentor.screening.steps[1].warn_days`: `warn_days` only applies to a background_check step",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
    assert_eq!(e.lines().count(), 3, "{e}");
    let e = errors_of(&programme_with_check("", "warn_days = 400\n", ""));
    assert!(e.contains("to 365, not 400"), "{e}");
}

#[test]
fn moderators_need_an_escalation_contact_and_aliases_must_name_staff() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    let moderation = |rest: &str| format!("[moderation]\nmoderators = [\"console:mo\"]\n{rest}");
    std::fs::write(&path, moderation("")).unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains(
            "tandem.toml:2:1: key `moderation.moderators`: moderation.escalation_contact is not set"
        ),
        "{e}"
    );
    std::fs::write(
        &path,
        moderation(
            "escalation_contact = \"console:lead\"\naliases = { \"console:tom\" = [\"Tom\"] }\n",
        ),
    )
    .unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(e.contains("moderation.aliases names console:tom, who is neither a moderator nor the escalation contact"), "{e}");
    std::fs::write(
        &path,
        moderation(
            "escalation_contact = \"console:lead\"\naliases = { \"console:mo\" = [\"M\"] }\n",
        ),
    )
    .unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(e.contains("“M” is too short to recognise"), "{e}");
    std::fs::write(
        &path,
        moderation("escalation_contact = \"console:lead\"\naliases = { \"console:mo\" = [\"Maureen Okafor\"] }\n"),
    )
    .unwrap();
    let m = Settings::load(&path)
        .unwrap()
        .moderation
        .moderation()
        .unwrap();
    assert!(m.names(
        &tandem::domain::UserRef::new(tandem::domain::Platform::Console, "mo"),
        &["Maureen said so"]
    ));
}

/// `tandem check-config <path>` run from the repository: whether it passed, its output
/// and its errors.
fn check_config(path: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["check-config", &path.display().to_string()])
        .current_dir(repo_root())
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.success(), text(out.stdout), text(out.stderr))
}

#[test]
fn check_config_reports_every_problem_of_a_settings_file_at_once_as_tandem_run_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "colour = \"red\"\nmax_message_chars = \"lots\"\n[moderation]\nmoderatos = [\"console:mo\"]\n[limits]\nmessages_per_minute = 2\n[matrix]\nhomeserver_url = \"https://matrix.example.org\"\nuser_id = \"tandem\"\nstore_dir = 5\n",
    )
    .unwrap();
    let (ok, _, stderr) = check_config(&path);
    assert!(!ok);
    let lines: Vec<&str> = stderr.lines().collect();
    let expected = [
        "bad.toml:1:1: key `colour`: unknown key `colour`; the keys here are `data_dir`, `database_url`,",
        "bad.toml:2:21: key `max_message_chars`: invalid type: string \"lots\", expected a whole number (0 or more)",
        "bad.toml:4:1: key `moderation.moderatos`: unknown key `moderatos`; did you mean `moderators`?",
        "bad.toml:6:1: key `limits.messages_per_minute`: must be between 5 and 600",
        "bad.toml:9:1: key `matrix.user_id`: must be a full Matrix id",
        "bad.toml:10:13: key `matrix.store_dir`: invalid type: integer `5`",
    ];
    assert_eq!(lines.len(), expected.len(), "{stderr}");
    for (line, expected) in lines.iter().zip(expected) {
        let expected = format!("{}/{expected}", dir.path().display());
        assert!(line.starts_with(&expected), "«{expected}» in:\n{stderr}");
    }
    // `tandem run` reads settings with Settings::load: the same file, the same words.
    let e = Settings::load(&path).unwrap_err().to_string();
    assert_eq!(e.trim(), stderr.trim());
}

#[test]
fn check_config_reports_every_problem_of_a_programme_at_once_with_the_key_meant() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    let src = format!(
        "cordinators = [\"console:carol\"]\nduration_months = \"six\"\n{}",
        programme_with(
            "[[roles.mentee.questions]]\nid = \"a\"\nkind = \"multi_choice\"\nprompt = \"A?\"\nchoices = []\ncolour = \"red\"\n"
        )
    );
    std::fs::write(&path, src).unwrap();
    let (ok, _, stderr) = check_config(&path);
    assert!(!ok);
    let file = path.display();
    assert_eq!(
        stderr.trim(),
        [
            format!("{file}:1:1: key `cordinators`: unknown key `cordinators`; did you mean `coordinators`?"),
            format!("{file}:2:19: key `duration_months`: invalid type: string \"six\", expected a whole number (0 or more)"),
            format!("{file}:20:11: key `roles.mentee.questions[0].choices`: the choice list is empty"),
            format!("{file}:21:1: key `roles.mentee.questions[0].colour`: unknown key `colour`; the keys here are `id`, `kind`, `prompt`, `label`, `help`, `optional`, `choices`, `min`, `max`, `min_length`, `max_length`, `decimals`, `statement`, `labels`, `show_if`"),
        ]
        .join("\n")
    );
    let e = config::load_programme(&path).unwrap_err().to_string();
    assert_eq!(e.trim(), stderr.trim());
}

/// Settings naming `programmes`' folder, with `rest` after, and a programme `p` there
/// coordinated by `coordinators`.
fn settings_and_programme(dir: &Path, coordinators: &str, rest: &str) -> std::path::PathBuf {
    let programs = dir.join("programs");
    std::fs::create_dir_all(&programs).unwrap();
    std::fs::write(
        programs.join("p.toml"),
        format!(
            "coordinators = [{coordinators}]\n{}",
            programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str())
        ),
    )
    .unwrap();
    let path = dir.join("tandem.toml");
    std::fs::write(
        &path,
        format!(
            "programmes_dir = {:?}\n{rest}",
            programs.display().to_string()
        ),
    )
    .unwrap();
    path
}

const MATRIX: &str = "[matrix]\nhomeserver_url = \"https://matrix.example.org\"\nuser_id = \"@tandem:example.org\"\n";

#[test]
fn a_platform_with_no_moderator_or_coordinator_on_it_is_warned_about_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    let moderation =
        "[moderation]\nmoderators = [\"console:mo\"]\nescalation_contact = \"console:lead\"\n";
    let path = settings_and_programme(
        dir.path(),
        "\"console:carol\"",
        &format!("{moderation}{MATRIX}"),
    );
    let (ok, stdout, stderr) = check_config(&path);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("ok: programme p ("), "{stdout}");
    assert_eq!(
        stderr.trim(),
        "warning: [matrix] is configured, but no moderator is on matrix (moderation.moderators: console:mo): nobody there may work the reports people send\n\
         warning: [matrix] is configured, but programme p has no coordinator on matrix (its coordinators: console:carol): nobody there may review its applications or approve its matches"
    );

    // Staff on the platform: nothing to say.
    let path = settings_and_programme(
        dir.path(),
        "\"console:carol\", \"matrix:@carol:example.org\"",
        &format!(
            "{}{MATRIX}",
            moderation.replace(
                "\"console:mo\"",
                "\"console:mo\", \"matrix:@mo:example.org\""
            )
        ),
    );
    let (ok, _, stderr) = check_config(&path);
    assert!(ok && stderr.is_empty(), "{stderr}");
}

#[test]
fn no_moderator_at_all_is_warned_about_once_whatever_the_platforms() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_and_programme(
        dir.path(),
        "\"console:carol\"",
        "[discord]\napplication_id = 1\nguild_ids = [2]\npairs_channel = 3\n",
    );
    let (ok, _, stderr) = check_config(&path);
    assert!(ok, "{stderr}");
    assert_eq!(
        stderr.trim(),
        "warning: no moderator is configured (moderation.moderators is empty): nobody may work the reports people send\n\
         warning: [discord] is configured, but programme p has no coordinator on discord (its coordinators: console:carol): nobody there may review its applications or approve its matches"
    );
    // Without a platform, the console's: only the missing moderators.
    let path = settings_and_programme(dir.path(), "\"console:carol\"", "");
    let (ok, _, stderr) = check_config(&path);
    assert!(ok, "{stderr}");
    assert_eq!(
        stderr.trim(),
        "warning: no moderator is configured (moderation.moderators is empty): nobody may work the reports people send"
    );
}

#[test]
fn each_section_of_the_example_settings_stands_under_the_comment_that_introduces_it() {
    let text = std::fs::read_to_string(repo_root().join("config/tandem.example.toml")).unwrap();
    // A section, commented out or not, by its top-level name: `[[moderation.categories]]`
    // is `moderation`'s.
    let section = |line: &str| {
        let t = line.trim_start_matches('#').trim().trim_start_matches('[');
        (line.trim_start_matches('#').trim().starts_with('[') && !t.contains('='))
            .then(|| t.split([']', '.']).next().unwrap().to_string())
    };
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut introduced = Vec::new();
    for p in &paragraphs {
        let mut sections: Vec<String> = p.lines().filter_map(section).collect();
        sections.dedup();
        assert!(sections.len() <= 1, "one section per paragraph:\n{p}");
        // "# Discord: uncomment to connect…" introduces [discord], which follows it.
        if let Some((name, _)) = p.strip_prefix("# ").and_then(|l| l.split_once(':'))
            && paragraphs.iter().any(|q| {
                q.lines()
                    .filter_map(section)
                    .any(|s| s == name.to_lowercase())
            })
        {
            assert_eq!(sections, [name.to_lowercase()], "{p}");
            introduced.push(name.to_string());
        }
    }
    assert_eq!(introduced, ["Matrix", "Discord"]);
}

#[test]
fn a_programme_date_order_and_time_zone_are_read_with_defaults_and_bad_values_explained() {
    use tandem::domain::when::DateOrder;
    let read = |extra: &str| {
        let mentee = GOOD_QUESTION.replace("mentor", "mentee");
        config::parse_programme(
            Path::new("p.toml"),
            &format!("{extra}{}", programme_with(&mentee)),
        )
    };
    let p = read("").unwrap();
    assert_eq!((p.date_order, p.time_zone), (DateOrder::DayMonthYear, None));
    let p = read("date_order = \"month_day_year\"\ntime_zone = \"new york\"\n").unwrap();
    assert_eq!(
        (p.date_order, p.time_zone.as_deref()),
        (DateOrder::MonthDayYear, Some("America/New_York"))
    );
    let e = read("date_order = \"ymd\"\ntime_zone = \"Mars/Olympus\"\n")
        .unwrap_err()
        .to_string();
    for expected in [
        "key `date_order`: unknown `date_order` value `ymd`; expected day_month_year (20/01/2027, the default) or month_day_year (01/20/2027)",
        "key `time_zone`: I don't know the time zone “Mars/Olympus”",
    ] {
        assert!(e.contains(expected), "missing «{expected}» in:\n{e}");
    }
}

#[test]
fn a_platform_group_among_the_coordinators_counts_on_its_platform_and_a_malformed_one_names_its_line()
 {
    let dir = tempfile::tempdir().unwrap();
    let moderation = "[moderation]\nmoderators = [\"matrix:@mo:example.org\"]\nescalation_contact = \"console:lead\"\n";
    let path = settings_and_programme(
        dir.path(),
        "\"matrix-room:#staff:example.org@50\"",
        &format!("{moderation}{MATRIX}"),
    );
    let (ok, _, stderr) = check_config(&path);
    assert!(ok && stderr.is_empty(), "{stderr}");
    let p = config::load_programme(&dir.path().join("programs/p.toml")).unwrap();
    assert!(p.coordinators.is_empty());
    assert_eq!(
        p.coordinator_groups
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec!["matrix-room:#staff:example.org@50"]
    );

    let e = errors_of(&format!(
        "coordinators = [\"console:carol\", \"discord-role:12/staff\"]\n{}",
        programme_with(&GOOD_QUESTION.replace("mentor", "mentee"))
    ));
    assert!(
        e.contains("p.toml:1:")
            && e.contains("coordinators")
            && e.contains("should be discord-role:<server id>/<role id>, both numbers"),
        "{e}"
    );
}

#[test]
fn with_both_platforms_the_staff_of_the_room_that_serves_each_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    // Matrix has the staff rooms; Discord has none, so Matrix's serve its people too.
    let both = format!(
        "{MATRIX}coordinators_room = \"#c:example.org\"\nmoderators_room = \"#m:example.org\"\n[discord]\napplication_id = 1\nguild_ids = [2]\npairs_channel = 3\n"
    );
    let moderation = "[moderation]\nmoderators = [\"matrix:@mo:example.org\"]\nescalation_contact = \"console:lead\"\n";
    let path = settings_and_programme(
        dir.path(),
        "\"matrix-room:#c:example.org@50\"",
        &format!("{moderation}{both}"),
    );
    let (ok, stdout, stderr) = check_config(&path);
    assert!(ok && stderr.is_empty(), "{stderr}");
    assert!(
        stdout.contains("pairs: people on matrix and discord are matched only with people on their own platform; to pair them across, in relayed pair rooms, turn on Message Content Intent"),
        "{stdout}"
    );
    // With the bot reading message content, pairs across are made, by each programme that
    // does not turn them off.
    let reading = format!("{moderation}{both}message_content = true\n");
    let path = settings_and_programme(dir.path(), "\"matrix-room:#c:example.org@50\"", &reading);
    let (ok, stdout, _) = check_config(&path);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("pairs: people on matrix and discord may be paired with each other, in relayed pair rooms (the bot copies each message across), in any programme with a [matching] section (none yet)"), "{stdout}");
    // Coordinators only on Discord: nobody in the Matrix room that serves both.
    let path = settings_and_programme(
        dir.path(),
        "\"discord-role:2/7\"",
        &format!("{moderation}{both}"),
    );
    let (ok, _, stderr) = check_config(&path);
    assert!(ok, "{stderr}");
    assert_eq!(
        stderr.trim(),
        "warning: [matrix] is configured, but programme p has no coordinator on matrix (its coordinators: discord-role:2/7): nobody there may review its applications or approve its matches\n\
         warning: [discord] has no room of its own for it, so matrix's serves its people, but programme p has no coordinator on matrix (its coordinators: discord-role:2/7): nobody there may review its applications or approve its matches"
    );
}

/// The systemd unit shipped in `deploy/` reads as systemd reads it, runs this build's
/// `tandem run`, and keeps the hardening `systemd-analyze security` rates "OK" (2.0 or
/// less). Skipped, loudly, where systemd's tools are not installed.
#[test]
fn the_shipped_systemd_unit_verifies_and_stays_hardened() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: systemd-analyze is not installed");
        return;
    }
    let unit = std::fs::read_to_string(repo_root().join("deploy/tandem.service")).unwrap();
    assert!(unit.contains("ExecStart=/usr/local/bin/tandem --config /etc/tandem/tandem.toml run"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.service");
    std::fs::write(
        &path,
        unit.replace("/usr/local/bin/tandem", env!("CARGO_BIN_EXE_tandem")),
    )
    .unwrap();
    let verify = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        verify.status.success() && verify.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    let security = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--threshold=20"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        security.status.success(),
        "{}",
        String::from_utf8_lossy(&security.stdout)
    );
}

#[test]
fn a_listen_address_that_is_not_one_names_its_line_and_the_listener_is_off_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    std::fs::write(&path, "[server]\nlisten = \"localhost\"\n").unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains(
            "tandem.toml:2:1: key `server.listen`: must be an address and port, like 127.0.0.1:9184"
        ),
        "{e}"
    );
    std::fs::write(&path, "[server]\nlisten = \"127.0.0.1:9184\"\n").unwrap();
    assert_eq!(
        Settings::load(&path).unwrap().server.listen.as_deref(),
        Some("127.0.0.1:9184")
    );
    assert_eq!(Settings::default().server.listen, None);
}

/// `log_format = "json"` writes each log line as one JSON object (for a log collector);
/// without it the lines are text; an unknown format is refused at its line.
#[test]
fn logs_are_json_lines_when_the_settings_ask_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let run = |settings: &str| {
        let path = dir.path().join("tandem.toml");
        std::fs::write(
            &path,
            format!("data_dir = {:?}\n{settings}", dir.path().join("data")),
        )
        .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(["--config", path.to_str().unwrap(), "migrate"])
            .env("RUST_LOG", "debug")
            .env_remove("TANDEM_DATABASE_URL")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, logs) = run("log_format = \"json\"\n");
    assert!(ok && !logs.is_empty(), "{logs}");
    for line in logs.lines() {
        let entry: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(
            entry["timestamp"].is_string() && entry["level"].is_string(),
            "{line}"
        );
    }
    let (ok, logs) = run("");
    assert!(ok && logs.lines().all(|l| !l.starts_with('{')), "{logs}");
    let (ok, logs) = run("log_format = \"xml\"\n");
    assert!(
        !ok && logs.contains("key `log_format`: unknown variant `xml`, expected `text` or `json`"),
        "{logs}"
    );
}

#[test]
fn rooms_a_programme_names_are_read_and_mistakes_are_named_with_their_line() {
    use tandem::domain::Platform;
    use tandem::domain::rooms::Serves;
    let good = format!(
        "{}[rooms.matrix]\ncoordinators = \"#p-staff:example.org\"\npairs = \"!space:example.org\"\n[rooms.discord]\ncoordinators = 1234567890\npairs_category = \"987654321\"\n",
        programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str())
    );
    let p = config::parse_programme(Path::new("p.toml"), &good).unwrap();
    let rooms: Vec<(Platform, Serves, &str)> = p
        .rooms
        .iter()
        .map(|r| (r.platform, r.serves, r.written.as_str()))
        .collect();
    assert_eq!(
        rooms,
        [
            (
                Platform::Matrix,
                Serves::Coordinators,
                "#p-staff:example.org"
            ),
            (Platform::Matrix, Serves::Pairs, "!space:example.org"),
            (Platform::Discord, Serves::Coordinators, "1234567890"),
            (Platform::Discord, Serves::PairsCategory, "987654321"),
        ]
    );
    let bad = format!(
        "{}[rooms.matrix]\ncoordinators = \"coordinators\"\npairs_category = \"!x\"\n[rooms.discord]\nevents = \"general\"\n[rooms.console]\npairs = \"x\"\n",
        programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str())
    );
    let e = errors_of(&bad);
    for expected in [
        "key `rooms.matrix.coordinators`: `coordinators` should be a room id (!abc:example.org) or alias (#name:example.org)",
        "key `rooms.matrix.pairs_category`: Matrix has no categories",
        "key `rooms.discord.events`: `general` should be the channel's id",
        "key `rooms.console.pairs`: console pair rooms are not kept anywhere in particular",
    ] {
        assert!(e.contains(expected), "{expected}\nin\n{e}");
    }
    let e = errors_of(&format!(
        "{}[rooms.irc]\ncoordinators = \"#staff\"\n",
        programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str())
    ));
    assert!(e.contains("key `rooms.irc`: unknown key `irc`"), "{e}");
}

#[test]
fn check_config_shows_which_room_serves_what_for_the_deployment_and_each_programme() {
    let dir = tempfile::tempdir().unwrap();
    let programmes = dir.path().join("programs");
    std::fs::create_dir(&programmes).unwrap();
    let own = format!(
        "{}[rooms.matrix]\ncoordinators = \"#p-staff:example.org\"\nevents = \"#p-events:example.org\"\n[rooms.discord]\ncoordinators = 1234567890\n",
        programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str())
    );
    std::fs::write(programmes.join("p.toml"), own).unwrap();
    let settings = dir.path().join("tandem.toml");
    std::fs::write(
        &settings,
        format!(
            "programmes_dir = \"{}\"\n[moderation]\nmoderators = [\"matrix:@mo:example.org\"]\nescalation_contact = \"matrix:@lead:example.org\"\n[matrix]\nhomeserver_url = \"https://matrix.example.org\"\nuser_id = \"@tandem:example.org\"\ncoordinators_room = \"#coordinators:example.org\"\nmoderators_room = \"#p-staff:example.org\"\n",
            programmes.display()
        ),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["check-config", &settings.display().to_string()])
        .current_dir(repo_root())
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    for expected in [
        "rooms on matrix: coordinators' room #coordinators:example.org, moderators' room #p-staff:example.org, events room (none), pair rooms (none)",
        "rooms of p on matrix: coordinators' room #p-staff:example.org, events room #p-events:example.org (the rest as above)",
    ] {
        assert!(
            stdout.contains(expected),
            "{expected}\nin\n{stdout}\n{stderr}"
        );
    }
    for expected in [
        "warning: programme p's coordinators' room on matrix is a moderators' room",
        "warning: programme p names its coordinators' room on discord, which these settings do not serve",
    ] {
        assert!(stderr.contains(expected), "{expected}\nin\n{stderr}");
    }
}

#[test]
fn check_config_says_when_only_programmes_name_moderators() {
    let dir = tempfile::tempdir().unwrap();
    let programmes = dir.path().join("programs");
    std::fs::create_dir(&programmes).unwrap();
    let own = programme_with(GOOD_QUESTION.replace("mentor", "mentee").as_str()).replacen(
        "description = \"d\"\n",
        "description = \"d\"\nmoderators = [\"console:sam\"]\n",
        1,
    );
    std::fs::write(programmes.join("p.toml"), own).unwrap();
    let settings = dir.path().join("tandem.toml");
    let write = |contact: &str| {
        std::fs::write(
            &settings,
            format!(
                "programmes_dir = \"{}\"\n[moderation]\n{contact}",
                programmes.display()
            ),
        )
        .unwrap();
        Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(["check-config", &settings.display().to_string()])
            .current_dir(repo_root())
            .output()
            .unwrap()
    };
    let out = write("escalation_contact = \"console:lead\"\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: only programmes name moderators (p): nobody may work a report that belongs to no programme"),
        "{stderr}"
    );
    assert!(!stderr.contains("no moderator is configured"), "{stderr}");
    // Without an escalation contact, a programme's moderators are refused outright.
    let out = write("");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(
            "programme p names moderators, but [moderation] escalation_contact is not set"
        ),
        "{stderr}"
    );
}

#[test]
fn appservice_settings_are_checked_under_their_own_header_and_described() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    let settings = |listen: &str| {
        format!(
            "[server]\nlisten = \"127.0.0.1:9184\"\n\n[matrix]\nhomeserver_url = \"https://matrix.example.org\"\nuser_id = \"@tandem:example.org\"\n\n[matrix.appservice]\nid = \"tandem\"\nlisten = \"{listen}\"\n"
        )
    };
    std::fs::write(&path, settings("localhost")).unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:10:1: key `matrix.appservice.listen`: `localhost` should be an address and a port"),
        "{e}"
    );

    std::fs::write(&path, settings("127.0.0.1:9185")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--config")
        .arg(&path)
        .arg("check-config")
        .current_dir(repo_root())
        .env_remove("TANDEM_MATRIX_AS_TOKEN")
        .env_remove("TANDEM_MATRIX_HS_TOKEN")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("matrix: appservice mode (registration `tandem`): pair rooms made without the client's rate limits; Tandem listens on 127.0.0.1:9185, the homeserver reaches it at http://127.0.0.1:9185; TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN are not in this environment"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_report_categorys_labels_in_other_languages_must_be_in_a_language_tandem_speaks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.toml");
    let category = |labels: &str| {
        format!(
            "[[moderation.categories]]\nid = \"bullying\"\nlabel = \"Bullying\"\nlabels = {{ {labels} }}\n"
        )
    };
    std::fs::write(&path, category("es = \"Acoso\", pt = \"Intimidação\"")).unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("tandem.toml:4:1: key `moderation.categories[0].labels`: moderation.categories: the category `bullying` has a label in `pt`, which Tandem does not speak: labels are for en, es, ar"),
        "{e}"
    );
    std::fs::write(&path, category("es = \" \"")).unwrap();
    let e = Settings::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("the category `bullying` has an empty label in `es`"),
        "{e}"
    );
    std::fs::write(&path, category("es = \"Acoso\", ar = \"تنمّر\"")).unwrap();
    let m = Settings::load(&path)
        .unwrap()
        .moderation
        .moderation()
        .unwrap();
    let said = m.categories[0].said();
    assert_eq!(said.english(), "Bullying");
    assert_eq!(
        said.render(tandem::i18n::Locale::from_tag("es").unwrap()),
        "Acoso"
    );
}

#[test]
fn check_config_warns_of_texts_a_programme_leaves_untranslated_in_a_language_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.toml");
    let example =
        std::fs::read_to_string(repo_root().join("config/programs/example.toml")).unwrap();
    let gap =
        "[translations.es.roles.mentor.screening.steps.interview]\nlabel = \"Entrevista\"\n\n";
    assert!(example.contains(gap));
    std::fs::write(&path, example.replace(gap, "")).unwrap();
    let (ok, _, stderr) = check_config(&path);
    assert!(
        ok,
        "a gap is no error: the text is said in the file's own words"
    );
    assert_eq!(
        stderr.trim(),
        "warning: programme pathways-2027: 1 text(s) not translated into `es`, said in the file's own words: roles.mentor.screening.steps.interview.label"
    );
}
