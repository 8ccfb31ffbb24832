import type {
  FakeTwilioFetchedMedia,
  FakeTwilioMessage,
  FakeTwilioMessageStatus,
} from './fake-twilio-types';

/** A message Messages.create accepted, with what the REST resource needs besides the public view. */
export class OutboundMessage implements FakeTwilioMessage {
  status: FakeTwilioMessageStatus = 'queued';
  errorCode: number | null = null;
  fetchedMedia: (FakeTwilioFetchedMedia | null)[] = [];
  dateSent: number | null = null;
  updatedAt: number;

  constructor(
    readonly sid: string,
    readonly accountSid: string,
    readonly from: string,
    readonly to: string,
    readonly body: string | null,
    readonly mediaUrls: string[],
    readonly statusCallback: string | null,
    readonly contentSid: string | null,
    readonly contentVariables: Record<string, string> | null,
    readonly channel: 'whatsapp' | 'sms',
    readonly numSegments: number,
    readonly createdAt: number,
    /** Decided at create, reported after: free text outside the WhatsApp window (63016). */
    readonly failureOnDelivery: number | null,
  ) {
    this.updatedAt = createdAt;
  }

  /** Moves to a status as Twilio reports it; `sent` and later stamp date_sent once. */
  setStatus(status: FakeTwilioMessageStatus, errorCode: number | null, now: number): void {
    this.status = status;
    this.errorCode = errorCode;
    this.updatedAt = now;
    if (this.dateSent === null && status !== 'queued' && status !== 'failed') this.dateSent = now;
  }
}

/** A message a customer sent (a webhook the fake posted), fetchable like Twilio's inbound resource. */
export interface InboundMessage {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  body: string;
  numMedia: number;
  channel: 'whatsapp' | 'sms';
  createdAt: number;
}
