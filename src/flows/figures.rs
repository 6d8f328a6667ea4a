//! `report` in the coordinators' room: the programme's figures in one message with a chart
//! (see `domain::figures`); and `export <what> [csv|json]`, the same tables as `tandem
//! export` as a file. In any other room, and in a DM, `report` is an incident report.

use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::domain::figures::{ReportInput, build};
use crate::domain::{Programme, RoomRef, UserRef};
use crate::i18n::Text;

/// `report [programme]` in the coordinators' room: the programme named, if any.
pub fn parse(rest: &str) -> Option<Option<String>> {
    let mut words = rest.split_whitespace();
    let first = words.next()?;
    if !first.eq_ignore_ascii_case("report") {
        return None;
    }
    let arg = words.next().map(str::to_string);
    words.next().is_none().then_some(arg)
}

/// The programme a coordinator's `report` is about, or why not: `None` when the sender
/// does not coordinate it (refused like any other coordinators' command), else what to
/// say (no such programme, or which of theirs to name).
pub fn which<'p>(
    programmes: &'p [Programme],
    user: &UserRef,
    arg: Option<&str>,
) -> Result<&'p Programme, Option<Text>> {
    let mine: Vec<&Programme> = programmes
        .iter()
        .filter(|p| p.is_coordinator(user))
        .collect();
    match (arg, mine.as_slice()) {
        (Some(slug), _) => match mine.into_iter().find(|p| p.slug == slug) {
            Some(p) => Ok(p),
            // Someone else's programme: refused like any other coordinators' command.
            None if programmes.iter().any(|p| p.slug == slug) => Err(None),
            None => Err(Some(
                Text::msg("roster-no-programme")
                    .arg("programme", crate::domain::text::preview(slug, 40)),
            )),
        },
        (None, [one]) => Ok(one),
        (None, []) => Err(None),
        (None, many) => Err(Some(
            Text::msg("roster-which-programme").arg(
                "programmes",
                many.iter()
                    .map(|p| p.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        )),
    }
}

/// The programme a coordinators' command in `room` names (see [`which`]), or its answer:
/// the refusal (recorded) to someone who does not coordinate it, to be allowed to `what`,
/// or which programmes there are to name.
pub(crate) fn coordinated<'c>(
    ctx: &Ctx<'c>,
    room: &RoomRef,
    named: Option<&str>,
    what: Text,
) -> Result<&'c Programme, Box<Outcome>> {
    which(ctx.programmes, ctx.user, named).map_err(|e| {
        Box::new(match e {
            None => super::review::refuse_non_coordinator(ctx, room, what),
            Some(said) => super::post_said(room, said),
        })
    })
}

/// Posts the report, or says why not.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, arg: Option<&str>) -> Outcome {
    let post = |text: Text| super::post_said(room, text);
    let programme = match coordinated(ctx, room, arg, Text::msg("coordinators-can-report")) {
        Ok(p) => p,
        Err(answer) => return *answer,
    };
    let Subject::Report {
        applications,
        matches,
        check_ins,
        surveys,
        meetings,
    } = ctx.subject
    else {
        return post(Text::msg("roster-report-unloaded"));
    };
    let report = build(&ReportInput {
        programme,
        applications,
        matches,
        check_ins,
        surveys,
        meetings,
        now: ctx.now,
    });
    let mut outcome = post(Text::lines(vec![
        report.said(),
        Text::msg("roster-report-incidents"),
    ]));
    outcome.effects.push(Effect::PostChart {
        room: room.clone(),
        title: Text::msg("roster-report-chart")
            .arg("programme", programme.said_name())
            .arg("date", Text::date(ctx.now.date_naive())),
        sections: report.chart(),
    });
    outcome
}

/// `export <applications|matches|surveys|events|outcomes> [csv|json] [programme]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportCommand {
    pub what: String,
    pub json: bool,
    pub programme: Option<String>,
}

fn export_usage() -> Text {
    Text::msg("roster-export-usage")
}

/// Parses `export …`; `None` when the text is not one.
pub fn parse_export(rest: &str) -> Option<Result<ExportCommand, Text>> {
    let words: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
    if words.first().map(String::as_str) != Some("export") {
        return None;
    }
    let Some(what) = words.get(1).filter(|w| {
        ["applications", "matches", "surveys", "events", "outcomes"].contains(&w.as_str())
    }) else {
        return Some(Err(export_usage()));
    };
    let mut json = false;
    let mut programme = None;
    for w in &words[2..] {
        match w.as_str() {
            "csv" => json = false,
            "json" => json = true,
            other if programme.is_none() => programme = Some(other.to_string()),
            _ => return Some(Err(export_usage())),
        }
    }
    Some(Ok(ExportCommand {
        what: what.clone(),
        json,
        programme,
    }))
}

/// Posts the export file (made by the app, which holds the data), or why not.
pub fn handle_export(
    ctx: &Ctx<'_>,
    room: &RoomRef,
    command: Result<ExportCommand, Text>,
) -> Outcome {
    let post = |message: OutMessage| {
        Outcome::unchanged(vec![Effect::PostInRoom {
            room: room.clone(),
            message,
        }])
    };
    let command = match command {
        Ok(c) => c,
        Err(e) => return post(OutMessage::said(e)),
    };
    let programme = match coordinated(
        ctx,
        room,
        command.programme.as_deref(),
        Text::msg("coordinators-can-export"),
    ) {
        Ok(p) => p,
        Err(answer) => return *answer,
    };
    match ctx.subject {
        Subject::Export(Ok((data, notes))) => {
            let extension = if command.json { "json" } else { "csv" };
            let mut lines = vec![
                Text::msg("roster-export")
                    .arg("what", command.what.as_str())
                    .arg("programme", programme.said_name())
                    .arg("format", extension),
            ];
            lines.extend(
                notes
                    .iter()
                    .map(|note| Text::msg("roster-export-left-out").arg("note", note.clone())),
            );
            post(OutMessage {
                attachment: Some(super::Attachment {
                    name: format!(
                        "{}-{}-{}.{extension}",
                        programme.slug,
                        command.what,
                        ctx.now.format("%Y-%m-%d")
                    ),
                    mime: if command.json {
                        "application/json".into()
                    } else {
                        "text/csv".into()
                    },
                    data: data.clone().into_bytes(),
                }),
                ..OutMessage::said(Text::lines(lines))
            })
        }
        Subject::Export(Err(reason)) => post(OutMessage::said(reason.clone())),
        _ => post(OutMessage::said(Text::msg("roster-export-unloaded"))),
    }
}
