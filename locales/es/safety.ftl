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
safety-action-dismiss = Descartar
safety-action-note = Anotar
safety-action-case = Abrir un caso

# Un motivo por el que un emparejamiento está en riesgo (con los demás de health-at-risk).
health-risk-safety = { $count ->
    [one] 1 aviso de seguridad en 30 días
   *[other] { $count } avisos de seguridad en 30 días
}
