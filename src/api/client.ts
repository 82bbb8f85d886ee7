// Calls one cloud action and always resolves with a typed result; a transport failure becomes
// a NETWORK result the page can show and retry.
import type { Result } from '@core/result';
import { callCloud } from './transport';

export type ApiResult<T> = Result<T, string>;

export async function call<T>(fn: string, action: string, input: object = {}): Promise<ApiResult<T>> {
  try {
    const result = (await callCloud(fn, { ...input, action })) as ApiResult<T> | undefined;
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      return { ok: false, code: 'INTERNAL', message: '服务返回了无法识别的结果' };
    }
    return result;
  } catch {
    return { ok: false, code: 'NETWORK', message: '网络不给力，请检查网络后重试' };
  }
}
