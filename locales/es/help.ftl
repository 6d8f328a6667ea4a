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
personal-file = Aquí tienes todo lo que Tandem guarda sobre ti, en un archivo JSON: tus solicitudes y respuestas, parejas, seguimientos, invitaciones a encuestas (las respuestas a encuestas anónimas no están vinculadas a ti, así que no se pueden incluir), respuestas a eventos, los avisos que hiciste y los avisos de seguridad sobre tus mensajes en salas de pareja. No se incluyen los avisos sobre ti ni los registros de protección conservados por una retención legal. Para que se borre, escribe delete my data.
personal-confirm = ¿Quieres que borre tus datos? Esto borra tus solicitudes y respuestas, { $matches }te saca de todos los programas y no se puede deshacer. Las cifras de los programas conservan un recuento sin nombre (cuántas personas participaron); los avisos que hiciste quedan con las personas moderadoras sin tu nombre. { $kept }
personal-ends-match = termina tu mentoría (a tu pareja se le dirá con tacto y se le ofrecerá otra),{ " " }
personal-ends-matches = termina tus mentorías (a tus parejas se les dirá con tacto y se les ofrecerá otra),{ " " }
personal-delete-yes = Sí, borrar mis datos
personal-delete-no = No, conservarlos
personal-kept = Algunos registros de protección, si los hay, se conservan { $years ->
        [one] { $years } año
       *[other] { $years } años
    } incluso después del borrado, como exigen las normas de protección: avisos sobre ti, verificaciones de antecedentes no superadas, suspensiones y los avisos de seguridad sobre tus mensajes en salas de pareja que el equipo coordinador conservó. Después se borran.
personal-answer = Responde 1 (sí, borrar mis datos) o 2 (no, conservarlos).
personal-nothing-deleted = De acuerdo: no se ha borrado nada.
personal-partner-left = Novedades sobre tu pareja de mentoría: la otra persona ha dejado el programa, así que no puede seguir adelante. No tiene nada que ver contigo; ya estamos buscándote otra.
personal-done = Hecho: tus datos se han borrado y has dejado todos los programas. { $kept } Gracias por el tiempo que pasaste con nosotros; puedes volver cuando quieras.

## La ayuda de los comandos del equipo (flows::help::staff): `help` en la sala de
## coordinación y en la de moderación, al contacto de escalado por mensaje directo, y
## `help <comando>`.

# Los comandos, su uso (`approve <application>`) y sus ejemplos (`reject A12 We need
# mentors…`) se escriben igual en todos los idiomas, así que quedan en inglés en el código:
# `help` encuentra un comando por las palabras de su uso, y las pruebas pasan cada ejemplo
# por el registro de comandos. Aquí solo está lo que se dice de ellos.
# `$prefix` es el prefijo de la sala (`!tandem`); `$help` es `help` tal como se escribe allí.

# La primera línea del menú, según dónde se escriben los comandos.
staff-help-desk-coordinators = Comandos de coordinación (escríbelos aquí, después de { $prefix }):
staff-help-desk-moderators = Comandos de moderación (escríbelos aquí, después de { $prefix }):
staff-help-desk-contact = Los casos que pueden tratarse de alguien del equipo de moderación son tuyos: trabájalos aquí, por mensaje directo, con estos comandos (sin prefijo):
staff-help-desk-participant = Los comandos de tu propia pareja, por mensaje directo:

# Los títulos de los grupos, con sus dos puntos.
staff-help-group-screening = Selección:
staff-help-group-matching = Emparejar (propuestas: P…):
staff-help-group-matches = Emparejamientos (M…):
staff-help-group-events = Eventos:
staff-help-group-surveys = Encuestas:
staff-help-group-figures = Cifras y exportaciones:
staff-help-group-cases = Casos:
staff-help-group-actions = Acciones de moderación (cada una te pide confirmación):
staff-help-group-own-pair = Tu pareja:

# Lo que hace cada comando, tras su ejemplo y una raya: en minúscula y sin punto final
# (`help <comando>` le pone la mayúscula).
staff-help-does-review-queue = las solicitudes que esperan revisión, la más antigua primero
staff-help-does-screening-summary = recuentos por estado y rol, las que más esperan, las comprobaciones que caducan en 30 días
staff-help-does-show-application = la ficha de una solicitud: respuestas, resultados de las reglas, preguntas, decisiones
staff-help-does-approve = aceptar: se avisa a la persona y empiezan sus pasos de selección
staff-help-does-reject = rechazar: el motivo se envía a la persona
staff-help-does-ask-applicant = preguntar a la persona por mensaje directo; su respuesta se publica aquí
staff-help-does-waitlist = poner en la lista de espera; a la persona se le recuerda de vez en cuando
staff-help-does-note-application = una nota privada en la solicitud, que se ve en su ficha con quién y cuándo; nunca se envía a la persona
staff-help-does-record-step = registrar un paso de selección (por su id o su nombre; varias solicitudes a la vez: step A6, A7 training done): done, scheduled <fecha> [hora] (se avisa a la persona), cleared until <fecha>, failed, pending
staff-help-does-match-preview = un ensayo: cada propuesta y por qué, quién queda fuera y por qué; no se guarda nada
staff-help-does-match-propose = guardar las propuestas y listarlas con sus números
staff-help-does-match-approve = ofrecer la pareja: a las dos personas se les pregunta por mensaje directo si aceptan
staff-help-does-match-approve-all = ofrecer todas las propuestas abiertas
staff-help-does-match-reject = no volver a proponer nunca esa pareja; se proponen las siguientes mejores opciones
staff-help-does-match-swap = dar a la persona mentorada de la propuesta ese mentor en su lugar
staff-help-does-match-rematch = nuevas propuestas para una persona (sin sus parejas anteriores)
staff-help-does-match-exclude = no proponer nunca a dos personas entre sí (include lo levanta)
staff-help-does-match-list = los emparejamientos de tus programas y cómo va cada uno, los más urgentes primero (los abiertos, salvo que filtres)
staff-help-does-match-show = un emparejamiento completo: las dos personas, su etapa y su estado, los seguimientos, qué hacer después
staff-help-does-find-person = buscar personas de tus programas por (parte de) su nombre o su id, con sus solicitudes y emparejamientos
staff-help-does-check-ins-due = los seguimientos del equipo que tocan esta semana o van con retraso, los más atrasados primero, con quién cuida de cada pareja
staff-help-does-check-in-history = los seguimientos del equipo de un emparejamiento con sus notas, quién lo cuida y cuándo toca el siguiente
staff-help-does-check-in-log = registrar un contacto del equipo con una pareja (concern: el emparejamiento queda en riesgo hasta un contacto sin preocupación)
staff-help-does-check-in-assign = pasar una pareja a otra persona del equipo, a quien se avisa
staff-help-does-close-match = terminar un emparejamiento antes de tiempo, sin culpa (disciplinary: no se ofrece un nuevo emparejamiento)
staff-help-does-pause-match = sin seguimientos ni recordatorios para la pareja hasta esa fecha
staff-help-does-resume-match = terminar una pausa antes
staff-help-does-message-pair = un mensaje directo a las dos personas, de parte de la coordinación
staff-help-does-reply-to-question = responder por mensaje directo a la pregunta de un participante (ask the team)
staff-help-does-programme-report = las cifras del programa, con un gráfico
staff-help-does-resource-progress = cada recurso del programa: para quién es ahora, quién lo ha leído y quién no
staff-help-does-broadcast = un anuncio por mensaje directo a todo el público elegido, tras un ensayo y tu confirmación; las líneas que empiezan por es: o ar: son sus traducciones
staff-help-does-assist = registrar la solicitud de alguien sin cuenta de chat (una llamada, un formulario en papel), respondiendo sus preguntas en tu mensaje directo; la persona la retoma con el código que recibes (assist code crea uno nuevo)
staff-help-does-announce-apply = publicar la tarjeta de solicitud del programa en una sala de la comunidad (un botón Apply en Discord); las solicitudes que llegan por ella cuentan como de un anuncio en report
staff-help-does-export = los registros en un archivo, con seudónimos
staff-help-does-event-create = una sesión de grupo, anunciada con botones para confirmar asistencia
staff-help-does-event-list = las próximas sesiones con las respuestas hasta ahora
staff-help-does-event-show = quién va a una sesión
staff-help-does-event-cancel = cancelar una sesión: se avisa a quien dijo sí o quizá
staff-help-does-survey-list = cada encuesta con a cuántas personas se preguntó y cuántas respondieron
staff-help-does-survey-send = preguntar a las personas por mensaje directo (nunca dos veces mientras está abierta)
staff-help-does-survey-results = las respuestas en conjunto, a partir del mínimo de anonimato
staff-help-does-case-list = los casos abiertos, los más graves y antiguos primero
staff-help-does-case-show = la ficha del caso
staff-help-does-case-claim = asumir el caso
staff-help-does-case-note = una nota interna
staff-help-does-case-ask = preguntar a quien reportó por mensaje directo, de parte del equipo de moderación; la respuesta llega aquí
staff-help-does-case-resolve = cerrar el caso: a quien reportó se le comunica el resultado
staff-help-does-case-reopen = volver a abrir un caso resuelto
staff-help-does-case-log = el registro de auditoría del caso: cada evento, quién y cuándo
staff-help-does-case-reveal = revelar el nombre de quien reportó de forma anónima: hacen falta dos personas moderadoras, y solo a ellas se les dice, por mensaje directo
staff-help-does-case-escalate = pasar el caso (una sola palabra es una persona, que recibe un mensaje directo)
staff-help-does-case-concerns = vincular el caso con la persona de la que trata (not: desvincular)
staff-help-does-case-close-match = cerrar el emparejamiento de una persona vinculada como disciplinario
staff-help-does-case-evidence = publicar los archivos del caso (la apertura queda registrada)
staff-help-does-freeze = dejar una sala de pareja en solo lectura
staff-help-does-unfreeze = volver a permitir escribir en una sala de pareja congelada
staff-help-does-suspend = fuera de sus salas de pareja; mientras tanto no puede presentar solicitudes ni recibir un emparejamiento
staff-help-does-unsuspend = levantar una suspensión
staff-help-does-remove-from-room = sacar a alguien de una sala que gestiona el bot
staff-help-does-confirm-action = llevar a cabo, o descartar, la acción que pediste
staff-help-does-confirm-coordinator-action = llevar a cabo, o descartar, el close match o el survey send que pediste
staff-help-does-transcript = los mensajes de tu sala de pareja, en un archivo

# La última línea del menú.
staff-help-footer = Escribe { $help } <comando> para ver las palabras de un comando, un ejemplo y quién puede usarlo.
staff-help-footer-like = Escribe { $help } <comando> para ver las palabras de un comando, un ejemplo y quién puede usarlo, como { $example }.

# `help <comando>`: su uso (tal como se escribe) y después estas líneas.
staff-help-does = { $does }.
staff-help-example = Ejemplo: { $example }
staff-help-who-may = Quién puede usarlo: { $who }.
# Quién puede usar un comando, y dónde (unidos con staff-help-who-and si son varios).
staff-help-who-any-coordinator = cualquier persona de coordinación, en la sala de coordinación
staff-help-who-its-coordinators = la coordinación del programa al que se refiere, en la sala de coordinación
staff-help-who-any-moderator = cualquier persona moderadora, en la sala de moderación
staff-help-who-moderator = una persona moderadora, en la sala de moderación, en un caso que no se trata del equipo de moderación
staff-help-who-concerned-moderator = una persona moderadora a la que concierne el caso, en la sala de moderación
staff-help-who-contact = el contacto de escalado, por mensaje directo sin el prefijo, en un caso que puede tratarse de alguien del equipo de moderación
staff-help-who-pair-member = una persona de la pareja, sobre su propio emparejamiento, por mensaje directo
staff-help-who-and = { $first }; { $then }

# `help match`: los comandos cuyo nombre empieza por esas palabras.
staff-help-several = Comandos que empiezan por «{ $topic }»:
staff-help-several-one = Escribe { $help } para ver uno.
# `help aprove`: no existe ese comando; `$suggestions` son los más parecidos (unidos con staff-help-or).
staff-help-unknown = No conozco ningún comando del equipo llamado «{ $asked }». Escribe { $help } para ver los comandos de esta sala.
staff-help-unknown-suggest = No conozco ningún comando del equipo llamado «{ $asked }». ¿Querías decir { $suggestions }? Escribe { $help } para ver los comandos de esta sala.
staff-help-or = { $first } o { $then }
