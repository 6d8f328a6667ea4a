use chrono::TimeZone as _;

use super::*;
use crate::domain::timezone::parse_time_zone;

fn w(day: u8, start: &str, end: &str) -> Window {
    let m = |s: &str| {
        let (h, m) = s.split_once(':').unwrap();
        h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
    };
    Window {
        day,
        start: m(start),
        end: m(end),
    }
}

fn week(zone: &str, text: &str) -> Week {
    Week {
        zone: parse_time_zone(zone).unwrap(),
        windows: parse_availability(text).unwrap(),
    }
}

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

#[test]
fn days_then_hours_are_read_in_the_ways_people_write_them() {
    assert_eq!(
        parse_availability("mon wed 18-20, sat 10am-12pm").unwrap(),
        vec![
            w(0, "18:00", "20:00"),
            w(2, "18:00", "20:00"),
            w(5, "10:00", "12:00")
        ]
    );
    assert_eq!(
        parse_availability("Tuesdays and Thursdays 6-8pm").unwrap(),
        vec![w(1, "18:00", "20:00"), w(3, "18:00", "20:00")]
    );
    assert_eq!(
        parse_availability("weekdays 18:30–21:00; weekends 9am to noon")
            .unwrap()
            .len(),
        7
    );
    assert_eq!(
        parse_availability("mon-wed 7 pm - 9 pm").unwrap(),
        vec![
            w(0, "19:00", "21:00"),
            w(1, "19:00", "21:00"),
            w(2, "19:00", "21:00")
        ]
    );
    assert_eq!(
        parse_availability("every day 12-13").unwrap().len(),
        7,
        "every day is each of the seven"
    );
}

#[test]
fn an_end_without_am_or_pm_before_the_start_is_read_in_the_afternoon_when_it_can_be() {
    assert_eq!(
        parse_availability("mon 9-5").unwrap(),
        vec![w(0, "09:00", "17:00")]
    );
    assert_eq!(
        parse_availability("tue 10-2, wed 7pm-9").unwrap(),
        vec![w(1, "10:00", "14:00"), w(2, "19:00", "21:00")]
    );
}

#[test]
fn hours_without_days_take_the_days_before_them_and_overlaps_are_joined() {
    assert_eq!(
        parse_availability("fri 9-11 10-12 15-16").unwrap(),
        vec![w(4, "09:00", "12:00"), w(4, "15:00", "16:00")]
    );
}

#[test]
fn a_window_past_midnight_runs_into_the_next_day() {
    assert_eq!(
        parse_availability("sun 22-1").unwrap(),
        vec![w(0, "00:00", "01:00"), w(6, "22:00", "24:00")]
    );
    assert_eq!(
        parse_availability("fri 23-6am").unwrap(),
        vec![w(4, "23:00", "24:00"), w(5, "00:00", "06:00")]
    );
    assert_eq!(
        parse_availability("sat 20-24").unwrap(),
        vec![w(5, "20:00", "24:00")]
    );
}

#[test]
fn unreadable_availability_is_refused_with_an_example() {
    for bad in [
        "",
        "sometimes",
        "18-20",
        "mon",
        "mon 25-26",
        "mon 18-18",
        "mon 13pm-14pm",
        "mon 18:75-19",
    ] {
        let err = parse_availability(bad).unwrap_err().english();
        assert!(
            err.contains("availability mon wed 18-20") || err.contains("same time"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn too_many_windows_are_refused() {
    let many = (0..10)
        .map(|h| format!("{h}:00-{h}:30"))
        .collect::<Vec<_>>()
        .join(" ");
    let err = parse_availability(&format!("every day {many}"))
        .unwrap_err()
        .english();
    assert!(err.contains("at most 28"), "{err}");
}

#[test]
fn common_slots_are_in_both_zones_one_a_day_and_soonest_first() {
    // London 18–20 on weekdays, Lagos (an hour ahead in winter) 19–22 on weekdays:
    // both are free 18:00–20:00 London time.
    let a = week("Europe/London", "weekdays 18-20");
    let b = week("Africa/Lagos", "weekdays 19-22");
    let now = at(2027, 1, 11, 9, 0); // a Monday
    let slots = common_slots(&a, &b, now, 60, 5);
    assert_eq!(
        slots,
        vec![
            // Monday 18:00 is sooner than twelve hours' notice.
            at(2027, 1, 12, 18, 0),
            at(2027, 1, 13, 18, 0),
            at(2027, 1, 14, 18, 0),
            at(2027, 1, 15, 18, 0),
            at(2027, 1, 18, 18, 0),
        ]
    );
    assert_eq!(
        both_times(slots[0], 60, [("Amina", &a.zone), ("Ola", &b.zone)]).english(),
        "Tue 12 Jan, 18:00–19:00 for Amina (Europe/London) · Tue 12 Jan, 19:00–20:00 for Ola (Africa/Lagos)"
    );
    let same = both_times(slots[0], 60, [("Amina", &a.zone), ("Ola", &a.zone)]).english();
    assert_eq!(same, "Tue 12 Jan, 18:00–19:00 (Europe/London)");
}

#[test]
fn a_slot_is_never_sooner_than_the_notice_and_follows_daylight_saving() {
    let a = week("Europe/London", "sun 10-12");
    let b = week("UTC", "sun 9-12");
    // London moves to summer time on Sunday 28 March 2027: 10:00 local is 09:00 UTC.
    let now = at(2027, 3, 20, 9, 0);
    let slots = common_slots(&a, &b, now, 60, 5);
    assert_eq!(slots, vec![at(2027, 3, 21, 10, 0), at(2027, 3, 28, 9, 0)]);
    // Twelve hours' notice: asked at 23:00 on Saturday, Sunday 10:00 is too soon.
    let late = at(2027, 3, 20, 23, 0);
    assert_eq!(common_slots(&a, &b, late, 60, 5)[0], at(2027, 3, 21, 11, 0));
}

#[test]
fn a_zone_a_quarter_hour_off_utc_still_gets_times_on_its_hour_and_a_meeting_may_cross_midnight() {
    let a = week("Asia/Kathmandu", "mon 18-19");
    let b = week("Asia/Kathmandu", "mon 17-20");
    let now = at(2027, 1, 11, 0, 0);
    // 18:00 in Kathmandu (UTC+5:45) is 12:15 UTC.
    assert_eq!(
        common_slots(&a, &b, now, 60, 1),
        vec![at(2027, 1, 11, 12, 15)]
    );
    let late = week("UTC", "sun 23-24, mon 0-1");
    assert!(
        late.free(at(2027, 1, 10, 23, 30), 60),
        "Sunday 23:30 to Monday 00:30"
    );
    assert_eq!(overlap_per_week(&late, &late, now), 120);
}

#[test]
fn weeks_that_never_meet_or_only_briefly_say_so() {
    let a = week("Europe/London", "mon 9-10");
    let b = week("Asia/Tokyo", "mon 9-10");
    let now = at(2027, 1, 11, 0, 0);
    assert!(common_slots(&a, &b, now, 60, 5).is_empty());
    assert_eq!(overlap_per_week(&a, &b, now), 0);
    let c = week("Europe/London", "mon 9:30-11");
    assert!(common_slots(&a, &c, now, 60, 5).is_empty());
    assert_eq!(overlap_per_week(&a, &c, now), 30);
}

#[test]
fn a_meeting_length_is_read_in_the_ways_people_say_it() {
    for (text, minutes) in [
        ("45", 45),
        ("45m", 45),
        ("45 min", 45),
        ("90 minutes", 90),
        ("1h", 60),
        ("1 hour", 60),
        ("an hour", 60),
        ("half an hour", 30),
        ("1.5h", 90),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1:30", 90),
        ("2 hours", 120),
        ("about an hour", 60),
    ] {
        assert_eq!(parse_met(text), Ok(Met::Minutes(minutes)), "{text}");
    }
    assert_eq!(parse_met("no"), Ok(Met::No));
    assert_eq!(parse_met("we didn't"), Ok(Met::No));
    for bad in ["", "lots", "1h70", "2", "25h", "nan h", "-1h", "9999"] {
        assert!(parse_met(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_calendar_file_is_valid_icalendar_with_escaped_and_folded_text() {
    let text = ics(
        "tandem-M7-20270111T1800Z@tandem",
        at(2027, 1, 11, 18, 0),
        60,
        "Mentoring: Amina & Ola",
        "Booked in your pair room; notes, commas; and a line\nbreak — with a long tail of words that goes past the seventy-five octet limit",
        at(2027, 1, 11, 9, 0),
    );
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert!(text.contains("DTSTART:20270111T180000Z\r\n"));
    assert!(text.contains("DTEND:20270111T190000Z\r\n"));
    assert!(text.contains("DTSTAMP:20270111T090000Z\r\n"));
    assert!(text.contains("notes\\, commas\\; and a line\\nbreak"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
}

#[test]
fn hours_read_as_coordinators_write_them() {
    assert_eq!(hours(45), "45m");
    assert_eq!(hours(120), "2h");
    assert_eq!(hours(90), "1h 30m");
}

#[test]
fn days_are_read_in_spanish_and_arabic_too_and_said_in_the_readers_language() {
    let spanish = parse_availability("lun y mié 18-20, sábados 10-12").unwrap();
    let english = parse_availability("mon wed 18-20, sat 10-12").unwrap();
    assert_eq!(spanish, english);
    assert_eq!(
        parse_availability("الأحد 9-11").unwrap(),
        parse_availability("sun 9-11").unwrap()
    );
    let es = crate::i18n::Locale::from_tag("es").unwrap();
    assert_eq!(
        describe(&english).render(es),
        "lun 18:00–20:00, mié 18:00–20:00, sáb 10:00–12:00"
    );
}

#[test]
fn a_pairs_meetings_against_the_commitment_are_said_in_the_readers_language() {
    let es = crate::i18n::Locale::from_tag("es").unwrap();
    assert_eq!(said_hours(90).english(), hours(90));
    assert_eq!(said_hours(45).english(), hours(45));
    assert_eq!(said_hours(120).english(), hours(120));
    assert_eq!(said_hours(90).render(es), "1 h 30 min");
    assert_eq!(commitment_line(0, 0, None).english(), "none logged yet");
    assert_eq!(
        commitment_line(0, 0, Some(120)).english(),
        "none logged yet (the programme asks 2h a month)"
    );
    assert_eq!(
        commitment_line(50, 1, Some(120)).english(),
        "1 meeting logged; 50m in the last 30 days (the programme asks 2h a month: 1h 10m short)"
    );
    assert_eq!(
        commitment_line(120, 2, Some(120)).english(),
        "2 meetings logged; 2h in the last 30 days (the programme asks 2h a month: on track)"
    );
    assert_eq!(
        commitment_line(80, 2, None).english(),
        "2 meetings logged; 1h 20m in the last 30 days"
    );
    assert_eq!(
        commitment_line(50, 1, Some(120)).render(es),
        "1 reunión registrada; 50 min en los últimos 30 días (el programa pide 2 h al mes: faltan 1 h 10 min)"
    );
}
