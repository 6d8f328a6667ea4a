//! How Tandem's messages look on Matrix, and how replies are read back. Pure functions, so
//! they are unit-tested without a homeserver.
//!
//! - A message is sent as an `m.notice` (the message type the spec keeps for bots, which
//!   other bots, Tandem included, never answer), with a plain-text `body` (what the
//!   console prints: the text, then the choices as `1. Mentor`) and an HTML
//!   `formatted_body` in which every character of our text is escaped, so an answer quoted
//!   back to a person can never inject markup.
//! - Choices can be answered by number or label (the flows read those), or by reacting
//!   with the keycap emoji of their number ([`choice_for_reaction`]), which the bot puts
//!   under a single-choice prompt itself ([`reactions_offered`]) so one tap answers.
//! - Transaction ids are derived from the effect's idempotency key, so a retried send is
//!   deduplicated by the homeserver.
//! - Every message carries `m.mentions`: empty, or the on-call moderators it must alert
//!   ([`OutMessage::notify`]). With it, clients and servers no longer guess pings from
//!   the body, so `@room` or someone's name inside a participant's words pings nobody
//!   (the bot has the power to ping a whole room).

use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::{OwnedUserId, UserId};

use crate::chat::OutMessage;
use crate::domain::Platform;
use crate::ports::IdempotencyKey;

/// Keycap emoji for choices 1 to 10, used as reaction shortcuts.
pub const NUMBER_REACTIONS: [&str; 10] = [
    "1\u{fe0f}\u{20e3}",
    "2\u{fe0f}\u{20e3}",
    "3\u{fe0f}\u{20e3}",
    "4\u{fe0f}\u{20e3}",
    "5\u{fe0f}\u{20e3}",
    "6\u{fe0f}\u{20e3}",
    "7\u{fe0f}\u{20e3}",
    "8\u{fe0f}\u{20e3}",
    "9\u{fe0f}\u{20e3}",
    "\u{1f51f}",
];

/// The event the bot sends for a message: both bodies and who it mentions.
pub fn content(message: &OutMessage) -> RoomMessageEventContent {
    let mut content = RoomMessageEventContent::notice_html(plain_body(message), html_body(message));
    content.mentions = Some(mentions(message));
    content
}

/// Who a message mentions on purpose: the Matrix users it must alert, and nobody else.
/// Set (if empty) on everything the bot sends, files too.
pub fn mentions(message: &OutMessage) -> Mentions {
    Mentions::with_user_ids(notified(message))
}

/// The Matrix users among [`OutMessage::notify`] (the others are on another platform),
/// each once (a second pass would link the first pill's link again).
fn notified(message: &OutMessage) -> Vec<OwnedUserId> {
    let mut users: Vec<OwnedUserId> = Vec::new();
    for user in &message.notify {
        if user.platform == Platform::Matrix
            && let Ok(id) = UserId::parse(&user.id)
            && !users.contains(&id)
        {
            users.push(id);
        }
    }
    users
}

/// The plain-text body: the text, then one `n. label` line per choice. A notified person
/// the text does not name is named first, so readers see who was alerted.
pub fn plain_body(message: &OutMessage) -> String {
    let mut body = message.text.clone();
    for user in notified(message).iter().rev() {
        if find_id(&body, user.as_str()).is_none() {
            body = format!("{user} {body}");
        }
    }
    for (i, choice) in message.choices.iter().enumerate() {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&format!("{}. {}", i + 1, choice.label));
    }
    body
}

/// The HTML body: escaped text with line breaks, then the choices as an ordered list.
/// Notified people appear as pills (links to them), where the text names them or first.
pub fn html_body(message: &OutMessage) -> String {
    let mut html = linked(&message.text).replace('\n', "<br>");
    for user in notified(message).iter().rev() {
        html = pill(&html, user);
    }
    if !message.choices.is_empty() {
        html.push_str("<ol>");
        for choice in &message.choices {
            html.push_str(&format!("<li>{}</li>", escape(&choice.label)));
        }
        html.push_str("</ol>");
    }
    html
}

/// The keycap reactions the bot puts under a prompt, one per choice: only where one tap
/// is a whole answer (a single choice, of at most ten).
pub fn reactions_offered(message: &OutMessage) -> &'static [&'static str] {
    let n = message.choices.len();
    if n == 0 || n > NUMBER_REACTIONS.len() || message.pick != Some((1, 1)) {
        return &[];
    }
    &NUMBER_REACTIONS[..n]
}

/// `html` with every mention of `user` turned into a pill, or one put in front if there
/// is none.
fn pill(html: &str, user: &UserId) -> String {
    let id = escape(user.as_str());
    let link = format!(
        "<a href=\"{}\">{id}</a>",
        escape(&user.matrix_to_uri().to_string())
    );
    let mut out = String::with_capacity(html.len() + link.len());
    let mut rest = html;
    let mut found = false;
    while let Some(at) = find_id(rest, &id) {
        out.push_str(&rest[..at]);
        out.push_str(&link);
        rest = &rest[at + id.len()..];
        found = true;
    }
    out.push_str(rest);
    if found { out } else { format!("{link} {out}") }
}

/// Where `id` occurs in `text` as a whole id (not the start of a longer one, such as
/// `@mo:example.org` in `@mo:example.org.uk`).
fn find_id(text: &str, id: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(id).map(|i| i + from) {
        let end = at + id.len();
        let continues = text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || ".-_:=/".contains(c));
        if !continues {
            return Some(at);
        }
        from = end;
    }
    None
}

/// Escapes text for an HTML body.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped for HTML, each http(s) address in it a link (a resource, the code of
/// conduct, the bot's `matrix.to` address). The address is escaped like the rest, in the
/// `href` too, so a hostile one cannot leave its attribute; punctuation that ends the
/// sentence around it is left out of it.
pub fn linked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = link_start(rest) {
        out.push_str(&escape(&rest[..at]));
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| c.is_whitespace() || "<>\"".contains(c))
            .unwrap_or(tail.len());
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '»']);
        let bare = url
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        if bare.is_empty() {
            out.push_str(&escape(url));
        } else {
            let url = escape(url);
            out.push_str(&format!("<a href=\"{url}\">{url}</a>"));
        }
        rest = &tail[url.len()..];
    }
    out.push_str(&escape(rest));
    out
}

/// Where the first `http://` or `https://` address of `text` starts (not inside a word).
fn link_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find("http") {
        let at = from + found;
        let after = &text[at..];
        let word_before = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if !word_before && (after.starts_with("https://") || after.starts_with("http://")) {
            return Some(at);
        }
        from = at + "http".len();
    }
    None
}

/// A Matrix transaction id for an idempotency key: short, made of allowed characters, and
/// the same for the same key.
pub fn transaction_id(key: &IdempotencyKey) -> String {
    let hash = blake3::hash(key.0.as_bytes());
    format!("tandem-{}", &hash.to_hex()[..32])
}

/// The value picked by reacting with `key` to a prompt with these choices, if any.
pub fn choice_for_reaction(message: &OutMessage, key: &str) -> Option<String> {
    // Clients differ in whether they send the variation selector.
    let normalised = key.replace('\u{fe0f}', "");
    let index = NUMBER_REACTIONS
        .iter()
        .position(|r| r.replace('\u{fe0f}', "") == normalised)?;
    message.choices.get(index).map(|c| c.value.clone())
}

/// The text a person typed, without the quoted reply fallback some clients prepend
/// (`> <@bob:example.org> question` lines, then a blank line).
pub fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with("> ") {
        return body;
    }
    let mut rest = body;
    while let Some(line_end) = rest.find('\n') {
        let line = &rest[..line_end];
        if line.starts_with('>') {
            rest = &rest[line_end + 1..];
        } else {
            break;
        }
    }
    rest.strip_prefix('\n').unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::Choice;

    fn prompt() -> OutMessage {
        OutMessage {
            text: "Which role?\nPick one.".into(),
            choices: vec![Choice::from_label("Mentor"), Choice::from_label("Mentee")],
            pick: Some((1, 1)),
            prompt_ref: Some("q-role".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_prompt_lists_its_choices_by_number_in_both_bodies() {
        assert_eq!(
            plain_body(&prompt()),
            "Which role?\nPick one.\n1. Mentor\n2. Mentee"
        );
        let html = html_body(&prompt());
        assert!(
            html.starts_with("Which role?<br>Pick one.<ol><li>Mentor</li><li>Mentee</li></ol>")
        );
        assert_eq!(
            reactions_offered(&prompt()),
            ["1\u{fe0f}\u{20e3}", "2\u{fe0f}\u{20e3}"]
        );
        assert!(reactions_offered(&OutMessage::text("no choices")).is_empty());
    }

    #[test]
    fn an_address_in_a_message_is_a_link_in_the_html_body_and_stays_escaped() {
        assert_eq!(
            linked("Read https://example.org/guide?a=1&b=2. Then type done."),
            "Read <a href=\"https://example.org/guide?a=1&amp;b=2\">https://example.org/guide?a=1&amp;b=2</a>. Then type done."
        );
        assert_eq!(
            linked("(see http://x.org/a)"),
            "(see <a href=\"http://x.org/a\">http://x.org/a</a>)"
        );
        // A quote cannot close the attribute; an address inside a word, or a bare scheme,
        // is no link.
        assert_eq!(
            linked("https://evil.example/\"onmouseover=\"x"),
            "<a href=\"https://evil.example/\">https://evil.example/</a>&quot;onmouseover=&quot;x"
        );
        assert_eq!(linked("xhttps://a.b https://"), "xhttps://a.b https://");
        assert_eq!(linked("<b>no link</b>"), "&lt;b&gt;no link&lt;/b&gt;");
    }

    #[test]
    fn markup_in_text_is_escaped_in_the_html_body() {
        let m = OutMessage::text("<b>hi</b> & <script>alert('x')</script>");
        assert_eq!(
            html_body(&m),
            "&lt;b&gt;hi&lt;/b&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(plain_body(&m), m.text);
    }

    fn sent(message: &OutMessage) -> serde_json::Value {
        serde_json::to_value(content(message)).unwrap()
    }

    #[test]
    fn a_plain_message_mentions_nobody_so_at_room_in_peoples_words_pings_no_one() {
        let m = OutMessage::text("Welcome, @room and Grace!");
        let json = sent(&m);
        assert_eq!(json["m.mentions"], serde_json::json!({}), "{json}");
        assert_eq!(json["body"], "Welcome, @room and Grace!");
        // Notifying someone on another platform mentions nobody here either.
        let elsewhere = OutMessage {
            notify: vec![crate::domain::UserRef::new(Platform::Discord, "7")],
            ..m
        };
        assert_eq!(sent(&elsewhere)["m.mentions"], serde_json::json!({}));
    }

    #[test]
    fn a_message_notifying_matrix_users_mentions_exactly_them_as_pills() {
        let m = OutMessage {
            notify: vec![
                crate::domain::UserRef::new(Platform::Matrix, "@mo:example.org"),
                crate::domain::UserRef::new(Platform::Matrix, "@max:example.org"),
                crate::domain::UserRef::new(Platform::Matrix, "@mo:example.org"),
                crate::domain::UserRef::new(Platform::Discord, "7"),
            ],
            ..OutMessage::text(
                "On call: @mo:example.org — safeguarding case #1 needs attention now.",
            )
        };
        let json = sent(&m);
        assert_eq!(
            json["m.mentions"],
            serde_json::json!({"user_ids": ["@max:example.org", "@mo:example.org"]}),
            "{json}"
        );
        // Named in the text: a pill where it stands; not named: a pill in front.
        assert_eq!(
            json["body"],
            "@max:example.org On call: @mo:example.org — safeguarding case #1 needs attention now."
        );
        assert_eq!(
            json["formatted_body"],
            "<a href=\"https://matrix.to/#/@max:example.org\">@max:example.org</a> On call: \
             <a href=\"https://matrix.to/#/@mo:example.org\">@mo:example.org</a> — safeguarding case #1 needs attention now."
        );
    }

    #[test]
    fn only_a_whole_id_becomes_a_pill() {
        assert_eq!(find_id("@mo:x.org.uk and @mo:x.org", "@mo:x.org"), Some(17));
        assert_eq!(find_id("@mo:x.orgy", "@mo:x.org"), None);
    }

    #[test]
    fn a_reaction_with_a_keycap_picks_that_choice_with_or_without_the_variation_selector() {
        assert_eq!(
            choice_for_reaction(&prompt(), "2\u{fe0f}\u{20e3}").as_deref(),
            Some("mentee")
        );
        assert_eq!(
            choice_for_reaction(&prompt(), "1\u{20e3}").as_deref(),
            Some("mentor")
        );
        assert_eq!(choice_for_reaction(&prompt(), "3\u{fe0f}\u{20e3}"), None);
        assert_eq!(choice_for_reaction(&prompt(), "👍"), None);
    }

    #[test]
    fn transaction_ids_are_stable_short_and_distinct_per_key() {
        let a = transaction_id(&IdempotencyKey("matrix-@a:x-v3-t1-0".into()));
        assert_eq!(
            a,
            transaction_id(&IdempotencyKey("matrix-@a:x-v3-t1-0".into()))
        );
        assert_ne!(
            a,
            transaction_id(&IdempotencyKey("matrix-@a:x-v3-t1-1".into()))
        );
        assert!(a.len() <= 40 && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn the_quoted_reply_fallback_is_not_part_of_the_answer() {
        assert_eq!(
            strip_reply_fallback("> <@bot:x> Which role?\n> 1. Mentor\n\n2"),
            "2"
        );
        assert_eq!(strip_reply_fallback("plain answer"), "plain answer");
        assert_eq!(strip_reply_fallback(">not a quote"), ">not a quote");
    }
}
