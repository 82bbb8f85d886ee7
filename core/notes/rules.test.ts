import { queryTerms } from '../search-terms';
import { normalizeTopic, noteMachine, noteTerms, rejectReason, statusAfterChecks, TOPIC_MARK, timeKey } from './rules';

describe('note rules', () => {
  it('the status table is sound: every state reachable, removed final, no way back from removed', () => {
    expect(noteMachine.problems()).toEqual([]);
    expect(noteMachine.finals()).toEqual(['removed']);
    expect(noteMachine.canMove('published', 'taken_down')).toBe(true);
    expect(noteMachine.canMove('checking', 'taken_down')).toBe(false);
    expect(noteMachine.canMove('draft', 'published')).toBe(false);
    for (const s of noteMachine.states) if (s !== 'removed') expect(noteMachine.canMove(s, 'removed')).toBe(true);
  });

  it('a note publishes only when every part passed; a refusal wins over review, review over pending', () => {
    expect(statusAfterChecks('pass', [])).toBe('published');
    expect(statusAfterChecks('pass', ['pass', 'pending'])).toBe('checking');
    expect(statusAfterChecks('pass', ['review', 'pending'])).toBe('review');
    expect(statusAfterChecks('review', ['risky'])).toBe('rejected');
    expect(statusAfterChecks('risky', [])).toBe('rejected');
    expect(rejectReason('pass', ['pass'])).toBeNull();
    expect(rejectReason('pass', ['risky'])).toContain('图片');
    expect(rejectReason('risky', [])).toContain('违规');
  });

  it('terms find a two-character word anywhere in the body, and topics whole', () => {
    const terms = new Set(noteTerms({ title: '开学第一周', body: '图书馆三楼靠窗的位置安静，适合自习，插座也多。', topics: ['宿舍好物'] }));
    for (const q of ['自习', '插座', '靠窗', '开学', '好物']) expect(queryTerms(q).every((t) => terms.has(t))).toBe(true);
    expect(queryTerms('火锅').every((t) => terms.has(t))).toBe(false);
    expect(terms.has(`${TOPIC_MARK}宿舍好物`)).toBe(true);
  });

  it('topics lose their #, and time keys sort by time', () => {
    expect(normalizeTopic(' ##运动 ')).toBe('运动');
    expect(normalizeTopic('＃考研')).toBe('考研');
    expect(timeKey(9, 'b') < timeKey(10, 'a')).toBe(true);
  });
});
