// The notes function's feed, topic pages, following feed, 不感兴趣, the personalisation switch and
// profiles (server/notes/feed.ts, interests.ts, profile.ts).
import { feedInput } from '../../core/contracts/notes';
import { ok } from '../../core/result';
import { action } from '../../server/define';
import { feed, followingFeed, topicFeed } from '../../server/notes/feed';
import { hideNote, interestsOf, setCollectsPublic, setPersonalized } from '../../server/notes/interests';
import { profile, profileCollects } from '../../server/notes/profile';

export const feedActions = {
  feed: action({ input: feedInput.feed, public: true, run: async (ctx, input) => ok(await feed(ctx, input)) }),
  following: action({ input: feedInput.following, run: async (ctx, { cursor }) => ok(await followingFeed(ctx, cursor)) }),
  topic: action({ input: feedInput.topic, public: true, run: async (ctx, { topic, cursor }) => ok(await topicFeed(ctx, topic, cursor)) }),
  hide: action({
    input: feedInput.hide,
    async run(ctx, { noteId }) {
      await hideNote(ctx, noteId);
      return ok({ hidden: true as const });
    },
  }),
  feedSettings: action({
    input: feedInput.feedSettings,
    async run(ctx) {
      const d = await interestsOf(ctx, ctx.openid);
      return ok({ personalized: d.personalized, collectsPublic: d.collectsPublic });
    },
  }),
  setPersonalized: action({
    input: feedInput.setPersonalized,
    run: async (ctx, { on }) => ok({ personalized: (await setPersonalized(ctx, on)).personalized }),
  }),
  setCollectsPublic: action({
    input: feedInput.setCollectsPublic,
    run: async (ctx, { on }) => ok({ collectsPublic: (await setCollectsPublic(ctx, on)).collectsPublic }),
  }),
  profile: action({ input: feedInput.profile, public: true, run: (ctx, { openid }) => profile(ctx, openid) }),
  profileCollects: action({ input: feedInput.profileCollects, public: true, run: (ctx, { openid, cursor }) => profileCollects(ctx, openid, cursor) }),
};
