import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';

/**
 * A plain link to the export route: the browser downloads the server's streamed CSV itself (the
 * session cookie authorises it), so a large table never passes through this page's memory.
 */
export function CsvLink({ href }: { href: string }) {
  return (
    <a className="button report-table__csv" href={href} download data-testid="report-csv">
      <Icon name="download" />
      {t('reports.download_csv')}
    </a>
  );
}
