use super::*;

fn survey() -> Survey {
    let q = |id: &str, kind: QuestionKind| Question {
        id: id.into(),
        label: id.into(),
        prompt: id.into(),
        help: None,
        kind,
        optional: true,
        show_if: None,
    };
    Survey {
        id: "midpoint".into(),
        title: "Midpoint survey".into(),
        intro: String::new(),
        anonymous: true,
        roles: vec![RoleKind::Mentee, RoleKind::Mentor],
        questions: vec![
            q(
                "satisfaction",
                QuestionKind::Scale {
                    labels: ["Very poor", "Poor", "OK", "Good", "Very good"]
                        .map(String::from)
                        .to_vec(),
                },
            ),
            q("recommend", QuestionKind::Nps),
            q(
                "comments",
                QuestionKind::LongText {
                    min_length: 1,
                    max_length: 500,
                },
            ),
        ],
        reminder_days: 3,
        open_days: 14,
    }
}

fn response(role: RoleKind, scale: f64, nps: f64, text: Option<&str>) -> SurveyResponse {
    let mut answers = BTreeMap::new();
    answers.insert("satisfaction".into(), Answer::Number(scale));
    answers.insert("recommend".into(), Answer::Number(nps));
    answers.insert(
        "comments".into(),
        text.map_or(Answer::Skipped, |t| Answer::Text(t.into())),
    );
    SurveyResponse {
        role,
        answers,
        user: None,
    }
}

#[test]
fn fewer_answers_than_the_minimum_give_no_summary_at_all() {
    let rs: Vec<_> = (0..4)
        .map(|_| response(RoleKind::Mentee, 4.0, 9.0, Some("good")))
        .collect();
    let err = summarise(&survey(), &Translations::default(), &rs, 5)
        .unwrap_err()
        .english();
    assert!(err.contains("4 answers so far"), "{err}");
    assert!(err.contains("from 5 answers"), "{err}");
}

#[test]
fn scale_and_nps_are_summarised_and_free_text_from_too_few_is_hidden() {
    let mut rs: Vec<_> = (0..5)
        .map(|i| {
            response(
                RoleKind::Mentee,
                3.0 + f64::from(i % 3),
                f64::from(6 + i),
                None,
            )
        })
        .collect();
    rs[0]
        .answers
        .insert("comments".into(), Answer::Text("zebra".into()));
    let report = summarise(&survey(), &Translations::default(), &rs, 5).unwrap();
    let text = report.said(&survey(), Text::plain("Pathways"), 8).english();
    assert!(
        text.contains("5 answers from 8 invited, anonymous"),
        "{text}"
    );
    // 3,4,5,3,4 → 3.8; NPS 6,7,8,9,10 → 2 promoters, 1 detractor → +20.
    assert!(
        text.contains("satisfaction (5 answered): average 3.8"),
        "{text}"
    );
    assert!(
        text.contains("NPS +20 (2 promoters, 2 passives, 1 detractor)"),
        "{text}"
    );
    assert!(text.contains("comments (1 answered): not shown"), "{text}");
    assert!(!text.contains("zebra"), "{text}");
    assert!(report.by_role.is_none());
}

#[test]
fn a_breakdown_by_role_needs_every_group_to_reach_the_minimum() {
    let mut rs: Vec<_> = (0..6)
        .map(|_| response(RoleKind::Mentee, 5.0, 10.0, Some("great")))
        .collect();
    rs.extend((0..4).map(|_| response(RoleKind::Mentor, 1.0, 0.0, Some("poor"))));
    let report = summarise(&survey(), &Translations::default(), &rs, 5).unwrap();
    assert!(
        report.by_role.is_none(),
        "4 mentors must not be shown apart"
    );
    let text = report
        .said(&survey(), Text::plain("Pathways"), 10)
        .english();
    assert!(text.contains("No breakdown by role"), "{text}");
    rs.push(response(RoleKind::Mentor, 1.0, 0.0, None));
    let report = summarise(&survey(), &Translations::default(), &rs, 5).unwrap();
    let text = report
        .said(&survey(), Text::plain("Pathways"), 11)
        .english();
    assert!(
        text.contains("mentors: satisfaction 1.0 · recommend NPS -100"),
        "{text}"
    );
    // Free text is listed in alphabetical order, never in the order given.
    let great = text.find("“great”").unwrap();
    let poor = text.find("“poor”").unwrap();
    assert!(great < poor);
}

#[test]
fn no_group_is_shown_for_a_question_another_group_answered_too_rarely() {
    // Six mentees and five mentors respond; every mentor answers the optional text
    // question, one mentee does: the mentors' figure would reveal that mentee's.
    let mut rs: Vec<_> = (0..6)
        .map(|i| response(RoleKind::Mentee, 4.0, 9.0, (i == 0).then_some("one")))
        .collect();
    rs.extend((0..5).map(|_| response(RoleKind::Mentor, 2.0, 5.0, Some("many"))));
    let mut s = survey();
    s.questions[2].kind = QuestionKind::Scale {
        labels: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
    };
    for r in &mut rs {
        if let Some(Answer::Text(_)) = r.answers.get("comments") {
            r.answers.insert("comments".into(), Answer::Number(3.0));
        }
    }
    let report = summarise(&s, &Translations::default(), &rs, 5).unwrap();
    let groups = report.by_role.expect("both groups reach five");
    for (_, qs) in &groups {
        assert_eq!(qs[2].summary, Summary::Hidden, "{qs:?}");
        assert_ne!(qs[0].summary, Summary::Hidden);
    }
}

#[test]
fn audiences_are_read_with_a_clear_message_for_anything_else() {
    assert_eq!(
        Audience::parse("Mentees"),
        Ok(Audience::Role(RoleKind::Mentee))
    );
    assert_eq!(
        Audience::parse("cohort 2027-01"),
        Ok(Audience::Cohort {
            year: 2027,
            month: 1
        })
    );
    let err = Audience::parse("friends").unwrap_err().english();
    assert!(err.contains("all, mentors, mentees, matched"), "{err}");
    assert!(Audience::parse("2027-13").is_err());
}

fn es() -> crate::i18n::Locale {
    crate::i18n::Locale::from_tag("es").unwrap()
}

fn ar() -> crate::i18n::Locale {
    crate::i18n::Locale::from_tag("ar").unwrap()
}

#[test]
fn results_are_said_in_spanish_with_the_programmes_translations_of_its_survey() {
    let mut s = survey();
    s.questions.push(Question {
        id: "met".into(),
        label: "Met".into(),
        prompt: "Have you met?".into(),
        help: None,
        kind: QuestionKind::YesNo,
        optional: true,
        show_if: None,
    });
    let tr = Translations(BTreeMap::from([(
        "es".to_string(),
        BTreeMap::from([
            (
                "surveys.midpoint.title".to_string(),
                "Encuesta de mitad".to_string(),
            ),
            (
                "surveys.midpoint.questions.satisfaction.label".to_string(),
                "Satisfacción".to_string(),
            ),
            (
                "surveys.midpoint.questions.satisfaction.labels.3".to_string(),
                "Bien".to_string(),
            ),
        ]),
    )]));
    let mut rs: Vec<_> = (0..5)
        .map(|_| response(RoleKind::Mentee, 4.0, 10.0, None))
        .collect();
    for r in &mut rs {
        r.answers.insert("met".into(), Answer::Choice("yes".into()));
    }
    let report = summarise(&s, &tr, &rs, 5).unwrap();
    let said = report.said(&s, Text::plain("Caminos"), 6);
    let es = said.render(es());
    for line in [
        "Resultados de la encuesta: Encuesta de mitad (Caminos), 5 respuestas (personas invitadas: 6), anónima.",
        "Satisfacción (5 respuestas): media 4.0\n  Very poor: 0 \n",
        "  Bien: 5 ██████████",
        // Yes and no in the catalogue's words.
        "Met (5 respuestas)\n  Sí: 5 ██████████\n  No: 0 ",
        "recommend (5 respuestas): NPS +100 (5 promotores, 0 pasivos, 0 detractores)",
        "comments (0 respuestas): no se muestra, hay menos de 5 respuestas.",
        "Sin desglose por rol",
    ] {
        assert!(es.contains(line), "«{line}» in:\n{es}");
    }
    // In English, the programme's own words.
    let en = said.english();
    assert!(
        en.contains("satisfaction (5 answered): average 4.0"),
        "{en}"
    );
    assert!(en.contains("  Good: 5 ██████████"), "{en}");
    assert!(en.contains("  Yes: 5 ██████████"), "{en}");
}

#[test]
fn too_few_answers_are_refused_with_each_languages_plurals() {
    let one = vec![response(RoleKind::Mentee, 4.0, 9.0, None)];
    let err = summarise(&survey(), &Translations::default(), &one, 5).unwrap_err();
    assert!(
        err.english()
            .starts_with("Midpoint survey has 1 answer so far; results are shown from 5 answers"),
        "{err}"
    );
    assert!(err.render(es()).starts_with("Midpoint survey tiene 1 respuesta por ahora; los resultados se muestran a partir de 5 respuestas"), "{}", err.render(es()));
    let ar = err.render(ar());
    assert!(
        ar.contains("5\u{2069} إجابات"),
        "Arabic's form for 3 to 10: {ar}"
    );
    let two = summarise(&survey(), &Translations::default(), &one, 2).unwrap_err();
    assert!(
        two.render(self::ar()).contains("إجابتين"),
        "Arabic's dual: {}",
        two.render(self::ar())
    );
}

#[test]
fn an_audience_is_said_in_the_readers_language_and_its_refusal_keeps_the_words_to_type() {
    assert_eq!(
        Audience::Matched.said().render(es()),
        "personas en un emparejamiento activo"
    );
    assert_eq!(
        Audience::Cohort {
            year: 2027,
            month: 1
        }
        .said()
        .render(es()),
        "la cohorte 2027-01"
    );
    // What a round stores stays in English.
    assert_eq!(Audience::Waiting.describe(), "people waiting to be matched");
    let err = Audience::parse("amigos").unwrap_err();
    let said = err.render(es());
    assert!(said.starts_with("No conozco el público «amigos». Envíalo a all, mentors, mentees, matched (personas en un emparejamiento activo)"), "{said}");
    assert!(
        err.render(ar()).contains("لا أعرف الجمهور"),
        "{}",
        err.render(ar())
    );
}
