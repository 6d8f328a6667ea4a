//! Autocomplete: as staff type a number into `/coordinate` or `/moderate` (an
//! application, a proposed match, a case, an event), Discord asks which to suggest, and
//! Tandem answers with up to 25 of the open ones that fit what was typed, each named
//! by what it is (`A12 · Amina · Pathways 2027`). The app decides who gets any
//! (`App::suggest`: the command's own permission checks); here only the channel is
//! checked, as for the command, and Discord's limits kept. Discord waits 3 seconds and
//! offers no deferral, so what is not found by then is not suggested.

use serenity::all::{AutocompleteChoice, CommandDataOptionValue, CreateAutocompleteResponse};

use super::*;

/// Discord's most choices in an autocomplete answer.
const MAX_CHOICES: usize = 25;

/// How long the database may take before the answer goes without suggestions: well
/// within Discord's 3 seconds.
const PATIENCE: Duration = Duration::from_millis(2_000);

impl DiscordBot {
    pub(super) async fn on_autocomplete(&self, typing: CommandInteraction) {
        let found = match tokio::time::timeout(PATIENCE, self.suggested(&typing)).await {
            Ok(found) => found,
            Err(_) => {
                warn!("suggesting numbers for /{} took too long", typing.data.name);
                Vec::new()
            }
        };
        let choices = found
            .into_iter()
            .take(MAX_CHOICES)
            .map(|(n, label)| AutocompleteChoice::new(render::choice_name(&label), n))
            .collect();
        let response = CreateInteractionResponse::Autocomplete(
            CreateAutocompleteResponse::new().set_choices(choices),
        );
        if let Err(e) = typing.create_response(&self.http, response).await {
            warn!(
                "answering autocomplete for /{} failed: {e}",
                typing.data.name
            );
        }
    }

    /// The numbers (with their labels) to suggest for the option being typed; none for
    /// an option that takes no number, outside the command's channel, or for someone the
    /// app would not let run the command.
    async fn suggested(&self, typing: &CommandInteraction) -> Vec<(i64, String)> {
        let Some(focused) = typing.data.autocomplete() else {
            return Vec::new();
        };
        let Some(sub) = typing.data.options.first().and_then(|o| match &o.value {
            CommandDataOptionValue::SubCommand(_) => Some(o.name.as_str()),
            _ => None,
        }) else {
            return Vec::new();
        };
        let Some((audience, of, words)) =
            render::number_option(&typing.data.name, sub, focused.name)
        else {
            return Vec::new();
        };
        if !self.staff_channel(audience, typing.channel_id) {
            return Vec::new();
        }
        let Some(app) = self.app.get() else {
            return Vec::new();
        };
        let from = UserRef::new(Platform::Discord, typing.user.id.to_string());
        self.guess_language(&from, &typing.locale);
        let room = channel_ref(typing.channel_id.get());
        app.suggest(&from, &room, &words, of, focused.value, MAX_CHOICES)
            .await
    }
}
