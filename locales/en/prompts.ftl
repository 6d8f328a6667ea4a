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
