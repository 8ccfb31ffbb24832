import type { ArabicCatalog } from '../catalog';

/** Arabic for en-routing.ts: round-robin routing, the queue and operator load. */
export const arRouting = {
  'routing.title': 'التوجيه',
  'routing.round_robin': 'التوزيع الدوري: توزيع المحادثات الجديدة على الأعضاء المتصلين',
  'routing.max_open': 'الحد الأقصى للمحادثات المفتوحة لكل عضو',
  'routing.hand_back_on_away': 'عند الغياب تُعاد المحادثات التي لم يُرد عليها',
  'routing.save': 'حفظ التوجيه',
  'routing.saved': 'تم حفظ التوجيه',
  'routing.failed': 'لم يُحفظ التوجيه: {message}',
  'routing.queue.title': 'قائمة الانتظار',
  'routing.queue.hint': 'محادثات تنتظر عضوًا في الفريق لديه متسع، الأقدم أولًا.',
  'routing.queue.empty': 'لا أحد في الانتظار.',
  'routing.queue.position': '{position}.',
  'routing.queue.waiting': 'ينتظر منذ {duration}',
  'routing.queue.failed': 'تعذّر تحميل قائمة الانتظار: {message}',
  'routing.load.title': 'المتصلون الآن',
  'routing.load.hint': 'المحادثات المفتوحة المُسندة إلى كل موظف، وحدّه الأقصى.',
  'routing.load.available': 'متاح',
  'routing.load.away': 'غير متواجد',
  'routing.load.offline': 'غير متصل',
  'routing.load.of': '{open} / {max}',
  'routing.hand_back': 'إعادة قائمتي',
  'routing.hand_back.confirm':
    'هل تريد إعادة محادثاتك التي لم يُرد عليها إلى قوائم انتظار فرقك والتحول إلى غير متواجد؟',
  'routing.hand_back.done_zero': 'لم تُعَد أي محادثة؛ وحالتك الآن غير متواجد',
  'routing.hand_back.done_one': 'أُعيدت محادثة واحدة؛ وحالتك الآن غير متواجد',
  'routing.hand_back.done_two': 'أُعيدت محادثتان؛ وحالتك الآن غير متواجد',
  'routing.hand_back.done_few': 'أُعيدت {count} محادثات؛ وحالتك الآن غير متواجد',
  'routing.hand_back.done_many': 'أُعيدت {count} محادثة؛ وحالتك الآن غير متواجد',
  'routing.hand_back.done_other': 'أُعيدت {count} محادثة؛ وحالتك الآن غير متواجد',
  'routing.hand_back.failed': 'تعذّرت الإعادة: {message}',
} satisfies Partial<ArabicCatalog>;
