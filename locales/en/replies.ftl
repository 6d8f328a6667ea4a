# Replies to a message that goes nowhere else (flows::decide): too long, a file outside a
# report, a command for another place, nothing to cancel.

reply-too-long = That message is too long for me ({ $length } characters). Please keep messages under { $max } characters.
reply-finish-then-report-message = Let's finish what we were doing first (or type cancel); then report the message again.
reply-files-not-kept = I only keep files sent as evidence in a report (type report to start one), so I haven't kept this.
reply-picked-nothing-open = That question is no longer open: you have no application in progress. Type apply to start one, or help to see what I can do.
reply-pair-room-only = “{ $typed }” works in your pair room, for both of you: type { $prefix } { $typed } there.
reply-events-elsewhere = Event commands work in the coordinators' room: write { $prefix } followed by the command there.
reply-coordinators-elsewhere = Coordinators' commands work in the coordinators' room, next to the applications' cards: write { $prefix } followed by the command there.
reply-nothing-to-cancel = There is nothing to cancel: you have no application in progress.
reply-nothing-to-stop = There is nothing to stop: we're not in the middle of anything. Type help to see what I can do.
reply-no-application = You have no application in progress. Type apply to start one.
reply-no-offer = There is no match offer waiting for your answer (it was answered, withdrawn or it expired). Type status to see where you stand.
reply-sent-dm = { $user }, I've sent you a direct message.
reply-finish-then-close = Let's finish what we were doing first; then type close match here.
reply-exports-elsewhere = Exports work in the coordinators' room.
reply-finish-then-report = Let's finish this first (or type cancel), then type report here again:
reply-finish-first = Let's finish what we were doing first: please answer my last message here.
reply-announcements-elsewhere = Announcements work in the coordinators' room.
reply-broadcasts-elsewhere = Broadcasts work in the coordinators' room.
reply-answer-in-dm = { $user }, please answer me in our direct messages: that's where your application is.

# Something asked in the middle of a conversation (flows::escape).
escape-action-waiting = You have an action waiting: type { $prefix } confirm or { $prefix } cancel in { $room }.
escape-here-again = You're in the middle of something; here it is again (type stop to leave it):
escape-stays-open = This stays open until you answer it (you can still type report, help or delete my data at any time):
escape-link-later = Let's finish this first (or type stop): an account is linked with nothing open on it. Then send link with your code again.
escape-finish-first = Let's finish this first (or type cancel), then I'll help with that:
escape-back = Now, back to where we were:

## Asking the programme team (flows::team): `ask the team` in a DM, and a coordinator's
## `reply Q4` in the coordinators' room.

team-ask-usage = What would you like to ask? Type ask the team followed by your question, for example: ask the team when is the next meetup?
team-question-long = Please keep your question under { $max } characters (it has { $count }).
team-none = Sorry, there is no programme team to write to here yet. Please try again later.
team-sent = Sent to the programme team; their answer will come here.
team-answer = The programme team answers your question “{ $question }”: { $answer }
team-reply-usage = Usage: reply Q4 <your answer> (the number is on the question's card).
team-card = Question { $label } from { $who }: { $text } — Reply here: reply { $label } <your answer>
team-room = Replies to questions work only in the coordinators' room.
team-no-question = There is no question { $label }.
team-answer-long = Please keep the answer under { $max } characters (it has { $count }): it is sent to the person as a message.
team-answered = Answer to { $label } sent to { $who }.
team-answered-again = Answer to { $label } sent to { $who }. It had been answered before, by { $by } on { $on }.
