import type { ApiParams } from './api-params';
import { badRequest, conflict } from './bot-api-error';
import type { BotState } from './bot-state';
import type { CallContext } from './long-poll';

export interface MethodResult {
  result: unknown;
  /** Telegram adds a description to some successes ("Webhook was set"). */
  description?: string;
}

export type MethodHandler = (
  state: BotState,
  params: ApiParams,
  context: CallContext,
) => MethodResult | Promise<MethodResult>;

const WEBHOOK_ACTIVE = conflict(
  "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
);

export const getMe: MethodHandler = (state) => ({
  result: {
    ...state.user,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  },
});

/** Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -. */
function isValidSecretToken(secret: string): boolean {
  if (secret.length < 1 || secret.length > 256) return false;
  for (const c of secret) {
    const ok =
      (c >= 'A' && c <= 'Z') ||
      (c >= 'a' && c <= 'z') ||
      (c >= '0' && c <= '9') ||
      c === '_' ||
      c === '-';
    if (!ok) return false;
  }
  return true;
}

function allowedUpdatesParam(params: ApiParams): string[] | null | undefined {
  const value = params.json('allowed_updates');
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw badRequest("can't parse allowed updates JSON object");
  }
  return value.length > 0 ? value : null;
}

export const setWebhook: MethodHandler = (state, params) => {
  const url = params.string('url') ?? '';
  if (url === '')
    return deleteWebhook(state, params, { socket: null, signal: new AbortController().signal });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  // Telegram requires https (on ports 443, 80, 88 or 8443); the fake also takes plain http so tests
  // can point it at a local server on 127.0.0.1.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw badRequest('bad webhook: HTTPS url must be provided for webhook');
  }
  const secret = params.string('secret_token');
  if (secret !== undefined && !isValidSecretToken(secret)) {
    throw badRequest('secret token contains unallowed characters');
  }
  const allowed = allowedUpdatesParam(params);
  if (allowed !== undefined) state.queue.allowedUpdates = allowed;
  if (params.boolean('drop_pending_updates')) state.queue.clear();
  const unchanged = state.webhook?.url === url && state.webhook.secretToken === (secret ?? null);
  // A poll held open cannot survive the switch to webhook delivery.
  state.poll.terminate(WEBHOOK_ACTIVE);
  state.setWebhook({
    url,
    secretToken: secret ?? null,
    allowedUpdates: state.queue.allowedUpdates,
  });
  return { result: true, description: unchanged ? 'Webhook is already set' : 'Webhook was set' };
};

export const deleteWebhook: MethodHandler = (state, params) => {
  const had = state.webhook !== null;
  if (params.boolean('drop_pending_updates')) state.queue.clear();
  state.setWebhook(null);
  return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
};

export const getWebhookInfo: MethodHandler = (state) => {
  const webhook = state.webhook;
  const error = state.lastWebhookError;
  return {
    result: {
      url: webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: state.queue.size,
      ...(webhook ? { max_connections: 40 } : {}),
      ...(webhook?.allowedUpdates ? { allowed_updates: webhook.allowedUpdates } : {}),
      ...(error ? { last_error_date: error.date, last_error_message: error.message } : {}),
    },
  };
};

export const getUpdates: MethodHandler = async (state, params, context) => {
  if (state.webhook) throw WEBHOOK_ACTIVE;
  const allowed = allowedUpdatesParam(params);
  if (allowed !== undefined) state.queue.allowedUpdates = allowed;
  const limit = Math.min(Math.max(params.integer('limit') ?? 100, 1), 100);
  const timeoutSeconds = Math.max(params.integer('timeout') ?? 0, 0);
  const result = await state.poll.poll(
    { offset: params.integer('offset'), limit, timeoutSeconds },
    context,
  );
  return { result };
};
