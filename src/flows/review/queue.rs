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

/// `  text`: a line of the summary, under its heading.
fn indented(depth: usize, text: Text) -> Text {
    Text::join(vec![Text::plain("  ".repeat(depth)), text], "")
}

pub(super) fn queue_text(ctx: &Ctx<'_>, rows: &[&(ApplicationSummary, UserRef)]) -> Text {
    let mut waiting: Vec<&&(ApplicationSummary, UserRef)> = rows
        .iter()
        .filter(|(a, _)| a.status.awaits_review())
        .collect();
    if waiting.is_empty() {
        return Text::msg("roster-queue-empty");
    }
    waiting.sort_by_key(|(a, _)| (a.submitted_at, a.id));
    let mut lines = vec![Text::msg("roster-queue").arg("count", waiting.len())];
    for (a, user) in waiting {
        lines.push(Text::join(
            vec![
                Text::plain(a.who(user)),
                Text::plain(&a.programme),
                Text::msg("role-one").arg("role", a.role.as_str()),
                a.status.said_label(),
                Text::msg("days").arg("count", age_days(ctx, a)),
            ],
            " · ",
        ));
    }
    lines.push(Text::msg("roster-queue-hint").arg("prefix", ctx.room_prefix));
    Text::lines(lines)
}

pub(super) fn summary_text(
    ctx: &Ctx<'_>,
    programmes: &[&Programme],
    rows: &[&(ApplicationSummary, UserRef)],
) -> Text {
    let today = ctx.now.date_naive();
    let horizon = today + chrono::Duration::days(30);
    let mut lines = vec![Text::msg("roster-summary")];
    for p in programmes {
        let mine: Vec<&&(ApplicationSummary, UserRef)> =
            rows.iter().filter(|(a, _)| a.programme == p.slug).collect();
        lines.push(
            Text::msg("roster-summary-programme")
                .arg("programme", p.said_name())
                .arg("count", mine.len()),
        );
        for role in RoleKind::ALL {
            let counts: Vec<Text> = ApplicationStatus::ALL
                .iter()
                .filter_map(|st| {
                    let n = mine
                        .iter()
                        .filter(|(a, _)| a.role == role && a.status == *st)
                        .count();
                    (n > 0).then(|| {
                        Text::msg("application-status-count")
                            .arg("count", n)
                            .arg("status", st.said_label())
                    })
                })
                .collect();
            lines.push(indented(
                1,
                Text::msg("roster-summary-role")
                    .arg(
                        "role",
                        Text::msg("roster-role-plural").arg("role", role.as_str()),
                    )
                    .arg(
                        "counts",
                        if counts.is_empty() {
                            Text::msg("roster-summary-none")
                        } else {
                            Text::join(counts, ", ")
                        },
                    ),
            ));
        }
        lines.push(indented(
            1,
            match mine
                .iter()
                .filter(|(a, _)| a.status.awaits_review())
                .min_by_key(|(a, _)| a.submitted_at)
            {
                Some((a, user)) => Text::msg("roster-summary-oldest")
                    .arg("who", a.who(user))
                    .arg("days", Text::msg("days").arg("count", age_days(ctx, a))),
                None => Text::msg("roster-summary-nobody-waiting"),
            },
        ));
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
            lines.push(indented(1, Text::msg("roster-summary-none-expiring")));
        } else {
            lines.push(indented(1, Text::msg("roster-summary-expiring")));
            for (date, who, step) in expiring {
                lines.push(indented(
                    2,
                    Text::join(
                        vec![Text::plain(format!("{who} {step}: ")), Text::date(date)],
                        "",
                    ),
                ));
            }
        }
    }
    Text::lines(lines)
}
