# Lo que el bot pregunta por su cuenta (flows::prompts): la pregunta de un revisor, los
# seguimientos y las propuestas de emparejamiento.

prompt-question = Una persona de la coordinación que revisa tu solicitud a { $programme } tiene una pregunta para ti:

    “{ $question }”

    Responde con tu respuesta (hasta { $max } caracteres).
prompt-type-answer = Escribe tu respuesta, por favor.
prompt-waiting-answer = Tu solicitud está esperando tu respuesta a esta pregunta.
prompt-answer-first = Respondamos primero a la pregunta de la coordinación.
prompt-no-answer = No he recibido ninguna respuesta.
prompt-answer-too-long = Tu respuesta debe tener menos de { $max } caracteres (la tuya tiene { $chars }).
prompt-answer-passed = ¡Gracias! He pasado tu respuesta a la coordinación. Escribe status cuando quieras para ver cómo va tu solicitud.

checkin-ask = Seguimiento de { $programme } sobre tu mentoría con { $partner }: { $text }
checkin-met = Sí, nos hemos reunido
checkin-not-yet = Todavía no
checkin-stuck = Estamos atascados
checkin-closed = Ese seguimiento está cerrado: tu emparejamiento ya no está activo.
checkin-retry = Responde 1, 2 o 3, por favor.
checkin-thanks-met = ¡Genial, gracias por contárnoslo! Seguid así.
checkin-thanks-not-yet = Gracias por contárnoslo. Basta una llamada corta: ¿por qué no propones dos horarios a { $partner } en vuestra sala?
checkin-thanks-stuck = Gracias por contárnoslo. Alguien de la coordinación se pondrá en contacto contigo pronto; para escribirle tú, escribe ask the team seguido de tu mensaje. Si ha pasado algo preocupante, también puedes escribir report para contárselo en privado a las personas moderadoras.

offer-proposed = Buenas noticias de { $programme }: nos gustaría emparejarte con { $other } como { $role ->
    [mentor] tu mentor o mentora
   *[mentee] tu mentee
}.
offer-asked = { $other }, mentee de { $programme }, quiere que seas su mentor o mentora.
offer-introduction = Lo que te cuenta de sí:
    { $intro }
offer-in-common = Lo que tenéis en común:
offer-relay-decline = Si prefieres no hacerlo, rechaza: nadie más sabrá por qué.
offer-accept = ¿Quieres aceptar?
offer-accept-by = ¿Quieres aceptar? Responde antes del { $date }, por favor.
offer-yes = Aceptar
offer-no = Rechazar
offer-closed = Esa propuesta de emparejamiento ya no está abierta (se respondió, se retiró o caducó). Escribe status para ver en qué punto estás.
offer-retry = Responde aceptar o rechazar, por favor.
