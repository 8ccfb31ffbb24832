// Browser tests of the web chat: the real API (own database) serving the built widget and inbox,
// a customer site on another origin, Debian's Chromium, and a real SMTP peer.
module.exports = require('../../jest.preset.cjs').nodeProject(__dirname, 'widget-e2e', {
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/support/jest-timeout.ts'],
  testTimeout: 120_000,
});
