import { Injectable } from '@nestjs/common';
import { preChatFieldListSchema, type PreChatField } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { PreChatContactRepository } from '../webchat/repositories/prechat-contact.repository';
import { checkPreChatAnswers } from '../webchat/services/prechat-answers';
import type { PortalSessionRow } from './portal-access.repository';
import { PortalNewRequestsRepository } from './portal-new-requests.repository';
import { PortalTargetRepository, type PortalTargetInbox } from './portal-target.repository';

export interface NewPortalRequest {
  subject: string;
  text: string;
  attachment: { filename: string; contentType: string; content: Buffer } | null;
  /** Answers to the target inbox's fields, by field key. */
  answers: Record<string, string>;
}

/** The New request form: the target inbox's fields, prefilled from the signed-in contact. */
export interface NewRequestForm {
  fields: PreChatField[];
  prefill: Record<string, string>;
}

/**
 * "New request": a conversation opened from the portal in the inbox an admin chose (else the
 * account's first email inbox, so operators' replies also reach the customer by mail, else its
 * first API inbox), entering through the inbound pipeline as a customer message of the signed-in
 * contact. The inbox's fields are the same pre-chat fields the web chat widget asks, checked by the
 * same validator and stored the same way on the contact.
 */
@Injectable()
export class PortalNewRequestService {
  constructor(
    private readonly repo: PortalNewRequestsRepository,
    private readonly targets: PortalTargetRepository,
    private readonly pipeline: InboundPipelineService,
    private readonly preChatContacts: PreChatContactRepository,
  ) {}

  /** The form for this session, or null when it cannot open requests (no inbox or no address). */
  async form(session: PortalSessionRow): Promise<NewRequestForm | null> {
    const inbox = await this.targets.targetInbox(session.accountId);
    const contact = await this.repo.contactWithEmail(session.contactIds);
    if (!inbox || !contact) return null;
    const fields = fieldsOf(inbox);
    const prefill: Record<string, string> = {};
    for (const field of fields) {
      if (field.type === 'email') prefill[field.key] = contact.email;
      if (field.type === 'name' && contact.name) prefill[field.key] = contact.name;
    }
    return { fields, prefill };
  }

  /**
   * Opens the request; returns its conversation id, or null when the portal cannot open one.
   * Answers that break a field's rule throw VALIDATION_FAILED (details: PreChatProblem).
   */
  async open(session: PortalSessionRow, req: NewPortalRequest): Promise<string | null> {
    const inbox = await this.targets.targetInbox(session.accountId);
    const contact = await this.repo.contactWithEmail(session.contactIds);
    if (!inbox || !contact) return null;
    const fields = fieldsOf(inbox);
    // A form from before an admin changed the fields may carry a key the inbox no longer asks.
    const answers = Object.fromEntries(
      fields.filter((f) => f.key in req.answers).map((f) => [f.key, req.answers[f.key] ?? '']),
    );
    const fill = checkPreChatAnswers(fields, answers, true);
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
    if (outcome?.kind !== 'stored') return null;
    if (fill) await this.preChatContacts.apply(outcome.messageId, fill);
    return outcome.conversationId;
  }
}

/** The inbox's fields; settings saved before they were validated count as none. */
function fieldsOf(inbox: PortalTargetInbox): PreChatField[] {
  const parsed = preChatFieldListSchema.safeParse(inbox.settings['preChatFields'] ?? []);
  return parsed.success ? parsed.data : [];
}
