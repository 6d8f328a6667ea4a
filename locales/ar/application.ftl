# مسار تقديم الطلب (flows::application).

apply-suspended = لا يمكنك التقديم الآن. إن كنت تظن أن هذا خطأ، فاكتب إلى فريق البرنامج: اكتب ask the team متبوعًا برسالتك.
apply-none-open = لا يوجد برنامج مفتوح للتقديم الآن. من فضلك عد لاحقًا.
apply-unknown-word = لا أعرف برنامجًا أو دورًا باسم «{ $word }». البرامج المفتوحة: { $programmes }. الأدوار: mentor، mentee.
apply-already = لقد قدّمت بالفعل إلى { $programme } بصفة { $role } في { $date }: { $status }. اكتب status لرؤية طلباتك.
apply-welcome = أهلًا بك في { $programme }! { $welcome }

    يمكنك في أي وقت أن تكتب back أو skip (للأسئلة الاختيارية) أو review أو cancel أو help. تُحفظ إجاباتك أولًا بأول: يمكنك التوقف والعودة لاحقًا.
apply-pick-one = من فضلك اختر خيارًا واحدًا.
apply-first-step = هذه هي الخطوة الأولى.
apply-choose-role-first = أولًا، من فضلك اختر دورًا.
apply-role-chosen = رائع، أنت تقدّم بصفة { $role }.
apply-welcome-back = أهلًا بعودتك! لديك طلب قيد الإعداد{ $where }. لنكمل من حيث توقفت.
apply-programme-gone = البرنامج الذي كنت تقدّم إليه لم يعد متاحًا، لذا أُغلق طلبك قيد الإعداد. اكتب apply لرؤية البرامج المفتوحة.
apply-already-answered = تمت الإجابة عن ذلك السؤال من قبل؛ هذا هو موضعك الآن.
apply-in-progress = طلبك{ $where } قيد الإعداد.
apply-nothing-to-withdraw = هذا الطلب لم يُرسل بعد، فلا شيء لسحبه: اكتب cancel لإيقافه.
apply-where-programme = { " " }إلى { $programme }
apply-where-role = { " " }بصفة { $role }
apply-where-count = { " " }(تمت الإجابة عن { $answered } من أصل { $count })
apply-help = أنت تقدّم طلبًا{ $where }. أثناء الإجابة، يمكنك أن تكتب:
    back — العودة إلى السؤال السابق
    skip — تخطي سؤال اختياري
    keep — الإبقاء على إجابتك الحالية عند العودة إلى سؤال
    repeat — رؤية السؤال مرة أخرى
    review — رؤية كل إجاباتك
    edit <السؤال> — تغيير إجابة (مثلًا: edit 2)
    submit — إرسال طلبك، بعد الإجابة عن كل الأسئلة
    cancel — التوقف وحذف إجاباتك
    status — معرفة أين وصلت
    language — تغيير اللغة
apply-confirm-cancel = هل تريد حقًا إلغاء طلبك{ $to }؟ ستُحذف إجاباتك حتى الآن.
apply-which-programme = إلى أي برنامج تريد التقديم؟
apply-which-role = هل تريد الانضمام إلى { $programme } بصفة مرشد (mentor) أم متدرب (mentee)؟
apply-choose-role = من فضلك اختر دورًا أولًا.
apply-type-review = اكتب review لرؤية إجاباتك.
apply-no-role-yet = لم تختر دورًا بعد.
apply-review = إجاباتك في طلبك بصفة { $role } إلى { $programme }:{ $lines }
apply-review-instructions = اكتب submit لإرسال طلبك، أو edit <الرقم أو الاسم> لتغيير إجابة (مثلًا: edit 2)، أو cancel.
apply-cancelled = أُلغي طلبك وحُذفت إجاباتك. اكتب apply متى أردت البدء من جديد.
apply-carry-on = حسنًا، لنتابع.
apply-still-to-answer = { $review }

    { $left ->
        [one] بقي سؤال واحد
        [two] بقي سؤالان
        [few] بقيت { $left } أسئلة
       *[other] بقي { $left } سؤالًا
    } للإجابة. لنتابع:
apply-last-question = كان ذلك السؤال الأخير.
form-not-yet-here = ليس بعد: ما زال عليك الإجابة عن: { $left }. لنكمل بهذا السؤال.
form-not-yet-first = ليس بعد: ما زال عليك الإجابة عن: { $left }. هذا أولها:
apply-edit-unanswered = لم تُجب عن ذلك السؤال بعد؛ سنصل إليه.
apply-edit-hidden = السؤال «{ $target }» لا ينطبق بحسب إجاباتك الأخرى.
apply-edit-unknown = لا يوجد سؤال «{ $target }». استخدم الرقم أو الاسم الظاهر في المراجعة: { $which }.
apply-edit-range = من 1 إلى { $count }
apply-edit-see-review = اكتب review لرؤيتها
apply-all-answered = تمت الإجابة عن كل الأسئلة.
apply-edit-that = لتغيير تلك الإجابة، اكتب edit { $id }.
apply-all-answered-hint = تمت الإجابة عن كل الأسئلة. اكتب submit لإرسال طلبك، أو edit <الرقم> لتغيير إجابة.

## الإرسال.

apply-already-sent = لقد قدّمت بالفعل إلى { $programme } بصفة { $role }، لذا لم يُرسل هذا الطلب. اكتب status لرؤية طلباتك.
apply-refused = شكرًا لتقديمك إلى { $programme } بصفة { $role }، وعلى الوقت الذي منحته.
    { $reasons }
    يؤسفنا أننا لا نستطيع أن نقدّم لك مقعدًا هذه المرة.
apply-correct-within = إن كانت إحدى إجاباتك خطأ، فاكتب apply خلال الساعات الـ{ $hours } القادمة لتصحيحها.
apply-submitted-review = شكرًا لك! تم إرسال طلبك إلى { $programme } بصفة { $role }.
    { $submitted }
    اكتب status في أي وقت لمعرفة أين وصل.
apply-accepted = شكرًا لك! تم إرسال طلبك إلى { $programme } بصفة { $role }، وهو يستوفي معايير البرنامج: لقد قُبلت!
apply-ready = { " " }أنت جاهز للمطابقة؛ سنتواصل معك عندما نجد لك شريكًا.
apply-steps-remain = قبل أن نتمكن من مطابقتك، بقيت بعض الخطوات:
apply-steps-status = اكتب status في أي وقت لمعرفة تقدّمك.

## طلبات لا تقبلها قواعد البرنامج.

apply-again-by = يسعدنا أن تقدّم من جديد عندما يتغير ذلك: في موعد أقصاه { $date }.
apply-again-any-time = يسعدنا أن تقدّم من جديد في أي وقت.
apply-again-from = يسعدنا أن تقدّم من جديد ابتداءً من { $date }.
apply-early-refusal = شكرًا على صراحتك. أفضّل أن أخبرك الآن بدلًا من بعد الأسئلة الأخرى:
    { $reasons }
apply-early-refusal-choice = إن كانت تلك الإجابة خطأ، فأرسل الإجابة الصحيحة الآن. وإن كانت صحيحة، يمكنك أن تكتب cancel للتوقف هنا، أو keep لإكمال الطلب على أي حال (لن يتمكن من المضي قدمًا).
apply-applied-before = لقد قدّمت إلى { $programme } في { $date }، ولم نتمكن حينها من تقديم مقعد لك.
apply-look-again = { $applied } لإعادة النظر في ذلك الطلب، اكتب apply { $slug }.
apply-never-again = { $applied } آسف: لا يمكن التقديم مرة أخرى.
apply-reopened = لنعد النظر في طلبك إلى { $programme }. لم يتمكن من المضي قدمًا للسبب التالي:
    { $reasons }
    إن كانت إحدى إجاباتك خطأ، فغيّرها الآن: أرسل الإجابة الصحيحة، أو اكتب keep إن كانت صحيحة. سترى كل إجاباتك قبل إرسالها مجددًا.
apply-reopened-rules = قواعد البرنامج
apply-welcome-back-reopened = أهلًا بعودتك إلى { $programme }! إجاباتك من المرة السابقة معبّأة: راجعها ونحن نمضي، وغيّر ما تغيّر. سترى كل إجاباتك قبل إرسالها.

## خطوة قبل المطابقة يقرؤها المتقدم ويقرّ بها (flows::prompts).

ack-prompt = { $step } — { $programme }

    { $text }

    عندما تنتهي من قراءته، أجب «أوافق» للتأكيد.
ack-retry = من فضلك أجب «أوافق» بعد أن تقرأه. إن كان هناك شيء غير واضح، فاسأل منسقك.
ack-recorded = شكرًا لك، تم التسجيل.

## `withdraw` (flows::withdraw).

withdraw-none-to = ليس لديك طلب إلى `{ $programme }` يمكن سحبه.
withdraw-none = ليس لديك طلب يمكن سحبه.
withdraw-which = أي طلب؟ اكتب withdraw متبوعًا بالبرنامج: { $programmes }.
withdraw-matched = أنت في مطابقة نشطة مع { $partner }. لإنهائها، اكتب إلى فريق البرنامج (اكتب ask the team متبوعًا برسالتك)، وسيغلقها بعناية لكليكما.
withdraw-confirm = هل تريد حقًا سحب طلبك إلى { $programme } بصفة { $role }؟ لن ينظر فيه المنسقون بعد الآن، وسيلزمك التقديم من جديد.
withdraw-too-late = لم يعد من الممكن سحب ذلك الطلب.
withdraw-kept = حسنًا: يبقى طلبك كما هو.
withdraw-done = سُحب طلبك إلى { $programme }. شكرًا على اهتمامك؛ يسعدنا أن تقدّم من جديد متى شئت.
withdraw-partner-left = مستجدات بشأن مطابقتك: غادر { $name } البرنامج، لذا لا يمكن أن تمضي المطابقة معه. هذا لا يعكس شيئًا عنك؛ نحن نبحث بالفعل عن مطابقة أخرى لك.
