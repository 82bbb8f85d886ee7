// Transport on H5: the local cloud's HTTP bridge. The caller is the demo user chosen on the
// local sign-in page, sent as x-sprout-openid (the local cloud trusts it; WeChat never would).
import { getLocalOpenid } from './local-identity';

export async function callCloud(name: string, event: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sprout-openid': getLocalOpenid() ?? '' },
    body: JSON.stringify(event),
  });
  if (!res.ok) throw new Error(`local cloud answered ${res.status}`);
  return ((await res.json()) as { result: unknown }).result;
}

export async function uploadImage(filePath: string, folder: string): Promise<string> {
  const blob = await (await fetch(filePath)).blob();
  const res = await fetch(`/api/storage/upload?folder=${encodeURIComponent(folder)}`, {
    method: 'POST',
    headers: { 'content-type': blob.type || 'application/octet-stream', 'x-sprout-openid': getLocalOpenid() ?? '' },
    body: blob,
  });
  if (!res.ok) throw new Error(`upload failed: ${res.status}`);
  return ((await res.json()) as { fileID: string }).fileID;
}

/** Where a browser picks its demo user (the page exists only in the H5 build). */
export const signInPage: string | null = '/pages/dev-login/index';

/** The route to come back to after the local sign-in, so a share link is not lost on the way. */
export function currentRoute(): string | null {
  const route = window.location.hash.replace(/^#/, '');
  return route.startsWith('/pages/') && !route.startsWith('/pages/dev-login') ? route : null;
}

/** Completes a payment in the simulated WeChat Pay sheet: the local cloud calls payCallback. */
export async function simulatePayment(outTradeNo: string, result: 'success' | 'fail'): Promise<void> {
  const res = await fetch(`/api/dev/pay/${encodeURIComponent(outTradeNo)}`, { method: 'POST', body: JSON.stringify({ result }) });
  if (!res.ok) throw new Error(`payment simulation failed: ${res.status}`);
}

/** The local stand-in for WeChat's transfer confirmation sheet. */
export async function confirmTransfer(packageInfo: string, _mchId: string): Promise<void> {
  const billNo = packageInfo.replace(/^local-/, '');
  const res = await fetch(`/api/dev/payout/${encodeURIComponent(billNo)}/confirm`, { method: 'POST' });
  if (!res.ok) throw new Error(`confirmation failed: ${res.status}`);
}

export function onSignInPage(): boolean {
  return window.location.hash.startsWith('#/pages/dev-login');
}

export function hasIdentity(): boolean {
  return Boolean(getLocalOpenid());
}
