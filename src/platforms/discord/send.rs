//! Sending: a DM channel opened, a message rendered and sent with its nonce, and the
//! prompts whose buttons are still open (an answered or withdrawn prompt closes).
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
        if let Some(user) = user
            && json_code(&e) == Some(CANNOT_MESSAGE_USER)
        {
            lock(&self.unreachable).insert(user);
            return PortError::Unreachable(
                format!("discord:{user}"),
                "they do not accept direct messages from the bot".into(),
            );
        }
        PortError::Other(anyhow!("{}", explain_error(&e, doing)))
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
        let mut sent: Option<serenity::all::Message> = None;
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
                .nonce(Nonce::String(nonce))
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
                earlier_parts.push(earlier.id.to_string());
            }
            sent = Some(
                channel
                    .send_message(&self.http, builder)
                    .await
                    .map_err(|e| self.port_error(e, owner, doing))?,
            );
        }
        // A person's prompt supersedes their previous one; a room's cards all stay usable.
        if owner.is_some()
            && rendered.controls != Controls::None
            && let Some(sent) = &sent
        {
            self.open_prompt(channel, sent.id).await;
        }
        // The last part: the one with the controls.
        Ok(Posted {
            id: sent.map(|m| m.id.to_string()),
            also: earlier_parts,
        })
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
