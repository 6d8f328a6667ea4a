# ما تقوله `help` و`status` ورسالة ليست أمرًا (flows::help). `$p` هو بادئة الغرفة ومسافة،
# أو لا شيء في رسالة مباشرة.

help-hello = مرحبًا! أنا Tandem، البوت الذي يدير برامج الإرشاد في هذا المجتمع.
help-none-open = لا يوجد برنامج مفتوح للتقديم الآن.
help-open = مفتوح للتقديم:
help-you-can-type = يمكنك أن تكتب:
    { $p }apply — التقديم بصفة مرشد أو متدرب
    { $p }status — رؤية طلباتك
    { $p }cancel — إيقاف طلب قيد الإعداد
    { $p }withdraw — سحب طلب أرسلته
    { $p }report — إخبار المشرفين، بشكل خاص، بشيء أقلقك
    { $p }my data — كل ما يحفظه Tandem عنك، في ملف
    { $p }delete my data — حذفه (سأطلب منك التأكيد)
    { $p }help — عرض هذه الرسالة
    { $p }language — اللغة التي أكتب إليك بها
help-ask-team = ask the team <رسالتك> — الكتابة إلى منسقي البرنامج؛ يصلك ردهم هنا
help-link = link — أن تكون الشخص نفسه هنا وفي حسابك الآخر (Matrix أو Discord): الطلبات والمطابقات نفسها
help-matched = { $p }pause until 1 March — لا متابعات ولا تذكيرات حتى ذلك التاريخ (أو: pause for 2 weeks)
    { $p }resume — إنهاء التوقف مبكرًا
    { $p }close match — إنهاء الإرشاد مبكرًا (سأطلب منك التأكيد)
help-transcript = { $p }transcript — رسائل غرفتكما، في ملف
help-pair-room = { $room }idea — في غرفتكما: موضوع تتحدثان عنه معًا
    { $room }agreement — في غرفتكما: أهدافكما وقواعدكما (agree لقبولها)
    { $p }availability mon wed 18-20 — متى تكون متفرغًا كل أسبوع، بتوقيتك (أولًا availability zone Asia/Amman، إن لم أكن أعرف منطقتك الزمنية)
    { $room }meet — في غرفتكما: أوقات تكونان فيها متفرغين معًا (meet 2 يحجز أحدها، مع ملف تقويم)
    { $room }met 45m — في غرفتكما: كم دامت لقاءاتكما، ضمن وقتكما معًا
help-survey = { $p }survey — الإجابة عن الاستبيان الذي ينتظرك
help-resources = { $p }موارد — ما تقرؤه أو تشاهده الآن (تم 2 عندما تقرأ رقم 2)
help-announcements = كتم الإعلانات — إيقاف إعلانات المنسقين (إلغاء كتم الإعلانات لتصلك مجددًا)
help-rank = browse — المرشدون الذين لديهم مكان ويناسبونك
    rank <أرقام> — المرشدون الذين تريدهم، خيارك الأول أولًا: يُسأل كل منهم بدوره
    profile — ما يراه عنك المرشدون الذين تسألهم
help-request = browse — المرشدون الذين لديهم مكان ويناسبونك
    request <رقم> — أن تطلب من أحدهم أن يكون مرشدك
    profile — ما يراه عنك المرشدون الذين تسألهم
help-mentor-profile = profile — اختيار ما يراه المتدربون عنك عندما يبحثون عن مرشد
help-unknown = عذرًا، لم أفهم ذلك. اكتب { $p }help لترى ما يمكنني فعله.
help-unknown-suggest = عذرًا، لم أفهم ذلك. هل تقصد { $p }{ $command }؟ اكتب { $p }help لترى ما يمكنني فعله.
help-write-to-team = للكتابة إلى فريق البرنامج، اكتب: ask the team متبوعًا برسالتك.

## `status`.

status-none = ليست لديك طلبات بعد. اكتب apply لبدء طلب.
status-applications = طلباتك:
status-application = • { $programme }، بصفة { $role } (A{ $id }، أُرسل في { $date }): { $stage }
status-waitlist = { "    " }ترتيبك { $position } من { $total } في قائمة الانتظار.
status-request-with-coordinators = طلبك إلى { $other } لدى المنسقين؛ بعد موافقتهم سيُسأل { $other }.
status-request-waiting = طلبت من { $other } أن يكون مرشدك؛ ننتظر رده{ $until }.
status-until = { " " }(حتى { $date })
status-matched = أنت مطابق مع { $other } ({ $role }){ $room }.
status-matched-role-mentor = مرشدك
status-matched-role-mentee = متدربك
status-pair-room = ؛ غرفتكما هي { $room }
status-pair-room-on = ؛ غرفتكما هي { $room }، على { $platform }
status-offer-waiting = مطابقة مع { $other } ({ $role }) تنتظر الردود{ $until }.
status-offer-until = { " " }حتى { $date }
status-choose = يمكنك اختيار مرشدك: اكتب browse لترى من لديه مكان.
status-linked = حسابك على { $platform } ({ $account }) مرتبط بهذا الحساب؛ أكتب إليك حيث كتبت إليّ آخر مرة.
stage-submitted = أُرسل، بانتظار مراجعة أحد المنسقين
stage-info-requested = بانتظار ردك على سؤال من أحد المنسقين
stage-waitlisted = في قائمة الانتظار
stage-approved = مقبول، تُستكمل خطوات ما قبل المطابقة
stage-ready = جاهز للمطابقة
stage-ineligible = غير مؤهل هذه المرة
stage-rejected = غير مقبول هذه المرة
stage-withdrawn = مسحوب
stage-resting = مقبول؛ انتهت مطابقتك، ولست ضمن مجموعة المطابقة حاليًا
stage-offered = عُرضت عليك مطابقة (انظر أدناه)
stage-matched = مطابق (انظر أدناه)

## حالة خطوة ما قبل المطابقة، في `status`.

step-pending = قيد الانتظار
step-scheduled = مجدولة في { $date }
step-done = أُنجزت ({ $date })
step-cleared = مُجتازة، صالحة حتى { $date }
step-failed = غير مُجتازة
step-expired = انتهت صلاحيتها في { $date }
step-acknowledged = تم الإقرار بها ({ $date })

## بياناتك: `my data` و`delete my data` (flows::personal).

personal-settling = من أجل سلامتك، ولمدة يوم بعد ربط حساب، لا يمكن إرسال بياناتك أو حذفها إلا من حسابك على { $platform } ({ $account })، الحساب الذي أعطى الرمز. من فضلك اطلب ذلك هناك، أو هنا مرة أخرى بعد { $at } UTC.
personal-gather-failed = لم أتمكن من جمع بياناتك الآن؛ من فضلك حاول مرة أخرى بعد قليل.
personal-file = هذا كل ما يحفظه Tandem عنك، في ملف JSON: طلباتك وإجاباتك، والمطابقات، والمتابعات، ودعوات الاستبيانات (الإجابات عن الاستبيانات المجهولة غير مرتبطة بك، لذا لا يمكن تضمينها)، وردودك على الفعاليات، والبلاغات التي قدّمتها، وتنبيهات السلامة على رسائلك في غرف الثنائيات. لا تُضمَّن البلاغات عنك، ولا سجلات الحماية المحفوظة بموجب حجز قانوني. لحذفها، اكتب delete my data.
personal-confirm = هل تريد أن أحذف بياناتك؟ يمحو هذا طلباتك وإجاباتك، و{ $matches }يخرجك من كل البرامج، ولا يمكن التراجع عنه. تحتفظ أرقام البرامج بعدد بلا أسماء (كم شخصًا شارك)؛ وتبقى البلاغات التي قدّمتها لدى المشرفين دون اسمك. { $kept }
personal-ends-match = ينهي مطابقتك (سيُبلَّغ شريكك بلطف ويُعرض عليه شريك جديد)،{ " " }
personal-ends-matches = ينهي مطابقاتك (سيُبلَّغ شركاؤك بلطف ويُعرض عليهم شركاء جدد)،{ " " }
personal-delete-yes = نعم، احذف بياناتي
personal-delete-no = لا، احتفظ بها
personal-kept = تُحفظ بعض سجلات الحماية، إن وُجدت، لمدة { $years ->
        [one] سنة واحدة
        [two] سنتين
        [few] { $years } سنوات
       *[other] { $years } سنة
    } حتى بعد الحذف، كما تقتضي قواعد الحماية: البلاغات عنك، وفحوصات الخلفية غير المجتازة، وحالات الإيقاف، وتنبيهات السلامة على رسائلك في غرف الثنائيات التي أبقاها المنسقون. ثم تُمحى.
personal-answer = من فضلك أجب 1 (نعم، احذف بياناتي) أو 2 (لا، احتفظ بها).
personal-nothing-deleted = حسنًا: لم يُحذف شيء.
personal-partner-left = مستجدات بشأن مطابقتك: غادر الطرف الآخر البرنامج، لذا لا يمكن أن تمضي المطابقة. هذا لا يعكس شيئًا عنك؛ نحن نبحث بالفعل عن مطابقة أخرى لك.
personal-done = تم: حُذفت بياناتك، وغادرت كل البرامج. { $kept } شكرًا على الوقت الذي قضيته معنا؛ يسعدنا أن تعود متى شئت.

## مساعدة أوامر الفريق (flows::help::staff): `help` في غرفة المنسقين وغرفة المشرفين،
## ولجهة التصعيد في رسالة مباشرة، و`help <الأمر>`.

# الأوامر نفسها، وطريقة استخدامها (`approve <application>`) وأمثلتها (`reject A12 We need
# mentors…`) تُكتب بالطريقة نفسها في كل اللغات، لذا تبقى بالإنجليزية في الشيفرة: يجد
# `help` الأمر من كلمات استخدامه، وتمرّر الاختبارات كل مثال عبر سجل الأوامر. هنا فقط ما
# يُقال عنها. `$prefix` هو بادئة الغرفة (`!tandem`)؛ و`$help` هو `help` كما يُكتب هناك.

# السطر الأول من القائمة، حسب مكان كتابة الأوامر.
staff-help-desk-coordinators = أوامر المنسقين (اكتبها هنا بعد { $prefix }):
staff-help-desk-moderators = أوامر المشرفين (اكتبها هنا بعد { $prefix }):
staff-help-desk-contact = الحالات التي قد تخص أحد أعضاء فريق الإشراف من مسؤوليتك: عالجها هنا، في رسالة مباشرة، بهذه الأوامر (دون بادئة):
staff-help-desk-participant = أوامر ثنائيك، في رسالة مباشرة:

# عناوين المجموعات، مع النقطتين.
staff-help-group-screening = الفحص:
staff-help-group-matching = المطابقة (الاقتراحات: P…):
staff-help-group-matches = الثنائيات (M…):
staff-help-group-events = الفعاليات:
staff-help-group-surveys = الاستبيانات:
staff-help-group-figures = الأرقام والتصدير:
staff-help-group-cases = الحالات:
staff-help-group-actions = إجراءات الإشراف (يطلب كل منها تأكيدك):
staff-help-group-own-pair = ثنائيك:

# ما يفعله كل أمر، بعد مثاله وشرطة: دون نقطة في آخره.
staff-help-does-review-queue = الطلبات التي تنتظر المراجعة، الأقدم أولًا
staff-help-does-screening-summary = الأعداد حسب الحالة والدور، والأطول انتظارًا، والتحققات التي تنتهي صلاحيتها خلال 30 يومًا
staff-help-does-show-application = بطاقة الطلب: الإجابات، ونتائج القواعد، والأسئلة، والقرارات
staff-help-does-approve = القبول: يُخبَر مقدم الطلب وتبدأ خطوات فحصه
staff-help-does-reject = الرفض: يُرسَل السبب إلى مقدم الطلب
staff-help-does-ask-applicant = سؤال مقدم الطلب في رسالة مباشرة؛ يُنشر رده هنا
staff-help-does-waitlist = الوضع على قائمة الانتظار؛ ويُذكَّر مقدم الطلب من حين لآخر
staff-help-does-note-application = ملاحظة خاصة على الطلب، تظهر على بطاقته مع كاتبها ووقتها؛ لا تُرسَل أبدًا إلى مقدم الطلب
staff-help-does-record-step = تسجيل خطوة فحص (بمعرّفها أو اسمها؛ وعدة طلبات معًا: step A6, A7 training done): done، أو scheduled <التاريخ> [الوقت] (ويُخبَر الشخص)، أو cleared until <التاريخ>، أو failed، أو pending
staff-help-does-match-preview = تجربة أولية: كل اقتراح وسببه، وكل من بقي خارجه وسبب ذلك؛ لا يُحفظ شيء
staff-help-does-match-propose = حفظ الاقتراحات وعرضها بأرقامها
staff-help-does-match-approve = عرض الثنائي: يُسأل الطرفان في رسالة مباشرة عن القبول أو الرفض
staff-help-does-match-approve-all = عرض كل الاقتراحات المفتوحة
staff-help-does-match-reject = عدم اقتراح هذا الثنائي مجددًا أبدًا؛ وتُقترح الخيارات التالية الأفضل
staff-help-does-match-swap = إعطاء متدرب الاقتراح ذلك المرشد بدلًا من مرشده
staff-help-does-match-rematch = اقتراحات جديدة لشخص واحد (دون شركائه السابقين)
staff-help-does-match-exclude = عدم اقتراح شخصين أحدهما للآخر أبدًا (include يرفع ذلك)
staff-help-does-match-list = ثنائيات برامجك وحال كل منها، الأكثر إلحاحًا أولًا (المفتوحة منها ما لم تُصفِّ)
staff-help-does-match-show = ثنائي كامل: الشخصان، ومرحلته وحالته، والمتابعات، وما يجب فعله بعد ذلك
staff-help-does-find-person = البحث عن أشخاص في برامجك بـ(جزء من) أسمائهم أو معرّفاتهم، مع طلباتهم وثنائياتهم
staff-help-does-check-ins-due = متابعات الفريق المستحقة هذا الأسبوع أو المتأخرة، الأكثر تأخرًا أولًا، مع من يرعى كل ثنائي
staff-help-does-check-in-history = متابعات الفريق لثنائي مع ملاحظاتها، ومن يرعاه ومتى تستحق المتابعة التالية
staff-help-does-check-in-log = تسجيل تواصل من الفريق مع ثنائي (concern: يبقى الثنائي معرّضًا للخطر حتى تواصل لا قلق فيه)
staff-help-does-check-in-assign = تسليم ثنائي إلى عضو آخر في الفريق، ويُخبَر بذلك
staff-help-does-close-match = إنهاء ثنائي مبكرًا دون خطأ من أحد (disciplinary: لا يُعرض ثنائي جديد)
staff-help-does-pause-match = لا متابعات ولا تذكيرات للثنائي حتى ذلك التاريخ
staff-help-does-resume-match = إنهاء التوقف مبكرًا
staff-help-does-message-pair = رسالة مباشرة إلى الطرفين، من المنسقين
staff-help-does-reply-to-question = الرد على سؤال مشارك (ask the team) في رسالة مباشرة
staff-help-does-programme-report = أرقام البرنامج، مع رسم بياني
staff-help-does-resource-progress = كل مورد من موارد البرنامج: لمن هو الآن، ومن قرأه ومن لم يقرأه
staff-help-does-broadcast = إعلان في رسالة مباشرة إلى كل الجمهور المختار، بعد تجربة وتأكيدك؛ الأسطر التي تبدأ بـ es: أو ar: هي ترجماته
staff-help-does-assist = إدخال طلب لشخص ليس لديه حساب دردشة (مكالمة هاتفية، استمارة ورقية)، بالإجابة عن أسئلته في رسالتك المباشرة؛ ويستلمه الشخص بالرمز الذي تحصل عليه (assist code ينشئ رمزًا جديدًا)
staff-help-does-announce-apply = نشر بطاقة التقديم للبرنامج في غرفة من غرف المجتمع (زر Apply على Discord)؛ تُحسب الطلبات الآتية منها في report على أنها من إعلان
staff-help-does-export = السجلات في ملف، بأسماء مستعارة
staff-help-does-event-create = جلسة جماعية، يُعلَن عنها مع أزرار لتأكيد الحضور
staff-help-does-event-list = الجلسات القادمة مع الردود حتى الآن
staff-help-does-event-show = من سيحضر جلسة
staff-help-does-event-cancel = إلغاء جلسة: يُخبَر كل من أجاب بنعم أو ربما
staff-help-does-survey-list = كل استبيان مع عدد من سُئلوا ومن أجابوا
staff-help-does-survey-send = سؤال الأشخاص في رسالة مباشرة (لا يُسأل أحد مرتين ما دام مفتوحًا)
staff-help-does-survey-results = الإجابات مجمّعة، بدءًا من الحد الأدنى لإخفاء الهوية
staff-help-does-case-list = الحالات المفتوحة، الأخطر والأقدم أولًا
staff-help-does-case-show = بطاقة الحالة
staff-help-does-case-claim = تولي الحالة
staff-help-does-case-note = ملاحظة داخلية
staff-help-does-case-ask = سؤال صاحب البلاغ في رسالة مباشرة، باسم فريق الإشراف؛ ويصل الرد هنا
staff-help-does-case-resolve = إغلاق الحالة: يُخبَر صاحب البلاغ بالنتيجة
staff-help-does-case-reopen = إعادة فتح حالة محلولة
staff-help-does-case-log = سجل تدقيق الحالة: كل حدث، ومن قام به ومتى
staff-help-does-case-reveal = الكشف عن اسم صاحب بلاغ مجهول: يتطلب ذلك مشرفَين اثنين، ولا يُخبَر به سواهما، في رسالة مباشرة
staff-help-does-case-escalate = تمرير الحالة (الكلمة الواحدة تعني شخصًا، تصله رسالة مباشرة)
staff-help-does-case-concerns = ربط الحالة بالشخص الذي تخصه (not: فك الربط)
staff-help-does-case-close-match = إغلاق ثنائي شخص مرتبط بالحالة إغلاقًا تأديبيًا
staff-help-does-case-evidence = نشر ملفات الحالة (يُسجَّل فتحها)
staff-help-does-freeze = جعل غرفة ثنائي للقراءة فقط
staff-help-does-unfreeze = إتاحة الكتابة مجددًا في غرفة ثنائي مجمّدة
staff-help-does-suspend = الإخراج من غرف ثنائياته؛ ولا يمكنه التقديم أو الدخول في ثنائي خلال ذلك
staff-help-does-unsuspend = رفع الإيقاف
staff-help-does-remove-from-room = إخراج شخص من غرفة يديرها البوت
staff-help-does-confirm-action = تنفيذ الإجراء الذي طلبته، أو التخلي عنه
staff-help-does-confirm-coordinator-action = تنفيذ close match أو survey send الذي طلبته، أو التخلي عنه
staff-help-does-transcript = رسائل غرفة ثنائيك، في ملف

# السطر الأخير من القائمة.
staff-help-footer = اكتب { $help } <الأمر> لترى كلمات أمر واحد ومثالًا عليه ومن يمكنه تشغيله.
staff-help-footer-like = اكتب { $help } <الأمر> لترى كلمات أمر واحد ومثالًا عليه ومن يمكنه تشغيله، مثل { $example }.

# `help <الأمر>`: طريقة استخدامه (كما تُكتب)، ثم هذه الأسطر.
staff-help-does = { $does }.
staff-help-example = مثال: { $example }
staff-help-who-may = من يمكنه تشغيله: { $who }.
# من يمكنه تشغيل أمر، وأين (تُربط بـ staff-help-who-and إن كانوا أكثر من واحد).
staff-help-who-any-coordinator = أي منسق، في غرفة المنسقين
staff-help-who-its-coordinators = منسقو البرنامج المعني، في غرفة المنسقين
staff-help-who-any-moderator = أي مشرف، في غرفة المشرفين
staff-help-who-moderator = مشرف، في غرفة المشرفين، في حالة لا تخص فريق الإشراف
staff-help-who-concerned-moderator = مشرف تعنيه الحالة، في غرفة المشرفين
staff-help-who-contact = جهة التصعيد، في رسالة مباشرة دون البادئة، في حالة قد تخص أحد أعضاء فريق الإشراف
staff-help-who-pair-member = أحد طرفي الثنائي، بشأن ثنائيه، في رسالة مباشرة
staff-help-who-and = { $first }؛ { $then }

# `help match`: الأوامر التي تبدأ أسماؤها بهذه الكلمات.
staff-help-several = الأوامر التي تبدأ بـ«{ $topic }»:
staff-help-several-one = اكتب { $help } لترى أمرًا واحدًا.
# `help aprove`: لا يوجد أمر بهذا الاسم؛ `$suggestions` هي الأقرب (تُربط بـ staff-help-or).
staff-help-unknown = لا أعرف أمرًا للفريق اسمه «{ $asked }». اكتب { $help } لترى أوامر هذه الغرفة.
staff-help-unknown-suggest = لا أعرف أمرًا للفريق اسمه «{ $asked }». هل تقصد { $suggestions }؟ اكتب { $help } لترى أوامر هذه الغرفة.
staff-help-or = { $first } أو { $then }
