import { Inject, Injectable } from '@nestjs/common';
import {
  EMAIL_OAUTH_PROFILES,
  microsoftEndpoints,
  type EmailOAuthClient,
  type EmailOAuthProvider,
} from '@switchboard/channels-email';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';

/** Where the provider sends the browser back: a page of the SPA, which hands the code to the API. */
export const EMAIL_OAUTH_CALLBACK_PATH = '/oauth/email/callback';

/** Our registrations with Google and Microsoft, from the configuration (absent: not offered). */
@Injectable()
export class EmailOAuthClients {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(provider: EmailOAuthProvider): EmailOAuthClient | null {
    const c = this.config;
    if (provider === 'google') {
      if (!c.GOOGLE_OAUTH_CLIENT_ID || !c.GOOGLE_OAUTH_CLIENT_SECRET) return null;
      return {
        profile: EMAIL_OAUTH_PROFILES.google,
        clientId: c.GOOGLE_OAUTH_CLIENT_ID,
        clientSecret: c.GOOGLE_OAUTH_CLIENT_SECRET,
        authorizeUrl: c.GOOGLE_OAUTH_AUTHORIZE_URL,
        tokenUrl: c.GOOGLE_OAUTH_TOKEN_URL,
      };
    }
    if (!c.MICROSOFT_OAUTH_CLIENT_ID || !c.MICROSOFT_OAUTH_CLIENT_SECRET) return null;
    return {
      profile: EMAIL_OAUTH_PROFILES.microsoft,
      clientId: c.MICROSOFT_OAUTH_CLIENT_ID,
      clientSecret: c.MICROSOFT_OAUTH_CLIENT_SECRET,
      ...microsoftEndpoints(c.MICROSOFT_OAUTH_AUTHORITY, c.MICROSOFT_OAUTH_TENANT),
    };
  }

  /** Read when needed: PUBLIC_URL is known only once the server listens (tests). */
  redirectUri(): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${EMAIL_OAUTH_CALLBACK_PATH}`;
  }
}
