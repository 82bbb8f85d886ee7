// The tests Stryker runs for each mutant: every test except the slow explorers (the simulator,
// crash-point enumeration, random interleavings and the database conformance suites), which
// would make a mutation run take hours on two cores; likewise the big-data and timer-backlog
// tests and the build scripts. They still run in npm test.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  // local-cloud is a root so jest's related-test lookup can follow test -> local cloud ->
  // function -> domain code; its own tests are left out.
  roots: ['<rootDir>/core', '<rootDir>/server', '<rootDir>/cloudfunctions', '<rootDir>/local-cloud'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/local-cloud/',
    'crash-points',
    'interleavings',
    'concurrency',
    'races',
    'model\\.test',
    '/tests/sim/',
    'big-koc',
    'timer-costs',
    'scripts/',
  ],
};
