import fc from 'fast-check';
import { type Candidate, hotKey, hotScore, type Interests, interestsFrom, rankFeed, reasonLine } from './feed-rank';

const none = { likes: 0, collects: 0, comments: 0, shares: 0 };

test('hot score: Lemmy formula with XHS weights, by hand', () => {
  // 10000·ln(3) / 2^1.8
  expect(hotScore(none, 0)).toBeCloseTo(3154.94, 1);
  // 1 like + 1 collect + 1 comment (×4) + 1 share (×4) = 10 points, 10 hours old: 10000·ln(13) / 12^1.8
  expect(hotScore({ likes: 1, collects: 1, comments: 1, shares: 1 }, 10)).toBeCloseTo(292.79, 1);
});

test('hot falls with age and the first likes count more than later ones', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 500 }), (likes, hours) => {
      const e = { ...none, likes };
      expect(hotScore(e, hours + 1)).toBeLessThan(hotScore(e, hours));
      expect(hotScore({ ...none, likes: likes + 1 }, hours)).toBeGreaterThanOrEqual(hotScore(e, hours));
    }),
  );
  expect(hotScore({ ...none, likes: 10 }, 0) - hotScore(none, 0)).toBeGreaterThan(hotScore({ ...none, likes: 110 }, 0) - hotScore({ ...none, likes: 100 }, 0));
});

const note = (noteId: string, hot: number, extra: Partial<Candidate> = {}): Candidate => ({
  noteId,
  author: `a-${noteId}`,
  topics: [],
  categories: [],
  hot,
  publishedAt: 0,
  authorNotes: 10,
  ...extra,
});
const nobody: Interests = { topics: {}, categories: {}, courses: [], following: [], hidden: [] };

test("a student's interests lift matching notes, and the card says why", () => {
  const cands = [note('run', 100, { topics: ['运动'] }), note('snack', 120, { categories: ['零食'] }), note('plain', 130)];
  const sporty = { ...nobody, topics: { 运动: 3 } };
  const page = rankFeed(cands, sporty, 10);
  // run: 100 × (1 + 2·1) = 300 beats plain 130 and snack 120.
  expect(page.map((r) => r.noteId)).toEqual(['run', 'plain', 'snack']);
  expect(reasonLine(page[0].reason)).toBe('因为你常看 #运动');
  expect(page[1].reason).toEqual({ kind: 'popular' });
  // Course scenes and followed authors, each with its line.
  const course = rankFeed([note('ball', 50, { categories: ['运动'] })], { ...nobody, courses: [{ key: '运动', label: '体育课' }] }, 5);
  expect(reasonLine(course[0].reason)).toBe('和你的体育课相关');
  const followed = rankFeed([note('x', 50, { author: 'kol' })], { ...nobody, following: ['kol'] }, 5);
  expect(reasonLine(followed[0].reason)).toBe('你关注的作者');
});

test('with personalisation off the order is hot alone and every card reads 校园热门', () => {
  const cands = [note('run', 100, { topics: ['运动'] }), note('plain', 130), note('snack', 120, { categories: ['零食'] })];
  const page = rankFeed(cands, null, 10);
  expect(page.map((r) => r.noteId)).toEqual(['plain', 'snack', 'run']);
  expect(page.every((r) => reasonLine(r.reason) === '校园热门')).toBe(true);
});

test('不感兴趣 notes are left out; the 10th slot goes to a new creator', () => {
  const cands = Array.from({ length: 14 }, (_, i) => note(`n${String(i).padStart(2, '0')}`, 1000 - i));
  cands.push(note('fresh', 1, { authorNotes: 1 }));
  const page = rankFeed(cands, { ...nobody, hidden: ['n00'] }, 10);
  expect(page.map((r) => r.noteId)).not.toContain('n00');
  expect(page).toHaveLength(10);
  expect(page[9]).toMatchObject({ noteId: 'fresh', reason: { kind: 'new_creator' } });
  expect(page.slice(0, 9).map((r) => r.noteId)).toEqual(['n01', 'n02', 'n03', 'n04', 'n05', 'n06', 'n07', 'n08', 'n09']);
});

test('every personalised card carries a reason line; a page never repeats a note', () => {
  const cand = fc.record({
    noteId: fc.string({ minLength: 1, maxLength: 4 }),
    author: fc.constantFrom('a', 'b', 'c'),
    topics: fc.array(fc.constantFrom('运动', '美食', '学习'), { maxLength: 2 }),
    categories: fc.array(fc.constantFrom('零食', '文具'), { maxLength: 1 }),
    hot: fc.double({ min: 0, max: 5000, noNaN: true }),
    publishedAt: fc.constant(0),
    authorNotes: fc.integer({ min: 0, max: 10 }),
  });
  fc.assert(
    fc.property(fc.uniqueArray(cand, { selector: (c) => c.noteId, maxLength: 30 }), fc.integer({ min: 1, max: 25 }), (cands, size) => {
      const page = rankFeed(cands, { ...nobody, topics: { 运动: 1 }, following: ['b'] }, size);
      expect(new Set(page.map((r) => r.noteId)).size).toBe(page.length);
      expect(page.length).toBe(Math.min(size, cands.length));
      expect(page.every((r) => reasonLine(r.reason).length > 0)).toBe(true);
    }),
  );
});

test('interests: a collect weighs twice a like, a purchase three times, halving every 30 days', () => {
  const now = 100 * 86_400_000;
  const w = interestsFrom(
    [
      { kind: 'like', topics: ['运动'], categories: [], at: now },
      { kind: 'collect', topics: ['运动'], categories: ['零食'], at: now - 30 * 86_400_000 },
      { kind: 'purchase', topics: [], categories: ['零食'], at: now },
    ],
    now,
  );
  expect(w.topics.运动).toBeCloseTo(2, 6); // 1 + 2·½
  expect(w.categories.零食).toBeCloseTo(4, 6); // 2·½ + 3
});

test('the stored key: ten times the points keep a note level with one 12.5 hours newer', () => {
  const H = 3_600_000;
  const old = hotKey({ ...none, likes: 97 }, 0); // log10(100)
  const newer = hotKey({ ...none, likes: 7 }, 12.5 * H); // log10(10) + 1
  expect(old).toBeCloseTo(newer, 9);
  expect(hotKey(none, 0)).toBeCloseTo(Math.log10(3), 9);
});
