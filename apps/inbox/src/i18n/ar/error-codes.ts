import type { ArabicCatalog } from '../catalog';

/** Arabic for en-error-codes.ts: what went wrong on the server, and what to do. */
export const arErrorCodes = {
  'error.VALIDATION_FAILED': 'بعض الحقول غير صالحة: {details}',
  'error.UNAUTHENTICATED': 'انتهت جلستك. يُرجى تسجيل الدخول مجددًا.',
  'error.FORBIDDEN': 'ليست لديك صلاحية لهذا الإجراء. تواصل مع أحد المسؤولين.',
  'error.NOT_FOUND': 'هذا العنصر لم يعد موجودًا.',
  'error.CONFLICT_named': 'هذا موجود بالفعل لدى «{name}». افتحه أو غيّر ما أدخلته.',
  'error.CONFLICT': 'يتعارض هذا مع عنصر موجود أو تغيّر للتو. أعد التحميل وحاول مجددًا.',
  'error.REPLY_COLLISION': 'ردّ زميل على العميل في هذه الأثناء. اقرأ ردّه أولًا.',
  'error.ALREADY_SENT': 'فات أوان التراجع: أُرسل الرد بالفعل.',
  'error.TEXT_TOO_LONG': 'النص طويل جدًا. اختصره وحاول مجددًا.',
  'error.INVALID_CHARACTERS': 'يحتوي النص على رموز لا يمكن حفظها. احذفها.',
  'error.INVALID_STATE': 'لا يمكن تنفيذ ذلك في الحالة الراهنة. أعد التحميل وحاول مجددًا.',
  'error.INVALID_TAG_NAME': 'يجب أن يتكوّن اسم الوسم من 1 إلى 64 حرفًا.',
  'error.SEARCH_TOO_BROAD': 'هذا البحث عام جدًا. أضف كلمات أخرى.',
  'error.UNKNOWN_MENTION': 'أحد الأشخاص المذكورين ليس عضوًا نشطًا في هذا الحساب.',
  'error.INVALID_ATTRIBUTE_VALUE': 'قيمة أحد حقول جهة الاتصال من نوع غير صحيح.',
  'error.INVALID_IMPORT': 'لم يُستورد الملف ولم يتغيّر شيء. صحّح الصفوف المذكورة.',
  'error.GONE': 'استُخدم هذا الرابط من قبل أو انتهت صلاحيته. اطلب رابطًا جديدًا.',
  'error.WEBHOOK_SIGNATURE_INVALID': 'توقيع الطلب غير صالح.',
  'error.RATE_LIMITED': 'محاولات كثيرة جدًا. حاول مجددًا بعد {seconds} ث.',
  'error.PAYLOAD_TOO_LARGE': 'الحجم أكبر من المسموح للرفع أو الحفظ.',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'لا يُقبل هذا الملف هنا: القناة أو النموذج لا يدعم هذا النوع من الملفات.',
  'error.CHANNEL_ERROR': 'لم يقبل مزوّد القناة الطلب: {reason}',
  'error.CHANNEL_CONNECT_FAILED': 'رفض المزوّد هذه الإعدادات: {reason}',
  'error.REPLY_WINDOW_CLOSED': 'أُغلقت نافذة الرد على العميل. أرسل قالبًا معتمدًا بدلًا من ذلك.',
  'error.MERGE_CONFIRMATION_REQUIRED': 'تعود هاتان المحادثتان إلى عميلين مختلفين. أكّد الدمج.',
  'error.INVALID_MOVE': 'غير ممكن: يجب أن تبقى رسالة واحدة على الأقل في المحادثة.',
  'error.TASK_DUE_IN_PAST': 'يجب أن يكون موعد الاستحقاق في المستقبل.',
  'error.TASK_ASSIGNEE_UNAVAILABLE':
    'لا يمكن إسناد المهمة إلى هذا الشخص: حسابه معطّل أو لا يملك صلاحية الوصول إلى قناتها.',
  'error.ROUTING_SETTINGS_INVALID':
    'لا يمكن استخدام إعدادات التوزيع هذه. تحقّق من أعضاء الفريق والحدود القصوى.',
  'error.INVALID_CONTACT_MERGE': 'لا يمكن دمج جهتي الاتصال هاتين.',
  'error.CONTACT_ALREADY_MERGED':
    'دُمجت إحدى جهتي الاتصال في جهة أخرى مسبقًا. أعد التحميل وحاول مجددًا.',
  'error.MERGE_UNDO_UNAVAILABLE': 'لم يعد بالإمكان التراجع عن هذا الدمج.',
  'error.WEBHOOK_TARGET_REFUSED': 'لا يمكن استدعاء هذا العنوان. استخدم URL عامًا يبدأ بـ https.',
  'error.INVALID_RULE': 'لا يمكن حفظ هذه القاعدة: {reason}',
  'error.INVALID_BUSINESS_HOURS':
    'لا يمكن استخدام ساعات العمل هذه. تحقّق من المنطقة الزمنية والعطلات.',
  'error.INVALID_SLA_POLICY': 'لا يمكن حفظ سياسة SLA هذه. حدّد هدفًا وتحقّق من قنواتها.',
  'error.INVALID_RATING': 'التقييم خارج المقياس.',
  'error.INVALID_REPORT_PERIOD':
    'لا يمكن إعداد تقرير لهذه الفترة: تنتهي قبل أن تبدأ أو أنها طويلة جدًا.',
  'error.INVALID_TIMEZONE': 'منطقة زمنية غير معروفة. اختر واحدة من القائمة.',
  'error.INVALID_TIME_ADJUSTMENT':
    'هذا التصحيح غير ممكن: الوقت المحذوف أكثر من اللازم أو اليوم خارج النطاق المسموح.',
  'error.OVERLOADED': 'الخادم مشغول. حاول مجددًا بعد بضع ثوانٍ.',
  'error.UNAVAILABLE': 'الخادم غير متاح مؤقتًا. حاول مجددًا بعد بضع ثوانٍ.',
  'error.INTERNAL': 'حدث خطأ في الخادم. حاول مجددًا، وإن تكرّر فأبلغ أحد المسؤولين.',
  'error.VALIDATION_FAILED_plain': 'بعض القيم غير صالحة. تحقّق منها وحاول مجددًا.',
  'error.RATE_LIMITED_plain': 'محاولات كثيرة جدًا. انتظر قليلًا وحاول مجددًا.',
} satisfies Partial<ArabicCatalog>;
