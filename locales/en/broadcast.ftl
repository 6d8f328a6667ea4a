# Broadcasts: a coordinator's announcement by DM to an audience (flows::broadcast), and a
# participant's `mute announcements`.

broadcast-usage = Write broadcast, then (if you coordinate several programmes) the programme, the audience — { $audiences } — and your message. Lines (or parts after ||) that begin with es: or ar: are its translations.
broadcast-message = 📣 { $programme }:
    { $text }

    (To stop these announcements, type mute announcements.)
broadcast-unloaded = I couldn't load the programme's people; please try again.
broadcast-too-long = Your message has { $chars } characters; a broadcast can have at most { $max } (what every chat platform takes in one message). Please shorten it, or send two.
broadcast-too-long-in = Your message in { $language } has { $chars } characters; a broadcast can have at most { $max } (what every chat platform takes in one message). Please shorten it, or send two.
broadcast-nobody = Nobody to send to: there are no { $audience } in { $programme }{ $muted ->
    [0] {""}
    [one] {" "}who have not muted announcements (1 has)
   *[other] {" "}who have not muted announcements ({ $muted } have)
}. Nothing was sent.
broadcast-dry-run = Broadcast to { $audience } in { $programme } (a dry run: nothing is sent yet). { $count ->
    [one] 1 person gets it by direct message.
   *[other] { $count } people get it by direct message.
}
broadcast-muted = { $count ->
    [one] 1 person muted announcements and will not get it.
   *[other] { $count } people muted announcements and will not get it.
}
broadcast-unreachable = { $count ->
    [one] 1 person could not be reached by direct message in the last 30 days ({ $names }): I'll try again.
   *[other] { $count } people could not be reached by direct message in the last 30 days ({ $names }): I'll try again.
}
broadcast-no-translations = Everyone reads it as you wrote it (add lines such as es: … or ar: … for those who chose Spanish or Arabic).
broadcast-translations = Those who chose { $languages } read your translation; everyone else reads it as you wrote it.
broadcast-preview = They will read:
broadcast-sent = { $count ->
    [one] Sent to 1 person ({ $audience } in { $programme }) by direct message.
   *[other] Sending to { $count } people ({ $audience } in { $programme }) by direct message.
}

announcements-muted = Done: you won't get the coordinators' announcements any more. Messages about your own application, match and reports still come. Type unmute announcements to have them again.
announcements-unmuted = Done: you'll get the coordinators' announcements again.

## The Apply card (`announce apply <room>`).

announce-usage = Write announce apply, then the room to post the Apply card in (a #channel on Discord, the room's id on Matrix) and, if you coordinate several programmes, the programme.
announce-alias = Give the room's id (it starts with !, in the room's settings under Advanced), not its address { $room }.
announce-closed = { $programme } is not open for applications: the card would invite people to an application they cannot make. Open it first (applications_open in its file).
announce-posted = The Apply card of { $programme } is posted in { $room }. Applications started from it count as from an announcement in report.
apply-card = 📣 { $programme } is open for applications!
    { $description }
    { $roles }
    { $how }
apply-card-button = To apply, press Apply, or send me a direct message: apply { $slug }
apply-card-link = To apply, send me a direct message ({ $link }): apply { $slug }
apply-card-dm = To apply, send me a direct message: apply { $slug }
apply-card-role = • { $role }: { $description }
apply-card-pressed = I've sent you a direct message to start your application. If nothing comes, allow direct messages from this server's members (in its Privacy Settings) and press Apply again.
broadcast-without-chat = { $count ->
    [one] 1 person has no chat account yet (a coordinator entered their application) and will not get it: tell them yourself.
   *[other] { $count } people have no chat account yet (a coordinator entered their applications) and will not get it: tell them yourself.
}
broadcast-alumni-apply = To apply as a mentor, send me: { $command }
broadcast-alumni-closed = Alumni are invited to apply to { $programme } as mentors, and it isn't taking mentors' applications now: open its applications first, or name the programme they should apply to.
broadcast-alumni-button = Apply as a mentor
apply-card-apply = Apply
