# Discord's typed options of more kinds (platforms::discord, render/staff_commands.rs):
# the new subcommands' descriptions (`slash-coordinate-<sub>-about`, `-<option>`), the new
# option names (`slash-option-<option>`: lower-case letters, digits, - or _, at most 32)
# and the names of fixed choices (`slash-choice-<word>`, at most 100 characters; the word
# itself is what the command reads, in English).

slash-coordinate-matches-about = Your programmes' matches, the most urgent first
slash-coordinate-matches-filter = Which matches
slash-coordinate-matches-programme = Which programme (leave empty for all yours)
slash-coordinate-who-about = Find a person in your programmes
slash-coordinate-who-person = The person
slash-coordinate-announce-about = Post a programme's Apply card in a channel
slash-coordinate-announce-room = The channel
slash-coordinate-announce-programme = Which programme (leave empty if you have one)
slash-coordinate-event-show-about = Show an event with its answers
slash-coordinate-event-show-event = The event
slash-coordinate-event-cancel-about = Cancel an event
slash-coordinate-event-cancel-event = The event
slash-coordinate-event-cancel-reason = Why (optional)
slash-option-filter = filter
slash-option-person = person
slash-option-room = room
slash-option-event = event
slash-choice-mentor = mentor
slash-choice-mentee = mentee
slash-choice-frozen = frozen: the moderators froze the pair room
slash-choice-at-risk = at risk: a sign says the pair needs help now
slash-choice-stuck = stuck: the latest check-in said they are stuck
slash-choice-quiet = quiet: no message in the pair room for a while
slash-choice-check-in = check-in: a staff check-in is overdue
slash-choice-paused = paused
slash-choice-too-early = too early: started too recently to tell
slash-choice-ok = ok: active and on track
slash-choice-offered = offered: waiting for both to accept
slash-choice-proposed = proposed: waiting for a coordinator
slash-choice-ended = ended: closed, declined, expired or rejected
slash-choice-all = all, ended ones too
