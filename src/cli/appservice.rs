//! `tandem appservice-registration`: the file a homeserver admin installs so that the
//! homeserver knows Tandem as an application service (see `config::appservice`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::config::{AppserviceTokens, registration as registration_text};

/// Writes the registration for the settings' `[matrix]` bot and `[matrix.appservice]` to
/// `output`. Tokens already in the environment are used (so a registration made again,
/// for a new URL, say, keeps them); otherwise new ones go into the registration and into
/// `output` with the extension `.env`, neither of which may exist yet, so that tokens
/// Tandem already uses are never replaced behind its back.
pub(super) fn registration(
    settings_file: Option<&Path>,
    output: &Path,
) -> anyhow::Result<ExitCode> {
    let settings = super::setup::load_settings(settings_file)?;
    let Some(matrix) = &settings.matrix else {
        bail!("no [matrix] in the settings: appservice mode is for a Matrix bot");
    };
    let Some(appservice) = &matrix.appservice else {
        bail!(
            "no [matrix.appservice] in the settings: add it (listen = \"127.0.0.1:9185\", and url if the homeserver reaches Tandem elsewhere) first"
        );
    };
    let (tokens, made) = match AppserviceTokens::from_env() {
        Some(tokens) => (tokens, false),
        None => (AppserviceTokens::generate()?, true),
    };
    let text = registration_text(&matrix.user_id, appservice, &tokens)?;
    if made {
        let env_file = output.with_extension("env");
        if output.exists() {
            bail!(
                "{} exists: new tokens would orphan the ones in it (remove it, or put its tokens in TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN to write it again with them)",
                output.display()
            );
        }
        // The tokens first: a registration is never left holding tokens saved nowhere.
        crate::secrets::create_private(&env_file, &tokens.env_file())
            .with_context(|| format!("writing {} (it must not exist yet)", env_file.display()))?;
        if let Err(e) = crate::secrets::create_private(output, &text) {
            let _ = std::fs::remove_file(&env_file);
            return Err(e).with_context(|| format!("writing {}", output.display()));
        }
        eprintln!(
            "Wrote {} with new tokens, and {} for Tandem's environment (both readable by you only).",
            output.display(),
            env_file.display()
        );
    } else {
        crate::secrets::write_private(output, &text)
            .with_context(|| format!("writing {}", output.display()))?;
        eprintln!(
            "Wrote {} with the tokens in TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN.",
            output.display()
        );
    }
    eprintln!(
        "Next: give it to the homeserver (Synapse: add it to app_service_config_files in homeserver.yaml and restart Synapse), then start `tandem run` with both tokens in its environment. The homeserver must reach Tandem at {}.",
        appservice.url()
    );
    Ok(ExitCode::SUCCESS)
}
