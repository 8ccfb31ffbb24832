export * from './fake-bot-types';
export { FakeBotApi } from './fake-bot-api';
export { telegramFixtures, type TelegramFixtureName } from './telegram-fixtures';
export type { CallbackQueryRecord, InlineButton } from './inline-keyboards';
