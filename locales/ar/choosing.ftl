# متدرب يتصفح المرشدين ويطلب أحدهم (flows::choice).

choose-never = في برامج هذا المجتمع يقترح المنسقون كل مطابقة، لذا لا يوجد مرشدون لتصفحهم ولا ملفات شخصية لإعدادها: سنخبرك حين تتوفر مطابقة لك. اكتب status لترى أين أنت.
choose-elsewhere = الملفات الشخصية والتصفح والطلبات للمشاركين في البرامج التي يختار فيها المتدربون مرشدهم ({ $programmes })، بعد أن يقدّموا طلبهم. اكتب apply لبدء طلب.
browse-matched = لديك مطابقة بالفعل مع { $mentor } في { $programme }.
browse-asked-coordinators = لقد طلبت { $mentor } من قبل؛ والمنسقون يراجعون طلبك. يمكنك أن تطلب شخصًا آخر إن لم يتم.
browse-asked-waiting = لقد طلبت { $mentor } من قبل، وننتظر رده. يمكنك أن تطلب شخصًا آخر إن اعتذر.
browse-asked-waiting-until = لقد طلبت { $mentor } من قبل، وننتظر رده (في موعد أقصاه { $date }). يمكنك أن تطلب شخصًا آخر إن اعتذر.
browse-preparing = يُعدّ المنسقون مطابقة لك، لذا لا يمكنك طلب مرشد بنفسك الآن؛ ستسمع منا قريبًا.
browse-offer-waiting = لديك مطابقة مع { $mentor } تنتظر الردود؛ اكتب status لتراها.
browse-not-ready = يمكنك تصفح المرشدين في { $programme } حين يصبح طلبك جاهزًا للمطابقة. اكتب status لترى أين وصل.
browse-mentor = التصفح والطلبات للمتدربين: في { $programme } يتصفحون المرشدين ويطلبون أحدهم. ما يرونه عنك هو ملفك الشخصي (اكتب profile).
browse-unavailable = التصفح غير متاح الآن: { $why }
browse-no-criterion = تسمح بذلك قواعد البرنامج، وإن لم يكن بينكما معيار مشترك
browse-none = لا يوجد مرشد لديه مكان في { $programme } الآن.
browse-none-mentioning = لا يوجد مرشد يذكر ملفه { $words } لديه مكان في { $programme } الآن.
browse-none-see-all = اكتب browse لترى الجميع.
browse-none-engine = سيقترح عليك المنسقون مطابقة حالما تتوفر واحدة مناسبة.
browse-none-wait = تتحرر أماكن المرشدين حين تنتهي المطابقات؛ حاول مرة أخرى بعد أيام.
browse-no-page = { $pages ->
        [one] توجد صفحة واحدة فقط
        [two] توجد صفحتان فقط
        [few] توجد { $pages } صفحات فقط
       *[other] توجد { $pages } صفحة فقط
    } من المرشدين. اكتب browse للبدء من الأولى.
browse-no-page-mentioning = { $pages ->
        [one] توجد صفحة واحدة فقط
        [two] توجد صفحتان فقط
        [few] توجد { $pages } صفحات فقط
       *[other] توجد { $pages } صفحة فقط
    } من المرشدين الذين يذكر ملفهم { $words }. اكتب browse للبدء من الأولى.
browse-title = مرشدون في { $programme } لديهم مكان ويناسبونك، الأنسب أولًا ({ $range }):
browse-title-mentioning = مرشدون في { $programme } لديهم مكان ويناسبونك ويذكر ملفهم { $words }، الأنسب أولًا ({ $range }):
browse-range-one = { $n } من { $total }
browse-range = { $from }–{ $to } من { $total }
browse-entry = { $id }. { $name } — يناسبك: { $why }
browse-how-rank = لطلبهم: rank <أرقام> [بضع كلمات لهم]، اختيارك الأول أولًا (حتى { $max })؛ يُطلب كل منهم بالدور. مثل: rank { $example }
browse-how-request = لطلب أحدهم: request <رقم> [بضع كلمات له]، مثل: request { $example }
browse-more = المزيد: { $command }
browse-menu-rank = اختر حتى { $max }: يُطلبون بترتيب القائمة
browse-menu-request = اطلب من أحدهم أن يكون مرشدك
browse-more-button = مرشدون آخرون
request-one-at-a-time = في { $programme } تطلب مرشدًا واحدًا في كل مرة: request <رقم>، مثل request { $example }. لم يُرسل شيء.
request-too-many = يمكنك ترتيب { $max } مرشدين على الأكثر في { $programme }؛ ذكرت { $count }. لم يُرسل شيء.
request-twice = ذكرت المرشد { $mentor } مرتين؛ اذكر كلًّا منهم مرة واحدة، اختيارك الأول أولًا. لم يُرسل شيء.
request-note-too-long = ملاحظتك طولها { $count } حرفًا؛ اجعلها { $max } على الأكثر. لم يُرسل شيء.
request-no-such = لا يوجد الآن مرشد رقم { $mentor } يمكنك طلبه في { $programme }: ربما لم يعد لديه مكان، أو ليس في القائمة. اكتب browse لترى من يمكنك طلبه. لم يُرسل شيء.
request-no-such-choice = لا يوجد الآن مرشد رقم { $mentor } (اختيارك رقم { $n }) يمكنك طلبه في { $programme }: ربما لم يعد لديه مكان، أو ليس في القائمة. اكتب browse لترى من يمكنك طلبه. لم يُرسل شيء.
request-asked-first = طلبت من { $mentor }، اختيارك الأول، أن يكون مرشدك. أمامه حتى { $date } للرد.
request-asked = طلبت من { $mentor } أن يكون مرشدك. أمامه حتى { $date } للرد، وسأخبرك حالما يرد.
request-to-coordinators = يذهب طلبك إلى { $mentor } إلى المنسقين أولًا؛ وبعد موافقتهم يُطلب { $mentor }، وسأخبرك.
request-then = إن لم يستطع، فسأطلب { $rest } بالدور، وأخبرك أولًا بأول.
request-their-note = ملاحظته لك: { $note }
request-then-list = { $first }، ثم { $rest }
request-passed-on = لم يستطع { $mentor } قبولك، لذا طلبت اختيارك التالي، { $next }. أمامه حتى { $date } للرد.
request-passed-on-coordinators = لم يستطع { $mentor } قبولك، لذا يذهب طلبك إلى اختيارك التالي، { $next }، إلى المنسقين أولًا.
request-none-left = لا أحد من المرشدين الذين رتّبتهم يستطيع قبولك الآن. هذا لا يعكس شيئًا عنك: اكتب browse لترى من لديه مكان، ورتّب من جديد. المنسقون على علم، وقد يقترحون أحدًا.

## طريقة كتابة كل أمر، و`profile`: ما يعرضه المشارك للطرف الآخر.

choice-profile-usage = الاستخدام: profile · profile show <أرقام، مثل 1 3> · profile show all · profile show none · profile bio <كلمات قليلة عنك> · profile hide
choice-browse-usage = الاستخدام: browse · browse <كلمات للبحث> · browse <رقم الصفحة> (أو: mentors)
choice-rank-usage = الاستخدام: rank <أرقام المرشدين كما يعرضها browse، واختيارك الأول أولًا> [كلمات قليلة لهم]، مثل: rank 12 15 9 أود المساعدة في سيرتي الذاتية (نقطتان بعد الأرقام إن بدأت الكلمات برقم: rank 12 15: مكالمتان في الشهر)
choice-request-usage = الاستخدام: request <رقم المرشد كما يعرضه browse> [كلمات قليلة له]، مثل: request 12 أود المساعدة في سيرتي الذاتية
profile-not-a-number = «{ $word }» ليس من الأرقام المعروضة.
profile-no-such-answer = لا توجد إجابة رقم { $n }: الإجابات التي يمكنك عرضها مرقمة من 1 إلى { $max }. لم يتغير شيء. اكتب profile لتراها.
profile-bio-long = طول نبذتك { $count } حرفًا؛ يرجى ألا تتجاوز { $max }. لم يتغير شيء.
profile-hidden = ملفك مخفي: { $means }. اكتب profile لإظهاره من جديد.
profile-unchanged = لم يتغير شيء.
profile-saved = حُفظ.
profile-hidden-mentor = لا يراك المتدربون عندما يتصفحون
profile-hidden-mentee = لا يرى المرشد الذي تطلبه إلا اسمك وسبب ملاءمتكما وملاحظتك
profile-empty = ملفك في { $programme } لا يعرض شيئًا بعد، لذا { $means }.
profile-as-mentees-see = ملفك في { $programme } كما يراه المتدربون:
profile-as-mentors-see = ملفك في { $programme } كما يراه المرشدون الذين تطلبهم:
profile-nothing-to-show = لا يمكن عرض أي من إجاباتك؛ يمكنك كتابة نبذة.
profile-answers = إجاباتك التي يمكن عرضها (✓: معروضة):
profile-line = { $label }: { $answer }
profile-in-their-words = بكلماته: { $bio }
