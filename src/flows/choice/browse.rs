//! `browse` and `request`: a ready mentee looks through the mentors who have room, have a
//! profile and fit them (best fit first, with why), and asks one.

use super::super::{Ctx, Effect, OutMessage, Outcome, Subject};
use super::{ChoicePool, not_choosing};
use crate::chat::{CardAction, CommandMenu};
use crate::domain::matches::{MatchOrigin, MatchRecord, MatchStatus, NewMatch, NewRequest};
use crate::domain::matching::{MatchedBy, MatchingConfig};
use crate::domain::profile::{Introduction, MAX_BIO_CHARS, shown};
use crate::domain::text::{char_len, clean};
use crate::domain::{ApplicationRecord, Programme, RoleKind};
use crate::flows::review::display_name_of;
use crate::i18n::Text;
use crate::matching::plan::{evaluate_mentors, mentee_places, places_of};

/// Mentors a page.
const PAGE: usize = 5;

/// The mentee who browses or asks, in the programme where they may.
struct Mentee<'a> {
    pool: &'a ChoicePool,
    programme: &'a Programme,
    config: &'a MatchingConfig,
    record: &'a ApplicationRecord,
}

impl Mentee<'_> {
    /// Their open matches (requests, offers, matches under way).
    fn open(&self) -> Vec<&MatchRecord> {
        self.pool
            .matches
            .iter()
            .filter(|m| m.mentee_application == self.record.summary.id && m.status.is_open())
            .collect()
    }

    /// Why they cannot ask anyone now, if they cannot: every place they have is taken.
    fn busy(&self) -> Option<Text> {
        let open = self.open();
        if (open.len() as u32) < mentee_places(self.config) {
            return None;
        }
        let m = open.last()?;
        let mentor = m.mentor_name.as_str();
        Some(match (m.status, m.origin) {
            (MatchStatus::Active, _) => Text::msg("browse-matched")
                .arg("mentor", mentor)
                .arg("programme", self.programme.said_name()),
            (MatchStatus::Proposed, MatchOrigin::Request) => {
                Text::msg("browse-asked-coordinators").arg("mentor", mentor)
            }
            (_, MatchOrigin::Request) => match m.deadline {
                Some(d) => Text::msg("browse-asked-waiting-until")
                    .arg("date", Text::day_month(d.date_naive())),
                None => Text::msg("browse-asked-waiting"),
            }
            .arg("mentor", mentor),
            (MatchStatus::Proposed, MatchOrigin::Engine | MatchOrigin::Coordinator) => {
                Text::msg("browse-preparing")
            }
            _ => Text::msg("browse-offer-waiting").arg("mentor", mentor),
        })
    }
}

/// The mentee and their programme (`only`: that programme), or what to tell them instead:
/// the first programme where they are a mentee ready to be matched.
fn mentee<'a>(
    ctx: &Ctx<'a>,
    pools: &'a [ChoicePool],
    only: Option<&str>,
) -> Result<Mentee<'a>, Text> {
    let mut as_mentor = None;
    let mut not_ready = None;
    for pool in pools
        .iter()
        .filter(|p| only.is_none_or(|o| o == p.programme))
    {
        let Some(programme) = ctx.programmes.iter().find(|p| p.slug == pool.programme) else {
            continue;
        };
        let Some(config) = programme.matching.as_ref() else {
            continue;
        };
        let Some(record) = pool
            .mine
            .iter()
            .find(|r| r.summary.role == RoleKind::Mentee)
        else {
            as_mentor = as_mentor.or(Some(programme));
            continue;
        };
        if !pool
            .mentees
            .iter()
            .any(|r| r.summary.id == record.summary.id)
        {
            not_ready = not_ready.or(Some(programme));
            continue;
        }
        return Ok(Mentee {
            pool,
            programme,
            config,
            record,
        });
    }
    Err(match (not_ready, as_mentor) {
        (Some(p), _) => Text::msg("browse-not-ready").arg("programme", p.said_name()),
        (None, Some(p)) => Text::msg("browse-mentor").arg("programme", p.said_name()),
        (None, None) => not_choosing(ctx),
    })
}

/// A mentor the mentee may ask, with why they fit and what their profile shows.
struct Candidate<'a> {
    record: &'a ApplicationRecord,
    score: i64,
    reasons: Vec<crate::domain::matches::Reason>,
    lines: Vec<Text>,
    /// The questions the mentor's profile shows.
    shows: &'a [String],
}

/// The mentors with room, a profile and no rule keeping them from the mentee, best fit
/// first.
fn candidates<'a>(ctx: &Ctx<'_>, me: &Mentee<'a>) -> Result<Vec<Candidate<'a>>, Text> {
    let pool = me.pool;
    let listed: Vec<(&ApplicationRecord, Vec<Text>, &[String])> = pool
        .mentors
        .iter()
        .filter(|r| r.applicant != me.record.applicant)
        .filter(|r| places_left(pool, me.config, r) > 0)
        .filter(|r| !kept_apart(pool, me.record.summary.id, r.summary.id))
        .filter_map(|r| {
            let profile = pool.profiles.get(&r.summary.id)?;
            let lines = shown(me.programme, r, profile);
            (!lines.is_empty()).then_some((r, lines, profile.questions.as_slice()))
        })
        .collect();
    let records: Vec<ApplicationRecord> = listed.iter().map(|(r, _, _)| (*r).clone()).collect();
    let scored = evaluate_mentors(me.config, me.programme, me.record, &records, ctx.now)
        .map_err(|e| Text::msg("browse-unavailable").arg("why", e.to_string()))?;
    let mut out: Vec<Candidate> = listed
        .into_iter()
        .zip(scored)
        .filter_map(|((record, lines, shows), s)| {
            let (score, reasons) = s?;
            Some(Candidate {
                record,
                score,
                reasons,
                lines,
                shows,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.record.summary.id.cmp(&b.record.summary.id))
    });
    Ok(out)
}

/// Places a mentor has left, counting every open match (requests included).
fn places_left(pool: &ChoicePool, config: &MatchingConfig, mentor: &ApplicationRecord) -> u32 {
    let taken = pool
        .matches
        .iter()
        .filter(|m| m.mentor_application == mentor.summary.id && m.status.is_open())
        .count() as u32;
    places_of(config, mentor).saturating_sub(taken)
}

/// Whether a match of theirs keeps the pair apart (past partners, a decline, a rejection or
/// an exclusion): they are not listed to each other and may not be asked.
fn kept_apart(pool: &ChoicePool, mentee: i64, mentor: i64) -> bool {
    pool.matches.iter().any(|m| {
        m.mentee_application == mentee && m.mentor_application == mentor && m.keeps_pair_apart()
    })
}

fn name(record: &ApplicationRecord) -> String {
    display_name_of(&record.applicant, &record.answers)
}

/// Why a mentor fits, as a mentee may read it: "Sector: Technology; Shared goals". A
/// criterion's values come from both people's answers, so they are shown only where the
/// mentor's profile shows the answer the criterion reads; otherwise only its name.
fn why(config: &MatchingConfig, c: &Candidate<'_>) -> Text {
    if c.reasons.is_empty() {
        return Text::msg("browse-no-criterion");
    }
    let said = c
        .reasons
        .iter()
        .map(|reason| {
            let criterion = reason.criterion_at.and_then(|i| config.criteria.get(i));
            match criterion {
                Some(d) if c.shows.contains(&d.mentor_question) => reason.said(),
                _ => reason.criterion.clone(),
            }
        })
        .collect();
    Text::join(said, "; ")
}

pub(super) fn browse(
    ctx: &Ctx<'_>,
    pools: &[ChoicePool],
    words: &[String],
    page: usize,
) -> Outcome {
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    let me = match mentee(ctx, pools, None) {
        Ok(m) => m,
        Err(why) => return say(why),
    };
    let all = match candidates(ctx, &me) {
        Ok(c) => c,
        Err(why) => return say(why),
    };
    let found: Vec<&Candidate> = all
        .iter()
        .filter(|c| {
            let text = searchable(c);
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect();
    // What they looked for, in their own words; each message says it with or without.
    let looking = |id: &str| {
        let t = Text::msg(&if words.is_empty() {
            id.to_string()
        } else {
            format!("{id}-mentioning")
        })
        .arg("programme", me.programme.said_name());
        if words.is_empty() {
            t
        } else {
            t.arg("words", words.join(", "))
        }
    };
    let mut lines = Vec::new();
    let busy = me.busy();
    lines.extend(busy.clone());
    if found.is_empty() {
        let next = if !words.is_empty() && !all.is_empty() {
            "browse-none-see-all"
        } else if me.config.matched_by.engine_proposes() {
            "browse-none-engine"
        } else {
            "browse-none-wait"
        };
        lines.push(Text::join(
            vec![looking("browse-none"), Text::msg(next)],
            " ",
        ));
        return say(Text::lines(lines));
    }
    let pages = found.len().div_ceil(PAGE);
    if page > pages {
        return say(looking("browse-no-page").arg("pages", pages));
    }
    let from = (page - 1) * PAGE;
    let shown_now = &found[from..(from + PAGE).min(found.len())];
    let range = if shown_now.len() == 1 {
        Text::msg("browse-range-one")
            .arg("n", from + 1)
            .arg("total", found.len())
    } else {
        Text::msg("browse-range")
            .arg("from", from + 1)
            .arg("to", from + shown_now.len())
            .arg("total", found.len())
    };
    lines.push(looking("browse-title").arg("range", range));
    for c in shown_now {
        // A blank line between mentors; their profile's lines as they wrote them.
        let mut entry = vec![
            Text::plain(""),
            Text::msg("browse-entry")
                .arg("id", c.record.summary.id)
                .arg("name", name(c.record))
                .arg("why", why(me.config, c)),
        ];
        entry.extend(
            c.lines
                .iter()
                .map(|l| Text::join(vec![Text::plain("    "), l.clone()], "")),
        );
        lines.push(Text::lines(entry));
    }
    if busy.is_none() && me.config.matched_by == MatchedBy::Ranked {
        let example: Vec<String> = found
            .iter()
            .take(2)
            .map(|c| c.record.summary.id.to_string())
            .collect();
        lines.push(Text::plain(""));
        lines.push(
            Text::msg("browse-how-rank")
                .arg("max", me.config.max_choices as usize)
                .arg("example", example.join(" ")),
        );
    } else if busy.is_none() {
        lines.push(Text::plain(""));
        lines.push(Text::msg("browse-how-request").arg("example", shown_now[0].record.summary.id));
    } else {
        lines.push(Text::plain(""));
    }
    let more = (page < pages).then(|| {
        if words.is_empty() {
            format!("browse {}", page + 1)
        } else {
            format!("browse {} {}", words.join(" "), page + 1)
        }
    });
    if let Some(more) = &more {
        lines.push(Text::msg("browse-more").arg("command", more.as_str()));
    }
    let message = OutMessage::said(Text::lines(lines));
    // Where the platform has select menus, the same as a pick and a button.
    let message = match busy {
        Some(_) => message,
        None => {
            let ranked = me.config.matched_by == MatchedBy::Ranked;
            let options: Vec<(String, String)> = shown_now
                .iter()
                .map(|c| {
                    let id = c.record.summary.id.to_string();
                    (format!("{id}. {}", name(c.record)), id)
                })
                .collect();
            let labels = options
                .iter()
                .map(|(l, _)| Text::plain(l.as_str()))
                .chain(more.iter().map(|_| Text::msg("browse-more-button")))
                .collect();
            let menu = CommandMenu {
                command: if ranked { "rank" } else { "request" }.into(),
                placeholder: String::new(),
                options,
                max: if ranked {
                    me.config.max_choices as usize
                } else {
                    1
                },
                also: more
                    .iter()
                    .map(|m| CardAction::new("", m.clone()))
                    .collect(),
            };
            let placeholder = if ranked {
                Text::msg("browse-menu-rank").arg("max", me.config.max_choices as usize)
            } else {
                Text::msg("browse-menu-request")
            };
            message.with_menu(menu, placeholder, labels)
        }
    };
    Outcome::unchanged(vec![ctx.dm(message)])
}

/// `request` (one mentor) and `rank` (several, in order): the first is asked now, the
/// others in turn if it does not go ahead.
pub(super) fn ask(
    ctx: &Ctx<'_>,
    pools: &[ChoicePool],
    mentors: &[i64],
    note: &str,
    ranking: bool,
) -> Outcome {
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    let me = match mentee(ctx, pools, None) {
        Ok(m) => m,
        Err(why) => return say(why),
    };
    let programme = me.programme.said_name();
    let ranked = me.config.matched_by == MatchedBy::Ranked;
    if ranking && !ranked {
        return say(Text::msg("request-one-at-a-time")
            .arg("programme", programme)
            .arg("example", mentors[0]));
    }
    if let Some(busy) = me.busy() {
        return say(busy);
    }
    let most = me.config.max_choices as usize;
    if mentors.len() > most {
        return say(Text::msg("request-too-many")
            .arg("max", most)
            .arg("programme", programme)
            .arg("count", mentors.len()));
    }
    if let Some(twice) = mentors
        .iter()
        .enumerate()
        .find_map(|(i, m)| mentors[..i].contains(m).then_some(m))
    {
        return say(Text::msg("request-twice").arg("mentor", *twice));
    }
    let note = clean(note, false).trim().to_string();
    if char_len(&note) > MAX_BIO_CHARS {
        return say(Text::msg("request-note-too-long")
            .arg("count", char_len(&note))
            .arg("max", MAX_BIO_CHARS));
    }
    let all = match candidates(ctx, &me) {
        Ok(c) => c,
        Err(why) => return say(why),
    };
    let mut chosen = Vec::with_capacity(mentors.len());
    for (i, mentor) in mentors.iter().enumerate() {
        let Some(c) = all.iter().find(|c| c.record.summary.id == *mentor) else {
            // Never why (someone's suspension, capacity or past decisions are theirs).
            let said = if mentors.len() > 1 {
                Text::msg("request-no-such-choice").arg("n", i + 1)
            } else {
                Text::msg("request-no-such")
            };
            return say(said.arg("mentor", *mentor).arg("programme", programme));
        };
        chosen.push(c);
    }
    let then: Vec<i64> = mentors[1..].to_vec();
    let (request, deadline) = request_to(ctx, &me, chosen[0], introduction(&me, &note), then);
    let first = name(chosen[0].record);
    let mut told = vec![
        match deadline {
            Some(d) if chosen.len() > 1 => {
                Text::msg("request-asked-first").arg("date", Text::date(d.date_naive()))
            }
            Some(d) => Text::msg("request-asked").arg("date", Text::date(d.date_naive())),
            None => Text::msg("request-to-coordinators"),
        }
        .arg("mentor", first),
    ];
    if chosen.len() > 1 {
        // `Ola, then Ben, then Chidi`, from the last one back.
        let then = chosen[1..]
            .iter()
            .rev()
            .map(|c| Text::plain(name(c.record)))
            .reduce(|rest, before| {
                Text::msg("request-then-list")
                    .arg("first", before)
                    .arg("rest", rest)
            })
            .expect("more than one chosen");
        told.push(Text::msg("request-then").arg("rest", then));
    }
    Outcome::unchanged(vec![
        Effect::StoreRequest(Box::new(request)),
        ctx.dm(OutMessage::said(Text::join(told, " "))),
    ])
}

/// What a mentor asked is shown of the mentee: their profile as it is now, and their note,
/// as kept on the request.
fn introduction(me: &Mentee<'_>, note: &str) -> String {
    Introduction {
        profile: me
            .pool
            .profiles
            .get(&me.record.summary.id)
            .map(|p| shown(me.programme, me.record, p))
            .unwrap_or_default(),
        note: note.to_string(),
    }
    .stored()
}

/// What `browse <words>` looks through of a mentor, in lower case: their name and their
/// profile in every language Tandem speaks (a mentee may look for `diseño` or `design`
/// whatever the language they chose; a translated option is found by either).
fn searchable(c: &Candidate<'_>) -> String {
    let profile = Text::lines(c.lines.clone());
    let mut text = name(c.record);
    for locale in crate::i18n::Locale::all() {
        text.push('\n');
        text.push_str(&profile.render(locale));
    }
    text.to_lowercase()
}

/// The request of `me` to `chosen`, asked now (with its deadline) or, where the programme
/// wants it, waiting for a coordinator.
fn request_to(
    ctx: &Ctx<'_>,
    me: &Mentee<'_>,
    chosen: &Candidate<'_>,
    introduction: String,
    then: Vec<i64>,
) -> (NewRequest, Option<chrono::DateTime<chrono::Utc>>) {
    let approve_first = me.config.approve_requests;
    let deadline = (!approve_first)
        .then(|| ctx.now + chrono::Duration::days(i64::from(me.programme.texts.answer_days)));
    let request = NewRequest {
        new: NewMatch {
            programme: me.programme.slug.clone(),
            mentee_application: me.record.summary.id,
            mentor_application: chosen.record.summary.id,
            score: chosen.score,
            reasons: chosen.reasons.clone(),
            origin: MatchOrigin::Request,
        },
        status: if approve_first {
            MatchStatus::Proposed
        } else {
            MatchStatus::Approved
        },
        deadline,
        introduction,
        places: places_of(me.config, chosen.record),
        mentee_places: mentee_places(me.config),
        mentor: chosen.record.applicant.clone(),
        then,
    };
    (request, deadline)
}

/// A ranked request that did not go ahead (`ended`): the mentee's next choice who can
/// still be asked is, with the same introduction; choices no longer possible (full, no
/// longer listed) are passed over. When none is left, the mentee and the coordinators are
/// told. Nothing when the mentee is no longer free to ask (matched meanwhile, no longer
/// ready).
pub fn pass_on(ctx: &Ctx<'_>, ended: &MatchRecord) -> Outcome {
    let pools: &[ChoicePool] = match ctx.subject {
        Subject::Choosing(pools) => pools,
        _ => &[],
    };
    let Ok(me) = mentee(ctx, pools, Some(&ended.programme)) else {
        return Outcome::unchanged(vec![]);
    };
    if me.busy().is_some() || me.record.summary.id != ended.mentee_application {
        return Outcome::unchanged(vec![]);
    }
    let Ok(all) = candidates(ctx, &me) else {
        return Outcome::unchanged(vec![]);
    };
    for (i, next) in ended.next_choices.iter().enumerate() {
        let Some(c) = all.iter().find(|c| c.record.summary.id == *next) else {
            continue;
        };
        let then = ended.next_choices[i + 1..].to_vec();
        // Their profile as it is now (they may have changed it since), with the same note.
        let note = Introduction::read(ended.introduction.as_deref().unwrap_or_default()).note;
        let (request, deadline) = request_to(ctx, &me, c, introduction(&me, &note), then);
        let text = match deadline {
            Some(d) => Text::msg("request-passed-on").arg("date", Text::date(d.date_naive())),
            None => Text::msg("request-passed-on-coordinators"),
        }
        .arg("mentor", ended.mentor_name.as_str())
        .arg("next", name(c.record));
        return Outcome::unchanged(vec![
            Effect::StoreRequest(Box::new(request)),
            ctx.dm(OutMessage::said(text)),
        ]);
    }
    let mut effects = vec![ctx.dm(OutMessage::said(Text::msg("request-none-left")))];
    if let Some(room) = ctx.coordinators_room(Some(&me.programme.slug)) {
        effects.push(Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("matching-ranked-all-gone")
                    .arg("mentee", name(me.record))
                    .arg("app", me.record.summary.id)
                    .arg("programme", me.programme.said_name())
                    .arg("prefix", ctx.room_prefix),
            ),
        });
    }
    Outcome::unchanged(effects)
}
