import type { InboundEvent } from '@switchboard/channels-core';

/** The provider id of an event that failed validation, when it carries a usable one. */
export function idOf(raw: InboundEvent): string | null {
  const id = (raw as { externalId?: unknown }).externalId;
  return typeof id === 'string' ? id.slice(0, 998) : null;
}
