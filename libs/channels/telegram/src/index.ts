export * from './lib/telegram-channel.adapter';
export * from './lib/telegram.schemas';
export * from './lib/telegram-errors';
export * from './lib/inbound/parse-update';
export * from './lib/inbound/file-download';
export * from './lib/outbound/format-telegram-html';
export * from './lib/outbound/split-text';
export * from './lib/outbound/send-throttle';
export {
  telegramUpdateEnvelopeSchema,
  type TelegramUpdateEnvelope,
} from './lib/inbound/telegram-update.schema';
