# Los comandos de barra de Discord, como los muestran los clientes en cada idioma
# (platforms::discord). Un nombre: minúsculas, cifras, - o _ (32 como mucho); una
# descripción: 100 caracteres como mucho.

slash-apply = solicitar
slash-apply-about = Solicitar plaza en un programa de mentoría (las preguntas llegan por mensaje directo)
slash-apply-programme = Qué programa (vacío para elegir)
slash-apply-role = mentor o mentee (vacío para elegir)
slash-status = estado
slash-status-about = Cómo van tus solicitudes y tus parejas de mentoría
slash-help = ayuda
slash-help-about = Lo que Tandem puede hacer por ti
slash-report = reportar
slash-report-about = Contar una preocupación en privado a la moderación
slash-withdraw = retirar
slash-withdraw-about = Retirar una solicitud
slash-withdraw-programme = Qué programa
slash-pause = pausar
slash-pause-about = Pausar los recordatorios de tu mentoría hasta una fecha
slash-pause-until = Una fecha, p. ej. 2027-01-10, 10 de enero o el próximo viernes
slash-resume = reanudar
slash-resume-about = Terminar antes una pausa
slash-link = vincular
slash-link-about = Ser la misma persona aquí y en Matrix (el código llega por mensaje directo)
slash-link-code = El código que recibiste en Matrix (vacío para recibir uno aquí)
slash-coordinate = coordinar
slash-coordinate-about = Un comando de la coordinación (en su canal)
slash-moderate = moderar
slash-moderate-about = Un comando de la moderación (en su canal)
slash-option-programme = programa
slash-option-role = rol
slash-option-until = hasta
slash-option-code = codigo
slash-option-command = comando
