import { isOriginAllowed, webchatSecretsSchema, webchatSettingsSchema } from './webchat-settings';

describe('web chat settings', () => {
  it('fills defaults and normalises origins', () => {
    const settings = webchatSettingsSchema.parse({
      allowedOrigins: ['https://Shop.example.com:443/help', '*'],
    });
    expect(settings.allowedOrigins).toEqual(['https://shop.example.com', '*']);
    expect(settings.askEmail).toBe(true);
    expect(settings.accentColor).toBe('#2563eb');
  });

  it('refuses origins that are not web origins and colours that are not hex', () => {
    expect(
      webchatSettingsSchema.safeParse({ allowedOrigins: ['javascript:alert(1)'] }).success,
    ).toBe(false);
    expect(webchatSettingsSchema.safeParse({ allowedOrigins: ['shop'] }).success).toBe(false);
    expect(webchatSettingsSchema.safeParse({ accentColor: 'red;}' }).success).toBe(false);
  });

  it('requires a long enough secret', () => {
    expect(webchatSecretsSchema.safeParse({ hmacSecret: 'short' }).success).toBe(false);
  });

  it('allows only listed origins; an empty list refuses all, * allows all', () => {
    const allowed = ['https://shop.example.com'];
    expect(isOriginAllowed('https://shop.example.com', allowed)).toBe(true);
    expect(isOriginAllowed('https://evil.example.com', allowed)).toBe(false);
    expect(isOriginAllowed('http://shop.example.com', allowed)).toBe(false);
    expect(isOriginAllowed(null, allowed)).toBe(false);
    expect(isOriginAllowed('https://shop.example.com', [])).toBe(false);
    expect(isOriginAllowed('https://any.example', ['*'])).toBe(true);
  });
});
