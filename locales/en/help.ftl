# What `help`, `status` and a message that is no command say to a participant
# (flows::help). `$p` is the room prefix and a space, or nothing in a DM.

help-hello = Hello! I'm Tandem, the bot that runs this community's mentoring programmes.
help-none-open = No programme is open for applications right now.
help-open = Open for applications:
help-you-can-type = You can type:
    { $p }apply — apply as a mentor or a mentee
    { $p }status — see your applications
    { $p }cancel — stop an application in progress
    { $p }withdraw — take back an application you submitted
    { $p }report — tell the moderators, privately, about something that worried you
    { $p }my data — everything Tandem stores about you, as a file
    { $p }delete my data — erase it (you'll be asked to confirm)
    { $p }help — show this message
    { $p }language — the language I write to you in
help-ask-team = ask the team <your message> — write to the programme's coordinators; their answer comes here
help-link = link — be the same person here and on your other account (Matrix or Discord): the same applications and matches
help-matched = { $p }pause until 1 March — no check-ins or reminders until that date (or: pause for 2 weeks)
    { $p }resume — end a pause early
    { $p }close match — end your mentoring early (you'll be asked to confirm)
help-transcript = { $p }transcript — your pair room's messages, as a file
help-pair-room = { $room }idea — in your pair room: something for the two of you to talk about
    { $room }agreement — in your pair room: your goals and ground rules (agree to accept them)
    { $p }availability mon wed 18-20 — when you're free each week, in your own time (availability zone Europe/London first, if I don't know your time zone)
    { $room }meet — in your pair room: times you're both free (meet 2 books one, with a calendar file)
    { $room }met 45m — in your pair room: how long you met, towards your time together
help-survey = { $p }survey — answer the survey waiting for you
help-resources = { $p }resources — what to read or watch now (done 2 when you have read number 2)
help-announcements = mute announcements — no more announcements from the coordinators (unmute announcements to have them again)
help-rank = browse — the mentors who have room and fit you
    rank <numbers> — the mentors you'd like, your first choice first: each is asked in turn
    profile — what the mentors you ask see of you
help-request = browse — the mentors who have room and fit you
    request <number> — ask one of them to be your mentor
    profile — what the mentors you ask see of you
help-mentor-profile = profile — choose what mentees see of you when they look for a mentor
help-unknown = Sorry, I didn't understand that. Type { $p }help to see what I can do.
help-unknown-suggest = Sorry, I didn't understand that. Did you mean { $p }{ $command }? Type { $p }help to see what I can do.

## `status`.

status-none = You have no applications yet. Type apply to start one.
status-applications = Your applications:
status-application = • { $programme }, as { $role } (A{ $id }, submitted on { $date }): { $stage }
status-waitlist = { "    " }You are number { $position } of { $total } on the waiting list.
status-request-with-coordinators = Your request to { $other } is with the coordinators; once they approve it, { $other } is asked.
status-request-waiting = You asked { $other } to be your mentor; we're waiting for their answer{ $until }.
status-until = { " " }(until { $date })
status-matched = You are matched with { $other } (your { $role }){ $room }.
status-matched-role-mentor = mentor
status-matched-role-mentee = mentee
status-pair-room = ; your pair room is { $room }
status-pair-room-on = ; your pair room is { $room }, on { $platform }
status-offer-waiting = A match with { $other } (as your { $role }) is waiting for answers{ $until }.
status-offer-until = { " " }until { $date }
status-choose = You can choose your mentor: type browse to see who has room.
status-linked = Your { $platform } account ({ $account }) is linked to this one; I write to you where you last wrote to me.
stage-submitted = submitted, waiting for a coordinator's review
stage-info-requested = waiting for your answer to a coordinator's question
stage-waitlisted = on the waiting list
stage-approved = accepted, completing the pre-match steps
stage-ready = ready to be matched
stage-ineligible = not eligible this time
stage-rejected = not accepted this time
stage-withdrawn = withdrawn
stage-resting = accepted; your match has ended, and you're not in the matching pool for now
stage-offered = a match has been offered (see below)
stage-matched = matched (see below)
help-write-to-team = To write to the programme team, type: ask the team followed by your message.

## A screening step's state, in `status`.

step-pending = pending
step-scheduled = scheduled for { $date }
step-done = done ({ $date })
step-cleared = cleared, valid until { $date }
step-failed = not cleared
step-expired = expired on { $date }
step-acknowledged = acknowledged ({ $date })

## Your data: `my data` and `delete my data` (flows::personal).

personal-settling = For your safety, for a day after an account is linked, your data can be sent or deleted only from your { $platform } account ({ $account }), the one that gave the code. Please ask there, or here again after { $at } UTC.
personal-gather-failed = I couldn't gather your data just now; please try again in a moment.
personal-file = Here is everything Tandem stores about you, as a JSON file: your applications and answers, matches, check-ins, survey invitations (answers to anonymous surveys are not linked to you, so they can't be included), event answers and the reports you made. Reports about you, and safeguarding records kept under a legal hold, are not included. To have it deleted, type delete my data.
personal-confirm = Do you want me to delete your data? This erases your applications and answers, { $matches }takes you out of every programme, and can't be undone. The programmes' figures keep a nameless count (how many people took part); reports you made stay with the moderators without your name. { $kept }
personal-ends-match = ends your match (your partner will be told kindly and offered a new one),{ " " }
personal-ends-matches = ends your matches (your partners will be told kindly and offered new ones),{ " " }
personal-delete-yes = Yes, delete my data
personal-delete-no = No, keep it
personal-kept = Some safeguarding records, if there are any, are kept for { $years ->
        [one] { $years } year
       *[other] { $years } years
    } even after deletion, as safeguarding rules require: reports about you, failed background checks and suspensions. They are then erased.
personal-answer = Please answer 1 (yes, delete my data) or 2 (no, keep it).
personal-nothing-deleted = All right: nothing was deleted.
personal-partner-left = An update on your match: the other person has left the programme, so it can't go ahead. This is no reflection on you; we're already looking for another match for you.
personal-done = Done: your data has been deleted, and you've left every programme. { $kept } Thank you for the time you spent with us; you're welcome back whenever you like.
