import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { passwordHashOptions } from '../../core/auth/password-hash-options';
import { createAccount, createOperator } from '../accounts/create-account';
import { DemoSeedService } from './demo-seed.service';
import { FirstStartRepository } from './first-start.repository';

export interface FirstStartResult {
  email: string;
  /**
   * Only when it was generated here. main.ts prints it once in its terminal banner; it never goes
   * through the logger, whose output ends up in log stores and support tickets.
   */
  generatedPassword: string | null;
}

/**
 * On an empty database: creates the first account and its admin (credentials from ADMIN_EMAIL /
 * ADMIN_PASSWORD or generated and printed once) and, unless SEED_DEMO=false, a demo inbox with a
 * few conversations. Guarded by an advisory lock so two instances starting together do it once.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');
  private result: FirstStartResult | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: DemoSeedService,
    private readonly firstStart: FirstStartRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.ds.transaction(async (em) => {
      await this.firstStart.lock(em);
      if (await this.firstStart.hasAnyAccount(em)) return null;
      const accountId = await createAccount(em, 'Switchboard');
      const email = this.config.ADMIN_EMAIL ?? 'admin@switchboard.local';
      const generatedPassword = this.config.ADMIN_PASSWORD
        ? null
        : randomBytes(12).toString('base64url');
      await createOperator(
        em,
        accountId,
        {
          email,
          name: 'Admin',
          password: this.config.ADMIN_PASSWORD ?? (generatedPassword as string),
          role: 'admin',
        },
        passwordHashOptions(this.config),
      );
      return { accountId, email, generatedPassword };
    });
    if (!created) return;
    this.result = { email: created.email, generatedPassword: created.generatedPassword };
    if (created.generatedPassword) {
      this.logger.warn(
        `First start: created admin ${created.email} with a generated password, printed once on the terminal (set ADMIN_PASSWORD to choose it)`,
      );
    } else {
      this.logger.log(`First start: created admin ${created.email}`);
    }
    if (this.config.SEED_DEMO) await this.demo.seed(created.accountId);
  }

  /** What first start created, once: the generated password is not kept after it was shown. */
  takeResult(): FirstStartResult | null {
    const result = this.result;
    this.result = null;
    return result;
  }
}
