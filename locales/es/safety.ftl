# La política de seguridad de las salas de pareja de un programa (src/domain/safety;
# `[safety]` en su archivo): el recordatorio amable y privado a quien envía un mensaje
# marcado (una vez al día por tipo), el nombre de cada tipo en la tarjeta de los
# coordinadores, y la tarjeta. $programme: el nombre del programa.

safety-reminder-phone = Un recordatorio amable de { $programme }: por la seguridad de todas las personas, no compartas números de teléfono en tus mensajes y sigue hablando aquí, en los canales del programa. ¡Gracias!
safety-reminder-email = Un recordatorio amable de { $programme }: por la seguridad de todas las personas, no compartas direcciones de correo en tus mensajes y sigue hablando aquí, en los canales del programa. ¡Gracias!
safety-reminder-social = Un recordatorio amable de { $programme }: por la seguridad de todas las personas, las conversaciones del programa se quedan aquí, no en otras aplicaciones ni redes sociales. No compartas usuarios ni invites a tu pareja a otro sitio. ¡Gracias!
safety-reminder-photos = Un recordatorio amable de { $programme }: por la seguridad de todas las personas, no pidáis fotos el uno del otro. ¡Gracias!
safety-reminder-secrecy = Un recordatorio amable de { $programme }: las conversaciones del programa nunca son secretas para su equipo, y a nadie se le debe pedir que oculte algo a su familia o al equipo. ¡Gracias!
safety-reminder-keywords = Un recordatorio amable de { $programme }: respeta la política de seguridad del programa en tus mensajes. Puede que una persona coordinadora se ponga en contacto. ¡Gracias!
safety-reminder-night = Un recordatorio amable de { $programme }: envía los mensajes en horario de día en la zona horaria de tu pareja. ¡Gracias!

# La política en una frase, para el primer mensaje de la sala y el consentimiento de la solicitud.
safety-policy-said = { $programme } cuida sus salas de pareja: los mensajes que comparten datos de contacto, llevan la conversación a otra aplicación, piden fotos o secreto, o se envían de noche se muestran a los coordinadores (solo unas pocas palabras alrededor de lo encontrado).

## En la tarjeta de aviso de los coordinadores.

safety-kind-phone = un número de teléfono
safety-kind-email = una dirección de correo
safety-kind-social = otra aplicación o red social
safety-kind-photos = una petición de fotos
safety-kind-secrecy = una petición de secreto
safety-kind-keywords = una de las palabras clave del programa
safety-kind-night = un mensaje de noche
safety-card = Aviso de seguridad { $flag } en el emparejamiento { $match }: { $kind } de { $sender }, { $time }.
safety-card-excerpt = «{ $excerpt }»
safety-card-reply = Responde aquí: flag dismiss { $flag } · flag note { $flag } <tu nota> · flag case { $flag } (un caso para el equipo de moderación)

## Los comandos de los coordinadores sobre los avisos (flows/safety.rs).

flags-usage = Uso: flags [programa] · flag F3 · flag dismiss F3 [nota] · flag note F3 <nota> · flag case F3 [nota]
flags-room = Los avisos de seguridad se trabajan en la sala de coordinadores.
flags-none = No hay ningún aviso de seguridad { $flag }.
flags-note-long = Esa nota tiene { $count } caracteres; una nota admite como máximo { $max }.
flags-settled = { $flag } ya está decidido: no ha cambiado nada.
flags-made-case = { $flag } es ahora un caso para el equipo de moderación, con su fragmento como prueba. El número del caso te llega por mensaje directo.
flags-dismissed = { $flag } queda descartado: ya no cuenta para la salud de { $match }.
flags-noted = { $flag } queda anotado: sigue contando para la salud de { $match }.
flags-can-see = ver el aviso de seguridad { $flag }
flags-can-decide = decidir sobre el aviso de seguridad { $flag }
flags-can-list = ver la lista de avisos de seguridad
flags-no-programme = No hay ningún programa { $programme }.
flags-none-open = No hay avisos de seguridad abiertos en tus programas.
flags-open = { $count ->
    [one] 1 aviso de seguridad abierto, del más antiguo al más reciente:
   *[other] { $count } avisos de seguridad abiertos, del más antiguo al más reciente:
}
flags-more = …y { $count } más: decide primero estos.
flags-list-reply = Responde aquí: flag dismiss <aviso> · flag note <aviso> <tu nota> · flag case <aviso>
flags-status-open = Abierto: nadie lo ha decidido todavía.
flags-status-dismissed = Descartado por { $by } el { $on }.
flags-status-noted = Anotado por { $by } el { $on }.
flags-status-case = Convertido en el caso #{ $case } por { $by } el { $on }.
flags-status-note = Nota: { $note }

## La ayuda del personal (la tabla de help.ftl).

staff-help-does-flag-list = los avisos de seguridad abiertos de las salas de pareja de tus programas
staff-help-does-flag-show = un aviso de seguridad, su fragmento y en qué punto está
staff-help-does-flag-dismiss = nada de qué preocuparse: deja de contar para la salud del emparejamiento
staff-help-does-flag-note = conservar el aviso con una nota (sigue contando)
staff-help-does-flag-case = convertir el aviso en un caso para el equipo de moderación, con su fragmento como prueba

# Un motivo por el que un emparejamiento está en riesgo (con los demás de health-at-risk).
health-risk-safety = { $count ->
    [one] 1 aviso de seguridad en 30 días
   *[other] { $count } avisos de seguridad en 30 días
}

## Un aviso convertido en caso: se guarda en el registro del caso tal como se escribe.
flags-case-text = Aviso de seguridad { $flag } de una sala de pareja ({ $kind }) en el emparejamiento { $match }, enviado el { $at }.
flags-case-note = La nota del coordinador: { $note }
flags-case-copy = { $sender }, { $at }: «{ $excerpt }»
flags-case-copy-night = { $sender }, { $at }: (un mensaje de noche; no se guarda ningún texto)
staff-help-group-safety = Avisos de seguridad de las salas de pareja (F…):

## Los botones de la tarjeta (donde la plataforma los tiene).
safety-action-dismiss = Descartar
safety-action-note = Anotar
safety-action-case = Abrir un caso
safety-asks-note = Tu nota (se guarda con el aviso; no se le dice a la pareja)
