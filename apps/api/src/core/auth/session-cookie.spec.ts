import { SessionCookie } from './session-cookie';

describe('SessionCookie', () => {
  it('is HttpOnly and SameSite=Strict; Secure with the __Host- prefix only on https', () => {
    const http = new SessionCookie({ PUBLIC_URL: 'http://127.0.0.1:3000' });
    expect(http.name).toBe('sb_session');
    expect(http.base()).toEqual({ httpOnly: true, secure: false, sameSite: 'strict', path: '/' });
    const https = new SessionCookie({ PUBLIC_URL: 'https://support.example.com' });
    expect(https.name).toBe('__Host-sb_session');
    expect(https.base().secure).toBe(true);
  });

  it('reads only its own cookie, and only a well-formed token', () => {
    const cookie = new SessionCookie({ PUBLIC_URL: 'http://localhost' });
    expect(cookie.read('a=1; sb_session=abc_DEF-123; b=2')).toBe('abc_DEF-123');
    expect(cookie.read('xsb_session=abc')).toBeNull();
    expect(cookie.read('sb_session=a%20b')).toBeNull();
    expect(cookie.read(undefined)).toBeNull();
  });
});
