//! Serving: the sync loop with its event handlers, the catch-up of what arrived while the
//! bot was away, and the key backup that keeps encrypted history readable after a restart.
//!
//! A new kind of inbound event is registered in `serve`; its handler lives in `events`.

use super::*;

/// How long a clean stop waits for messages being handled.
const DRAIN_WAIT: Duration = Duration::from_secs(30);

impl MatrixBot {
    /// Feeds the app until [`MatrixBot::stop`] is called. A new device first syncs without
    /// handlers, so messages from before the bot existed are never answered; a restored
    /// one resumes from where it stopped, so messages sent while it was down are answered.
    pub async fn serve(self: &Arc<Self>, app: App) -> anyhow::Result<()> {
        if self.fresh_device {
            info!("first sync of this device: earlier messages will not be answered");
            self.sync_once_with_retry().await;
        }
        let _ = self.app.set(app.clone());
        let handler = Handler {
            bot: self.clone(),
            app,
        };
        self.client.add_event_handler_context(handler.clone());
        self.client.add_event_handler(on_message);
        self.client.add_event_handler(on_reaction);
        self.client.add_event_handler(on_redaction);
        self.client.add_event_handler(on_invite);
        self.client.add_event_handler(on_undecryptable);
        // Invites that arrived before the handlers existed.
        for room in self.client.invited_rooms() {
            if let Ok(Some(invite)) = room.invite_details().await.map(|d| d.inviter) {
                self.consider_invite(room, invite.user_id().to_owned(), false);
            }
        }
        if !self.fresh_device {
            self.catch_up(&handler).await;
        }
        info!(user = %self.own, "listening on Matrix");
        // Key backup runs beside the sync loop, never before it: it needs the end-to-end
        // setup of the login to have finished, and nothing the bot answers waits on it.
        let bot = self.clone();
        tokio::spawn(async move { bot.ensure_key_backup().await });
        let mut backoff = Backoff::new();
        while !self.stopping.load(Ordering::SeqCst) {
            let settings = SyncSettings::default().timeout(self.sync_timeout);
            let bot = self.clone();
            let result = self
                .client
                .sync_with_result_callback(settings, move |result| {
                    let bot = bot.clone();
                    async move {
                        result?;
                        bot.last_sync
                            .store(chrono::Utc::now().timestamp_millis(), Ordering::SeqCst);
                        Ok(if bot.stopping.load(Ordering::SeqCst) {
                            LoopCtrl::Break
                        } else {
                            LoopCtrl::Continue
                        })
                    }
                })
                .await;
            match result {
                Ok(()) => backoff.reset(),
                Err(e) => {
                    let wait = backoff.next();
                    metrics::counter!("tandem_platform_errors_total", "platform" => "matrix")
                        .increment(1);
                    warn!("Matrix sync failed ({e}); retrying in {} s", wait.as_secs());
                    tokio::time::sleep(wait).await;
                }
            }
        }
        // A clean stop handles what is queued first (a restart would read it back, but
        // later than the person expects).
        let left = self.lanes.drain(DRAIN_WAIT).await;
        if left > 0 {
            warn!(
                left,
                "stopping with messages still being handled; they are read back at the next start"
            );
        }
        info!("stopped listening on Matrix");
        Ok(())
    }

    /// After a restart: reads back each joined room's recent messages and reactions and
    /// hands those not handled yet to the handlers, oldest first. matrix-sdk stores the
    /// sync token before the handlers run, so a crash in the middle of a batch would
    /// otherwise lose the rest of it; what was handled is skipped by its event id (the
    /// app's record), so nothing is answered twice. Reads back to
    /// [`App::catch_up_since`], at most a few pages a room.
    pub(super) async fn catch_up(&self, handler: &Handler) {
        use matrix_sdk::room::MessagesOptions;
        use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
        let Some(since) = handler.app.catch_up_since(Platform::Matrix).await else {
            return;
        };
        let since_ms = since.timestamp_millis();
        let mut handled = 0usize;
        for room in self.client.joined_rooms() {
            let mut found: Vec<AnySyncMessageLikeEvent> = Vec::new();
            let mut from: Option<String> = None;
            'pages: for _ in 0..4 {
                let mut options = MessagesOptions::backward().from(from.as_deref());
                options.limit = matrix_sdk::ruma::UInt::from(50u32);
                let page = match room.messages(options).await {
                    Ok(page) => page,
                    Err(e) => {
                        warn!(room = %room.room_id(), "catching up failed: {e}");
                        break;
                    }
                };
                for event in &page.chunk {
                    let Ok(AnySyncTimelineEvent::MessageLike(event)) = event.raw().deserialize()
                    else {
                        continue;
                    };
                    if i64::from(event.origin_server_ts().get()) < since_ms {
                        break 'pages;
                    }
                    if event.sender() != self.own {
                        found.push(event);
                    }
                }
                match page.end {
                    Some(end) if !page.chunk.is_empty() => from = Some(end),
                    _ => break,
                }
            }
            // Newest first, back to the newest one handled: what lies before it was dealt
            // with (or deliberately let go), and the gap is what comes after it.
            let mut missed = Vec::new();
            for event in found {
                let id = EventRef::new(Platform::Matrix, event.event_id().as_str());
                if handler.app.already_handled(&id).await {
                    break;
                }
                missed.push(event);
            }
            for event in missed.into_iter().rev() {
                match event {
                    AnySyncMessageLikeEvent::RoomMessage(m) => {
                        if let Some(original) = m.as_original() {
                            handled += 1;
                            on_message(original.clone(), room.clone(), Ctx(handler.clone())).await;
                        }
                    }
                    AnySyncMessageLikeEvent::Reaction(r) => {
                        if let Some(original) = r.as_original() {
                            handled += 1;
                            on_reaction(original.clone(), room.clone(), Ctx(handler.clone())).await;
                        }
                    }
                    _ => {}
                }
            }
        }
        if handled > 0 {
            info!(
                events = handled,
                "caught up with what was sent while the bot was away"
            );
        }
    }

    /// Turns on server-side key backup and secret storage once, keeping the recovery key
    /// in the store folder (readable by its owner only), so the bot's room keys survive the
    /// loss of its device store. Cross-signing is set up at login, so people's clients see
    /// the bot's device signed by its own identity. Bounded in time; a failure is logged,
    /// and the bot works without a backup.
    pub(super) async fn ensure_key_backup(&self) {
        let key_file = self.store_dir.join("recovery-key");
        let encryption = self.client.encryption();
        if let Ok(key) = std::fs::read_to_string(&key_file) {
            // A new store given the key of an existing backup: restore from it.
            if !encryption.backups().are_enabled().await {
                let recover = async {
                    encryption.wait_for_e2ee_initialization_tasks().await;
                    encryption.recovery().recover(key.trim()).await
                };
                match tokio::time::timeout(Duration::from_secs(120), recover).await {
                    Ok(Ok(())) => info!("restored the bot's keys from the key backup"),
                    Ok(Err(e)) => warn!(
                        "the recovery key in {} did not open the key backup: {e}",
                        key_file.display()
                    ),
                    Err(_) => warn!(
                        "restoring from the key backup took over 2 minutes; it is tried again at the next start"
                    ),
                }
            }
            return;
        }
        let enable = async {
            encryption.wait_for_e2ee_initialization_tasks().await;
            encryption.recovery().enable().await
        };
        match tokio::time::timeout(Duration::from_secs(120), enable).await {
            Ok(Ok(key)) => match crate::secrets::write_private(&key_file, &key) {
                Ok(()) => info!(
                    file = %key_file.display(),
                    "key backup enabled; the recovery key is saved there"
                ),
                Err(e) => warn!("key backup enabled, but saving its recovery key failed: {e}"),
            },
            Ok(Err(e)) => warn!(
                "key backup not enabled ({e}); if this account already has a backup, put its recovery key in {}",
                key_file.display()
            ),
            Err(_) => warn!(
                "key backup not enabled: the homeserver did not finish in 2 minutes; it is tried again at the next start"
            ),
        }
    }

    /// Whether the bot's keys are backed up on the server.
    pub async fn key_backup_enabled(&self) -> bool {
        self.client.encryption().backups().are_enabled().await
    }

    pub(super) async fn sync_once_with_retry(&self) {
        let mut backoff = Backoff::new();
        loop {
            match self.client.sync_once(SyncSettings::default()).await {
                Ok(_) => return,
                Err(e) => {
                    let wait = backoff.next();
                    warn!(
                        "first Matrix sync failed ({e}); retrying in {} s",
                        wait.as_secs()
                    );
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }
}
