import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OperatorTypingHook, type OperatorTyping } from '../../core/realtime/operator-typing-hook';
import { InboxesService } from '../inboxes/inboxes.service';
import { ChannelRegistryService } from './channel-registry.service';
import { ChannelTypingRepository } from './channel-typing.repository';

/** Telegram shows "typing…" for about 5 s: repeat no more often than this while the operator types. */
const REPEAT_MS = 4_000;

/**
 * Shows the customer that an operator is typing, on channels that can (`sendTyping`). At most
 * one call per conversation every few seconds; best effort, a failure is only logged.
 */
@Injectable()
export class ChannelTypingRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChannelTypingRelay.name);
  private readonly lastSent = new Map<string, number>();
  private stop: (() => void) | null = null;

  constructor(
    private readonly hook: OperatorTypingHook,
    private readonly targets: ChannelTypingRepository,
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.hook.listen((typing) => void this.relay(typing));
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  async relay(typing: OperatorTyping): Promise<void> {
    if (!typing.typing) return;
    const now = Date.now();
    if (now - (this.lastSent.get(typing.conversationId) ?? 0) < REPEAT_MS) return;
    this.lastSent.set(typing.conversationId, now);
    if (this.lastSent.size > 10_000) this.forgetOld(now);
    try {
      const target = await this.targets.target(typing.accountId, typing.conversationId);
      if (!target) return;
      const adapter = this.registry.get(target.kind);
      if (!adapter.sendTyping) return;
      const { context } = await this.inboxes.loadContext(target.inbox_id);
      await adapter.sendTyping(
        {
          externalId: target.external_id,
          name: target.name,
          email: target.email,
          phone: target.phone,
        },
        context,
      );
    } catch (err) {
      this.logger.debug(`Typing for ${typing.conversationId}: ${(err as Error).message}`);
    }
  }

  private forgetOld(now: number): void {
    for (const [id, at] of this.lastSent) if (now - at > REPEAT_MS) this.lastSent.delete(id);
  }
}
