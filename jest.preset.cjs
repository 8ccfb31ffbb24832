// One place that says how every Node-side project runs its tests (unit *.spec.ts and
// integration *.integration-spec.ts beside the code).
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

function nodeProject(dir, displayName, overrides = {}) {
  return {
    displayName,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
    transform: {
      '^.+\\.ts$': [
        'ts-jest',
        { tsconfig: path.join(dir, 'tsconfig.spec.json'), diagnostics: false },
      ],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, {
      prefix: path.join(__dirname, '/'),
    }),
    testTimeout: 60_000,
    ...overrides,
  };
}

module.exports = { nodeProject };
