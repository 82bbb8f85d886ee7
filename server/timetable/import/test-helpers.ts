// Shared by the importer tests: the fixtures folder and the options every test imports with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SECTIONS } from '../../../core/timetable/sections';
import type { ImportOptions } from './common';

/** Term of the fixtures: week 1 is Monday 2026-09-07 … Sunday 2026-09-13. */
export const OPTS: ImportOptions = { termStartDate: '2026-09-07', sections: DEFAULT_SECTIONS };

export function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}
