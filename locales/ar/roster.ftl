# The coordinators' lists and cards: matches, a match, who, the review queue and an
# application's card, the programme report and exports, the survey commands.
# Commands stay as typed. A match's status and health words and an application's status
# are in words.ftl, the report's figures in figures.ftl, the engine's reasons in matching.ftl.

## قوائم الثنائيات (flows::roster): matches وmatch show وwho.

roster-usage = الاستخدام: matches [البرنامج] [at-risk|stuck|quiet|check-in|paused|frozen|too-early|ok|offered|proposed|ended|all] · match show <الثنائي، مثل M7> · who <الاسم أو المعرّف>
roster-room = قوائم المنسقين تعمل في غرفة المنسقين فقط، كي لا يُعرض المشاركون في أي مكان آخر.
roster-not-yours = لا تنسّق برنامجًا باسم `{ $programme }`. برامجك: { $yours }.
# $all: كلمات التصفية كما تُكتب (frozen وat-risk و…).
roster-none = لا توجد ثنائيات. التصفية: { $all }، أو all.
roster-none-open = لا توجد ثنائيات مفتوحة. التصفية: { $all }، أو all.
roster-none-filtered = لا توجد ثنائيات ({ $filters }). التصفية: { $all }، أو all.
roster-listed = { $count ->
    [one] ثنائي واحد:
    [two] ثنائيان، الأكثر إلحاحًا أولًا:
    [few] { $count } ثنائيات، الأكثر إلحاحًا أولًا:
    [many] { $count } ثنائيًا، الأكثر إلحاحًا أولًا:
   *[other] { $count } ثنائي، الأكثر إلحاحًا أولًا:
}
roster-listed-open = { $count ->
    [one] ثنائي مفتوح واحد:
    [two] ثنائيان مفتوحان، الأكثر إلحاحًا أولًا:
    [few] { $count } ثنائيات مفتوحة، الأكثر إلحاحًا أولًا:
    [many] { $count } ثنائيًا مفتوحًا، الأكثر إلحاحًا أولًا:
   *[other] { $count } ثنائي مفتوح، الأكثر إلحاحًا أولًا:
}
roster-listed-filtered = { $count ->
    [one] ثنائي واحد ({ $filters }):
    [two] ثنائيان ({ $filters })، الأكثر إلحاحًا أولًا:
    [few] { $count } ثنائيات ({ $filters })، الأكثر إلحاحًا أولًا:
    [many] { $count } ثنائيًا ({ $filters })، الأكثر إلحاحًا أولًا:
   *[other] { $count } ثنائي ({ $filters })، الأكثر إلحاحًا أولًا:
}
roster-listed-more = … و{ $count } غيرها: ضيّق القائمة ببرنامج أو بتصفية ({ $all }).
roster-listed-hint = اكتب { $prefix } match show <الرقم> لترى أحدها.
# بعد سطر الثنائي في القائمة: يوم بدايته.
roster-since = منذ { $date }
roster-show-mentee = المتدرب: { $name } (A{ $application }، { $user }) — { $answer }
roster-show-mentor = المرشد: { $name } (A{ $application }، { $user }) — { $answer }
roster-answer-accepted = قَبِل
roster-answer-declined = رفض
roster-answer-none = لم يُجب بعد
roster-show-proposed = اقتُرح في { $date }
roster-show-started = بدأ في { $date }
roster-show-due = الردود مستحقة قبل { $date }
# $reasons: أسباب محرك المطابقة مع نقاطها.
roster-show-score = النتيجة { $score }: { $reasons }
roster-show-room = غرفة الثنائي: { $room } · آخر رسالة { $last }
roster-never = لا توجد
roster-nobody = لا أحد
roster-show-looked-after = يتابعه { $staff } · { $count ->
    [zero] لا متابعات من الفريق
    [one] متابعة واحدة من الفريق
    [two] متابعتان من الفريق
    [few] { $count } متابعات من الفريق
    [many] { $count } متابعةً من الفريق
   *[other] { $count } متابعة من الفريق
}
roster-show-looked-after-next = يتابعه { $staff } · { $count ->
    [zero] لا متابعات من الفريق
    [one] متابعة واحدة من الفريق
    [two] متابعتان من الفريق
    [few] { $count } متابعات من الفريق
    [many] { $count } متابعةً من الفريق
   *[other] { $count } متابعة من الفريق
}، والتالية مستحقة قبل { $date }
roster-show-meetings = اللقاءات: { $meetings }
roster-show-check-ins = المتابعات: أُرسلت { $asked }، وأفاد الثنائي باللقاء في { $met } منها
# $stuck: جواب المتابعة حين يكون الثنائي عالقًا (checkin-stuck).
roster-show-check-ins-stuck = المتابعات: أُرسلت { $asked }، وأفاد الثنائي باللقاء في { $met } منها · قال آخرها «{ $stuck }»
# $kind: كيف أُغلق (match-closure-*: كما هو مخطط، مبكرًا، تأديبيًا).
roster-show-closed = أُغلق في { $date } ({ $kind }) بواسطة { $by }: { $reason }
roster-show-next = التالي: { $commands }
# ما يُفعل بعد ذلك مع الثنائي: الأوامر كما تُكتب، مع شرح ما يُملأ فيها.
roster-next-proposed = { $prefix } match approve P{ $id } · { $prefix } match reject P{ $id } <السبب> · { $prefix } match swap P{ $id } <طلب المرشد>
roster-next-active = { $prefix } checkin M{ $id } <الملاحظات> · { $prefix } message M{ $id } <النص> · { $prefix } pause M{ $id } until <التاريخ> · { $prefix } close match M{ $id } <السبب> · { $prefix } match rematch A{ $application }
roster-next-ended = { $prefix } match rematch A{ $application }
roster-who-nobody = لا أحد في برامجك يطابق «{ $typed }». جرّب جزءًا من اسمه، أو معرّفه في المحادثة، أو رقم طلب مثل A12.
roster-who-found = { $count ->
    [one] شخص واحد يطابق «{ $typed }»:
    [two] شخصان يطابقان «{ $typed }»:
    [few] { $count } أشخاص يطابقون «{ $typed }»:
    [many] { $count } شخصًا يطابقون «{ $typed }»:
   *[other] { $count } شخص يطابقون «{ $typed }»:
}

## قائمة المراجعة وملخص الفحص (flows::review::queue).

roster-queue-empty = لا توجد طلبات تنتظر المراجعة.
roster-queue = { $count ->
    [one] طلب واحد ينتظر المراجعة:
    [two] طلبان ينتظران المراجعة، الأقدم أولًا:
    [few] { $count } طلبات تنتظر المراجعة، الأقدم أولًا:
    [many] { $count } طلبًا تنتظر المراجعة، الأقدم أولًا:
   *[other] { $count } طلب تنتظر المراجعة، الأقدم أولًا:
}
roster-queue-hint = اكتب { $prefix } show A<الرقم> لترى أحدها.
roster-summary = ملخص الفحص
roster-summary-programme = { $programme } ({ $count ->
    [zero] لا طلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
    [many] { $count } طلبًا
   *[other] { $count } طلب
})
# $role: roster-role-plural؛ $counts: العدد في كل حالة، أو roster-summary-none.
roster-summary-role = { $role }: { $counts }
roster-summary-none = لا أحد
roster-summary-oldest = الأطول انتظارًا: { $who }، { $days }
roster-summary-nobody-waiting = لا أحد ينتظر المراجعة.
roster-summary-none-expiring = لا تنتهي صلاحية أي فحص في الأيام الثلاثين القادمة.
roster-summary-expiring = فحوص تنتهي صلاحيتها في الأيام الثلاثين القادمة:
# أصحاب الدور بصيغة الجمع.
roster-role-plural = { $role ->
    [mentor] المرشدون
   *[mentee] المتدربون
}

## بطاقة الطلب (flows::review::card): منها يقرر المنسقون.

# $status: حالة الطلب؛ $role: اسم الدور في البرنامج.
roster-card-head = الطلب A{ $id } · { $programme } · { $role } · { $status }
roster-card-applicant = مقدم الطلب: { $name } ({ $user })، أُرسل في { $when }
# $outcome: ما قررته قواعد الفحص في البرنامج.
roster-card-rules = قواعد الفحص: { $outcome }
roster-card-rules-default = قواعد الفحص: { $outcome } (لم تنطبق أي قاعدة: الافتراضي لهذا الدور)
roster-card-answers = الإجابات:
roster-card-note = ملاحظة من { $by } في { $when }: { $text }
roster-card-question = سؤال من { $by }: { $question }
roster-card-answer = الجواب: { $answer }
roster-card-waiting = (بانتظار مقدم الطلب)
# $from و$to: حالة الطلب قبل وبعد.
roster-card-decision = { $from } → { $to } بواسطة { $by } في { $when }
roster-card-decision-reason = { $from } → { $to } بواسطة { $by } في { $when }: { $reason }
roster-card-reply = للرد هنا: approve A{ $id } · reject A{ $id } <السبب، يُرسل إلى مقدم الطلب> · ask A{ $id } <السؤال> · waitlist A{ $id }
# أزرار البطاقة، وما يطلبه الزران اللذان يحتاجان إلى كلمات.
roster-button-approve = موافقة
roster-button-reject = رفض
roster-button-ask = سؤال
roster-button-waitlist = قائمة الانتظار
roster-asks-reason = السبب (يُرسل إلى مقدم الطلب)
roster-asks-question = سؤالك لمقدم الطلب
# $checks: roster-held-check، واحد لكل فحص محفوظ.
roster-held-checks = يرجى الانتباه قبل البت في A{ $id } ({ $name }): حذف هذا الشخص بياناته من قبل، وفحص له لم يُجتز محفوظ بموجب حجز قانوني لأغراض الحماية: { $checks }.
roster-held-check = { $step } من الطلب A{ $application }

## تقرير البرنامج والتصدير (flows::figures): الأرقام بكلمات النظام.

roster-no-programme = لا يوجد برنامج باسم «{ $programme }».
roster-which-programme = أي برنامج؟ أضف اسمه بعد الأمر: { $programmes }.
roster-report-unloaded = تعذّر عليّ تحميل أرقام البرنامج؛ يرجى المحاولة مجددًا.
roster-report-incidents = (للإبلاغ عن حادثة بشكل خاص، أرسل إليّ report في رسالة خاصة.)
roster-report-chart = رسم بياني: { $programme } في { $date }
roster-export-usage = الاستخدام: export <applications|matches|surveys|events|outcomes> [csv|json] [البرنامج]
# $what: ما صُدّر كما كُتب؛ $format: csv أو json.
roster-export = تصدير { $what } من { $programme } ({ $format }؛ بأسماء مستعارة، وإجابات الاستبيانات فقط من الحد الأدنى لإخفاء الهوية).
# $note: ما استُبعد ولماذا، بكلمات المصدِّر.
roster-export-left-out = مستبعد: { $note }.
roster-export-unloaded = تعذّر عليّ جمع هذا التصدير الآن؛ يرجى المحاولة مجددًا.

## أوامر الاستبيانات (flows::survey::commands): surveys وsurvey send وsurvey results.

surveys-usage = أوامر الاستبيانات: surveys · survey send <الاستبيان> <الجمهور> (all أو mentors أو mentees أو matched، أو دفعة مثل 2027-01) · survey results <الاستبيان>
surveys-room = أوامر الاستبيانات تعمل في غرفة المنسقين.
surveys-unloaded = تعذّر عليّ تحميل بيانات هذا الاستبيان؛ يرجى المحاولة مجددًا.
surveys-none-defined = لا يحدد أي برنامج استبيانًا بعد (انظر [surveys] في ملف البرنامج).
surveys-none-yours = لا يحدد أي من برامجك استبيانًا (انظر [surveys] في ملف البرنامج).
surveys-no-such = لا يوجد استبيان باسم «{ $survey }». الاستبيانات: { $surveys }.
surveys-ambiguous = في عدة برامج استبيان باسم { $survey }: اكتبه بصيغة البرنامج/{ $survey }، مثل { $programme }/{ $survey }.
surveys-list = الاستبيانات:
# $sent: surveys-list-sent أو surveys-list-not-sent.
surveys-list-anonymous = { $id } — { $survey } ({ $programme }، مجهول الهوية، { $questions ->
    [zero] لا أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $questions } أسئلة
    [many] { $questions } سؤالًا
   *[other] { $questions } سؤال
}): { $sent }
surveys-list-attributed = { $id } — { $survey } ({ $programme }، بالأسماء، { $questions ->
    [zero] لا أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $questions } أسئلة
    [many] { $questions } سؤالًا
   *[other] { $questions } سؤال
}): { $sent }
surveys-list-sent = أُرسل { $rounds ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $rounds } مرات
    [many] { $rounds } مرةً
   *[other] { $rounds } مرة
}، دُعي { $invited }، وأجاب { $answered }، وما زال { $open } مفتوحًا
surveys-list-not-sent = لم يُرسل بعد
# $people: surveys-people؛ $skipped: surveys-skipped أو لا شيء؛ $reminder: الأيام قبل التذكير (0: لا تذكير).
surveys-send-ask = إرسال { $survey } إلى { $people }{ $skipped } في { $programme }؟ { $reminder ->
    [0] تصل كلًّا منهم رسالة خاصة الآن.
    [one] تصل كلًّا منهم رسالة خاصة الآن، وتذكير بعد يوم واحد.
    [two] تصل كلًّا منهم رسالة خاصة الآن، وتذكير بعد يومين.
    [few] تصل كلًّا منهم رسالة خاصة الآن، وتذكير بعد { $reminder } أيام.
    [many] تصل كلًّا منهم رسالة خاصة الآن، وتذكير بعد { $reminder } يومًا.
   *[other] تصل كلًّا منهم رسالة خاصة الآن، وتذكير بعد { $reminder } يوم.
} لا يُسأل أحد مرتين ما دام مفتوحًا.
# $roles: surveys-role-count، أو اثنان منها (surveys-both).
surveys-people = { $count ->
    [one] شخص واحد
    [two] شخصين
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
} ({ $roles })
surveys-both = { $first }، { $second }
surveys-role-count = { $role ->
    [mentor] { $count ->
        [one] مرشد واحد
        [two] مرشدان
        [few] { $count } مرشدين
        [many] { $count } مرشدًا
       *[other] { $count } مرشد
    }
   *[mentee] { $count ->
        [one] متدرب واحد
        [two] متدربان
        [few] { $count } متدربين
        [many] { $count } متدربًا
       *[other] { $count } متدرب
    }
}
# يأتي مباشرة بعد من يُرسل إليهم الاستبيان، بمسافته.
surveys-skipped = { " " }({ $count ->
    [one] سُئل شخص واحد من قبل ما دام مفتوحًا، ولا يُسأل مرتين
    [two] سُئل شخصان من قبل ما دام مفتوحًا، ولا يُسألان مرتين
    [few] سُئل { $count } أشخاص من قبل ما دام مفتوحًا، ولا يُسألون مرتين
    [many] سُئل { $count } شخصًا من قبل ما دام مفتوحًا، ولا يُسألون مرتين
   *[other] سُئل { $count } شخص من قبل ما دام مفتوحًا، ولا يُسألون مرتين
})
# $for: الدور المخصص له؛ $role: المطلوب.
surveys-not-for = { $survey } مخصص { $for ->
    [mentor] للمرشدين
   *[mentee] للمتدربين
} فقط: لا يمكن إرساله إلى { $role ->
    [mentor] المرشدين
   *[mentee] المتدربين
}.
# $audience: لمن هو، بكلمات النظام.
surveys-nobody = لا أحد لإرسال { $survey } إليه: لا يوجد { $audience } في { $programme }{ $skipped }. لم يُرسل شيء.
surveys-sent = أُرسل { $survey } إلى { $count ->
    [one] شخص واحد
    [two] شخصين ({ $audience })
    [few] { $count } أشخاص ({ $audience })
    [many] { $count } شخصًا ({ $audience })
   *[other] { $count } شخص ({ $audience })
} برسائل خاصة{ $skipped }. يُغلق في { $closes }{ $reminder ->
    [0] {""}
    [one] ؛ ومن لم يُجب يُذكَّر بعد يوم واحد
    [two] ؛ ومن لم يُجب يُذكَّر بعد يومين
    [few] ؛ ومن لم يُجب يُذكَّر بعد { $reminder } أيام
    [many] ؛ ومن لم يُجب يُذكَّر بعد { $reminder } يومًا
   *[other] ؛ ومن لم يُجب يُذكَّر بعد { $reminder } يوم
}. اطّلع على الإجابات بالأمر survey results { $id }.

## مخطط التقرير (domain::figures::chart، ويرسمه graphics::chart).

chart-funnel = { $programme }: من الطلب إلى الإتمام
chart-stage-applied = قدّموا طلبات
chart-stage-accepted = قُبلوا
chart-stage-matched = طوبقوا
chart-stage-completed = أتمّوا
chart-nps-promoters = المروّجون (9–10)
chart-nps-passives = المحايدون (7–8)
chart-nps-detractors = المنتقدون (0–6)
chart-survey-question = { $survey } — { $question } ({ $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
   *[other] { $count } إجابة
})

## ما يتركه التصدير (app::export، domain::export).

export-survey-too-few = { $survey }: لم يُصدَّر: { $count ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
   *[other] { $count } إجابة
}، أقل من الحد الأدنى لإخفاء الهوية وهو { $minimum }
export-no-surveys = لا توجد لدى { $programme } استطلاعات لتصديرها.
export-nothing = لا شيء للتصدير. { $notes }
