import type { AppConfig } from './config.schema';

/** DI token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export type { AppConfig };
