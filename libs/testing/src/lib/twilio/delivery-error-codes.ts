/** Why a message failed after it was accepted, worded as Twilio's error dictionary. */
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  11200: 'HTTP retrieval failure',
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
  63003: 'Channel could not find To address',
  63016:
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
  63018: 'Rate limit exceeded for Channel',
  63019: 'Media failed to download',
  63024: 'Invalid message recipient',
};

/** Used when a test fails a message without saying why. */
export const DEFAULT_DELIVERY_ERROR = 30008;

export const OUTSIDE_WINDOW_ERROR = 63016;

export function deliveryErrorMessage(code: number): string {
  return DESCRIPTIONS[code] ?? `Error ${code}`;
}
