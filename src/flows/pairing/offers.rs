//! A proposal becoming an offer and what its answers set off: `match approve` asks both
//! people by DM; when both accept the match starts (the pair room and its kickoff), and a
//! decline, an expired deadline or an offer that can no longer go ahead frees both and asks
//! for the next best options (`release`).
//!
//! A new way for an offer to end goes here: move the match with `release`, which tells the
//! coordinators and replans.

use super::*;
use crate::domain::matches::MatchOrigin;
use crate::domain::matching::MatchedBy;
use crate::i18n::Text;

/// Ends a match that did not go ahead: records the move, tells the coordinators why, and
/// asks for the next best proposals for whoever it frees.
fn release(
    ctx: &Ctx<'_>,
    m: &MatchRecord,
    from: MatchStatus,
    to: MatchStatus,
    by: String,
    note: Text,
) -> Vec<Effect> {
    let mut effects = vec![Effect::MoveMatch {
        match_id: m.id,
        from,
        to,
        by,
        deadline: None,
    }];
    effects.extend(to_room(ctx, &m.programme, note));
    if let Some(hint) = ran_out(ctx, m) {
        effects.extend(to_room(ctx, &m.programme, hint));
    }
    effects.push(Effect::Replan {
        programme: m.programme.clone(),
    });
    // A ranked request goes on to the mentee's next choice, who tells them.
    if passes_on(m) {
        effects.push(Effect::PassOn { match_id: m.id });
    }
    effects
}

/// Whether a match that did not go ahead passes to the mentee's next choice (a ranked
/// request with choices left): the mentee hears from that step, not this one.
fn passes_on(m: &MatchRecord) -> bool {
    m.origin == MatchOrigin::Request && !m.next_choices.is_empty()
}

/// Approving a proposal: both people are asked. Empty when it is not a proposal any more.
pub(super) fn approve(
    ctx: &Ctx<'_>,
    programme: &Programme,
    mentees: &[ApplicationRecord],
    mentors: &[ApplicationRecord],
    m: &MatchRecord,
    by: &str,
) -> Vec<Effect> {
    if m.status != MatchStatus::Proposed {
        return vec![];
    }
    let still_ready = mentees.iter().any(|r| r.summary.id == m.mentee_application)
        && mentors.iter().any(|r| r.summary.id == m.mentor_application);
    if !still_ready {
        return release(
            ctx,
            m,
            MatchStatus::Proposed,
            MatchStatus::Rejected,
            "tandem".into(),
            pair_note(Text::msg("matching-proposal-invalid"), m),
        );
    }
    let deadline = ctx.now + chrono::Duration::days(i64::from(programme.texts.answer_days));
    let mut effects = vec![Effect::MoveMatch {
        match_id: m.id,
        from: MatchStatus::Proposed,
        to: MatchStatus::Approved,
        by: by.to_string(),
        deadline: Some(deadline),
    }];
    // A mentee's request is their acceptance: only the mentor is asked.
    let request = m.origin == MatchOrigin::Request;
    for (user, answered) in [(&m.mentee, m.mentee_answer), (&m.mentor, m.mentor_answer)] {
        if answered.is_none() {
            effects.push(Effect::QueuePrompt {
                user: user.clone(),
                prompt: Prompt::MatchOffer { match_id: m.id },
            });
        }
    }
    if request {
        effects.push(Effect::SendDm {
            to: m.mentee.clone(),
            message: OutMessage::said(
                Text::msg("offer-request-approved")
                    .arg("mentor", m.mentor_name.as_str())
                    .arg("date", Text::date(deadline.date_naive())),
            ),
        });
    }
    effects.extend(to_room(
        ctx,
        &m.programme,
        pair_note(
            if request {
                Text::msg("matching-approved-request")
            } else {
                Text::msg("matching-approved")
            },
            m,
        )
        .arg("who", &ctx.user.id)
        .arg("by", Text::date(deadline.date_naive())),
    ));
    effects
}

/// One side accepted; `other_accepted` says whether the other already had.
pub fn on_accept(ctx: &Ctx<'_>, m: &MatchRecord, other_accepted: bool) -> Vec<Effect> {
    let other = if m.mentee == *ctx.user {
        &m.mentor_name
    } else {
        &m.mentee_name
    };
    if !other_accepted {
        return vec![ctx.dm(OutMessage::said(
            Text::msg("offer-waiting-other").arg("other", other.as_str()),
        ))];
    }
    let programme = ctx.programme(&m.programme);
    let mut effects = vec![Effect::MoveMatch {
        match_id: m.id,
        from: MatchStatus::Approved,
        to: MatchStatus::Active,
        by: "tandem".into(),
        deadline: None,
    }];
    // A staff member looks after the pair from the start (the least loaded, chosen in
    // storage): one on the pair's platform, where they are told and log their check-ins.
    if let Some(p) = programme {
        let staff = p.support.staff_on(&p.coordinators, m.mentee.platform);
        if !staff.is_empty() {
            effects.push(Effect::AssignStaff {
                match_id: m.id,
                among: staff,
            });
        }
    }
    effects.push(Effect::CreatePairRoom {
        match_id: m.id,
        name: format!("{} & {}", m.mentee_name, m.mentor_name),
        topic: Text::msg("pair-room-topic")
            .arg(
                "programme",
                programme.map_or(Text::plain(m.programme.as_str()), |p| p.said_name()),
            )
            .arg("mentee", m.mentee_name.as_str())
            .arg("mentor", m.mentor_name.as_str()),
        members: vec![m.mentee.clone(), m.mentor.clone()],
        // Said in the pair's language when they share one (`app::languages`).
        kickoff: OutMessage::said(Text::lines(
            [
                kickoff(programme, m),
                Text::msg("pair-agreement-how").arg("prefix", ctx.room_prefix),
            ]
            .into_iter()
            .chain(relay_note(m))
            .collect(),
        )),
        group_of: programme
            .and_then(|p| p.matching.as_ref())
            .is_some_and(|c| matches!(c.mode, crate::domain::matching::MatchMode::Group { .. }))
            .then_some(m.mentor_application),
    });
    for (user, partner) in [(&m.mentee, &m.mentor_name), (&m.mentor, &m.mentee_name)] {
        let room = if m.relayed() {
            let theirs = if *user == m.mentee {
                m.mentor.platform
            } else {
                m.mentee.platform
            };
            Text::msg("offer-room-relayed")
                .arg("platform", user.platform.display())
                .arg("partner", partner.as_str())
                .arg("other", theirs.display())
        } else if let Some(platform) = m.room_platform {
            // They share this platform through a linked account.
            Text::msg("offer-room-on").arg("platform", platform.display())
        } else {
            Text::msg("offer-room")
        };
        effects.push(Effect::SendDm {
            to: user.clone(),
            message: OutMessage::said(
                Text::msg("offer-matched")
                    .arg("partner", partner.as_str())
                    .arg("room", room),
            ),
        });
    }
    effects.extend(to_room(
        ctx,
        &m.programme,
        pair_note(Text::msg("matching-active"), m),
    ));
    effects
}

/// What a pair on two platforms is told about their relayed room, in the kickoff and
/// (as the consent they give by accepting) in the offer; `None` for a pair on one
/// platform.
pub(crate) fn relay_note(m: &MatchRecord) -> Option<Text> {
    m.relayed().then(|| {
        Text::msg("offer-relay-note")
            .arg("mentee", m.mentee_name.as_str())
            .arg("mentee_platform", m.mentee.platform.display())
            .arg("mentor", m.mentor_name.as_str())
            .arg("mentor_platform", m.mentor.platform.display())
    })
}

/// One side declined: both go back to the pool, the other is told kindly, and the next
/// best options are proposed.
pub fn on_decline(ctx: &Ctx<'_>, m: &MatchRecord, side: RoleKind) -> Vec<Effect> {
    let (other, me_name) = match side {
        RoleKind::Mentee => (&m.mentor, &m.mentee_name),
        RoleKind::Mentor => (&m.mentee, &m.mentor_name),
    };
    let (mine, theirs) = if m.origin == MatchOrigin::Request {
        (
            Text::msg("offer-declined-request-mine"),
            Text::msg("offer-declined-request")
                .arg("name", me_name.as_str())
                .arg("next", choose_again(ctx, m)),
        )
    } else {
        (
            Text::msg("offer-declined-mine"),
            Text::msg("offer-declined").arg("name", me_name.as_str()),
        )
    };
    let mut effects = vec![ctx.dm(OutMessage::said(mine))];
    if !(passes_on(m) && *other == m.mentee) {
        effects.push(Effect::SendDm {
            to: other.clone(),
            message: OutMessage::said(theirs),
        });
    }
    effects.extend(release(
        ctx,
        m,
        MatchStatus::Approved,
        MatchStatus::Declined,
        ctx.user.to_string(),
        pair_note(Text::msg("matching-declined"), m)
            .arg("who", me_name.as_str())
            .arg("mentee_app", m.mentee_application)
            .arg("mentor_app", m.mentor_application),
    ));
    effects
}

/// An offer that can no longer go ahead (one of the two was suspended, or is no longer
/// ready to be matched): withdrawn before it starts. Both are told kindly that it can't go
/// ahead, and neither learns why (nothing about the other person); the coordinators are
/// told, and whoever is still free is proposed again.
pub fn withdraw_blocked(ctx: &Ctx<'_>, m: &MatchRecord) -> Vec<Effect> {
    if m.status != MatchStatus::Approved {
        return Vec::new();
    }
    let mut effects: Vec<Effect> = [(&m.mentee, &m.mentor_name), (&m.mentor, &m.mentee_name)]
        .into_iter()
        // A ranked request's mentee hears from the step that asks their next choice.
        .filter(|(user, _)| !(passes_on(m) && **user == m.mentee))
        .map(|(user, partner)| Effect::SendDm {
            to: user.clone(),
            message: OutMessage::said(
                Text::msg("offer-withdrawn").arg("partner", partner.as_str()),
            ),
        })
        .collect();
    effects.extend(release(
        ctx,
        m,
        MatchStatus::Approved,
        MatchStatus::Declined,
        "tandem".into(),
        pair_note(Text::msg("matching-offer-withdrawn"), m),
    ));
    effects
}

/// The answer deadline passed: the match lapses and both go back to the pool.
pub fn expire(ctx: &Ctx<'_>, m: &MatchRecord) -> Outcome {
    if m.status != MatchStatus::Approved {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![],
        };
    }
    let mut effects = Vec::new();
    for (user, answer, partner) in [
        (&m.mentee, m.mentee_answer, &m.mentor_name),
        (&m.mentor, m.mentor_answer, &m.mentee_name),
    ] {
        let key = match (m.origin == MatchOrigin::Request, answer.is_none()) {
            (true, true) => "offer-expired-request-unanswered",
            (true, false) => "offer-expired-request",
            (false, true) => "offer-expired-unanswered",
            (false, false) => "offer-expired",
        };
        let mut text = Text::msg(key).arg("partner", partner.as_str());
        if m.origin == MatchOrigin::Request {
            text = text.arg("next", choose_again(ctx, m));
        }
        if passes_on(m) && *user == m.mentee {
            continue;
        }
        effects.push(Effect::SendDm {
            to: user.clone(),
            message: OutMessage::said(text),
        });
    }
    effects.extend(release(
        ctx,
        m,
        MatchStatus::Approved,
        MatchStatus::Expired,
        "tandem".into(),
        pair_note(Text::msg("matching-expired"), m),
    ));
    Outcome {
        state: StateChange::Unchanged,
        effects,
    }
}

/// A mentee's request a coordinator set aside before the mentor was asked: the mentee is
/// told (never why), or their next ranked choice is asked, who tells them. Nothing for the
/// engine's proposals, which nobody was told of.
pub(super) fn request_set_aside(ctx: &Ctx<'_>, m: &MatchRecord) -> Vec<Effect> {
    if m.origin != MatchOrigin::Request {
        return Vec::new();
    }
    if passes_on(m) {
        return vec![Effect::PassOn { match_id: m.id }];
    }
    vec![Effect::SendDm {
        to: m.mentee.clone(),
        message: OutMessage::said(
            Text::msg("offer-request-set-aside")
                .arg("mentor", m.mentor_name.as_str())
                .arg("next", choose_again(ctx, m)),
        ),
    }]
}

/// What a mentee whose request did not go ahead can do next, as their programme allows.
fn choose_again(ctx: &Ctx<'_>, m: &MatchRecord) -> Text {
    Text::msg(match matched_by(ctx, m) {
        Some(MatchedBy::Mixed) => "offer-choose-again-or-wait",
        Some(MatchedBy::Ranked) => "offer-rank-again",
        _ => "offer-choose-again",
    })
}

fn matched_by(ctx: &Ctx<'_>, m: &MatchRecord) -> Option<MatchedBy> {
    ctx.programme(&m.programme)
        .and_then(|p| p.matching.as_ref())
        .map(|c| c.matched_by)
}

/// For the coordinators, when a mentee's last ranked choice did not go ahead: how to
/// propose someone for them.
fn ran_out(ctx: &Ctx<'_>, m: &MatchRecord) -> Option<Text> {
    (m.origin == MatchOrigin::Request
        && m.next_choices.is_empty()
        && matched_by(ctx, m) == Some(MatchedBy::Ranked))
    .then(|| {
        Text::msg("matching-ranked-ran-out")
            .arg("mentee", m.mentee_name.as_str())
            .arg("prefix", ctx.room_prefix)
            .arg("app", m.mentee_application)
    })
}

/// A note to the coordinators about a match: its number and its two people.
fn pair_note(said: Text, m: &MatchRecord) -> Text {
    said.arg("id", m.id)
        .arg("mentee", m.mentee_name.as_str())
        .arg("mentor", m.mentor_name.as_str())
}

/// The first message in a pair room.
fn kickoff(programme: Option<&Programme>, m: &MatchRecord) -> Text {
    let mut lines = vec![
        match programme {
            Some(p) => Text::msg("pair-welcome-to").arg("programme", p.said("name", &p.name)),
            None => Text::msg("pair-welcome"),
        }
        .arg("mentee", m.mentee_name.as_str())
        .arg("mentor", m.mentor_name.as_str()),
    ];
    if !m.reasons.is_empty() {
        // The reasons are the programme's criteria, in its words (or its translations).
        lines.push(Text::msg("pair-why"));
        lines.extend(m.reasons.iter().map(|r| Text::bullet(r.said())));
    }
    if let Some(p) = programme {
        for (id, path, text) in [
            (
                "pair-ground-rules",
                "texts.ground_rules",
                &p.texts.ground_rules,
            ),
            (
                "pair-cadence",
                "texts.meeting_cadence",
                &p.texts.meeting_cadence,
            ),
            ("pair-icebreaker", "texts.icebreaker", &p.texts.icebreaker),
        ] {
            if !text.is_empty() {
                lines.push(Text::msg(id).arg("text", p.said(path, text)));
            }
        }
        // Both members hear of the programme's safety policy from the start.
        if p.safety.is_some() {
            lines.push(crate::domain::safety::policy_said(p.said_name()));
        }
    }
    Text::lines(lines)
}
