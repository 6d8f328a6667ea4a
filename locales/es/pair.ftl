# Lo que Tandem publica en la sala de una pareja y el certificado.

pair-room-topic = { $programme }: { $mentee } (persona mentorada) y { $mentor } (persona mentora)
pair-welcome-to =
    ¡Bienvenidos, { $mentee } y { $mentor }! Esta es su sala privada de { $programme }: aquí solo están ustedes dos y el bot.
    Quién es quién: { $mentor } es la persona mentora, { $mentee } la persona mentorada.
pair-welcome =
    ¡Bienvenidos, { $mentee } y { $mentor }! Esta es su sala privada: aquí solo están ustedes dos y el bot.
    Quién es quién: { $mentor } es la persona mentora, { $mentee } la persona mentorada.
pair-why = Por qué los emparejamos:
pair-ground-rules = Normas básicas: { $text }
pair-cadence = Con qué frecuencia reunirse: { $text }
pair-icebreaker = Para empezar: { $text }
pair-agreement-how = Su acuerdo: escriban { $prefix } agreement aquí para leerlo (sus objetivos, la frecuencia de las reuniones, las normas básicas), y { $prefix } agree para aceptarlo.
pair-goals-back = Sus objetivos al empezar:
pair-goals-how-far = ¿Hasta dónde llegaron con ellos, y qué les gustaría hacer ahora?
pair-together = Lo que hicieron juntos: { $milestones ->
        [one] 1 hito
       *[other] { $milestones } hitos
    } por el camino, y { $met ->
        [one] 1 seguimiento
       *[other] { $met } seguimientos
    } en los que nos contaron que se habían reunido. Esta sala sigue abierta hasta el { $until } para despedirse.
pair-ended = Esta mentoría ha terminado, así que esta sala queda cerrada y de solo lectura. Gracias a los dos.
pair-archived = Su mentoría aquí ha terminado, así que esta sala queda cerrada y de solo lectura. Gracias a los dos, y todo lo mejor para lo que viene.
pair-completed-mentee = ¡Enhorabuena, { $name }! Has completado tu mentoría como persona mentorada en { $programme }, del { $from } al { $to }. Gracias por todo lo que has puesto en ella.
pair-completed-mentor = ¡Enhorabuena, { $name }! Has completado tu mentoría como persona mentora en { $programme }, del { $from } al { $to }. Gracias por todo lo que has puesto en ella.
pair-certificate-attached = Adjuntamos tu certificado.

agreement-elsewhere = Su acuerdo de mentoría está en su sala de pareja: escribe agreement allí para leerlo, y agree para aceptarlo.
agreement-already = Ya lo aceptaste. Escribe { $prefix } agreement para leerlo otra vez.
agreement-both = { $name } también lo ha aceptado: ya tienen un acuerdo de mentoría. Vuelvan a sus objetivos cuando quieran: escriban { $prefix } agreement.
agreement-one = { $name } lo ha aceptado. { $other }, escribe { $prefix } agree aquí cuando lo hayas leído.
agreement-title = Su acuerdo de mentoría, { $mentee } y { $mentor }:
agreement-goals = Objetivos (de la solicitud de { $mentee }):
agreement-done = { $name } ✓
agreement-not-yet = { $name } (todavía no)
agreement-who = Aceptado: { $mentee }, { $mentor }.
agreement-to-accept = Para aceptarlo, escribe { $prefix } agree aquí.

certificate-heading = Se certifica que
certificate-achievement-mentee = ha completado { $months ->
        [1] un mes
       *[other] { $months } meses
    } de mentoría como persona mentorada en
certificate-achievement-mentor = ha completado { $months ->
        [1] un mes
       *[other] { $months } meses
    } de mentoría como persona mentora en

starter = Algo de lo que hablar: { $text }
starter-elsewhere = idea funciona en la sala de su pareja: escríbelo allí y les sugeriré algo de lo que hablar los dos.
starter-default = Algo de lo que hablar: ¿qué ha ido bien desde la última vez que hablaron, y qué les gustaría probar ahora?
starter-all-had = Ya han tenido todas las ideas del banco del programa. Algo para probar: que cada uno nombre una cosa sobre la que quiera la opinión del otro esta semana.
nudge-quiet = Hace { $days } días que nadie escribe aquí. Un saludo rápido mantiene el ritmo: ¿cómo están los dos? Propongan un momento para su próxima conversación, { $mentee } y { $mentor }.

## La transcripción de la sala de una pareja para uno de sus miembros (`transcript`).

transcript-file-head = Transcripción de la sala de { $mentee } y { $mentor } (emparejamiento M{ $id }), { $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
}, horas en UTC.
transcript-sent = Aquí tienes la transcripción de tu sala de pareja ({ $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
}). Guárdala en privado, por favor: es tu conversación con { $partner }.
transcript-unreadable = Lo siento, no pude leer el historial de tu sala de pareja ({ $error }). Inténtalo más tarde, o escribe ask the team seguido de tu mensaje.
transcript-not-yours = Solo puedes pedir la transcripción de una sala de pareja en la que estuviste, y el emparejamiento M{ $id } no es uno de los tuyos.
transcript-none = No tienes ninguna sala de pareja de la que enviarte una transcripción.
transcript-which = ¿De qué sala de pareja? Escribe transcript <número>: { $matches }.

## Una sala de pareja retransmitida entre Matrix y Discord (app::relay).

relay-file = { $author } envió un archivo: { $file }
relay-file-too-large = { $author } envió un archivo, { $file }, de más de { $limit }, lo máximo que puedo pasar al otro lado: pídele que lo comparta de otra forma.
relay-file-lost = { $author } envió un archivo, { $file }, que no pude pasar al otro lado ({ $why }).
relay-copied-author = { $name } ({ $who }), copiado por Tandem desde el otro lado de la sala de pareja
