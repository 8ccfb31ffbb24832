import { fixture, fixtureNames, testSettings } from '../testing-fixtures';
import { parseRawEmail } from './email-parser';

const ctx = { inboxId: 'inbox-1', settings: testSettings() };

describe('auto-reply corpus (RFC 3834)', () => {
  const corpus = fixtureNames('auto-reply').filter((name) => !name.startsWith('human-'));

  it('has a corpus to test', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
  });

  it.each(corpus)('%s is stored but flagged automated', async (name) => {
    const [event] = await parseRawEmail({ source: fixture(`auto-reply/${name}`) }, ctx);
    expect(event.type).toBe('message');
    expect(event.type === 'message' && event.automated).toBe(true);
  });

  it('a human message with Auto-Submitted: no is not automated', async () => {
    const [event] = await parseRawEmail(
      { source: fixture('auto-reply/human-auto-submitted-no.eml') },
      ctx,
    );
    expect(event.type === 'message' && event.automated).toBe(false);
  });

  it.each(['inbound/plain-reply.eml', 'inbound/new-message.eml', 'inbound/cyrillic-koi8r.eml'])(
    '%s from a person is not automated',
    async (path) => {
      const [event] = await parseRawEmail({ source: fixture(path) }, ctx);
      expect(event.type === 'message' && event.automated).toBe(false);
    },
  );
});
