//! The engine's proposals in chat: `match preview` (a dry run, with why each pair was
//! proposed and why anyone was left out), `match propose` and `match rematch` (proposals
//! stored), `match swap` (another mentor for a proposal's mentee), the next best options
//! after a decision (`replan`), and the texts that show them to the coordinators.
//!
//! The engine itself is `crate::matching::plan`; what is free and what is never proposed
//! again is read from the programme's matches (`pool_state`). A new way to propose goes
//! here, with its command in `pairing::parse` and `handle`.

use super::*;
use crate::domain::matches::Reason;
use crate::i18n::Text;

/// Gives a proposal's mentee another mentor, chosen by the coordinator; the engine then
/// re-proposes for everyone the change frees, around the decisions already taken.
#[allow(clippy::too_many_arguments)]
pub(super) fn swap(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    matches: &[MatchRecord],
    id: i64,
    mentor_app: i64,
    room: &RoomRef,
) -> Outcome {
    let reply = |text: Text| post_said(room, text);
    let Some(m) = matches.iter().find(|m| m.id == id) else {
        return reply(Text::msg("matching-no-such").arg("id", id));
    };
    if m.status != MatchStatus::Proposed {
        return reply(already(m));
    }
    if m.origin == crate::domain::matches::MatchOrigin::Request {
        return reply(
            Text::msg("matching-request-own-choice")
                .arg("id", id)
                .arg("mentee", &m.mentee_name),
        );
    }
    if !engine_proposes(programme) {
        return reply(mentees_choose_text(programme));
    }
    let Some(config) = &programme.matching else {
        return reply(Text::msg("matching-not-set-up").arg("programme", &programme.name));
    };
    let Some(mentee) = mentees
        .iter()
        .find(|r| r.summary.id == m.mentee_application)
    else {
        return reply(Text::msg("matching-mentee-gone").arg("mentee", &m.mentee_name));
    };
    let Some(mentor) = mentors.iter().find(|r| r.summary.id == mentor_app) else {
        return reply(
            Text::msg("matching-not-a-mentor")
                .arg("id", mentor_app)
                .arg("programme", &programme.name),
        );
    };
    if mentor_app == m.mentor_application {
        return reply(Text::msg("matching-same-mentor").arg("id", id));
    }
    let (taken, excluded) = pool_state(matches);
    if excluded.contains(&(m.mentee_application, mentor_app)) {
        return reply(
            Text::msg("matching-before")
                .arg("mentee", &m.mentee_name)
                .arg("id", mentor_app),
        );
    }
    let places = crate::matching::plan::places_of(config, mentor);
    if taken.get(&mentor_app).copied().unwrap_or(0) >= places {
        return reply(Text::msg("matching-no-place").arg("id", mentor_app));
    }
    let (score, reasons) =
        match crate::matching::plan::evaluate_pair(config, programme, mentee, mentor, ctx.now) {
            Ok(r) => r,
            Err(why) => return reply(Text::msg("matching-swap-refused").arg("why", why)),
        };
    Outcome {
        state: StateChange::Unchanged,
        effects: vec![
            super::rejected(id, ctx.user.to_string()),
            Effect::StoreMatches(vec![NewMatch {
                programme: programme.slug.clone(),
                mentee_application: m.mentee_application,
                mentor_application: mentor_app,
                score,
                reasons,
                origin: crate::domain::matches::MatchOrigin::Coordinator,
            }]),
            said_in(
                room,
                Text::msg("matching-swapped")
                    .arg("id", id)
                    .arg("who", &ctx.user.id)
                    .arg("mentee", &m.mentee_name),
            ),
            Effect::Replan {
                programme: programme.slug.clone(),
            },
        ],
    }
}

/// Whether the engine proposes pairs in this programme (not when mentees choose alone).
fn engine_proposes(programme: &Programme) -> bool {
    programme
        .matching
        .as_ref()
        .is_none_or(|m| m.matched_by.engine_proposes())
}

/// Why a coordinator's proposal is refused in a programme where mentees choose.
pub(super) fn mentees_choose_text(programme: &Programme) -> Text {
    Text::msg("matching-mentees-choose")
        .arg("programme", programme.said_name())
        .arg(
            "setting",
            programme
                .matching
                .as_ref()
                .map_or("mentee_choice", |m| m.matched_by.as_str()),
        )
}

/// The engine's proposals as matches to store.
fn new_matches(
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    p: &Plan,
) -> Vec<NewMatch> {
    p.proposals
        .iter()
        .map(|x| NewMatch {
            programme: programme.slug.clone(),
            mentee_application: mentees[x.mentee].summary.id,
            mentor_application: mentors[x.mentor].summary.id,
            score: x.score,
            reasons: x.reasons.clone(),
            origin: crate::domain::matches::MatchOrigin::Engine,
        })
        .collect()
}

/// "• A5 Li: no mentor shares a language with them", one line per unmatched mentee, under
/// `heading`.
fn unmatched_lines(heading: Text, mentees: &[ApplicationRecord], p: &Plan) -> Vec<Text> {
    let mut lines = vec![heading];
    lines.extend(p.unmatched.iter().map(|(i, why)| {
        Text::bullet(Text::join(
            vec![
                Text::plain(format!("{}: ", name(&mentees[*i]))),
                why.clone(),
            ],
            "",
        ))
    }));
    lines
}

/// "Shared goals: Writing a CV (+10); Sector: Technology (+25)".
pub(crate) fn why_text(reasons: &[Reason]) -> Text {
    if reasons.is_empty() {
        return Text::msg("matching-no-criterion");
    }
    Text::join(
        reasons
            .iter()
            .map(|r| Text::join(vec![r.said(), Text::plain(format!(" (+{})", r.points))], ""))
            .collect(),
        "; ",
    )
}

pub(super) fn already(m: &MatchRecord) -> Text {
    Text::msg("matching-already")
        .arg("match", m.said_name())
        .arg("mentee", &m.mentee_name)
        .arg("mentor", &m.mentor_name)
        .arg("status", m.status.said())
}

/// Places each application holds in open matches, and pairs never to propose again.
fn pool_state(matches: &[MatchRecord]) -> (HashMap<i64, u32>, HashSet<(i64, i64)>) {
    let mut taken: HashMap<i64, u32> = HashMap::new();
    let mut excluded = HashSet::new();
    for m in matches {
        if m.keeps_pair_apart() {
            excluded.insert((m.mentee_application, m.mentor_application));
        }
        if m.status.is_open() {
            *taken.entry(m.mentee_application).or_default() += 1;
            *taken.entry(m.mentor_application).or_default() += 1;
        }
    }
    (taken, excluded)
}

pub(super) fn planned(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    matches: &[MatchRecord],
    only: Option<i64>,
) -> Result<Plan, Text> {
    let Some(config) = &programme.matching else {
        return Err(Text::msg("matching-not-set-up").arg("programme", programme.said_name()));
    };
    if mentees.is_empty() || mentors.is_empty() {
        return Err(Text::msg("matching-nobody-yet")
            .arg("programme", programme.said_name())
            .arg("mentees", mentees.len())
            .arg("mentors", mentors.len()));
    }
    let (taken, excluded) = pool_state(matches);
    let mut p = plan(
        config, programme, mentees, mentors, &excluded, &taken, ctx.now,
    )
    .map_err(|e| Text::msg("matching-config-unusable").arg("why", e.to_string()))?;
    if let Some(app) = only {
        p.proposals
            .retain(|x| mentees[x.mentee].summary.id == app || mentors[x.mentor].summary.id == app);
        p.unmatched.retain(|(i, _)| mentees[*i].summary.id == app);
    }
    Ok(p)
}

/// Stores the proposals of a fresh plan; the app posts their cards once numbered.
pub(super) fn propose(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    matches: &[MatchRecord],
    only: Option<i64>,
    room: &RoomRef,
) -> Outcome {
    let reply = |text: Text| post_said(room, text);
    // Where mentees choose, a coordinator may still propose for one person (`match
    // rematch`), not for everyone.
    if !engine_proposes(programme) && only.is_none() {
        return reply(mentees_choose_text(programme));
    }
    let p = match planned(ctx, programme, mentees, mentors, matches, only) {
        Ok(p) => p,
        Err(e) => return reply(e),
    };
    if p.proposals.is_empty() {
        let none = Text::msg("matching-no-new").arg("programme", programme.said_name());
        if p.unmatched.is_empty() {
            return reply(none);
        }
        let mut lines = vec![none];
        lines.extend(unmatched_lines(
            Text::msg("matching-not-matched"),
            mentees,
            &p,
        ));
        return reply(Text::lines(lines));
    }
    let mut effects = vec![Effect::StoreMatches(new_matches(
        programme, mentees, mentors, &p,
    ))];
    if !p.unmatched.is_empty() {
        let why = unmatched_lines(Text::msg("matching-not-matched-now"), mentees, &p);
        effects.push(said_in(room, Text::lines(why)));
    }
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// The proposals just stored, as one message for the coordinators.
pub fn proposals_text(ctx: &Ctx<'_>, new: &[MatchRecord]) -> Text {
    use crate::domain::matches::MatchOrigin;
    let (requests, proposals): (Vec<&MatchRecord>, Vec<&MatchRecord>) =
        new.iter().partition(|m| m.origin == MatchOrigin::Request);
    let p = ctx.room_prefix;
    let pair = |id: &str, m: &MatchRecord| {
        Text::msg(id)
            .arg("mentee", &m.mentee_name)
            .arg("mentee_app", m.mentee_application)
            .arg("mentor", &m.mentor_name)
            .arg("mentor_app", m.mentor_application)
            .arg("score", m.score)
            .arg("why", why_text(&m.reasons))
    };
    let mut lines = Vec::new();
    if !proposals.is_empty() {
        lines.push(Text::msg("matching-proposals").arg("count", proposals.len()));
        for m in &proposals {
            lines.push(pair("matching-proposal", m).arg("id", m.id));
        }
        lines.push(Text::msg("matching-proposals-reply").arg("prefix", p));
    }
    for m in requests {
        let head = pair("matching-request-head", m);
        lines.push(match (m.status, m.deadline) {
            (MatchStatus::Proposed, _) => Text::msg("matching-request-waits")
                .arg("id", m.id)
                .arg("head", head)
                .arg("mentor", &m.mentor_name)
                .arg("prefix", p),
            (_, Some(d)) => Text::msg("matching-request-asked")
                .arg("id", m.id)
                .arg("head", head)
                .arg("mentor", &m.mentor_name)
                .arg("by", Text::date(d.date_naive())),
            _ => Text::msg("matching-request")
                .arg("id", m.id)
                .arg("head", head),
        });
    }
    Text::lines(lines)
}

/// After a decline, rejection or expiry: new proposals for whoever is free (no message
/// when there is nothing new to propose).
pub fn replan(ctx: &Ctx<'_>, programme: &Programme) -> Outcome {
    let Subject::Matching {
        mentees,
        mentors,
        matches,
        ..
    } = ctx.subject
    else {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    };
    if !engine_proposes(programme) {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    }
    // The coordinators were just told someone is back in the pool: the next best options
    // follow as cards, or they hear that there are none for now.
    let effects = match planned(ctx, programme, mentees, mentors, matches, None) {
        Ok(p) if !p.proposals.is_empty() => {
            vec![Effect::StoreMatches(new_matches(
                programme, mentees, mentors, &p,
            ))]
        }
        Ok(_) => super::to_room(
            ctx,
            &programme.slug,
            Text::msg("matching-no-new-for-now").arg("programme", programme.said_name()),
        ),
        Err(why) => super::to_room(ctx, &programme.slug, why),
    };
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

fn name(record: &ApplicationRecord) -> String {
    format!(
        "A{} {}",
        record.summary.id,
        crate::flows::review::display_name_of(&record.applicant, &record.answers)
    )
}

pub(super) fn preview_text(
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    p: &Plan,
) -> Text {
    let matched: HashSet<usize> = p.proposals.iter().map(|x| x.mentee).collect();
    let waiting = matched.len() + p.unmatched.len();
    let mut lines = vec![
        Text::msg("matching-preview").arg("programme", programme.said_name()),
        Text::msg("matching-preview-matched")
            .arg("matched", matched.len())
            .arg("waiting", waiting)
            .arg("score", p.total_score),
    ];
    for x in &p.proposals {
        lines.push(Text::bullet(
            Text::msg("matching-preview-pair")
                .arg("mentee", name(&mentees[x.mentee]))
                .arg("mentor", name(&mentors[x.mentor]))
                .arg("score", x.score)
                .arg("why", why_text(&x.reasons)),
        ));
    }
    if !p.unmatched.is_empty() {
        lines.extend(unmatched_lines(
            Text::msg("matching-not-matched"),
            mentees,
            p,
        ));
    }
    if !p.spare.is_empty() {
        let spare: Vec<Text> = p
            .spare
            .iter()
            .map(|(j, used, cap)| {
                Text::msg("matching-spare-mentor")
                    .arg("mentor", name(&mentors[*j]))
                    .arg("used", i64::from(*used))
                    .arg("places", i64::from(*cap))
            })
            .collect();
        lines.push(Text::msg("matching-spare").arg("mentors", Text::join(spare, ", ")));
    }
    Text::lines(lines)
}
