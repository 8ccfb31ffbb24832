import type { ConversationSlaDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

/** What the countdown shows at `now`: running ("Reply in 12m"), overdue, or paused. */
export interface SlaCountdown {
  state: 'running' | 'warning' | 'breached' | 'paused';
  text: string;
  /** When the shown text changes next (ms from now); null when it never does. */
  msUntilChange: number | null;
}

/** "45s", "12m", "3h 5m", "2d 4h": precise near the end, coarse far from it. */
export function formatSpan(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}

/**
 * The countdown at `now`. It turns to "Overdue" at the due instant itself (not when the server's
 * poller gets there), and re-renders on whole seconds of the remaining time, so the breach shows
 * at the right second.
 */
export function slaCountdownAt(sla: ConversationSlaDto, now: number): SlaCountdown {
  if (sla.paused) return { state: 'paused', text: t('sla.paused'), msUntilChange: null };
  const due = Date.parse(sla.dueAt);
  const left = due - now;
  if (left > 0) {
    // Seconds left, rounded up: the text changes when the next whole second is reached.
    const shown = Math.ceil(left / 1000) * 1000;
    const key = sla.target === 'resolution' ? 'sla.resolve_in' : 'sla.reply_in';
    return {
      state: sla.state === 'breached' ? 'breached' : sla.state,
      text: t(key, { time: formatSpan(shown) }),
      msUntilChange: left - (shown - 1000),
    };
  }
  const over = -left;
  return {
    state: 'breached',
    text: t('sla.overdue', { time: formatSpan(over) }),
    msUntilChange: 1000 - (over % 1000),
  };
}
