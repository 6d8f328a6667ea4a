//! The fake's gateway: hello, identify → READY (intents checked), heartbeats, resume →
//! replay; and the disturbances a test asks for (a dropped connection, RECONNECT,
//! INVALID_SESSION).

use super::*;

impl DiscordFake {
    /// Closes the gateway connection abruptly, as a network fault would.
    pub fn drop_gateway(&self) {
        let mut state = self.lock();
        if let Some(conn) = state.connection.take() {
            let _ = conn.send(WsMessage::Close(None));
        }
    }

    /// Asks the bot to reconnect and resume (op 7 RECONNECT), as Discord does before it
    /// moves a session to another server.
    pub fn request_reconnect(&self) {
        let state = self.lock();
        if let Some(conn) = &state.connection {
            let _ = conn.send(WsMessage::Text(json!({"op": 7, "d": null}).to_string()));
        }
    }

    /// Ends the bot's session for good (op 9 INVALID_SESSION, not resumable), as Discord
    /// does when a session cannot go on: what is dispatched until the bot identifies again
    /// is not replayed (only the channels' history keeps it).
    pub fn invalidate_session(&self) {
        let mut state = self.lock();
        state.session += 1;
        if let Some(conn) = state.connection.take() {
            let _ = conn.send(WsMessage::Text(json!({"op": 9, "d": false}).to_string()));
        }
    }

    /// Interrupts the session but lets it go on (op 9 INVALID_SESSION with `d: true`), as
    /// Discord sometimes does: the bot is to resume, and what was dispatched meanwhile is
    /// replayed.
    pub fn invalidate_session_resumably(&self) {
        let mut state = self.lock();
        if let Some(conn) = state.connection.take() {
            let _ = conn.send(WsMessage::Text(json!({"op": 9, "d": true}).to_string()));
        }
    }

    pub(super) async fn gateway_connection(&self, tcp: tokio::net::TcpStream) {
        let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
            return;
        };
        let hello = json!({"op": 10, "d": {"heartbeat_interval": 5000}, "s": null, "t": null});
        if ws.send(WsMessage::Text(hello.to_string())).await.is_err() {
            return;
        }
        let (tx, mut rx) = mpsc::unbounded_channel::<WsMessage>();
        loop {
            tokio::select! {
                incoming = ws.next() => {
                    let Some(Ok(WsMessage::Text(text))) = incoming else { break };
                    let Ok(payload) = serde_json::from_str::<Value>(&text) else { break };
                    let mut state = self.lock();
                    match payload["op"].as_u64() {
                        Some(1) => { let _ = tx.send(WsMessage::Text(json!({"op": 11}).to_string())); }
                        Some(2) => {
                            let token = payload["d"]["token"].as_str().unwrap_or_default();
                            if token.trim_start_matches("Bot ") != TOKEN {
                                let _ = tx.send(WsMessage::Close(None));
                                continue;
                            }
                            let intents = payload["d"]["intents"].as_u64().unwrap_or(0);
                            if intents & MESSAGE_CONTENT != 0 && !state.message_content_allowed {
                                let _ = tx.send(WsMessage::Close(Some(CloseFrame {
                                    code: CloseCode::Library(4014),
                                    reason: "Disallowed intent(s).".into(),
                                })));
                                continue;
                            }
                            state.intents = intents;
                            state.identifies += 1;
                            state.session += 1;
                            state.events.clear();
                            state.connection = Some(tx.clone());
                            let ready = json!({
                                "v": 10, "user": state.user(BOT_ID),
                                "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
                                "session_id": format!("session-{}", state.session),
                                "resume_gateway_url": "ws://127.0.0.1:1",
                                "shard": [0, 1],
                                "application": {"id": APPLICATION_ID.to_string(), "flags": 0}
                            });
                            state.dispatch("READY", ready);
                        }
                        Some(6) => {
                            let same = payload["d"]["session_id"] == format!("session-{}", state.session);
                            if !same {
                                let _ = tx.send(WsMessage::Text(json!({"op": 9, "d": false}).to_string()));
                                continue;
                            }
                            state.resumes += 1;
                            let after = payload["d"]["seq"].as_u64().unwrap_or(0);
                            for (seq, event) in &state.events {
                                if *seq > after {
                                    let _ = tx.send(WsMessage::Text(event.to_string()));
                                }
                            }
                            state.connection = Some(tx.clone());
                            state.dispatch("RESUMED", json!({}));
                        }
                        _ => {}
                    }
                    drop(state);
                    self.touch();
                }
                outgoing = rx.recv() => {
                    match outgoing {
                        // Closed with a code, as Discord closes a session it refuses.
                        Some(WsMessage::Close(Some(frame))) => {
                            let _ = ws.send(WsMessage::Close(Some(frame))).await;
                            break;
                        }
                        // A fault: vanish without a closing handshake.
                        Some(WsMessage::Close(None)) | None => break,
                        Some(message) => if ws.send(message).await.is_err() { break },
                    }
                }
            }
        }
        let mut state = self.lock();
        if state
            .connection
            .as_ref()
            .is_some_and(|c| c.same_channel(&tx))
        {
            state.connection = None;
        }
    }
}
