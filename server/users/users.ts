import type { Profile } from '../../core/contracts/user';
import type { Role } from '../../core/profile';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';

export interface UserDoc {
  _id: string; // the openid
  roles: Role[];
  campusId: string | null;
  nickname: string;
  avatarUrl: string;
  grade: string | null;
  major: string;
  interests: string[];
  createdAt: Date;
  updatedAt: Date;
}

export function findUser(ctx: Ctx, openid: string): Promise<UserDoc | null> {
  return getDoc<UserDoc>(ctx, 'users', openid);
}

/** The users a list shows, by openid, in one query however long the list (missing ones absent). */
export function findUsers(ctx: Ctx, openids: readonly string[]): Promise<Map<string, UserDoc>> {
  return getDocsByIds<UserDoc>(ctx, 'users', openids);
}

/** Creates the caller's profile once; a concurrent second login finds the first one's. */
export async function createUser(ctx: Ctx, doc: UserDoc): Promise<{ user: UserDoc; created: boolean }> {
  try {
    await ctx.db.collection('users').add({ data: doc });
    return { user: doc, created: true };
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const existing = await findUser(ctx, doc._id);
    if (!existing) throw e;
    return { user: existing, created: false };
  }
}

/** Replaces the given profile fields (an array or null replaces the stored value, never merges into it). */
export async function updateUser(ctx: Ctx, openid: string, changes: Record<string, unknown>): Promise<void> {
  const _ = ctx.db.command;
  const data = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, _.set(v)]));
  await ctx.db
    .collection('users')
    .doc(openid)
    .update({ data: { ...data, updatedAt: new Date(ctx.now()) } });
}

export async function campusName(ctx: Ctx, campusId: string | null): Promise<string | null> {
  return campusId ? ((await getDoc<{ name: string }>(ctx, 'campuses', campusId))?.name ?? null) : null;
}

export async function toProfile(ctx: Ctx, u: UserDoc): Promise<Profile> {
  return {
    openid: u._id,
    roles: u.roles,
    campusId: u.campusId,
    campusName: await campusName(ctx, u.campusId),
    nickname: u.nickname,
    avatarUrl: u.avatarUrl,
    grade: u.grade,
    major: u.major,
    interests: u.interests,
    createdAt: new Date(u.createdAt).getTime(),
  };
}

export async function hasRole(ctx: Ctx, role: Role): Promise<boolean> {
  const u = await findUser(ctx, ctx.openid);
  return Boolean(u?.roles.includes(role));
}

/** Users whose nickname starts with `prefix` (a shop searching its orders by buyer), at most 100, one query. */
export async function usersByNicknamePrefix(ctx: Ctx, prefix: string): Promise<Map<string, UserDoc>> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<UserDoc>('users')
    .where({ nickname: _.gte(prefix).and(_.lt(`${prefix}\uffff`)) })
    .limit(100)
    .get();
  return new Map(data.map((u) => [u._id, u]));
}
