//! Deciding on one message: the route (see [`super::route`]) goes to the stage that
//! handles it, with the conversation that is open.
//!
//! - A DM with nothing open is a command ([`idle_dm`]); with a flow open it is that
//!   flow's answer, unless it is a command that escapes any flow (see `escape`).
//! - In a shared room only prefixed commands are for the bot ([`in_room`]); anything
//!   personal is answered by DM.
//! - Files go only to a report's evidence step or an answer to a moderator's question.
//!
//! A new command is routed in `route/` and handled here, in [`idle_dm`] or [`in_room`],
//! by calling its stage's handler.

use super::command::Command;
use super::help::{dm_help, room_help, status_text, unknown_text};
use super::route::{Dm, Room, Route};
use super::{
    Content, Ctx, Effect, FileStatus, FlowState, Inbound, InboundFile, OutMessage, Outcome,
    actions, agreement, announce, application, assist, broadcast, cases, choice, closure, escape,
    events, figures, language, meetings, pairing, pause, personal, prompts, report, resources,
    review, roster, starters, support, survey, team, withdraw,
};
use crate::domain::{Place, RoomRef};
use crate::i18n::Text;

/// Routes and decides one message (for the app's own steps and for tests; the app routes
/// a person's message itself, to load what the route needs first).
pub fn handle(ctx: &Ctx<'_>, state: Option<&FlowState>, inbound: &Inbound) -> Outcome {
    decide(
        ctx,
        state,
        inbound,
        &super::route::route(inbound, &ctx.router()),
    )
}

/// Decides what to do with one inbound message, routed once (see [`super::route`]).
pub fn decide(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    inbound: &Inbound,
    route: &Route,
) -> Outcome {
    if let Route::TooLong(len) = route {
        let reply = Text::msg("reply-too-long")
            .arg("length", Text::number(*len))
            .arg("max", Text::number(ctx.max_message_chars));
        let mut effects = vec![reply_to(ctx, &inbound.place, reply)];
        effects.extend(drop_held(ctx, &inbound.files));
        return Outcome::unchanged(effects);
    }
    if !inbound.files.is_empty() {
        return with_files(ctx, state, inbound, route);
    }
    match route {
        // The platform's own "report message": a report with that message as evidence.
        Route::ReportMessage(link) => match state {
            None => report::start_about_message(ctx, link.clone()),
            Some(_) => Outcome::unchanged(vec![said(ctx, "reply-finish-then-report-message")]),
        },
        // An RSVP button or reaction, wherever it was pressed: answered by DM.
        Route::Rsvp(n, answer) => events::rsvp(ctx, *n, *answer),
        Route::Room { room, command, .. } => in_room(ctx, state, room, command),
        Route::Dm(dm) => match state {
            None => idle_dm(ctx, dm, &inbound.content),
            Some(FlowState::Stacked { top, under }) => {
                let outcome = dm_escapes(ctx, top, dm, &inbound.content, true)
                    .unwrap_or_else(|| dm_step(ctx, top, &inbound.content, dm.command()));
                escape::restack(ctx, outcome, under)
            }
            Some(state) => dm_escapes(ctx, state, dm, &inbound.content, false)
                .unwrap_or_else(|| dm_step(ctx, state, &inbound.content, dm.command())),
        },
        Route::TooLong(_) => unreachable!("answered above"),
    }
}

/// A command that escapes the open flow `state` (see [`escape`]), if the message is one.
fn dm_escapes(
    ctx: &Ctx<'_>,
    state: &FlowState,
    dm: &Dm,
    content: &Content,
    stacked: bool,
) -> Option<Outcome> {
    escape::in_flow(
        ctx,
        state,
        dm,
        stacked,
        |c, command| dm_step(ctx, state, c, command),
        || idle_dm(ctx, dm, content),
    )
}

/// One message in a DM, for the flow `state` that is open: what was sent, and the command
/// it reads as (`back`, `skip`, `cancel`, ...), as the registry read it; steps never parse
/// commands again.
fn dm_step(
    ctx: &Ctx<'_>,
    state: &FlowState,
    content: &Content,
    command: Option<&Command>,
) -> Outcome {
    match state {
        FlowState::Application(flow) => application::step(ctx, flow, content, command),
        FlowState::AnswerQuestion(flow) => prompts::answer_step(ctx, flow, content, command),
        FlowState::Acknowledge(flow) => prompts::acknowledge_step(ctx, flow, content, command),
        FlowState::MatchOffer(flow) => prompts::offer_step(ctx, flow, content, command),
        FlowState::CheckIn(flow) => prompts::check_in_step(ctx, flow, content),
        FlowState::ConfirmWithdraw(flow) => withdraw::step(ctx, flow, content),
        FlowState::Report(flow) => report::step(ctx, flow, content, command),
        FlowState::CaseReply(flow) => cases::reply_step(ctx, flow, content),
        FlowState::Survey(flow) => survey::step(ctx, flow, content, command),
        FlowState::ConfirmClose(flow) => closure::confirm_step(ctx, flow, content, command),
        FlowState::WhatNext(flow) => closure::next_step(ctx, flow, content, command),
        FlowState::ConfirmDelete(_) => personal::confirm_step(ctx, content),
        FlowState::ConfirmAction(_) => Outcome::unchanged(
            escape::question(ctx, state)
                .map(|q| ctx.dm(q))
                .into_iter()
                .collect(),
        ),
        FlowState::Stacked { top, .. } => dm_step(ctx, top, content, command),
    }
}

/// A message with files. Only a report's evidence step and an answer to a moderator's
/// question take files; anywhere else the files are passed over (in a DM, with a word
/// saying so) and a caption is handled as if typed alone.
fn with_files(
    ctx: &Ctx<'_>,
    state: Option<&FlowState>,
    inbound: &Inbound,
    route: &Route,
) -> Outcome {
    let caption = match &inbound.content {
        Content::Text(t) => t.as_str(),
        Content::Picked { .. } => "",
    };
    if inbound.place == Place::Dm {
        let taken = match state.map(FlowState::active) {
            Some(FlowState::Report(flow)) => {
                Some(report::files(ctx, flow, &inbound.files, caption))
            }
            Some(FlowState::CaseReply(flow)) => {
                Some(cases::reply_files(ctx, flow, &inbound.files, caption))
            }
            _ => None,
        };
        if let Some(outcome) = taken {
            return match state {
                Some(FlowState::Stacked { under, .. }) => escape::restack(ctx, outcome, under),
                _ => outcome,
            };
        }
    }
    // Files fetched for a step that, by the time it was decided, no longer wanted them.
    let mut outcome = if caption.trim().is_empty() {
        Outcome::unchanged(drop_held(ctx, &inbound.files).into_iter().collect())
    } else {
        let caption_alone = Inbound {
            files: vec![],
            ..inbound.clone()
        };
        let mut outcome = decide(ctx, state, &caption_alone, route);
        outcome.effects.extend(drop_held(ctx, &inbound.files));
        outcome
    };
    if inbound.place == Place::Dm {
        outcome.effects.insert(0, said(ctx, "reply-files-not-kept"));
    }
    outcome
}

/// Deletes the files of a message that the app fetched and held but no flow took.
pub(crate) fn drop_held(ctx: &Ctx<'_>, files: &[InboundFile]) -> Option<Effect> {
    let ids: Vec<i64> = files
        .iter()
        .filter_map(|f| match &f.status {
            FileStatus::Held(h) => Some(h.id),
            _ => None,
        })
        .collect();
    (!ids.is_empty()).then(|| Effect::DropHeldFiles {
        holder: ctx.user.clone(),
        ids,
    })
}

fn reply_to(ctx: &Ctx<'_>, place: &Place, text: Text) -> Effect {
    match place {
        Place::Dm => ctx.dm(OutMessage::said(text)),
        Place::Room(room) => Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(text),
        },
    }
}

/// The catalogue's message `id`, by DM.
fn said(ctx: &Ctx<'_>, id: &str) -> Effect {
    ctx.dm(OutMessage::said(Text::msg(id)))
}

/// A DM with no conversation in progress: a command, or a friendly pointer to `help`.
fn idle_dm(ctx: &Ctx<'_>, dm: &Dm, content: &Content) -> Outcome {
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    match dm {
        Dm::Picked => say(Text::msg("reply-picked-nothing-open")),
        Dm::Surveys => survey::resume(ctx),
        Dm::Close(id, reason) => closure::start(ctx, *id, reason),
        Dm::Personal(personal::PersonalCommand::MyData) => personal::my_data(ctx),
        Dm::Personal(personal::PersonalCommand::Delete) => personal::start_delete(ctx),
        Dm::Link(command) => super::link::handle(ctx, command),
        Dm::AskTeam(asked) => team::ask(ctx, asked),
        Dm::Choice(command) => choice::handle(ctx, command),
        Dm::Meeting(command) => meetings::handle_dm(ctx, command.clone()),
        Dm::PairRoomOnly(typed) => say(Text::msg("reply-pair-room-only")
            .arg("typed", typed.as_str())
            .arg("prefix", ctx.room_prefix)),
        Dm::Transcript(n) => closure::transcript(ctx, *n),
        // The escalation contact works restricted cases here, by DM.
        Dm::Case(command) => cases::handle_dm(ctx, command.clone()),
        Dm::Rsvp(n, answer) => events::rsvp(ctx, *n, Some(*answer)),
        Dm::RsvpUsage(usage) => say(usage.clone()),
        Dm::EventsElsewhere => {
            say(Text::msg("reply-events-elsewhere").arg("prefix", ctx.room_prefix))
        }
        Dm::CoordinatorsElsewhere => {
            say(Text::msg("reply-coordinators-elsewhere").arg("prefix", ctx.room_prefix))
        }
        Dm::Command(Command::Help | Command::Greeting) => Outcome::unchanged(
            dm_help(ctx)
                .into_iter()
                .map(|t| ctx.dm(OutMessage::said(t)))
                .collect(),
        ),
        Dm::Command(Command::Apply(args)) => application::start(ctx, args),
        Dm::Command(Command::Status) => {
            Outcome::unchanged(vec![ctx.dm(OutMessage::said(status_text(ctx)))])
        }
        Dm::Command(Command::Language(words)) => language::handle(ctx, words),
        Dm::Command(Command::Resources(words)) => resources::list(ctx, words),
        Dm::Command(Command::Done(n)) => resources::done(ctx, n),
        Dm::Command(Command::MuteAnnouncements(muted)) => broadcast::mute(ctx, *muted),
        Dm::Command(Command::Withdraw(programme)) => withdraw::start(ctx, programme.as_deref()),
        Dm::Command(Command::Report) => report::start(ctx, None),
        Dm::Command(Command::Pause(rest)) => pause::pause(ctx, rest),
        Dm::Command(Command::Resume) => pause::resume(ctx),
        Dm::Command(Command::Cancel) => say(Text::msg("reply-nothing-to-cancel")),
        Dm::Command(Command::Stop) => say(Text::msg("reply-nothing-to-stop")),
        Dm::Command(
            Command::Back
            | Command::Skip
            | Command::Review
            | Command::Submit
            | Command::Keep
            | Command::Repeat,
        )
        | Dm::Command(Command::Edit(_)) => say(Text::msg("reply-no-application")),
        // No offer open: one that ended meanwhile (the person was told).
        Dm::OfferAnswer => say(Text::msg("reply-no-offer")),
        Dm::Other => {
            let text = match content {
                Content::Text(t) => t.as_str(),
                Content::Picked { .. } => "",
            };
            let mut reply = vec![unknown_text(text, "")];
            // A sentence is most likely meant for a person: say how to reach the team.
            if text.split_whitespace().count() >= 4 {
                reply.push(Text::msg("help-write-to-team"));
            }
            Outcome::unchanged(vec![ctx.dm(OutMessage::said(Text::join(reply, " ")))])
        }
    }
}

/// A message in a shared room: only prefixed commands are for the bot, and anything
/// personal is answered by DM.
fn in_room(ctx: &Ctx<'_>, state: Option<&FlowState>, room: &RoomRef, command: &Room) -> Outcome {
    let said_here = |t: Text| said_in(room, t);
    let sent_dm = Text::msg("reply-sent-dm").arg("user", ctx.user.id.as_str());
    match command {
        Room::NotForBot => Outcome::unchanged(vec![]),
        Room::Help | Room::Command(Command::Help | Command::Greeting) => Outcome::unchanged(
            room_help(ctx, room, None)
                .into_iter()
                .map(said_here)
                .collect(),
        ),
        Room::HelpOn(topic) => Outcome::unchanged(
            room_help(ctx, room, Some(topic))
                .into_iter()
                .map(said_here)
                .collect(),
        ),
        Room::Cancel => match actions::waiting(state) {
            Some(_) => actions::handle(ctx, state, room, Ok(actions::ActionCommand::Cancel)),
            // No action waits: the `cancel` everyone has.
            _ => in_room(ctx, state, room, &Room::Command(Command::Cancel)),
        },
        Room::Action(command) => actions::handle(ctx, state, room, command.clone()),
        Room::Case(command) => cases::handle(ctx, room, command.clone()),
        Room::Event(Ok(command)) => events::handle(ctx, room, command.clone()),
        Room::Event(Err(usage)) => post_said(room, usage.clone()),
        Room::Survey(Err(usage)) => post_said(room, usage.clone()),
        Room::Close { room: command, own } => {
            if ctx.is_coordinators_room(room) {
                return closure::handle_room(ctx, state, room, command.clone());
            }
            // A participant in their pair room (or anywhere else): the confirmation goes
            // on in the DM, and nothing is said in the room.
            match state {
                None => closure::start(ctx, own.0, &own.1),
                Some(_) => Outcome::unchanged(vec![said(ctx, "reply-finish-then-close")]),
            }
        }
        Room::Survey(Ok(command)) => survey::handle(ctx, state, room, command.clone()),
        Room::Figures(programme) => figures::handle(ctx, room, programme.as_deref()),
        Room::Export(command) => match staff_command(
            room,
            ctx.is_coordinators_room(room),
            Ok::<_, Text>(command.clone()),
            Text::msg("reply-exports-elsewhere"),
        ) {
            Ok(command) => figures::handle_export(ctx, room, command),
            Err(early) => *early,
        },
        // Started from a room (perhaps a pair room): the report goes on in the DM, and
        // nothing is said in the room.
        Room::Report => match state {
            None => report::start(ctx, Some(room.id.clone())),
            // The open flow keeps its place under the report (see `escape`).
            Some(open @ (FlowState::Stacked { .. } | FlowState::Report(_))) => {
                let mut effects = vec![said(ctx, "reply-finish-then-report")];
                effects.extend(escape::question(ctx, open).map(|q| ctx.dm(q)));
                Outcome::unchanged(effects)
            }
            Some(open) => escape::stack(ctx, report::start(ctx, Some(room.id.clone())), open),
        },
        Room::Review(command) => review::handle(ctx, room, command.clone()),
        Room::Pairing(command) => pairing::handle(ctx, room, command.clone()),
        Room::Roster(command) => roster::handle(ctx, room, command.clone()),
        Room::Pause(command) => pause::handle(ctx, room, command.clone()),
        Room::Support(command) => support::handle(ctx, room, command.clone()),
        Room::Team(command) => team::handle(ctx, room, command.clone()),
        Room::Flag(command) => super::safety::handle(ctx, room, command.clone()),
        Room::Command(Command::Apply(args)) => {
            let mut outcome = match state {
                Some(FlowState::Application(flow)) => application::remind(ctx, flow),
                Some(_) => Outcome::unchanged(vec![said(ctx, "reply-finish-first")]),
                None => application::start(ctx, args),
            };
            // An Apply card's button (`via announcement`) says nothing in the community's
            // room: the DM is the answer, and a busy room is not filled with them.
            if !args
                .windows(2)
                .any(|w| w[0] == "via" && w[1] == "announcement")
            {
                outcome.effects.push(said_here(sent_dm));
            }
            outcome
        }
        Room::Command(Command::Status) => Outcome::unchanged(vec![
            ctx.dm(OutMessage::said(status_text(ctx))),
            said_here(sent_dm),
        ]),
        Room::Command(Command::Language(words)) => {
            let mut outcome = language::handle(ctx, words);
            outcome.effects.push(said_here(sent_dm));
            outcome
        }
        Room::Command(Command::Resources(words)) => {
            let mut outcome = resources::list(ctx, words);
            outcome.effects.push(said_here(sent_dm));
            outcome
        }
        Room::Command(Command::MuteAnnouncements(muted)) => {
            let mut outcome = broadcast::mute(ctx, *muted);
            outcome.effects.push(said_here(sent_dm));
            outcome
        }
        Room::Command(Command::Done(n)) => {
            let mut outcome = resources::done(ctx, n);
            outcome.effects.push(said_here(sent_dm));
            outcome
        }
        Room::Resources(named) => resources::progress(ctx, room, named.as_deref()),
        Room::Outcomes(named) => super::outcomes::handle(ctx, room, named.as_deref()),
        Room::Announce(command) => match staff_command(
            room,
            ctx.is_coordinators_room(room),
            command.clone(),
            Text::msg("reply-announcements-elsewhere"),
        ) {
            Ok(command) => announce::handle(ctx, room, command),
            Err(early) => *early,
        },
        Room::Assist(command) => match staff_command(
            room,
            ctx.is_coordinators_room(room),
            command.clone(),
            Text::msg("assist-wrong-room"),
        ) {
            Ok(command) => assist::handle(ctx, state, room, command),
            Err(early) => *early,
        },
        Room::Broadcast(command) => match staff_command(
            room,
            ctx.is_coordinators_room(room),
            command.clone(),
            Text::msg("reply-broadcasts-elsewhere"),
        ) {
            Ok(command) => broadcast::ask(ctx, state, room, command),
            Err(early) => *early,
        },
        Room::Command(_) => Outcome::unchanged(vec![said_here(
            Text::msg("reply-answer-in-dm").arg("user", ctx.user.id.as_str()),
        )]),
        Room::Idea => starters::handle(ctx, room),
        Room::Agreement(command) => agreement::handle(ctx, room, *command),
        Room::Meeting(command) => meetings::handle(ctx, room, command.clone()),
        Room::Unknown(rest) => {
            Outcome::unchanged(vec![said_here(unknown_text(rest, ctx.room_prefix))])
        }
    }
}

/// The common start of a command posted in a staff room: a usage error is answered, and
/// nothing is done unless `in_its_room` (the kind of room where such commands work), so
/// that what they show never appears anywhere else. `Err` is the reply to send instead.
pub(crate) fn staff_command<C>(
    room: &RoomRef,
    in_its_room: bool,
    command: Result<C, impl Into<Text>>,
    wrong_room: impl Into<Text>,
) -> Result<C, Box<Outcome>> {
    let reply = |message: OutMessage| {
        Box::new(Outcome::unchanged(vec![Effect::PostInRoom {
            room: room.clone(),
            message,
        }]))
    };
    let command = command.map_err(|usage| reply(OutMessage::said(usage.into())))?;
    if !in_its_room {
        return Err(reply(OutMessage::said(wrong_room.into())));
    }
    Ok(command)
}

/// A post of `text`, said from the catalogue, in `room`.
pub(crate) fn said_in(room: &RoomRef, text: impl Into<Text>) -> Effect {
    Effect::PostInRoom {
        room: room.clone(),
        message: OutMessage::said(text.into()),
    }
}

/// A step whose only effect is a post in `room`: `text`, said from the catalogue.
pub(crate) fn post_said(room: &RoomRef, text: impl Into<Text>) -> Outcome {
    Outcome::unchanged(vec![said_in(room, text)])
}
