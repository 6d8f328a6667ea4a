//! The pure domain's parsers: answers of every question kind, time zones, dates and
//! screening updates, survey audiences, events and cron rules, schedule offsets, the text
//! helpers, and the evidence file cleaners.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use super::strategies::{
    FRAGMENTS, cron_text, date_text, event_create_text, long_text, number_text, text, zone_text,
};
use crate::domain::answer::{AnswerInput, parse_answer};
use crate::domain::events::{Cron, Rsvp, occurrences, parse_create};
use crate::domain::language::{LANGUAGES, language_code, language_name};
use crate::domain::matches::NextStep;
use crate::domain::schedule::{MilestoneKind, Offset};
use crate::domain::screening::{StepKind, StepState, parse_step_update};
use crate::domain::survey::Audience;
use crate::domain::text::{char_len, clean, closest, edit_distance, file_size, preview, thousands};
use crate::domain::timezone::{TimeZone, parse_time_zone};
use crate::domain::when::{DateOrder, Reader};
use crate::domain::{Answer, Choice, Question, QuestionKind};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).expect("a valid instant")
}

/// Labels of choices: ordinary, near-duplicates, and hostile.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "Technology",
            "Health care",
            "Retail and hospitality",
            "Public sector",
            "Tech",
            "1",
            "2",
            "Yes",
            "No",
            "I agree",
            "Straße",
            "İstanbul",
            "日本",
            "العربية",
            "a and b",
        ])
        .prop_map(str::to_string),
        text(),
    ]
}

fn choices() -> impl Strategy<Value = Vec<Choice>> {
    proptest::collection::vec(label(), 1..10).prop_map(|labels| {
        let mut out: Vec<Choice> = Vec::new();
        for l in labels {
            let c = Choice::from_label(&l);
            if !out.iter().any(|o| o.value == c.value) {
                out.push(c);
            }
        }
        out
    })
}

fn bound() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-100i32..200).prop_map(f64::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(0.0),
        Just(-0.0),
    ]
}

/// Every question kind, with limits from ordinary to extreme.
fn question_kind() -> impl Strategy<Value = QuestionKind> {
    prop_oneof![
        prop_oneof![0usize..300, Just(usize::MAX)]
            .prop_map(|max_length| QuestionKind::ShortText { max_length }),
        (0usize..60, prop_oneof![0usize..3000, Just(usize::MAX)]).prop_map(
            |(min_length, max_length)| QuestionKind::LongText {
                min_length,
                max_length,
            }
        ),
        choices().prop_map(|choices| QuestionKind::SingleChoice { choices }),
        (choices(), 0usize..5, 0usize..6).prop_map(|(choices, min, extra)| {
            QuestionKind::MultiChoice {
                choices,
                min,
                max: min + extra,
            }
        }),
        (bound(), bound(), any::<bool>()).prop_map(|(a, b, decimals)| QuestionKind::Number {
            min: a.min(b),
            max: a.max(b),
            decimals,
        }),
        Just(QuestionKind::YesNo),
        Just(QuestionKind::TimeZone),
        (0usize..4, 0usize..4).prop_map(|(min, extra)| QuestionKind::Languages {
            min,
            max: min + extra,
        }),
        text().prop_map(|statement| QuestionKind::Consent { statement }),
        proptest::collection::vec(label(), 1..12).prop_map(|labels| QuestionKind::Scale { labels }),
        Just(QuestionKind::Nps),
    ]
}

/// What a person sends to a question: typed text, or values picked from a prompt (real
/// ones, and forged ones a client could send).
fn input_for(kind: &QuestionKind) -> BoxedStrategy<(bool, String, Vec<String>)> {
    let known: Vec<String> = crate::domain::answer::prompt_choices(kind)
        .into_iter()
        .flat_map(|c| [c.value, c.label])
        .chain(["yes", "no", "1", "2", "10", "0", "English", "sw"].map(String::from))
        .collect();
    let picked = prop_oneof![
        proptest::sample::select(known.clone()),
        text(),
        number_text()
    ];
    let typed = prop_oneof![
        3 => long_text(4000),
        2 => number_text(),
        2 => proptest::collection::vec(
            prop_oneof![proptest::sample::select(known), text()],
            0..6
        )
        .prop_map(|parts| parts.join(", ")),
    ];
    (
        any::<bool>(),
        typed,
        proptest::collection::vec(picked, 0..5),
    )
        .boxed()
}

fn kind_and_input() -> impl Strategy<Value = (QuestionKind, (bool, String, Vec<String>))> {
    question_kind().prop_flat_map(|kind| {
        let input = input_for(&kind);
        (Just(kind), input)
    })
}

fn step_kind() -> impl Strategy<Value = StepKind> {
    prop_oneof![
        Just(StepKind::Interview),
        Just(StepKind::BackgroundCheck),
        text().prop_map(|text| StepKind::Acknowledgement {
            text,
            resource: None
        }),
        Just(StepKind::Task),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (2000i32..2100, 1u32..366)
            .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or(NaiveDate::MIN)),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

proptest! {
    #![proptest_config(super::config(256))]

    #[test]
    fn an_answer_to_any_question_is_parsed_or_refused_and_fits_its_question(
        (kind, (typed, text, picked)) in kind_and_input()
    ) {
        let q = Question::of_kind(kind.clone());
        let input = if typed {
            AnswerInput::Text(&text)
        } else {
            AnswerInput::Picked(&picked)
        };
        let result = parse_answer(&q, &input, now());
        let _ = crate::domain::answer::expectation(&kind);
        let Ok(answer) = result else {
            prop_assert!(!result.unwrap_err().0.english().is_empty());
            return Ok(());
        };
        let _ = answer.display(&q);
        let _ = answer.values();
        match (&kind, &answer) {
            (QuestionKind::ShortText { max_length }, Answer::Text(t)) => {
                prop_assert!(char_len(t) >= 1 && char_len(t) <= *max_length);
                prop_assert_eq!(&clean(t, false), t);
            }
            (QuestionKind::LongText { min_length, max_length }, Answer::Text(t)) => {
                prop_assert!(char_len(t) >= (*min_length).max(1) && char_len(t) <= *max_length);
            }
            (QuestionKind::SingleChoice { choices }, Answer::Choice(v)) => {
                prop_assert!(choices.iter().any(|c| &c.value == v));
            }
            (QuestionKind::MultiChoice { choices, min, max }, Answer::Choices(vs)) => {
                prop_assert!(vs.len() >= *min && vs.len() <= *max);
                prop_assert!(vs.iter().all(|v| choices.iter().any(|c| &c.value == v)));
                prop_assert!(vs.iter().enumerate().all(|(i, v)| !vs[..i].contains(v)));
            }
            (QuestionKind::Number { min, max, decimals }, Answer::Number(n)) => {
                prop_assert!(n.is_finite() && *n >= *min && *n <= *max);
                prop_assert!(*decimals || n.fract() == 0.0);
            }
            (QuestionKind::Scale { labels }, Answer::Number(n)) => {
                prop_assert!(n.fract() == 0.0 && *n >= 1.0 && *n <= labels.len() as f64);
            }
            (QuestionKind::Nps, Answer::Number(n)) => {
                prop_assert!(n.fract() == 0.0 && (0.0..=10.0).contains(n));
            }
            (QuestionKind::YesNo, Answer::YesNo(_)) => {}
            (QuestionKind::TimeZone, Answer::TimeZone(s)) => {
                prop_assert_eq!(parse_time_zone(s).map(|z| z.canonical()), Ok(s.clone()));
            }
            (QuestionKind::Languages { min, max }, Answer::Languages(codes)) => {
                prop_assert!(codes.len() >= *min && codes.len() <= *max);
                prop_assert!(codes.iter().all(|c| LANGUAGES.iter().any(|(k, _, _)| k == c)));
                prop_assert!(codes.iter().enumerate().all(|(i, c)| !codes[..i].contains(c)));
            }
            (QuestionKind::Consent { .. }, Answer::Consent { accepted_at }) => {
                prop_assert_eq!(*accepted_at, now());
            }
            (kind, answer) => prop_assert!(false, "{answer:?} answers a {}", kind.name()),
        }
    }

    #[test]
    fn a_time_zone_is_parsed_or_refused_and_its_canonical_name_parses_back(
        s in prop_oneof![
            zone_text(),
            (
                proptest::sample::select(vec!["+", "-", "−", "UTC+", "UTC-", "GMT+", "utc", "Gmt"]),
                text(),
            )
                .prop_map(|(sign, rest)| format!("{sign}{rest}")),
            long_text(500),
        ]
    ) {
        match parse_time_zone(&s) {
            Ok(zone) => {
                if let TimeZone::Offset(m) = zone {
                    prop_assert!((-12 * 60..=14 * 60).contains(&m));
                }
                prop_assert_eq!(parse_time_zone(&zone.canonical()), Ok(zone));
            }
            Err(message) => prop_assert!(!message.english().is_empty()),
        }
    }

    #[test]
    fn a_screening_update_is_parsed_or_refused_and_its_dates_are_checked(
        kind in step_kind(),
        words in proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    "pending", "scheduled", "done", "cleared", "failed", "until", "on", "for",
                    "DONE", "Cleared",
                ])
                .prop_map(str::to_string),
                date_text(),
                text(),
            ],
            0..5
        ),
        today in any_date(),
    ) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let dates = Reader::new(
            today.and_hms_opt(12, 0, 0).expect("noon").and_utc(),
            None,
            Some(DateOrder::DayMonthYear),
        );
        match parse_step_update(&kind, &words, &dates) {
            Ok(StepState::Scheduled { on }) => prop_assert!(on >= today),
            Ok(StepState::Cleared { expires }) => prop_assert!(expires > today),
            Ok(state) => {
                let _ = state.said().english();
                let _ = state.complete(today);
            }
            Err(message) => prop_assert!(!message.english().is_empty()),
        }
    }

    #[test]
    fn a_date_is_read_or_refused_in_any_order_and_reads_back_the_same(
        s in date_text(),
        today in any_date(),
        order in proptest::sample::select(vec![
            Some(DateOrder::DayMonthYear),
            Some(DateOrder::MonthDayYear),
            None,
        ]),
    ) {
        let reader = Reader::new(today.and_hms_opt(12, 0, 0).expect("noon").and_utc(), None, order);
        match reader.read_date(&s) {
            Ok(d) => prop_assert_eq!(reader.read_date(&d.format("%Y-%m-%d").to_string()), Ok(d)),
            Err(message) => prop_assert!(!message.english().is_empty()),
        }
        let _ = reader.read_moment(&s);
    }

    #[test]
    fn a_survey_audience_is_parsed_or_refused(
        s in prop_oneof![
            text(),
            (any::<bool>(), -5i32..2200, 0u32..14)
                .prop_map(|(c, y, m)| format!("{}{y}-{m:02}", if c { "cohort " } else { "" })),
        ]
    ) {
        match Audience::parse(&s) {
            Ok(Audience::Cohort { year, month }) => {
                prop_assert!((2000..=2100).contains(&year) && (1..=12).contains(&month));
            }
            Ok(a) => {
                let _ = a.describe();
                prop_assert!(!a.said().english().is_empty());
            }
            Err(message) => prop_assert!(!message.english().is_empty()),
        }
    }

    #[test]
    fn a_cron_rule_is_parsed_or_refused_and_its_text_parses_back(
        s in cron_text(),
        date in any_date(),
    ) {
        match Cron::parse(&s) {
            Ok(rule) => {
                prop_assert_eq!(Cron::parse(&rule.text), Ok(rule.clone()));
                let times = rule.times_on(date);
                prop_assert!(times.windows(2).all(|w| w[0] < w[1]));
            }
            Err(message) => prop_assert!(!message.english().is_empty()),
        }
    }

    #[test]
    fn an_rsvp_is_read_or_not_and_reads_back(s in text()) {
        if let Some(r) = Rsvp::parse(&s) {
            prop_assert_eq!(Rsvp::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn a_schedule_offset_is_parsed_or_refused_and_reads_back(
        s in prop_oneof![
            (number_text(), proptest::sample::select(vec!["d", "w", "m", "h", "", "é", "ß", "日"]))
                .prop_map(|(n, u)| format!("{n}{u}")),
            text(),
        ],
        date in any_date(),
        times in any::<u32>(),
    ) {
        match Offset::parse(&s) {
            Ok(offset) => {
                let (n, unit) = match offset {
                    Offset::Days(n) => (n, "d"),
                    Offset::Weeks(n) => (n, "w"),
                    Offset::Months(n) => (n, "m"),
                };
                prop_assert!(n <= 1200);
                prop_assert_eq!(Offset::parse(&format!("{n}{unit}")), Ok(offset));
                let _ = offset.after(date, times);
            }
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn milestone_kinds_and_next_steps_are_read_only_by_their_names(s in text()) {
        if MilestoneKind::parse(&s).is_some() {
            prop_assert!(MilestoneKind::NAMES.contains(&s.as_str()));
        }
        if let Some(step) = NextStep::parse(&s) {
            prop_assert_eq!(step.as_str(), s.as_str());
        }
    }

    #[test]
    fn cleaned_text_has_no_control_characters_and_cleans_to_itself(
        s in long_text(3000),
        multiline in any::<bool>(),
    ) {
        let c = clean(&s, multiline);
        prop_assert!(c.chars().all(|ch| !ch.is_control() || (multiline && ch == '\n')));
        prop_assert_eq!(clean(&c, multiline), c);
    }

    #[test]
    fn a_preview_is_never_longer_than_asked(s in long_text(500), max in 1usize..80) {
        prop_assert!(char_len(&preview(&s, max)) <= max);
    }

    #[test]
    fn numbers_and_sizes_are_written_for_people_without_a_panic(n in any::<u64>()) {
        let grouped = thousands(n as usize);
        prop_assert_eq!(grouped.replace(',', ""), (n as usize).to_string());
        prop_assert!(!file_size(n).is_empty());
    }

    #[test]
    fn edit_distance_is_a_distance_and_closest_picks_a_candidate(a in text(), b in text()) {
        let d = edit_distance(&a, &b);
        prop_assert_eq!(d, edit_distance(&b, &a));
        prop_assert_eq!(d == 0, a.chars().eq(b.chars()));
        prop_assert!(d <= char_len(&a).max(char_len(&b)));
        let candidates = crate::flows::command::COMMAND_WORDS;
        if let Some(c) = closest(&a, candidates) {
            prop_assert!(candidates.contains(&c));
        }
    }

    #[test]
    fn a_language_is_found_or_not_and_its_code_finds_it_again(
        s in prop_oneof![
            proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
            text(),
        ]
    ) {
        if let Some(code) = language_code(&s) {
            prop_assert_eq!(language_code(code), Some(code));
            prop_assert_ne!(language_name(code), code);
        }
    }

    #[test]
    fn evidence_files_are_typed_and_cleaned_or_refused_without_a_panic(
        head in proptest::sample::select(vec![
            &[0xFF, 0xD8, 0xFF][..],
            &[0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02][..],
            &[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02][..],
            &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
            &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF][..],
            b"GIF89a",
            // Past the screen descriptor, so the body is read as blocks.
            b"GIF89a\x01\0\x01\0\0\0\0",
            b"%PDF-",
            b"RIFF\0\0\0\0WEBP",
            // A RIFF size the body can reach, so its chunks are read.
            b"RIFF\x40\0\0\0WEBPVP8X\x0a\0\0\0\x0c",
            b"",
        ]),
        body in proptest::collection::vec(
            prop_oneof![
                any::<u8>(),
                Just(0xFF),
                Just(0x00),
                Just(0xD9),
                Just(0xDA),
                // GIF blocks: extension, image, trailer.
                Just(0x21),
                Just(0x2C),
                Just(0x3B),
            ],
            0..300
        ),
        declared in prop_oneof![
            Just(None),
            text().prop_map(Some),
            Just(Some("image/png; charset=x".to_string())),
        ],
    ) {
        let mut data = head.to_vec();
        data.extend(body);
        let mime = crate::domain::evidence::media_type(declared.as_deref(), &data);
        prop_assert!(mime.contains('/') && mime.is_ascii() && mime.len() <= 100);
        if let Ok(clean) = crate::domain::evidence::without_metadata(&mime, data.clone()) {
            prop_assert!(clean.len() <= data.len() + 2);
        }
        let _ = crate::domain::incident::extension(&mime);
    }
}

proptest! {
    // Cheap, and the ends of the calendar need a date, a time and a zone to line up.
    #![proptest_config(super::config(1024))]

    #[test]
    fn an_event_line_is_parsed_or_refused_and_its_sessions_are_worked_out_without_a_panic(
        s in prop_oneof![3 => event_create_text(), 1 => long_text(2000)]
    ) {
        let reader = Reader::new(now(), parse_time_zone("Europe/London").ok(), Some(DateOrder::DayMonthYear));
        let Ok(spec) = parse_create(&s).and_then(|r| r.resolve(&reader)) else {
            return Ok(());
        };
        prop_assert!(!spec.title.is_empty() && char_len(&spec.title) <= 100);
        prop_assert!((5..=24 * 60).contains(&spec.duration_minutes));
        prop_assert!(spec.capacity.is_none_or(|c| (1..=10_000).contains(&c)));
        if let Ok(sessions) = occurrences(&spec, now()) {
            prop_assert!(!sessions.is_empty());
            prop_assert!(sessions.len() <= crate::domain::events::MAX_SESSIONS);
            for at in sessions {
                prop_assert!(at > now());
                for l in crate::i18n::Locale::all() {
                    let _ = crate::domain::events::said_when(at, &spec.zone).render(l);
                }
            }
        }
    }
}

/// The answer property generates every question kind: this match stops compiling when a
/// kind is added, as a reminder to add it to [`question_kind`] too.
#[test]
fn every_kind_of_question_is_covered() {
    let kind = QuestionKind::Nps;
    match kind {
        QuestionKind::ShortText { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::SingleChoice { .. }
        | QuestionKind::MultiChoice { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::YesNo
        | QuestionKind::TimeZone
        | QuestionKind::Languages { .. }
        | QuestionKind::Consent { .. }
        | QuestionKind::Scale { .. }
        | QuestionKind::Nps => {}
    }
}
