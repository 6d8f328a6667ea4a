# النتائج بعد الإغلاق (`[outcomes]`).

outcomes-how-to-stop = هذه متابعة قصيرة بعد فترة الإرشاد. اكتب no more إن كنت تفضّل ألّا نسألك مرة أخرى.
outcomes-declined = حسنًا: لن يسألك { $programme } مرة أخرى عن أحوالك. شكرًا لوقتك في البرنامج.

outcomes-coordinators-only = الاطلاع على نتائج البرنامج
outcomes-off = لا يتابع { $programme } النتائج بعد الإغلاق: يفعّلها قسم [outcomes] في ملف البرنامج.
outcomes-unloaded = تعذّر تحميل النتائج. يُرجى المحاولة مرة أخرى.

outcomes-header = نتائج { $programme }: التغيّر عمّا قاله المشاركون عند التقديم. لا تُعرض أي مجموعة يقل عددها عن { $minimum }.
outcomes-follow-up = { $follow_up } بعد إغلاق الثنائي: عدد الإجابات { $n }
outcomes-follow-up-too-few = { $follow_up } بعد إغلاق الثنائي: العدد أقل من أن يُعرض ({ $n } حتى الآن؛ يُعرض ابتداءً من { $minimum }).
outcomes-everyone = الجميع
outcomes-by-role = حسب الدور:
outcomes-role-mentee = المتدرّبون
outcomes-role-mentor = المرشدون
outcomes-by-cohort = حسب الدفعة (الربع الذي بدأ فيه الثنائي):
outcomes-by-method = حسب طريقة تكوين الثنائي:
outcomes-by-length = حسب مدة الثنائي:
outcomes-by-check-ins = حسب متابعات الفريق:
outcomes-by-meetings = حسب اللقاءات المسجّلة:
outcomes-group = { $group } ({ $n }): { $figures }
outcomes-group-all = { $group }: الجميع، كما في الأعلى
outcomes-group-too-few = { $group }: العدد أقل من أن يُعرض
outcomes-group-with-small = { $group }: لا تُعرض، لأنها تكشف مجموعة أصغر من أن تُعرض
outcomes-indicator-hidden = { $indicator } العدد أقل من أن يُعرض
outcomes-mean = { $indicator } { $before } ← { $after } ({ $change })
outcomes-shares = { $indicator }: { $shares }
outcomes-share = { $option } { $before } ← { $after }

outcomes-method-coordinator = اختارته منسّقة
outcomes-method-algorithm = اقترحه محرّك المطابقة
outcomes-method-mentee-choice = اختاره المتدرّب
outcomes-length-under-3-months = أقل من 3 أشهر
outcomes-length-3-to-6-months = من 3 إلى 6 أشهر
outcomes-length-6-months-or-more = 6 أشهر أو أكثر
outcomes-check-ins-kept = المتابعات في وقتها
outcomes-check-ins-missed = فاتت متابعة
outcomes-check-ins-not-planned = لا متابعات مقرّرة
outcomes-meetings-none = لا لقاءات
outcomes-meetings-1-to-3 = من 1 إلى 3 لقاءات
outcomes-meetings-4-or-more = 4 لقاءات أو أكثر

staff-help-does-outcome-report = نتائج البرنامج بعد الإغلاق: التغيّر عن خط الأساس عند التقديم، حسب الدفعة وطريقة المطابقة ومدة الثنائي والممارسة
