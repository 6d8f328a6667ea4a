//! `announce apply <room> [programme]` in the coordinators' room: a programme's Apply card,
//! posted in a community room, so that people find the application without knowing the
//! command. On Discord the card has an Apply button: pressing it is typing
//! `apply <programme> via announcement` there, which starts the application by DM (and
//! says nothing in the room); elsewhere the card says what to send the bot. Applications
//! that start from it record `announcement` as their source, counted in `report`.

use super::{Ctx, Effect, OutMessage, Outcome};
use crate::domain::{Platform, RoomRef};
use crate::i18n::Text;

/// `announce apply …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnounceCommand {
    /// As typed (a Discord channel mention is read as its id).
    pub room: String,
    pub programme: Option<String>,
}

/// `announce apply <room> [programme]`; `None` when the message is not one, `Err` with
/// the usage when it is one mistyped.
pub fn parse(text: &str) -> Option<Result<AnnounceCommand, Text>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [first, ..]
            if !first
                .trim_start_matches('/')
                .eq_ignore_ascii_case("announce") =>
        {
            None
        }
        [_, apply, room] | [_, apply, room, _] if apply.eq_ignore_ascii_case("apply") => {
            let room = room
                .strip_prefix("<#")
                .and_then(|r| r.strip_suffix('>'))
                .unwrap_or(room);
            Some(Ok(AnnounceCommand {
                room: room.to_string(),
                programme: words.get(3).map(|p| p.to_lowercase()),
            }))
        }
        _ => Some(Err(Text::msg("announce-usage"))),
    }
}

/// The Apply card of `programme`, for a room on `platform`: on Discord with an Apply
/// button; on Matrix with a `matrix.to` link to the bot (`bot`, its account there, when
/// the settings name it), which opens a DM with it in any client.
pub fn card(
    programme: &crate::domain::Programme,
    platform: Platform,
    bot: Option<&crate::domain::UserRef>,
) -> OutMessage {
    let slug = programme.slug.as_str();
    let how = match (platform, bot) {
        (Platform::Discord, _) => Text::msg("apply-card-button").arg("slug", slug),
        (Platform::Matrix, Some(bot)) => Text::msg("apply-card-link")
            .arg("slug", slug)
            .arg("link", format!("https://matrix.to/#/{}", bot.id)),
        _ => Text::msg("apply-card-dm").arg("slug", slug),
    };
    let roles: Vec<Text> = programme
        .roles
        .values()
        .map(|r| {
            let at = format!("roles.{}", r.kind.as_str());
            Text::msg("apply-card-role")
                .arg("role", programme.said(&format!("{at}.name"), &r.name))
                .arg(
                    "description",
                    programme.said(&format!("{at}.description"), &r.description),
                )
        })
        .collect();
    let message = OutMessage::said(
        Text::msg("apply-card")
            .arg("programme", programme.said_name())
            .arg(
                "description",
                programme.said("description", &programme.description),
            )
            .arg("roles", Text::lines(roles))
            .arg("how", how),
    );
    // Shown where the platform has buttons (Discord); elsewhere the card says what to send.
    message.with_actions(vec![(
        Text::msg("apply-card-apply"),
        format!("apply {} via announcement", programme.slug),
    )])
}

pub fn handle(ctx: &Ctx<'_>, room: &RoomRef, command: AnnounceCommand) -> Outcome {
    let post = |text: Text| super::post_said(room, text);
    let programme = match super::figures::coordinated(
        ctx,
        room,
        command.programme.as_deref(),
        Text::msg("coordinators-can-announce"),
    ) {
        Ok(p) => p,
        Err(answer) => return *answer,
    };
    if !programme.applications_open {
        return post(Text::msg("announce-closed").arg("programme", programme.name.as_str()));
    }
    // A Matrix room is named by its id: an alias would need the homeserver to resolve.
    if room.platform == Platform::Matrix && command.room.starts_with('#') {
        return post(Text::msg("announce-alias").arg("room", command.room.as_str()));
    }
    let target = RoomRef::new(room.platform, command.room.clone());
    let bot = ctx.bots.iter().find(|b| b.platform == target.platform);
    Outcome::unchanged(vec![
        Effect::PostInRoom {
            message: card(programme, target.platform, bot),
            room: target,
        },
        Effect::PostInRoom {
            room: room.clone(),
            message: OutMessage::said(
                Text::msg("announce-posted")
                    .arg("programme", programme.name.as_str())
                    .arg("room", command.room.as_str()),
            ),
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::{Scene, posted, room};

    #[test]
    fn an_apply_card_is_posted_in_the_room_named_with_a_button_that_applies_via_the_announcement() {
        let Some(Ok(command)) = parse("announce apply <#4242>") else {
            panic!()
        };
        assert_eq!(command.room, "4242");
        let scene = Scene::for_user("carol");
        let out = handle(&scene.ctx(), &room("coordinators"), command);
        let card = posted(&out, "4242")[0];
        assert!(
            card.text.contains("Pathways is open for applications"),
            "{}",
            card.text
        );
        assert!(
            card.text
                .contains("send me a direct message: apply pathways"),
            "{}",
            card.text
        );
        assert_eq!(card.actions[0].command, "apply pathways via announcement");
        assert!(
            posted(&out, "coordinators")[0]
                .text
                .contains("posted in 4242")
        );
        assert!(matches!(parse("announce apply"), Some(Err(_))));
        assert_eq!(parse("announcements are great"), None);
    }

    #[test]
    fn on_matrix_the_apply_card_links_to_a_direct_message_with_the_bot_and_on_discord_has_a_button()
    {
        let scene = Scene::for_user("carol");
        let ctx = scene.ctx();
        let p = &ctx.programmes[0];
        let bot = crate::domain::UserRef::new(Platform::Matrix, "@tandem:example.org");
        let on_matrix = card(p, Platform::Matrix, Some(&bot)).text;
        assert!(
            on_matrix.contains(
                "send me a direct message (https://matrix.to/#/@tandem:example.org): apply pathways"
            ),
            "{on_matrix}"
        );
        assert!(!on_matrix.contains("press Apply"), "{on_matrix}");
        let on_discord = card(p, Platform::Discord, None).text;
        assert!(on_discord.contains("press Apply"), "{on_discord}");
    }
}
