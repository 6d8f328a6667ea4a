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

## The engine's proposals (flows::pairing::proposals). The engine's reasons ("Shared goals:
## Writing a CV (+10)", "no mentor shares a language with them") are its own words.

matching-mentees-choose = In { $programme } mentees choose their mentor (matched_by = "{ $setting }"), so the engine proposes no pairs for everyone: mentees browse and ask, and each request is posted here. match rematch <application> still proposes a mentor for one person, and match preview shows what the engine would propose.
matching-no-criterion = no criterion in common
matching-nobody-yet = Nobody to match yet in { $programme }: { $mentees ->
    [one] 1 mentee
   *[other] { $mentees } mentees
} and { $mentors ->
    [one] 1 mentor
   *[other] { $mentors } mentors
} are ready to be matched.
matching-config-unusable = The matching configuration cannot be used: { $why }
matching-no-new = No new proposals in { $programme }.
matching-no-new-for-now = No new proposals in { $programme } for now: nobody still waiting has a partner free who fits.
matching-not-matched = Not matched:
matching-not-matched-now = Not matched this time:
matching-proposals = { $count ->
    [one] 1 new match proposal:
   *[other] { $count } new match proposals:
}
matching-proposal = Proposal P{ $id }: { $mentee } (mentee, application A{ $mentee_app }) ↔ { $mentor } (mentor, application A{ $mentor_app }), { $score } points — { $why }
matching-proposals-reply = Reply: { $prefix } match approve P<number> · { $prefix } match approve all · { $prefix } match reject P<number> [reason]
matching-request-head = { $mentee } (mentee, application A{ $mentee_app }) asked { $mentor } (mentor, application A{ $mentor_app }) to be their mentor, { $score } points — { $why }
matching-request-waits = Request P{ $id }: { $head }. It waits for your approval before { $mentor } is asked.
    Reply: { $prefix } match approve P{ $id } · { $prefix } match reject P{ $id } [reason]
matching-request-asked = Request M{ $id }: { $head }. { $mentor } has been asked to answer by { $by }.
matching-request = Request M{ $id }: { $head }.
matching-preview = Match preview for { $programme } (a dry run: nothing was sent, nothing was stored)
matching-preview-matched = { $matched } of { $waiting ->
    [one] 1 mentee
   *[other] { $waiting } mentees
} matched, total score { $score }.
matching-preview-pair = { $mentee } ↔ { $mentor }: { $score } points — { $why }
matching-spare = Mentors with room left: { $mentors }
matching-spare-mentor = { $mentor } ({ $used } of { $places })

## What becomes of an offer (flows::pairing::offers), for the coordinators.

matching-proposal-invalid = Proposal P{ $id } ({ $mentee } ↔ { $mentor }) is no longer valid: one of them is no longer ready to be matched (withdrawn, or a screening step lapsed). It was set aside.
matching-approved = Match M{ $id } ({ $mentee } ↔ { $mentor }) approved by { $who }. Both have been asked to accept by { $by }.
matching-approved-request = Match M{ $id } ({ $mentee } ↔ { $mentor }) approved by { $who }. { $mentor } (the mentor, who was requested) has been asked to accept by { $by }.
matching-active = Match M{ $id } ({ $mentee } ↔ { $mentor }) is active: both accepted, and their pair room is being created.
matching-declined = Match M{ $id } ({ $mentee } ↔ { $mentor }) was declined by { $who }. Both are back in the pool; they will not be proposed to each other again (match include A{ $mentee_app } A{ $mentor_app } would allow it).
matching-offer-withdrawn = Offer M{ $id } ({ $mentee } ↔ { $mentor }) was withdrawn before it started: one of them is no longer ready to be matched (suspended, a screening step lapsed or failed, or withdrawn). Both were told it can't go ahead, without why.
matching-expired = Match M{ $id } ({ $mentee } ↔ { $mentor }) expired without both answers. Both are back in the pool, and may be proposed to each other again.
matching-ranked-ran-out = That was the last of { $mentee }'s ranked choices: { $prefix } match rematch A{ $app } proposes a mentor for them.
matching-ranked-all-gone = A{ $app } { $mentee }'s ranked choices in { $programme } have all declined, lapsed or are no longer free. { $prefix } match rematch A{ $app } proposes a mentor for them.

## The engine's reasons (matching::plan::explain), shown with a proposal, an offer and a
## mentor's card: a criterion's name is the programme's (translated in its file), what the
## pair share is their answers' labels.

# $criterion: the criterion's name (Shared goals); $detail: what the two have in common by it.
match-reason = { $criterion }: { $detail }
# $mentee, $mentor: the two numbers a closeness criterion compared (their ages, years of experience).
match-reason-numbers = { $mentee } and { $mentor }
# $count: daytime hours the two time zones share.
match-reason-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
# The only reason of a pair a coordinator kept apart; $detail is what they gave.
match-reason-excluded = Excluded
# Why a mentee is left without a mentor in a round.
unmatched-no-mentors = there are no mentors ready to be matched
# $count: mentors who could take the mentee.
unmatched-mentors-full = { $count ->
    [one] the 1 mentor who could take them is full with better-suited mentees
   *[other] all { $count } mentors who could take them are full with better-suited mentees
}
unmatched-no-room = no mentor has room
unmatched-no-language = no mentor shares a language with them
unmatched-time-zones = no mentor is within the allowed time-zone gap
unmatched-same-employer = every possible mentor works for the same employer
unmatched-excluded = every possible mentor is excluded (past partner or a request)
# Why a pair a coordinator chose may not be matched.
# $mentee, $mentor: the platforms each is on (matrix, discord).
pair-different-platforms = they are on different platforms ({ $mentee } and { $mentor }), and a pair room is on one
pair-no-language = they share no language
pair-time-zones = their time zones are too far apart
pair-same-employer = they work for the same employer
pair-excluded = they may not be matched
unmatched-all-full = every mentor ready to be matched is full
unmatched-no-platform = no mentor ready to be matched shares a platform with them
# $platform: matrix or discord.
unmatched-platform-full = every mentor on { $platform }, where they are, is full
unmatched-not-on-platform = no mentor ready to be matched is on { $platform }, where they are
