import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FilesService, type StoredFile } from '../../core/storage/files.service';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { InboxesService } from '../inboxes/inboxes.service';
import type { PortalSessionRow } from './portal-access.repository';
import {
  PortalRequestsRepository,
  type PortalMessageRow,
  type PortalRequestRow,
} from './portal-requests.repository';

/**
 * The customer's requests, read through their portal session only: anything outside its contacts
 * is "not found" (null), never "forbidden", so ids of other customers' requests reveal nothing.
 */
@Injectable()
export class PortalRequestsService {
  constructor(
    private readonly repo: PortalRequestsRepository,
    private readonly pipeline: InboundPipelineService,
    private readonly inboxes: InboxesService,
    private readonly files: FilesService,
  ) {}

  list(session: PortalSessionRow): Promise<PortalRequestRow[]> {
    return this.repo.list(session.accountId, session.contactIds);
  }

  async show(
    session: PortalSessionRow,
    id: string,
  ): Promise<{ request: PortalRequestRow; messages: PortalMessageRow[] } | null> {
    const request = await this.repo.find(session.accountId, session.contactIds, id);
    if (!request) return null;
    return { request, messages: await this.repo.publicMessages(request.id) };
  }

  /**
   * The reply enters like any customer message, through the inbound pipeline as the
   * conversation's own identity: stored once, live for operators, a closed conversation reopened
   * or followed by a new one as the inbox's reopen policy says. Returns the conversation it joined.
   */
  async reply(
    session: PortalSessionRow,
    id: string,
    text: string,
    attachment: { filename: string; contentType: string; content: Buffer } | null,
  ): Promise<string | null> {
    const request = await this.repo.find(session.accountId, session.contactIds, id);
    if (!request) return null;
    const sender = await this.repo.senderOf(request.id);
    if (!sender) return null;
    const inbox = await this.inboxes.row(sender.inboxId);
    const startsNew = request.status === 'closed' && inbox.reopenPolicy === 'new_conversation';
    const [outcome] = await this.pipeline.ingest(inbox, [
      {
        type: 'message',
        externalId: `portal:${randomUUID()}`,
        sender: { externalId: sender.externalId },
        text: text || null,
        subject: startsNew ? request.subject : null,
        attachments: attachment ? [attachment] : [],
        thread: startsNew
          ? { references: [], continueLatest: false }
          : { references: [], conversationToken: request.id, continueLatest: false },
        sentAt: new Date(),
      },
    ]);
    return outcome?.kind === 'stored' ? outcome.conversationId : request.id;
  }

  read(file: StoredFile) {
    return this.files.read(file);
  }

  /** A file of one of the session's public messages, or null. */
  async file(session: PortalSessionRow, fileId: string): Promise<StoredFile | null> {
    if (!(await this.repo.fileVisible(session.accountId, session.contactIds, fileId))) return null;
    const file = await this.files.find(fileId);
    return file && file.accountId === session.accountId ? file : null;
  }
}
