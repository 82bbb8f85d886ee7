// A student applies to a merchant's program, sees where they stand, or withdraws.
// One open application per student and program holds under concurrency through the program's
// marker (koc_open, _id `${merchantId}:${openid}`): made by add (a duplicate key means another
// request got there) or taken over by a conditional update once the last application ended and
// its cooldown passed. The marker is claimed before the application is written, so a refused
// second application writes nothing; the application's id comes from the caller and the request
// id, so repeating a request (or finishing one that died after the marker) makes no second one.
import { DAY_MS } from '../../core/attribution';
import type { KocResults, kocInput } from '../../core/contracts/koc';
import { DEFAULT_COOLDOWN_DAYS, OPEN_STATES, profileKey } from '../../core/koc-pipeline';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { findShop, merchantName, merchantsById } from '../users/merchants';
import { programsById } from '../users/programs';
import { findUser } from '../users/users';
import { isMember, membersOf } from './members';
import { type ApplicationDoc, closeMarkerTx, findApplication, markerId, moveApplication, type OpenMarker, ownApplication, toView } from './store';

type ApplyInput = import('zod').output<typeof kocInput.apply>;

/** A marker pointing at an application that never got written is a request that died (functions stop after 10 s). */
const STALE_CLAIM_MS = 60_000;

const campusDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

type Claim = { ok: true } | { ok: false; code: 'APPLICATION_OPEN' | 'COOLDOWN'; message: string };

async function refusal(ctx: Ctx, m: OpenMarker, applicationId: string): Promise<Claim | null> {
  if (m.applicationId === applicationId) return { ok: true };
  if (m.open) {
    const held = await findApplication(ctx, m.applicationId);
    // A claim whose application was never written (the request died) does not block for ever.
    if (held || ctx.now() - new Date(m.at).getTime() < STALE_CLAIM_MS)
      return { ok: false, code: 'APPLICATION_OPEN', message: '你在这家店已有一份申请在处理中' };
    return null;
  }
  if (m.reapplyAt && new Date(m.reapplyAt).getTime() > ctx.now()) {
    return { ok: false, code: 'COOLDOWN', message: `上次申请未通过，${campusDate(new Date(m.reapplyAt))} 后可以再申请` };
  }
  return null;
}

/** Takes the program's marker for this application, or says why not. */
async function claimMarker(ctx: Ctx, merchantId: string, applicationId: string): Promise<Claim> {
  const id = markerId(merchantId, ctx.openid);
  for (let attempt = 0; attempt < 3; attempt++) {
    const m = await getDoc<OpenMarker>(ctx, 'koc_open', id);
    if (!m) {
      try {
        const doc = { merchantId, openid: ctx.openid, applicationId, open: true, reapplyAt: null, at: new Date(ctx.now()) };
        await ctx.db.collection('koc_open').add({ data: { _id: id, ...doc } });
        return { ok: true };
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
        continue; // another request made it first: read what it claimed
      }
    }
    const refused = await refusal(ctx, m, applicationId);
    if (refused) return refused;
    // The last application ended (and its cooldown passed) or its claim is stale: take it over, only if unchanged.
    const res = await ctx.db
      .collection('koc_open')
      .where({ _id: id, applicationId: m.applicationId, open: m.open })
      .update({ data: { applicationId, open: true, reapplyAt: null, at: new Date(ctx.now()) } });
    if (res.stats.updated === 1) return { ok: true };
  }
  return { ok: false, code: 'APPLICATION_OPEN', message: '你在这家店已有一份申请在处理中' };
}

/** Records who uses each social account, so screening can flag an account used by another applicant. */
async function recordProfiles(ctx: Ctx, app: ApplicationDoc): Promise<void> {
  const _ = ctx.db.command;
  for (const key of app.profileKeys) {
    const res = await ctx.db
      .collection('koc_profiles')
      .where({ _id: key })
      .update({ data: { openids: _.addToSet(app.applicant), applicationIds: _.addToSet(app._id) } });
    if (res.stats.updated === 1) continue;
    try {
      await ctx.db.collection('koc_profiles').add({ data: { _id: key, openids: [app.applicant], applicationIds: [app._id], merchantId: app.merchantId } });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      await ctx.db
        .collection('koc_profiles')
        .where({ _id: key })
        .update({ data: { openids: _.addToSet(app.applicant), applicationIds: _.addToSet(app._id) } });
    }
  }
}

export async function apply(ctx: Ctx, input: ApplyInput) {
  const applicationId = hashId(ctx.openid, input.requestId, `koc:${input.merchantId}`);
  const done = await findApplication(ctx, applicationId);
  if (done) {
    if (done.applicant !== ctx.openid) throw new Error('application id collision');
    await recordProfiles(ctx, done);
    return ok<KocResults['apply']>({ applicationId });
  }
  const shop = await findShop(ctx, input.merchantId);
  if (!shop) return fail('NOT_FOUND', '没有这家店');
  if (shop.ownerOpenid === ctx.openid) return fail('BAD_STATE', '不能申请成为自己店铺的达人');
  if (await isMember(ctx, input.merchantId, ctx.openid)) return fail('BAD_STATE', '你已是这家店的达人');
  const claim = await claimMarker(ctx, input.merchantId, applicationId);
  if (!claim.ok) return fail(claim.code, claim.message);
  const now = new Date(ctx.now());
  const app: ApplicationDoc = {
    _id: applicationId,
    merchantId: input.merchantId,
    applicant: ctx.openid,
    state: 'applied',
    socials: input.socials,
    categories: input.categories,
    portfolio: input.portfolio,
    profileKeys: [...new Set(input.socials.map(profileKey))],
    slots: [],
    pickedSlot: null,
    interview: null,
    trial: null,
    rejectReason: null,
    reapplyAt: null,
    history: [],
    createdAt: now,
  };
  try {
    await ctx.db.collection('koc_applications').add({ data: app });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same request racing itself: one application
  }
  await recordProfiles(ctx, app);
  return ok<KocResults['apply']>({ applicationId });
}

export async function myApplication(ctx: Ctx, merchantId: string) {
  const m = await getDoc<OpenMarker>(ctx, 'koc_open', markerId(merchantId, ctx.openid));
  const app = m ? await findApplication(ctx, m.applicationId) : null;
  if (!app || app.applicant !== ctx.openid) return ok<KocResults['myApplication']>({ application: null });
  return ok<KocResults['myApplication']>({ application: toView(app, await merchantName(ctx, merchantId)) });
}

export async function withdraw(ctx: Ctx, applicationId: string) {
  const found = await ownApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  const { app } = found;
  if (app.state === 'withdrawn') return ok<KocResults['withdraw']>({ applicationId });
  if (!OPEN_STATES.includes(app.state)) return fail('BAD_STATE', '这份申请已经结束了');
  const moved = await moveApplication(ctx, applicationId, app.state, 'withdrawn', {
    reason: '申请人撤回',
    also: (tx, a) => closeMarkerTx(tx, a, null),
  });
  if (moved === 'stale') return fail('BAD_STATE', '申请状态刚刚变了，请刷新');
  return ok<KocResults['withdraw']>({ applicationId });
}

const MAX_PROGRAMS = 50;

/** The shops of the student's campus, each program's mode, and where the student stands with it. */
export async function programs(ctx: Ctx) {
  const user = await findUser(ctx, ctx.openid);
  if (!user?.campusId) return ok<KocResults['programs']>({ programs: [] });
  const { data: shops } = await ctx.db
    .collection<{ _id: string; name: string; ownerOpenid: string }>('merchants')
    .where({ campusId: user.campusId })
    .limit(MAX_PROGRAMS)
    .get();
  const ids = shops.filter((s) => s.ownerOpenid !== ctx.openid).map((s) => s._id);
  const [progs, markers, members, names] = await Promise.all([
    programsById(ctx, ids),
    getDocsByIds<OpenMarker>(
      ctx,
      'koc_open',
      ids.map((id) => markerId(id, ctx.openid)),
    ),
    membersOf(
      ctx,
      ids.map((merchantId) => ({ merchantId, openid: ctx.openid })),
    ),
    merchantsById(ctx, ids),
  ]);
  const apps = await getDocsByIds<ApplicationDoc>(
    ctx,
    'koc_applications',
    [...markers.values()].map((m) => m.applicationId),
  );
  return ok<KocResults['programs']>({
    programs: ids.map((merchantId) => {
      const app = apps.get(markers.get(markerId(merchantId, ctx.openid))?.applicationId ?? '');
      const mode = (progs.get(merchantId)?.commission as { kocMode?: 'approved' | 'everyone' } | undefined)?.kocMode;
      const merchantName = names.get(merchantId)?.name ?? '';
      return {
        merchantId,
        merchantName,
        kocMode: mode === 'everyone' ? 'everyone' : 'approved',
        member: members.has(markerId(merchantId, ctx.openid)),
        application: app && app.applicant === ctx.openid ? toView(app, merchantName) : null,
      };
    }),
  });
}

/** When a rejected student may apply again. */
export const cooldownEnd = (now: number) => new Date(now + DEFAULT_COOLDOWN_DAYS * DAY_MS);
