import type { ApiParams } from './api-params';
import { notFound, unauthorized } from './bot-api-error';
import type { BotState } from './bot-state';
import { getFile } from './file-methods';
import { answerCallbackQuery } from './inline-keyboards';
import type { CallContext } from './long-poll';
import {
  sendChatAction,
  sendDocument,
  sendMediaGroup,
  sendMessage,
  sendPhoto,
} from './send-methods';
import {
  deleteWebhook,
  getMe,
  getUpdates,
  getWebhookInfo,
  setWebhook,
  type MethodHandler,
  type MethodResult,
} from './update-methods';

const HANDLERS: Record<string, MethodHandler> = {
  getMe,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  getUpdates,
  sendMessage,
  sendPhoto,
  sendDocument,
  sendMediaGroup,
  sendChatAction,
  getFile,
  answerCallbackQuery,
};

// Telegram reads method names case-insensitively.
const BY_LOWER_NAME = new Map(
  Object.entries(HANDLERS).map(([name, handler]) => [name.toLowerCase(), handler]),
);

/** One Bot API call for a known token, after the request was read. Throws BotApiError. */
export async function callBotApi(
  state: BotState,
  method: string,
  params: ApiParams,
  context: CallContext,
): Promise<MethodResult> {
  state.countCall(method);
  if (state.revoked) throw unauthorized();
  const handler = BY_LOWER_NAME.get(method.toLowerCase());
  if (!handler) throw notFound();
  const injected = state.takeInjectedFailure(method);
  if (injected) throw injected;
  return handler(state, params, context);
}
