# أوامر Discord المائلة كما تعرضها تطبيقاته بكل لغة (platforms::discord). لا يدعم Discord
# العربية بعد، فهذه جاهزة لليوم الذي يدعمها فيه. الاسم: أحرف صغيرة وأرقام و- أو _ (32 على
# الأكثر)؛ والوصف 100 حرف على الأكثر.

slash-apply = تقديم
slash-apply-about = التقديم إلى برنامج إرشاد (تصلك الأسئلة برسالة خاصة)
slash-apply-programme = أي برنامج (اتركه فارغًا لتختار)
slash-apply-role = مرشد أو متدرب (اتركه فارغًا لتختار)
slash-status = الحالة
slash-status-about = أين وصلت طلباتك ومطابقاتك
slash-help = مساعدة
slash-help-about = ما يمكن أن يقدمه لك Tandem
slash-report = بلاغ
slash-report-about = إبلاغ المشرفين بأمر يقلقك بشكل خاص
slash-withdraw = سحب
slash-withdraw-about = سحب طلب
slash-withdraw-programme = أي برنامج
slash-pause = إيقاف
slash-pause-about = إيقاف تذكيرات مطابقتك حتى تاريخ
slash-pause-until = تاريخ، مثل 2027-01-10 أو 10 يناير أو الجمعة القادمة
slash-resume = استئناف
slash-resume-about = إنهاء الإيقاف مبكرًا
slash-link = ربط
slash-link-about = أن تكون الشخص نفسه هنا وعلى Matrix (يصلك الرمز برسالة خاصة)
slash-link-code = الرمز الذي وصلك على Matrix (اتركه فارغًا لتحصل على رمز هنا)
slash-coordinate = تنسيق
slash-coordinate-about = أمر للمنسقين (في قناة المنسقين)
slash-moderate = إشراف
slash-moderate-about = أمر للمشرفين (في قناة المشرفين)
slash-option-programme = البرنامج
slash-option-role = الدور
slash-option-until = حتى
slash-option-code = الرمز
slash-option-command = الأمر
