import type { OpenAPIObject } from '@nestjs/swagger';
import {
  apiInboundBodySchema,
  apiStatusSchema,
  MAX_SKEW_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '@switchboard/channels-api';
import { z } from 'zod';

const SIGNATURE = 'X-Switchboard-Signature';
const TIMESTAMP = 'X-Switchboard-Timestamp';
// The documented spelling must be the one the adapter reads (headers are case-insensitive).
if (SIGNATURE.toLowerCase() !== SIGNATURE_HEADER || TIMESTAMP.toLowerCase() !== TIMESTAMP_HEADER)
  throw new Error('The inbound webhook documentation names other headers than the API channel');

/** The signature recipe, exactly as api-channel.signature.ts checks it, in three languages. */
const RECIPE = `
**Signing** (the API channel; other channels' providers sign their own way). With the inbox's
*signing secret* (set when the API inbox is created), compute

\`${SIGNATURE}: sha256=<hex( HMAC-SHA256( secret, "<timestamp>.<raw body>" ) )>\`

where \`<timestamp>\` is the \`${TIMESTAMP}\` header (Unix seconds) and \`<raw body>\` is the exact
bytes sent. A timestamp more than ${MAX_SKEW_SECONDS} s from the server's clock, a missing header or
a wrong signature answers **401 \`WEBHOOK_SIGNATURE_INVALID\`**. Replies that Switchboard POSTs to
the inbox's \`outboundUrl\` carry the same two headers (and \`Idempotency-Key\`), signed the same way.

Node.js:
\`\`\`js
const crypto = require('node:crypto');
const body = JSON.stringify({ messages: [{ id: 'msg-1', from: { id: 'cust-42' }, text: 'Hello' }] });
const timestamp = Math.floor(Date.now() / 1000);
const signature = 'sha256=' + crypto.createHmac('sha256', secret).update(\`\${timestamp}.\${body}\`).digest('hex');
await fetch(\`\${baseUrl}/api/webhooks/\${inboxId}\`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', '${TIMESTAMP}': String(timestamp), '${SIGNATURE}': signature },
  body,
});
\`\`\`

Python:
\`\`\`python
import hashlib, hmac, json, time, urllib.request
body = json.dumps({"messages": [{"id": "msg-1", "from": {"id": "cust-42"}, "text": "Hello"}]}).encode()
timestamp = str(int(time.time()))
signature = "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
urllib.request.urlopen(urllib.request.Request(f"{base_url}/api/webhooks/{inbox_id}", data=body, method="POST",
    headers={"Content-Type": "application/json", "${TIMESTAMP}": timestamp, "${SIGNATURE}": signature}))
\`\`\`

PHP:
\`\`\`php
$body = json_encode(['messages' => [['id' => 'msg-1', 'from' => ['id' => 'cust-42'], 'text' => 'Hello']]]);
$timestamp = (string) time();
$signature = 'sha256=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret);
$ch = curl_init("$baseUrl/api/webhooks/$inboxId");
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body, CURLOPT_RETURNTRANSFER => true,
  CURLOPT_HTTPHEADER => ['Content-Type: application/json', "${TIMESTAMP}: $timestamp", "${SIGNATURE}: $signature"]]);
curl_exec($ch);
\`\`\`

To verify a reply Switchboard sent you, compute the same value over the bytes you received and
compare in constant time (\`crypto.timingSafeEqual\`, \`hmac.compare_digest\`, \`hash_equals\`).

Messages are deduplicated by \`id\` (a redelivery is harmless: counted in \`duplicates\`); the answer
comes after they are stored. \`statuses\` are delivery receipts for replies you received.
`.trim();

type Schema = NonNullable<OpenAPIObject['components']>['schemas'] & object;
type SchemaObject = Schema[string] & { properties?: Schema };

const toOpenApi = (schema: z.ZodType): SchemaObject => {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  });
  delete (json as { $schema?: unknown }).$schema;
  return json as SchemaObject;
};

/** Documents POST /api/webhooks/{inboxId} for the API channel: headers, body and recipe. */
export function documentInboundWebhook(doc: OpenAPIObject): OpenAPIObject {
  const op = doc.paths['/api/webhooks/{inboxId}']?.post;
  if (!op) return doc;
  op.summary = 'Inbound webhook: deliver customer messages to an inbox';
  op.description = `One URL per inbox (shown in the inbox's settings) for every webhook-driven channel; for an **API channel** inbox, your system posts its customers' messages here.\n\n${RECIPE}`;
  op.parameters = [
    ...(op.parameters ?? []).filter((p) => !('in' in p) || p.in !== 'header'),
    {
      name: TIMESTAMP,
      in: 'header',
      required: true,
      description: `Unix seconds when the request was signed (within ${MAX_SKEW_SECONDS} s of now)`,
      schema: { type: 'string', pattern: '^\\d{1,12}$' },
    },
    {
      name: SIGNATURE,
      in: 'header',
      required: true,
      description:
        '`sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>` by the signing secret',
      schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
    },
  ];
  const body = toOpenApi(apiInboundBodySchema);
  if (body.properties)
    body.properties['statuses'] = {
      type: 'array',
      maxItems: 100,
      items: toOpenApi(apiStatusSchema),
    };
  op.requestBody = { required: true, content: { 'application/json': { schema: body } } };
  return doc;
}
