import type { TagRefDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { filterByTag } from '../store/tag-commands';
import '../tags.css';

/** A tag as a label (feed rows) or, with `clickable`, a button that filters the feed by it. */
export function TagChip({ tag, clickable = false }: { tag: TagRefDto; clickable?: boolean }) {
  const className = `chip tag-chip tag-chip--${tag.color}`;
  if (!clickable)
    return (
      <span className={className} data-testid="tag-chip" data-tag={tag.name}>
        <span className="tag-chip__text">
          #<bdi>{tag.name}</bdi>
        </span>
      </span>
    );
  return (
    <button
      type="button"
      className={className}
      data-testid="tag-chip"
      data-tag={tag.name}
      aria-label={t('tags.filter_by', { tag: tag.name })}
      title={t('tags.filter_by', { tag: tag.name })}
      onClick={() => filterByTag(tag.name)}
    >
      <span className="tag-chip__text">
        #<bdi>{tag.name}</bdi>
      </span>
    </button>
  );
}
