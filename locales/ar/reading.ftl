# ما يقوله Tandem حين لا يستطيع قراءة ما كتبه أحدهم: رقم من نوع آخر (domain::numbers)، أو
# تاريخ أو وقت (domain::when)، أو سطر `event create` وقاعدة تكراره (domain::events)، أو شخص
# مذكور في أمر إشراف (domain::people)، أو تحديث خطوة من خطوات التحقق (domain::screening).
# الأوامر والمفاتيح (`title:`، `repeat:`) وأمثلة ما يُكتب (`20 January`، `next Wednesday`،
# `6pm`، `every Wednesday`، `cleared until`) تبقى كما تُكتب: يقرأ Tandem هذه الكلمات
# بالإنجليزية فقط.

## الأرقام (`A12` طلب، `P3` اقتراح، `M7` ثنائي، `Q4` سؤال).

number-wrong-kind = { $number } يشير إلى { $is }؛ هذا الأمر يحتاج إلى { $expected }.
number-is-application = طلب
number-is-proposal = اقتراح
number-is-match = ثنائي
number-is-question = سؤال
number-is-flag = تنبيه سلامة
number-takes-application = رقم طلب (مثل A12)
number-takes-match = رقم ثنائي أو اقتراح (مثل M7 أو P3)
number-takes-question = رقم سؤال (مثل Q4)
number-takes-flag = رقم تنبيه سلامة (مثل F3)

## التواريخ والأوقات.

date-hint = تاريخًا مثل { $example } أو 20 January أو next Wednesday
date-time-hint = تاريخًا ووقتًا مثل { $example } 18:00 أو tomorrow 9am أو next Wednesday 6pm
date-give = اكتب { $hint }.
date-without-time = المطلوب هنا التاريخ وحده دون وقت: اكتب { $hint }.
date-unreadable = لا أستطيع قراءة «{ $text }» كتاريخ: اكتب { $hint }.
date-too-far = «{ $text }» بعيد جدًا في المستقبل.
date-year-out-of-range = «{ $text }» ليس تاريخًا: السنوات من 1 إلى 9999.
date-no-such-month = «{ $text }» ليس تاريخًا: لا يوجد شهر رقم { $month }.
date-no-such-day = لا يوجد يوم { $date }.
date-wrong-weekday = يوم { $date } يوافق { $weekday }، لا { $written }.
date-not-in-order = «{ $text }» ليس تاريخًا: تُكتب التواريخ هنا بترتيب { $order }، مثل { $example }.
date-order-day-month-year = يوم/شهر/سنة
date-order-month-day-year = شهر/يوم/سنة
date-ambiguous = قد يعني «{ $text }» { $one } أو { $other }: اكتب الشهر باسمه ({ $named }) أو ابدأ بالسنة ({ $iso }).
time-unreadable = لا أجد في «{ $text }» وقتًا أستطيع قراءته: اكتبه مثل 18:00 أو 6pm أو 9.30am.
moment-which-zone = بأي منطقة زمنية؟ أضفها بعد الوقت، مثل { $typed } Asia/Amman (أو اضبط time_zone في ملف البرنامج).
moment-add-time = أضف الوقت أيضًا، مثل { $typed } 18:00.
moment-unreadable = لا أستطيع قراءة «{ $text }» كتاريخ ووقت: اكتب { $hint }.

## الفعاليات المتكررة بالكلمات (`repeat: every Wednesday until 30 June`).

repeat-time-unreadable = repeat: لا أستطيع قراءة «{ $text }» كوقت: اكتبه مثل 18:00 أو 6pm (مثلًا every Wednesday at 18:00 until 30 June).
repeat-how-often = repeat: اذكر كم مرة، مثل every Wednesday at 18:00 أو every other Monday 6pm أو every weekday 9am أو every day 18:00، ثم until وتاريخ الانتهاء
repeat-rule-unfollowable = repeat: «{ $rule }» ليست قاعدة أستطيع اتباعها؛ جرّب every other week أو every other Monday أو every 2 days.

## `event create` (للمنسقين).

event-create-usage = الاستخدام: event create title: <العنوان>; start: <التاريخ والوقت> [المنطقة الزمنية]; length: <90m أو 2h>; [room: <الغرفة>]; [capacity: <العدد>]; [repeat: <every Wednesday 18:00، أو دقيقة ساعة يوم شهر يوم-الأسبوع> until <التاريخ>]; [description: <النص>]
event-create-no-key = «{ $part }» بلا مفتاح: اكتب المفتاح: القيمة. { $usage }
event-create-no-title = أعطِ الفعالية عنوانًا. { $usage }
event-create-no-start = اذكر متى تبدأ. { $usage }
event-create-unknown-key = لا أعرف المفتاح «{ $key }». { $usage }
event-create-no-room = room: اذكر أي غرفة، أو احذف المفتاح لتُعلَن الفعالية في غرفة الفعاليات
event-create-capacity = capacity: عدد صحيح من الأشخاص، من 1 إلى 10000
event-create-no-repeat = repeat: اذكر كم مرة وحتى متى، مثلًا every Wednesday until 30 June
event-create-length = length: يجب أن تكون «{ $value }» مثل 90m أو 2h (من 5 دقائق إلى 24 ساعة)
event-create-start = start: { $why }
event-create-repeat = repeat: { $why }
event-create-no-end = repeat: أضف تاريخ انتهاء، مثلًا { $rule } until 30 June
event-create-no-until = repeat: قاعدة وتاريخ انتهاء، مثلًا every Wednesday until 30 June، أو 0 18 * * WED until 2027-06-30
cron-five-fields = repeat: يجب أن تتكون «{ $rule }» من خمسة حقول: الدقيقة الساعة اليوم الشهر يوم-الأسبوع (مثلًا 0 18 * * WED)
cron-field-value = repeat: في حقل { $field } «{ $text }» القيمة «{ $value }»: استخدم من { $min } إلى { $max }
cron-field-step = repeat: في حقل { $field } «{ $text }» خطوة ليست من 1 إلى { $max }
cron-field-backwards = repeat: في حقل { $field } «{ $text }» نطاق ينتهي قبل أن يبدأ
cron-minute = الدقيقة
cron-hour = الساعة
cron-day = يوم الشهر
cron-month = الشهر
cron-weekday = يوم الأسبوع
event-start-past = موعد { $when } قد مضى. من فضلك حدد بداية في المستقبل.
event-series-ends-first = ستنتهي السلسلة ({ $until }) قبل أن تبدأ ({ $start }).
event-series-too-long = لا يمكن أن تستمر السلسلة أكثر من سنتين؛ اختر تاريخ انتهاء أبكر.
event-series-twice-a-day = القاعدة «{ $rule }» تتحقق { $count ->
    [two] مرتين
    [few] { $count } مرات
   *[other] { $count } مرة
} يوم { $date }: الفعاليات الجماعية تتكرر مرة واحدة في اليوم على الأكثر.
event-series-too-many = ينتج عن ذلك أكثر من { $most } جلسة؛ اختر تاريخ انتهاء أبكر.
event-series-never = القاعدة «{ $rule }» لا تتحقق أبدًا بين { $start } و{ $until }.

## شخص مذكور في أمر إشراف (`suspend Tom`، `case concerns 3 @tom:example.org`).

person-unknown = لا أعرف أحدًا باسم «{ $typed }». اكتبه بمعرّفه في Matrix ‏(@name:server)، أو بإشارة في Discord، أو platform:id، أو برقم طلبه (#12)، أو بالاسم المكتوب في طلبه.
person-ambiguous = قد يكون «{ $typed }» أيًّا من: { $people }. من فضلك استخدم رقم طلبه أو معرّفه.
person-named = { $name } ({ $user })
person-named-applications = { $name } ({ $user }، { $count ->
    [one] الطلب
   *[other] الطلبات
} { $numbers })
person-applications = { $user }، { $count ->
    [one] الطلب
   *[other] الطلبات
} { $numbers }

## تحديث خطوة من خطوات التحقق (`step A12 background check cleared until 30/06/2029`).

step-update-expiry = اذكر تاريخ انتهاء صلاحية التحقق: cleared until { $example }.
step-update-not-future = { $date } ليس في المستقبل: التحقق المُجتاز يحتاج إلى تاريخ انتهاء بعد اليوم.
step-update-use = لهذه الخطوة، استخدم: { $expected }.
step-update-interview = scheduled <تاريخ>، done أو pending
step-update-check = cleared until <تاريخ>، failed أو pending
step-update-acknowledgement = pending (المشارك وحده يستطيع الإقرار)
step-update-task = done أو pending
