# Lo que Tandem dice cuando algo falla o va lento (src/app): la disculpa tras un error, un
# límite de mensajes y los avisos a las salas del equipo. Las palabras de un error ($error,
# $why) son las de la plataforma, tal como se registran.

notice-internal-error = Lo siento, algo falló por mi parte y no se cambió nada. Vuelve a intentarlo en un momento. (Referencia: { $reference })
notice-too-fast = Envías mensajes más rápido de lo que puedo atender. Espera un minuto y vuelve a enviar tu último mensaje.
notice-too-often = Puedo enviar esto como mucho { $max ->
    [one] una vez
   *[other] { $max } veces
} por hora; vuelve a intentarlo más tarde.

## A la sala de coordinación o de moderación.

notice-unreachable = No pude enviar un mensaje directo a { $who }: { $why }. Puede que haya salido del servidor o cerrado sus mensajes directos; contactad con esa persona por otra vía.
notice-pair-room-setup-failed = La sala de la pareja del emparejamiento M{ $m } se creó, pero falló su configuración: { $error }. Revisad la sala y dad allí la bienvenida a la pareja.
notice-pair-room-failed = No pude crear la sala de la pareja del emparejamiento M{ $m }: { $error }. Por ahora el emparejamiento queda registrado sin sala.
notice-pair-room-trying = Seguiré intentándolo hasta el { $until } UTC, y la crearé en cuanto se resuelva la causa.
notice-pair-room-stopped = He dejado de intentarlo.
notice-pair-room-made = La sala de la pareja del emparejamiento M{ $m } ya está creada, y la pareja ha recibido la bienvenida.
notice-certificate-undrawn = No pude dibujar un certificado para { $names } (emparejamiento M{ $m }): ninguna fuente instalada tiene todas las letras del nombre. Enviadlo a mano, o añadid a [graphics] fonts una fuente que las tenga.
notice-paced = Creando las salas de las parejas al ritmo que permite { $platform } (limita lo rápido que una cuenta crea salas): { $count } en espera, la última hacia las { $last } UTC. No hay nada que hacer; cada pareja recibe la bienvenida en su sala cuando se crea, y avisaré cuando estén todas.
notice-paced-done = { $count ->
    [one] Ya está creada la sala que esperaba el ritmo de { $platform }.
   *[other] Ya están creadas las { $count } salas que esperaban el ritmo de { $platform }.
}
notice-staff-post-failed = Un mensaje para la sala de { $room ->
    [moderators] moderación
   *[coordinators] coordinación
} no se pudo publicar allí, ni siquiera tras reintentarlo: { $error }. Comprobad que el bot todavía puede publicar en esa sala; del mensaje, el registro del bot solo guarda su tipo.
notice-given-up = { $act } ({ $subject }) falló definitivamente, incluso tras reintentarlo: { $error }. Ocupaos de ello a mano.
act-in-log = { $act } ({ $subject })
notice-act-retrying = Aviso: { $act } no se ha completado: { $error }. Seguiré intentándolo hasta el { $until } UTC y os diré cómo acaba.
notice-act-went-through = Actualización: { $act } se completó al final, en el intento { $tries }.

## Una larga serie de envíos (match approve all), contada en la sala que la pidió.

progress-working = { $count ->
    [one] Procesando 1 mensaje o sala: { $done } hecho por ahora.
   *[other] Procesando { $total } mensajes y salas: { $done } hechos por ahora.
}
progress-done = { $count ->
    [one] El mensaje o sala está hecho.
   *[other] Los { $total } mensajes y salas están hechos.
}
progress-failed = { $count ->
    [one] 1 no se pudo entregar; consulta el registro.
   *[other] { $failed } no se pudieron entregar; consulta el registro.
}

## Para la coordinación: un borrado, una retirada, una sala de pareja retenida.

personal-erased-staff = Una persona participante (solicitud { $applications }) pidió que se borraran sus datos, y se han borrado. Sus solicitudes siguen contando en las cifras, sin nombre.
personal-erased-staff-with = Una persona participante (solicitud { $applications }) pidió que se borraran sus datos, y se han borrado; { $notes }. Sus solicitudes siguen contando en las cifras, sin nombre.
personal-erased-match-closed = el emparejamiento { $match } se cerró, y a su pareja se le avisó con tacto y se le ofreció un nuevo emparejamiento
personal-erased-offer-ended = la oferta del emparejamiento { $match } terminó
withdrawn-staff = La persona solicitante retiró la solicitud A{ $id } ({ $role }, { $programme }).
withdrawn-staff-replan = La persona solicitante retiró la solicitud A{ $id } ({ $role }, { $programme }); sus propuestas abiertas se dejaron de lado.
notice-pair-room-held = El emparejamiento { $match } ({ $name }) no recibió sala de pareja: una de las dos personas ya no está lista para emparejarse (suspendida, o un paso de selección caducó). Decidid qué pasa ahora (por ejemplo close match { $match } <motivo>).
