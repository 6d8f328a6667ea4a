# The application flow (flows::application).

apply-suspended = You can't apply right now. If you think this is a mistake, please write to the programme team: type ask the team followed by your message.
apply-none-open = No programme is open for applications right now. Please check back later.
apply-unknown-word = I don't know a programme or role called “{ $word }”. Open programmes: { $programmes }. Roles: mentor, mentee.
apply-already = You have already applied to { $programme } as a { $role } on { $date }: { $status }. Type status to see your applications.
apply-welcome = Welcome to { $programme }! { $welcome }

    At any time you can type back, skip (optional questions), review, cancel or help. Your answers are saved as you go: you can stop and come back later.
apply-pick-one = Please pick one option.
apply-first-step = This is the first step.
apply-choose-role-first = First, please choose a role.
apply-role-chosen = Great, you're applying as a { $role }.
apply-welcome-back = Welcome back! You have an application in progress{ $where }. Let's continue where you left off.
apply-programme-gone = The programme you were applying to is no longer available, so your application in progress was closed. Type apply to see the open programmes.
apply-already-answered = That question was already answered; here is where you are now.
apply-in-progress = Your application{ $where } is in progress.
apply-nothing-to-withdraw = This application isn't submitted yet, so there is nothing to withdraw: type cancel to stop it.
apply-where-programme = { " " }to { $programme }
apply-where-role = { " " }as a { $role }
apply-where-count = { " " }({ $answered } of { $count } questions answered)
apply-help = You're applying{ $where }. While you answer, you can type:
    back — go to the previous question
    skip — leave out an optional question
    keep — keep your current answer when you revisit a question
    repeat — see the question again
    review — see all your answers
    edit <question> — change an answer (for example: edit 2)
    submit — send your application, once every question is answered
    cancel — stop and delete your answers
    status — see where you are
    language — change the language
apply-confirm-cancel = Do you really want to cancel your application{ $to }? Your answers so far will be deleted.
apply-which-programme = Which programme would you like to apply to?
apply-which-role = Would you like to join { $programme } as a mentor or as a mentee?
apply-choose-role = Please choose a role first.
apply-type-review = Type review to see your answers.
apply-no-role-yet = You haven't chosen a role yet.
apply-review = Your answers for your { $role } application to { $programme }:{ $lines }
apply-review-instructions = Type submit to send your application, edit <number or name> to change an answer (for example: edit 2), or cancel.
apply-cancelled = Your application was cancelled and your answers deleted. Type apply whenever you'd like to start again.
apply-carry-on = Good, let's carry on.
apply-still-to-answer = { $review }

    { $left ->
        [one] { $left } question
       *[other] { $left } questions
    } still to answer. Let's continue:
apply-last-question = That was the last question.
form-not-yet-here = Not yet: still to answer: { $left }. Let's carry on with this one.
form-not-yet-first = Not yet: still to answer: { $left }. Here is the first:
apply-edit-unanswered = You haven't answered that question yet; we'll get to it.
apply-edit-hidden = The question “{ $target }” doesn't apply given your other answers.
apply-edit-unknown = There's no question “{ $target }”. Use the number or the name shown in the review: { $which }.
apply-edit-range = 1 to { $count }
apply-edit-see-review = type review to see them
apply-all-answered = All questions are answered.
apply-edit-that = To change that answer, type edit { $id }.
apply-all-answered-hint = All questions are answered. Type submit to send your application, or edit <number> to change an answer.

## Submitting.

apply-already-sent = You have already applied to { $programme } as a { $role }, so this application was not sent. Type status to see your applications.
apply-refused = Thank you for applying to { $programme } as a { $role }, and for the time you took.
    { $reasons }
    We're sorry we can't offer you a place this time.
apply-correct-within = If one of your answers was a mistake, type apply within the next { $hours } hours to correct it.
apply-submitted-review = Thank you! Your application to { $programme } as a { $role } has been submitted.
    { $submitted }
    Type status at any time to see where it stands.
apply-accepted = Thank you! Your application to { $programme } as a { $role } has been submitted, and it meets the programme's criteria: you're accepted!
apply-ready = { " " }You're ready to be matched; we'll be in touch when we have a match for you.
apply-steps-remain = Before we can match you, a few steps remain:
apply-steps-status = Type status at any time to see your progress.

## Refused by the rules.

apply-again-by = You're welcome to apply again once that changes: by { $date } at the latest.
apply-again-any-time = You're welcome to apply again at any time.
apply-again-from = You're welcome to apply again from { $date }.
apply-early-refusal = Thank you for being honest. I'd rather tell you now than after the other questions:
    { $reasons }
apply-early-refusal-choice = If that answer was a mistake, just send the right one now. If it's right, you can type cancel to stop here, or keep to finish the application anyway (it won't be able to go ahead).
apply-applied-before = You applied to { $programme } on { $date }, and we couldn't offer you a place then.
apply-look-again = { $applied } To look at that application again, type apply { $slug }.
apply-never-again = { $applied } I'm sorry: it isn't possible to apply again.
apply-reopened = Let's look at your application to { $programme } again. It couldn't go ahead because:
    { $reasons }
    If one of your answers was a mistake, change it now: send the right answer, or type keep if it was right. You'll see all your answers before you send them again.
apply-reopened-rules = the programme's rules
apply-welcome-back-reopened = Welcome back to { $programme }! Your answers from last time are filled in: check them as we go, and change what has changed. You'll see all your answers before you send them.

## A pre-match step the applicant reads and acknowledges (flows::prompts).

ack-prompt = { $step } — { $programme }

    { $text }

    When you have read it, reply “I agree” to confirm.
ack-retry = Please reply “I agree” once you have read it. If something is unclear, ask your coordinator.
ack-recorded = Thank you, that's recorded.

## `withdraw` (flows::withdraw).

withdraw-none-to = You have no application to `{ $programme }` that can be withdrawn.
withdraw-none = You have no application that can be withdrawn.
withdraw-which = Which application? Type withdraw followed by the programme: { $programmes }.
withdraw-matched = You're in an active match with { $partner }. To end it, please write to the programme team (type ask the team followed by your message), who will close it with care for you both.
withdraw-confirm = Do you really want to withdraw your application to { $programme } as a { $role }? Coordinators will no longer consider it, and you would need to apply again.
withdraw-too-late = That application can no longer be withdrawn.
withdraw-kept = Good: your application stays as it is.
withdraw-done = Your application to { $programme } was withdrawn. Thank you for your interest; you're welcome to apply again whenever you like.
withdraw-partner-left = An update on your match: { $name } has left the programme, so the match with them can't go ahead. This is no reflection on you; we're already looking for another match for you.
