import { ownOrigins, requestOrigin } from './visitor-origin';
import { chatLink } from './webchat-visitor.transport';

describe('visitor origin', () => {
  const own = ownOrigins({ host: 'support.example:8443' }, 'https://support.example', true);

  it("knows Switchboard's own origins from the Host header and PUBLIC_URL", () => {
    expect(own).toEqual(['https://support.example:8443', 'https://support.example']);
  });

  it('takes the Origin header, else a same-origin fetch, else nothing', () => {
    expect(requestOrigin({ origin: 'https://shop.example' }, own)).toBe('https://shop.example');
    expect(requestOrigin({ 'sec-fetch-site': 'same-origin' }, own)).toBe(
      'https://support.example:8443',
    );
    expect(requestOrigin({ 'sec-fetch-site': 'cross-site' }, own)).toBeNull();
    expect(requestOrigin({ origin: 'null' }, own)).toBeNull();
    expect(requestOrigin({}, own)).toBeNull();
  });
});

describe('follow-up chat link', () => {
  it('opens the chat on the page the visitor used, else on the demo page', () => {
    expect(chatLink('https://shop.example/help?q=1', 'https://support.example')).toBe(
      'https://shop.example/help?q=1#sb-chat',
    );
    expect(chatLink(null, 'https://support.example/')).toBe(
      'https://support.example/widget/demo/#sb-chat',
    );
    expect(chatLink('javascript:alert(1)', 'https://support.example')).toBe(
      'https://support.example/widget/demo/#sb-chat',
    );
  });
});
