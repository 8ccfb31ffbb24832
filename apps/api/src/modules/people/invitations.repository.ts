import { Injectable } from '@nestjs/common';
import type { OperatorRole } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import { OperatorInvitationEntity } from './entities/operator-invitation.entity';

export interface NewInvitation {
  accountId: string;
  email: string;
  role: OperatorRole;
  tokenHash: Buffer;
  invitedById: string;
  expiresAt: Date;
}

/** An invitation found by its token, with the account's name for the accept page. */
export type InvitationByToken = Pick<
  OperatorInvitationEntity,
  'id' | 'accountId' | 'email' | 'role' | 'expiresAt' | 'acceptedAt'
> & { accountName: string };

/** `operator_invitations`: one-time links to join an account. */
@Injectable()
export class InvitationsRepository {
  /** Stores a new link; earlier unused links for the same email in the account stop working. */
  async replacePending(em: EntityManager, invitation: NewInvitation): Promise<string> {
    await em
      .createQueryBuilder()
      .delete()
      .from(OperatorInvitationEntity)
      .where('account_id = :accountId AND email = :email AND accepted_at IS NULL', {
        accountId: invitation.accountId,
        email: invitation.email,
      })
      .execute();
    const inserted = await em.getRepository(OperatorInvitationEntity).insert(invitation);
    return (inserted.identifiers[0] as { id: string }).id;
  }

  /** `lock`: for accepting, so two tabs racing on one link create one operator. */
  async findByTokenHash(
    em: EntityManager,
    tokenHash: Buffer,
    lock: boolean,
  ): Promise<InvitationByToken | null> {
    const q = em
      .getRepository(OperatorInvitationEntity)
      .createQueryBuilder('i')
      .innerJoin(AccountEntity, 'a', 'a.id = i.account_id')
      .select('i.id', 'id')
      .addSelect('i.account_id', 'accountId')
      .addSelect('i.email', 'email')
      .addSelect('i.role', 'role')
      .addSelect('i.expires_at', 'expiresAt')
      .addSelect('i.accepted_at', 'acceptedAt')
      .addSelect('a.name', 'accountName')
      .where('i.token_hash = :tokenHash', { tokenHash });
    if (lock) q.setLock('pessimistic_write', undefined, ['i']);
    return (await q.getRawOne<InvitationByToken>()) ?? null;
  }

  async markAccepted(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(OperatorInvitationEntity).update({ id }, { acceptedAt: () => 'now()' });
  }
}
