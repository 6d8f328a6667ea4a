# The coordinators' lists and cards: matches, a match, who, the review queue and an
# application's card, the programme report and exports, the survey commands.
# Commands stay as typed. A match's status and health words and an application's status
# are in words.ftl, the report's figures in figures.ftl, the engine's reasons in matching.ftl.

## Las listas de emparejamientos (flows::roster): matches, match show, who.

roster-usage = Uso: matches [programa] [at-risk|stuck|quiet|check-in|paused|frozen|too-early|ok|offered|proposed|ended|all] · match show <emparejamiento, como M7> · who <nombre o id>
roster-room = Las listas de coordinación solo funcionan en la sala de coordinación, para que a las personas participantes nunca se las muestre en otro sitio.
roster-not-yours = No coordinas ningún programa llamado `{ $programme }`. Los tuyos: { $yours }.
# $all: los filtros, tal como se escriben (frozen, at-risk, …).
roster-none = No hay emparejamientos. Filtros: { $all }, o all.
roster-none-open = No hay emparejamientos abiertos. Filtros: { $all }, o all.
roster-none-filtered = No hay emparejamientos ({ $filters }). Filtros: { $all }, o all.
roster-listed = { $count ->
    [one] 1 emparejamiento:
   *[other] { $count } emparejamientos, los más urgentes primero:
}
roster-listed-open = { $count ->
    [one] 1 emparejamiento abierto:
   *[other] { $count } emparejamientos abiertos, los más urgentes primero:
}
roster-listed-filtered = { $count ->
    [one] 1 emparejamiento ({ $filters }):
   *[other] { $count } emparejamientos ({ $filters }), los más urgentes primero:
}
roster-listed-more = … y { $count } más: acota la lista con un programa o un filtro ({ $all }).
roster-listed-hint = Escribe { $prefix } match show <número> para ver uno.
# Tras la línea de un emparejamiento en la lista: el día en que empezó.
roster-since = desde el { $date }
roster-show-mentee = Mentee: { $name } (A{ $application }, { $user }) — { $answer }
roster-show-mentor = Mentor: { $name } (A{ $application }, { $user }) — { $answer }
roster-answer-accepted = aceptó
roster-answer-declined = rechazó
roster-answer-none = aún no ha respondido
roster-show-proposed = Propuesto el { $date }
roster-show-started = empezó el { $date }
roster-show-due = respuestas hasta el { $date }
# $reasons: las razones del motor de emparejamiento, con sus puntos.
roster-show-score = Puntuación { $score }: { $reasons }
roster-show-room = Sala de la pareja: { $room } · último mensaje { $last }
roster-never = nunca
roster-nobody = nadie
roster-show-looked-after = A cargo de { $staff } · { $count ->
    [one] 1 seguimiento del equipo
   *[other] { $count } seguimientos del equipo
}
roster-show-looked-after-next = A cargo de { $staff } · { $count ->
    [one] 1 seguimiento del equipo
   *[other] { $count } seguimientos del equipo
}, el próximo hasta el { $date }
roster-show-meetings = Reuniones: { $meetings }
roster-show-check-ins = Seguimientos: { $asked } enviados, con reunión en { $met }
# $stuck: la respuesta de un seguimiento cuando la pareja está atascada (checkin-stuck).
roster-show-check-ins-stuck = Seguimientos: { $asked } enviados, con reunión en { $met } · el último dijo «{ $stuck }»
# $kind: cómo se cerró (match-closure-*: según lo previsto, anticipado, disciplinario).
roster-show-closed = Cerrado el { $date } ({ $kind }) por { $by }: { $reason }
roster-show-next = Siguiente: { $commands }
# Qué hacer después con un emparejamiento: los comandos como se escriben, con lo que hay que completar explicado.
roster-next-proposed = { $prefix } match approve P{ $id } · { $prefix } match reject P{ $id } <motivo> · { $prefix } match swap P{ $id } <solicitud del mentor>
roster-next-active = { $prefix } checkin M{ $id } <notas> · { $prefix } message M{ $id } <texto> · { $prefix } pause M{ $id } until <fecha> · { $prefix } close match M{ $id } <motivo> · { $prefix } match rematch A{ $application }
roster-next-ended = { $prefix } match rematch A{ $application }
roster-who-nobody = Nadie en tus programas responde a «{ $typed }». Prueba con parte de su nombre, su id de chat o un número de solicitud como A12.
roster-who-found = { $count ->
    [one] 1 persona responde a «{ $typed }»:
   *[other] { $count } personas responden a «{ $typed }»:
}

## La cola de revisión y el resumen de selección (flows::review::queue).

roster-queue-empty = No hay solicitudes esperando revisión.
roster-queue = { $count ->
    [one] 1 solicitud esperando revisión:
   *[other] { $count } solicitudes esperando revisión, las más antiguas primero:
}
roster-queue-hint = Escribe { $prefix } show A<número> para ver una.
roster-summary = Resumen de selección
roster-summary-programme = { $programme } ({ $count ->
    [one] 1 solicitud
   *[other] { $count } solicitudes
})
# $role: roster-role-plural; $counts: cuántas hay en cada estado, o roster-summary-none.
roster-summary-role = { $role }: { $counts }
roster-summary-none = ninguna
roster-summary-oldest = La que más espera: { $who }, { $days }
roster-summary-nobody-waiting = Nadie está esperando revisión.
roster-summary-none-expiring = Ninguna verificación vence en los próximos 30 días.
roster-summary-expiring = Verificaciones que vencen en los próximos 30 días:
# Las personas de un rol, en plural.
roster-role-plural = { $role ->
    [mentor] mentores
   *[mentee] mentees
}

## La tarjeta de una solicitud (flows::review::card): la coordinación decide desde ella.

# $status: el estado de la solicitud; $role: el nombre que el programa da al rol.
roster-card-head = Solicitud A{ $id } · { $programme } · { $role } · { $status }
roster-card-applicant = Solicitante: { $name } ({ $user }), enviada el { $when }
# $outcome: lo que decidieron las reglas de selección del programa.
roster-card-rules = Reglas de selección: { $outcome }
roster-card-rules-default = Reglas de selección: { $outcome } (ninguna regla coincidió: lo predeterminado para este rol)
roster-card-answers = Respuestas:
roster-card-note = Nota de { $by } el { $when }: { $text }
roster-card-question = Pregunta de { $by }: { $question }
roster-card-answer = Respuesta: { $answer }
roster-card-waiting = (esperando a quien solicita)
# $from, $to: el estado de la solicitud antes y después.
roster-card-decision = { $from } → { $to } por { $by } el { $when }
roster-card-decision-reason = { $from } → { $to } por { $by } el { $when }: { $reason }
roster-card-reply = Responde aquí: approve A{ $id } · reject A{ $id } <motivo, que se envía a quien solicita> · ask A{ $id } <pregunta> · waitlist A{ $id }
# Los botones de la tarjeta, y lo que piden los dos que necesitan palabras.
roster-button-approve = Aprobar
roster-button-reject = Rechazar
roster-button-ask = Preguntar
roster-button-waitlist = Lista de espera
roster-asks-reason = Motivo (se envía a quien solicita)
roster-asks-question = Tu pregunta para quien solicita
# $checks: roster-held-check, una por cada verificación conservada.
roster-held-checks = Ten en cuenta antes de decidir sobre A{ $id } ({ $name }): esta persona borró sus datos antes, y una verificación suya que no se aprobó se conserva bajo retención legal por protección: { $checks }.
roster-held-check = { $step } de la solicitud A{ $application }

## El informe del programa y las exportaciones (flows::figures): las cifras son del dominio.

roster-no-programme = No hay ningún programa llamado «{ $programme }».
roster-which-programme = ¿Qué programa? Añade su nombre después del comando: { $programmes }.
roster-report-unloaded = No pude cargar las cifras del programa; inténtalo de nuevo, por favor.
roster-report-incidents = (Para informar de un incidente en privado, envíame report en un mensaje directo.)
roster-report-chart = Gráfico: { $programme } el { $date }
roster-export-usage = Uso: export <applications|matches|surveys|events|outcomes> [csv|json] [programa]
# $what: lo exportado, tal como se escribió; $format: csv o json.
roster-export = Exportación de { $what } de { $programme } ({ $format }; seudonimizada, respuestas de encuestas solo a partir del mínimo de anonimato).
# $note: lo que se dejó fuera y por qué, en palabras del exportador.
roster-export-left-out = Fuera: { $note }.
roster-export-unloaded = No pude reunir esa exportación ahora; inténtalo de nuevo, por favor.

## Los comandos de encuestas (flows::survey::commands): surveys, survey send, survey results.

surveys-usage = Comandos de encuestas: surveys · survey send <encuesta> <público> (all, mentors, mentees, matched o una cohorte como 2027-01) · survey results <encuesta>
surveys-room = Los comandos de encuestas funcionan en la sala de coordinación.
surveys-unloaded = No pude cargar los datos de esa encuesta; inténtalo de nuevo, por favor.
surveys-none-defined = Ningún programa define todavía una encuesta (mira [surveys] en el archivo del programa).
surveys-none-yours = Ninguno de tus programas define una encuesta (mira [surveys] en el archivo del programa).
surveys-no-such = No hay ninguna encuesta llamada «{ $survey }». Encuestas: { $surveys }.
surveys-ambiguous = Varios programas tienen una encuesta llamada { $survey }: escríbela como programa/{ $survey }, por ejemplo { $programme }/{ $survey }.
surveys-list = Encuestas:
# $sent: surveys-list-sent o surveys-list-not-sent.
surveys-list-anonymous = { $id } — { $survey } ({ $programme }, anónima, { $questions ->
    [one] 1 pregunta
   *[other] { $questions } preguntas
}): { $sent }
surveys-list-attributed = { $id } — { $survey } ({ $programme }, con nombre, { $questions ->
    [one] 1 pregunta
   *[other] { $questions } preguntas
}): { $sent }
surveys-list-sent = enviada { $rounds ->
    [one] 1 vez
   *[other] { $rounds } veces
}, { $invited } invitaciones, { $answered } respuestas, { $open ->
    [one] 1 aún abierta
   *[other] { $open } aún abiertas
}
surveys-list-not-sent = aún no enviada
# $people: surveys-people; $skipped: surveys-skipped, o nada; $reminder: días antes de un recordatorio (0: ninguno).
surveys-send-ask = ¿Enviar { $survey } a { $people }{ $skipped } de { $programme }? { $reminder ->
    [0] Cada una recibe ahora un mensaje directo.
    [one] Cada una recibe ahora un mensaje directo, y un recordatorio al cabo de 1 día.
   *[other] Cada una recibe ahora un mensaje directo, y un recordatorio al cabo de { $reminder } días.
} A nadie se le pregunta dos veces mientras esté abierta.
# $roles: surveys-role-count, o dos (surveys-both).
surveys-people = { $count ->
    [one] 1 persona
   *[other] { $count } personas
} ({ $roles })
surveys-both = { $first }, { $second }
surveys-role-count = { $role ->
    [mentor] { $count ->
        [one] 1 mentor
       *[other] { $count } mentores
    }
   *[mentee] { $count ->
        [one] 1 mentee
       *[other] { $count } mentees
    }
}
# Va justo después de las personas a las que se envía una encuesta, con su espacio.
surveys-skipped = { " " }({ $count ->
    [one] a 1 persona ya se le preguntó mientras está abierta, y no se le pregunta dos veces
   *[other] a { $count } personas ya se les preguntó mientras está abierta, y no se les pregunta dos veces
})
# $for: el rol al que va; $role: el pedido.
surveys-not-for = { $survey } es solo para { $for ->
    [mentor] mentores
   *[mentee] mentees
}: no se puede enviar a { $role ->
    [mentor] mentores
   *[mentee] mentees
}.
# $audience: a quién va, en palabras del dominio.
surveys-nobody = No hay a quién enviar { $survey }: no hay { $audience } en { $programme }{ $skipped }. No se envió nada.
surveys-sent = { $survey } enviada a { $count ->
    [one] 1 persona
   *[other] { $count } personas ({ $audience })
} por mensaje directo{ $skipped }. Se cierra el { $closes }{ $reminder ->
    [0] {""}
    [one] ; a quien no haya respondido se le recuerda al cabo de 1 día
   *[other] ; a quien no haya respondido se le recuerda al cabo de { $reminder } días
}. Mira las respuestas con survey results { $id }.

## El gráfico del informe (domain::figures::chart, dibujado por graphics::chart).

chart-funnel = { $programme }: de la solicitud a la finalización
chart-stage-applied = solicitaron
chart-stage-accepted = aceptadas
chart-stage-matched = emparejadas
chart-stage-completed = completadas
chart-nps-promoters = promotores (9–10)
chart-nps-passives = pasivos (7–8)
chart-nps-detractors = detractores (0–6)
chart-survey-question = { $survey } — { $question } ({ $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
})

## Lo que una exportación deja fuera (app::export, domain::export).

export-survey-too-few = { $survey }: no exportada: { $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}, menos que el mínimo de anonimato de { $minimum }
export-no-surveys = { $programme } no tiene encuestas que exportar.
export-nothing = Nada que exportar. { $notes }
