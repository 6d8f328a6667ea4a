# Revisar solicitudes (flows::review): lo que se le dice a quien solicita de una decisión
# o de un paso de selección, y el lado de la coordinación.

## A quien solicita.

review-accepted = Buenas noticias: ¡tu solicitud a { $programme } como { $role } ha sido aceptada!
review-accepted-ready = Buenas noticias: ¡tu solicitud a { $programme } como { $role } ha sido aceptada! Ya puedes ser emparejado o emparejada; te escribiremos cuando tengamos un emparejamiento para ti.
review-steps-remain = Antes de poder emparejarte, quedan algunos pasos:
review-status-hint = Escribe status cuando quieras para ver cómo vas.
review-ready = Completaste todos los pasos de { $programme }: ¡ya puedes ser emparejado o emparejada! Te escribiremos cuando tengamos un emparejamiento para ti.
review-not-ready = Novedades sobre tu plaza en { $programme }: { $steps } necesita atención, así que por ahora no estás en el grupo para emparejar. Una persona de la coordinación te ayudará a resolverlo.
review-rejected =
    Gracias por solicitar { $programme } como { $role }. Tras revisar tu solicitud, la coordinación no puede ofrecerte una plaza esta vez.
    Su nota: { $reason }
    Gracias por tu interés, y que esto no te desanime, por favor.
review-waitlisted = Gracias por solicitar { $programme } como { $role }. Tu solicitud está en nuestra lista de espera: te escribiremos en cuanto se abra una plaza. Escribe status cuando quieras para ver en qué punto estás.
review-step-scheduled = Tu { $step } para { $programme } está programada para el { $when }. Si esa hora no te viene bien, responde aquí o contacta con la coordinación.
review-when = { $weekday } { $date }
review-when-time = { $weekday } { $date }, { $time } ({ $zone })
ready-mentor-profile = En este programa, las personas mentoradas eligen a su mentor: escribe profile para elegir qué ven de ti (hasta que muestre algo, no apareces en la lista).
ready-mentee-rank = Aquí eliges a tu mentor: escribe browse para ver quién tiene hueco, y luego rank con quienes te gustarían, tu primera opción primero.
ready-mentee-choose = Aquí eliges a tu mentor: escribe browse para ver quién tiene hueco.
ready-mentee-mixed = Puedes esperar a que la coordinación te proponga un mentor, o elegir tú: escribe browse para ver quién tiene hueco.

## A la coordinación.

review-room = Los comandos de coordinación solo funcionan en la sala de coordinación, para que las solicitudes no se muestren nunca en otro sitio.
review-only-coordinators = Lo siento, { $who }: solo la coordinación del programa puede { $what }.
review-only-coordinators-here = Lo siento, { $who }: solo la coordinación del programa puede { $what }. Esta sala es de { $here }: trabaja otro programa en su propia sala de coordinación.
review-no-application = No hay ninguna solicitud A{ $id }. Escribe { $prefix } queue para ver las solicitudes que esperan revisión.
review-programme-gone = La solicitud A{ $id } es del programa `{ $programme }`, que ya no está configurado.
review-already-decided = La solicitud A{ $id } ya se decidió: { $how }.
review-reason-long = Deja el motivo en menos de { $max } caracteres, por favor (tiene { $count }): se le envía a quien solicita como mensaje.
review-question-long = Deja la pregunta en menos de { $max } caracteres, por favor (tiene { $count }): se le envía a quien solicita como mensaje.
review-note-long = Deja la nota en menos de { $max } caracteres, por favor (tiene { $count }).
review-approved-ready = { $who } aprobó la solicitud A{ $id } ({ $name }, { $role }). Se le ha informado, y ya puede ser emparejada.
review-approved-steps = { $who } aprobó la solicitud A{ $id } ({ $name }, { $role }). Se le ha informado; ahora vienen sus pasos de selección.
review-rejected-posted = { $who } rechazó la solicitud A{ $id } ({ $name }); se le ha informado, con el motivo.
review-already-waitlisted = La solicitud A{ $id } ya está en la lista de espera.
review-waitlisted-posted = { $who } puso la solicitud A{ $id } ({ $name }) en la lista de espera.
review-asked = Pregunta enviada a quien solicitó A{ $id } ({ $name }). Su respuesta se publicará aquí.
review-noted = Nota añadida a A{ $id } ({ $name }); solo la ve la coordinación, en su tarjeta (show A{ $id }).
review-step-ambiguous = `{ $name }` puede ser varios pasos de A{ $id }: { $labels }. Nombra uno de ellos.
review-step-unknown = La solicitud A{ $id } ({ $role }) no tiene ningún paso `{ $step }`; este rol no tiene pasos de selección.
review-step-unknown-list = La solicitud A{ $id } ({ $role }) no tiene ningún paso `{ $step }`; sus pasos son: { $steps }.
review-step-not-approved = La solicitud A{ $id } aún no está aprobada ({ $status }): los pasos de selección se registran una vez aprobada.
review-step-recorded = Registrado para A{ $id } ({ $name }): { $step } — { $state }.
review-told-when = Se le ha dicho a { $name } cuándo.
review-ack-again = Se le envía de nuevo { $step } a { $name } para que lo confirme.
review-check-failed = A{ $id } ({ $name }) no puede ser emparejada mientras su verificación de antecedentes no esté aprobada. Piensa si rechazar la solicitud.
review-now-ready = A{ $id } ({ $name }) completó todos los pasos de selección y ya puede ser emparejada.
review-no-longer-ready = A{ $id } ({ $name }) ya no puede ser emparejada: { $steps } sin completar.
review-in-the-past = { $date } ya pasó; indica la fecha en la que tendrá lugar la entrevista.

## Cómo escribir cada comando de revisión.

review-usage-show = Uso: show <número de solicitud>, por ejemplo: show A12
review-usage-approve = Uso: approve <número de solicitud>, por ejemplo: approve A12
review-usage-waitlist = Uso: waitlist <número de solicitud>, por ejemplo: waitlist A12
review-usage-reject = Uso: reject <número de solicitud> <motivo, que se envía a quien solicita>, por ejemplo: reject A12 Buscamos mentores con al menos tres años de experiencia.
review-usage-ask = Uso: ask <número de solicitud> <pregunta>, por ejemplo: ask A12 ¿Qué tardes tienes libres?
review-usage-note = Uso: note <número de solicitud> <texto, que solo ve la coordinación>, por ejemplo: note A8 Prefiere llamadas por la tarde; la conocí en la jornada de puertas abiertas.
review-usage-step = Uso: step <número(s) de solicitud> <paso> <novedad>, por ejemplo: step A12 interview done, step A12 interview scheduled 20/01 18:00, step A12 background check cleared until 30/06/2029, step A6, A7 y A9 training done

## Lo que solo la coordinación de un programa puede hacer: el final de «Lo siento, …: solo
## la coordinación del programa puede …» (review-only-coordinators).

coordinators-can-use = usar `{ $verb }`
coordinators-can-verb-in = { $verb ->
    [approve] aprobar solicitudes de { $programme }
    [reject] rechazar solicitudes de { $programme }
    [ask] hacer preguntas a solicitudes de { $programme }
    [waitlist] poner en lista de espera solicitudes de { $programme }
    [note] anotar solicitudes de { $programme }
    [step] registrar pasos de solicitudes de { $programme }
    [show] ver solicitudes de { $programme }
   *[other] usar `{ $verb }` con solicitudes de { $programme }
}
coordinators-can-list-matches = listar los emparejamientos
coordinators-can-see-match = ver el emparejamiento { $match }
coordinators-can-look-up = buscar personas
coordinators-can-assist = registrar una solicitud en nombre de alguien
coordinators-can-assist-in = trabajar con solicitudes asistidas de { $programme }
coordinators-can-match = emparejar personas
coordinators-can-match-in = emparejar personas en { $programme }
coordinators-can-report = ver el informe del programa
coordinators-can-export = exportar los registros del programa
coordinators-can-broadcast = enviar un aviso a un programa
coordinators-can-see-reads = ver quién leyó los recursos
coordinators-can-announce = anunciar un programa
coordinators-can-close = cerrar un emparejamiento
coordinators-can-check-ins = trabajar con los seguimientos del equipo
coordinators-can-match-check-ins = trabajar con los seguimientos del emparejamiento { $match }
coordinators-can-see-surveys = ver las encuestas
coordinators-can-surveys = enviar encuestas o ver sus resultados
coordinators-can-pause = pausar o reanudar un emparejamiento
coordinators-can-answer = responder la pregunta { $label }
coordinators-can-confirm = confirmar una acción
