/**
 * What Twilio's common messaging error codes mean, in words an operator can act on
 * (https://www.twilio.com/docs/api/errors). Used for failed status callbacks and refused sends.
 */
const EXPLANATIONS: ReadonlyMap<number, string> = new Map([
  [11200, 'Twilio could not fetch a URL of ours (a media file or a webhook)'],
  [20003, 'Twilio rejected the Account SID or auth token'],
  [20429, 'Too many requests to Twilio; try again shortly'],
  [21211, 'invalid phone number'],
  [21408, 'sending to this region is not enabled on the Twilio account'],
  [21606, 'the sender number is not a Twilio number of this account that can send messages'],
  [21610, 'the customer unsubscribed (STOP); they must reply START to receive messages again'],
  [21604, 'the message has no recipient'],
  [21612, 'Twilio cannot route a message from this sender to this number'],
  [21614, 'not a mobile number: it cannot receive SMS'],
  [21617, 'the text is too long (Twilio allows 1600 characters)'],
  [21619, 'the message has neither text nor media'],
  [21655, 'the template (Content SID) does not exist'],
  [21656, 'the template variables are not valid'],
  [21910, 'the sender and the recipient are on different channels (WhatsApp and SMS)'],
  [30001, 'Twilio’s sending queue overflowed; try again later'],
  [30002, 'the Twilio account is suspended'],
  [30003, 'unreachable handset: the phone is off or out of coverage'],
  [30004, 'message blocked by the recipient or their carrier'],
  [30005, 'unknown or inactive number'],
  [30006, 'landline or unreachable carrier'],
  [30007, 'filtered by the carrier as spam'],
  [30008, 'unknown error from the carrier'],
  [30019, 'the content is larger than the carrier accepts'],
  [30034, 'the US number is not registered for A2P 10DLC messaging'],
  [63001, 'WhatsApp rejected the sender’s credentials'],
  [63003, 'invalid or unreachable WhatsApp user (is the number on WhatsApp?)'],
  [63007, 'Twilio could not find a WhatsApp sender with this From address'],
  [63013, 'WhatsApp refused the message for a policy violation'],
  [63015, 'the customer has not joined the WhatsApp sandbox'],
  [
    63016,
    'outside the 24-hour WhatsApp window: the customer has not written in the last 24 hours; send an approved template',
  ],
  [63018, 'rate limit of the WhatsApp sender exceeded'],
  [63019, 'WhatsApp could not download the media file'],
  [63021, 'WhatsApp refused the content as invalid'],
  [63024, 'invalid recipient: this number cannot receive WhatsApp messages'],
  [63027, 'the template does not exist for this language'],
  [63032, 'WhatsApp does not deliver to this user’s number (it may be in an unsupported country)'],
  [63049, 'Meta chose not to deliver this marketing message'],
]);

/** The human explanation of a Twilio error code, when we know one. */
export function explainTwilioError(code: number): string | null {
  return EXPLANATIONS.get(code) ?? null;
}

/** "63016: outside the 24-hour window…", Twilio's own words when the code is not in the table. */
export function describeTwilioError(code: number | null, twilioMessage?: string | null): string {
  const explanation = code === null ? null : explainTwilioError(code);
  const words = explanation ?? (twilioMessage?.trim() || 'Twilio gave no explanation');
  return code === null ? words : `${code}: ${words}`;
}
