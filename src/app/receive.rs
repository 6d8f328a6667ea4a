//! A person's message, received: recorded once per platform event, held back when it
//! goes over its sender's rate limits, routed once (`flows::route`), decided on what the
//! route needs loaded, committed (retrying from the top when the conversation changed
//! meanwhile), with a panic or an unreachable database contained to the message. Also
//! what the platforms' catch-up reads (where to look, since when).
//!
//! A new way a message arrives (a platform's own gesture) is one more `receive_*` here that
//! ends in `receive_with`.

use super::*;

impl App {
    /// Handles one message; any error is reported to the sender and logged.
    pub async fn receive(&self, inbound: Inbound) {
        self.receive_with(inbound, None, None, None).await
    }

    /// Handles one message the platform identifies by `event`, once: the id is recorded
    /// with the step it causes, so the same event delivered again (a sync replayed after a
    /// crash, a catch-up read) changes nothing and is not answered twice.
    pub async fn receive_event(&self, event: EventRef, inbound: Inbound) {
        self.receive_with(inbound, None, Some(event), None).await
    }

    /// Like [`App::receive_event`], for a message typed in the thread that the message
    /// `root` starts (on platforms with threads): whatever it causes in that room is
    /// posted in the same thread.
    pub async fn receive_in_thread(&self, event: EventRef, root: String, inbound: Inbound) {
        self.receive_with(inbound, None, Some(event), Some(root))
            .await
    }

    /// The platform's own "report message" (Discord's message menu, a Matrix reply of
    /// `!tandem report`): `from` reports `reported`, copied by the platform as it was.
    /// Taken like a DM of `report message <link>`, with the copy kept as evidence. A
    /// person who types that line gives a link alone: only a platform vouches for a copy.
    pub async fn receive_reported(
        &self,
        from: UserRef,
        reported: crate::chat::ReportedMessage,
        event: Option<EventRef>,
    ) {
        let inbound = flows::incident::report::message_report(from, &reported.link);
        let reported = self.original_author(reported).await;
        self.receive_with(inbound, Some(reported), event, None)
            .await
    }

    /// Whether the platform event was handled already (a platform's catch-up asks before
    /// fetching what a message needs). A failed read says no: the step's own record of
    /// the event still keeps it from being applied twice.
    pub async fn already_handled(&self, event: &EventRef) -> bool {
        self.store.inbound_event_seen(event).await.unwrap_or(false)
    }

    /// The session whose copy on a platform's own event list is `external` (Discord's
    /// scheduled event, `guild/event`), for an answer given there ("Interested"); `None`
    /// when there is none or it cannot be read (logged).
    pub async fn event_published_as(&self, external: &str) -> Option<i64> {
        self.store
            .event_published_as(external)
            .await
            .unwrap_or_else(|e| {
                warn!("finding the session of a platform event failed: {e:#}");
                None
            })
    }

    /// Where a platform without a replayable feed (Discord) looks for what was sent while
    /// the bot was away: the DMs of the people it talks with, and the active pair rooms.
    pub async fn catch_up_places(&self, platform: Platform) -> (Vec<UserRef>, Vec<RoomRef>) {
        let people = self.store.people_on(platform).await.unwrap_or_else(|e| {
            warn!("listing people to catch up with failed: {e:#}");
            Vec::new()
        });
        let rooms = self
            .store
            .pair_rooms_on(platform)
            .await
            .unwrap_or_else(|e| {
                warn!("listing pair rooms to catch up with failed: {e:#}");
                Vec::new()
            })
            .into_iter()
            .map(|id| RoomRef::new(platform, id))
            .collect();
        (people, rooms)
    }

    /// Whether the Matrix homeserver's transaction `txn` to the appservice `appservice`
    /// (appservice mode) was taken.
    pub async fn transaction_taken(&self, appservice: &str, txn: &str) -> Result<bool> {
        self.store
            .appservice_transaction_seen(appservice, txn)
            .await
    }

    /// Records the homeserver's transaction `txn` to `appservice` as taken, so that it is
    /// taken once.
    pub async fn record_transaction(&self, appservice: &str, txn: &str) -> Result<()> {
        self.store
            .record_appservice_transaction(appservice, txn)
            .await
            .map(|_| ())
    }

    /// Records a platform event as handled by the platform itself (an explanation that an
    /// edit or a location is not an answer), so a catch-up does not answer it again.
    pub async fn record_handled(&self, event: &EventRef) {
        if let Err(e) = self.store.record_inbound_event(event).await {
            warn!("recording a handled event failed: {e:#}");
        }
    }

    /// How far back a platform's catch-up after a restart reads (what was sent while the
    /// process was down, or lost in a crash mid-batch): at most a day, and never before the
    /// first event on record (an older version kept none). `None`: nothing to catch up.
    pub async fn catch_up_since(&self, platform: Platform) -> Option<DateTime<Utc>> {
        let first = match self.store.first_inbound_event_at(platform).await {
            Ok(first) => first?,
            Err(e) => {
                warn!("reading where to catch up from failed: {e:#}");
                return None;
            }
        };
        Some(first.max(chrono::Utc::now() - chrono::Duration::hours(24)))
    }

    pub(super) async fn receive_with(
        &self,
        mut inbound: Inbound,
        reported: Option<crate::chat::ReportedMessage>,
        event: Option<EventRef>,
        mut thread_root: Option<String>,
    ) {
        // A side of a relayed pair room: what a member wrote is copied to the other side,
        // and from here on it is a message in the pair room (a thread of the other side
        // has no counterpart there).
        let written_in = match &inbound.place {
            Place::Room(room) => Some(room.clone()),
            Place::Dm => None,
        };
        if let Some(room) = &written_in
            && let Some(pair) = self.relay_inbound(room, &inbound, event.as_ref()).await
            && pair != *room
        {
            inbound.place = Place::Room(pair);
            thread_root = None;
        }
        // Where what it causes in the room it was typed in goes: where it was typed.
        let placement = match thread_root {
            Some(root) => Placement::InThread {
                after: event
                    .as_ref()
                    .map_or_else(|| root.clone(), |e| e.id.clone()),
                root,
            },
            None => Placement::Top,
        };
        // Digits of every script read as 0-9 from here on (domain::text::as_read).
        if let crate::chat::Content::Text(text) = &mut inbound.content
            && let Some(read) = crate::domain::text::as_read(text)
        {
            *text = read;
        }
        // Read once, here: what it is decides its cost, what is loaded and who handles it.
        let route = flows::route::route(&inbound, &self.router());
        if let (Some(written_in), Place::Room(room)) = (&written_in, &inbound.place) {
            let chatter = route.is_chatter().then_some(event.as_ref()).flatten();
            self.note_activity(written_in, room, &inbound.from, chatter)
                .await;
            // Talk between a pair, read with its programme's safety policy (if any).
            if route.is_chatter()
                && let crate::chat::Content::Text(text) = &inbound.content
            {
                self.check_safety(room, &inbound.from, text, event.as_ref())
                    .await;
            }
        }
        // Talk in a room that is not for the bot: its time is all it leaves (noted above),
        // with no read and no step; only each room's newest message is recorded as
        // handled, when the noted times are written (see `storage::activity`).
        if route.is_chatter() {
            metrics::counter!("tandem_messages_total", "kind" => "chatter").increment(1);
            return;
        }
        // A linked account's message is its person's (`app::links`): for the rate limits and
        // the step alike, found once.
        let person = self.person_of(&inbound).await;
        // A redelivered event is not looked up first (a read per message for what is
        // rare): its step finds the event on record when it commits, and changes nothing.
        // What would act before that commit looks it up itself: a rate limit's answer, a
        // file's fetch, an error's answer.
        if self
            .held_back(
                &inbound,
                person.as_ref(),
                &route,
                reported.is_some(),
                event.as_ref(),
                &placement,
            )
            .await
        {
            return;
        }
        // A panic is contained to this message: the person gets the usual apology, with
        // the reference the panic was logged under, and every other conversation goes on.
        // While the database cannot be reached the message waits (up to about a minute),
        // rather than being answered with an apology and lost.
        metrics::counter!("tandem_messages_total", "kind" => "step").increment(1);
        let started = std::time::Instant::now();
        let mut waited = Duration::ZERO;
        let handled = loop {
            let handled = supervise::contained(
                "handling a message",
                self.handle_with(
                    &inbound,
                    person.as_ref(),
                    &route,
                    reported.clone(),
                    event.as_ref(),
                    &placement,
                ),
            )
            .await;
            match &handled {
                Ok(Err(Error::Internal(e)))
                    if crate::storage::is_unreachable(e) && waited < DATABASE_PATIENCE =>
                {
                    // 1 s, 2 s, 4 s, then 8 s at a time.
                    let pause = Duration::from_secs(1u64 << (waited.as_secs() / 2).min(3))
                        .min(DATABASE_PATIENCE - waited);
                    warn!(
                        "the database cannot be reached ({e:#}); trying the message again in {pause:?}"
                    );
                    tokio::time::sleep(pause).await;
                    waited += pause;
                }
                _ => break handled,
            }
        };
        metrics::histogram!("tandem_step_seconds").record(started.elapsed().as_secs_f64());
        let failed = match handled {
            Ok(Ok(())) => None,
            Ok(Err(e)) => {
                let reference = Reference::new();
                match &e {
                    Error::User(m) => debug!(user = %inbound.from, "user error: {m}"),
                    Error::Internal(err) => {
                        error!(user = %inbound.from, %reference, "handling a message failed: {err:#}")
                    }
                }
                Some((e, reference))
            }
            Err(panicked) => Some((
                Error::Internal(anyhow::anyhow!("{panicked}")),
                panicked.reference,
            )),
        };
        if let Some((e, reference)) = failed {
            if matches!(e, Error::Internal(_)) {
                metrics::counter!("tandem_step_failures_total").increment(1);
            }
            // The answer to this event, given once: a refusal, or an apology that asks
            // the person to try again (a catch-up replaying it later, into whatever they
            // are doing by then, would do more harm than good). An event already on
            // record was answered when it was handled.
            if let Some(event) = &event {
                match self.store.record_inbound_event(event).await {
                    Ok(false) => {
                        debug!(event = %event.id, "already handled; not answered again");
                        return;
                    }
                    Ok(true) => {}
                    Err(err) => warn!("recording a handled event failed: {err:#}"),
                }
            }
            self.answer_directly(
                &inbound,
                &placement,
                e.user_facing(&reference),
                IdempotencyKey(format!("error-{reference}")),
                "an error",
            )
            .await;
        }
    }

    /// Notes that `from` wrote in `room` (a pair room's activity: when, never what; see
    /// `storage::activity`), and `chatter`, the event of talk nothing is decided about, as
    /// the newest of `written_in` (the room itself, or the side of a relayed pair room it
    /// was written in); writes what was noted when it is due. The staff rooms are not pair
    /// rooms.
    async fn note_activity(
        &self,
        written_in: &RoomRef,
        room: &RoomRef,
        from: &UserRef,
        chatter: Option<&EventRef>,
    ) {
        let mut due = chatter.is_some_and(|e| self.store.note_room_talk(&written_in.id, e));
        if !self.rooms.is_staff(room) {
            // Under the writer's platform (the room's, except in a relayed pair room),
            // as an erasure finds a person's rows.
            due |= self.store.note_pair_activity(
                from.platform.as_str(),
                &room.id,
                &from.id,
                self.clock.now(),
            );
        }
        if due && let Err(e) = self.store.flush_pair_activity().await {
            warn!("recording pair activity failed (kept for the next try): {e:#}");
        }
    }

    /// Answers a message where it was sent, straight through the platform rather than
    /// through a recorded step: for a message that changes nothing (an error, one held
    /// back by a rate limit). A failure is logged; `about` says what the answer was.
    pub(super) async fn answer_directly(
        &self,
        inbound: &Inbound,
        placement: &Placement,
        text: crate::i18n::Text,
        key: IdempotencyKey,
        about: &str,
    ) {
        let message = OutMessage {
            placed: Some(placement.clone()),
            ..OutMessage::said(text)
        };
        let send = async {
            match &inbound.place {
                Place::Dm => self.ports.dm.send_dm(&inbound.from, &message, &key).await,
                Place::Room(room) => self.ports.rooms.post_in_room(room, &message, &key).await,
            }
        };
        if let Ok(Err(send_err)) =
            supervise::contained(&format!("telling a user about {about}"), send).await
        {
            warn!(user = %inbound.from, "could not tell the user about {about}: {send_err}")
        }
    }

    /// Whether the message goes over its sender's rate limits (see `flows::rate`): then it
    /// is not handled and changes nothing, but is recorded as handled (so a catch-up does
    /// not replay it) and answered: once a minute when it comes too fast (a flood is not
    /// answered with a flood), each time for an expensive command over its hourly limit.
    /// A report, and what is written while making one or answering a moderator's
    /// question, always gets through.
    pub(super) async fn held_back(
        &self,
        inbound: &Inbound,
        person: Option<&UserRef>,
        route: &flows::route::Route,
        reported: bool,
        event: Option<&EventRef>,
        placement: &Placement,
    ) -> bool {
        let limits = self.settings.limits;
        if limits == RateLimits::default() {
            return false;
        }
        let cost = if reported {
            flows::rate::Cost::Free
        } else {
            route.cost()
        };
        let now = self.now();
        // A linked account's messages count against its person, whose conversation says
        // whether they make a report (`app::links`).
        let who = person.unwrap_or(&inbound.from);
        let verdict = self.limiter.take(limits, who, cost, now);
        if verdict == limits::Verdict::Go {
            return false;
        }
        // A redelivery of an event handled before is not this person writing too fast.
        if let Some(event) = event
            && self.already_handled(event).await
        {
            return true;
        }
        // Read only now, for the few over a limit. When it cannot be read the message
        // goes on: it may be part of a report.
        let state = match self.store.load_conversation(who).await {
            Ok(state) => state,
            Err(e) => {
                warn!("reading a conversation to check a rate limit failed: {e:#}");
                return false;
            }
        };
        if flows::rate::never_limited(&inbound.place, state.as_ref().map(|c| &c.state)) {
            return false;
        }
        info!(user = %inbound.from, ?verdict, "over a rate limit: the message is not handled");
        if let Some(event) = event {
            self.record_handled(event).await;
        }
        let text = match verdict {
            limits::Verdict::TooFast if self.limiter.tell_once(who, now) => {
                crate::i18n::Text::msg("notice-too-fast")
            }
            limits::Verdict::TooOften { max } => {
                crate::i18n::Text::msg("notice-too-often").arg("max", i64::from(max))
            }
            _ => return true,
        };
        self.answer_directly(
            inbound,
            placement,
            text,
            IdempotencyKey(format!("limit-{}", unique_tag())),
            "a rate limit",
        )
        .await;
        true
    }

    /// Handles one message: decide, record, then act.
    pub async fn handle(&self, inbound: &Inbound) -> Result<()> {
        let route = flows::route::route(inbound, &self.router());
        let person = self.person_of(inbound).await;
        self.handle_with(
            inbound,
            person.as_ref(),
            &route,
            None,
            None,
            &Placement::Top,
        )
        .await
    }

    /// Handles one message, routed once by the caller (see `flows::route`), from `person`
    /// when it was written from their linked account ([`App::person_of`]).
    pub(super) async fn handle_with(
        &self,
        inbound: &Inbound,
        person: Option<&UserRef>,
        route: &flows::route::Route,
        reported: Option<crate::chat::ReportedMessage>,
        event: Option<&EventRef>,
        placement: &Placement,
    ) -> Result<()> {
        let scoped = match &inbound.place {
            Place::Room(room) => self.scoped_to(room),
            Place::Dm => None,
        };
        scoped
            .as_ref()
            .unwrap_or(self)
            .handle_boxed(inbound, person, route, reported, event, placement, None)
            .await
    }

    /// The app as a command given in `room` sees it when the room is some programmes' own
    /// coordinators' or moderators' room, and serves the whole community in neither role
    /// (`domain::rooms::Rooms::view_scope`): nobody coordinates the other programmes
    /// there, and their applications and matches are not shown (`App::in_view`), so what
    /// is shown and done there stays with its programmes.
    pub(super) fn scoped_to(&self, room: &RoomRef) -> Option<App> {
        let scope = self.rooms.view_scope(room)?;
        let programmes = self
            .programmes
            .iter()
            .map(|p| Programme {
                elsewhere: !scope.contains(&p.slug.as_str()),
                ..p.clone()
            })
            .collect();
        Some(App {
            programmes: Arc::new(programmes),
            ..self.clone()
        })
    }

    /// [`App::handle_as`], boxed by a function of its own, so that the (large) future is
    /// built in this small frame and not in every caller's: a debug build's test thread
    /// has little stack, and PostgreSQL's futures are big.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn handle_boxed<'a>(
        &'a self,
        inbound: &'a Inbound,
        person: Option<&'a UserRef>,
        route: &'a flows::route::Route,
        reported: Option<crate::chat::ReportedMessage>,
        event: Option<&'a EventRef>,
        placement: &'a Placement,
        allowed_by: Option<&'a str>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send + 'a>> {
        Box::pin(self.handle_as(
            inbound, person, route, reported, event, placement, allowed_by,
        ))
    }

    /// [`App::handle_with`] on this app. A staff command it refuses to someone a
    /// programme names by a platform group is decided again on the app as they see it
    /// (`app::staff`), with `allowed_by` saying which group, for the audit log.
    #[allow(clippy::too_many_arguments)]
    async fn handle_as(
        &self,
        inbound: &Inbound,
        person: Option<&UserRef>,
        route: &flows::route::Route,
        reported: Option<crate::chat::ReportedMessage>,
        event: Option<&EventRef>,
        placement: &Placement,
        allowed_by: Option<&str>,
    ) -> Result<()> {
        let raw = inbound;
        let fetched;
        let inbound = if inbound.files.is_empty() {
            inbound
        } else {
            // Files are held before the step: not again for an event handled before.
            if let Some(event) = event
                && self.store.inbound_event_seen(event).await?
            {
                return Ok(());
            }
            fetched = self
                .fetch_files(inbound, person.unwrap_or(&inbound.from))
                .await?;
            &fetched
        };
        // A linked account's message is its person's (`app::links`); its files were
        // fetched above through its own platform.
        let canonical = person.map(|person| Inbound {
            from: person.clone(),
            ..inbound.clone()
        });
        let from_other = canonical.is_some();
        let inbound = canonical.as_ref().unwrap_or(inbound);
        let user = &inbound.from;
        for attempt in 1..=MAX_ATTEMPTS {
            // Lost to another worker handling the same event (a redelivery): done.
            if attempt > 1
                && let Some(event) = event
                && self.store.inbound_event_seen(event).await?
            {
                return Ok(());
            }
            let now = self.clock.now();
            let conversation = self.store.load_conversation(user).await?;
            let mut known = self.known(user).await?;
            known.named = self.people_named_in(inbound, route).await?;
            if let Some(linked) = &mut known.linked {
                linked.from_other = from_other;
            }
            let state = conversation.as_ref().map(|c| &c.state);
            let subject = match &reported {
                Some(r) => Subject::Reported(r.clone()),
                None => self.load_subject(inbound, route, state).await?,
            };
            let ctx = self.ctx(user, &known, &subject, now);
            let mut outcome = flows::decide(&ctx, state, inbound, route);
            // A language their platform uses that Tandem does not speak is said once,
            // before the first reply that goes to them.
            if outcome
                .effects
                .iter()
                .any(|e| matches!(e, Effect::SendDm { to, .. } if to == user))
                && let Some(tag) = self.languages.unknown_to_say(user)
            {
                outcome
                    .effects
                    .insert(0, flows::language::unknown_here(&ctx, &tag));
            }
            // A linked person's DMs go where they last wrote from: this DM's account.
            if let Some(linked) = &known.linked
                && inbound.place == Place::Dm
                && linked.dm_other != from_other
            {
                outcome.effects.push(Effect::DmAccount {
                    person: user.clone(),
                    other: from_other,
                });
            }
            match allowed_by {
                Some(why) => super::staff::log_allowed(&mut outcome, user, route, why),
                None if super::staff::refused(&outcome) => {
                    // Boxed, as is the step decided again: rare, and kept out of every
                    // step's future (a debug build's test thread has little stack).
                    if let Some((app, why)) = Box::pin(self.as_staff(user, route)).await {
                        return app
                            .handle_boxed(
                                raw,
                                person,
                                route,
                                reported,
                                event,
                                placement,
                                Some(&why),
                            )
                            .await;
                    }
                }
                None => {}
            }
            let typed_in = match &inbound.place {
                Place::Room(room) => Some((room, placement)),
                Place::Dm => None,
            };
            if self
                .commit_and_perform(user, conversation.as_ref(), outcome, now, typed_in, event)
                .await?
            {
                return Ok(());
            }
            debug!(user = %user, attempt, "state changed meanwhile; redoing the step");
            // A short, growing pause lets the other writer finish.
            tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
        }
        Err(Error::Internal(anyhow::anyhow!(
            "gave up after {MAX_ATTEMPTS} conflicting attempts for {user}"
        )))
    }

    /// The person a message is from when it was written from their linked account (see
    /// `app::links`). Never in a staff room (rights belong to the account that writes),
    /// nor in a DM while the account has a conversation of its own open (a moderator's
    /// question to it as the reporter it was before the link, which it answers as itself).
    async fn person_of(&self, inbound: &Inbound) -> Option<UserRef> {
        if let Place::Room(room) = &inbound.place
            && self.rooms.is_staff(room)
        {
            return None;
        }
        self.links.fresh().await;
        let person = self.links.person_of(&inbound.from)?;
        if inbound.place != Place::Dm {
            return Some(person);
        }
        match self
            .store
            .load_conversation::<flows::FlowState>(&inbound.from)
            .await
        {
            Ok(None) => Some(person),
            Ok(Some(_)) => None,
            Err(e) => {
                warn!("reading a linked account's own conversation failed: {e:#}");
                Some(person)
            }
        }
    }

    /// Fetches and holds the files of a DM whose conversation wants files (see
    /// [`flows::wants_files`]), marking what became of each for the flow to tell. A file the
    /// platform says is too large is not fetched; one that turns out too large, whose fetch
    /// fails, or whose hidden details cannot be removed (see `domain::evidence`) is not
    /// kept. At most the report's file limit is fetched per message.
    pub(super) async fn fetch_files(&self, inbound: &Inbound, person: &UserRef) -> Result<Inbound> {
        let mut out = inbound.clone();
        if inbound.place != Place::Dm {
            return Ok(out);
        }
        let state = self.store.load_conversation(person).await?;
        if !flows::wants_files(state.as_ref().map(|c| &c.state)) {
            return Ok(out);
        }
        let limits = self.settings.moderation.evidence;
        for file in out.files.iter_mut().take(limits.files as usize) {
            if file.size.is_some_and(|s| s > limits.max_bytes) {
                file.status = FileStatus::TooLarge {
                    limit: limits.max_bytes,
                };
                continue;
            }
            file.status = match self
                .ports
                .dm
                .fetch_file(&inbound.from, file, limits.max_bytes)
                .await
            {
                Ok(data) if data.len() as u64 > limits.max_bytes => FileStatus::TooLarge {
                    limit: limits.max_bytes,
                },
                Ok(data) => {
                    let mime = crate::domain::evidence::media_type(file.mime.as_deref(), &data);
                    match crate::domain::evidence::without_metadata(&mime, data) {
                        Ok(data) => FileStatus::Held(
                            self.store
                                .hold_file(
                                    // Held for the person, whose flow takes it.
                                    person,
                                    &file.name,
                                    &mime,
                                    &data,
                                    self.clock.now(),
                                )
                                .await?,
                        ),
                        Err(NotKept::Unreadable) => FileStatus::Uncleanable,
                        Err(NotKept::Unsupported) => FileStatus::Unsupported,
                    }
                }
                Err(PortError::TooLarge(limit)) => FileStatus::TooLarge { limit },
                // Not the person nor the error's text (which may hold the file's name):
                // nothing in the log ties a reporter to a file.
                Err(_) => {
                    warn!("fetching a file sent in a DM failed");
                    FileStatus::Failed
                }
            };
        }
        Ok(out)
    }
}
