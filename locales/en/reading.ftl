# What Tandem says when it cannot read what a person typed: a number of the wrong kind
# (domain::numbers), a date or time (domain::when), an `event create` line and its repeat
# rule (domain::events), a person named in a moderation command (domain::people), and a
# screening step's update (domain::screening). Commands, keys (`title:`, `repeat:`) and the
# examples of what to type (`20 January`, `next Wednesday`, `6pm`, `every Wednesday`,
# `cleared until`) stay as typed: Tandem reads those words in English only.

## Numbers (`A12` an application, `P3` a proposal, `M7` a match, `Q4` a question).

# $number: the number as typed, in capitals (A3); $is: what it names (number-is-*);
# $expected: what the command takes (number-takes-*).
number-wrong-kind = { $number } is { $is }; this command takes { $expected }.
number-is-application = an application
number-is-proposal = a proposal
number-is-match = a match
number-is-question = a question
number-is-flag = a safety flag
number-takes-application = an application number (like A12)
number-takes-match = a match or proposal number (like M7 or P3)
number-takes-question = a question number (like Q4)
number-takes-flag = a safety flag number (like F3)

## Dates and times.

# $example: a date in the programme's order, ahead (20/01/2028).
date-hint = a date like { $example }, 20 January or next Wednesday
date-time-hint = a date and time like { $example } 18:00, tomorrow 9am or next Wednesday 6pm
# $hint: date-hint.
date-give = Give { $hint }.
date-without-time = Just the date is needed here, without a time: { $hint }.
# $text: what was typed; $hint: date-hint.
date-unreadable = “{ $text }” is not a date I can read: write { $hint }.
# $text: what was typed.
date-too-far = “{ $text }” is too far ahead.
date-year-out-of-range = “{ $text }” is not a date: years run from 1 to 9999.
# $month: the number typed as the month (13).
date-no-such-month = “{ $text }” is not a date: there is no month { $month }.
# $date: the day that does not exist (31 February 2027, or 30 February).
date-no-such-day = There is no { $date }.
# $date: a day; $weekday: the weekday it is; $written: the weekday written beside it.
date-wrong-weekday = { $date } is a { $weekday }, not a { $written }.
# $order: date-order-*; $example: a date in that order.
date-not-in-order = “{ $text }” is not a date: dates here are written { $order }, like { $example }.
date-order-day-month-year = day/month/year
date-order-month-day-year = month/day/year
# $one, $other: the two days it could be; $named: the first written with its month's
# (English) name, as it can be typed; $iso: the same written year first.
date-ambiguous = “{ $text }” could be { $one } or { $other }: write the month as a word ({ $named }) or the year first ({ $iso }).
# $text: what was typed.
time-unreadable = “{ $text }” has no time I can read: write it like 18:00, 6pm or 9.30am.
# $typed: the date and time as typed, to be followed by a zone. It follows `start: `.
moment-which-zone = which time zone? Add it after the time, like { $typed } Europe/London (or set time_zone in the programme file).
# $typed: the date as typed, to be followed by a time. It follows `start: `.
moment-add-time = add the time too, like { $typed } 18:00.
# $text: what was typed; $hint: date-time-hint.
moment-unreadable = “{ $text }” is not a date and time I can read: write { $hint }.

## Repeating events in words (`repeat: every Wednesday until 30 June`).

# $text: the words after the days, which should be a time.
repeat-time-unreadable = repeat: “{ $text }” is not a time I can read: write it like 18:00 or 6pm (e.g. every Wednesday at 18:00 until 30 June).
repeat-how-often = repeat: say how often, like every Wednesday at 18:00, every other Monday 6pm, every weekday 9am or every day 18:00, then until and an end date
# $rule: the rule as typed (every other weekday).
repeat-rule-unfollowable = repeat: “{ $rule }” is not a rule I can follow; try every other week, every other Monday or every 2 days.

## `event create` (coordinators).

event-create-usage = Usage: event create title: <title>; start: <date and time> [time zone]; length: <90m or 2h>; [room: <room>]; [capacity: <n>]; [repeat: <every Wednesday 18:00, or minute hour day month weekday> until <date>]; [description: <text>]
# $part: the part written without a key; $usage: event-create-usage.
event-create-no-key = “{ $part }” has no key: write key: value. { $usage }
# $usage: event-create-usage.
event-create-no-title = Give the event a title. { $usage }
event-create-no-start = Say when it starts. { $usage }
# $key: the key as typed.
event-create-unknown-key = I don't know the key “{ $key }”. { $usage }
event-create-no-room = room: say which room, or leave the key out for the events room
event-create-capacity = capacity: a whole number of people, from 1 to 10000
event-create-no-repeat = repeat: say how often and until when, e.g. every Wednesday until 30 June
# $value: the length as typed.
event-create-length = length: “{ $value }” should be like 90m or 2h (5 minutes to 24 hours)
# $why: what is wrong with the start (date-*, moment-*, time-*, time-zone-*).
event-create-start = start: { $why }
# $why: what is wrong with the end date (date-*).
event-create-repeat = repeat: { $why }
# $rule: the rule as typed (every Wednesday at 18:00).
event-create-no-end = repeat: add an end date, e.g. { $rule } until 30 June
event-create-no-until = repeat: a rule and an end date, e.g. every Wednesday until 30 June, or 0 18 * * WED until 2027-06-30
# $rule: the cron rule as typed.
cron-five-fields = repeat: “{ $rule }” should have five fields: minute hour day month weekday (e.g. 0 18 * * WED)
# $field: which field (cron-minute …); $text: the field as typed; $value: the part that
# is out of range; $min, $max: the values it may have.
cron-field-value = repeat: the { $field } field “{ $text }” has “{ $value }”: use { $min } to { $max }
cron-field-step = repeat: the { $field } field “{ $text }” has a step that is not from 1 to { $max }
cron-field-backwards = repeat: the { $field } field “{ $text }” has a range that ends before it starts
cron-minute = minute
cron-hour = hour
cron-day = day of the month
cron-month = month
cron-weekday = weekday
# $when: when the first session would start.
event-start-past = { $when } is in the past. Please give a future start.
# $until: the end date; $start: the first session's date.
event-series-ends-first = The series would end ({ $until }) before it starts ({ $start }).
event-series-too-long = A series can run for at most two years; choose an earlier end date.
# $rule: the rule as written; $count: how many times it fires on $date.
event-series-twice-a-day = The rule “{ $rule }” fires { $count } times on { $date }: group events repeat at most once a day.
# $most: the most sessions one request may make (100).
event-series-too-many = That makes more than { $most } sessions; choose an earlier end date.
# $rule: the rule as written; $start, $until: the dates it was tried between.
event-series-never = The rule “{ $rule }” never fires between { $start } and { $until }.

## A person named in a moderation command (`suspend Tom`, `case concerns 3 @tom:example.org`).

# $typed: the person as typed.
person-unknown = I don't know anyone called “{ $typed }”. Write them as their Matrix id (@name:server), a Discord mention, platform:id, their application number (#12) or the name on their application.
# $people: each person it could be (person-named …), separated by semicolons.
person-ambiguous = “{ $typed }” could be any of: { $people }. Please use their application number or id.
# $name: the name on their application; $user: their id (matrix:@tom:example.org);
# $count: how many applications; $numbers: their numbers (A4, A9).
person-named = { $name } ({ $user })
person-named-applications = { $name } ({ $user }, { $count ->
    [one] application
   *[other] applications
} { $numbers })
person-applications = { $user }, { $count ->
    [one] application
   *[other] applications
} { $numbers }

## A screening step's update (`step A12 background check cleared until 30/06/2029`).

# $example: a date in the programme's order, ahead.
step-update-expiry = Give the date the check expires: cleared until { $example }.
# $date: the date given.
step-update-not-future = { $date } is not in the future: a cleared check needs an expiry date after today.
# $expected: what the step takes (step-update-interview …).
step-update-use = For this step, use: { $expected }.
step-update-interview = scheduled <date>, done or pending
step-update-check = cleared until <date>, failed or pending
step-update-acknowledgement = pending (only the participant can acknowledge)
step-update-task = done or pending
