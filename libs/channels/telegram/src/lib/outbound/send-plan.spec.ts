import type { OutboundAttachment, OutboundMessage } from '@switchboard/channels-core';
import { planSend } from './send-plan';
import { replyTarget } from './telegram-sender';

function file(contentType: string, size = 1000): OutboundAttachment {
  return {
    filename: `f.${contentType.split('/')[1]}`,
    contentType,
    size,
    read: async () => Buffer.alloc(size),
    signedUrl: () => 'https://switchboard.test/api/files/f/signed',
  };
}

function message(text: string, attachments: OutboundAttachment[] = []): OutboundMessage {
  return {
    idempotencyKey: 'k',
    conversation: { id: 'c', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: '42', name: null, email: null, phone: null },
    sender: { name: 'Op' },
    text,
    html: null,
    attachments,
  };
}

describe('planSend', () => {
  it('sends a short text as one formatted message', () => {
    expect(planSend(message('**hi** <there>'))).toEqual([
      { kind: 'text', html: '<b>hi</b> &lt;there&gt;' },
    ]);
  });

  it('captions a single file with a short text', () => {
    const photo = file('image/png');
    expect(planSend(message('look', [photo]))).toEqual([
      { kind: 'file', attachment: photo, asPhoto: true, captionHtml: 'look' },
    ]);
  });

  it('sends the text first when it is too long for a caption, or there are several files', () => {
    const pdf = file('application/pdf');
    const long = 'x'.repeat(1100);
    expect(planSend(message(long, [pdf])).map((s) => s.kind)).toEqual(['text', 'file']);
    const steps = planSend(message('two files', [pdf, file('image/jpeg')]));
    expect(steps.map((s) => s.kind)).toEqual(['text', 'file', 'file']);
    expect(steps.filter((s) => s.kind === 'file').map((s) => s.captionHtml)).toEqual([null, null]);
  });

  it('sends large or non-photo images as documents', () => {
    const [big] = planSend(message('', [file('image/jpeg', 11 * 1024 * 1024)]));
    const [gif] = planSend(message('', [file('image/gif')]));
    expect(big).toMatchObject({ kind: 'file', asPhoto: false, captionHtml: null });
    expect(gif).toMatchObject({ kind: 'file', asPhoto: false });
  });

  it('splits a long text into ordered parts', () => {
    const steps = planSend(message(`${'a'.repeat(3000)}\n\n${'b'.repeat(3000)}`));
    expect(steps).toHaveLength(2);
  });
});

describe('replyTarget', () => {
  it('answers a message of the same chat only', () => {
    expect(replyTarget('42:17', 42)).toBe(17);
    expect(replyTarget('-100:17', -100)).toBe(17);
    expect(replyTarget('43:17', 42)).toBeNull();
    expect(replyTarget('42:x', 42)).toBeNull();
    expect(replyTarget(undefined, 42)).toBeNull();
  });
});
