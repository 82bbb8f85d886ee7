// user: the caller's profile. Identity is ctx.openid; the event never names a user.
import { type UserResults, userInput } from '../../core/contracts/user';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../../server/context';
import { action, defineFunction } from '../../server/define';
import { createUser, findUser, toProfile, type UserDoc, updateUser } from '../../server/users/users';

/** "同学" plus four characters of the openid's hash: a readable default the student will change. */
function defaultNickname(openid: string): string {
  let h = 0;
  for (const ch of openid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `同学${h.toString(36).slice(-4).toUpperCase()}`;
}

async function profileOf(ctx: Ctx) {
  const user = await findUser(ctx, ctx.openid);
  return user ? ok(await toProfile(ctx, user)) : fail('NOT_FOUND', '还没有你的资料，请重新进入小程序');
}

export default defineFunction('user', {
  login: action({
    input: userInput.login,
    async run(ctx) {
      const existing = await findUser(ctx, ctx.openid);
      if (existing) return ok<UserResults['login']>({ profile: await toProfile(ctx, existing), isNew: false });
      const now = new Date(ctx.now());
      const doc: UserDoc = {
        _id: ctx.openid,
        roles: ['student'],
        campusId: null,
        nickname: defaultNickname(ctx.openid),
        avatarUrl: '',
        grade: null,
        major: '',
        interests: [],
        createdAt: now,
        updatedAt: now,
      };
      const { user, created } = await createUser(ctx, doc);
      if (created) ctx.log.info('new user', { openid: ctx.openid });
      return ok<UserResults['login']>({ profile: await toProfile(ctx, user), isNew: created });
    },
  }),

  getProfile: action({ input: userInput.getProfile, run: (ctx) => profileOf(ctx) }),

  listCampuses: action({
    input: userInput.listCampuses,
    async run(ctx) {
      const { data } = await ctx.db.collection<{ name: string; city: string }>('campuses').orderBy('name', 'asc').limit(100).get();
      return ok<UserResults['listCampuses']>(data.map((c) => ({ id: c._id, name: c.name, city: c.city })));
    },
  }),

  updateProfile: action({
    input: userInput.updateProfile,
    async run(ctx, input) {
      const user = await findUser(ctx, ctx.openid);
      if (!user) return fail('NOT_FOUND', '还没有你的资料，请重新进入小程序');
      if (input.campusId) {
        const campus = await ctx.db.collection('campuses').where({ _id: input.campusId }).count();
        if (campus.total === 0) return fail('INVALID_INPUT', '没有这所学校');
      }
      if (input.nickname !== undefined && input.nickname !== user.nickname) {
        const check = await ctx.contentCheck.checkText({ content: input.nickname, openid: ctx.openid, scene: 1 });
        if (check.suggest !== 'pass') return fail('CONTENT_REJECTED', '昵称含有不合适的内容，换一个吧');
      }
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length > 0) {
        await updateUser(ctx, ctx.openid, changes);
      }
      return profileOf(ctx);
    },
  }),
});
