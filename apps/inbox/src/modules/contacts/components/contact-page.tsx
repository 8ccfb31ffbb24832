import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useNavigationStore } from '../../navigation/navigation-store';
import { ContactCard } from './contact-card';
import '../contacts.css';

/** One customer on their own page (`#/contacts/<id>`): the card with every conversation, openable. */
export default function ContactPage({ contactId }: { contactId: string }) {
  return (
    <main className="contact-page" data-testid="contact-page" data-contact-id={contactId}>
      <button
        type="button"
        className="button button--small"
        data-testid="contact-page-back"
        onClick={() => useNavigationStore.getState().go({ name: 'contacts' })}
      >
        <Icon name="back" className="flip-rtl" />
        {t('contact.page.back')}
      </button>
      <ContactCard contactId={contactId} variant="page" />
    </main>
  );
}
