# The domain's own words, as a reader sees them beside a match, an application or a case:
# the statuses of matches and applications, how a match ended, what the screening rules
# decided and how a rule reads, a role, a length of time, a pair's meetings against the
# programme's commitment, a file's size. How a match is doing (health-*) is in support.ftl.
# Commands and filter words stay as typed; stored and exported values are never these words.

## A match's status (domain::matches), beside it in the coordinators' lists and replies.

match-status-proposed = proposed
match-status-approved = approved
match-status-active = active
match-status-rejected = rejected
match-status-declined = declined
match-status-expired = expired
match-status-closed = closed
# A proposal or a match named at the start of a sentence; $id: its number.
match-named-proposal = Proposal P{ $id }
match-named-match = Match M{ $id }
# How a match ended.
match-closure-planned = planned
match-closure-early = early
match-closure-disciplinary = disciplinary

## An application's status in a few words, for staff (its card, the queue, the summary).

application-status-submitted = submitted
application-status-needs-review = needs review
application-status-info-requested = info requested
application-status-waitlisted = waitlisted
application-status-approved = approved
application-status-ready = ready
application-status-ineligible = not eligible
application-status-rejected = rejected
application-status-withdrawn = withdrawn
application-status-resting = resting
application-stage-offered = offered
application-stage-matched = matched
# How many applications are in one status: $count, and $status (application-status-*).
application-status-count = { $count } { $status }
# $status: application-status-*; $by: who decided (platform:id); $when: the day and time.
review-decided-by = { $status } by { $by } on { $when }
review-decided-by-reason = { $status } by { $by } on { $when } ({ $reason })
# A role, in the singular.
role-one = { $role ->
    [mentor] mentor
   *[mentee] mentee
}

## What the screening rules decided, and how a rule reads (domain::screening). Question
## ids and answers' values stay as the programme configured them.

rule-outcome-eligible = eligible
rule-outcome-needs-review = needs review
rule-outcome-ineligible = not eligible
# $left, $right: conditions.
rule-and = { $left } and { $right }
rule-or = { $left } or { $right }
# $cond: a condition.
rule-not = not ({ $cond })
# $question: a question's id; $value: one value; $values: several, separated by commas.
rule-is = { $question } is { $value }
rule-is-one-of = { $question } is one of { $values }
rule-is-none-of = { $question } is none of { $values }
rule-answered = { $question } is answered
rule-not-answered = { $question } is not answered
# A rule that matched, on an application's card: $rule its id, $outcome (rule-outcome-*),
# $when its condition, $reason its note for reviewers.
rule-matched = ✓ { $rule } → { $outcome }: { $when }
rule-matched-reason = ✓ { $rule } → { $outcome }: { $when } — { $reason }

## A length of time (a meeting, a pair's month, a programme's commitment).

duration-minutes = { $minutes }m
duration-hours = { $hours }h
duration-hours-minutes = { $hours }h { $minutes }m

## A pair's logged meetings against the programme's commitment (match show, checkins).

# $goal: what the programme asks a month (duration-*).
meetings-none = none logged yet
meetings-none-goal = none logged yet (the programme asks { $goal } a month)
# $count: meetings logged as held; $month: how long they met in the last 30 days.
meetings-logged = { $count ->
    [one] 1 meeting logged
   *[other] { $count } meetings logged
}; { $month } in the last 30 days
# $logged: meetings-logged; $short: how much is missing (duration-*).
meetings-logged-on-track = { $logged } (the programme asks { $goal } a month: on track)
meetings-logged-short = { $logged } (the programme asks { $goal } a month: { $short } short)

## A file's size, and a case's evidence files as the moderators see them.

file-size-bytes = { $count ->
    [one] 1 byte
   *[other] { $count } bytes
}
file-size-kb = { $kb } KB
file-size-mb = { $mb } MB
# $mb and $tenths: 2 and 5 for two and a half megabytes.
file-size-mb-tenths = { $mb }.{ $tenths } MB
# $mime: the file's type (image/png); $size: file-size-*.
evidence-file = { $mime }, { $size }
# $n: the case; $number of $total: which of its files.
case-file-posted = Case #{ $n } · file { $number } of { $total } · { $mime } · { $size }
# $file: evidence-file.
case-file-refused = Case #{ $n }: file { $number } ({ $file }) could not be posted: the platform refused it (perhaps for its size). It stays with the case.
# A person linked to a case: their applications and running matches. $status: application-status-* or match-status-*.
case-subject-application = application A{ $id } ({ $status })
case-subject-match = match M{ $id } ({ $status })
case-subject-match-frozen = match M{ $id } ({ $status }, frozen)

## A moderation case's status and severity (domain::incident).

case-status-open = open
case-status-claimed = claimed
case-status-resolved = resolved
case-severity-normal = normal
case-severity-urgent = urgent
case-severity-safeguarding = safeguarding
# On a case's card, in capitals so that it stands out.
case-severity-normal-loud = NORMAL
case-severity-urgent-loud = URGENT
case-severity-safeguarding-loud = SAFEGUARDING
