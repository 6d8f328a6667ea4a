# Assisted applications: a coordinator enters an application for someone without a chat
# account, who takes it over later with a code (flows::assist).

assist-usage = Write assist apply, then the programme if you coordinate several: I'll ask its questions in our direct messages, and you answer them for someone without a chat account. assist code, then the application (like A12), makes them a new code to take it over; assist delete, then the application, erases one they never took over.
assist-try-again = I couldn't prepare that just now; please try again in a moment.
assist-closed = { $programme } isn't taking applications now.
assist-busy = { $user }, please finish what's open in our direct messages first (or type cancel there), then type assist apply again.
assist-in-dm = { $user }, I've sent you a direct message: the application goes on there.
assist-started = You're entering an application to { $programme } for someone without a chat account. I'll ask its questions here: answer them as they would (read them out on the phone, or copy them from their paper form). Type cancel to stop.
assist-submitted = It is recorded as an assisted application, and reviewed like any other. I can't write to them until they join, so please tell them what is decided. To take it over, they send me link { $code } in a direct message from their own account, within { $days } days. (Type assist code with its number in the coordinators' room for a new code.)
assist-no-application = There is no application A{ $id }.
assist-not-assisted = A{ $id } is not waiting to be taken over: its applicant made it in chat, took it over already, or it was withdrawn.
assist-new-code = A new code for A{ $id } ({ $name }): { $code }. They send me link { $code } in a direct message from their own account, within { $days } days. The code they had before no longer works.
assist-code-sent = { $user }, I've sent you the new code for A{ $id } by direct message.
assist-claim-staff = A staff account can't take over an application: please use your own personal account, or ask the programme's coordinators.
assist-claim-suspended = This account can't take over an application while it is suspended from the programmes.
assist-claim-has-application = This account already has an application with me, so the one entered for you can't be added to it. Please tell the programme's coordinators: they can help.
assist-claimed = Welcome! The application to { $programmes } that was entered for you is now this account's. Type status to see where it stands; from now on I write to you here.
assist-joined = A{ $id } ({ $name }) has taken over their application from { $account }: I write to them there from now on.
assist-card = Assisted: entered by a coordinator for someone without a chat account. Nothing I send reaches them, and they are not matched, until they take it over with their code (assist code A{ $id } makes a new one).
assist-wrong-room = Assisted applications are entered from the coordinators' room.
assist-claim-held = This application can't be taken over from chat: please contact the programme's coordinators.
assist-deleted = A{ $id } ({ $name }) is deleted: its answers are erased, it is withdrawn from the programme, and its code no longer works.
assist-submitted-refused = I can't write to them: please tell them yourself. The application stays on record as refused by the rules.
assist-ask = A{ $id } ({ $name }) has no chat account yet, so I can't ask them: ask them yourself, and keep what they say with note A{ $id } <their answer>.
assist-entered = A{ $id } ({ $name }) is recorded as an assisted application: { $status }. assist code A{ $id } makes a new code for them to take it over; assist delete A{ $id } erases it.
