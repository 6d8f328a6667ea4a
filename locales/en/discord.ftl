# Discord's slash commands, as each language's clients show them (platforms::discord):
# `slash-<command>` its name, `slash-<command>-about` its description, `slash-option-<name>`
# an option's name and `slash-<command>-<option>` its description. A name is lower-case
# letters, digits, - or _ (at most 32); a description at most 100 characters.

slash-apply = apply
slash-apply-about = Apply to a mentoring programme (the questions come by DM)
slash-apply-programme = Which programme (leave empty to choose)
slash-apply-role = mentor or mentee (leave empty to choose)
slash-status = status
slash-status-about = Where your applications and matches stand
slash-help = help
slash-help-about = What Tandem can do for you
slash-report = report
slash-report-about = Report a concern privately to the moderators
slash-withdraw = withdraw
slash-withdraw-about = Take back an application
slash-withdraw-programme = Which programme
slash-pause = pause
slash-pause-about = Pause your match's reminders until a date
slash-pause-until = A date, e.g. 2027-01-10, 10 January or next Friday
slash-resume = resume
slash-resume-about = End a pause early
slash-link = link
slash-link-about = Be the same person here and on Matrix (the code comes by DM)
slash-link-code = The code you got on Matrix (leave empty to get one here)
slash-coordinate = coordinate
slash-coordinate-about = A coordinators' command (in the coordinators' channel)
slash-moderate = moderate
slash-moderate-about = A moderators' command (in the moderators' channel)
slash-option-programme = programme
slash-option-role = role
slash-option-until = until
slash-option-code = code
slash-option-command = command
