const { nodeProject, esmPackagesTransform } = require('./jest.esm-packages.cjs');

module.exports = nodeProject(__dirname, 'channels-email', esmPackagesTransform(__dirname));
