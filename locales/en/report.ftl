# A private incident report (flows::incident::report): the questions and what is said
# while it is written, its evidence and its summary. The moderators' side is not here yet.

report-limit = You have sent { $count } reports in the last day; the moderation team will get to each of them. If someone is in danger now, please contact local emergency services; otherwise you can report again tomorrow.
report-start = I'm sorry something has happened. This report is private: only the moderation team sees it, and you can choose to stay anonymous to them. Type back to change an answer or cancel to stop at any time.
report-category = What would you like to report?
report-concerns = Who or what does it concern? A person's name, a pair or a room. If you'd rather not say, type skip.
report-about-staff = Does this concern a member of the moderation team? If it does, or if you'd rather not say, your report goes only to the programme's safeguarding lead, not to the moderators.
report-rather-not-say = I'd rather not say
report-what-happened = What happened? Take your time, and include when and where if you can.
report-what-happened-more = Here is what you wrote so far:
    “{ $kept }”
    Is there anything to add (when and where, if you can)? Type it, or type skip if that's all.
report-urgency = Is someone in danger now, or does this need attention today?
report-anonymity = Would you like to stay anonymous to the moderators? They can still ask you questions through me, without learning who you are.
report-anonymity-files = Would you like to stay anonymous to the moderators? They can still ask you questions through me, without learning who you are. (Your files go to them as they are, apart from a photo's hidden details: a screenshot that shows your name or picture will show it to them.)
report-send = Send this report?
report-discarded = Your report was discarded; nothing was sent. You can type report at any time.
report-first-step = This is the first step.
report-help = Answer the question below; type back to change the previous answer or cancel to stop.
report-kept = Thank you: I've kept what you wrote, and it will be part of your report. First, which of these is it closest to?
report-pick-category = Please answer with the number of one of the options.
report-concerns-empty = I didn't catch that. Type a name, a pair or a room, or skip.
report-concerns-long = Please keep this short (200 characters); the details come next.
report-yourself = You can't report yourself. If you need help, type ask the team followed by your message; if you are in danger, contact local emergency services.
report-about-staff-retry = Please answer yes, no, or 3 if you'd rather not say.
report-too-short = Please tell us a little more about what happened (at least a sentence).
report-too-long = Please keep it under { $max } characters (yours has { $count }); you can add more later if a moderator asks.
report-evidence-long = Please keep the evidence under { $max } characters: links or a short description are enough.
report-yes-or-no = Please answer yes or no.
report-confirm-retry = Please answer yes to send it, or no to discard it.

## The evidence step, and files sent to a report or to a moderator's question.

report-evidence-attached = I've attached the message you reported ({ $link }). Is there anything else that shows it, such as links to other messages, screenshots or a description?
report-evidence = Is there anything that shows it, such as links to messages, screenshots or a description?
report-evidence-files = You can send screenshots, photos or text files here (PNG, JPEG, WebP, GIF or plain text; up to { $files }, { $size } each); only the moderators can open them.
report-evidence-no-pictures = Please don't send pictures of a young person: describe them instead.
report-evidence-skip = Type skip if not.
report-evidence-so-far = So far: { $files }. Type done when that's everything.
report-files-later = I'll ask for screenshots and files at the evidence step: please send them then.
file-kept = Kept: { $files }.
file-too-large = “{ $name }” is too large ({ $size }): files can be up to { $limit }. It was not kept.
file-too-large-unmeasured = “{ $name }” is too large: files can be up to { $limit }. It was not kept.
file-failed = I couldn't fetch “{ $name }”. Please send it again.
file-uncleanable = I couldn't remove the hidden details from “{ $name }” (a photo can carry where and by whom it was taken), so I didn't keep it. A screenshot of it will work.
file-unsupported = I can't keep “{ $name }”: files of that kind can carry hidden details such as where and by whom they were made, and I can't remove them. A screenshot (PNG or JPEG) of it works.
file-too-many = I take up to { $max } files, so I didn't keep { $names }.

## The last look before sending, and a report added to an earlier one.

report-summary = Your report:
report-summary-what = • What: { $category }
report-summary-concerns = • Concerns: { $concerns }
report-summary-not-said = (not said)
report-summary-staff-yes = • About the moderation team: yes (only the safeguarding lead will see it)
report-summary-staff-no = • About the moderation team: no
report-summary-staff-rather-not = • About the moderation team: you'd rather not say (only the safeguarding lead will see it)
report-summary-happened = • What happened: { $text }
report-summary-evidence = • Evidence: { $evidence }
report-summary-none = (none)
report-summary-files = • Files: { $files }
report-summary-urgent = • Urgent: { $answer }
report-summary-anonymous = • Anonymous to moderators: { $answer }
report-added = You reported the same person a short while ago, so I've added this to your report, case #{ $case }. Thank you.

## What the moderators' work says to the reporter (flows::incident::cases).

case-received = Thank you. Your report is case #{ $case }. { $keeper ->
        [contact] As it may concern a member of the moderation team, only the programme's safeguarding lead
       *[team] The moderation team
    } will look at it { $priority ->
        [yes] as a priority
       *[no] soon
    }; if they have questions, they will ask you here, through me{ $anonymous ->
        [yes] , without learning who you are
       *[no] {""}
    }. If you are in danger now, please contact local emergency services.
case-closed-for-reporter =
    An update on your report (case #{ $case }) from the moderation team: we have looked into it and closed it.
    What we did: { $outcome }
    Thank you for telling us; it matters. If anything else happens, type report at any time.
case-question = The moderation team has a question about your report (case #{ $case }):
case-question-again = The moderation team's question about your report (case #{ $case }): “{ $question }”
case-reply-here = Please reply here; your answer goes only to the moderators.
case-answer-type = Please type your answer (up to 4,000 characters). The question was: “{ $question }”
case-answer-files-again = You can answer in words, or send the files again. The question was: “{ $question }”
case-answer-passed = Thank you; I've passed your answer to the moderation team.
case-answer-files-passed = Thank you; I've passed your answer and files to the moderation team.

## The kinds of report a reporter chooses from when the settings name none
## (domain::incident::default_categories), by their id. Categories the settings name
## keep the settings' words.

report-category-harassment = Harassment or bullying
report-category-safeguarding = A safeguarding concern about a young person
report-category-inappropriate-contact = Inappropriate contact
report-category-privacy = A privacy breach
report-category-spam = Spam or scams
report-category-other = Something else
