// The review form's rules, as the contract has them (reviewInput.review), without zod in the page.
import type { NoteState } from '@core/notes/rules';
import { NOTE_LIMITS } from '@core/notes/rules';

export interface ReviewForm {
  rating: number;
  text: string;
  images: string[];
  asNote: boolean;
}

/** Photos make a review a note whatever the switch says (they are checked as a note's are). */
export const becomesNote = (f: Pick<ReviewForm, 'asNote' | 'images'>) => f.asNote || f.images.length > 0;

/** One message per field (rating, text), empty when the form can be sent. */
export function checkReview(f: ReviewForm): { rating?: string; text?: string } {
  const e: { rating?: string; text?: string } = {};
  if (!Number.isInteger(f.rating) || f.rating < 1 || f.rating > 5) e.rating = '请打分（1-5 颗星）';
  const text = f.text.trim();
  if (text.length > NOTE_LIMITS.body) e.text = `评价最多 ${NOTE_LIMITS.body} 个字`;
  else if (f.asNote && !text && f.images.length === 0) e.text = '发成笔记需要写几句话或加图片';
  return e;
}

export const RATING_WORDS = ['', '很差', '较差', '一般', '满意', '非常满意'];

/** What the buyer reads after sending: the review, and the note it became when there is one. */
export function reviewOutcome(r: { noteId: string | null; status: NoteState | null; reason: string | null }): { title: string; text: string } {
  if (!r.noteId) return { title: '已评价', text: '谢谢你的评价，它会显示在商品页上。' };
  switch (r.status) {
    case 'published':
      return { title: '已评价', text: '评价已发成种草笔记（带「已购」），同学们现在就能看到。' };
    case 'rejected':
    case 'taken_down':
      return { title: '已评价', text: `评价已记下，但笔记没有通过：${r.reason ?? '内容不适合发布'}。你可以在笔记页修改后再发布。` };
    default:
      return { title: '已评价 · 审核中', text: '笔记在审核中，文字和图片检测通过后自动发布，评价也会在商品页显示它。' };
  }
}
