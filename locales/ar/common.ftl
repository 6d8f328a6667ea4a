# كلمات وجمل تُستخدم في كل مكان.

days = { $count ->
    [zero] { $count } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}

## الأمر `language` (اللغة).

language-current = أكتب إليك بـ{ $language }. لتغييرها، اكتب language (أو لغة) وواحدة من: { $choices }.
language-set = من الآن فصاعدًا سأكتب إليك بـ{ $language }.
language-unknown = لا أتحدث «{ $asked }» بعد. أستطيع الكتابة بـ: { $choices }. سأواصل بـ{ $language }.

## التواريخ.

date = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## يُعرض بكل اللغات الأخرى تحت أول رسالة مساعدة، ليجد كل شخص لغته.

language-offer = 🌐 بالعربية: اكتب لغة ar

## أيام الأسبوع كاملة.

weekday-long-1 = الاثنين
weekday-long-2 = الثلاثاء
weekday-long-3 = الأربعاء
weekday-long-4 = الخميس
weekday-long-5 = الجمعة
weekday-long-6 = السبت
weekday-long-7 = الأحد
