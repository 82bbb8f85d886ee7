import { LocalDatabase } from '../database';
import { conformanceIndexes, conformanceSuite } from './suite';

conformanceSuite('local SQLite', async () => {
  let now = Date.parse('2026-11-22T08:00:00Z');
  const db = new LocalDatabase({ file: ':memory:', indexes: conformanceIndexes, now: () => now, strictCollections: true });
  return {
    db,
    advanceClock: (ms) => {
      now += ms;
    },
    reset: async () => {},
  };
});
