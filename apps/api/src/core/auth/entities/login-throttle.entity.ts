import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a sign-in throttle counts failures against: the email typed, or the caller's network. */
export const LOGIN_THROTTLE_SCOPES = ['account', 'ip'] as const;
export type LoginThrottleScope = (typeof LOGIN_THROTTLE_SCOPES)[number];

/**
 * Failed sign-ins per account (the email as typed, lower-cased, whether or not it exists) and per
 * IP (an IPv6 caller by its /64). In PostgreSQL, so every instance enforces the same delays.
 */
@Entity('login_throttles')
@Check('login_throttles_scope_check', `scope IN ('account', 'ip')`)
@Index('login_throttles_last_failure_at_idx', ['lastFailureAt'])
export class LoginThrottleEntity {
  @PrimaryColumn('text')
  scope!: LoginThrottleScope;

  @PrimaryColumn('text')
  subject!: string;

  /** Failures in a row: a success resets an account's, quiet time forgets both. */
  @Column('integer', { default: 0 })
  failures!: number;

  @Column('timestamptz', { default: () => 'now()' })
  lastFailureAt!: Date;

  /** No attempt is checked before this time; null while under the free attempts. */
  @Column('timestamptz', { nullable: true })
  blockedUntil!: Date | null;
}
