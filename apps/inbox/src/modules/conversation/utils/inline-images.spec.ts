import type { AttachmentDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { withInlineImages } from './inline-images';

const file = (id: string, contentId: string | null): AttachmentDto => ({
  id,
  filename: `${id}.png`,
  contentType: 'image/png',
  size: 10,
  url: `/api/files/${id}/${id}.png`,
  contentId,
});

describe('withInlineImages', () => {
  it("points cid: images at the message's own files and says which ones it used", () => {
    const { html, inlined } = withInlineImages(
      '<p><img src="cid:logo@x" alt="a"><img src="cid:sig%20one"><img src="cid:missing"></p>',
      [file('f1', 'logo@x'), file('f2', 'sig one'), file('f3', null)],
    );
    expect(html).toBe(
      '<p><img src="/api/files/f1/f1.png" alt="a"><img src="/api/files/f2/f2.png"><img src="cid:missing"></p>',
    );
    expect([...inlined].sort()).toEqual(['f1', 'f2']);
  });

  it('leaves HTML without cid: references alone, and stays linear on hostile input', () => {
    expect(withInlineImages('<p>hi</p>', [file('f1', 'x')]).html).toBe('<p>hi</p>');
    const hostile = 'src="cid:'.repeat(100_000);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    expect(withInlineImages(hostile, [file('f1', 'x')]).html.length).toBeGreaterThan(0);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2_000);
  });
});
