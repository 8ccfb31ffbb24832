import type { AnyChannelAdapter } from '@switchboard/channels-core';
import { ApiChannelAdapter } from '@switchboard/channels-api';

/** DI token for the list of channel adapters. */
export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');

/**
 * Every channel Switchboard speaks, one line each. Adapters that need collaborators (a visitor
 * transport, a mail transport) get them from their own module through `extraAdapters`.
 */
export function builtInAdapters(): AnyChannelAdapter[] {
  return [new ApiChannelAdapter()];
}
