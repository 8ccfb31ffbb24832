import { Inject, Injectable } from '@nestjs/common';
import type { ChannelKind } from '@switchboard/contracts';
import type { AnyChannelAdapter } from '@switchboard/channels-core';
import { AppException } from '../../core/http/app.exception';
import { CHANNEL_ADAPTERS } from './channel-adapters';

/** Looks up the adapter for an inbox's kind. Modules may add adapters at startup (register). */
@Injectable()
export class ChannelRegistryService {
  private readonly adapters = new Map<ChannelKind, AnyChannelAdapter>();

  constructor(@Inject(CHANNEL_ADAPTERS) adapters: AnyChannelAdapter[]) {
    for (const a of adapters) this.register(a);
  }

  register(adapter: AnyChannelAdapter): void {
    this.adapters.set(adapter.manifest.kind, adapter);
  }

  get(kind: ChannelKind): AnyChannelAdapter {
    const adapter = this.adapters.get(kind);
    if (!adapter)
      throw new AppException(
        'VALIDATION_FAILED',
        `Channel "${kind}" is not available on this server`,
      );
    return adapter;
  }

  kinds(): ChannelKind[] {
    return [...this.adapters.keys()];
  }
}
