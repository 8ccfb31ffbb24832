import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountEventHeadEntity } from '../../core/events/entities/account-event-head.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { AccountEntity } from './entities/account.entity';

/**
 * Conversation numbers (#1042) come from a sequence per account: nextval never waits on a lock and
 * is not rolled back, so a rolled-back ingest leaves a harmless gap instead of blocking others.
 * The name is built from the account's UUID (hex only), never from input.
 */
export function conversationNumberSequence(accountId: string): string {
  const hex = accountId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`Not an account id: ${accountId}`);
  return `conversation_numbers_${hex}`;
}

/** Tenants, with the counters each one needs from its first moment. */
@Injectable()
export class AccountsRepository {
  async create(em: EntityManager, name: string): Promise<string> {
    const inserted = await em.getRepository(AccountEntity).insert({ name });
    const id = (inserted.identifiers[0] as { id: string }).id;
    await em.getRepository(AccountEventHeadEntity).insert({ accountId: id });
    // raw SQL: a sequence per account is DDL, which neither entities nor the builder describe.
    await em.query(`CREATE SEQUENCE ${conversationNumberSequence(id)} START 1001`);
    return id;
  }

  async insertOperator(
    em: EntityManager,
    op: Pick<OperatorEntity, 'accountId' | 'email' | 'name' | 'passwordHash' | 'role' | 'timezone'>,
  ): Promise<string> {
    const inserted = await em
      .getRepository(OperatorEntity)
      .insert({ ...op, email: op.email.toLowerCase() });
    return (inserted.identifiers[0] as { id: string }).id;
  }

  async nextConversationNumber(em: EntityManager, accountId: string): Promise<number> {
    // raw SQL: nextval() on the account's own sequence (no row lock, never rolled back).
    const rows = (await em.query('SELECT nextval($1::regclass) AS n', [
      conversationNumberSequence(accountId),
    ])) as { n: string }[];
    return Number(rows[0]!.n);
  }
}
