//! The texts that answer `help`, `status` and a message that is no command: what Tandem
//! can do for this person, where their applications stand, and the closest command.
//!
//! A new command everyone has gets its line in [`help_text`]; a coordinator's or
//! moderator's command gets its help in `staff`, which the build asks for (see there), and
//! is listed in its own room's help ([`room_help`]).

mod staff;

use super::Ctx;
use super::command::suggest;
use crate::domain::application::Stage;
use crate::domain::matches::{MatchOrigin, MatchStatus};
use crate::domain::matching::MatchedBy;
use crate::domain::screening::StepState;
use crate::domain::{ApplicationStatus, Programme, RoleKind, RoomRef};

pub(crate) fn help_text(ctx: &Ctx<'_>, prefix: &str) -> String {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    let open: Vec<&Programme> = ctx
        .programmes
        .iter()
        .filter(|p| p.applications_open)
        .collect();
    let mut s = String::from(
        "Hello! I'm Tandem, the bot that runs this community's mentoring programmes.\n",
    );
    if open.is_empty() {
        s.push_str("No programme is open for applications right now.\n");
    } else {
        s.push_str("Open for applications:\n");
        for prog in &open {
            s.push_str(&format!(
                "• {} ({}): {}\n",
                prog.name, prog.slug, prog.description
            ));
        }
    }
    s.push_str(&format!(
        "You can type:\n{p}apply — apply as a mentor or a mentee\n{p}status — see your applications\n{p}cancel — stop an application in progress\n{p}withdraw — take back an application you submitted\n{p}report — tell the moderators, privately, about something that worried you\n{p}my data — everything Tandem stores about you, as a file\n{p}delete my data — erase it (you'll be asked to confirm)\n{p}help — show this message"
    ));
    // Questions to the team are asked by DM only (their answer comes there).
    if prefix.is_empty() {
        s.push_str(
            "\nask the team <your message> — write to the programme's coordinators; their answer comes here",
        );
    }
    // Linking works by DM, between the two chat platforms.
    if prefix.is_empty() && ctx.user.platform != crate::domain::Platform::Console {
        s.push_str(
            "\nlink — be the same person here and on your other account (Matrix or Discord): the same applications and matches",
        );
    }
    if ctx
        .matches
        .iter()
        .any(|m| m.status == crate::domain::matches::MatchStatus::Active)
    {
        s.push_str(&format!(
            "\n{p}pause until 1 March — no check-ins or reminders until that date (or: pause for 2 weeks)\n{p}resume — end a pause early\n{p}close match — end your mentoring early (you'll be asked to confirm)"
        ));
    }
    if ctx.matches.iter().any(|m| m.room.is_some()) {
        s.push_str(&format!(
            "\n{p}transcript — your pair room's messages, as a file"
        ));
        if ctx
            .matches
            .iter()
            .any(|m| m.status == MatchStatus::Active && m.room.is_some())
        {
            s.push_str(&format!(
                "\n{} idea — in your pair room: something for the two of you to talk about\n{} agreement — in your pair room: your goals and ground rules (agree to accept them)\n{p}availability mon wed 18-20 — when you're free each week, in your own time (availability zone Europe/London first, if I don't know your time zone)\n{} meet — in your pair room: times you're both free (meet 2 books one, with a calendar file)\n{} met 45m — in your pair room: how long you met, towards your time together",
                ctx.room_prefix, ctx.room_prefix, ctx.room_prefix, ctx.room_prefix
            ));
        }
    }
    if !ctx.surveys.is_empty() {
        s.push_str(&format!("\n{p}survey — answer the survey waiting for you"));
    }
    // Where mentees choose their mentor, for those who applied there (by DM: the answers
    // are personal).
    let choosing = |role: RoleKind, by: &dyn Fn(MatchedBy) -> bool| {
        ctx.applications.iter().any(|a| {
            a.role == role
                && ctx
                    .programme(&a.programme)
                    .and_then(|p| p.matching.as_ref())
                    .is_some_and(|m| by(m.matched_by))
        })
    };
    if prefix.is_empty() && choosing(RoleKind::Mentee, &|b| b == MatchedBy::Ranked) {
        s.push_str("\nbrowse — the mentors who have room and fit you\nrank <numbers> — the mentors you'd like, your first choice first: each is asked in turn\nprofile — what the mentors you ask see of you");
    } else if prefix.is_empty() && choosing(RoleKind::Mentee, &MatchedBy::mentees_choose) {
        s.push_str("\nbrowse — the mentors who have room and fit you\nrequest <number> — ask one of them to be your mentor\nprofile — what the mentors you ask see of you");
    } else if prefix.is_empty() && choosing(RoleKind::Mentor, &MatchedBy::mentees_choose) {
        s.push_str("\nprofile — choose what mentees see of you when they look for a mentor");
    }
    s
}

/// `help` (or the prefix alone: `topic` is `None`) and `help <command>` in `room`: the
/// staff commands of the coordinators' room, of the moderators' room, or of both when one
/// room is both; anywhere else everyone's menu. One text per message to post.
pub(crate) fn room_help(ctx: &Ctx<'_>, room: &RoomRef, topic: Option<&str>) -> Vec<String> {
    let mut desks = vec![];
    if ctx.is_coordinators_room(room) {
        desks.push(staff::Desk::Coordinators);
    }
    if ctx.is_moderators_room(room) {
        desks.push(staff::Desk::Moderators);
    }
    if desks.is_empty() {
        return vec![help_text(ctx, ctx.room_prefix)];
    }
    match topic {
        None => staff::menu(&desks, ctx.room_prefix),
        Some(topic) => staff::one(topic, &desks, ctx.room_prefix),
    }
}

/// `help` in a DM: everyone's menu, and for the escalation contact the case commands they
/// work here. One text per message to send.
pub(crate) fn dm_help(ctx: &Ctx<'_>) -> Vec<String> {
    // How to switch, in each other language: someone who cannot read this one finds theirs.
    let offers: Vec<String> = crate::i18n::Locale::all()
        .filter(|l| *l != ctx.language)
        .map(|l| crate::i18n::Text::msg("language-offer").render(l))
        .collect();
    let mut texts = vec![format!("{}\n{}", help_text(ctx, ""), offers.join("\n"))];
    if ctx.moderation.is_escalation_contact(ctx.user) {
        texts.extend(staff::menu(&[staff::Desk::Contact], ""));
    }
    texts
}

pub(crate) fn status_text(ctx: &Ctx<'_>) -> String {
    if ctx.applications.is_empty() {
        return "You have no applications yet. Type apply to start one.".to_string();
    }
    let mut s = applications_text(ctx);
    for m in ctx.matches.iter().filter(|m| m.status.is_open()) {
        let (other, role) = if m.mentee == *ctx.user {
            (&m.mentor_name, "mentor")
        } else {
            (&m.mentee_name, "mentee")
        };
        let request = m.origin == MatchOrigin::Request;
        match m.status {
            MatchStatus::Proposed if request && m.mentee == *ctx.user => s.push_str(&format!(
                "\nYour request to {other} is with the coordinators; once they approve it, {other} is asked."
            )),
            MatchStatus::Proposed => {}
            MatchStatus::Approved if request && m.mentee == *ctx.user => s.push_str(&format!(
                "\nYou asked {other} to be your mentor; we're waiting for their answer{}.",
                m.deadline
                    .map(|d| format!(" (until {})", d.format("%-d %B")))
                    .unwrap_or_default()
            )),
            MatchStatus::Active => s.push_str(&format!(
                "\nYou are matched with {other} (your {role}){}.",
                // Theirs: a relayed pair room's mentor is in its other side.
                match (&m.relay_room, m.mentor == *ctx.user) {
                    (Some(relay), true) => Some(relay),
                    _ => m.room.as_ref(),
                }
                .map(|r| match m.room_platform {
                    // Where only a linked account puts them.
                    Some(p) if p != ctx.user.platform => {
                        format!("; your pair room is {r}, on {}", p.display())
                    }
                    _ => format!("; your pair room is {r}"),
                })
                .unwrap_or_default()
            )),
            _ => s.push_str(&format!(
                "\nA match with {other} (as your {role}) is waiting for answers{}.",
                m.deadline
                    .map(|d| format!(" until {}", d.format("%-d %B")))
                    .unwrap_or_default()
            )),
        }
    }
    // A ready mentee with nothing open, where mentees choose: how to choose.
    let free_to_choose = ctx.applications.iter().any(|a| {
        a.role == RoleKind::Mentee
            && a.status == ApplicationStatus::Ready
            && ctx
                .programme(&a.programme)
                .and_then(|p| p.matching.as_ref())
                .is_some_and(|c| c.matched_by.mentees_choose())
            && !ctx
                .matches
                .iter()
                .any(|m| m.mentee_application == a.id && m.status.is_open())
    });
    if free_to_choose {
        s.push_str("\nYou can choose your mentor: type browse to see who has room.");
    }
    if let Some(linked) = ctx.linked {
        s.push_str(&format!(
            "\nYour {} account ({}) is linked to this one; I write to you where you last wrote to me.",
            linked.other.platform.display(),
            linked.other.id
        ));
    }
    s
}

fn applications_text(ctx: &Ctx<'_>) -> String {
    let mut s = String::from("Your applications:");
    let today = ctx.now.date_naive();
    for app in ctx.applications {
        let programme = ctx.programme(&app.programme);
        let name = programme
            .map(|p| p.name.as_str())
            .unwrap_or(app.programme.as_str());
        s.push_str(&format!(
            "\n• {name}, as {} (A{}, submitted on {}): {}",
            app.role,
            app.id,
            app.submitted_at.format("%-d %B %Y"),
            Stage::of(app, ctx.matches).describe()
        ));
        if let Some((position, total)) = app.waitlist_position {
            s.push_str(&format!(
                "\n    You are number {position} of {total} on the waiting list."
            ));
        }
        let steps = programme
            .and_then(|p| p.role(app.role))
            .map(|r| r.screening.steps.as_slice())
            .unwrap_or(&[]);
        if app.status.is_accepted() {
            for step in steps {
                let state = app
                    .steps
                    .get(&step.id)
                    .cloned()
                    .unwrap_or(StepState::Pending);
                let mark = if state.complete(today) { "✓" } else { "·" };
                s.push_str(&format!(
                    "\n    {mark} {}: {}",
                    step.label,
                    state.describe()
                ));
            }
        }
    }
    s
}

pub(crate) fn unknown_text(text: &str, prefix: &str) -> String {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    match suggest(text) {
        Some(cmd) => format!(
            "Sorry, I didn't understand that. Did you mean {p}{cmd}? Type {p}help to see what I can do."
        ),
        None => format!("Sorry, I didn't understand that. Type {p}help to see what I can do."),
    }
}
