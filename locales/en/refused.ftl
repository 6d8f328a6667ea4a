## What a chat platform refused outright (the bot may not see a room, lacks a permission
## there, or the room or the member is gone): told to the staff at once, never retried.

# $room: moderators or coordinators; $error: the platform's refusal, in the log's words.
notice-staff-post-refused = A message for the { $room ->
    [moderators] moderators'
   *[coordinators] coordinators'
} room was refused there: { $error }. Nothing more will be tried; please give the bot back what it needs in that room. The message itself is in the bot's log only as its kind.
# $act and $subject: what was refused, in the log's words ("Archiving a pair room", "match M1").
notice-refused = { $act } ({ $subject }) was refused: { $error }. Nothing more will be tried; please see to it by hand.
