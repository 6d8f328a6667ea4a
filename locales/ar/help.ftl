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
personal-file = هذا كل ما يحفظه Tandem عنك، في ملف JSON: طلباتك وإجاباتك، والمطابقات، والمتابعات، ودعوات الاستبيانات (الإجابات عن الاستبيانات المجهولة غير مرتبطة بك، لذا لا يمكن تضمينها)، وردودك على الفعاليات والبلاغات التي قدّمتها. لا تُضمَّن البلاغات عنك، ولا سجلات الحماية المحفوظة بموجب حجز قانوني. لحذفها، اكتب delete my data.
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
    } حتى بعد الحذف، كما تقتضي قواعد الحماية: البلاغات عنك، وفحوصات الخلفية غير المجتازة، وحالات الإيقاف. ثم تُمحى.
personal-answer = من فضلك أجب 1 (نعم، احذف بياناتي) أو 2 (لا، احتفظ بها).
personal-nothing-deleted = حسنًا: لم يُحذف شيء.
personal-partner-left = مستجدات بشأن مطابقتك: غادر الطرف الآخر البرنامج، لذا لا يمكن أن تمضي المطابقة. هذا لا يعكس شيئًا عنك؛ نحن نبحث بالفعل عن مطابقة أخرى لك.
personal-done = تم: حُذفت بياناتك، وغادرت كل البرامج. { $kept } شكرًا على الوقت الذي قضيته معنا؛ يسعدنا أن تعود متى شئت.
