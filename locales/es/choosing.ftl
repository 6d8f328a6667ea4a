# Una persona mentorada que explora mentores y pide uno (flows::choice).

choose-never = En los programas de esta comunidad la coordinación propone cada emparejamiento, así que no hay mentores que explorar ni perfiles que preparar: te avisaremos cuando haya un emparejamiento para ti. Escribe status para ver en qué punto estás.
choose-elsewhere = Los perfiles, la exploración y las solicitudes son para participantes de los programas donde las personas mentoradas eligen a su mentor ({ $programmes }), una vez que han presentado su solicitud. Escribe apply para empezar una.
browse-matched = Ya tienes pareja: { $mentor } en { $programme }.
browse-asked-coordinators = Ya se lo has pedido a { $mentor }; la coordinación está revisando tu solicitud. Puedes pedírselo a otra persona si no sale adelante.
browse-asked-waiting = Ya se lo has pedido a { $mentor } y estamos esperando su respuesta. Puedes pedírselo a otra persona si dice que no.
browse-asked-waiting-until = Ya se lo has pedido a { $mentor } y estamos esperando su respuesta (como muy tarde el { $date }). Puedes pedírselo a otra persona si dice que no.
browse-preparing = La coordinación está preparando un emparejamiento para ti, así que ahora mismo no puedes pedir mentor por tu cuenta; pronto tendrás noticias.
browse-offer-waiting = Tienes un emparejamiento con { $mentor } esperando respuestas; escribe status para verlo.
browse-not-ready = Podrás explorar mentores en { $programme } cuando tu solicitud esté lista para el emparejamiento. Escribe status para ver en qué punto está.
browse-mentor = Explorar y pedir es para las personas mentoradas: en { $programme } ellas recorren la lista de mentores y piden uno. Lo que ven de ti es tu perfil (escribe profile).
browse-unavailable = Ahora mismo no se puede explorar: { $why }
browse-no-criterion = las reglas del programa lo permiten, aunque no tienen ningún criterio en común
browse-none = Ahora mismo ningún mentor tiene hueco en { $programme }.
browse-none-mentioning = Ahora mismo ningún mentor cuyo perfil mencione { $words } tiene hueco en { $programme }.
browse-none-see-all = Escribe browse para verlos a todos.
browse-none-engine = La coordinación te propondrá un emparejamiento en cuanto haya uno que encaje.
browse-none-wait = Las plazas de los mentores se liberan cuando terminan los emparejamientos; vuelve a probar en unos días.
browse-no-page = { $pages ->
        [one] Solo hay 1 página
       *[other] Solo hay { $pages } páginas
    } de mentores. Escribe browse para empezar por la primera.
browse-no-page-mentioning = { $pages ->
        [one] Solo hay 1 página
       *[other] Solo hay { $pages } páginas
    } de mentores cuyo perfil menciona { $words }. Escribe browse para empezar por la primera.
browse-title = Mentores de { $programme } con hueco que encajan contigo, primero los que más ({ $range }):
browse-title-mentioning = Mentores de { $programme } con hueco que encajan contigo y cuyo perfil menciona { $words }, primero los que más ({ $range }):
browse-range-one = { $n } de { $total }
browse-range = { $from }–{ $to } de { $total }
browse-entry = { $id }. { $name } — encaja contigo: { $why }
browse-how-rank = Para pedírselo: rank <números> [unas palabras para ellos], tu primera opción primero (hasta { $max }); se le pide a cada uno por turno. Por ejemplo: rank { $example }
browse-how-request = Para pedírselo a uno: request <número> [unas palabras para esa persona], por ejemplo: request { $example }
browse-more = Más: { $command }
browse-menu-rank = Elige hasta { $max }: se piden en el orden de la lista
browse-menu-request = Pide a uno que sea tu mentor
browse-more-button = Más mentores
request-one-at-a-time = En { $programme } se pide un mentor cada vez: request <número>, por ejemplo request { $example }. No se ha enviado nada.
request-too-many = Puedes ordenar hasta { $max } mentores en { $programme }; has nombrado { $count }. No se ha enviado nada.
request-twice = Has nombrado al mentor { $mentor } dos veces; nombra a cada uno una vez, tu primera opción primero. No se ha enviado nada.
request-note-too-long = Tu nota tiene { $count } caracteres; déjala en { $max } como mucho. No se ha enviado nada.
request-no-such = Ahora mismo no hay ningún mentor { $mentor } al que puedas pedírselo en { $programme }: puede que no le quede plaza, o que no esté en la lista. Escribe browse para ver a quién puedes pedírselo. No se ha enviado nada.
request-no-such-choice = Ahora mismo no hay ningún mentor { $mentor } (tu opción { $n }) al que puedas pedírselo en { $programme }: puede que no le quede plaza, o que no esté en la lista. Escribe browse para ver a quién puedes pedírselo. No se ha enviado nada.
request-asked-first = Le he pedido a { $mentor }, tu primera opción, que sea tu mentor. Tiene hasta el { $date } para responder.
request-asked = Le he pedido a { $mentor } que sea tu mentor. Tiene hasta el { $date } para responder, y te avisaré en cuanto lo haga.
request-to-coordinators = Tu solicitud a { $mentor } pasa primero por la coordinación; cuando la apruebe, se le pedirá a { $mentor }, y te avisaré.
request-then = Si no puede, se lo pediré a { $rest } por turno, y te iré contando.
request-their-note = Su nota para ti: { $note }
request-then-list = { $first }, luego a { $rest }
request-passed-on = { $mentor } no ha podido aceptarte, así que se lo he pedido a tu siguiente opción, { $next }. Tiene hasta el { $date } para responder.
request-passed-on-coordinators = { $mentor } no ha podido aceptarte, así que tu solicitud a tu siguiente opción, { $next }, pasa primero por la coordinación.
request-none-left = Ninguno de los mentores que ordenaste puede aceptarte ahora. No dice nada de ti: escribe browse para ver quién tiene hueco, y vuelve a ordenar. La coordinación lo sabe, y puede proponerte a alguien.

## Cómo escribir cada comando, y `profile`: lo que una persona muestra al otro lado.

choice-profile-usage = Uso: profile · profile show <números, como 1 3> · profile show all · profile show none · profile bio <unas palabras sobre ti> · profile hide
choice-browse-usage = Uso: browse · browse <palabras que buscar> · browse <número de página> (o: mentors)
choice-rank-usage = Uso: rank <los números de los mentores, como los muestra browse, tu primera opción primero> [unas palabras para ellos], como: rank 12 15 9 Me encantaría ayuda con mi CV (dos puntos tras los números cuando las palabras empiezan por un número: rank 12 15: 2 llamadas al mes)
choice-request-usage = Uso: request <el número del mentor, como lo muestra browse> [unas palabras para él o ella], como: request 12 Me encantaría ayuda con mi CV
profile-not-a-number = «{ $word }» no es uno de los números de la lista.
profile-no-such-answer = No hay ninguna respuesta número { $n }: las respuestas que puedes mostrar van del 1 al { $max }. No se cambió nada. Escribe profile para verlas.
profile-bio-long = Tu biografía tiene { $count } caracteres; déjala en { $max }, por favor. No se cambió nada.
profile-hidden = Tu perfil está oculto: { $means }. Escribe profile para volver a mostrarlo.
profile-unchanged = No cambió nada.
profile-saved = Guardado.
profile-hidden-mentor = las personas mentoradas no te ven cuando buscan
profile-hidden-mentee = la persona mentora a la que se lo pidas solo ve tu nombre, por qué encajan y tu nota
profile-empty = Tu perfil en { $programme } todavía no muestra nada, así que { $means }.
profile-as-mentees-see = Tu perfil en { $programme }, tal como lo ven las personas mentoradas:
profile-as-mentors-see = Tu perfil en { $programme }, tal como lo ven las personas mentoras a las que se lo pidas:
profile-nothing-to-show = Ninguna de tus respuestas se puede mostrar; puedes escribir una biografía.
profile-answers = Las respuestas que puedes mostrar (✓: se muestra):
profile-line = { $label }: { $answer }
profile-in-their-words = En sus palabras: { $bio }
