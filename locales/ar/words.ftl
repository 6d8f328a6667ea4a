# كلمات المجال نفسه كما يقرؤها القارئ بجانب ثنائي أو طلب أو حالة: حالات الثنائيات
# والطلبات، وكيف انتهى ثنائي، وما قررته قواعد الفحص وكيف تُقرأ القاعدة، والدور، والمدة،
# ولقاءات الثنائي مقارنةً بالتزام البرنامج، وحجم الملف. أما حال الثنائي (health-*) ففي
# support.ftl. تبقى الأوامر وكلمات التصفية كما تُكتب، ولا تتغير القيم المخزنة والمصدّرة.

## حالة الثنائي (domain::matches)، في قوائم المنسقين وردودهم.

match-status-proposed = مقترح
match-status-approved = معتمد
match-status-active = نشط
match-status-rejected = مرفوض
match-status-declined = مُعتذَر عنه
match-status-expired = منتهي المهلة
match-status-closed = مغلق
# اقتراح أو ثنائي يُذكر في أول الجملة؛ $id: رقمه.
match-named-proposal = الاقتراح P{ $id }
match-named-match = الثنائي M{ $id }
# كيف انتهى الثنائي.
match-closure-planned = كما هو مخطط
match-closure-early = مبكرًا
match-closure-disciplinary = تأديبيًا

## حالة الطلب في كلمات قليلة، للفريق (بطاقته، وقائمة الانتظار، والملخص).

application-status-submitted = مُرسل
application-status-needs-review = بحاجة إلى مراجعة
application-status-info-requested = طُلبت معلومات
application-status-waitlisted = في قائمة الانتظار
application-status-approved = مقبول
application-status-ready = جاهز
application-status-ineligible = غير مؤهل
application-status-rejected = مرفوض
application-status-withdrawn = مسحوب
application-status-resting = في استراحة
application-stage-offered = عُرضت عليه مطابقة
application-stage-matched = مطابق
# عدد الطلبات في حالة واحدة: $count، و$status (application-status-*).
application-status-count = { $status }: { $count }
# $status: application-status-*؛ $by: من قرّر (المنصة:المعرّف)؛ $when: اليوم والساعة.
review-decided-by = { $status } بقرار من { $by } في { $when }
review-decided-by-reason = { $status } بقرار من { $by } في { $when } ({ $reason })
# الدور، بالمفرد.
role-one = { $role ->
    [mentor] مرشد
   *[mentee] متدرب
}

## ما قررته قواعد الفحص، وكيف تُقرأ القاعدة (domain::screening). تبقى معرّفات الأسئلة
## وقيم الإجابات كما ضبطها البرنامج.

rule-outcome-eligible = مؤهل
rule-outcome-needs-review = يحتاج إلى مراجعة
rule-outcome-ineligible = غير مؤهل
# $left و$right: شرطان.
rule-and = { $left } و{ $right }
rule-or = { $left } أو { $right }
# $cond: شرط.
rule-not = ليس ({ $cond })
# $question: معرّف السؤال؛ $value: قيمة واحدة؛ $values: عدة قيم تفصل بينها فواصل.
rule-is = { $question } هو { $value }
rule-is-one-of = { $question } واحد من { $values }
rule-is-none-of = { $question } ليس أيًّا من { $values }
rule-answered = { $question } مُجاب عنه
rule-not-answered = { $question } غير مُجاب عنه
# قاعدة انطبقت، على بطاقة الطلب: $rule معرّفها، و$outcome (rule-outcome-*)، و$when شرطها،
# و$reason ملاحظتها للمراجعين.
rule-matched = ✓ { $rule } ← { $outcome }: { $when }
rule-matched-reason = ✓ { $rule } ← { $outcome }: { $when } — { $reason }

## مدة من الزمن (لقاء، أو شهر الثنائي، أو التزام البرنامج).

duration-minutes = { $minutes } د
duration-hours = { $hours } س
duration-hours-minutes = { $hours } س { $minutes } د

## لقاءات الثنائي المسجلة مقارنةً بالتزام البرنامج (match show، checkins).

# $goal: ما يطلبه البرنامج شهريًا (duration-*).
meetings-none = لم يُسجَّل أي لقاء بعد
meetings-none-goal = لم يُسجَّل أي لقاء بعد (يطلب البرنامج { $goal } شهريًا)
# $count: اللقاءات المسجلة على أنها تمت؛ $month: مدة لقاءاتهما في آخر 30 يومًا.
meetings-logged = { $count ->
    [one] لقاء واحد مسجَّل
    [two] لقاءان مسجَّلان
    [few] { $count } لقاءات مسجَّلة
    [many] { $count } لقاءً مسجَّلًا
   *[other] { $count } لقاء مسجَّل
}؛ { $month } في آخر 30 يومًا
# $logged: meetings-logged؛ $short: ما ينقص (duration-*).
meetings-logged-on-track = { $logged } (يطلب البرنامج { $goal } شهريًا: على المسار الصحيح)
meetings-logged-short = { $logged } (يطلب البرنامج { $goal } شهريًا: ينقص { $short })

## حجم الملف، وملفات الحالة كما يراها المشرفون.

file-size-bytes = { $count ->
    [one] بايت واحد
    [two] بايتان
    [few] { $count } بايتات
    [many] { $count } بايتًا
   *[other] { $count } بايت
}
file-size-kb = { $kb } كيلوبايت
file-size-mb = { $mb } ميغابايت
# $mb و$tenths: 2 و5 لميغابايتين ونصف.
file-size-mb-tenths = { $mb }.{ $tenths } ميغابايت
# $mime: نوع الملف (image/png)؛ $size: file-size-*.
evidence-file = { $mime }، { $size }
# $n: الحالة؛ $number من $total: أيّ ملفاتها.
case-file-posted = الحالة رقم { $n } · الملف { $number } من { $total } · { $mime } · { $size }
# $file: evidence-file.
case-file-refused = الحالة رقم { $n }: تعذّر نشر الملف { $number } ({ $file }): رفضته المنصة (ربما بسبب حجمه). يبقى محفوظًا مع الحالة.
# شخص مرتبط بحالة: طلباته وثنائياته الجارية. $status: application-status-* أو match-status-*.
case-subject-application = الطلب A{ $id } ({ $status })
case-subject-match = الثنائي M{ $id } ({ $status })
case-subject-match-frozen = الثنائي M{ $id } ({ $status }، مجمّد)

## حالة قضية الإشراف وخطورتها (domain::incident).

case-status-open = مفتوحة
case-status-claimed = قيد المتابعة
case-status-resolved = محلولة
case-severity-normal = عادية
case-severity-urgent = عاجلة
case-severity-safeguarding = حماية
case-severity-normal-loud = عادية
case-severity-urgent-loud = ⚠ عاجلة
case-severity-safeguarding-loud = ⚠ حماية الأطفال
