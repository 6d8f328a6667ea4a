//! The engine's proposals in chat: `match preview` (a dry run, with why each pair was
//! proposed and why anyone was left out), `match propose` and `match rematch` (proposals
//! stored), `match swap` (another mentor for a proposal's mentee), the next best options
//! after a decision (`replan`), and the texts that show them to the coordinators.
//!
//! The engine itself is `crate::matching::plan`; what is free and what is never proposed
//! again is read from the programme's matches (`pool_state`). A new way to propose goes
//! here, with its command in `pairing::parse` and `handle`.

use super::*;
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
        return reply(Text::plain(mentees_choose_text(programme)));
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
pub(super) fn mentees_choose_text(programme: &Programme) -> String {
    format!(
        "In {} mentees choose their mentor (matched_by = \"{}\"), so the engine proposes no pairs for everyone: mentees browse and ask, and each request is posted here. match rematch <application> still proposes a mentor for one person, and match preview shows what the engine would propose.",
        programme.name,
        programme
            .matching
            .as_ref()
            .map_or("mentee_choice", |m| m.matched_by.as_str())
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
        })
        .collect()
}

/// "#5 Li: no mentor shares a language with them", one per unmatched mentee.
fn unmatched_lines(mentees: &[ApplicationRecord], p: &Plan) -> Vec<String> {
    p.unmatched
        .iter()
        .map(|(i, why)| format!("{}: {why}", name(&mentees[*i])))
        .collect()
}

/// "Shared goals: Writing a CV (+10); Sector: Technology (+25)".
fn why_text(reasons: &[(String, i64)]) -> String {
    if reasons.is_empty() {
        return "no criterion in common".into();
    }
    reasons
        .iter()
        .map(|(r, points)| format!("{r} (+{points})"))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn already(m: &MatchRecord) -> Text {
    Text::msg("matching-already")
        .arg("match", m.named())
        .arg("mentee", &m.mentee_name)
        .arg("mentor", &m.mentor_name)
        .arg("status", m.status.to_string())
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
) -> Result<Plan, String> {
    let Some(config) = &programme.matching else {
        return Err(format!("{} is not set up for matching.", programme.name));
    };
    if mentees.is_empty() || mentors.is_empty() {
        return Err(format!(
            "Nobody to match yet in {}: {} mentee(s) and {} mentor(s) are ready to be matched.",
            programme.name,
            mentees.len(),
            mentors.len()
        ));
    }
    let (taken, excluded) = pool_state(matches);
    let mut p = plan(
        config, programme, mentees, mentors, &excluded, &taken, ctx.now,
    )
    .map_err(|e| format!("The matching configuration cannot be used: {e}"))?;
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
    let reply = |text: String| post_said(room, text);
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
        let why = unmatched_lines(mentees, &p);
        return reply(format!(
            "No new proposals in {}.{}",
            programme.name,
            if why.is_empty() {
                String::new()
            } else {
                format!("\nNot matched:\n• {}", why.join("\n• "))
            }
        ));
    }
    let mut effects = vec![Effect::StoreMatches(new_matches(
        programme, mentees, mentors, &p,
    ))];
    if !p.unmatched.is_empty() {
        let why = unmatched_lines(mentees, &p);
        effects.push(said_in(
            room,
            format!("Not matched this time:\n• {}", why.join("\n• ")),
        ));
    }
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// The proposals just stored, as one message for the coordinators.
pub fn proposals_text(ctx: &Ctx<'_>, new: &[MatchRecord]) -> String {
    use crate::domain::matches::MatchOrigin;
    let (requests, proposals): (Vec<&MatchRecord>, Vec<&MatchRecord>) =
        new.iter().partition(|m| m.origin == MatchOrigin::Request);
    let mut parts = Vec::new();
    if !proposals.is_empty() {
        let mut s = format!("{} new match proposal(s):", proposals.len());
        for m in &proposals {
            s.push_str(&format!(
                "\nProposal P{}: {} (mentee, application A{}) ↔ {} (mentor, application A{}), {} points — {}",
                m.id,
                m.mentee_name,
                m.mentee_application,
                m.mentor_name,
                m.mentor_application,
                m.score,
                why_text(&m.reasons)
            ));
        }
        s.push_str(&format!(
            "\nReply: {p} match approve P<number> · {p} match approve all · {p} match reject P<number> [reason]",
            p = ctx.room_prefix
        ));
        parts.push(s);
    }
    for m in requests {
        let head = format!(
            "{} (mentee, application A{}) asked {} (mentor, application A{}) to be their mentor, {} points — {}",
            m.mentee_name,
            m.mentee_application,
            m.mentor_name,
            m.mentor_application,
            m.score,
            why_text(&m.reasons)
        );
        parts.push(match (m.status, m.deadline) {
            (MatchStatus::Proposed, _) => format!(
                "Request P{}: {head}. It waits for your approval before {} is asked.\nReply: {p} match approve P{} · {p} match reject P{} [reason]",
                m.id,
                m.mentor_name,
                m.id,
                m.id,
                p = ctx.room_prefix
            ),
            (_, Some(d)) => format!(
                "Request M{}: {head}. {} has been asked to answer by {}.",
                m.id,
                m.mentor_name,
                d.format("%-d %b %Y")
            ),
            _ => format!("Request M{}: {head}.", m.id),
        });
    }
    parts.join("\n")
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
            format!(
                "No new proposals in {} for now: nobody still waiting has a partner free who fits.",
                programme.name
            ),
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
) -> String {
    let matched: HashSet<usize> = p.proposals.iter().map(|x| x.mentee).collect();
    let waiting = matched.len() + p.unmatched.len();
    let mut s = format!(
        "Match preview for {} (a dry run: nothing was sent, nothing was stored)\n{} of {} mentee(s) matched, total score {}.",
        programme.name,
        matched.len(),
        waiting,
        p.total_score
    );
    for x in &p.proposals {
        s.push_str(&format!(
            "\n• {} ↔ {}: {} points — {}",
            name(&mentees[x.mentee]),
            name(&mentors[x.mentor]),
            x.score,
            why_text(&x.reasons)
        ));
    }
    if !p.unmatched.is_empty() {
        s.push_str(&format!(
            "\nNot matched:\n• {}",
            unmatched_lines(mentees, p).join("\n• ")
        ));
    }
    if !p.spare.is_empty() {
        let spare: Vec<String> = p
            .spare
            .iter()
            .map(|(j, used, cap)| format!("{} ({used} of {cap})", name(&mentors[*j])))
            .collect();
        s.push_str(&format!("\nMentors with room left: {}", spare.join(", ")));
    }
    s
}
