# The coordinators' matching commands (flows::pairing): proposing, approving, rejecting,
# swapping and keeping pairs apart. Commands stay as typed; a match's status words and the
# engine's reasons are the programme's and the engine's own.

matching-usage = Usage: match preview [programme] · match propose [programme] · match approve <proposal, like P3> · match approve all [programme] · match reject <proposal> [reason] · match swap <proposal> <mentor's application, like A12> · match rematch <application> · match exclude <mentee's application> <mentor's application> [reason] · match include <mentee's application> <mentor's application> · matches [programme] [status] · match show <match, like M7>
matching-room = Coordinators' commands work only in the coordinators' room.
matching-no-such = There is no match or proposal number { $id }.
matching-no-application = There is no application A{ $id }.
matching-nothing-loaded = Nothing was loaded to match.
matching-programme-gone = Programme `{ $programme }` is no longer configured.
matching-not-set-up = { $programme } is not set up for matching.
matching-not-yours = You don't coordinate a programme called `{ $programme }`.
matching-none-set-up = None of the programmes you coordinate is set up for matching (a [matching] table in its file).
matching-which = Which programme? Add its name: { $programmes }.
matching-not-ready = Application A{ $id } is not ready to be matched in { $programme } (only ready participants can be).
matching-no-proposals = There are no proposals waiting for approval.
matching-already-together = Applications A{ $mentee } and A{ $mentor } are in { $match } ({ $status }) already.
matching-nothing-apart = Nothing keeps applications A{ $mentee } and A{ $mentor } apart: they may be proposed to each other (write the mentee's application first).
matching-included = Applications A{ $mentee } and A{ $mentor } may be proposed to each other again (lifted: { $lifted }).
matching-exclude-order = Write the mentee's application first and the mentor's second, both in { $programme }: match exclude <mentee's application> <mentor's application> [reason].
matching-exclude-open = Applications A{ $mentee } and A{ $mentor } are in { $match } ({ $status }); reject or close it first.
matching-excluded = Applications A{ $mentee } and A{ $mentor } will never be proposed to each other.
matching-rejected = Proposal P{ $id } ({ $mentee } ↔ { $mentor }) rejected by { $who }. They will not be proposed to each other again.
matching-rejected-reason = Proposal P{ $id } ({ $mentee } ↔ { $mentor }) rejected by { $who }: { $reason }. They will not be proposed to each other again.
matching-already = { $match } ({ $mentee } ↔ { $mentor }) is already { $status }.
matching-request-own-choice = Request P{ $id } is { $mentee }'s own choice of mentor: approve it (match approve P{ $id }) or reject it (match reject P{ $id } [reason]); they are told and may choose again.
matching-mentee-gone = { $mentee } is no longer ready to be matched.
matching-not-a-mentor = Application A{ $id } is not a mentor ready to be matched in { $programme }.
matching-same-mentor = Proposal P{ $id } already has that mentor.
matching-before = { $mentee } and application A{ $id } were matched or proposed before: they are not proposed again.
matching-no-place = Application A{ $id }'s mentor has no place left.
matching-swap-refused = That swap is not allowed: { $why }.
matching-swapped = Proposal P{ $id } swapped by { $who }: { $mentee } gets another mentor (below). Anyone the change frees is proposed again.

## Closing, pausing and messaging a match (flows::closure, flows::pause), the coordinators' side.

close-usage = Usage: close match <match number> [disciplinary] <reason>, like close match 3 the mentor moved abroad
close-give-reason = Please give a reason (it is recorded; the pair are not told it). Usage: close match <match number> [disciplinary] <reason>, like close match 3 the mentor moved abroad
close-room = Closing a match works in the coordinators' room.
close-no-match = There is no match M{ $m }.
close-already-closed = Match M{ $m } ({ $mentee } ↔ { $mentor }) was already closed on { $date } ({ $kind }).
close-not-active = { $match } ({ $mentee } ↔ { $mentor }) is { $status }, not active: there is nothing to close.
close-ask = Close match M{ $m } ({ $mentee } ↔ { $mentor }, { $programme }, since { $since })? Both are told kindly that it has ended (not the reason) and asked what they would like next; their pair room is archived. This cannot be undone. Reason recorded: { $reason }
close-ask-disciplinary = Close match M{ $m } ({ $mentee } ↔ { $mentor }, { $programme }, since { $since })? Both are told that the programme has closed it (not the reason), and neither is offered a new match; their pair room is archived. This cannot be undone. Reason recorded: { $reason }
pause-staff-usage = Usage: pause <match number> until <date> · resume <match number> · message <match number> <text>
pause-staff-usage-example = Usage: pause <match number> until <date, like { $example } or next Wednesday> · resume <match number> · message <match number> <text>
pause-room = Pausing a match works in the coordinators' room.
pause-staff-no-match = There is no match M{ $m }.
pause-not-active = { $match } ({ $mentee } ↔ { $mentor }) is not active, so there is nothing to pause.
pause-not-active-message = { $match } ({ $mentee } ↔ { $mentor }) is not active, so there is nothing to message.
pause-sent-both = Sent to { $mentee } and { $mentor } by DM.
pause-staff-paused = Match M{ $m } ({ $mentee } ↔ { $mentor }) paused by { $who } until { $date }.
pause-staff-resumed = Match M{ $m } ({ $mentee } ↔ { $mentor }) resumed by { $who }.
