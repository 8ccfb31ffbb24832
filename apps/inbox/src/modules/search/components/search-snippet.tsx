import type { SearchMatchDto } from '@switchboard/contracts';
import { formatListStamp } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import './search.css';

/** The message a search matched, as plain text with the matching words in <mark>. Never HTML. */
export function SearchSnippet({ match }: { match: SearchMatchDto }) {
  return (
    <span
      className="search-snippet"
      data-testid="search-snippet"
      dir="auto"
      title={t('search.match.label', { time: formatListStamp(new Date(match.at)) })}
    >
      {match.snippet.map((segment, i) =>
        segment.highlight ? (
          <mark key={i}>{segment.text}</mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
