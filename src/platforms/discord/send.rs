//! Sending: a DM channel opened, a message rendered and sent with its nonce, and the
//! prompts whose buttons are still open (an answered or withdrawn prompt closes).
//!
//! Never twice: each part of a message carries a nonce made from the act's idempotency
//! key, with `enforce_nonce`, so Discord answers a retry with the message it already has
//! — but only for a few minutes, and the outbox retries for hours. So the adapter also
//! remembers, in [`SentNonces`], each nonce Discord has taken (from its answer, and from
//! the gateway's MESSAGE_CREATE of the bot's own message, which arrives even when the
//! answer was lost), and a retry skips the parts already sent. What it cannot cover: a
//! process that stops between Discord taking a message and the outbox recording it, and
//! starts again after Discord has forgotten the nonce, sends that message once more
//! (reading the channel back would not help: Discord never returns a nonce there, and the
//! same words may rightly be sent twice).
//!
//! How a message looks is in `render`; errors become `PortError`s in `port_error`.

use super::*;

impl DiscordBot {
    pub(super) async fn dm_channel(&self, user: UserId) -> Result<ChannelId, PortError> {
        if let Some(channel) = lock(&self.dms).get(&user) {
            return Ok(*channel);
        }
        let channel = user
            .create_dm_channel(&self.http)
            .await
            .map_err(|e| self.port_error(e, Some(user), "open a DM"))?;
        lock(&self.dms).insert(user, channel.id);
        Ok(channel.id)
    }

    pub(super) fn port_error(
        &self,
        e: serenity::Error,
        user: Option<UserId>,
        doing: &str,
    ) -> PortError {
        let code = json_code(&e);
        if let Some(user) = user
            && code == Some(CANNOT_MESSAGE_USER)
        {
            lock(&self.unreachable).insert(user);
            return PortError::Unreachable(
                format!("discord:{user}"),
                "they do not accept direct messages from the bot".into(),
            );
        }
        if let Some(user) = user
            && code == Some(UNKNOWN_MEMBER)
        {
            return PortError::Unreachable(
                format!("discord:{user}"),
                "they are no longer in the server".into(),
            );
        }
        // What Discord refuses here stays refused until someone changes the server: said
        // at once, to the staff, rather than retried for hours (each try of a pair room
        // would leave another half-made thread behind).
        match code {
            Some(MISSING_PERMISSIONS | MISSING_ACCESS | UNKNOWN_CHANNEL | UNKNOWN_MEMBER) => {
                PortError::Refused(explain_error(&e, doing))
            }
            _ => PortError::Other(anyhow!("{}", explain_error(&e, doing))),
        }
    }

    pub(super) async fn send(
        &self,
        channel: ChannelId,
        message: &OutMessage,
        key: &IdempotencyKey,
        owner: Option<UserId>,
    ) -> Result<Posted, PortError> {
        let owner_text = owner.map(|o| o.to_string());
        let rendered = render::render(message, owner_text.as_deref());
        let last = rendered.parts.len() - 1;
        let mut sent: Option<MessageId> = None;
        let mut earlier_parts = Vec::new();
        for (i, part) in rendered.parts.iter().enumerate() {
            let nonce = if i == 0 {
                render::nonce(key)
            } else {
                render::nonce(&IdempotencyKey(format!("{}#{i}", key.0)))
            };
            // Only the people the message is meant to alert are pinged.
            let mentions = if i == 0 {
                CreateAllowedMentions::new()
                    .users(rendered.mentions.iter().copied().map(UserId::new))
            } else {
                CreateAllowedMentions::new()
            };
            let mut builder = CreateMessage::new()
                .content(part)
                .nonce(Nonce::String(nonce.clone()))
                .enforce_nonce(true)
                .allowed_mentions(mentions);
            if i == last {
                builder = builder.components(components(&rendered));
                if let Some(file) = &message.attachment {
                    builder = builder.add_file(CreateAttachment::bytes(
                        file.data.clone(),
                        file.name.clone(),
                    ));
                }
            }
            let doing = "send messages (Send Messages and View Channel)";
            if let Some(earlier) = &sent {
                earlier_parts.push(earlier.to_string());
            }
            // Already taken by Discord (its answer or its gateway event said so): a retry
            // goes on from the next part, whether or not Discord still remembers the nonce.
            if let Some(id) = self.sent_nonces.find(channel, &nonce) {
                sent = Some(id);
                continue;
            }
            let message = channel
                .send_message(&self.http, builder)
                .await
                .map_err(|e| self.port_error(e, owner, doing))?;
            self.sent_nonces.note(channel, nonce, message.id);
            sent = Some(message.id);
        }
        // A person's prompt supersedes their previous one; a room's cards all stay usable.
        if owner.is_some()
            && rendered.controls != Controls::None
            && let Some(sent) = &sent
        {
            self.open_prompt(channel, *sent).await;
        }
        // The last part: the one with the controls.
        Ok(Posted {
            id: sent.map(|m| m.to_string()),
            also: earlier_parts,
        })
    }

    /// The bot's own message as the gateway delivers it: its nonce, if it has one, is
    /// noted as sent (an answer lost on the way still leaves this).
    pub(super) fn note_own(&self, message: &Message) {
        if let Some(Nonce::String(nonce)) = &message.nonce {
            self.sent_nonces
                .note(message.channel_id, nonce.clone(), message.id);
        }
    }

    /// Records a new prompt in `channel`, and takes the controls off the one it supersedes.
    pub(super) async fn open_prompt(&self, channel: ChannelId, message: MessageId) {
        let previous = lock(&self.open_prompts).insert(channel, message);
        if let Some(previous) = previous {
            self.close_prompt(previous);
            let edit = EditMessage::new().components(vec![]);
            if let Err(e) = channel.edit_message(&self.http, previous, edit).await {
                debug!("removing the buttons of an older prompt failed: {e}");
            }
        }
    }

    pub(super) fn close_prompt(&self, message: MessageId) {
        let mut closed = lock(&self.closed_prompts);
        if closed.len() >= MAX_REMEMBERED_PROMPTS {
            closed.clear();
        }
        closed.insert(message);
    }

    pub(super) fn is_closed(&self, message: MessageId) -> bool {
        lock(&self.closed_prompts).contains(&message)
    }
}

/// Nonces of messages Discord has taken, per channel (as Discord keeps them), with their
/// ids: the last [`SENT_NONCES`] or so (two generations, so the newest are never all
/// forgotten at once).
#[derive(Default)]
pub(super) struct SentNonces(Mutex<(Taken, Taken)>);

type Taken = HashMap<(ChannelId, String), MessageId>;

/// How many nonces a generation of [`SentNonces`] holds.
const SENT_NONCES: usize = 10_000;

impl SentNonces {
    pub(super) fn note(&self, channel: ChannelId, nonce: String, id: MessageId) {
        let mut generations = lock(&self.0);
        if generations.0.len() >= SENT_NONCES {
            generations.1 = std::mem::take(&mut generations.0);
        }
        generations.0.insert((channel, nonce), id);
    }

    pub(super) fn find(&self, channel: ChannelId, nonce: &str) -> Option<MessageId> {
        let generations = lock(&self.0);
        let key = (channel, nonce.to_string());
        generations
            .0
            .get(&key)
            .or_else(|| generations.1.get(&key))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_remembered_per_channel_and_the_newest_survive_a_full_generation() {
        let nonces = SentNonces::default();
        let (here, there) = (ChannelId::new(1), ChannelId::new(2));
        nonces.note(here, "n0".into(), MessageId::new(10));
        assert_eq!(nonces.find(here, "n0"), Some(MessageId::new(10)));
        assert_eq!(nonces.find(there, "n0"), None, "another channel's");
        for i in 1..=SENT_NONCES as u64 {
            nonces.note(here, format!("n{i}"), MessageId::new(10 + i));
        }
        // The first generation is full and kept as the older one: all still found.
        assert_eq!(nonces.find(here, "n0"), Some(MessageId::new(10)));
        assert_eq!(nonces.find(here, "n5000"), Some(MessageId::new(5010)));
    }
}
