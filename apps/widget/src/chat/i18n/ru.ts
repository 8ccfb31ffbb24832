import type { ChatTexts } from './en';
import { plural } from './plural';

const seconds = (n: number) =>
  plural('ru', n, {
    one: `${n} секунду`,
    few: `${n} секунды`,
    many: `${n} секунд`,
    other: `${n} секунды`,
  });

/** Russian. */
export const ru: ChatTexts = {
  title: 'Напишите нам',
  close: 'Закрыть чат',
  placeholder: 'Напишите сообщение…',
  send: 'Отправить',
  attach: 'Прикрепить изображение или PDF',
  typing: (name) => (name ? `${name} печатает…` : 'Поддержка печатает…'),
  sending: 'Отправляется…',
  sent: 'Отправлено',
  delivered: 'Доставлено',
  read: 'Прочитано',
  failed: 'Не отправлено. Нажмите, чтобы повторить.',
  emailPrompt: 'Получите ответ по почте, если уйдёте:',
  emailPlaceholder: 'vy@primer.ru',
  emailSave: 'Сообщить мне',
  emailSaved: (email) => `Подтверждено: если вас не будет, мы напишем на ${email}.`,
  emailPending: (email) =>
    `Мы отправили ссылку на ${email}. Откройте письмо и перейдите по ссылке, чтобы подтвердить.`,
  rateLimited: (n) => `Слишком много сообщений сразу. Повторите через ${seconds(n)}.`,
  tooLong: (max) =>
    plural('ru', max, {
      one: `Сообщение может содержать не более ${max} символа.`,
      few: `Сообщение может содержать не более ${max} символов.`,
      many: `Сообщение может содержать не более ${max} символов.`,
      other: `Сообщение может содержать не более ${max} символа.`,
    }),
  fileTooLarge: (mb) => `Размер файла — не более ${mb} МБ.`,
  fileType: 'Можно отправлять только изображения (PNG, JPEG, GIF, WebP) и файлы PDF.',
  offline: 'Переподключение…',
  unavailable: 'Чат сейчас недоступен.',
  you: 'Вы',
  csatRate: (rating, max) => `Оценить на ${rating} из ${max}`,
  csatHint: '1 — плохо, 5 — отлично',
  npsHint: '0 — точно нет, 10 — обязательно порекомендую',
  csatComment: 'Хотите что-нибудь добавить? (необязательно)',
  csatSend: 'Отправить оценку',
  csatThanks: (rating, max) => `Спасибо за отзыв! Ваша оценка: ${rating} из ${max}.`,
  csatAlready: 'Этот диалог уже оценён. Спасибо!',
  csatOutOfRange: (min, max) => `Выберите оценку от ${min} до ${max}.`,
  csatGone: 'Этот опрос больше недоступен.',
  preChatIntro: 'Прежде чем начать, расскажите немного о себе.',
  preChatStart: 'Начать чат',
  preChatOptional: (label) => `${label} (необязательно)`,
  preChatRequired: (label) => `Заполните поле «${label}».`,
  preChatEmailInvalid: 'Введите правильный адрес электронной почты.',
  previewTitle: 'Отправить этот файл',
  captionPlaceholder: 'Добавьте подпись (необязательно)',
  cancel: 'Отмена',
  uploading: 'Загрузка',
  uploadPercent: (percent) => `Загрузка… ${percent} %`,
  replySoon: 'Обычно мы отвечаем в течение нескольких минут.',
  awayToday: (time) => `Сейчас нас нет — ответим сегодня в ${time}.`,
  awayTomorrow: (time) => `Сейчас нас нет — ответим завтра в ${time}.`,
  // Intl names the day in the nominative: «в среду», «во вторник» need the accusative.
  awayOn: (day, time) =>
    `Сейчас нас нет — ответим ${/^вт/i.test(day) ? 'во' : 'в'} ${day.replace(/а$/, 'у')} в ${time}.`,
  awayLater: 'Сейчас нас нет — ответим, как только сможем.',
  articlesSearch: 'Поиск по статьям помощи',
  articlesSuggested: 'Возможно, помогут эти статьи:',
  articlesNone: 'Статьи не найдены. Попробуйте другие слова или напишите нам.',
  articleBack: 'Назад',
  articleOpenFull: 'Открыть в центре помощи',
  portalLink: 'Ваши обращения',
  portalLinkHint: 'Ваши обращения и их статус — в новой вкладке',
};
