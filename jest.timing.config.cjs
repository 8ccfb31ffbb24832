// Tests that assert a latency bound (`*.timing-spec.ts`), run by `npm test` after the others, one
// at a time: what they measure is the code under test, not a neighbouring suite sharing the cores.
const { nodeProject } = require('./jest.preset.cjs');

module.exports = {
  testTimeout: 60_000,
  projects: [
    nodeProject(`${__dirname}/apps/api`, 'api-timing', {
      testMatch: ['<rootDir>/src/**/*.timing-spec.ts'],
    }),
  ],
};
