# الفعاليات الجماعية: الإعلان والردود (rsvp) والتذكيرات للجميع؛ وإنشاؤها وعرضها وإلغاؤها
# للمنسقين. تبقى الأوامر (event وevents وrsvp) والردود yes وno وmaybe كما تُكتب.

event-when = { $weekday } { $day } { $month } { $year }، { $time } { $zone } ({ $utc } UTC)
event-when-utc = { $weekday } { $day } { $month } { $year }، { $time } UTC
event-when-local = { $weekday } { $day } { $month } { $year }، { $time } { $zone }
event-places = { $count ->
    [zero] لا أماكن
    [one] مكان واحد
    [two] مكانان
    [few] { $count } أماكن
   *[other] { $count } مكانًا
}
event-tally = نعم { $yes }، ربما { $maybe }، لا { $no }
event-tally-places = نعم { $yes }، ربما { $maybe }، لا { $no } ({ $places })
choice-maybe = ربما

## للجميع.

event-announcement = 📅 { $title } — { $when }
event-length = المدة { $minutes } دقيقة.
event-length-places = المدة { $minutes } دقيقة. الأماكن: { $places }.
event-will-you-come = هل ستحضر؟ (الفعالية رقم { $n }؛ أو اكتب rsvp { $n } yes أو no أو maybe.)
event-none = لا توجد فعالية رقم { $n }.
event-rsvp-how = يرجى الرد بـ yes أو no أو maybe (مثلًا: rsvp { $n } yes).
event-rsvp-usage = للرد على دعوة، اكتب rsvp ثم رقم الفعالية ثم yes أو no أو maybe (مثلًا: rsvp 3 yes).
event-was-cancelled = أُلغيت { $title } ({ $when })، فلا يوجد ما تردّ عليه.
event-started = بدأت { $title } بالفعل.
event-full = عذرًا، { $title } مكتملة ({ $places }). ردّ بـ maybe وسيعرف المنسقون أنك تودّ الحضور.
event-going = ستحضر { $title } — { $when }. سأذكّرك قبل أن تبدأ.
event-maybe = سُجّل ردّك «ربما» على { $title } — { $when }. ردّ بـ yes إذا قررت الحضور.
event-not-going = سُجّل: لن تحضر { $title }. شكرًا لإعلامنا.
event-cancelled-notice = أُلغيت: { $title } — { $when }. نعتذر عن التغيير.
event-cancelled-notice-reason = أُلغيت: { $title } — { $when }. السبب: { $reason } نعتذر عن التغيير.
event-reminder = تذكير: تبدأ { $title } بعد { $soon }، { $when }.
event-reminder-local = تذكير: تبدأ { $title } بعد { $soon }، { $when }. بتوقيتك هذا هو { $local }.
event-hours = { $count ->
    [zero] أقل من ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $count } ساعات
   *[other] { $count } ساعة
}
event-minutes = { $count ->
    [zero] أقل من دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
   *[other] { $count } دقيقة
}

## للمنسقين.

event-usage = الاستخدام: event create title: <العنوان>; start: <التاريخ والوقت> [المنطقة]; ... · events · event show <n> · event cancel <n> [السبب] · rsvp <n> yes|no|maybe
event-staff-room = أوامر الفعاليات تعمل في غرفة المنسقين.
event-only-coordinators = { $who }، لا يدير الفعاليات إلا منسقو البرنامج.
event-none-upcoming = لا توجد فعاليات قادمة.
event-none-create = لا توجد فعاليات قادمة. أنشئ واحدة بـ: event create title: ...; start: ...
event-upcoming = الفعاليات القادمة ({ $count }):
event-line = رقم { $n } { $title } — { $when } · { $tally }
event-other-programme = الفعالية رقم { $n } لبرنامج آخر: يديرها منسقوه في غرفتهم.
event-nobody-yet = لا أحد بعد
event-show =
    الفعالية رقم { $n } { $title } — { $when }
    أُعلنت في { $room }
    { $tally }
    سيحضر: { $yes }
    ربما: { $maybe }
event-show-cancelled =
    الفعالية رقم { $n } { $title } — { $when } · ملغاة
    أُعلنت في { $room }
    { $tally }
    سيحضر: { $yes }
    ربما: { $maybe }
event-already-cancelled = الفعالية رقم { $n } ملغاة من قبل.
event-already-begun = بدأت الفعالية رقم { $n } بالفعل؛ لا يمكن إلغاؤها.
event-cancelled-by = ألغى { $who } الفعالية رقم { $n }؛ { $told ->
    [zero] لم يكن هناك من يُبلَّغ.
    [one] أُبلغ شخص واحد ردّ بنعم أو ربما.
    [two] أُبلغ شخصان ردّا بنعم أو ربما.
    [few] أُبلغ { $told } أشخاص ردّوا بنعم أو ربما.
   *[other] أُبلغ { $told } شخصًا ردّوا بنعم أو ربما.
}
event-room-unusable = room: لا أستطيع النشر في «{ $room }». اكتب معرّف الغرفة ({ $how }).
event-where = أين يُعلن عنها؟ أضف room: <الغرفة> (لا توجد غرفة فعاليات مهيأة).
event-created = أُنشئت الفعالية: { $title } — { $sessions ->
    [one] جلسة واحدة
    [two] جلستان
    [few] { $sessions } جلسات
   *[other] { $sessions } جلسة
}، يُعلن عن كل منها في { $room } مع طلب الرد قبل { $days } أيام (فورًا إن كان الموعد أقرب)؛ وتُرسل التذكيرات لمن يرد بنعم. الأوقات بتوقيت { $zone }.
