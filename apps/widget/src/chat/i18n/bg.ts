import type { ChatTexts } from './en';
import { plural } from './plural';

const seconds = (n: number) => plural('bg', n, { one: `${n} секунда`, other: `${n} секунди` });

/** Bulgarian. */
export const bg: ChatTexts = {
  title: 'Пишете ни',
  close: 'Затвори чата',
  placeholder: 'Напишете съобщение…',
  send: 'Изпрати',
  attach: 'Прикачи изображение или PDF',
  typing: (name) => (name ? `${name} пише…` : 'Поддръжката пише…'),
  sending: 'Изпраща се…',
  sent: 'Изпратено',
  delivered: 'Доставено',
  read: 'Прочетено',
  failed: 'Не е изпратено. Докоснете, за да опитате отново.',
  emailPrompt: 'Получете отговора по имейл, ако излезете:',
  emailPlaceholder: 'vie@primer.bg',
  emailSave: 'Уведоми ме',
  emailSaved: (email) => `Потвърдено: ако ви няма, ще пишем на ${email}.`,
  emailPending: (email) =>
    `Изпратихме линк на ${email}. Проверете пощата си и го отворете, за да потвърдите.`,
  rateLimited: (n) => `Твърде много наведнъж. Опитайте отново след ${seconds(n)}.`,
  tooLong: (max) =>
    plural('bg', max, {
      one: `Съобщението може да е най-много ${max} знак.`,
      other: `Съобщението може да е най-много ${max} знака.`,
    }),
  fileTooLarge: (mb) => `Файлът може да е най-много ${mb} МБ.`,
  fileType: 'Могат да се изпращат само изображения (PNG, JPEG, GIF, WebP) и PDF файлове.',
  offline: 'Свързване отново…',
  unavailable: 'Чатът в момента не е достъпен.',
  you: 'Вие',
  csatRate: (rating, max) => `Оценка ${rating} от ${max}`,
  csatHint: '1 = лошо, 5 = отлично',
  npsHint: '0 = изобщо не е вероятно, 10 = много вероятно',
  csatComment: 'Искате ли да добавите нещо? (по желание)',
  csatSend: 'Изпрати оценката',
  csatThanks: (rating, max) => `Благодарим за отзива! Оценихте ни с ${rating} от ${max}.`,
  csatAlready: 'Този разговор вече е оценен. Благодарим!',
  csatOutOfRange: (min, max) => `Изберете оценка от ${min} до ${max}.`,
  csatGone: 'Тази анкета вече не е достъпна.',
  preChatIntro: 'Преди да започнем, разкажете ни накратко за себе си.',
  preChatStart: 'Започни чата',
  preChatOptional: (label) => `${label} (по избор)`,
  preChatRequired: (label) => `Моля, попълнете „${label}“.`,
  preChatEmailInvalid: 'Моля, въведете валиден имейл адрес.',
  previewTitle: 'Изпращане на този файл',
  captionPlaceholder: 'Добавете надпис (по избор)',
  cancel: 'Отказ',
  uploading: 'Качване',
  uploadPercent: (percent) => `Качване… ${percent}%`,
  replySoon: 'Обикновено отговаряме до няколко минути.',
  awayToday: (time) => `В момента ни няма — ще отговорим днес в ${time}.`,
  awayTomorrow: (time) => `В момента ни няма — ще отговорим утре в ${time}.`,
  // «във вторник», «в сряда»: the preposition grows before в and ф.
  awayOn: (day, time) =>
    `В момента ни няма — ще отговорим ${/^[вф]/i.test(day) ? 'във' : 'в'} ${day} в ${time}.`,
  awayLater: 'В момента ни няма — ще отговорим възможно най-скоро.',
  articlesSearch: 'Търсене в статиите за помощ',
  articlesSuggested: 'Тези статии може да помогнат:',
  articlesNone: 'Няма намерени статии. Опитайте с други думи или ни пишете.',
  articleBack: 'Назад',
  articleOpenFull: 'Отваряне в центъра за помощ',
  portalLink: 'Вашите запитвания',
  portalLinkHint: 'Вашите запитвания и техният статус — в нов раздел',
};
