# Outcomes after closure (`[outcomes]`): the follow-ups' words to participants and the
# coordinators' `outcomes` report (src/flows/outcomes.rs, src/domain/outcomes/said.rs).

# Under a follow-up's opening and reminder.
outcomes-how-to-stop = This is a short follow-up after your mentoring. Type no more if you would rather not be asked again.
outcomes-declined = Understood: { $programme } will not ask you again how things are going. Thank you for your time in the programme.

# What a refused coordinator may not do (after "Only coordinators may ...").
outcomes-coordinators-only = see the programme's outcomes
outcomes-off = { $programme } does not follow outcomes after closure: an [outcomes] section in its programme file turns them on.
outcomes-unloaded = The outcomes could not be loaded. Please try again.

# The report. $minimum: the anonymity minimum.
outcomes-header = Outcomes of { $programme }: the change from what participants said when they applied. No group of fewer than { $minimum } is shown.
outcomes-follow-up = { $follow_up } after the match closed: { $count ->
    [one] { $n } answer
   *[other] { $n } answers
}
outcomes-follow-up-too-few = { $follow_up } after the match closed: too few to show ({ $n } so far; shown from { $minimum }).
outcomes-everyone = Everyone
outcomes-by-role = By role:
outcomes-role-mentee = mentees
outcomes-role-mentor = mentors
outcomes-by-cohort = By cohort (the quarter the match started):
outcomes-by-method = By how the pair was matched:
outcomes-by-length = By how long the match lasted:
outcomes-by-check-ins = By staff check-ins:
outcomes-by-meetings = By meetings logged:
# $figures: each indicator's change, separated by semicolons.
outcomes-group = { $group } ({ $n }): { $figures }
outcomes-group-all = { $group }: everyone, as above
outcomes-group-too-few = { $group }: too few to show
outcomes-group-with-small = { $group }: not shown, as it would give away a group too small to show
outcomes-indicator-hidden = { $indicator } too few to show
# A number or scale: the average at application and now, and the change (+0.8).
outcomes-mean = { $indicator } { $before } → { $after } ({ $change })
# A choice: each option's share at application and now.
outcomes-shares = { $indicator }: { $shares }
outcomes-share = { $option } { $before } → { $after }

outcomes-method-coordinator = chosen by a coordinator
outcomes-method-algorithm = proposed by the matching engine
outcomes-method-mentee-choice = chosen by the mentee
outcomes-length-under-3-months = under 3 months
outcomes-length-3-to-6-months = 3 to 6 months
outcomes-length-6-months-or-more = 6 months or more
outcomes-check-ins-kept = check-ins kept
outcomes-check-ins-missed = a check-in missed
outcomes-check-ins-not-planned = no check-ins planned
outcomes-meetings-none = no meetings
outcomes-meetings-1-to-3 = 1 to 3 meetings
outcomes-meetings-4-or-more = 4 or more meetings

staff-help-does-outcome-report = the programme's outcomes after closure: the change from the baseline at application, by cohort, matching method, match length and practice
