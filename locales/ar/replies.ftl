# ردود على رسالة لا تذهب إلى أي مكان آخر (flows::decide).

reply-too-long = هذه الرسالة طويلة جدًا بالنسبة لي ({ $length } حرفًا). اجعل رسائلك أقل من { $max } حرف من فضلك.
reply-finish-then-report-message = لننهِ ما كنا نفعله أولًا (أو اكتب cancel)؛ ثم أبلغ عن الرسالة مرة أخرى.
reply-files-not-kept = لا أحتفظ إلا بالملفات المرسلة كدليل في بلاغ (اكتب report لبدء بلاغ)، لذا لم أحتفظ بهذا الملف.
reply-picked-nothing-open = لم يعد ذلك السؤال مفتوحًا: ليس لديك طلب قيد الإعداد. اكتب apply لبدء طلب، أو help لترى ما يمكنني فعله.
reply-pair-room-only = “{ $typed }” يعمل في غرفة الثنائي، لكليكما: اكتب { $prefix } { $typed } هناك.
reply-events-elsewhere = أوامر الفعاليات تعمل في غرفة المنسقين: اكتب هناك { $prefix } متبوعًا بالأمر.
reply-coordinators-elsewhere = أوامر المنسقين تعمل في غرفة المنسقين، بجانب بطاقات الطلبات: اكتب هناك { $prefix } متبوعًا بالأمر.
reply-nothing-to-cancel = لا يوجد ما يُلغى: ليس لديك طلب قيد الإعداد.
reply-nothing-to-stop = لا يوجد ما يُوقف: لسنا في منتصف أي شيء. اكتب help لترى ما يمكنني فعله.
reply-no-application = ليس لديك طلب قيد الإعداد. اكتب apply لبدء طلب.
reply-no-offer = لا يوجد عرض مطابقة ينتظر ردك (تم الرد عليه أو سُحب أو انتهت مدته). اكتب status لترى أين أنت.
reply-sent-dm = { $user }، أرسلت إليك رسالة خاصة.
reply-finish-then-close = لننهِ ما كنا نفعله أولًا؛ ثم اكتب close match هنا.
reply-exports-elsewhere = التصدير يعمل في غرفة المنسقين.
reply-finish-then-report = لننهِ هذا أولًا (أو اكتب cancel)، ثم اكتب report هنا مرة أخرى:
reply-finish-first = لننهِ ما كنا نفعله أولًا: أجب عن رسالتي الأخيرة هنا من فضلك.
reply-announcements-elsewhere = الإعلانات تعمل في غرفة المنسقين.
reply-broadcasts-elsewhere = الرسائل الجماعية تعمل في غرفة المنسقين.
reply-answer-in-dm = { $user }، أجبني في رسائلنا الخاصة من فضلك: هناك طلبك.

# شيء طُلب في منتصف محادثة (flows::escape).
escape-action-waiting = لديك إجراء ينتظر: اكتب { $prefix } confirm أو { $prefix } cancel في { $room }.
escape-here-again = أنت في منتصف أمر ما؛ ها هو مرة أخرى (اكتب stop لتركه):
escape-stays-open = يبقى هذا مفتوحًا حتى تجيب عنه (ما زال بإمكانك كتابة report أو help أو delete my data في أي وقت):
escape-link-later = لننهِ هذا أولًا (أو اكتب stop): يُربط الحساب وليس عليه شيء مفتوح. ثم أرسل link مع رمزك مرة أخرى.
escape-finish-first = لننهِ هذا أولًا (أو اكتب cancel)، ثم سأساعدك في ذلك:
escape-back = والآن، لنعد إلى حيث كنا:

## سؤال فريق البرنامج (flows::team): `ask the team` في رسالة مباشرة، و`reply Q4` من منسق
## في غرفة المنسقين.

team-ask-usage = ماذا تود أن تسأل؟ اكتب ask the team متبوعًا بسؤالك، مثلًا: ask the team متى اللقاء القادم؟
team-question-long = يرجى أن يكون سؤالك أقل من { $max } حرف (فيه { $count }).
team-none = عذرًا، لا يوجد فريق برنامج يمكن مراسلته هنا بعد. يرجى المحاولة لاحقًا.
team-sent = أُرسل إلى فريق البرنامج؛ وسيصلك ردهم هنا.
team-answer = يجيب فريق البرنامج عن سؤالك «{ $question }»: { $answer }
team-reply-usage = الاستخدام: reply Q4 <إجابتك> (الرقم مذكور في بطاقة السؤال).
team-card = السؤال { $label } من { $who }: { $text } — رُدّ هنا: reply { $label } <إجابتك>
team-room = الردود على الأسئلة تعمل في غرفة المنسقين فقط.
team-no-question = لا يوجد سؤال { $label }.
team-answer-long = يرجى أن تكون الإجابة أقل من { $max } حرف (فيها { $count }): تُرسل إلى الشخص كرسالة.
team-answered = أُرسلت الإجابة عن { $label } إلى { $who }.
team-answered-again = أُرسلت الإجابة عن { $label } إلى { $who }. كان قد أُجيب عنه من قبل، من { $by } في { $on }.
