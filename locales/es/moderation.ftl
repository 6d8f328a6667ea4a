# El lado del equipo de moderación en los casos (flows::incident::cases). Los comandos se
# escriben como están; las palabras del registro (claimed, note, …) se guardan en inglés.

case-usage = Uso: cases · case show <n> · case claim <n> · case note <n> <texto> · case ask <n> <pregunta> · case escalate <n> <a quién> · case resolve <n> <resultado> · case reopen <n> · case log <n> · case evidence <n> · case reveal <n> · case concerns <n> [not] <persona> · case close-match <n> <emparejamiento> <motivo>
case-close-match-usage = Uso: case close-match <caso> <emparejamiento> <motivo>, como case close-match { $n } M2 contacto repetido fuera del programa (el motivo queda registrado; a la pareja no se le dice).
case-moderators-room = Los comandos de moderación solo funcionan en la sala de moderación.
case-only-moderators = Lo siento, { $who }: solo el equipo de moderación puede hacer eso.
case-none-open = No hay casos abiertos.
case-open = { $count ->
    [one] 1 caso abierto, los más graves y antiguos primero:
   *[other] { $count } casos abiertos, los más graves y antiguos primero:
}
case-line = n.º { $n } · { $severity } · { $category } · { $status } · { $hours ->
    [one] hace 1 hora
   *[other] hace { $hours } horas
}
case-line-claimed = n.º { $n } · { $severity } · { $category } · { $status } · { $hours ->
    [one] hace 1 hora
   *[other] hace { $hours } horas
} · asumido por { $by }
case-none = No hay ningún caso n.º { $n }.
case-elsewhere = El caso n.º { $n } no se trabaja aquí: lo trabaja el equipo de moderación de su programa, en su sala.
case-restricted = El caso n.º { $n } es restringido: puede tratarse de alguien del equipo de moderación, así que solo lo trabaja el contacto de escalado.
case-not-restricted = El caso n.º { $n } lo trabaja el equipo de moderación, en su sala: como contacto de escalado, tú trabajas los casos que pueden tratarse de alguien del equipo de moderación.
case-still-frozen = El emparejamiento M{ $m } sigue congelado: { $unfreeze } deja que la pareja continúe, o { $close } lo termina.
case-still-frozen-dm = El emparejamiento M{ $m } sigue congelado: { $unfreeze } deja que la pareja continúe (en la sala de moderación), o { $close } lo termina.

case-resolved-reopen = El caso n.º { $n } está resuelto; reábrelo primero con case reopen { $n }.
case-note-long = Deja la nota en menos de { $max } caracteres, por favor (tiene { $count }).
case-question-long = Deja la pregunta en menos de { $max } caracteres, por favor (tiene { $count }).
case-outcome-long = Deja el resultado en menos de { $max } caracteres, por favor (tiene { $count }).
case-no-files = El caso n.º { $n } no tiene archivos como prueba.
case-log = Registro del caso n.º { $n }:
case-already-claimed = El caso n.º { $n } ya lo asumió { $by }.
case-claimed = { $who } asumió el caso n.º { $n }.
case-noted = Nota añadida al caso n.º { $n }.
case-asked-room = Pregunta enviada a quien reportó el caso n.º { $n }, en nombre del equipo de moderación. Su respuesta se publicará con la tarjeta del caso (en su hilo, donde la sala tiene hilos).
case-asked-dm = Pregunta enviada a quien reportó el caso n.º { $n }, en nombre del equipo de moderación. Su respuesta te llegará aquí.
case-already-resolved = El caso n.º { $n } ya está resuelto.
case-resolved = { $who } resolvió el caso n.º { $n }; se le ha informado a quien lo reportó.
case-escalated = { $who } escaló el caso n.º { $n } a { $to }.
case-escalated-to-you = { $who } te escaló el caso n.º { $n } ({ $severity }). Mira la sala de moderación, por favor.
case-escalated-to-you-restricted = { $who } te escaló el caso n.º { $n } ({ $severity }). Puede tratarse de alguien del equipo de moderación, así que no está en la sala de moderación: el contacto de escalado te contará lo que necesites. Guárdalo para ti, por favor.
case-already-linked = El caso n.º { $n } ya está vinculado a { $person }.
case-not-linked = El caso n.º { $n } no está vinculado a { $person }.
case-linked = El caso n.º { $n } está vinculado ahora a { $person }. { $show } muestra sus emparejamientos; { $close } cierra uno como disciplinario.
case-unlinked = El caso n.º { $n } ya no está vinculado a { $person }.
case-match-not-linked = El emparejamiento M{ $m } no es de nadie vinculado al caso n.º { $n }. Vincula primero a la persona: { $link }
case-match-elsewhere = El emparejamiento M{ $m } es de otro programa: puede cerrarlo su equipo de moderación, con un caso propio.
case-match-not-active = El emparejamiento M{ $m } está { $status }, no activo: no hay nada que cerrar.
case-match-closed-spared = Emparejamiento M{ $m } cerrado (disciplinario). A la persona de la que trata el caso se le informó de forma neutral; a la otra se le dijo que no fue culpa suya y se le ofreció un nuevo emparejamiento. Se ha informado a la coordinación.
case-match-closed-both = Emparejamiento M{ $m } cerrado (disciplinario). A ambas personas se les informó de forma neutral. Se ha informado a la coordinación.
case-not-resolved = El caso n.º { $n } no está resuelto.
case-reopened = { $who } reabrió el caso n.º { $n }.
case-reveal-restricted = No se puede revelar quién reportó el caso n.º { $n }: eso requiere a dos personas del equipo de moderación, y este caso restringido es solo tuyo. Puedes preguntarle lo que quieras con case ask { $n } <pregunta>.
case-not-anonymous = El caso n.º { $n } no es anónimo: quien lo reportó aparece en su tarjeta.
case-already-revealed = Quién reportó el caso n.º { $n } ya se reveló a { $names } por mensaje directo; pregúntales si necesitas saberlo.
case-reveal-asked = Ya pediste revelar quién reportó el caso n.º { $n }; tiene que pedirlo también otra persona del equipo de moderación.
case-reveal-recorded = Petición de revelar registrada para el caso n.º { $n }. Solo se dirá quién lo reportó cuando lo pida también otra persona del equipo, y solo a ustedes dos, por mensaje directo.
case-revealed = Caso n.º { $n }: quién lo reportó se reveló a { $names } por mensaje directo.

## La tarjeta de un caso, y los avisos de un caso nuevo o en espera (cases::cards, cases::alerts).

case-card-head = Caso n.º { $n } · { $category } · { $severity } · { $status }
case-card-reported-by = Reportado por: { $reporter }, { $at }
case-card-concerns = Concierne a: { $concerns }
case-card-not-said = (sin indicar)
case-card-from-room = Reportado desde la sala: { $room }
case-card-restricted-said = Restringido: quien lo reportó dijo que se trata de alguien del equipo de moderación, así que solo el contacto de escalado lo ve y lo trabaja.
case-card-restricted-rather-not = Restringido: quien lo reportó prefiere no decir si se trata de alguien del equipo de moderación, así que solo el contacto de escalado lo ve y lo trabaja.
case-card-restricted-named = Restringido: nombra a alguien del equipo de moderación, así que solo el contacto de escalado lo ve y lo trabaja.
case-card-happened = Qué pasó: { $text }
case-card-evidence = Pruebas: { $evidence }
case-card-copy = Mensaje reportado, tal como lo copió Tandem: { $copy }
case-card-files = Archivos: { $count } ({ $files }); para abrirlos: { $open }
case-card-linked = Vinculado: { $who }
case-card-claimed = Asumido por: { $by }
case-card-outcome = Resultado: { $outcome }
case-card-reply = Responde aquí: { $commands }
case-anonymous-reporter = reporte anónimo
case-anonymous-revealed = reporte anónimo (revelado a { $names } por mensaje directo)
case-reporter-is = Quien reportó el caso n.º { $n } es { $reporter }. Guárdalo para ti y para quienes lo necesiten, por favor.
case-reporter-is-with = Quien reportó el caso n.º { $n } es { $reporter }. Tú y { $others } pidieron saberlo. Guárdenlo entre ustedes dos y quienes lo necesiten, por favor.
case-to-contact = Un reporte que puede tratarse de alguien del equipo de moderación te llega solo a ti, como contacto de escalado. Trabájalo aquí, por mensaje directo; el equipo de moderación no lo ve.
case-to-contact-now = Este caso { $severity } necesita atención ya. Un reporte que puede tratarse de alguien del equipo de moderación te llega solo a ti, como contacto de escalado. Trabájalo aquí, por mensaje directo; el equipo de moderación no lo ve.
case-on-call = De guardia: { $names } — el caso de protección n.º { $n } necesita atención ya.
case-on-call-dm = Se acaba de reportar un caso de protección (n.º { $n }). Mira la sala de moderación ya, por favor.
case-unclaimed-contact = Nadie ha asumido el caso n.º { $n } ({ $severity }) tras { $minutes } minutos. Escribe aquí case claim { $n }.
case-unclaimed-room = Sin asumir tras { $minutes } minutos: caso { $severity } n.º { $n } — de guardia: { $names }. Escribe { $prefix } case claim { $n }.
case-unclaimed-dm = Nadie ha asumido el caso n.º { $n } ({ $severity }) tras { $minutes } minutos. Mira la sala de moderación, por favor.
case-button-claim = Asumir
case-button-note = Nota
case-button-ask = Preguntar a quien reportó
case-button-resolve = Resolver
case-asks-note = Nota interna (solo moderación)
case-asks-question = Pregunta, enviada por mensaje directo
case-asks-outcome = Resultado, que se comunica a quien reportó
case-reply-from = Respuesta de quien reportó el caso n.º { $n }:
case-reply-q = P: { $question }
case-reply-a = R: { $answer }
case-reply-files-added = { $count ->
    [one] 1 archivo añadido
   *[other] { $count } archivos añadidos
} a las pruebas: { $open }
case-added-report = Caso n.º { $n }: quien lo reportó añadió un nuevo reporte sobre la misma persona:

## Acciones de moderación (flows::incident::actions): congelar una pareja, suspender,
## expulsar de una sala, cada una con su confirmación.

action-confirm-how = Escribe { $prefix } confirm para hacerlo, o { $prefix } cancel.
action-usage = Uso: freeze pair <emparejamiento> · unfreeze pair <emparejamiento> · suspend <persona> [until <fecha>] [motivo] · unsuspend <persona> · remove <persona> from <sala>
action-confirm-elsewhere = El emparejamiento M{ $m } es de otro programa: confírmalo en la sala donde se pidió, o lo congela o descongela su equipo de moderación.
action-across = Suspender a alguien, levantar una suspensión y sacar a alguien de una sala afectan a todos los programas: lo hace el equipo de moderación de la comunidad, en su sala.
action-nothing-waiting = No hay nada esperando confirmación.
action-cancelled = Cancelado: no se hizo nada.
action-no-match = No hay ningún emparejamiento M{ $m }.
action-match-elsewhere = El emparejamiento M{ $m } es de otro programa: lo congela o descongela su equipo de moderación.
action-match-not-active = El emparejamiento M{ $m } está { $status }, no es una pareja activa.
action-already-frozen = El emparejamiento M{ $m } ya está congelado.
action-already-unfrozen = El emparejamiento M{ $m } ya no está congelado.
action-freeze-ask = ¿Congelar la sala de la pareja del emparejamiento M{ $m } ({ $pair })? La sala pasa a ser de solo lectura, y a la coordinación solo se le dice que la pareja está congelada.
action-unfreeze-ask = ¿Descongelar la sala de la pareja del emparejamiento M{ $m } ({ $pair })? La sala vuelve a admitir mensajes.
action-not-yourself = No puedes suspenderte a ti mismo.
action-not-future = { $date } no está en el futuro.
action-suspend-ask = ¿Suspender a { $person }? Sale de sus salas de pareja y no puede solicitar ni ser emparejado. Motivo: { $reason }
action-suspend-until-ask = ¿Suspender a { $person } hasta el { $date }? Sale de sus salas de pareja y no puede solicitar ni ser emparejado. Motivo: { $reason }
action-not-in-room = { $person } no está en ninguna sala que yo gestione llamada «{ $room }». No tiene sala de pareja.
action-not-in-room-rooms = { $person } no está en ninguna sala que yo gestione llamada «{ $room }». Su sala de pareja: { $rooms }.
action-remove-ask = ¿Sacar a { $person } de la sala { $room }?
action-unsuspend-ask = ¿Levantar la suspensión de { $person }?
action-frozen = { $who } congeló el emparejamiento M{ $m } ({ $pair }).
action-unfrozen = { $who } descongeló el emparejamiento M{ $m } ({ $pair }).
action-frozen-coordinators = El equipo de moderación congeló el emparejamiento M{ $m } ({ $pair }). Su sala es de solo lectura por ahora; no contacten a la pareja sobre esto hasta que el equipo de moderación lo diga, por favor.
action-unfrozen-coordinators = El equipo de moderación descongeló el emparejamiento M{ $m } ({ $pair }).
action-suspended = { $who } suspendió a { $user }.
action-removed = { $who } sacó a { $user } de la sala { $room }.
action-unsuspended = { $who } levantó la suspensión de { $user }.

## La acción de coordinación que espera confirmación (flows::confirm).

confirm-elsewhere-close = Tu cierre del emparejamiento M{ $m } espera en la sala de coordinación: escribe allí { $prefix } confirm o { $prefix } cancel.
confirm-elsewhere-survey = Tu envío de la encuesta { $survey } espera en la sala de coordinación: escribe allí { $prefix } confirm o { $prefix } cancel.
confirm-elsewhere-broadcast = Tu anuncio espera en la sala de coordinación: escribe allí { $prefix } confirm o { $prefix } cancel.
confirm-elsewhere-action = Tu acción espera en la sala de coordinación: escribe allí { $prefix } confirm o { $prefix } cancel.
confirm-cancelled-close = Cancelado: el emparejamiento M{ $m } sigue abierto.
confirm-cancelled-send = Cancelado: no se envió nada.

## Una persona que reportó y a la que Tandem no pudo llegar (app::cases).

case-reporter-unreachable = Caso n.º { $case }: no se pudo entregar { $what } a quien lo reportó; puede que haya dejado el servidor o cerrado sus mensajes directos.
case-unreachable-question = una pregunta
case-unreachable-message = un mensaje sobre el caso
