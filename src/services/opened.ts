// Pages opened from a reminder or a precision card carry the reminder's or pick's id as `?ref=`;
// telling the timetable function once per page load lets it count opens (the events feed).
// Fire and forget: a lost report must never hold up or break the page.
import { useLoad } from '@tarojs/taro';
import { openedRef } from '../api/timetable';
import { safeDecode } from '../utils/query';

export function useOpenedRef(): void {
  useLoad((params: Partial<Record<string, string>>) => {
    const ref = safeDecode(params.ref);
    if (ref && ref.length <= 128) void openedRef(ref);
  });
}
