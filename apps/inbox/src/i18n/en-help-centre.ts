/** English strings for the help centre's side of the inbox: what a customer read before writing. */
export const enHelpCentre = {
  'help_centre.branding.title': 'Help centre',
  'help_centre.branding.hint':
    'The logo and colour of the public help centre (for the whole account), published at',
  'help_centre.branding.logo': 'Logo address (https)',
  'help_centre.branding.color': 'Brand colour (#rrggbb)',
  'help_centre.branding.save': 'Save help centre look',
  'help_centre.branding.saved': 'Help centre look saved.',
  'help_centre.branding.failed': 'Could not save: {message}',
  'help_centre.viewed_before': 'Viewed before writing',
};
