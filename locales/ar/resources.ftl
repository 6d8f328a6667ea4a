# الموارد: ما يقرؤه المشارك أو يشاهده في كل مرحلة (flows::resources)، وقائمة المنسقين
# بمن قرأها.

resource-stage-orientation = التعريف بالبرنامج
resource-stage-training = التدريب
resource-stage-first-month = الشهر الأول
resource-stage-midpoint = منتصف البرنامج
resource-stage-closure = الختام

resource-line = { $n }. { $title } — { $where }
resource-line-read = ✓ { $n }. { $title } — { $where }
resource-file = ملف: اكتب موارد { $n } وسأرسله إليك
resource-menu = ✓ قرأت…
resource-menu-option = { $n }. { $title }

resources-not-applied = تأتي الموارد مع البرنامج: عندما تقدّم طلبًا (اكتب apply) سأخبرك بما تقرؤه أو تشاهده في كل مرحلة.
resources-none = لا توجد موارد في برنامجك بعد. إذا كنت تبحث عن شيء، اكتب ask the team ثم سؤالك.
resources-none-now = لا شيء لتقرأه الآن ({ $stage }): قرأت كل ما في هذه المرحلة. اكتب موارد الكل لترى كل الموارد.
resources-header = لتقرأه أو تشاهده الآن ({ $stage }):
resources-all-header = كل الموارد المخصصة لك:
resources-footer = عندما تقرأ أحدها أخبرني: تم { $n } (مع رقمه).
resources-footer-all-read = قرأتها كلها. شكرًا لك!
resources-all-hint = اكتب موارد الكل لترى كل موارد برنامجك، أو موارد ورقمًا لترى واحدًا منها.
resource-read-on = قرأته في { $date }.
resource-done-hint = عندما تقرؤه اكتب تم { $n }.
resource-unknown = لا أجد المورد «{ $typed }». أرقام مواردك: { $numbers }. اكتب موارد لتراها.
resource-already-read = سبق أن أشرت إلى أنك قرأت «{ $title }»، في { $date }.
resource-marked = شكرًا لك: سُجّل أنك قرأت «{ $title }».
resource-file-missing = عذرًا، لا أجد هذا الملف الآن. اكتب ask the team ثم رسالتك، وسيرسله إليك أحد المنسقين.
resource-for-pair = 📚 { $title } — { $where }
    على كل منكما: بعد قراءته اكتب لي موارد في رسالة خاصة لتسجيل أنك قرأته.
resource-file-by-dm = ملف سأرسله إلى كل منكما: اكتب لي موارد في رسالة خاصة

## قائمة المنسقين (`resources` في غرفتهم).

resources-progress-unloaded = لم أتمكن من معرفة من قرأ الموارد؛ حاول مرة أخرى.
resources-progress-none = لا توجد موارد في { $programme }: أضفها تحت [[resources]] في ملف البرنامج.
resources-progress-header = موارد { $programme }: من قرأ كل مورد (ممن يخصهم حتى الآن).
resources-progress-line = { $n }. { $title } ({ $stage }): قرأه { $read } من { $due }.
resources-progress-line-nobody = { $n }. { $title } ({ $stage }): لم يصل أحد إلى هذه المرحلة بعد.
resources-progress-not-yet = { "   " }لم يقرأه بعد: { $names }
resources-progress-more = { $names } و{ $count } آخرون
