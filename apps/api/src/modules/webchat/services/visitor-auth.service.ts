import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import {
  checkVisitorProof,
  openVisitorSession,
  visitorExternalId,
  webchatSecretsSchema,
  webchatSettingsSchema,
  type VisitorClaims,
  type VisitorRefusal,
  type VisitorSessionRequest,
  type WebchatContext,
} from '@switchboard/channels-webchat';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { AppException, notFound } from '../../../core/http/app.exception';
import { InboxesService, type InboxRow } from '../../inboxes/inboxes.service';
import { ownOrigins, requestOrigin } from './visitor-origin';

export interface VisitorRequestInfo {
  headers: IncomingHttpHeaders;
  secure: boolean;
}

export interface WebchatInbox {
  inbox: InboxRow;
  ctx: WebchatContext;
  /** The request's origin as checked, passed on to the adapter. */
  origin: string | null;
}

export interface VisitorPrincipal extends WebchatInbox {
  claims: VisitorClaims;
  /** Contact identity external id on this inbox: visitor:<id> or user:<id>. */
  visitorKey: string;
  token: string;
}

/** Every visitor request starts here: the inbox must be a web chat, the origin allowed, the token ours. */
@Injectable()
export class VisitorAuthService {
  constructor(
    private readonly inboxes: InboxesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async inbox(inboxId: string, req: VisitorRequestInfo): Promise<WebchatInbox> {
    const { inbox, context } = await this.inboxes.loadContext(inboxId);
    if (inbox.kind !== 'webchat') throw notFound('Web chat');
    const settings = webchatSettingsSchema.parse(context.settings ?? {});
    const secrets = webchatSecretsSchema.safeParse(context.secrets);
    if (!secrets.success)
      throw new AppException('INVALID_STATE', 'This web chat has no secret configured yet');
    const own = ownOrigins(req.headers, this.config.PUBLIC_URL, req.secure);
    // The adapter checks the allow-list; Switchboard's own origins are added to it here.
    const ctx: WebchatContext = {
      ...context,
      settings: { ...settings, allowedOrigins: [...settings.allowedOrigins, ...own] },
      secrets: secrets.data,
    };
    return { inbox, ctx, origin: requestOrigin(req.headers, own) };
  }

  /** The web chat's secret, for links that arrive without a visitor or an origin (email links). */
  async inboxSecret(inboxId: string): Promise<string> {
    const { inbox, context } = await this.inboxes.loadContext(inboxId);
    if (inbox.kind !== 'webchat') throw notFound('Web chat');
    const secrets = webchatSecretsSchema.safeParse(context.secrets);
    if (!secrets.success)
      throw new AppException('INVALID_STATE', 'This web chat has no secret configured yet');
    return secrets.data.hmacSecret;
  }

  async session(inboxId: string, req: VisitorRequestInfo, body: VisitorSessionRequest) {
    const target = await this.inbox(inboxId, req);
    const result = openVisitorSession({ origin: target.origin, request: body }, target.ctx);
    if (!result.ok) throw refusal(result.reason);
    return {
      ...target,
      claims: result.claims,
      token: result.token,
      visitorKey: visitorExternalId(result.claims),
    };
  }

  async visitor(
    inboxId: string,
    req: VisitorRequestInfo,
    token: string | null,
  ): Promise<VisitorPrincipal> {
    const target = await this.inbox(inboxId, req);
    if (!token)
      throw new AppException(
        'UNAUTHENTICATED',
        'A visitor token is required (Authorization: Bearer …)',
      );
    const proof = checkVisitorProof({ visitorToken: token, origin: target.origin }, target.ctx);
    if (!proof.ok) throw refusal(proof.reason);
    return { ...target, claims: proof.claims, token, visitorKey: visitorExternalId(proof.claims) };
  }
}

export function refusal(reason: VisitorRefusal): AppException {
  switch (reason) {
    case 'origin_refused':
      return new AppException(
        'FORBIDDEN',
        'This website is not allowed to use this chat (origin not in the allow-list)',
      );
    case 'token_invalid':
      return new AppException('UNAUTHENTICATED', 'Visitor token is invalid');
    case 'token_expired':
      return new AppException('UNAUTHENTICATED', 'Visitor token has expired');
    case 'identity_invalid':
      return new AppException(
        'UNAUTHENTICATED',
        'Identity verification failed: the HMAC does not match the user id',
      );
    default:
      return assertNever(reason);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled refusal ${String(value)}`);
}

export function bearer(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match ? match[1] : null;
}
