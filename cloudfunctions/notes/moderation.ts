// The notes function's reports, moderation queue and blocking (server/notes/moderation.ts).
import { moderationInput } from '../../core/contracts/notes';
import { action } from '../../server/define';
import { block, moderate, moderationQueue, report, unblock } from '../../server/notes/moderation';

export const moderationActions = {
  report: action({ input: moderationInput.report, run: (ctx, input) => report(ctx, input) }),
  moderationQueue: action({ input: moderationInput.moderationQueue, run: (ctx, { cursor }) => moderationQueue(ctx, cursor) }),
  moderate: action({ input: moderationInput.moderate, run: (ctx, input) => moderate(ctx, input) }),
  block: action({ input: moderationInput.block, run: (ctx, { openid }) => block(ctx, openid) }),
  unblock: action({ input: moderationInput.unblock, run: (ctx, { openid }) => unblock(ctx, openid) }),
};
