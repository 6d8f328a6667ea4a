//! `profile`: what a participant shows the other side of a programme where mentees choose.
//! Only answers the person picks (by number, from those the programme allows) and a bio
//! they write; a mentor without anything shown is not listed to mentees.

use super::super::{Ctx, Effect, Outcome};
use super::{ChoicePool, ProfileCommand, not_choosing};
use crate::chat::OutMessage;
use crate::domain::profile::{MAX_BIO_CHARS, Profile, offerable, shown};
use crate::domain::text::{char_len, clean};
use crate::domain::{ApplicationRecord, Programme, RoleKind};
use crate::i18n::Text;

pub(super) fn handle(ctx: &Ctx<'_>, pools: &[ChoicePool], command: &ProfileCommand) -> Outcome {
    let found = pools.iter().find_map(|pool| {
        let record = pool.mine.first()?;
        let programme = ctx.programme(&pool.programme)?;
        Some((pool, programme, record))
    });
    let Some((pool, programme, record)) = found else {
        return Outcome::unchanged(vec![
            ctx.dm(crate::chat::OutMessage::said(not_choosing(ctx))),
        ]);
    };
    let current = pool
        .profiles
        .get(&record.summary.id)
        .cloned()
        .unwrap_or_default();
    let offer = offerable(programme, record);
    let new = match command {
        ProfileCommand::Show => {
            return Outcome::unchanged(vec![
                ctx.dm(OutMessage::said(view(programme, record, &current))),
            ]);
        }
        ProfileCommand::Pick(numbers) => {
            if let Some(n) = numbers.iter().find(|n| **n > offer.len()) {
                return Outcome::unchanged(vec![
                    ctx.dm(OutMessage::said(
                        Text::msg("profile-no-such-answer")
                            .arg("n", *n)
                            .arg("max", offer.len()),
                    )),
                ]);
            }
            Profile {
                questions: numbers.iter().map(|n| offer[n - 1].id.clone()).collect(),
                bio: current.bio.clone(),
            }
        }
        ProfileCommand::PickAll => Profile {
            questions: offer.iter().map(|o| o.id.clone()).collect(),
            bio: current.bio.clone(),
        },
        ProfileCommand::Bio(text) => {
            let bio = clean(text, false).trim().to_string();
            let len = char_len(&bio);
            if len > MAX_BIO_CHARS {
                return Outcome::unchanged(vec![
                    ctx.dm(OutMessage::said(
                        Text::msg("profile-bio-long")
                            .arg("count", len)
                            .arg("max", MAX_BIO_CHARS),
                    )),
                ]);
            }
            Profile {
                questions: current.questions.clone(),
                bio,
            }
        }
        ProfileCommand::Hide => Profile::default(),
    };
    // Kept in form order, whatever order they were typed in.
    let new = Profile {
        questions: offer
            .iter()
            .filter(|o| new.questions.contains(&o.id))
            .map(|o| o.id.clone())
            .collect(),
        bio: new.bio,
    };
    let said = if new.is_empty() && !current.is_empty() {
        Text::msg("profile-hidden").arg("means", hidden_means(record.summary.role))
    } else if new == current {
        Text::lines(vec![
            Text::msg("profile-unchanged"),
            view(programme, record, &new),
        ])
    } else {
        Text::lines(vec![
            Text::msg("profile-saved"),
            view(programme, record, &new),
        ])
    };
    if new == current {
        return Outcome::unchanged(vec![ctx.dm(OutMessage::said(said))]);
    }
    Outcome::unchanged(vec![
        Effect::SetProfile {
            application: record.summary.id,
            profile: new,
        },
        ctx.dm(OutMessage::said(said)),
    ])
}

/// What an empty profile means for someone of `role`.
fn hidden_means(role: RoleKind) -> Text {
    Text::msg(match role {
        RoleKind::Mentor => "profile-hidden-mentor",
        RoleKind::Mentee => "profile-hidden-mentee",
    })
}

/// The profile as the other side sees it, and the answers that may be shown, numbered.
fn view(programme: &Programme, record: &ApplicationRecord, profile: &Profile) -> Text {
    let lines = shown(programme, record, profile);
    let mut said = vec![if lines.is_empty() {
        Text::msg("profile-empty")
            .arg("programme", &programme.name)
            .arg("means", hidden_means(record.summary.role))
    } else {
        let seen_by = match record.summary.role {
            RoleKind::Mentor => "profile-as-mentees-see",
            RoleKind::Mentee => "profile-as-mentors-see",
        };
        Text::lines(
            std::iter::once(Text::msg(seen_by).arg("programme", &programme.name))
                .chain(
                    lines
                        .into_iter()
                        .map(|l| Text::join(vec![Text::plain("  "), l], "")),
                )
                .collect(),
        )
    }];
    let offer = offerable(programme, record);
    if offer.is_empty() {
        said.push(Text::msg("profile-nothing-to-show"));
    } else {
        said.push(Text::msg("profile-answers"));
        for (i, o) in offer.iter().enumerate() {
            let mark = if profile.questions.contains(&o.id) {
                "✓"
            } else {
                "·"
            };
            said.push(Text::join(
                vec![Text::plain(format!("{mark} {}. ", i + 1)), o.line()],
                "",
            ));
        }
    }
    said.push(Text::msg("choice-profile-usage"));
    Text::lines(said)
}
