# A programme's pair-room safety policy (src/domain/safety; `[safety]` in its file): the
# kind, private reminder its sender gets when a message of theirs is flagged (once per
# kind a day), what each kind is called on the coordinators' flag card, and the card.
# $programme: the programme's name.

safety-reminder-phone = A gentle reminder from { $programme }: for everyone's safety, please keep phone numbers out of your messages and keep talking here, on the programme's channels. Thank you!
safety-reminder-email = A gentle reminder from { $programme }: for everyone's safety, please keep e-mail addresses out of your messages and keep talking here, on the programme's channels. Thank you!
safety-reminder-social = A gentle reminder from { $programme }: for everyone's safety, the programme's conversations stay here, not on other apps or social networks. Please don't share handles or invite your partner elsewhere. Thank you!
safety-reminder-photos = A gentle reminder from { $programme }: for everyone's safety, please don't ask for photos of each other. Thank you!
safety-reminder-secrecy = A gentle reminder from { $programme }: conversations in the programme are never secret from the programme's staff, and nobody should be asked to keep one from their family or staff. Thank you!
safety-reminder-keywords = A gentle reminder from { $programme }: please keep to the programme's safety policy in your messages. A coordinator may be in touch. Thank you!
safety-reminder-night = A gentle reminder from { $programme }: please keep messages to daytime hours in your partner's time zone. Thank you!

# The policy in a sentence, for the pair room's first message and the application's consent.
safety-policy-said = { $programme } looks after its pair rooms: messages that share contact details, move the conversation to another app, ask for photos or for secrecy, or are sent at night are shown to the coordinators (only a few words around what was found).

## On the coordinators' flag card.

safety-kind-phone = a phone number
safety-kind-email = an e-mail address
safety-kind-social = another app or social network
safety-kind-photos = a request for photos
safety-kind-secrecy = a request for secrecy
safety-kind-keywords = one of the programme's keywords
safety-kind-night = a message at night
# $flag: the flag's number; $match: the match's (M7); $sender: who sent it; $kind: a
# safety-kind-*; $time: when, in the coordinators' zone; $excerpt: a few words around it.
safety-card = Safety flag { $flag } in match { $match }: { $kind } from { $sender }, { $time }.
safety-card-excerpt = “{ $excerpt }”
safety-card-reply = Reply here: flag dismiss { $flag } · flag note { $flag } <your note> · flag case { $flag } (a case for the moderators)

## The coordinators' commands on flags (flows/safety.rs).

flags-usage = Usage: flags [programme] · flag F3 · flag dismiss F3 [note] · flag note F3 <note> · flag case F3 [note]
flags-room = Safety flags are worked in the coordinators' room.
# $flag: the flag's number (F3).
flags-none = There is no safety flag { $flag }.
flags-note-long = That note is { $count } characters long; a note takes at most { $max }.
flags-settled = { $flag } has been decided already: nothing changed.
flags-made-case = { $flag } is now a case for the moderators, with its excerpt as evidence. The case's number comes to you by DM.
# $match: the match's number (M7).
flags-dismissed = { $flag } is dismissed: it no longer counts towards { $match }'s health.
flags-noted = { $flag } is noted: it still counts towards { $match }'s health.
flags-can-see = see safety flag { $flag }
flags-can-decide = decide on safety flag { $flag }
flags-can-list = list safety flags
flags-no-programme = There is no programme { $programme }.
flags-none-open = No safety flags are open in your programmes.
flags-open = { $count ->
    [one] 1 open safety flag, oldest first:
   *[other] { $count } open safety flags, oldest first:
}
flags-more = …and { $count } more: decide these first.
flags-list-reply = Reply here: flag dismiss <flag> · flag note <flag> <your note> · flag case <flag>
flags-status-open = Open: nobody has decided on it yet.
# $by: who decided; $on: the date.
flags-status-dismissed = Dismissed by { $by } on { $on }.
flags-status-noted = Noted by { $by } on { $on }.
# $case: the case's number.
flags-status-case = Made case #{ $case } by { $by } on { $on }.
flags-status-note = Note: { $note }

## The staff help (help.ftl's table).

staff-help-does-flag-list = the open pair-room safety flags of your programmes
staff-help-does-flag-show = one safety flag, its excerpt and where it stands
staff-help-does-flag-dismiss = nothing to worry about: it stops counting towards the match's health
staff-help-does-flag-note = keep the flag with a note (it still counts)
staff-help-does-flag-case = make the flag a case for the moderators, with its excerpt as evidence

# A reason a match is at risk (with the other reasons of health-at-risk).
health-risk-safety = { $count ->
    [one] 1 safety flag in 30 days
   *[other] { $count } safety flags in 30 days
}

## A flag made a case: kept in the case's record as written (in English, like its log).
# $flag: F3; $kind: a safety-kind-*; $match: M7; $at: when the message was sent; $note: the
# coordinator's words; $sender: who sent it; $excerpt: the words around what was found.
flags-case-text = Pair-room safety flag { $flag } ({ $kind }) in match { $match }, sent { $at }.
flags-case-note = The coordinator's note: { $note }
flags-case-copy = { $sender }, { $at }: “{ $excerpt }”
flags-case-copy-night = { $sender }, { $at }: (a message at night; no text is kept)
staff-help-group-safety = Pair-room safety flags (F…):

## The card's buttons (where the platform has them; the card's text says the commands).
safety-action-dismiss = Dismiss
safety-action-note = Note
safety-action-case = Open a case
safety-asks-note = Your note (kept with the flag; the pair are not told it)
