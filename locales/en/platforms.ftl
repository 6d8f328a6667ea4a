# What the chat adapters say themselves (platforms::discord, platforms::matrix), to the
# person whose press, command or message they could not use, in that person's language.
# Commands stay as typed.

## Discord's own controls (slash commands, buttons, forms).

platform-unknown-command = I don't know that command any more. Type /help to see what I can do.
# $command: the slash command's name; $channel: the channel, as a Discord mention.
platform-use-in-coordinators = Use /{ $command } in the coordinators' channel, { $channel }.
platform-use-in-moderators = Use /{ $command } in the moderators' channel, { $channel }.
platform-no-coordinators-channel = This server has no coordinators' channel configured for Tandem.
platform-no-moderators-channel = This server has no moderators' channel configured for Tandem.
platform-report-unseen = I could not see that message. Please type /report instead.
platform-report-own-slash = That is your own message. To report something else, type /report.
platform-button-unused = This button is no longer in use.
platform-form-unused = This form is no longer in use.
platform-not-yours = This question is for someone else, so I did not take your answer.
platform-already-answered = This question was already answered.
platform-nothing-picked = Nothing was picked, so nothing was done.
platform-nothing-written = Nothing was written, so nothing was done.
platform-noting-answer = Thanks: I'm noting your answer and will confirm it by direct message.
platform-no-dm = I could not send you a direct message. Please allow direct messages from members of this server (Privacy Settings), then try again.
platform-answered-in-dm = I've answered in our direct messages.

## Messages the bot could not read.

platform-only-text = I can only read text messages and files. Please type your answer.
platform-edited = I saw that you edited a message, but I take answers as first sent. To change an answer, type back (or edit <number> when reviewing your application).
platform-undecryptable = I could not decrypt your last message (my keys for it have not arrived). Please send it again.
platform-report-own = That is your own message. To report something else, type report here.

## Matrix: a "direct message" with someone else in it.

platform-shared-dm = This room has other people in it, so I don't treat it as our private chat. I've opened a direct message with you: please write to me there.
platform-moved-dm = Here we can talk privately. What you wrote in the shared room was not used: please send it again here.
# The reason shown to a pair room when the moderators remove someone from it.
platform-removed = Removed by the programme's moderators
