//! The rules of group events: reading a create line, cron rules, sessions across clock changes.

use super::*;
use crate::domain::when::DateOrder;
use chrono::TimeZone as _;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A coordinator on 11 January 2027 whose programme names no time zone.
fn reader() -> Reader {
    Reader::new(
        utc("2027-01-11T09:00:00Z"),
        None,
        Some(DateOrder::DayMonthYear),
    )
}

/// A create line, read and resolved (what is wrong, in English).
fn create(line: &str) -> Result<EventSpec, String> {
    parse_create(line)
        .and_then(|r| r.resolve(&reader()))
        .map_err(|e| e.english())
}

#[test]
fn a_create_line_is_read_key_by_key() {
    let spec = create(
        "title: Career night; start: 2027-02-03 18:00 Europe/London; length: 1h30; capacity: 30; repeat: 0 18 * * WED until 2027-03-03; description: Bring questions",
    )
    .unwrap();
    assert_eq!(spec.title, "Career night");
    assert_eq!(spec.duration_minutes, 90);
    assert_eq!(spec.capacity, Some(30));
    assert_eq!(spec.zone.canonical(), "Europe/London");
    assert_eq!(spec.repeat.as_ref().unwrap().rule.text, "0 18 * * WED");
    for (line, needle) in [
        ("start: 2027-02-03 18:00 Europe/London", "title"),
        ("title: X", "starts"),
        ("title: X; start: 2027-02-03 18:00 Mars/Olympus", "start:"),
        (
            "title: X; start: 2027-02-30 18:00 UTC",
            "no 30 February 2027",
        ),
        (
            "title: X; start: 2027-02-03 18:00 UTC; length: forever",
            "length",
        ),
        (
            "title: X; start: 2027-02-03 18:00 UTC; colour: red",
            "colour",
        ),
        (
            "title: X; start: 2027-02-03 18:00 UTC; capacity: 0",
            "capacity",
        ),
        (
            "title: X; start: 2027-02-03 18:00 UTC; repeat: 0 18 * * until 2027-03-01",
            "five fields",
        ),
        (
            "title: X; start: 2027-02-03 18:00 UTC; repeat: 0 25 * * * until 2027-03-01",
            "hour",
        ),
    ] {
        let e = create(line).unwrap_err();
        assert!(e.contains(needle), "{line}: {e}");
    }
}

#[test]
fn weekdays_count_from_sunday_as_zero_or_seven_or_by_name() {
    let wed = NaiveDate::from_ymd_opt(2027, 2, 3).unwrap();
    let sun = NaiveDate::from_ymd_opt(2027, 2, 7).unwrap();
    for rule in ["0 18 * * 3", "0 18 * * WED", "0 18 * * wed"] {
        assert_eq!(Cron::parse(rule).unwrap().times_on(wed).len(), 1, "{rule}");
    }
    for rule in ["0 18 * * 0", "0 18 * * 7", "0 18 * * SUN", "0 18 * * 6-7"] {
        assert_eq!(Cron::parse(rule).unwrap().times_on(sun).len(), 1, "{rule}");
        assert!(
            Cron::parse(rule).unwrap().times_on(wed).is_empty(),
            "{rule}"
        );
    }
    let every_other_hour = Cron::parse("30 */2 1 JAN-MAR *").unwrap();
    let jan1 = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(every_other_hour.times_on(jan1).len(), 12);
}

fn spec(start: &str, zone: &str, repeat: Option<(&str, &str)>) -> EventSpec {
    EventSpec {
        title: "Social".into(),
        description: String::new(),
        start: NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M").unwrap(),
        zone: parse_time_zone(zone).unwrap(),
        duration_minutes: 60,
        room: None,
        capacity: None,
        repeat: repeat.map(|(r, u)| Repeat {
            rule: Cron::parse(r).unwrap(),
            every: 1,
            block_days: 1,
            until: NaiveDate::parse_from_str(u, "%Y-%m-%d").unwrap(),
            written: r.to_string(),
        }),
    }
}

#[test]
fn a_weekly_series_keeps_its_local_time_across_daylight_saving() {
    let now = utc("2027-03-01T00:00:00Z");
    let s = spec(
        "2027-03-21 18:00",
        "Europe/London",
        Some(("0 18 * * SUN", "2027-04-04")),
    );
    let sessions = occurrences(&s, now).unwrap();
    let london: Vec<String> = sessions
        .iter()
        .map(|t| said_when(*t, &s.zone).english())
        .collect();
    assert_eq!(
        london,
        [
            "Sun 21 Mar 2027, 18:00 Europe/London (18:00 UTC)",
            "Sun 28 Mar 2027, 18:00 Europe/London (17:00 UTC)",
            "Sun 4 Apr 2027, 18:00 Europe/London (17:00 UTC)",
        ]
    );
    assert_eq!(
        sessions[0],
        chrono::Utc.with_ymd_and_hms(2027, 3, 21, 18, 0, 0).unwrap()
    );
}

#[test]
fn on_the_autumn_change_a_repeated_time_is_one_session_and_a_skipped_one_moves_on() {
    let now = utc("2027-03-01T00:00:00Z");
    // 01:30 happens twice in London on 31 Oct 2027: one session, the earlier instant.
    let s = spec(
        "2027-10-31 01:30",
        "Europe/London",
        Some(("30 1 * * *", "2027-10-31")),
    );
    assert_eq!(occurrences(&s, now).unwrap(), [utc("2027-10-31T00:30:00Z")]);
    // 01:30 does not exist on 28 Mar 2027: the session is at 02:00 BST.
    let s = spec(
        "2027-03-28 01:30",
        "Europe/London",
        Some(("30 1 * * *", "2027-03-28")),
    );
    assert_eq!(occurrences(&s, now).unwrap(), [utc("2027-03-28T01:00:00Z")]);
}

#[test]
fn rules_that_never_fire_or_fire_too_often_and_bad_dates_are_refused_with_a_reason() {
    let now = utc("2027-01-01T00:00:00Z");
    let cases = [
        (
            spec(
                "2027-02-03 18:00",
                "UTC",
                Some(("0 18 31 2 *", "2027-12-31")),
            ),
            "never fires",
        ),
        (
            spec("2027-02-03 18:00", "UTC", Some(("* * * * *", "2027-02-10"))),
            "at most once a day",
        ),
        (
            spec(
                "2027-02-03 18:00",
                "UTC",
                Some(("0 18 * * *", "2027-02-01")),
            ),
            "before it starts",
        ),
        (
            spec(
                "2027-02-03 18:00",
                "UTC",
                Some(("0 18 * * *", "2027-12-31")),
            ),
            "more than 100",
        ),
        (spec("2026-12-03 18:00", "UTC", None), "in the past"),
    ];
    for (s, needle) in cases {
        let e = occurrences(&s, now).unwrap_err().english();
        assert!(e.contains(needle), "{e}");
    }
    let one = spec("2027-02-03 18:00", "UTC", None);
    assert_eq!(occurrences(&one, now).unwrap().len(), 1);
}

#[test]
fn a_day_field_with_a_star_step_combines_with_the_weekday_and_sunday_can_end_a_range() {
    // Odd days that are Mondays, as in cron: `*/2` counts as a star.
    let rule = Cron::parse("0 18 */2 * MON").unwrap();
    let odd_monday = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    let even_monday = NaiveDate::from_ymd_opt(2027, 2, 8).unwrap();
    let odd_tuesday = NaiveDate::from_ymd_opt(2027, 2, 9).unwrap();
    assert_eq!(rule.times_on(odd_monday).len(), 1);
    assert!(rule.times_on(even_monday).is_empty(), "an even day");
    assert!(rule.times_on(odd_tuesday).is_empty(), "not a Monday");
    // Both restricted: either.
    let either = Cron::parse("0 18 1 * MON").unwrap();
    assert_eq!(either.times_on(even_monday).len(), 1);
    assert_eq!(
        either
            .times_on(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap())
            .len(),
        1
    );
    let weekend = Cron::parse("0 10 * * FRI-SUN").unwrap();
    assert_eq!(
        weekend
            .times_on(NaiveDate::from_ymd_opt(2027, 2, 7).unwrap())
            .len(),
        1
    );
    assert!(
        Cron::parse("0 10 * * 1/4294967295").is_err(),
        "a step beyond the field"
    );
    assert!(create("title: X; start: 2027-02-03 18:00 UTC; length: 99999999h").is_err());
    assert!(
        create("title: X; start: 2027-02-03 18:00 UTC; repeat: 0 18 * * WED UNTIL 2027-03-01")
            .is_ok()
    );
    assert!(
        create("title: ; start: 2027-02-03 18:00 UTC")
            .unwrap_err()
            .contains("title")
    );
}

#[test]
fn an_event_at_the_ends_of_the_calendar_is_refused_not_a_panic() {
    for line in [
        "title: X; start: +262142-12-31 23:59 UTC-12",
        "title: X; start: -262143-01-01 00:00 UTC+14",
        "title: X; start: +262142-12-31 13:00 Pacific/Pago_Pago",
        "title: X; start: +262142-12-30 10:00 UTC; repeat: 0 18 * * * until +262142-12-31",
        "title: X; start: 0000-01-01 00:00 UTC",
        "title: X; start: +10000-01-01 00:00 UTC",
    ] {
        let message = create(line).unwrap_err();
        assert!(
            message.starts_with("start:") && message.contains("not a date"),
            "{line}: {message}"
        );
    }
    let spec = create("title: X; start: 9999-12-31 23:59 UTC-12").unwrap();
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    assert_eq!(occurrences(&spec, now).unwrap().len(), 1);
}

#[test]
fn rsvps_are_read_by_word_or_number() {
    assert_eq!(Rsvp::parse("Yes"), Some(Rsvp::Yes));
    assert_eq!(Rsvp::parse("3"), Some(Rsvp::Maybe));
    assert_eq!(Rsvp::parse("perhaps"), None);
}

#[test]
fn a_refused_request_is_said_in_the_writers_language_with_its_usage() {
    let es = crate::i18n::Locale::from_tag("es").unwrap();
    let no_title = parse_create("start: next Wednesday 18:00").unwrap_err();
    assert_eq!(
        no_title.ids(),
        vec!["event-create-no-title", "event-create-usage"]
    );
    assert!(
        no_title
            .english()
            .starts_with("Give the event a title. Usage: event create title: <title>;"),
        "{no_title}"
    );
    assert!(
        no_title
            .render(es)
            .starts_with("Ponle un título al evento. Uso: event create title: <título>;"),
        "{}",
        no_title.render(es)
    );
    let past =
        parse_create("title: X; start: 2027-01-20 18:00 UTC; repeat: every day until 2027-01-10")
            .and_then(|r| r.resolve(&reader()))
            .and_then(|s| occurrences(&s, utc("2027-01-11T09:00:00Z")))
            .unwrap_err();
    assert_eq!(
        past.english(),
        "The series would end (10 January 2027) before it starts (20 January 2027)."
    );
    assert_eq!(
        past.render(es),
        "La serie terminaría (10 de enero de 2027) antes de empezar (20 de enero de 2027)."
    );
}
