import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentInboundWebhook } from './document-inbound-webhook';
import { documentPathParameters } from './document-path-parameters';
import { documentResponses } from './document-responses';
import { documentSecurity } from './document-security';

const DESCRIPTION = `
Omnichannel support inbox: conversations, messages, inboxes and channel webhooks.

**Authentication.** Sign in with \`POST /api/auth/login\` and send the session token as
\`Authorization: Bearer <token>\` (an opaque token, not a JWT). The inbox SPA uses the same session
in an HttpOnly cookie plus an \`X-CSRF-Token\` header on changes. See the security schemes.

**Errors.** Every 4xx and 5xx answer has the \`ApiError\` body: \`{ statusCode, code, message,
details?, requestId? }\`; \`code\` is stable and machine-readable.

**Receiving messages from your system.** Create an inbox of kind \`api\` and post to
\`POST /api/webhooks/{inboxId}\` signed with its secret (see that operation for the recipe).
`.trim();

/** The OpenAPI document of the REST API, served at /api/docs (and as JSON at /api/docs/openapi.json). */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Switchboard API')
    .setDescription(DESCRIPTION)
    .setVersion('0.1.0')
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  return documentInboundWebhook(documentPathParameters(documentSecurity(documentResponses(doc))));
}
