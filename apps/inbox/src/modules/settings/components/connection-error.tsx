import type { InboxDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

/** Why the inbox's channel cannot work right now (a revoked token …), in the provider's words. */
export function ConnectionError({ inbox }: { inbox: InboxDto }) {
  // Absent from an older server's answer: nothing to report then.
  if (!inbox.connectionError) return null;
  return (
    <p
      className="form-error settings-connection-error"
      role="alert"
      data-testid="inbox-connection-error"
    >
      {t('settings.connection_error', { message: inbox.connectionError })}
    </p>
  );
}
