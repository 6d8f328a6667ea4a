# Lo que dice Tandem cuando no puede leer lo que alguien escribió: un número de otro tipo
# (domain::numbers), una fecha o una hora (domain::when), una línea de `event create` y su
# regla de repetición (domain::events), una persona nombrada en un comando de moderación
# (domain::people) y la actualización de un paso de selección (domain::screening). Los
# comandos, las claves (`title:`, `repeat:`) y los ejemplos de lo que se escribe
# (`20 January`, `next Wednesday`, `6pm`, `every Wednesday`, `cleared until`) quedan como
# se escriben: Tandem solo lee esas palabras en inglés.

## Números (`A12` una solicitud, `P3` una propuesta, `M7` un emparejamiento, `Q4` una pregunta).

number-wrong-kind = { $number } es { $is }; este comando espera { $expected }.
number-is-application = una solicitud
number-is-proposal = una propuesta
number-is-match = un emparejamiento
number-is-question = una pregunta
number-is-flag = un aviso de seguridad
number-takes-application = un número de solicitud (como A12)
number-takes-match = un número de emparejamiento o de propuesta (como M7 o P3)
number-takes-question = un número de pregunta (como Q4)
number-takes-flag = un número de aviso de seguridad (como F3)

## Fechas y horas.

date-hint = una fecha como { $example }, 20 January o next Wednesday
date-time-hint = una fecha y una hora como { $example } 18:00, tomorrow 9am o next Wednesday 6pm
date-give = Escribe { $hint }.
date-without-time = Aquí basta con la fecha, sin hora: { $hint }.
date-unreadable = «{ $text }» no es una fecha que sepa leer: escribe { $hint }.
date-too-far = «{ $text }» queda demasiado lejos.
date-year-out-of-range = «{ $text }» no es una fecha: los años van del 1 al 9999.
date-no-such-month = «{ $text }» no es una fecha: no existe el mes { $month }.
date-no-such-day = No existe el { $date }.
date-wrong-weekday = El { $date } es { $weekday }, no { $written }.
date-not-in-order = «{ $text }» no es una fecha: aquí las fechas se escriben { $order }, como { $example }.
date-order-day-month-year = día/mes/año
date-order-month-day-year = mes/día/año
date-ambiguous = «{ $text }» podría ser el { $one } o el { $other }: escribe el mes con letras ({ $named }) o el año primero ({ $iso }).
time-unreadable = «{ $text }» no tiene una hora que sepa leer: escríbela como 18:00, 6pm o 9.30am.
moment-which-zone = ¿en qué zona horaria? Añádela después de la hora, como { $typed } Europe/Madrid (o indica time_zone en el archivo del programa).
moment-add-time = añade también la hora, como { $typed } 18:00.
moment-unreadable = «{ $text }» no es una fecha y hora que sepa leer: escribe { $hint }.

## Eventos que se repiten, en palabras (`repeat: every Wednesday until 30 June`).

repeat-time-unreadable = repeat: «{ $text }» no es una hora que sepa leer: escríbela como 18:00 o 6pm (p. ej., every Wednesday at 18:00 until 30 June).
repeat-how-often = repeat: di cada cuánto, como every Wednesday at 18:00, every other Monday 6pm, every weekday 9am o every day 18:00, y después until y una fecha de fin
repeat-rule-unfollowable = repeat: «{ $rule }» no es una regla que pueda seguir; prueba every other week, every other Monday o every 2 days.

## `event create` (coordinación).

event-create-usage = Uso: event create title: <título>; start: <fecha y hora> [zona horaria]; length: <90m o 2h>; [room: <sala>]; [capacity: <n>]; [repeat: <every Wednesday 18:00, o minuto hora día mes día-de-la-semana> until <fecha>]; [description: <texto>]
event-create-no-key = «{ $part }» no tiene clave: escribe clave: valor. { $usage }
event-create-no-title = Ponle un título al evento. { $usage }
event-create-no-start = Di cuándo empieza. { $usage }
event-create-unknown-key = No conozco la clave «{ $key }». { $usage }
event-create-no-room = room: di qué sala, o quita la clave para anunciarlo en la sala de eventos
event-create-capacity = capacity: un número entero de personas, de 1 a 10000
event-create-no-repeat = repeat: di cada cuánto y hasta cuándo, p. ej., every Wednesday until 30 June
event-create-length = length: «{ $value }» debería ser como 90m o 2h (de 5 minutos a 24 horas)
event-create-start = start: { $why }
event-create-repeat = repeat: { $why }
event-create-no-end = repeat: añade una fecha de fin, p. ej., { $rule } until 30 June
event-create-no-until = repeat: una regla y una fecha de fin, p. ej., every Wednesday until 30 June, o 0 18 * * WED until 2027-06-30
cron-five-fields = repeat: «{ $rule }» debería tener cinco campos: minuto hora día mes día-de-la-semana (p. ej., 0 18 * * WED)
cron-field-value = repeat: el campo { $field } «{ $text }» tiene «{ $value }»: usa de { $min } a { $max }
cron-field-step = repeat: el campo { $field } «{ $text }» tiene un intervalo que no va de 1 a { $max }
cron-field-backwards = repeat: el campo { $field } «{ $text }» tiene un rango que termina antes de empezar
cron-minute = del minuto
cron-hour = de la hora
cron-day = del día del mes
cron-month = del mes
cron-weekday = del día de la semana
event-start-past = { $when } ya pasó. Indica un comienzo futuro.
event-series-ends-first = La serie terminaría ({ $until }) antes de empezar ({ $start }).
event-series-too-long = Una serie puede durar como mucho dos años; elige una fecha de fin anterior.
event-series-twice-a-day = La regla «{ $rule }» se cumple { $count } veces el { $date }: los eventos de grupo se repiten como mucho una vez al día.
event-series-too-many = Eso da más de { $most } sesiones; elige una fecha de fin anterior.
event-series-never = La regla «{ $rule }» no se cumple nunca entre el { $start } y el { $until }.

## Una persona nombrada en un comando de moderación (`suspend Tom`, `case concerns 3 @tom:example.org`).

person-unknown = No conozco a nadie llamado «{ $typed }». Escríbelo con su id de Matrix (@nombre:servidor), una mención de Discord, plataforma:id, su número de solicitud (#12) o el nombre de su solicitud.
person-ambiguous = «{ $typed }» podría ser cualquiera de: { $people }. Usa su número de solicitud o su id.
person-named = { $name } ({ $user })
person-named-applications = { $name } ({ $user }, { $count ->
    [one] solicitud
   *[other] solicitudes
} { $numbers })
person-applications = { $user }, { $count ->
    [one] solicitud
   *[other] solicitudes
} { $numbers }

## La actualización de un paso de selección (`step A12 background check cleared until 30/06/2029`).

step-update-expiry = Indica la fecha en que caduca la verificación: cleared until { $example }.
step-update-not-future = El { $date } no está en el futuro: una verificación aprobada necesita una fecha de caducidad posterior a hoy.
step-update-use = Para este paso, usa: { $expected }.
step-update-interview = scheduled <fecha>, done o pending
step-update-check = cleared until <fecha>, failed o pending
step-update-acknowledgement = pending (solo la persona participante puede confirmar su lectura)
step-update-task = done o pending
