//! `[[resources]]` in a programme file: what its people should read or watch, and when
//! (see `domain::resources`). Read here and checked: a stable id, a title, exactly one of
//! `link` (http or https) and `file` (beside the programme file, small enough to send),
//! a stage, and roles the programme has.

use super::*;
use crate::domain::resources::{Resource, Source, Stage};

/// The largest file a resource may be: what every platform takes as an attachment.
pub(super) const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawResource {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) description: Option<String>,
    /// An http(s) address.
    pub(super) link: Option<Spanned<String>>,
    /// A file, relative to the programme file's folder.
    pub(super) file: Option<Spanned<String>>,
    /// orientation, training, first_month, midpoint or closure.
    pub(super) stage: Spanned<String>,
    /// `["mentee"]`; unset: everyone.
    pub(super) roles: Option<Spanned<Vec<String>>>,
}

/// Whether `link` is an address a participant can open: http or https, with a host.
pub(super) fn is_web_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !link.chars().any(char::is_whitespace)
    })
}

pub(super) fn build_resources(
    raw: &[RawResource],
    path: &Path,
    err: &mut impl FnMut(usize, &str),
) -> Vec<Resource> {
    let mut out: Vec<Resource> = Vec::new();
    for r in raw {
        let id = r.id.get_ref().trim().to_string();
        if !is_id(&id, &['-', '_']) {
            err(
                r.id.span().start,
                "a resource id is lower-case letters, digits, - and _, like orientation-video",
            );
            continue;
        }
        if out.iter().any(|x| x.id == id) {
            err(
                r.id.span().start,
                &format!("resource `{id}` is defined twice"),
            );
            continue;
        }
        let title = r.title.get_ref().trim().to_string();
        if title.is_empty() {
            err(r.title.span().start, "`title` must not be empty");
            continue;
        }
        let stage = match Stage::NAMES
            .iter()
            .find(|(n, _)| *n == r.stage.get_ref().trim())
        {
            Some((_, s)) => *s,
            None => {
                err(
                    r.stage.span().start,
                    &format!(
                        "unknown stage `{}`; expected one of {}",
                        r.stage.get_ref(),
                        Stage::NAMES.map(|(n, _)| n).join(", ")
                    ),
                );
                continue;
            }
        };
        let mut roles = Vec::new();
        for (name, at) in r.roles.as_ref().map(values_at).unwrap_or_default() {
            match name.parse::<RoleKind>() {
                Ok(role) if !roles.contains(&role) => roles.push(role),
                Ok(_) => {}
                Err(_) => err(
                    at,
                    &format!("unknown role `{name}` in `roles`: use mentor or mentee"),
                ),
            }
        }
        let source = match (&r.link, &r.file) {
            (Some(link), None) => {
                let l = link.get_ref().trim();
                if !is_web_link(l) {
                    err(
                        link.span().start,
                        &format!(
                            "`link` must be an http or https address people can open, like https://example.org/guide (not `{l}`)"
                        ),
                    );
                    continue;
                }
                Source::Link(l.to_string())
            }
            (None, Some(file)) => match resource_file(path, file.get_ref().trim()) {
                Ok(full) => Source::File(full),
                Err(message) => {
                    err(file.span().start, &message);
                    continue;
                }
            },
            (Some(_), Some(file)) => {
                err(
                    file.span().start,
                    "a resource has a `link` or a `file`, not both",
                );
                continue;
            }
            (None, None) => {
                err(
                    r.id.span().start,
                    "a resource needs a `link` (an https address) or a `file` (beside the programme file)",
                );
                continue;
            }
        };
        out.push(Resource {
            id,
            title,
            description: r
                .description
                .as_deref()
                .unwrap_or_default()
                .trim()
                .to_string(),
            source,
            stage,
            roles,
        });
    }
    out
}

/// The full path of a resource's file, named relative to the programme file: it must be a
/// readable file, inside that folder, and small enough to send.
fn resource_file(programme: &Path, name: &str) -> Result<String, String> {
    if name.is_empty() {
        return Err("`file` must name a file beside the programme file".into());
    }
    let relative = Path::new(name);
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(format!(
            "`file` is named from the programme file's folder, and stays inside it (not `{name}`)"
        ));
    }
    let full = programme
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(relative);
    let meta = std::fs::metadata(&full)
        .map_err(|e| format!("cannot read the resource file `{}`: {e}", full.display()))?;
    if !meta.is_file() {
        return Err(format!("`{}` is not a file", full.display()));
    }
    // A link inside the folder may point anywhere: where it leads must be inside too.
    let folder = programme.parent().unwrap_or_else(|| Path::new("."));
    let inside = match (full.canonicalize(), folder.canonicalize()) {
        (Ok(file), Ok(folder)) => file.starts_with(folder),
        _ => false,
    };
    if !inside {
        return Err(format!(
            "`file` is named from the programme file's folder, and stays inside it (`{name}` leads outside)"
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "`{}` is {} MiB; a resource file may be at most {} MiB (link to a larger one instead)",
            full.display(),
            meta.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(full.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_links() {
        assert!(is_web_link("https://example.org/guide"));
        assert!(is_web_link("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org",
            "https://",
            "example.org",
            "https://exa mple.org",
            "file:///etc/passwd",
        ] {
            assert!(!is_web_link(bad), "{bad}");
        }
    }
}
