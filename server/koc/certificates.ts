// KOC certificates: a member's name, tier, program and date, with a verification code that is an
// HMAC of those fields under a server secret (env SPROUT_CERT_SECRET). Issued certificates are
// stored by code (koc_certificates), so verification is a read by _id plus the HMAC recomputed
// over what is stored: a made-up code finds nothing, and a stored certificate whose fields were
// changed no longer matches its code. The same member, tier and day give the same code, so
// asking again issues nothing new.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { campusDay } from '../../core/campus-days';
import type { CertificateView, HonoursResults, honoursInput } from '../../core/contracts/koc-honours';
import { fail, ok } from '../../core/result';
import { TIER_NAMES, type Tier } from '../../core/tiers';
import { tierOf } from '../commission/tiers';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { merchantName } from '../users/merchants';
import { findUser } from '../users/users';
import { isMember } from './members';

/** Only for local runs and tests; a deployment sets its own. */
const DEV_SECRET = 'sprout-local-certificate-secret';

interface CertificateDoc {
  _id: string; // the code
  merchantId: string;
  openid: string;
  name: string;
  tier: Tier;
  program: string;
  date: string;
  issuedAt: Date;
}

type Signed = Pick<CertificateDoc, 'merchantId' | 'openid' | 'name' | 'tier' | 'program' | 'date'>;

const CODE = /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/;

/** 16 hex digits of the HMAC, in groups of four (64 bits: not guessable, short enough to type). */
function codeOf(f: Signed): string {
  const secret = process.env.SPROUT_CERT_SECRET || DEV_SECRET;
  const mac = createHmac('sha256', secret)
    .update(JSON.stringify([f.merchantId, f.openid, f.name, f.tier, f.program, f.date]))
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
  return mac.match(/.{4}/g)?.join('-') ?? mac;
}

const view = (c: Signed & { _id: string }): CertificateView => ({
  name: c.name,
  tier: c.tier,
  tierName: TIER_NAMES[c.tier],
  program: c.program,
  date: c.date,
  code: c._id,
});

export async function certificate(ctx: Ctx, { merchantId }: z.output<typeof honoursInput.certificate>) {
  if (!(await isMember(ctx, merchantId, ctx.openid))) return fail('NOT_FOUND', '你还不是这家店的达人');
  const [user, tier, program] = await Promise.all([findUser(ctx, ctx.openid), tierOf(ctx, merchantId, ctx.openid), merchantName(ctx, merchantId)]);
  const fields: Signed = { merchantId, openid: ctx.openid, name: user?.nickname ?? '', tier, program, date: campusDay(ctx.now()) };
  const code = codeOf(fields);
  try {
    await ctx.db.collection('koc_certificates').add({ data: { _id: code, ...fields, issuedAt: new Date(ctx.now()) } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // issued before today with the same fields
  }
  return ok<HonoursResults['certificate']>(view({ _id: code, ...fields }));
}

export async function verifyCertificate(ctx: Ctx, { code }: z.output<typeof honoursInput.verifyCertificate>) {
  const notFound = () => fail('NOT_FOUND', '没有这张证书，或证书内容被改动过');
  if (!CODE.test(code)) return notFound();
  const stored = await getDoc<CertificateDoc>(ctx, 'koc_certificates', code);
  if (!stored) return notFound();
  const expected = Buffer.from(codeOf(stored));
  const given = Buffer.from(code);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return notFound();
  return ok<HonoursResults['verifyCertificate']>(view(stored));
}
