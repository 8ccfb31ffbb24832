import type { AccountState } from './account-state';
import { parseContentVariables, renderTemplate } from './content-template';
import { OUTSIDE_WINDOW_ERROR } from './delivery-error-codes';
import { smsSegments } from './message-segments';
import { OutboundMessage } from './stored-message';
import { TwilioApiError, twilioErrors } from './twilio-api-error';
import { parseTwilioAddress } from './twilio-address';
import { newSid } from './twilio-sids';

const MAX_BODY_CHARS = 1600;
const MAX_MEDIA_URLS = 10;

/**
 * `POST /2010-04-01/Accounts/{AC}/Messages.json`: validates the form the way Twilio does and
 * records the message as `queued`. What Twilio only finds out later (free text outside the
 * WhatsApp window, media that cannot be downloaded) is left to the delivery step.
 */
export function createMessage(
  account: AccountState,
  form: URLSearchParams,
  now: number,
): OutboundMessage {
  const to = form.get('To');
  if (!to) throw twilioErrors.toRequired();
  const from = form.get('From');
  if (!from) throw twilioErrors.fromRequired();

  const fromAddress = parseTwilioAddress(from);
  if (!fromAddress) {
    throw new TwilioApiError(
      400,
      21212,
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
    );
  }
  if (!account.senders.has(from)) {
    throw fromAddress.channel === 'whatsapp'
      ? twilioErrors.notAWhatsappSender()
      : twilioErrors.notAnSmsSender(from);
  }
  const toAddress = parseTwilioAddress(to);
  if (!toAddress) throw twilioErrors.invalidTo(to);
  if (toAddress.channel !== fromAddress.channel) throw twilioErrors.channelMismatch();

  const mediaUrls = form.getAll('MediaUrl');
  if (mediaUrls.length > MAX_MEDIA_URLS) throw twilioErrors.tooManyMedia();
  const content = contentOf(account, form);
  const body = content ? content.body : (form.get('Body') ?? '');
  if (!content && body === '' && mediaUrls.length === 0) throw twilioErrors.bodyRequired();
  if ([...body].length > MAX_BODY_CHARS) throw twilioErrors.bodyTooLong();
  if (account.unsubscribed.has(to)) throw twilioErrors.unsubscribed();

  const whatsapp = fromAddress.channel === 'whatsapp';
  // WhatsApp takes free-form content (an unapproved template included) only inside the window.
  const needsWindow = whatsapp && !content?.approved;
  const outsideWindow = needsWindow && !account.windowOpen(from, to, now);

  const message = new OutboundMessage(
    newSid('SM'),
    account.sid,
    from,
    to,
    body === '' && mediaUrls.length > 0 ? null : body,
    mediaUrls,
    form.get('StatusCallback') || null,
    content?.sid ?? null,
    content?.variables ?? null,
    fromAddress.channel,
    whatsapp ? 1 : smsSegments(body),
    now,
    outsideWindow ? OUTSIDE_WINDOW_ERROR : null,
  );
  account.outbound.push(message);
  return message;
}

interface ResolvedContent {
  sid: string;
  body: string;
  variables: Record<string, string> | null;
  approved: boolean;
}

/** The template a `ContentSid` names, rendered with `ContentVariables` over its defaults. */
function contentOf(account: AccountState, form: URLSearchParams): ResolvedContent | null {
  const sid = form.get('ContentSid');
  const rawVariables = form.get('ContentVariables');
  if (!sid) {
    if (rawVariables) throw new TwilioApiError(400, 21654, 'ContentSid Required');
    return null;
  }
  const template = account.templates.get(sid);
  if (!template) throw twilioErrors.contentSidInvalid();
  const variables = rawVariables ? parseContentVariables(rawVariables) : null;
  if (rawVariables && !variables) throw twilioErrors.contentVariablesInvalid();
  return {
    sid,
    body: renderTemplate(template.body, { ...template.variables, ...variables }),
    variables,
    approved: template.approval === 'approved',
  };
}
