import { contactInitials, type ContactDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { currentLocale, t } from '../../../i18n/i18n';
import { formatFullDateTime } from '../../../i18n/format';
import { displayName, displayText } from '../../../shared/text/display-text';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { languageName } from '../../conversation/utils/language-name';
import { useNavigationStore } from '../../navigation/navigation-store';
import { useContactCardStore } from '../store/contact-card-store';
import { attributeText, countryName } from '../utils/attribute-text';
import { ContactCardEditor } from './contact-card-editor';
import { ContactConversations } from './contact-conversations';
import { ContactMergeSection } from './contact-merge-section';
import '../contacts.css';

/** The handle an identity shows: @username, the phone or address, or the visitor's name. */
function identityHandle(i: ContactDto['identities'][number]): string {
  if (i.username) return `@${i.username}`;
  if (i.channel === 'webchat') return i.displayName ?? i.externalId;
  return i.externalId.startsWith('whatsapp:')
    ? i.externalId.slice('whatsapp:'.length)
    : i.externalId;
}

function Identities({ card }: { card: ContactDto }) {
  return (
    <section className="contact-card__section" aria-label={t('contact.card.identities')}>
      <h3>{t('contact.card.identities')}</h3>
      <ul className="contact-card__identities" data-testid="contact-identities">
        {card.identities.map((i) => (
          <li key={i.id} data-testid="contact-identity-row" data-channel={i.channel}>
            <ChannelIcon channel={i.channel} size={14} />
            <span className="contact-card__identity-inbox">
              <bdi>
                {t('contact.card.inbox', {
                  channel: t(`channel.${i.channel}`),
                  inbox: i.inboxName ?? '',
                })}
              </bdi>
            </span>
            <span className="contact-card__identity-handle" dir="ltr">
              {displayText(identityHandle(i))}
            </span>
            {i.unreachableReason && (
              <span className="form-error">
                {t('contact.card.unreachable', { reason: i.unreachableReason })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Details({ card }: { card: ContactDto }) {
  const defs = useContactCardStore((s) => s.attributes);
  const locale = currentLocale();
  const languages = (card.languages ?? []).map((l) => languageName(l)).join(', ');
  const countries = (card.countries ?? []).map((c) => countryName(c, locale)).join(', ');
  return (
    <>
      <ul className="contact-card__facts">
        {languages && (
          <li data-testid="contact-languages">{t('contact.card.languages', { languages })}</li>
        )}
        {countries && (
          <li data-testid="contact-countries">{t('contact.card.countries', { countries })}</li>
        )}
        <li>{t('contact.card.created', { date: formatFullDateTime(new Date(card.createdAt)) })}</li>
        {card.lastSeenAt && (
          <li>
            {t('contact.card.last_seen', { date: formatFullDateTime(new Date(card.lastSeenAt)) })}
          </li>
        )}
      </ul>
      <section className="contact-card__section" aria-label={t('contact.card.notes')}>
        <h3>{t('contact.card.notes')}</h3>
        <p className="contact-card__notes" dir="auto" data-testid="contact-notes">
          {card.notes ? displayText(card.notes) : t('contact.attr.unset')}
        </p>
      </section>
      <section className="contact-card__section" aria-label={t('contact.card.attributes')}>
        <h3>{t('contact.card.attributes')}</h3>
        {defs.length === 0 ? (
          <p className="settings-hint">{t('contact.card.no_attributes')}</p>
        ) : (
          <dl className="contact-card__attributes" data-testid="contact-attributes">
            {defs.map((d) => (
              <div key={d.id} data-testid={`contact-attr-${d.key}`}>
                <dt>{d.label}</dt>
                <dd dir="auto">{attributeText(d, card.attributes?.[d.key])}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}

/**
 * The customer card: who this is on every channel, what the team noted and recorded about them,
 * and every earlier conversation. Beside the open conversation (`variant="panel"`) and as the
 * contact page.
 */
export function ContactCard({
  contactId,
  variant,
}: {
  contactId: string;
  variant: 'panel' | 'page';
}) {
  const card = useContactCardStore((s) => s.cards[contactId]);
  const error = useContactCardStore((s) => s.errors[contactId]);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    setEditing(false);
    void useContactCardStore.getState().load(contactId);
  }, [contactId]);

  if (!card) {
    return error ? (
      <p className="form-error" role="alert">
        {t('contact.card.error', { message: error })}
      </p>
    ) : (
      <p className="settings-hint" aria-busy="true">
        {t('contact.card.loading')}
      </p>
    );
  }
  const name = displayName(card.name, card.email ?? card.phone ?? t('contact.card.unnamed'));
  return (
    <article
      className={`contact-card contact-card--${variant}`}
      data-testid="contact-card"
      data-contact-id={card.id}
    >
      <header className="contact-card__head">
        <span className="contact-avatar" aria-hidden="true">
          {contactInitials(card.name ?? card.email ?? card.phone)}
        </span>
        <div className="contact-card__title">
          <h2 dir="auto" data-testid="contact-name">
            {name}
          </h2>
          {card.email && <span dir="ltr">{displayText(card.email)}</span>}
          {card.phone && <span dir="ltr">{card.phone}</span>}
        </div>
      </header>
      <div className="contact-card__actions">
        {!editing && (
          <button
            type="button"
            className="button button--small"
            data-testid="contact-edit"
            onClick={() => setEditing(true)}
          >
            {t('contact.card.edit')}
          </button>
        )}
        {variant === 'panel' && (
          <button
            type="button"
            className="button button--small"
            data-testid="contact-open-page"
            onClick={() =>
              useNavigationStore.getState().go({ name: 'contact', contactId: card.id })
            }
          >
            {t('contact.card.open_page')}
          </button>
        )}
      </div>
      {editing ? (
        <ContactCardEditor card={card} onDone={() => setEditing(false)} />
      ) : (
        <Details card={card} />
      )}
      <Identities card={card} />
      <ContactMergeSection contactId={card.id} />
      <ContactConversations contactId={card.id} />
    </article>
  );
}
