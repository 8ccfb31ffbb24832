import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException } from '../http/app.exception';
import { BoundedConcurrency, ConcurrencyLimitReached } from './bounded-concurrency';
import { passwordHashOptions, type PasswordHashOptions } from './password-hash-options';

/**
 * argon2 with a bound: each hash takes tens of megabytes and most of a core, so a sign-in flood
 * may occupy only PASSWORD_HASH_CONCURRENCY of them; PASSWORD_HASH_QUEUE more wait, the rest get a
 * 503 with Retry-After at once. Everything else the server does keeps its CPU.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly bound: BoundedConcurrency;
  /** Verified when the email is unknown, so response time does not reveal which emails exist. */
  private dummyHash: Promise<string> | null = null;
  private readonly options: PasswordHashOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = passwordHashOptions(config);
    this.bound = new BoundedConcurrency(
      config.PASSWORD_HASH_CONCURRENCY,
      config.PASSWORD_HASH_QUEUE,
    );
  }

  /** Ready before the first sign-in, so a burst of them never waits for it. */
  onModuleInit(): void {
    this.dummy().catch(() => undefined);
  }

  /** Whether `password` matches `hash`; with no hash (unknown email) as slow as a real check. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    const against = hash ?? (await this.dummy());
    return this.bounded(() => argon2.verify(against, password).catch(() => false));
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => argon2.hash(password, this.options));
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash('not-a-real-password').catch((err: unknown) => {
      this.dummyHash = null;
      throw err;
    });
    return this.dummyHash;
  }

  private async bounded<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.bound.run(task);
    } catch (err) {
      if (err instanceof ConcurrencyLimitReached)
        throw new AppException('OVERLOADED', 'Too many sign-ins at once; retry in a moment');
      throw err;
    }
  }
}
