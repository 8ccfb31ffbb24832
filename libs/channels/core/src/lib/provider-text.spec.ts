import { providerTextExcerpt } from './provider-text';

describe('providerTextExcerpt', () => {
  it('turns an HTML error page into a short line of its words', () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center></body></html>`;
    expect(providerTextExcerpt(page)).toBe('502 Bad Gateway 502 Bad Gateway nginx');
  });

  it('drops control characters and cuts long answers at 200 characters', () => {
    const excerpt = providerTextExcerpt(`err\u0000or \u001b[1m${'y'.repeat(5_000)}`);
    expect(excerpt).toMatch(/^error \[1my+…$/);
    expect(excerpt).toHaveLength(200);
  });

  it('never cuts an emoji in half', () => {
    const excerpt = providerTextExcerpt(`${'a'.repeat(198)}😀😀😀`);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(excerpt).toBe(`${'a'.repeat(198)}…`);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('ChannelError messages (they become failure reasons)', () => {
  it('are one bounded, storable line whatever an adapter quotes', async () => {
    const { ChannelError } = await import('./channel-error');
    const e = new ChannelError(
      'CONTENT_REJECTED',
      `550 <bob@example.com>\u0000: rejected\r\n${'z'.repeat(10_000)}`,
    );
    expect(e.message.startsWith('550 <bob@example.com>: rejected zzz')).toBe(true);
    expect(e.message.length).toBeLessThanOrEqual(500);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
  });
});
