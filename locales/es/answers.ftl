# Leer las respuestas a las preguntas (domain::answer) y hacerlas (flows::form).

choice-yes = Sí
choice-no = No
choice-agree = Estoy de acuerdo
choice-disagree = No estoy de acuerdo
answer-agreed = Aceptado ({ $at })
answer-skipped = (omitida)
answer-not-yet = (aún sin responder)

pick-exactly = { $count ->
    [one] exactamente { $count } opción
   *[other] exactamente { $count } opciones
}
pick-up-to = hasta { $max } opciones
pick-between = de { $min } a { $max } opciones
languages-between = de { $min } a { $max } idiomas
languages-exactly = { $count } idiomas

## Lo que se dice bajo una pregunta: qué respuesta cabe.

expect-long-text-min = Tómate tu tiempo: unas frases (al menos { $min } caracteres).
expect-long-text = Tómate tu tiempo: bastan unas frases.
expect-single-choice = Responde con el número de una opción o una palabra de ella.
expect-yes-no = Responde sí o no.
expect-multi-choice = Elige { $range }, por número o con una palabra de cada una, separadas por comas (por ejemplo: { $example }).
expect-number = Responde con un número de { $min } a { $max }.
expect-whole-number = Responde con un número entero de { $min } a { $max }.
expect-time-zone = Por ejemplo: America/Bogota, Europe/Madrid, Lagos o UTC-5.
expect-languages = Nombra { $range } en inglés, en el propio idioma o por su código, separados por comas (por ejemplo: Español, English).
expect-languages-one = un idioma
expect-consent = Responde «Estoy de acuerdo» para continuar.
expect-scale = Responde con un número del 1 ({ $first }) al { $count } ({ $last }).
expect-nps = Responde con un número entero del 0 (nada probable) al 10 (muy probable).

## Una respuesta que no cabe: qué se espera, con un ejemplo.

answer-pick-one = Elige solo una opción, por ejemplo: { $example }.
answer-pick-count = Elige { $range } (elegiste { $count }), separadas por comas, por ejemplo: { $example }.
answer-number-expected = Responde con un número de { $min } a { $max }, por ejemplo: { $example }.
answer-whole-number-expected = Responde con un número entero de { $min } a { $max }, por ejemplo: { $example }.
answer-number-less = { $n } es menos que { $limit }. { $expected }
answer-number-more = { $n } es más que { $limit }. { $expected }
answer-scale-expected = Responde con un número del 1 ({ $first }) al { $count } ({ $last }), por ejemplo: { $example }.
answer-nps-expected = Responde con un número entero del 0 (nada probable) al 10 (muy probable), por ejemplo: 8.
answer-nps-outside = { $n } no está entre 0 y 10. { $expected }
answer-yes-no = Responde sí o no, por favor.
answer-language-unknown = No conozco el idioma «{ $name }». Escribe su nombre en inglés o en el propio idioma, o su código de dos letras, por ejemplo: English, Español o sw.
answer-languages-count = Nombra { $range } (nombraste { $count }), separados por comas, por ejemplo: { $example }.
answer-consent-refused = Solo podemos seguir con tu solicitud si estás de acuerdo. Si prefieres no estarlo, escribe cancel para parar; si no, responde «Estoy de acuerdo».
answer-consent-expected = Responde «Estoy de acuerdo» para continuar, o escribe cancel para parar.
answer-typed-needed = Esta pregunta necesita una respuesta escrita, no una opción.
answer-empty = No he recibido ninguna respuesta. Escribe tu respuesta, por favor.
answer-too-short = Escribe un poco más: al menos { $min } caracteres (la tuya tiene { $count }).
answer-too-long = Tu respuesta debe tener menos de { $max } caracteres (la tuya tiene { $count }).
answer-how-pick-one = Responde con el número de una opción o una palabra de ella, por ejemplo: { $example }.
answer-how-pick-several = Responde con los números de las opciones o palabras de ellas, separados por comas, por ejemplo: { $example }.
answer-empty-pick = No he recibido ninguna respuesta. { $how }
answer-ambiguous = «{ $part }» encaja con más de una opción: { $named }. Responde con el número de la que quieres decir, por ejemplo: { $example }.
answer-not-an-option = «{ $part }» no es una de las opciones. { $how }
time-zone-hint = Indica una zona horaria como America/Bogota, Europe/Madrid, Lagos o UTC-5.
time-zone-bad-offset = «{ $typed }» no es una diferencia horaria válida: van de UTC-12 a UTC+14, como UTC+2 o UTC-03:30.
time-zone-unknown = No conozco la zona horaria «{ $typed }». { $hint }

## Hacer una pregunta de un formulario.

form-question-of = Pregunta { $number } de { $count }: { $prompt }
form-optional = (Opcional: escribe skip para omitirla.)
form-current-answer = Tu respuesta actual: { $answer }. Envía una nueva, o escribe keep para dejarla como está.
form-retry = { $note }
    (Escribe repeat para ver la pregunta otra vez.)
form-not-skippable = Esta pregunta no se puede omitir: respóndela, por favor.
form-first-question = Esta es la primera pregunta.
form-nothing-to-keep = Aún no hay ninguna respuesta que conservar: responde la pregunta, por favor.
