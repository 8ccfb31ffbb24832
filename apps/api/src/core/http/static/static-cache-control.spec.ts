import {
  cacheControlFor,
  HTML_CACHE_CONTROL,
  IMMUTABLE_CACHE_CONTROL,
  isContentHashed,
  STABLE_URL_CACHE_CONTROL,
} from './static-cache-control';

describe('static cache policy', () => {
  it.each([
    ['assets/index-B53QmLZB.js', true],
    ['assets/http-client-B-or7riK.js', true],
    ['assets/settings-screen-Dkp3DLcj.css', true],
    ['assets/rolldown-runtime-XKyaHtl9.js', true],
    ['assets/logo.svg', false],
    ['assets/short-abc.js', false],
    ['assets/index-B53QmLZ!.js', false],
    ['index-B53QmLZB.js', false],
    ['loader.js', false],
  ])('%s is content-hashed: %s', (path, hashed) => {
    expect(isContentHashed(path)).toBe(hashed);
  });

  it('caches hashed files for a year, revalidates HTML always and stable URLs after minutes', () => {
    expect(cacheControlFor('assets/index-B53QmLZB.js')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(IMMUTABLE_CACHE_CONTROL).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe(HTML_CACHE_CONTROL);
    expect(cacheControlFor('demo/index.html')).toBe('no-cache');
    expect(cacheControlFor('loader.js')).toBe(STABLE_URL_CACHE_CONTROL);
    expect(cacheControlFor('chat.js')).toBe('public, max-age=300, must-revalidate');
  });
});
