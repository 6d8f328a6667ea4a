# A private incident report (flows::incident::report): the questions and what is said
# while it is written. Its summary and the moderators' side are not here yet.

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
