/** What a channel can carry; the core and the SPA adapt to it (composer limits, ticks, reply window). */
export interface ChannelCapabilities {
  attachments: boolean;
  /** The channel reports "delivered" receipts. */
  deliveryReceipts: boolean;
  /** The channel reports "read" receipts. */
  readReceipts: boolean;
  /** Outbound messages may carry HTML (email). */
  html: boolean;
  /** Free-form replies are allowed this many hours after the customer's last message (WhatsApp: 24); null = always. */
  replyWindowHours: number | null;
  /** Longest text the channel accepts; the core refuses longer text before sending. */
  maxTextLength: number;
  /** Largest single attachment the channel accepts. */
  maxAttachmentBytes: number;
}
