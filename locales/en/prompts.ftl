# What the bot asks of its own accord (flows::prompts): a reviewer's question, check-ins
# and match offers.

prompt-question = A coordinator reviewing your application to { $programme } has a question for you:

    “{ $question }”

    Please reply with your answer (up to { $max } characters).
prompt-type-answer = Please type your answer.
prompt-waiting-answer = Your application is waiting for your answer to this question.
prompt-answer-first = Let's answer the coordinator's question first.
prompt-no-answer = I didn't catch an answer there.
prompt-answer-too-long = Please keep your answer under { $max } characters (yours has { $chars }).
prompt-answer-passed = Thank you! I've passed your answer on to the coordinators. Type status at any time to see where your application stands.

checkin-ask = Check-in from { $programme } about your mentoring with { $partner }: { $text }
checkin-met = Yes, we met
checkin-not-yet = Not yet
checkin-stuck = We're stuck
checkin-closed = That check-in is closed: your match is no longer active.
checkin-retry = Please answer 1, 2 or 3.
checkin-thanks-met = Great, thank you for letting us know! Keep it up.
checkin-thanks-not-yet = Thanks for telling us. A short call is enough: why not suggest two times to { $partner } in your pair room?
checkin-thanks-stuck = Thank you for telling us. A coordinator will get in touch with you soon; to write to them yourself, type ask the team followed by your message. If something worrying happened, you can also type report to tell the moderators privately.

offer-proposed = Good news from { $programme }: we'd like to match you with { $other } as your { $role ->
    [mentor] mentor
   *[mentee] mentee
}.
offer-asked = { $other }, a mentee in { $programme }, would like you to be their mentor.
offer-introduction = What they tell you about themselves:
    { $intro }
offer-in-common = What you have in common:
offer-relay-decline = If you would rather not, decline: nobody else is told why.
offer-accept = Would you like to accept?
offer-accept-by = Would you like to accept? Please answer by { $date }.
offer-yes = Accept
offer-no = Decline
offer-closed = That match offer is no longer open (it was answered, withdrawn or it expired). Type status to see where you stand.
offer-retry = Please answer accept or decline.
offer-request-approved = Your request to { $mentor } was approved by the coordinators, and { $mentor } has been asked. You'll hear as soon as they answer (at the latest by { $date }).
offer-waiting-other = Thank you! We're waiting for { $other }'s answer, and we'll let you know.
offer-matched = You and { $partner } have both accepted: you're matched! { $room }
offer-room-relayed = I've created a private room for you here on { $platform }, joined to one for { $partner } on { $other } (I copy each message across), with a few words to get you started.
offer-room-on = I've created a private room for the two of you on { $platform }, with a few words to get you started.
offer-room = I've created a private room for the two of you, with a few words to get you started.
offer-relay-note = { $mentee } is on { $mentee_platform } and { $mentor } on { $mentor_platform }, so your pair room is two rooms joined by Tandem: each message (and file) written in one is copied to the other under its author's name, and its edits and deletion follow. Tandem therefore reads what you write there, even in an encrypted room.
offer-declined-request-mine = Thank you for letting us know. You stay listed for other mentees.
offer-declined-request = An update on your request: { $name } isn't able to take you on. This is no reflection on you. { $next }
offer-declined-mine = Thank you for letting us know. You stay in the programme, and we'll propose someone else as soon as we can.
offer-declined = An update on your match: { $name } isn't able to go ahead with it. This is no reflection on you; we're already looking for another match for you.
offer-withdrawn = An update on your match offer with { $partner }: I'm sorry, it can't go ahead after all. The coordinators will be in touch about what comes next.
offer-expired-request-unanswered = The request from { $partner } has expired, as we didn't hear back in time. Nothing else changes for you.
offer-expired-request = { $partner } didn't answer your request in time. This is no reflection on you. { $next }
offer-expired-unanswered = The match offer with { $partner } has expired, as we didn't hear back in time. You stay in the programme; type status to see where you stand.
offer-expired = The match with { $partner } didn't go ahead, as we didn't get both answers in time. This is no reflection on you; we'll propose someone else soon.
offer-request-set-aside = An update on your request to { $mentor }: the coordinators couldn't approve it this time. This is no reflection on you. { $next }
offer-choose-again-or-wait = Type browse to choose another mentor, or wait: the coordinators will propose one.
offer-rank-again = That was the last mentor you ranked: type browse to see who has room, and rank again. The coordinators know, and may propose someone.
offer-choose-again = Type browse to choose another mentor.

# Ending a match (flows::closure): a participant's close match, what each is told, and what
# they would like next.
close-ended-on = Your match M{ $id } has already ended (on { $date }).
close-ended = Your match M{ $id } has already ended.
close-no-such = You have no active match M{ $id }.
close-none = You have no active match to close.
close-with = M{ $id } with { $partner }
close-which = You have { $count } active matches: { $matches }. Which one? Type close match <number>.
close-confirm = Do you want to end your mentoring with { $partner } now? { $partner } will be told kindly that it has come to an end (not why), your pair room will close, and you'll both be offered a new match. If something worrying happened, you can also type report to tell the moderators privately.
close-already-ended = That match has already ended.
close-kept = All right: nothing has changed.
close-told-disciplinary = Your match with { $partner } in { $programme } has been closed by the programme's coordinators. If you have any questions, type ask the team followed by your question.
close-told-not-at-fault = Your mentoring with { $partner } in { $programme } has ended: the programme has closed the match. This is not your fault, and nothing you did caused it. Thank you for the time and care you gave it; your pair room is now closed. If you would like to talk about it, your coordinators are here for you.
close-told-closer = Your mentoring with { $partner } has ended. Thank you for the time and care you gave it. Your pair room is now closed.
close-told-partner-left = Your mentoring with { $partner } has come to an end: { $partner } isn't able to continue. This is nobody's fault and says nothing about you; pairs end early for all kinds of reasons. Thank you for the time and care you gave it. Your pair room is now closed.
close-told-by-coordinators = The coordinators of { $programme } have brought your mentoring with { $partner } to an end. This is nobody's fault and says nothing about you. Thank you for the time and care you gave it. Your pair room is now closed.
next-planned = Now that your mentoring with { $partner } has ended, what would you like next? You can keep in touch with { $partner } informally, be matched with someone new, or take a break.
next-early = Would you like to be matched with someone new, or take a break for now? Either is fine.
next-keep-in-touch = Keep in touch informally
next-new-match = Be matched with someone new
next-break = Take a break
next-cancelled = All right. Whenever you'd like a new match, type ask the team followed by your message.
next-retry = Please answer with a number from 1 to { $count }.
next-keep-in-touch-noted = Lovely. Stay in touch with { $partner } in whatever way suits you both. If you'd ever like a new match, type ask the team followed by your message.
next-break-noted = Noted: enjoy the break. When you'd like a new match, type ask the team followed by your message; you won't need to apply again.
next-new-match-noted = Noted: you're back in the matching pool. We'll be in touch by DM when we have a new match to suggest.

# Pausing a match (flows::pause): the members' side.
pause-usage = To pause your mentoring, write pause until and a date, like pause until { $example } or pause for 2 weeks (at most a year ahead). Type resume to start again sooner.
pause-not-future = { $date } is not in the future. { $usage }
pause-too-long = A pause can last at most a year; for longer, close the match instead. { $usage }
pause-no-match = You have no active match to pause.
resume-no-match = You have no active match to resume.
pause-several = You are in several matches: please ask your coordinator to pause the one you mean.
pause-paused-self = Paused: no check-ins or reminders for your mentoring with { $partner } until { $date }. Type resume to start again sooner.
pause-resumed-self = Welcome back! Check-ins for your mentoring with { $partner } start again from the next one.
pause-paused-by = { $who } has paused your mentoring until { $date }: no check-ins or reminders until then. You can still write in your pair room.
pause-resumed-by = { $who } has resumed your mentoring: check-ins start again from the next one.
pause-paused-by-coordinator = Your coordinator has paused your mentoring with { $partner } until { $date }: no check-ins or reminders until then. You can still write in your pair room.
pause-resumed-by-coordinator = Your coordinator has resumed your mentoring with { $partner }: check-ins start again from the next one.
pause-held = Your mentoring is paused for a short while for an administrative reason; the coordinators will be in touch.
pause-message-from =
    A message from the coordinators of { $programme } to you both ({ $mentee } and { $mentor }):
    { $text }
