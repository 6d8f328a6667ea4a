# ما ينشره Tandem في غرفة الثنائي، والشهادة.

pair-room-topic = { $programme }: { $mentee } (متدرب) و{ $mentor } (مرشد)
pair-welcome-to =
    أهلًا بكما، { $mentee } و{ $mentor }! هذه غرفتكما الخاصة في { $programme }: لا يوجد هنا سواكما والبوت.
    من هو من: { $mentor } هو المرشد، و{ $mentee } هو المتدرب.
pair-welcome =
    أهلًا بكما، { $mentee } و{ $mentor }! هذه غرفتكما الخاصة: لا يوجد هنا سواكما والبوت.
    من هو من: { $mentor } هو المرشد، و{ $mentee } هو المتدرب.
pair-why = لماذا جمعنا بينكما:
pair-ground-rules = القواعد الأساسية: { $text }
pair-cadence = كم مرة تلتقيان: { $text }
pair-icebreaker = لتبدآ: { $text }
pair-agreement-how = اتفاقكما: اكتبا { $prefix } agreement هنا لقراءته (أهدافكما، وعدد مرات اللقاء، والقواعد الأساسية)، و{ $prefix } agree لقبوله.
pair-goals-back = أهدافكما عندما بدأتما:
pair-goals-how-far = إلى أي مدى وصلتما فيها، وماذا تودان أن تفعلا بعد ذلك؟
pair-together = ما فعلتماه معًا: { $milestones ->
        [zero] لا محطات
        [one] محطة واحدة
        [two] محطتان
        [few] { $milestones } محطات
       *[other] { $milestones } محطة
    } على الطريق، و{ $met ->
        [zero] لا متابعات
        [one] متابعة واحدة
        [two] متابعتان
        [few] { $met } متابعات
       *[other] { $met } متابعة
    } أخبرتمانا فيها أنكما التقيتما. تبقى هذه الغرفة مفتوحة حتى { $until } لتوديع بعضكما.
pair-ended = انتهى هذا الإرشاد، لذا أُغلقت هذه الغرفة وأصبحت للقراءة فقط. شكرًا لكما.
pair-archived = انتهى إرشادكما هنا، لذا أُغلقت هذه الغرفة وأصبحت للقراءة فقط. شكرًا لكما، وكل التوفيق فيما هو آت.
pair-completed-mentee = تهانينا يا { $name }! لقد أتممت الإرشاد بصفتك متدربًا في { $programme }، من { $from } إلى { $to }. شكرًا على كل ما بذلته فيه.
pair-completed-mentor = تهانينا يا { $name }! لقد أتممت الإرشاد بصفتك مرشدًا في { $programme }، من { $from } إلى { $to }. شكرًا على كل ما بذلته فيه.
pair-certificate-attached = شهادتك مرفقة.

agreement-elsewhere = اتفاق الإرشاد موجود في غرفة الثنائي: اكتب agreement هناك لقراءته، و agree لقبوله.
agreement-already = لقد وافقت من قبل. اكتب { $prefix } agreement لقراءته مرة أخرى.
agreement-both = وافق { $name } أيضًا: لديكما الآن اتفاق إرشاد. عودا إلى أهدافكما متى شئتما: اكتبا { $prefix } agreement.
agreement-one = وافق { $name }. يا { $other }، اكتب { $prefix } agree هنا بعد قراءته.
agreement-title = اتفاق الإرشاد بينكما، { $mentee } و{ $mentor }:
agreement-goals = الأهداف (من طلب { $mentee }):
agreement-done = { $name } ✓
agreement-not-yet = { $name } (ليس بعد)
agreement-who = الموافقة: { $mentee }، { $mentor }.
agreement-to-accept = لقبوله، اكتب { $prefix } agree هنا.

certificate-heading = نشهد بأن
certificate-achievement-mentee = أتمّ { $months ->
        [1] شهرًا واحدًا
        [2] شهرين
        [few] { $months } أشهر
       *[other] { $months } شهرًا
    } من الإرشاد بصفة متدرب في
certificate-achievement-mentor = أتمّ { $months ->
        [1] شهرًا واحدًا
        [2] شهرين
        [few] { $months } أشهر
       *[other] { $months } شهرًا
    } من الإرشاد بصفة مرشد في

starter = شيء للحديث عنه: { $text }
starter-elsewhere = idea يعمل في غرفة الثنائي: اكتبه هناك، وسأقترح شيئًا تتحدثان عنه.
starter-default = شيء للحديث عنه: ما الذي سار بشكل جيد منذ آخر حديث بينكما، وماذا تودان أن تجربا بعد ذلك؟
starter-all-had = حصلتما على كل أفكار البرنامج. شيء لتجرباه: يذكر كل منكما أمرًا واحدًا يود معرفة رأي الآخر فيه هذا الأسبوع.
nudge-quiet = { $days ->
        [zero] لم يكتب أحد هنا اليوم.
        [one] مضى يوم واحد منذ كتب أحد هنا.
        [two] مضى يومان منذ كتب أحد هنا.
        [few] مضت { $days } أيام منذ كتب أحد هنا.
       *[other] مضى { $days } يومًا منذ كتب أحد هنا.
    } تحية سريعة تحافظ على التواصل: كيف حالكما؟ اقترحا وقتًا لمحادثتكما القادمة يا { $mentee } و{ $mentor }.

## نص محادثة غرفة الثنائي لأحد أعضائها (`transcript`).

transcript-file-head = نص محادثة غرفة { $mentee } و{ $mentor } (الثنائي M{ $id })، { $count ->
    [zero] لا رسائل
    [one] رسالة واحدة
    [two] رسالتان
    [few] { $count } رسائل
   *[other] { $count } رسالة
}، والأوقات بتوقيت UTC.
transcript-sent = إليك نص محادثة غرفة الثنائي ({ $count ->
    [zero] لا رسائل
    [one] رسالة واحدة
    [two] رسالتان
    [few] { $count } رسائل
   *[other] { $count } رسالة
}). يرجى الحفاظ على خصوصيته: إنها محادثتك مع { $partner }.
transcript-unreadable = عذرًا، لم أتمكن من قراءة سجل غرفة الثنائي ({ $error }). يرجى المحاولة لاحقًا، أو اكتب ask the team متبوعًا برسالتك.
transcript-not-yours = لا يمكنك الحصول إلا على نص غرفة ثنائي كنت فيها، والثنائي M{ $id } ليس من ثنائياتك.
transcript-none = ليست لديك غرفة ثنائي لأرسل لك نص محادثتها.
transcript-which = أي غرفة ثنائي؟ اكتب transcript <الرقم>: { $matches }.

## غرفة ثنائي منقولة بين ماتريكس وديسكورد (app::relay).

relay-file = أرسل { $author } ملفًا: { $file }
relay-file-too-large = أرسل { $author } ملفًا، { $file }، أكبر من { $limit } الذي يمكنني نقله: اطلب منه مشاركته بطريقة أخرى.
relay-file-lost = أرسل { $author } ملفًا، { $file }، لم أتمكن من نقله ({ $why }).
relay-copied-author = { $name } ({ $who })، نسخه Tandem من الجانب الآخر لغرفة الثنائي
