import { TAG_COLORS, checkTagName, type TagColor, type TagDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../i18n/en';
import { t, tp } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { tagsApi } from '../api/tags-api';
import { useTagsStore } from '../store/tags-store';
import { TagChip } from './tag-chip';
import { errorText } from '../../../shared/api/error-text';

async function run(action: () => Promise<unknown>, done: MessageKey): Promise<boolean> {
  try {
    await action();
    useToastStore.getState().show(t(done));
    await useTagsStore.getState().load();
    return true;
  } catch (error) {
    const message = errorText(error);
    useToastStore.getState().show(t('tags.admin.failed', { message }), 'error');
    return false;
  }
}

/** One tag of the list: rename, recolour, merge into another, delete. */
function TagRow({ tag, others, readOnly }: { tag: TagDto; others: TagDto[]; readOnly: boolean }) {
  const [name, setName] = useState(tag.name);
  const [mergeInto, setMergeInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = (key: MessageKey) => t(key, { tag: tag.name });

  const rename = () => {
    const checked = checkTagName(name);
    if (!checked.ok) return setError(checked.reason);
    setError(null);
    if (checked.name !== tag.name)
      void run(() => tagsApi.update(tag.id, { name: checked.name }), 'tags.admin.saved');
  };

  return (
    <li className="tags-admin__row" data-testid="tags-admin-row" data-tag={tag.name}>
      <TagChip tag={tag} />
      <span className="settings-hint">{tp('tags.admin.count', tag.conversationCount)}</span>
      {!readOnly && (
        <>
          <input
            className="input"
            aria-label={label('tags.admin.name')}
            data-testid="tags-admin-name"
            dir="auto"
            value={name}
            maxLength={80}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') rename();
            }}
          />
          <button type="button" className="button button--small" onClick={rename}>
            {t('tags.admin.rename')}
          </button>
          <select
            className="select"
            aria-label={label('tags.admin.color')}
            data-testid="tags-admin-color"
            value={tag.color}
            onChange={(e) =>
              void run(
                () => tagsApi.update(tag.id, { color: e.target.value as TagColor }),
                'tags.admin.saved',
              )
            }
          >
            {TAG_COLORS.map((color) => (
              <option key={color} value={color}>
                {t(`tags.color.${color}`)}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label={label('tags.admin.merge_into')}
            data-testid="tags-admin-merge-target"
            value={mergeInto}
            onChange={(e) => setMergeInto(e.target.value)}
          >
            <option value="">{t('tags.admin.merge_choose')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            data-testid="tags-admin-merge"
            disabled={!mergeInto}
            onClick={() => {
              const target = others.find((o) => o.id === mergeInto);
              if (
                target &&
                window.confirm(
                  t('tags.admin.merge_confirm', { tag: tag.name, target: target.name }),
                )
              )
                void run(() => tagsApi.merge(tag.id, { targetId: target.id }), 'tags.admin.merged');
            }}
          >
            {t('tags.admin.merge')}
          </button>
          <button
            type="button"
            className="button button--small"
            data-testid="tags-admin-delete"
            onClick={() => {
              if (window.confirm(label('tags.admin.delete_confirm')))
                void run(() => tagsApi.delete(tag.id), 'tags.admin.deleted');
            }}
          >
            {t('tags.admin.delete')}
          </button>
        </>
      )}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/** Settings → Tags: the account's tags; admins rename, recolour, merge and delete them. */
export function TagsAdminPanel({ readOnly }: { readOnly: boolean }) {
  const tags = useTagsStore((s) => s.tags);
  const error = useTagsStore((s) => s.error);

  useEffect(() => {
    void useTagsStore.getState().load();
  }, []);

  return (
    <div className="settings__detail" data-testid="tags-admin">
      <h2>{t('tags.admin.title')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {tags.length === 0 && <p className="settings-hint">{t('tags.admin.empty')}</p>}
      <ul className="tags-admin">
        {tags.map((tag) => (
          <TagRow
            key={`${tag.id}:${tag.name}`}
            tag={tag}
            others={tags.filter((o) => o.id !== tag.id)}
            readOnly={readOnly}
          />
        ))}
      </ul>
    </div>
  );
}
