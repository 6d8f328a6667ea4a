# Las palabras del propio dominio, tal como se leen junto a un emparejamiento, una
# solicitud o un caso: los estados de emparejamientos y solicitudes, cómo terminó un
# emparejamiento, lo que decidieron las reglas de selección y cómo se lee una regla, un rol,
# una duración, las reuniones de una pareja frente al compromiso del programa, el tamaño de
# un archivo. Cómo va un emparejamiento (health-*) está en support.ftl. Los comandos y las
# palabras de filtro quedan como se escriben; los valores guardados y exportados no cambian.

## El estado de un emparejamiento (domain::matches), en las listas y respuestas de la coordinación.

match-status-proposed = propuesto
match-status-approved = aprobado
match-status-active = activo
match-status-rejected = rechazado
match-status-declined = declinado
match-status-expired = caducado
match-status-closed = cerrado
# Una propuesta o un emparejamiento nombrado al principio de una frase; $id: su número.
match-named-proposal = El emparejamiento propuesto P{ $id }
match-named-match = El emparejamiento M{ $id }
# Cómo terminó un emparejamiento.
match-closure-planned = según lo previsto
match-closure-early = anticipado
match-closure-disciplinary = disciplinario

## El estado de una solicitud en pocas palabras, para el equipo (su ficha, la cola, el resumen).

application-status-submitted = enviada
application-status-needs-review = pendiente de revisión
application-status-info-requested = información solicitada
application-status-waitlisted = en lista de espera
application-status-approved = aprobada
application-status-ready = lista
application-status-ineligible = no admisible
application-status-rejected = rechazada
application-status-withdrawn = retirada
application-status-resting = en pausa
application-stage-offered = con emparejamiento propuesto
application-stage-matched = emparejada
# Cuántas solicitudes hay en un estado: $count, y $status (application-status-*).
application-status-count = { $status }: { $count }
# $status: application-status-*; $by: quién decidió (plataforma:id); $when: el día y la hora.
review-decided-by = { $status } por { $by } el { $when }
review-decided-by-reason = { $status } por { $by } el { $when } ({ $reason })
# Un rol, en singular.
role-one = { $role ->
    [mentor] mentor
   *[mentee] mentee
}

## Lo que decidieron las reglas de selección, y cómo se lee una regla (domain::screening).
## Los identificadores de las preguntas y los valores de las respuestas quedan como los
## configuró el programa.

rule-outcome-eligible = admisible
rule-outcome-needs-review = requiere revisión
rule-outcome-ineligible = no admisible
# $left, $right: condiciones.
rule-and = { $left } y { $right }
rule-or = { $left } o { $right }
# $cond: una condición.
rule-not = no ({ $cond })
# $question: el identificador de una pregunta; $value: un valor; $values: varios, separados por comas.
rule-is = { $question } es { $value }
rule-is-one-of = { $question } es uno de { $values }
rule-is-none-of = { $question } no es ninguno de { $values }
rule-answered = { $question } tiene respuesta
rule-not-answered = { $question } no tiene respuesta
# Una regla que se cumplió, en la ficha de una solicitud: $rule su identificador, $outcome
# (rule-outcome-*), $when su condición, $reason su nota para quien revisa.
rule-matched = ✓ { $rule } → { $outcome }: { $when }
rule-matched-reason = ✓ { $rule } → { $outcome }: { $when } — { $reason }

## Una duración (una reunión, el mes de una pareja, el compromiso de un programa).

duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min

## Las reuniones registradas de una pareja frente al compromiso del programa (match show, checkins).

# $goal: lo que pide el programa al mes (duration-*).
meetings-none = ninguna registrada aún
meetings-none-goal = ninguna registrada aún (el programa pide { $goal } al mes)
# $count: reuniones registradas como hechas; $month: cuánto tiempo se reunieron en los últimos 30 días.
meetings-logged = { $count ->
    [one] 1 reunión registrada
   *[other] { $count } reuniones registradas
}; { $month } en los últimos 30 días
# $logged: meetings-logged; $short: cuánto falta (duration-*).
meetings-logged-on-track = { $logged } (el programa pide { $goal } al mes: van bien)
meetings-logged-short = { $logged } (el programa pide { $goal } al mes: faltan { $short })

## El tamaño de un archivo, y los archivos de un caso tal como los ven las personas moderadoras.

file-size-bytes = { $count ->
    [one] 1 byte
   *[other] { $count } bytes
}
file-size-kb = { $kb } KB
file-size-mb = { $mb } MB
# $mb y $tenths: 2 y 5 para dos megabytes y medio.
file-size-mb-tenths = { $mb },{ $tenths } MB
# $mime: el tipo del archivo (image/png); $size: file-size-*.
evidence-file = { $mime }, { $size }
# $n: el caso; $number de $total: cuál de sus archivos.
case-file-posted = Caso n.º { $n } · archivo { $number } de { $total } · { $mime } · { $size }
# $file: evidence-file.
case-file-refused = Caso n.º { $n }: no se pudo publicar el archivo { $number } ({ $file }): la plataforma lo rechazó (quizá por su tamaño). Sigue guardado con el caso.
# Una persona vinculada a un caso: sus solicitudes y sus emparejamientos en curso. $status: application-status-* o match-status-*.
case-subject-application = solicitud A{ $id } ({ $status })
case-subject-match = emparejamiento M{ $id } ({ $status })
case-subject-match-frozen = emparejamiento M{ $id } ({ $status }, congelado)

## El estado y la gravedad de un caso de moderación (domain::incident).

case-status-open = abierto
case-status-claimed = asignado
case-status-resolved = resuelto
case-severity-normal = normal
case-severity-urgent = urgente
case-severity-safeguarding = protección
case-severity-normal-loud = NORMAL
case-severity-urgent-loud = URGENTE
case-severity-safeguarding-loud = PROTECCIÓN DE MENORES
