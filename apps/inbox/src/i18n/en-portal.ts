/** English strings for Settings → Customer portal and the portal hint on an inbox's fields. */
export const enPortal = {
  'portal.nav': 'Customer portal',
  'portal.title': 'Customer portal',
  'portal.hint':
    'Customers sign in with their email address to follow their requests and open new ones. Link to the sign-in page from your help page or your email footer.',
  'portal.sign_in_url': 'Sign-in page',
  'portal.target': 'New requests go to',
  'portal.target.default': 'Default: the first email inbox, else the first API inbox',
  'portal.effective':
    'New requests now go to {inbox}; the form also asks that inbox’s pre-chat questions.',
  'portal.effective.none': 'No email or API inbox yet: customers cannot open new requests.',
  'portal.save': 'Save',
  'portal.saved': 'Portal settings saved.',
  'portal.failed': 'Could not save: {message}',
  'prechat.hint_portal':
    'Asked on the customer portal’s New request form when the portal sends new requests to this inbox (Settings → Customer portal). Name and email are filled in from the customer’s contact; other answers are kept as contact attributes under their key.',
};
