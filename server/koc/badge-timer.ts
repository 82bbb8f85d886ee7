// The badge timer: walks the programs' members (koc_members by _id, from where the last run
// stopped, a page at a time while the run has time) and grants each rule badge of the member's
// program whose threshold the member meets. A grant is made once (its fixed _id) with its audit
// entry, so a second run, or a run after a crash, grants nothing twice; a quiet system writes
// nothing (the position is saved only when it moved). Disabled badges are skipped.
import type { BadgeMetric } from '../../core/contracts/koc-honours';
import { TIERS } from '../../core/tiers';
import { tierOf } from '../commission/tiers';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { type RunBudget, walkOn } from '../run-budget';
import { type BadgeDefDoc, type BadgeGrantDoc, grant, grantId } from './badges';
import type { MemberDoc } from './store';
import { completedWith } from './training';

const STATE_ID = 'badges';

const REASONS: Record<BadgeMetric, (n: number) => string> = {
  orders: (n) => `通过你的分享卡片成交 ${n} 单`,
  tier: (n) => `达到${['初级', '中级', '高级'][n - 1] ?? ''}达人`,
  training: (n) => `完成 ${n} 门培训`,
  trial_passed: () => '通过试用考核',
};

/**
 * A member's figure for a metric. Orders: the commissions their cards earned at the merchant
 * that a refund has not taken back (one per paid order through their cards). Tier: 1-3 from
 * primary to advanced. Trial passed: 1 when they became a member through a selected trial.
 */
async function metricOf(ctx: Ctx, m: MemberDoc, metric: BadgeMetric): Promise<number> {
  const _ = ctx.db.command;
  switch (metric) {
    case 'orders':
      return (
        await ctx.db
          .collection('commissions')
          .where({ koc: m.openid, merchantId: m.merchantId, currentFen: _.gt(0) })
          .count()
      ).total;
    case 'tier':
      return TIERS.indexOf(await tierOf(ctx, m.merchantId, m.openid)) + 1;
    case 'training':
      return completedWith(ctx, m.openid, m.merchantId);
    case 'trial_passed':
      return m.via === 'trial' ? 1 : 0;
  }
}

/** The program's active rule badges, read once per merchant per run. */
class RuleBadges {
  private readonly byMerchant = new Map<string, BadgeDefDoc[]>();
  constructor(private readonly ctx: Ctx) {}
  async of(merchantId: string): Promise<BadgeDefDoc[]> {
    let found = this.byMerchant.get(merchantId);
    if (!found) {
      const { data } = await this.ctx.db
        .collection<BadgeDefDoc>('koc_badge_defs')
        .where({ merchantId, disabled: false })
        .orderBy('createdAt', 'asc')
        .limit(100)
        .get();
      found = data.filter((b) => 'metric' in b.rule);
      this.byMerchant.set(merchantId, found);
    }
    return found;
  }
}

async function grantMember(ctx: Ctx, rules: RuleBadges, m: MemberDoc): Promise<number> {
  const badges = await rules.of(m.merchantId);
  if (badges.length === 0) return 0;
  const held = await getDocsByIds<BadgeGrantDoc>(
    ctx,
    'koc_badges',
    badges.map((b) => grantId(b._id, m.openid)),
  );
  const figures = new Map<BadgeMetric, number>();
  let granted = 0;
  for (const b of badges) {
    if (!('metric' in b.rule) || held.has(grantId(b._id, m.openid))) continue;
    const { metric, threshold } = b.rule;
    if (!figures.has(metric)) figures.set(metric, await metricOf(ctx, m, metric));
    const value = figures.get(metric) ?? 0;
    if (value < threshold) continue;
    if (await grant(ctx, b, m.openid, REASONS[metric](threshold), 'rule', value)) granted++;
  }
  return granted;
}

export async function runBadgeJob(ctx: Ctx, budget: RunBudget): Promise<{ members: number; granted: number }> {
  const _ = ctx.db.command;
  const rules = new RuleBadges(ctx);
  const stored = (await getDoc<{ after: string }>(ctx, 'koc_state', STATE_ID))?.after ?? '';
  let members = 0;
  let granted = 0;
  await walkOn(
    budget,
    stored,
    async (size, after) => {
      const { data } = await ctx.db
        .collection<MemberDoc>('koc_members')
        .where({ _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      for (const m of data) granted += await grantMember(ctx, rules, m);
      members += data.length;
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    async (after) => {
      await ctx.db
        .collection('koc_state')
        .doc(STATE_ID)
        .set({ data: { after, at: new Date(ctx.now()) } });
    },
  );
  return { members, granted };
}
