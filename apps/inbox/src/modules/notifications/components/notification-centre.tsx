import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatListStamp } from '../../../i18n/format';
import { t, tp } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { Icon } from '../../../shared/ui/icons';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useNotificationCentreStore } from '../store/notification-centre-store';
import { notificationTitle } from '../utils/notification-title';
import { NotificationToggle } from './notification-toggle';
import '../notifications.css';

/**
 * The bell in the top bar: how many notifications are unread (on every tab and device, the server
 * keeps the count), and a panel listing them; opening one opens its conversation and reads it.
 */
export function NotificationCentre() {
  const open = useNotificationCentreStore((s) => s.open);
  const unread = useNotificationCentreStore((s) => s.unread);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const label = unread ? tp('notifications.button_unread', unread) : t('notifications.button');

  useEffect(() => {
    void useNotificationCentreStore.getState().refreshCount();
  }, []);

  // A press anywhere else (the feed, a conversation) puts the panel away, as popovers do.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && rootRef.current?.contains(e.target)) return;
      useNotificationCentreStore.getState().setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    useNotificationCentreStore.getState().setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="notification-centre" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button notification-centre__button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={label}
        data-tooltip={label}
        data-testid="notification-centre-button"
        onClick={() => useNotificationCentreStore.getState().setOpen(!open)}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span
            className="notification-centre__badge"
            aria-hidden="true"
            data-testid="notification-count"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && <NotificationPanel onClose={close} />}
    </div>
  );
}

function NotificationPanel({ onClose }: { onClose: () => void }) {
  const items = useNotificationCentreStore((s) => s.items);
  const unread = useNotificationCentreStore((s) => s.unread);
  const loading = useNotificationCentreStore((s) => s.loading);
  const loaded = useNotificationCentreStore((s) => s.loaded);
  const error = useNotificationCentreStore((s) => s.error);
  const nextCursor = useNotificationCentreStore((s) => s.nextCursor);
  const sound = useNotificationCentreStore((s) => s.sound);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const openItem = (conversationId: string, id: string) => {
    void useNotificationCentreStore.getState().markRead({ ids: [id] });
    useConversationStore.getState().select(conversationId);
    onClose();
  };

  return (
    <div
      ref={panelRef}
      className="notification-panel"
      role="dialog"
      aria-label={t('notifications.title')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="notification-panel"
    >
      <div className="notification-panel__header">
        <h2>{t('notifications.title')}</h2>
        <button
          type="button"
          className="button button--ghost"
          disabled={unread === 0}
          onClick={() => void useNotificationCentreStore.getState().markRead({ all: true })}
        >
          {t('notifications.mark_all_read')}
        </button>
      </div>
      {error && <p role="alert">{t('notifications.load_failed')}</p>}
      {loaded && items.length === 0 && (
        <p className="notification-panel__empty">{t('notifications.empty')}</p>
      )}
      <ul className="notification-panel__list">
        {items.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className={`notification-item${n.readAt ? '' : ' notification-item--unread'}`}
              data-testid="notification-item"
              data-unread={n.readAt ? undefined : 'true'}
              onClick={() => openItem(n.conversationId, n.id)}
            >
              <span className="notification-item__title">
                <bdi>{notificationTitle(n.type, n.conversation, n.detail)}</bdi>
              </span>
              <span className="notification-item__preview">
                {displayText(n.conversation.lastMessagePreview ?? '')}
              </span>
              <time className="notification-item__time" dateTime={n.createdAt}>
                {formatListStamp(new Date(n.createdAt))}
              </time>
              {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {nextCursor && (
        <button
          type="button"
          className="button button--ghost"
          disabled={loading}
          onClick={() => void useNotificationCentreStore.getState().loadMore()}
        >
          {t('notifications.more')}
        </button>
      )}
      <div className="notification-panel__footer">
        <label>
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => useNotificationCentreStore.getState().setSound(e.target.checked)}
          />{' '}
          {t('notifications.sound')}
        </label>
        <NotificationToggle />
      </div>
    </div>
  );
}
