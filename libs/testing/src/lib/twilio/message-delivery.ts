import type { AccountState } from './account-state';
import type { FakeTwilioFetchedMedia } from './fake-twilio-types';
import { defaultStatusSequence } from './status-callbacks';
import type { StatusReporter } from './status-reporter';
import type { OutboundMessage } from './stored-message';

/** Twilio's codes for a MediaUrl it could not download: WhatsApp 63019, MMS 11200. */
const MEDIA_FAILURE = { whatsapp: 63019, sms: 11200 } as const;

export interface DeliveryDeps {
  fetchMedia(url: string): Promise<FakeTwilioFetchedMedia | null>;
  reporter: StatusReporter;
  /** Whether the account reported statuses automatically when the message was created. */
  autoStatus: boolean;
}

/**
 * What Twilio does after answering 201: download the media, then either fail the message
 * (outside the WhatsApp window: 63016; media unavailable) with a `failed` callback, or, when the
 * account reports statuses automatically, walk it through sent → delivered (→ read).
 */
export async function deliverMessage(
  account: AccountState,
  message: OutboundMessage,
  deps: DeliveryDeps,
): Promise<void> {
  if (message.mediaUrls.length > 0) {
    message.fetchedMedia = await Promise.all(message.mediaUrls.map((url) => deps.fetchMedia(url)));
  }
  const mediaFailed = message.fetchedMedia.some(
    (media) => media === null || media.status < 200 || media.status >= 300,
  );
  const errorCode =
    message.failureOnDelivery ?? (mediaFailed ? MEDIA_FAILURE[message.channel] : null);
  if (errorCode !== null) {
    await deps.reporter.report(account, message, ['failed'], { errorCode });
  } else if (deps.autoStatus) {
    await deps.reporter.report(account, message, defaultStatusSequence(message));
  }
}
