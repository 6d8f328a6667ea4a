# The moderators' side of incident cases (flows::incident::cases): the case commands in
# the moderators' room, or in the escalation contact's DM. Commands stay as typed; the
# words of the audit log (claimed, note, …) are stored in English.

case-usage = Usage: cases · case show <n> · case claim <n> · case note <n> <text> · case ask <n> <question> · case escalate <n> <to> · case resolve <n> <outcome> · case reopen <n> · case log <n> · case evidence <n> · case reveal <n> · case concerns <n> [not] <person> · case close-match <n> <match> <reason>
case-close-match-usage = Usage: case close-match <case> <match> <reason>, like case close-match { $n } M2 repeated contact outside the programme (the reason is recorded; the pair are not told it).
case-moderators-room = Moderation commands work only in the moderators' room.
case-only-moderators = Sorry { $who }, only moderators can do that.
case-none-open = No open cases.
case-open = { $count ->
    [one] 1 open case, most severe and oldest first:
   *[other] { $count } open cases, most severe and oldest first:
}
case-line = #{ $n } · { $severity } · { $category } · { $status } · { $hours ->
    [one] 1 hour old
   *[other] { $hours } hours old
}
case-line-claimed = #{ $n } · { $severity } · { $category } · { $status } · { $hours ->
    [one] 1 hour old
   *[other] { $hours } hours old
} · claimed by { $by }
case-none = There is no case #{ $n }.
case-elsewhere = Case #{ $n } is not worked here: its programme's moderators work it, in their room.
case-restricted = Case #{ $n } is restricted: it may concern a member of the moderation team, so only the escalation contact works on it.
case-not-restricted = Case #{ $n } is worked by the moderators, in their room: as the escalation contact you work the cases that may concern a member of the moderation team.
case-still-frozen = Match M{ $m } is still frozen: { $unfreeze } lets the pair carry on, or { $close } ends it.
case-still-frozen-dm = Match M{ $m } is still frozen: { $unfreeze } lets the pair carry on (in the moderators' room), or { $close } ends it.

case-resolved-reopen = Case #{ $n } is resolved; reopen it first with case reopen { $n }.
case-note-long = Please keep the note under { $max } characters (it has { $count }).
case-question-long = Please keep the question under { $max } characters (it has { $count }).
case-outcome-long = Please keep the outcome under { $max } characters (it has { $count }).
case-no-files = Case #{ $n } has no files of evidence.
case-log = Audit log of case #{ $n }:
case-already-claimed = Case #{ $n } is already claimed by { $by }.
case-claimed = Case #{ $n } claimed by { $who }.
case-noted = Note added to case #{ $n }.
case-asked-room = Question relayed to the reporter of case #{ $n }, as from the moderation team. Their answer will be posted with the case's card (in its thread, where the room has threads).
case-asked-dm = Question relayed to the reporter of case #{ $n }, as from the moderation team. Their answer will come to you here.
case-already-resolved = Case #{ $n } is already resolved.
case-resolved = Case #{ $n } resolved by { $who }; the reporter has been told.
case-escalated = Case #{ $n } escalated to { $to } by { $who }.
case-escalated-to-you = Case #{ $n } ({ $severity }) was escalated to you by { $who }. Please look at the moderators' room.
case-escalated-to-you-restricted = Case #{ $n } ({ $severity }) was escalated to you by { $who }. It may concern a member of the moderation team, so it is not in the moderators' room: the escalation contact will share what you need. Please keep it to yourself.
case-already-linked = Case #{ $n } is already linked to { $person }.
case-not-linked = Case #{ $n } is not linked to { $person }.
case-linked = Case #{ $n } is now linked to { $person }. { $show } shows their matches; { $close } closes one as disciplinary.
case-unlinked = Case #{ $n } is no longer linked to { $person }.
case-match-not-linked = Match M{ $m } is not a match of anyone case #{ $n } is linked to. Link the person first: { $link }
case-match-elsewhere = Match M{ $m } is another programme's: its moderators can close it, with a case of their own.
case-match-not-active = Match M{ $m } is { $status }, not active: there is nothing to close.
case-match-closed-spared = Match M{ $m } closed (disciplinary). The member the case is about was told neutrally; the other was told it was not their fault and offered a new match. The coordinators have been told.
case-match-closed-both = Match M{ $m } closed (disciplinary). Both members were told neutrally. The coordinators have been told.
case-not-resolved = Case #{ $n } is not resolved.
case-reopened = Case #{ $n } reopened by { $who }.
case-reveal-restricted = The reporter of case #{ $n } can't be revealed: that takes two moderators, and this restricted case is yours alone. You can ask the reporter anything through case ask { $n } <question>.
case-not-anonymous = Case #{ $n } is not anonymous: the reporter is on its card.
case-already-revealed = The reporter of case #{ $n } has already been revealed to { $names } by direct message; ask them if you need to know.
case-reveal-asked = You have already asked to reveal the reporter of case #{ $n }; a second moderator must ask too.
case-reveal-recorded = Reveal recorded for case #{ $n }. The reporter is named only when a second moderator asks too, and then only to the two of you, by direct message.
case-revealed = Case #{ $n }: the reporter has been revealed to { $names } by direct message.

## A case's card, and the alerts a new or waiting case sets off (cases::cards, cases::alerts).

case-card-head = Case #{ $n } · { $category } · { $severity } · { $status }
case-card-reported-by = Reported by: { $reporter }, { $at }
case-card-concerns = Concerns: { $concerns }
case-card-not-said = (not said)
case-card-from-room = Reported from room: { $room }
case-card-restricted-said = Restricted: the reporter said it concerns a member of the moderation team, so only the escalation contact sees and works it.
case-card-restricted-rather-not = Restricted: the reporter would rather not say whether it concerns a member of the moderation team, so only the escalation contact sees and works it.
case-card-restricted-named = Restricted: it names a member of the moderation team, so only the escalation contact sees and works it.
case-card-happened = What happened: { $text }
case-card-evidence = Evidence: { $evidence }
case-card-copy = Reported message, as Tandem copied it: { $copy }
case-card-files = Files: { $count } ({ $files }); to open them: { $open }
case-card-linked = Linked: { $who }
case-card-claimed = Claimed by: { $by }
case-card-outcome = Outcome: { $outcome }
case-card-reply = Reply here: { $commands }
case-anonymous-reporter = anonymous reporter
case-anonymous-revealed = anonymous reporter (revealed to { $names } by direct message)
case-reporter-is = The reporter of case #{ $n } is { $reporter }. Please keep this to yourself and the people who need it.
case-reporter-is-with = The reporter of case #{ $n } is { $reporter }. You and { $others } asked to know. Please keep this between the two of you and the people who need it.
case-to-contact = A report that may concern a member of the moderation team comes only to you, as the escalation contact. Please work it here, by direct message; the moderators don't see it.
case-to-contact-now = This { $severity } case needs attention now. A report that may concern a member of the moderation team comes only to you, as the escalation contact. Please work it here, by direct message; the moderators don't see it.
case-on-call = On call: { $names } — safeguarding case #{ $n } needs attention now.
case-on-call-dm = A safeguarding case (#{ $n }) was just reported. Please look at the moderators' room now.
case-unclaimed-contact = Case #{ $n } ({ $severity }) is still unclaimed after { $minutes } minutes. Type case claim { $n } here.
case-unclaimed-room = Still unclaimed after { $minutes } minutes: { $severity } case #{ $n } — on call: { $names }. Type { $prefix } case claim { $n }.
case-unclaimed-dm = Case #{ $n } ({ $severity }) is still unclaimed after { $minutes } minutes. Please look at the moderators' room.
case-button-claim = Claim
case-button-note = Note
case-button-ask = Ask the reporter
case-button-resolve = Resolve
case-asks-note = Internal note (moderators only)
case-asks-question = Question, relayed by DM
case-asks-outcome = Outcome, told to the reporter
case-reply-from = Reply from the reporter of case #{ $n }:
case-reply-q = Q: { $question }
case-reply-a = A: { $answer }
case-reply-files-added = { $count ->
    [one] 1 file
   *[other] { $count } files
} added to the evidence: { $open }
case-added-report = Case #{ $n }: the reporter added a new report about the same person:

## Moderation actions (flows::incident::actions): freezing a pair, suspending, removing,
## each asked to be confirmed.

action-confirm-how = Type { $prefix } confirm to do it, or { $prefix } cancel.
action-usage = Usage: freeze pair <match> · unfreeze pair <match> · suspend <person> [until <date>] [reason] · unsuspend <person> · remove <person> from <room>
action-confirm-elsewhere = Match M{ $m } is another programme's: confirm it in the room where it was asked, or its moderators freeze or unfreeze it.
action-across = Suspending someone, lifting a suspension and removing someone from a room act across every programme: the community's moderators do that, in the community's moderators' room.
action-nothing-waiting = There is nothing waiting for confirmation.
action-cancelled = Cancelled: nothing was done.
action-no-match = There is no match M{ $m }.
action-match-elsewhere = Match M{ $m } is another programme's: its moderators freeze or unfreeze it.
action-match-not-active = Match M{ $m } is { $status }, not an active pair.
action-already-frozen = Match M{ $m } is already frozen.
action-already-unfrozen = Match M{ $m } is already not frozen.
action-freeze-ask = Freeze the pair room of match M{ $m } ({ $pair })? The room becomes read-only, and the coordinators are told only that the pair is frozen.
action-unfreeze-ask = Unfreeze the pair room of match M{ $m } ({ $pair })? The room becomes writable again.
action-not-yourself = You cannot suspend yourself.
action-not-future = { $date } is not in the future.
action-suspend-ask = Suspend { $person }? They are removed from their pair rooms and cannot apply or be matched. Reason: { $reason }
action-suspend-until-ask = Suspend { $person } until { $date }? They are removed from their pair rooms and cannot apply or be matched. Reason: { $reason }
action-not-in-room = { $person } is not in a room I manage called “{ $room }”. They have no pair room.
action-not-in-room-rooms = { $person } is not in a room I manage called “{ $room }”. Their pair room: { $rooms }.
action-remove-ask = Remove { $person } from room { $room }?
action-unsuspend-ask = Lift the suspension of { $person }?
action-frozen = Match M{ $m } ({ $pair }) is frozen by { $who }.
action-unfrozen = Match M{ $m } ({ $pair }) is unfrozen by { $who }.
action-frozen-coordinators = The moderators have frozen match M{ $m } ({ $pair }). Its room is read-only for now; please don't contact the pair about it until the moderators say so.
action-unfrozen-coordinators = The moderators have unfrozen match M{ $m } ({ $pair }).
action-suspended = { $user } is suspended by { $who }.
action-removed = { $user } was removed from room { $room } by { $who }.
action-unsuspended = The suspension of { $user } was lifted by { $who }.

## A coordinator's waiting action (flows::confirm).

confirm-elsewhere-close = Your closing of match M{ $m } waits in the coordinators' room: type { $prefix } confirm or { $prefix } cancel there.
confirm-elsewhere-survey = Your sending of survey { $survey } waits in the coordinators' room: type { $prefix } confirm or { $prefix } cancel there.
confirm-elsewhere-broadcast = Your broadcast waits in the coordinators' room: type { $prefix } confirm or { $prefix } cancel there.
confirm-elsewhere-action = Your action waits in the coordinators' room: type { $prefix } confirm or { $prefix } cancel there.
confirm-cancelled-close = Cancelled: match M{ $m } stays open.
confirm-cancelled-send = Cancelled: nothing was sent.

## A reporter Tandem could not reach (app::cases), told to whoever works the case.

# $case: the case's number; $what: case-unreachable-question or case-unreachable-message.
case-reporter-unreachable = Case #{ $case }: { $what } could not be delivered to the reporter; they may have left the server or closed their DMs.
case-unreachable-question = a question
case-unreachable-message = a message about the case
