import { Injectable } from '@nestjs/common';
import type {
  ContactMergePreviewDto,
  ContactMergeSideDto,
  ContactMergeWarning,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../../core/http/app.exception';
import { ContactMergeReadsRepository } from './contact-merge-reads.repository';
import { fieldValuesOf } from './contact-merge.mapper';
import { ContactMergeRepository, type MergeContactRow } from './contact-merge.repository';
import { mergeFields } from './merge-fields';

/** Conversations the preview lists; the counts cover all of them. */
const PREVIEW_CONVERSATIONS = 50;

/**
 * What a merge would do, before it is confirmed: which identities and conversations join, which
 * value wins where both cards have one (the survivor's, unless the operator picks the other's),
 * and what deserves a second look. Reads only.
 */
@Injectable()
export class ContactMergePreviewService {
  constructor(
    private readonly contacts: ContactMergeRepository,
    private readonly reads: ContactMergeReadsRepository,
  ) {}

  async preview(
    op: AuthenticatedOperator,
    survivorId: string,
    otherId: string | undefined,
  ): Promise<ContactMergePreviewDto> {
    const rows = await this.contacts.findContacts(
      op,
      otherId ? [survivorId, otherId] : [survivorId],
    );
    const survivor = rows.find((r) => r.id === survivorId);
    if (!survivor) throw notFound('Contact');
    if (!otherId)
      throw new AppException(
        'VALIDATION_FAILED',
        'other: name the contact to merge in (?other=<id>)',
      );
    if (otherId === survivorId)
      throw new AppException('INVALID_CONTACT_MERGE', 'A contact cannot be merged into itself');
    const other = rows.find((r) => r.id === otherId);
    if (!other) throw notFound('Contact');
    for (const c of [survivor, other]) {
      if (c.mergedIntoId)
        throw new AppException(
          'CONTACT_ALREADY_MERGED',
          `Contact ${c.name ?? c.id} was merged into another contact already`,
          { contactId: c.id, mergedIntoId: c.mergedIntoId },
        );
    }

    const { fields } = mergeFields(fieldValuesOf(survivor), fieldValuesOf(other));
    const [identities, otherCounts, survivorCounts, conversations, visible] = await Promise.all([
      this.reads.identitiesOf(other.id),
      this.reads.conversationCounts(other.id),
      this.reads.conversationCounts(survivor.id),
      this.reads.visibleConversations(op, other.id, PREVIEW_CONVERSATIONS),
      this.reads.visibleConversationCount(op, other.id),
    ]);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

    const warnings: ContactMergeWarning[] = [];
    const differing = fields.filter((f) => f.conflict).map((f) => f.field);
    if (differing.length > 0) warnings.push({ code: 'values_differ', fields: differing });
    if (otherCounts.open > 0 && survivorCounts.open > 0)
      warnings.push({ code: 'both_have_open_conversations' });
    const hidden = total(otherCounts) - visible;
    if (hidden > 0) warnings.push({ code: 'hidden_conversations', count: hidden });

    return {
      survivor: await this.side(survivor, total(survivorCounts)),
      other: { ...(await this.side(other, total(otherCounts))), identityCount: identities.length },
      identities: identities.map((i) => ({
        id: i.id,
        channel: i.channel,
        inboxName: i.inbox_name,
        externalId: i.external_id,
        displayName: i.display_name,
      })),
      conversations: conversations.map((c) => ({
        id: c.id,
        number: c.number,
        status: c.status,
        channel: c.channel,
        subject: c.subject,
        lastActivityAt: c.last_activity_at.toISOString(),
      })),
      conversationCounts: otherCounts,
      fields,
      warnings,
    };
  }

  private async side(c: MergeContactRow, conversationCount: number): Promise<ContactMergeSideDto> {
    return {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      identityCount: await this.reads.identityCount(c.id),
      conversationCount,
    };
  }
}
