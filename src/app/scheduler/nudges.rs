//! Nudges the periodic sweep sends when nothing else would: to pairs whose room has gone
//! quiet (and then to the coordinators, with the pair's check-ins), and to whoever has not
//! answered a survey yet (answers saved half-way in closed rounds are dropped there too).
//! Each goes once: a quiet spell's keys are fixed, and a survey invite is marked reminded.
//!
//! Called from `App::sweep` (`scheduler::sweep`), not as jobs: they depend on what did not happen,
//! which no job could be scheduled for. A new nudge is a method here, added to the sweep.

use crate::app::{App, Result};
use crate::chat::OutMessage;
use crate::domain::RoomRef;
use crate::domain::matches::MatchRecord;
use crate::flows::Effect;
use crate::i18n::Text;

impl App {
    /// Nudges pairs whose room has been silent for the programme's `silent_nudge_days`,
    /// and alerts the coordinators after `silent_alert_days`: once per silence (a new
    /// message starts the count again). Paused and frozen pairs are left alone.
    pub(crate) async fn check_silent_pairs(&self) -> Result<usize> {
        let now = self.now();
        let mut done = 0;
        for pair in self.store.pair_quiet().await? {
            let Some(plan) = self
                .programme(&pair.programme)
                .and_then(|p| p.schedule.as_ref())
            else {
                continue;
            };
            let Some(since) = pair.last_activity.or(pair.started) else {
                continue;
            };
            if pair.frozen || pair.paused_until.is_some_and(|u| u > now) {
                continue;
            }
            let quiet_days = (now - since).num_days();
            let due = |days: Option<u32>, last: Option<chrono::DateTime<chrono::Utc>>| {
                days.is_some_and(|d| quiet_days >= i64::from(d)) && last.is_none_or(|l| l < since)
            };
            let nudge = due(plan.silent_nudge_days, pair.nudged_at);
            let alert = due(plan.silent_alert_days, pair.alerted_at);
            if !nudge && !alert {
                continue;
            }
            let Some(m) = self.store.match_by_id(pair.match_id).await? else {
                continue;
            };
            let Some(room) = m.room.clone() else { continue };
            // One nudge and one alert per quiet spell, whoever sweeps: the keys are fixed,
            // so enqueuing them again stores nothing.
            let key = |what: &str| format!("silence-{}-{}-{what}", m.id, since.timestamp_millis());
            if nudge {
                // Said in the pair's language when they share one (`app::languages`).
                let mut text = vec![
                    Text::msg("nudge-quiet")
                        .arg("days", quiet_days)
                        .arg("mentee", m.mentee_name.as_str())
                        .arg("mentor", m.mentor_name.as_str()),
                ];
                // With something to talk about, from the programme's bank.
                let starter = match self.programme(&m.programme) {
                    Some(p) if !p.starters.is_empty() => {
                        let given = self.store.starters_given(m.id).await?;
                        crate::domain::starters::pick(
                            &p.starters,
                            &given,
                            m.started(),
                            now,
                            p.duration_months,
                        )
                        .map(|s| (s.text.clone(), p.said_starter(s)))
                    }
                    _ => None,
                };
                if let Some((_, said)) = &starter {
                    text.push(Text::msg("starter").arg("text", said.clone()));
                }
                let room = RoomRef::new(m.room_platform(), room.clone());
                let nudge = Effect::PostInRoom {
                    room,
                    message: OutMessage::said(Text::lines(text)),
                };
                self.try_perform(&key("nudge"), vec![nudge]).await?;
                self.store.mark_silence(m.id, false, now).await?;
                if let Some((s, _)) = &starter {
                    self.store.remember_starter(m.id, s, now).await?;
                }
                done += 1;
            }
            if alert {
                let programme = self
                    .programme(&m.programme)
                    .map_or(Text::plain(m.programme.as_str()), |p| p.said_name());
                let nudged = nudge || pair.nudged_at.is_some_and(|n| n >= since);
                let alert = if nudged {
                    Text::msg("support-quiet-alert-nudged")
                } else {
                    Text::msg("support-quiet-alert")
                }
                .arg("m", m.id)
                .arg("mentee", m.mentee_name.as_str())
                .arg("mentor", m.mentor_name.as_str())
                .arg("programme", programme)
                .arg("days", Text::msg("days").arg("count", quiet_days))
                .arg("since", Text::date(since.date_naive()))
                .arg("app", m.mentee_application);
                let text = Text::lines(vec![
                    alert,
                    history(&self.store.check_ins_of(m.id).await?, &m),
                ]);
                let card = OutMessage::said(text)
                    .with_said_actions(crate::flows::pair_actions(m.id, m.mentee_application));
                if let Some(coordinators) = self
                    .coordinators_room(Some(&m.programme), m.mentee.platform)
                    .cloned()
                {
                    let alert = Effect::PostInRoom {
                        room: coordinators,
                        message: card,
                    };
                    self.try_perform(&key("alert"), vec![alert]).await?;
                    self.store.mark_silence(m.id, true, now).await?;
                    done += 1;
                }
            }
        }
        Ok(done)
    }

    /// Reminds, once, whoever has not answered a survey `reminder_days` after it was sent
    /// (and it is still open), and drops answers saved half-way in closed rounds. Returns
    /// how many things it did.
    pub(crate) async fn remind_surveys(&self) -> Result<usize> {
        let now = self.now();
        let mut done = usize::try_from(self.store.drop_closed_drafts(now).await?).unwrap_or(0);
        for (invite, user, programme, survey, invited_at) in
            self.store.unreminded_invites(now).await?
        {
            let Some(days) = self
                .programme(&programme)
                .and_then(|p| p.survey(&survey))
                .map(|s| s.reminder_days)
                .filter(|d| *d > 0)
            else {
                continue;
            };
            if now - invited_at < chrono::Duration::days(i64::from(days)) {
                continue;
            }
            // Someone who left the survey open on a question is reminded right there;
            // anyone else gets it as a prompt, when they are free.
            let open_flow = match self.store.load_conversation(&user).await? {
                Some(c) => match c.state {
                    crate::flows::FlowState::Survey(f) if f.invite_id == invite => Some(f),
                    _ => None,
                },
                None => None,
            };
            if !self
                .store
                .remind_survey(invite, &user, open_flow.is_none(), now)
                .await?
            {
                continue;
            }
            match open_flow {
                Some(flow) => {
                    let known = self.known(&user).await?;
                    let subject = crate::flows::Subject::Nothing;
                    let ctx = self.ctx(&user, &known, &subject, now);
                    let effects = crate::flows::survey::nudge(&ctx, &flow);
                    self.perform(&format!("survey-reminder-{invite}"), effects)
                        .await;
                }
                None => {
                    self.deliver_prompts(&user).await?;
                }
            }
            done += 1;
        }
        Ok(done)
    }
}

/// The pair's history for an alert card: when they started, and their check-in answers.
fn history(check_ins: &[(u32, String, Option<String>)], m: &MatchRecord) -> Text {
    let since = Text::msg("support-quiet-since").arg("date", Text::date(m.started().date_naive()));
    let answered: Vec<Text> = check_ins
        .iter()
        .filter_map(|(seq, user, answer)| {
            let who = if *user == m.mentee.id {
                &m.mentee_name
            } else {
                &m.mentor_name
            };
            answer.as_ref().map(|a| {
                Text::msg("support-quiet-answer")
                    .arg("n", i64::from(*seq) + 1)
                    .arg("who", who.as_str())
                    .arg("answer", a.as_str())
            })
        })
        .collect();
    let check_ins = if answered.is_empty() {
        Text::msg("support-quiet-no-check-in")
    } else {
        Text::msg("support-quiet-check-ins").arg("answers", Text::join(answered, " · "))
    };
    Text::join(vec![since, check_ins], " ")
}
