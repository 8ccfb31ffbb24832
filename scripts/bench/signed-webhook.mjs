// The API channel's signed webhook as a provider sends it (HMAC-SHA256 of `timestamp.body`), for
// the benches that drive the real inbound path. Resolves with the HTTP status once the body is read.
import { createHmac } from 'node:crypto';

export async function postSignedWebhook({ base, inboxId, secret, body }) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `sha256=${createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex')}`;
  const res = await fetch(`${base}/api/webhooks/${inboxId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-switchboard-timestamp': String(ts),
      'x-switchboard-signature': sig,
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}
