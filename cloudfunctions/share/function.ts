// share: cards and attribution. Nothing here rewards a share or an open (WeChat rule 5.1):
// a binding only decides who earns when the customer later buys.
import { isActive } from '../../core/attribution';
import { CODE_PATTERN, SHARE_PAGE, type ShareResults, shareInput } from '../../core/contracts/share';
import { fail, ok } from '../../core/result';
import { action, defineFunction } from '../../server/define';
import { createShare } from '../../server/sharing/create';
import { openShare } from '../../server/sharing/open';
import { type BindingDoc, describeTarget, findCode, PLATFORM_SCOPE, rulesFor, saveCodeImage, toBinding } from '../../server/sharing/share';
import { cardStats } from '../../server/sharing/stats';
import { callerMerchant, merchantsById } from '../../server/users/merchants';
import { setProgramPart } from '../../server/users/programs';
import { findUser, findUsers } from '../../server/users/users';

export default defineFunction('share', {
  create: action({
    input: shareInput.create,
    run: (ctx, input) => createShare(ctx, input),
  }),

  /** Public: a Moments single-page visit has no identity. Display data only, no openids. */
  resolve: action({
    input: shareInput.resolve,
    public: true,
    async run(ctx, { code }) {
      const doc = CODE_PATTERN.test(code) ? await findCode(ctx, code) : null;
      if (!doc || new Date(doc.expiresAt).getTime() <= ctx.now()) return fail('CODE_INVALID', '链接无效或已过期');
      const target = await describeTarget(ctx, doc.targetType, doc.targetId);
      if (!target) return fail('CODE_INVALID', '分享的内容已下架');
      const sharer = await findUser(ctx, doc.sharer);
      return ok<ShareResults['resolve']>({
        code: doc._id,
        channel: doc.channel,
        targetType: doc.targetType,
        targetId: doc.targetId,
        title: target.title,
        subtitle: target.subtitle,
        image: target.image,
        priceFen: target.priceFen,
        sharerNickname: sharer?.nickname ?? '',
      });
    },
  }),

  open: action({ input: shareInput.open, run: (ctx, input) => openShare(ctx, input) }),

  /** The mini-program code on a poster: opens the share page with this poster code. */
  posterCode: action({
    input: shareInput.posterCode,
    async run(ctx, { code }) {
      const doc = CODE_PATTERN.test(code) ? await findCode(ctx, code) : null;
      if (!doc || doc.sharer !== ctx.openid || doc.channel !== 'poster') return fail('NOT_FOUND', '没有这张海报的分享码');
      if (doc.codeImage) return ok<ShareResults['posterCode']>({ image: doc.codeImage });
      const image = await ctx.codes.miniProgramCode({ scene: doc._id, page: SHARE_PAGE });
      await saveCodeImage(ctx, doc._id, image);
      return ok<ShareResults['posterCode']>({ image });
    },
  }),

  myBinding: action({
    input: shareInput.myBinding,
    async run(ctx) {
      const _ = ctx.db.command;
      const now = ctx.now();
      const { data } = await ctx.db
        .collection<BindingDoc>('bindings')
        .where({ customer: ctx.openid, expiresAt: _.gt(new Date(now)) })
        .limit(20)
        .get();
      const active = data.filter((b) => isActive(toBinding(b), now));
      // Sharers and shops for every binding at once: one query each, not one per binding.
      const sharers = await findUsers(
        ctx,
        active.map((b) => b.sharer),
      );
      const shops = await merchantsById(
        ctx,
        active.filter((b) => b.scope !== PLATFORM_SCOPE).map((b) => b.scope),
      );
      return ok<ShareResults['myBinding']>(
        active.map((b) => ({
          scope: b.scope,
          scopeName: (b.scope === PLATFORM_SCOPE ? '' : shops.get(b.scope)?.name) || '校园种草',
          sharerNickname: sharers.get(b.sharer)?.nickname ?? '',
          channel: b.channel,
          reason: b.reason,
          boundAt: new Date(b.boundAt).getTime(),
          expiresAt: new Date(b.expiresAt).getTime(),
        })),
      );
    },
  }),

  stats: action({ input: shareInput.stats, run: async (ctx) => ok<ShareResults['stats']>(await cardStats(ctx)) }),

  getRules: action({
    input: shareInput.getRules,
    async run(ctx) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return fail('FORBIDDEN', '只有商家可以查看推荐规则');
      return ok<ShareResults['getRules']>(await rulesFor(ctx, merchant._id));
    },
  }),

  setRules: action({
    input: shareInput.setRules,
    async run(ctx, rules) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return fail('FORBIDDEN', '只有商家可以设置推荐规则');
      await setProgramPart(ctx, merchant._id, 'attribution', rules);
      return ok<ShareResults['setRules']>(rules);
    },
  }),
});
