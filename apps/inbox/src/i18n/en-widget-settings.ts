/**
 * English strings for the finished web chat: the pre-chat form an admin sets per inbox, the page a
 * visitor wrote from (on the message), and "outside business hours" in the conversation header.
 */
export const enWidgetSettings = {
  'prechat.title': 'Pre-chat form',
  'prechat.hint':
    'Asked in the chat widget before a visitor’s first message. Name and email fill the contact’s card; other answers are kept as contact attributes under their key (add the attribute in Contact attributes to see it on the card).',
  'prechat.empty': 'No questions: visitors can write straight away.',
  'prechat.row': 'Question {number}',
  'prechat.type': 'Asks for',
  'prechat.type.name': 'Name',
  'prechat.type.email': 'Email',
  'prechat.type.text': 'Other (contact attribute)',
  'prechat.label': 'Question shown',
  'prechat.key': 'Attribute key',
  'prechat.required': 'Required',
  'prechat.remove': 'Remove question {number}',
  'prechat.add': 'Add a question',
  'prechat.save': 'Save pre-chat form',
  'prechat.saved': 'Pre-chat form saved',
  'prechat.failed': 'Not saved: {message}',
  'webchat.source.label': 'Where the visitor wrote from',
  'webchat.source.page': 'Page',
  'webchat.source.referrer': 'Came from',
  'business_hours.outside': 'Outside business hours, opens {time}',
  'business_hours.outside_closed': 'Outside business hours',
} as const;
