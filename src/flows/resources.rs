//! `resources` and `done <n>`: what a participant should read or watch now, and that they
//! have; and `resources [programme]` in the coordinators' room: who has read what.
//!
//! The resources and the stages are the programme's (`domain::resources`). A participant
//! sees those of their stage and any earlier one they have not read (`resources all`:
//! every one for their role), each numbered, with a select menu to mark one read where the
//! platform has one; `resources <n>` shows one (and sends it, when it is a file). Reading a
//! resource a screening acknowledgement names acknowledges it, and so may make them ready to
//! be matched. Everything said is from the catalogue (`locales/*/resources.ftl`).

use super::review::readiness_effects;
use super::{Ctx, Effect, OutMessage, Outcome, Subject};
use crate::chat::CommandMenu;
use crate::domain::resources::{Listed, ResourceRead, Source, find, numbered, stage_of};
use crate::domain::screening::{StepKind, StepState};
use crate::domain::{ApplicationSummary, RoomRef, UserRef};
use crate::i18n::Text;

use super::command::ALL_WORDS as ALL;

/// Most people named as not having read a resource, in the coordinators' list.
const MOST_NAMED: usize = 12;

/// `resources [programme]` in the coordinators' room.
pub fn parse_staff(text: &str) -> Option<Option<String>> {
    let t = text
        .trim()
        .trim_start_matches('/')
        .trim_end_matches(['.', '?']);
    let mut words = t.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("resources") {
        return None;
    }
    match (words.next(), words.next()) {
        (None, _) => Some(None),
        (Some(programme), None) => Some(Some(programme.to_lowercase())),
        _ => None,
    }
}

fn reads<'a>(ctx: &'a Ctx<'_>) -> &'a [ResourceRead] {
    match ctx.subject {
        Subject::ResourcesRead(reads) => reads,
        _ => &[],
    }
}

fn read_on<'a>(reads: &'a [ResourceRead], l: &Listed<'_>) -> Option<&'a ResourceRead> {
    reads
        .iter()
        .find(|r| r.programme == l.programme.slug && r.resource == l.resource.id)
}

/// A resource's title, said in the reader's language.
fn title(l: &Listed<'_>) -> Text {
    l.programme
        .said(&l.resource.path("title"), &l.resource.title)
}

/// Where to find it: its link (in the reader's language where the file gives one), or how
/// to have its file sent.
fn where_to(l: &Listed<'_>) -> Text {
    match &l.resource.source {
        Source::Link(link) => l.programme.said(&l.resource.path("link"), link),
        Source::File(_) => Text::msg("resource-file").arg("n", l.n),
    }
}

/// One resource as a line of a list (with its description under it).
fn line(l: &Listed<'_>, read: Option<&ResourceRead>) -> Text {
    let first = match read {
        Some(_) => Text::msg("resource-line-read"),
        None => Text::msg("resource-line"),
    };
    let mut parts = vec![
        first
            .arg("n", l.n)
            .arg("title", title(l))
            .arg("where", where_to(l)),
    ];
    if !l.resource.description.is_empty() {
        parts.push(Text::join(
            vec![
                Text::plain("   "),
                l.programme
                    .said(&l.resource.path("description"), &l.resource.description),
            ],
            "",
        ));
    }
    Text::lines(parts)
}

/// Resource `id` of `programme` as the sender sees it in a list (its number, title, where
/// it is and what it is), for a prompt that brings it up; `None` when it is not theirs.
pub(crate) fn block(ctx: &Ctx<'_>, programme: &str, id: &str) -> Option<Text> {
    let listed = numbered(ctx.programmes, ctx.applications, ctx.matches, ctx.now);
    let l = listed
        .iter()
        .find(|l| l.programme.slug == programme && l.resource.id == id)?;
    Some(line(l, None))
}

/// Resource `id` of `programme` brought to a pair room by a milestone: its title, where it
/// is, and how each of them marks it read.
pub fn for_pair(programme: &crate::domain::Programme, id: &str) -> Option<Text> {
    let r = programme.resources.iter().find(|r| r.id == id)?;
    let link = match &r.source {
        Source::Link(link) => programme.said(&r.path("link"), link),
        Source::File(_) => Text::msg("resource-file-by-dm"),
    };
    Some(
        Text::msg("resource-for-pair")
            .arg("title", programme.said(&r.path("title"), &r.title))
            .arg("where", link),
    )
}

/// A select menu to mark one of `unread` read (`done <n>`), where the platform has one.
fn read_menu(message: OutMessage, unread: &[&Listed<'_>]) -> OutMessage {
    if unread.is_empty() {
        return message;
    }
    let menu = CommandMenu {
        command: "done".into(),
        placeholder: String::new(),
        options: unread
            .iter()
            .take(25)
            // By id: a number could mean another resource once their programmes change.
            .map(|l| (String::new(), format!("#{}", l.resource.id)))
            .collect(),
        max: 1,
        also: Vec::new(),
    };
    let labels = unread
        .iter()
        .take(25)
        .map(|l| {
            Text::msg("resource-menu-option")
                .arg("n", l.n)
                .arg("title", title(l))
        })
        .collect();
    message.with_menu(menu, Text::msg("resource-menu"), labels)
}

/// `resources [all | <n>]` from a participant.
pub fn list(ctx: &Ctx<'_>, words: &str) -> Outcome {
    let listed = numbered(ctx.programmes, ctx.applications, ctx.matches, ctx.now);
    let reads = reads(ctx);
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    let theirs: Vec<&Listed<'_>> = listed.iter().filter(|l| l.is_theirs()).collect();
    if ctx.applications.is_empty() {
        return say(Text::msg("resources-not-applied"));
    }
    if theirs.is_empty() {
        return say(Text::msg("resources-none"));
    }
    let words = words.trim();
    if !words.is_empty() && !ALL.contains(&words.to_lowercase().as_str()) {
        return match find(&listed, words).filter(|l| l.is_theirs()) {
            Some(l) => one(ctx, l, read_on(reads, l)),
            None => say(unknown(words, &theirs)),
        };
    }
    let everything = !words.is_empty();
    let shown: Vec<&Listed<'_>> = theirs
        .iter()
        .copied()
        // Today's, and earlier ones not read yet.
        .filter(|l| {
            everything
                || (l.is_due()
                    && (Some(l.resource.stage) == l.stage || read_on(reads, l).is_none()))
        })
        .collect();
    if shown.is_empty() {
        let stage = theirs.iter().find_map(|l| l.stage);
        return say(Text::msg("resources-none-now")
            .arg("stage", stage.map_or(Text::plain(""), |s| s.said())));
    }
    let mut parts = vec![if everything {
        Text::msg("resources-all-header")
    } else {
        Text::msg("resources-header").arg(
            "stage",
            shown
                .iter()
                .find_map(|l| l.stage)
                .map_or(Text::plain(""), |s| s.said()),
        )
    }];
    parts.extend(shown.iter().map(|l| line(l, read_on(reads, l))));
    let unread: Vec<&Listed<'_>> = shown
        .iter()
        .copied()
        .filter(|l| read_on(reads, l).is_none())
        .collect();
    parts.push(match unread.first() {
        Some(first) => Text::msg("resources-footer").arg("n", first.n),
        None => Text::msg("resources-footer-all-read"),
    });
    if !everything && theirs.len() > shown.len() {
        parts.push(Text::msg("resources-all-hint"));
    }
    let message = read_menu(OutMessage::said(Text::paragraphs(parts)), &unread);
    Outcome::unchanged(vec![ctx.dm(message)])
}

/// One resource in full: its description, where it is, and its file when it is one.
fn one(ctx: &Ctx<'_>, l: &Listed<'_>, read: Option<&ResourceRead>) -> Outcome {
    let mut parts = vec![line(l, read)];
    parts.push(match read {
        Some(r) => Text::msg("resource-read-on").arg("date", Text::date(r.at.date_naive())),
        None => Text::msg("resource-done-hint").arg("n", l.n),
    });
    let unread: Vec<&Listed<'_>> = if read.is_none() { vec![l] } else { vec![] };
    let message = read_menu(OutMessage::said(Text::paragraphs(parts)), &unread);
    let effect = match &l.resource.source {
        Source::File(path) => Effect::SendResource {
            to: ctx.user.clone(),
            path: path.clone(),
            message,
        },
        Source::Link(_) => ctx.dm(message),
    };
    Outcome::unchanged(vec![effect])
}

fn unknown(typed: &str, theirs: &[&Listed<'_>]) -> Text {
    Text::msg("resource-unknown")
        .arg("typed", crate::domain::text::preview(typed, 40))
        .arg(
            "numbers",
            theirs
                .iter()
                .map(|l| l.n.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        )
}

/// `done <n>`: the participant has read resource `n`.
pub fn done(ctx: &Ctx<'_>, typed: &str) -> Outcome {
    let listed = numbered(ctx.programmes, ctx.applications, ctx.matches, ctx.now);
    let say = |text: Text| Outcome::unchanged(vec![ctx.dm(OutMessage::said(text))]);
    let theirs: Vec<&Listed<'_>> = listed.iter().filter(|l| l.is_theirs()).collect();
    if theirs.is_empty() {
        return say(Text::msg("resources-none"));
    }
    let Some(l) = find(&listed, typed).filter(|l| l.is_theirs()) else {
        return say(unknown(typed, &theirs));
    };
    if let Some(r) = read_on(reads(ctx), l) {
        return say(Text::msg("resource-already-read")
            .arg("title", title(l))
            .arg("date", Text::date(r.at.date_naive())));
    }
    let mut effects = vec![
        Effect::MarkResourceRead {
            user: ctx.user.clone(),
            programme: l.programme.slug.clone(),
            resource: l.resource.id.clone(),
        },
        ctx.dm(OutMessage::said(
            Text::msg("resource-marked").arg("title", title(l)),
        )),
    ];
    effects.extend(acknowledge_by_reading(
        ctx,
        &l.programme.slug,
        &l.resource.id,
    ));
    Outcome::unchanged(effects)
}

/// The screening acknowledgements about `resource` that the sender's applications to
/// `programme` still wait for, recorded as done by reading it (and what that sets off:
/// being ready to be matched).
pub(crate) fn acknowledge_by_reading(
    ctx: &Ctx<'_>,
    programme: &str,
    resource: &str,
) -> Vec<Effect> {
    let Some(p) = ctx.programme(programme) else {
        return vec![];
    };
    let mut effects = Vec::new();
    for app in ctx.applications.iter().filter(|a| a.programme == programme) {
        let Some(role) = p.role(app.role) else {
            continue;
        };
        let waiting: Vec<&str> = role
            .screening
            .steps
            .iter()
            .filter(|s| {
                matches!(&s.kind, StepKind::Acknowledgement { resource: Some(r), .. } if r == resource)
            })
            .filter(|s| !matches!(app.steps.get(&s.id), Some(StepState::Acknowledged { .. })))
            .map(|s| s.id.as_str())
            .collect();
        if waiting.is_empty() || stage_of(p, app, ctx.matches, ctx.now).is_none() {
            continue;
        }
        let mut steps = app.steps.clone();
        for step in &waiting {
            let state = StepState::Acknowledged { at: ctx.now };
            steps.insert((*step).to_string(), state.clone());
            effects.push(Effect::RecordStep {
                application_id: app.id,
                step_id: (*step).to_string(),
                state,
                by: ctx.user.to_string(),
            });
        }
        let name = app.name.clone().unwrap_or_else(|| ctx.user.id.clone());
        effects.extend(readiness_effects(ctx, p, app, ctx.user, &name, &steps));
    }
    effects
}

/// `resources [programme]` in the coordinators' room: for each resource, who it is for
/// now, who has read it and who has not.
pub fn progress(ctx: &Ctx<'_>, room: &RoomRef, named: Option<&str>) -> Outcome {
    let post = |text: Text| super::post_said(room, text);
    let programme = match super::figures::coordinated(
        ctx,
        room,
        named,
        Text::msg("coordinators-can-see-reads"),
    ) {
        Ok(p) => p,
        Err(answer) => return *answer,
    };
    let Subject::ResourceProgress {
        applications,
        matches,
        reads,
    } = ctx.subject
    else {
        return post(Text::msg("resources-progress-unloaded"));
    };
    if programme.resources.is_empty() {
        return post(
            Text::msg("resources-progress-none").arg("programme", programme.slug.as_str()),
        );
    }
    // Each person's newest application that went anywhere (loaded oldest first).
    let mut people: Vec<(&ApplicationSummary, &UserRef)> = Vec::new();
    for (app, who) in applications.iter().rev() {
        if app.programme == programme.slug
            && !people.iter().any(|(_, w)| *w == who)
            && stage_of(programme, app, matches, ctx.now).is_some()
        {
            people.push((app, who));
        }
    }
    let mut parts =
        vec![Text::msg("resources-progress-header").arg("programme", programme.name.as_str())];
    for (i, resource) in programme.resources.iter().enumerate() {
        let due: Vec<&(&ApplicationSummary, &UserRef)> = people
            .iter()
            .filter(|(app, _)| {
                resource.is_for(app.role)
                    && stage_of(programme, app, matches, ctx.now)
                        .is_some_and(|s| s >= resource.stage)
            })
            .collect();
        let has_read = |who: &UserRef| {
            reads.iter().any(|(w, r)| {
                w == who && r.resource == resource.id && r.programme == programme.slug
            })
        };
        let not_yet: Vec<String> = due
            .iter()
            .filter(|(_, who)| !has_read(who))
            .map(|(app, who)| app.who(who))
            .collect();
        let read = due.len() - not_yet.len();
        let first = match due.len() {
            0 => Text::msg("resources-progress-line-nobody"),
            _ => Text::msg("resources-progress-line"),
        };
        let mut line = vec![
            first
                .arg("n", i + 1)
                .arg("title", resource.title.as_str())
                .arg("stage", resource.stage.said())
                .arg("read", read)
                .arg("due", due.len()),
        ];
        if !not_yet.is_empty() {
            let first = not_yet[..not_yet.len().min(MOST_NAMED)].join(", ");
            let names = if not_yet.len() > MOST_NAMED {
                Text::msg("resources-progress-more")
                    .arg("names", first)
                    .arg("count", not_yet.len() - MOST_NAMED)
            } else {
                Text::plain(first)
            };
            line.push(Text::msg("resources-progress-not-yet").arg("names", names));
        }
        parts.push(Text::lines(line));
    }
    post(Text::paragraphs(parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::resources::{Resource, Stage};
    use crate::domain::{ApplicationStatus, Programme, RoleKind};
    use crate::flows::testing::{Scene, application, dms, pathways, posted, records, room};

    /// Pathways with a guide its mentees' orientation asks them to read, and one resource
    /// for each later stage.
    fn programme() -> Programme {
        let mut p = pathways();
        let resource = |id: &str, stage, roles: Vec<RoleKind>| Resource {
            id: id.into(),
            title: format!("The {id}"),
            description: String::new(),
            source: Source::Link(format!("https://example.org/{id}")),
            stage,
            roles,
        };
        p.resources = vec![
            resource("guide", Stage::Orientation, vec![RoleKind::Mentee]),
            resource("course", Stage::Training, vec![RoleKind::Mentor]),
            resource("checklist", Stage::FirstMonth, vec![]),
        ];
        let steps = &mut p.roles.get_mut(&RoleKind::Mentee).unwrap().screening.steps;
        steps[0].kind = StepKind::Acknowledgement {
            text: String::new(),
            resource: Some("guide".into()),
        };
        p
    }

    fn mentee(status: ApplicationStatus, reads: Vec<ResourceRead>) -> Scene {
        let mut s = Scene::for_user("amina")
            .with_programmes(vec![programme()])
            .with_subject(Subject::ResourcesRead(reads));
        s.applications = vec![application(1, "amina", RoleKind::Mentee, status).summary];
        s
    }

    fn read(resource: &str) -> ResourceRead {
        ResourceRead {
            programme: "pathways".into(),
            resource: resource.into(),
            at: crate::flows::testing::now(),
        }
    }

    #[test]
    fn a_list_shows_the_stages_resources_and_earlier_unread_ones_with_a_menu_to_mark_them_read() {
        let out = list(&mentee(ApplicationStatus::Approved, vec![]).ctx(), "");
        let text = dms(&out, "amina").join("\n");
        assert!(text.contains("To read or watch now (training):"), "{text}");
        assert!(
            text.contains("1. The guide — https://example.org/guide"),
            "{text}"
        );
        assert!(!text.contains("course"), "a mentor's resource: {text}");
        assert!(!text.contains("checklist"), "a later stage's: {text}");
        let Effect::SendDm { message, .. } = &out.effects[0] else {
            panic!("{:?}", out.effects)
        };
        let menu = message.menu.as_ref().expect("a menu");
        assert_eq!(menu.command, "done");
        assert_eq!(
            menu.options,
            vec![("1. The guide".to_string(), "#guide".to_string())]
        );
        // In Spanish, the menu is too.
        let spanish = message.in_language(crate::i18n::Locale::from_tag("es").unwrap());
        assert_eq!(spanish.menu.as_ref().unwrap().placeholder, "✓ Ya he leído…");
    }

    #[test]
    fn reading_the_guide_an_acknowledgement_names_acknowledges_it_and_readies_the_person() {
        let out = done(&mentee(ApplicationStatus::Approved, vec![]).ctx(), "1");
        let written = records(&out);
        assert!(written.contains(&&Effect::MarkResourceRead {
            user: crate::flows::testing::user("amina"),
            programme: "pathways".into(),
            resource: "guide".into(),
        }));
        assert!(written.iter().any(|e| matches!(e,
            Effect::RecordStep { step_id, state: StepState::Acknowledged { .. }, .. } if step_id == "orientation")));
        assert!(written.iter().any(|e| matches!(e,
            Effect::RecordDecision(d) if d.to == ApplicationStatus::Ready)));
        let text = dms(&out, "amina").join("\n");
        assert!(text.contains("“The guide” is marked as read"), "{text}");
    }

    #[test]
    fn a_resource_read_before_or_not_theirs_changes_nothing_and_says_why() {
        let again = done(
            &mentee(ApplicationStatus::Approved, vec![read("guide")]).ctx(),
            "1",
        );
        assert!(records(&again).is_empty());
        assert!(dms(&again, "amina")[0].contains("You already marked “The guide” as read"));
        // Number 2 is the mentors' course.
        let other = done(&mentee(ApplicationStatus::Approved, vec![]).ctx(), "2");
        assert!(records(&other).is_empty());
        assert!(dms(&other, "amina")[0].contains("Yours are numbered 1, 3"));
    }

    #[test]
    fn coordinators_see_who_has_read_each_and_others_are_refused() {
        let mut carol = Scene::for_user("carol").with_programmes(vec![programme()]);
        let amina = application(1, "amina", RoleKind::Mentee, ApplicationStatus::Ready);
        let bo = application(2, "bo", RoleKind::Mentee, ApplicationStatus::NeedsReview);
        carol.subject = Subject::ResourceProgress {
            applications: vec![
                (amina.summary.clone(), amina.applicant.clone()),
                (bo.summary.clone(), bo.applicant.clone()),
            ],
            matches: vec![],
            reads: vec![(amina.applicant.clone(), read("guide"))],
        };
        let out = progress(&carol.ctx(), &room("coordinators"), None);
        let text = posted(&out, "coordinators")[0].text.clone();
        assert!(
            text.contains("1. The guide (orientation): read by 1 of 2."),
            "{text}"
        );
        assert!(text.contains("Not yet: A2 bo"), "{text}");
        assert!(
            text.contains("3. The checklist (the first month): nobody has reached this stage yet."),
            "{text}"
        );
        let dev = Scene::for_user("dev").with_programmes(vec![programme()]);
        let refused = progress(&dev.ctx(), &room("coordinators"), None);
        assert!(
            records(&refused)
                .iter()
                .any(|e| matches!(e, Effect::LogRefusal { .. }))
        );
        assert_eq!(parse_staff("resources"), Some(None));
        assert_eq!(
            parse_staff("resources Pathways"),
            Some(Some("pathways".into()))
        );
        assert_eq!(parse_staff("resources for mentors please"), None);
    }
}
