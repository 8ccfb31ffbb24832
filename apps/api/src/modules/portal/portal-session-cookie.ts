import type { AppConfig } from '../../core/config/app-config';
import { SessionCookie } from '../../core/auth/session-cookie';

/**
 * The portal's own cookie, never the operators' one: HttpOnly, SameSite=Lax (the sign-in link
 * arrives from a mail client, a top-level navigation), and on https `__Host-` and Secure. Its
 * token is 32 random bytes in base64url (43 characters).
 */
export class PortalSessionCookie extends SessionCookie {
  constructor(config: Pick<AppConfig, 'PUBLIC_URL'>) {
    super(config, { name: 'sb_portal', sameSite: 'lax', maxLength: 43 });
  }
}
