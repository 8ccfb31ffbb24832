import type { EmailOAuthProvider, EmailSecurityMode } from '../email-settings.schema';

interface ServerPreset {
  host: string;
  port: number;
  security: EmailSecurityMode;
}

/** What differs between the mailbox providers we connect with OAuth 2.0. */
export interface EmailOAuthProviderProfile {
  provider: EmailOAuthProvider;
  displayName: string;
  /** OpenID scopes (for the ID token naming the mailbox) plus the mail protocols' own. */
  scopes: readonly string[];
  /** Parameters that make the provider hand out a refresh token, every time. */
  authorizeParams: Readonly<Record<string, string>>;
  /** The provider's IMAP and SMTP servers, filled into a new inbox's settings. */
  imap: ServerPreset;
  smtp: ServerPreset;
}

/**
 * Google: `https://mail.google.com/` is the only scope Gmail's IMAP and SMTP accept; a refresh
 * token comes only with access_type=offline, and again on a repeated consent only with
 * prompt=consent.
 */
export const GOOGLE_PROFILE: EmailOAuthProviderProfile = {
  provider: 'google',
  displayName: 'Google',
  scopes: ['openid', 'email', 'https://mail.google.com/'],
  authorizeParams: { access_type: 'offline', prompt: 'consent' },
  imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
  smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
};

/**
 * Microsoft 365: the Outlook resource's IMAP and SMTP scopes; offline_access brings the refresh
 * token. SMTP AUTH must be enabled for the mailbox by its tenant admin.
 */
export const MICROSOFT_PROFILE: EmailOAuthProviderProfile = {
  provider: 'microsoft',
  displayName: 'Microsoft',
  scopes: [
    'openid',
    'profile',
    'email',
    'offline_access',
    'https://outlook.office.com/IMAP.AccessAsUser.All',
    'https://outlook.office.com/SMTP.Send',
  ],
  authorizeParams: { prompt: 'select_account' },
  imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
  smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
};

export const EMAIL_OAUTH_PROFILES: Record<EmailOAuthProvider, EmailOAuthProviderProfile> = {
  google: GOOGLE_PROFILE,
  microsoft: MICROSOFT_PROFILE,
};

/** Our registration with a provider, and where its endpoints are (overridable for tests). */
export interface EmailOAuthClient {
  profile: EmailOAuthProviderProfile;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
}

export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com';

/** Microsoft's v2.0 endpoints of a tenant (`common`, `organizations`, or a tenant id or domain). */
export function microsoftEndpoints(
  authority: string,
  tenant: string,
): { authorizeUrl: string; tokenUrl: string } {
  const base = `${authority.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}/oauth2/v2.0`;
  return { authorizeUrl: `${base}/authorize`, tokenUrl: `${base}/token` };
}
