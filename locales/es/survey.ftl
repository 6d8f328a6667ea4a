# Responder una encuesta por mensaje directo (flows::survey).

day-month = { $day } de { $month }
survey-intro = { $title } de { $programme }
survey-intro-with = { $title } de { $programme }: { $intro }
survey-how = Son { $count } preguntas, abierta hasta el { $closes }. Puedes escribir back, skip (preguntas opcionales) o later (para parar y terminar en otro momento).
survey-carry-on = Sigamos con { $title } ({ $programme }) donde lo dejaste. Cierra el { $closes }.
survey-reminder = Un recordatorio amable: { $title } ({ $programme }) cierra el { $closes }. Son { $count } preguntas; tus respuestas nos ayudan a llevar mejor el programa.
survey-anonymous = Tus respuestas son anónimas: se guardan sin tu nombre, y el equipo de coordinación solo ve totales de { $minimum } o más personas.
survey-named = Tus respuestas se guardan con tu nombre, para que el equipo de coordinación pueda hablar contigo después.
survey-none-open = No tienes ninguna encuesta por responder ahora mismo. ¡Gracias!
survey-type-to-carry-on = Escribe survey para seguir.
survey-closed = Esa encuesta ya cerró, así que tus respuestas no se guardaron. Gracias por tu tiempo de todos modos.
survey-answered-already = Esa pregunta ya estaba respondida; aquí es donde estás:
survey-where =
    Estás respondiendo { $title } ({ $programme }), pregunta { $number } de { $count }. Puedes escribir:
    back — la pregunta anterior
    skip — dejar fuera una pregunta opcional
    repeat — ver la pregunta otra vez
    later — parar ahora y terminar antes del { $closes } (escribe survey para seguir)
survey-kept = De acuerdo: he guardado tus respuestas hasta ahora. Escribe survey cuando quieras terminarla.
survey-thanks = ¡Gracias! Tus respuestas a { $title } están guardadas. Ayudan a { $programme } a acompañar mejor a cada pareja.
survey-thanks-anonymous = ¡Gracias! Tus respuestas a { $title } están guardadas, sin tu nombre. Ayudan a { $programme } a acompañar mejor a cada pareja.
