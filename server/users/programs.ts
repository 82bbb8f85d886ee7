// A merchant's program: one document per merchant (its _id) holding the commission settings
// and the attribution rules side by side. Commission and sharing read their part; both write
// through here, so the document is made once and each part replaces only itself.
import type { AttributionSettings } from '../../core/attribution';
import type { TierRule } from '../../core/tiers';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';

export type ProgramPart = 'commission' | 'attribution';

export interface ProgramDoc {
  _id: string; // the merchant's id
  /** What the merchant set (the commission function's ProgramSettings); absent parts take the defaults. */
  commission?: { tiers?: TierRule[] } & Record<string, unknown>;
  attribution?: AttributionSettings;
}

/** The programs of the merchants a list shows, in one query however long the list (missing ones absent). */
export function programsById(ctx: Ctx, merchantIds: readonly string[]): Promise<Map<string, ProgramDoc>> {
  return getDocsByIds<ProgramDoc>(ctx, 'programs', merchantIds);
}

/** Replaces one part of a merchant's program (made empty first if the merchant has none). */
export async function setProgramPart(ctx: Ctx, merchantId: string, part: ProgramPart, value: object): Promise<void> {
  await ctx.db
    .collection('programs')
    .add({ data: { _id: merchantId } })
    .catch((e) => {
      if (!isDuplicateKeyError(e)) throw e;
    });
  await ctx.db
    .collection('programs')
    .doc(merchantId)
    .update({ data: { [part]: ctx.db.command.set(value), updatedAt: new Date(ctx.now()) } });
}
