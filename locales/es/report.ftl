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
