# Group events (flows::events, app::scheduler::events): the announcement, answers (rsvp)
# and reminders, for everyone; creating, listing and cancelling, for coordinators. The
# commands (event, events, rsvp) and the answers yes, no and maybe stay as typed.

event-when = { $weekday } { $day } { $month } { $year }, { $time } { $zone } ({ $utc } UTC)
event-when-utc = { $weekday } { $day } { $month } { $year }, { $time } UTC
event-when-local = { $weekday } { $day } { $month } { $year }, { $time } { $zone }
event-places = { $count ->
    [one] 1 place
   *[other] { $count } places
}
event-tally = { $yes } yes, { $maybe } maybe, { $no } no
event-tally-places = { $yes } yes, { $maybe } maybe, { $no } no ({ $places })
choice-maybe = Maybe

## For everyone.

event-announcement = 📅 { $title } — { $when }
event-length = { $minutes } minutes.
event-length-places = { $minutes } minutes. Places: { $places }.
event-will-you-come = Will you come? (Event #{ $n }; or type rsvp { $n } yes, no or maybe.)
event-none = There is no event #{ $n }.
event-rsvp-how = Please answer yes, no or maybe (for example: rsvp { $n } yes).
event-rsvp-usage = To answer an invitation, type rsvp, the event's number and yes, no or maybe (for example: rsvp 3 yes).
event-was-cancelled = { $title } ({ $when }) was cancelled, so there is nothing to answer.
event-started = { $title } has already started.
event-full = Sorry, { $title } is full ({ $places }). Answer maybe and the coordinators will know you'd like to come.
event-going = You're going to { $title } — { $when }. I'll remind you before it starts.
event-maybe = Noted as maybe for { $title } — { $when }. Answer yes if you decide to come.
event-not-going = Noted: you won't come to { $title }. Thanks for letting us know.
event-cancelled-notice = Cancelled: { $title } — { $when }. Sorry for the change.
event-cancelled-notice-reason = Cancelled: { $title } — { $when }. Reason: { $reason } Sorry for the change.
event-reminder = Reminder: { $title } starts in { $soon }, { $when }.
event-reminder-local = Reminder: { $title } starts in { $soon }, { $when }. Where you are that is { $local }.
event-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
event-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}

## For coordinators.

event-usage = Usage: event create title: <title>; start: <date and time> [zone]; ... · events · event show <n> · event cancel <n> [reason] · rsvp <n> yes|no|maybe
event-staff-room = Event commands work in the coordinators' room.
event-only-coordinators = { $who }, only a programme's coordinators can manage events.
event-none-upcoming = No upcoming events.
event-none-create = No upcoming events. Create one with: event create title: ...; start: ...
event-upcoming = Upcoming events ({ $count }):
event-line = #{ $n } { $title } — { $when } · { $tally }
event-other-programme = Event #{ $n } is another programme's: its coordinators work it, in their room.
event-nobody-yet = nobody yet
event-show =
    Event #{ $n } { $title } — { $when }
    Announced in { $room }
    { $tally }
    Coming: { $yes }
    Maybe: { $maybe }
event-show-cancelled =
    Event #{ $n } { $title } — { $when } · CANCELLED
    Announced in { $room }
    { $tally }
    Coming: { $yes }
    Maybe: { $maybe }
event-already-cancelled = Event #{ $n } was already cancelled.
event-already-begun = Event #{ $n } has already started; it cannot be cancelled.
event-cancelled-by = Event #{ $n } cancelled by { $who }; { $told ->
    [one] 1 person who said yes or maybe was told.
   *[other] { $told } people who said yes or maybe were told.
}
event-room-unusable = room: “{ $room }” is not a room I can post in. Give the room's id ({ $how }).
event-where = Where should it be announced? Add room: <room> (no events room is configured).
event-created = Event created: { $title } — { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, each announced in { $room } with RSVP { $days } days before it (at once if sooner); reminders go to those who say yes. Times are in { $zone }.
