// Tiers and tier rules for pages that show several programs at once: the same answers as
// tierOf and tierRules (tiers.ts), read with one `_.in` query per collection instead of one
// read per program, so a KOC working with six shops costs what one shop costs.
import { DEFAULT_TIER_RULES, type Tier, type TierRule } from '../../core/tiers';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { programsById } from '../users/programs';
import type { KocTierDoc } from './tiers';

/** A KOC's tier with each merchant (primary where the tier job has not placed them). */
export async function tiersOf(ctx: Ctx, koc: string, merchantIds: readonly string[]): Promise<Map<string, Tier>> {
  const placed = await getDocsByIds<KocTierDoc>(
    ctx,
    'koc_tiers',
    merchantIds.map((m) => `${m}:${koc}`),
  );
  return new Map(merchantIds.map((m) => [m, placed.get(`${m}:${koc}`)?.tier ?? 'primary']));
}

/** Each merchant's tier thresholds (the defaults where the merchant set none). */
export async function tierRulesOf(ctx: Ctx, merchantIds: readonly string[]): Promise<Map<string, TierRule[]>> {
  const programs = await programsById(ctx, merchantIds);
  return new Map(merchantIds.map((m) => [m, programs.get(m)?.commission?.tiers ?? DEFAULT_TIER_RULES]));
}
