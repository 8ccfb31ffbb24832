import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { emailSettingsSchema, type EmailSettings } from './email-settings.schema';

/** Test helpers for the recorded .eml fixtures beside the code. */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, path));
}

export function fixtureNames(dir: string): string[] {
  return readdirSync(join(FIXTURES_DIR, dir)).filter((f) => f.endsWith('.eml'));
}

/** The conversation named by the Message-ID and subject token used in the fixtures. */
export const FIXTURE_CONVERSATION_ID = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
export const FIXTURE_OUR_MESSAGE_ID = `<conv-${FIXTURE_CONVERSATION_ID}.msg-0001@support.example.test>`;

export function testSettings(overrides: Partial<EmailSettings> = {}): EmailSettings {
  return {
    ...emailSettingsSchema.parse({
      fromAddress: 'support@support.example.test',
      fromName: 'Acme Support',
      imap: { host: '127.0.0.1', port: 143, security: 'none', user: 'support' },
      smtp: { host: '127.0.0.1', port: 25, security: 'none', user: 'support' },
    }),
    ...overrides,
  };
}
