/** The paths the fake serves, decoded from a request path (no query). */
export type TwilioRoute =
  | { kind: 'account'; accountSid: string }
  | { kind: 'messages'; accountSid: string }
  | { kind: 'message'; accountSid: string; messageSid: string }
  | { kind: 'mediaList'; accountSid: string; messageSid: string }
  | { kind: 'mediaJson'; accountSid: string; messageSid: string; mediaSid: string }
  | { kind: 'mediaFile'; accountSid: string; messageSid: string; mediaSid: string }
  | { kind: 'contentAndApprovals' }
  | { kind: 'contents' }
  | { kind: 'content'; contentSid: string }
  | { kind: 'approvalFetch'; contentSid: string }
  | { kind: 'mediaStore'; key: string };

/** Which HTTP methods each route answers; others get 405 / 20004. */
export const ROUTE_METHODS: Readonly<Record<TwilioRoute['kind'], readonly string[]>> = {
  account: ['GET'],
  messages: ['GET', 'POST'],
  message: ['GET'],
  mediaList: ['GET'],
  mediaJson: ['GET'],
  mediaFile: ['GET', 'HEAD'],
  contentAndApprovals: ['GET'],
  contents: ['GET'],
  content: ['GET'],
  approvalFetch: ['GET'],
  mediaStore: ['GET', 'HEAD'],
};

export function parseRoute(pathname: string): TwilioRoute | null {
  const parts = pathname.split('/').slice(1).map(safeDecode);
  if (parts.some((part) => part === null)) return null;
  const s = parts as string[];
  if (s[0] === '2010-04-01' && s[1] === 'Accounts') return accountRoute(s.slice(2));
  if (s[0] === 'v1') return contentRoute(s.slice(1));
  if (s[0] === 'media-store' && s.length === 2 && s[1] !== '') {
    return { kind: 'mediaStore', key: s[1] };
  }
  return null;
}

/** `{AC}.json`, `{AC}/Messages.json`, `{AC}/Messages/{SM}.json`, `…/Media.json`, `…/Media/{ME}[.json]`. */
function accountRoute(s: string[]): TwilioRoute | null {
  if (s.length === 1) {
    const accountSid = stripJson(s[0]);
    return accountSid ? { kind: 'account', accountSid } : null;
  }
  const accountSid = s[0];
  if (s.length === 2 && s[1] === 'Messages.json') return { kind: 'messages', accountSid };
  if (s.length > 2 && s[1] === 'Messages') return messageRoute(accountSid, s.slice(2));
  return null;
}

function messageRoute(accountSid: string, s: string[]): TwilioRoute | null {
  if (s.length === 1) {
    const messageSid = stripJson(s[0]);
    return messageSid ? { kind: 'message', accountSid, messageSid } : null;
  }
  const messageSid = s[0];
  if (s.length === 2 && s[1] === 'Media.json') return { kind: 'mediaList', accountSid, messageSid };
  if (s.length === 3 && s[1] === 'Media') {
    const json = stripJson(s[2]);
    if (json) return { kind: 'mediaJson', accountSid, messageSid, mediaSid: json };
    return s[2] ? { kind: 'mediaFile', accountSid, messageSid, mediaSid: s[2] } : null;
  }
  return null;
}

function contentRoute(s: string[]): TwilioRoute | null {
  if (s.length === 1 && s[0] === 'ContentAndApprovals') return { kind: 'contentAndApprovals' };
  if (s[0] !== 'Content') return null;
  if (s.length === 1) return { kind: 'contents' };
  if (s.length === 2 && s[1]) return { kind: 'content', contentSid: s[1] };
  if (s.length === 3 && s[1] && s[2] === 'ApprovalRequests') {
    return { kind: 'approvalFetch', contentSid: s[1] };
  }
  return null;
}

function stripJson(segment: string): string | null {
  return segment.endsWith('.json') && segment.length > 5 ? segment.slice(0, -5) : null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
