import { Injectable } from '@nestjs/common';
import {
  isValidTimeZone,
  isWithinBusinessHours,
  nextOpening,
  type BusinessHours,
  type InboxBusinessHoursDto,
} from '@switchboard/contracts';
import { AppException, notFound } from '../../core/http/app.exception';
import { BusinessHoursRepository } from './business-hours.repository';

/** Refuses what the schema cannot see: an unknown timezone, a holiday that is not a date. */
export function checkBusinessHours(hours: BusinessHours): void {
  if (!isValidTimeZone(hours.timezone))
    throw new AppException(
      'INVALID_BUSINESS_HOURS',
      `timezone: "${hours.timezone}" is not a timezone this server knows (use an IANA name such as Europe/Berlin)`,
    );
  for (const day of hours.holidays) {
    const d = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day)
      throw new AppException('INVALID_BUSINESS_HOURS', `holidays: ${day} is not a date`);
  }
}

/** An inbox's weekly schedule: read by every operator, changed by admins. */
@Injectable()
export class BusinessHoursService {
  constructor(private readonly repo: BusinessHoursRepository) {}

  async get(accountId: string, inboxId: string, now = new Date()): Promise<InboxBusinessHoursDto> {
    const inbox = await this.repo.find(accountId, inboxId);
    if (!inbox) throw notFound('Inbox');
    return toDto(inbox.id, inbox.businessHours, now);
  }

  async set(
    accountId: string,
    inboxId: string,
    hours: BusinessHours | null,
  ): Promise<{ dto: InboxBusinessHoursDto; name: string }> {
    const inbox = await this.repo.find(accountId, inboxId);
    if (!inbox) throw notFound('Inbox');
    if (hours) checkBusinessHours(hours);
    await this.repo.set(inbox.id, hours);
    return { dto: toDto(inbox.id, hours, new Date()), name: inbox.name };
  }
}

function toDto(inboxId: string, hours: BusinessHours | null, now: Date): InboxBusinessHoursDto {
  const openNow = isWithinBusinessHours(hours, now);
  const next = openNow ? null : nextOpening(hours, now);
  return { inboxId, businessHours: hours, openNow, nextOpening: next ? next.toISOString() : null };
}
