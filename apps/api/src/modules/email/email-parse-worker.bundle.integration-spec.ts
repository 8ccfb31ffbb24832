import { join } from 'node:path';
import { emailSettingsSchema, readRawEmail, type ParseContext } from '@switchboard/channels-email';
import { EmailParserPool } from './email-parser-pool';
import { emailParseWorkerEntry } from './email-parse-worker-entry';
import { heavyMail } from './testing/heavy-mail';
import { sharedApiBundle } from '../../testing/shared-api-bundle';

// A webpack build of the API (shared with other suites), then real worker threads.
jest.setTimeout(240_000);

const ctx: ParseContext = {
  inboxId: 'inbox-1',
  settings: emailSettingsSchema.parse({
    fromAddress: 'support@example.test',
    imap: { host: '127.0.0.1', port: 143, security: 'none', user: 'support' },
    smtp: { host: '127.0.0.1', port: 25, security: 'none', user: 'support' },
  }),
};

/**
 * The bundled API (`dist/apps/api/main.js`) cannot load TypeScript: its worker must be an entry of
 * the webpack build, emitted beside main.js. This takes the API built with its own webpack config
 * into a scratch folder inside the workspace (so node_modules resolves as it does for dist/) and
 * runs the pool on the result, as the bundled server would.
 */
describe('email parse worker in the webpack build', () => {
  let outDir: string;
  let pool: EmailParserPool;

  beforeAll(async () => {
    outDir = await sharedApiBundle();
  });

  afterAll(async () => {
    await pool?.close();
  });

  it('is emitted beside the bundle, found there, and parses and keeps its budget', async () => {
    const entry = emailParseWorkerEntry(outDir);
    expect(entry).toEqual({ filename: join(outDir, 'email-parse.worker.js'), options: {} });
    pool = new EmailParserPool({ size: 1, timeoutMs: 250, entry });

    const raw = {
      source: Buffer.from(
        'From: Jane <jane@customer.example>\r\nTo: support@example.test\r\nSubject: Hi\r\n' +
          'Message-ID: <bundle@customer.example>\r\n\r\nHello from the bundle.\r\n',
      ),
      receivedAt: new Date('2024-05-01T10:00:00Z'),
    };
    expect(await pool.parse(raw, ctx)).toEqual({
      kind: 'parsed',
      ...(await readRawEmail(raw, ctx)),
    });
    expect(await pool.parse(heavyMail(), ctx)).toEqual({
      kind: 'unparsed',
      reason: 'parsing took longer than 250 ms',
    });
  });
});
