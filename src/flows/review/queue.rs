//! The coordinators' overviews: `queue` (applications waiting for review, oldest first)
//! and `screening summary` (each programme's counts by role and status, who has waited
//! longest, and checks expiring soon). Both read the rows the app loaded into
//! `Subject::Overview`, already narrowed to the programmes the sender coordinates.
//!
//! To add an overview, add its command to `ReviewCommand` (one that names no application)
//! and its text here.

use super::*;

fn age_days(ctx: &Ctx<'_>, a: &ApplicationSummary) -> i64 {
    (ctx.now - a.submitted_at).num_days()
}

pub(super) fn queue_text(ctx: &Ctx<'_>, rows: &[&(ApplicationSummary, UserRef)]) -> String {
    let mut waiting: Vec<&&(ApplicationSummary, UserRef)> = rows
        .iter()
        .filter(|(a, _)| a.status.awaits_review())
        .collect();
    if waiting.is_empty() {
        return "No applications are waiting for review.".into();
    }
    waiting.sort_by_key(|(a, _)| (a.submitted_at, a.id));
    let mut s = format!(
        "{} application(s) waiting for review, oldest first:",
        waiting.len()
    );
    for (a, user) in waiting {
        s.push_str(&format!(
            "\n{} · {} · {} · {} · {} day(s)",
            a.who(user),
            a.programme,
            a.role,
            a.status.label(),
            age_days(ctx, a)
        ));
    }
    s.push_str(&format!(
        "\nType {} show A<number> to see one.",
        ctx.room_prefix
    ));
    s
}

pub(super) fn summary_text(
    ctx: &Ctx<'_>,
    programmes: &[&Programme],
    rows: &[&(ApplicationSummary, UserRef)],
) -> String {
    let today = ctx.now.date_naive();
    let horizon = today + chrono::Duration::days(30);
    let mut s = String::from("Screening summary");
    for p in programmes {
        let mine: Vec<&&(ApplicationSummary, UserRef)> =
            rows.iter().filter(|(a, _)| a.programme == p.slug).collect();
        s.push_str(&format!("\n{} ({} applications)", p.name, mine.len()));
        for role in RoleKind::ALL {
            let counts: Vec<String> = ApplicationStatus::ALL
                .iter()
                .filter_map(|st| {
                    let n = mine
                        .iter()
                        .filter(|(a, _)| a.role == role && a.status == *st)
                        .count();
                    (n > 0).then(|| format!("{} {}", n, st.label()))
                })
                .collect();
            s.push_str(&format!(
                "\n  {}s: {}",
                role,
                if counts.is_empty() {
                    "none".to_string()
                } else {
                    counts.join(", ")
                }
            ));
        }
        match mine
            .iter()
            .filter(|(a, _)| a.status.awaits_review())
            .min_by_key(|(a, _)| a.submitted_at)
        {
            Some((a, user)) => s.push_str(&format!(
                "\n  Oldest waiting: {}, {} day(s)",
                a.who(user),
                age_days(ctx, a)
            )),
            None => s.push_str("\n  Nobody is waiting for review."),
        }
        let mut expiring: Vec<(chrono::NaiveDate, String, &str)> = vec![];
        for (a, user) in &mine {
            if !a.status.is_accepted() {
                continue;
            }
            for (step, state) in &a.steps {
                if let StepState::Cleared { expires } = state
                    && *expires > today
                    && *expires <= horizon
                {
                    expiring.push((*expires, a.who(user), step.as_str()));
                }
            }
        }
        expiring.sort();
        if expiring.is_empty() {
            s.push_str("\n  No checks expire in the next 30 days.");
        } else {
            s.push_str("\n  Checks expiring in the next 30 days:");
            for (date, who, step) in expiring {
                s.push_str(&format!("\n    {who} {step}: {}", date.format("%-d %b %Y")));
            }
        }
    }
    s
}
