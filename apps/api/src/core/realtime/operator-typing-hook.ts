import { Injectable } from '@nestjs/common';

export interface OperatorTyping {
  accountId: string;
  conversationId: string;
  operatorId: string;
  typing: boolean;
}

type Listener = (typing: OperatorTyping) => void;

/**
 * Operator typing as this instance's gateway received it (once, unlike the stream's signals,
 * which every instance sees): channels that can show "typing…" to the customer listen here.
 */
@Injectable()
export class OperatorTypingHook {
  private readonly listeners: Listener[] = [];

  listen(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(typing: OperatorTyping): void {
    for (const listener of this.listeners) listener(typing);
  }
}
