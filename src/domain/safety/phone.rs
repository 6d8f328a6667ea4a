//! Phone numbers: runs of digits (in any script: see `tokens::digit_value`) and spelt-out
//! digits (`nine one seven …`, `nueve uno siete …`, `تسعة واحد …`), joined by the
//! separators people put in numbers (spaces, `-`, `.`, `/`, brackets), with a leading `+`.
//!
//! A run of 7 to 15 digits (the longest international number has 15) is a phone number
//! unless it reads as something else: a date (`12/05/2024`, `2024-05-12`), years
//! (`2019-2023`), an amount (`1 200 000`, `1.200.000 €`, `$1500000`), a decimal, a version
//! (`10.0.19045`), a number a word before it names (`order 12345678`, `page`, `ID`), a
//! quantity a word after it names (`1500000 points`), a round number or counting
//! (`one two three four five six seven`). A time (`18:30`) never joins a run: `:` is no
//! separator. To keep another kind of number from being read as a phone, add its words to
//! [`NAMED_BEFORE`] or [`UNITS_AFTER`], or a shape to [`not_a_phone`], with corpus lines.

use std::ops::Range;

use super::tokens::Token;

/// Separators inside a phone number (at most two between groups: `) `, `)-`).
const SEPARATORS: &[&str] = &["-", "‐", "‑", "‒", "–", ".", "/", "(", ")", "·"];

/// Words that say the number after them is no phone number.
const NAMED_BEFORE: &[&str] = &[
    "version",
    "ver",
    "v",
    "build",
    "id",
    "order",
    "pedido",
    "orden",
    "ticket",
    "invoice",
    "factura",
    "ref",
    "reference",
    "referencia",
    "isbn",
    "code",
    "codigo",
    "score",
    "page",
    "pages",
    "pagina",
    "paginas",
    "pp",
    "p",
    "no",
    "n",
    "num",
    "nr",
    "iban",
    "account",
    "acct",
    "cuenta",
    "dni",
    "nie",
    "passport",
    "pasaporte",
    "serial",
    "model",
    "modelo",
    "meeting",
    "reunion",
    "pin",
    "total",
    "room",
    "sala",
    "aula",
    "costs",
    "cost",
    "cuesta",
    "price",
    "precio",
    "usd",
    "eur",
    "us",
    "rs",
    "tracking",
    "seguimiento",
    "student",
    "estudiante",
    "matricula",
    "expediente",
    "case",
    "caso",
    "rue",
    "calle",
];

/// Signs that say the number beside them is an amount or a share.
const AMOUNT_SIGNS: &[&str] = &["$", "€", "£", "¥", "₹", "%", "₽", "₩", "₺", "¢", "#", "№"];

/// Words that say the number before them counts something.
const UNITS_AFTER: &[&str] = &[
    "euros",
    "euro",
    "eur",
    "dollars",
    "dolares",
    "usd",
    "pesos",
    "gbp",
    "pounds",
    "libras",
    "rupees",
    "yen",
    "km",
    "kms",
    "kg",
    "m",
    "cm",
    "mm",
    "points",
    "pts",
    "puntos",
    "pasos",
    "steps",
    "followers",
    "seguidores",
    "views",
    "vistas",
    "likes",
    "people",
    "personas",
    "words",
    "palabras",
    "years",
    "anos",
    "days",
    "dias",
    "hours",
    "horas",
    "minutes",
    "minutos",
    "k",
    "mil",
    "million",
    "millones",
    "millon",
    "ms",
    "mb",
    "gb",
    "kb",
    "px",
    "times",
    "veces",
    "units",
    "unidades",
    "bytes",
    "calories",
    "calorias",
    "subscribers",
    "suscriptores",
    "ريال",
    "درهم",
    "دينار",
    "جنيه",
    "ليره",
    "دولار",
    "يورو",
    "نقطه",
];

/// Digits spelt out, folded, in English, Spanish, French, Portuguese, Italian, German and
/// Arabic.
const DIGIT_WORDS: &[(&str, u8)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("cero", 0),
    ("uno", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("un", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("um", 1),
    ("dois", 2),
    ("quatro", 4),
    ("sete", 7),
    ("oito", 8),
    ("nove", 9),
    ("due", 2),
    ("tre", 3),
    ("quattro", 4),
    ("cinque", 5),
    ("sei", 6),
    ("sette", 7),
    ("otto", 8),
    ("null", 0),
    ("eins", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("funf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("صفر", 0),
    ("واحد", 1),
    ("اثنين", 2),
    ("اثنان", 2),
    ("اتنين", 2),
    ("ثلاثه", 3),
    ("ثلاث", 3),
    ("تلاته", 3),
    ("تلات", 3),
    ("اربعه", 4),
    ("اربع", 4),
    ("خمسه", 5),
    ("خمس", 5),
    ("سته", 6),
    ("ست", 6),
    ("سبعه", 7),
    ("سبع", 7),
    ("ثمانيه", 8),
    ("ثماني", 8),
    ("تمانيه", 8),
    ("تسعه", 9),
    ("تسع", 9),
];

/// What one token gives a run of digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Written digits: where they are in the token list.
    Digits,
    /// A digit spelt out.
    Word(u8),
    /// `oh`: a zero, inside a spelt-out run only.
    Oh,
    /// `double`, `triple` (English): the next spelt-out digit two or three times.
    Times(u8),
}

fn part(t: &Token) -> Option<Part> {
    if !t.word {
        return None;
    }
    if t.digits.is_some() {
        return Some(Part::Digits);
    }
    match t.folded.as_str() {
        "oh" => Some(Part::Oh),
        "double" => Some(Part::Times(2)),
        "triple" => Some(Part::Times(3)),
        w => DIGIT_WORDS
            .iter()
            .find(|(d, _)| *d == w)
            .map(|(_, v)| Part::Word(*v)),
    }
}

/// One group of a run: its digits, the separator before it (`' '` for spaces only,
/// `None` for the first) and whether it was spelt out.
#[derive(Debug)]
struct Group {
    digits: String,
    sep: Option<String>,
    spelt: bool,
}

/// The phone numbers in `text` (as `tokens` cut it), outside `masked` byte ranges.
pub fn find(text: &str, tokens: &[Token], masked: &[Range<usize>]) -> Vec<Range<usize>> {
    let is_masked = |t: &Token| masked.iter().any(|m| m.contains(&t.span.start));
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts = match part(&tokens[i]) {
            Some(Part::Digits | Part::Word(_)) => true,
            Some(Part::Times(_)) => tokens
                .get(i + 1)
                .is_some_and(|n| matches!(part(n), Some(Part::Word(_)))),
            _ => false,
        };
        if !starts || is_masked(&tokens[i]) {
            i += 1;
            continue;
        }
        // A `+` or `(` right before the first digits belongs to the number.
        let mut first = i;
        let mut plus = false;
        while first > 0 {
            let p = &tokens[first - 1];
            let touching = p.span.end == tokens[first].span.start;
            if touching && (p.is("+") || p.is("(") || p.is("＋")) {
                plus |= !p.is("(");
                first -= 1;
            } else {
                break;
            }
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut times = 1u8;
        let mut j = i;
        let mut sep: Option<String> = None;
        loop {
            let t = &tokens[j];
            match part(t) {
                Some(Part::Digits) => groups.push(Group {
                    digits: t.digits.clone().unwrap_or_default(),
                    sep: sep.take(),
                    spelt: false,
                }),
                Some(p @ (Part::Word(_) | Part::Oh)) => {
                    let v = if let Part::Word(v) = p { v } else { 0 };
                    let d = char::from(b'0' + v).to_string().repeat(usize::from(times));
                    times = 1;
                    groups.push(Group {
                        digits: d,
                        sep: sep.take(),
                        spelt: true,
                    });
                }
                Some(Part::Times(n)) => times = n,
                _ => {}
            }
            // The next number token, past spaces and at most two separators on one line.
            let mut k = j + 1;
            let mut seps = String::new();
            while k < tokens.len()
                && !tokens[k].word
                && SEPARATORS.contains(&tokens[k].folded.as_str())
                && seps.chars().count() < 2
            {
                seps.push_str(&tokens[k].folded);
                k += 1;
            }
            let Some(next) = tokens.get(k) else { break };
            let on_one_line = !text[tokens[k - 1].span.end..next.span.start].contains('\n')
                && !text[t.span.end..tokens[k - 1].span.end.max(t.span.end)].contains('\n');
            let spelt_before = groups.last().is_some_and(|g| g.spelt) || times > 1;
            let continues = match part(next) {
                Some(Part::Digits | Part::Word(_)) => true,
                Some(Part::Oh | Part::Times(_)) => spelt_before,
                None => false,
            };
            if !continues || !on_one_line || is_masked(next) {
                break;
            }
            sep = Some(if seps.is_empty() {
                " ".to_string()
            } else {
                seps
            });
            j = k;
        }
        let end = j + 1;
        if !groups.is_empty() && !not_a_phone(tokens, first, end, &groups, plus) {
            out.push(tokens[first].span.start..tokens[j].span.end);
        }
        i = end;
    }
    out
}

/// Whether the run of `groups` (tokens `first..end`) reads as something other than a phone
/// number.
fn not_a_phone(tokens: &[Token], first: usize, end: usize, groups: &[Group], plus: bool) -> bool {
    let digits: String = groups.iter().map(|g| g.digits.as_str()).collect();
    let n = digits.len();
    if !(7..=15).contains(&n) {
        return true;
    }
    let spelt = groups.iter().all(|g| g.spelt);
    let singles = groups.iter().all(|g| g.digits.len() == 1);
    if (spelt || singles) && ("0123456789".contains(&digits) || "9876543210".contains(&digits)) {
        return true; // counting
    }
    if plus {
        return false;
    }
    // What is named before or after the run.
    // The two words before (`ID: 987…`, `my student ID is 2023…`), or a sign right before.
    let mut before = tokens[..first]
        .iter()
        .rev()
        .filter(|t| t.word || !matches!(t.folded.as_str(), ":" | "." | "(" | "=" | "-"));
    if let Some(b) = before.next() {
        if !b.word && AMOUNT_SIGNS.contains(&b.folded.as_str()) {
            return true;
        }
        let named = |t: &Token| t.word && NAMED_BEFORE.contains(&t.folded.as_str());
        let linking = ["is", "es", "was", "era", "est", "ist", "e"];
        if named(b) || (linking.contains(&b.folded.as_str()) && before.next().is_some_and(named)) {
            return true;
        }
    }
    if let Some(a) = tokens.get(end)
        && ((a.word && UNITS_AFTER.contains(&a.folded.as_str()))
            || (!a.word && AMOUNT_SIGNS.contains(&a.folded.as_str())))
    {
        return true;
    }
    if spelt {
        return false;
    }
    let written: Vec<&Group> = groups.iter().filter(|g| !g.spelt).collect();
    let lens: Vec<usize> = written.iter().map(|g| g.digits.len()).collect();
    let seps: Vec<&str> = written
        .iter()
        .skip(1)
        .map(|g| g.sep.as_deref().unwrap_or(""))
        .collect();
    let same_sep = |s: &str| !seps.is_empty() && seps.iter().all(|x| *x == s);
    let value = |g: &Group| g.digits.parse::<u32>().unwrap_or(u32::MAX);
    // Dates.
    if written.len() == 3 && ["/", ".", "-"].iter().any(|s| same_sep(s)) {
        let (a, b, c) = (value(written[0]), value(written[1]), value(written[2]));
        let day_month = (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12);
        if lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 2 || lens[2] == 4) && day_month {
            return true;
        }
        if lens[0] == 4
            && lens[1] <= 2
            && lens[2] <= 2
            && (1..=12).contains(&b)
            && (1..=31).contains(&c)
        {
            return true;
        }
    }
    // Years: `2019-2023`, `2019 2020 2021`.
    if lens.iter().all(|l| *l == 4) && written.iter().all(|g| (1900..=2100).contains(&value(g))) {
        return true;
    }
    // A decimal: `3.14159265`, `1234,5678`.
    if written.len() == 2 && (same_sep(".") || same_sep(",")) {
        return true;
    }
    // An amount in thousands: `1 200 000`, `12.500.000`.
    if written.len() >= 2
        && lens[0] <= 2
        && !written[0].digits.starts_with('0')
        && lens[1..].iter().all(|l| *l == 3)
        && (same_sep(" ") || same_sep("."))
    {
        return true;
    }
    // A version: `10.0.19045`.
    if written.len() >= 3 && same_sep(".") && lens.contains(&1) && lens.iter().any(|l| *l > 2) {
        return true;
    }
    // A round number: `1000000`, `2500000`.
    if written.len() == 1 && !digits.starts_with('0') && digits.ends_with("0000") {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn phones(text: &str) -> Vec<&str> {
        find(text, &tokens(text), &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn a_number_with_brackets_a_plus_and_dashes_is_one_phone_number() {
        assert_eq!(phones("call (917) 555-1234 ok"), vec!["(917) 555-1234"]);
        assert_eq!(phones("+44 20 7946 0958."), vec!["+44 20 7946 0958"]);
        assert_eq!(phones("06.12.34.56.78"), vec!["06.12.34.56.78"]);
    }

    #[test]
    fn spelt_out_digits_make_a_phone_number_and_counting_does_not() {
        assert_eq!(
            phones("nine one seven five five five double two three four"),
            vec!["nine one seven five five five double two three four"]
        );
        assert_eq!(
            phones("nueve uno siete cinco cinco cinco uno"),
            vec!["nueve uno siete cinco cinco cinco uno"]
        );
        assert!(phones("one two three four five six seven eight").is_empty());
    }

    #[test]
    fn dates_years_amounts_decimals_and_versions_are_no_phone_numbers() {
        for text in [
            "on 12/05/2024 we meet",
            "2024-05-12",
            "from 2019-2023",
            "it costs 1 200 000 pesos",
            "1.200.000",
            "pi is 3.14159265",
            "Windows 10.0.19045",
            "order 12345678",
            "I scored 0800 in the test",
            "at 18:30 or 19:45",
            "page 12-14",
            "2500000 points",
        ] {
            assert!(phones(text).is_empty(), "{text}: {:?}", phones(text));
        }
    }

    #[test]
    fn a_number_on_two_lines_is_two_numbers() {
        assert!(phones("2019\n2020\n2021").is_empty());
    }
}
