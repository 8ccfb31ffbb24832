import type { OpenAPIObject } from '@nestjs/swagger';
import { CSRF_HEADER } from '@switchboard/contracts';
import { RESPONSE_SCHEMAS, type ResponseSchemas } from './response-schemas';

type SecurityRequirement = Record<string, string[]>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const UNSAFE = new Set(['put', 'post', 'delete', 'patch']);

/**
 * The real ways in (core/auth/auth.guard.ts): an opaque session token, sent as a bearer token by
 * API clients or kept in an HttpOnly cookie by the inbox SPA, where every change also needs the
 * session's CSRF token. Not a JWT: the token means nothing by itself and is revoked server-side.
 */
export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque session token',
    description: [
      'An operator session. `POST /api/auth/login` with `{"email", "password"}` (and the default',
      '`"session": "bearer"`) answers `{ token, operator }`; send `Authorization: Bearer <token>`.',
      'The token is 43 random base64url characters, **not a JWT**: nothing can be read from it and',
      "only its SHA-256 is stored. It expires after the server's `SESSION_TTL_HOURS` and ends",
      'earlier with `POST /api/auth/logout`, a password change, or when an admin deactivates the',
      'operator.',
      'No CSRF token is needed with a bearer token.',
    ].join(' '),
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'sb_session',
    description: [
      'The inbox SPA\'s session: `POST /api/auth/login` with `"session": "cookie"` (JSON only) sets',
      'this HttpOnly, SameSite=Strict cookie (`__Host-sb_session`, Secure, when served over',
      'https) and answers `{ operator, csrfToken, expiresAt }`. With the cookie, every POST, PUT,',
      `PATCH and DELETE must also send the \`${CSRF_HEADER}\` header.`,
    ].join(' '),
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'The `csrfToken` of the cookie session (from the login answer or `GET /api/auth/session`); required with the cookie on changes, ignored with a bearer token.',
  },
  visitorToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'signed visitor token',
    description:
      "The web chat widget's visitor: the `visitorToken` answered by `POST /api/widget/{inboxId}/session`, sent as `Authorization: Bearer <visitorToken>` from a page of an allowed origin.",
  },
} as const;

/** Sets each operation's security from who may call it (see the generated `caller`). */
export function documentSecurity(
  doc: OpenAPIObject,
  generated: ResponseSchemas = RESPONSE_SCHEMAS,
): OpenAPIObject {
  doc.components = { ...doc.components, securitySchemes: { ...securitySchemes } };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      const caller = generated.operations[op.operationId]?.caller;
      const operator: SecurityRequirement[] = [
        { bearer: [] },
        UNSAFE.has(method) ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] },
      ];
      if (caller === 'visitor') op.security = [{ visitorToken: [] }];
      // Public but marked @ApiBearerAuth (a file download): a session is one way in of several.
      else if (caller === 'public') op.security = op.security?.length ? [{}, ...operator] : [];
      else op.security = operator;
    }
  }
  return doc;
}
