// `npm run mutation:core`: the pure rules of money, ledger, orders, group-buys and withdrawals,
// against core's own tests (jest.mutation-core.config.js). The main config (stryker.config.json,
// `npm run mutation`) mutates the domain code against the function tests.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  jest: { configFile: 'jest.mutation-core.config.js', enableFindRelatedTests: true },
  mutate: [
    'core/money.ts',
    'core/ledger.ts',
    'core/order-machine.ts',
    'core/withdrawal-machine.ts',
    'core/groupbuy.ts',
    'core/groupbuy-machines.ts',
    'core/state-machine.ts',
    'core/tiers.ts',
  ],
  htmlReporter: { fileName: '.tmp/mutation-core/index.html' },
  jsonReporter: { fileName: '.tmp/mutation-core/report.json' },
  tempDirName: '.tmp/stryker-core',
};
