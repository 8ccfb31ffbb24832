import { Injectable, Logger } from '@nestjs/common';
import type { ParsedInboundEvent } from '@switchboard/channels-core';
import { InboxesService, type InboxRow } from '../inboxes/inboxes.service';
import { ChannelRegistryService } from './channel-registry.service';

export type ButtonPressEvent = Extract<ParsedInboundEvent, { type: 'button_press' }>;

/** What a handler did with a press, and the short notice the customer sees on their button. */
export interface ButtonPressResult {
  outcome:
    | { kind: 'updated'; messageId: string; conversationId: string }
    | { kind: 'skipped'; externalId: string | null; reason: string };
  answer: string;
}

export interface ButtonPressHandler {
  /** The `data` prefix this handler owns (`csat:`). */
  readonly prefix: string;
  handle(inbox: InboxRow, press: ButtonPressEvent): Promise<ButtonPressResult>;
}

/**
 * Buttons we send belong to the feature that sent them (surveys), so the pipeline hands each press
 * to the handler registered for its data's prefix, then answers the press on the channel. A press
 * nobody owns is skipped and still answered, so the customer's button never hangs.
 */
@Injectable()
export class ButtonPressesService {
  private readonly logger = new Logger(ButtonPressesService.name);
  private readonly handlers: ButtonPressHandler[] = [];

  constructor(
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
  ) {}

  register(handler: ButtonPressHandler): void {
    this.handlers.push(handler);
  }

  async handle(inbox: InboxRow, press: ButtonPressEvent): Promise<ButtonPressResult['outcome']> {
    const handler = this.handlers.find((h) => press.data.startsWith(h.prefix));
    const result: ButtonPressResult = handler
      ? await handler.handle(inbox, press)
      : {
          outcome: { kind: 'skipped', externalId: press.externalId, reason: 'Unknown button' },
          answer: 'This button is no longer in use.',
        };
    await this.answer(inbox, press.externalId, result.answer);
    return result.outcome;
  }

  private async answer(inbox: InboxRow, pressId: string, text: string): Promise<void> {
    const adapter = this.registry.get(inbox.kind);
    if (!adapter.answerButtonPress) return;
    try {
      const { context } = await this.inboxes.loadContext(inbox.id);
      await adapter.answerButtonPress(pressId, text, context);
    } catch (err) {
      // The press is stored (or refused) already; a lost acknowledgement only leaves a spinner.
      this.logger.warn(`Answering button press on inbox ${inbox.id}: ${(err as Error).message}`);
    }
  }
}
