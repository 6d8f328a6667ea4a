//! Languages (issue #24): a person chooses theirs with `language` (or `idioma`, `لغة`) and
//! everything Tandem writes to them is in it, the programme's own texts included where the
//! programme translated them; answers work in any language and in any script's digits;
//! the coordinators' card stays in the deployment's language.

use crate::console::tandem;

/// Every message to `who`, as the console printed it (continuation lines joined).
pub(crate) fn to(stdout: &str, who: &str) -> Vec<String> {
    printed(stdout, &format!("[dm {who}] "))
}

/// Every message the console printed after `prefix` (`[room coordinators] `), with its
/// continuation lines joined.
pub(crate) fn printed(stdout: &str, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut mine = false;
    for line in stdout.lines() {
        if let Some(more) = line.strip_prefix("  ") {
            if mine && let Some(last) = out.last_mut() {
                last.push('\n');
                last.push_str(more);
            }
            continue;
        }
        mine = line.starts_with(prefix);
        if mine {
            out.push(line[prefix.len()..].to_string());
        }
    }
    out
}

pub(crate) fn run(lines: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("languages.db").display().to_string();
    let input: String = lines
        .iter()
        .map(|(who, l)| format!("{who}: {l}\n"))
        .collect();
    let out = tandem(&["console", "--database", &db], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub(crate) fn has(messages: &[String], words: &str) {
    assert!(
        messages.iter().any(|m| m.contains(words)),
        "no message has “{words}”:\n{}",
        messages.join("\n---\n")
    );
}

#[test]
fn an_application_in_spanish_reads_in_spanish_and_takes_spanish_answers() {
    let stdout = run(&[
        ("ana", "hola"),
        ("ana", "idioma español"),
        ("ana", "apply mentee"),
        ("ana", "Ana"),
        ("ana", "diecinueve"),
        ("ana", "19"),
        ("ana", "Europe/Madrid"),
        ("ana", "Spanish, English"),
        // An option by a word of its Spanish label.
        ("ana", "primer empleo"),
        ("ana", "tecnología, salud"),
        ("ana", "preparar entrevistas"),
        ("ana", "sí"),
        ("ana", "Hice prácticas en una tienda."),
        ("ana", "Quiero un trabajo en tecnología y más confianza."),
        ("ana", "3"),
        ("ana", "skip"),
        ("ana", "Estoy de acuerdo"),
        ("ana", "submit"),
        ("ana", "ya lo leí"),
        ("ana", "Estoy de acuerdo"),
        ("ana", "status"),
        ("ana", "help"),
        ("ana", "withdraw"),
        ("ana", "no"),
        ("ana", "my data"),
    ]);
    let ana = to(&stdout, "ana");
    // The first help offers every other language, each in its own words.
    has(&ana, "🌐 En español: escribe idioma es");
    has(&ana, "🌐 بالعربية: اكتب لغة ar");
    has(&ana, "A partir de ahora te escribiré en Español.");
    has(
        &ana,
        "¡Bienvenida o bienvenido a Mentoría Pathways 2027! Pathways une a jóvenes",
    );
    has(
        &ana,
        "Pregunta 2 de 12: ¿Cuántos años tienes?\nPathways es para personas de 16 a 30 años.\nResponde con un número entero de 10 a 99.",
    );
    // A wrong answer: why, in Spanish, and nothing else.
    has(
        &ana,
        "Responde con un número entero de 10 a 99, por ejemplo: 54.\n(Escribe repeat para ver la pregunta otra vez.)",
    );
    has(
        &ana,
        "1. Estudio o me estoy formando\n2. Busco mi primer empleo",
    );
    has(&ana, "Responde sí o no.\n1. Sí\n2. No");
    // The review shows the options picked in Spanish.
    has(
        &ana,
        "5. Situación actual: Busco mi primer empleo\n6. Sectores de interés: Tecnología, Salud\n7. Objetivos: Preparar entrevistas\n8. Experiencia laboral: Sí",
    );
    has(&ana, "12. Algo más: (omitida)");
    has(
        &ana,
        "¡Gracias! Tu solicitud a Mentoría Pathways 2027 como mentee se ha enviado y cumple los criterios del programa",
    );
    has(&ana, "• Orientación y código de conducta");
    // Where she stands, what she can type, and a word that is no command: in Spanish.
    has(
        &ana,
        "Tus solicitudes:\n• Mentoría Pathways 2027, como mentee (A1, enviada el ",
    );
    // The orientation she must read, in Spanish; anything but agreeing asks again.
    has(
        &ana,
        "Orientación y código de conducta — Mentoría Pathways 2027\n\nPathways en resumen:",
    );
    has(
        &ana,
        "Cuando lo hayas leído, responde «Estoy de acuerdo» para confirmarlo.\n1. Estoy de acuerdo",
    );
    has(&ana, "Responde «Estoy de acuerdo» cuando lo hayas leído.");
    has(&ana, "Gracias, queda registrado.");
    has(&ana, "✓ Orientación y código de conducta: confirmado (");
    has(
        &ana,
        "¿Seguro que quieres retirar tu solicitud a Mentoría Pathways 2027 como mentee?",
    );
    has(&ana, "Bien: tu solicitud sigue como está.");
    has(
        &ana,
        "Aquí tienes todo lo que Tandem guarda sobre ti, en un archivo JSON",
    );
    has(
        &ana,
        "Puedes escribir:\napply — presentarte como mentor o como mentee",
    );
    has(&ana, "🌐 In English: type language en");
}

#[test]
fn an_application_in_arabic_takes_arabic_indic_digits_and_arabic_commas_and_words() {
    let stdout = run(&[
        ("sara", "لغة العربية"),
        ("sara", "apply"),
        ("sara", "٢"),
        ("sara", "سارة"),
        ("sara", "١٧"),
        ("sara", "UTC+3"),
        ("sara", "العربية، English"),
        ("sara", "أبحث عن أول وظيفة لي"),
        ("sara", "التكنولوجيا، ٢"),
        ("sara", "٤"),
        ("sara", "لا"),
        ("sara", "أريد أن أجد عملًا في مجال التكنولوجيا وأن أثق بنفسي."),
        ("sara", "٤"),
        ("sara", "skip"),
        ("sara", "أوافق"),
        ("sara", "submit"),
        ("sara", "statsu"),
        ("sara", "delete my data"),
        ("sara", "لا، احتفظ بها"),
        ("sara", "language"),
        ("sara", "language en"),
        ("sara", "status"),
    ]);
    let sara = to(&stdout, "sara");
    has(&sara, "من الآن فصاعدًا سأكتب إليك بـ\u{2068}العربية\u{2069}.");
    has(
        &sara,
        "2. متدرب — عمرك بين 16 و30 عامًا وتريد مساعدة في إيجاد عمل",
    );
    has(&sara, "رائع، أنت تقدّم بصفة \u{2068}متدرب\u{2069}.");
    has(
        &sara,
        "السؤال \u{2068}2\u{2069} من \u{2068}12\u{2069}: \u{2068}كم عمرك؟\u{2069}",
    );
    // Arabic-Indic digits read as numbers, an Arabic comma separates options.
    has(&sara, "2. العمر: 17");
    has(&sara, "6. المجالات التي تهمك: التكنولوجيا، الرعاية الصحية");
    has(&sara, "8. الخبرة العملية: لا");
    has(&sara, "10. الساعات في الشهر: 4");
    has(
        &sara,
        "شكرًا لك! تم إرسال طلبك إلى \u{2068}برنامج باثوايز للإرشاد 2027\u{2069}",
    );
    // A word that is no command: said in Arabic, with the command it was probably meant.
    has(
        &sara,
        "عذرًا، لم أفهم ذلك. هل تقصد \u{2068}\u{2069}\u{2068}status\u{2069}؟",
    );
    // Deleting her data is asked in Arabic, and the button's words typed back count.
    has(&sara, "هل تريد أن أحذف بياناتك؟");
    has(&sara, "حسنًا: لم يُحذف شيء.");
    // `language` alone lists them; English again from then on.
    has(&sara, "English (en), Español (es), العربية (ar)");
    has(&sara, "From now on I'll write to you in English.");
    // The coordinators' card: in English, with the digits as everyone reads them.
    assert!(
        stdout.contains("[room coordinators] Application A1"),
        "{stdout}"
    );
    assert!(stdout.contains("    Age: 17\n"), "{stdout}");
}

/// A report is where a young person most needs their own language: its questions are in
/// it, and yes, no and "I'd rather not say" work in it.
#[test]
fn a_report_in_spanish_asks_in_spanish_and_takes_spanish_answers() {
    let stdout = run(&[
        ("ana", "idioma es"),
        ("ana", "report"),
        ("ana", "1"),
        ("ana", "prefiero no decirlo"),
        (
            "ana",
            "Alguien me escribió cosas feas en la sala del grupo ayer.",
        ),
        ("ana", "skip"),
        ("ana", "quizás"),
        ("ana", "sí"),
        ("ana", "no"),
        ("ana", "sí"),
    ]);
    let ana = to(&stdout, "ana");
    has(&ana, "Siento que haya pasado algo. Este reporte es privado");
    has(&ana, "¿Qué quieres reportar?");
    has(&ana, "¿A quién o a qué se refiere?");
    has(&ana, "Responde sí o no.");
    has(&ana, "¿Quieres mantener tu anonimato ante la moderación?");
    has(&ana, "¿Envío este reporte?");
    // Its evidence step and its last look too.
    has(
        &ana,
        "¿Hay algo que lo muestre, como enlaces a mensajes, capturas de pantalla o una descripción?",
    );
    has(&ana, "Tu reporte:\n• Qué: ");
    has(&ana, "• A quién o qué concierne: (sin indicar)");
    has(
        &ana,
        "• Pruebas: (ninguna)\n• Urgente: sí\n• Anónimo para el equipo de moderación: no",
    );
    assert!(stdout.contains("[room moderators] Case #1"), "{stdout}");
    // Its case number, and what happens next, in Spanish too.
    has(
        &ana,
        "Gracias. Tu reporte es el caso n.º 1. El equipo de moderación lo revisará con prioridad;",
    );
}

both_backends! {
    async fn a_language_the_platform_reports_and_tandem_does_not_speak_is_said_once(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        let bea = crate::support::user("discord:88");
        // Discord reports Portuguese for Bea, who chose no language.
        h.app.guess_language(&bea, "pt-BR");
        let out = h.dm_all("discord:88", "status").await;
        assert!(out.contains("I don't speak “pt-BR” yet. I can write in: English (en), Español (es)"), "{out}");
        assert!(out.contains("You have no applications yet"), "the reply comes too: {out}");
        h.app.guess_language(&bea, "pt-BR");
        let out = h.dm_all("discord:88", "status").await;
        assert!(!out.contains("I don't speak"), "said once: {out}");
        // A language Tandem speaks is taken as the first guess, and nothing is said.
        let ana = crate::support::user("discord:89");
        h.app.guess_language(&ana, "es-ES");
        let out = h.dm_all("discord:89", "status").await;
        assert!(!out.contains("I don't speak") && !out.contains("No hablo"), "{out}");
    }
}

both_backends! {
    async fn a_match_offer_and_a_check_in_are_said_and_answered_in_spanish(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", "coordinators", "!tandem match propose").await;
        let out = h.in_room("carol", "coordinators", "!tandem match approve 1").await;
        assert!(out.contains("[dm amina] Buenas noticias de Mentoría Pathways 2027: nos gustaría emparejarte con Grace como tu mentor o mentora."), "{out}");
        assert!(out.contains("¿Quieres aceptar? Responde antes del"), "{out}");
        // Why, in the programme's Spanish: its criteria's names and the shared answer's label.
        assert!(out.contains("Lo que tienen en común:\n• Objetivos en común: Escribir un currículum, Preparar entrevistas\n• Sector: Tecnología\n• Horas de día en común: 9 horas\n"), "{out}");
        let out = h.dm_all("amina", "Aceptar").await;
        assert!(!out.contains("Responde aceptar o rechazar"), "the label in Spanish is an answer: {out}");
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("Match M1 (Amina ↔ Grace) is active"), "{out}");
        // The first check-in, a fortnight in.
        h.clock.advance(chrono::Duration::days(15));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Seguimiento de Mentoría Pathways 2027 sobre tu mentoría con Grace"), "{out}");
        let out = h.dm_all("amina", "sí").await;
        assert!(out.contains("¡Genial, gracias por contárnoslo!"), "{out}");
    }
}

both_backends! {
    async fn a_survey_is_asked_in_spanish_and_its_labels_answer_it(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        crate::pairing::ready_mentee(&h, "bea", "Bea").await;
        h.in_room("carol", "coordinators", "!tandem survey send midpoint mentees").await;
        let out = h.in_room("carol", "coordinators", "!tandem confirm").await;
        // The programme's translation of its survey, and Tandem's own words around it.
        assert!(out.contains("[dm amina] Encuesta de mitad de programa de Mentoría Pathways 2027: Vas por la mitad de Pathways"), "{out}");
        assert!(out.contains("Tus respuestas son anónimas"), "{out}");
        assert!(out.contains("Son 4 preguntas, abierta hasta el 25 de enero."), "{out}");
        assert!(out.contains("¿Qué tan contento o contenta estás con tu mentoría hasta ahora?"), "{out}");
        // Bea chose no language: the programme's own words.
        assert!(out.contains("[dm bea] Midpoint survey from Pathways Mentoring 2027"), "{out}");
        // A scale's label in Spanish answers it; sí answers a yes/no question.
        let out = h.dm_all("amina", "Contento").await;
        assert!(out.contains("¿Más o menos cuántas veces se han reunido hasta ahora?"), "{out}");
        h.dm_all("amina", "٣").await;
        let out = h.dm_all("amina", "help").await;
        assert!(out.contains("Estás respondiendo Encuesta de mitad de programa (Mentoría Pathways 2027), pregunta 3 de 4."), "{out}");
        h.dm_all("amina", "sí").await;
        let out = h.dm_all("amina", "skip").await;
        assert!(out.contains("¡Gracias! Tus respuestas a Encuesta de mitad de programa están guardadas, sin tu nombre."), "{out}");
    }
}

both_backends! {
    async fn a_pair_who_both_read_arabic_have_their_room_their_milestones_and_certificates_in_arabic(db: TestDb) {
        use tandem::platforms::recording::Target;
        let h = crate::support::Harness::new(&db).await;
        for who in ["amina", "grace"] {
            h.dm_all(who, "لغة ar").await;
        }
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", "coordinators", "!tandem match propose").await;
        h.in_room("carol", "coordinators", "!tandem match approve 1").await;
        h.dm_all("amina", "قبول").await;
        let out = h.dm_all("grace", "قبول").await;
        // The room's kickoff, with the programme's own ground rules in Arabic.
        assert!(out.contains("[room room-1] أهلًا بكما، \u{2068}Amina\u{2069} و\u{2068}Grace\u{2069}!"), "{out}");
        assert!(out.contains("القواعد الأساسية: \u{2068}أبقيا محادثاتكما في هذه الغرفة"), "{out}");
        assert!(!out.contains("Ground rules"), "{out}");
        let out = h.in_room("amina", "room-1", "!tandem agree").await;
        assert!(out.contains("وافق \u{2068}Amina\u{2069}."), "{out}");
        // A week in, the first milestone in the programme's Arabic.
        h.clock.advance(chrono::Duration::days(8));
        let out = h.sweep().await;
        assert!(out.contains("[room room-1] مضى أسبوع!"), "{out}");
        // The planned end: the summary in the room, and each one's certificate, drawn in Arabic.
        h.clock.set(chrono::DateTime::parse_from_rfc3339("2027-07-12T00:00:00Z").unwrap().with_timezone(&chrono::Utc));
        let sent = h.sweep_sent().await;
        let out = crate::support::transcript(&sent);
        assert!(out.contains("[room room-1] قبل ستة أشهر بدأتما الإرشاد معًا"), "{out}");
        assert!(out.contains("ما فعلتماه معًا:"), "{out}");
        assert!(out.contains("[dm amina] تهانينا يا \u{2068}Amina\u{2069}! لقد أتممت الإرشاد بصفتك متدربًا"), "{out}");
        assert!(out.contains("شهادتك مرفقة."), "the certificate was drawn, every letter of it: {out}");
        let certificate = sent
            .iter()
            .filter(|s| s.target == Target::Dm(crate::support::user("grace")))
            .find_map(|s| s.message.attachment.clone())
            .unwrap_or_else(|| panic!("no certificate: {out}"));
        assert_eq!(certificate.mime, "image/png");
    }
}

both_backends! {
    async fn a_pair_who_read_different_languages_have_their_room_in_the_deployments(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.in_room("carol", "coordinators", "!tandem match propose").await;
        h.in_room("carol", "coordinators", "!tandem match approve 1").await;
        h.dm_all("amina", "aceptar").await;
        let out = h.dm_all("grace", "accept").await;
        assert!(out.contains("[room room-1] Welcome, Amina and Grace!"), "{out}");
        assert!(out.contains("Ground rules: Keep your conversations in this room"), "{out}");
    }
}

both_backends! {
    async fn a_spanish_pair_finds_a_time_in_spanish_with_days_written_in_spanish(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        for who in ["amina", "grace"] {
            h.dm_all(who, "idioma es").await;
        }
        crate::pairing::active_match(&h).await; // Amina in Nairobi, Grace
        // Days in Spanish are read; what is said back is in Spanish.
        let out = h.dm_all("amina", "availability lun y mié 18-20").await;
        assert!(out.contains("Guardado: estás libre lun 18:00–20:00, mié 18:00–20:00 (Africa/Nairobi)."), "{out}");
        let out = h.in_room("grace", "room-1", "!tandem meet").await;
        assert!(out.contains("Grace aún no los ha indicado."), "{out}");
        h.in_room("grace", "room-1", "!tandem availability zone Lagos").await;
        let out = h.in_room("grace", "room-1", "!tandem availability miércoles 16-19").await;
        assert!(out.contains("Guardado: estás libre mié 16:00–19:00 (Africa/Lagos)."), "{out}");
        let out = h.in_room("amina", "room-1", "!tandem meet").await;
        assert!(out.contains("Momentos en que ambos están libres durante 1 h en las próximas dos semanas:\n1. mié 13 ene, 18:00–19:00 para Amina (Africa/Nairobi) · mié 13 ene, 16:00–17:00 para Grace (Africa/Lagos)"), "{out}");
        let out = h.in_room("amina", "room-1", "!tandem availability sometimes").await;
        assert!(out.contains("No pude leer “sometimes” en tus horarios."), "{out}");
        // A conversation starter from the programme's bank, in its Spanish.
        let out = h.in_room("grace", "room-1", "!tandem idea").await;
        assert!(out.contains("[room room-1] Algo de lo que hablar: ¿Qué haría que estos seis meses fueran un éxito para cada uno?"), "{out}");
    }
}

both_backends! {
    async fn a_spanish_mentee_browses_mentors_and_asks_one_in_spanish(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        let grace = crate::pairing::ready_mentor_taking(&h, "grace", "Grace", "Technology", "2").await;
        h.dm_all("grace", "profile show 4").await;
        let out = h.dm_all("amina", "browse").await;
        assert!(out.contains("Mentores de Mentoría Pathways 2027 con hueco que encajan contigo, primero los que más (1 de 1):"), "{out}");
        assert!(out.contains(&format!("{grace}. Grace — encaja contigo: ")), "{out}");
        assert!(out.contains(&format!("Para pedírselo a uno: request <número> [unas palabras para esa persona], por ejemplo: request {grace}")), "{out}");
        let out = h.dm_all("amina", "request 999").await;
        assert!(out.contains("Ahora mismo no hay ningún mentor 999 al que puedas pedírselo en Mentoría Pathways 2027"), "{out}");
        let out = h.dm_all("amina", &format!("request {grace} ¡Hola!")).await;
        assert!(out.contains("[dm amina] Le he pedido a Grace que sea tu mentor. Tiene hasta el "), "{out}");
        let out = h.dm_all("amina", "browse").await;
        assert!(out.contains("Ya se lo has pedido a Grace y estamos esperando su respuesta (como muy tarde el "), "{out}");
        // Her profile, a mistyped one, and a transcript she cannot have yet.
        let out = h.dm_all("amina", "profile").await;
        assert!(out.contains("Tu perfil en "), "{out}");
        assert!(out.contains("Uso: profile · profile show"), "{out}");
        let out = h.dm_all("amina", "profile show x").await;
        assert!(out.contains("«x» no es uno de los números de la lista."), "{out}");
        let out = h.dm_all("amina", "transcript").await;
        assert_eq!(out, "[dm amina] No tienes ninguna sala de pareja de la que enviarte una transcripción.");
    }
}

both_backends! {
    async fn a_reporter_is_asked_and_told_the_outcome_in_their_language(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        h.dm_all("amina", "report").await;
        let mut all = String::new();
        for line in ["2", "Tom", "no", "Me pidió que no se lo contara a nadie.", "listo", "no", "sí", "sí"] {
            all.push_str(&h.dm_all("amina", line).await);
        }
        assert!(all.contains("Gracias. Tu reporte es el caso n.º 1."), "{all}");
        assert!(all.contains(", sin saber quién eres."), "anonymous: {all}");
        h.in_room("mo", "moderators", "!tandem case claim 1").await;
        let out = h.in_room("mo", "moderators", "!tandem case ask 1 When did this start?").await;
        assert!(out.contains("[dm amina] El equipo de moderación tiene una pregunta sobre tu reporte (caso n.º 1):\n\n“When did this start?”\n\nResponde aquí, por favor;"), "{out}");
        let out = h.dm_all("amina", "Hace dos semanas.").await;
        assert!(out.contains("[dm amina] Gracias; le he pasado tu respuesta al equipo de moderación."), "{out}");
        assert!(out.contains("[room moderators] Reply from the reporter of case #1:"), "{out}");
        let out = h.in_room("mo", "moderators", "!tandem case resolve 1 We spoke to Tom's coordinator.").await;
        assert!(out.contains("[dm amina] Novedades sobre tu reporte (caso n.º 1) del equipo de moderación"), "{out}");
        assert!(out.contains("Lo que hicimos: We spoke to Tom's coordinator."), "{out}");
        // The escalation contact works cases by DM, in the language they chose.
        h.dm_all("lead", "idioma es").await;
        let out = h.dm_all("lead", "cases").await;
        assert_eq!(out, "[dm lead] No hay casos abiertos.");
        let out = h.dm_all("lead", "case show 9").await;
        assert_eq!(out, "[dm lead] No hay ningún caso n.º 9.");
    }
}

both_backends! {
    async fn an_applicant_hears_each_decision_and_screening_step_in_their_language(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("grace", "idioma es").await;
        let mut lines = crate::support::MENTOR_ANSWERS.to_vec();
        lines[1] = "Grace";
        for line in lines.iter().chain(["submit"].iter()) {
            h.dm_all("grace", line).await;
        }
        let id = h.store.applications_of(&crate::support::user("grace")).await.unwrap()[0].id;
        let out = h.in_room("carol", "coordinators", &format!("!tandem approve {id}")).await;
        assert!(out.contains("[dm grace] Buenas noticias: ¡tu solicitud a "), "{out}");
        assert!(out.contains("Antes de poder emparejarte, quedan algunos pasos:"), "{out}");
        assert!(out.contains(&format!("[room coordinators] Application A{id} (Grace, mentor) approved by carol.")), "{out}");
        let out = h.in_room("carol", "coordinators", &format!("!tandem step {id} interview scheduled 2027-01-20 18:00")).await;
        assert!(out.contains("está programada para el miércoles 20 de enero, 18:00 ("), "{out}");
        h.dm_all("grace", "I agree").await;
        h.in_room("carol", "coordinators", &format!("!tandem step {id} interview done")).await;
        h.in_room("carol", "coordinators", &format!("!tandem step {id} training done")).await;
        let out = h.in_room("carol", "coordinators", &format!("!tandem step {id} background_check cleared until 2099-01-01")).await;
        assert!(out.contains("[dm grace] Completaste todos los pasos de "), "{out}");
        assert!(out.contains("ya puedes ser emparejado o emparejada!"), "{out}");
    }
}

both_backends! {
    async fn a_question_to_the_team_and_its_answer_are_in_the_askers_language(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        let out = h.dm_all("amina", "ask the team").await;
        assert!(out.contains("¿Qué quieres preguntar? Escribe ask the team seguido de tu pregunta"), "{out}");
        let out = h.dm_all("amina", "ask the team ¿Cuándo es el próximo encuentro?").await;
        assert!(out.contains("[dm amina] Enviado al equipo del programa; su respuesta te llegará aquí."), "{out}");
        assert!(out.contains("[room coordinators] Question Q1 from Amina"), "{out}");
        let out = h.in_room("carol", "coordinators", "!tandem reply Q1 The 3rd of March, online.").await;
        assert!(out.contains("[dm amina] El equipo del programa responde a tu pregunta “¿Cuándo es el próximo encuentro?”: The 3rd of March, online."), "{out}");
        assert!(out.contains("Answer to Q1 sent to Amina"), "{out}");
    }
}

both_backends! {
    async fn a_quiet_pair_its_staff_member_and_a_lapsing_check_are_told_in_each_readers_language(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        h.dm_all("grace", "لغة ar").await;
        h.dm_all("carol", "idioma es").await;
        crate::pairing::active_match(&h).await;
        // carol looks after the new pair, and reads of it in Spanish.
        let out = h.sweep().await;
        assert!(out.contains("[dm carol] Te ocupas de una pareja nueva: M1 (Amina ↔ Grace), Mentoría Pathways 2027. Tu primer seguimiento con ellos vence el 25 de enero de 2027: regístralo en la sala de coordinación con !tandem checkin M1"), "{out}");
        h.in_room("carol", "coordinators", "!tandem checkin M1 by call: a good start").await;
        h.in_room("carol", "coordinators", "!tandem checkin M1 by call: still fine").await;
        // Grace's check lapses in March: she is warned in Arabic (the check's name in the
        // programme's Arabic).
        h.in_room("carol", "coordinators", "!tandem step A2 background_check cleared until 2027-03-01").await;

        h.clock.advance(chrono::Duration::days(22));
        let out = h.sweep().await;
        assert!(out.contains("[dm carol] Emparejamiento en riesgo: M1 (Amina ↔ Grace), Mentoría Pathways 2027: en silencio desde hace 22 días. Tú te ocupas de esta pareja."), "{out}");
        assert!(out.contains("[dm grace] تنتهي صلاحية \u{2068}التحقق من السجل\u{2069} الخاص بك"), "{out}");
        // The coordinators' room is in the deployment's language.
        assert!(out.contains("[room coordinators] The background check of A2 (Grace) expires on 1 March 2027, in 27 days; Grace is in active match M1 (Amina ↔ Grace)."), "{out}");
        // A month without a word: each is asked in their own language.
        h.clock.advance(chrono::Duration::days(8));
        let out = h.sweep().await;
        assert!(out.contains("[dm amina] Hola, Amina: hace 30 días que nadie escribe en la sala que compartes con Grace (Mentoría Pathways 2027)."), "{out}");
        assert!(out.contains("[dm grace] مرحبًا \u{2068}Grace\u{2069}، مضى "), "{out}");
        assert!(out.contains("يومًا"), "{out}");
    }
}

both_backends! {
    async fn the_coordinators_lists_and_cards_are_in_the_deployments_language(db: TestDb) {
        let es = tandem::i18n::Locale::from_tag("es").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = es).await;
        // The pair read English; the coordinators' room reads the deployment's Spanish.
        for who in ["amina", "grace", "bea"] {
            h.dm_all(who, "language en").await;
        }
        crate::pairing::active_match(&h).await;
        crate::pairing::ready_mentee(&h, "bea", "Bea").await;
        let room = "coordinators";
        let out = h.in_room("carol", room, "!tandem matches").await;
        assert!(out.contains("1 emparejamiento abierto:\nM1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · demasiado pronto para saberlo · desde el 11 de enero de 2027"), "{out}");
        assert!(out.contains("Escribe !tandem match show <número> para ver uno."), "{out}");
        let out = h.in_room("carol", room, "!tandem match show M1").await;
        for expected in [
            "M1 · Mentoría Pathways 2027 · activo · demasiado pronto para saberlo",
            "Mentee: Amina (A1, console:amina) — aceptó",
            "A cargo de carol · 0 seguimientos del equipo, el próximo hasta el 25 de enero de 2027",
            "Siguiente: !tandem checkin M1 <notas> · !tandem message M1 <texto>",
        ] {
            assert!(out.contains(expected), "«{expected}» in:\n{out}");
        }
        let out = h.in_room("carol", room, "!tandem who ami").await;
        assert!(out.contains("1 persona responde a «ami»:\nAmina (console:amina)"), "{out}");
        let out = h.in_room("carol", room, "!tandem queue").await;
        assert!(out.contains("No hay solicitudes esperando revisión."), "{out}");
        let out = h.in_room("carol", room, "!tandem screening summary").await;
        assert!(out.contains("Resumen de selección\nMentoría Pathways 2027 (3 solicitudes)"), "{out}");
        let out = h.in_room("carol", room, "!tandem surveys").await;
        assert!(out.contains("Encuestas:\n• "), "{out}");
        assert!(out.contains("anónima, 3 preguntas): aún no enviada"), "{out}");
        let out = h.in_room("carol", room, "!tandem survey send midpoint mentees").await;
        assert!(out.contains("¿Enviar Encuesta de mitad de programa a 2 personas (2 mentees) de Mentoría Pathways 2027?"), "{out}");
        let out = h.in_room("carol", room, "!tandem report").await;
        assert!(out.contains("(Para informar de un incidente en privado, envíame report en un mensaje directo.)"), "{out}");
        let out = h.in_room("carol", room, "!tandem export nothing").await;
        assert!(out.contains("Uso: export <applications|matches|surveys|events|outcomes> [csv|json] [programa]"), "{out}");
    }

    async fn the_coordinators_lists_are_in_arabic_in_an_arabic_deployment(db: TestDb) {
        let ar = tandem::i18n::Locale::from_tag("ar").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = ar).await;
        let room = "coordinators";
        let out = h.in_room("carol", room, "!tandem queue").await;
        assert!(out.contains("لا توجد طلبات تنتظر المراجعة."), "{out}");
        let out = h.in_room("carol", room, "!tandem matches").await;
        assert!(out.contains("لا توجد ثنائيات مفتوحة."), "{out}");
        let out = h.in_room("carol", room, "!tandem who nobody-here").await;
        assert!(out.contains("لا أحد في برامجك يطابق «\u{2068}nobody-here\u{2069}»."), "{out}");
    }
}

both_backends! {
    async fn the_escalation_contacts_case_commands_are_listed_in_their_language_as_typed(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("lead", "idioma es").await;
        let out = h.dm_all("lead", "help").await;
        assert!(out.contains("[dm lead] Los casos que pueden tratarse de alguien del equipo de moderación son tuyos: trabájalos aquí, por mensaje directo, con estos comandos (sin prefijo):\nCasos:\n"), "{out}");
        // The commands stay as typed; what they do is in Spanish.
        assert!(out.contains("\n• case claim 4 — asumir el caso\n"), "{out}");
        assert!(!out.contains("take the case"), "{out}");
        h.dm_all("lead", "لغة ar").await;
        let out = h.dm_all("lead", "help").await;
        assert!(out.contains("\nالحالات:\n"), "{out}");
        assert!(out.contains("\n• case claim 4 — تولي الحالة\n"), "{out}");
        assert!(!out.contains("take the case"), "{out}");
    }
}

both_backends! {
    async fn what_tandem_cannot_read_is_refused_in_the_readers_language_its_examples_as_typed(db: TestDb) {
        let es = tandem::i18n::Locale::from_tag("es").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = es).await;
        let room = "coordinators";
        // A number of the wrong kind.
        let out = h.in_room("carol", room, "!tandem match show A3").await;
        assert!(out.contains("A3 es una solicitud; este comando espera un número de emparejamiento o de propuesta (como M7 o P3)."), "{out}");
        // An event's start and its series, the keys and the examples as typed.
        let out = h.in_room("carol", room, "!tandem event create title: Noche de carreras; start: someday 18:00").await;
        assert!(out.contains("start: «someday 18:00» no es una fecha y hora que sepa leer: escribe una fecha y una hora como 20/01/2028 18:00, tomorrow 9am o next Wednesday 6pm."), "{out}");
        let out = h.in_room("carol", room, "!tandem event create start: 2027-02-03 18:00 UTC").await;
        assert!(out.contains("Ponle un título al evento. Uso: event create title: <título>; start: <fecha y hora>"), "{out}");
        let out = h.in_room("carol", room, "!tandem event create title: X; start: 2027-02-03 18:00 UTC; repeat: every day until 2027-01-10").await;
        assert!(out.contains("La serie terminaría (10 de enero de 2027) antes de empezar (3 de febrero de 2027)."), "{out}");
        // Someone the moderators name whom Tandem does not know.
        let out = h.in_room("mo", "moderators", "!tandem suspend nadie").await;
        assert!(out.contains("No conozco a nadie llamado «nadie». Escríbelo con su id de Matrix"), "{out}");
    }

    async fn a_participant_who_reads_spanish_is_told_in_spanish_what_is_wrong_with_her_date(db: TestDb) {
        // An English deployment: her own language, and the examples as typed.
        let h = crate::support::Harness::new(&db).await;
        h.dm_all("amina", "idioma es").await;
        let out = h.dm_all("amina", "pause until soon").await;
        assert!(out.contains("[dm amina] «soon» no es una fecha que sepa leer: escribe una fecha como 20/01/2028, 20 January o next Wednesday."), "{out}");
        let out = h.dm_all("amina", "pause until 31 June").await;
        assert!(out.contains("[dm amina] No existe el 31 de junio."), "{out}");
    }

    async fn a_number_of_the_wrong_kind_is_refused_in_arabic_in_an_arabic_deployment(db: TestDb) {
        let ar = tandem::i18n::Locale::from_tag("ar").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = ar).await;
        let out = h.in_room("carol", "coordinators", "!tandem approve M3").await;
        assert!(out.contains("\u{2068}M3\u{2069} يشير إلى \u{2068}ثنائي\u{2069}؛ هذا الأمر يحتاج إلى \u{2068}رقم طلب (مثل A12)\u{2069}."), "{out}");
    }
}

both_backends! {
    async fn a_spanish_coordinator_reads_statuses_and_health_in_spanish_and_a_closing_member_chooses_in_spanish(db: TestDb) {
        let es = tandem::i18n::Locale::from_tag("es").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = es).await;
        for who in ["amina", "grace", "bea"] {
            h.dm_all(who, "language en").await;
        }
        crate::pairing::active_match(&h).await;
        // Bea, a mentor, waits for review.
        let mut answers = crate::support::MENTOR_ANSWERS.to_vec();
        answers[1] = "Bea";
        for line in answers.iter().chain(["submit"].iter()) {
            h.dm_all("bea", line).await;
        }
        let room = "coordinators";
        let english = ["too early", "on track", "active", "needs review", "not eligible", "eligible", "approved", "closed", "early)", "Match M", "meeting"];
        let no_english = |out: &str| {
            for word in english {
                assert!(!out.contains(word), "«{word}» in:\n{out}");
            }
        };

        // The matches and one match: its status, health and meetings in Spanish.
        let out = h.in_room("carol", room, "!tandem matches").await;
        assert!(out.contains("M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · demasiado pronto para saberlo · desde el "), "{out}");
        no_english(&out);
        let out = h.in_room("carol", room, "!tandem match show M1").await;
        assert!(out.contains("M1 · Mentoría Pathways 2027 · activo · demasiado pronto para saberlo"), "{out}");
        assert!(out.contains("Reuniones: ninguna registrada aún (el programa pide 2 h al mes)"), "{out}");
        no_english(&out);
        let out = h.in_room("carol", room, "!tandem who grace").await;
        assert!(out.contains("M1 · Amina ↔ Grace · activo"), "{out}");
        assert!(out.contains("A2 · pathways-2027 · mentor · "), "{out}");

        // The review queue and Bea's card: her status, the rules' outcome, in Spanish.
        let out = h.in_room("carol", room, "!tandem queue").await;
        assert!(out.contains("A3 Bea · pathways-2027 · mentor · pendiente de revisión · "), "{out}");
        no_english(&out);
        let out = h.in_room("carol", room, "!tandem screening summary").await;
        assert!(out.contains("mentores: pendiente de revisión: 1, lista: 1"), "{out}");
        no_english(&out);
        let out = h.in_room("carol", room, "!tandem show A3").await;
        assert!(out.contains("Solicitud A3 · Mentoría Pathways 2027 · "), "{out}");
        assert!(out.contains(" · pendiente de revisión\n"), "{out}");
        assert!(out.contains("Reglas de selección: requiere revisión"), "{out}");
        no_english(&out);
        h.in_room("carol", room, "!tandem approve A3").await;
        let out = h.in_room("carol", room, "!tandem show A3").await;
        assert!(out.contains("pendiente de revisión → aprobada por console:carol el "), "{out}");
        // (The reason stored with the decision stays as it was recorded.)
        assert!(!out.contains("needs review") && !out.contains("→ approved"), "{out}");
        let out = h.in_room("carol", room, "!tandem approve A3").await;
        assert!(out.contains("La solicitud A3 ya se decidió: aprobada por console:carol el "), "{out}");

        // Amina reads Spanish; she ends the match early, and chooses what next in Spanish.
        h.dm_all("amina", "idioma es").await;
        h.dm_all("amina", "close match we drifted apart").await;
        h.rec.take();
        h.app.receive(crate::support::dm("amina", "sí")).await;
        let sent = h.rec.take();
        let asked = sent
            .iter()
            .find(|s| matches!(&s.target, tandem::platforms::recording::Target::Dm(u) if u.id == "amina") && !s.message.choices.is_empty())
            .expect("amina is asked what next");
        assert!(asked.message.text.starts_with("¿Te gustaría un nuevo emparejamiento"), "{}", asked.message.text);
        let labels: Vec<&str> = asked.message.choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Tener un nuevo emparejamiento", "Tomarme un descanso"]);
        let out = h.dm_all("amina", "Tomarme un descanso").await;
        assert!(out.contains("[dm amina] Anotado: disfruta del descanso."), "{out}");
        // How it ended, in the room's Spanish.
        let out = h.in_room("carol", room, "!tandem close match 1 again").await;
        assert!(out.contains("El emparejamiento M1 (Amina ↔ Grace) ya se cerró el "), "{out}");
        assert!(out.contains(" (anticipado)."), "{out}");
        let out = h.in_room("carol", room, "!tandem matches ended").await;
        assert!(out.contains("M1 · Amina (A1) ↔ Grace (A2) · pathways-2027 · terminado (cerrado)"), "{out}");
        no_english(&out);
    }
}

both_backends! {
    async fn a_spanish_deployments_programme_report_and_survey_results_are_in_spanish(db: TestDb) {
        let es = tandem::i18n::Locale::from_tag("es").unwrap();
        let mut programmes = crate::support::example_programmes();
        // Results show from two answers, so that two mentees can give them.
        programmes[0].anonymity_minimum = 2;
        let rec = tandem::platforms::recording::Recording::new();
        let h = crate::support::Harness::build(&db, rec, programmes, |s| s.language = es).await;
        // The mentees read English; the coordinators' room, the deployment's Spanish.
        for who in ["amina", "bea"] {
            h.dm_all(who, "language en").await;
        }
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        crate::pairing::ready_mentee(&h, "bea", "Bea").await;
        let room = "coordinators";
        let out = h.in_room("carol", room, "!tandem survey results midpoint").await;
        assert!(out.contains("Encuesta de mitad de programa tiene 0 respuestas por ahora; los resultados se muestran a partir de 2 respuestas, para que no se puedan reconocer las respuestas de nadie."), "{out}");
        let out = h.in_room("carol", room, "!tandem survey send midpoint everyone else").await;
        assert!(out.contains("No conozco el público «everyone else». Envíalo a all, mentors, mentees, matched (personas en un emparejamiento activo)"), "{out}");
        h.in_room("carol", room, "!tandem survey send midpoint all").await;
        let out = h.in_room("carol", room, "!tandem confirm").await;
        assert!(out.contains("(todas las personas participantes)"), "{out}");
        for (who, happy) in [("amina", "4"), ("bea", "5")] {
            for line in [happy, "3", "yes", "skip"] {
                h.dm_all(who, line).await;
            }
        }
        let out = h.in_room("carol", room, "!tandem survey results midpoint").await;
        for expected in [
            "Resultados de la encuesta: Encuesta de mitad de programa (Mentoría Pathways 2027), 2 respuestas (personas invitadas: 2), anónima.",
            // The programme's Spanish for its questions and a scale's points; yes and no
            // from the catalogue.
            "Satisfacción (2 respuestas): media 4.5",
            "  Contento: 1 █████\n  Muy contento: 1 █████",
            "Reuniones hasta ahora (2 respuestas): media 3, de 3 a 3",
            "Objetivos en marcha (2 respuestas)\n  Sí: 2 ██████████\n  No: 0 ",
            "Qué ayudaría (0 respuestas): no se muestra, hay menos de 2 respuestas.",
            "Sin desglose por rol",
        ] {
            assert!(out.contains(expected), "«{expected}» in:\n{out}");
        }
        let out = h.in_room("carol", room, "!tandem report").await;
        for expected in [
            "Informe del programa: Mentoría Pathways 2027 (",
            "Embudo: 2 solicitudes → 2 aceptadas → 0 emparejadas → 0 completadas",
            "Mentees: 2 listas para emparejar",
            "Solicitudes por origen: 2 directas",
            "Emparejamientos: ninguno todavía.",
            "Encuesta de mitad de programa: 2 respuestas; Satisfacción 4.5",
            "Encuesta de cierre tiene 0 respuestas por ahora",
        ] {
            assert!(out.contains(expected), "«{expected}» in:\n{out}");
        }
        assert!(!out.contains("Funnel") && !out.contains("Programme report"), "{out}");
    }
}

/// The built-in kinds of report are said in the reporter's language, and their words in it
/// choose one.
#[test]
fn a_spanish_reporter_reads_the_kinds_of_report_in_spanish_and_picks_one_by_its_words() {
    let stdout = run(&[
        ("ana", "idioma es"),
        ("ana", "report"),
        // Its Spanish label typed back, in any case and without its accents.
        ("ana", "contacto INAPROPIADO"),
        ("ana", "Tom"),
        ("ana", "no"),
        ("ana", "Me escribe de noche y me pide fotos."),
        ("ana", "listo"),
        ("ana", "no"),
        ("ana", "no"),
        ("ana", "sí"),
    ]);
    let ana = to(&stdout, "ana");
    has(
        &ana,
        "¿Qué quieres reportar?\n1. Acoso o intimidación\n2. Una preocupación por la seguridad de una persona joven\n3. Contacto inapropiado",
    );
    has(&ana, "¿A quién o a qué se refiere?");
    has(&ana, "Tu reporte:\n• Qué: Contacto inapropiado");
    assert!(!ana.iter().any(|m| m.contains("Harassment")), "{ana:?}");
    // The moderators read it in the deployment's English.
    assert!(
        stdout.contains("[room moderators] Case #1 · Inappropriate contact · SAFEGUARDING"),
        "{stdout}"
    );
}

both_backends! {
    async fn a_cases_status_and_severity_are_said_in_the_moderators_language(db: TestDb) {
        let es = tandem::i18n::Locale::from_tag("es").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = es).await;
        let mut out = String::new();
        for words in ["report", "1", "skip", "no", "Alguien me escribió cosas feas en la sala ayer.", "skip", "sí", "no", "sí"] {
            out.push_str(&h.dm_all("ana", words).await);
        }
        assert!(out.contains("Caso n.º 1 · "), "{out}");
        assert!(out.contains(" · URGENTE · abierto"), "{out}");
        let out = h.in_room("mo", "moderators", "!tandem cases").await;
        assert!(out.contains("n.º 1 · urgente · "), "{out}");
        assert!(out.contains(" · abierto · "), "{out}");
        assert!(!out.contains("open") && !out.contains("urgent "), "{out}");
    }
}

both_backends! {
    async fn a_withdrawal_is_told_to_a_spanish_coordinators_room_in_spanish(db: TestDb) {
        let es = tandem::i18n::Locale::from_tag("es").unwrap();
        let h = crate::support::Harness::with_settings(&db, |s| s.language = es).await;
        crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.dm_all("grace", "withdraw").await;
        let out = h.dm_all("grace", "sí").await;
        assert!(out.contains("[room coordinators] La persona solicitante retiró la solicitud A1 ("), "{out}");
        assert!(!out.contains("was withdrawn by the applicant"), "{out}");
    }
}

both_backends! {
    async fn profiles_are_read_in_the_readers_language_and_found_by_words_in_any(db: TestDb) {
        let h = crate::support::Harness::new(&db).await;
        let grace = crate::pairing::ready_mentor(&h, "grace", "Grace", "Technology").await;
        h.dm_all("grace", "language ar").await;
        let out = h.dm_all("grace", "profile show 4").await;
        assert!(out.contains("المجال") && out.contains("التكنولوجيا"), "her own answers in Arabic: {out}");
        h.dm_all("grace", "profile bio Diez años en software.").await;
        crate::pairing::ready_mentee(&h, "amina", "Amina").await;
        h.dm_all("amina", "idioma es").await;
        let out = h.dm_all("amina", "profile show all").await;
        assert!(out.contains("Objetivos: "), "{out}");
        let out = h.dm_all("amina", "browse").await;
        assert!(out.contains("Sector: Tecnología"), "{out}");
        assert!(out.contains("En sus palabras: Diez años en software."), "{out}");
        assert!(!out.contains("In their words") && !out.contains("Technology"), "{out}");
        for words in ["browse tecnología", "browse technology", "browse التكنولوجيا"] {
            let out = h.dm_all("amina", words).await;
            assert!(out.contains("Grace"), "{words}: {out}");
        }
        let out = h.dm_all("amina", &format!("request {grace} Hola, ¿me ayudas?")).await;
        let to_grace = &out[out.find("[dm grace] ").expect("Grace is asked")..];
        assert!(to_grace.contains("الأهداف"), "Amina's goals under their Arabic label: {to_grace}");
        assert!(to_grace.contains("ملاحظته لك: \u{2068}Hola, ¿me ayudas?"), "{to_grace}");
        assert!(!to_grace.contains("Goals") && !to_grace.contains("Their note"), "{to_grace}");
        assert!(to_grace.contains("الأهداف\u{2069}: \u{2068}كتابة السيرة الذاتية، الاستعداد للمقابلات"), "an Arabic comma: {to_grace}");
    }
}
