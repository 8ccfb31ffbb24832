import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Switchboard reads, with defaults. Documented in .env.example. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().optional(),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    /** Webhooks and widget messages being ingested at once (default: 4 × the pool). */
    INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).optional(),
    /** Ingests waiting for a slot (default: 8 × the concurrency); more get 503 + Retry-After. */
    INGEST_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
    /** An ingest that would wait longer than this for a slot gets 503 + Retry-After at once. */
    INGEST_MAX_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(250),
    /** Encrypts channel secrets at rest and signs tokens. 32+ characters. */
    APP_SECRET: z.string().min(32, 'must be at least 32 characters'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    SEED_DEMO: bool.default(true),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .default(24 * 30),
    /** Failed sign-ins allowed per account (email) before each further one waits 1 s, 2 s, 4 s … */
    LOGIN_FREE_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    /** The same per IP (an IPv6 caller by its /64): higher, an office shares one address. */
    LOGIN_FREE_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(10_000).default(20),
    /** The longest wait a run of failures can earn. */
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** Password hashes computed at once (argon2 is CPU- and memory-heavy); more wait in a queue. */
    PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    /** Sign-ins waiting for a hash slot; beyond this they get 503 with Retry-After at once. */
    PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
    /** argon2id's memory per hash in KiB (argon2's default, 64 MiB); the test suite lowers it. */
    PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).max(4_194_304).default(65_536),
    /** argon2id's passes over that memory. */
    PASSWORD_HASH_TIME_COST: z.coerce.number().int().min(1).max(20).default(3),
    /** argon2id's lanes (threads) per hash. */
    PASSWORD_HASH_PARALLELISM: z.coerce.number().int().min(1).max(16).default(4),
    /** How often each instance re-checks the sessions behind its live sockets (expiry, revocation). */
    SESSION_CHECK_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    /** Lifetime of a signed download link (`/api/files/:id/:name?expires=…&signature=…`). */
    FILE_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(604_800).default(900),
    SNOOZE_POLL_MS: z.coerce.number().int().min(50).max(10_000).default(500),
    /** Undo send: how long a reply waits before it leaves, for operators who have not chosen (0: at once). */
    UNDO_SEND_DEFAULT_SECONDS: z.coerce.number().int().min(0).max(30).default(5),
    /** How often held replies whose Undo window closed are looked for (a partial index: cheap). */
    UNDO_SEND_POLL_MS: z.coerce.number().int().min(50).max(5_000).default(250),
    EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    QUEUE_ENABLED: bool.default(true),
    /**
     * How often the queue looks for jobs whose process died mid-run (and runs them again); pg-boss's
     * own default. Lower only where restarts are frequent and the extra queries are cheap (tests).
     */
    QUEUE_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
    /**
     * How long one outbound send may take before it is given up as "delivery uncertain" (the channel
     * may still have it). The attempt's lease and the queue's job expiry are derived from it.
     */
    OUTBOUND_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().min(500).max(3_600_000).default(300_000),
    /** Conversations deleted per transaction when an inbox is removed with its history. */
    INBOX_PURGE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
    /**
     * How long after an inbox's removal its history is deleted: the other instances' cached view of
     * the inbox (5 s) must have expired, so no webhook still being answered adds to it afterwards.
     */
    INBOX_PURGE_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(6_000),
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    STORAGE_DIR: z.string().default('.data/files'),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ENDPOINT: z.string().url().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(25 * 1024 * 1024),
    /** Fallback mail transport (web chat follow-ups) when the account has no email inbox. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    /** Public web chat widget limits, per visitor and per IP network (IPv6 by /64). */
    WIDGET_MESSAGES_PER_MINUTE_PER_VISITOR: z.coerce.number().int().min(1).default(20),
    WIDGET_MESSAGES_PER_MINUTE_PER_IP: z.coerce.number().int().min(1).default(60),
    WIDGET_UPLOADS_PER_DAY_PER_VISITOR: z.coerce.number().int().min(0).default(50),
    WIDGET_UPLOADS_PER_DAY_PER_IP: z.coerce.number().int().min(0).default(200),
    WIDGET_UPLOAD_BYTES_PER_DAY_PER_VISITOR: z.coerce
      .number()
      .int()
      .min(0)
      .default(100 * 1024 * 1024),
    WIDGET_UPLOAD_BYTES_PER_DAY_PER_IP: z.coerce
      .number()
      .int()
      .min(0)
      .default(500 * 1024 * 1024),
    WIDGET_SOCKETS_PER_VISITOR: z.coerce.number().int().min(1).default(10),
    WIDGET_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(50),
    INBOX_DIST_DIR: z.string().optional(),
    WIDGET_DIST_DIR: z.string().optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    /** Time one email may take to parse (in a worker thread) before it is stored as plain text. */
    EMAIL_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** Worker threads that parse email, started when mail arrives. */
    EMAIL_PARSE_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
    /**
     * Let inboxes connect to loopback, private and link-local addresses (an outbound URL, a mail
     * server). Off in production: an admin could otherwise reach the server's own network.
     */
    ALLOW_PRIVATE_NETWORK_TARGETS: bool.default(false),
    /** Where the Telegram Bot API is (a local Bot API server, or the test fake). */
    TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
    /**
     * How Telegram bots get their updates: `webhook` (needs a public https PUBLIC_URL), `polling`
     * (getUpdates, for a laptop), or `auto`: webhook when PUBLIC_URL is https, polling otherwise.
     */
    TELEGRAM_DELIVERY: z.enum(['auto', 'webhook', 'polling']).default('auto'),
    /** How long one getUpdates long poll waits for updates. */
    TELEGRAM_POLL_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(50).default(25),
    /**
     * "Connect Google" for email inboxes (Gmail, Google Workspace): an OAuth client of type "Web
     * application" whose redirect URI is PUBLIC_URL + /oauth/email/callback. Unset: no button.
     */
    GOOGLE_OAUTH_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
    /** Google's endpoints; tests point them at a fake authorization server. */
    GOOGLE_OAUTH_AUTHORIZE_URL: z
      .string()
      .url()
      .default('https://accounts.google.com/o/oauth2/v2/auth'),
    GOOGLE_OAUTH_TOKEN_URL: z.string().url().default('https://oauth2.googleapis.com/token'),
    /** "Connect Microsoft" (Microsoft 365, Outlook.com): an Entra ID app registration, same redirect URI. */
    MICROSOFT_OAUTH_CLIENT_ID: z.string().min(1).optional(),
    MICROSOFT_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
    /** `common` (any account), `organizations`, or one tenant's id or domain. */
    MICROSOFT_OAUTH_TENANT: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,64}$/, 'must be common, organizations or a tenant id or domain')
      .default('common'),
    /** Microsoft identity platform's host; tests point it at a fake authorization server. */
    MICROSOFT_OAUTH_AUTHORITY: z.string().url().default('https://login.microsoftonline.com'),
    /** Send Twilio's REST, Content API and media requests here instead of Twilio (tests: a fake). */
    TWILIO_API_ORIGIN: z.string().url().optional(),
    /** How often an instance looks for polled bots it should (or may now) poll. */
    TELEGRAM_POLL_RESCAN_MS: z.coerce.number().int().min(100).default(5_000),
    /**
     * First retry delay of an outgoing webhook; later ones are 4, 20, 120 and 720 times it (30 s,
     * 2 min, 10 min, 1 h, 6 h by default), each with up to 20 % jitter. Tests shorten it.
     */
    OUTGOING_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  })
  .superRefine((c, ctx) => {
    for (const [id, secret] of [
      ['GOOGLE_OAUTH_CLIENT_ID', 'GOOGLE_OAUTH_CLIENT_SECRET'],
      ['MICROSOFT_OAUTH_CLIENT_ID', 'MICROSOFT_OAUTH_CLIENT_SECRET'],
    ] as const) {
      if (Boolean(c[id]) !== Boolean(c[secret]))
        ctx.addIssue({ code: 'custom', path: [secret], message: `is set together with ${id}` });
    }
    if (c.STORAGE_DRIVER === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!c[key])
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'is required when STORAGE_DRIVER=s3',
          });
      }
    }
  });

export type AppConfig = z.output<typeof configSchema> & { PUBLIC_URL: string };

/** Parses the environment; throws one readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`,
    );
    throw new ConfigError(
      `Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`,
    );
  }
  const c = result.data;
  return {
    ...c,
    PUBLIC_URL: c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
