import { ChannelInputError, type InboundMessageEvent } from '@switchboard/channels-core';
import { FIXTURE_CONVERSATION_ID, fixture, testSettings } from '../testing-fixtures';
import { encodeConversationToken } from '../shared/reply-token';
import { parseRawEmail, INBOX_HEADER } from './email-parser';
import { parseEmailAsPlainText } from './plain-text-fallback';

const ctx = { inboxId: 'inbox-1', settings: testSettings() };
const NOTE = '[Shown as plain text.]';
const source = (lines: string[]) => Buffer.from([...lines, ''].join('\r\n'), 'latin1');
const only = (events: ReturnType<typeof parseEmailAsPlainText>): InboundMessageEvent => {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event.type !== 'message') throw new Error(`expected a message, got ${event.type}`);
  return event;
};

describe('parseEmailAsPlainText: the bounded reader for mail whose full parse ran out of time', () => {
  it('keeps sender, subject, threading and the words of the text part, with the note on top', () => {
    const event = only(
      parseEmailAsPlainText(
        {
          source: source([
            'From: =?utf-8?B?SsO8cmdlbiBNw7xsbGVy?= <Juergen@Customer.Example>',
            'To: support@support.example.test',
            `Subject: =?utf-8?Q?Re:_R=C3=BCckfrage?= [SB-${encodeConversationToken(FIXTURE_CONVERSATION_ID)}]`,
            'Message-ID: <m-1@customer.example>',
            'In-Reply-To: <prev@support.example.test>',
            'References: <root@support.example.test>',
            '\t<prev@support.example.test>',
            'Date: Wed, 01 May 2024 10:00:00 +0000',
            'MIME-Version: 1.0',
            'Content-Type: multipart/mixed; boundary="outer"',
            '',
            '--outer',
            'Content-Type: multipart/alternative; boundary=inner',
            '',
            '--inner',
            'Content-Type: text/plain; charset=utf-8',
            'Content-Transfer-Encoding: base64',
            '',
            Buffer.from('Grüße, das ist der Text.\r\nZeile zwei.').toString('base64'),
            '--inner',
            'Content-Type: text/html',
            '',
            '<p>HTML version</p>',
            '--inner--',
            '--outer',
            'Content-Type: application/pdf; name=a.pdf',
            'Content-Disposition: attachment; filename=a.pdf',
            '',
            'JVBERi0=',
            '--outer--',
          ]),
        },
        ctx,
        NOTE,
      ),
    );
    expect(event).toEqual({
      type: 'message',
      externalId: '<m-1@customer.example>',
      sender: {
        externalId: 'juergen@customer.example',
        email: 'juergen@customer.example',
        name: 'Jürgen Müller',
      },
      text: `${NOTE}\n\nGrüße, das ist der Text.\nZeile zwei.`,
      html: null,
      subject: 'Re: Rückfrage',
      attachments: [],
      thread: {
        references: ['<prev@support.example.test>', '<root@support.example.test>'],
        conversationToken: FIXTURE_CONVERSATION_ID,
      },
      sentAt: new Date('2024-05-01T10:00:00Z'),
      automated: false,
    });
  });

  it('decodes quoted-printable and legacy charsets, and reads HTML-only mail as text', () => {
    const qp = only(
      parseEmailAsPlainText(
        {
          source: source([
            'From: a@customer.example',
            'Content-Type: text/plain; charset=windows-1252',
            'Content-Transfer-Encoding: quoted-printable',
            '',
            'Caf=E9 au lait, long line =',
            'continued.',
          ]),
        },
        ctx,
        NOTE,
      ),
    );
    expect(qp.text).toBe(`${NOTE}\n\nCafé au lait, long line continued.`);

    const html = only(
      parseEmailAsPlainText(
        {
          source: source([
            'From: a@customer.example',
            'Content-Type: text/html; charset=utf-8',
            '',
            '<style>p{color:red}</style><p>Hello <b>there</b></p><p>Bye</p>',
          ]),
        },
        ctx,
        NOTE,
      ),
    );
    expect(html.text).toBe(`${NOTE}\n\nHello there\nBye`);
  });

  it('uses the Message-ID and thread hints the full parse would use, so dedupe still holds', async () => {
    for (const name of [
      'inbound/plain-reply.eml',
      'inbound/outlook-reply.eml',
      'malformed/missing-message-id.eml',
    ]) {
      const raw = { source: fixture(name) };
      const [full] = await parseRawEmail(raw, ctx);
      const plain = only(parseEmailAsPlainText(raw, ctx, NOTE));
      if (full.type !== 'message') throw new Error(name);
      expect({
        id: plain.externalId,
        from: plain.sender.externalId,
        thread: plain.thread?.conversationToken,
      }).toEqual({
        id: full.externalId,
        from: full.sender.externalId,
        thread: full.thread?.conversationToken,
      });
    }
  });

  it('skips our own mail coming back, refuses mail with no sender, flags automatic mail', () => {
    expect(
      parseEmailAsPlainText(
        {
          source: source([
            'From: support@support.example.test',
            `${INBOX_HEADER}: inbox-1`,
            '',
            'x',
          ]),
        },
        ctx,
        NOTE,
      ),
    ).toEqual([]);
    expect(() =>
      parseEmailAsPlainText({ source: source(['Subject: nobody', '', 'x']) }, ctx, NOTE),
    ).toThrow(ChannelInputError);
    const auto = only(
      parseEmailAsPlainText(
        {
          source: source(['From: a@customer.example', 'Auto-Submitted: auto-replied', '', 'Away']),
        },
        ctx,
        NOTE,
      ),
    );
    expect(auto.automated).toBe(true);
  });

  it('keeps at most 100 000 characters of text', () => {
    const event = only(
      parseEmailAsPlainText(
        { source: source(['From: a@customer.example', '', 'word '.repeat(50_000)]) },
        ctx,
        NOTE,
      ),
    );
    expect(event.text?.length).toBeLessThanOrEqual(NOTE.length + 2 + 100_000);
  });
});
