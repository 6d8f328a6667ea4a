# What Tandem says when something went wrong or is slow (src/app): the apology after an
# error, a rate limit, and the notices to the staff rooms about messages and pair rooms
# that could not be made. An error's own words ($error, $why) are the platform's, as logged.

notice-internal-error = Sorry, something went wrong on my side and nothing was changed. Please try again in a moment. (Reference: { $reference })
notice-too-fast = You're sending messages faster than I can keep up with. Please wait a minute and send your last message again.
notice-too-often = I can send this at most { $max ->
    [one] once
    [two] twice
   *[other] { $max } times
} an hour; please try again later.

## To the coordinators' or moderators' room.

notice-unreachable = I could not send a direct message to { $who }: { $why }. They may have left the server or closed their DMs; please reach them another way.
notice-pair-room-setup-failed = The pair room for match M{ $m } was created, but setting it up failed: { $error }. Please check the room and welcome the pair there.
notice-pair-room-failed = I could not create the pair room for match M{ $m }: { $error }. The match is recorded without a room for now.
notice-pair-room-trying = I'll keep trying until { $until } UTC, and create it as soon as the cause is fixed.
notice-pair-room-stopped = I have stopped trying.
notice-pair-room-made = The pair room for match M{ $m } is created now, and the pair welcomed in it.
notice-certificate-undrawn = I couldn't draw a certificate for { $names } (match M{ $m }): no installed font has every letter of the name. Please send one by hand, or add a font that covers it to [graphics] fonts.
notice-paced = Making pair rooms at the pace { $platform } allows (it limits how fast one account creates rooms): { $count } wait, the last due about { $last } UTC. Nothing to do; each pair is welcomed in their room as it is made, and I'll say when all are.
notice-paced-done = { $count ->
    [one] The pair room that waited for { $platform }'s pace is made now.
   *[other] All { $count } pair rooms that waited for { $platform }'s pace are made now.
}
# $room: moderators or coordinators.
notice-staff-post-failed = A message for the { $room ->
    [moderators] moderators'
   *[coordinators] coordinators'
} room could not be posted there, even after retrying: { $error }. Please check that the bot can still post in that room; the message itself is in the bot's log only as its kind.
# $act and $subject: what failed, in the log's words ("Archiving a pair room", "match M1").
notice-given-up = { $act } ({ $subject }) failed for good, even after retrying: { $error }. Please see to it by hand.
# An act asked for in a staff room: its kind and subject are the log's words (a direct message, to …).
act-in-log = { $act } ({ $subject })
notice-act-retrying = Heads up: { $act } did not go through: { $error }. I'll keep trying until { $until } UTC and tell you how it ends.
notice-act-went-through = Update: { $act } went through after all, on try { $tries }.

## A long run of sends (match approve all), told in the room that asked for it.

# $total: how many messages and rooms (grouped); $count: the same, for the plural; $done: how many so far.
progress-working = { $count ->
    [one] Working through 1 message or room: { $done } done so far.
   *[other] Working through { $total } messages and rooms: { $done } done so far.
}
progress-done = { $count ->
    [one] The 1 message or room is done.
   *[other] All { $total } messages and rooms are done.
}
# $failed: how many could not be delivered (grouped); $count: the same, for the plural.
progress-failed = { $count ->
    [one] 1 could not be delivered; see the log.
   *[other] { $failed } could not be delivered; see the log.
}

## Told to the coordinators: an erasure, a withdrawal, a pair room held back.

# $applications: the person's applications there (A3 (mentee), …).
personal-erased-staff = A participant (application { $applications }) asked for their data to be deleted, and it has been. Their applications stay in the figures without a name.
# $notes: what became of their matches (personal-erased-match-closed, personal-erased-offer-ended).
personal-erased-staff-with = A participant (application { $applications }) asked for their data to be deleted, and it has been; { $notes }. Their applications stay in the figures without a name.
# $match: the match (M3).
personal-erased-match-closed = match { $match } was closed, and their partner told kindly and offered a new match
personal-erased-offer-ended = the offer of match { $match } was ended
# $id: the application's number; $role: its role; $programme: the programme's name.
withdrawn-staff = Application A{ $id } ({ $role }, { $programme }) was withdrawn by the applicant.
withdrawn-staff-replan = Application A{ $id } ({ $role }, { $programme }) was withdrawn by the applicant; their open proposals were set aside.
# $match: the match (M3); $name: the pair room's name.
notice-pair-room-held = Match { $match } ({ $name }) was not given a pair room: one of the two is no longer ready to be matched (suspended, or a screening step lapsed). Please decide what happens next (for example close match { $match } <reason>).
