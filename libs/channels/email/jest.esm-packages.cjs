// sanitize-html 2.18 depends on htmlparser2 12 and its dom* helpers, which are ESM-only. Node 20
// loads them through require(); Jest's CommonJS registry does not, so they are compiled to
// CommonJS for tests. Any Jest project that imports @switchboard/channels-email needs the same
// two settings (see docs/channels/email.md).
const { nodeProject } = require('../../../jest.preset.cjs');

const ESM_PACKAGES = [
  'htmlparser2',
  'domhandler',
  'domutils',
  'entities',
  'dom-serializer',
  'domelementtype',
];

function esmPackagesTransform(dir) {
  const base = nodeProject(dir, 'x');
  return {
    transform: {
      ...base.transform,
      [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
        'babel-jest',
        {
          babelrc: false,
          configFile: false,
          plugins: [
            require.resolve('@babel/plugin-transform-export-namespace-from'),
            require.resolve('@babel/plugin-transform-modules-commonjs'),
          ],
        },
      ],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  };
}

module.exports = { nodeProject, esmPackagesTransform, ESM_PACKAGES };
