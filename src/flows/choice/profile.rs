//! `profile`: what a participant shows the other side of a programme where mentees choose.
//! Only answers the person picks (by number, from those the programme allows) and a bio
//! they write; a mentor without anything shown is not listed to mentees.

use super::super::{Ctx, Effect, Outcome};
use super::{ChoicePool, PROFILE_USAGE, ProfileCommand, not_choosing};
use crate::domain::profile::{MAX_BIO_CHARS, Profile, offerable, shown};
use crate::domain::text::{char_len, clean};
use crate::domain::{ApplicationRecord, Programme, RoleKind};

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
            return Outcome::unchanged(vec![ctx.dm_text(view(programme, record, &current))]);
        }
        ProfileCommand::Pick(numbers) => {
            if let Some(n) = numbers.iter().find(|n| **n > offer.len()) {
                return Outcome::unchanged(vec![ctx.dm_text(format!(
                    "There is no answer number {n}: the answers you can show are numbered 1 to {}. Nothing was changed. Type profile to see them.",
                    offer.len()
                ))]);
            }
            Profile {
                questions: numbers.iter().map(|n| offer[n - 1].0.clone()).collect(),
                bio: current.bio.clone(),
            }
        }
        ProfileCommand::PickAll => Profile {
            questions: offer.iter().map(|(id, _, _)| id.clone()).collect(),
            bio: current.bio.clone(),
        },
        ProfileCommand::Bio(text) => {
            let bio = clean(text, false).trim().to_string();
            let len = char_len(&bio);
            if len > MAX_BIO_CHARS {
                return Outcome::unchanged(vec![ctx.dm_text(format!(
                    "Your bio is {len} characters long; please keep it to {MAX_BIO_CHARS}. Nothing was changed."
                ))]);
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
            .filter(|(id, _, _)| new.questions.contains(id))
            .map(|(id, _, _)| id.clone())
            .collect(),
        bio: new.bio,
    };
    let said = if new.is_empty() && !current.is_empty() {
        format!(
            "Your profile is hidden: {}. Type profile to show it again.",
            hidden_means(record.summary.role)
        )
    } else if new == current {
        format!("Nothing changed.\n{}", view(programme, record, &new))
    } else {
        format!("Saved.\n{}", view(programme, record, &new))
    };
    if new == current {
        return Outcome::unchanged(vec![ctx.dm_text(said)]);
    }
    Outcome::unchanged(vec![
        Effect::SetProfile {
            application: record.summary.id,
            profile: new,
        },
        ctx.dm_text(said),
    ])
}

/// What an empty profile means for someone of `role`.
fn hidden_means(role: RoleKind) -> &'static str {
    match role {
        RoleKind::Mentor => "mentees don't see you when they browse",
        RoleKind::Mentee => "a mentor you ask sees only your name, why you fit and your note",
    }
}

/// The profile as the other side sees it, and the answers that may be shown, numbered.
fn view(programme: &Programme, record: &ApplicationRecord, profile: &Profile) -> String {
    let readers = match record.summary.role {
        RoleKind::Mentor => "mentees",
        RoleKind::Mentee => "the mentors you ask",
    };
    let lines = shown(programme, record, profile);
    let mut s = if lines.is_empty() {
        format!(
            "Your profile in {} shows nothing yet, so {}.",
            programme.name,
            hidden_means(record.summary.role)
        )
    } else {
        format!(
            "Your profile in {}, as {readers} see it:\n{}",
            programme.name,
            lines
                .iter()
                .map(|l| format!("  {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    };
    let offer = offerable(programme, record);
    if offer.is_empty() {
        s.push_str("\nNone of your answers can be shown; you can write a bio.");
    } else {
        s.push_str("\nYour answers you can show (✓: shown):");
        for (i, (id, label, answer)) in offer.iter().enumerate() {
            let mark = if profile.questions.contains(id) {
                "✓"
            } else {
                "·"
            };
            s.push_str(&format!("\n{mark} {}. {label}: {answer}", i + 1));
        }
    }
    s.push_str(&format!("\n{PROFILE_USAGE}"));
    s
}
