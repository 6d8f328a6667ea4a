//! `tandem check-config`: checks a settings file, a programme file or a folder of
//! programmes, and reports every problem with its file, line and key (all of them at once:
//! see `config::reading`). Checking settings also warns, without failing, where staff are
//! missing: a configured platform whose people's staff room (its own, or another
//! platform's when it has none) has no moderator or no coordinator of a programme on its
//! platform, or no moderator at all.
//!
//! A new check on the settings belongs in `config` (so that `Settings::load` refuses the
//! same file); what is only worth saying here (a summary line, a file the settings name,
//! a warning) goes beside `describe_limits`.

use std::path::Path;
use std::process::ExitCode;

use crate::config::{self, Settings};
use crate::domain::Programme;

use super::setup::{key_from_file, load_settings};

pub(super) fn check_config(
    settings_path: Option<&Path>,
    path: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let report = |result: Result<String, config::ConfigErrors>| match result {
        Ok(ok) => {
            println!("{ok}");
            true
        }
        Err(errors) => {
            eprintln!("{errors}");
            false
        }
    };
    let describe = |p: &Programme| {
        let roles: Vec<String> = p
            .roles
            .values()
            .map(|r| format!("{}: {} questions", r.kind, r.questions.len()))
            .collect();
        format!("programme {} ({})", p.slug, roles.join(", "))
    };
    let check_dir = |dir: &Path| match config::load_programmes(dir) {
        Ok(ps) => {
            if ps.is_empty() {
                println!("ok: {} holds no programme files", dir.display());
            }
            for p in &ps {
                println!("ok: {}", describe(p));
                warn_untranslated(p);
            }
            Some(ps)
        }
        Err(errors) => {
            eprintln!("{errors}");
            None
        }
    };
    // The settings' own checks passed: the rest they name, and what they allow but
    // probably should not.
    let check_settings = |settings: &Settings, shown: String| {
        println!("ok: settings {shown}");
        println!("{}", describe_limits(settings));
        let key_ok = check_case_key_file(settings);
        let programmes = check_dir(&settings.programmes_dir);
        if let Some(relay) = describe_relay(settings, programmes.as_deref().unwrap_or_default()) {
            println!("{relay}");
        }
        if let Some(appservice) = describe_appservice(settings) {
            println!("{appservice}");
        }
        let moderators_ok = match programmes
            .as_deref()
            .and_then(|ps| super::setup::programme_moderators_problem(settings, ps))
        {
            Some(problem) => {
                eprintln!("{problem}");
                false
            }
            None => true,
        };
        let (rooms, warnings) = describe_rooms(settings, programmes.as_deref().unwrap_or_default());
        for line in rooms {
            println!("{line}");
        }
        for warning in warnings {
            eprintln!("warning: {warning}");
        }
        for warning in staffing_warnings(settings, programmes.as_deref().unwrap_or_default()) {
            eprintln!("warning: {warning}");
        }
        key_ok & programmes.is_some() & moderators_ok
    };
    let ok = match path {
        Some(p) if p.is_dir() => check_dir(p).is_some(),
        Some(p) if is_programme_file(p) => report(config::load_programme(p).map(|prog| {
            warn_untranslated(&prog);
            format!("ok: {}: {}", p.display(), describe(&prog))
        })),
        Some(p) => match Settings::load(p) {
            Ok(s) => check_settings(&s, p.display().to_string()),
            Err(e) => report(Err(e)),
        },
        None => check_settings(
            &load_settings(settings_path)?,
            settings_path
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "(defaults or tandem.toml)".into()),
        ),
    };
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The rate limits `tandem run` applies, and how long it keeps safeguarding records after
/// an erasure, as check-config shows them.
fn describe_limits(settings: &Settings) -> String {
    format!(
        "ok: limits: {} messages a minute and {} transcripts, data files, exports or reports an hour per person (not on the console)\nok: retention: reports about a person, failed checks and suspensions are kept {} year(s) after they delete their data",
        settings.limits.messages_per_minute,
        settings.limits.expensive_per_hour,
        settings.moderation.retention_years
    )
}

/// A room as the settings or a programme file write it (`None`: not set), and what it
/// serves.
type Serving = (crate::domain::rooms::Serves, Option<String>);

/// Warns of the texts a programme leaves in its file's own words in a language it is
/// translated into: a reader of that language would meet them untranslated.
fn warn_untranslated(p: &crate::domain::Programme) {
    for (tag, missing) in crate::domain::translations::untranslated(p) {
        let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
        eprintln!(
            "warning: programme {}: {} text(s) not translated into `{tag}`, said in the file's own words: {}{}",
            p.slug,
            missing.len(),
            shown.join(", "),
            if missing.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        );
    }
}

/// Which room serves what on each platform the settings configure (the console when they
/// configure none): the deployment's rooms, then each programme's own, as written; and
/// warnings for rooms that cannot serve as meant (a programme's room on a platform not
/// configured, a coordinators' room that is also the moderators').
fn describe_rooms(settings: &Settings, programmes: &[Programme]) -> (Vec<String>, Vec<String>) {
    use crate::domain::Platform;
    use crate::domain::rooms::Serves;
    let mut deployment: Vec<(Platform, Vec<Serving>)> = Vec::new();
    if let Some(m) = &settings.matrix {
        deployment.push((
            Platform::Matrix,
            vec![
                (Serves::Coordinators, m.coordinators_room.clone()),
                (Serves::Moderators, m.moderators_room.clone()),
                (Serves::Events, m.events_room.clone()),
                (Serves::Pairs, m.space.clone()),
            ],
        ));
    }
    if let Some(d) = &settings.discord {
        let id = |c: Option<u64>| c.map(|c| c.to_string());
        deployment.push((
            Platform::Discord,
            vec![
                (Serves::Coordinators, id(d.coordinators_channel)),
                (Serves::Moderators, id(d.moderators_channel)),
                (Serves::Events, id(d.events_channel)),
                (Serves::Pairs, id(d.pairs_channel)),
                (Serves::PairsCategory, id(d.pairs_category)),
            ],
        ));
    }
    if deployment.is_empty() {
        deployment.push((
            Platform::Console,
            vec![
                (
                    Serves::Coordinators,
                    Some(settings.console.coordinators_room.clone()),
                ),
                (
                    Serves::Moderators,
                    Some(settings.console.moderators_room.clone()),
                ),
                (Serves::Events, Some("events".into())),
            ],
        ));
    }
    let (mut lines, mut warnings) = (Vec::new(), Vec::new());
    let listed = |rooms: &[Serving]| {
        rooms
            .iter()
            .map(|(serves, room)| format!("{serves} {}", room.as_deref().unwrap_or("(none)")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (platform, rooms) in &deployment {
        lines.push(format!("rooms on {platform}: {}", listed(rooms)));
    }
    for p in programmes {
        for (platform, rooms) in &deployment {
            let own: Vec<Serving> = p
                .rooms
                .iter()
                .filter(|r| r.platform == *platform)
                .map(|r| (r.serves, Some(r.written.clone())))
                .collect();
            if own.is_empty() {
                continue;
            }
            lines.push(format!(
                "rooms of {} on {platform}: {} (the rest as above)",
                p.slug,
                listed(&own)
            ));
            // Every moderators' room on the platform: the settings' and each programme's.
            let moderators: Vec<&str> = rooms
                .iter()
                .filter(|(s, _)| *s == Serves::Moderators)
                .filter_map(|(_, r)| r.as_deref())
                .chain(
                    programmes
                        .iter()
                        .flat_map(|q| &q.rooms)
                        .filter(|r| r.platform == *platform && r.serves == Serves::Moderators)
                        .map(|r| r.written.as_str()),
                )
                .collect();
            if let Some((_, Some(room))) = own.iter().find(|(s, _)| *s == Serves::Coordinators)
                && moderators.contains(&room.as_str())
            {
                warnings.push(format!(
                    "programme {}'s coordinators' room on {platform} is a moderators' room: its coordinators would see the moderators' cases",
                    p.slug
                ));
            }
        }
        if !p.moderators.is_empty() && !p.rooms.iter().any(|r| r.serves == Serves::Moderators) {
            warnings.push(format!(
                "programme {} names moderators but no moderators' room of its own: they work its cases in the settings' moderators' room, where every programme's cases are posted",
                p.slug
            ));
        }
        for r in &p.rooms {
            if r.platform != Platform::Console
                && !deployment
                    .iter()
                    .any(|(platform, _)| *platform == r.platform)
            {
                warnings.push(format!(
                    "programme {} names its {} on {}, which these settings do not serve ([rooms.{}] is unused)",
                    p.slug, r.serves, r.platform, r.platform
                ));
            }
        }
    }
    (lines, warnings)
}

/// With both platforms configured (one `tandem run` serves both): whether people on
/// Matrix and Discord may be paired with each other, in relayed pair rooms, and by which
/// programmes. `None` with one platform.
fn describe_relay(settings: &Settings, programmes: &[Programme]) -> Option<String> {
    let discord = settings.discord.as_ref()?;
    settings.matrix.as_ref()?;
    if !discord.message_content {
        return Some(
            "pairs: people on matrix and discord are matched only with people on their own platform; to pair them across, in relayed pair rooms, turn on Message Content Intent (Developer Portal, Bot) and set [discord] message_content = true".into(),
        );
    }
    let (on, off): (Vec<&Programme>, Vec<&Programme>) = programmes
        .iter()
        .filter(|p| p.matching.is_some())
        .partition(|p| p.matching.as_ref().is_some_and(|m| m.relay));
    let slugs = |ps: &[&Programme]| {
        ps.iter()
            .map(|p| p.slug.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut line = format!(
        "pairs: people on matrix and discord may be paired with each other, in relayed pair rooms (the bot copies each message across), in {}",
        match (on.is_empty(), off.is_empty()) {
            (true, true) => "any programme with a [matching] section (none yet)".to_string(),
            (true, false) => "no programme".to_string(),
            _ => slugs(&on),
        }
    );
    if !off.is_empty() {
        line.push_str(&format!(
            "; not in {}, whose [matching] relay_across_platforms = false",
            slugs(&off)
        ));
    }
    Some(line)
}

/// Appservice mode, when configured: where Tandem listens, how the homeserver reaches it,
/// and whether the tokens it needs are in this environment.
fn describe_appservice(settings: &Settings) -> Option<String> {
    let matrix = settings.matrix.as_ref()?;
    let appservice = matrix.appservice.as_ref()?;
    let tokens = if crate::config::AppserviceTokens::from_env().is_some() {
        "both tokens are in this environment".to_string()
    } else {
        "TANDEM_MATRIX_AS_TOKEN and TANDEM_MATRIX_HS_TOKEN are not in this environment: `tandem appservice-registration` makes them, with the registration the homeserver needs".to_string()
    };
    Some(format!(
        "matrix: appservice mode (registration `{}`): pair rooms made without the client's rate limits; Tandem listens on {}, the homeserver reaches it at {}; {tokens}",
        appservice.id,
        appservice.listen,
        appservice.url()
    ))
}

/// Who is missing where: the people of each platform the settings configure are served
/// by a coordinators' and a moderators' room (their platform's, or, when it has none,
/// another configured platform's: `tandem run` serves both from one process), and that
/// room's platform needs a moderator and a coordinator of each programme, or nobody there
/// may work its reports or review its applications; with no moderator at all, nobody may
/// work a report anywhere. Warnings, not errors: a deployment may be set up a step at a
/// time.
fn staffing_warnings(settings: &Settings, programmes: &[Programme]) -> Vec<String> {
    use crate::domain::Platform;
    let listed = |people: Vec<String>| {
        if people.is_empty() {
            "none".to_string()
        } else {
            people.join(", ")
        }
    };
    let mut warnings = Vec::new();
    let moderators = &settings.moderation.moderators;
    let by_programme: Vec<&str> = programmes
        .iter()
        .filter(|p| !p.moderators.is_empty())
        .map(|p| p.slug.as_str())
        .collect();
    if moderators.is_empty() && by_programme.is_empty() {
        warnings.push(
            "no moderator is configured (moderation.moderators is empty): nobody may work the reports people send".to_string(),
        );
    } else if moderators.is_empty() {
        warnings.push(format!(
            "only programmes name moderators ({}): nobody may work a report that belongs to no programme (from someone in none, or in two), or suspend anyone",
            by_programme.join(", ")
        ));
    }
    let served: Vec<_> = crate::platforms::adapters()
        .into_iter()
        .filter(|a| (a.configured)(settings))
        .collect();
    // Whether `platform`'s settings name its coordinators' (or moderators') room.
    let has_room = |platform: Platform, moderators: bool| match platform {
        Platform::Matrix => settings.matrix.as_ref().is_some_and(|m| {
            if moderators {
                m.moderators_room.is_some()
            } else {
                m.coordinators_room.is_some()
            }
        }),
        Platform::Discord => settings.discord.as_ref().is_some_and(|d| {
            if moderators {
                d.moderators_channel.is_some()
            } else {
                d.coordinators_channel.is_some()
            }
        }),
        Platform::Console => true,
    };
    // The platform whose room serves `platform`'s people, as the app picks it.
    let room_on = |platform: Platform, moderators: bool| {
        if has_room(platform, moderators) {
            return platform;
        }
        served
            .iter()
            .map(|a| a.platform)
            .find(|p| has_room(*p, moderators))
            .unwrap_or(platform)
    };
    let whose = |adapter: &crate::platforms::adapter::Adapter, on: Platform| {
        if on == adapter.platform {
            format!("{} is configured", adapter.section)
        } else {
            format!(
                "{} has no room of its own for it, so {on}'s serves its people",
                adapter.section
            )
        }
    };
    for adapter in &served {
        let on = room_on(adapter.platform, true);
        if !moderators.is_empty()
            && !moderators
                .iter()
                .any(|who| config::parse_user_ref(who).is_ok_and(|u| u.platform == on))
        {
            warnings.push(format!(
                "{}, but no moderator is on {on} (moderation.moderators: {}): nobody there may work the reports people send",
                whose(adapter, on),
                listed(moderators.clone()),
            ));
        }
        let on = room_on(adapter.platform, false);
        for p in programmes {
            let reachable = p.coordinators.iter().any(|c| c.platform == on)
                || p.coordinator_groups.iter().any(|g| g.platform() == on);
            if !reachable {
                let mut named: Vec<String> =
                    p.coordinators.iter().map(ToString::to_string).collect();
                named.extend(p.coordinator_groups.iter().map(ToString::to_string));
                warnings.push(format!(
                    "{}, but programme {} has no coordinator on {on} (its coordinators: {}): nobody there may review its applications or approve its matches",
                    whose(adapter, on),
                    p.slug,
                    listed(named),
                ));
            }
        }
    }
    warnings
}

/// Whether the case key file, if the settings name one, holds a key; says which problem if
/// not.
fn check_case_key_file(settings: &Settings) -> bool {
    let Some(file) = &settings.case_key_file else {
        return true;
    };
    match key_from_file(file) {
        Ok(_) => {
            println!("ok: case key in {}", file.display());
            true
        }
        Err(e) => {
            eprintln!("case_key_file: {e:#}");
            false
        }
    }
}

/// A programme file has a `[roles...]` table; a settings file does not.
fn is_programme_file(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .map(|s| s.lines().any(|l| l.trim_start().starts_with("[roles")))
        .unwrap_or(false)
}
