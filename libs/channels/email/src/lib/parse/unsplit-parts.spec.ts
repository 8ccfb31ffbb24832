import { testSettings } from '../testing-fixtures';
import { readRawEmail } from './email-parser';
import { hasUnusedBoundary, UNSPLIT_PART_NOTE } from './unsplit-parts';

const ctx = { inboxId: 'inbox-1', settings: testSettings() };

const mail = (contentType: string, body: string[]) =>
  Buffer.from(
    [
      'From: Ivan <ivan@customer.example>',
      'To: support@support.example.test',
      'Subject: Broken inside',
      'Message-ID: <broken-inside@customer.example>',
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      '',
      ...body,
      '',
    ].join('\r\n'),
  );

/** A sound outer multipart whose second part declares a boundary its lines never use. */
const brokenInside = (second: string[]) =>
  mail('multipart/mixed; boundary="outer"', [
    '--outer',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'First part: the order number is 77.',
    '--outer',
    'Content-Type: multipart/alternative; boundary="declared"',
    '',
    '--used-instead',
    ...second,
    '--used-instead--',
    '--outer--',
  ]);

describe('a part whose boundary is unused, inside a mail that is otherwise sound', () => {
  it('keeps the words of both parts, once each, and says so', async () => {
    const reading = await readRawEmail(
      {
        source: brokenInside([
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Second part: Заказ 77 не пришёл.',
        ]),
      },
      ctx,
    );
    const [event] = reading.events;
    if (event?.type !== 'message') throw new Error('expected a message');
    expect(event.text).toContain('First part: the order number is 77.');
    expect(event.text).toContain('Second part: Заказ 77 не пришёл.');
    expect(event.text?.split('First part').length).toBe(2);
    expect(event.text).toContain(UNSPLIT_PART_NOTE);
    expect(event.text).not.toContain('Content-Type');
    expect(event.html).toContain('Second part: Заказ 77 не пришёл.');
    expect(reading.notes).toEqual([
      {
        action: 'simplified',
        reason:
          'Part of its MIME structure is broken: that part’s text was read from the raw message',
      },
    ]);
  });

  it('shows the lost part beside the HTML the operator reads', async () => {
    const source = mail('multipart/mixed; boundary="outer"', [
      '--outer',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>First part in <b>HTML</b>.</p>',
      '--outer',
      'Content-Type: multipart/related; boundary="declared"',
      '',
      '--used-instead',
      'Content-Type: text/plain',
      '',
      'Words only the broken part holds',
      '--used-instead--',
      '--outer--',
    ]);
    const [event] = (await readRawEmail({ source }, ctx)).events;
    if (event?.type !== 'message') throw new Error('expected a message');
    expect(event.html).toContain('<b>HTML</b>');
    expect(event.html).toContain('Words only the broken part holds');
    // The HTML part's own words are not repeated from the raw source.
    expect(event.html).not.toContain('&lt;p&gt;');
  });

  it('adds nothing to a sound mail', async () => {
    const source = mail('multipart/mixed; boundary="outer"', [
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'Hello there',
      '--inner',
      'Content-Type: text/html',
      '',
      '<p>Hello there</p>',
      '--inner--  ',
      '--outer--',
    ]);
    expect(hasUnusedBoundary(source)).toBe(false);
    const reading = await readRawEmail({ source }, ctx);
    const [event] = reading.events;
    if (event?.type !== 'message') throw new Error('expected a message');
    expect(event.text).toBe('Hello there');
    expect(reading.notes).toEqual([]);
  });

  it('finds an unused boundary in linear time on hostile input', () => {
    const hostile = Buffer.from(`${'boundary='.repeat(100_000)}${'--x\n'.repeat(200_000)}`);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    expect(hasUnusedBoundary(hostile)).toBe(true);
    // Linear: well under a second for 1.7 MB even on a loaded machine.
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2_000);
  });
});
