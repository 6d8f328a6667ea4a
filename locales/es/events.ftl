# Eventos de grupo: el anuncio, las respuestas (rsvp) y los recordatorios, para todos;
# crearlos, listarlos y cancelarlos, para la coordinación. Los comandos (event, events,
# rsvp) y las respuestas yes, no y maybe se escriben como están.

event-when = { $weekday } { $day } { $month } { $year }, { $time } { $zone } ({ $utc } UTC)
event-when-utc = { $weekday } { $day } { $month } { $year }, { $time } UTC
event-when-local = { $weekday } { $day } { $month } { $year }, { $time } { $zone }
event-places = { $count ->
    [one] 1 plaza
   *[other] { $count } plazas
}
event-tally = { $yes } sí, { $maybe } quizás, { $no } no
event-tally-places = { $yes } sí, { $maybe } quizás, { $no } no ({ $places })
choice-maybe = Quizás

## Para todos.

event-announcement = 📅 { $title } — { $when }
event-length = { $minutes } minutos.
event-length-places = { $minutes } minutos. Plazas: { $places }.
event-will-you-come = ¿Vienes? (Evento n.º { $n }; o escribe rsvp { $n } yes, no o maybe).
event-none = No hay ningún evento n.º { $n }.
event-rsvp-how = Responde yes, no o maybe (por ejemplo: rsvp { $n } yes).
event-rsvp-usage = Para responder a una invitación, escribe rsvp, el número del evento y yes, no o maybe (por ejemplo: rsvp 3 yes).
event-was-cancelled = { $title } ({ $when }) se canceló, así que no hay nada que responder.
event-started = { $title } ya ha empezado.
event-full = Lo siento, { $title } está completo ({ $places }). Responde maybe y la coordinación sabrá que te gustaría venir.
event-going = Vas a { $title } — { $when }. Te lo recordaré antes de que empiece.
event-maybe = Anotado como quizás para { $title } — { $when }. Responde yes si decides venir.
event-not-going = Anotado: no vendrás a { $title }. Gracias por avisarnos.
event-cancelled-notice = Cancelado: { $title } — { $when }. Perdona el cambio.
event-cancelled-notice-reason = Cancelado: { $title } — { $when }. Motivo: { $reason } Perdona el cambio.
event-reminder = Recordatorio: { $title } empieza dentro de { $soon }, { $when }.
event-reminder-local = Recordatorio: { $title } empieza dentro de { $soon }, { $when }. Donde estás tú, eso es { $local }.
event-hours = { $count ->
    [one] 1 hora
   *[other] { $count } horas
}
event-minutes = { $count ->
    [one] 1 minuto
   *[other] { $count } minutos
}

## Para la coordinación.

event-usage = Uso: event create title: <título>; start: <fecha y hora> [zona]; ... · events · event show <n> · event cancel <n> [motivo] · rsvp <n> yes|no|maybe
event-staff-room = Los comandos de eventos funcionan en la sala de coordinación.
event-only-coordinators = { $who }, solo la coordinación de un programa puede gestionar eventos.
event-none-upcoming = No hay eventos próximos.
event-none-create = No hay eventos próximos. Crea uno con: event create title: ...; start: ...
event-upcoming = Próximos eventos ({ $count }):
event-line = n.º { $n } { $title } — { $when } · { $tally }
event-other-programme = El evento n.º { $n } es de otro programa: lo gestiona su coordinación, en su sala.
event-nobody-yet = nadie todavía
event-show =
    Evento n.º { $n } { $title } — { $when }
    Anunciado en { $room }
    { $tally }
    Vienen: { $yes }
    Quizás: { $maybe }
event-show-cancelled =
    Evento n.º { $n } { $title } — { $when } · CANCELADO
    Anunciado en { $room }
    { $tally }
    Vienen: { $yes }
    Quizás: { $maybe }
event-already-cancelled = El evento n.º { $n } ya estaba cancelado.
event-already-begun = El evento n.º { $n } ya ha empezado; no se puede cancelar.
event-cancelled-by = { $who } canceló el evento n.º { $n }; { $told ->
    [one] se avisó a 1 persona que había respondido sí o quizás.
   *[other] se avisó a { $told } personas que habían respondido sí o quizás.
}
event-room-unusable = room: no puedo publicar en «{ $room }». Indica el id de la sala ({ $how }).
event-where = ¿Dónde se anuncia? Añade room: <sala> (no hay una sala de eventos configurada).
event-created = Evento creado: { $title } — { $sessions ->
    [one] 1 sesión
   *[other] { $sessions } sesiones
}, cada una anunciada en { $room } con RSVP { $days } días antes (enseguida si falta menos); los recordatorios van a quienes respondan que sí. Las horas están en { $zone }.
