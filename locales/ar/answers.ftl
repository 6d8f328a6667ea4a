# قراءة الإجابات عن الأسئلة (domain::answer) وطرحها (flows::form).

choice-yes = نعم
choice-no = لا
choice-agree = أوافق
choice-disagree = لا أوافق
answer-agreed = تمت الموافقة ({ $at })
answer-skipped = (تم تخطيه)
answer-not-yet = (لم تتم الإجابة بعد)

pick-exactly = { $count ->
    [one] خيارًا واحدًا بالضبط
    [two] خيارين بالضبط
    [few] { $count } خيارات بالضبط
   *[other] { $count } خيارًا بالضبط
}
pick-up-to = حتى { $max } من الخيارات
pick-between = من { $min } إلى { $max } من الخيارات
languages-between = من { $min } إلى { $max } من اللغات
languages-exactly = { $count } من اللغات

## ما يُكتب تحت السؤال: ما الإجابة المناسبة.

expect-long-text-min = خذ وقتك: بضع جمل (عدد الأحرف { $min } على الأقل).
expect-long-text = خذ وقتك: بضع جمل تكفي.
expect-single-choice = أجب برقم الخيار أو بكلمة منه.
expect-yes-no = أجب بنعم أو لا.
expect-multi-choice = اختر { $range }، بالرقم أو بكلمة من كل خيار، مفصولة بفواصل (مثلًا: { $example }).
expect-number = أجب برقم من { $min } إلى { $max }.
expect-whole-number = أجب بعدد صحيح من { $min } إلى { $max }.
expect-time-zone = مثلًا: Africa/Cairo أو Asia/Amman أو Lagos أو UTC+3.
expect-languages = اذكر { $range } باسم اللغة بالإنجليزية أو بلغتها نفسها أو برمزها، مفصولة بفواصل (مثلًا: العربية، English).
expect-languages-one = لغة واحدة
expect-consent = أجب «أوافق» للمتابعة.
expect-scale = أجب برقم من 1 ({ $first }) إلى { $count } ({ $last }).
expect-nps = أجب بعدد صحيح من 0 (غير مرجح إطلاقًا) إلى 10 (مرجح جدًا).

## إجابة غير مناسبة: ما المتوقع، مع مثال واحد.

answer-pick-one = من فضلك اختر خيارًا واحدًا فقط، مثلًا: { $example }.
answer-pick-count = من فضلك اختر { $range } (اخترت { $count })، مفصولة بفواصل، مثلًا: { $example }.
answer-number-expected = من فضلك أجب برقم من { $min } إلى { $max }، مثلًا: { $example }.
answer-whole-number-expected = من فضلك أجب بعدد صحيح من { $min } إلى { $max }، مثلًا: { $example }.
answer-number-less = { $n } أقل من { $limit }. { $expected }
answer-number-more = { $n } أكثر من { $limit }. { $expected }
answer-scale-expected = من فضلك أجب برقم من 1 ({ $first }) إلى { $count } ({ $last })، مثلًا: { $example }.
answer-nps-expected = من فضلك أجب بعدد صحيح من 0 (غير مرجح إطلاقًا) إلى 10 (مرجح جدًا)، مثلًا: 8.
answer-nps-outside = { $n } ليس بين 0 و10. { $expected }
answer-yes-no = من فضلك أجب بنعم أو لا.
answer-language-unknown = لا أعرف اللغة «{ $name }». من فضلك اكتب اسمها بالإنجليزية أو بلغتها نفسها أو رمزها المكوّن من حرفين، مثلًا: العربية أو English أو sw.
answer-languages-count = من فضلك اذكر { $range } (ذكرت { $count })، مفصولة بفواصل، مثلًا: { $example }.
answer-consent-refused = لا يمكننا المضي في طلبك إلا بموافقتك. إن كنت تفضّل عدم الموافقة، اكتب cancel للتوقف؛ وإلا فأجب «أوافق».
answer-consent-expected = من فضلك أجب «أوافق» للمتابعة، أو اكتب cancel للتوقف.
answer-typed-needed = هذا السؤال يحتاج إلى إجابة مكتوبة، لا إلى اختيار.
answer-empty = لم تصلني أي إجابة. من فضلك اكتب إجابتك.
answer-too-short = من فضلك اكتب أكثر قليلًا: عدد الأحرف { $min } على الأقل (وفي إجابتك { $count }).
answer-too-long = من فضلك اجعل إجابتك أقصر: الحد الأقصى لعدد الأحرف { $max } (وفي إجابتك { $count }).
answer-how-pick-one = من فضلك أجب برقم الخيار أو بكلمة منه، مثلًا: { $example }.
answer-how-pick-several = من فضلك أجب بأرقام الخيارات أو بكلمات منها، مفصولة بفواصل، مثلًا: { $example }.
answer-empty-pick = لم تصلني أي إجابة. { $how }
answer-ambiguous = «{ $part }» يناسب أكثر من خيار: { $named }. من فضلك أجب برقم الخيار الذي تقصده، مثلًا: { $example }.
answer-not-an-option = «{ $part }» ليس من الخيارات. { $how }
time-zone-hint = من فضلك اذكر منطقة زمنية مثل Africa/Cairo أو Asia/Amman أو Lagos أو UTC+3.
time-zone-bad-offset = «{ $typed }» ليس فرق توقيت صالحًا: الفروق من UTC-12 إلى UTC+14، مثل UTC+2 أو UTC-03:30.
time-zone-unknown = لا أعرف المنطقة الزمنية «{ $typed }». { $hint }

## طرح سؤال من استمارة.

form-question-of = السؤال { $number } من { $count }: { $prompt }
form-optional = (اختياري: اكتب skip لتخطيه.)
form-current-answer = إجابتك الحالية: { $answer }. أرسل إجابة جديدة، أو اكتب keep لتركها كما هي.
form-retry = { $note }
    (اكتب repeat لرؤية السؤال مرة أخرى.)
form-not-skippable = لا يمكن تخطي هذا السؤال: من فضلك أجب عنه.
form-first-question = هذا هو السؤال الأول.
form-nothing-to-keep = لا توجد إجابة للإبقاء عليها بعد: من فضلك أجب عن السؤال.
