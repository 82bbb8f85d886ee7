// Campus dates in contracts: 'YYYY-MM-DD' that names a real day (2026-02-30 does not).
import * as z from 'zod';
import { dayNumber } from '../timetable/term';

export const isRealDate = (s: string): boolean => {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
};

export const campusDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD')
  .refine(isRealDate, '没有这一天');
