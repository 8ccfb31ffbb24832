import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/** Who may import whom: shared contracts stay free of Nest/TypeORM/React; web and api never meet. */
const boundaries = (channelSpecs = false) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    depConstraints: [
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      {
        sourceTag: 'scope:channels',
        // An adapter's specs run against the shared provider fakes of libs/testing; the adapter never does.
        onlyDependOnLibsWithTags: [
          'scope:shared',
          'scope:channels',
          ...(channelSpecs ? ['scope:testing'] : []),
        ],
      },
      {
        sourceTag: 'scope:testing',
        onlyDependOnLibsWithTags: ['scope:shared', 'scope:channels', 'scope:testing'],
      },
      {
        sourceTag: 'scope:api',
        onlyDependOnLibsWithTags: ['scope:shared', 'scope:channels', 'scope:testing'],
      },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
      {
        sourceTag: 'scope:e2e',
        onlyDependOnLibsWithTags: ['scope:shared', 'scope:testing', 'scope:channels'],
      },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      'tmp',
      '.data',
      '**/coverage',
      '**/*.timestamp-*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Who may import whom: shared contracts stay free of Nest/TypeORM/React; web and api never meet.
      '@nx/enforce-module-boundaries': boundaries(),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['libs/channels/**/*.spec.ts', 'libs/channels/**/*.integration-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    files: ['**/*.cjs', '**/*.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
