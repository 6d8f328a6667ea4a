# أرقام المنسقين: تقرير البرنامج (`report` في غرفة المنسقين، domain::figures) ونتائج
# استبيان (`survey results`، domain::survey)، والجماهير التي يُرسل إليها استبيان أو بث.
# في الرقم، يختار $count صيغة الجمع، و$n هو الرقم نفسه مكتوبًا كما تكتبه اللغة (1,234).
# أسماء البرامج والاستبيانات والأسئلة والخيارات هي أسماء البرنامج نفسه، بالعربية حيث
# يترجمها ملفه. المتوسطات بمنزلة عشرية واحدة (3.5)، ومؤشر NPS بإشارته (+20).
# في القوائم يأتي الوصف ثم العدد («نشط 2»)، فلا يتغير الوصف بتغير العدد.

## تقرير البرنامج (domain::figures).

# $programme: اسم البرنامج؛ $date: يوم الأرقام.
figures-report = تقرير البرنامج: { $programme } ({ $date })
# كلٌّ من $applied و$accepted و$matched و$completed: رسالته figures-funnel-*.
figures-funnel = مسار الطلبات: { $applied } ← { $accepted } ← { $matched } ← { $completed }
figures-funnel-applied = قُدِّم { $n }
figures-funnel-accepted = قُبِل { $n }
figures-funnel-matched = طوبِق { $n }
figures-funnel-completed = أُتِمّ { $n }
# طلبات دور واحد حسب المرحلة. $role: mentor أو mentee؛ $stages: figures-stage-*.
figures-role = { $role ->
    [mentor] المرشدون
   *[mentee] المتدربون
}: { $stages }
figures-stage-submitted = أُرسل { $n }
figures-stage-needs-review = بانتظار المراجعة { $n }
figures-stage-info-requested = بانتظار معلومات { $n }
figures-stage-waitlisted = في قائمة الانتظار { $n }
figures-stage-approved = قُبِل { $n }
figures-stage-ready = جاهز للمطابقة { $n }
figures-stage-offered = بمطابقة مقترحة { $n }
figures-stage-matched = طوبِق { $n }
figures-stage-resting = في استراحة { $n }
figures-stage-ineligible = غير مؤهل { $n }
figures-stage-rejected = رُفض { $n }
figures-stage-withdrawn = سُحب { $n }
# $sources: figures-source-*، الأكثر أولًا.
figures-sources = الطلبات حسب المصدر: { $sources }
# كتب apply دون مصدر.
figures-source-direct = مباشر { $n }
# من بطاقة تقديم.
figures-source-announcement = من إعلان { $n }
# من بث إلى الخريجين.
figures-source-alumni = من الخريجين { $n }
# سجّله المنسقون لشخص ما (assist apply).
figures-source-assisted = سجّله المنسقون { $n }
# $code: رمز الإحالة كما أُعطي.
figures-source-referral = بالرمز { $code }: { $n }
# $source: مصدر لا يعرف Tandem كلمات له، كما خُزّن.
figures-source-other = { $source }: { $n }
figures-matches-none = الثنائيات: لا شيء بعد.
# $statuses: figures-match-*.
figures-matches = الثنائيات: { $statuses }
# $closures: figures-closure-*.
figures-matches-closed = الثنائيات: { $statuses } (المغلقة: { $closures })
figures-match-proposed = مقترح { $n }
figures-match-approved = معتمد { $n }
figures-match-active = نشط { $n }
figures-match-rejected = مرفوض { $n }
figures-match-declined = لم يُقبل { $n }
figures-match-expired = انتهت مهلته { $n }
figures-match-closed = مغلق { $n }
figures-closure-planned = في موعده { $n }
figures-closure-early = مبكرًا { $n }
figures-closure-disciplinary = لأسباب تأديبية { $n }
# $days: المتوسط، بمنزلة عشرية واحدة.
figures-days-to-match = متوسط المدة من الطلب إلى المطابقة: { $days } يوم.
# $answers: figures-check-in-*.
figures-check-ins = إجابات المتابعة: { $answers }
figures-check-in-met = «التقينا» { $n }
figures-check-in-not-yet = «ليس بعد» { $n }
figures-check-in-stuck = «عالقون» { $n }
# $answer: إجابة لا يعرف Tandem كلمات لها، كما خُزّنت.
figures-check-in-other = { $answer }: { $n }
# $held: الاجتماعات المسجّلة على أنها عُقدت؛ $time: مجموع مدتها (2h 30m).
figures-meetings = الاجتماعات المسجّلة: { $held } ({ $time }).
# $count و$n: الثنائيات النشطة؛ $reached: من بلغ منها ما يطلبه البرنامج خلال آخر 30 يومًا؛
# $commitment: الوقت الذي يطلبه شهريًا (2h).
figures-meetings-commitment = الاجتماعات المسجّلة: { $held } ({ $time })؛ وبلغ { $reached } من أصل { $count ->
    [one] ثنائي نشط واحد
    [two] ثنائيين نشطين
    [few] { $n } ثنائيات نشطة
    [many] { $n } ثنائيًا نشطًا
   *[other] { $n } ثنائي نشط
} ما يطلبه البرنامج ({ $commitment } شهريًا) خلال آخر 30 يومًا.
# استبيان في التقرير. $survey: عنوانه؛ $count و$n: إجاباته.
figures-survey = { $survey }: { $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
    [many] { $n } إجابةً
   *[other] { $n } إجابة
}
# $figures: figures-headline-* لأسئلته، بينها " · ".
figures-survey-with = { $survey }: { $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
    [many] { $n } إجابةً
   *[other] { $n } إجابة
}؛ { $figures }

## نتائج استبيان (domain::survey، `survey results`).

# $survey: عنوانه؛ $programme: اسم البرنامج؛ $count و$n: الإجابات؛ $invited: عدد من دُعوا؛
# $anonymous: yes أو no.
figures-results = نتائج الاستبيان: { $survey } ({ $programme })، { $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
    [many] { $n } إجابةً
   *[other] { $n } إجابة
} (عدد المدعوين: { $invited }){ $anonymous ->
    [yes] ، مجهول الهوية
   *[no] {""}
}.
# إجابات أقل من أن يُعرض شيء. $survey: عنوانه؛ $n: إجاباته حتى الآن؛ $minimum: الحد الأدنى
# لإخفاء الهوية في البرنامج.
figures-too-few = عدد إجابات { $survey } حتى الآن: { $n }؛ تُعرض النتائج ابتداءً من { $minimum ->
    [one] إجابة واحدة
    [two] إجابتين
    [few] { $minimum } إجابات
    [many] { $minimum } إجابةً
   *[other] { $minimum } إجابة
}، كي لا يمكن التعرّف على إجابات أي شخص.
# سؤال: $question: تسميته؛ $n: عدد من أجابوا عنه.
figures-question = { $question } (أجاب { $n })
# $head: figures-question؛ $minimum: الحد الأدنى لإخفاء الهوية.
figures-question-hidden = { $head }: لا يُعرض، فعدد الإجابات أقل من { $minimum }.
# $head: figures-question؛ $mean: متوسط النقاط.
figures-question-average = { $head }: المتوسط { $mean }
# $head: figures-question؛ $score: مؤشر صافي الترويج (NPS)؛ $promoters و$passives و$detractors:
# figures-nps-*.
figures-question-nps = { $head }: NPS { $score } ({ $promoters }، { $passives }، { $detractors })
figures-nps-promoters = المروّجون { $n }
figures-nps-passives = المحايدون { $n }
figures-nps-detractors = المنتقدون { $n }
# $head: figures-question؛ $mean و$min و$max: أرقام كما أُجيب بها.
figures-question-numbers = { $head }: المتوسط { $mean }، من { $min } إلى { $max }
# $text: إجابة حرة كما كُتبت.
figures-quoted = «{ $text }»
# التفصيل حسب الدور. $role: mentor أو mentee؛ $figures: figures-headline-* بينها " · ".
figures-by-role = { $role ->
    [mentor] المرشدون
   *[mentee] المتدربون
}: { $figures }
# $minimum: الحد الأدنى لإخفاء الهوية.
figures-no-breakdown = لا تفصيل حسب الدور: لا يُعرض إلا إذا بلغت إجابات كلٍّ من المرشدين والمتدربين { $minimum } على الأقل.
# رقم السؤال الواحد. $question: تسميته؛ $mean: متوسطه.
figures-headline-mean = { $question } { $mean }
# $question: تسميته؛ $score: مؤشر صافي الترويج.
figures-headline-nps = { $question } NPS { $score }

## الجماهير (domain::survey::Audience): من يُرسل إليهم استبيان أو بث.

# الكلمات التي يكتبها المنسقون (all وmentors وmentees وmatched وwaiting وalumni، وشهر مثل
# 2027-01) تبقى كما تُكتب، مع معنى كلٍّ منها.
audiences = all، mentors، mentees، matched (المشاركون في ثنائيات نشطة)، waiting (المقبولون أو من في قائمة الانتظار ولم تتم مطابقتهم بعد)، alumni (من بلغت مطابقتهم نهايتها المخططة) أو دفعة بحسب الشهر الذي بدأت فيه مطابقتهم، مثل 2027-01
# $audience: ما كُتب؛ $audiences: رسالة audiences.
audience-unknown = لا أعرف الجمهور «{ $audience }». أرسل إلى { $audiences }.
# من هو الجمهور، داخل جملة («لا يوجد … في Pathways»).
audience-all = جميع المشاركين
audience-mentors = المرشدين
audience-mentees = المتدربين
audience-matched = المشاركين في ثنائيات نشطة
audience-waiting = المنتظرين للمطابقة
# $cohort: الشهر الذي بدأت فيه مطابقاتهم (2027-01).
audience-cohort = دفعة { $cohort }
audience-alumni = الخريجين
