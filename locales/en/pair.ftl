# What Tandem posts in a pair room (the kickoff, milestones, the planned end) and the
# certificate. A pair room is written to in its pair's language when they share one.

pair-room-topic = { $programme }: { $mentee } (mentee) and { $mentor } (mentor)
pair-welcome-to =
    Welcome, { $mentee } and { $mentor }! This is your private room for { $programme }: only the two of you and the bot are here.
    Who is who: { $mentor } is the mentor, { $mentee } is the mentee.
pair-welcome =
    Welcome, { $mentee } and { $mentor }! This is your private room: only the two of you and the bot are here.
    Who is who: { $mentor } is the mentor, { $mentee } is the mentee.
pair-why = Why we matched you:
pair-ground-rules = Ground rules: { $text }
pair-cadence = How often to meet: { $text }
pair-icebreaker = To get you started: { $text }
pair-agreement-how = Your agreement: type { $prefix } agreement here to read it (your goals, how often to meet, the ground rules), and { $prefix } agree to accept it.
pair-goals-back = Your goals when you started:
pair-goals-how-far = How far did you get with them, and what would you like to do next?
pair-together = What you did together: { $milestones ->
        [one] 1 milestone
       *[other] { $milestones } milestones
    } along the way, and { $met ->
        [one] 1 check-in
       *[other] { $met } check-ins
    } where you told us you'd met. This room stays open until { $until } to say goodbye.
pair-ended = This mentoring has ended, so this room is now closed and read-only. Thank you both.
pair-archived = Your mentoring here has ended, so this room is now closed and read-only. Thank you both, and all the best for what comes next.
pair-completed-mentee = Congratulations, { $name }! You've completed your mentoring as a mentee in { $programme }, from { $from } to { $to }. Thank you for everything you put into it.
pair-completed-mentor = Congratulations, { $name }! You've completed your mentoring as a mentor in { $programme }, from { $from } to { $to }. Thank you for everything you put into it.
pair-certificate-attached = Your certificate is attached.

# The mentoring agreement (flows::agreement), in the pair room.
agreement-elsewhere = Your mentoring agreement is in your pair room: type agreement there to read it, and agree to accept it.
agreement-already = You have agreed already. Type { $prefix } agreement to read it again.
agreement-both = { $name } has agreed too: you both have a mentoring agreement now. Come back to your goals whenever you like: type { $prefix } agreement.
agreement-one = { $name } has agreed. { $other }, type { $prefix } agree here when you have read it.
agreement-title = Your mentoring agreement, { $mentee } and { $mentor }:
agreement-goals = Goals (from { $mentee }'s application):
agreement-done = { $name } ✓
agreement-not-yet = { $name } (not yet)
agreement-who = Agreed: { $mentee }, { $mentor }.
agreement-to-accept = To accept it, type { $prefix } agree here.

# The certificate drawn at a planned end, in the reader's language.
certificate-heading = This certifies that
certificate-achievement-mentee = has completed { $months ->
        [1] one month
        [2] two months
        [3] three months
        [4] four months
        [5] five months
        [6] six months
        [7] seven months
        [8] eight months
        [9] nine months
        [10] ten months
        [11] eleven months
        [12] twelve months
       *[other] { $months } months
    } of mentoring as a mentee in
certificate-achievement-mentor = has completed { $months ->
        [1] one month
        [2] two months
        [3] three months
        [4] four months
        [5] five months
        [6] six months
        [7] seven months
        [8] eight months
        [9] nine months
        [10] ten months
        [11] eleven months
        [12] twelve months
       *[other] { $months } months
    } of mentoring as a mentor in

# Conversation starters (flows::starters) and a quiet pair's nudge (app::scheduler::nudges).
starter = Something to talk about: { $text }
starter-elsewhere = idea works in your pair room: type it there, and I'll suggest something for the two of you to talk about.
starter-default = Something to talk about: what has gone well since you last talked, and what would you like to try next?
starter-all-had = You've had every idea in the programme's bank. Something to try: each of you names one thing you'd like the other's view on this week.
nudge-quiet = It has been { $days } days since anyone wrote here. A quick hello keeps things going: how are you both doing? Suggest a time for your next conversation, { $mentee } and { $mentor }.

## A member's transcript of their pair room (`transcript`).

transcript-file-head = Transcript of the pair room of { $mentee } and { $mentor } (match M{ $id }), { $count ->
    [one] 1 message
   *[other] { $count } messages
}, times in UTC.
transcript-sent = Here is the transcript of your pair room ({ $count ->
    [one] 1 message
   *[other] { $count } messages
}). Please keep it private: it is your conversation with { $partner }.
transcript-unreadable = Sorry, I couldn't read your pair room's history ({ $error }). Please try again later, or type ask the team followed by your message.
transcript-not-yours = You can only have the transcript of a pair room you were in, and match M{ $id } isn't one of yours.
transcript-none = You have no pair room to send a transcript of.
transcript-which = Which pair room? Type transcript <number>: { $matches }.

## A pair room relayed across Matrix and Discord (app::relay): what Tandem says about a
## member's file it copies to the other side.

# $author: the member's name; $file: the file's name.
relay-file = { $author } sent a file: { $file }
# $limit: the largest file Tandem passes on (8 MB).
relay-file-too-large = { $author } sent a file, { $file }, larger than the { $limit } I can pass on: please ask them to share it another way.
# $why: the platform's own words.
relay-file-lost = { $author } sent a file, { $file }, that I could not pass on ({ $why }).
# Who wrote a reported message that was a relayed copy, as a case records it.
# $name: the member's name; $who: their account.
relay-copied-author = { $name } ({ $who }), copied by Tandem from the other side of the pair room
