// The pure money and order rules in core/ judged by their own unit and property tests only:
// a mutant that survives here is a rule no test of the rule itself pins down, whatever the
// function tests happen to catch. Fast (seconds per mutant), unlike the function tests.
const base = require('./jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/core'] };
