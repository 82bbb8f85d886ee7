// Local stand-ins for WeChat's open APIs, with the same interfaces as the production ports.
import type { ContentCheckPort } from '../server/ports';

/**
 * A few words that WeChat's check would refuse, so the refusal path can be tried locally.
 * "违禁" and "赌博" are placeholders for the real model's judgement, not a moderation policy.
 */
const REFUSED = ['违禁', '赌博', '代考', '刷单'];

export const localContentCheck: ContentCheckPort = {
  async checkText({ content }) {
    const hit = REFUSED.find((w) => content.includes(w));
    return hit ? { suggest: 'risky', label: 'local-blocklist' } : { suggest: 'pass' };
  },
};
