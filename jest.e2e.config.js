/** End-to-end tests (npm run test:e2e): real Chromium, real local cloud, built H5 app. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
};
