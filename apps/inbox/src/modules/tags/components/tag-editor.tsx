import { checkTagName, type ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { addTag, removeTag } from '../store/tag-commands';
import { useTagsStore } from '../store/tags-store';
import { TagChip } from './tag-chip';

/**
 * The conversation's tags in its header: each chip filters the feed by it, × removes it, and the
 * field adds one (type-ahead from the account's tags; Enter adds, creating a new name).
 */
export function TagEditor({ conversation }: { conversation: ConversationSummaryDto }) {
  const known = useTagsStore((s) => s.tags);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!useTagsStore.getState().loaded) void useTagsStore.getState().load();
  }, []);

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    // Letters typed here are a tag, not the conversation's shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') {
      setDraft('');
      setError(null);
      return;
    }
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || busy) return;
    event.preventDefault();
    const checked = checkTagName(draft);
    if (!checked.ok) {
      setError(checked.reason);
      return;
    }
    setBusy(true);
    const added = await addTag(conversation.id, checked.name);
    setBusy(false);
    if (added) {
      setDraft('');
      setError(null);
    }
  };

  const onIt = new Set(conversation.tags.map((tag) => tag.id));
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <ul className="tag-list" aria-label={t('tags.label')}>
        {conversation.tags.map((tag) => (
          <li key={tag.id} className="tag-editor__tag">
            <TagChip tag={tag} clickable />
            <button
              type="button"
              className="tag-editor__remove"
              data-testid="tag-remove"
              aria-label={t('tags.remove', { tag: tag.name })}
              onClick={() => void removeTag(conversation.id, tag.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="input tag-editor__input"
        data-testid="tag-input"
        aria-label={t('tags.add')}
        placeholder={t('tags.add_placeholder')}
        list={listId}
        dir="auto"
        maxLength={80}
        value={draft}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      <datalist id={listId}>
        {known
          .filter((tag) => !onIt.has(tag.id))
          .map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
      </datalist>
      {error && (
        <span id={errorId} className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
