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
use crate::domain::translations::step_path;
use crate::domain::{ApplicationStatus, Programme, RoleKind, RoomRef};
use crate::i18n::Text;

pub(crate) fn help_text(ctx: &Ctx<'_>, prefix: &str) -> Text {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    let with_p = |id: &str| Text::msg(id).arg("p", p.as_str());
    let open: Vec<&Programme> = ctx
        .programmes
        .iter()
        .filter(|p| p.applications_open)
        .collect();
    let mut lines = vec![Text::msg("help-hello")];
    if open.is_empty() {
        lines.push(Text::msg("help-none-open"));
    } else {
        lines.push(Text::msg("help-open"));
        for prog in &open {
            lines.push(Text::join(
                vec![
                    Text::plain("• "),
                    prog.said_name(),
                    Text::plain(format!(" ({}): ", prog.slug)),
                    prog.said("description", &prog.description),
                ],
                "",
            ));
        }
    }
    lines.push(with_p("help-you-can-type"));
    // Questions to the team are asked by DM only (their answer comes there).
    if prefix.is_empty() {
        lines.push(Text::msg("help-ask-team"));
    }
    // Linking works by DM, between the two chat platforms.
    if prefix.is_empty() && ctx.user.platform != crate::domain::Platform::Console {
        lines.push(Text::msg("help-link"));
    }
    if ctx
        .matches
        .iter()
        .any(|m| m.status == crate::domain::matches::MatchStatus::Active)
    {
        lines.push(with_p("help-matched"));
    }
    if ctx.matches.iter().any(|m| m.room.is_some()) {
        lines.push(with_p("help-transcript"));
        if ctx
            .matches
            .iter()
            .any(|m| m.status == MatchStatus::Active && m.room.is_some())
        {
            lines.push(with_p("help-pair-room").arg("room", format!("{} ", ctx.room_prefix)));
        }
    }
    if !ctx.surveys.is_empty() {
        lines.push(with_p("help-survey"));
    }
    let has_resources = ctx.applications.iter().any(|a| {
        ctx.programme(&a.programme)
            .is_some_and(|p| p.resources.iter().any(|r| r.is_for(a.role)))
    });
    if has_resources {
        lines.push(with_p("help-resources"));
    }
    // Announcements come by DM to people in a programme: how to stop them.
    if prefix.is_empty() && !ctx.applications.is_empty() {
        lines.push(Text::msg("help-announcements"));
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
        lines.push(Text::msg("help-rank"));
    } else if prefix.is_empty() && choosing(RoleKind::Mentee, &MatchedBy::mentees_choose) {
        lines.push(Text::msg("help-request"));
    } else if prefix.is_empty() && choosing(RoleKind::Mentor, &MatchedBy::mentees_choose) {
        lines.push(Text::msg("help-mentor-profile"));
    }
    // In a DM, how to switch, in each other language: someone who cannot read this one
    // finds theirs (rendered here, each in its own language, whatever the reader's).
    if prefix.is_empty() {
        lines.extend(
            crate::i18n::Locale::all()
                .filter(|l| *l != ctx.language)
                .map(|l| Text::plain(Text::msg("language-offer").render(l))),
        );
    }
    Text::lines(lines)
}

/// `help` (or the prefix alone: `topic` is `None`) and `help <command>` in `room`: the
/// staff commands of the coordinators' room, of the moderators' room, or of both when one
/// room is both; anywhere else everyone's menu. One text per message to post.
pub(crate) fn room_help(ctx: &Ctx<'_>, room: &RoomRef, topic: Option<&str>) -> Vec<Text> {
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
pub(crate) fn dm_help(ctx: &Ctx<'_>) -> Vec<Text> {
    let mut texts = vec![help_text(ctx, "")];
    if ctx.moderation.is_escalation_contact(ctx.user) {
        texts.extend(staff::menu(&[staff::Desk::Contact], ""));
    }
    texts
}

pub(crate) fn status_text(ctx: &Ctx<'_>) -> Text {
    if ctx.applications.is_empty() {
        return Text::msg("status-none");
    }
    let mut lines = vec![applications_text(ctx)];
    let until = |id: &str, d: Option<chrono::DateTime<chrono::Utc>>| match d {
        Some(d) => Text::msg(id).arg("date", Text::date(d.date_naive())),
        None => Text::plain(""),
    };
    for m in ctx.matches.iter().filter(|m| m.status.is_open()) {
        let (other, role) = if m.mentee == *ctx.user {
            (&m.mentor_name, Text::msg("status-matched-role-mentor"))
        } else {
            (&m.mentee_name, Text::msg("status-matched-role-mentee"))
        };
        let request = m.origin == MatchOrigin::Request;
        match m.status {
            MatchStatus::Proposed if request && m.mentee == *ctx.user => {
                lines.push(Text::msg("status-request-with-coordinators").arg("other", other))
            }
            MatchStatus::Proposed => {}
            MatchStatus::Approved if request && m.mentee == *ctx.user => lines.push(
                Text::msg("status-request-waiting")
                    .arg("other", other)
                    .arg("until", until("status-until", m.deadline)),
            ),
            MatchStatus::Active => lines.push(
                Text::msg("status-matched")
                    .arg("other", other)
                    .arg("role", role)
                    .arg(
                        "room",
                        // Theirs: a relayed pair room's mentor is in its other side.
                        match (&m.relay_room, m.mentor == *ctx.user) {
                            (Some(relay), true) => Some(relay),
                            _ => m.room.as_ref(),
                        }
                        .map(|r| match m.room_platform {
                            // Where only a linked account puts them.
                            Some(p) if p != ctx.user.platform => Text::msg("status-pair-room-on")
                                .arg("room", r)
                                .arg("platform", p.display()),
                            _ => Text::msg("status-pair-room").arg("room", r),
                        })
                        .unwrap_or_else(|| Text::plain("")),
                    ),
            ),
            _ => lines.push(
                Text::msg("status-offer-waiting")
                    .arg("other", other)
                    .arg("role", role)
                    .arg("until", until("status-offer-until", m.deadline)),
            ),
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
        lines.push(Text::msg("status-choose"));
    }
    if let Some(linked) = ctx.linked {
        lines.push(
            Text::msg("status-linked")
                .arg("platform", linked.other.platform.display())
                .arg("account", linked.other.id.as_str()),
        );
    }
    Text::lines(lines)
}

fn applications_text(ctx: &Ctx<'_>) -> Text {
    let mut lines = vec![Text::msg("status-applications")];
    let today = ctx.now.date_naive();
    for app in ctx.applications {
        let programme = ctx.programme(&app.programme);
        lines.push(
            Text::msg("status-application")
                .arg("programme", ctx.said_programme(&app.programme))
                .arg("role", ctx.said_role(app))
                .arg("id", app.id)
                .arg("date", Text::date(app.submitted_at.date_naive()))
                .arg("stage", Stage::of(app, ctx.matches).said()),
        );
        if let Some((position, total)) = app.waitlist_position {
            lines.push(
                Text::msg("status-waitlist")
                    .arg("position", position)
                    .arg("total", total),
            );
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
                let label = programme.map_or_else(
                    || Text::plain(step.label.clone()),
                    |p| {
                        p.said(
                            &step_path(app.role.as_str(), &step.id, "label"),
                            &step.label,
                        )
                    },
                );
                lines.push(Text::join(
                    vec![
                        Text::plain(format!("    {mark} ")),
                        label,
                        Text::plain(": "),
                        state.said(),
                    ],
                    "",
                ));
            }
        }
    }
    Text::lines(lines)
}

pub(crate) fn unknown_text(text: &str, prefix: &str) -> Text {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    match suggest(text) {
        Some(cmd) => Text::msg("help-unknown-suggest")
            .arg("p", p)
            .arg("command", cmd),
        None => Text::msg("help-unknown").arg("p", p),
    }
}
