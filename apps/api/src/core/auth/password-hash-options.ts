import * as argon2 from 'argon2';
import type { AppConfig } from '../config/app-config';

export type PasswordHashOptions = argon2.HashOptions & { raw?: false };

/**
 * argon2id with the configured cost (production: argon2's own 64 MiB, 3 passes, 4 lanes). A hash
 * records its parameters, so lowering them (the test suite does, where hundreds of sign-ins would
 * otherwise spend minutes of CPU) never stops an existing hash from verifying.
 */
export function passwordHashOptions(
  config: Pick<
    AppConfig,
    'PASSWORD_HASH_MEMORY_KIB' | 'PASSWORD_HASH_TIME_COST' | 'PASSWORD_HASH_PARALLELISM'
  >,
): PasswordHashOptions {
  return {
    type: argon2.argon2id,
    memoryCost: config.PASSWORD_HASH_MEMORY_KIB,
    timeCost: config.PASSWORD_HASH_TIME_COST,
    parallelism: config.PASSWORD_HASH_PARALLELISM,
  };
}

/** The production cost, for code that hashes outside the app (tests creating operators). */
export const DEFAULT_PASSWORD_HASH_OPTIONS: PasswordHashOptions = { type: argon2.argon2id };
