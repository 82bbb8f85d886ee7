// The merchant console's calls for the timetable settings of the shop's campus: the section
// table, the school's 调休 rules, the scene keyword rules and the campus map.
import type { CampusResults, CampusSettingsInput } from '@core/contracts/campus';
import { call } from './client';

export const getCampusSettings = () => call<CampusResults['campusSettings'], 'merchant'>('merchant', 'campusSettings');
/**
 * INVALID_INPUT names the field ("sections.2.start: …"); the whole settings replace the old ones,
 * unless another shop saved since `expectedVersion` (BAD_STATE: reload first).
 */
export const saveCampusSettings = (input: CampusSettingsInput, expectedVersion: number) =>
  call<CampusResults['saveCampusSettings'], 'merchant'>('merchant', 'saveCampusSettings', { ...input, expectedVersion });
