# A mentee browsing mentors and asking one (flows::choice): browse, request, rank. A
# mentor's profile lines and why they fit are the mentor's and the programme's words.

choose-never = In this community's programmes the coordinators propose each match, so there are no mentors to browse and no profiles to set: you'll hear from us when there is a match for you. Type status to see where you stand.
choose-elsewhere = Profiles, browsing and requests are for participants of the programmes where mentees choose their mentor ({ $programmes }), once they have applied. Type apply to start an application.
browse-matched = You're already matched with { $mentor } in { $programme }.
browse-asked-coordinators = You've asked { $mentor } already; the coordinators are looking at your request. You can ask someone else if it doesn't go ahead.
browse-asked-waiting = You've asked { $mentor } already, and we're waiting for their answer. You can ask someone else if they decline.
browse-asked-waiting-until = You've asked { $mentor } already, and we're waiting for their answer (at the latest by { $date }). You can ask someone else if they decline.
browse-preparing = The coordinators are preparing a match for you, so you can't ask a mentor yourself just now; you'll hear from us soon.
browse-offer-waiting = You have a match with { $mentor } waiting for answers; type status to see it.
browse-not-ready = You can browse mentors in { $programme } once your application is ready to be matched. Type status to see where it stands.
browse-mentor = Browsing and requests are for mentees: in { $programme } they look through the mentors and ask one. What they see of you is your profile (type profile).
browse-unavailable = Browsing is not available right now: { $why }
browse-no-criterion = the programme's rules allow it, though no criterion is in common
browse-none = No mentor has room in { $programme } right now.
browse-none-mentioning = No mentor whose profile mentions { $words } has room in { $programme } right now.
browse-none-see-all = Type browse to see them all.
browse-none-engine = The coordinators will propose a match for you as soon as one fits.
browse-none-wait = Mentors' places free up as matches end; try again in a few days.
browse-no-page = There { $pages ->
        [one] is only 1 page
       *[other] are only { $pages } pages
    } of mentors. Type browse to start from the first.
browse-no-page-mentioning = There { $pages ->
        [one] is only 1 page
       *[other] are only { $pages } pages
    } of mentors whose profile mentions { $words }. Type browse to start from the first.
browse-title = Mentors in { $programme } with room who fit you, best fit first ({ $range }):
browse-title-mentioning = Mentors in { $programme } with room who fit you whose profile mentions { $words }, best fit first ({ $range }):
browse-range-one = { $n } of { $total }
browse-range = { $from }–{ $to } of { $total }
browse-entry = { $id }. { $name } — fits you: { $why }
browse-how-rank = To ask them: rank <numbers> [a few words to them], your first choice first (up to { $max }); each is asked in turn. Like: rank { $example }
browse-how-request = To ask one of them: request <number> [a few words to them], like: request { $example }
browse-more = More: { $command }
browse-menu-rank = Choose up to { $max }: asked in the order listed
browse-menu-request = Ask one of them to be your mentor
browse-more-button = More mentors
request-one-at-a-time = In { $programme } you ask one mentor at a time: request <number>, like request { $example }. Nothing was sent.
request-too-many = You can rank up to { $max } mentors in { $programme }; you named { $count }. Nothing was sent.
request-twice = You named mentor { $mentor } twice; name each once, your first choice first. Nothing was sent.
request-note-too-long = Your note is { $count } characters long; please keep it to { $max }. Nothing was sent.
request-no-such = There is no mentor { $mentor } you can ask in { $programme } right now: they may have no place left, or not be listed. Type browse to see who you can ask. Nothing was sent.
request-no-such-choice = There is no mentor { $mentor } (your choice { $n }) you can ask in { $programme } right now: they may have no place left, or not be listed. Type browse to see who you can ask. Nothing was sent.
request-asked-first = I've asked { $mentor }, your first choice, to be your mentor. They have until { $date } to answer.
request-asked = I've asked { $mentor } to be your mentor. They have until { $date } to answer, and I'll tell you as soon as they do.
request-to-coordinators = Your request to { $mentor } goes to the coordinators first; once they approve it, { $mentor } is asked, and I'll tell you.
request-then = If they can't, I'll ask { $rest } in turn, and tell you as we go.
request-their-note = Their note to you: { $note }
request-then-list = { $first }, then { $rest }
request-passed-on = { $mentor } couldn't take you on, so I've asked your next choice, { $next }. They have until { $date } to answer.
request-passed-on-coordinators = { $mentor } couldn't take you on, so your request to your next choice, { $next }, goes to the coordinators first.
request-none-left = None of the mentors you ranked can take you on now. This is no reflection on you: type browse to see who has room, and rank again. The coordinators know, and may propose someone.

## How to type each command, and `profile`: what a participant shows the other side.

choice-profile-usage = Usage: profile · profile show <numbers, like 1 3> · profile show all · profile show none · profile bio <a few words about you> · profile hide
choice-browse-usage = Usage: browse · browse <words to look for> · browse <page number> (or: mentors)
choice-rank-usage = Usage: rank <the mentors' numbers, as browse shows them, your first choice first> [a few words to them], like: rank 12 15 9 I'd love help with my CV (a colon after the numbers when the words start with a number: rank 12 15: 2 calls a month)
choice-request-usage = Usage: request <the mentor's number, as browse shows it> [a few words to them], like: request 12 I'd love help with my CV
profile-not-a-number = “{ $word }” is not one of the numbers listed.
profile-no-such-answer = There is no answer number { $n }: the answers you can show are numbered 1 to { $max }. Nothing was changed. Type profile to see them.
profile-bio-long = Your bio is { $count } characters long; please keep it to { $max }. Nothing was changed.
profile-hidden = Your profile is hidden: { $means }. Type profile to show it again.
profile-unchanged = Nothing changed.
profile-saved = Saved.
profile-hidden-mentor = mentees don't see you when they browse
profile-hidden-mentee = a mentor you ask sees only your name, why you fit and your note
profile-empty = Your profile in { $programme } shows nothing yet, so { $means }.
profile-as-mentees-see = Your profile in { $programme }, as mentees see it:
profile-as-mentors-see = Your profile in { $programme }, as the mentors you ask see it:
profile-nothing-to-show = None of your answers can be shown; you can write a bio.
profile-answers = Your answers you can show (✓: shown):
profile-line = { $label }: { $answer }
profile-in-their-words = In their words: { $bio }
