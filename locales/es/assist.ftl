# Solicitudes asistidas: un coordinador registra la solicitud de alguien sin cuenta de chat,
# que la asume después con un código (flows::assist).

assist-usage = Escribe assist apply y, si coordinas varios programas, el programa: te haré sus preguntas por mensaje directo y las respondes por alguien sin cuenta de chat. assist code y la solicitud (como A12) le da un código nuevo para asumirla; assist delete y la solicitud borra una que nunca asumió.
assist-try-again = No he podido prepararlo ahora; inténtalo de nuevo en un momento.
assist-closed = { $programme } no admite solicitudes ahora.
assist-busy = { $user }, termina primero lo que está abierto en nuestros mensajes directos (o escribe cancel allí) y luego vuelve a escribir assist apply.
assist-in-dm = { $user }, te he enviado un mensaje directo: la solicitud sigue allí.
assist-started = Estás registrando una solicitud a { $programme } para alguien sin cuenta de chat. Te haré sus preguntas aquí: respóndelas como lo haría esa persona (léeselas por teléfono o cópialas de su formulario en papel). Escribe cancel para parar.
assist-submitted = Queda registrada como solicitud asistida y se revisa como cualquier otra. No puedo escribir a esa persona hasta que se una, así que cuéntale tú lo que se decida. Para asumirla, me envía link { $code } por mensaje directo desde su propia cuenta, en un plazo de { $days } días. (Escribe assist code con su número en la sala de coordinación para un código nuevo).
assist-no-application = No existe la solicitud A{ $id }.
assist-not-assisted = A{ $id } no está pendiente de que nadie la asuma: la hizo su solicitante en el chat, ya la ha asumido, o se retiró.
assist-new-code = Un código nuevo para A{ $id } ({ $name }): { $code }. Me envía link { $code } por mensaje directo desde su propia cuenta, en un plazo de { $days } días. El código anterior ya no sirve.
assist-code-sent = { $user }, te he enviado por mensaje directo el código nuevo de A{ $id }.
assist-claim-staff = Una cuenta del equipo no puede asumir una solicitud: usa tu cuenta personal o habla con la coordinación del programa.
assist-claim-suspended = Esta cuenta no puede asumir una solicitud mientras esté suspendida de los programas.
assist-claim-has-application = Esta cuenta ya tiene una solicitud conmigo, así que no se le puede añadir la que se registró para ti. Avisa a la coordinación del programa: te ayudarán.
assist-claimed = ¡Bienvenida o bienvenido! La solicitud a { $programmes } que se registró para ti ahora es de esta cuenta. Escribe status para ver cómo va; a partir de ahora te escribo aquí.
assist-joined = A{ $id } ({ $name }) ha asumido su solicitud desde { $account }: a partir de ahora le escribo allí.
assist-card = Asistida: registrada por la coordinación para alguien sin cuenta de chat. Nada de lo que envío le llega, y no se le empareja, hasta que la asuma con su código (assist code A{ $id } crea uno nuevo).
assist-wrong-room = Las solicitudes asistidas se registran desde la sala de coordinación.
assist-claim-held = Esta solicitud no se puede asumir desde el chat: ponte en contacto con la coordinación del programa.
assist-deleted = A{ $id } ({ $name }) está borrada: sus respuestas se han eliminado, se ha retirado del programa y su código ya no sirve.
assist-submitted-refused = No puedo escribir a esa persona: cuéntaselo tú. La solicitud queda registrada como rechazada por las reglas.
assist-ask = A{ $id } ({ $name }) aún no tiene cuenta de chat, así que no puedo preguntarle: pregúntale tú y guarda su respuesta con note A{ $id } <su respuesta>.
assist-entered = A{ $id } ({ $name }) queda registrada como solicitud asistida: { $status }. assist code A{ $id } crea un código nuevo para que la asuma; assist delete A{ $id } la borra.
