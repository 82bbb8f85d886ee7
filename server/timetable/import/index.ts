// Timetable importers: pure functions from a file's text to the courses it holds and warnings
// for what could not be read. No database, no clock: the term start and section table come in.
import type { ImportFormat, ImportResult } from '../../../core/timetable/model';
import type { Importer, ImportOptions } from './common';
import { parseIcs } from './ics';
import { parseWakeupCsv } from './wakeup-csv';
import { parseWakeupFile } from './wakeup-file';
import { parseZfJson } from './zf-json';

export type { Importer, ImportOptions } from './common';
export { parseIcs, parseWakeupCsv, parseWakeupFile, parseZfJson };

export const IMPORTERS: Record<ImportFormat, Importer> = {
  wakeup_csv: parseWakeupCsv,
  ics: parseIcs,
  zf_json: parseZfJson,
  wakeup_file: parseWakeupFile,
};

export function parseImport(format: ImportFormat, content: string, opts: ImportOptions): ImportResult {
  return IMPORTERS[format](content, opts);
}
