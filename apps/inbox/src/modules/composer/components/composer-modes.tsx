import type { Ref } from 'react';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import type { ComposerMode } from '../store/composer-store';

/** Reply to the customer or write an internal note; a note says who sees it. */
export function ComposerModes({
  mode,
  onChange,
  ref,
}: {
  mode: ComposerMode;
  onChange: (mode: ComposerMode) => void;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div className="composer__modes" role="radiogroup" ref={ref}>
      {(['message', 'note'] as const).map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={mode === m}
          className="composer__mode"
          data-testid={`composer-mode-${m}`}
          onClick={() => onChange(m)}
        >
          {/* The paper plane flies the way the text runs; the note's page is not mirrored. */}
          <Icon
            name={m === 'message' ? 'send' : 'note'}
            size={14}
            className={m === 'message' ? 'flip-rtl' : undefined}
          />
          {t(m === 'message' ? 'composer.reply' : 'composer.note')}
        </button>
      ))}
      {mode === 'note' && (
        <span className="composer__note-notice" data-testid="note-notice">
          <Icon name="note" size={12} />
          {t('composer.note_notice')}
        </span>
      )}
    </div>
  );
}
