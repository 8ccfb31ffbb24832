import type { EmailConnectionDto } from '@switchboard/contracts';
import { emailSecretsSchema } from '@switchboard/channels-email';

/** How the inbox logs in, for its settings page: the method and account, never a secret. */
export function emailConnectionOf(secrets: unknown): EmailConnectionDto {
  const parsed = emailSecretsSchema.safeParse(secrets);
  if (parsed.success && parsed.data.auth === 'oauth')
    return { method: 'oauth', provider: parsed.data.provider, account: parsed.data.account };
  return { method: 'password' };
}
