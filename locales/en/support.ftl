# Looking after pairs: staff check-ins and their notices, lapsed checks, the waiting list,
# check-in alerts and the coordinators' side of closing a match.
# Commands stay as typed (`checkin M3`, `close match M3 <reason>`); match numbers, names,
# a staff member's id and their notes are shown as they are.

## Staff check-ins in the coordinators' room (flows::support): `checkins`, `checkin`,
## `checkin assign` and a match's log.

support-usage = Usage: checkins [programme] [mine] · checkins for <match> · checkin <match> [with mentee|mentor|both] [by chat|call|video|meeting|email] [concern]: <notes> · checkin assign <match> <staff member>
support-say-what = Say what you talked about after the match, like: checkin M3 by call with both: they met twice and are planning a CV review.
support-note-too-long = That note is { $chars } characters; a check-in keeps at most { $max }.
support-room = Staff check-ins work only in the coordinators' room, so that pairs' notes are never shown anywhere else.
support-log-not-active = { $match } is { $status }: staff check-ins are logged for active matches only.
# $with: both, or the person's name; $how: one of the support-channel-* words.
support-logged = Logged: a check-in with { $with } by { $how } for { $match } ({ $mentee } ↔ { $mentor }).
support-logged-concern = Noted as a concern: { $match } is at risk until a check-in without one.
support-next-due = The next is due by { $date }.
support-with-both = both
support-channel-chat = chat
support-channel-call = call
support-channel-video = video
support-channel-meeting = meeting
support-channel-email = email
support-assign-not-active = { $match } is { $status }: only an active match is looked after.
# $staff: the ids of those who do, or support-nobody.
support-not-staff = `{ $written }` doesn't look after pairs in { $programme } on { $platform }. Who does: { $staff }.
support-nobody = nobody
support-nobody-assigned = nobody assigned
support-assigned = { $match } ({ $mentee } ↔ { $mentor }) is looked after by { $staff } now.
# By DM to the staff member a pair was handed to.
support-handed = { $from } handed you match { $match } ({ $mentee } ↔ { $mentor }, { $programme }): you look after it now. Its check-ins: { $prefix } checkins for { $match } in the coordinators' room.

## `checkins`: what is due.

support-none-due = No staff check-in is due.
support-none-due-mine = No staff check-in of yours is due.
support-none-due-next = No staff check-in is due this week. The next: { $match } ({ $mentee } ↔ { $mentor }) by { $date }.
support-none-due-next-mine = No staff check-in of yours is due this week. The next: { $match } ({ $mentee } ↔ { $mentor }) by { $date }.
support-due-head = Staff check-ins due: { $overdue } overdue, { $soon } this week, the most overdue first:
support-due-head-mine = Staff check-ins of yours due: { $overdue } overdue, { $soon } this week, the most overdue first:
# One line of the list; $when is one of the three below, $staff who looks after the pair.
support-due-line = { $match } · { $mentee } ↔ { $mentor } · { $programme } · contact { $n }: { $when } · { $staff }
support-due-today = due today ({ $date })
# $late: how many days, like "3 days".
support-due-late = { $late } overdue (due { $date })
support-due-by = due by { $date }
support-due-more = … and { $count } more.
support-due-hint = Log one: { $prefix } checkin <match> [with mentee|mentor|both] [by call|video|chat|meeting|email] [concern]: <notes>

## `checkins M3`: a match's log.

# $health: how the match is doing (health-*).
support-history-head = Staff check-ins for { $match } ({ $mentee } ↔ { $mentor }), { $programme } · looked after by { $staff } · { $health }
support-history-none = None logged yet.
support-history-line = { $n }. { $date } · { $by } · with { $with } by { $how } · { $notes }
support-history-line-concern = { $n }. { $date } · { $by } · with { $with } by { $how } · concern · { $notes }
support-history-meetings = Meetings: { $meetings }
support-history-next = Next due by { $date }.

## How a match is doing (domain::health), beside a match.

health-frozen = frozen by the moderators
health-at-risk = at risk: { $reasons }
health-check-in-today = needs a check-in (a staff contact is due today)
# $late: how many days, like "3 days".
health-check-in-late = needs a check-in (a staff contact is { $late } overdue)
# $days: like "12 days".
health-quiet = quiet for { $days }
health-paused = paused until { $date }
health-too-early = too early to tell
health-on-track = on track
health-offered = waiting for both to accept
health-proposed = proposed, waiting for a coordinator
health-ended = ended
# Why a match is at risk, each reason; joined with "; ".
health-risk-quiet = quiet for { $days }
health-risk-stuck = stuck (said at the latest check-in)
health-risk-missed = { $count ->
    [one] { $count } check-in unanswered
   *[other] { $count } check-ins in a row unanswered
}
health-risk-concern = a concern noted at the latest staff check-in

## What the support sweep tells (flows::support::notices): to the staff member who looks
## after a pair (or the coordinators' room when nobody does), and the quiet-pair nudge to
## both members.

# $match, $mentee, $mentor and the programme, as each notice names the pair.
support-pair = { $match } ({ $mentee } ↔ { $mentor }), { $programme }
support-new-pair = You look after a new pair: { $pair }.
support-new-pair-first = Your first check-in with them is due by { $date }: log it in the coordinators' room with { $prefix } checkin { $match } [by call] [with both]: <notes>.
support-contact-due = Staff check-in due: { $pair }. Contact { $n } was due by { $date }. When you've been in touch with them, log it in the coordinators' room: { $prefix } checkin { $match } [by call] [with both]: <notes>
# $ago: like "8 days"; $staff: who looks after the pair, or support-nobody.
support-contact-overdue = Overdue staff check-in: { $pair }. Contact { $n } was due by { $date }, { $ago } ago; { $staff } looks after it. Please get in touch with them and log it ({ $prefix } checkin { $match } …), or hand the pair on: { $prefix } checkin assign { $match } <staff member>.
# $reasons: the health-risk-* reasons.
support-at-risk = Match at risk: { $pair }: { $reasons }. You look after this pair. Please get in touch with them: { $prefix } match show { $match } for the pair, { $prefix } checkin { $match } … once you have.
support-at-risk-nobody = Match at risk: { $pair }: { $reasons }. Nobody looks after this pair yet. Please get in touch with them: { $prefix } match show { $match } for the pair, { $prefix } checkin { $match } … once you have.
# To each member of a quiet pair. $days: like "30 days".
support-reengage = Hello { $name }, it has been { $days } since anyone wrote in the room you share with { $partner } ({ $programme }). Is everything all right? If you'd like to carry on, say hello there: even a short message helps, and suggest a time to talk. If it isn't working out, that's all right too: write close match here and tell us why, or ask the team <your question> if something is in the way.
# "no contact" is the reason recorded, typed as it is.
support-close-offer = Closure offered: { $pair }. No message in their pair room for { $days } (since { $date }), even after both were asked whether they'd like to carry on. If it has run its course: { $prefix } close match { $match } no contact. Or get in touch first: { $prefix } checkin { $match } ….

## A background check that lapses (flows::review::scheduled, flows::review::screening), and
## the waiting-list reminder. $check is the step's name, in lower case.

support-check-expired = Your { $check } for { $programme } expired on { $date }. A coordinator will contact you about renewing it.
support-check-expires = Your { $check } for { $programme } expires on { $date }. Please renew it with the coordinators so your mentoring can carry on.
support-check-expired-room = The { $check } of A{ $id } ({ $name }) expired on { $date }. Record the renewal with: { $prefix } step A{ $id } { $step } cleared until <date>
# $days: like "9 days".
support-check-expires-room = The { $check } of A{ $id } ({ $name }) expires on { $date }, in { $days }. Record the renewal with: { $prefix } step A{ $id } { $step } cleared until <date>
# $matches: support-match-one or support-match-many.
support-check-expires-room-active = The { $check } of A{ $id } ({ $name }) expires on { $date }, in { $days }; { $name } is in active { $matches }. Record the renewal with: { $prefix } step A{ $id } { $step } cleared until <date>
support-match-one = match { $match }
support-match-many = matches { $first } and { $last }
support-lapsed-expired = Lapsed check in an active match: the { $check } of A{ $id } ({ $name }) expired on { $date }, and { $name } is in active { $matches }, { $programme }.
support-lapsed-failed = Failed check in an active match: the { $check } of A{ $id } ({ $name }) was recorded as not cleared, and { $name } is in active { $matches }, { $programme }.
# $renew: the command that records it, like "step A2 background_check cleared until".
support-lapse-decide-expired = Please decide: pause it ({ $prefix } pause M{ $m } until <date>), record the renewal ({ $prefix } { $renew } <date>), or close it ({ $prefix } close match M{ $m } <reason>).
support-lapse-decide-failed = Please decide: pause it ({ $prefix } pause M{ $m } until <date>), if a new check clears, record it ({ $prefix } { $renew } <date>), or close it ({ $prefix } close match M{ $m } <reason>).
support-lapse-held-expired = The match is paused until a coordinator decides; both members were told only that it is paused for an administrative reason. Please decide: record the renewal ({ $prefix } { $renew } <date>) and resume it ({ $prefix } resume M{ $m }), or close it ({ $prefix } close match M{ $m } <reason>).
support-lapse-held-failed = The match is paused until a coordinator decides; both members were told only that it is paused for an administrative reason. Please decide: if a new check clears, record it ({ $prefix } { $renew } <date>) and resume it ({ $prefix } resume M{ $m }), or close it ({ $prefix } close match M{ $m } <reason>).
# The alert's buttons.
support-button-pause = Pause
support-button-renew = Record renewal
support-button-resume = Resume
support-button-close = Close match
support-button-message = Message the pair
support-button-rematch = Rematch
# What a button asks for before its command runs.
support-asks-message = Your message to both of them
support-asks-until = Until which date? (like 2027-03-01)
support-asks-valid-until = Valid until which date? (like 2029-01-31)
support-asks-close-reason = Reason (recorded; the pair are not told it)
# $role: the programme's name for the role, in lower case.
support-waitlist-reminder = A quick update from { $programme }: you're still on our waiting list ({ $position } of { $total } waiting for a { $role } place). We haven't forgotten you, and we'll be in touch as soon as a place opens.

## What participants' answers set off, in the coordinators' room (flows::prompts).

# $question and $answer as written.
support-reviewer-answer =
    Answer on application A{ $id } from the applicant:
    Q: { $question }
    A: { $answer }
    Type { $prefix } show A{ $id } to see the whole application.
# $stuck: the answer's label (checkin-stuck); $role: support-role-*.
support-stuck-alert =
    Check-in alert: match M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }. { $name } ({ $role }) answered check-in { $n } with “{ $stuck }”. Matched since { $since }.
    Please get in touch with them: write to them with message M{ $m } <text> (both get it), or in their pair room; they can also ask the team any time. If a new match would help: match rematch A{ $application }. A participant can also pause with pause until <date>.
support-role-mentee = mentee
support-role-mentor = mentor

## Closing a match (flows::closure), the coordinators' side: what the room is told.

# $by: close-by-*; $reason: as given, or close-no-reason; $what: what the members were told.
close-closed-early = Match M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }, was closed early { $by }. Reason: { $reason }. { $what }
close-closed-disciplinary = Match M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }, was closed (disciplinary) { $by }. Reason: { $reason }. { $what }
close-by-mentee = by { $name } (mentee)
close-by-mentor = by { $name } (mentor)
close-by-staff = by { $who }
# A closure that followed a moderation case.
close-after-case = { $by }, following moderation case #{ $case }
close-no-reason = none given
close-both-told = Both were told kindly and asked whether they'd like a new match; their answers will appear here.
close-disciplinary-both = Marked disciplinary: no new match was offered. To match either of them again: match rematch <application>.
# $names: one name, or two joined by close-and.
close-disciplinary-some = Marked disciplinary: { $names } was not offered a new match (to match them again: match rematch <application>).
close-not-at-fault = { $names } was told it was not their fault and asked whether they'd like a new match; their answer will appear here.
close-and = { $first } and { $second }

## What a member would like after their match (flows::closure), told to the coordinators.

close-after-keep-in-touch = After match M{ $m } ({ $programme }): { $name } would like to keep in touch informally.
close-after-new-match = After match M{ $m } ({ $programme }): { $name } would like to be matched with someone new (back in the pool).
close-after-break = After match M{ $m } ({ $programme }): { $name } would like to take a break.

## The scheduler's quiet-pair alert to the coordinators (app::scheduler::nudges), with
## the pair's history. $days: like "21 days".

support-quiet-alert = Quiet pair: match M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }: no message in their pair room for { $days } (since { $since }). Please get in touch with them. If a new match would help: match rematch A{ $app }.
support-quiet-alert-nudged = Quiet pair: match M{ $m } ({ $mentee } ↔ { $mentor }), { $programme }: no message in their pair room for { $days } (since { $since }), even after a nudge. Please get in touch with them. If a new match would help: match rematch A{ $app }.
support-quiet-since = Matched since { $date }.
support-quiet-no-check-in = No check-in answered yet.
support-quiet-check-ins = Check-ins: { $answers }.
# One answered check-in: its number, who answered, and how.
support-quiet-answer = { $n } { $who }: { $answer ->
    [met] met
    [not_yet] not yet
    [stuck] stuck
   *[other] { $answer }
}
