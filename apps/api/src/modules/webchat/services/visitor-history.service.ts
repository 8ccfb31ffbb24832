import { Injectable } from '@nestjs/common';
import { inboundExternalId } from '@switchboard/channels-webchat';
import type { VisitorMessageDto } from '../dto/widget-wire.dto';
import { toVisitorMessageDto } from '../mappers/visitor-message.mapper';
import {
  VisitorHistoryRepository,
  type ConversationVisitor,
  type VisitorConversation,
} from '../repositories/visitor-history.repository';

const HISTORY_LIMIT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a visitor may see: the customer-facing messages (never notes or activities) of the
 * conversations of their own identity on this inbox, including replies sent by email.
 */
@Injectable()
export class VisitorHistoryService {
  constructor(private readonly repo: VisitorHistoryRepository) {}

  async history(inboxId: string, visitorKey: string): Promise<VisitorMessageDto[]> {
    const rows = await this.repo.listNewestMessages(inboxId, visitorKey, HISTORY_LIMIT);
    return rows.reverse().map((r) => toVisitorMessageDto(r, visitorKey));
  }

  /** One message, only if it belongs to this visitor. */
  async message(
    inboxId: string,
    visitorKey: string,
    messageId: string,
  ): Promise<VisitorMessageDto | null> {
    const row = await this.repo.findMessage(inboxId, visitorKey, messageId);
    return row ? toVisitorMessageDto(row, visitorKey) : null;
  }

  async messageByExternalId(
    inboxId: string,
    visitorKey: string,
    externalId: string,
  ): Promise<VisitorMessageDto | null> {
    const row = await this.repo.findMessageByExternalId(inboxId, visitorKey, externalId);
    return row ? toVisitorMessageDto(row, visitorKey) : null;
  }

  /** Whether the visitor's message with this client message id is stored. */
  async hasVisitorMessage(
    inboxId: string,
    visitorKey: string,
    clientMessageId: string,
  ): Promise<boolean> {
    if (!UUID.test(clientMessageId)) return false;
    const externalId = inboundExternalId(visitorKey, clientMessageId);
    return (await this.repo.findMessageByExternalId(inboxId, visitorKey, externalId)) !== null;
  }

  /** Channel ids of our web chat messages among `messageIds` that this visitor really received. */
  outboundExternalIds(inboxId: string, visitorKey: string, messageIds: string[]) {
    return this.repo.listOutboundExternalIds(inboxId, visitorKey, messageIds);
  }

  /** Whether the visitor already has a conversation here (a new one counts against the rate limit). */
  hasConversation(inboxId: string, visitorKey: string): Promise<boolean> {
    return this.repo.hasConversation(inboxId, visitorKey);
  }

  /** The visitor's newest conversation and contact (typing signals name them). */
  latestConversation(inboxId: string, visitorKey: string): Promise<VisitorConversation | null> {
    return this.repo.findLatestConversation(inboxId, visitorKey);
  }

  /** Where a web chat conversation's widget sockets are: its inbox and visitor key. */
  visitorOfConversation(conversationId: string): Promise<ConversationVisitor | null> {
    return this.repo.findVisitorOfConversation(conversationId);
  }

  /** Whether a file is attached to a message this visitor can see. */
  canReadFile(inboxId: string, visitorKey: string, fileId: string): Promise<boolean> {
    return this.repo.canReadFile(inboxId, visitorKey, fileId);
  }
}
