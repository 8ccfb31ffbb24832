import type { InboxDto } from '@switchboard/contracts';
import { useEffect, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { Icon } from '../../../shared/ui/icons';
import { useAuthStore } from '../../auth/store/auth-store';
import { InboxAccessPanel } from '../../access/components/inbox-access-panel';
import { TeamsPanel } from '../../access/components/teams-panel';
import { WebhooksPanel } from '../../outgoing-webhooks/components/webhooks-panel';
import { CannedRepliesPanel } from '../../canned-replies/components/canned-replies-panel';
import { PeoplePanel } from '../../people/components/people-panel';
import { TagsAdminPanel } from '../../tags/components/tags-admin-panel';
import { ContactAttributesPanel } from '../../contacts/components/contact-attributes-panel';
import { useSettingsStore } from '../store/settings-store';
import { useRevealCreated } from '../hooks/use-reveal-created';
import { BusinessHoursPanel } from '../../business-hours/components/business-hours-panel';
import { SlaPoliciesPanel } from '../../sla/components/sla-policies-panel';
import { PreChatFieldsPanel } from '../../webchat/components/prechat-fields-panel';
import { EDITABLE_KINDS, isEditableKind, kindLabel } from '../utils/channel-forms';
import { AuditLogPanel } from './audit-log-panel';
import { ConnectionError } from './connection-error';
import { EmailSyncPanel } from './email-sync-panel';
import { InboxForm } from './inbox-form';
import { PauseInbox } from './pause-inbox';
import { RemoveInbox } from './remove-inbox';
import { ApiInboxPanel } from './api-inbox-panel';
import { TelegramBotPanel } from './telegram-bot-panel';
import { TwilioSenderPanel } from './twilio-sender-panel';
import { WebchatSnippet } from './webchat-snippet';
import '../settings.css';
import { InboxTimeRatePanel } from '../../time-tracking/components/inbox-time-rate-panel';
import { CsatSettingsPanel } from '../../csat/components/csat-settings-panel';
import { HelpCentreBrandingPanel } from '../../help-centre/components/help-centre-branding-panel';
import { PortalSettingsPanel } from '../../portal/components/portal-settings-panel';

function SettingsDetail({ readOnly }: { readOnly: boolean }) {
  const selection = useSettingsStore((s) => s.selection);
  const inboxes = useSettingsStore((s) => s.inboxes);

  if (!selection) return null;
  if ('auditLog' in selection) return <AuditLogPanel />;
  if ('cannedReplies' in selection) return <CannedRepliesPanel />;
  if ('tags' in selection) return <TagsAdminPanel readOnly={readOnly} />;
  if ('contactAttributes' in selection) return <ContactAttributesPanel readOnly={readOnly} />;
  if ('people' in selection) return <PeoplePanel />;
  if ('teams' in selection) return <TeamsPanel />;
  if ('webhooks' in selection) return <WebhooksPanel />;
  if ('portal' in selection) return <PortalSettingsPanel inboxes={inboxes} readOnly={readOnly} />;
  if ('newKind' in selection) {
    return (
      <div className="settings__detail" data-testid="settings-detail">
        <h2>{t('settings.new_kind', { channel: t(kindLabel(selection.newKind)) })}</h2>
        <InboxForm
          key={`new-${selection.newKind}`}
          kind={selection.newKind}
          inbox={null}
          readOnly={readOnly}
        />
      </div>
    );
  }
  const inbox = inboxes.find((i) => i.id === selection.inboxId);
  if (!inbox) return null;
  return <InboxDetail key={inbox.id} inbox={inbox} readOnly={readOnly} />;
}

/** One inbox's settings; keyed by inbox, so each starts scrolled to its top. */
function InboxDetail({ inbox, readOnly }: { inbox: InboxDto; readOnly: boolean }) {
  const headingRef = useRevealCreated<HTMLHeadingElement>(inbox.id);
  return (
    <div className="settings__detail" data-testid="settings-detail" data-inbox-id={inbox.id}>
      <h2 ref={headingRef} tabIndex={-1} data-testid="settings-detail-heading">
        <bdi>{inbox.name}</bdi>
      </h2>
      <ConnectionError inbox={inbox} />
      <PauseInbox inbox={inbox} readOnly={readOnly} />
      {/* What the admin comes for most (the code to paste, is mail flowing) sits above the form. */}
      {inbox.kind === 'webchat' && <WebchatSnippet inboxId={inbox.id} />}
      {inbox.kind === 'email' && <EmailSyncPanel inboxId={inbox.id} />}
      {inbox.kind === 'telegram' && <TelegramBotPanel inbox={inbox} />}
      {inbox.kind === 'whatsapp' && <TwilioSenderPanel inbox={inbox} />}
      {inbox.kind === 'api' && <ApiInboxPanel inbox={inbox} />}
      {isEditableKind(inbox.kind) ? (
        <InboxForm key={inbox.id} kind={inbox.kind} inbox={inbox} readOnly={readOnly} />
      ) : (
        <p className="settings-hint">{t('settings.unsupported_kind')}</p>
      )}
      {(inbox.kind === 'webchat' || inbox.kind === 'email' || inbox.kind === 'api') && (
        <PreChatFieldsPanel key={`pc-${inbox.id}`} inbox={inbox} readOnly={readOnly} />
      )}
      {inbox.kind === 'webchat' && <HelpCentreBrandingPanel readOnly={readOnly} />}
      <BusinessHoursPanel key={`bh-${inbox.id}`} inboxId={inbox.id} readOnly={readOnly} />
      <SlaPoliciesPanel key={`sla-${inbox.id}`} inboxId={inbox.id} readOnly={readOnly} />
      <InboxTimeRatePanel key={`rate-${inbox.id}`} inboxId={inbox.id} readOnly={readOnly} />
      {inbox.kind !== 'api' && (
        <CsatSettingsPanel key={`csat-${inbox.id}`} inboxId={inbox.id} readOnly={readOnly} />
      )}
      {!readOnly && <InboxAccessPanel inboxId={inbox.id} />}
      {!readOnly && <RemoveInbox key={`remove-${inbox.id}`} inbox={inbox} />}
    </div>
  );
}

/** Inboxes of the account: list on one side, the chosen one's form (and status) on the other. */
export default function SettingsScreen() {
  const inboxes = useSettingsStore((s) => s.inboxes);
  const loading = useSettingsStore((s) => s.loading);
  const loadError = useSettingsStore((s) => s.loadError);
  const selection = useSettingsStore((s) => s.selection);
  const readOnly = useAuthStore((s) => s.operator?.role !== 'admin');
  const close = () => useSettingsStore.getState().setOpen(false);

  useEffect(() => {
    void useSettingsStore.getState().load();
  }, []);

  // The feed's single-letter shortcuts must not act on the hidden conversation; Esc leaves.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) close();
  };

  return (
    <main
      className="settings"
      data-testid="settings"
      aria-label={t('settings.title')}
      onKeyDown={onKeyDown}
    >
      <nav className="settings__nav">
        <div className="settings__nav-head">
          <button
            type="button"
            className="icon-button"
            aria-label={t('settings.close')}
            data-tooltip={t('settings.close')}
            onClick={close}
          >
            <Icon name="back" className="flip-rtl" />
          </button>
          <h1>{t('settings.title')}</h1>
        </div>
        {readOnly && (
          <p className="settings-hint" data-testid="settings-read-only">
            {t('settings.read_only')}
          </p>
        )}
        {loading && inboxes.length === 0 && (
          <p className="settings-hint">{t('settings.loading')}</p>
        )}
        {loadError && (
          <p className="form-error" role="alert">
            {t('settings.load_error', { message: loadError })}
          </p>
        )}
        {!loading && !loadError && inboxes.length === 0 && (
          <p className="settings-hint">{t('settings.empty')}</p>
        )}
        <ul className="settings__list" data-testid="settings-inboxes">
          {inboxes.map((inbox) => (
            <li key={inbox.id}>
              <button
                type="button"
                className="settings__item"
                data-testid="settings-inbox"
                data-kind={inbox.kind}
                aria-current={
                  selection !== null && 'inboxId' in selection && selection.inboxId === inbox.id
                }
                onClick={() => useSettingsStore.getState().select({ inboxId: inbox.id })}
              >
                <ChannelIcon channel={inbox.kind} size={14} />
                <bdi>{inbox.name}</bdi>
                {inbox.pausedAt && (
                  <span className="settings-paused-badge" data-testid="settings-inbox-paused">
                    {t('settings.pause.badge')}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
        {!readOnly && (
          <div className="settings__new">
            <h2>{t('settings.new')}</h2>
            {EDITABLE_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className="button button--small"
                data-testid={`settings-new-${kind}`}
                onClick={() => useSettingsStore.getState().select({ newKind: kind })}
              >
                <ChannelIcon channel={kind} size={14} decorative />
                {t(kindLabel(kind))}
              </button>
            ))}
          </div>
        )}
        {!readOnly && (
          <button
            type="button"
            className="settings__item"
            data-testid="settings-audit-log"
            aria-current={selection !== null && 'auditLog' in selection}
            onClick={() => useSettingsStore.getState().select({ auditLog: true })}
          >
            {t('settings.audit_log')}
          </button>
        )}
        {/* Everyone sees who works here and who is online; admins invite and manage. */}
        <button
          type="button"
          className="settings__item"
          data-testid="settings-people"
          aria-current={selection !== null && 'people' in selection}
          onClick={() => useSettingsStore.getState().select({ people: true })}
        >
          {t('people.title')}
        </button>
        {!readOnly && (
          <button
            type="button"
            className="settings__item"
            data-testid="settings-teams"
            aria-current={selection !== null && 'teams' in selection}
            onClick={() => useSettingsStore.getState().select({ teams: true })}
          >
            {t('teams.title')}
          </button>
        )}
        {!readOnly && (
          <button
            type="button"
            className="settings__item"
            data-testid="settings-webhooks"
            aria-current={selection !== null && 'webhooks' in selection}
            onClick={() => useSettingsStore.getState().select({ webhooks: true })}
          >
            {t('webhooks.title')}
          </button>
        )}
        <button
          type="button"
          className="settings__item"
          data-testid="settings-portal"
          aria-current={selection !== null && 'portal' in selection}
          onClick={() => useSettingsStore.getState().select({ portal: true })}
        >
          {t('portal.nav')}
        </button>
        {/* Everyone has personal canned replies; admins also manage the shared ones. */}
        <button
          type="button"
          className="settings__item"
          data-testid="settings-canned-replies"
          aria-current={selection !== null && 'cannedReplies' in selection}
          onClick={() => useSettingsStore.getState().select({ cannedReplies: true })}
        >
          {t('canned.settings.title')}
        </button>
        <button
          type="button"
          className="settings__item"
          data-testid="settings-tags"
          aria-current={selection !== null && 'tags' in selection}
          onClick={() => useSettingsStore.getState().select({ tags: true })}
        >
          {t('tags.admin.title')}
        </button>
        <button
          type="button"
          className="settings__item"
          data-testid="settings-contact-attributes"
          aria-current={selection !== null && 'contactAttributes' in selection}
          onClick={() => useSettingsStore.getState().select({ contactAttributes: true })}
        >
          {t('attributes.title')}
        </button>
      </nav>
      <SettingsDetail readOnly={readOnly} />
    </main>
  );
}
