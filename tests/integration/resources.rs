//! Resources by stage (issue #24): a participant lists what to read now (`resources`),
//! marks one read (`done <n>`), and the orientation the screening asks for is acknowledged
//! by reading its guide; the coordinators see who has read each; a resource file is sent
//! as a file; a resource that is not a web link or a file beside the programme is refused
//! at its line.

use crate::console::tandem;
use crate::languages::{has, run, to};
use crate::support::{MENTEE_ANSWERS, repo_root};

/// `who` applies as a mentee to the example programme and submits.
pub(crate) fn applies(who: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut lines: Vec<(&str, &str)> = MENTEE_ANSWERS.iter().map(|l| (who, *l)).collect();
    lines.push((who, "submit"));
    lines
}

#[test]
fn the_orientation_guide_read_with_done_acknowledges_the_step_and_coordinators_see_who_read_it() {
    let mut lines = vec![("amina", "resources")];
    lines.extend(applies("amina"));
    lines.extend([
        // The orientation's prompt shows the guide, numbered: `done 1` answers it.
        ("amina", "done 1"),
        ("amina", "status"),
        ("amina", "resources"),
        ("amina", "resources all"),
        ("amina", "done 1"),
        ("amina", "done 7"),
        ("carol in coordinators", "!tandem resources"),
    ]);
    let stdout = run(&lines);
    let amina = to(&stdout, "amina");
    has(&amina, "Resources come with a programme");
    has(
        &amina,
        "1. Welcome to Pathways: the 10-minute guide — https://pathways.example.org/welcome",
    );
    has(&amina, "you're ready to be matched");
    has(&amina, "✓ Orientation and code of conduct: acknowledged");
    has(
        &amina,
        "Nothing to read for now (training): you've read everything for this stage.",
    );
    has(&amina, "✓ 1. Welcome to Pathways");
    has(&amina, "3. Your first meeting: a checklist");
    has(&amina, "You already marked “Welcome to Pathways");
    has(
        &amina,
        "I can't find resource “7”. Yours are numbered 1, 3, 4, 5",
    );
    // Once answered, the orientation is not asked again.
    let asked = amina
        .iter()
        .filter(|m| m.starts_with("Orientation and code of conduct —"))
        .count();
    assert_eq!(asked, 1, "{}", amina.join("\n---\n"));
    assert!(
        stdout
            .contains("1. Welcome to Pathways: the 10-minute guide (orientation): read by 1 of 1."),
        "{stdout}"
    );
    assert!(
        stdout.contains("2. Mentor training: listening, goals and boundaries (training): nobody has reached this stage yet."),
        "{stdout}"
    );
}

#[test]
fn acknowledging_the_orientation_marks_its_guide_read_and_resources_speak_the_readers_language() {
    let mut lines = vec![("bea", "idioma es")];
    lines.extend(applies("bea"));
    lines.extend([
        ("bea", "Estoy de acuerdo"),
        ("bea", "hecho 1"),
        ("bea", "recursos todos"),
        ("bea", "recursos 3"),
        ("bea", "لغة ar"),
        ("bea", "موارد ١"),
    ]);
    let stdout = run(&lines);
    let bea = to(&stdout, "bea");
    has(
        &bea,
        "Bienvenida a Pathways: la guía de 10 minutos — https://pathways.example.org/es/welcome",
    );
    has(
        &bea,
        "Ya marcaste «Bienvenida a Pathways: la guía de 10 minutos» como leído",
    );
    has(&bea, "Todos los recursos para ti:");
    has(&bea, "Cuando lo hayas leído, escribe hecho 3.");
    // Arabic (the number in Arabic-Indic digits): the programme's own title and link.
    has(&bea, "مرحبًا بك في باثوايز");
    has(&bea, "https://pathways.example.org/ar/welcome");
}

/// A copy of the example programme in `dir`, with `extra` appended, checked by
/// `tandem check-config`: its output.
fn check(dir: &std::path::Path, extra: &str) -> (bool, String) {
    let base = std::fs::read_to_string(repo_root().join("config/programs/example.toml")).unwrap();
    let file = dir.join("example.toml");
    std::fs::write(&file, format!("{base}\n{extra}")).unwrap();
    let out = tandem(&["check-config", &file.display().to_string()], "");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn a_resource_that_is_no_web_link_or_file_beside_the_programme_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out) = check(
        dir.path(),
        r#"
[[resources]]
id = "script"
title = "A trap"
link = "javascript:alert(1)"
stage = "orientation"

[[resources]]
id = "outside"
title = "Outside"
file = "../secrets.txt"
stage = "training"

[[resources]]
id = "later"
title = "Later"
link = "https://example.org"
stage = "someday"

[[resources]]
id = "missing"
title = "Missing"
file = "nowhere.pdf"
stage = "closure"
"#,
    );
    assert!(!ok, "{out}");
    for expected in [
        "`link` must be an http or https address",
        "`file` is named from the programme file's folder, and stays inside it",
        "unknown stage `someday`",
        "cannot read the resource file",
    ] {
        assert!(out.contains(expected), "{expected}: {out}");
    }
    assert!(
        out.contains("example.toml:"),
        "each at its file and line: {out}"
    );
}

#[test]
fn a_resource_file_is_sent_as_a_file_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let programmes = dir.path().join("programs");
    std::fs::create_dir_all(programmes.join("pathways")).unwrap();
    std::fs::write(
        programmes.join("pathways/code-of-conduct.txt"),
        "Be kind. Keep contact on the programme's chat.\n",
    )
    .unwrap();
    let base = std::fs::read_to_string(repo_root().join("config/programs/example.toml")).unwrap();
    std::fs::write(
        programmes.join("example.toml"),
        format!(
            "{base}\n[[resources]]\nid = \"conduct\"\ntitle = \"The code of conduct\"\nfile = \"pathways/code-of-conduct.txt\"\nstage = \"orientation\"\n"
        ),
    )
    .unwrap();
    let settings = dir.path().join("tandem.toml");
    std::fs::write(
        &settings,
        format!(
            "data_dir = {:?}\nprogrammes_dir = {:?}\n",
            dir.path().join("data").display().to_string(),
            programmes.display().to_string()
        ),
    )
    .unwrap();
    let mut input: String = MENTEE_ANSWERS
        .iter()
        .map(|l| format!("amina: {l}\n"))
        .collect();
    input.push_str(
        "amina: submit\namina: I agree\namina: resources all\namina: resources 6\namina: done 6\n",
    );
    let out = tandem(
        &["console", "--config", &settings.display().to_string()],
        &input,
    );
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let amina = to(&stdout, "amina");
    has(
        &amina,
        "6. The code of conduct — a file: type resources 6 and I'll send it",
    );
    assert!(stdout.contains("code-of-conduct.txt"), "{stdout}");
    has(
        &amina,
        "Thank you: “The code of conduct” is marked as read.",
    );
    let saved = walk(&dir.path().join("data"))
        .into_iter()
        .find(|p| p.ends_with("code-of-conduct.txt"))
        .expect("the file was sent");
    assert_eq!(
        std::fs::read_to_string(saved).unwrap(),
        "Be kind. Keep contact on the programme's chat.\n"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
