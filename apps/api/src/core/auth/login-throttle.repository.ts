import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LoginThrottleEntity, type LoginThrottleScope } from './entities/login-throttle.entity';

export interface ThrottleKey {
  scope: LoginThrottleScope;
  subject: string;
}

/** How failures turn into waiting time; the delay doubles per failure beyond `freeAttempts`. */
export interface ThrottlePolicy {
  freeAttempts: number;
  maxDelaySeconds: number;
  /** A run of failures is forgotten after this long without one. */
  forgetAfterSeconds: number;
}

/** Failed sign-ins (`login_throttles`), counted by the database's clock so instances agree. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Seconds until the longest of these keys' blocks ends; 0 when none is blocked. */
  async secondsBlocked(keys: ThrottleKey[]): Promise<number> {
    const q = this.ds
      .createQueryBuilder(LoginThrottleEntity, 't')
      .select('ceil(extract(epoch from max(t.blocked_until) - now()))::int', 'wait')
      .where('t.blocked_until > now()');
    q.andWhere(
      keys.map((_, i) => `(t.scope = :scope${i} AND t.subject = :subject${i})`).join(' OR ') ||
        'false',
      Object.fromEntries(
        keys.flatMap((k, i) => [
          [`scope${i}`, k.scope],
          [`subject${i}`, k.subject],
        ]),
      ),
    );
    const row = await q.getRawOne<{ wait: number | null }>();
    return Math.max(0, row?.wait ?? 0);
  }

  /**
   * One more failure for the key, atomically (concurrent failures each count): the run restarts
   * after a quiet spell; past the free attempts the key is blocked for 1 s, 2 s, 4 s … up to the cap.
   */
  async recordFailure(key: ThrottleKey, policy: ThrottlePolicy): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(LoginThrottleEntity)
      .values({ scope: key.scope, subject: key.subject, failures: 0 })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const failures =
      '(CASE WHEN last_failure_at > now() - make_interval(secs => :forget) THEN failures + 1 ELSE 1 END)';
    await this.ds
      .createQueryBuilder()
      .update(LoginThrottleEntity)
      .set({
        failures: () => failures,
        lastFailureAt: () => 'now()',
        blockedUntil: () =>
          `CASE WHEN ${failures} >= :free::int THEN now() + make_interval(secs => ` +
          `least(:cap::int, power(2, least(${failures} - :free::int, 30)))) END`,
      })
      .where('scope = :scope AND subject = :subject', key)
      .setParameters({
        forget: policy.forgetAfterSeconds,
        free: policy.freeAttempts,
        cap: policy.maxDelaySeconds,
      })
      .updateEntity(false)
      .execute();
  }

  async clear(key: ThrottleKey): Promise<void> {
    await this.ds.getRepository(LoginThrottleEntity).delete(key);
  }

  /** Forgets keys that have been quiet (and unblocked) for `seconds`. */
  async pruneQuiet(seconds: number): Promise<number> {
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(LoginThrottleEntity)
      .where('last_failure_at < now() - make_interval(secs => :seconds)', { seconds })
      .andWhere('(blocked_until IS NULL OR blocked_until < now())')
      .execute();
    return result.affected ?? 0;
  }
}
