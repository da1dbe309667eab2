/**
 * `npm run test:reference`: checks against reference data that is not ours and stays in shared/ beside
 * the checkout (the Adaptive Card 1.5 schema, public run-history samples). Kept out of `npm test`.
 * @type {import('jest').Config}
 */
const base = require('../../jest.config.js');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: '../..',
  roots: ['<rootDir>/test/reference'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/reference/global-setup.cjs',
  moduleNameMapper: base.moduleNameMapper,
  transform: base.transform,
};
