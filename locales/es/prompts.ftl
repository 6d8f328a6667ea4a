# Lo que el bot pregunta por su cuenta (flows::prompts): la pregunta de un revisor, los
# seguimientos y las propuestas de emparejamiento.

prompt-question = Una persona de la coordinación que revisa tu solicitud a { $programme } tiene una pregunta para ti:

    “{ $question }”

    Responde con tu respuesta (hasta { $max } caracteres).
prompt-type-answer = Escribe tu respuesta, por favor.
prompt-waiting-answer = Tu solicitud está esperando tu respuesta a esta pregunta.
prompt-answer-first = Respondamos primero a la pregunta de la coordinación.
prompt-no-answer = No he recibido ninguna respuesta.
prompt-answer-too-long = Tu respuesta debe tener menos de { $max } caracteres (la tuya tiene { $chars }).
prompt-answer-passed = ¡Gracias! He pasado tu respuesta a la coordinación. Escribe status cuando quieras para ver cómo va tu solicitud.

checkin-ask = Seguimiento de { $programme } sobre tu mentoría con { $partner }: { $text }
checkin-met = Sí, nos hemos reunido
checkin-not-yet = Todavía no
checkin-stuck = Estamos atascados
checkin-closed = Ese seguimiento está cerrado: tu emparejamiento ya no está activo.
checkin-retry = Responde 1, 2 o 3, por favor.
checkin-thanks-met = ¡Genial, gracias por contárnoslo! Sigan así.
checkin-thanks-not-yet = Gracias por contárnoslo. Basta una llamada corta: ¿por qué no propones dos horarios a { $partner } en su sala?
checkin-thanks-stuck = Gracias por contárnoslo. Alguien de la coordinación se pondrá en contacto contigo pronto; para escribirle tú, escribe ask the team seguido de tu mensaje. Si ha pasado algo preocupante, también puedes escribir report para contárselo en privado a las personas moderadoras.

offer-proposed = Buenas noticias de { $programme }: nos gustaría emparejarte con { $other } como { $role ->
    [mentor] tu mentor o mentora
   *[mentee] tu mentee
}.
offer-asked = { $other }, mentee de { $programme }, quiere que seas su mentor o mentora.
offer-introduction = Lo que te cuenta de sí:
    { $intro }
offer-in-common = Lo que tienen en común:
offer-relay-decline = Si prefieres no hacerlo, rechaza: nadie más sabrá por qué.
offer-accept = ¿Quieres aceptar?
offer-accept-by = ¿Quieres aceptar? Responde antes del { $date }, por favor.
offer-yes = Aceptar
offer-no = Rechazar
offer-closed = Esa propuesta de emparejamiento ya no está abierta (se respondió, se retiró o caducó). Escribe status para ver en qué punto estás.
offer-retry = Responde aceptar o rechazar, por favor.
offer-request-approved = La coordinación ha aprobado tu solicitud a { $mentor }, y ya se le ha preguntado. Te avisaremos en cuanto responda (a más tardar el { $date }).
offer-waiting-other = ¡Gracias! Esperamos la respuesta de { $other } y te avisaremos.
offer-matched = { $partner } y tú han aceptado: ¡ya están emparejados! { $room }
offer-room-relayed = He creado una sala privada para ti aquí en { $platform }, unida a otra para { $partner } en { $other } (copio cada mensaje de una a otra), con unas palabras para empezar.
offer-room-on = He creado una sala privada para los dos en { $platform }, con unas palabras para empezar.
offer-room = He creado una sala privada para los dos, con unas palabras para empezar.
offer-relay-note = { $mentee } está en { $mentee_platform } y { $mentor } en { $mentor_platform }, así que su sala son dos salas unidas por Tandem: cada mensaje (y archivo) escrito en una se copia en la otra con el nombre de quien lo escribe, y sus ediciones y borrados también. Por eso Tandem lee lo que escriben allí, aunque la sala esté cifrada.
offer-declined-request-mine = Gracias por avisarnos. Sigues en la lista para otros mentees.
offer-declined-request = Novedades sobre tu solicitud: { $name } no puede acompañarte. No tiene nada que ver contigo. { $next }
offer-declined-mine = Gracias por avisarnos. Sigues en el programa y te propondremos a otra persona lo antes posible.
offer-declined = Novedades sobre tu emparejamiento: { $name } no puede seguir adelante. No tiene nada que ver contigo; ya estamos buscando otro emparejamiento para ti.
offer-withdrawn = Novedades sobre tu propuesta de emparejamiento con { $partner }: lo siento, al final no puede seguir adelante. La coordinación se pondrá en contacto contigo para ver los próximos pasos.
offer-expired-request-unanswered = La solicitud de { $partner } ha caducado, porque no recibimos tu respuesta a tiempo. Nada más cambia para ti.
offer-expired-request = { $partner } no respondió a tu solicitud a tiempo. No tiene nada que ver contigo. { $next }
offer-expired-unanswered = La propuesta de emparejamiento con { $partner } ha caducado, porque no recibimos tu respuesta a tiempo. Sigues en el programa; escribe status para ver en qué punto estás.
offer-expired = El emparejamiento con { $partner } no salió adelante, porque no recibimos las dos respuestas a tiempo. No tiene nada que ver contigo; pronto te propondremos a otra persona.
offer-request-set-aside = Novedades sobre tu solicitud a { $mentor }: esta vez la coordinación no ha podido aprobarla. No tiene nada que ver contigo. { $next }
offer-choose-again-or-wait = Escribe browse para elegir a otra persona mentora, o espera: la coordinación te propondrá una.
offer-rank-again = Era la última persona mentora de tu lista: escribe browse para ver quién tiene hueco y vuelve a ordenar. La coordinación lo sabe y puede proponerte a alguien.
offer-choose-again = Escribe browse para elegir a otra persona mentora.

# Terminar un emparejamiento (flows::closure).
close-ended-on = Tu emparejamiento M{ $id } ya terminó (el { $date }).
close-ended = Tu emparejamiento M{ $id } ya terminó.
close-no-such = No tienes ningún emparejamiento activo M{ $id }.
close-none = No tienes ningún emparejamiento activo que terminar.
close-with = M{ $id } con { $partner }
close-which = Tienes { $count } emparejamientos activos: { $matches }. ¿Cuál? Escribe close match <número>.
close-confirm = ¿Quieres terminar ahora tu mentoría con { $partner }? A { $partner } se le dirá con amabilidad que ha terminado (no por qué), su sala se cerrará y a los dos se les ofrecerá un nuevo emparejamiento. Si ha pasado algo preocupante, también puedes escribir report para contárselo en privado a las personas moderadoras.
close-already-ended = Ese emparejamiento ya terminó.
close-kept = De acuerdo: no ha cambiado nada.
close-told-disciplinary = La coordinación del programa ha cerrado tu emparejamiento con { $partner } en { $programme }. Si tienes preguntas, escribe ask the team seguido de tu pregunta.
close-told-not-at-fault = Tu mentoría con { $partner } en { $programme } ha terminado: el programa ha cerrado el emparejamiento. No es culpa tuya, y nada de lo que hiciste lo causó. Gracias por el tiempo y el cariño que le dedicaste; su sala ya está cerrada. Si quieres hablar de ello, la coordinación está aquí para ti.
close-told-closer = Tu mentoría con { $partner } ha terminado. Gracias por el tiempo y el cariño que le dedicaste. Vuestra sala ya está cerrada.
close-told-partner-left = Tu mentoría con { $partner } ha llegado a su fin: { $partner } no puede continuar. No es culpa de nadie ni dice nada de ti; las parejas terminan antes por todo tipo de motivos. Gracias por el tiempo y el cariño que le dedicaste. Vuestra sala ya está cerrada.
close-told-by-coordinators = La coordinación de { $programme } ha dado por terminada tu mentoría con { $partner }. No es culpa de nadie ni dice nada de ti. Gracias por el tiempo y el cariño que le dedicaste. Vuestra sala ya está cerrada.
next-planned = Ahora que tu mentoría con { $partner } ha terminado, ¿qué te gustaría hacer? Puedes seguir en contacto con { $partner } de manera informal, tener un nuevo emparejamiento o tomarte un descanso.
next-early = ¿Te gustaría un nuevo emparejamiento, o prefieres tomarte un descanso por ahora? Las dos opciones están bien.
next-keep-in-touch = Seguir en contacto de manera informal
next-new-match = Tener un nuevo emparejamiento
next-break = Tomarme un descanso
next-cancelled = De acuerdo. Cuando quieras un nuevo emparejamiento, escribe ask the team seguido de tu mensaje.
next-retry = Responde con un número del 1 al { $count }, por favor.
next-keep-in-touch-noted = ¡Qué bien! Sigan en contacto como mejor les venga. Si alguna vez quieres un nuevo emparejamiento, escribe ask the team seguido de tu mensaje.
next-break-noted = Anotado: disfruta del descanso. Cuando quieras un nuevo emparejamiento, escribe ask the team seguido de tu mensaje; no tendrás que volver a presentar solicitud.
next-new-match-noted = Anotado: vuelves a estar disponible para emparejamientos. Te escribiremos por mensaje directo cuando tengamos uno que proponerte.

# Pausar un emparejamiento (flows::pause).
pause-usage = Para pausar tu mentoría, escribe pause until y una fecha, como pause until { $example } o pause for 2 weeks (como mucho un año). Escribe resume para retomarla antes.
pause-not-future = { $date } no está en el futuro. { $usage }
pause-too-long = Una pausa puede durar como mucho un año; para más tiempo, cierra el emparejamiento. { $usage }
pause-no-match = No tienes ningún emparejamiento activo que pausar.
resume-no-match = No tienes ningún emparejamiento activo que retomar.
pause-several = Estás en varios emparejamientos: pide a tu coordinador o coordinadora que pause el que quieres decir.
pause-paused-self = En pausa: no habrá seguimientos ni recordatorios de tu mentoría con { $partner } hasta el { $date }. Escribe resume para retomarla antes.
pause-resumed-self = ¡Bienvenido o bienvenida de nuevo! Los seguimientos de tu mentoría con { $partner } vuelven a partir del próximo.
pause-paused-by = { $who } ha pausado su mentoría hasta el { $date }: no habrá seguimientos ni recordatorios hasta entonces. Pueden seguir escribiendo en su sala.
pause-resumed-by = { $who } ha retomado su mentoría: los seguimientos vuelven a partir del próximo.
pause-paused-by-coordinator = La coordinación ha pausado tu mentoría con { $partner } hasta el { $date }: no habrá seguimientos ni recordatorios hasta entonces. Pueden seguir escribiendo en su sala.
pause-resumed-by-coordinator = La coordinación ha retomado tu mentoría con { $partner }: los seguimientos vuelven a partir del próximo.
pause-held = Tu mentoría está en pausa por un tiempo por un motivo administrativo; la coordinación se pondrá en contacto.
pause-message-from =
    Un mensaje de la coordinación de { $programme } para los dos ({ $mentee } y { $mentor }):
    { $text }
