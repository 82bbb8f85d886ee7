/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/core',
    '<rootDir>/server',
    '<rootDir>/local-cloud',
    '<rootDir>/cloudfunctions',
    '<rootDir>/src',
    '<rootDir>/scripts',
    '<rootDir>/tests/sim',
  ],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(ts|tsx)$': swc },
  moduleNameMapper: {
    // jest loads CommonJS; zod ships this locale as both
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
    '^@core/(.*)$': '<rootDir>/core/$1',
    '^@server/(.*)$': '<rootDir>/server/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  cacheDirectory: '<rootDir>/.tmp/jest',
  testTimeout: 30000,
};
