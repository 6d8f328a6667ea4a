//! The case commands, one function each, for someone allowed to work the case at their
//! desk (see `keeper`): what each one records, says and sets off.
//!
//! To add a case command: its words in `parse` (`cases/mod.rs`), a function here, and its
//! line in `work`'s dispatch; the command registry (`flows::route`) and the permission
//! matrix (`flows::permissions`) name it too.

use super::*;
use crate::domain::incident::CaseEvent;

/// A case command's setting: who typed it at which desk, on which case.
#[derive(Clone, Copy)]
pub(super) struct Work<'a, 'c> {
    pub ctx: &'a Ctx<'c>,
    pub desk: Desk<'a>,
    pub case: &'a CaseRecord,
    pub events: &'a [CaseEvent],
    pub n: i64,
    /// The one typing, as the audit log names them.
    pub me: &'a str,
    pub resolved: bool,
}

impl Work<'_, '_> {
    /// An answer at the desk that changes nothing.
    fn reply(&self, text: impl Into<Text>) -> Outcome {
        Outcome::unchanged(vec![self.desk.say(self.ctx, text)])
    }

    pub(super) fn closed(&self) -> Outcome {
        let n = self.n;
        self.reply(Text::msg("case-resolved-reopen").arg("n", n))
    }

    /// `id` says which text is too long (`case-note-long`).
    fn too_long(&self, id: &str, t: &str) -> Outcome {
        self.reply(
            Text::msg(id)
                .arg("max", Text::number(MAX_NOTE))
                .arg("count", Text::number(char_len(t))),
        )
    }

    /// `case show <n>`: the card, where it was asked for.
    pub(super) fn show(&self) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                match desk {
                    Desk::Room(room) => Effect::PostInRoom {
                        room: room.clone(),
                        message: card_message(ctx, case, room),
                    },
                    Desk::Dm => ctx.dm(OutMessage::said(card(ctx, case, "", None))),
                },
                event(n, me, "viewed", ""),
            ],
        }
    }

    /// `case evidence <n>`: the files, shown only where the command was typed.
    pub(super) fn evidence(&self) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        if case.files.is_empty() {
            return self.reply(Text::msg("case-no-files").arg("n", n));
        }
        // Where the command was typed: the moderators' room, or the escalation
        // contact's DM for a restricted case.
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                event(
                    n,
                    me,
                    "opened the evidence",
                    &format!("{} file(s)", case.files.len()),
                ),
                Effect::ShowEvidence {
                    case_id: n,
                    room: match desk {
                        Desk::Room(room) => Some(room.clone()),
                        Desk::Dm => None,
                    },
                    moderator: ctx.user.clone(),
                },
            ],
        }
    }

    /// `case log <n>`: the audit log.
    pub(super) fn log(&self) -> Outcome {
        let (ctx, desk, events, n, me) = (self.ctx, self.desk, self.events, self.n, self.me);
        // The entries as recorded (their words are the audit log's, kept in English).
        let mut lines = vec![Text::msg("case-log").arg("n", n)];
        lines.extend(events.iter().map(|e| {
            Text::plain(format!(
                "{} · {} · {}{}",
                e.at.format("%Y-%m-%d %H:%M"),
                e.actor,
                e.kind,
                if e.detail.is_empty() {
                    String::new()
                } else {
                    format!(": {}", preview(&e.detail, 300))
                }
            ))
        }));
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                desk.say(ctx, Text::lines(lines)),
                event(n, me, "exported the log", ""),
            ],
        }
    }

    /// `case claim <n>`.
    pub(super) fn claim(&self) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        if let Some(by) = &case.claimed_by {
            return self.reply(Text::msg("case-already-claimed").arg("n", n).arg("by", by));
        }
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                Effect::MoveCase {
                    case_id: n,
                    from: case.status,
                    to: CaseStatus::Claimed,
                    by: me.to_string(),
                    outcome: None,
                },
                event(n, me, "claimed", ""),
                desk.say(
                    ctx,
                    Text::msg("case-claimed")
                        .arg("n", n)
                        .arg("who", &ctx.user.id),
                ),
            ],
        }
    }

    /// `case note <n> <text>`: for the team only.
    pub(super) fn note(&self, text: String) -> Outcome {
        let Work {
            ctx, desk, n, me, ..
        } = *self;
        if char_len(&text) > MAX_NOTE {
            return self.too_long("case-note-long", &text);
        }
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                event(n, me, "note", &clean(&text, true)),
                desk.say(ctx, Text::msg("case-noted").arg("n", n)),
            ],
        }
    }

    /// `case ask <n> <question>`: relayed to the reporter as from the moderation team.
    pub(super) fn ask(&self, question: String) -> Outcome {
        let (ctx, desk, n, me) = (self.ctx, self.desk, self.n, self.me);
        if char_len(&question) > MAX_NOTE {
            return self.too_long("case-question-long", &question);
        }
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                Effect::AskReporter {
                    case_id: n,
                    question: clean(&question, true),
                    restricted: desk.keeper() == Keeper::Contact,
                },
                event(n, me, "asked the reporter", &question),
                desk.say(
                    ctx,
                    Text::msg(match desk {
                        Desk::Room(_) => "case-asked-room",
                        Desk::Dm => "case-asked-dm",
                    })
                    .arg("n", n),
                ),
            ],
        }
    }

    /// `case resolve <n> <outcome>`: the reporter is told.
    pub(super) fn resolve(&self, outcome: String) -> Outcome {
        let (ctx, desk, case, n, me, resolved) = (
            self.ctx,
            self.desk,
            self.case,
            self.n,
            self.me,
            self.resolved,
        );
        if resolved {
            return self.reply(Text::msg("case-already-resolved").arg("n", n));
        }
        if char_len(&outcome) > MAX_NOTE {
            return self.too_long("case-outcome-long", &outcome);
        }
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                Effect::MoveCase {
                    case_id: n,
                    from: case.status,
                    to: CaseStatus::Resolved,
                    by: me.to_string(),
                    outcome: Some(outcome.clone()),
                },
                event(n, me, "resolved", &outcome),
                Effect::TellReporter {
                    case_id: n,
                    text: Text::msg("case-closed-for-reporter")
                        .arg("case", n)
                        .arg("outcome", outcome.as_str()),
                },
                desk.say(
                    ctx,
                    Text::join(
                        std::iter::once(
                            Text::msg("case-resolved")
                                .arg("n", n)
                                .arg("who", &ctx.user.id),
                        )
                        .chain(still_frozen(ctx, case, desk))
                        .collect(),
                        " ",
                    ),
                ),
            ],
        }
    }

    /// `case escalate <n> <to>`: to a person (who is told) or a body (recorded as written).
    pub(super) fn escalate(&self, to: String) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        // One word is a person (an id, a mention, a name Tandem knows), who is told; a
        // person written as an id must be someone Tandem knows, or it is refused.
        // Other words (a role, a team) are recorded as written.
        let person = if to.contains(char::is_whitespace) {
            None
        } else {
            use crate::domain::people::{PersonRef, not_one, parse_person};
            let named = !matches!(parse_person(&to, ctx.user.platform), PersonRef::Name(_));
            match not_one(&to, ctx.people) {
                None => Some(ctx.people[0].clone()),
                Some(refusal) if named || ctx.people.len() > 1 => return self.reply(refusal),
                Some(_) => None,
            }
        };
        // The case's record keeps the English; the room reads it in its language.
        let said_to = person
            .as_ref()
            .map_or(Text::plain(to.as_str()), |p| p.said());
        let to = person.as_ref().map_or(to, |p| p.describe());
        let mut effects = vec![
            event(n, me, "escalated", &to),
            desk.say(
                ctx,
                Text::msg("case-escalated")
                    .arg("n", n)
                    .arg("to", said_to)
                    .arg("who", &ctx.user.id),
            ),
        ];
        if let Some(person) = person.map(|p| p.user).filter(|p| !names(ctx, case, p)) {
            effects.push(Effect::SendDm {
                to: person,
                message: OutMessage::said(
                    Text::msg(match desk {
                        Desk::Room(_) => "case-escalated-to-you",
                        Desk::Dm => "case-escalated-to-you-restricted",
                    })
                    .arg("n", n)
                    .arg("severity", case.severity.as_str())
                    .arg("who", &ctx.user.id),
                ),
            });
        }
        Outcome {
            state: StateChange::Unchanged,
            effects,
        }
    }

    /// `case concerns <n> [not] <person>`: links the case to the person it is about, or unlinks.
    pub(super) fn concerns(&self, who: String, linked: bool) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        use crate::domain::people::not_one;
        if let Some(refusal) = not_one(&who, ctx.people) {
            return self.reply(refusal);
        }
        let person = &ctx.people[0];
        let already = case.subjects.iter().any(|s| s.user == person.user);
        if already == linked {
            return self.reply(
                Text::msg(if linked {
                    "case-already-linked"
                } else {
                    "case-not-linked"
                })
                .arg("n", n)
                .arg("person", person.said()),
            );
        }
        let p = desk.prefix_of(ctx);
        Outcome::unchanged(vec![
            Effect::LinkCaseSubject {
                case_id: n,
                user: person.user.clone(),
                linked,
                by: me.to_string(),
            },
            event(
                n,
                me,
                if linked { "linked" } else { "unlinked" },
                &person.describe(),
            ),
            desk.say(
                ctx,
                if linked {
                    Text::msg("case-linked")
                        .arg("show", typed(p, format!("case show {n}")))
                        .arg(
                            "close",
                            typed(p, format!("case close-match {n} <match> <reason>")),
                        )
                } else {
                    Text::msg("case-unlinked")
                }
                .arg("n", n)
                .arg("person", person.said()),
            ),
        ])
    }

    /// `case close-match <n> <match> <reason>`: a linked match closed as disciplinary.
    pub(super) fn close_match(&self, match_id: i64, reason: String) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        let Some(m) = case
            .subjects
            .iter()
            .flat_map(|s| &s.matches)
            .find(|m| m.id == match_id)
        else {
            return self.reply(
                Text::msg("case-match-not-linked")
                    .arg("m", match_id)
                    .arg("n", n)
                    .arg(
                        "link",
                        typed(desk.prefix_of(ctx), format!("case concerns {n} <person>")),
                    ),
            );
        };
        // A case of one programme does not close another's match: its moderators do.
        if let Desk::Room(room) = desk
            && !ctx.moderates_in(room, Some(&m.programme))
        {
            return self.reply(Text::msg("case-match-elsewhere").arg("m", match_id));
        }
        if m.status != crate::domain::matches::MatchStatus::Active {
            return self.reply(
                Text::msg("case-match-not-active")
                    .arg("m", match_id)
                    .arg("status", m.status.said()),
            );
        }
        let at_fault: Vec<crate::domain::UserRef> = case
            .subjects
            .iter()
            .map(|s| s.user.clone())
            .filter(|u| *u == m.mentee || *u == m.mentor)
            .collect();
        let mut effects = crate::flows::closure::close_effects(
            ctx,
            m,
            &crate::flows::closure::Closing {
                coordinators: ctx.coordinators_room(Some(&m.programme)),
                at_fault: &at_fault,
                // A restricted case's number would tell the coordinators there is a
                // case only the escalation contact works.
                case: match desk {
                    Desk::Room(_) => Some(n),
                    Desk::Dm => None,
                },
                ..crate::flows::closure::Closing::new(
                    crate::domain::matches::ClosureKind::Disciplinary,
                    &reason,
                )
            },
        );
        effects.push(event(
            n,
            me,
            "closed a match",
            &format!("#{match_id}: {reason}"),
        ));
        let spared = at_fault.len() < 2;
        effects.push(
            desk.say(
                ctx,
                Text::msg(if spared {
                    "case-match-closed-spared"
                } else {
                    "case-match-closed-both"
                })
                .arg("m", match_id),
            ),
        );
        Outcome::unchanged(effects)
    }

    /// `case reopen <n>`.
    pub(super) fn reopen(&self) -> Outcome {
        let (ctx, desk, n, me, resolved) = (self.ctx, self.desk, self.n, self.me, self.resolved);
        if !resolved {
            return self.reply(Text::msg("case-not-resolved").arg("n", n));
        }
        Outcome {
            state: StateChange::Unchanged,
            effects: vec![
                Effect::MoveCase {
                    case_id: n,
                    from: CaseStatus::Resolved,
                    to: CaseStatus::Open,
                    by: me.to_string(),
                    outcome: None,
                },
                event(n, me, "reopened", ""),
                desk.say(
                    ctx,
                    Text::msg("case-reopened")
                        .arg("n", n)
                        .arg("who", &ctx.user.id),
                ),
            ],
        }
    }

    /// `case reveal <n>`: an anonymous reporter named once two moderators ask, to them alone.
    pub(super) fn reveal(&self) -> Outcome {
        let (ctx, desk, case, n, me) = (self.ctx, self.desk, self.case, self.n, self.me);
        if let Desk::Dm = desk {
            return Outcome::unchanged(vec![
                desk.say(ctx, Text::msg("case-reveal-restricted").arg("n", n)),
                event(n, me, "refused", "a reveal takes two moderators"),
                Effect::LogRefusal {
                    user: ctx.user.clone(),
                    action: format!("reveal the reporter of restricted case #{n}"),
                },
            ]);
        }
        if !case.anonymous {
            return self.reply(Text::msg("case-not-anonymous").arg("n", n));
        }
        if case.reveals.len() >= 2 {
            return self.reply(
                Text::msg("case-already-revealed")
                    .arg("n", n)
                    .arg("names", and_list(&case.reveals)),
            );
        }
        if case.reveals.iter().any(|r| r == me) {
            return self.reply(Text::msg("case-reveal-asked").arg("n", n));
        }
        if case.reveals.is_empty() {
            return Outcome {
                state: StateChange::Unchanged,
                effects: vec![
                    event(n, me, "reveal", ""),
                    desk.say(ctx, Text::msg("case-reveal-recorded").arg("n", n)),
                ],
            };
        }
        // The second reveal: the two who asked are told by DM, and only they. One who
        // asked but is no longer a moderator is not told.
        let mut told: Vec<&crate::domain::UserRef> = ctx
            .moderation
            .moderators
            .iter()
            .filter(|m| case.reveals.contains(&m.to_string()))
            .collect();
        told.push(ctx.user);
        let mut effects = vec![event(n, me, "reveal", "")];
        for to in &told {
            effects.push(Effect::RevealReporter {
                case_id: n,
                to: (*to).clone(),
                with: told
                    .iter()
                    .filter(|u| *u != to)
                    .map(|u| (*u).clone())
                    .collect(),
            });
        }
        let names: Vec<String> = told.iter().map(|u| u.id.clone()).collect();
        effects.push(
            desk.say(
                ctx,
                Text::msg("case-revealed")
                    .arg("n", n)
                    .arg("names", and_list(&names)),
            ),
        );
        Outcome {
            state: StateChange::Unchanged,
            effects,
        }
    }
}
