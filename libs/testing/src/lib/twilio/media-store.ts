import { randomBytes } from 'node:crypto';
import { newSid } from './twilio-sids';

/** A file a customer sent, kept like Twilio keeps inbound media (behind an S3-style URL). */
export interface StoredMedia {
  sid: string;
  accountSid: string;
  messageSid: string;
  contentType: string;
  bytes: Buffer;
  /** The unguessable part of the `/media-store/<key>` URL the media URL redirects to. */
  storeKey: string;
  createdAt: number;
  expired: boolean;
}

export class MediaStore {
  private readonly bySid = new Map<string, StoredMedia>();
  private readonly byKey = new Map<string, StoredMedia>();

  put(
    accountSid: string,
    messageSid: string,
    file: { bytes: Buffer; contentType: string },
    now: number,
  ): StoredMedia {
    const media: StoredMedia = {
      sid: newSid('ME'),
      accountSid,
      messageSid,
      contentType: file.contentType,
      bytes: file.bytes,
      storeKey: randomBytes(24).toString('hex'),
      createdAt: now,
      expired: false,
    };
    this.bySid.set(media.sid, media);
    this.byKey.set(media.storeKey, media);
    return media;
  }

  /** The live media of that account and message, if any. */
  find(accountSid: string, messageSid: string, mediaSid: string): StoredMedia | null {
    const media = this.bySid.get(mediaSid);
    return media &&
      !media.expired &&
      media.accountSid === accountSid &&
      media.messageSid === messageSid
      ? media
      : null;
  }

  ofMessage(accountSid: string, messageSid: string): StoredMedia[] {
    return [...this.bySid.values()].filter(
      (m) => !m.expired && m.accountSid === accountSid && m.messageSid === messageSid,
    );
  }

  byStoreKey(key: string): StoredMedia | null {
    const media = this.byKey.get(key);
    return media && !media.expired ? media : null;
  }

  /** False when the account has no such media. */
  expire(accountSid: string, mediaSid: string): boolean {
    const media = this.bySid.get(mediaSid);
    if (!media || media.accountSid !== accountSid) return false;
    media.expired = true;
    return true;
  }
}
