// Whom this student blocked, as this phone remembers it: the server does not say on a profile
// whether the caller blocked its owner, so 拉黑 / 取消拉黑 shows what was last done here. Both
// actions are idempotent on the server, so a stale memory only changes which word the button says.
import Taro from '@tarojs/taro';

const KEY = 'sprout.blocked';
const MAX = 200;

/** The list after blocking (on) or unblocking someone: newest first, no repeats, at most 200. */
export function withBlocked(list: string[], openid: string, on: boolean): string[] {
  const rest = list.filter((o) => o !== openid);
  return (on ? [openid, ...rest] : rest).slice(0, MAX);
}

function read(): string[] {
  const v = Taro.getStorageSync(KEY) as unknown;
  return Array.isArray(v) ? v.filter((o): o is string => typeof o === 'string') : [];
}

export const isBlocked = (openid: string) => read().includes(openid);
export const rememberBlocked = (openid: string, on: boolean) => Taro.setStorageSync(KEY, withBlocked(read(), openid, on));
