# البث: إعلان من المنسقين برسالة خاصة إلى جمهور (flows::broadcast)، وأمر المشارك
# `mute announcements`.

broadcast-usage = اكتب broadcast، ثم (إن كنت تنسق أكثر من برنامج) البرنامج، ثم الجمهور — { $audiences } — ثم رسالتك. الأسطر (أو الأجزاء بعد ||) التي تبدأ بـ es: أو ar: هي ترجماتها.
broadcast-message = 📣 { $programme }:
    { $text }

    (لإيقاف هذه الإعلانات اكتب كتم الإعلانات.)
broadcast-unloaded = لم أتمكن من تحميل المشاركين في البرنامج؛ حاول مرة أخرى.
broadcast-too-long = في رسالتك { $chars } حرفًا؛ الحد الأقصى للبث { $max } (ما تقبله كل منصة في رسالة واحدة). اختصرها أو أرسلها على رسالتين.
broadcast-too-long-in = في رسالتك بلغة { $language } { $chars } حرفًا؛ الحد الأقصى للبث { $max } (ما تقبله كل منصة في رسالة واحدة). اختصرها أو أرسلها على رسالتين.
broadcast-nobody = لا أحد لأرسل إليه: لا يوجد { $audience } في { $programme }{ $muted ->
    [0] {""}
    [one] {" "}ممن لم يكتموا الإعلانات (شخص واحد كتمها)
   *[other] {" "}ممن لم يكتموا الإعلانات ({ $muted } كتموها)
}. لم يُرسل شيء.
broadcast-dry-run = بث إلى { $audience } في { $programme } (تجربة: لم يُرسل شيء بعد). { $count ->
    [zero] لن يصل إلى أحد.
    [one] يصل إلى شخص واحد برسالة خاصة.
    [two] يصل إلى شخصين برسالة خاصة.
   *[other] يصل إلى { $count } أشخاص برسالة خاصة.
}
broadcast-muted = { $count ->
    [one] شخص واحد كتم الإعلانات ولن يصله.
   *[other] { $count } أشخاص كتموا الإعلانات ولن يصلهم.
}
broadcast-unreachable = { $count ->
    [one] تعذّر الوصول إلى شخص واحد برسالة خاصة في آخر 30 يومًا ({ $names }): سأحاول مجددًا.
   *[other] تعذّر الوصول إلى { $count } أشخاص برسالة خاصة في آخر 30 يومًا ({ $names }): سأحاول مجددًا.
}
broadcast-no-translations = سيقرؤه الجميع كما كتبته (أضف أسطرًا مثل es: … أو ar: … لمن اختاروا الإسبانية أو العربية).
broadcast-translations = من اختاروا { $languages } سيقرؤون ترجمتك؛ والباقون سيقرؤونه كما كتبته.
broadcast-preview = سيقرؤون:
broadcast-sent = { $count ->
    [one] أُرسل إلى شخص واحد ({ $audience } في { $programme }) برسالة خاصة.
   *[other] جارٍ الإرسال إلى { $count } أشخاص ({ $audience } في { $programme }) برسائل خاصة.
}

announcements-muted = تم: لن تصلك إعلانات المنسقين بعد الآن. ستظل تصلك الرسائل المتعلقة بطلبك ومطابقتك وبلاغاتك. اكتب إلغاء كتم الإعلانات لتصلك مجددًا.
announcements-unmuted = تم: ستصلك إعلانات المنسقين مجددًا.

## بطاقة التقديم (`announce apply <room>`).

announce-usage = اكتب announce apply، ثم الغرفة التي تُنشر فيها بطاقة التقديم (#قناة على Discord، أو معرّف الغرفة على Matrix)، ثم البرنامج إن كنت تنسق أكثر من برنامج.
announce-alias = اذكر معرّف الغرفة (يبدأ بـ ! في إعدادات الغرفة، قسم متقدم)، لا عنوانها { $room }.
announce-closed = { $programme } لا يستقبل طلبات الآن: ستدعو البطاقة الناس إلى طلب لا يمكنهم تقديمه. افتحه أولًا (applications_open في ملفه).
announce-posted = نُشرت بطاقة التقديم إلى { $programme } في { $room }. الطلبات التي تبدأ منها تُحسب في report على أنها من إعلان.
apply-card = 📣 باب التقديم إلى { $programme } مفتوح!
    { $description }
    { $roles }
    للتقديم، اضغط Apply، أو أرسل إليّ رسالة خاصة: apply { $slug }
apply-card-role = • { $role }: { $description }
