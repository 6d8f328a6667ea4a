//! The console platform: talk to Tandem in a terminal, or script it through a pipe.
//!
//! Input, one message per line:
//! - `alice: hello` is a direct message from user `alice` to the bot;
//! - `alice in lobby: !tandem help` is a message from `alice` in room `lobby`;
//! - a line starting with `#` is a comment, and blank lines are ignored;
//! - `\n` inside a message stands for a line break (for long answers);
//! - `alice sends shot.png: caption` is a DM from `alice` with a file (a path on this
//!   machine, without spaces) and an optional caption; `alice in lobby sends shot.png: hi`
//!   sends one to a room;
//! - `:advance 14d` moves the bot's clock 14 days ahead (units `m`, `h`, `d`, `w`), so a
//!   script can show what happens later (expired checks, reminders, deadlines); time never
//!   moves back. `:now` prints the clock. Both answer with a `[clock] ...` line.
//!
//! Output, one block per message the bot sends:
//! - `[dm alice] <text>` or `[room lobby] <text>`;
//! - continuation lines indented by two spaces;
//! - choices listed as `  1. Mentor`; a person may answer with the number or the label.
//!
//! Lines are handled one after the other, each to completion, so when the input ends the
//! bot has gone quiet and the console exits.
//!
//! Two options serve scripts run again after a stop (and the chaos test, which kills the
//! console at random and runs it again): with `resume`, each message line is an event
//! identified by its number and text, so a line handled before the stop is skipped (clock
//! lines are applied again, so time comes back to where it was); with `keys`, every block
//! starts with its idempotency key (`<key> [dm alice] ...`), as a chat server sees it and
//! uses it to drop a repeat.

use std::io::Write;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::app::{App, ShiftedClock};
use crate::chat::{Content, FileStatus, Inbound, InboundFile, OutMessage};
use crate::domain::{EventRef, Place, Platform, RoomRef, UserRef};
use crate::ports::{
    DirectMessenger, IdempotencyKey, PortError, Posted, PrivateRoomSpec, RoomMessenger,
    RoomProvisioner,
};

/// One parsed input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsoleLine {
    /// A comment or a blank line.
    Nothing,
    Message {
        user: String,
        room: Option<String>,
        text: String,
        /// A file sent with it: a path on this machine.
        file: Option<String>,
    },
    /// `:advance 14d`: move the clock ahead.
    Shift(chrono::Duration),
    /// `:now`: show the clock.
    Now,
    /// Not in the protocol; the text says why.
    Invalid(String),
}

/// Parses one input line.
pub fn parse_line(line: &str) -> ConsoleLine {
    let trimmed = line.trim_end_matches(['\r', '\n']);
    if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
        return ConsoleLine::Nothing;
    }
    let t = trimmed.trim();
    if t == ":now" {
        return ConsoleLine::Now;
    }
    if let Some(rest) = t.strip_prefix(":advance") {
        return parse_shift(rest.trim())
            .map(ConsoleLine::Shift)
            .unwrap_or_else(ConsoleLine::Invalid);
    }
    if t.starts_with(':') {
        return ConsoleLine::Invalid(
            "console commands are :advance <n><m|h|d|w> (for example :advance 14d) and :now".into(),
        );
    }
    let Some((who, text)) = trimmed.split_once(':') else {
        return ConsoleLine::Invalid(
            "lines look like `alice: hello` (a DM) or `alice in lobby: hi` (a room message)".into(),
        );
    };
    let words: Vec<&str> = who.split_whitespace().collect();
    let (user, room, file) = match words.as_slice() {
        [user] => (*user, None, None),
        [user, "in", room] => (*user, Some(room.to_string()), None),
        [user, "sends", file] => (*user, None, Some(file.to_string())),
        [user, "in", room, "sends", file] => {
            (*user, Some(room.to_string()), Some(file.to_string()))
        }
        _ => {
            return ConsoleLine::Invalid(format!(
                "`{who}` is not a sender: use a one-word name, like `alice: hello`, `alice in lobby: hi` or `alice sends shot.png: a caption`"
            ));
        }
    };
    // The stand-in of someone without a chat account is nobody who can write.
    if crate::domain::UserRef::console(user).is_assisted() {
        return ConsoleLine::Invalid(format!(
            "`{user}` is not a sender: names starting with {} stand for people without a chat account",
            crate::domain::ids::ASSISTED
        ));
    }
    let text = text.strip_prefix(' ').unwrap_or(text).replace("\\n", "\n");
    ConsoleLine::Message {
        user: user.to_string(),
        room,
        text,
        file,
    }
}

fn parse_shift(text: &str) -> Result<chrono::Duration, String> {
    let usage = "write how far to move the clock as :advance 14d (units: m, h, d, w)";
    let body = text.strip_prefix('+').unwrap_or(text);
    let (number, unit) = body.split_at(body.len().saturating_sub(1));
    let n: i64 = number.parse().map_err(|_| usage)?;
    if !(0..=36500).contains(&n) {
        return Err(usage.into());
    }
    match unit {
        "m" => Ok(chrono::Duration::minutes(n)),
        "h" => Ok(chrono::Duration::hours(n)),
        "d" => Ok(chrono::Duration::days(n)),
        "w" => Ok(chrono::Duration::weeks(n)),
        _ => Err(usage.into()),
    }
}

/// Renders a message the way the console prints it.
pub fn render(target: &str, message: &OutMessage) -> String {
    let mut out = String::new();
    let mut lines = message.text.lines();
    out.push_str(&format!("[{target}] {}\n", lines.next().unwrap_or("")));
    for line in lines {
        out.push_str(&format!("  {line}\n"));
    }
    for (i, choice) in message.choices.iter().enumerate() {
        out.push_str(&format!("  {}. {}\n", i + 1, choice.label));
    }
    out
}

/// Writes the bot's messages to a terminal or pipe, and files sent with them to a folder.
#[derive(Clone)]
pub struct ConsoleOutput {
    out: Arc<Mutex<Box<dyn Write + Send>>>,
    files: Option<std::path::PathBuf>,
    keys: bool,
}

impl ConsoleOutput {
    pub fn new(out: Box<dyn Write + Send>) -> Self {
        ConsoleOutput {
            out: Arc::new(Mutex::new(out)),
            files: None,
            keys: false,
        }
    }

    /// Starts every block with the idempotency key it was sent under.
    pub fn with_keys(mut self) -> Self {
        self.keys = true;
        self
    }

    fn keyed(&self, key: &IdempotencyKey, text: String) -> String {
        if self.keys {
            format!("{} {text}", key.0)
        } else {
            text
        }
    }

    /// Saves files sent with messages under `dir/<recipient or room>/`.
    pub fn with_files(mut self, dir: std::path::PathBuf) -> Self {
        self.files = Some(dir);
        self
    }

    /// Prints a message, saving its file if it has one: a DM or a room post alike.
    fn send(
        &self,
        target: &str,
        to: &str,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        let mut text = self.keyed(key, render(target, message));
        if let Some(file) = &message.attachment {
            let saved = match &self.files {
                Some(dir) => {
                    let folder = dir.join(crate::domain::programme::slugify(to));
                    let name = file.name.replace(['/', '\\'], "_");
                    std::fs::create_dir_all(&folder)
                        .and_then(|_| std::fs::write(folder.join(&name), &file.data))
                        .map_err(|e| PortError::Other(e.into()))?;
                    format!(", saved as {}", folder.join(&name).display())
                }
                None => String::new(),
            };
            text.push_str(&format!(
                "  📎 {} ({}, {} bytes{saved})\n",
                file.name,
                file.mime,
                crate::domain::text::thousands(file.data.len())
            ));
        }
        self.write(&text)?;
        Ok(Posted::default())
    }

    /// Prints what happened to a room (`[room lobby] (<what>)`), as the room's members
    /// would see it: created, joined, left, frozen.
    fn note(&self, room: &str, what: &str, key: &IdempotencyKey) -> Result<(), PortError> {
        self.write(&self.keyed(key, format!("[room {room}] ({what})\n")))
    }

    pub fn stdout() -> Self {
        Self::new(Box::new(std::io::stdout()))
    }

    fn write(&self, text: &str) -> Result<(), PortError> {
        let mut out = self
            .out
            .lock()
            .map_err(|_| anyhow::anyhow!("console output lock poisoned"))?;
        out.write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| PortError::Other(e.into()))
    }
}

#[async_trait]
impl DirectMessenger for ConsoleOutput {
    async fn send_dm(
        &self,
        to: &UserRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.send(&format!("dm {}", to.id), &to.id, message, key)
    }

    /// Reads the file from this machine (the path a console line named).
    async fn fetch_file(
        &self,
        _from: &UserRef,
        file: &InboundFile,
        max_bytes: u64,
    ) -> Result<Vec<u8>, PortError> {
        let path = std::path::Path::new(&file.source);
        let size = std::fs::metadata(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.source))?
            .len();
        if size > max_bytes {
            return Err(PortError::TooLarge(max_bytes));
        }
        Ok(std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", file.source))?)
    }
}

#[async_trait]
impl RoomMessenger for ConsoleOutput {
    async fn post_in_room(
        &self,
        room: &RoomRef,
        message: &OutMessage,
        key: &IdempotencyKey,
    ) -> Result<Posted, PortError> {
        self.send(&format!("room {}", room.id), &room.id, message, key)
    }
}

#[async_trait]
impl RoomProvisioner for ConsoleOutput {
    async fn create_private_room(
        &self,
        spec: &PrivateRoomSpec,
        key: &IdempotencyKey,
    ) -> Result<RoomRef, PortError> {
        let id = crate::domain::programme::slugify(&spec.name);
        let members: Vec<&str> = spec.members.iter().map(|m| m.id.as_str()).collect();
        let created = format!(
            "private room created for {}: {}",
            members.join(", "),
            spec.topic
        );
        self.note(&id, &created, key)?;
        Ok(RoomRef::new(Platform::Console, id))
    }

    async fn invite(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        self.note(&room.id, &format!("{} was added to the room", user.id), key)
    }

    async fn set_read_only(
        &self,
        room: &RoomRef,
        read_only: bool,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let now = if read_only { "read-only" } else { "open again" };
        self.note(&room.id, &format!("the room is now {now}"), key)
    }

    async fn remove_member(
        &self,
        room: &RoomRef,
        user: &UserRef,
        key: &IdempotencyKey,
    ) -> Result<(), PortError> {
        let removed = format!("{} was removed from the room", user.id);
        self.note(&room.id, &removed, key)
    }
}

/// Feeds every line of `input` to the app, in order, until the input ends. Protocol
/// errors are reported on stderr and the line is skipped. Time-driven work (`App::sweep`)
/// runs before the first line and after each one, so a script sees it in order.
///
/// With `resume`, a message line is handled once across runs (see the module's doc).
pub async fn run<R: AsyncBufRead + Unpin>(
    app: &App,
    clock: &ShiftedClock,
    input: R,
    resume: bool,
) -> anyhow::Result<()> {
    let mut lines = input.lines();
    let mut number = 0usize;
    sweep(app).await;
    while let Some(line) = lines.next_line().await? {
        number += 1;
        match parse_line(&line) {
            ConsoleLine::Nothing => {}
            ConsoleLine::Invalid(why) => eprintln!("console: line {number}: {why}"),
            ConsoleLine::Shift(by) => match clock.shift(by) {
                Ok(now) => say_clock(now),
                Err(why) => eprintln!("console: line {number}: {why}"),
            },
            ConsoleLine::Now => say_clock(app.now()),
            ConsoleLine::Message {
                user,
                room,
                text,
                file,
            } => {
                let inbound = Inbound {
                    from: UserRef::new(Platform::Console, user),
                    place: match room {
                        Some(r) => Place::Room(RoomRef::new(Platform::Console, r)),
                        None => Place::Dm,
                    },
                    content: Content::Text(text),
                    files: file.map(console_file).into_iter().collect(),
                };
                if resume {
                    let hash = blake3::hash(line.as_bytes()).to_hex();
                    let id = format!("line-{number}-{}", &hash[..16]);
                    app.receive_event(EventRef::new(Platform::Console, id), inbound)
                        .await;
                } else {
                    app.receive(inbound).await;
                }
            }
        }
        sweep(app).await;
    }
    Ok(())
}

/// A file named on a console line, as a platform would describe it (its size and type
/// from the file itself, if it is there).
fn console_file(path: String) -> InboundFile {
    let p = std::path::Path::new(&path);
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.clone());
    let mime = match p
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("pdf") => "application/pdf",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    };
    InboundFile {
        name,
        mime: Some(mime.into()),
        size: std::fs::metadata(p).ok().map(|m| m.len()),
        source: path,
        status: FileStatus::Received,
    }
}

/// Prints the clock on the output, where a script's reader sees it in order.
fn say_clock(now: chrono::DateTime<chrono::Utc>) {
    use std::io::Write as _;
    let mut out = std::io::stdout();
    let _ = writeln!(out, "[clock] {}", now.format("%Y-%m-%d %H:%M UTC"));
    let _ = out.flush();
}

async fn sweep(app: &App) {
    use crate::app::supervise::contained;
    if let Ok(Err(e)) = contained("the sweep", app.sweep()).await {
        tracing::error!("screening sweep failed: {e:#}");
    }
    // Acts that failed before and are due again (or a crashed run left behind).
    if let Ok(Err(e)) = contained("delivering the outbox", app.dispatch_due()).await {
        tracing::error!("delivering the outbox failed: {e:#}");
    }
    // Milestones due by the (possibly advanced) clock, in due order, each announced with
    // its local time so a script shows the plan unfold.
    match app.describe_due_jobs().await {
        Ok(lines) => {
            use std::io::Write as _;
            let mut out = std::io::stdout();
            for line in lines {
                let _ = writeln!(out, "[job] {line}");
            }
            let _ = out.flush();
        }
        Err(e) => tracing::error!("listing due jobs failed: {e:#}"),
    }
    if let Err(e) = app.run_due_jobs().await {
        tracing::error!("running due jobs failed: {e:#}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Choice;

    /// Whether the console refuses `line` as a mistake.
    fn refused(line: &str) -> bool {
        matches!(parse_line(line), ConsoleLine::Invalid(_))
    }

    /// A message line, as the console reads it.
    fn said(user: &str, room: Option<&str>, text: &str, file: Option<&str>) -> ConsoleLine {
        ConsoleLine::Message {
            user: user.into(),
            room: room.map(Into::into),
            text: text.into(),
            file: file.map(Into::into),
        }
    }

    #[test]
    fn console_commands_move_and_show_the_clock() {
        assert_eq!(
            parse_line(":advance 14d"),
            ConsoleLine::Shift(chrono::Duration::days(14))
        );
        assert_eq!(
            parse_line(":advance +90m"),
            ConsoleLine::Shift(chrono::Duration::minutes(90))
        );
        assert_eq!(parse_line(":now"), ConsoleLine::Now);
        assert!(refused(":advance soon"));
        assert!(refused(":advance -3d"));
        assert!(refused(":rewind 3d"));
    }

    #[test]
    fn lines_are_dms_room_messages_comments_or_mistakes() {
        assert_eq!(
            parse_line("alice: hello there"),
            said("alice", None, "hello there", None)
        );
        assert_eq!(
            parse_line("bob in lobby: !tandem help"),
            said("bob", Some("lobby"), "!tandem help", None)
        );
        assert_eq!(parse_line("# a comment"), ConsoleLine::Nothing);
        assert_eq!(parse_line("   "), ConsoleLine::Nothing);
        assert!(refused("no colon here"));
        assert!(refused("two words: hi"));
        assert_eq!(
            parse_line("alice: a\\nb"),
            said("alice", None, "a\nb", None)
        );
        assert_eq!(
            parse_line("amina sends shots/chat.png: what he wrote"),
            said("amina", None, "what he wrote", Some("shots/chat.png"))
        );
        assert_eq!(parse_line("alice:"), said("alice", None, "", None));
    }

    #[test]
    fn messages_render_with_indented_continuations_and_numbered_choices() {
        let message = OutMessage {
            text: "Pick one\nplease".into(),
            choices: vec![Choice::from_label("Mentor"), Choice::from_label("Mentee")],
            pick: Some((1, 1)),
            prompt_ref: None,
            ..Default::default()
        };
        assert_eq!(
            render("dm alice", &message),
            "[dm alice] Pick one\n  please\n  1. Mentor\n  2. Mentee\n"
        );
    }
}
