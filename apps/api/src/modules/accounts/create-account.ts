import type { OperatorRole } from '@switchboard/contracts';
import * as argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_PASSWORD_HASH_OPTIONS,
  type PasswordHashOptions,
} from '../../core/auth/password-hash-options';
import { AccountsRepository } from './accounts.repository';

// Stateless: a repository whose methods all take the caller's EntityManager.
const accounts = new AccountsRepository();

/** A tenant with its counters. Used by first start, the seed and the tests. */
export function createAccount(em: EntityManager, name: string): Promise<string> {
  return accounts.create(em, name);
}

export async function createOperator(
  em: EntityManager,
  accountId: string,
  op: { email: string; name: string; password: string; role: OperatorRole; timezone?: string },
  hashOptions: PasswordHashOptions = DEFAULT_PASSWORD_HASH_OPTIONS,
): Promise<string> {
  const passwordHash = await argon2.hash(op.password, hashOptions);
  return accounts.insertOperator(em, {
    accountId,
    email: op.email,
    name: op.name,
    passwordHash,
    role: op.role,
    timezone: op.timezone ?? 'UTC',
  });
}
