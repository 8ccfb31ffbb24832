import { ConfigError, loadConfig } from './config.schema';

const base = { DATABASE_URL: 'postgres://localhost/x', APP_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('applies defaults and derives the public URL', () => {
    const c = loadConfig(base);
    expect(c.PORT).toBe(3000);
    expect(c.PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(c.SEED_DEMO).toBe(true);
  });

  it('names every invalid variable in one error', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'mysql://x', APP_SECRET: 'short', PORT: 'abc' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', APP_SECRET: 'short', PORT: 'abc' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('APP_SECRET');
      expect(msg).toContain('PORT');
    }
  });

  it('requires S3 credentials only for the s3 driver', () => {
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
  });
});
