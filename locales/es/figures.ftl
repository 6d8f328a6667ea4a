# Las cifras de la coordinación: el informe del programa (`report` en la sala de
# coordinación, domain::figures) y los resultados de una encuesta (`survey results`,
# domain::survey), y los públicos a los que va una encuesta o una difusión.
# En una cifra, $count elige la forma del plural y $n es ese mismo número escrito como en
# español (12.345). Los nombres de programas, encuestas, preguntas y opciones son los del
# programa, en español donde su archivo los traduce. Las medias llevan un decimal (3.5) y
# el NPS su signo (+20).

## El informe del programa (domain::figures).

# $programme: el nombre del programa; $date: el día de las cifras.
figures-report = Informe del programa: { $programme } ({ $date })
# Cada uno de $applied, $accepted, $matched, $completed: su mensaje figures-funnel-*.
figures-funnel = Embudo: { $applied } → { $accepted } → { $matched } → { $completed }
figures-funnel-applied = { $count ->
    [one] { $n } solicitud
   *[other] { $n } solicitudes
}
figures-funnel-accepted = { $count ->
    [one] { $n } aceptada
   *[other] { $n } aceptadas
}
figures-funnel-matched = { $count ->
    [one] { $n } emparejada
   *[other] { $n } emparejadas
}
figures-funnel-completed = { $count ->
    [one] { $n } completada
   *[other] { $n } completadas
}
# Las solicitudes de un rol por etapa. $role: mentor o mentee; $stages: figures-stage-*.
figures-role = { $role ->
    [mentor] Mentores
   *[mentee] Mentees
}: { $stages }
figures-stage-submitted = { $count ->
    [one] { $n } enviada
   *[other] { $n } enviadas
}
figures-stage-needs-review = { $n } por revisar
figures-stage-info-requested = { $n } a la espera de información
figures-stage-waitlisted = { $n } en lista de espera
figures-stage-approved = { $count ->
    [one] { $n } aprobada
   *[other] { $n } aprobadas
}
figures-stage-ready = { $count ->
    [one] { $n } lista para emparejar
   *[other] { $n } listas para emparejar
}
figures-stage-offered = { $n } con un emparejamiento propuesto
figures-stage-matched = { $count ->
    [one] { $n } emparejada
   *[other] { $n } emparejadas
}
figures-stage-resting = { $n } en pausa
figures-stage-ineligible = { $count ->
    [one] { $n } no elegible
   *[other] { $n } no elegibles
}
figures-stage-rejected = { $count ->
    [one] { $n } rechazada
   *[other] { $n } rechazadas
}
figures-stage-withdrawn = { $count ->
    [one] { $n } retirada
   *[other] { $n } retiradas
}
# $sources: figures-source-*, primero las que más.
figures-sources = Solicitudes por origen: { $sources }
# Escribieron apply sin origen.
figures-source-direct = { $count ->
    [one] { $n } directa
   *[other] { $n } directas
}
# Desde una tarjeta de solicitud.
figures-source-announcement = { $n } desde un anuncio
# Desde una difusión a personas egresadas.
figures-source-alumni = { $n } de personas egresadas
# Registradas por la coordinación para alguien (assist apply).
figures-source-assisted = { $count ->
    [one] { $n } registrada por la coordinación
   *[other] { $n } registradas por la coordinación
}
# $code: el código de recomendación, tal como se dio.
figures-source-referral = { $n } con el código { $code }
# $source: un origen para el que Tandem no tiene palabras, tal como se guardó.
figures-source-other = { $n } { $source }
figures-matches-none = Emparejamientos: ninguno todavía.
# $statuses: figures-match-*.
figures-matches = Emparejamientos: { $statuses }
# $closures: figures-closure-*.
figures-matches-closed = Emparejamientos: { $statuses } (cerrados: { $closures })
figures-match-proposed = { $count ->
    [one] { $n } propuesto
   *[other] { $n } propuestos
}
figures-match-approved = { $count ->
    [one] { $n } aprobado
   *[other] { $n } aprobados
}
figures-match-active = { $count ->
    [one] { $n } activo
   *[other] { $n } activos
}
figures-match-rejected = { $count ->
    [one] { $n } rechazado
   *[other] { $n } rechazados
}
figures-match-declined = { $count ->
    [one] { $n } no aceptado
   *[other] { $n } no aceptados
}
figures-match-expired = { $count ->
    [one] { $n } caducado
   *[other] { $n } caducados
}
figures-match-closed = { $count ->
    [one] { $n } cerrado
   *[other] { $n } cerrados
}
figures-closure-planned = { $n } según lo previsto
figures-closure-early = { $n } antes de tiempo
figures-closure-disciplinary = { $n } por motivos disciplinarios
# $days: la media, con un decimal.
figures-days-to-match = Tiempo medio de la solicitud al emparejamiento: { $days } días.
# $answers: figures-check-in-*.
figures-check-ins = Respuestas a los seguimientos: { $answers }
figures-check-in-met = { $n } «nos hemos reunido»
figures-check-in-not-yet = { $n } «todavía no»
figures-check-in-stuck = { $n } «estamos atascados»
# $answer: una respuesta para la que Tandem no tiene palabras, tal como se guardó.
figures-check-in-other = { $n } { $answer }
# $held: las reuniones registradas como hechas; $time: cuánto sumaron (2h 30m).
figures-meetings = Reuniones registradas: { $held } ({ $time }).
# $count y $n: las parejas activas; $reached: las que alcanzaron el compromiso del
# programa en los últimos 30 días; $commitment: el tiempo al mes que pide (2h).
figures-meetings-commitment = Reuniones registradas: { $held } ({ $time }); { $count ->
    [one] { $reached } de { $n } pareja activa
   *[other] { $reached } de { $n } parejas activas
} con las { $commitment } al mes que pide el programa en los últimos 30 días.
# Una encuesta en el informe. $survey: su título; $count y $n: sus respuestas.
figures-survey = { $survey }: { $count ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
# $figures: los figures-headline-* de sus preguntas, separados por " · ".
figures-survey-with = { $survey }: { $count ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}; { $figures }

## Los resultados de una encuesta (domain::survey, `survey results`).

# $survey: su título; $programme: el nombre del programa; $count y $n: las respuestas;
# $invited: cuántas personas se invitaron; $anonymous: yes o no.
figures-results = Resultados de la encuesta: { $survey } ({ $programme }), { $count ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
} (personas invitadas: { $invited }){ $anonymous ->
    [yes] , anónima
   *[no] {""}
}.
# Demasiado pocas respuestas para mostrar nada. $survey: su título; $count y $n: sus
# respuestas hasta ahora; $minimum: el mínimo de anonimato del programa.
figures-too-few = { $survey } tiene { $count ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
} por ahora; los resultados se muestran a partir de { $minimum ->
    [one] 1 respuesta
   *[other] { $minimum } respuestas
}, para que no se puedan reconocer las respuestas de nadie.
# Una pregunta: $question: su etiqueta; $count y $n: cuántas personas la respondieron.
figures-question = { $question } ({ $count ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
})
# $head: figures-question; $minimum: el mínimo de anonimato.
figures-question-hidden = { $head }: no se muestra, hay menos de { $minimum ->
    [one] 1 respuesta
   *[other] { $minimum } respuestas
}.
# $head: figures-question; $mean: el punto medio.
figures-question-average = { $head }: media { $mean }
# $head: figures-question; $score: el Net Promoter Score; $promoters, $passives,
# $detractors: figures-nps-*.
figures-question-nps = { $head }: NPS { $score } ({ $promoters }, { $passives }, { $detractors })
figures-nps-promoters = { $count ->
    [one] { $n } promotor
   *[other] { $n } promotores
}
figures-nps-passives = { $count ->
    [one] { $n } pasivo
   *[other] { $n } pasivos
}
figures-nps-detractors = { $count ->
    [one] { $n } detractor
   *[other] { $n } detractores
}
# $head: figures-question; $mean, $min, $max: números tal como se respondieron.
figures-question-numbers = { $head }: media { $mean }, de { $min } a { $max }
# $text: una respuesta libre, tal como se escribió.
figures-quoted = «{ $text }»
# El desglose por rol. $role: mentor o mentee; $figures: figures-headline-* separados por " · ".
figures-by-role = { $role ->
    [mentor] mentores
   *[mentee] mentees
}: { $figures }
# $minimum: el mínimo de anonimato.
figures-no-breakdown = Sin desglose por rol: solo se muestra cuando tanto mentores como mentees tienen al menos { $minimum } respuestas cada grupo.
# La cifra de una pregunta. $question: su etiqueta; $mean: su media.
figures-headline-mean = { $question } { $mean }
# $question: su etiqueta; $score: su Net Promoter Score.
figures-headline-nps = { $question } NPS { $score }

## Públicos (domain::survey::Audience): a quién va una encuesta o una difusión.

# Las palabras que escribe la coordinación (all, mentors, mentees, matched, waiting, alumni,
# un mes como 2027-01) se quedan tal cual, con lo que significa cada una.
audiences = all, mentors, mentees, matched (personas en un emparejamiento activo), waiting (aceptadas o en lista de espera, aún sin emparejar), alumni (cuyo emparejamiento llegó al final previsto) o una cohorte por el mes en que empezó su emparejamiento, como 2027-01
# $audience: lo que se escribió; $audiences: el mensaje audiences.
audience-unknown = No conozco el público «{ $audience }». Envíalo a { $audiences }.
# Quién es un público, dentro de una frase («no hay … en Pathways»).
audience-all = todas las personas participantes
audience-mentors = mentores
audience-mentees = mentees
audience-matched = personas en un emparejamiento activo
audience-waiting = personas que esperan emparejamiento
# $cohort: el mes en que empezaron sus emparejamientos (2027-01).
audience-cohort = la cohorte { $cohort }
audience-alumni = personas egresadas
