import { becomesNote, checkReview, reviewOutcome } from './form';

const form = { rating: 5, text: '', images: [] as string[], asNote: false };

test('a rating of 1-5 is needed; words are optional unless it is to be a note with no photos', () => {
  expect(checkReview({ ...form, rating: 0 })).toEqual({ rating: '请打分（1-5 颗星）' });
  expect(checkReview(form)).toEqual({});
  expect(checkReview({ ...form, asNote: true, text: '  ' })).toEqual({ text: '发成笔记需要写几句话或加图片' });
  expect(checkReview({ ...form, asNote: true, images: ['cloud://a.png'] })).toEqual({});
  expect(checkReview({ ...form, text: '好'.repeat(1001) })).toEqual({ text: '评价最多 1000 个字' });
});

test('photos make it a note whatever the switch says', () => {
  expect(becomesNote({ asNote: false, images: [] })).toBe(false);
  expect(becomesNote({ asNote: false, images: ['x'] })).toBe(true);
  expect(becomesNote({ asNote: true, images: [] })).toBe(true);
});

test('the outcome names the note while it is checked', () => {
  expect(reviewOutcome({ noteId: null, status: null, reason: null }).title).toBe('已评价');
  expect(reviewOutcome({ noteId: 'n', status: 'checking', reason: null }).title).toBe('已评价 · 审核中');
  expect(reviewOutcome({ noteId: 'n', status: 'published', reason: null }).title).toBe('已评价');
  expect(reviewOutcome({ noteId: 'n', status: 'rejected', reason: '含有违规内容' }).text).toContain('含有违规内容');
});
