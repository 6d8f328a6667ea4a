# Respuestas a un mensaje que no va a ningún otro sitio (flows::decide).

reply-too-long = Ese mensaje es demasiado largo para mí ({ $length } caracteres). Escribe mensajes de menos de { $max } caracteres, por favor.
reply-finish-then-report-message = Terminemos primero lo que estábamos haciendo (o escribe cancel); luego vuelve a reportar el mensaje.
reply-files-not-kept = Solo guardo archivos enviados como prueba en un reporte (escribe report para empezar uno), así que no he guardado este.
reply-picked-nothing-open = Esa pregunta ya no está abierta: no tienes ninguna solicitud en curso. Escribe apply para empezar una, o help para ver lo que puedo hacer.
reply-pair-room-only = “{ $typed }” funciona en la sala de su pareja, para los dos: escribe { $prefix } { $typed } allí.
reply-events-elsewhere = Los comandos de eventos funcionan en la sala de coordinación: escribe allí { $prefix } seguido del comando.
reply-coordinators-elsewhere = Los comandos de coordinación funcionan en la sala de coordinación, junto a las fichas de las solicitudes: escribe allí { $prefix } seguido del comando.
reply-nothing-to-cancel = No hay nada que cancelar: no tienes ninguna solicitud en curso.
reply-nothing-to-stop = No hay nada que parar: no estamos en medio de nada. Escribe help para ver lo que puedo hacer.
reply-no-application = No tienes ninguna solicitud en curso. Escribe apply para empezar una.
reply-no-offer = No hay ninguna propuesta de emparejamiento esperando tu respuesta (se respondió, se retiró o caducó). Escribe status para ver en qué punto estás.
reply-sent-dm = { $user }, te he enviado un mensaje directo.
reply-finish-then-close = Terminemos primero lo que estábamos haciendo; luego escribe close match aquí.
reply-exports-elsewhere = Las exportaciones funcionan en la sala de coordinación.
reply-finish-then-report = Terminemos esto primero (o escribe cancel), y luego vuelve a escribir report aquí:
reply-finish-first = Terminemos primero lo que estábamos haciendo: responde a mi último mensaje aquí, por favor.
reply-announcements-elsewhere = Los anuncios funcionan en la sala de coordinación.
reply-broadcasts-elsewhere = Los envíos masivos funcionan en la sala de coordinación.
reply-answer-in-dm = { $user }, respóndeme en nuestros mensajes directos, por favor: ahí está tu solicitud.

# Algo pedido en medio de una conversación (flows::escape).
escape-action-waiting = Tienes una acción esperando: escribe { $prefix } confirm o { $prefix } cancel en { $room }.
escape-here-again = Estás en medio de algo; aquí está otra vez (escribe stop para dejarlo):
escape-stays-open = Esto sigue abierto hasta que respondas (aun así puedes escribir report, help o delete my data en cualquier momento):
escape-link-later = Terminemos esto primero (o escribe stop): una cuenta se vincula sin nada abierto en ella. Luego envía link con tu código otra vez.
escape-finish-first = Terminemos esto primero (o escribe cancel), y luego te ayudo con eso:
escape-back = Ahora, volvamos a donde estábamos:

## Preguntar al equipo del programa (flows::team): `ask the team` en un mensaje directo, y
## el `reply Q4` de la coordinación en su sala.

team-ask-usage = ¿Qué quieres preguntar? Escribe ask the team seguido de tu pregunta, por ejemplo: ask the team ¿cuándo es el próximo encuentro?
team-question-long = Deja tu pregunta en menos de { $max } caracteres, por favor (tiene { $count }).
team-none = Lo siento, todavía no hay un equipo del programa al que escribir aquí. Inténtalo más tarde, por favor.
team-sent = Enviado al equipo del programa; su respuesta te llegará aquí.
team-answer = El equipo del programa responde a tu pregunta “{ $question }”: { $answer }
team-reply-usage = Uso: reply Q4 <tu respuesta> (el número está en la tarjeta de la pregunta).
team-card = Pregunta { $label } de { $who }: { $text } — Responde aquí: reply { $label } <tu respuesta>
team-room = Las respuestas a preguntas solo funcionan en la sala de coordinación.
team-no-question = No hay ninguna pregunta { $label }.
team-answer-long = Deja la respuesta en menos de { $max } caracteres, por favor (tiene { $count }): se le envía a la persona como mensaje.
team-answered = Respuesta a { $label } enviada a { $who }.
team-answered-again = Respuesta a { $label } enviada a { $who }. Ya se había respondido antes, { $by } el { $on }.
