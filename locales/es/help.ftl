# Lo que dicen `help`, `status` y un mensaje que no es un comando (flows::help). `$p` es el
# prefijo de la sala y un espacio, o nada en un mensaje directo.

help-hello = ¡Hola! Soy Tandem, el bot que gestiona los programas de mentoría de esta comunidad.
help-none-open = Ahora mismo no hay ningún programa abierto a solicitudes.
help-open = Abiertos a solicitudes:
help-you-can-type = Puedes escribir:
    { $p }apply — presentarte como mentor o como mentee
    { $p }status — ver tus solicitudes
    { $p }cancel — detener una solicitud en curso
    { $p }withdraw — retirar una solicitud que enviaste
    { $p }report — contar a las personas moderadoras, en privado, algo que te preocupó
    { $p }my data — todo lo que Tandem guarda sobre ti, en un archivo
    { $p }delete my data — borrarlo (te pediré confirmación)
    { $p }help — mostrar este mensaje
    { $p }language — el idioma en que te escribo
help-ask-team = ask the team <tu mensaje> — escribir al equipo de coordinación del programa; su respuesta llega aquí
help-link = link — ser la misma persona aquí y en tu otra cuenta (Matrix o Discord): las mismas solicitudes y parejas
help-matched = { $p }pause until 1 March — sin seguimientos ni recordatorios hasta esa fecha (o: pause for 2 weeks)
    { $p }resume — terminar una pausa antes
    { $p }close match — terminar tu mentoría antes de tiempo (te pediré confirmación)
help-transcript = { $p }transcript — los mensajes de su sala, en un archivo
help-pair-room = { $room }idea — en su sala: algo de lo que hablar los dos
    { $room }agreement — en su sala: sus objetivos y normas (agree para aceptarlos)
    { $p }availability mon wed 18-20 — cuándo tienes tiempo cada semana, en tu hora (antes availability zone Europe/Madrid, si no conozco tu zona horaria)
    { $room }meet — en su sala: horas en que los dos están libres (meet 2 reserva una, con un archivo de calendario)
    { $room }met 45m — en su sala: cuánto tiempo se reunieron, para su tiempo juntos
help-survey = { $p }survey — responder la encuesta que te espera
help-resources = { $p }recursos — qué leer o ver ahora (hecho 2 cuando hayas leído el número 2)
help-announcements = silenciar anuncios — dejar de recibir los anuncios de la coordinación (activar anuncios para volver a recibirlos)
help-rank = browse — las personas mentoras que tienen hueco y encajan contigo
    rank <números> — las que te gustarían, la primera opción primero: se les pregunta por turno
    profile — lo que ven de ti las personas mentoras a las que preguntas
help-request = browse — las personas mentoras que tienen hueco y encajan contigo
    request <número> — pedir a una de ellas que sea tu mentora
    profile — lo que ven de ti las personas mentoras a las que preguntas
help-mentor-profile = profile — elegir lo que ven de ti las personas mentees cuando buscan mentor
help-unknown = Perdona, no lo he entendido. Escribe { $p }help para ver lo que puedo hacer.
help-unknown-suggest = Perdona, no lo he entendido. ¿Querías decir { $p }{ $command }? Escribe { $p }help para ver lo que puedo hacer.
help-write-to-team = Para escribir al equipo del programa, escribe: ask the team seguido de tu mensaje.

## `status`.

status-none = Aún no tienes solicitudes. Escribe apply para empezar una.
status-applications = Tus solicitudes:
status-application = • { $programme }, como { $role } (A{ $id }, enviada el { $date }): { $stage }
status-waitlist = { "    " }Eres el número { $position } de { $total } en la lista de espera.
status-request-with-coordinators = Tu petición a { $other } está con el equipo de coordinación; cuando la aprueben, se le preguntará a { $other }.
status-request-waiting = Pediste a { $other } que sea tu mentor o mentora; esperamos su respuesta{ $until }.
status-until = { " " }(hasta el { $date })
status-matched = Formas pareja con { $other } (tu { $role }){ $room }.
status-matched-role-mentor = mentor o mentora
status-matched-role-mentee = mentee
status-pair-room = ; su sala es { $room }
status-pair-room-on = ; su sala es { $room }, en { $platform }
status-offer-waiting = Una pareja con { $other } (como tu { $role }) espera respuestas{ $until }.
status-offer-until = { " " }hasta el { $date }
status-choose = Puedes elegir a tu mentor o mentora: escribe browse para ver quién tiene hueco.
status-linked = Tu cuenta de { $platform } ({ $account }) está vinculada a esta; te escribo donde me escribiste la última vez.
stage-submitted = enviada, esperando la revisión de una persona coordinadora
stage-info-requested = esperando tu respuesta a una pregunta del equipo de coordinación
stage-waitlisted = en la lista de espera
stage-approved = aceptada, completando los pasos previos a la asignación
stage-ready = lista para asignarte pareja
stage-ineligible = no admisible esta vez
stage-rejected = no aceptada esta vez
stage-withdrawn = retirada
stage-resting = aceptada; tu mentoría ha terminado y por ahora no estás en el grupo de asignación
stage-offered = se ha propuesto una pareja (mira abajo)
stage-matched = con pareja (mira abajo)

## El estado de un paso previo, en `status`.

step-pending = pendiente
step-scheduled = programado para el { $date }
step-done = hecho ({ $date })
step-cleared = superado, válido hasta el { $date }
step-failed = no superado
step-expired = caducado el { $date }
step-acknowledged = confirmado ({ $date })

## Tus datos: `my data` y `delete my data` (flows::personal).

personal-settling = Por tu seguridad, durante un día después de vincular una cuenta, tus datos solo se pueden enviar o borrar desde tu cuenta de { $platform } ({ $account }), la que dio el código. Pídelo allí, o aquí de nuevo después del { $at } UTC.
personal-gather-failed = No he podido reunir tus datos ahora mismo; inténtalo de nuevo en un momento.
personal-file = Aquí tienes todo lo que Tandem guarda sobre ti, en un archivo JSON: tus solicitudes y respuestas, parejas, seguimientos, invitaciones a encuestas (las respuestas a encuestas anónimas no están vinculadas a ti, así que no se pueden incluir), respuestas a eventos y los avisos que hiciste. No se incluyen los avisos sobre ti ni los registros de protección conservados por una retención legal. Para que se borre, escribe delete my data.
personal-confirm = ¿Quieres que borre tus datos? Esto borra tus solicitudes y respuestas, { $matches }te saca de todos los programas y no se puede deshacer. Las cifras de los programas conservan un recuento sin nombre (cuántas personas participaron); los avisos que hiciste quedan con las personas moderadoras sin tu nombre. { $kept }
personal-ends-match = termina tu mentoría (a tu pareja se le dirá con tacto y se le ofrecerá otra),{ " " }
personal-ends-matches = termina tus mentorías (a tus parejas se les dirá con tacto y se les ofrecerá otra),{ " " }
personal-delete-yes = Sí, borrar mis datos
personal-delete-no = No, conservarlos
personal-kept = Algunos registros de protección, si los hay, se conservan { $years ->
        [one] { $years } año
       *[other] { $years } años
    } incluso después del borrado, como exigen las normas de protección: avisos sobre ti, verificaciones de antecedentes no superadas y suspensiones. Después se borran.
personal-answer = Responde 1 (sí, borrar mis datos) o 2 (no, conservarlos).
personal-nothing-deleted = De acuerdo: no se ha borrado nada.
personal-partner-left = Novedades sobre tu pareja de mentoría: la otra persona ha dejado el programa, así que no puede seguir adelante. No tiene nada que ver contigo; ya estamos buscándote otra.
personal-done = Hecho: tus datos se han borrado y has dejado todos los programas. { $kept } Gracias por el tiempo que pasaste con nosotros; puedes volver cuando quieras.
