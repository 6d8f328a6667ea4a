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
language-menu = اختر لغة
