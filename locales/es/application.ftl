# El flujo de solicitud (flows::application).

apply-suspended = Ahora mismo no puedes presentar una solicitud. Si crees que es un error, escribe al equipo del programa: escribe ask the team seguido de tu mensaje.
apply-none-open = Ahora mismo no hay ningún programa abierto a solicitudes. Vuelve a mirar más adelante.
apply-unknown-word = No conozco ningún programa ni rol llamado «{ $word }». Programas abiertos: { $programmes }. Roles: mentor, mentee.
apply-already = Ya presentaste una solicitud a { $programme } como { $role } el { $date }: { $status }. Escribe status para ver tus solicitudes.
apply-welcome = ¡Bienvenida o bienvenido a { $programme }! { $welcome }

    En cualquier momento puedes escribir back, skip (preguntas opcionales), review, cancel o help. Tus respuestas se guardan sobre la marcha: puedes parar y volver más tarde.
apply-pick-one = Elige una opción, por favor.
apply-first-step = Este es el primer paso.
apply-choose-role-first = Primero, elige un rol, por favor.
apply-role-chosen = Genial, te presentas como { $role }.
apply-welcome-back = ¡Hola de nuevo! Tienes una solicitud en curso{ $where }. Sigamos donde lo dejaste.
apply-programme-gone = El programa al que te presentabas ya no está disponible, así que tu solicitud en curso se ha cerrado. Escribe apply para ver los programas abiertos.
apply-already-answered = Esa pregunta ya tenía respuesta; aquí es donde estás ahora.
apply-in-progress = Tu solicitud{ $where } está en curso.
apply-nothing-to-withdraw = Esta solicitud aún no se ha enviado, así que no hay nada que retirar: escribe cancel para detenerla.
apply-where-programme = { " " }a { $programme }
apply-where-role = { " " }como { $role }
apply-where-count = { " " }({ $answered } de { $count } preguntas respondidas)
apply-help = Estás presentando una solicitud{ $where }. Mientras respondes, puedes escribir:
    back — volver a la pregunta anterior
    skip — omitir una pregunta opcional
    keep — conservar tu respuesta actual al volver a una pregunta
    repeat — ver la pregunta otra vez
    review — ver todas tus respuestas
    edit <pregunta> — cambiar una respuesta (por ejemplo: edit 2)
    submit — enviar tu solicitud, cuando todas las preguntas tengan respuesta
    cancel — parar y borrar tus respuestas
    status — ver dónde estás
    language — cambiar el idioma
apply-confirm-cancel = ¿Seguro que quieres cancelar tu solicitud{ $to }? Se borrarán tus respuestas.
apply-which-programme = ¿A qué programa quieres presentarte?
apply-which-role = ¿Quieres unirte a { $programme } como mentor o como mentee?
apply-choose-role = Primero elige un rol, por favor.
apply-type-review = Escribe review para ver tus respuestas.
apply-no-role-yet = Aún no has elegido un rol.
apply-review = Tus respuestas de tu solicitud como { $role } a { $programme }:{ $lines }
apply-review-instructions = Escribe submit para enviar tu solicitud, edit <número o nombre> para cambiar una respuesta (por ejemplo: edit 2), o cancel.
apply-cancelled = Tu solicitud se ha cancelado y tus respuestas se han borrado. Escribe apply cuando quieras empezar de nuevo.
apply-carry-on = Bien, sigamos.
apply-still-to-answer = { $review }

    { $left ->
        [one] Queda { $left } pregunta
       *[other] Quedan { $left } preguntas
    } por responder. Sigamos:
apply-last-question = Esa era la última pregunta.
form-not-yet-here = Todavía no: quedan por responder: { $left }. Sigamos con esta.
form-not-yet-first = Todavía no: quedan por responder: { $left }. Aquí tienes la primera:
apply-edit-unanswered = Aún no has respondido esa pregunta; llegaremos a ella.
apply-edit-hidden = La pregunta «{ $target }» no aplica según tus otras respuestas.
apply-edit-unknown = No hay ninguna pregunta «{ $target }». Usa el número o el nombre que aparece en el repaso: { $which }.
apply-edit-range = del 1 al { $count }
apply-edit-see-review = escribe review para verlas
apply-all-answered = Todas las preguntas tienen respuesta.
apply-edit-that = Para cambiar esa respuesta, escribe edit { $id }.
apply-all-answered-hint = Todas las preguntas tienen respuesta. Escribe submit para enviar tu solicitud, o edit <número> para cambiar una respuesta.

## El envío.

apply-already-sent = Ya presentaste una solicitud a { $programme } como { $role }, así que esta no se ha enviado. Escribe status para ver tus solicitudes.
apply-refused = Gracias por presentarte a { $programme } como { $role }, y por el tiempo que le has dedicado.
    { $reasons }
    Sentimos no poder ofrecerte una plaza esta vez.
apply-correct-within = Si alguna de tus respuestas fue un error, escribe apply en las próximas { $hours } horas para corregirla.
apply-submitted-review = ¡Gracias! Tu solicitud a { $programme } como { $role } se ha enviado.
    { $submitted }
    Escribe status cuando quieras para ver en qué punto está.
apply-accepted = ¡Gracias! Tu solicitud a { $programme } como { $role } se ha enviado y cumple los criterios del programa: ¡estás dentro!
apply-ready = { " " }Ya puedes recibir una pareja de mentoría; te escribiremos cuando la tengamos.
apply-steps-remain = Antes de asignarte una pareja, quedan unos pasos:
apply-steps-status = Escribe status cuando quieras para ver cómo vas.

## Solicitudes que las reglas no admiten.

apply-again-by = Puedes volver a presentarte cuando eso cambie: como muy tarde, el { $date }.
apply-again-any-time = Puedes volver a presentarte cuando quieras.
apply-again-from = Puedes volver a presentarte a partir del { $date }.
apply-early-refusal = Gracias por tu sinceridad. Prefiero decírtelo ahora y no después de las demás preguntas:
    { $reasons }
apply-early-refusal-choice = Si esa respuesta fue un error, envía la correcta ahora. Si es correcta, puedes escribir cancel para parar aquí, o keep para terminar la solicitud de todos modos (no podrá seguir adelante).
apply-applied-before = Te presentaste a { $programme } el { $date } y entonces no pudimos ofrecerte una plaza.
apply-look-again = { $applied } Para revisar aquella solicitud, escribe apply { $slug }.
apply-never-again = { $applied } Lo siento: no es posible volver a presentarse.
apply-reopened = Revisemos otra vez tu solicitud a { $programme }. No pudo seguir adelante porque:
    { $reasons }
    Si alguna de tus respuestas fue un error, cámbiala ahora: envía la respuesta correcta, o escribe keep si era correcta. Verás todas tus respuestas antes de enviarlas de nuevo.
apply-reopened-rules = las reglas del programa
apply-welcome-back-reopened = ¡Hola de nuevo en { $programme }! Tus respuestas de la última vez ya están puestas: revísalas sobre la marcha y cambia lo que haya cambiado. Verás todas tus respuestas antes de enviarlas.

## Un paso previo que la persona lee y confirma (flows::prompts).

ack-prompt = { $step } — { $programme }

    { $text }

    Cuando lo hayas leído, responde «Estoy de acuerdo» para confirmarlo.
ack-retry = Responde «Estoy de acuerdo» cuando lo hayas leído. Si algo no está claro, pregunta a tu persona coordinadora.
ack-recorded = Gracias, queda registrado.

## `withdraw` (flows::withdraw).

withdraw-none-to = No tienes ninguna solicitud a `{ $programme }` que se pueda retirar.
withdraw-none = No tienes ninguna solicitud que se pueda retirar.
withdraw-which = ¿Qué solicitud? Escribe withdraw seguido del programa: { $programmes }.
withdraw-matched = Formas pareja activa con { $partner }. Para terminarla, escribe al equipo del programa (escribe ask the team seguido de tu mensaje), que la cerrará cuidando de los dos.
withdraw-confirm = ¿Seguro que quieres retirar tu solicitud a { $programme } como { $role }? El equipo de coordinación dejará de tenerla en cuenta y tendrías que presentarte de nuevo.
withdraw-too-late = Esa solicitud ya no se puede retirar.
withdraw-kept = Bien: tu solicitud sigue como está.
withdraw-done = Tu solicitud a { $programme } se ha retirado. Gracias por tu interés; puedes volver a presentarte cuando quieras.
withdraw-partner-left = Novedades sobre tu pareja de mentoría: { $name } ha dejado el programa, así que esa pareja no puede seguir adelante. No tiene nada que ver contigo; ya estamos buscándote otra.
