import { openLocalDatabase } from '../index';
import { conformanceIndexes, conformanceSuite } from './suite';

conformanceSuite('wx-server-sdk over the local engine', async () => {
  let now = Date.parse('2026-11-22T08:00:00Z');
  const db = openLocalDatabase({ indexes: conformanceIndexes, now: () => now });
  return {
    db,
    advanceClock: (ms) => {
      now += ms;
    },
    reset: async () => {},
  };
});
