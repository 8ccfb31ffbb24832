import type { AccountState } from './account-state';
import {
  accountJson,
  inboundMessageJson,
  listPage,
  mediaJson,
  outboundMessageJson,
} from './api-resources';
import {
  approvalFetchJson,
  contentAndApprovalsPage,
  contentJson,
  contentsPage,
} from './content-api';
import type { MediaStore } from './media-store';
import { createMessage } from './message-create';
import type { TwilioRoute } from './rest-routes';
import type { OutboundMessage } from './stored-message';
import { twilioErrors } from './twilio-api-error';

/** One authenticated REST request, after auth, rate limit and injected failures passed. */
export interface RouteRequest {
  account: AccountState;
  route: Exclude<TwilioRoute, { kind: 'mediaStore' }>;
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  media: MediaStore;
  origin: string;
  now: number;
  /** Runs what Twilio does after accepting a message, in the background. */
  deliver(message: OutboundMessage): void;
}

export interface RouteAnswer {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

export function answerRoute(req: RouteRequest): RouteAnswer {
  const { account, route } = req;
  switch (route.kind) {
    case 'account':
      return { status: 200, json: accountJson(account) };
    case 'messages':
      return req.method === 'POST' ? created(req) : { status: 200, json: messageList(req) };
    case 'message': {
      const outbound = account.message(route.messageSid);
      if (outbound) return { status: 200, json: outboundMessageJson(outbound) };
      const inbound = account.inbound.get(route.messageSid);
      if (inbound) return { status: 200, json: inboundMessageJson(inbound) };
      throw twilioErrors.notFound(req.path);
    }
    case 'mediaList': {
      if (!account.inbound.has(route.messageSid) && !account.message(route.messageSid)) {
        throw twilioErrors.notFound(req.path);
      }
      const media = req.media.ofMessage(account.sid, route.messageSid).map(mediaJson);
      return { status: 200, json: listPage('media_list', req.path, media, req.query) };
    }
    case 'mediaJson': {
      const media = req.media.find(account.sid, route.messageSid, route.mediaSid);
      if (!media) throw twilioErrors.notFound(req.path);
      return { status: 200, json: mediaJson(media) };
    }
    case 'mediaFile': {
      // Twilio keeps the bytes elsewhere and sends an authorised client there with a 307.
      const media = req.media.find(account.sid, route.messageSid, route.mediaSid);
      if (!media) throw twilioErrors.notFound(req.path);
      return { status: 307, headers: { Location: `${req.origin}/media-store/${media.storeKey}` } };
    }
    case 'contentAndApprovals':
      return { status: 200, json: contentAndApprovalsPage(account, req.query) };
    case 'contents':
      return { status: 200, json: contentsPage(account, req.query) };
    case 'content':
    case 'approvalFetch': {
      const template = account.templates.get(route.contentSid);
      if (!template) throw twilioErrors.notFound(req.path);
      return {
        status: 200,
        json:
          route.kind === 'content'
            ? contentJson(account, template)
            : approvalFetchJson(account, template),
      };
    }
  }
}

function created(req: RouteRequest): RouteAnswer {
  const message = createMessage(req.account, req.form, req.now);
  // The answer shows the message as accepted, before anything happens to it.
  const json = outboundMessageJson(message);
  req.deliver(message);
  return { status: 201, json };
}

/** Newest first, filtered by `To` / `From` like Twilio's Messages list. */
function messageList(req: RouteRequest): Record<string, unknown> {
  const to = req.query.get('To');
  const from = req.query.get('From');
  const all = [
    ...req.account.outbound.map((m) => ({
      at: m.createdAt,
      to: m.to,
      from: m.from,
      json: outboundMessageJson(m),
    })),
    ...[...req.account.inbound.values()].map((m) => ({
      at: m.createdAt,
      to: m.to,
      from: m.from,
      json: inboundMessageJson(m),
    })),
  ]
    .filter((m) => (to === null || m.to === to) && (from === null || m.from === from))
    .sort((a, b) => b.at - a.at)
    .map((m) => m.json);
  return listPage('messages', req.path, all, req.query);
}
