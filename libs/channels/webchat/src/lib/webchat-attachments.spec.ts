import { checkAttachment, WEBCHAT_MAX_ATTACHMENT_BYTES } from './webchat-attachments';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('web chat attachments', () => {
  it('accepts images and PDF by their bytes', () => {
    expect(checkAttachment(PNG)).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkAttachment(Buffer.from('%PDF-1.7\n'))).toEqual({
      ok: true,
      contentType: 'application/pdf',
    });
    expect(checkAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      ok: true,
      contentType: 'image/jpeg',
    });
  });

  it('refuses HTML dressed as an image, empty files and files over the limit', () => {
    expect(checkAttachment(Buffer.from('<script>alert(1)</script>'))).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    });
    expect(checkAttachment(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    const big = Buffer.concat([PNG, Buffer.alloc(WEBCHAT_MAX_ATTACHMENT_BYTES)]);
    expect(checkAttachment(big)).toEqual({ ok: false, reason: 'too_large' });
  });
});
