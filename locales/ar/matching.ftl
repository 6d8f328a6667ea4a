# أوامر المطابقة للمنسقين (flows::pairing). تبقى الأوامر كما تُكتب؛ وحالات الثنائي
# وأسباب المحرك بكلماتها الخاصة.

matching-usage = الاستخدام: match preview [البرنامج] · match propose [البرنامج] · match approve <الاقتراح، مثل P3> · match approve all [البرنامج] · match reject <الاقتراح> [السبب] · match swap <الاقتراح> <طلب المرشد، مثل A12> · match rematch <الطلب> · match exclude <طلب المتدرب> <طلب المرشد> [السبب] · match include <طلب المتدرب> <طلب المرشد> · matches [البرنامج] [الحالة] · match show <الثنائي، مثل M7>
matching-room = أوامر المنسقين تعمل في غرفة المنسقين فقط.
matching-no-such = لا يوجد ثنائي أو اقتراح رقم { $id }.
matching-no-application = لا يوجد طلب A{ $id }.
matching-nothing-loaded = لم يُحمَّل شيء للمطابقة.
matching-programme-gone = البرنامج `{ $programme }` لم يعد مهيأً.
matching-not-set-up = { $programme } غير مهيأ للمطابقة.
matching-not-yours = لا تنسّق برنامجًا باسم `{ $programme }`.
matching-none-set-up = لا يوجد بين البرامج التي تنسقها برنامج مهيأ للمطابقة (جدول [matching] في ملفه).
matching-which = أي برنامج؟ أضف اسمه: { $programmes }.
matching-not-ready = الطلب A{ $id } ليس جاهزًا للمطابقة في { $programme } (لا يُطابق إلا المشاركون الجاهزون).
matching-no-proposals = لا توجد اقتراحات تنتظر الموافقة.
matching-already-together = الطلبان A{ $mentee } وA{ $mentor } في { $match } ({ $status }) بالفعل.
matching-nothing-apart = لا شيء يفصل بين الطلبين A{ $mentee } وA{ $mentor }: يمكن اقتراح أحدهما للآخر (اكتب طلب المتدرب أولًا).
matching-included = يمكن اقتراح الطلبين A{ $mentee } وA{ $mentor } أحدهما للآخر من جديد (رُفع: { $lifted }).
matching-exclude-order = اكتب طلب المتدرب أولًا ثم طلب المرشد، وكلاهما في { $programme }: match exclude <طلب المتدرب> <طلب المرشد> [السبب].
matching-exclude-open = الطلبان A{ $mentee } وA{ $mentor } في { $match } ({ $status })؛ ارفضه أو أغلقه أولًا.
matching-excluded = لن يُقترح الطلبان A{ $mentee } وA{ $mentor } أحدهما للآخر أبدًا.
matching-rejected = رفض { $who } الاقتراح P{ $id } ({ $mentee } ↔ { $mentor }). لن يُقترحا أحدهما للآخر مجددًا.
matching-rejected-reason = رفض { $who } الاقتراح P{ $id } ({ $mentee } ↔ { $mentor }): { $reason }. لن يُقترحا أحدهما للآخر مجددًا.
matching-already = { $match } ({ $mentee } ↔ { $mentor }) في حالة { $status } بالفعل.
matching-request-own-choice = الطلب P{ $id } هو اختيار { $mentee } لمرشده: وافق عليه (match approve P{ $id }) أو ارفضه (match reject P{ $id } [السبب])؛ يُبلَّغ ويمكنه الاختيار من جديد.
matching-mentee-gone = { $mentee } لم يعد جاهزًا للمطابقة.
matching-not-a-mentor = الطلب A{ $id } ليس لمرشد جاهز للمطابقة في { $programme }.
matching-same-mentor = الاقتراح P{ $id } فيه هذا المرشد بالفعل.
matching-before = { $mentee } والطلب A{ $id } طوبقا أو اقتُرحا من قبل: لا يُقترحان مجددًا.
matching-no-place = لا مكان متبقيًا لدى مرشد الطلب A{ $id }.
matching-swap-refused = هذا التبديل غير مسموح: { $why }.
matching-swapped = بدّل { $who } الاقتراح P{ $id }: يحصل { $mentee } على مرشد آخر (أدناه). ومن يتحرر بالتغيير يُقترح من جديد.

## إغلاق الثنائي وإيقافه مؤقتًا ومراسلته (flows::closure وflows::pause)، جانب المنسقين.

close-usage = الاستخدام: close match <رقم الثنائي> [disciplinary] <السبب>، مثل close match 3 انتقل المرشد إلى الخارج
close-give-reason = يرجى ذكر سبب (يُسجَّل ولا يُخبَر به الثنائي). الاستخدام: close match <رقم الثنائي> [disciplinary] <السبب>، مثل close match 3 انتقل المرشد إلى الخارج
close-room = إغلاق الثنائي يعمل في غرفة المنسقين.
close-no-match = لا يوجد ثنائي M{ $m }.
close-already-closed = الثنائي M{ $m } ({ $mentee } ↔ { $mentor }) أُغلق من قبل في { $date } ({ $kind }).
close-not-active = { $match } ({ $mentee } ↔ { $mentor }) في حالة { $status }، وليس نشطًا: لا يوجد ما يُغلق.
close-ask = إغلاق الثنائي M{ $m } ({ $mentee } ↔ { $mentor }، { $programme }، منذ { $since })؟ يُبلَّغ الاثنان بلطف أنه انتهى (دون السبب) ويُسألان عما يريدانه بعد ذلك؛ وتُؤرشف غرفتهما. لا يمكن التراجع عن ذلك. السبب المسجل: { $reason }
close-ask-disciplinary = إغلاق الثنائي M{ $m } ({ $mentee } ↔ { $mentor }، { $programme }، منذ { $since })؟ يُبلَّغ الاثنان أن البرنامج أغلقه (دون السبب)، ولا يُعرض على أيٍّ منهما ثنائي جديد؛ وتُؤرشف غرفتهما. لا يمكن التراجع عن ذلك. السبب المسجل: { $reason }
pause-staff-usage = الاستخدام: pause <رقم الثنائي> until <تاريخ> · resume <رقم الثنائي> · message <رقم الثنائي> <نص>
pause-staff-usage-example = الاستخدام: pause <رقم الثنائي> until <تاريخ، مثل { $example } أو next Wednesday> · resume <رقم الثنائي> · message <رقم الثنائي> <نص>
pause-room = الإيقاف المؤقت للثنائي يعمل في غرفة المنسقين.
pause-staff-no-match = لا يوجد ثنائي M{ $m }.
pause-not-active = { $match } ({ $mentee } ↔ { $mentor }) ليس نشطًا، فلا يوجد ما يُوقف.
pause-not-active-message = { $match } ({ $mentee } ↔ { $mentor }) ليس نشطًا، فلا يوجد من تُرسل إليه.
pause-sent-both = أُرسل إلى { $mentee } و{ $mentor } برسالة مباشرة.
pause-staff-paused = أوقف { $who } الثنائي M{ $m } ({ $mentee } ↔ { $mentor }) مؤقتًا حتى { $date }.
pause-staff-resumed = استأنف { $who } الثنائي M{ $m } ({ $mentee } ↔ { $mentor }).

## اقتراحات المحرك (flows::pairing::proposals). أسباب المحرك («Shared goals: Writing a CV
## (+10)») كلماته هو.

matching-mentees-choose = في { $programme } يختار المتدربون مرشديهم (matched_by = "{ $setting }")، لذا لا يقترح المحرك ثنائيات للجميع: يتصفح المتدربون المرشدين ويطلبونهم، ويُنشر كل طلب هنا. ما زال match rematch <الطلب> يقترح مرشدًا لشخص واحد، ويعرض match preview ما كان المحرك سيقترحه.
matching-no-criterion = لا معيار مشتركًا
matching-nobody-yet = لا أحد للمطابقة بعد في { $programme }: { $mentees ->
    [zero] لا متدربين
    [one] متدرب واحد
    [two] متدربان
    [few] { $mentees } متدربين
   *[other] { $mentees } متدربًا
} و{ $mentors ->
    [zero] لا مرشدين
    [one] مرشد واحد
    [two] مرشدان
    [few] { $mentors } مرشدين
   *[other] { $mentors } مرشدًا
} جاهزون للمطابقة.
matching-config-unusable = لا يمكن استخدام إعدادات المطابقة: { $why }
matching-no-new = لا اقتراحات جديدة في { $programme }.
matching-no-new-for-now = لا اقتراحات جديدة في { $programme } حاليًا: لا أحد ممن ينتظرون لديه شريك متاح يناسبه.
matching-not-matched = لم تتم مطابقتهم:
matching-not-matched-now = لم تتم مطابقتهم هذه المرة:
matching-proposals = { $count ->
    [one] اقتراح مطابقة جديد:
    [two] اقتراحا مطابقة جديدان:
    [few] { $count } اقتراحات مطابقة جديدة:
   *[other] { $count } اقتراح مطابقة جديد:
}
matching-proposal = الاقتراح P{ $id }: { $mentee } (متدرب، الطلب A{ $mentee_app }) ↔ { $mentor } (مرشد، الطلب A{ $mentor_app })، { $score } نقطة — { $why }
matching-proposals-reply = للرد: { $prefix } match approve P<الرقم> · { $prefix } match approve all · { $prefix } match reject P<الرقم> [السبب]
matching-request-head = طلب { $mentee } (متدرب، الطلب A{ $mentee_app }) أن يكون { $mentor } (مرشد، الطلب A{ $mentor_app }) مرشده، { $score } نقطة — { $why }
matching-request-waits = الطلب P{ $id }: { $head }. ينتظر موافقتكم قبل أن يُسأل { $mentor }.
    للرد: { $prefix } match approve P{ $id } · { $prefix } match reject P{ $id } [السبب]
matching-request-asked = الطلب M{ $id }: { $head }. طُلب من { $mentor } أن يجيب قبل { $by }.
matching-request = الطلب M{ $id }: { $head }.
matching-preview = معاينة المطابقة في { $programme } (تجربة: لم يُرسل شيء ولم يُحفظ شيء)
matching-preview-matched = طوبق { $matched } من أصل { $waiting } متدربين، ومجموع النقاط { $score }.
matching-preview-pair = { $mentee } ↔ { $mentor }: { $score } نقطة — { $why }
matching-spare = مرشدون لديهم أماكن شاغرة: { $mentors }
matching-spare-mentor = { $mentor } ({ $used } من { $places })

## ما يؤول إليه عرض المطابقة (flows::pairing::offers)، للمنسقين.

matching-proposal-invalid = الاقتراح P{ $id } ({ $mentee } ↔ { $mentor }) لم يعد صالحًا: أحدهما لم يعد جاهزًا للمطابقة (سحب طلبه، أو انتهت صلاحية خطوة من خطوات الفحص). وُضع جانبًا.
matching-approved = وافق { $who } على الثنائي M{ $id } ({ $mentee } ↔ { $mentor }). طُلب من كليهما القبول قبل { $by }.
matching-approved-request = وافق { $who } على الثنائي M{ $id } ({ $mentee } ↔ { $mentor }). طُلب من { $mentor } (المرشد المطلوب) القبول قبل { $by }.
matching-active = الثنائي M{ $id } ({ $mentee } ↔ { $mentor }) نشط: قبل كلاهما، وتُنشأ غرفتهما الآن.
matching-declined = رفض { $who } الثنائي M{ $id } ({ $mentee } ↔ { $mentor }). عاد كلاهما إلى قائمة المتاحين؛ ولن يُقترحا معًا مرة أخرى (يسمح بذلك match include A{ $mentee_app } A{ $mentor_app }).
matching-offer-withdrawn = سُحب العرض M{ $id } ({ $mentee } ↔ { $mentor }) قبل أن يبدأ: أحدهما لم يعد جاهزًا للمطابقة (موقوف، أو انتهت خطوة فحص أو لم يجتزها، أو سحب طلبه). قيل لكليهما إنه لا يمكن المضي فيه، دون ذكر السبب.
matching-expired = انتهت مهلة الثنائي M{ $id } ({ $mentee } ↔ { $mentor }) دون ردّ كليهما. عاد كلاهما إلى قائمة المتاحين، ويمكن اقتراحهما معًا مرة أخرى.
matching-ranked-ran-out = كان ذلك آخر اختيارات { $mentee } المرتبة: { $prefix } match rematch A{ $app } يقترح له مرشدًا.
matching-ranked-all-gone = كل اختيارات A{ $app } { $mentee } المرتبة في { $programme } رفضت أو انتهت مهلتها أو لم تعد متاحة. { $prefix } match rematch A{ $app } يقترح له مرشدًا.

## أسباب محرّك المطابقة (matching::plan::explain)، تظهر مع الاقتراح والعرض وبطاقة المرشد.

match-reason = { $criterion }: { $detail }
match-reason-numbers = { $mentee } و{ $mentor }
match-reason-hours = { $count ->
    [zero] لا ساعات
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
   *[other] { $count } ساعة
}
match-reason-excluded = مستبعَد
unmatched-no-mentors = لا يوجد مرشدون جاهزون للمطابقة
unmatched-mentors-full = { $count ->
    [one] المرشد الوحيد الذي يمكنه استقباله مكتمل بمتدرّبين أنسب
    [two] المرشدان اللذان يمكنهما استقباله مكتملان بمتدرّبين أنسب
    [few] المرشدون الـ{ $count } الذين يمكنهم استقباله مكتملون بمتدرّبين أنسب
   *[other] جميع المرشدين الـ{ $count } الذين يمكنهم استقباله مكتملون بمتدرّبين أنسب
}
unmatched-no-room = لا يوجد مرشد لديه مكان
unmatched-no-language = لا يشاركه أي مرشد لغةً
unmatched-time-zones = لا يوجد مرشد ضمن فرق التوقيت المسموح به
unmatched-same-employer = جميع المرشدين المحتملين يعملون لدى جهة العمل نفسها
unmatched-excluded = جميع المرشدين المحتملين مستبعَدون (شريك سابق أو طلب)
pair-different-platforms = هما على منصّتين مختلفتين ({ $mentee } و{ $mentor })، وغرفة الثنائي تكون على منصّة واحدة
pair-no-language = لا يتشاركان أي لغة
pair-time-zones = منطقتاهما الزمنيتان متباعدتان أكثر مما ينبغي
pair-same-employer = يعملان لدى جهة العمل نفسها
pair-excluded = لا يجوز الجمع بينهما
unmatched-all-full = جميع المرشدين الجاهزين للمطابقة مكتملون
unmatched-no-platform = لا يوجد مرشد جاهز للمطابقة يشاركه منصّة
unmatched-platform-full = جميع المرشدين على { $platform }، حيث يوجد، مكتملون
unmatched-not-on-platform = لا يوجد مرشد جاهز للمطابقة على { $platform }، حيث يوجد
