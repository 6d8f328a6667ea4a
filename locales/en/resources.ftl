# Resources: what a participant should read or watch, by stage (flows::resources), and
# the coordinators' list of who has read them.

resource-stage-orientation = orientation
resource-stage-training = training
resource-stage-first-month = the first month
resource-stage-midpoint = the midpoint
resource-stage-closure = closing

resource-line = { $n }. { $title } — { $where }
resource-line-read = ✓ { $n }. { $title } — { $where }
resource-file = a file: type resources { $n } and I'll send it
resource-menu = ✓ I've read…
resource-menu-option = { $n }. { $title }

resources-not-applied = Resources come with a programme: once you apply (type apply), I'll list what to read or watch at each stage.
resources-none = Your programme has no resources listed yet. If you're looking for something, type ask the team followed by your question.
resources-none-now = Nothing to read for now ({ $stage }): you've read everything for this stage. Type resources all to see every one.
resources-header = To read or watch now ({ $stage }):
resources-all-header = Every resource for you:
resources-footer = When you've read one, tell me: done { $n } (with its number).
resources-footer-all-read = You've read all of these. Thank you!
resources-all-hint = Type resources all for every resource of your programme, or resources and a number for one of them.
resource-read-on = You read this on { $date }.
resource-done-hint = When you've read it, type done { $n }.
resource-unknown = I can't find resource “{ $typed }”. Yours are numbered { $numbers }: type resources to see them.
resource-already-read = You already marked “{ $title }” as read, on { $date }.
resource-marked = Thank you: “{ $title }” is marked as read.
resource-file-missing = Sorry, I couldn't find that file just now. Please type ask the team followed by a message, and a coordinator will send it to you.
resource-for-pair = 📚 { $title } — { $where }
    Each of you: once you've read it, type resources in a direct message to me to mark it read.
resource-file-by-dm = a file I'll send each of you: type resources in a direct message to me

## The coordinators' list (`resources` in their room).

resources-progress-unloaded = I couldn't load who has read the resources; please try again.
resources-progress-none = { $programme } has no resources: list them under [[resources]] in its programme file.
resources-progress-header = Resources of { $programme }: who has read each (of those it is for by now).
resources-progress-line = { $n }. { $title } ({ $stage }): read by { $read } of { $due }.
resources-progress-line-nobody = { $n }. { $title } ({ $stage }): nobody has reached this stage yet.
resources-progress-not-yet = { "   " }Not yet: { $names }
resources-progress-more = { $names } and { $count } more
