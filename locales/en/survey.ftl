# Answering a survey in a DM (flows::survey). The survey's own title, introduction and
# questions are the programme's words, in the reader's language where it translated them.

day-month = { $day } { $month }
survey-intro = { $title } from { $programme }
survey-intro-with = { $title } from { $programme }: { $intro }
survey-how = There are { $count } questions, open until { $closes }. You can type back, skip (optional questions) or later (to stop and finish another time).
survey-carry-on = Let's carry on with { $title } ({ $programme }) where you stopped. It closes on { $closes }.
survey-reminder = A gentle reminder: { $title } ({ $programme }) closes on { $closes }. It takes { $count } questions; your answers help us run the programme better.
survey-anonymous = Your answers are anonymous: they are stored without your name, and the coordinators only see totals from { $minimum } or more people.
survey-named = Your answers are stored with your name, so the coordinators can follow up with you.
survey-none-open = You have no survey to answer right now. Thank you!
survey-type-to-carry-on = Type survey to carry on.
survey-closed = That survey has closed, so your answers were not recorded. Thank you for your time all the same.
survey-answered-already = That question was answered already; here is where you are:
survey-where =
    You're answering { $title } ({ $programme }), question { $number } of { $count }. You can type:
    back — the previous question
    skip — leave out an optional question
    repeat — see the question again
    later — stop now and finish before { $closes } (type survey to carry on)
survey-kept = All right: I've kept your answers so far. Type survey whenever you'd like to finish it.
survey-thanks = Thank you! Your answers to { $title } are in. They help { $programme } support every pair better.
survey-thanks-anonymous = Thank you! Your answers to { $title } are in, without your name. They help { $programme } support every pair better.
