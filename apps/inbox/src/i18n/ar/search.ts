import type { ArabicCatalog } from '../catalog';

/** Arabic for en-search.ts: search across every status and date range. */
export const arSearch = {
  'feed.tab.all': 'الكل',
  'feed.empty.all.title': 'لم يُعثر على شيء',
  'feed.empty.all.body':
    'لا توجد محادثة مطابقة بأي حالة. جرّب صيغة أخرى للكلمة، أو كلمات أقل، أو نطاق تواريخ أوسع.',
  'search.dates.label': 'آخر نشاط بين',
  'search.dates.from': 'من',
  'search.dates.to': 'إلى',
  'search.dates.clear': 'أي تاريخ',
  'search.match.label': 'رسالة مطابقة من {time}',
  'search.error': 'تعذّر تنفيذ البحث: {message}',
  'search.invalid.unbalanced_quote': 'علامة اقتباس غير مغلقة: عبارة بدأت بـ " لم تُغلق',
  'search.invalid.too_many_words': 'كلمات كثيرة جدًا: يتسع البحث لـ {max} كلمة على الأكثر',
  'search.invalid.too_many_phrases': 'عبارات كثيرة جدًا: يتسع البحث لـ {max} عبارة على الأكثر',
  'search.hint': 'كلمات بأي لغة، "عبارة مطابقة"، #1042، #وسم',
} satisfies Partial<ArabicCatalog>;
