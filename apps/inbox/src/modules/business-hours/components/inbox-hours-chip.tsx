import type { InboxBusinessHoursDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { formatUpcoming } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { businessHoursApi } from '../api/business-hours-api';
import './inbox-hours-chip.css';

/** One schedule request per inbox a minute, however many conversations are opened. */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<InboxBusinessHoursDto> }>();

function hoursOf(inboxId: string): Promise<InboxBusinessHoursDto> {
  const hit = cache.get(inboxId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = businessHoursApi.get(inboxId);
  cache.set(inboxId, { at: Date.now(), value });
  value.catch(() => cache.delete(inboxId));
  return value;
}

/**
 * "Outside business hours, opens Mon 09:00" in the conversation header while the inbox is away, so
 * an operator answering at night knows what the customer was told. Nothing while it is open.
 */
export function InboxHoursChip({ inboxId }: { inboxId: string }) {
  const [hours, setHours] = useState<InboxBusinessHoursDto | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    hoursOf(inboxId).then(
      (dto) => live && setHours(dto),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [inboxId, tick]);

  // At the opening the chip goes away by itself (checked again a little after the hour).
  useEffect(() => {
    if (!hours?.nextOpening) return;
    const wait = new Date(hours.nextOpening).getTime() - Date.now() + 1_000;
    const timer = setTimeout(
      () => {
        cache.delete(inboxId);
        setTick((n) => n + 1);
      },
      Math.min(Math.max(wait, 1_000), 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [hours, inboxId]);

  if (!hours || hours.inboxId !== inboxId || hours.openNow) return null;
  const text = hours.nextOpening
    ? t('business_hours.outside', { time: formatUpcoming(new Date(hours.nextOpening)) })
    : t('business_hours.outside_closed');
  return (
    <span className="status-chip status-chip--away" data-testid="inbox-hours">
      {text}
    </span>
  );
}
