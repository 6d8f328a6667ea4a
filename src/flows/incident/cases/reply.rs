//! The reporter's side: answering a moderator's question, in words or with files; the
//! answer goes to whoever works the case.

use super::*;

/// The reporter answers a moderator's question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseReply {
    pub case_id: i64,
    pub question: String,
    /// Asked by the escalation contact, about a restricted case: the answer goes to them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub restricted: bool,
    /// The case's programme, whose moderators' room gets the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
}

pub fn start_reply(
    case_id: i64,
    question: &str,
    restricted: bool,
    programme: Option<String>,
) -> Outcome {
    let flow = CaseReply {
        case_id,
        question: question.to_string(),
        restricted,
        programme,
    };
    Outcome {
        state: StateChange::Set(FlowState::CaseReply(flow)),
        // Through the case: the question waiting to be sent names the case, not them.
        effects: vec![Effect::TellReporter {
            case_id,
            text: Text::paragraphs(vec![
                Text::msg("case-question").arg("case", case_id),
                Text::plain(format!("“{question}”")),
                Text::msg("case-reply-here"),
            ]),
        }],
    }
}

/// The moderators' question a reporter's reply waits on.
pub(in crate::flows) fn reply_question(flow: &CaseReply) -> OutMessage {
    OutMessage::said(Text::lines(vec![
        Text::msg("case-question-again")
            .arg("case", flow.case_id)
            .arg("question", flow.question.as_str()),
        Text::msg("case-reply-here"),
    ]))
}

pub fn reply_step(ctx: &Ctx<'_>, flow: &CaseReply, content: &Content) -> Outcome {
    let text = match content {
        Content::Text(t) => clean(t, true),
        Content::Picked { .. } => String::new(),
    };
    if text.is_empty() || char_len(&text) > crate::flows::incident::report::MAX_TEXT {
        return Outcome {
            state: StateChange::Unchanged,
            effects: vec![ctx.dm(OutMessage::said(
                Text::msg("case-answer-type").arg("question", flow.question.as_str()),
            ))],
        };
    }
    let mut effects = vec![Effect::CaseReply {
        case_id: flow.case_id,
        text: text.clone(),
    }];
    effects.extend(answer_to_keeper(
        ctx,
        flow,
        reply_lines(
            flow,
            vec![Text::msg("case-reply-a").arg("answer", text.as_str())],
        ),
    ));
    effects.push(ctx.dm(OutMessage::said(Text::msg("case-answer-passed"))));
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// Files sent in answer to a moderator's question: kept on the case (as many as the
/// limit allows), with the caption as the answer's words; the moderators are told.
pub fn reply_files(
    ctx: &Ctx<'_>,
    flow: &CaseReply,
    files: &[crate::flows::InboundFile],
    caption: &str,
) -> Outcome {
    let (keep, mut effects, notes) = crate::flows::incident::report::take_files(
        ctx,
        files,
        ctx.moderation.evidence.files as usize,
    );
    if keep.is_empty() {
        effects.extend(notes.into_iter().map(|n| ctx.dm(OutMessage::said(n))));
        effects.push(ctx.dm(OutMessage::said(
            Text::msg("case-answer-files-again").arg("question", flow.question.as_str()),
        )));
        return Outcome {
            state: StateChange::Unchanged,
            effects,
        };
    }
    let words = clean(caption, true);
    let words = if words.is_empty() || char_len(&words) > crate::flows::incident::report::MAX_TEXT {
        String::new()
    } else {
        words
    };
    let count = format!("{} file(s)", keep.len());
    effects.push(Effect::AttachFiles {
        case_id: flow.case_id,
        holder: ctx.user.clone(),
        ids: keep.iter().map(|f| f.id).collect(),
    });
    effects.push(Effect::CaseReply {
        case_id: flow.case_id,
        text: if words.is_empty() {
            format!("(sent {count})")
        } else {
            format!("{words} (and {count})")
        },
    });
    effects.extend(answer_to_keeper(ctx, flow, {
        let added = Text::msg("case-reply-files-added")
            .arg("count", keep.len())
            .arg(
                "open",
                typed(
                    if flow.restricted { "" } else { ctx.room_prefix },
                    format!("case evidence {}", flow.case_id),
                ),
            );
        reply_lines(
            flow,
            if words.is_empty() {
                vec![Text::msg("case-reply-a").arg("answer", added)]
            } else {
                vec![
                    Text::msg("case-reply-a").arg("answer", words.as_str()),
                    added,
                ]
            },
        )
    }));
    effects.extend(notes.into_iter().map(|n| ctx.dm(OutMessage::said(n))));
    effects.push(ctx.dm(OutMessage::said(Text::msg("case-answer-files-passed"))));
    Outcome {
        state: StateChange::Clear,
        effects,
    }
}

/// A reporter's answer, to whoever asked: in the case card's thread in the moderators'
/// room, or to the escalation contact for a restricted case.
/// The reporter's answer as the keeper reads it: the case, the question, then `answer`.
fn reply_lines(flow: &CaseReply, answer: Vec<Text>) -> Text {
    let mut lines = vec![
        Text::msg("case-reply-from").arg("n", flow.case_id),
        Text::msg("case-reply-q").arg("question", flow.question.as_str()),
    ];
    lines.extend(answer);
    Text::lines(lines)
}

pub(super) fn answer_to_keeper(ctx: &Ctx<'_>, flow: &CaseReply, text: Text) -> Option<Effect> {
    let keeper = if flow.restricted {
        Keeper::Contact
    } else {
        Keeper::Moderators
    };
    to_keeper(
        ctx,
        keeper,
        flow.programme.as_deref(),
        OutMessage::said(text).in_thread(crate::flows::case_thread(flow.case_id)),
    )
}

/// The prompt that starts a reporter's reply.
pub fn question_prompt(
    case_id: i64,
    question: String,
    restricted: bool,
    programme: Option<String>,
) -> Prompt {
    Prompt::CaseQuestion {
        case_id,
        question,
        restricted,
        programme,
    }
}
