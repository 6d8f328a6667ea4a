# جانب المشرفين من حالات البلاغات (flows::incident::cases). تبقى الأوامر كما تُكتب؛
# وكلمات سجل التدقيق (claimed وnote …) تُحفظ بالإنجليزية.

case-usage = الاستخدام: cases · case show <n> · case claim <n> · case note <n> <نص> · case ask <n> <سؤال> · case escalate <n> <إلى> · case resolve <n> <النتيجة> · case reopen <n> · case log <n> · case evidence <n> · case reveal <n> · case concerns <n> [not] <شخص> · case close-match <n> <الثنائي> <السبب>
case-close-match-usage = الاستخدام: case close-match <الحالة> <الثنائي> <السبب>، مثل case close-match { $n } M2 تواصل متكرر خارج البرنامج (يُسجَّل السبب ولا يُخبَر به الثنائي).
case-moderators-room = أوامر الإشراف تعمل في غرفة المشرفين فقط.
case-only-moderators = عذرًا { $who }، لا يستطيع ذلك إلا المشرفون.
case-none-open = لا توجد حالات مفتوحة.
case-open = { $count ->
    [one] حالة مفتوحة واحدة، الأخطر والأقدم أولًا:
    [two] حالتان مفتوحتان، الأخطر والأقدم أولًا:
    [few] { $count } حالات مفتوحة، الأخطر والأقدم أولًا:
   *[other] { $count } حالة مفتوحة، الأخطر والأقدم أولًا:
}
case-line = رقم { $n } · { $severity } · { $category } · { $status } · { $hours ->
    [zero] منذ أقل من ساعة
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $hours } ساعات
   *[other] منذ { $hours } ساعة
}
case-line-claimed = رقم { $n } · { $severity } · { $category } · { $status } · { $hours ->
    [zero] منذ أقل من ساعة
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $hours } ساعات
   *[other] منذ { $hours } ساعة
} · يتولاها { $by }
case-none = لا توجد حالة رقم { $n }.
case-elsewhere = لا تُعالج الحالة رقم { $n } هنا: يعالجها مشرفو برنامجها في غرفتهم.
case-restricted = الحالة رقم { $n } مقيّدة: قد تخص أحد أعضاء فريق الإشراف، لذا لا يعالجها إلا جهة التصعيد.
case-not-restricted = يعالج المشرفون الحالة رقم { $n } في غرفتهم: بصفتك جهة التصعيد تعالج الحالات التي قد تخص أحد أعضاء فريق الإشراف.
case-still-frozen = الثنائي M{ $m } ما زال مجمّدًا: { $unfreeze } يتيح للثنائي الاستمرار، أو { $close } ينهيه.
case-still-frozen-dm = الثنائي M{ $m } ما زال مجمّدًا: { $unfreeze } يتيح للثنائي الاستمرار (في غرفة المشرفين)، أو { $close } ينهيه.

case-resolved-reopen = الحالة رقم { $n } محلولة؛ أعد فتحها أولًا بـ case reopen { $n }.
case-note-long = يرجى أن تكون الملاحظة أقل من { $max } حرف (فيها { $count }).
case-question-long = يرجى أن يكون السؤال أقل من { $max } حرف (فيه { $count }).
case-outcome-long = يرجى أن تكون النتيجة أقل من { $max } حرف (فيها { $count }).
case-no-files = لا توجد ملفات أدلة للحالة رقم { $n }.
case-log = سجل تدقيق الحالة رقم { $n }:
case-already-claimed = الحالة رقم { $n } يتولاها { $by } بالفعل.
case-claimed = تولّى { $who } الحالة رقم { $n }.
case-noted = أُضيفت ملاحظة إلى الحالة رقم { $n }.
case-asked-room = أُرسل السؤال إلى صاحب بلاغ الحالة رقم { $n } باسم فريق الإشراف. سيُنشر رده مع بطاقة الحالة (في سلسلتها، حيث تدعم الغرفة السلاسل).
case-asked-dm = أُرسل السؤال إلى صاحب بلاغ الحالة رقم { $n } باسم فريق الإشراف. سيصلك رده هنا.
case-already-resolved = الحالة رقم { $n } محلولة بالفعل.
case-resolved = حلّ { $who } الحالة رقم { $n }؛ وأُبلغ صاحب البلاغ.
case-escalated = صعّد { $who } الحالة رقم { $n } إلى { $to }.
case-escalated-to-you = صعّد إليك { $who } الحالة رقم { $n } ({ $severity }). يرجى الاطلاع على غرفة المشرفين.
case-escalated-to-you-restricted = صعّد إليك { $who } الحالة رقم { $n } ({ $severity }). قد تخص أحد أعضاء فريق الإشراف، لذا ليست في غرفة المشرفين: ستشاركك جهة التصعيد ما تحتاجه. يرجى إبقاؤها لنفسك.
case-already-linked = الحالة رقم { $n } مرتبطة بالفعل بـ { $person }.
case-not-linked = الحالة رقم { $n } ليست مرتبطة بـ { $person }.
case-linked = الحالة رقم { $n } مرتبطة الآن بـ { $person }. { $show } يعرض ثنائياته؛ { $close } يغلق أحدها إغلاقًا تأديبيًا.
case-unlinked = لم تعد الحالة رقم { $n } مرتبطة بـ { $person }.
case-match-not-linked = الثنائي M{ $m } ليس لأي شخص ترتبط به الحالة رقم { $n }. اربط الشخص أولًا: { $link }
case-match-elsewhere = الثنائي M{ $m } لبرنامج آخر: يمكن لمشرفيه إغلاقه بحالة خاصة بهم.
case-match-not-active = الثنائي M{ $m } في حالة { $status }، وليس نشطًا: لا يوجد ما يُغلق.
case-match-closed-spared = أُغلق الثنائي M{ $m } (تأديبيًا). أُبلغ الشخص المعني بالحالة بشكل محايد؛ وأُبلغ الآخر أن الأمر ليس خطأه وعُرض عليه ثنائي جديد. وأُبلغ المنسقون.
case-match-closed-both = أُغلق الثنائي M{ $m } (تأديبيًا). أُبلغ العضوان بشكل محايد. وأُبلغ المنسقون.
case-not-resolved = الحالة رقم { $n } ليست محلولة.
case-reopened = أعاد { $who } فتح الحالة رقم { $n }.
case-reveal-restricted = لا يمكن الكشف عن صاحب بلاغ الحالة رقم { $n }: يتطلب ذلك مشرفَين اثنين، وهذه الحالة المقيّدة لك وحدك. يمكنك أن تسأل صاحب البلاغ أي شيء عبر case ask { $n } <سؤال>.
case-not-anonymous = الحالة رقم { $n } ليست مجهولة: صاحب البلاغ مذكور في بطاقتها.
case-already-revealed = كُشف صاحب بلاغ الحالة رقم { $n } بالفعل لـ { $names } برسالة مباشرة؛ اسألهم إن احتجت إلى المعرفة.
case-reveal-asked = طلبت بالفعل الكشف عن صاحب بلاغ الحالة رقم { $n }؛ يجب أن يطلب ذلك مشرف ثانٍ أيضًا.
case-reveal-recorded = سُجّل طلب الكشف للحالة رقم { $n }. لا يُذكر صاحب البلاغ إلا عندما يطلب ذلك مشرف ثانٍ أيضًا، ولكما أنتما الاثنين فقط، برسالة مباشرة.
case-revealed = الحالة رقم { $n }: كُشف صاحب البلاغ لـ { $names } برسالة مباشرة.

## بطاقة الحالة، والتنبيهات التي تطلقها حالة جديدة أو منتظرة (cases::cards وcases::alerts).

case-card-head = الحالة رقم { $n } · { $category } · { $severity } · { $status }
case-card-reported-by = أبلغ عنها: { $reporter }، { $at }
case-card-concerns = تخص: { $concerns }
case-card-not-said = (لم يُذكر)
case-card-from-room = أُبلغ عنها من الغرفة: { $room }
case-card-restricted-said = مقيّدة: قال صاحب البلاغ إنها تخص أحد أعضاء فريق الإشراف، لذا لا يراها ولا يعالجها إلا جهة التصعيد.
case-card-restricted-rather-not = مقيّدة: يفضّل صاحب البلاغ ألا يقول إن كانت تخص أحد أعضاء فريق الإشراف، لذا لا يراها ولا يعالجها إلا جهة التصعيد.
case-card-restricted-named = مقيّدة: تذكر أحد أعضاء فريق الإشراف، لذا لا يراها ولا يعالجها إلا جهة التصعيد.
case-card-happened = ما حدث: { $text }
case-card-evidence = الأدلة: { $evidence }
case-card-copy = الرسالة المُبلغ عنها كما نسخها Tandem: { $copy }
case-card-files = الملفات: { $count } ({ $files })؛ لفتحها: { $open }
case-card-linked = مرتبطة بـ: { $who }
case-card-claimed = يتولاها: { $by }
case-card-outcome = النتيجة: { $outcome }
case-card-reply = رُدّ هنا: { $commands }
case-anonymous-reporter = مُبلغ مجهول
case-anonymous-revealed = مُبلغ مجهول (كُشف لـ { $names } برسالة مباشرة)
case-reporter-is = صاحب بلاغ الحالة رقم { $n } هو { $reporter }. يرجى إبقاء ذلك لنفسك ولمن يحتاجه.
case-reporter-is-with = صاحب بلاغ الحالة رقم { $n } هو { $reporter }. طلبت أنت و{ $others } معرفة ذلك. يرجى إبقاؤه بينكما ومن يحتاجه.
case-to-contact = بلاغ قد يخص أحد أعضاء فريق الإشراف يصلك وحدك بصفتك جهة التصعيد. يرجى معالجته هنا برسالة مباشرة؛ لا يراه المشرفون.
case-to-contact-now = هذه الحالة ({ $severity }) تحتاج إلى اهتمام الآن. بلاغ قد يخص أحد أعضاء فريق الإشراف يصلك وحدك بصفتك جهة التصعيد. يرجى معالجته هنا برسالة مباشرة؛ لا يراه المشرفون.
case-on-call = المناوبون: { $names } — حالة الحماية رقم { $n } تحتاج إلى اهتمام الآن.
case-on-call-dm = أُبلغ للتو عن حالة حماية (رقم { $n }). يرجى الاطلاع على غرفة المشرفين الآن.
case-unclaimed-contact = لم يتولَّ أحد الحالة رقم { $n } ({ $severity }) بعد { $minutes } دقيقة. اكتب case claim { $n } هنا.
case-unclaimed-room = لم يتولّها أحد بعد { $minutes } دقيقة: الحالة رقم { $n } ({ $severity }) — المناوبون: { $names }. اكتب { $prefix } case claim { $n }.
case-unclaimed-dm = لم يتولَّ أحد الحالة رقم { $n } ({ $severity }) بعد { $minutes } دقيقة. يرجى الاطلاع على غرفة المشرفين.
case-button-claim = تولَّ الحالة
case-button-note = ملاحظة
case-button-ask = اسأل صاحب البلاغ
case-button-resolve = حُلّ الحالة
case-asks-note = ملاحظة داخلية (للمشرفين فقط)
case-asks-question = سؤال يُنقل برسالة خاصة
case-asks-outcome = النتيجة، وتُبلَّغ لصاحب البلاغ
case-reply-from = رد صاحب بلاغ الحالة رقم { $n }:
case-reply-q = س: { $question }
case-reply-a = ج: { $answer }
case-reply-files-added = { $count ->
    [one] أُضيف ملف واحد
    [two] أُضيف ملفان
    [few] أُضيفت { $count } ملفات
   *[other] أُضيف { $count } ملفًا
} إلى الأدلة: { $open }
case-added-report = الحالة رقم { $n }: أضاف صاحب البلاغ بلاغًا جديدًا عن الشخص نفسه:

## إجراءات الإشراف (flows::incident::actions): تجميد ثنائي، وإيقاف، وإخراج من غرفة، ولكلٍّ تأكيده.

action-confirm-how = اكتب { $prefix } confirm لتنفيذه، أو { $prefix } cancel.
action-usage = الاستخدام: freeze pair <الثنائي> · unfreeze pair <الثنائي> · suspend <شخص> [until <تاريخ>] [السبب] · unsuspend <شخص> · remove <شخص> from <غرفة>
action-confirm-elsewhere = الثنائي M{ $m } لبرنامج آخر: أكّده في الغرفة التي طُلب فيها، أو يجمّده مشرفوه أو يلغون تجميده.
action-across = إيقاف شخص، ورفع الإيقاف، وإخراج شخص من غرفة إجراءات تشمل كل البرامج: يقوم بها مشرفو المجتمع في غرفة مشرفي المجتمع.
action-nothing-waiting = لا يوجد ما ينتظر التأكيد.
action-cancelled = أُلغي: لم يُنفَّذ شيء.
action-no-match = لا يوجد ثنائي M{ $m }.
action-match-elsewhere = الثنائي M{ $m } لبرنامج آخر: يجمّده مشرفوه أو يلغون تجميده.
action-match-not-active = الثنائي M{ $m } في حالة { $status }، وليس ثنائيًا نشطًا.
action-already-frozen = الثنائي M{ $m } مجمّد بالفعل.
action-already-unfrozen = الثنائي M{ $m } غير مجمّد بالفعل.
action-freeze-ask = تجميد غرفة الثنائي M{ $m } ({ $pair })؟ تصبح الغرفة للقراءة فقط، ولا يُخبَر المنسقون إلا بأن الثنائي مجمّد.
action-unfreeze-ask = إلغاء تجميد غرفة الثنائي M{ $m } ({ $pair })؟ تصبح الغرفة قابلة للكتابة من جديد.
action-not-yourself = لا يمكنك إيقاف نفسك.
action-not-future = { $date } ليس في المستقبل.
action-suspend-ask = إيقاف { $person }؟ يُخرج من غرف ثنائياته ولا يمكنه التقديم ولا المطابقة. السبب: { $reason }
action-suspend-until-ask = إيقاف { $person } حتى { $date }؟ يُخرج من غرف ثنائياته ولا يمكنه التقديم ولا المطابقة. السبب: { $reason }
action-not-in-room = { $person } ليس في غرفة أديرها باسم «{ $room }». ليست لديه غرفة ثنائي.
action-not-in-room-rooms = { $person } ليس في غرفة أديرها باسم «{ $room }». غرفة ثنائيه: { $rooms }.
action-remove-ask = إخراج { $person } من الغرفة { $room }؟
action-unsuspend-ask = رفع الإيقاف عن { $person }؟
action-frozen = جمّد { $who } الثنائي M{ $m } ({ $pair }).
action-unfrozen = ألغى { $who } تجميد الثنائي M{ $m } ({ $pair }).
action-frozen-coordinators = جمّد المشرفون الثنائي M{ $m } ({ $pair }). غرفته للقراءة فقط حاليًا؛ يرجى عدم التواصل مع الثنائي بشأن ذلك حتى يقول المشرفون.
action-unfrozen-coordinators = ألغى المشرفون تجميد الثنائي M{ $m } ({ $pair }).
action-suspended = أوقف { $who } { $user }.
action-removed = أخرج { $who } { $user } من الغرفة { $room }.
action-unsuspended = رفع { $who } الإيقاف عن { $user }.

## إجراء منسق ينتظر التأكيد (flows::confirm).

confirm-elsewhere-close = إغلاقك للثنائي M{ $m } ينتظر في غرفة المنسقين: اكتب هناك { $prefix } confirm أو { $prefix } cancel.
confirm-elsewhere-survey = إرسالك للاستبيان { $survey } ينتظر في غرفة المنسقين: اكتب هناك { $prefix } confirm أو { $prefix } cancel.
confirm-elsewhere-broadcast = رسالتك الجماعية تنتظر في غرفة المنسقين: اكتب هناك { $prefix } confirm أو { $prefix } cancel.
confirm-elsewhere-action = إجراؤك ينتظر في غرفة المنسقين: اكتب هناك { $prefix } confirm أو { $prefix } cancel.
confirm-cancelled-close = أُلغي: يبقى الثنائي M{ $m } مفتوحًا.
confirm-cancelled-send = أُلغي: لم يُرسل شيء.

## مُبلِّغ تعذّر على Tandem الوصول إليه (app::cases).

case-reporter-unreachable = الحالة رقم { $case }: تعذّر تسليم { $what } إلى المُبلِّغ؛ ربما غادر الخادم أو أغلق رسائله المباشرة.
case-unreachable-question = سؤال
case-unreachable-message = رسالة بخصوص الحالة
