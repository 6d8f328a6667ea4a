//! A person's own data: everything Tandem stores about them, as one JSON document
//! (`my data`), and its erasure (`delete my data`).
//!
//! Erasure keeps the figures and removes the person: rows that count towards statistics
//! (applications, matches, check-ins, survey invites, RSVPs) are kept under a random
//! pseudonym (on the same platform, so every record still reads) with their personal
//! content (answers, free text) deleted; rows that are only
//! about them (conversations, queued prompts) are deleted; their name and id
//! are scrubbed from free text written about them (decision reasons, case texts and
//! logs, closure reasons, remembered prompts). Cases they reported stay (safeguarding
//! records), re-sealed under the pseudonym.
//!
//! Safeguarding records about them stay as they are under a legal hold (see
//! `storage::holds`) for `[moderation] retention_years`, so that leaving cannot erase
//! evidence: cases about them, their failed or expired background checks and their
//! suspensions. The hold's end erases them the way erasure would have.
//!
//! Adding a table that holds people means adding it to both functions here, and to the
//! erasure test, which scans every table. (`legal_holds` names people on purpose: it is
//! how a hold is recognised, and it ends with the hold.)

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::{Any, Row, Transaction};

use super::holds::Held;
use super::{Store, from_millis, to_millis};
use crate::domain::UserRef;
use crate::domain::profile::Introduction;
use crate::domain::text::{contains_word, replace_word};
use crate::error::Result;
use crate::step::ConversationState;

/// Tables with a person as `(platform, user_id)` that count towards statistics: kept,
/// under the pseudonym.
const PSEUDONYMISED: &[&str] = &[
    "applications",
    "check_ins",
    "pair_activity",
    "match_next",
    "survey_invites",
    "rsvps",
    "audit_log",
];

/// Tables with a person as `(platform, user_id)` that are only about them: deleted.
/// (Suspensions are kept under a legal hold.)
const DELETED: &[&str] = &[
    "conversations",
    "pending_prompts",
    "team_questions",
    "pair_agreements",
    "availability",
    "outcome_declines",
];

/// Columns holding who did something, as `platform:id`: their value is replaced when it
/// is the person. `(table, column)`.
const ACTORS: &[(&str, &str)] = &[
    ("application_decisions", "decided_by"),
    ("review_questions", "asked_by"),
    ("application_notes", "written_by"),
    ("staff_check_ins", "by_staff"),
    ("screening_steps", "updated_by"),
    ("matches", "decided_by"),
    ("matches", "closed_by"),
    ("cases", "claimed_by"),
    ("case_events", "actor"),
    ("suspensions", "decided_by"),
    ("case_subjects", "added_by"),
    ("events", "created_by"),
    ("survey_rounds", "sent_by"),
    ("team_questions", "answered_by"),
    ("safety_flags", "decided_by"),
];

/// The kind of held record a row belongs to, and the column that says which one.
type HeldBy = Option<(Held, &'static str)>;

/// Free-text columns (in tables keyed by `id`) that may name the person: their name and
/// id are replaced as whole words, whatever the case. `(table, column, held by)`.
const FREE_TEXT: &[(&str, &str, HeldBy)] = &[
    ("application_decisions", "reason", None),
    ("review_questions", "question", None),
    ("matches", "closure_reason", None),
    ("cases", "concerns", Some((Held::Case, "id"))),
    ("cases", "body", Some((Held::Case, "id"))),
    ("cases", "evidence", Some((Held::Case, "id"))),
    ("cases", "reported_copy", Some((Held::Case, "id"))),
    ("cases", "outcome", Some((Held::Case, "id"))),
    ("case_events", "detail", Some((Held::Case, "case_id"))),
    ("suspensions", "reason", Some((Held::Suspension, "id"))),
    ("events", "title", None),
    ("events", "description", None),
    ("events", "cancel_reason", None),
    ("jobs", "last_error", None),
    ("staff_check_ins", "notes", None),
    ("safety_flags", "excerpt", Some((Held::SafetyFlag, "id"))),
    ("safety_flags", "note", Some((Held::SafetyFlag, "id"))),
];

/// Which free text a scrub of a person's words reaches.
#[derive(Debug, Clone, Copy)]
pub(super) enum Reach<'a> {
    /// All of it, except the records held (at an erasure).
    AllBut(&'a [(Held, i64)]),
    /// One held record's only (at the end of its hold).
    Only(Held, i64),
}

impl Store {
    /// Everything stored about `user`, for `my data` (`S`: the conversations' state).
    pub async fn personal_data<S: ConversationState>(
        &self,
        user: &UserRef,
        now: DateTime<Utc>,
    ) -> Result<Value> {
        let mut applications = Vec::new();
        for a in self.applications_of(user).await? {
            let Some(record) = self.application(a.id).await? else {
                continue;
            };
            applications.push(json!({
                "application": a.id,
                "programme": a.programme,
                "role": a.role.as_str(),
                "status": a.status.as_str(),
                "submitted_at": a.submitted_at.to_rfc3339(),
                "answers": record.answers.iter().map(|(q, ans)| (q.clone(), serde_json::to_value(ans).unwrap_or(Value::Null))).collect::<serde_json::Map<_, _>>(),
                "screening_steps": serde_json::to_value(&a.steps).unwrap_or(Value::Null),
                // What they chose to show others (programmes where mentees choose).
                "profile": self.profile_of(a.id).await?.map(|p| json!({
                    "shows_answers_to": p.questions, "bio": p.bio,
                })),
                "decisions": record.decisions.iter().map(|d| json!({
                    "from": d.from.as_str(), "to": d.to.as_str(), "by": d.by,
                    "reason": d.reason, "at": d.at.to_rfc3339(),
                })).collect::<Vec<_>>(),
                "questions_from_reviewers": record.questions.iter().map(|q| json!({
                    "question": q.question, "your_answer": q.answer,
                })).collect::<Vec<_>>(),
                // Notes are about the person, so they are theirs to see here (they are never
                // messaged to them).
                "coordinators_notes": record.notes.iter().map(|n| json!({
                    "note": n.text, "by": n.by, "at": n.at.to_rfc3339(),
                })).collect::<Vec<_>>(),
            }));
        }
        let mut matches = Vec::new();
        for m in self.matches_of(user).await? {
            let mine = m.mentee == *user;
            let check_ins: Vec<Value> = self
                .check_ins_of(m.id)
                .await?
                .into_iter()
                .filter(|(_, u, _)| *u == user.id)
                .map(|(seq, _, answer)| json!({"check_in": seq + 1, "your_answer": answer}))
                .collect();
            let next: Vec<Value> = self
                .next_steps(m.id)
                .await?
                .into_iter()
                .filter(|(u, _)| *u == user.id)
                .map(|(_, n)| json!(n.as_str()))
                .collect();
            matches.push(json!({
                "match": m.id,
                "programme": m.programme,
                "your_role": if mine { "mentee" } else { "mentor" },
                "partner": if mine { &m.mentor_name } else { &m.mentee_name },
                "status": m.status.as_str(),
                "proposed_at": m.created_at.to_rfc3339(),
                "origin": m.origin.as_str(),
                // Their own request's introduction (about them; the mentor's copy is theirs).
                "your_introduction": if mine {
                    m.introduction.as_deref().map(|i| Introduction::read(i).said().english())
                } else {
                    None
                },
                "pair_room": m.room,
                "relayed_pair_room": m.relay_room,
                "closed": m.closure.as_ref().map(|c| json!({
                    "kind": c.kind.as_str(), "at": c.at.to_rfc3339(),
                    "reason": (c.by == user.to_string()).then(|| c.reason.clone()),
                })),
                "check_ins": check_ins,
                // The staff's contacts with the pair: about them, so theirs to see.
                "staff_check_ins": self.staff_check_ins_of(m.id).await?.iter().filter(|c| {
                    // Their own contacts and those with both: not notes about the other.
                    use crate::domain::support::Whom;
                    c.with == Whom::Both || (c.with == Whom::Mentee) == mine
                }).map(|c| json!({
                    "by": c.by, "with": c.with.as_str(), "how": c.how.as_str(),
                    "concern": c.concern, "note": c.notes, "at": c.at.to_rfc3339(),
                })).collect::<Vec<_>>(),
                "what_next": next.first(),
                "meetings": self.meetings_of(m.id).await?.iter().map(|g| json!({
                    "starts_at": g.starts_at.to_rfc3339(), "minutes": g.minutes,
                    "state": g.state.as_str(), "minutes_met": g.held_minutes,
                })).collect::<Vec<_>>(),
            }));
        }
        let survey_answers: Vec<Value> = self.rows_of(user, "SELECT programme, survey, answers FROM survey_responses WHERE platform = $1 AND user_id = $2 ORDER BY id").await?
        .iter()
        .map(|r| -> Result<Value> {
            let answers: String = r.try_get("answers")?;
            Ok(json!({
                "programme": r.try_get::<String, _>("programme")?,
                "survey": r.try_get::<String, _>("survey")?,
                "answers": serde_json::from_str::<Value>(&answers).context("decoding survey answers")?,
            }))
        })
        .collect::<Result<_>>()?;
        let invites: Vec<Value> = self.rows_of(user, "SELECT r.programme, r.survey, i.invited_at, i.answered, i.draft FROM survey_invites i JOIN survey_rounds r ON r.id = i.round_id WHERE i.platform = $1 AND i.user_id = $2 ORDER BY i.id").await?
        .iter()
        .map(|r| -> Result<Value> {
            Ok(json!({
                "programme": r.try_get::<String, _>("programme")?,
                "survey": r.try_get::<String, _>("survey")?,
                "invited_at": from_millis(r.try_get("invited_at")?).to_rfc3339(),
                "answered": r.try_get::<i64, _>("answered")? != 0,
                "answers_saved_so_far": r.try_get::<Option<String>, _>("draft")?.and_then(|d| serde_json::from_str::<Value>(&d).ok()),
            }))
        })
        .collect::<Result<_>>()?;
        let outcome_answers: Vec<Value> = self.rows_of(user, "SELECT programme, follow_up, baseline, answers FROM outcome_responses WHERE platform = $1 AND user_id = $2 ORDER BY id").await?
        .iter()
        .map(|r| -> Result<Value> {
            let json_of = |c: &str| -> Result<Value> {
                let text: String = r.try_get(c)?;
                Ok(serde_json::from_str::<Value>(&text).context("decoding follow-up answers")?)
            };
            Ok(json!({
                "programme": r.try_get::<String, _>("programme")?,
                "follow_up": r.try_get::<String, _>("follow_up")?,
                "when_you_applied": json_of("baseline")?,
                "answers": json_of("answers")?,
            }))
        })
        .collect::<Result<_>>()?;
        let declined: Vec<Value> = self.rows_of(user, "SELECT programme, declined_at FROM outcome_declines WHERE platform = $1 AND user_id = $2 ORDER BY programme").await?
        .iter()
        .map(|r| -> Result<Value> {
            Ok(json!({
                "programme": r.try_get::<String, _>("programme")?,
                "declined_at": from_millis(r.try_get("declined_at")?).to_rfc3339(),
            }))
        })
        .collect::<Result<_>>()?;
        let rsvps: Vec<Value> = self.rows_of(user, "SELECT e.id, e.title, e.starts_at, r.answer FROM rsvps r JOIN events e ON e.id = r.event_id WHERE r.platform = $1 AND r.user_id = $2 ORDER BY e.starts_at").await?
        .iter()
        .map(|r| -> Result<Value> {
            Ok(json!({
                "event": r.try_get::<i64, _>("id")?,
                "title": r.try_get::<String, _>("title")?,
                "starts_at": from_millis(r.try_get("starts_at")?).to_rfc3339(),
                "your_answer": r.try_get::<String, _>("answer")?,
            }))
        })
        .collect::<Result<_>>()?;
        let suspensions: Vec<Value> = self.rows_of(user, "SELECT reason, until, lifted_at FROM suspensions WHERE platform = $1 AND user_id = $2 ORDER BY created_at").await.unwrap_or_default()
        .iter()
        .map(|r| {
            json!({
                "reason": r.try_get::<String, _>("reason").ok(),
                "until": r.try_get::<Option<i64>, _>("until").ok().flatten().map(|t| from_millis(t).to_rfc3339()),
                "lifted": r.try_get::<Option<i64>, _>("lifted_at").ok().flatten().is_some(),
            })
        })
        .collect();
        let reports: Vec<Value> = self
            .reports_since(user, DateTime::<Utc>::MIN_UTC)
            .await?
            .into_iter()
            .map(|r| json!({"case": r.case_id, "status": r.status.as_str(), "at": r.created_at.to_rfc3339()}))
            .collect();
        let questions: Vec<Value> = self
            .questions_of(user)
            .await?
            .into_iter()
            .map(|q| {
                json!({
                    "question": crate::domain::numbers::question(q.id),
                    "programme": q.programme,
                    "text": q.text,
                    "asked_at": q.asked_at.to_rfc3339(),
                    "answered_at": q.answered.map(|(at, _)| at.to_rfc3339()),
                })
            })
            .collect();
        let held_files: Vec<Value> = self
            .held_files(user)
            .await?
            .into_iter()
            .map(|f| json!({"name": f.name, "type": f.mime, "bytes": f.size}))
            .collect();
        let conversation = self
            .load_conversation::<S>(user)
            .await?
            .map(|c| serde_json::to_value(&c.state).unwrap_or(Value::Null));
        let week = self.week_of(user).await?;
        let availability = (!week.windows.is_empty() || week.zone.is_some()).then(|| {
            json!({
                "time_zone": week.zone,
                "free_each_week": (!week.windows.is_empty())
                    .then(|| crate::domain::meetings::describe(&week.windows).english()),
            })
        });
        let language = self.person_language(user).await?.map(|l| l.tag());
        let resources_read: Vec<Value> = self
            .resource_reads(user)
            .await?
            .into_iter()
            .map(|r| json!({"programme": r.programme, "resource": r.resource, "read_at": r.at.to_rfc3339()}))
            .collect();
        // Flags on messages they sent; one turned into a case is the moderators' (as a
        // report about them is: see `not_included`).
        let safety_flags: Vec<Value> = self
            .safety_flags_sent_by(user)
            .await?
            .into_iter()
            .filter(|f| !matches!(f.status, crate::domain::safety::FlagStatus::Case(_)))
            .map(|f| {
                json!({
                    "programme": f.programme, "match": f.match_id, "kind": f.kind.as_str(),
                    "excerpt": f.excerpt, "sent_at": f.at.to_rfc3339(),
                    "status": f.status.as_str(), "note": f.note,
                })
            })
            .collect();
        Ok(json!({
            "person": user.to_string(),
            "language": language,
            "safety_flags_on_your_messages": safety_flags,
            "resources_read": resources_read,
            "announcements_muted": self.has_muted(user).await?,
            "weekly_availability": availability,
            "exported_at": now.to_rfc3339(),
            "applications": applications,
            "matches": matches,
            "surveys": {
                "invitations": invites,
                "answers_with_your_name": survey_answers,
                "anonymous_answers": "Answers to anonymous surveys are stored without any link to you, so they cannot be found or included here.",
            },
            "outcomes_after_closure": {
                "answers_with_your_name": outcome_answers,
                "follow_ups_you_declined": declined,
                "anonymous_answers": "Answers to anonymous follow-ups are stored without any link to you, so they cannot be found or included here.",
            },
            "events": rsvps,
            "reports_you_made": reports,
            "questions_to_the_team": questions,
            "files_held_for_your_report_in_progress": held_files,
            "suspensions": suspensions,
            "conversation_in_progress": conversation,
            "not_included": "Reports other people made about you, and safety flags on your messages that were turned into a case, are kept by the moderators for safeguarding and are not shared here, nor are safeguarding records kept under a legal hold after an earlier deletion of your data.",
        }))
    }

    /// The rows a query finds for `user` (bound as `$1` platform, `$2` id).
    async fn rows_of(&self, user: &UserRef, sql: &'static str) -> Result<Vec<sqlx::any::AnyRow>> {
        Ok(sqlx::query(sql)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Erases `user` inside a step's transaction (see the module's documentation); returns
    /// the pseudonym their statistics now stand under.
    pub(super) async fn erase_person(
        &self,
        tx: &mut Transaction<'static, Any>,
        user: &UserRef,
        retention_years: u32,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let pseudonym = format!(
            "erased-{}",
            random
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        let (platform, id) = (user.platform.as_str(), user.id.as_str());
        // Acts for them that failed or still wait (messages to them, a removal): erased
        // with them. What this step itself sends them is enqueued after this.
        for lane in [
            format!("dm:{platform}:{id}"),
            format!("person:{platform}:{id}"),
        ] {
            sqlx::query("DELETE FROM outbox WHERE lane = $1 AND state IN ('pending', 'failed')")
                .bind(lane)
                .execute(&mut **tx)
                .await?;
        }
        // An account linked to them is them: erased too, whatever the app's copy of the
        // links said when the step was decided (the flow asks for it by name). Then the
        // link, and a code not yet typed, go.
        for other in self.accounts_linked_to(tx, user).await? {
            Box::pin(self.erase_person(tx, &other, retention_years, now)).await?;
        }
        self.unlink_account(tx, user).await?;
        self.forget_link_codes(tx, user).await?;
        self.forget_language(tx, user).await?;
        self.forget_resource_reads(tx, user).await?;
        self.mute_announcements(tx, user, false, now).await?;
        // The names they gave, to scrub from what others wrote.
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT a.answer FROM application_answers a JOIN applications p ON p.id = a.application_id WHERE p.platform = $1 AND p.user_id = $2 AND a.question_id = 'name'",
        )
        .bind(platform)
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .into_iter()
        .filter_map(|json: String| match serde_json::from_str(&json) {
            Ok(crate::domain::Answer::Text(t)) => Some(t),
            _ => None,
        })
        .collect();
        let words = words_of(&names, user);
        // Safeguarding records about them are held as they are, before anything changes
        // who they name (a case they reported is not about them: see `cases_about`).
        let until = super::holds::hold_end(now, retention_years);
        let mut held = Vec::new();
        for case in self.cases_about(tx, user, &names).await? {
            super::holds::hold(
                tx,
                user,
                Held::Case,
                case,
                json!({"words": words}),
                until,
                now,
            )
            .await?;
            held.push((Held::Case, case));
        }
        // A link to a case not about them after all (one they reported themselves) goes.
        let links: Vec<i64> = sqlx::query_scalar(
            "SELECT case_id FROM case_subjects WHERE platform = $1 AND user_id = $2",
        )
        .bind(platform)
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
        for case in links {
            if !held.contains(&(Held::Case, case)) {
                self.set_case_subject(tx, case, user, false, "tandem", now)
                    .await?;
            }
        }
        for suspension in super::holds::hold_suspensions(tx, user, until, now).await? {
            held.push((Held::Suspension, suspension));
        }
        for flag in super::safety::hold_or_erase_safety_flags(tx, user, until, now).await? {
            held.push((Held::SafetyFlag, flag));
        }
        super::holds::hold_failed_checks_and_delete_other_steps(tx, user, until, now).await?;
        // Their applications leave every programme (so nothing proposes, reminds or asks
        // them again); the rows stay, without content, for the figures.
        let open: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, status FROM applications WHERE platform = $1 AND user_id = $2 AND status <> 'withdrawn'",
        )
        .bind(platform)
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
        for (application, status) in open {
            sqlx::query(
                "UPDATE applications SET status = 'withdrawn', updated_at = $1 WHERE id = $2",
            )
            .bind(to_millis(now))
            .bind(application)
            .execute(&mut **tx)
            .await?;
            let from = status.parse().map_err(anyhow::Error::msg)?;
            super::applications::insert_decision(
                super::sql::Exec::Conn(tx),
                application,
                from,
                crate::domain::ApplicationStatus::Withdrawn,
                "tandem",
                "the person asked for their data to be deleted",
                now,
            )
            .await?;
        }
        for sql in [
            "UPDATE application_decisions SET reason = '[erased]' WHERE application_id IN (SELECT id FROM applications WHERE platform = $1 AND user_id = $2)",
            // Their open follow-ups' baselines (copies of their application's answers).
            "DELETE FROM outcome_invites WHERE invite_id IN (SELECT id FROM survey_invites WHERE platform = $1 AND user_id = $2)",
            "DELETE FROM survey_invites WHERE platform = $1 AND user_id = $2 AND answered = 0",
            "DELETE FROM application_answers WHERE application_id IN (SELECT id FROM applications WHERE platform = $1 AND user_id = $2)",
            "UPDATE review_questions SET answer = NULL, question = '[erased]' WHERE application_id IN (SELECT id FROM applications WHERE platform = $1 AND user_id = $2)",
            "DELETE FROM application_notes WHERE application_id IN (SELECT id FROM applications WHERE platform = $1 AND user_id = $2)",
            // Pairs they looked after wait for the sweep to give them to someone else.
            "UPDATE matches SET staff = NULL WHERE staff = $1 || ':' || $2",
            // The staff's notes on their pairs: the contacts stay, as the programme's record.
            "UPDATE staff_check_ins SET notes = '[erased]' WHERE match_id IN (SELECT m.id FROM matches m JOIN applications a ON a.id = m.mentee_application OR a.id = m.mentor_application WHERE a.platform = $1 AND a.user_id = $2)",
            // Where their pair's meetings were booked: the zones, theirs among them.
            "UPDATE meetings SET zones = '' WHERE match_id IN (SELECT m.id FROM matches m JOIN applications a ON a.id = m.mentee_application OR a.id = m.mentor_application WHERE a.platform = $1 AND a.user_id = $2)",
            "DELETE FROM profiles WHERE application_id IN (SELECT id FROM applications WHERE platform = $1 AND user_id = $2)",
            // What a request showed the mentor of them: their profile and note.
            "UPDATE matches SET introduction = NULL WHERE mentee_application IN (SELECT id FROM applications WHERE platform = $1 AND user_id = $2)",
            "UPDATE applications SET evaluation = NULL WHERE platform = $1 AND user_id = $2",
            "UPDATE survey_invites SET draft = NULL WHERE platform = $1 AND user_id = $2",
            // Attributed survey answers become anonymous ones.
            "UPDATE survey_responses SET platform = NULL, user_id = NULL, round_id = NULL, submitted_at = NULL WHERE platform = $1 AND user_id = $2",
            // So do attributed follow-ups of outcomes (with their baseline).
            "UPDATE outcome_responses SET platform = NULL, user_id = NULL, match_id = NULL, submitted_at = NULL WHERE platform = $1 AND user_id = $2",
        ] {
            sqlx::query(sql)
                .bind(platform)
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        // Files held for a report they never sent (sent ones belong to their case).
        self.drop_all_held_files(tx, user).await?;
        for table in DELETED {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE platform = $1 AND user_id = $2"
            )))
            .bind(platform)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        }
        // Times noted of them and not yet written go in under their id now, to be
        // pseudonymised with the rest (written later, they would bring the id back).
        self.flush_activity_of(tx, user).await?;
        for table in PSEUDONYMISED {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET user_id = $3 WHERE platform = $1 AND user_id = $2"
            )))
            .bind(platform)
            .bind(id)
            .bind(&pseudonym)
            .execute(&mut **tx)
            .await?;
        }
        // Cases they reported: kept for safeguarding, under the pseudonym.
        if let Some(sealer) = &self.sealer {
            let tag = sealer.tag(&user.to_string());
            let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM cases WHERE reporter_tag = $1")
                .bind(&tag)
                .fetch_all(&mut **tx)
                .await?;
            let erased = format!("{platform}:{pseudonym}");
            for case in ids {
                sqlx::query(
                    "UPDATE cases SET reporter_sealed = $1, reporter_tag = $2, reporter_plain = CASE WHEN reporter_plain IS NULL THEN NULL ELSE $3 END WHERE id = $4",
                )
                .bind(sealer.seal_reporter(case, &erased)?)
                .bind(sealer.tag(&erased))
                .bind(&erased)
                .bind(case)
                .execute(&mut **tx)
                .await?;
            }
        }
        // Who did what: their id where they acted.
        let me = user.to_string();
        for (table, column) in ACTORS {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET {column} = $1 WHERE {column} = $2"
            )))
            .bind(format!("{platform}:{pseudonym}"))
            .bind(&me)
            .execute(&mut **tx)
            .await?;
        }
        // Their name and id wherever someone wrote them, except in what is held.
        scrub(tx, &words, Reach::AllBut(&held)).await?;
        for word in &words {
            // Prompts remembered on a platform that name them are forgotten.
            let prompts: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT platform, message_id, prompt FROM sent_prompts WHERE LOWER(prompt) LIKE $1",
            )
            .bind(like_pattern(word))
            .fetch_all(&mut **tx)
            .await?;
            for (p, message, prompt) in prompts {
                if contains_word(&prompt, word) {
                    sqlx::query("DELETE FROM sent_prompts WHERE platform = $1 AND message_id = $2")
                        .bind(p)
                        .bind(message)
                        .execute(&mut **tx)
                        .await?;
                }
            }
        }
        Ok(pseudonym)
    }
}

/// The words that name `user`: the names they gave (of two characters or more), their
/// `platform:id` and their id; longest first, so a name is replaced before a part of it.
pub(super) fn words_of(names: &[String], user: &UserRef) -> Vec<String> {
    let mut words: Vec<String> = names
        .iter()
        .map(|n| n.trim().to_string())
        .filter(|n| n.chars().count() >= 2)
        .collect();
    words.push(user.to_string());
    words.push(user.id.clone());
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
}

/// Narrows rows to those that may hold `word`. LOWER … LIKE works only for ASCII words
/// (SQLite lowers ASCII only), so any other word takes every row; the matching itself is
/// done in Rust, the same way on both databases.
pub(super) fn like_pattern(word: &str) -> String {
    if word.is_ascii() {
        format!("%{}%", word.to_lowercase())
    } else {
        "%".to_string()
    }
}

/// Replaces `words` as whole words in any case (a name like "Al" leaves "Also" alone) in
/// the free text `reach` covers.
pub(super) async fn scrub(
    tx: &mut Transaction<'static, Any>,
    words: &[String],
    reach: Reach<'_>,
) -> Result<()> {
    for word in words {
        for (table, column, holdable) in FREE_TEXT {
            let (key, only) = match (reach, holdable) {
                (Reach::AllBut(_), None) => ("id", None),
                (Reach::AllBut(_), Some((_, key))) => (*key, None),
                (Reach::Only(kind, record), Some((held, key))) if kind == *held => {
                    (*key, Some(record))
                }
                (Reach::Only(..), _) => continue,
            };
            let select = format!(
                "SELECT id, {key}, {column} FROM {table} WHERE LOWER({column}) LIKE $1{}",
                if only.is_some() {
                    format!(" AND {key} = $2")
                } else {
                    String::new()
                }
            );
            let mut query = sqlx::query_as(sqlx::AssertSqlSafe(select)).bind(like_pattern(word));
            if let Some(record) = only {
                query = query.bind(record);
            }
            let rows: Vec<(i64, i64, String)> = query.fetch_all(&mut **tx).await?;
            for (row, record, text) in rows {
                if let (Reach::AllBut(held), Some((kind, _))) = (reach, holdable)
                    && held.contains(&(*kind, record))
                {
                    continue;
                }
                if let Some(scrubbed) = replace_word(&text, word) {
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "UPDATE {table} SET {column} = $1 WHERE id = $2"
                    )))
                    .bind(scrubbed)
                    .bind(row)
                    .execute(&mut **tx)
                    .await?;
                }
            }
        }
    }
    Ok(())
}
