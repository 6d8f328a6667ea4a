# The coordinators' figures: the programme report (`report` in the coordinators' room,
# domain::figures) and a survey's results (`survey results`, domain::survey), and the
# audiences a survey or a broadcast goes to.
# In a figure, $count chooses the plural form and $n is the same number as the reader's
# language writes it (1,234); English needs no plural for some, other languages do. Programmes', surveys', questions' and options' names are the
# programme's own, in the reader's language where its file translates them. Averages are
# written to a tenth (3.5), NPS scores with their sign (+20).

## The programme report (domain::figures).

# $programme: the programme's name; $date: the day of the figures.
figures-report = Programme report: { $programme } ({ $date })
# Each of $applied, $accepted, $matched, $completed: the figures-funnel-* message below.
figures-funnel = Funnel: { $applied } → { $accepted } → { $matched } → { $completed }
figures-funnel-applied = { $count ->
   *[other] { $n } applied
}
figures-funnel-accepted = { $count ->
   *[other] { $n } accepted
}
figures-funnel-matched = { $count ->
   *[other] { $n } matched
}
figures-funnel-completed = { $count ->
   *[other] { $n } completed
}
# One role's applications by stage. $role: mentor or mentee; $stages: figures-stage-*.
figures-role = { $role ->
    [mentor] Mentors
   *[mentee] Mentees
}: { $stages }
figures-stage-submitted = { $count ->
   *[other] { $n } submitted
}
figures-stage-needs-review = { $count ->
   *[other] { $n } needs review
}
figures-stage-info-requested = { $count ->
   *[other] { $n } info requested
}
figures-stage-waitlisted = { $count ->
   *[other] { $n } waitlisted
}
figures-stage-approved = { $count ->
   *[other] { $n } approved
}
figures-stage-ready = { $count ->
   *[other] { $n } ready
}
figures-stage-offered = { $count ->
   *[other] { $n } offered
}
figures-stage-matched = { $count ->
   *[other] { $n } matched
}
figures-stage-resting = { $count ->
   *[other] { $n } resting
}
figures-stage-ineligible = { $count ->
   *[other] { $n } not eligible
}
figures-stage-rejected = { $count ->
   *[other] { $n } rejected
}
figures-stage-withdrawn = { $count ->
   *[other] { $n } withdrawn
}
# $sources: figures-source-*, the most first.
figures-sources = Applications by source: { $sources }
# Typed apply with no source.
figures-source-direct = { $count ->
   *[other] { $n } direct
}
# From an Apply card.
figures-source-announcement = { $count ->
   *[other] { $n } announcement
}
# From a broadcast to alumni.
figures-source-alumni = { $count ->
   *[other] { $n } alumni
}
# Entered by a coordinator for someone (assist apply).
figures-source-assisted = { $count ->
   *[other] { $n } assisted
}
# $code: the referral code, as given.
figures-source-referral = { $count ->
   *[other] { $n } referral { $code }
}
# $source: a source Tandem has no words for, as stored.
figures-source-other = { $count ->
   *[other] { $n } { $source }
}
figures-matches-none = Matches: none yet.
# $statuses: figures-match-*.
figures-matches = Matches: { $statuses }
# $closures: figures-closure-*.
figures-matches-closed = Matches: { $statuses } (closed: { $closures })
figures-match-proposed = { $count ->
   *[other] { $n } proposed
}
figures-match-approved = { $count ->
   *[other] { $n } approved
}
figures-match-active = { $count ->
   *[other] { $n } active
}
figures-match-rejected = { $count ->
   *[other] { $n } rejected
}
figures-match-declined = { $count ->
   *[other] { $n } declined
}
figures-match-expired = { $count ->
   *[other] { $n } expired
}
figures-match-closed = { $count ->
   *[other] { $n } closed
}
figures-closure-planned = { $count ->
   *[other] { $n } planned
}
figures-closure-early = { $count ->
   *[other] { $n } early
}
figures-closure-disciplinary = { $count ->
   *[other] { $n } disciplinary
}
# $days: the average, to a tenth of a day.
figures-days-to-match = Average time from application to match: { $days } days.
# $answers: figures-check-in-*.
figures-check-ins = Check-in answers: { $answers }
figures-check-in-met = { $count ->
   *[other] { $n } met
}
figures-check-in-not-yet = { $count ->
   *[other] { $n } not yet
}
figures-check-in-stuck = { $count ->
   *[other] { $n } stuck
}
# $answer: an answer Tandem has no words for, as stored.
figures-check-in-other = { $count ->
   *[other] { $n } { $answer }
}
# $held: the meetings logged as held; $time: how long they came to (2h 30m).
figures-meetings = Meetings logged: { $held } ({ $time }).
# $count and $n: the active pairs; $reached: those of them that met the programme's
# commitment in the last 30 days; $commitment: the time a month it asks (2h).
figures-meetings-commitment = Meetings logged: { $held } ({ $time }); { $count ->
    [one] { $reached } of { $n } active pair met
   *[other] { $reached } of { $n } active pairs met
} the { $commitment } a month the programme asks in the last 30 days.
# A survey in the report. $survey: its title; $count and $n: its answers.
figures-survey = { $survey }: { $count ->
    [one] { $n } answer
   *[other] { $n } answers
}
# $figures: figures-headline-* of its questions, joined by " · ".
figures-survey-with = { $survey }: { $count ->
    [one] { $n } answer
   *[other] { $n } answers
}; { $figures }

## A survey's results (domain::survey, `survey results`).

# $survey: its title; $programme: the programme's name; $count and $n: the answers;
# $invited: how many were asked; $anonymous: yes or no.
figures-results = Survey results: { $survey } ({ $programme }), { $count ->
    [one] { $n } answer
   *[other] { $n } answers
} from { $invited } invited{ $anonymous ->
    [yes] , anonymous
   *[no] {""}
}.
# Too few answers to show anything. $survey: its title; $count and $n: its answers so
# far; $minimum: the programme's anonymity minimum.
figures-too-few = { $survey } has { $count ->
    [one] { $n } answer
   *[other] { $n } answers
} so far; results are shown from { $minimum } answers, so that nobody's answers can be picked out.
# A question: $question: its label; $count and $n: how many answered it.
figures-question = { $question } ({ $count ->
   *[other] { $n } answered
})
# $head: figures-question; $minimum: the anonymity minimum.
figures-question-hidden = { $head }: not shown, fewer than { $minimum } answers.
# $head: figures-question; $mean: the average point.
figures-question-average = { $head }: average { $mean }
# $head: figures-question; $score: the Net Promoter Score; $promoters, $passives,
# $detractors: figures-nps-*.
figures-question-nps = { $head }: NPS { $score } ({ $promoters }, { $passives }, { $detractors })
figures-nps-promoters = { $count ->
    [one] { $n } promoter
   *[other] { $n } promoters
}
figures-nps-passives = { $count ->
    [one] { $n } passive
   *[other] { $n } passives
}
figures-nps-detractors = { $count ->
    [one] { $n } detractor
   *[other] { $n } detractors
}
# $head: figures-question; $mean, $min, $max: numbers as answered.
figures-question-numbers = { $head }: average { $mean }, from { $min } to { $max }
# $text: a free-text answer, as written.
figures-quoted = “{ $text }”
# The breakdown by role. $role: mentor or mentee; $figures: figures-headline-* joined by " · ".
figures-by-role = { $role ->
    [mentor] mentors
   *[mentee] mentees
}: { $figures }
# $minimum: the anonymity minimum.
figures-no-breakdown = No breakdown by role: it is shown only when mentors and mentees each have at least { $minimum } answers.
# A question's one figure. $question: its label; $mean: its average.
figures-headline-mean = { $question } { $mean }
# $question: its label; $score: its Net Promoter Score.
figures-headline-nps = { $question } NPS { $score }

## Audiences (domain::survey::Audience): who a survey or a broadcast goes to.

# The words a coordinator types (all, mentors, mentees, matched, waiting, alumni, a month
# like 2027-01) stay as typed, with what each means.
audiences = all, mentors, mentees, matched (people in an active match), waiting (accepted or on the waiting list, not matched yet), alumni (whose match reached its planned end) or a cohort by the month their match began, like 2027-01
# $audience: what was typed; $audiences: the audiences message.
audience-unknown = I don't know the audience “{ $audience }”. Send to { $audiences }.
# Who an audience is, inside a sentence ("there are no … in Pathways").
audience-all = all participants
audience-mentors = mentors
audience-mentees = mentees
audience-matched = people in an active match
audience-waiting = people waiting to be matched
# $cohort: the month their matches began (2027-01).
audience-cohort = the { $cohort } cohort
audience-alumni = alumni
