import type { OperatorDto } from '@switchboard/contracts';
import { safeTimeZone } from '../../../shared/time/zoned-time';
import { peopleApi } from '../api/people-api';

/**
 * What the server gives a profile nobody has set a zone on (new accounts, accepted invitations):
 * it stands for "not chosen yet", so the browser's zone is used and saved instead.
 */
const UNCHOSEN_TIME_ZONE = 'UTC';
/** Per operator: a zone was chosen (or adopted) in this browser; UTC is then a real choice. */
const CHOSEN_KEY = 'switchboard.timezone-chosen:';

/** The browser's IANA zone (`Intl`), or UTC when it reports none the runtime knows. */
export function browserTimeZone(): string {
  try {
    return safeTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return 'UTC';
  }
}

/** The operator picked a zone themselves (the profile was saved): never replace it. */
export function rememberTimeZoneChosen(operatorId: string): void {
  try {
    localStorage.setItem(CHOSEN_KEY + operatorId, '1');
  } catch {
    // No storage (private mode): at worst the browser's zone is offered again.
  }
}

function chosenHere(operatorId: string): boolean {
  try {
    return localStorage.getItem(CHOSEN_KEY + operatorId) === '1';
  } catch {
    return false;
  }
}

/** The zone to use instead of the profile's, while the profile has none: the browser's. */
export function timeZoneToAdopt(operator: OperatorDto): string | null {
  if (operator.timezone !== UNCHOSEN_TIME_ZONE || chosenHere(operator.id)) return null;
  const zone = browserTimeZone();
  return zone === UNCHOSEN_TIME_ZONE ? null : zone;
}

/** Saves the adopted zone to the profile once, so every device and the server's texts agree. */
export async function saveAdoptedTimeZone(operatorId: string, timezone: string): Promise<void> {
  try {
    await peopleApi.updateProfile({ timezone });
    rememberTimeZoneChosen(operatorId);
  } catch {
    // Shown in the browser's zone anyway; the next sign-in tries again.
  }
}
