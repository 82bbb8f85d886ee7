// The local cloud's stand-in for WeChat's login: which demo user this browser is. H5 only.
const KEY = 'sprout.localOpenid';

export function getLocalOpenid(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setLocalOpenid(openid: string): void {
  window.localStorage.setItem(KEY, openid);
}

export function newLocalStudentOpenid(): string {
  return `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
