import {
  NEVER,
  addBusinessMinutes,
  type BusinessHours,
  type SlaState,
  type SlaTarget,
} from '@switchboard/contracts';

/** What a policy says about one target, as the clock needs it. */
export interface SlaPolicyTerms {
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warningPercent: number | null;
  warningMinutesBefore: number | null;
  businessHours: boolean;
}

export function targetMinutes(policy: SlaPolicyTerms, target: SlaTarget): number | null {
  if (target === 'first_response') return policy.firstResponseMinutes;
  if (target === 'next_response') return policy.nextResponseMinutes;
  return policy.resolutionMinutes;
}

/**
 * Due and warning instants of a target started at `startedAt`, with `pausedMinutes` of its time
 * not counted (snoozed). Counted in the inbox's business hours when the policy says so; null
 * when the policy has no such target, or the schedule never gives it enough open time.
 */
export function targetTimes(
  policy: SlaPolicyTerms,
  target: SlaTarget,
  inboxHours: BusinessHours | null,
  startedAt: Date,
  pausedMinutes: number,
): { dueAt: Date; warnAt: Date | null } | null {
  const minutes = targetMinutes(policy, target);
  if (minutes === null) return null;
  const hours = policy.businessHours ? inboxHours : null;
  const dueAt = addBusinessMinutes(hours, startedAt, minutes + pausedMinutes);
  if (dueAt === NEVER) return null;
  const warnAfter =
    policy.warningPercent !== null
      ? (minutes * policy.warningPercent) / 100
      : policy.warningMinutesBefore !== null && policy.warningMinutesBefore < minutes
        ? minutes - policy.warningMinutesBefore
        : null;
  const warnAt =
    warnAfter === null ? null : addBusinessMinutes(hours, startedAt, warnAfter + pausedMinutes);
  return { dueAt, warnAt };
}

/** When the poller must look at a target next: its warning, then its due time; null when done. */
export function nextCheck(t: {
  state: SlaState;
  dueAt: Date;
  warnAt: Date | null;
  pausedAt: Date | null;
  completedAt: Date | null;
}): Date | null {
  if (t.completedAt || t.pausedAt || t.state === 'breached') return null;
  if (t.state === 'running' && t.warnAt && t.warnAt < t.dueAt) return t.warnAt;
  return t.dueAt;
}

/** What the poller does with a target it claimed at `now`: the states it passes through. */
export function transitionsAt(
  t: { state: SlaState; dueAt: Date; warnAt: Date | null },
  now: Date,
): Array<'warning' | 'breached'> {
  const steps: Array<'warning' | 'breached'> = [];
  if (t.state === 'running' && t.warnAt && t.warnAt <= now && t.warnAt < t.dueAt)
    steps.push('warning');
  if (t.state !== 'breached' && t.dueAt <= now) steps.push('breached');
  return steps;
}
