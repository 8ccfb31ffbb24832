import { kbPublicBodyHtml } from './kb-public-url';

const ID = '123e4567-e89b-12d3-a456-426614174000';

describe('kbPublicBodyHtml', () => {
  it('points uploaded images at the help centre, relative or absolute', () => {
    const body = `<p><img src="/api/files/${ID}/a.png" alt="a"><img src="/api/files/${ID.toUpperCase()}"></p>`;
    expect(kbPublicBodyHtml('', body)).toBe(
      `<p><img src="/help/files/${ID}/a.png" alt="a"><img src="/help/files/${ID}/image"></p>`,
    );
    expect(kbPublicBodyHtml('https://support.example/', body)).toContain(
      `src="https://support.example/help/files/${ID}/a.png"`,
    );
  });

  it('leaves other addresses and text alone', () => {
    const body = `<p>See /api/files/${ID}/a.png</p><img src="https://cdn.example/api/files/${ID}/b.png">`;
    expect(kbPublicBodyHtml('', body)).toBe(body);
  });
});
