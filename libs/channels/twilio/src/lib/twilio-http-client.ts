import { AsyncLocalStorage } from 'node:async_hooks';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { rewriteTwilioUrl } from './twilio-origin';

/** What the adapter wants to know of an answer that twilio-node does not pass on (Retry-After). */
export interface TwilioResponseInfo {
  statusCode: number;
  headers: Readonly<Record<string, unknown>>;
}

type ResponseObserver = (response: TwilioResponseInfo) => void;

/**
 * One observer per adapter call: twilio-node keeps a single `lastResponse` per HTTP client, which
 * concurrent sends would overwrite, so answers go to the call that made them instead.
 */
const observers = new AsyncLocalStorage<ResponseObserver>();

/** Runs `call` and tells `observe` about every HTTP answer the Twilio calls inside it got. */
export function observeTwilioResponses<T>(
  observe: ResponseObserver,
  call: () => Promise<T>,
): Promise<T> {
  return observers.run(observe, call);
}

/**
 * twilio-node's own HTTP client with two additions: requests to Twilio hosts can go to another
 * origin (a fake in tests; no environment variable moves the REST base URL), and answers are
 * reported to the observer of the call that made them.
 */
export class TwilioHttpClient extends twilio.RequestClient {
  constructor(
    private readonly apiOrigin: string | null,
    timeoutMs: number,
  ) {
    // No automatic 429 retries: the core retries, honouring Retry-After.
    super({ timeout: timeoutMs, autoRetry: false, keepAlive: true });
  }

  override async request<TData>(
    opts: RequestClient.RequestOptions<TData>,
  ): Promise<Response<TData>> {
    const observe = observers.getStore();
    const response = await super.request<TData>({
      ...opts,
      uri: rewriteTwilioUrl(opts.uri, this.apiOrigin),
    });
    observe?.({ statusCode: response.statusCode, headers: response.headers ?? {} });
    return response;
  }
}
