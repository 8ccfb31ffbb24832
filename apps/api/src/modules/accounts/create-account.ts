import type { OperatorRole } from '@switchboard/contracts';
import * as argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import { queryOne } from '../../core/database/sql-rows';

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

/** A tenant with its counters. Used by first start, the seed and the tests. */
export async function createAccount(em: EntityManager, name: string): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    'INSERT INTO accounts (name) VALUES ($1) RETURNING id',
    [name],
  );
  const id = row!.id;
  await em.query('INSERT INTO account_event_heads (account_id) VALUES ($1)', [id]);
  await em.query(`CREATE SEQUENCE ${conversationNumberSequence(id)} START 1001`);
  return id;
}

export async function createOperator(
  em: EntityManager,
  accountId: string,
  op: { email: string; name: string; password: string; role: OperatorRole; timezone?: string },
): Promise<string> {
  const hash = await argon2.hash(op.password, { type: argon2.argon2id });
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO operators (account_id, email, name, password_hash, role, timezone)
     VALUES ($1, lower($2), $3, $4, $5, $6) RETURNING id`,
    [accountId, op.email, op.name, hash, op.role, op.timezone ?? 'UTC'],
  );
  return row!.id;
}
