/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Checks that read reference data from shared/ run apart: `npm run test:reference`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reference/'],
  // One Azurite blob emulator per run for the state tests (127.0.0.1, telemetry off); see the files.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // The official renderer's package entry is untranspiled ESM; its UMD build loads under jest.
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    // @microsoft/app-manifest requires the ESM-only strip-bom; see the shim.
    '^strip-bom$': '<rootDir>/test/helpers/strip-bom.cjs',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
};
