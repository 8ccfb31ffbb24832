import { useEffect, useRef } from 'react';
import { t } from '../../../i18n/i18n';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { useOverlayStore } from '../store/overlay-store';
import { SHORTCUT_LIST } from '../utils/resolve-shortcut';

const ACTION_LABEL = {
  next: 'shortcuts.next',
  previous: 'shortcuts.previous',
  close: 'shortcuts.close',
  snooze: 'shortcuts.snooze',
  reply: 'shortcuts.reply',
  assign: 'shortcuts.assign',
  assign_me: 'shortcuts.assign_me',
  back: 'shortcuts.back',
  help: 'shortcuts.help',
  palette: 'shortcuts.palette',
} as const;

export function ShortcutsDialog() {
  const open = useOverlayStore((s) => s.helpOpen);
  const setOpen = useOverlayStore((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef, open);

  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => setOpen(false)}>
      <div
        ref={dialogRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <dl className="shortcuts">
          {SHORTCUT_LIST.map(({ keys, action }) => (
            <div key={action} className="shortcuts__row">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{t(ACTION_LABEL[action])}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" className="button" onClick={() => setOpen(false)}>
          {t('shortcuts.dismiss')}
        </button>
      </div>
    </div>
  );
}
