// Features ask which arm the student is in before they switch a treatment on (timetable picks,
// KOC notes in the feed). The first time a student meets a live experiment that covers them,
// the arm comes from the hash and is written down as an exposure event (once, by id); after
// that the stored arm wins, so a change of weights never moves anyone. Control students are
// exposed too, at the same moment: that is what makes the arms comparable.

import type { Treatment } from '../../core/contracts/experiments';
import { armFor } from '../../core/experiments/assign';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { recordEventOnce, type SproutEvent } from '../events';
import { findUser } from '../users/users';
import { type ExperimentDoc, exposureId, runningWith } from './store';

export interface Assignment {
  experimentId: string;
  merchantId: string;
  arm: number;
  /** Arm 0 is the control: the treatment is off. */
  treated: boolean;
}

type Exposure = Extract<SproutEvent, { type: 'experiment_exposure' }>;

/** Whether the experiment's audience (grades, campus) includes this student. */
function covers(e: ExperimentDoc, user: { grade: string | null; campusId: string | null } | null): boolean {
  if (e.grades.length && !(user?.grade && e.grades.includes(user.grade as (typeof e.grades)[number]))) return false;
  if (e.campusId && user?.campusId !== e.campusId) return false;
  return true;
}

/**
 * The caller's arm in each live experiment that switches this feature and covers them, exposing
 * them on the first meeting. A few reads whatever the traffic: the running experiments, the
 * caller's profile when an audience is narrowed, their stored exposures, and one write per new
 * exposure.
 */
export async function assignments(ctx: Ctx, treatment: Treatment): Promise<Assignment[]> {
  if (!ctx.openid) return [];
  const live = await runningWith(ctx, treatment);
  if (!live.length) return [];
  const user = live.some((e) => e.grades.length || e.campusId) ? await findUser(ctx, ctx.openid) : null;
  const covering = live.filter((e) => covers(e, user));
  const stored = await getDocsByIds<Exposure>(
    ctx,
    'events',
    covering.map((e) => exposureId(e._id, ctx.openid)),
  );
  const out: Assignment[] = [];
  for (const e of covering) {
    const id = exposureId(e._id, ctx.openid);
    let arm = stored.get(id)?.arm;
    if (arm === undefined) {
      const hashed = armFor(
        ctx.openid,
        e._id,
        e.arms.map((a) => a.weight),
        e.coverage / 100,
      );
      if (hashed < 0) continue; // outside the coverage: not in the experiment
      const fields = { experimentId: e._id, merchantId: e.merchantId, arm: hashed, phase: e.phase };
      // A concurrent first meeting wrote it first: take what it wrote (the weights may have moved between).
      if (!(await recordEventOnce(ctx, id, 'experiment_exposure', fields))) arm = (await getDocsByIds<Exposure>(ctx, 'events', [id])).get(id)?.arm ?? hashed;
      else arm = hashed;
    }
    out.push({ experimentId: e._id, merchantId: e.merchantId, arm, treated: arm !== 0 });
  }
  return out;
}

/** The merchants whose treatment is off for this student (their control arm): features leave their offers out. */
export async function controlMerchants(ctx: Ctx, treatment: Treatment): Promise<Set<string>> {
  const list = await assignments(ctx, treatment);
  const treated = new Set(list.filter((a) => a.treated).map((a) => a.merchantId));
  // A merchant with two experiments on one feature: control in either keeps it off, unless treated in another.
  return new Set(list.filter((a) => !a.treated && !treated.has(a.merchantId)).map((a) => a.merchantId));
}
