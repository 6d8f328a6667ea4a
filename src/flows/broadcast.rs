//! `broadcast [programme] <audience> <text>` in the coordinators' room: an announcement by
//! DM to everyone in an audience of a programme (all, mentors, mentees, matched, waiting,
//! or a cohort by the month its matches began); and `mute announcements` /
//! `unmute announcements` in a DM, a participant's own opt-out.
//!
//! A broadcast is a dry run first: how many it reaches, who muted announcements, who could
//! not be reached last time, and the message as they will read it; it waits for the
//! coordinator's `confirm` (see `flows::confirm`), and is decided again then, on who is in
//! the audience by that time. Lines after the text that begin with a language's tag
//! (`es: Hola a todos`) are its translations: each person reads it in their language where
//! one is given, and as written otherwise. Delivery goes through the outbox like every
//! message, with progress in the room for a long run. Everything said is from the
//! catalogue (`locales/*/broadcast.ftl`).

use super::incident::actions::{self, PendingAction};
use super::post_said as post;
use super::{Ctx, Effect, FlowState, OutMessage, Outcome, Subject};
use crate::domain::matches::MatchStatus;
use crate::domain::survey::Audience;
use crate::domain::text::char_len;
use crate::domain::{Programme, RoleKind, RoomRef, UserRef};
use crate::i18n::{Locale, Text};

/// The longest broadcast, in characters: Discord's 2,000 for a message, less the lines
/// Tandem puts around it.
pub const MAX_CHARS: usize = 1_800;

/// A coordinator's `broadcast`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroadcastCommand {
    /// As typed, when one was named.
    pub programme: Option<String>,
    pub audience: Audience,
    /// The text as written, then its translations by language tag.
    pub texts: Vec<(String, String)>,
}

/// `broadcast [programme] <audience> <text>`; `None` when the message is not a broadcast,
/// `Err` with the usage when it is one mistyped.
pub fn parse(text: &str) -> Option<Result<BroadcastCommand, Text>> {
    let t = text.trim().trim_start_matches('/');
    let (first, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    if !first.eq_ignore_ascii_case("broadcast") {
        return None;
    }
    let usage = || Text::msg("broadcast-usage").arg("audiences", Audience::usage());
    let mut words = rest.trim_start();
    let take = |words: &mut &str| {
        let (w, r) = words.split_once(char::is_whitespace).unwrap_or((words, ""));
        *words = r.trim_start();
        w.to_string()
    };
    let mut programme = None;
    let mut audience_words = take(&mut words);
    if Audience::parse(&audience_words).is_err() && !audience_words.eq_ignore_ascii_case("cohort") {
        // Not an audience: a programme, and the audience after it.
        programme = Some(audience_words.to_lowercase());
        audience_words = take(&mut words);
    }
    if audience_words.eq_ignore_ascii_case("cohort") {
        audience_words = format!("cohort {}", take(&mut words));
    }
    let audience = match Audience::parse(&audience_words) {
        Ok(a) => a,
        Err(_) if audience_words.is_empty() => return Some(Err(usage())),
        Err(e) => return Some(Err(Text::lines(vec![e, usage()]))),
    };
    let texts = translations(words);
    if texts.first().is_none_or(|(_, t)| t.is_empty()) {
        return Some(Err(usage()));
    }
    Some(Ok(BroadcastCommand {
        programme,
        audience,
        texts,
    }))
}

/// The text as written, then each line or `||` part that begins with a shipped language's
/// tag (`es:`), as that language's version.
fn translations(text: &str) -> Vec<(String, String)> {
    let tagged = |part: &str| -> Option<(String, String)> {
        let (tag, rest) = part.trim_start().split_once(':')?;
        let locale = Locale::from_tag(tag.trim())?;
        (locale.tag() == tag.trim().to_lowercase())
            .then(|| (locale.tag().to_string(), rest.to_string()))
    };
    // `||` parts a translation only before a language's tag: elsewhere it stays, as in
    // Discord's spoilers (`||the answer||`).
    let mut parts: Vec<String> = Vec::new();
    for (i, piece) in text.split("||").enumerate() {
        match parts.last_mut() {
            Some(last) if i > 0 && tagged(piece).is_none() => {
                last.push_str("||");
                last.push_str(piece);
            }
            _ => parts.push(piece.to_string()),
        }
    }
    let mut out: Vec<(String, String)> = vec![(String::new(), String::new())];
    for part in parts.iter().flat_map(|p| p.split('\n')) {
        match tagged(part) {
            Some((tag, rest)) => out.push((tag, rest.trim().to_string())),
            None => {
                let last = &mut out.last_mut().expect("one at least").1;
                if !last.is_empty() {
                    last.push('\n');
                }
                last.push_str(part.trim());
            }
        }
    }
    for (_, t) in &mut out {
        *t = t.trim().to_string();
    }
    out
}

/// What a broadcast says to one person: the programme's name, the text in their language
/// where given, and how to stop these. To alumni, it is an invitation to apply as mentors:
/// with how to, and a button where the platform has them (the application records
/// `alumni` as its source).
fn message(programme: &Programme, audience: Audience, texts: &[(String, String)]) -> OutMessage {
    let (own, given) = texts.split_first().expect("a text");
    let text = Text::msg("broadcast-message")
        .arg("programme", programme.said_name())
        .arg("text", Text::given(&own.1, given));
    if audience != Audience::Alumni {
        return OutMessage::said(text);
    }
    let apply = format!("apply {} as mentor via alumni", programme.slug);
    let how = Text::msg("broadcast-alumni-apply").arg("command", apply.as_str());
    OutMessage::said(Text::paragraphs(vec![text, how]))
        .with_actions(vec![(Text::msg("broadcast-alumni-button"), apply)])
}

/// Everyone `audience` reaches in `programme` now, by what was loaded for it.
fn audience_of(ctx: &Ctx<'_>, programme: &Programme, audience: Audience) -> Vec<UserRef> {
    let Subject::Broadcast {
        applications,
        matches,
        ended,
        suspended,
        ..
    } = ctx.subject
    else {
        return vec![];
    };
    let active = |u: &UserRef| {
        matches
            .iter()
            .any(|m| m.status == MatchStatus::Active && (m.mentee == *u || m.mentor == *u))
    };
    let mut people: Vec<UserRef> = match audience {
        Audience::All | Audience::Role(_) | Audience::Waiting => applications
            .iter()
            .filter(|(a, _)| a.programme == programme.slug)
            .filter(|(a, who)| match audience {
                Audience::All => a.status.is_accepted(),
                Audience::Role(role) => a.status.is_accepted() && a.role == role,
                _ => Audience::is_waiting(a.status, active(who)),
            })
            .map(|(_, who)| who.clone())
            .collect(),
        Audience::Matched | Audience::Cohort { .. } => matches
            .iter()
            .filter(|m| m.programme == programme.slug && m.status == MatchStatus::Active)
            .filter(|m| audience == Audience::Matched || audience.in_cohort(m.started()))
            .flat_map(|m| [m.mentee.clone(), m.mentor.clone()])
            .collect(),
        // Invited to apply to this programme: past participants of the sender's programmes
        // (and of those no longer configured, the community's past cohorts) who have not
        // applied to it. Its own alumni have, so they are not asked to apply again.
        Audience::Alumni => ended
            .iter()
            .filter(|m| Audience::graduated(m))
            .filter(|m| {
                ctx.programme(&m.programme)
                    .is_none_or(|p| p.is_coordinator(ctx.user))
            })
            .flat_map(|m| [m.mentee.clone(), m.mentor.clone()])
            .filter(|u| {
                !applications.iter().any(|(a, who)| {
                    who == u && a.programme == programme.slug && a.status.is_active()
                }) && !active(u)
            })
            .collect(),
    };
    // Someone suspended from the programmes hears nothing from them meanwhile.
    people.retain(|u| !suspended.contains(u));
    people.sort();
    people.dedup();
    people
}

/// The programme a broadcast is for, if the sender coordinates it.
fn programme_for<'c>(
    ctx: &Ctx<'c>,
    room: &RoomRef,
    named: Option<&str>,
) -> Result<&'c Programme, Box<Outcome>> {
    super::figures::coordinated(ctx, room, named, Text::msg("coordinators-can-broadcast"))
}

/// Who it reaches and who it leaves out: refused when nobody, too long, or not loaded.
struct Reach {
    to: Vec<UserRef>,
    muted: usize,
    /// People a coordinator entered an application for, with no chat account yet
    /// (`flows::assist`): nothing reaches them.
    without_chat: usize,
}

fn reach(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    programme: &Programme,
    command: &BroadcastCommand,
) -> Result<Reach, Box<Outcome>> {
    let Subject::Broadcast { muted, .. } = ctx.subject else {
        return Err(Box::new(post(room, Text::msg("broadcast-unloaded"))));
    };
    if let Some((tag, text)) = command.texts.iter().find(|(_, t)| char_len(t) > MAX_CHARS) {
        let said = match tag.as_str() {
            "" => Text::msg("broadcast-too-long"),
            _ => Text::msg("broadcast-too-long-in").arg("language", tag.as_str()),
        };
        return Err(Box::new(post(
            room,
            said.arg("chars", char_len(text)).arg("max", MAX_CHARS),
        )));
    }
    // Alumni are invited to apply as mentors: the programme must take them.
    if command.audience == Audience::Alumni
        && !(programme.applications_open && programme.role(RoleKind::Mentor).is_some())
    {
        return Err(Box::new(post(
            room,
            Text::msg("broadcast-alumni-closed").arg("programme", programme.said_name()),
        )));
    }
    let (without_chat, everyone): (Vec<UserRef>, Vec<UserRef>) =
        audience_of(ctx, programme, command.audience)
            .into_iter()
            .partition(UserRef::is_assisted);
    let to: Vec<UserRef> = everyone
        .iter()
        .filter(|u| !muted.contains(u))
        .cloned()
        .collect();
    let muted = everyone.len() - to.len();
    if to.is_empty() {
        return Err(Box::new(post(
            room,
            Text::msg("broadcast-nobody")
                .arg("audience", command.audience.said())
                .arg("programme", programme.name.as_str())
                .arg("muted", muted),
        )));
    }
    Ok(Reach {
        to,
        muted,
        without_chat: without_chat.len(),
    })
}

/// `broadcast …`: the dry run, and the broadcast waits for `confirm`.
pub fn ask(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    room: &RoomRef,
    command: BroadcastCommand,
) -> Outcome {
    let programme = match programme_for(ctx, room, command.programme.as_deref()) {
        Ok(p) => p,
        Err(refused) => return *refused,
    };
    let reach = match reach(ctx, room, programme, &command) {
        Ok(r) => r,
        Err(refused) => return *refused,
    };
    // Named as the coordinators know them: by their application here, where they have one.
    let unreachable: Vec<String> = match ctx.subject {
        Subject::Broadcast {
            unreachable,
            applications,
            ..
        } => reach
            .to
            .iter()
            .filter(|u| unreachable.contains(u))
            .map(|u| {
                let theirs = applications
                    .iter()
                    .find(|(a, who)| who == u && a.programme == programme.slug);
                match theirs {
                    Some((a, _)) => match &a.name {
                        Some(name) => format!("{name} (A{})", a.id),
                        None => format!("A{}", a.id),
                    },
                    None => u.id.clone(),
                }
            })
            .collect(),
        _ => vec![],
    };
    let languages: Vec<&str> = command.texts[1..].iter().map(|(t, _)| t.as_str()).collect();
    let mut parts = vec![
        Text::msg("broadcast-dry-run")
            .arg("audience", command.audience.said())
            .arg("programme", programme.name.as_str())
            .arg("count", reach.to.len()),
    ];
    if reach.muted > 0 {
        parts.push(Text::msg("broadcast-muted").arg("count", reach.muted));
    }
    if reach.without_chat > 0 {
        parts.push(Text::msg("broadcast-without-chat").arg("count", reach.without_chat));
    }
    if !unreachable.is_empty() {
        parts.push(
            Text::msg("broadcast-unreachable")
                .arg("count", unreachable.len())
                .arg("names", unreachable.join(", ")),
        );
    }
    parts.push(match languages.as_slice() {
        [] => Text::msg("broadcast-no-translations"),
        tags => Text::msg("broadcast-translations").arg("languages", tags.join(", ")),
    });
    parts.push(Text::msg("broadcast-preview"));
    parts.push(Text::plain(
        message(programme, command.audience, &command.texts).text,
    ));
    actions::ask(
        ctx,
        state,
        room,
        PendingAction::Broadcast {
            programme: programme.slug.clone(),
            audience: command.audience,
            texts: command.texts,
        },
        Text::lines(parts),
    )
}

/// A confirmed broadcast: sent to whom it reaches now (see `flows::confirm`).
pub fn confirmed(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    programme: &str,
    audience: Audience,
    texts: &[(String, String)],
) -> Outcome {
    let command = BroadcastCommand {
        programme: Some(programme.to_string()),
        audience,
        texts: texts.to_vec(),
    };
    let programme = match programme_for(ctx, room, Some(programme)) {
        Ok(p) => p,
        Err(refused) => return *refused,
    };
    let reach = match reach(ctx, room, programme, &command) {
        Ok(r) => r,
        Err(refused) => return *refused,
    };
    let message = message(programme, audience, texts);
    let mut effects: Vec<Effect> = reach
        .to
        .iter()
        .map(|to| Effect::SendDm {
            to: to.clone(),
            message: message.clone(),
        })
        .collect();
    effects.push(Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(
            Text::msg("broadcast-sent")
                .arg("count", reach.to.len())
                .arg("audience", audience.said())
                .arg("programme", programme.name.as_str()),
        ),
    });
    Outcome::unchanged(effects)
}

/// `mute announcements` (`muted`) or `unmute announcements`, from a participant.
pub fn mute(ctx: &Ctx<'_>, muted: bool) -> Outcome {
    Outcome::unchanged(vec![
        Effect::MuteAnnouncements {
            user: ctx.user.clone(),
            muted,
        },
        ctx.dm(OutMessage::said(if muted {
            Text::msg("announcements-muted")
        } else {
            Text::msg("announcements-unmuted")
        })),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RoleKind;

    #[test]
    fn a_broadcast_names_its_audience_then_its_text_and_translations_follow_their_tags() {
        let Some(Ok(c)) = parse("broadcast mentees Workshop on Friday!\nes: ¡Taller el viernes!")
        else {
            panic!()
        };
        assert_eq!(c.programme, None);
        assert_eq!(c.audience, Audience::Role(RoleKind::Mentee));
        assert_eq!(
            c.texts,
            vec![
                (String::new(), "Workshop on Friday!".to_string()),
                ("es".to_string(), "¡Taller el viernes!".to_string())
            ]
        );
        let Some(Ok(c)) = parse("broadcast pathways cohort 2027-01 Hello || ar: مرحبا") else {
            panic!()
        };
        assert_eq!(c.programme.as_deref(), Some("pathways"));
        assert_eq!(
            c.audience,
            Audience::Cohort {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(c.texts[1], ("ar".to_string(), "مرحبا".to_string()));
        // A Discord spoiler is no translation.
        let Some(Ok(c)) =
            parse("broadcast all The answer is ||42||. || es: La respuesta es ||42||.")
        else {
            panic!()
        };
        assert_eq!(
            c.texts,
            vec![
                (String::new(), "The answer is ||42||.".to_string()),
                ("es".to_string(), "La respuesta es ||42||.".to_string())
            ]
        );
        // A line that only looks like a tag stays in the text.
        let Some(Ok(c)) = parse("broadcast all Hello\nPS: bring a friend") else {
            panic!()
        };
        assert_eq!(
            c.texts,
            vec![(String::new(), "Hello\nPS: bring a friend".into())]
        );
        assert!(matches!(parse("broadcast mentees"), Some(Err(_))));
        assert!(matches!(parse("broadcast"), Some(Err(_))));
        assert_eq!(parse("broadcasting is fun"), None);
    }
}

#[cfg(test)]
mod deciding {
    use super::*;
    use crate::domain::matches::MatchStatus;
    use crate::domain::{ApplicationStatus, RoleKind};
    use crate::flows::StateChange;
    use crate::flows::testing::{Scene, a_match, application, posted, records, room, user};

    /// Carol, with Amina (matched to Grace), Bo (accepted, waiting) and Cy (waitlisted);
    /// `muted` have muted announcements.
    fn carol(muted: &[&str]) -> Scene {
        let amina = application(1, "amina", RoleKind::Mentee, ApplicationStatus::Ready);
        let grace = application(2, "grace", RoleKind::Mentor, ApplicationStatus::Ready);
        let bo = application(3, "bo", RoleKind::Mentee, ApplicationStatus::Ready);
        let cy = application(4, "cy", RoleKind::Mentee, ApplicationStatus::Waitlisted);
        let m = a_match(7, &amina, &grace, MatchStatus::Active);
        Scene::for_user("carol").with_subject(Subject::Broadcast {
            ended: vec![],
            suspended: vec![],
            applications: [amina, grace, bo, cy]
                .into_iter()
                .map(|a| (a.summary, a.applicant))
                .collect(),
            matches: vec![m],
            muted: muted.iter().map(|m| user(m)).collect(),
            unreachable: vec![user("bo")],
        })
    }

    fn command(text: &str) -> BroadcastCommand {
        parse(text).expect("a broadcast").expect("well formed")
    }

    fn sent_to(out: &Outcome) -> Vec<String> {
        out.effects
            .iter()
            .filter_map(|e| match e {
                Effect::SendDm { to, .. } => Some(to.id.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_broadcast_is_a_dry_run_that_waits_for_confirm_and_then_reaches_its_audience() {
        let scene = carol(&[]);
        let asked = ask(
            &scene.ctx(),
            None,
            &room("coordinators"),
            command("broadcast waiting Workshop on Friday"),
        );
        assert!(sent_to(&asked).is_empty(), "nothing sent on a dry run");
        let text = posted(&asked, "coordinators")[0].text.clone();
        assert!(
            text.contains("2 people get it by direct message."),
            "{text}"
        );
        assert!(text.contains("in the last 30 days (A3)"), "{text}");
        assert!(text.contains("Workshop on Friday"), "{text}");
        assert!(matches!(asked.state, StateChange::Set(_)));
        let done = confirmed(
            &scene.ctx(),
            &room("coordinators"),
            "pathways",
            Audience::Waiting,
            &[(String::new(), "Workshop on Friday".into())],
        );
        assert_eq!(sent_to(&done), vec!["bo", "cy"]);
        let matched = confirmed(
            &scene.ctx(),
            &room("coordinators"),
            "pathways",
            Audience::Matched,
            &[(String::new(), "Hello pairs".into())],
        );
        assert_eq!(sent_to(&matched), vec!["amina", "grace"]);
    }

    #[test]
    fn people_who_muted_announcements_are_left_out_and_a_broadcast_to_nobody_or_too_long_sends_nothing()
     {
        let scene = carol(&["amina", "bo"]);
        let out = confirmed(
            &scene.ctx(),
            &room("coordinators"),
            "pathways",
            Audience::All,
            &[(String::new(), "Hello".into())],
        );
        // Cy, waitlisted, is not accepted yet: `all` is everyone accepted.
        assert_eq!(sent_to(&out), vec!["grace"]);
        // Someone suspended hears nothing from the programmes meanwhile.
        let mut suspended = carol(&[]);
        if let Subject::Broadcast { suspended: s, .. } = &mut suspended.subject {
            s.push(user("grace"));
        }
        let out = confirmed(
            &suspended.ctx(),
            &room("coordinators"),
            "pathways",
            Audience::All,
            &[(String::new(), "Hello".into())],
        );
        assert_eq!(sent_to(&out), vec!["amina", "bo"]);
        let nobody = ask(
            &carol(&["grace"]).ctx(),
            None,
            &room("coordinators"),
            command("broadcast mentors Hello"),
        );
        assert!(records(&nobody).is_empty() && nobody.state == StateChange::Unchanged);
        assert!(posted(&nobody, "coordinators")[0].text.contains("Nobody to send to: there are no mentors in Pathways who have not muted announcements (1 has)."));
        let long = format!("broadcast all {}", "x".repeat(MAX_CHARS + 1));
        let refused = ask(&scene.ctx(), None, &room("coordinators"), command(&long));
        assert!(
            posted(&refused, "coordinators")[0]
                .text
                .contains("a broadcast can have at most 1800")
        );
        assert_eq!(refused.state, StateChange::Unchanged);
    }

    #[test]
    fn each_person_reads_a_broadcast_in_their_language_where_it_was_translated() {
        let scene = carol(&[]);
        let out = confirmed(
            &scene.ctx(),
            &room("coordinators"),
            "pathways",
            Audience::All,
            &[
                (String::new(), "Hello".into()),
                ("es".into(), "Hola".into()),
            ],
        );
        let Some(Effect::SendDm { message, .. }) = out.effects.first() else {
            panic!("{:?}", out.effects)
        };
        assert!(message.text.contains("Hello"));
        let spanish = message.in_language(Locale::from_tag("es").unwrap());
        assert!(
            spanish.text.contains("Hola") && spanish.text.contains("silenciar anuncios"),
            "{}",
            spanish.text
        );
        let arabic = message.in_language(Locale::from_tag("ar").unwrap());
        assert!(
            arabic.text.contains("Hello") && arabic.text.contains("كتم الإعلانات"),
            "{}",
            arabic.text
        );
    }
}
