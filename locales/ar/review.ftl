# مراجعة الطلبات (flows::review): ما يُقال لمقدم الطلب عن قرار أو خطوة فحص، وجانب المنسقين.

## لمقدم الطلب.

review-accepted = أخبار سارة: قُبل طلبك إلى { $programme } بصفة { $role }!
review-accepted-ready = أخبار سارة: قُبل طلبك إلى { $programme } بصفة { $role }! أنت جاهز للمطابقة؛ سنتواصل معك عندما نجد لك ثنائيًا.
review-steps-remain = قبل أن نتمكن من مطابقتك، بقيت بعض الخطوات:
review-status-hint = اكتب status في أي وقت لترى تقدمك.
review-ready = أكملت كل خطوات { $programme }: أنت جاهز للمطابقة! سنتواصل معك عندما نجد لك ثنائيًا.
review-not-ready = مستجدات مكانك في { $programme }: { $steps } يحتاج إلى اهتمام، لذا لست ضمن مجموعة المطابقة حاليًا. سيساعدك أحد المنسقين في حل ذلك.
review-rejected =
    شكرًا لتقديمك إلى { $programme } بصفة { $role }. بعد مراجعة طلبك، لا يستطيع المنسقون أن يقدموا لك مكانًا هذه المرة.
    ملاحظتهم: { $reason }
    شكرًا لاهتمامك، ونرجو ألا يثبّط هذا عزيمتك.
review-waitlisted = شكرًا لتقديمك إلى { $programme } بصفة { $role }. طلبك على قائمة الانتظار لدينا: سنتواصل معك حالما يتوفر مكان. اكتب status في أي وقت لترى موقعك.
review-step-scheduled = موعد { $step } الخاص بك في { $programme } هو { $when }. إن لم يناسبك هذا الوقت، رُدّ هنا أو تواصل مع المنسقين.
review-when = { $weekday } { $date }
review-when-time = { $weekday } { $date }، { $time } ({ $zone })
ready-mentor-profile = يختار المتدربون في هذا البرنامج مرشدهم: اكتب profile لتختار ما يرونه عنك (لن تظهر في القائمة حتى يعرض شيئًا).
ready-mentee-rank = هنا تختار مرشدك: اكتب browse لترى المرشدين الذين لديهم متسع، ثم رتّب من تودّهم بـ rank، واختيارك الأول أولًا.
ready-mentee-choose = هنا تختار مرشدك: اكتب browse لترى المرشدين الذين لديهم متسع.
ready-mentee-mixed = يمكنك انتظار أن يقترح المنسقون مرشدًا، أو أن تختار بنفسك: اكتب browse لترى من لديه متسع.

## للمنسقين.

review-room = أوامر المنسقين تعمل في غرفة المنسقين فقط، كي لا تُعرض الطلبات في أي مكان آخر.
review-only-coordinators = عذرًا { $who }، لا يستطيع { $what } إلا منسقو البرنامج.
review-only-coordinators-here = عذرًا { $who }، لا يستطيع { $what } إلا منسقو البرنامج. هذه الغرفة لـ { $here }: اعمل على برنامج آخر في غرفة منسقيه.
review-no-application = لا يوجد طلب A{ $id }. اكتب { $prefix } queue لترى الطلبات التي تنتظر المراجعة.
review-programme-gone = الطلب A{ $id } تابع للبرنامج `{ $programme }`، الذي لم يعد مهيأً.
review-already-decided = الطلب A{ $id } حُسم من قبل: { $how }.
review-reason-long = يرجى أن يكون السبب أقل من { $max } حرف (فيه { $count }): يُرسل إلى مقدم الطلب كرسالة.
review-question-long = يرجى أن يكون السؤال أقل من { $max } حرف (فيه { $count }): يُرسل إلى مقدم الطلب كرسالة.
review-note-long = يرجى أن تكون الملاحظة أقل من { $max } حرف (فيها { $count }).
review-approved-ready = وافق { $who } على الطلب A{ $id } ({ $name }، { $role }). أُبلغ مقدم الطلب وهو جاهز للمطابقة.
review-approved-steps = وافق { $who } على الطلب A{ $id } ({ $name }، { $role }). أُبلغ مقدم الطلب؛ وخطوات الفحص هي التالية.
review-rejected-posted = رفض { $who } الطلب A{ $id } ({ $name })؛ أُبلغ مقدم الطلب مع السبب.
review-already-waitlisted = الطلب A{ $id } على قائمة الانتظار بالفعل.
review-waitlisted-posted = وضع { $who } الطلب A{ $id } ({ $name }) على قائمة الانتظار.
review-asked = أُرسل السؤال إلى مقدم الطلب A{ $id } ({ $name }). سيُنشر رده هنا.
review-noted = أُضيفت ملاحظة إلى A{ $id } ({ $name })؛ لا يراها إلا المنسقون، في بطاقته (show A{ $id }).
review-step-ambiguous = `{ $name }` قد تعني عدة خطوات للطلب A{ $id }: { $labels }. سمِّ واحدة منها.
review-step-unknown = ليس للطلب A{ $id } ({ $role }) خطوة `{ $step }`؛ لا خطوات فحص لهذا الدور.
review-step-unknown-list = ليس للطلب A{ $id } ({ $role }) خطوة `{ $step }`؛ خطواته هي: { $steps }.
review-step-not-approved = الطلب A{ $id } لم تتم الموافقة عليه بعد ({ $status }): تُسجَّل خطوات الفحص بعد الموافقة.
review-step-recorded = سُجّل للطلب A{ $id } ({ $name }): { $step } — { $state }.
review-told-when = أُبلغ { $name } بالموعد.
review-ack-again = أُرسلت { $step } إلى { $name } مجددًا للإقرار بها.
review-check-failed = لا يمكن مطابقة A{ $id } ({ $name }) ما دام التحقق من خلفيته غير مُجاز. فكّر في رفض الطلب.
review-now-ready = أكمل A{ $id } ({ $name }) كل خطوات الفحص وهو جاهز للمطابقة.
review-no-longer-ready = لم يعد A{ $id } ({ $name }) جاهزًا للمطابقة: { $steps } غير مكتمل.
review-in-the-past = { $date } في الماضي؛ حدد تاريخ إجراء المقابلة.

## طريقة كتابة كل أمر مراجعة.

review-usage-show = الاستخدام: show <رقم الطلب>، مثلًا: show A12
review-usage-approve = الاستخدام: approve <رقم الطلب>، مثلًا: approve A12
review-usage-waitlist = الاستخدام: waitlist <رقم الطلب>، مثلًا: waitlist A12
review-usage-reject = الاستخدام: reject <رقم الطلب> <السبب، ويُرسل إلى مقدم الطلب>، مثلًا: reject A12 نبحث عن مرشدين لديهم ثلاث سنوات من الخبرة على الأقل.
review-usage-ask = الاستخدام: ask <رقم الطلب> <سؤال>، مثلًا: ask A12 ما الأمسيات التي تكون فيها متفرغًا؟
review-usage-note = الاستخدام: note <رقم الطلب> <نص لا يراه إلا المنسقون>، مثلًا: note A8 تفضّل المكالمات المسائية؛ قابلتها في اليوم المفتوح.
review-usage-step = الاستخدام: step <رقم الطلب أو أرقامه> <الخطوة> <التحديث>، مثلًا: step A12 interview done، step A12 interview scheduled 20/01 18:00، step A12 background check cleared until 30/06/2029، step A6, A7 and A9 training done

## ما لا يستطيعه إلا منسقو البرنامج: تتمة «عذرًا …، لا يستطيع … إلا منسقو البرنامج»
## (review-only-coordinators).

coordinators-can-use = استخدام `{ $verb }`
coordinators-can-verb-in = { $verb ->
    [approve] قبول طلبات { $programme }
    [reject] رفض طلبات { $programme }
    [ask] طرح الأسئلة على طلبات { $programme }
    [waitlist] وضع طلبات { $programme } على قائمة الانتظار
    [note] كتابة ملاحظات على طلبات { $programme }
    [step] تسجيل خطوات طلبات { $programme }
    [show] عرض طلبات { $programme }
   *[other] استخدام `{ $verb }` مع طلبات { $programme }
}
coordinators-can-list-matches = عرض قائمة الثنائيات
coordinators-can-see-match = عرض الثنائي { $match }
coordinators-can-look-up = البحث عن الأشخاص
coordinators-can-assist = تسجيل طلب نيابةً عن شخص
coordinators-can-assist-in = العمل على الطلبات المُسجَّلة نيابةً عن أصحابها في { $programme }
coordinators-can-match = مطابقة الأشخاص
coordinators-can-match-in = مطابقة الأشخاص في { $programme }
coordinators-can-report = الاطلاع على تقرير البرنامج
coordinators-can-export = تصدير سجلات البرنامج
coordinators-can-broadcast = إرسال إعلان إلى برنامج
coordinators-can-see-reads = معرفة من قرأ الموارد
coordinators-can-announce = الإعلان عن برنامج
coordinators-can-close = إغلاق ثنائي
coordinators-can-check-ins = متابعة لقاءات الفريق مع الثنائيات
coordinators-can-match-check-ins = متابعة لقاءات الفريق مع الثنائي { $match }
coordinators-can-see-surveys = الاطلاع على الاستبيانات
coordinators-can-surveys = إرسال الاستبيانات أو الاطلاع على نتائجها
coordinators-can-pause = إيقاف ثنائي مؤقتًا أو استئنافه
coordinators-can-answer = الإجابة عن السؤال { $label }
coordinators-can-confirm = تأكيد إجراء
