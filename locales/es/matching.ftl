# Los comandos de emparejamiento de la coordinación (flows::pairing). Los comandos se
# escriben como están; los estados de un emparejamiento y las razones del motor son suyos.

matching-usage = Uso: match preview [programa] · match propose [programa] · match approve <propuesta, como P3> · match approve all [programa] · match reject <propuesta> [motivo] · match swap <propuesta> <solicitud del mentor, como A12> · match rematch <solicitud> · match exclude <solicitud de la persona mentorada> <solicitud del mentor> [motivo] · match include <solicitud de la persona mentorada> <solicitud del mentor> · matches [programa] [estado] · match show <emparejamiento, como M7>
matching-room = Los comandos de coordinación solo funcionan en la sala de coordinación.
matching-no-such = No hay ningún emparejamiento ni propuesta número { $id }.
matching-no-application = No hay ninguna solicitud A{ $id }.
matching-nothing-loaded = No se cargó nada que emparejar.
matching-programme-gone = El programa `{ $programme }` ya no está configurado.
matching-not-set-up = { $programme } no está preparado para emparejar.
matching-not-yours = No coordinas ningún programa llamado `{ $programme }`.
matching-none-set-up = Ninguno de los programas que coordinas está preparado para emparejar (una tabla [matching] en su archivo).
matching-which = ¿Qué programa? Añade su nombre: { $programmes }.
matching-not-ready = La solicitud A{ $id } no está lista para emparejar en { $programme } (solo se puede emparejar a participantes listos).
matching-no-proposals = No hay propuestas esperando aprobación.
matching-already-together = Las solicitudes A{ $mentee } y A{ $mentor } ya están en { $match } ({ $status }).
matching-nothing-apart = Nada separa las solicitudes A{ $mentee } y A{ $mentor }: se pueden proponer la una a la otra (escribe primero la de la persona mentorada).
matching-included = Las solicitudes A{ $mentee } y A{ $mentor } se pueden volver a proponer la una a la otra (levantado: { $lifted }).
matching-exclude-order = Escribe primero la solicitud de la persona mentorada y después la del mentor, ambas en { $programme }: match exclude <solicitud de la persona mentorada> <solicitud del mentor> [motivo].
matching-exclude-open = Las solicitudes A{ $mentee } y A{ $mentor } están en { $match } ({ $status }); recházalo o ciérralo primero.
matching-excluded = Las solicitudes A{ $mentee } y A{ $mentor } nunca se propondrán la una a la otra.
matching-rejected = { $who } rechazó la propuesta P{ $id } ({ $mentee } ↔ { $mentor }). No se volverán a proponer.
matching-rejected-reason = { $who } rechazó la propuesta P{ $id } ({ $mentee } ↔ { $mentor }): { $reason }. No se volverán a proponer.
matching-already = { $match } ({ $mentee } ↔ { $mentor }) ya está { $status }.
matching-request-own-choice = La petición P{ $id } es la elección de mentor de { $mentee }: apruébala (match approve P{ $id }) o recházala (match reject P{ $id } [motivo]); se le informa y puede volver a elegir.
matching-mentee-gone = { $mentee } ya no está lista para emparejar.
matching-not-a-mentor = La solicitud A{ $id } no es de un mentor listo para emparejar en { $programme }.
matching-same-mentor = La propuesta P{ $id } ya tiene ese mentor.
matching-before = { $mentee } y la solicitud A{ $id } ya se emparejaron o propusieron antes: no se vuelven a proponer.
matching-no-place = El mentor de la solicitud A{ $id } no tiene plazas libres.
matching-swap-refused = Ese cambio no está permitido: { $why }.
matching-swapped = { $who } cambió la propuesta P{ $id }: { $mentee } recibe otro mentor (abajo). A quien quede libre con el cambio se le propone de nuevo.

## Cerrar, pausar y escribir a un emparejamiento (flows::closure, flows::pause), el lado de la coordinación.

close-usage = Uso: close match <número de emparejamiento> [disciplinary] <motivo>, como close match 3 el mentor se mudó al extranjero
close-give-reason = Indica un motivo, por favor (queda registrado; a la pareja no se le dice). Uso: close match <número de emparejamiento> [disciplinary] <motivo>, como close match 3 el mentor se mudó al extranjero
close-room = Cerrar un emparejamiento funciona en la sala de coordinación.
close-no-match = No hay ningún emparejamiento M{ $m }.
close-already-closed = El emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }) ya se cerró el { $date } ({ $kind }).
close-not-active = { $match } ({ $mentee } ↔ { $mentor }) está { $status }, no activo: no hay nada que cerrar.
close-ask = ¿Cerrar el emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }, { $programme }, desde el { $since })? A ambas personas se les dice con amabilidad que ha terminado (no el motivo) y se les pregunta qué les gustaría ahora; su sala de pareja se archiva. No se puede deshacer. Motivo registrado: { $reason }
close-ask-disciplinary = ¿Cerrar el emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }, { $programme }, desde el { $since })? A ambas personas se les dice que el programa lo ha cerrado (no el motivo), y a ninguna se le ofrece un nuevo emparejamiento; su sala de pareja se archiva. No se puede deshacer. Motivo registrado: { $reason }
pause-staff-usage = Uso: pause <número de emparejamiento> until <fecha> · resume <número de emparejamiento> · message <número de emparejamiento> <texto>
pause-staff-usage-example = Uso: pause <número de emparejamiento> until <fecha, como { $example } o next Wednesday> · resume <número de emparejamiento> · message <número de emparejamiento> <texto>
pause-room = Pausar un emparejamiento funciona en la sala de coordinación.
pause-staff-no-match = No hay ningún emparejamiento M{ $m }.
pause-not-active = { $match } ({ $mentee } ↔ { $mentor }) no está activo, así que no hay nada que pausar.
pause-not-active-message = { $match } ({ $mentee } ↔ { $mentor }) no está activo, así que no hay a quién escribir.
pause-sent-both = Enviado a { $mentee } y { $mentor } por mensaje directo.
pause-staff-paused = { $who } pausó el emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }) hasta el { $date }.
pause-staff-resumed = { $who } reanudó el emparejamiento M{ $m } ({ $mentee } ↔ { $mentor }).

## Las propuestas del motor (flows::pairing::proposals). Las razones del motor («Shared
## goals: Writing a CV (+10)») son sus propias palabras.

matching-mentees-choose = En { $programme } cada mentee elige a su mentor (matched_by = "{ $setting }"), así que el motor no propone parejas para todos: las personas mentoras se exploran y se piden, y cada solicitud se publica aquí. match rematch <solicitud> sigue proponiendo un mentor para una persona, y match preview muestra lo que propondría el motor.
matching-no-criterion = ningún criterio en común
matching-nobody-yet = Todavía no hay a quién emparejar en { $programme }: { $mentees ->
    [one] 1 mentee
   *[other] { $mentees } mentees
} y { $mentors ->
    [one] 1 mentor
   *[other] { $mentors } mentores
} listos para emparejar.
matching-config-unusable = La configuración de emparejamiento no se puede usar: { $why }
matching-no-new = No hay propuestas nuevas en { $programme }.
matching-no-new-for-now = Por ahora no hay propuestas nuevas en { $programme }: nadie de quienes esperan tiene libre una pareja que encaje.
matching-not-matched = Sin emparejar:
matching-not-matched-now = Sin emparejar esta vez:
matching-proposals = { $count ->
    [one] 1 propuesta de emparejamiento nueva:
   *[other] { $count } propuestas de emparejamiento nuevas:
}
matching-proposal = Propuesta P{ $id }: { $mentee } (mentee, solicitud A{ $mentee_app }) ↔ { $mentor } (mentor, solicitud A{ $mentor_app }), { $score } puntos — { $why }
matching-proposals-reply = Responde: { $prefix } match approve P<número> · { $prefix } match approve all · { $prefix } match reject P<número> [motivo]
matching-request-head = { $mentee } (mentee, solicitud A{ $mentee_app }) pidió a { $mentor } (mentor, solicitud A{ $mentor_app }) que sea su mentor, { $score } puntos — { $why }
matching-request-waits = Solicitud P{ $id }: { $head }. Espera vuestra aprobación antes de preguntar a { $mentor }.
    Responde: { $prefix } match approve P{ $id } · { $prefix } match reject P{ $id } [motivo]
matching-request-asked = Solicitud M{ $id }: { $head }. Se ha pedido a { $mentor } que responda antes del { $by }.
matching-request = Solicitud M{ $id }: { $head }.
matching-preview = Vista previa del emparejamiento de { $programme } (un ensayo: no se envió ni se guardó nada)
matching-preview-matched = { $matched } de { $waiting ->
    [one] 1 mentee
   *[other] { $waiting } mentees
} emparejados, puntuación total { $score }.
matching-preview-pair = { $mentee } ↔ { $mentor }: { $score } puntos — { $why }
matching-spare = Mentores con plazas libres: { $mentors }
matching-spare-mentor = { $mentor } ({ $used } de { $places })

## Qué pasa con una oferta (flows::pairing::offers), para la coordinación.

matching-proposal-invalid = La propuesta P{ $id } ({ $mentee } ↔ { $mentor }) ya no es válida: una de las dos personas ya no está lista para emparejar (retiró su solicitud, o venció un paso de selección). Se ha dejado de lado.
matching-approved = { $who } aprobó el emparejamiento M{ $id } ({ $mentee } ↔ { $mentor }). Se pidió a ambos que acepten antes del { $by }.
matching-approved-request = { $who } aprobó el emparejamiento M{ $id } ({ $mentee } ↔ { $mentor }). Se pidió a { $mentor } (el mentor solicitado) que acepte antes del { $by }.
matching-active = El emparejamiento M{ $id } ({ $mentee } ↔ { $mentor }) está activo: ambos aceptaron y se está creando su sala.
matching-declined = { $who } rechazó el emparejamiento M{ $id } ({ $mentee } ↔ { $mentor }). Ambos vuelven a quedar disponibles; no se les volverá a proponer juntos (match include A{ $mentee_app } A{ $mentor_app } lo permitiría).
matching-offer-withdrawn = La oferta M{ $id } ({ $mentee } ↔ { $mentor }) se retiró antes de empezar: una de las dos personas ya no está lista para emparejar (suspendida, un paso de selección venció o no se superó, o retiró su solicitud). A ambos se les dijo que no puede seguir adelante, sin decir por qué.
matching-expired = El emparejamiento M{ $id } ({ $mentee } ↔ { $mentor }) venció sin las dos respuestas. Ambos vuelven a quedar disponibles y se les puede volver a proponer juntos.
matching-ranked-ran-out = Esa era la última opción de la lista de { $mentee }: { $prefix } match rematch A{ $app } le propone un mentor.
matching-ranked-all-gone = Todas las opciones de la lista de A{ $app } { $mentee } en { $programme } rechazaron, vencieron o ya no están libres. { $prefix } match rematch A{ $app } le propone un mentor.

## Los motivos del motor (matching::plan::explain), mostrados con una propuesta, una oferta
## y la ficha de un mentor.

match-reason = { $criterion }: { $detail }
match-reason-numbers = { $mentee } y { $mentor }
match-reason-hours = { $count ->
    [one] 1 hora
   *[other] { $count } horas
}
match-reason-excluded = Excluida
unmatched-no-mentors = no hay mentores listos para emparejar
unmatched-mentors-full = { $count ->
    [one] el único mentor que podría acompañarle ya está completo con personas mentoradas más afines
   *[other] los { $count } mentores que podrían acompañarle ya están completos con personas mentoradas más afines
}
unmatched-no-room = ningún mentor tiene plazas
unmatched-no-language = ningún mentor comparte un idioma con esta persona
unmatched-time-zones = ningún mentor está dentro de la diferencia horaria permitida
unmatched-same-employer = todos los mentores posibles trabajan para la misma empresa
unmatched-excluded = todos los mentores posibles están excluidos (pareja anterior o una petición)
pair-different-platforms = están en plataformas distintas ({ $mentee } y { $mentor }), y una sala de pareja está en una sola
pair-no-language = no comparten ningún idioma
pair-time-zones = sus zonas horarias están demasiado alejadas
pair-same-employer = trabajan para la misma empresa
pair-excluded = no se les puede emparejar
unmatched-all-full = todos los mentores listos para emparejar están completos
unmatched-no-platform = ningún mentor listo para emparejar comparte una plataforma con esta persona
unmatched-platform-full = todos los mentores de { $platform }, donde está esta persona, están completos
unmatched-not-on-platform = ningún mentor listo para emparejar está en { $platform }, donde está esta persona
