# Reviewing applications (flows::review): what an applicant is told of a decision or a
# screening step, and the coordinators' side of the review commands. Commands stay as
# typed; a decision's recorded reason is stored as written.

## To the applicant.

review-accepted = Good news: your application to { $programme } as a { $role } has been accepted!
review-accepted-ready = Good news: your application to { $programme } as a { $role } has been accepted! You're ready to be matched; we'll be in touch when we have a match for you.
review-steps-remain = Before we can match you, a few steps remain:
review-status-hint = Type status at any time to see your progress.
review-ready = You've completed every step for { $programme }: you're ready to be matched! We'll be in touch when we have a match for you.
review-not-ready = An update on your place in { $programme }: { $steps } needs attention, so you're not in the matching pool for now. A coordinator will help you sort it out.
review-rejected =
    Thank you for applying to { $programme } as a { $role }. After reviewing your application, the coordinators are not able to offer you a place this time.
    Their note: { $reason }
    Thank you for your interest, and please don't let this discourage you.
review-waitlisted = Thank you for applying to { $programme } as a { $role }. Your application is on our waiting list: we'll be in touch as soon as a place opens. Type status at any time to see where you stand.
review-step-scheduled = Your { $step } for { $programme } is scheduled for { $when }. If that time doesn't suit you, reply here or contact the coordinators.
review-when = { $weekday } { $date }
review-when-time = { $weekday } { $date }, { $time } ({ $zone })
ready-mentor-profile = Mentees in this programme can choose their mentor: type profile to choose what they see of you (until it shows something, you are not listed).
ready-mentee-rank = Here you choose your mentor: type browse to see the mentors who have room, then rank the ones you'd like, your first choice first.
ready-mentee-choose = Here you choose your mentor: type browse to see the mentors who have room.
ready-mentee-mixed = You can wait for the coordinators to propose a mentor, or choose one yourself: type browse to see who has room.

## To the coordinators.

review-room = Coordinators' commands work only in the coordinators' room, so that applications are never shown anywhere else.
review-only-coordinators = Sorry { $who }, only the programme's coordinators can { $what }.
review-only-coordinators-here = Sorry { $who }, only the programme's coordinators can { $what }. This room is { $here }'s: work on another programme in its own coordinators' room.
review-no-application = There is no application A{ $id }. Type { $prefix } queue to see the applications waiting for review.
review-programme-gone = Application A{ $id } belongs to programme `{ $programme }`, which is no longer configured.
review-already-decided = Application A{ $id } was already decided: { $how }.
review-reason-long = Please keep the reason under { $max } characters (it has { $count }): it is sent to the applicant as a message.
review-question-long = Please keep the question under { $max } characters (it has { $count }): it is sent to the applicant as a message.
review-note-long = Please keep the note under { $max } characters (it has { $count }).
review-approved-ready = Application A{ $id } ({ $name }, { $role }) approved by { $who }. The applicant has been told and is ready to be matched.
review-approved-steps = Application A{ $id } ({ $name }, { $role }) approved by { $who }. The applicant has been told; their screening steps are next.
review-rejected-posted = Application A{ $id } ({ $name }) rejected by { $who }; the applicant has been told, with the reason.
review-already-waitlisted = Application A{ $id } is already on the waiting list.
review-waitlisted-posted = Application A{ $id } ({ $name }) put on the waiting list by { $who }.
review-asked = Question sent to the applicant of A{ $id } ({ $name }). Their answer will be posted here.
review-noted = Note added to A{ $id } ({ $name }); only the coordinators see it, on its card (show A{ $id }).
review-step-ambiguous = `{ $name }` could be several steps of A{ $id }: { $labels }. Name one of them.
review-step-unknown = Application A{ $id } ({ $role }) has no step `{ $step }`; this role has no screening steps.
review-step-unknown-list = Application A{ $id } ({ $role }) has no step `{ $step }`; its steps are: { $steps }.
review-step-not-approved = Application A{ $id } is not approved yet ({ $status }): screening steps are recorded once it is approved.
review-step-recorded = Recorded for A{ $id } ({ $name }): { $step } — { $state }.
review-told-when = { $name } has been told when.
review-ack-again = { $step } is sent to { $name } again to acknowledge.
review-check-failed = A{ $id } ({ $name }) cannot be matched while their background check is not cleared. Consider whether to reject the application.
review-now-ready = A{ $id } ({ $name }) has completed every screening step and is ready to be matched.
review-no-longer-ready = A{ $id } ({ $name }) is no longer ready to be matched: { $steps } not complete.
review-in-the-past = { $date } is in the past; give the date the interview will take place.

## How to type each review command.

review-usage-show = Usage: show <application number>, for example: show A12
review-usage-approve = Usage: approve <application number>, for example: approve A12
review-usage-waitlist = Usage: waitlist <application number>, for example: waitlist A12
review-usage-reject = Usage: reject <application number> <reason, which is sent to the applicant>, for example: reject A12 We are looking for mentors with at least three years of experience.
review-usage-ask = Usage: ask <application number> <question>, for example: ask A12 Which evenings are you free?
review-usage-note = Usage: note <application number> <text, seen only by the coordinators>, for example: note A8 Prefers evening calls; met her at the open day.
review-usage-step = Usage: step <application number(s)> <step> <update>, for example: step A12 interview done, step A12 interview scheduled Wed 20 Jan 18:00, step A12 background check cleared until 30/06/2029, step A6, A7 and A9 training done

## What only a programme's coordinators can do: the end of "Sorry …, only the programme's
## coordinators can …" (review-only-coordinators). The audit log keeps the English.

coordinators-can-use = use `{ $verb }`
coordinators-can-verb-in = { $verb ->
    [approve] approve applications to { $programme }
    [reject] reject applications to { $programme }
    [ask] ask applications to { $programme }
    [waitlist] waitlist applications to { $programme }
    [note] note applications to { $programme }
    [step] step applications to { $programme }
    [show] show applications to { $programme }
   *[other] { $verb } applications to { $programme }
}
coordinators-can-list-matches = list matches
coordinators-can-see-match = see match { $match }
coordinators-can-look-up = look people up
coordinators-can-assist = enter an application for someone
coordinators-can-assist-in = work on assisted applications to { $programme }
coordinators-can-match = match people
coordinators-can-match-in = match people in { $programme }
coordinators-can-report = see the programme report
coordinators-can-export = export the programme's records
coordinators-can-broadcast = broadcast to a programme
coordinators-can-see-reads = see who read the resources
coordinators-can-announce = announce a programme
coordinators-can-close = close a match
coordinators-can-check-ins = work with staff check-ins
coordinators-can-match-check-ins = work with match { $match }'s check-ins
coordinators-can-see-surveys = see the surveys
coordinators-can-surveys = send surveys or see their results
coordinators-can-pause = pause or resume a match
coordinators-can-answer = answer question { $label }
coordinators-can-confirm = confirm an action
