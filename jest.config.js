/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
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
