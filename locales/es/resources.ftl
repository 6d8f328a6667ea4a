# Recursos: qué debe leer o ver cada participante, por etapa (flows::resources), y la
# lista de quién los ha leído para la coordinación.

resource-stage-orientation = orientación
resource-stage-training = formación
resource-stage-first-month = el primer mes
resource-stage-midpoint = la mitad del programa
resource-stage-closure = el cierre

resource-line = { $n }. { $title } — { $where }
resource-line-read = ✓ { $n }. { $title } — { $where }
resource-file = un archivo: escribe recursos { $n } y te lo envío
resource-menu = ✓ Ya he leído…
resource-menu-option = { $n }. { $title }

resources-not-applied = Los recursos vienen con un programa: cuando presentes una solicitud (escribe apply), te diré qué leer o ver en cada etapa.
resources-none = Tu programa todavía no tiene recursos. Si buscas algo, escribe ask the team seguido de tu pregunta.
resources-none-now = Nada que leer por ahora ({ $stage }): ya has leído todo lo de esta etapa. Escribe recursos todos para verlos todos.
resources-header = Para leer o ver ahora ({ $stage }):
resources-all-header = Todos los recursos para ti:
resources-footer = Cuando hayas leído uno, dímelo: hecho { $n } (con su número).
resources-footer-all-read = Ya los has leído todos. ¡Gracias!
resources-all-hint = Escribe recursos todos para ver todos los recursos de tu programa, o recursos y un número para ver uno.
resource-read-on = Lo leíste el { $date }.
resource-done-hint = Cuando lo hayas leído, escribe hecho { $n }.
resource-unknown = No encuentro el recurso «{ $typed }». Los tuyos tienen los números { $numbers }: escribe recursos para verlos.
resource-already-read = Ya marcaste «{ $title }» como leído, el { $date }.
resource-marked = Gracias: «{ $title }» queda marcado como leído.
resource-file-missing = Lo siento, no encuentro ese archivo ahora mismo. Escribe ask the team seguido de un mensaje y alguien de la coordinación te lo enviará.
resource-for-pair = 📚 { $title } — { $where }
    Cada uno: cuando lo hayáis leído, escribidme recursos en un mensaje directo para marcarlo como leído.
resource-file-by-dm = un archivo que les enviaré a cada uno: escríbanme recursos en un mensaje directo

## La lista de la coordinación (`resources` en su sala).

resources-progress-unloaded = No he podido cargar quién ha leído los recursos; inténtalo de nuevo.
resources-progress-none = { $programme } no tiene recursos: añádelos bajo [[resources]] en su archivo de programa.
resources-progress-header = Recursos de { $programme }: quién ha leído cada uno (de las personas a las que ya corresponde).
resources-progress-line = { $n }. { $title } ({ $stage }): leído por { $read } de { $due }.
resources-progress-line-nobody = { $n }. { $title } ({ $stage }): nadie ha llegado todavía a esta etapa.
resources-progress-not-yet = { "   " }Aún no: { $names }
resources-progress-more = { $names } y { $count } más
