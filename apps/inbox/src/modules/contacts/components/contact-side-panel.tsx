import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { ViewedArticles } from '../../help-centre/components/viewed-articles';
import { ContactCard } from './contact-card';

const COLLAPSED_KEY = 'switchboard.contactCard.collapsed';

function storedCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The third column of the inbox: the open conversation's customer card. Collapsible (the choice
 * is kept per device); hidden on narrow screens, where the contact page serves instead.
 */
export function ContactSidePanel() {
  const contactId = useConversationStore((s) =>
    s.selectedId ? (s.summaries[s.selectedId]?.contact.id ?? null) : null,
  );
  const conversationId = useConversationStore((s) => s.selectedId);
  const [collapsed, setCollapsed] = useState(storedCollapsed);
  if (!contactId) return null;
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    try {
      window.localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return (
    <aside
      className="contact-side"
      data-collapsed={collapsed ? 'true' : 'false'}
      aria-label={t('contact.card.label')}
      data-testid="contact-side"
    >
      <button
        type="button"
        className="icon-button contact-side__toggle"
        aria-expanded={!collapsed}
        aria-label={collapsed ? t('contact.card.show') : t('contact.card.hide')}
        data-tooltip={collapsed ? t('contact.card.show') : t('contact.card.hide')}
        data-testid="contact-side-toggle"
        onClick={toggle}
      >
        <Icon name="user" />
      </button>
      {!collapsed && <ContactCard contactId={contactId} variant="panel" />}
      {!collapsed && conversationId && <ViewedArticles conversationId={conversationId} />}
    </aside>
  );
}
