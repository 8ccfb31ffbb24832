import { Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@switchboard/channels-core';
import { composeSignature, type EmailReplyContextDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { InboxRow } from '../inboxes/inboxes.service';
import { InboxesService } from '../inboxes/inboxes.service';
import type { OutboundMessageRow } from '../messages/message-delivery.repository';
import { EmailRepliesRepository } from './email-replies.repository';
import { replyAllRecipients } from './reply-all-recipients';

type EmailExtras = Pick<OutboundMessage, 'copies' | 'quoted' | 'signature'>;

/** The email inbox settings a reply reads (the schema in libs/channels/email owns them). */
function emailSettingsOf(inbox: Pick<InboxRow, 'settings'>) {
  const s = inbox.settings as { fromAddress?: unknown; signature?: unknown };
  return {
    fromAddress: typeof s.fromAddress === 'string' ? s.fromAddress : '',
    signature: typeof s.signature === 'string' ? s.signature : null,
  };
}

/**
 * What an email reply carries besides its text: the Cc and Bcc the operator chose, the message it
 * answers (quoted in the mail), and the signature (the operator's and the inbox's, filled in).
 * Only replies an operator wrote get a quote and a signature; what Switchboard sends itself
 * (surveys) gets neither.
 */
@Injectable()
export class EmailReplyExtrasService {
  constructor(
    private readonly repo: EmailRepliesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly inboxes: InboxesService,
  ) {}

  /** For the delivery worker, read before the attempt is claimed. */
  async forDelivery(row: OutboundMessageRow, inbox: InboxRow): Promise<EmailExtras> {
    const recipients = row.email_recipients;
    const copies = recipients ? { cc: recipients.cc, bcc: recipients.bcc ?? [] } : null;
    if (!row.sender_operator_id) return { copies };
    const [quoted, signature] = await Promise.all([
      this.repo.quotedFor(row.id),
      this.signatureFor(row.sender_operator_id, inbox),
    ]);
    return {
      copies,
      signature,
      quoted: quoted?.text
        ? {
            author: { name: quoted.author_name, address: quoted.author_address },
            sentAt: quoted.created_at,
            text: quoted.text,
          }
        : null,
    };
  }

  /** The signature an operator's reply through this inbox carries; null for none. */
  async signatureFor(operatorId: string, inbox: InboxRow): Promise<string | null> {
    const operator = await this.repo.operatorSignature(operatorId);
    const settings = emailSettingsOf(inbox);
    return composeSignature(
      { inbox: settings.signature, operator: operator?.emailSignature },
      {
        'operator.name': operator?.name ?? '',
        'operator.email': operator?.email ?? '',
        'inbox.name': inbox.name,
        'inbox.address': settings.fromAddress,
      },
    );
  }

  /** What the composer offers for an email reply: To, "Reply all", the signature. */
  async context(op: AuthenticatedOperator, conversationId: string): Promise<EmailReplyContextDto> {
    if (!(await this.conversations.isVisibleTo(op, conversationId))) throw notFound('Conversation');
    const target = await this.repo.replyTarget(conversationId);
    if (!target) throw notFound('Conversation');
    const inbox = await this.inboxes.row(target.inbox_id, op.accountId);
    if (inbox.kind !== 'email')
      throw new AppException(
        'VALIDATION_FAILED',
        `This conversation is not by email but ${inbox.kind}`,
      );
    const { fromAddress } = emailSettingsOf(inbox);
    const rows = await this.repo.threadAddresses(conversationId, inbox.id);
    return {
      to: { address: target.customer_address, name: target.customer_name },
      replyAll: replyAllRecipients(rows, {
        customer: target.customer_address,
        inboxAddress: fromAddress,
      }),
      signature: await this.signatureFor(op.id, inbox),
    };
  }
}
