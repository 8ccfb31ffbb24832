import type { AccountState } from './account-state';
import { DEFAULT_DELIVERY_ERROR } from './delivery-error-codes';
import type { FakeTwilioMessageStatus, FakeTwilioStatusCallbackOptions } from './fake-twilio-types';
import { callbackOrder, isFailure, statusCallbackParams } from './status-callbacks';
import type { OutboundMessage } from './stored-message';
import { twilioSignature } from './twilio-signature';
import type { WebhookPoster } from './webhook-poster';

/** Moves a message through its statuses and tells its StatusCallback, signed, one POST at a time. */
export class StatusReporter {
  constructor(
    private readonly poster: WebhookPoster,
    private readonly clock: () => number,
  ) {}

  /**
   * The message takes the last status of `statuses` (what Twilio finally knows), whatever order
   * the callbacks then go out in. Answers each callback's HTTP status (none without a callback URL).
   */
  async report(
    account: AccountState,
    message: OutboundMessage,
    statuses: readonly FakeTwilioMessageStatus[],
    opts: FakeTwilioStatusCallbackOptions = {},
  ): Promise<number[]> {
    if (statuses.length === 0) return [];
    const errorCode = opts.errorCode ?? DEFAULT_DELIVERY_ERROR;
    const final = statuses[statuses.length - 1];
    message.setStatus(final, isFailure(final) ? errorCode : null, this.clock());

    const url = message.statusCallback;
    if (!url) return [];
    const answers: number[] = [];
    for (const status of callbackOrder(statuses, opts)) {
      const params = statusCallbackParams(
        message,
        status,
        isFailure(status) ? errorCode : null,
        this.clock(),
      );
      const answer = await this.poster.post(
        url,
        params,
        twilioSignature(account.authToken, url, params),
      );
      answers.push(answer.status);
    }
    return answers;
  }
}
