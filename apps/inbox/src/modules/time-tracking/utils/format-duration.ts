import { currentLocale } from '../../../i18n/i18n';

type Unit = 'second' | 'minute' | 'hour';

/** One part in the locale's narrow unit ("45s" in English, "45 ث" in Arabic). */
function part(value: number, unit: Unit, minimumIntegerDigits = 1): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit,
    unitDisplay: 'narrow',
    minimumIntegerDigits,
  }).format(value);
}

/** "45s", "12m", "1h 05m": how long, in the compact form a header line has room for. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const s = Math.abs(Math.trunc(totalSeconds));
  if (s < 60) return `${sign}${part(s, 'second')}`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${sign}${part(minutes, 'minute')}`;
  return `${sign}${part(Math.floor(minutes / 60), 'hour')} ${part(minutes % 60, 'minute', 2)}`;
}
