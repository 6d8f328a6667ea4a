# The coordinators' lists and cards: matches, a match, who, the review queue and an
# application's card, the programme report and exports, the survey commands.
# Commands stay as typed. A match's status and health words and an application's status
# are in words.ftl, the report's figures in figures.ftl, the engine's reasons in matching.ftl.

## The lists of matches (flows::roster): matches, match show, who.

roster-usage = Usage: matches [programme] [at-risk|stuck|quiet|check-in|paused|frozen|too-early|ok|offered|proposed|ended|all] · match show <match, like M7> · who <name or id>
roster-room = Coordinators' lists work only in the coordinators' room, so that participants are never shown anywhere else.
roster-not-yours = You don't coordinate a programme called `{ $programme }`. Yours: { $yours }.
# $all: the filter words, as typed (frozen, at-risk, …).
roster-none = No matches. Filters: { $all }, or all.
roster-none-open = No open matches. Filters: { $all }, or all.
roster-none-filtered = No matches ({ $filters }). Filters: { $all }, or all.
roster-listed = { $count ->
    [one] 1 match:
   *[other] { $count } matches, the most urgent first:
}
roster-listed-open = { $count ->
    [one] 1 open match:
   *[other] { $count } open matches, the most urgent first:
}
roster-listed-filtered = { $count ->
    [one] 1 match ({ $filters }):
   *[other] { $count } matches ({ $filters }), the most urgent first:
}
roster-listed-more = … and { $count } more: narrow the list with a programme or a filter ({ $all }).
roster-listed-hint = Type { $prefix } match show <number> to see one.
# After a match's line in the list: the day it started.
roster-since = since { $date }
roster-show-mentee = Mentee: { $name } (A{ $application }, { $user }) — { $answer }
roster-show-mentor = Mentor: { $name } (A{ $application }, { $user }) — { $answer }
roster-answer-accepted = accepted
roster-answer-declined = declined
roster-answer-none = not answered yet
roster-show-proposed = Proposed { $date }
roster-show-started = started { $date }
roster-show-due = answers due by { $date }
# $reasons: the matching engine's reasons, with their points.
roster-show-score = Score { $score }: { $reasons }
roster-show-room = Pair room: { $room } · last message { $last }
roster-never = never
roster-nobody = nobody
roster-show-looked-after = Looked after by { $staff } · { $count ->
    [one] 1 staff check-in
   *[other] { $count } staff check-ins
}
roster-show-looked-after-next = Looked after by { $staff } · { $count ->
    [one] 1 staff check-in
   *[other] { $count } staff check-ins
}, the next due by { $date }
roster-show-meetings = Meetings: { $meetings }
roster-show-check-ins = Check-ins: { $asked } asked, met at { $met }
# $stuck: the check-in's answer a pair gives when they are stuck (checkin-stuck).
roster-show-check-ins-stuck = Check-ins: { $asked } asked, met at { $met } · the latest said “{ $stuck }”
# $kind: how it was closed (match-closure-*: planned, early, disciplinary).
roster-show-closed = Closed { $date } ({ $kind }) by { $by }: { $reason }
roster-show-next = Next: { $commands }
# What to do next with a match: commands as typed, their words to fill in explained.
roster-next-proposed = { $prefix } match approve P{ $id } · { $prefix } match reject P{ $id } <reason> · { $prefix } match swap P{ $id } <mentor's application>
roster-next-active = { $prefix } checkin M{ $id } <notes> · { $prefix } message M{ $id } <text> · { $prefix } pause M{ $id } until <date> · { $prefix } close match M{ $id } <reason> · { $prefix } match rematch A{ $application }
roster-next-ended = { $prefix } match rematch A{ $application }
roster-who-nobody = Nobody in your programmes answers to “{ $typed }”. Try part of their name, their chat id, or an application number like A12.
roster-who-found = { $count ->
    [one] 1 person answers to “{ $typed }”:
   *[other] { $count } people answer to “{ $typed }”:
}

## The review queue and the screening summary (flows::review::queue).

roster-queue-empty = No applications are waiting for review.
roster-queue = { $count ->
    [one] 1 application waiting for review:
   *[other] { $count } applications waiting for review, oldest first:
}
roster-queue-hint = Type { $prefix } show A<number> to see one.
roster-summary = Screening summary
roster-summary-programme = { $programme } ({ $count ->
    [one] 1 application
   *[other] { $count } applications
})
# $role: roster-role-plural; $counts: how many in each status (1 approved, 2 ready), or roster-summary-none.
roster-summary-role = { $role }: { $counts }
roster-summary-none = none
roster-summary-oldest = Oldest waiting: { $who }, { $days }
roster-summary-nobody-waiting = Nobody is waiting for review.
roster-summary-none-expiring = No checks expire in the next 30 days.
roster-summary-expiring = Checks expiring in the next 30 days:
# A role's people, in the plural.
roster-role-plural = { $role ->
    [mentor] mentors
   *[mentee] mentees
}

## An application's card (flows::review::card): the coordinators decide from it.

# $status: the application's status; $role: the programme's name for the role.
roster-card-head = Application A{ $id } · { $programme } · { $role } · { $status }
roster-card-applicant = Applicant: { $name } ({ $user }), submitted { $when }
# $outcome: what the programme's screening rules decided (eligible, needs review, …).
roster-card-rules = Screening rules: { $outcome }
roster-card-rules-default = Screening rules: { $outcome } (no rule matched: the default for this role)
roster-card-answers = Answers:
roster-card-note = Note by { $by } on { $when }: { $text }
roster-card-question = Question from { $by }: { $question }
roster-card-answer = Answer: { $answer }
roster-card-waiting = (waiting for the applicant)
# $from, $to: the application's status before and after.
roster-card-decision = { $from } → { $to } by { $by } on { $when }
roster-card-decision-reason = { $from } → { $to } by { $by } on { $when }: { $reason }
roster-card-reply = Reply here: approve A{ $id } · reject A{ $id } <reason, sent to the applicant> · ask A{ $id } <question> · waitlist A{ $id }
# The card's buttons, and what the two that need words ask for.
roster-button-approve = Approve
roster-button-reject = Reject
roster-button-ask = Ask
roster-button-waitlist = Waitlist
roster-asks-reason = Reason (sent to the applicant)
roster-asks-question = Your question for the applicant
# $checks: roster-held-check, one for each check kept.
roster-held-checks = Please note before deciding on A{ $id } ({ $name }): this person deleted their data earlier, and a check of theirs that did not clear is kept under a legal hold for safeguarding: { $checks }.
roster-held-check = { $step } of application A{ $application }

## The programme report and exports (flows::figures): the figures are the domain's.

roster-no-programme = There is no programme called “{ $programme }”.
roster-which-programme = Which programme? Add its name after the command: { $programmes }.
roster-report-unloaded = I couldn't load the programme's figures; please try again.
roster-report-incidents = (To report an incident privately, send me report in a direct message.)
roster-report-chart = Chart: { $programme } on { $date }
roster-export-usage = Usage: export <applications|matches|surveys|events|outcomes> [csv|json] [programme]
# $what: what was exported, as typed (applications, matches, surveys, events); $format: csv or json.
roster-export = Export of { $what } from { $programme } ({ $format }; pseudonymous, survey answers only from the anonymity minimum).
# $note: what was left out and why, in the exporter's words.
roster-export-left-out = Left out: { $note }.
roster-export-unloaded = I couldn't gather that export just now; please try again.

## The survey commands (flows::survey::commands): surveys, survey send, survey results.

surveys-usage = Survey commands: surveys · survey send <survey> <audience> (all, mentors, mentees, matched, or a cohort like 2027-01) · survey results <survey>
surveys-room = Survey commands work in the coordinators' room.
surveys-unloaded = I couldn't load that survey's data; please try again.
surveys-none-defined = No programme defines a survey yet (see [surveys] in the programme file).
surveys-none-yours = None of your programmes defines a survey (see [surveys] in the programme file).
surveys-no-such = There is no survey called “{ $survey }”. Surveys: { $surveys }.
surveys-ambiguous = Several programmes have a survey called { $survey }: write it as programme/{ $survey }, like { $programme }/{ $survey }.
surveys-list = Surveys:
# $sent: surveys-list-sent or surveys-list-not-sent.
surveys-list-anonymous = { $id } — { $survey } ({ $programme }, anonymous, { $questions ->
    [one] 1 question
   *[other] { $questions } questions
}): { $sent }
surveys-list-attributed = { $id } — { $survey } ({ $programme }, attributed, { $questions ->
    [one] 1 question
   *[other] { $questions } questions
}): { $sent }
surveys-list-sent = sent { $rounds ->
    [one] 1 time
   *[other] { $rounds } times
}, { $invited } invited, { $answered } answered, { $open } still open
surveys-list-not-sent = not sent yet
# $people: surveys-people; $skipped: surveys-skipped, or nothing; $reminder: days before a reminder (0: none).
surveys-send-ask = Send { $survey } to { $people }{ $skipped } of { $programme }? { $reminder ->
    [0] Each gets a DM now.
    [one] Each gets a DM now, and a reminder after 1 day.
   *[other] Each gets a DM now, and a reminder after { $reminder } days.
} Nobody is asked twice while it is open.
# $roles: surveys-role-count, or two of them (surveys-both).
surveys-people = { $count ->
    [one] 1 person
   *[other] { $count } people
} ({ $roles })
surveys-both = { $first }, { $second }
surveys-role-count = { $role ->
    [mentor] { $count ->
        [one] 1 mentor
       *[other] { $count } mentors
    }
   *[mentee] { $count ->
        [one] 1 mentee
       *[other] { $count } mentees
    }
}
# Said right after the people a survey goes to, with its space.
surveys-skipped = { " " }({ $count ->
    [one] 1 person was already asked while it is open, and is not asked twice
   *[other] { $count } people were already asked while it is open, and are not asked twice
})
# $for: the role it is for; $role: the one asked for.
surveys-not-for = { $survey } is for { $for ->
    [mentor] mentors
   *[mentee] mentees
} only: it can't be sent to { $role ->
    [mentor] mentors
   *[mentee] mentees
}.
# $audience: who it is for, in the domain's words (mentors, people in an active match, …).
surveys-nobody = Nobody to send { $survey } to: there are no { $audience } in { $programme }{ $skipped }. Nothing was sent.
surveys-sent = Sent { $survey } to { $count ->
    [one] 1 person
   *[other] { $count } people ({ $audience })
} by DM{ $skipped }. It closes on { $closes }{ $reminder ->
    [0] {""}
    [one] ; anyone who hasn't answered is reminded after 1 day
   *[other] ; anyone who hasn't answered is reminded after { $reminder } days
}. See the answers with survey results { $id }.

## The report's chart (domain::figures::chart, drawn by graphics::chart).

chart-funnel = { $programme }: from application to completion
chart-stage-applied = applied
chart-stage-accepted = accepted
chart-stage-matched = matched
chart-stage-completed = completed
chart-nps-promoters = promoters (9–10)
chart-nps-passives = passives (7–8)
chart-nps-detractors = detractors (0–6)
chart-survey-question = { $survey } — { $question } ({ $count ->
    [one] 1 answer
   *[other] { $count } answers
})

## What an export leaves out (app::export, domain::export).

# $survey: the survey's id; $count: its answers; $minimum: the programme's anonymity minimum.
export-survey-too-few = { $survey }: not exported: { $count ->
    [one] 1 answer
   *[other] { $count } answers
}, fewer than the anonymity minimum of { $minimum }
# $programme: the programme's name.
export-no-surveys = { $programme } has no surveys to export.
# $notes: why each survey was left out.
export-nothing = Nothing to export. { $notes }
