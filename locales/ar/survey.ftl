# الإجابة عن استبيان في رسالة مباشرة (flows::survey).

day-month = { $day } { $month }
survey-intro = { $title } من { $programme }
survey-intro-with = { $title } من { $programme }: { $intro }
survey-how = عدد الأسئلة { $count }، والاستبيان مفتوح حتى { $closes }. يمكنك كتابة back، أو skip (للأسئلة الاختيارية)، أو later (للتوقف والإكمال في وقت آخر).
survey-carry-on = لنكمل { $title } ({ $programme }) من حيث توقفت. يُغلق في { $closes }.
survey-reminder = تذكير لطيف: { $title } ({ $programme }) يُغلق في { $closes }. عدد الأسئلة { $count }؛ إجاباتك تساعدنا على إدارة البرنامج بشكل أفضل.
survey-anonymous = إجاباتك مجهولة الهوية: تُحفظ بدون اسمك، ولا يرى المنسقون إلا مجاميع من { $minimum } أشخاص أو أكثر.
survey-named = تُحفظ إجاباتك مع اسمك، حتى يتمكن المنسقون من متابعتك.
survey-none-open = ليس لديك استبيان للإجابة عنه الآن. شكرًا لك!
survey-type-to-carry-on = اكتب survey للمتابعة.
survey-closed = أُغلق ذلك الاستبيان، لذا لم تُسجَّل إجاباتك. شكرًا لوقتك على أي حال.
survey-answered-already = تمت الإجابة عن ذلك السؤال من قبل؛ هذا هو موضعك:
survey-where =
    أنت تجيب عن { $title } ({ $programme })، السؤال { $number } من { $count }. يمكنك كتابة:
    back — السؤال السابق
    skip — ترك سؤال اختياري
    repeat — رؤية السؤال مرة أخرى
    later — التوقف الآن والإكمال قبل { $closes } (اكتب survey للمتابعة)
survey-kept = حسنًا: احتفظت بإجاباتك حتى الآن. اكتب survey متى أردت إكماله.
survey-thanks = شكرًا لك! وصلت إجاباتك عن { $title }. إنها تساعد { $programme } على دعم كل ثنائي بشكل أفضل.
survey-thanks-anonymous = شكرًا لك! وصلت إجاباتك عن { $title }، بدون اسمك. إنها تساعد { $programme } على دعم كل ثنائي بشكل أفضل.
