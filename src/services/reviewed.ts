// Which orders this phone has reviewed, and what came of it: the order page shows 已评价 without
// asking the server (which has no "did I review" question; asked to review again it answers the
// review already there, so a forgotten memory costs one more submit, never a second review).
import Taro from '@tarojs/taro';

export interface Reviewed {
  noteId: string | null;
}

const key = (orderId: string) => `sprout.reviewed.${orderId}`;

export function reviewedOrder(orderId: string): Reviewed | null {
  const v = Taro.getStorageSync(key(orderId)) as unknown;
  return v && typeof v === 'object' ? (v as Reviewed) : null;
}

export const rememberReview = (orderId: string, r: Reviewed) => Taro.setStorageSync(key(orderId), { noteId: r.noteId });
