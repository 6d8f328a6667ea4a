# The staff commands' subcommands and their options on Discord (platforms::discord,
# render/staff_commands.rs): `slash-<command>-<sub>-about` a subcommand's description,
# `slash-<command>-<sub>-<option>` an option's, `slash-option-<option>` an option's name
# (lower-case letters, digits, - or _, at most 32); a description at most 100 characters.

slash-coordinate-queue-about = The applications waiting for review
slash-coordinate-show-about = Show an application
slash-coordinate-show-application = The application (A3)
slash-coordinate-approve-about = Approve an application
slash-coordinate-approve-application = The application (A3)
slash-coordinate-reject-about = Decline an application, saying why
slash-coordinate-reject-application = The application (A3)
slash-coordinate-reject-reason = Why (the applicant is told)
slash-coordinate-note-about = Add a staff note to an application
slash-coordinate-note-application = The application (A3)
slash-coordinate-note-text = The note (staff only)
slash-coordinate-match-approve-about = Approve a proposed match
slash-coordinate-match-approve-match = The proposed match (P3)
slash-coordinate-match-reject-about = Reject a proposed match
slash-coordinate-match-reject-match = The proposed match (P3)
slash-coordinate-match-reject-reason = Why (staff only)
slash-coordinate-run-about = Any other command, as you would type it after !tandem (try: help)
slash-coordinate-run-command = The command, as you would type it after !tandem (try: help)
slash-moderate-cases-about = The open cases
slash-moderate-show-about = Show a case
slash-moderate-show-case = The case
slash-moderate-claim-about = Take on a case
slash-moderate-claim-case = The case
slash-moderate-note-about = Add a note to a case
slash-moderate-note-case = The case
slash-moderate-note-text = The note (staff only)
slash-moderate-run-about = Any other command, as you would type it after !tandem (try: help)
slash-moderate-run-command = The command, as you would type it after !tandem (try: help)
slash-option-application = application
slash-option-match = match
slash-option-case = case
slash-option-reason = reason
slash-option-text = text
