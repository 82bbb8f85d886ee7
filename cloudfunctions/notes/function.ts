// notes: 种草笔记. Students publish notes (title, body, images, topics, product tags, an optional
// linked order for 已购), checked by WeChat's content security before anyone else sees them;
// like, collect, comment and follow; read their notifications; search. The 广告 label is the
// server's (server/notes/tags.ts). WeChat pushes each image's verdict here (event
// wxa_media_check, configured in 云开发控制台 > 设置 > 消息推送 to this function): the push has
// no action and is taken only from the platform. Domain code lives in server/notes/.
import { notesInput } from '../../core/contracts/notes';
import { fail, ok } from '../../core/result';
import { action, type CloudFunction, defineFunction } from '../../server/define';
import { applyVerdict, sendLateChecksToReview } from '../../server/notes/checks';
import { COLLECT, comment, follow, LIKE, mark, unfollow, unmark } from '../../server/notes/interactions';
import { comments, notifications } from '../../server/notes/lists';
import { edit, publish, remove } from '../../server/notes/publish';
import { foldPurchases } from '../../server/notes/purchases';
import { getNote, mine, searchNotes } from '../../server/notes/read';
import { noteStats, productClick } from '../../server/notes/views';
import { RunBudget } from '../../server/run-budget';
import { feedActions } from './feed';
import { moderationActions } from './moderation';
import { reviewActions } from './reviews';

/**
 * Sources a person can cause: a client, the IDE, an HTTP call, a crawler, another function.
 * WeChat does not document the SOURCE of a message push, so the push is told apart by what it
 * cannot be: anything a caller could have sent is refused (an empty SOURCE too is accepted:
 * only the platform, or an administrator with the account's cloud keys, invokes without one).
 */
const CALLER_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_http', 'wx_crawler', 'wx_trigger', 'wx_paycallback', 'scf'];
const fromPlatformPush = (source: string) => !source.split(',').some((s) => CALLER_SOURCES.includes(s));

const inner = defineFunction(
  'notes',
  {
    // The 发现 feed, following feed, topic pages, 不感兴趣, the personalisation switch, profiles: ./feed.ts.
    ...feedActions,
    // Reports, the moderation queue, blocking: ./moderation.ts.
    ...moderationActions,
    // Reviews of completed orders (a review with photos is a note with 已购): ./reviews.ts.
    ...reviewActions,
    publish: action({ input: notesInput.publish, run: (ctx, input) => publish(ctx, input) }),
    edit: action({ input: notesInput.edit, run: (ctx, input) => edit(ctx, input) }),
    remove: action({ input: notesInput.remove, run: (ctx, { noteId }) => remove(ctx, noteId) }),
    get: action({ input: notesInput.get, public: true, run: (ctx, { noteId }) => getNote(ctx, noteId) }),
    mine: action({ input: notesInput.mine, run: async (ctx, { status, cursor }) => ok(await mine(ctx, status, cursor)) }),
    like: action({
      input: notesInput.like,
      async run(ctx, { noteId }) {
        const r = await mark(ctx, LIKE, noteId);
        return r.ok ? ok({ liked: true as const, likes: r.data }) : r;
      },
    }),
    unlike: action({
      input: notesInput.unlike,
      async run(ctx, { noteId }) {
        const r = await unmark(ctx, LIKE, noteId);
        return r.ok ? ok({ liked: false as const, likes: r.data }) : r;
      },
    }),
    collect: action({
      input: notesInput.collect,
      async run(ctx, { noteId }) {
        const r = await mark(ctx, COLLECT, noteId);
        return r.ok ? ok({ collected: true as const, collects: r.data }) : r;
      },
    }),
    uncollect: action({
      input: notesInput.uncollect,
      async run(ctx, { noteId }) {
        const r = await unmark(ctx, COLLECT, noteId);
        return r.ok ? ok({ collected: false as const, collects: r.data }) : r;
      },
    }),
    comment: action({ input: notesInput.comment, run: (ctx, input) => comment(ctx, input) }),
    comments: action({ input: notesInput.comments, public: true, run: (ctx, { noteId, cursor }) => comments(ctx, noteId, cursor) }),
    follow: action({ input: notesInput.follow, run: (ctx, { openid }) => follow(ctx, openid) }),
    unfollow: action({ input: notesInput.unfollow, run: (ctx, { openid }) => unfollow(ctx, openid) }),
    notifications: action({ input: notesInput.notifications, run: async (ctx, { cursor }) => ok(await notifications(ctx, cursor)) }),
    productClick: action({ input: notesInput.productClick, run: (ctx, { noteId, productId }) => productClick(ctx, noteId, productId) }),
    noteStats: action({ input: notesInput.noteStats, run: (ctx, { noteId }) => noteStats(ctx, noteId) }),
    search: action({ input: notesInput.search, public: true, run: async (ctx, { q, cursor }) => ok(await searchNotes(ctx, q, cursor)) }),
    mediaCheckResult: action({
      input: notesInput.mediaCheckResult,
      public: true,
      async run(ctx, push) {
        if (!fromPlatformPush(ctx.source)) return fail('FORBIDDEN', '只接受微信的检测结果推送');
        const outcome = await applyVerdict(ctx, push.trace_id, push.result.suggest);
        ctx.log.info('image check verdict', { traceId: push.trace_id, suggest: push.result.suggest, outcome });
        return ok({ outcome });
      },
    }),
    sweep: action({
      input: notesInput.sweep,
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只由定时器运行');
        const toReview = await sendLateChecksToReview(ctx);
        // Paid orders become feed interests of their buyers.
        const purchases = await foldPurchases(ctx, new RunBudget(ctx.timeLeft));
        return ok({ toReview, purchases });
      },
    }),
  },
  { timerAction: 'sweep' },
);

/** WeChat's wxa_media_check push (no action) becomes the mediaCheckResult action. */
const isMediaCheckPush = (e: unknown): e is Record<string, unknown> =>
  typeof e === 'object' && e !== null && !('action' in e) && (e as { Event?: unknown }).Event === 'wxa_media_check';

const notes: CloudFunction = {
  ...inner,
  handle: (event, ctx) => inner.handle(isMediaCheckPush(event) ? { ...event, action: 'mediaCheckResult' } : event, ctx),
};
export default notes;
