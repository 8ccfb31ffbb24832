/** What the inbox itself says when a request fails before the server could explain why. */
export const enErrors = {
  'errors.network': 'No connection to the server',
  'errors.request_failed': 'The server could not answer (HTTP {status})',
  'errors.upload_failed': 'The upload failed (HTTP {status})',
} as const;
