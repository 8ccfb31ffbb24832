import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { currentTimeZone } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../../shared/time/zoned-time';
import { usePopoverSide } from '../../../shared/ui/use-popover-side';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import { snoozeConversation } from '../store/conversation-commands';
import { computeSnoozePresets } from '../utils/snooze-presets';
import { snoozePresetText } from '../utils/snooze-preset-text';

/** One click (or one digit) snoozes; the custom time is the only field, and only if wanted. */
export function SnoozeMenu({ conversationId }: { conversationId: string }) {
  const setOpen = useOverlayStore((s) => s.setSnoozeMenuOpen);
  const titleId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const now = useMemo(() => new Date(), []);
  const zone = currentTimeZone();
  const presets = useMemo(() => computeSnoozePresets(now, zone), [now, zone]);
  const [custom, setCustom] = useState(() =>
    toDateTimeLocalValue(new Date(now.getTime() + 3 * 3600_000), zone),
  );
  const [customError, setCustomError] = useState<string | null>(null);
  const side = usePopoverSide(menuRef, '[data-testid=conversation]');

  useEffect(() => {
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, []);

  const choose = (until: Date) => {
    setOpen(false);
    void snoozeConversation(conversationId, until);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) return;
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= presets.length) {
      event.preventDefault();
      event.stopPropagation();
      choose((presets[digit - 1] as (typeof presets)[number]).until);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = Array.from(
        menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"], input') ?? [],
      );
      const index = items.indexOf(document.activeElement as HTMLElement);
      const next =
        items[(index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
      next?.focus();
    }
  };

  const submitCustom = (event: FormEvent) => {
    event.preventDefault();
    const until = fromDateTimeLocalValue(custom, zone);
    if (!until || until.getTime() <= Date.now()) {
      setCustomError(t('snooze.custom_invalid'));
      return;
    }
    choose(until);
  };

  return (
    <div
      ref={menuRef}
      className={side === 'start' ? 'menu menu--from-start' : 'menu'}
      data-testid="snooze-menu"
      data-side={side}
      onKeyDown={onKeyDown}
    >
      <div className="menu__title" id={titleId}>
        {t('snooze.menu')}
      </div>
      {/* Only the presets are menu items; the custom time is a form beside the menu. */}
      <div className="menu__items" role="menu" aria-labelledby={titleId}>
        {presets.map((preset, index) => {
          const text = snoozePresetText(preset, now);
          return (
            <button
              key={preset.id}
              type="button"
              role="menuitem"
              className="menu__item"
              data-preset={preset.id}
              onClick={() => choose(preset.until)}
            >
              <kbd>{index + 1}</kbd>
              <span className="menu__label">{text.label}</span>
              <span className="menu__hint">{text.hint}</span>
            </button>
          );
        })}
      </div>
      <form className="menu__custom" onSubmit={submitCustom}>
        <label>
          <span>{t('snooze.custom')}</span>
          <input
            type="datetime-local"
            data-testid="snooze-custom-input"
            value={custom}
            step={1}
            onChange={(e) => {
              setCustom(e.target.value);
              setCustomError(null);
            }}
          />
        </label>
        <button type="submit" className="button button--small" data-testid="snooze-custom-submit">
          {t('snooze.custom_submit')}
        </button>
        {customError && (
          <p className="form-error" role="alert">
            {customError}
          </p>
        )}
      </form>
    </div>
  );
}
