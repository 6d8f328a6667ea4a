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
