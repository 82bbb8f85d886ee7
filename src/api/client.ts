// Calls one cloud action and always resolves with a typed result; a transport failure becomes
// a NETWORK result the page can show and retry.
import type { CodeOf, FunctionName } from '@core/contracts/codes';
import type { Fail, Result } from '@core/result';
import { callCloud } from './transport';

/** What a call to function F answers: its data, one of F's declared codes, or NETWORK. */
export type ApiResult<T, F extends FunctionName = FunctionName> = Result<T, CodeOf<F>> | Fail<'NETWORK'>;

export async function call<T, F extends FunctionName = FunctionName>(fn: F, action: string, input: object = {}): Promise<ApiResult<T, F>> {
  try {
    const result = (await callCloud(fn, { ...input, action })) as ApiResult<T, F> | undefined;
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      return { ok: false, code: 'INTERNAL', message: '服务返回了无法识别的结果' };
    }
    return result;
  } catch {
    return { ok: false, code: 'NETWORK', message: '网络不给力，请检查网络后重试' };
  }
}
