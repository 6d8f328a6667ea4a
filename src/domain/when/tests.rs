//! The date reader: every accepted form, the date order, time zones and repeats, and what
//! is refused.

use chrono::{NaiveDate, TimeZone as _, Utc};
use proptest::prelude::*;

use super::*;

/// Monday 11 January 2027, 09:00 UTC.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 11, 9, 0, 0).unwrap()
}

fn reader(order: Option<DateOrder>, zone: Option<&str>) -> Reader {
    Reader::new(now(), zone.map(|z| parse_time_zone(z).unwrap()), order)
}

fn dmy() -> Reader {
    reader(Some(DateOrder::DayMonthYear), Some("Europe/London"))
}

fn mdy() -> Reader {
    reader(Some(DateOrder::MonthDayYear), Some("America/New_York"))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn dates_are_read_in_every_form_people_write_them_in_any_case() {
    for (written, expected) in [
        ("2027-01-20", "2027-01-20"),
        ("2027/1/20", "2027-01-20"),
        ("20/01/2027", "2027-01-20"),
        ("20.01.2027", "2027-01-20"),
        ("20-01-2027", "2027-01-20"),
        ("20/1/27", "2027-01-20"),
        ("20/01", "2027-01-20"),
        ("20 January 2027", "2027-01-20"),
        ("20 JAN 2027", "2027-01-20"),
        ("January 20, 2027", "2027-01-20"),
        ("Jan 20th", "2027-01-20"),
        ("the 20th of January", "2027-01-20"),
        ("Wed 20 Jan 2027", "2027-01-20"),
        ("wednesday, 20/01/2027", "2027-01-20"),
        ("30 June", "2027-06-30"),
        // The next one: 5 January has passed this year.
        ("5 January", "2028-01-05"),
        ("29 Feb", "2028-02-29"),
        ("today", "2027-01-11"),
        ("TOMORROW", "2027-01-12"),
        ("in 3 days", "2027-01-14"),
        ("in 2 weeks", "2027-01-25"),
        ("in a week", "2027-01-18"),
        ("in a fortnight", "2027-01-25"),
        ("in 2 months", "2027-03-11"),
        ("Wednesday", "2027-01-13"),
        ("next Wednesday", "2027-01-13"),
        ("on Wed", "2027-01-13"),
        // Today is a Monday: "Monday" is the next one, "this Monday" today.
        ("monday", "2027-01-18"),
        ("next Monday", "2027-01-18"),
        ("this Monday", "2027-01-11"),
        ("Sept 3rd", "2027-09-03"),
    ] {
        assert_eq!(dmy().read_date(written), Ok(day(expected)), "{written}");
    }
}

#[test]
fn the_programme_date_order_settles_ambiguous_numbers_and_refuses_impossible_ones_by_name() {
    assert_eq!(dmy().read_date("03/04/2027"), Ok(day("2027-04-03")));
    assert_eq!(mdy().read_date("03/04/2027"), Ok(day("2027-03-04")));
    assert_eq!(mdy().read_date("01/20/2027"), Ok(day("2027-01-20")));
    // Year first and month names read the same in either order.
    assert_eq!(mdy().read_date("2027-04-03"), Ok(day("2027-04-03")));
    assert_eq!(mdy().read_date("3 April 2027"), Ok(day("2027-04-03")));
    assert_eq!(
        mdy().read_date("13/25/2027").unwrap_err().english(),
        "“13/25/2027” is not a date: dates here are written month/day/year, like 01/20/2028."
    );
    assert_eq!(
        dmy().read_date("01/20/2027").unwrap_err().english(),
        "“01/20/2027” is not a date: dates here are written day/month/year, like 20/01/2028."
    );
    // Programmes that disagree: only what cannot be misread.
    let either = reader(None, None);
    assert_eq!(either.read_date("20/01/2027"), Ok(day("2027-01-20")));
    assert_eq!(either.read_date("01/20/2027"), Ok(day("2027-01-20")));
    assert_eq!(either.read_date("05/05/2027"), Ok(day("2027-05-05")));
    assert_eq!(
        either.read_date("03/04/2027").unwrap_err().english(),
        "“03/04/2027” could be 3 April or 4 March: write the month as a word (3 April 2027) or the year first (2027-04-03)."
    );
}

#[test]
fn a_date_that_does_not_exist_or_cannot_be_read_gets_one_short_message_with_an_example() {
    for (written, expected) in [
        ("31/02/2027", "There is no 31 February 2027."),
        ("2027-02-30", "There is no 30 February 2027."),
        ("31 June", "There is no 31 June."),
        (
            "2027-13-01",
            "“2027-13-01” is not a date: there is no month 13.",
        ),
        (
            "0000-01-01",
            "“0000-01-01” is not a date: years run from 1 to 9999.",
        ),
        (
            "Thursday 20 January 2027",
            "20 January 2027 is a Wednesday, not a Thursday.",
        ),
        (
            "someday",
            "“someday” is not a date I can read: write a date like 20/01/2028, 20 January or next Wednesday.",
        ),
        (
            "tomorrow 9am",
            "Just the date is needed here, without a time: a date like 20/01/2028, 20 January or next Wednesday.",
        ),
        (
            "",
            "Give a date like 20/01/2028, 20 January or next Wednesday.",
        ),
        (
            "in 99999999 days",
            "“in 99999999 days” is not a date I can read: write a date like 20/01/2028, 20 January or next Wednesday.",
        ),
    ] {
        assert_eq!(
            dmy().read_date(written).unwrap_err().english(),
            expected,
            "{written}"
        );
    }
}

#[test]
fn times_are_read_as_people_write_them_with_the_date_before_or_after() {
    for (written, expected) in [
        ("2027-01-20 18:00", "2027-01-20 18:00"),
        ("2027-01-20T18:00", "2027-01-20 18:00"),
        ("20/01/2027 6pm", "2027-01-20 18:00"),
        ("next Wednesday 18:00", "2027-01-13 18:00"),
        ("next wednesday at 18.30", "2027-01-13 18:30"),
        ("tomorrow 9am", "2027-01-12 09:00"),
        ("tomorrow at 9.30am", "2027-01-12 09:30"),
        ("Tomorrow 9:30 P.M.", "2027-01-12 21:30"),
        ("6 pm on Friday", "2027-01-15 18:00"),
        ("noon tomorrow", "2027-01-12 12:00"),
        ("20 Jan at midnight", "2027-01-20 00:00"),
        ("12am tomorrow", "2027-01-12 00:00"),
        ("12pm tomorrow", "2027-01-12 12:00"),
    ] {
        let moment = dmy().read_moment(written).unwrap();
        assert_eq!(moment.local, at(expected), "{written}");
        assert_eq!(moment.zone.canonical(), "Europe/London", "{written}");
        assert!(!moment.zone_written, "{written}");
    }
}

#[test]
fn a_time_zone_after_the_time_wins_and_today_is_where_the_writer_is() {
    let m = dmy()
        .read_moment("2027-02-03 18:00 America/Sao_Paulo")
        .unwrap();
    assert_eq!(
        (m.local, m.zone.canonical(), m.zone_written),
        (at("2027-02-03 18:00"), "America/Sao_Paulo".into(), true)
    );
    let m = dmy().read_moment("2027-01-20T18:00Z").unwrap();
    assert_eq!(m.zone.canonical(), "UTC");
    let m = dmy().read_moment("tomorrow 9am sao paulo").unwrap();
    assert_eq!(m.local, at("2027-01-12 09:00"));
    // At 09:00 UTC on Monday it is still Sunday in Pago Pago (UTC-11).
    let m = dmy().read_moment("tomorrow 9am Pacific/Pago_Pago").unwrap();
    assert_eq!(m.local, at("2027-01-11 09:00"));
    let late = Reader::new(
        Utc.with_ymd_and_hms(2027, 1, 11, 23, 30, 0).unwrap(),
        parse_time_zone("Asia/Tokyo").ok(),
        None,
    );
    assert_eq!(late.today(), day("2027-01-12"));
    assert_eq!(late.read_date("tomorrow"), Ok(day("2027-01-13")));
}

#[test]
fn a_date_time_without_a_zone_or_a_time_is_refused_with_what_to_add() {
    let no_zone = reader(Some(DateOrder::DayMonthYear), None);
    assert_eq!(
        no_zone
            .read_moment("next Wednesday 18:00")
            .unwrap_err()
            .english(),
        "which time zone? Add it after the time, like next Wednesday 18:00 Europe/London (or set time_zone in the programme file)."
    );
    assert_eq!(
        dmy().read_moment("next Wednesday").unwrap_err().english(),
        "add the time too, like next Wednesday 18:00."
    );
    assert!(
        dmy()
            .read_moment("2027-02-03 18:00 Mars/Olympus")
            .unwrap_err()
            .english()
            .contains("I don't know the time zone “Mars/Olympus”")
    );
    assert_eq!(
        dmy().read_moment("tomorrow 25:00").unwrap_err().english(),
        "“tomorrow 25:00” has no time I can read: write it like 18:00, 6pm or 9.30am."
    );
    assert_eq!(
        dmy().read_moment("soon").unwrap_err().english(),
        "“soon” is not a date and time I can read: write a date and time like 20/01/2028 18:00, tomorrow 9am or next Wednesday 6pm."
    );
}

#[test]
fn a_date_phrase_ends_where_its_words_stop_making_a_date() {
    for (words, n) in [
        (&["30", "June", "spam"][..], 2),
        (&["30", "June", "2027", "repeated", "spam"], 3),
        (&["next", "friday", "because"], 2),
        (&["2027-06-30"], 1),
        (&["someday", "2027-06-30"], 0),
        (&["13/25/2027", "spam"], 1),
    ] {
        assert_eq!(phrase::date_words(words), n, "{words:?}");
    }
}

#[test]
fn a_programme_setting_decides_the_order_and_the_zone_and_disagreeing_programmes_decide_neither() {
    let mut a = crate::flows::testing::pathways();
    a.date_order = DateOrder::MonthDayYear;
    a.time_zone = Some("America/Chicago".into());
    let mut b = a.clone();
    b.slug = "other".into();
    let both = Reader::for_programmes(now(), [&a, &b]);
    assert_eq!(both.order, Some(DateOrder::MonthDayYear));
    assert_eq!(
        both.zone().map(|z| z.canonical()),
        Some("America/Chicago".into())
    );
    b.date_order = DateOrder::DayMonthYear;
    b.time_zone = None;
    let mixed = Reader::for_programmes(now(), [&a, &b]);
    assert_eq!((mixed.order, mixed.zone()), (None, None));
    assert_eq!(mixed.example_date(), "2028-01-20");
    let none = Reader::for_programmes(now(), []);
    assert_eq!(
        (none.order, none.zone()),
        (Some(DateOrder::DayMonthYear), None)
    );
    assert_eq!("month_day_year".parse(), Ok(DateOrder::MonthDayYear));
    assert!(
        "ymd"
            .parse::<DateOrder>()
            .unwrap_err()
            .contains("expected day_month_year")
    );
}

fn repeat(text: &str, start: &str) -> Result<RepeatWords, String> {
    repeat_words(text, at(start))
        .expect("a rule in words")
        .map_err(|e| e.english())
}

#[test]
fn repeats_in_words_become_the_cron_rule_with_their_cycle_and_end() {
    // 27 January 2027 is a Wednesday.
    for (written, cron, every, block) in [
        ("every Wednesday at 13:30", "30 13 * * WED", 1, 7),
        ("every wednesday", "30 13 * * WED", 1, 7),
        ("Every Monday and Thursday 6pm", "0 18 * * MON,THU", 1, 7),
        ("every mondays & fridays at 9am", "0 9 * * MON,FRI", 1, 7),
        ("every weekday 9am", "0 9 * * MON,TUE,WED,THU,FRI", 1, 7),
        ("weekdays at noon", "0 12 * * MON,TUE,WED,THU,FRI", 1, 7),
        ("every weekend 10:00", "0 10 * * SAT,SUN", 1, 7),
        ("every day 18:00", "0 18 * * *", 1, 1),
        ("daily", "30 13 * * *", 1, 1),
        ("every other day", "30 13 * * *", 2, 1),
        ("weekly", "30 13 * * WED", 1, 7),
        ("every week", "30 13 * * WED", 1, 7),
        ("every other week", "30 13 * * WED", 2, 7),
        ("fortnightly", "30 13 * * WED", 2, 7),
        ("every fortnight", "30 13 * * WED", 2, 7),
        ("every 3 weeks on Monday", "30 13 * * MON", 3, 7),
        ("every other Monday 18:00", "0 18 * * MON", 2, 7),
        ("monthly", "30 13 27 * *", 1, 1),
        ("every month at 6pm", "0 18 27 * *", 1, 1),
    ] {
        let r = repeat(&format!("{written} until 30 June"), "2027-01-27 13:30").unwrap();
        assert_eq!(
            (r.cron.as_str(), r.every, r.block_days),
            (cron, every, block),
            "{written}"
        );
        assert_eq!(r.until.as_deref(), Some("30 June"), "{written}");
        assert_eq!(r.written, written, "{written}");
    }
    assert_eq!(
        repeat("every Friday 6pm", "2027-01-27 13:30")
            .unwrap()
            .until,
        None
    );
    assert!(repeat_words("0 18 * * WED until 2027-06-30", at("2027-01-27 13:30")).is_none());
    for (written, needle) in [
        ("every until 30 June", "say how often"),
        ("every blue moon until 30 June", "say how often"),
        (
            "every Wednesday at teatime until 30 June",
            "“teatime” is not a time",
        ),
        (
            "every Wednesday 25:00 until 30 June",
            "“25:00” is not a time",
        ),
        (
            "every other weekday until 30 June",
            "not a rule I can follow",
        ),
        ("every 99 weeks until 30 June", "say how often"),
    ] {
        let e = repeat(written, "2027-01-27 13:30").unwrap_err();
        assert!(
            e.starts_with("repeat: ") && e.contains(needle),
            "{written}: {e}"
        );
    }
}

/// Each way of writing `date` that names it without a year or today.
fn written_forms(date: NaiveDate, order: DateOrder) -> Vec<String> {
    let numeric = |sep: &str| match order {
        DateOrder::DayMonthYear => date.format(&format!("%d{sep}%m{sep}%Y")).to_string(),
        DateOrder::MonthDayYear => date.format(&format!("%m{sep}%d{sep}%Y")).to_string(),
    };
    vec![
        date.format("%Y-%m-%d").to_string(),
        date.format("%Y/%-m/%-d").to_string(),
        numeric("/"),
        numeric("."),
        numeric("-"),
        date.format("%-d %B %Y").to_string(),
        date.format("%b %-d, %Y").to_string(),
        date.format("%A %-d %b %Y").to_string().to_uppercase(),
        date.format("%-d %B %Y").to_string().to_lowercase(),
    ]
}

#[test]
fn a_refused_date_is_said_in_the_writers_language_its_examples_as_typed() {
    let es = crate::i18n::Locale::from_tag("es").unwrap();
    let ar = crate::i18n::Locale::from_tag("ar").unwrap();
    let someday = dmy().read_date("someday").unwrap_err();
    assert_eq!(someday.ids(), vec!["date-unreadable", "date-hint"]);
    assert_eq!(
        someday.render(es),
        "«someday» no es una fecha que sepa leer: escribe una fecha como 20/01/2028, 20 January o next Wednesday."
    );
    assert!(
        someday.render(ar).contains("next Wednesday"),
        "{}",
        someday.render(ar)
    );
    assert_eq!(
        dmy()
            .read_date("Thursday 20 January 2027")
            .unwrap_err()
            .render(es),
        "El 20 de enero de 2027 es miércoles, no jueves."
    );
    assert_eq!(
        dmy().read_date("31 June").unwrap_err().render(es),
        "No existe el 31 de junio."
    );
    assert_eq!(
        mdy().read_date("13/25/2027").unwrap_err().render(es),
        "«13/25/2027» no es una fecha: aquí las fechas se escriben mes/día/año, como 01/20/2028."
    );
    let rule = repeat_words("every other weekday until 30 June", at("2027-01-27 13:30"))
        .unwrap()
        .unwrap_err();
    assert_eq!(rule.ids(), vec!["repeat-rule-unfollowable"]);
    assert!(
        rule.render(es)
            .starts_with("repeat: «every other weekday» no es una regla")
    );
}

proptest! {
    #![proptest_config(crate::properties::config(256))]

    #[test]
    fn a_date_written_in_any_accepted_form_reads_back_as_the_same_date(
        days in 0i64..3000,
        mdy_order in any::<bool>(),
    ) {
        let order = if mdy_order { DateOrder::MonthDayYear } else { DateOrder::DayMonthYear };
        let reader = Reader::new(now(), parse_time_zone("Europe/London").ok(), Some(order));
        let date = reader.today() + chrono::Duration::days(days);
        for form in written_forms(date, order) {
            prop_assert_eq!(reader.read_date(&form), Ok(date), "{}", form);
        }
        prop_assert_eq!(reader.read_date(&format!("in {days} days")), Ok(date));
        // Without a year: the next such date, which is this one within a year.
        if days < 365 {
            prop_assert_eq!(reader.read_date(&date.format("%-d %B").to_string()), Ok(date));
        }
        if (1..=7).contains(&days) {
            prop_assert_eq!(reader.read_date(&date.format("%A").to_string()), Ok(date));
        }
        let time = date.and_hms_opt(18, 30, 0).unwrap();
        for form in [
            format!("{} 18:30", date.format("%Y-%m-%d")),
            format!("{}T18:30", date.format("%Y-%m-%d")),
            format!("{} at 6.30pm", date.format("%-d %B %Y")),
        ] {
            prop_assert_eq!(reader.read_moment(&form).map(|m| m.local), Ok(time), "{}", form);
        }
    }
}
