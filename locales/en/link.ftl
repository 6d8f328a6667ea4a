# Linked accounts: one person on Matrix and on Discord (flows::link).

link-usage = To link your Matrix and Discord accounts, type link on one of them: I'll give you a code to send from the other, as link followed by the code. To undo it, type unlink.
link-only-between = Linking accounts works between Matrix and Discord.
link-already = Your { $platform } account ({ $id }) and your { $other } account ({ $other_id }) are linked: to me they are one person, with one set of applications and matches. I answer you where you write, and write to you first where you last wrote to me. To undo it, type unlink.
link-no-code = I couldn't make a code just now; please try again in a moment.
link-code = Your code is { $code }. Within { $minutes } minutes, send me link { $code } in a DM from your { $other } account. That account will then be you too: the same applications, matches and surveys, whichever you write from. Don't give this code to anyone else: it would give their account your place in the programme.
link-suspended = This account can't be linked while it is suspended from the programmes.
link-staff = This account can't be linked: the programme's settings name it for its staff role, so it stays on its own.
link-own-code = That's this account's own code: send link { $code } from your account on { $other }.
link-same-platform = That code was made on another { $platform } account. Linking puts together one Matrix account and one Discord account: type link on your account on the other platform.
link-linked-already = This account is already linked to your { $other } account. Type unlink first to link another.
link-issuer-linked = The { $platform } account that made this code is already linked to another account: it has to type unlink first.
link-has-application = This account already has an application with me, so it has to be the one that gives the code: type link here, and send link with the new code from your { $platform } account. (Two accounts that have both applied can't be linked.)
link-done = Done: this { $platform } account and your { $other } account ({ $other_id }) are linked. Whichever you write from, I'll know it's you: the same applications, matches and surveys. I answer you where you write, and write to you first where you last wrote to me. If you didn't mean to do this, type unlink.
link-done-told = Your { $platform } account ({ $id }) is now linked to this one: to me you are one person on both. If that wasn't you, type unlink now, and tell the programme's coordinators.
link-not-linked = This account isn't linked to another one. To link it, type link.
link-pair-room = Your match with { $partner } has its pair room on { $other }, where this link puts you: unlinking would leave you outside it. You can unlink once the match has ended.
link-kept = Your applications, matches and surveys stay with your { $platform } account ({ $id }); the { $other } account starts afresh.
link-unlinked = Unlinked: your { $platform } and { $other } accounts are two again. { $kept }
link-unlinked-told = Your { $platform } account ({ $id }) unlinked itself from this one. { $kept }
link-code-invalid = That code doesn't work: it may be mistyped, or no longer valid. A code to link your accounts lasts { $minutes } minutes: type link on your other account for a new one. A code for an application the coordinators entered for you lasts { $days } days: they can give you a new one.
