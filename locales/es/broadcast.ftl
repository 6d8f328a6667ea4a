# Difusiones: un anuncio de la coordinación por mensaje directo (flows::broadcast), y el
# `mute announcements` de cada participante.

broadcast-usage = Escribe broadcast, luego (si coordinas varios programas) el programa, el público — { $audiences } — y tu mensaje. Las líneas (o partes tras ||) que empiezan por es: o ar: son sus traducciones.
broadcast-message = 📣 { $programme }:
    { $text }

    (Para dejar de recibir estos anuncios, escribe silenciar anuncios.)
broadcast-unloaded = No he podido cargar a las personas del programa; inténtalo de nuevo.
broadcast-too-long = Tu mensaje tiene { $chars } caracteres; una difusión puede tener como mucho { $max } (lo que admite cualquier plataforma en un mensaje). Acórtalo o envía dos.
broadcast-too-long-in = Tu mensaje en { $language } tiene { $chars } caracteres; una difusión puede tener como mucho { $max } (lo que admite cualquier plataforma en un mensaje). Acórtalo o envía dos.
broadcast-nobody = No hay a quién enviarlo: no hay { $audience } en { $programme }{ $muted ->
    [0] {""}
    [one] {" "}que no hayan silenciado los anuncios (1 lo ha hecho)
   *[other] {" "}que no hayan silenciado los anuncios ({ $muted } lo han hecho)
}. No se ha enviado nada.
broadcast-dry-run = Difusión a { $audience } de { $programme } (una prueba: todavía no se envía nada). { $count ->
    [one] 1 persona lo recibe por mensaje directo.
   *[other] { $count } personas lo reciben por mensaje directo.
}
broadcast-muted = { $count ->
    [one] 1 persona silenció los anuncios y no lo recibirá.
   *[other] { $count } personas silenciaron los anuncios y no lo recibirán.
}
broadcast-unreachable = { $count ->
    [one] A 1 persona no se le pudo escribir por mensaje directo en los últimos 30 días ({ $names }): lo intentaré de nuevo.
   *[other] A { $count } personas no se les pudo escribir por mensaje directo en los últimos 30 días ({ $names }): lo intentaré de nuevo.
}
broadcast-no-translations = Todo el mundo lo leerá tal como lo escribiste (añade líneas como es: … o ar: … para quienes eligieron español o árabe).
broadcast-translations = Quienes eligieron { $languages } leerán tu traducción; el resto lo leerá tal como lo escribiste.
broadcast-preview = Leerán:
broadcast-sent = { $count ->
    [one] Enviado a 1 persona ({ $audience } de { $programme }) por mensaje directo.
   *[other] Enviando a { $count } personas ({ $audience } de { $programme }) por mensaje directo.
}

announcements-muted = Hecho: ya no recibirás los anuncios de la coordinación. Los mensajes sobre tu solicitud, tu pareja de mentoría y tus reportes siguen llegando. Escribe activar anuncios para volver a recibirlos.
announcements-unmuted = Hecho: volverás a recibir los anuncios de la coordinación.

## La tarjeta de solicitud (`announce apply <room>`).

announce-usage = Escribe announce apply, luego la sala donde publicar la tarjeta (un #canal en Discord, el id de la sala en Matrix) y, si coordinas varios programas, el programa.
announce-alias = Indica el id de la sala (empieza por !, en los ajustes de la sala, en Avanzado), no su dirección { $room }.
announce-closed = { $programme } no admite solicitudes: la tarjeta invitaría a una solicitud que no se puede hacer. Ábrelo primero (applications_open en su archivo).
announce-posted = La tarjeta de solicitud de { $programme } está publicada en { $room }. Las solicitudes que empiecen desde ella cuentan como de un anuncio en report.
apply-card = 📣 ¡{ $programme } admite solicitudes!
    { $description }
    { $roles }
    { $how }
apply-card-button = Para presentar tu solicitud, pulsa «Solicitar» o envíame un mensaje directo: apply { $slug }
apply-card-link = Para presentar tu solicitud, envíame un mensaje directo ({ $link }): apply { $slug }
apply-card-dm = Para presentar tu solicitud, envíame un mensaje directo: apply { $slug }
apply-card-role = • { $role }: { $description }
apply-card-pressed = Te he enviado un mensaje directo para empezar tu solicitud. Si no te llega, permite los mensajes directos de los miembros de este servidor (en sus ajustes de privacidad) y vuelve a pulsar el botón.
broadcast-without-chat = { $count ->
    [one] 1 persona aún no tiene cuenta de chat (la coordinación registró su solicitud) y no lo recibirá: cuéntaselo tú.
   *[other] { $count } personas aún no tienen cuenta de chat (la coordinación registró sus solicitudes) y no lo recibirán: cuéntaselo tú.
}
broadcast-alumni-apply = Para presentar tu solicitud como mentor o mentora, envíame: { $command }
broadcast-alumni-closed = A las personas egresadas se las invita a presentarse a { $programme } como mentoras, y ahora no admite solicitudes de mentores: abre antes sus solicitudes o indica el programa al que deben presentarse.
broadcast-alumni-button = Solicitar como mentor
apply-card-apply = Solicitar
