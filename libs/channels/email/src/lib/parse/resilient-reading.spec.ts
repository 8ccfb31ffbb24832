import { ChannelInputError, type InboundEvent } from '@switchboard/channels-core';
import { testSettings } from '../testing-fixtures';
import { readRawEmail } from './email-parser';
import { MalformedMimeError } from './malformed-mime-error';
import { parseEmailAsPlainText } from './plain-text-fallback';
import { readEmailKeepingText } from './resilient-reading';

const ctx = { inboxId: 'inbox-1', settings: testSettings() };
const CRLF = '\r\n';

function mail(extraHeaders: string[], body: string[]): Buffer {
  return Buffer.from(
    [
      'From: Mallory <mallory@attacker.example>',
      'To: support@support.example.test',
      'Subject: Hostile',
      'Message-ID: <hostile@attacker.example>',
      ...extraHeaders,
      'MIME-Version: 1.0',
      ...body,
      '',
    ].join(CRLF),
    'latin1',
  );
}

/** multipart/mixed inside multipart/mixed, `levels` deep, `text` at the bottom. */
function nested(levels: number, text: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < levels; i++)
    lines.push(`Content-Type: multipart/mixed; boundary="n${i}"`, '', `--n${i}`);
  lines.push('Content-Type: text/plain; charset=utf-8', '', text);
  for (let i = levels - 1; i >= 0; i--) lines.push(`--n${i}--`, '');
  return lines;
}

function textOf(events: InboundEvent[]): string {
  const [event] = events;
  if (event?.type !== 'message') throw new Error('expected a message');
  return event.text ?? '';
}

describe('readEmailKeepingText: mail past the full parser’s limits keeps its words', () => {
  const cases: Array<[string, Buffer, string]> = [
    ['a tree nested 1500 deep', mail([], nested(1500, 'Deep words')), 'Deep words'],
    [
      '5000 parts',
      mail(
        [],
        [
          'Content-Type: multipart/mixed; boundary="p"',
          '',
          '--p',
          'Content-Type: text/plain',
          '',
          'First of many',
          ...Array.from({ length: 4999 }, (_, i) => [
            '--p',
            'Content-Type: application/octet-stream',
            'Content-Disposition: attachment; filename="f.bin"',
            '',
            `part ${i}`,
          ]).flat(),
          '--p--',
        ],
      ),
      'First of many',
    ],
    [
      'a 10 MB header block',
      mail(new Array<string>(105_000).fill(`X-Filler: ${'h'.repeat(88)}`), [
        'Content-Type: text/plain',
        '',
        'Under the headers',
      ]),
      'Under the headers',
    ],
    [
      'a 1 MB header line',
      mail(
        [`X-Long: ${'word '.repeat(210_000)}`],
        ['Content-Type: text/plain', '', 'Under the line'],
      ),
      'Under the line',
    ],
    [
      'a long line before the Content-Type of a deep tree',
      mail([`X-Long: ${'x'.repeat(512 * 1024)}`], nested(1200, 'Worst of all')),
      'Worst of all',
    ],
  ];

  it.each(cases)(
    '%s: plain text with the note, and a `simplified` line saying why',
    async (_name, source, words) => {
      await expect(readRawEmail({ source }, ctx)).rejects.toBeInstanceOf(MalformedMimeError);
      const reading = await readEmailKeepingText({ source }, ctx);
      const text = textOf(reading.events);
      expect(text).toContain(words);
      expect(text).toMatch(/^\[Switchboard could not fully read this email \(its MIME structure/);
      expect(text).not.toContain('Content-Type');
      expect(reading.notes).toEqual([
        { action: 'simplified', reason: expect.stringContaining('MIME structure is beyond') },
      ]);
      const [event] = reading.events;
      expect(event).toMatchObject({
        externalId: '<hostile@attacker.example>',
        sender: { externalId: 'mallory@attacker.example' },
        subject: 'Hostile',
        html: null,
        attachments: [],
      });
    },
  );

  it('still refuses what is not a customer’s mail at all (no sender)', async () => {
    const source = Buffer.from(['Subject: nobody', ...nested(1500, 'words')].join(CRLF), 'latin1');
    await expect(readEmailKeepingText({ source }, ctx)).rejects.toBeInstanceOf(ChannelInputError);
  });

  it('the plain-text reader finds the fields it needs among thousands of others, in bounded time', () => {
    const source = mail(
      Array.from({ length: 15_000 }, (_, i) => `X-Field-${i}: v`),
      ['Content-Type: text/plain; charset=iso-8859-1', '', 'Gr\xfc\xdfe'],
    );
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    const text = textOf(parseEmailAsPlainText({ source }, ctx, '[note]'));
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(200);
    // The charset past 15 000 other fields was still read: ISO-8859-1, not UTF-8.
    expect(text).toBe('[note]\n\nGrüße');
  });
});
