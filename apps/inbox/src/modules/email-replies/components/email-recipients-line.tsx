import {
  formatAddress,
  type EmailAddressDto,
  type EmailRecipientsDto,
} from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import './email-recipients-line.css';

/**
 * Who else an email went to, above its text: Cc (and Bcc on our replies, which only the team
 * sees); To only when the customer wrote to more than one address.
 */
export function EmailRecipientsLine({ recipients }: { recipients: EmailRecipientsDto }) {
  const lines: Array<[string, EmailAddressDto[]]> = [
    [t('email_reply.recipients.to'), (recipients.to?.length ?? 0) > 1 ? (recipients.to ?? []) : []],
    [t('email_reply.recipients.cc'), recipients.cc],
    [t('email_reply.recipients.bcc'), recipients.bcc ?? []],
  ];
  const shown = lines.filter(([, list]) => list.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="message__recipients" data-testid="message-recipients" dir="ltr">
      {shown.map(([label, list]) => (
        <div key={label}>
          <span className="message__recipients-label">{label}</span>{' '}
          {list.map((a) => formatAddress(a)).join(', ')}
        </div>
      ))}
    </div>
  );
}
