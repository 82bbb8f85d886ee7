// support: customer service. A merchant keeps the shop's FAQ and sees the questions nobody
// answered; a student asks (the app's chat page) and gets the best FAQ answers, the shop's
// first and then the platform's built-in ones, or the promise of a person. WeChat pushes the
// customer-service session here (云开发控制台 > 设置 > 消息推送: MsgType text, and event
// user_enter_tempsession, to this function): the push has no action and is taken only from the
// platform; the bot replies through customerServiceMessage.send within WeChat's quota.
// Rule-based, not a language model. Domain code lives in server/support/.
import { supportInput } from '../../core/contracts/support';
import { fail } from '../../core/result';
import { action, type CloudFunction, defineFunction } from '../../server/define';
import { ask, shopFor, suggestions } from '../../server/support/answer';
import { listFaqs, listMisses, removeFaq, saveFaq } from '../../server/support/faqs';
import { handleCsPush } from '../../server/support/push';

/**
 * Sources a person can cause: a client, the IDE, an HTTP call, a crawler, another function.
 * WeChat does not document the SOURCE of a message push, so the push is told apart by what it
 * cannot be (as the notes function tells its image-check push): anything a caller could send is refused.
 */
const CALLER_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_http', 'wx_crawler', 'wx_trigger', 'wx_paycallback', 'scf'];
export const fromPlatformPush = (source: string) => source !== '' && !source.split(',').some((s) => CALLER_SOURCES.includes(s));

const inner = defineFunction('support', {
  // Merchant actions (FORBIDDEN unless the caller runs a shop).
  saveFaq: action({ input: supportInput.saveFaq, run: (ctx, input) => saveFaq(ctx, input) }),
  removeFaq: action({ input: supportInput.removeFaq, run: (ctx, input) => removeFaq(ctx, input) }),
  listFaqs: action({ input: supportInput.listFaqs, run: (ctx) => listFaqs(ctx) }),
  listMisses: action({ input: supportInput.listMisses, run: (ctx) => listMisses(ctx) }),
  // Student actions.
  ask: action({ input: supportInput.ask, run: (ctx, input) => ask(ctx, input) }),
  suggestions: action({ input: supportInput.suggestions, public: true, run: async (ctx, ref) => suggestions(ctx, await shopFor(ctx, ref)) }),
  csPush: action({
    input: supportInput.csPush,
    public: true,
    async run(ctx, push) {
      if (!fromPlatformPush(ctx.source)) return fail('FORBIDDEN', '只接受微信的客服消息推送');
      return handleCsPush(ctx, push);
    },
  }),
});

/** WeChat's customer-service pushes carry MsgType and no action: they become the csPush action. */
const isCsPush = (e: unknown): e is Record<string, unknown> =>
  typeof e === 'object' && e !== null && !('action' in e) && typeof (e as { MsgType?: unknown }).MsgType === 'string';

const support: CloudFunction = {
  ...inner,
  handle: (event, ctx) => inner.handle(isCsPush(event) ? { ...event, action: 'csPush' } : event, ctx),
};
export default support;

/** What WeChat expects back from a message push: the reply went out through the API, so just 'success'. */
export const pushAnswer = (event: unknown, res: unknown) => (isCsPush(event) ? 'success' : res);
