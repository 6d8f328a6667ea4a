# Resultados después del cierre (`[outcomes]`).

outcomes-how-to-stop = Es un breve seguimiento después de tu mentoría. Escribe no more si prefieres que no te volvamos a preguntar.
outcomes-declined = Entendido: { $programme } no volverá a preguntarte cómo te va. Gracias por tu tiempo en el programa.

outcomes-coordinators-only = ver los resultados del programa
outcomes-off = { $programme } no hace seguimiento de resultados después del cierre: una sección [outcomes] en su archivo de programa lo activa.
outcomes-unloaded = No se pudieron cargar los resultados. Inténtalo de nuevo.

outcomes-header = Resultados de { $programme }: el cambio respecto a lo que dijeron los participantes al solicitar. No se muestra ningún grupo de menos de { $minimum }.
outcomes-follow-up = { $follow_up } después del cierre: { $count ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
outcomes-follow-up-too-few = { $follow_up } después del cierre: demasiado pocas para mostrar ({ $n } hasta ahora; se muestran desde { $minimum }).
outcomes-everyone = Todos
outcomes-by-role = Por rol:
outcomes-role-mentee = mentees
outcomes-role-mentor = mentores
outcomes-by-cohort = Por cohorte (el trimestre en que empezó el emparejamiento):
outcomes-by-method = Por cómo se formó la pareja:
outcomes-by-length = Por cuánto duró el emparejamiento:
outcomes-by-check-ins = Por seguimientos del equipo:
outcomes-by-meetings = Por reuniones registradas:
outcomes-group = { $group } ({ $n }): { $figures }
outcomes-group-all = { $group }: todos, como arriba
outcomes-group-too-few = { $group }: demasiado pocas para mostrar
outcomes-group-with-small = { $group }: no se muestra, porque revelaría un grupo demasiado pequeño
outcomes-indicator-hidden = { $indicator } demasiado pocas para mostrar
outcomes-mean = { $indicator } { $before } → { $after } ({ $change })
outcomes-shares = { $indicator }: { $shares }
outcomes-share = { $option } { $before } → { $after }

outcomes-method-coordinator = elegido por una coordinadora
outcomes-method-algorithm = propuesto por el motor de emparejamiento
outcomes-method-mentee-choice = elegido por el mentee
outcomes-length-under-3-months = menos de 3 meses
outcomes-length-3-to-6-months = de 3 a 6 meses
outcomes-length-6-months-or-more = 6 meses o más
outcomes-check-ins-kept = seguimientos al día
outcomes-check-ins-missed = un seguimiento pendiente
outcomes-check-ins-not-planned = sin seguimientos previstos
outcomes-meetings-none = ninguna reunión
outcomes-meetings-1-to-3 = de 1 a 3 reuniones
outcomes-meetings-4-or-more = 4 reuniones o más

staff-help-does-outcome-report = los resultados del programa después del cierre: el cambio respecto a la línea de base de la solicitud, por cohorte, método de emparejamiento, duración y práctica
