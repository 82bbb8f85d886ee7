// share.open: a card (or poster, or Moments link) was opened inside the full app. Records the
// open, applies the program's binding rules and records the decision with its reason.
import { decideBinding, explainBinding, isActive } from '../../core/attribution';
import { CODE_PATTERN, type OpenResult } from '../../core/contracts/share';
import { fail, ok } from '../../core/result';
import { GROUP_SCENES } from '../../core/scenes';
import type { Ctx } from '../context';
import { isNotFoundError } from '../db/types';
import { recordEvent } from '../events';
import { findUser } from '../users/users';
import { type BindingDoc, bindingId, findCode, hasOrdered, rulesFor, toBinding } from './share';

export async function openShare(ctx: Ctx, input: { code: string; scene: number; group?: { opengid?: string } }) {
  const now = ctx.now();
  const code = CODE_PATTERN.test(input.code) ? await findCode(ctx, input.code) : null;
  if (!code || new Date(code.expiresAt).getTime() <= now) {
    await recordEvent(ctx, 'open_failed', { code: input.code.slice(0, 32), scene: input.scene, reason: code ? 'expired' : 'unknown' });
    return fail('CODE_INVALID', '链接无效或已过期');
  }
  // A card forwarded into a group and opened there counts for the group channel.
  const channel = GROUP_SCENES.includes(input.scene) ? 'group' : code.channel;
  const base = {
    code: code._id,
    sharer: code.sharer,
    channel,
    scene: input.scene,
    targetType: code.targetType,
    targetId: code.targetId,
    merchantId: code.scope,
  };
  await recordEvent(ctx, 'open', { ...base, ...(input.group?.opengid ? { opengid: input.group.opengid } : {}) });

  const rules = await rulesFor(ctx, code.scope);
  const customerHasOrdered = await hasOrdered(ctx, ctx.openid, code.scope);
  // Read both bindings and write one in a transaction: two opens at once cannot both bind.
  const outcome = await ctx.db.runTransaction(async (tx) => {
    const bindings = tx.collection<BindingDoc>('bindings');
    const read = async (id: string) => {
      try {
        return (await bindings.doc(id).get()).data;
      } catch (e) {
        if (isNotFoundError(e)) return null;
        throw e;
      }
    };
    const mine = await read(bindingId(code.scope, ctx.openid));
    const sharers = await read(bindingId(code.scope, code.sharer));
    const sharerBinding = toBinding(sharers);
    const decision = decideBinding(rules, {
      customer: ctx.openid,
      sharer: code.sharer,
      channel,
      code: code._id,
      at: now,
      current: toBinding(mine),
      sharerBoundTo: isActive(sharerBinding, now) ? sharerBinding.sharer : null,
      customerHasOrdered,
    });
    const reason = explainBinding(rules, decision, now);
    if (decision.bind && decision.binding) {
      const b = decision.binding;
      await bindings.doc(bindingId(code.scope, ctx.openid)).set({
        data: {
          scope: code.scope,
          customer: ctx.openid,
          sharer: b.sharer,
          channel: b.channel,
          code: b.code,
          reason,
          boundAt: new Date(b.boundAt),
          expiresAt: new Date(b.expiresAt),
        },
      });
    }
    const before = toBinding(mine);
    const newCustomer = decision.bind && !(isActive(before, now) && before.sharer === code.sharer);
    return { decision, reason, newCustomer };
  });
  await recordEvent(ctx, 'bind', {
    ...base,
    bound: outcome.decision.bind,
    decision: outcome.decision.code,
    reason: outcome.reason,
    newCustomer: outcome.newCustomer,
  });
  const sharer = await findUser(ctx, code.sharer);
  return ok<OpenResult>({
    bound: outcome.decision.bind,
    sharerNickname: sharer?.nickname ?? '',
    reason: outcome.reason,
    targetType: code.targetType,
    targetId: code.targetId,
  });
}
