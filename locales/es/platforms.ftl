# Lo que dicen los adaptadores de chat (platforms::discord, platforms::matrix) a quien
# pulsó, escribió o envió algo que no pudieron usar, en el idioma de esa persona.
# Los comandos se escriben tal cual.

## Los controles propios de Discord (comandos de barra, botones, formularios).

platform-unknown-command = Ya no conozco ese comando. Escribe /help para ver lo que puedo hacer.
platform-use-in-coordinators = Usa /{ $command } en el canal de coordinación, { $channel }.
platform-use-in-moderators = Usa /{ $command } en el canal de moderación, { $channel }.
platform-no-coordinators-channel = Este servidor no tiene configurado un canal de coordinación para Tandem.
platform-no-moderators-channel = Este servidor no tiene configurado un canal de moderación para Tandem.
platform-report-unseen = No pude ver ese mensaje. Escribe /report en su lugar.
platform-report-own-slash = Ese mensaje es tuyo. Para reportar otra cosa, escribe /report.
platform-button-unused = Este botón ya no está en uso.
platform-form-unused = Este formulario ya no está en uso.
platform-not-yours = Esta pregunta es para otra persona, así que no tomé tu respuesta.
platform-already-answered = Esta pregunta ya fue respondida.
platform-nothing-picked = No se eligió nada, así que no se hizo nada.
platform-nothing-written = No se escribió nada, así que no se hizo nada.
platform-noting-answer = Gracias: tomo nota de tu respuesta y te la confirmaré por mensaje directo.
platform-no-dm = No pude enviarte un mensaje directo. Permite los mensajes directos de los miembros de este servidor (Ajustes de privacidad) y vuelve a intentarlo.
platform-answered-in-dm = Te he respondido en nuestros mensajes directos.

## Mensajes que el bot no pudo leer.

platform-only-text = Solo puedo leer mensajes de texto y archivos. Escribe tu respuesta, por favor.
platform-edited = Vi que editaste un mensaje, pero tomo las respuestas tal como se enviaron la primera vez. Para cambiar una respuesta, escribe back (o edit <número> al revisar tu solicitud).
platform-undecryptable = No pude descifrar tu último mensaje (aún no me han llegado sus claves). Envíalo de nuevo, por favor.
platform-report-own = Ese mensaje es tuyo. Para reportar otra cosa, escribe report aquí.

## Matrix: un «mensaje directo» con otras personas dentro.

platform-shared-dm = En esta sala hay otras personas, así que no la trato como nuestro chat privado. He abierto un mensaje directo contigo: escríbeme allí, por favor.
platform-moved-dm = Aquí podemos hablar en privado. Lo que escribiste en la sala compartida no se usó: envíalo de nuevo aquí, por favor.
platform-removed = Decisión del equipo de moderación del programa
