# Un reporte privado de un incidente (flows::incident::report): las preguntas y lo que se
# dice mientras se escribe.

report-limit = Has enviado { $count } reportes en el último día; el equipo de moderación atenderá cada uno. Si alguien está en peligro ahora, contacta con los servicios de emergencia de tu zona; si no, puedes volver a reportar mañana.
report-start = Siento que haya pasado algo. Este reporte es privado: solo lo ve el equipo de moderación, y puedes elegir mantener tu anonimato ante ellos. Escribe back para cambiar una respuesta o cancel para parar en cualquier momento.
report-category = ¿Qué quieres reportar?
report-concerns = ¿A quién o a qué se refiere? El nombre de una persona, una pareja de mentoría o una sala. Si prefieres no decirlo, escribe skip.
report-about-staff = ¿Se refiere a alguien del equipo de moderación? Si es así, o si prefieres no decirlo, tu reporte va solo a la persona responsable de protección del programa, no a la moderación.
report-rather-not-say = Prefiero no decirlo
report-what-happened = ¿Qué ha pasado? Tómate tu tiempo e indica cuándo y dónde, si puedes.
report-what-happened-more = Esto es lo que has escrito hasta ahora:
    «{ $kept }»
    ¿Quieres añadir algo (cuándo y dónde, si puedes)? Escríbelo, o escribe skip si eso es todo.
report-urgency = ¿Hay alguien en peligro ahora, o necesita atención hoy?
report-anonymity = ¿Quieres mantener tu anonimato ante la moderación? Aun así podrán hacerte preguntas a través de mí, sin saber quién eres.
report-anonymity-files = ¿Quieres mantener tu anonimato ante la moderación? Aun así podrán hacerte preguntas a través de mí, sin saber quién eres. (Tus archivos les llegan tal cual, salvo los datos ocultos de una foto: una captura que muestre tu nombre o tu imagen se lo mostrará.)
report-send = ¿Envío este reporte?
report-discarded = Tu reporte se ha descartado; no se ha enviado nada. Puedes escribir report en cualquier momento.
report-first-step = Este es el primer paso.
report-help = Responde a la pregunta de abajo; escribe back para cambiar la respuesta anterior o cancel para parar.
report-kept = Gracias: he guardado lo que has escrito y formará parte de tu reporte. Primero, ¿a cuál de estas opciones se parece más?
report-pick-category = Responde con el número de una de las opciones.
report-concerns-empty = No lo he entendido. Escribe un nombre, una pareja o una sala, o skip.
report-concerns-long = Sé breve aquí (200 caracteres); los detalles vienen después.
report-yourself = No puedes reportarte a ti. Si necesitas ayuda, escribe ask the team seguido de tu mensaje; si estás en peligro, contacta con los servicios de emergencia de tu zona.
report-about-staff-retry = Responde sí, no, o 3 si prefieres no decirlo.
report-too-short = Cuéntanos un poco más de lo que ha pasado (al menos una frase).
report-too-long = Escribe menos de { $max } caracteres (el tuyo tiene { $count }); puedes añadir más después si alguien de la moderación te pregunta.
report-evidence-long = Escribe las pruebas en menos de { $max } caracteres: bastan enlaces o una descripción breve.
report-yes-or-no = Responde sí o no.
report-confirm-retry = Responde sí para enviarlo, o no para descartarlo.

## El paso de las pruebas, y los archivos enviados a un reporte o a la pregunta de un moderador.

report-evidence-attached = Adjunté el mensaje que reportaste ({ $link }). ¿Hay algo más que lo muestre, como enlaces a otros mensajes, capturas de pantalla o una descripción?
report-evidence = ¿Hay algo que lo muestre, como enlaces a mensajes, capturas de pantalla o una descripción?
report-evidence-files = Puedes enviar aquí capturas de pantalla, fotos o archivos de texto (PNG, JPEG, WebP, GIF o texto plano; hasta { $files }, de { $size } cada uno); solo el equipo de moderación puede abrirlos.
report-evidence-no-pictures = Por favor, no envíes fotos de una persona joven: descríbela en su lugar.
report-evidence-skip = Escribe skip si no.
report-evidence-so-far = Hasta ahora: { $files }. Escribe done cuando sea todo.
report-files-later = Te pediré capturas y archivos en el paso de las pruebas: envíalos entonces, por favor.
file-kept = Guardado: { $files }.
file-too-large = «{ $name }» es demasiado grande ({ $size }): los archivos pueden ocupar hasta { $limit }. No se guardó.
file-too-large-unmeasured = «{ $name }» es demasiado grande: los archivos pueden ocupar hasta { $limit }. No se guardó.
file-failed = No pude descargar «{ $name }». Envíalo de nuevo, por favor.
file-uncleanable = No pude quitar los datos ocultos de «{ $name }» (una foto puede indicar dónde y quién la tomó), así que no la guardé. Una captura de pantalla sí sirve.
file-unsupported = No puedo guardar «{ $name }»: los archivos de ese tipo pueden llevar datos ocultos, como dónde y quién los hizo, y no puedo quitarlos. Una captura de pantalla (PNG o JPEG) sí sirve.
file-too-many = Acepto hasta { $max } archivos, así que no guardé { $names }.

## El último vistazo antes de enviar, y un reporte añadido a uno anterior.

report-summary = Tu reporte:
report-summary-what = • Qué: { $category }
report-summary-concerns = • A quién o qué concierne: { $concerns }
report-summary-not-said = (sin indicar)
report-summary-staff-yes = • Sobre el equipo de moderación: sí (solo lo verá la persona responsable de protección)
report-summary-staff-no = • Sobre el equipo de moderación: no
report-summary-staff-rather-not = • Sobre el equipo de moderación: prefieres no decirlo (solo lo verá la persona responsable de protección)
report-summary-happened = • Qué pasó: { $text }
report-summary-evidence = • Pruebas: { $evidence }
report-summary-none = (ninguna)
report-summary-files = • Archivos: { $files }
report-summary-urgent = • Urgente: { $answer }
report-summary-anonymous = • Anónimo para el equipo de moderación: { $answer }
report-added = Reportaste a la misma persona hace poco, así que añadí esto a tu reporte, caso n.º { $case }. Gracias.

## Lo que el trabajo del equipo de moderación le dice a quien reportó (flows::incident::cases).

case-received = Gracias. Tu reporte es el caso n.º { $case }. { $keeper ->
        [contact] Como puede tratarse de alguien del equipo de moderación, solo la persona responsable de protección del programa
       *[team] El equipo de moderación
    } lo revisará { $priority ->
        [yes] con prioridad
       *[no] pronto
    }; si tiene preguntas, te las hará aquí, a través de mí{ $anonymous ->
        [yes] , sin saber quién eres
       *[no] {""}
    }. Si estás en peligro ahora, contacta con los servicios de emergencia de tu zona.
case-closed-for-reporter =
    Novedades sobre tu reporte (caso n.º { $case }) del equipo de moderación: lo hemos revisado y lo hemos cerrado.
    Lo que hicimos: { $outcome }
    Gracias por contárnoslo; es importante. Si pasa algo más, escribe report cuando quieras.
case-question = El equipo de moderación tiene una pregunta sobre tu reporte (caso n.º { $case }):
case-question-again = La pregunta del equipo de moderación sobre tu reporte (caso n.º { $case }): “{ $question }”
case-reply-here = Responde aquí, por favor; tu respuesta solo llega al equipo de moderación.
case-answer-type = Escribe tu respuesta, por favor (hasta 4.000 caracteres). La pregunta era: “{ $question }”
case-answer-files-again = Puedes responder con palabras, o enviar de nuevo los archivos. La pregunta era: “{ $question }”
case-answer-passed = Gracias; le he pasado tu respuesta al equipo de moderación.
case-answer-files-passed = Gracias; le he pasado tu respuesta y tus archivos al equipo de moderación.

## Los tipos de reporte entre los que se elige cuando los ajustes no nombran ninguno
## (domain::incident::default_categories), por su id. Los tipos que nombran los ajustes
## conservan sus palabras.

report-category-harassment = Acoso o intimidación
report-category-safeguarding = Una preocupación por la seguridad de una persona joven
report-category-inappropriate-contact = Contacto inapropiado
report-category-privacy = Una vulneración de la privacidad
report-category-spam = Spam o estafas
report-category-other = Otra cosa
