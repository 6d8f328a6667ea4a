# A programme's pair-room safety policy (src/domain/safety; `[safety]` in its file): the
# kind, private reminder its sender gets when a message of theirs is flagged (once per
# kind a day), what each kind is called on the coordinators' flag card, and the card.
# $programme: the programme's name.

safety-reminder-phone = A gentle reminder from { $programme }: for everyone's safety, please keep phone numbers out of your messages and keep talking here, on the programme's channels. Thank you!
safety-reminder-email = A gentle reminder from { $programme }: for everyone's safety, please keep e-mail addresses out of your messages and keep talking here, on the programme's channels. Thank you!
safety-reminder-social = A gentle reminder from { $programme }: for everyone's safety, the programme's conversations stay here, not on other apps or social networks. Please don't share handles or invite your partner elsewhere. Thank you!
safety-reminder-photos = A gentle reminder from { $programme }: for everyone's safety, please don't ask for photos of each other. Thank you!
safety-reminder-secrecy = A gentle reminder from { $programme }: conversations in the programme are never secret from the programme's staff, and nobody should be asked to keep one from their family or staff. Thank you!
safety-reminder-keywords = A gentle reminder from { $programme }: please keep to the programme's safety policy in your messages. A coordinator may be in touch. Thank you!
safety-reminder-night = A gentle reminder from { $programme }: please keep messages to daytime hours in your partner's time zone. Thank you!

# The policy in a sentence, for the pair room's first message and the application's consent.
safety-policy-said = { $programme } looks after its pair rooms: messages that share contact details, move the conversation to another app, ask for photos or for secrecy, or are sent at night are shown to the coordinators (only a few words around what was found).

## On the coordinators' flag card.

safety-kind-phone = a phone number
safety-kind-email = an e-mail address
safety-kind-social = another app or social network
safety-kind-photos = a request for photos
safety-kind-secrecy = a request for secrecy
safety-kind-keywords = one of the programme's keywords
safety-kind-night = a message at night
# $flag: the flag's number; $match: the match's (M7); $sender: who sent it; $kind: a
# safety-kind-*; $time: when, in the coordinators' zone; $excerpt: a few words around it.
safety-card = Safety flag { $flag } in match { $match }: { $kind } from { $sender }, { $time }.
safety-card-excerpt = “{ $excerpt }”
safety-action-dismiss = Dismiss
safety-action-note = Note
safety-action-case = Open a case

# A reason a match is at risk (with the other reasons of health-at-risk).
health-risk-safety = { $count ->
    [one] 1 safety flag in 30 days
   *[other] { $count } safety flags in 30 days
}
