import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';
import { useContactCardStore } from '../store/contact-card-store';

/**
 * The feed filter bar's custom-attribute filter: pick an attribute and a value, and the feed keeps
 * the conversations whose customer has it (`attr=key:value`). Shown once the account has any.
 */
export function AttributeFilter() {
  const defs = useContactCardStore((s) => s.attributes);
  const active = useFeedStore((s) => s.filters.attrs?.[0] ?? '');
  const [activeKey, activeValue] = splitFilter(active);
  const [key, setKey] = useState(activeKey);
  const [value, setValue] = useState(activeValue);

  useEffect(() => {
    void useContactCardStore.getState().loadAttributes();
  }, []);
  useEffect(() => {
    setKey(activeKey);
    setValue(activeValue);
  }, [activeKey, activeValue]);

  if (defs.length === 0) return null;
  const def = defs.find((d) => d.key === key);
  const apply = (nextKey: string, nextValue: string) =>
    useFeedStore
      .getState()
      .setFilters({ attrs: nextKey && nextValue.trim() ? [`${nextKey}:${nextValue.trim()}`] : [] });

  return (
    <span className="attribute-filter" data-testid="filter-attribute">
      <select
        className="select"
        aria-label={t('feed.filter.attribute')}
        data-testid="filter-attribute-key"
        value={key}
        onChange={(e) => {
          setKey(e.target.value);
          setValue('');
          if (!e.target.value) apply('', '');
        }}
      >
        <option value="">{t('feed.filter.any_attribute')}</option>
        {defs.map((d) => (
          <option key={d.id} value={d.key}>
            {d.label}
          </option>
        ))}
      </select>
      {def &&
        (def.type === 'list' || def.type === 'boolean' ? (
          <select
            className="select"
            aria-label={t('feed.filter.attribute_value', { label: def.label })}
            data-testid="filter-attribute-value"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              apply(def.key, e.target.value);
            }}
          >
            <option value="" />
            {(def.type === 'boolean' ? ['true', 'false'] : def.options).map((o) => (
              <option key={o} value={o}>
                {def.type === 'boolean'
                  ? t(o === 'true' ? 'contact.attr.yes' : 'contact.attr.no')
                  : o}
              </option>
            ))}
          </select>
        ) : (
          <input
            className="input"
            type={def.type === 'date' ? 'date' : 'text'}
            dir="auto"
            maxLength={200}
            aria-label={t('feed.filter.attribute_value', { label: def.label })}
            data-testid="filter-attribute-value"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onBlur={() => apply(def.key, value)}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') apply(def.key, value);
            }}
          />
        ))}
    </span>
  );
}

function splitFilter(text: string): [string, string] {
  const colon = text.indexOf(':');
  return colon < 0 ? ['', ''] : [text.slice(0, colon), text.slice(colon + 1)];
}
