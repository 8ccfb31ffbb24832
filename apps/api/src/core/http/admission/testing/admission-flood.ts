import { performance } from 'node:perf_hooks';
import type { ApiChannelCustomer } from '@switchboard/testing';

/** One webhook's answer as a provider's retry logic reads it, and when it came. */
export interface FloodAnswer {
  externalId: string;
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  requestId: string | null;
  code: unknown;
  ms: number;
  at: number;
}

/** Sends one message as `from` (to `baseUrl` when given, such as a proxy) and reads its answer. */
export async function sendFloodMessage(
  customer: ApiChannelCustomer,
  externalId: string,
  opts: { from?: ApiChannelCustomer['customer']; baseUrl?: string } = {},
): Promise<FloodAnswer> {
  const started = performance.now();
  const payload = {
    messages: [
      { id: externalId, from: opts.from ?? customer.customer, text: `flood ${externalId}` },
    ],
  };
  const res = await customer.postRaw(payload, { baseUrl: opts.baseUrl });
  const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
  const at = performance.now();
  return {
    externalId,
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    contentType: res.headers.get('content-type'),
    requestId: res.headers.get('x-request-id'),
    code: body?.code,
    ms: at - started,
    at,
  };
}

/** The first `count` non-200 answers, or those that came within `ms`. */
export function firstRefusals(
  answers: Promise<FloodAnswer>[],
  count: number,
  ms: number,
): Promise<FloodAnswer[]> {
  return new Promise((resolve) => {
    const refused: FloodAnswer[] = [];
    const timer = setTimeout(() => resolve(refused), ms);
    for (const p of answers)
      void p.then((a) => {
        if (a.status === 200) return;
        refused.push(a);
        if (refused.length === count) {
          clearTimeout(timer);
          resolve(refused);
        }
      });
  });
}
