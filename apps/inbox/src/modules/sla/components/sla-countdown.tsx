import type { ConversationSlaDto } from '@switchboard/contracts';
import { memo, useEffect, useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { slaCountdownAt } from '../utils/sla-countdown';
import './sla.css';

/**
 * The nearest SLA target, live: "Reply in 12m", red "Overdue 3m". Only this badge re-renders as
 * the seconds pass (its own timer), never the feed row or the list around it.
 */
export const SlaCountdownBadge = memo(function SlaCountdownBadge({
  sla,
}: {
  sla: ConversationSlaDto | null | undefined;
}) {
  const [, setTick] = useState(0);
  const countdown = sla ? slaCountdownAt(sla, Date.now()) : null;
  const wait = countdown?.msUntilChange ?? null;

  useEffect(() => {
    if (wait === null) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(wait, 20));
    return () => clearTimeout(timer);
  });

  if (!sla || !countdown) return null;
  return (
    <span
      className={`sla-countdown sla-countdown--${countdown.state}`}
      data-testid="sla-countdown"
      data-state={countdown.state}
      title={t('sla.due_at', {
        target: t(`sla.target.${sla.target}`),
        time: formatFullDateTime(new Date(sla.dueAt)),
      })}
    >
      {countdown.text}
    </span>
  );
});
