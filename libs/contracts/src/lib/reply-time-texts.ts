import type { SupportedLanguage } from './supported-language';

type Week = readonly [string, string, string, string, string, string, string];

/**
 * One language's words for "We'll reply …". `minutes` holds exactly the plural categories the
 * language uses (Intl.PluralRules picks one); `weekdays` runs Sunday to Saturday with the
 * preposition each day takes ("во вторник", "във вторник").
 */
export interface ReplyTimeTexts<C extends Intl.LDMLPluralRule> {
  /** The locale dates are written in (month names; Arabic keeps Latin digits, as the time does). */
  dateLocale: string;
  open: string;
  unknown: string;
  minutes: Record<C | 'other', string>;
  today: string;
  tomorrow: string;
  weekdays: Week;
  /** `{weekday}` is one of `weekdays`. */
  weekday: string;
  date: string;
}

/** Every supported language (the mapped part fails the type check when one is added without words). */
export const REPLY_TIME_TEXTS: Record<SupportedLanguage, unknown> & {
  en: ReplyTimeTexts<'one'>;
  ru: ReplyTimeTexts<'one' | 'few' | 'many'>;
  bg: ReplyTimeTexts<'one'>;
  ar: ReplyTimeTexts<'zero' | 'one' | 'two' | 'few' | 'many'>;
} = {
  en: {
    dateLocale: 'en-GB',
    open: 'in a few minutes',
    unknown: 'as soon as we can',
    minutes: { one: 'in {count} minute', other: 'in {count} minutes' },
    today: 'today at {time}',
    tomorrow: 'tomorrow at {time}',
    weekdays: [
      'on Sunday',
      'on Monday',
      'on Tuesday',
      'on Wednesday',
      'on Thursday',
      'on Friday',
      'on Saturday',
    ],
    weekday: '{weekday} at {time}',
    date: 'on {date} at {time}',
  },
  ru: {
    dateLocale: 'ru',
    open: 'в течение нескольких минут',
    unknown: 'как только сможем',
    minutes: {
      one: 'через {count} минуту',
      few: 'через {count} минуты',
      many: 'через {count} минут',
      other: 'через {count} минуты',
    },
    today: 'сегодня в {time}',
    tomorrow: 'завтра в {time}',
    weekdays: [
      'в воскресенье',
      'в понедельник',
      'во вторник',
      'в среду',
      'в четверг',
      'в пятницу',
      'в субботу',
    ],
    weekday: '{weekday} в {time}',
    date: '{date} в {time}',
  },
  bg: {
    dateLocale: 'bg',
    open: 'до няколко минути',
    unknown: 'възможно най-скоро',
    minutes: { one: 'след {count} минута', other: 'след {count} минути' },
    today: 'днес в {time}',
    tomorrow: 'утре в {time}',
    weekdays: [
      'в неделя',
      'в понеделник',
      'във вторник',
      'в сряда',
      'в четвъртък',
      'в петък',
      'в събота',
    ],
    weekday: '{weekday} в {time}',
    date: 'на {date} в {time}',
  },
  ar: {
    dateLocale: 'ar-u-nu-latn',
    open: 'خلال دقائق',
    unknown: 'في أقرب وقت ممكن',
    minutes: {
      zero: 'خلال {count} دقيقة',
      one: 'خلال دقيقة واحدة',
      two: 'خلال دقيقتين',
      few: 'خلال {count} دقائق',
      many: 'خلال {count} دقيقة',
      other: 'خلال {count} دقيقة',
    },
    today: 'اليوم الساعة {time}',
    tomorrow: 'غدًا الساعة {time}',
    weekdays: [
      'يوم الأحد',
      'يوم الاثنين',
      'يوم الثلاثاء',
      'يوم الأربعاء',
      'يوم الخميس',
      'يوم الجمعة',
      'يوم السبت',
    ],
    weekday: '{weekday} الساعة {time}',
    date: 'في {date} الساعة {time}',
  },
};
