import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { clientNetwork } from './client-network';
import { LoginThrottleRepository, type ThrottleKey } from './login-throttle.repository';
import { SignInThrottledException } from './sign-in-throttled.exception';

/** A run of failures is forgotten after an hour without one. */
const FORGET_AFTER_SECONDS = 3_600;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Slows password guessing down per account (the email typed) and per network (IP, IPv6 /64):
 * after the free attempts each failure doubles the wait before the next attempt is even checked.
 * A blocked attempt is refused before any password hashing, so it costs almost nothing.
 */
@Injectable()
export class LoginThrottleService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottleService.name);
  private pruner: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: LoginThrottleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.pruner = setInterval(() => {
      this.repo
        .pruneQuiet(FORGET_AFTER_SECONDS)
        .catch((err: Error) => this.logger.warn(`Pruning sign-in throttles: ${err.message}`));
    }, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  onApplicationShutdown(): void {
    if (this.pruner) clearInterval(this.pruner);
  }

  /** Throws SignInThrottledException (429 + Retry-After) while either key is blocked. */
  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    const wait = await this.repo.secondsBlocked(keysFor(email, ip));
    if (wait > 0) throw new SignInThrottledException(wait);
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const [account, network] = keysFor(email, ip);
    await this.repo.recordFailure(account, {
      freeAttempts: this.config.LOGIN_FREE_ATTEMPTS_PER_ACCOUNT,
      maxDelaySeconds: this.config.LOGIN_MAX_DELAY_SECONDS,
      forgetAfterSeconds: FORGET_AFTER_SECONDS,
    });
    await this.repo.recordFailure(network, {
      freeAttempts: this.config.LOGIN_FREE_ATTEMPTS_PER_IP,
      maxDelaySeconds: this.config.LOGIN_MAX_DELAY_SECONDS,
      forgetAfterSeconds: FORGET_AFTER_SECONDS,
    });
  }

  /**
   * A success clears the account's run. The network's stays: otherwise one valid account would
   * let an attacker reset the counter of the address they guess other accounts from.
   */
  async recordSuccess(email: string): Promise<void> {
    await this.repo.clear(accountKey(email));
  }
}

function accountKey(email: string): ThrottleKey {
  return { scope: 'account', subject: email.trim().toLowerCase() };
}

function keysFor(email: string, ip: string | undefined): [ThrottleKey, ThrottleKey] {
  return [accountKey(email), { scope: 'ip', subject: clientNetwork(ip) }];
}
