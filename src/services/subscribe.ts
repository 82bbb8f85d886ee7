// Asks WeChat for one subscribe-message send (一次性订阅: one grant = one message). WeChat shows
// its dialog only when the call happens in the tap itself, so a caller must call askSubscribe
// first thing in its handler, before any await. Nothing is ever given for subscribing (WeChat's
// rule 5.21): callers word the button as what the message is for (上课提醒), nothing more.
import Taro from '@tarojs/taro';

export type SubscribeAnswer = 'accept' | 'reject' | 'unavailable';

/**
 * 'accept' when the student allowed this template, 'reject' when they declined (or had turned it
 * off for good), 'unavailable' when WeChat could not ask (no template, switched off, old client).
 */
export function askSubscribe(templateId: string): Promise<SubscribeAnswer> {
  // The local cloud stands in for WeChat's subscribe messages (its inbox), so H5 always accepts.
  if (process.env.TARO_ENV === 'h5') return Promise.resolve('accept');
  if (!templateId) return Promise.resolve('unavailable');
  try {
    // Taro's type demands entityIds (Alipay's) as well; WeChat takes tmplIds alone.
    return Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option)
      .then((res) => {
        const answer = (res as unknown as Record<string, unknown>)[templateId];
        if (answer === 'accept') return 'accept' as const;
        // 'ban' (the template was banned) and 'filter' (filtered) are not the student's choice.
        if (answer === 'reject') return 'reject' as const;
        return 'unavailable' as const;
      })
      .catch((err: { errCode?: number }) => (err?.errCode === 20004 ? ('reject' as const) : ('unavailable' as const)));
  } catch {
    return Promise.resolve('unavailable');
  }
}
