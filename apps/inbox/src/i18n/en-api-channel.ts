/**
 * English strings for the API channel's settings: the inbound webhook URL an integrator posts
 * customer messages to. Spread into en.ts like en-channels.ts.
 */
export const enApiChannel = {
  'settings.api.title': 'Receiving messages',
  'settings.api.inbound_url': 'Inbound webhook URL',
  'settings.api.hint':
    "Your system posts customer messages to this URL as JSON, signed with this inbox's signing secret in the X-Switchboard-Timestamp and X-Switchboard-Signature headers.",
  'settings.api.docs_link': 'API reference and signature recipe',
} as const;
