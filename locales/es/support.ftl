# Looking after pairs: staff check-ins and their notices, lapsed checks, the waiting list,
# check-in alerts and the coordinators' side of closing a match.
# Los comandos se quedan tal como se escriben (`checkin M3`, `close match M3 <motivo>`); los
# números de emparejamiento, los nombres, el id de cada miembro del equipo y sus notas se
# muestran tal cual.

## Seguimientos del equipo en la sala de coordinación (flows::support): `checkins`,
## `checkin`, `checkin assign` y el registro de un emparejamiento.

support-usage = Uso: checkins [programa] [mine] · checkins for <emparejamiento> · checkin <emparejamiento> [with mentee|mentor|both] [by chat|call|video|meeting|email] [concern]: <notas> · checkin assign <emparejamiento> <miembro del equipo>
support-say-what = Di de qué hablaron después del emparejamiento, así: checkin M3 by call with both: se reunieron dos veces y planean revisar el CV.
support-note-too-long = Esa nota tiene { $chars } caracteres; un seguimiento guarda como máximo { $max }.
support-room = Los seguimientos del equipo solo funcionan en la sala de coordinación, para que las notas sobre las parejas nunca se muestren en otro sitio.
support-log-not-active = { $match } está { $status }: los seguimientos del equipo solo se registran para emparejamientos activos.
# $with: ambos, o el nombre de la persona; $how: una de las palabras support-channel-*.
support-logged = Registrado: un seguimiento con { $with } por { $how } para { $match } ({ $mentee } ↔ { $mentor }).
support-logged-concern = Anotado como preocupación: { $match } queda en riesgo hasta un seguimiento sin preocupación.
support-next-due = El siguiente vence el { $date }.
support-with-both = ambos
support-channel-chat = chat
support-channel-call = llamada
support-channel-video = videollamada
support-channel-meeting = reunión
support-channel-email = correo electrónico
support-assign-not-active = { $match } está { $status }: solo se hace seguimiento de un emparejamiento activo.
# $staff: los id de quienes sí lo hacen, o support-nobody.
support-not-staff = `{ $written }` no hace seguimiento de parejas en { $programme } en { $platform }. Quién lo hace: { $staff }.
support-nobody = nadie
support-nobody-assigned = sin asignar
support-assigned = { $staff } se ocupa ahora de { $match } ({ $mentee } ↔ { $mentor }).
# Por mensaje directo a quien recibe la pareja.
support-handed = { $from } te pasó el emparejamiento { $match } ({ $mentee } ↔ { $mentor }, { $programme }): ahora te ocupas tú. Sus seguimientos: { $prefix } checkins for { $match } en la sala de coordinación.

## `checkins`: lo que vence.

support-none-due = No vence ningún seguimiento del equipo.
support-none-due-mine = No vence ninguno de tus seguimientos.
support-none-due-next = No vence ningún seguimiento del equipo esta semana. El siguiente: { $match } ({ $mentee } ↔ { $mentor }), el { $date }.
support-none-due-next-mine = No vence ninguno de tus seguimientos esta semana. El siguiente: { $match } ({ $mentee } ↔ { $mentor }), el { $date }.
support-due-head = Seguimientos del equipo pendientes: { $overdue } atrasados, { $soon } esta semana, los más atrasados primero:
support-due-head-mine = Tus seguimientos pendientes: { $overdue } atrasados, { $soon } esta semana, los más atrasados primero:
# Una línea de la lista; $when es uno de los tres de abajo, $staff quien se ocupa de la pareja.
support-due-line = { $match } · { $mentee } ↔ { $mentor } · { $programme } · contacto { $n }: { $when } · { $staff }
support-due-today = vence hoy ({ $date })
# $late: cuántos días, como "3 días".
support-due-late = { $late } de retraso (vencía el { $date })
support-due-by = vence el { $date }
support-due-more = … y { $count } más.
support-due-hint = Registra uno: { $prefix } checkin <emparejamiento> [with mentee|mentor|both] [by call|video|chat|meeting|email] [concern]: <notas>

## `checkins M3`: el registro de un emparejamiento.

# $health: cómo va el emparejamiento (health-*).
support-history-head = Seguimientos del equipo de { $match } ({ $mentee } ↔ { $mentor }), { $programme } · a cargo de { $staff } · { $health }
support-history-none = Aún no hay ninguno registrado.
support-history-line = { $n }. { $date } · { $by } · con { $with } por { $how } · { $notes }
support-history-line-concern = { $n }. { $date } · { $by } · con { $with } por { $how } · preocupación · { $notes }
support-history-meetings = Reuniones: { $meetings }
support-history-next = El siguiente vence el { $date }.

## Cómo va un emparejamiento (domain::health), junto a él.

health-frozen = congelado por las personas moderadoras
health-at-risk = en riesgo: { $reasons }
health-check-in-today = necesita un seguimiento (un contacto del equipo vence hoy)
# $late: cuántos días, como "3 días".
health-check-in-late = necesita un seguimiento (un contacto del equipo lleva { $late } de retraso)
# $days: como "12 días".
health-quiet = en silencio desde hace { $days }
health-paused = en pausa hasta el { $date }
health-too-early = demasiado pronto para saberlo
health-on-track = va bien
health-offered = esperando a que ambos acepten
health-proposed = propuesto, esperando a la coordinación
health-ended = terminado
# Por qué un emparejamiento está en riesgo, cada motivo; unidos con "; ".
health-risk-quiet = en silencio desde hace { $days }
health-risk-stuck = atascados (lo dijeron en el último seguimiento)
health-risk-missed = { $count ->
    [one] { $count } seguimiento sin respuesta
   *[other] { $count } seguimientos seguidos sin respuesta
}
health-risk-concern = una preocupación anotada en el último seguimiento del equipo

## Lo que avisa la revisión de apoyo (flows::support::notices): a quien se ocupa de una
## pareja (o a la sala de coordinación si nadie lo hace), y el aviso a los dos miembros de
## una pareja en silencio.

# $match, $mentee, $mentor y el programa, como cada aviso nombra a la pareja.
support-pair = { $match } ({ $mentee } ↔ { $mentor }), { $programme }
support-new-pair = Te ocupas de una pareja nueva: { $pair }.
support-new-pair-first = Tu primer seguimiento con ellos vence el { $date }: regístralo en la sala de coordinación con { $prefix } checkin { $match } [by call] [with both]: <notas>.
support-contact-due = Seguimiento del equipo pendiente: { $pair }. El contacto { $n } vencía el { $date }. Cuando hayas hablado con ellos, regístralo en la sala de coordinación: { $prefix } checkin { $match } [by call] [with both]: <notas>
# $ago: como "8 días"; $staff: quien se ocupa de la pareja, o support-nobody.
support-contact-overdue = Seguimiento del equipo atrasado: { $pair }. El contacto { $n } vencía el { $date }, hace { $ago }; se ocupa { $staff }. Ponte en contacto con ellos y regístralo ({ $prefix } checkin { $match } …), o pasa la pareja a otra persona: { $prefix } checkin assign { $match } <miembro del equipo>.
# $reasons: los motivos health-risk-*.
support-at-risk = Emparejamiento en riesgo: { $pair }: { $reasons }. Tú te ocupas de esta pareja. Ponte en contacto con ellos: { $prefix } match show { $match } para ver la pareja, { $prefix } checkin { $match } … cuando lo hayas hecho.
support-at-risk-nobody = Emparejamiento en riesgo: { $pair }: { $reasons }. Nadie se ocupa aún de esta pareja. Ponte en contacto con ellos: { $prefix } match show { $match } para ver la pareja, { $prefix } checkin { $match } … cuando lo hayas hecho.
# A cada miembro de una pareja en silencio. $days: como "30 días".
support-reengage = Hola, { $name }: hace { $days } que nadie escribe en la sala que compartes con { $partner } ({ $programme }). ¿Va todo bien? Si quieres seguir, saluda allí: hasta un mensaje corto ayuda, y propón un momento para hablar. Si no está funcionando, también está bien: escribe close match aquí y cuéntanos por qué, o ask the team <tu pregunta> si algo se interpone.
# "no contact" es el motivo que se registra, escrito tal cual.
support-close-offer = Cierre propuesto: { $pair }. Ningún mensaje en su sala de pareja desde hace { $days } (desde el { $date }), incluso después de preguntar a ambos si querían seguir. Si ya ha cumplido su ciclo: { $prefix } close match { $match } no contact. O ponte en contacto primero: { $prefix } checkin { $match } ….

## Una verificación que caduca (flows::review::scheduled, flows::review::screening), y el
## recordatorio de la lista de espera. $check es el nombre del paso, en minúsculas.

support-check-expired = Tu { $check } para { $programme } caducó el { $date }. Alguien de la coordinación se pondrá en contacto contigo para hablar de su renovación.
support-check-expires = Tu { $check } para { $programme } caduca el { $date }. Por favor, gestiona su renovación con la coordinación para que tu mentoría pueda continuar.
support-check-expired-room = El paso «{ $check }» de A{ $id } ({ $name }) caducó el { $date }. Registra la renovación con: { $prefix } step A{ $id } { $step } cleared until <fecha>
# $days: como "9 días".
support-check-expires-room = El paso «{ $check }» de A{ $id } ({ $name }) caduca el { $date }, dentro de { $days }. Registra la renovación con: { $prefix } step A{ $id } { $step } cleared until <fecha>
# $matches: support-match-one o support-match-many.
support-check-expires-room-active = El paso «{ $check }» de A{ $id } ({ $name }) caduca el { $date }, dentro de { $days }; { $name } está en { $matches }. Registra la renovación con: { $prefix } step A{ $id } { $step } cleared until <fecha>
support-match-one = el emparejamiento activo { $match }
support-match-many = los emparejamientos activos { $first } y { $last }
support-lapsed-expired = Verificación caducada en un emparejamiento activo: el paso «{ $check }» de A{ $id } ({ $name }) caducó el { $date }, y { $name } está en { $matches }, { $programme }.
support-lapsed-failed = Verificación no superada en un emparejamiento activo: el paso «{ $check }» de A{ $id } ({ $name }) se registró como no superado, y { $name } está en { $matches }, { $programme }.
# $renew: el comando que la registra, como "step A2 background_check cleared until".
support-lapse-decide-expired = Decide, por favor: pausarlo ({ $prefix } pause M{ $m } until <fecha>), registrar la renovación ({ $prefix } { $renew } <fecha>) o cerrarlo ({ $prefix } close match M{ $m } <motivo>).
support-lapse-decide-failed = Decide, por favor: pausarlo ({ $prefix } pause M{ $m } until <fecha>), registrar una nueva verificación si se supera ({ $prefix } { $renew } <fecha>) o cerrarlo ({ $prefix } close match M{ $m } <motivo>).
support-lapse-held-expired = El emparejamiento queda en pausa hasta que la coordinación decida; a los dos miembros solo se les dijo que está en pausa por un motivo administrativo. Decide, por favor: registrar la renovación ({ $prefix } { $renew } <fecha>) y reanudarlo ({ $prefix } resume M{ $m }), o cerrarlo ({ $prefix } close match M{ $m } <motivo>).
support-lapse-held-failed = El emparejamiento queda en pausa hasta que la coordinación decida; a los dos miembros solo se les dijo que está en pausa por un motivo administrativo. Decide, por favor: si una nueva verificación se supera, registrarla ({ $prefix } { $renew } <fecha>) y reanudarlo ({ $prefix } resume M{ $m }), o cerrarlo ({ $prefix } close match M{ $m } <motivo>).
# Los botones de la alerta.
support-button-pause = Pausar
support-button-renew = Registrar renovación
support-button-resume = Reanudar
support-button-close = Cerrar emparejamiento
support-button-message = Escribir a la pareja
support-button-rematch = Volver a emparejar
# Lo que pide un botón antes de que se ejecute su comando.
support-asks-message = Tu mensaje para ambos
support-asks-until = ¿Hasta qué fecha? (como 2027-03-01)
support-asks-valid-until = ¿Válido hasta qué fecha? (como 2029-01-31)
support-asks-close-reason = Motivo (queda registrado; no se le dice a la pareja)
# $role: el nombre que el programa da al rol, en minúsculas.
support-waitlist-reminder = Novedades de { $programme }: sigues en nuestra lista de espera (puesto { $position } de { $total } que esperan una plaza de { $role }). No nos hemos olvidado de ti, y te escribiremos en cuanto se abra una plaza.

## Lo que desencadenan las respuestas de los participantes, en la sala de coordinación
## (flows::prompts).

# $question y $answer tal como se escribieron.
support-reviewer-answer =
    Respuesta a la solicitud A{ $id } de la persona solicitante:
    P: { $question }
    R: { $answer }
    Escribe { $prefix } show A{ $id } para ver la solicitud completa.
# $stuck: la etiqueta de la respuesta (checkin-stuck); $role: support-role-*.
support-stuck-alert =
    Alerta de seguimiento: emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }. { $name } ({ $role }) respondió al seguimiento { $n } con “{ $stuck }”. Emparejados desde el { $since }.
    Ponte en contacto con ellos: escríbeles con message M{ $m } <texto> (les llega a ambos), o en su sala de pareja; también pueden usar ask the team en cualquier momento. Si un nuevo emparejamiento ayudaría: match rematch A{ $application }. Un participante también puede pausar con pause until <fecha>.
support-role-mentee = mentee
support-role-mentor = mentor

## Cerrar un emparejamiento (flows::closure), el lado de la coordinación: lo que se dice en
## la sala.

# $by: close-by-*; $reason: tal como se dio, o close-no-reason; $what: lo que se dijo a los miembros.
close-closed-early = El emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }, se cerró antes de tiempo { $by }. Motivo: { $reason }. { $what }
close-closed-disciplinary = El emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }, se cerró (disciplinario) { $by }. Motivo: { $reason }. { $what }
close-by-mentee = por { $name } (mentee)
close-by-mentor = por { $name } (mentor)
close-by-staff = por { $who }
# Un cierre que siguió a un caso de moderación.
close-after-case = { $by }, tras el caso de moderación #{ $case }
close-no-reason = ninguno
close-both-told = A ambos se les dijo con amabilidad y se les preguntó si querían un nuevo emparejamiento; sus respuestas aparecerán aquí.
close-disciplinary-both = Marcado como disciplinario: no se ofreció un nuevo emparejamiento. Para emparejar de nuevo a cualquiera de los dos: match rematch <solicitud>.
# $names: un nombre, o dos unidos con close-and.
close-disciplinary-some = Marcado como disciplinario: a { $names } no se le ofreció un nuevo emparejamiento (para emparejarle de nuevo: match rematch <solicitud>).
close-not-at-fault = A { $names } se le dijo que no fue culpa suya y se le preguntó si quería un nuevo emparejamiento; su respuesta aparecerá aquí.
close-and = { $first } y { $second }

## Lo que un miembro quiere después de su emparejamiento (flows::closure), dicho a la
## coordinación.

close-after-keep-in-touch = Tras el emparejamiento M{ $m } ({ $programme }): { $name } quiere seguir en contacto de manera informal.
close-after-new-match = Tras el emparejamiento M{ $m } ({ $programme }): { $name } quiere un nuevo emparejamiento (vuelve al grupo).
close-after-break = Tras el emparejamiento M{ $m } ({ $programme }): { $name } quiere tomarse un descanso.

## El aviso del planificador a la coordinación sobre una pareja en silencio
## (app::scheduler::nudges), con su historial. $days: como "21 días".

support-quiet-alert = Pareja en silencio: emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }: ningún mensaje en su sala desde hace { $days } (desde el { $since }). Poneos en contacto con ellos. Si un nuevo emparejamiento ayudaría: match rematch A{ $app }.
support-quiet-alert-nudged = Pareja en silencio: emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }: ningún mensaje en su sala desde hace { $days } (desde el { $since }), incluso después de un recordatorio. Poneos en contacto con ellos. Si un nuevo emparejamiento ayudaría: match rematch A{ $app }.
support-quiet-since = Emparejados desde el { $date }.
support-quiet-no-check-in = Aún no han respondido a ningún seguimiento.
support-quiet-check-ins = Seguimientos: { $answers }.
support-quiet-answer = { $n } { $who }: { $answer ->
    [met] nos reunimos
    [not_yet] todavía no
    [stuck] atascados
   *[other] { $answer }
}
