//! Hostile text, and text shaped like the bot's commands with hostile parts.

use proptest::prelude::*;

/// Characters that have broken text handling somewhere: replacement, bidi and zero-width
/// marks, combining marks, letters whose case mapping changes length, non-ASCII digits and
/// signs, unusual spaces and line breaks, controls, emoji parts, private use, the last
/// scalar values.
pub const SPECIAL_CHARS: &[char] = &[
    '\u{FFFD}',
    '\u{200F}',
    '\u{200E}',
    '\u{202E}',
    '\u{202D}',
    '\u{2066}',
    '\u{200B}',
    '\u{FEFF}',
    '\u{200D}',
    '\u{200C}',
    '\u{0301}',
    '\u{0308}',
    '\u{20DD}',
    'ß',
    'ẞ',
    'İ',
    'ı',
    'ﬀ',
    'ﬃ',
    'ŉ',
    'ǅ',
    'ΐ',
    'Σ',
    'ς',
    'Ⱥ',
    'ȿ',
    '٣',
    '١',
    '۵',
    '߃',
    '१',
    '１',
    '２',
    '０',
    '½',
    '²',
    'Ⅻ',
    '−',
    '－',
    '＋',
    '：',
    '；',
    '，',
    '／',
    '＃',
    '　',
    '\u{00A0}',
    '\u{2028}',
    '\u{2029}',
    '\u{0085}',
    '\u{000B}',
    '\u{000C}',
    '\0',
    '\u{7}',
    '\u{1b}',
    '\u{7f}',
    '\t',
    '\n',
    '\r',
    ' ',
    '👩',
    '💻',
    '🏽',
    '🇬',
    '🇧',
    '€',
    '中',
    'ع',
    'א',
    'ॐ',
    '\u{E000}',
    '\u{FFFF}',
    '\u{10FFFF}',
    '\u{1F600}',
    'é',
    'Ç',
];

/// Words and numbers the parsers give meaning to, and the hostile versions of them.
pub const FRAGMENTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "12",
    "-1",
    "-0",
    "+0",
    "00",
    "007",
    "1.5",
    ".5",
    "5.",
    "1e3",
    "1e400",
    "-1e400",
    "NaN",
    "inf",
    "-inf",
    "0x10",
    "1_000",
    "1,000",
    "99999999999999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551616",
    "4294967295",
    "4294967296",
    "2147483648",
    "٣",
    "١٢",
    "１２",
    "#",
    "#1",
    "#0",
    "#-1",
    "##",
    "+",
    "-",
    "−",
    ":",
    ";",
    ",",
    ".",
    "/",
    "*",
    "*/0",
    "*/2",
    "1-5",
    "5-1",
    "0-7",
    "fri-sun",
    "MON",
    "jan-mar",
    "?",
    "!",
    "@",
    "\"",
    "'",
    "\\",
    "=",
    "[",
    "]",
    "{",
    "}",
    "until",
    "UTC",
    "GMT",
    "Z",
    "UTC+2",
    "UTC-03:30",
    "+1é1",
    "+ß",
    "+0545",
    "+14:00",
    "-12",
    "+99",
    "UTC+",
    "Europe/London",
    "europe/berlin",
    "Nairobi",
    "sao paulo",
    "2027-02-03",
    "2027/02/03",
    "03.02.2027",
    "2027-02-30",
    "2027-13-01",
    "0000-01-01",
    "+262142-12-31",
    "-262143-01-01",
    "9999-12-31",
    "262143-12-31",
    "+262143-12-31",
    "-262144-01-01",
    "+10000-01-01",
    "2027-01",
    "18:00",
    "24:00",
    "23:59",
    "90m",
    "2h",
    "1h30",
    "0m",
    "25h",
    "2w",
    "3d",
    "6m",
    "1200m",
    "0d",
    "yes",
    "no",
    "maybe",
    "y",
    "n",
    "going",
    "skip",
    "back",
    "cancel",
    "confirm",
    "later",
    "keep",
    "review",
    "submit",
    "edit",
    "I agree",
    "agree",
    "true",
    "false",
    "mentor",
    "mentee",
    "mentors",
    "all",
    "matched",
    "cohort",
    "and",
    " and ",
    "to",
    "from",
    "disciplinary",
    "English",
    "Kiswahili",
    "sw",
    "العربية",
    "Technology",
    "tech",
    "Health care",
    "report message ",
    "https://discord.com/channels/1/2/3",
    "https://matrix.to/#/!r:x/$e",
    "matrix:@a:b",
    "console:carol",
    "discord:",
    "console: x",
    ":",
    "@",
    "d",
    "w",
    "m",
    "h",
    "min",
    "e\u{301}",
    "👩\u{200D}💻",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇬🇧",
    "👍🏽",
    "\u{202E}evil",
    "\u{FEFF}help",
    "help\u{200B}",
    "ß",
    "İ",
    "ﬀ",
    "Σς",
    "\r\n",
    "\n\n",
    "   ",
    "\t",
];

/// One character: anything, or one of [`SPECIAL_CHARS`].
pub fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        2 => any::<char>(),
        3 => proptest::sample::select(SPECIAL_CHARS),
        1 => proptest::char::range('\u{20}', '\u{7e}'),
    ]
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any_char().prop_map(String::from),
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => Just(" ".to_string()),
        1 => "[a-zA-Z0-9]{1,12}",
    ]
}

/// Short hostile text: up to a dozen characters, words and fragments, joined.
pub fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..12).prop_map(|p| p.concat())
}

/// Hostile text of up to `max` characters, often long: a short text repeated.
pub fn long_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text(),
        1 => (text(), 1..max.max(2)).prop_map(move |(t, n)| {
            let t = if t.is_empty() { "x".to_string() } else { t };
            t.chars().cycle().take(n.min(max)).collect()
        }),
    ]
}

/// A number as people might type it: ordinary, extreme, or in another script.
pub fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| n.to_string()),
        (0u32..100).prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:e}")),
        proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        text(),
    ]
}

/// Randomly upper-cases ASCII letters of `s` (commands are read in any case).
pub fn mangle_case(s: &str, bits: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if bits >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// The words that start the bot's commands, in DMs and rooms.
pub const VERBS: &[&str] = &[
    "help",
    "apply",
    "apply demo mentee",
    "apply pathways-2027 as mentor",
    "status",
    "cancel",
    "back",
    "skip",
    "review",
    "submit",
    "keep",
    "edit",
    "withdraw",
    "report",
    "pause",
    "pause until",
    "resume",
    "hi",
    "cases",
    "case",
    "case show",
    "case claim",
    "case note",
    "case ask",
    "case resolve",
    "case reopen",
    "case log",
    "case reveal",
    "case evidence",
    "case escalate",
    "events",
    "event",
    "event create",
    "event show",
    "event cancel",
    "rsvp",
    "freeze pair",
    "unfreeze pair",
    "suspend",
    "unsuspend",
    "remove",
    "confirm",
    "close match",
    "end match",
    "close my match",
    "end my match",
    "transcript",
    "message",
    "queue",
    "show",
    "approve",
    "reject",
    "ask",
    "waitlist",
    "step",
    "screening summary",
    "match",
    "match preview",
    "match propose",
    "match approve",
    "match approve all",
    "match reject",
    "match rematch",
    "match swap",
    "match exclude",
    "survey",
    "surveys",
    "survey send",
    "survey results",
    "export",
    "export applications",
    "export matches json",
    "my data",
    "delete my data",
    "forget me",
    "later",
    "report message",
];

/// A command word, then hostile words, numbers and fragments.
pub fn command() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(VERBS),
        any::<u64>(),
        proptest::collection::vec(prop_oneof![number_text(), text()], 0..5),
        prop_oneof![
            Just(" "),
            Just("  "),
            Just("\t"),
            Just("\u{3000}"),
            Just("")
        ],
    )
        .prop_map(|(verb, bits, args, sep)| {
            let mut s = mangle_case(verb, bits);
            for a in args {
                s.push_str(sep);
                s.push_str(&a);
            }
            s
        })
}

/// What a person might send: a command, a number, plain or long hostile text.
pub fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => command(),
        2 => number_text(),
        3 => text(),
        1 => long_text(3000),
    ]
}

/// A date as typed, from ordinary to impossible.
pub fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1900i32..2200, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (any::<i32>(), 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (-262_145i32..-262_100, 1u32..13, 1u32..32)
            .prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (262_100i32..262_145, 1u32..13, 1u32..32)
            .prop_map(|(y, m, d)| format!("+{y}-{m:02}-{d:02}")),
        edge_date(),
        natural_date(),
        proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        text(),
    ]
}

/// A date as people write it, from plain to impossible.
pub fn natural_date() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            0u32..33,
            0u32..14,
            1990i32..2110,
            proptest::sample::select(vec!["/", ".", "-"])
        )
            .prop_map(|(a, b, y, sep)| format!("{a:02}{sep}{b:02}{sep}{y}")),
        (0u32..40, 0u32..40).prop_map(|(a, b)| format!("{a}/{b}")),
        proptest::sample::select(vec![
            "today",
            "Tomorrow",
            "next Wednesday",
            "this fri",
            "in 3 days",
            "in 2 weeks",
            "in 9999 months",
            "in a fortnight",
            "30 June",
            "31 June",
            "29 Feb",
            "Jan 20th",
            "20 January 2027",
            "Wed 20 January 2027",
            "Thursday 20/01/2027",
            "13/25/2027",
            "03/04/2027",
            "20/01/27",
            "the 1st of March",
            "tomorrow 9am",
            "next Wednesday 18:00",
            "2027-01-20T18:00Z",
            "6pm on Friday",
            "noon",
            "25:00",
        ])
        .prop_map(str::to_string),
    ]
}

/// The first and last days of the calendar, and of four-digit years.
pub fn edge_date() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "+262142-12-31",
        "-262143-01-01",
        "+262142-12-30",
        "9999-12-31",
        "0001-01-01",
        "0000-01-01",
    ])
    .prop_map(str::to_string)
}

/// A time of day as typed.
pub fn time_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u32..25, 0u32..61).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        1 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => text(),
    ]
}

/// A time zone as typed.
pub fn zone_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => proptest::sample::select(vec![
            "UTC",
            "Europe/London",
            "America/Sao_Paulo",
            "Pacific/Kiritimati",
            "Pacific/Pago_Pago",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
            "UTC+14",
            "UTC-12",
            "+14:00",
            "-12:00",
            "GMT+5:45",
            "lagos",
            "America/St_Johns",
        ])
        .prop_map(str::to_string),
        2 => (-16i32..17, 0u32..61, any::<bool>()).prop_map(|(h, m, colon)| if colon {
            format!("UTC{h:+}:{m:02}")
        } else {
            format!("{h:+03}{m:02}")
        }),
        1 => text(),
    ]
}

/// A five-field cron rule, from valid to hostile.
pub fn cron_text() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        4 => proptest::sample::select(vec![
            "*",
            "*/2",
            "*/0",
            "*/99",
            "0",
            "7",
            "59",
            "60",
            "1-5",
            "5-1",
            "MON",
            "fri-sun",
            "jan-mar",
            "SUN",
            "1,15",
            "0-59/15",
            "-1",
            "4294967296",
            "*/4294967295",
            "1-",
            "-",
            ",",
            "/",
            "a-b/c",
        ])
        .prop_map(str::to_string),
        1 => number_text(),
        1 => text(),
    ];
    prop_oneof![
        1 => proptest::collection::vec(field.clone(), 0..7),
        3 => proptest::collection::vec(field, 5..=5),
    ]
    .prop_map(|f| f.join(" "))
}

/// The part after `event create`: keys with plausible or hostile values.
pub fn event_create_text() -> impl Strategy<Value = String> {
    let title = text().prop_map(|t| format!("title: {t}"));
    let start = (
        prop_oneof![3 => date_text(), 1 => edge_date()],
        time_text(),
        zone_text(),
    )
        .prop_map(|(d, t, z)| format!("start: {d} {t} {z}"));
    let part = prop_oneof![
        1 => text().prop_map(|t| format!("title: {t}")),
        1 => (date_text(), time_text(), zone_text())
            .prop_map(|(d, t, z)| format!("start: {d} {t} {z}")),
        2 => prop_oneof![
            (0u32..2000).prop_map(|n| format!("{n}m")),
            number_text().prop_map(|n| format!("{n}m")),
            number_text().prop_map(|n| format!("{n}h")),
            (number_text(), number_text()).prop_map(|(h, m)| format!("{h}h{m}")),
            text(),
        ]
        .prop_map(|l| format!("length: {l}")),
        1 => prop_oneof![(0u32..20).prop_map(|n| n.to_string()), number_text()]
            .prop_map(|n| format!("capacity: {n}")),
        3 => (cron_text(), date_text()).prop_map(|(c, d)| format!("repeat: {c} until {d}")),
        1 => text().prop_map(|t| format!("room: {t}")),
        1 => text().prop_map(|t| format!("description: {t}")),
        1 => text(),
    ];
    // A title and a start most of the time, so that most lines get as far as the sessions.
    (
        proptest::option::weighted(0.9, title),
        proptest::option::weighted(0.9, start),
        proptest::collection::vec(part, 0..3),
    )
        .prop_map(|(title, start, rest)| {
            title
                .into_iter()
                .chain(start)
                .chain(rest)
                .collect::<Vec<_>>()
                .join("; ")
        })
}
