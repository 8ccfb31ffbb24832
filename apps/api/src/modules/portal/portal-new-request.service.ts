import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import type { PortalSessionRow } from './portal-access.repository';
import { PortalNewRequestsRepository } from './portal-new-requests.repository';

export interface NewPortalRequest {
  subject: string;
  text: string;
  attachment: { filename: string; contentType: string; content: Buffer } | null;
}

/**
 * "New request": a conversation opened from the portal, in the account's first email inbox (so
 * operators' replies also reach the customer by mail) or else its first API inbox, entering
 * through the inbound pipeline as a customer message of the signed-in contact.
 */
@Injectable()
export class PortalNewRequestService {
  constructor(
    private readonly repo: PortalNewRequestsRepository,
    private readonly pipeline: InboundPipelineService,
  ) {}

  /** Whether this session can open requests: there is a target inbox and an address to use. */
  async available(session: PortalSessionRow): Promise<boolean> {
    return Boolean(
      (await this.repo.targetInbox(session.accountId)) &&
      (await this.repo.contactWithEmail(session.contactIds)),
    );
  }

  /** Opens the request; returns its conversation id, or null when the portal cannot open one. */
  async open(session: PortalSessionRow, req: NewPortalRequest): Promise<string | null> {
    const inbox = await this.repo.targetInbox(session.accountId);
    const contact = await this.repo.contactWithEmail(session.contactIds);
    if (!inbox || !contact) return null;
    const email = contact.email.toLowerCase();
    // An email inbox knows its customers by address; an API inbox by an id of ours.
    const externalId = inbox.kind === 'email' ? email : `portal:${contact.id}`;
    await this.repo.ensureIdentity(session.accountId, contact.id, inbox.id, externalId);
    const [outcome] = await this.pipeline.ingest(inbox.id, [
      {
        type: 'message',
        externalId: `portal:${randomUUID()}`,
        sender: { externalId, email },
        text: req.text,
        subject: req.subject,
        attachments: req.attachment ? [req.attachment] : [],
        thread: { references: [], continueLatest: false },
        sentAt: new Date(),
      },
    ]);
    return outcome?.kind === 'stored' ? outcome.conversationId : null;
  }
}
