import type { RussianCatalog } from '../catalog';

/** Russian for en-error-codes.ts: what went wrong on the server, and what to do. */
export const ruErrorCodes = {
  'error.VALIDATION_FAILED': 'Некоторые поля заполнены неверно: {details}',
  'error.UNAUTHENTICATED': 'Сеанс завершён. Войдите снова.',
  'error.FORBIDDEN': 'У вас нет прав на это действие. Обратитесь к администратору.',
  'error.NOT_FOUND': 'Этот объект больше не существует.',
  'error.CONFLICT_named': 'Это уже есть у «{name}». Откройте его или измените введённое.',
  'error.CONFLICT':
    'Конфликт с уже существующими или только что изменёнными данными. Обновите страницу и повторите.',
  'error.REPLY_COLLISION': 'Коллега уже ответил клиенту. Сначала прочитайте его ответ.',
  'error.ALREADY_SENT': 'Отменить нельзя: ответ уже отправлен.',
  'error.TEXT_TOO_LONG': 'Текст слишком длинный. Сократите его и повторите.',
  'error.INVALID_CHARACTERS': 'В тексте есть символы, которые нельзя сохранить. Удалите их.',
  'error.INVALID_STATE': 'Сейчас это действие недоступно. Обновите страницу и повторите.',
  'error.INVALID_TAG_NAME': 'Название тега должно содержать от 1 до 64 символов.',
  'error.SEARCH_TOO_BROAD': 'Слишком общий запрос. Добавьте слова.',
  'error.UNKNOWN_MENTION': 'Упомянутый человек не является активным участником аккаунта.',
  'error.INVALID_ATTRIBUTE_VALUE': 'Значение поля контакта имеет неверный тип.',
  'error.INVALID_IMPORT': 'Файл не импортирован, ничего не изменилось. Исправьте указанные строки.',
  'error.GONE': 'Ссылка уже использована или устарела. Запросите новую.',
  'error.WEBHOOK_SIGNATURE_INVALID': 'Неверная подпись запроса.',
  'error.RATE_LIMITED': 'Слишком много попыток. Повторите через {seconds} с.',
  'error.PAYLOAD_TOO_LARGE': 'Слишком большой объём для загрузки или сохранения.',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'Этот файл здесь не принимается: канал или форма не поддерживает такие файлы.',
  'error.CHANNEL_ERROR': 'Провайдер канала не принял запрос: {reason}',
  'error.CHANNEL_CONNECT_FAILED': 'Провайдер отклонил эти настройки: {reason}',
  'error.REPLY_WINDOW_CLOSED': 'Окно для ответа клиенту закрылось. Отправьте одобренный шаблон.',
  'error.MERGE_CONFIRMATION_REQUIRED':
    'Эти диалоги принадлежат разным клиентам. Подтвердите объединение.',
  'error.INVALID_MOVE': 'Невозможно: в диалоге должно остаться хотя бы одно сообщение.',
  'error.TASK_DUE_IN_PAST': 'Срок должен быть в будущем.',
  'error.TASK_ASSIGNEE_UNAVAILABLE':
    'Этому человеку нельзя поручить задачу: он деактивирован или не имеет доступа к её каналу.',
  'error.ROUTING_SETTINGS_INVALID':
    'Эти настройки распределения нельзя применить. Проверьте участников команды и лимиты.',
  'error.INVALID_CONTACT_MERGE': 'Эти контакты нельзя объединить.',
  'error.CONTACT_ALREADY_MERGED':
    'Один из контактов уже объединён с другим. Обновите страницу и повторите.',
  'error.MERGE_UNDO_UNAVAILABLE': 'Это объединение уже нельзя отменить.',
  'error.WEBHOOK_TARGET_REFUSED':
    'На этот адрес нельзя отправлять запросы. Укажите публичный https URL.',
  'error.INVALID_RULE': 'Правило нельзя сохранить: {reason}',
  'error.INVALID_BUSINESS_HOURS':
    'Этот график работы нельзя применить. Проверьте часовой пояс и праздники.',
  'error.INVALID_SLA_POLICY': 'Политику SLA нельзя сохранить. Задайте цель и проверьте её каналы.',
  'error.INVALID_RATING': 'Оценка вне шкалы.',
  'error.INVALID_REPORT_PERIOD':
    'Отчёт за этот период невозможен: конец раньше начала или период слишком длинный.',
  'error.INVALID_TIMEZONE': 'Неизвестный часовой пояс. Выберите его из списка.',
  'error.INVALID_TIME_ADJUSTMENT':
    'Такая корректировка невозможна: списано слишком много времени или день вне допустимого диапазона.',
  'error.OVERLOADED': 'Сервер перегружен. Повторите через несколько секунд.',
  'error.UNAVAILABLE': 'Сервер временно недоступен. Повторите через несколько секунд.',
  'error.INTERNAL':
    'На сервере произошла ошибка. Повторите; если она не исчезнет, сообщите администратору.',
  'error.VALIDATION_FAILED_plain': 'Некоторые значения неверны. Проверьте их и повторите.',
  'error.RATE_LIMITED_plain': 'Слишком много попыток. Подождите немного и повторите.',
} satisfies Partial<RussianCatalog>;
