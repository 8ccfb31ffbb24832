/**
 * An error answer of the token endpoint (RFC 6749 section 5.2): 400 with `error` and
 * `error_description`, except `invalid_client`, which is 401.
 */
export class OAuthError extends Error {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'invalid_grant'
      | 'unauthorized_client'
      | 'unsupported_grant_type'
      | 'invalid_scope',
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }

  body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
