// The notes function's reviews (server/notes/reviews.ts).
import { reviewInput } from '../../core/contracts/notes';
import { ok } from '../../core/result';
import { action } from '../../server/define';
import { productReviews, review } from '../../server/notes/reviews';

export const reviewActions = {
  review: action({ input: reviewInput.review, run: (ctx, input) => review(ctx, input) }),
  productReviews: action({
    input: reviewInput.productReviews,
    public: true,
    run: async (ctx, { productId, cursor }) => ok(await productReviews(ctx, productId, cursor)),
  }),
};
