# ما يطرحه البوت من تلقاء نفسه (flows::prompts): سؤال المراجِع، والمتابعات، وعروض المطابقة.

prompt-question = لدى منسّق يراجع طلبك إلى { $programme } سؤال لك:

    «{ $question }»

    يُرجى الرد بإجابتك (حتى { $max } حرفًا).
prompt-type-answer = يُرجى كتابة إجابتك.
prompt-waiting-answer = طلبك بانتظار إجابتك عن هذا السؤال.
prompt-answer-first = لنُجب عن سؤال المنسّق أولًا.
prompt-no-answer = لم أتلقَّ إجابة.
prompt-answer-too-long = يُرجى أن تكون إجابتك أقل من { $max } حرفًا (في إجابتك { $chars }).
prompt-answer-passed = شكرًا! نقلت إجابتك إلى المنسقين. اكتب status في أي وقت لترى أين وصل طلبك.

checkin-ask = متابعة من { $programme } بشأن إرشادك مع { $partner }: { $text }
checkin-met = نعم، التقينا
checkin-not-yet = ليس بعد
checkin-stuck = نحن عالقون
checkin-closed = أُغلقت هذه المتابعة: مطابقتك لم تعد نشطة.
checkin-retry = يُرجى الإجابة بـ 1 أو 2 أو 3.
checkin-thanks-met = رائع، شكرًا لإخبارنا! استمرّا على ذلك.
checkin-thanks-not-yet = شكرًا لإخبارنا. تكفي مكالمة قصيرة: لمَ لا تقترح موعدين على { $partner } في غرفتكما؟
checkin-thanks-stuck = شكرًا لإخبارنا. سيتواصل معك أحد المنسقين قريبًا؛ ولتكتب إليهم بنفسك، اكتب ask the team متبوعًا برسالتك. وإن حدث ما يقلق، يمكنك أيضًا كتابة report لإخبار المشرفين بشكل خاص.

offer-proposed = أخبار سارّة من { $programme }: نودّ مطابقتك مع { $other } { $role ->
    [mentor] مرشدًا لك
   *[mentee] متدربًا لديك
}.
offer-asked = يودّ { $other }، وهو متدرب في { $programme }، أن تكون مرشده.
offer-introduction = ما يخبرك به عن نفسه:
    { $intro }
offer-in-common = ما يجمعكما:
offer-relay-decline = إن كنت تفضّل ألّا تفعل، فارفض: لن يعرف أحد غيرك السبب.
offer-accept = هل تودّ القبول؟
offer-accept-by = هل تودّ القبول؟ يُرجى الرد قبل { $date }.
offer-yes = قبول
offer-no = رفض
offer-closed = عرض المطابقة هذا لم يعد مفتوحًا (أُجيب عنه أو سُحب أو انتهت مدته). اكتب status لترى أين أنت.
offer-retry = يُرجى الإجابة بقبول أو رفض.
offer-request-approved = وافق المنسقون على طلبك إلى { $mentor }، وقد سُئل. ستعرف فور أن يجيب (في موعد أقصاه { $date }).
offer-waiting-other = شكرًا! ننتظر إجابة { $other }، وسنخبرك.
offer-matched = قبلتما كلاكما، أنت و{ $partner }: تمت مطابقتكما! { $room }
offer-room-relayed = أنشأت لك غرفة خاصة هنا على { $platform }، موصولة بغرفة لـ{ $partner } على { $other } (أنسخ كل رسالة بينهما)، مع بضع كلمات لتبدآ.
offer-room-on = أنشأت غرفة خاصة لكما على { $platform }، مع بضع كلمات لتبدآ.
offer-room = أنشأت غرفة خاصة لكما، مع بضع كلمات لتبدآ.
offer-relay-note = { $mentee } على { $mentee_platform } و{ $mentor } على { $mentor_platform }، فغرفتكما غرفتان يصلهما Tandem: كل رسالة (وملف) تُكتب في إحداهما تُنسخ إلى الأخرى باسم كاتبها، وتتبعها تعديلاتها وحذفها. لذلك يقرأ Tandem ما تكتبانه هناك، حتى في غرفة مشفّرة.
offer-declined-request-mine = شكرًا لإخبارنا. تبقى مدرجًا لمتدربين آخرين.
offer-declined-request = مستجدات طلبك: لا يستطيع { $name } الإشراف عليك. هذا لا يتعلق بك. { $next }
offer-declined-mine = شكرًا لإخبارنا. تبقى في البرنامج، وسنقترح شخصًا آخر في أقرب وقت.
offer-declined = مستجدات مطابقتك: لا يستطيع { $name } المضي فيها. هذا لا يتعلق بك؛ نحن نبحث بالفعل عن مطابقة أخرى لك.
offer-withdrawn = مستجدات عرض مطابقتك مع { $partner }: يؤسفني أنه لا يمكن المضي فيه في النهاية. سيتواصل معك المنسقون بشأن الخطوة التالية.
offer-expired-request-unanswered = انتهت مدة الطلب من { $partner }، إذ لم نتلقَّ ردك في الوقت المحدد. لا يتغير شيء آخر بالنسبة لك.
offer-expired-request = لم يُجب { $partner } عن طلبك في الوقت المحدد. هذا لا يتعلق بك. { $next }
offer-expired-unanswered = انتهت مدة عرض المطابقة مع { $partner }، إذ لم نتلقَّ ردك في الوقت المحدد. تبقى في البرنامج؛ اكتب status لترى أين أنت.
offer-expired = لم تمضِ المطابقة مع { $partner }، إذ لم نتلقَّ الإجابتين في الوقت المحدد. هذا لا يتعلق بك؛ سنقترح شخصًا آخر قريبًا.
offer-request-set-aside = مستجدات طلبك إلى { $mentor }: لم يتمكن المنسقون من الموافقة عليه هذه المرة. هذا لا يتعلق بك. { $next }
offer-choose-again-or-wait = اكتب browse لاختيار مرشد آخر، أو انتظر: سيقترح المنسقون مرشدًا.
offer-rank-again = كان ذلك آخر مرشد رتّبته: اكتب browse لترى من لديه متسع، ورتّب من جديد. المنسقون على علم، وقد يقترحون أحدًا.
offer-choose-again = اكتب browse لاختيار مرشد آخر.
