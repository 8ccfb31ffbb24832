// Browser tests: the real API (own database) serving the built SPA, driven in Debian's Chromium.
module.exports = require('../../jest.preset.cjs').nodeProject(__dirname, 'inbox-e2e', {
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.cjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/support/jest-timeout.ts'],
  testTimeout: 120_000,
});
