# سياسة السلامة في غرف الثنائيات لبرنامج ما (src/domain/safety؛ `[safety]` في ملفه): التذكير
# اللطيف الخاص لمرسل رسالة مُعلَّمة (مرة واحدة في اليوم لكل نوع)، واسم كل نوع على بطاقة
# المنسقين، والبطاقة. $programme: اسم البرنامج.

safety-reminder-phone = تذكير لطيف من { $programme }: حفاظًا على سلامة الجميع، يُرجى عدم مشاركة أرقام الهواتف في رسائلك ومواصلة الحديث هنا، على قنوات البرنامج. شكرًا لك!
safety-reminder-email = تذكير لطيف من { $programme }: حفاظًا على سلامة الجميع، يُرجى عدم مشاركة عناوين البريد الإلكتروني في رسائلك ومواصلة الحديث هنا، على قنوات البرنامج. شكرًا لك!
safety-reminder-social = تذكير لطيف من { $programme }: حفاظًا على سلامة الجميع، تبقى محادثات البرنامج هنا، لا على تطبيقات أو شبكات تواصل أخرى. يُرجى عدم مشاركة الحسابات أو دعوة شريكك إلى مكان آخر. شكرًا لك!
safety-reminder-photos = تذكير لطيف من { $programme }: حفاظًا على سلامة الجميع، يُرجى عدم طلب صور من بعضكما. شكرًا لك!
safety-reminder-secrecy = تذكير لطيف من { $programme }: محادثات البرنامج ليست سرًّا أبدًا عن فريقه، ولا ينبغي أن يُطلب من أحد إخفاء شيء عن أهله أو عن الفريق. شكرًا لك!
safety-reminder-keywords = تذكير لطيف من { $programme }: يُرجى الالتزام بسياسة السلامة في البرنامج في رسائلك. قد يتواصل معك أحد المنسقين. شكرًا لك!
safety-reminder-night = تذكير لطيف من { $programme }: يُرجى إرسال الرسائل في ساعات النهار حسب المنطقة الزمنية لشريكك. شكرًا لك!

# السياسة في جملة، لأول رسالة في الغرفة ولموافقة الطلب.
safety-policy-said = يعتني { $programme } بغرف الثنائيات: الرسائل التي تشارك بيانات التواصل، أو تنقل المحادثة إلى تطبيق آخر، أو تطلب صورًا أو كتمانًا، أو تُرسل ليلًا، تُعرض على المنسقين (بضع كلمات فقط حول ما وُجد).

## على بطاقة تنبيه المنسقين.

safety-kind-phone = رقم هاتف
safety-kind-email = عنوان بريد إلكتروني
safety-kind-social = تطبيق آخر أو شبكة تواصل اجتماعي
safety-kind-photos = طلب صور
safety-kind-secrecy = طلب كتمان
safety-kind-keywords = إحدى الكلمات المفتاحية للبرنامج
safety-kind-night = رسالة ليلية
safety-card = تنبيه السلامة { $flag } في الثنائي { $match }: { $kind } من { $sender }، { $time }.
safety-card-excerpt = «{ $excerpt }»
safety-card-reply = ردّ هنا: flag dismiss { $flag } · flag note { $flag } <ملاحظتك> · flag case { $flag } (حالة لفريق الإشراف)

## أوامر المنسقين الخاصة بالتنبيهات (flows/safety.rs).

flags-usage = الاستخدام: flags [البرنامج] · flag F3 · flag dismiss F3 [ملاحظة] · flag note F3 <ملاحظة> · flag case F3 [ملاحظة]
flags-room = يُعمل على تنبيهات السلامة في غرفة المنسقين.
flags-none = لا يوجد تنبيه سلامة { $flag }.
flags-note-long = طول هذه الملاحظة { $count } حرفًا؛ الحد الأقصى للملاحظة { $max }.
flags-settled = تم البتّ في { $flag } من قبل: لم يتغير شيء.
flags-made-case = أصبح { $flag } حالة لفريق الإشراف، ومقتطفه دليل فيها. يصلك رقم الحالة في رسالة خاصة.
flags-dismissed = تم تجاهل { $flag }: لم يعد يُحتسب في حالة { $match }.
flags-noted = سُجّلت ملاحظة على { $flag }: ما زال يُحتسب في حالة { $match }.
flags-can-see = رؤية تنبيه السلامة { $flag }
flags-can-decide = البتّ في تنبيه السلامة { $flag }
flags-can-list = عرض قائمة تنبيهات السلامة
flags-no-programme = لا يوجد برنامج { $programme }.
flags-none-open = لا توجد تنبيهات سلامة مفتوحة في برامجك.
flags-open = { $count ->
    [one] تنبيه سلامة مفتوح واحد، الأقدم أولًا:
    [two] تنبيها سلامة مفتوحان، الأقدم أولًا:
    [few] { $count } تنبيهات سلامة مفتوحة، الأقدم أولًا:
   *[other] { $count } تنبيه سلامة مفتوح، الأقدم أولًا:
}
flags-more = …و{ $count } أخرى: ابتّ في هذه أولًا.
flags-list-reply = ردّ هنا: flag dismiss <التنبيه> · flag note <التنبيه> <ملاحظتك> · flag case <التنبيه>
flags-status-open = مفتوح: لم يبتّ فيه أحد بعد.
flags-status-dismissed = تجاهله { $by } في { $on }.
flags-status-noted = سجّل { $by } ملاحظة عليه في { $on }.
flags-status-case = جعله { $by } الحالة #{ $case } في { $on }.
flags-status-note = ملاحظة: { $note }

## مساعدة الفريق (جدول help.ftl).

staff-help-does-flag-list = تنبيهات السلامة المفتوحة في غرف ثنائيات برامجك
staff-help-does-flag-show = تنبيه سلامة واحد ومقتطفه وما وصل إليه
staff-help-does-flag-dismiss = لا داعي للقلق: يتوقف احتسابه في حالة الثنائي
staff-help-does-flag-note = الإبقاء على التنبيه مع ملاحظة (يبقى محتسبًا)
staff-help-does-flag-case = جعل التنبيه حالة لفريق الإشراف، ومقتطفه دليل فيها

# سبب لكون الثنائي في خطر (مع الأسباب الأخرى في health-at-risk).
health-risk-safety = { $count ->
    [one] تنبيه سلامة واحد خلال 30 يومًا
    [two] تنبيها سلامة خلال 30 يومًا
    [few] { $count } تنبيهات سلامة خلال 30 يومًا
   *[other] { $count } تنبيه سلامة خلال 30 يومًا
}

## تنبيه أصبح حالة: يُحفظ في سجل الحالة كما كُتب.
flags-case-text = تنبيه السلامة { $flag } في غرفة ثنائي ({ $kind }) في الثنائي { $match }، أُرسل في { $at }.
flags-case-note = ملاحظة المنسق: { $note }
flags-case-copy = { $sender }، { $at }: «{ $excerpt }»
flags-case-copy-night = { $sender }، { $at }: (رسالة ليلية؛ لا يُحفظ أي نص)
staff-help-group-safety = تنبيهات السلامة في غرف الثنائيات (F…):

## أزرار البطاقة (حيث تتيحها المنصة).
safety-action-dismiss = تجاهل
safety-action-note = ملاحظة
safety-action-case = فتح حالة
safety-asks-note = ملاحظتك (تُحفظ مع التنبيه؛ لا يُبلَّغ بها الثنائي)
