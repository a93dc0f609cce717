/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testMatch: ['**/*.test.ts'],
  // swc strips types only; `npm test` runs `tsc --noEmit` first for the type check.
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // ESM-only packages the tests load (jose for JWTs; strip-bom inside @microsoft/app-manifest) go through swc.
  transformIgnorePatterns: ['/node_modules/(?!(jose|strip-bom|@microsoft/app-manifest)/)'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
