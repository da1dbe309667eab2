/* global module */
/**
 * `npm run test:reference`: checks against reference data that stays in shared/ beside the checkout
 * (public run-history samples). Minimal on this branch; main's own config replaces it on merge.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/reference/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
