//! Matrix appservice mode (`[matrix.appservice]`): the settings, and the registration file
//! a homeserver admin installs so that the homeserver knows Tandem as an application
//! service.
//!
//! What the mode changes is in `platforms::matrix::appservice`; this module is only what
//! is written in files: pure, with no SDK. The two tokens are secrets and never live in
//! `tandem.toml`: Tandem reads them from `TANDEM_MATRIX_AS_TOKEN` and
//! `TANDEM_MATRIX_HS_TOKEN`, and `tandem appservice-registration` writes them into the
//! registration (which the homeserver reads) and, when it made them, an environment file
//! for Tandem.
//!
//! To extend the registration (a namespace for puppets, say): add it in [`registration`]
//! and say in the operators' guide why the homeserver must be told.

use serde::Deserialize;

/// `[matrix.appservice]` in the settings.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AppserviceSettings {
    /// The registration's id, unique on the homeserver (default `tandem`).
    #[serde(default = "default_id")]
    pub id: String,
    /// Where Tandem listens for the homeserver's transactions, e.g. `127.0.0.1:9185`.
    pub listen: String,
    /// How the homeserver reaches that listener (default `http://` + `listen`): the URL
    /// written into the registration.
    pub url: Option<String>,
}

fn default_id() -> String {
    "tandem".into()
}

impl AppserviceSettings {
    /// The URL the homeserver pushes transactions to.
    pub fn url(&self) -> String {
        self.url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
    }

    /// Problems with these settings, as (key, message); keys are under `appservice.`.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        let id_ok = !self.id.is_empty()
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !id_ok {
            problems.push((
                "appservice.id",
                "must be letters, digits, `-`, `_` or `.`, like tandem".into(),
            ));
        }
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            problems.push((
                "appservice.listen",
                format!(
                    "`{}` should be an address and a port, like 127.0.0.1:9185",
                    self.listen
                ),
            ));
        }
        if let Some(url) = &self.url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            problems.push((
                "appservice.url",
                format!("`{url}` should start with http:// or https://"),
            ));
        }
        problems
    }
}

/// The two secrets an appservice shares with its homeserver: `as_token` is what Tandem
/// shows the homeserver, `hs_token` what the homeserver shows Tandem.
#[derive(Clone, PartialEq)]
pub struct AppserviceTokens {
    pub as_token: String,
    pub hs_token: String,
}

impl std::fmt::Debug for AppserviceTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AppserviceTokens(..)")
    }
}

impl AppserviceTokens {
    /// From `TANDEM_MATRIX_AS_TOKEN` and `TANDEM_MATRIX_HS_TOKEN`, when both are set.
    pub fn from_env() -> Option<AppserviceTokens> {
        let get = super::Settings::secret;
        Some(AppserviceTokens {
            as_token: get("TANDEM_MATRIX_AS_TOKEN")?,
            hs_token: get("TANDEM_MATRIX_HS_TOKEN")?,
        })
    }

    /// Two new random tokens (256 bits each, hex).
    pub fn generate() -> anyhow::Result<AppserviceTokens> {
        let token = || -> anyhow::Result<String> {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("no randomness for a token: {e}"))?;
            Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
        };
        Ok(AppserviceTokens {
            as_token: token()?,
            hs_token: token()?,
        })
    }

    /// The lines of an environment file (systemd's `EnvironmentFile`, or `set -a; .`).
    pub fn env_file(&self) -> String {
        format!(
            "TANDEM_MATRIX_AS_TOKEN={}\nTANDEM_MATRIX_HS_TOKEN={}\n",
            self.as_token, self.hs_token
        )
    }
}

/// The registration file (YAML) for the bot `user_id` (`@tandem:example.org`): Tandem's
/// URL and tokens, the bot's own id as the only, exclusive user namespace (nobody else may
/// register it; the appservice acts as the bot), and no rate limits, which is what the
/// mode is for. The appservice's own user (`sender_localpart`) is another name, the bot's
/// with `-appservice`: Synapse lets that user not sync, and the bot must, for encryption.
/// Values are written as JSON strings, which YAML reads as they are.
pub fn registration(
    user_id: &str,
    settings: &AppserviceSettings,
    tokens: &AppserviceTokens,
) -> anyhow::Result<String> {
    let (localpart, server) = user_id
        .strip_prefix('@')
        .and_then(|rest| rest.split_once(':'))
        .filter(|(l, s)| !l.is_empty() && !s.is_empty())
        .ok_or_else(|| {
            anyhow::anyhow!("`{user_id}` must be a full Matrix id, like @tandem:example.org")
        })?;
    let quoted = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let exact = format!("@{}:{}", regex_escape(localpart), regex_escape(server));
    Ok(format!(
        "# Tandem's application-service registration, made by `tandem appservice-registration`.\n\
         # Install it on the homeserver (Synapse: list this file under app_service_config_files\n\
         # and restart it). It holds both tokens: keep it readable by the homeserver only.\n\
         id: {id}\n\
         url: {url}\n\
         as_token: {as_token}\n\
         hs_token: {hs_token}\n\
         sender_localpart: {localpart}\n\
         rate_limited: false\n\
         namespaces:\n\
         \x20 users:\n\
         \x20   - exclusive: true\n\
         \x20     regex: {exact}\n\
         \x20 aliases: []\n\
         \x20 rooms: []\n",
        id = quoted(&settings.id),
        url = quoted(&settings.url()),
        as_token = quoted(&tokens.as_token),
        hs_token = quoted(&tokens.hs_token),
        localpart = quoted(&sender_localpart(localpart)),
        exact = quoted(&format!("^{exact}$")),
    ))
}

/// The appservice's own user's localpart, for the bot's `localpart`.
pub fn sender_localpart(localpart: &str) -> String {
    format!("{localpart}-appservice")
}

/// `text` with every character a regular expression gives a meaning escaped.
fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> AppserviceSettings {
        AppserviceSettings {
            id: "tandem".into(),
            listen: "127.0.0.1:9185".into(),
            url: None,
        }
    }

    #[test]
    fn the_registration_names_the_bot_exactly_and_asks_for_no_rate_limits() {
        let tokens = AppserviceTokens {
            as_token: "a\"s".into(),
            hs_token: "hs".into(),
        };
        let text = registration("@tandem-bot:example.org", &settings(), &tokens).unwrap();
        assert!(text.contains("id: \"tandem\"\n"), "{text}");
        assert!(text.contains("url: \"http://127.0.0.1:9185\"\n"), "{text}");
        assert!(text.contains("as_token: \"a\\\"s\"\n"), "quoted: {text}");
        assert!(
            text.contains("sender_localpart: \"tandem-bot-appservice\"\n"),
            "{text}"
        );
        assert!(text.contains("rate_limited: false\n"), "{text}");
        assert!(
            text.contains(r#"regex: "^@tandem\\-bot:example\\.org$""#),
            "{text}"
        );
    }

    #[test]
    fn a_bot_id_without_a_server_gives_no_registration() {
        let tokens = AppserviceTokens::generate().unwrap();
        assert!(registration("tandem", &settings(), &tokens).is_err());
        assert!(registration("@:example.org", &settings(), &tokens).is_err());
    }

    #[test]
    fn generated_tokens_are_long_different_and_never_printed_by_debug() {
        let tokens = AppserviceTokens::generate().unwrap();
        assert_eq!(tokens.as_token.len(), 64);
        assert_ne!(tokens.as_token, tokens.hs_token);
        assert!(!format!("{tokens:?}").contains(&tokens.as_token));
        assert!(tokens.env_file().contains(&tokens.hs_token));
    }

    #[test]
    fn a_listen_address_without_a_port_an_odd_id_and_a_bare_url_are_named() {
        let bad = AppserviceSettings {
            id: "tandem bot".into(),
            listen: "localhost".into(),
            url: Some("matrix.example.org".into()),
        };
        let keys: Vec<_> = bad.problems().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["appservice.id", "appservice.listen", "appservice.url"]
        );
        assert!(settings().problems().is_empty());
    }
}
