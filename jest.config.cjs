// Runs every Node-side project in one jest process: `npx jest` (or `npm test` for the whole suite).
module.exports = {
  // testTimeout is a global option: per-project values are ignored when projects run together.
  testTimeout: 60_000,
  projects: [
    '<rootDir>/libs/contracts/jest.config.cjs',
    '<rootDir>/libs/channels/*/jest.config.cjs',
    '<rootDir>/libs/testing/jest.config.cjs',
    '<rootDir>/apps/api/jest.config.cjs',
    '<rootDir>/apps/widget-e2e/jest.config.cjs',
    '<rootDir>/apps/inbox-e2e/jest.config.cjs',
  ],
};
