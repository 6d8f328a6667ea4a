## Lo que una plataforma de chat rechazó sin más (el bot no ve una sala, le falta un permiso
## en ella, o la sala o la persona ya no están): se dice al equipo en seguida, sin reintentarlo.

# $room: moderators o coordinators; $error: el rechazo de la plataforma, con las palabras del registro.
notice-staff-post-refused = Un mensaje para la sala de { $room ->
    [moderators] moderación
   *[coordinators] coordinación
} fue rechazado allí: { $error }. No se intentará más; devolved al bot lo que necesita en esa sala. Del mensaje, el registro del bot solo guarda su tipo.
# $act y $subject: lo que se rechazó, con las palabras del registro.
notice-refused = { $act } ({ $subject }) fue rechazado: { $error }. No se intentará más; ocupaos de ello a mano.
