# Looking after pairs: staff check-ins and their notices, lapsed checks, the waiting list,
# check-in alerts and the coordinators' side of closing a match.
# تبقى الأوامر كما تُكتب (`checkin M3`، `close match M3 <السبب>`)؛ وتُعرض أرقام الثنائيات
# والأسماء ومعرّف كل عضو في الفريق وملاحظاته كما هي.

## متابعات الفريق في غرفة المنسقين (flows::support): `checkins` و`checkin` و`checkin assign`
## وسجل الثنائي.

support-usage = الاستخدام: checkins [البرنامج] [mine] · checkins for <الثنائي> · checkin <الثنائي> [with mentee|mentor|both] [by chat|call|video|meeting|email] [concern]: <ملاحظات> · checkin assign <الثنائي> <عضو الفريق>
support-say-what = اكتب ما تحدثتم عنه بعد رقم الثنائي، مثل: checkin M3 by call with both: التقيا مرتين ويخططان لمراجعة السيرة الذاتية.
support-note-too-long = في هذه الملاحظة { $chars } حرف؛ والمتابعة تحفظ { $max } حرف على الأكثر.
support-room = متابعات الفريق تعمل في غرفة المنسقين فقط، كي لا تُعرض ملاحظات الثنائيات في أي مكان آخر.
support-log-not-active = { $match } في حالة { $status }: لا تُسجَّل متابعات الفريق إلا للثنائيات النشطة.
# $with: كلاهما، أو اسم الشخص؛ $how: إحدى كلمات support-channel-*.
support-logged = سُجّلت متابعة مع { $with } عبر { $how } للثنائي { $match } ({ $mentee } ↔ { $mentor }).
support-logged-concern = سُجّل ذلك كمصدر قلق: يبقى { $match } معرّضًا للخطر حتى متابعة لا قلق فيها.
support-next-due = المتابعة التالية مستحقة بحلول { $date }.
support-with-both = كليهما
support-channel-chat = المحادثة
support-channel-call = مكالمة
support-channel-video = مكالمة فيديو
support-channel-meeting = لقاء
support-channel-email = البريد الإلكتروني
support-assign-not-active = { $match } في حالة { $status }: لا يُتابَع إلا الثنائي النشط.
# $staff: معرّفات من يتابعون، أو support-nobody.
support-not-staff = `{ $written }` لا يتابع ثنائيات في { $programme } على { $platform }. من يتابعها: { $staff }.
support-nobody = لا أحد
support-nobody-assigned = غير مُسنَد
support-assigned = يتابع { $staff } الآن الثنائي { $match } ({ $mentee } ↔ { $mentor }).
# برسالة مباشرة إلى عضو الفريق الذي أُسند إليه الثنائي.
support-handed = أسند إليك { $from } الثنائي { $match } ({ $mentee } ↔ { $mentor }، { $programme }): أنت من يتابعه الآن. متابعاته: { $prefix } checkins for { $match } في غرفة المنسقين.

## `checkins`: المتابعات المستحقة.

support-none-due = لا توجد متابعة مستحقة على الفريق.
support-none-due-mine = لا توجد متابعة مستحقة عليك.
support-none-due-next = لا توجد متابعة مستحقة على الفريق هذا الأسبوع. التالية: { $match } ({ $mentee } ↔ { $mentor }) بحلول { $date }.
support-none-due-next-mine = لا توجد متابعة مستحقة عليك هذا الأسبوع. التالية: { $match } ({ $mentee } ↔ { $mentor }) بحلول { $date }.
support-due-head = متابعات الفريق المستحقة: متأخرة: { $overdue }، هذا الأسبوع: { $soon }، الأكثر تأخرًا أولًا:
support-due-head-mine = متابعاتك المستحقة: متأخرة: { $overdue }، هذا الأسبوع: { $soon }، الأكثر تأخرًا أولًا:
# سطر من القائمة؛ $when أحد الثلاثة أدناه، و$staff من يتابع الثنائي.
support-due-line = { $match } · { $mentee } ↔ { $mentor } · { $programme } · التواصل رقم { $n }: { $when } · { $staff }
support-due-today = مستحقة اليوم ({ $date })
# $late: عدد الأيام، مثل "3 أيام".
support-due-late = متأخرة { $late } (كانت مستحقة في { $date })
support-due-by = مستحقة بحلول { $date }
support-due-more = … و{ $count } غيرها.
support-due-hint = لتسجيل متابعة: { $prefix } checkin <الثنائي> [with mentee|mentor|both] [by call|video|chat|meeting|email] [concern]: <ملاحظات>

## `checkins M3`: سجل الثنائي.

# $health: حال الثنائي (health-*).
support-history-head = متابعات الفريق للثنائي { $match } ({ $mentee } ↔ { $mentor })، { $programme } · يتابعه { $staff } · { $health }
support-history-none = لم تُسجَّل أي متابعة بعد.
support-history-line = { $n }. { $date } · { $by } · مع { $with } عبر { $how } · { $notes }
support-history-line-concern = { $n }. { $date } · { $by } · مع { $with } عبر { $how } · مصدر قلق · { $notes }
support-history-meetings = اللقاءات: { $meetings }
support-history-next = المتابعة التالية مستحقة بحلول { $date }.

## حال الثنائي (domain::health)، بجانبه.

health-frozen = جمّده المشرفون
health-at-risk = معرّض للخطر: { $reasons }
health-check-in-today = يحتاج إلى متابعة (تواصل الفريق مستحق اليوم)
# $late: عدد الأيام، مثل "3 أيام".
health-check-in-late = يحتاج إلى متابعة (تواصل الفريق متأخر { $late })
# $days: مثل "12 يومًا".
health-quiet = صامت منذ { $days }
health-paused = موقوف مؤقتًا حتى { $date }
health-too-early = من المبكر الحكم
health-on-track = يسير على ما يرام
health-offered = بانتظار قبول الطرفين
health-proposed = مقترح، بانتظار أحد المنسقين
health-ended = منتهٍ
# سبب تعرّض الثنائي للخطر، كل سبب على حدة؛ تُجمع بـ "; ".
health-risk-quiet = صامت منذ { $days }
health-risk-stuck = عالقان (قالا ذلك في آخر متابعة)
health-risk-missed = { $count ->
    [one] متابعة واحدة بلا إجابة
    [two] متابعتان متتاليتان بلا إجابة
    [few] { $count } متابعات متتالية بلا إجابة
   *[other] { $count } متابعة متتالية بلا إجابة
}
health-risk-concern = مصدر قلق سُجّل في آخر متابعة للفريق

## ما تُبلغ به جولة المتابعة (flows::support::notices): عضو الفريق الذي يتابع الثنائي (أو
## غرفة المنسقين إن لم يتابعه أحد)، وتذكير الثنائي الصامت لكلا طرفيه.

# $match و$mentee و$mentor والبرنامج، كما يسمّي كل إشعار الثنائي.
support-pair = { $match } ({ $mentee } ↔ { $mentor })، { $programme }
support-new-pair = أصبحت تتابع ثنائيًا جديدًا: { $pair }.
support-new-pair-first = أول متابعة لك معهما مستحقة بحلول { $date }: سجّلها في غرفة المنسقين بـ { $prefix } checkin { $match } [by call] [with both]: <ملاحظات>.
support-contact-due = متابعة فريق مستحقة: { $pair }. كان التواصل رقم { $n } مستحقًا بحلول { $date }. بعد أن تتواصل معهما، سجّل ذلك في غرفة المنسقين: { $prefix } checkin { $match } [by call] [with both]: <ملاحظات>
# $ago: مثل "8 أيام"؛ $staff: من يتابع الثنائي، أو support-nobody.
support-contact-overdue = متابعة فريق متأخرة: { $pair }. كان التواصل رقم { $n } مستحقًا بحلول { $date }، قبل { $ago }؛ ويتابعه { $staff }. يرجى التواصل معهما وتسجيل ذلك ({ $prefix } checkin { $match } …)، أو إسناد الثنائي إلى غيرك: { $prefix } checkin assign { $match } <عضو الفريق>.
# $reasons: أسباب health-risk-*.
support-at-risk = ثنائي معرّض للخطر: { $pair }: { $reasons }. أنت من يتابع هذا الثنائي. يرجى التواصل معهما: { $prefix } match show { $match } لعرض الثنائي، ثم { $prefix } checkin { $match } … بعد التواصل.
support-at-risk-nobody = ثنائي معرّض للخطر: { $pair }: { $reasons }. لا أحد يتابع هذا الثنائي بعد. يرجى التواصل معهما: { $prefix } match show { $match } لعرض الثنائي، ثم { $prefix } checkin { $match } … بعد التواصل.
# إلى كل طرف في ثنائي صامت. $days: مثل "30 يومًا".
support-reengage = مرحبًا { $name }، مضى { $days } دون أن يكتب أحد في الغرفة التي تشاركها مع { $partner } ({ $programme }). هل كل شيء على ما يرام؟ إن أردت الاستمرار، فألقِ التحية هناك: حتى رسالة قصيرة تساعد، واقترح موعدًا للحديث. وإن لم ينجح الأمر، فلا بأس بذلك أيضًا: اكتب close match هنا وأخبرنا بالسبب، أو ask the team <سؤالك> إن كان هناك ما يعيقك.
# "no contact" هو السبب المسجل، يُكتب كما هو.
support-close-offer = اقتراح إغلاق: { $pair }. لا رسائل في غرفتهما منذ { $days } (منذ { $date })، حتى بعد سؤال كليهما إن كانا يريدان الاستمرار. إن كان قد استوفى غايته: { $prefix } close match { $match } no contact. أو تواصل معهما أولًا: { $prefix } checkin { $match } ….

## فحص تنتهي صلاحيته (flows::review::scheduled، flows::review::screening)، وتذكير قائمة
## الانتظار. $check اسم الخطوة.

support-check-expired = انتهت صلاحية { $check } الخاص بك في { $programme } في { $date }. سيتواصل معك أحد المنسقين بشأن تجديده.
support-check-expires = تنتهي صلاحية { $check } الخاص بك في { $programme } في { $date }. يرجى تجديده مع المنسقين كي يستمر إرشادك.
support-check-expired-room = انتهت صلاحية خطوة «{ $check }» للطلب A{ $id } ({ $name }) في { $date }. سجّل التجديد بـ: { $prefix } step A{ $id } { $step } cleared until <تاريخ>
# $days: مثل "9 أيام".
support-check-expires-room = تنتهي صلاحية خطوة «{ $check }» للطلب A{ $id } ({ $name }) في { $date }، بعد { $days }. سجّل التجديد بـ: { $prefix } step A{ $id } { $step } cleared until <تاريخ>
# $matches: support-match-one أو support-match-many.
support-check-expires-room-active = تنتهي صلاحية خطوة «{ $check }» للطلب A{ $id } ({ $name }) في { $date }، بعد { $days }؛ و{ $name } في { $matches }. سجّل التجديد بـ: { $prefix } step A{ $id } { $step } cleared until <تاريخ>
support-match-one = الثنائي النشط { $match }
support-match-many = الثنائيات النشطة { $first } و{ $last }
support-lapsed-expired = فحص منتهي الصلاحية في ثنائي نشط: انتهت صلاحية خطوة «{ $check }» للطلب A{ $id } ({ $name }) في { $date }، و{ $name } في { $matches }، { $programme }.
support-lapsed-failed = فحص لم يُجتز في ثنائي نشط: سُجّلت خطوة «{ $check }» للطلب A{ $id } ({ $name }) على أنها لم تُجتز، و{ $name } في { $matches }، { $programme }.
# $renew: الأمر الذي يسجله، مثل "step A2 background_check cleared until".
support-lapse-decide-expired = يرجى اتخاذ قرار: إيقافه مؤقتًا ({ $prefix } pause M{ $m } until <تاريخ>)، أو تسجيل التجديد ({ $prefix } { $renew } <تاريخ>)، أو إغلاقه ({ $prefix } close match M{ $m } <السبب>).
support-lapse-decide-failed = يرجى اتخاذ قرار: إيقافه مؤقتًا ({ $prefix } pause M{ $m } until <تاريخ>)، أو تسجيل فحص جديد إن اجتيز ({ $prefix } { $renew } <تاريخ>)، أو إغلاقه ({ $prefix } close match M{ $m } <السبب>).
support-lapse-held-expired = أُوقف الثنائي مؤقتًا إلى أن يقرر أحد المنسقين؛ ولم يُبلَّغ الطرفان إلا بأنه موقوف لسبب إداري. يرجى اتخاذ قرار: تسجيل التجديد ({ $prefix } { $renew } <تاريخ>) واستئنافه ({ $prefix } resume M{ $m })، أو إغلاقه ({ $prefix } close match M{ $m } <السبب>).
support-lapse-held-failed = أُوقف الثنائي مؤقتًا إلى أن يقرر أحد المنسقين؛ ولم يُبلَّغ الطرفان إلا بأنه موقوف لسبب إداري. يرجى اتخاذ قرار: إن اجتيز فحص جديد، فسجّله ({ $prefix } { $renew } <تاريخ>) واستأنف الثنائي ({ $prefix } resume M{ $m })، أو أغلقه ({ $prefix } close match M{ $m } <السبب>).
# أزرار التنبيه.
support-button-pause = إيقاف مؤقت
support-button-renew = تسجيل التجديد
support-button-resume = استئناف
support-button-close = إغلاق الثنائي
support-button-message = مراسلة الثنائي
support-button-rematch = مطابقة جديدة
# ما يطلبه الزر قبل أن يُنفَّذ أمره.
support-asks-message = رسالتك إلى كليهما
support-asks-until = حتى أي تاريخ؟ (مثل 2027-03-01)
support-asks-valid-until = صالح حتى أي تاريخ؟ (مثل 2029-01-31)
support-asks-close-reason = السبب (يُسجَّل، ولا يُبلَّغ به الثنائي)
# $role: اسم الدور في البرنامج.
support-waitlist-reminder = مستجدات من { $programme }: ما زلت على قائمة الانتظار لدينا (رقم { $position } من { $total } ينتظرون مكانًا بصفة { $role }). لم ننسك، وسنتواصل معك حالما يتوفر مكان.

## ما تُطلقه إجابات المشاركين، في غرفة المنسقين (flows::prompts).

# $question و$answer كما كُتبا.
support-reviewer-answer =
    إجابة مقدم الطلب على الطلب A{ $id }:
    س: { $question }
    ج: { $answer }
    اكتب { $prefix } show A{ $id } لترى الطلب كاملًا.
# $stuck: عنوان الإجابة (checkin-stuck)؛ $role: support-role-*.
support-stuck-alert =
    تنبيه متابعة: الثنائي M{ $m } ({ $mentee } ↔ { $mentor })، { $programme }. أجاب { $name } ({ $role }) على المتابعة رقم { $n } بـ “{ $stuck }”. مرتبطان منذ { $since }.
    يرجى التواصل معهما: اكتب إليهما بـ message M{ $m } <النص> (تصل إلى كليهما)، أو في غرفتهما؛ ويمكنهما أيضًا استخدام ask the team في أي وقت. إن كان ثنائي جديد سيساعد: match rematch A{ $application }. ويمكن للمشارك أيضًا الإيقاف المؤقت بـ pause until <تاريخ>.
support-role-mentee = المتدرب
support-role-mentor = المرشد

## إغلاق الثنائي (flows::closure)، جانب المنسقين: ما يُقال في الغرفة.

# $by: close-by-*؛ $reason: كما أُعطي، أو close-no-reason؛ $what: ما أُبلغ به الطرفان.
close-closed-early = أُغلق الثنائي M{ $m } ({ $mentee } ↔ { $mentor })، { $programme }، مبكرًا { $by }. السبب: { $reason }. { $what }
close-closed-disciplinary = أُغلق الثنائي M{ $m } ({ $mentee } ↔ { $mentor })، { $programme }، (إغلاق تأديبي) { $by }. السبب: { $reason }. { $what }
close-by-mentee = بطلب من { $name } (المتدرب)
close-by-mentor = بطلب من { $name } (المرشد)
close-by-staff = من قِبل { $who }
# إغلاق جاء بعد حالة إشراف.
close-after-case = { $by }، إثر حالة الإشراف #{ $case }
close-no-reason = لم يُذكر
close-both-told = أُبلغ الطرفان بلطف وسُئلا إن كانا يريدان ثنائيًا جديدًا؛ ستظهر إجابتاهما هنا.
close-disciplinary-both = سُجّل كإغلاق تأديبي: لم يُعرض ثنائي جديد. لمطابقة أيٍّ منهما من جديد: match rematch <الطلب>.
# $names: اسم واحد، أو اسمان يجمعهما close-and.
close-disciplinary-some = سُجّل كإغلاق تأديبي: لم يُعرض على { $names } ثنائي جديد (لمطابقته من جديد: match rematch <الطلب>).
close-not-at-fault = أُبلغ { $names } بأن ذلك ليس خطأه وسُئل إن كان يريد ثنائيًا جديدًا؛ ستظهر إجابته هنا.
close-and = { $first } و{ $second }

## ما يريده الطرف بعد انتهاء ثنائيه (flows::closure)، يُبلَّغ به المنسقون.

close-after-keep-in-touch = بعد الثنائي M{ $m } ({ $programme }): يود { $name } البقاء على تواصل بشكل غير رسمي.
close-after-new-match = بعد الثنائي M{ $m } ({ $programme }): يود { $name } أن يُطابَق مع شخص جديد (عاد إلى المجموعة).
close-after-break = بعد الثنائي M{ $m } ({ $programme }): يود { $name } أخذ استراحة.

## تنبيه المُجدوِل للمنسقين بشأن ثنائي صامت (app::scheduler::nudges)، مع سجله.
## $days: مثل "21 يومًا".

support-quiet-alert = ثنائي صامت: الثنائي M{ $m } ({ $mentee } ↔ { $mentor })، { $programme }: لا رسائل في غرفتهما منذ { $days } (منذ { $since }). يُرجى التواصل معهما. إن كانت مطابقة جديدة ستفيد: match rematch A{ $app }.
support-quiet-alert-nudged = ثنائي صامت: الثنائي M{ $m } ({ $mentee } ↔ { $mentor })، { $programme }: لا رسائل في غرفتهما منذ { $days } (منذ { $since })، حتى بعد تذكير. يُرجى التواصل معهما. إن كانت مطابقة جديدة ستفيد: match rematch A{ $app }.
support-quiet-since = مُطابَقان منذ { $date }.
support-quiet-no-check-in = لم يُجَب عن أي متابعة بعد.
support-quiet-check-ins = المتابعات: { $answers }.
support-quiet-answer = { $n } { $who }: { $answer ->
    [met] التقينا
    [not_yet] ليس بعد
    [stuck] متعثران
   *[other] { $answer }
}
