//! `report` in the coordinators' room: the programme's figures in one message (see
//! `domain::reporting`). In any other room, and in a DM, `report` is an incident report.

use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::domain::reporting::{ReportInput, build};
use crate::domain::{Programme, RoomRef, UserRef};

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

/// The programme a coordinator's `report` is about.
pub fn which<'p>(
    programmes: &'p [Programme],
    user: &UserRef,
    arg: Option<&str>,
) -> Result<&'p Programme, String> {
    let mine: Vec<&Programme> = programmes
        .iter()
        .filter(|p| p.is_coordinator(user))
        .collect();
    match (arg, mine.as_slice()) {
        (Some(slug), _) => mine.into_iter().find(|p| p.slug == slug).ok_or_else(|| {
            format!(
                "You don't coordinate a programme called “{}”.",
                crate::domain::text::preview(slug, 40)
            )
        }),
        (None, [one]) => Ok(one),
        (None, []) => Err(String::new()),
        (None, many) => Err(format!(
            "Which programme? Write report <programme>: {}.",
            many.iter()
                .map(|p| p.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Posts the report, or says why not.
pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, arg: Option<&str>) -> Outcome {
    let post = |text: String| {
        Outcome::unchanged(vec![Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::text(text),
        }])
    };
    let programme = match which(ctx.programmes, ctx.user, arg) {
        Ok(p) => p,
        Err(e) if e.is_empty() => {
            return super::review::refuse_non_coordinator(ctx, room, "see the programme report");
        }
        Err(e) => return post(e),
    };
    let Subject::Report {
        applications,
        matches,
        check_ins,
        surveys,
    } = ctx.subject
    else {
        return post("I couldn't load the programme's figures; please try again.".into());
    };
    let report = build(&ReportInput {
        programme,
        applications,
        matches,
        check_ins,
        surveys,
        now: ctx.now,
    });
    let mut outcome = post(format!(
        "{}\n(To report an incident privately, send me report in a direct message.)",
        report.text()
    ));
    outcome.effects.push(Effect::PostChart {
        room: room.clone(),
        title: format!(
            "Chart: {} on {}",
            programme.name,
            ctx.now.format("%-d %B %Y")
        ),
        sections: report.chart(),
    });
    outcome
}
