import { useEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/en';

const COPIED_FOR_MS = 2000;

/** A URL an admin pastes elsewhere (a provider's console): selectable, with a Copy button. */
export function CopyUrl({
  label,
  url,
  testId,
}: {
  label: MessageKey;
  url: string;
  testId: string;
}) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  const id = `copy-url-${testId}`;
  const name = t(label);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setCopied(false), COPIED_FOR_MS);
    } catch {
      // No clipboard permission (insecure origin): the field stays selectable.
      setCopied(false);
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{name}</label>
      <div className="settings-secret">
        <input
          id={id}
          data-testid={testId}
          readOnly
          dir="ltr"
          spellCheck={false}
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button button--small"
          data-testid={`${testId}-copy`}
          aria-label={t('settings.copy_label', { name })}
          onClick={() => void copy()}
        >
          {copied ? t('settings.copied') : t('settings.copy')}
        </button>
        {/* Said once, when it happens: the button's own name stays "Copy …". */}
        <span className="visually-hidden" role="status">
          {copied ? t('settings.copied') : ''}
        </span>
      </div>
    </div>
  );
}
