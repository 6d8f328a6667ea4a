# Cuentas vinculadas: una persona en Matrix y en Discord (flows::link).

link-usage = Para vincular tus cuentas de Matrix y Discord, escribe link en una de ellas: te daré un código para enviar desde la otra, como link seguido del código. Para deshacerlo, escribe unlink.
link-only-between = Las cuentas se vinculan entre Matrix y Discord.
link-already = Tu cuenta de { $platform } ({ $id }) y tu cuenta de { $other } ({ $other_id }) están vinculadas: para mí son una sola persona, con una sola serie de solicitudes y emparejamientos. Te respondo donde escribes, y te escribo primero donde me escribiste la última vez. Para deshacerlo, escribe unlink.
link-no-code = No he podido crear un código ahora; inténtalo de nuevo en un momento.
link-code = Tu código es { $code }. En los próximos { $minutes } minutos, envíame link { $code } por mensaje directo desde tu cuenta de { $other }. Esa cuenta también serás tú: las mismas solicitudes, emparejamientos y encuestas, escribas desde donde escribas. No le des este código a nadie: daría a su cuenta tu lugar en el programa.
link-suspended = Esta cuenta no se puede vincular mientras esté suspendida de los programas.
link-staff = Esta cuenta no se puede vincular: la configuración del programa la nombra para una función del equipo, así que queda aparte.
link-own-code = Ese es el código de esta misma cuenta: envía link { $code } desde tu cuenta de { $other }.
link-same-platform = Ese código se creó en otra cuenta de { $platform }. Vincular une una cuenta de Matrix y una de Discord: escribe link en tu cuenta de la otra plataforma.
link-linked-already = Esta cuenta ya está vinculada a tu cuenta de { $other }. Escribe unlink primero para vincular otra.
link-issuer-linked = La cuenta de { $platform } que creó este código ya está vinculada a otra cuenta: primero tiene que escribir unlink.
link-has-application = Esta cuenta ya tiene una solicitud conmigo, así que tiene que ser ella la que dé el código: escribe link aquí y envía link con el código nuevo desde tu cuenta de { $platform }. (Dos cuentas que han presentado solicitud no se pueden vincular).
link-done = Hecho: esta cuenta de { $platform } y tu cuenta de { $other } ({ $other_id }) están vinculadas. Escribas desde donde escribas, sabré que eres tú: las mismas solicitudes, emparejamientos y encuestas. Te respondo donde escribes, y te escribo primero donde me escribiste la última vez. Si no querías hacerlo, escribe unlink.
link-done-told = Tu cuenta de { $platform } ({ $id }) ahora está vinculada a esta: para mí eres una sola persona en las dos. Si no has sido tú, escribe unlink ahora y avisa a la coordinación del programa.
link-not-linked = Esta cuenta no está vinculada a otra. Para vincularla, escribe link.
link-pair-room = Tu emparejamiento con { $partner } tiene su sala en { $other }, donde te pone este vínculo: desvincularte te dejaría fuera. Podrás desvincularte cuando termine el emparejamiento.
link-kept = Tus solicitudes, emparejamientos y encuestas se quedan con tu cuenta de { $platform } ({ $id }); la cuenta de { $other } empieza de cero.
link-unlinked = Desvinculadas: tus cuentas de { $platform } y { $other } vuelven a ser dos. { $kept }
link-unlinked-told = Tu cuenta de { $platform } ({ $id }) se ha desvinculado de esta. { $kept }
link-code-invalid = Ese código no sirve: puede estar mal escrito o haber caducado. Un código para vincular tus cuentas dura { $minutes } minutos: escribe link en tu otra cuenta para obtener uno nuevo. Un código para una solicitud que la coordinación registró para ti dura { $days } días: te pueden dar uno nuevo.
