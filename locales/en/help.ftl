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
personal-file = Here is everything Tandem stores about you, as a JSON file: your applications and answers, matches, check-ins, survey invitations (answers to anonymous surveys are not linked to you, so they can't be included), event answers, the reports you made and the pair-room safety flags on your messages. Reports about you, and safeguarding records kept under a legal hold, are not included. To have it deleted, type delete my data.
personal-confirm = Do you want me to delete your data? This erases your applications and answers, { $matches }takes you out of every programme, and can't be undone. The programmes' figures keep a nameless count (how many people took part); reports you made stay with the moderators without your name. { $kept }
personal-ends-match = ends your match (your partner will be told kindly and offered a new one),{ " " }
personal-ends-matches = ends your matches (your partners will be told kindly and offered new ones),{ " " }
personal-delete-yes = Yes, delete my data
personal-delete-no = No, keep it
personal-kept = Some safeguarding records, if there are any, are kept for { $years ->
        [one] { $years } year
       *[other] { $years } years
    } even after deletion, as safeguarding rules require: reports about you, failed background checks, suspensions and the pair-room safety flags on your messages that the coordinators kept. They are then erased.
personal-answer = Please answer 1 (yes, delete my data) or 2 (no, keep it).
personal-nothing-deleted = All right: nothing was deleted.
personal-partner-left = An update on your match: the other person has left the programme, so it can't go ahead. This is no reflection on you; we're already looking for another match for you.
personal-done = Done: your data has been deleted, and you've left every programme. { $kept } Thank you for the time you spent with us; you're welcome back whenever you like.

## The staff commands' help (flows::help::staff): `help` in the coordinators' and the
## moderators' rooms, to the escalation contact by DM, and `help <command>`.

# The commands themselves, their usage (`approve <application>`) and their examples
# (`reject A12 We need mentors…`) are typed the same in every language, so they stay in
# English in the code: `help` finds a command by its usage's words, and the tests send
# each example through the command registry. Only what is said about them is here.
# `$prefix` is the room's prefix (`!tandem`); `$help` is `help` as typed there.

# A menu's first line, for each place commands are typed.
staff-help-desk-coordinators = Coordinators' commands (type them here, after { $prefix }):
staff-help-desk-moderators = Moderators' commands (type them here, after { $prefix }):
staff-help-desk-contact = The cases that may concern the moderation team are yours: work them here, by DM, with these commands (no prefix):
staff-help-desk-participant = Your own pair's commands, by DM:

# The groups' headings, with their colon.
staff-help-group-screening = Screening:
staff-help-group-matching = Matching (proposals: P…):
staff-help-group-matches = Matches (M…):
staff-help-group-events = Events:
staff-help-group-surveys = Surveys:
staff-help-group-figures = Figures and exports:
staff-help-group-cases = Cases:
staff-help-group-actions = Moderation actions (each asks you to confirm):
staff-help-group-own-pair = Your pair:

# What each command does, after its example and a dash: lower case, no full stop
# (`help <command>` gives it a capital).
staff-help-does-review-queue = applications waiting for review, oldest first
staff-help-does-screening-summary = counts per status and role, the oldest waiting, checks expiring within 30 days
staff-help-does-show-application = an application's card: answers, rules' results, questions, decisions
staff-help-does-approve = accept: the applicant is told and their screening steps begin
staff-help-does-reject = refuse: the reason is sent to the applicant
staff-help-does-ask-applicant = ask the applicant by DM; their answer is posted here
staff-help-does-waitlist = put on the waiting list; the applicant is reminded now and then
staff-help-does-note-application = a private note on the application, shown on its card with who and when; never sent to the applicant
staff-help-does-record-step = record a screening step (by its id or label; several applications at once: step A6, A7 training done): done, scheduled <date> [time] (the person is told), cleared until <date>, failed, pending
staff-help-does-match-preview = a dry run: every proposal and why, everyone left out and why; nothing is stored
staff-help-does-match-propose = store the proposals and list them with their numbers
staff-help-does-match-approve = offer the pair: both are asked by DM to accept or decline
staff-help-does-match-approve-all = offer every open proposal
staff-help-does-match-reject = never propose the pair again; the next best options are proposed
staff-help-does-match-swap = give the proposal's mentee that mentor instead
staff-help-does-match-rematch = new proposals for one person (past partners left out)
staff-help-does-match-exclude = never propose two people to each other (include lifts it)
staff-help-does-match-list = your programmes' matches and how each is doing, the most urgent first (the open ones unless you filter)
staff-help-does-match-show = one match in full: the two people, its stage and health, check-ins, what to do next
staff-help-does-find-person = find people in your programmes by (part of) their name or id, with their applications and matches
staff-help-does-check-ins-due = staff check-ins due this week or overdue, the most overdue first, with who looks after each pair
staff-help-does-check-in-history = a match's staff check-ins with their notes, who looks after it and when the next is due
staff-help-does-check-in-log = log a staff contact with a pair (concern: the match is at risk until a contact without one)
staff-help-does-check-in-assign = hand a pair to another staff member, who is told
staff-help-does-close-match = end a match early, no fault (disciplinary: no new match is offered)
staff-help-does-pause-match = no check-ins or reminders for the pair until that date
staff-help-does-resume-match = end a pause early
staff-help-does-message-pair = a message to both members by DM, from the coordinators
staff-help-does-reply-to-question = answer a participant's question (ask the team) by DM
staff-help-does-programme-report = the programme's figures, with a chart
staff-help-does-resource-progress = each resource of the programme: who it is for now, who has read it and who has not
staff-help-does-broadcast = an announcement by DM to everyone in the audience, after a dry run and your confirm; lines starting es: or ar: are its translations
staff-help-does-assist = enter an application for someone without a chat account (a phone call, a paper form), answering its questions in your DM; they take it over with the code you get (assist code makes a new one)
staff-help-does-announce-apply = post the programme's Apply card in a community room (an Apply button on Discord); applications from it count as from an announcement in report
staff-help-does-export = the records as a file, pseudonymous
staff-help-does-event-create = a group session, announced with RSVP buttons
staff-help-does-event-list = the upcoming sessions with their answers so far
staff-help-does-event-show = who is coming to a session
staff-help-does-event-cancel = cancel a session: everyone who said yes or maybe is told
staff-help-does-survey-list = each survey with how many were asked and answered
staff-help-does-survey-send = ask people by DM (never twice while it is open)
staff-help-does-survey-results = the answers in aggregate, from the anonymity minimum
staff-help-does-case-list = open cases, most severe and oldest first
staff-help-does-case-show = the case's card
staff-help-does-case-claim = take the case
staff-help-does-case-note = an internal note
staff-help-does-case-ask = ask the reporter by DM, from the moderation team; the answer comes back here
staff-help-does-case-resolve = close the case: the reporter is told the outcome
staff-help-does-case-reopen = open a resolved case again
staff-help-does-case-log = the case's audit log: every event, who and when
staff-help-does-case-reveal = name an anonymous reporter: it takes two moderators, and only they are told, by DM
staff-help-does-case-escalate = hand the case on (one word is a person, who gets a DM)
staff-help-does-case-concerns = link the case to the person it is about (not: unlink)
staff-help-does-case-close-match = close a linked person's match as disciplinary
staff-help-does-case-evidence = post the case's files (the opening is logged)
staff-help-does-freeze = make a pair room read-only
staff-help-does-unfreeze = make a frozen pair room writable again
staff-help-does-suspend = out of their pair rooms; they cannot apply or be matched meanwhile
staff-help-does-unsuspend = lift a suspension
staff-help-does-remove-from-room = take someone out of a room the bot manages
staff-help-does-confirm-action = carry out, or drop, the action you asked for
staff-help-does-confirm-coordinator-action = carry out, or drop, the close match or survey send you asked for
staff-help-does-transcript = your pair room's messages, as a file

# The menu's last line.
staff-help-footer = Type { $help } <command> for one command's words, an example and who may run it.
staff-help-footer-like = Type { $help } <command> for one command's words, an example and who may run it, like { $example }.

# `help <command>`: its usage (as typed), then these lines.
staff-help-does = { $does }.
staff-help-example = Example: { $example }
staff-help-who-may = Who may run it: { $who }.
# Who may run a command, and where (joined by staff-help-who-and when several may).
staff-help-who-any-coordinator = any coordinator, in the coordinators' room
staff-help-who-its-coordinators = the coordinators of the programme it concerns, in the coordinators' room
staff-help-who-any-moderator = any moderator, in the moderators' room
staff-help-who-moderator = a moderator, in the moderators' room, on a case that does not concern the moderation team
staff-help-who-concerned-moderator = a moderator the case concerns, in the moderators' room
staff-help-who-contact = the escalation contact, by DM without the prefix, on a case that may concern the moderation team
staff-help-who-pair-member = a member of the pair, about their own match, by DM
staff-help-who-and = { $first }; { $then }

# `help match`: the commands whose names begin with the words.
staff-help-several = Commands that begin with “{ $topic }”:
staff-help-several-one = Type { $help } for one.
# `help aprove`: no such command; `$suggestions` are the closest (joined by staff-help-or).
staff-help-unknown = I know no staff command called “{ $asked }”. Type { $help } for this room's commands.
staff-help-unknown-suggest = I know no staff command called “{ $asked }”. Did you mean { $suggestions }? Type { $help } for this room's commands.
staff-help-or = { $first }, or { $then }
