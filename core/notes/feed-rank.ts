// The 发现 feed's ranking, as pure rules (no database): a note's campus-wide `hot` score from its
// engagement and age (Lemmy's formula, so the first few likes count as much as the next hundred),
// and the personal order of a page of candidates: hot × (1 + the student's affinity for the
// note's topics and categories, + a bonus when it fits a course they take), with about one slot
// in ten for a new creator. Every personalised card says why in one short line. With
// personalisation off (a legal requirement: 算法推荐管理规定) the order is hot alone, the same
// for everyone, and ignores everything about the student.

/** XHS-style engagement weights: a comment or a share says more than a like. */
export const ENGAGEMENT_WEIGHTS = { likes: 1, collects: 1, comments: 4, shares: 4 } as const;
/** Gravity: how fast a note's hot score falls with age (hours). */
export const GRAVITY = 1.8;
/** One slot in this many goes to a new creator when one is among the candidates. */
export const EXPLORE_EVERY = 10;
/** Authors with at most this many published notes are new creators. */
export const NEW_CREATOR_NOTES = 3;

export interface Engagement {
  likes: number;
  collects: number;
  comments: number;
  shares: number;
}

/** The hot score of a note `ageHours` after publishing. */
export function hotScore(e: Engagement, ageHours: number): number {
  const points =
    e.likes * ENGAGEMENT_WEIGHTS.likes +
    e.collects * ENGAGEMENT_WEIGHTS.collects +
    e.comments * ENGAGEMENT_WEIGHTS.comments +
    e.shares * ENGAGEMENT_WEIGHTS.shares;
  return (10_000 * Math.log(Math.max(1, 3 + points))) / (Math.max(0, ageHours) + 2) ** GRAVITY;
}

export interface Candidate {
  noteId: string;
  author: string;
  topics: string[];
  /** The categories of the products it tags. */
  categories: string[];
  hot: number;
  publishedAt: number;
  /** The author's published notes (new creators have few). */
  authorNotes: number;
}

export interface Interests {
  /** Weight per topic and per category from the student's likes, collects and purchases. */
  topics: Record<string, number>;
  categories: Record<string, number>;
  /** Topics and categories of the courses they take (only with timetable consent). */
  courseTopics: string[];
  /** Authors they follow. */
  following: string[];
  /** Notes they marked 不感兴趣. */
  hidden: string[];
}

export type Reason =
  | { kind: 'topic'; topic: string }
  | { kind: 'category'; category: string }
  | { kind: 'course' }
  | { kind: 'following' }
  | { kind: 'new_creator' }
  | { kind: 'popular' };

/** The one short line a card shows. */
export function reasonLine(r: Reason): string {
  switch (r.kind) {
    case 'topic':
      return `因为你常看 #${r.topic}`;
    case 'category':
      return `因为你喜欢${r.category}`;
    case 'course':
      return '和你的课程相关';
    case 'following':
      return '你关注的作者';
    case 'new_creator':
      return '新人作者';
    case 'popular':
      return '校园热门';
  }
}

export interface Ranked {
  noteId: string;
  score: number;
  reason: Reason;
}

/** Affinity weights are shares of the student's total, so a heavy user is not ranked differently from a light one. */
function normalised(weights: Record<string, number>): Map<string, number> {
  const total = Object.values(weights).reduce((a, b) => a + Math.max(0, b), 0);
  return new Map(total > 0 ? Object.entries(weights).map(([k, v]) => [k, Math.max(0, v) / total]) : []);
}

const COURSE_BONUS = 0.5;
const FOLLOW_BONUS = 0.5;

function personalScore(c: Candidate, topics: Map<string, number>, categories: Map<string, number>, course: Set<string>, following: Set<string>): Ranked {
  let best: { weight: number; reason: Reason } = { weight: 0, reason: { kind: 'popular' } };
  let affinity = 0;
  for (const t of c.topics) {
    const w = topics.get(t) ?? 0;
    affinity += w;
    if (w > best.weight) best = { weight: w, reason: { kind: 'topic', topic: t } };
  }
  for (const cat of c.categories) {
    const w = categories.get(cat) ?? 0;
    affinity += w;
    if (w > best.weight) best = { weight: w, reason: { kind: 'category', category: cat } };
  }
  if ([...c.topics, ...c.categories].some((x) => course.has(x))) {
    affinity += COURSE_BONUS;
    if (COURSE_BONUS > best.weight) best = { weight: COURSE_BONUS, reason: { kind: 'course' } };
  }
  if (following.has(c.author)) {
    affinity += FOLLOW_BONUS;
    if (FOLLOW_BONUS > best.weight) best = { weight: FOLLOW_BONUS, reason: { kind: 'following' } };
  }
  return { noteId: c.noteId, score: c.hot * (1 + 2 * affinity), reason: best.reason };
}

const byScore = (a: Ranked, b: Ranked) => b.score - a.score || (a.noteId < b.noteId ? -1 : a.noteId > b.noteId ? 1 : 0);

/**
 * One page of the feed from its candidates, at most `size` notes. Personalised: by personal
 * score, 不感兴趣 notes left out, and every EXPLORE_EVERY-th slot (the 10th, 20th, ...) given to
 * the best-scored new creator not already placed. Not personalised: by hot, reason 校园热门 for
 * all, nothing about the student used.
 */
export function rankFeed(candidates: readonly Candidate[], interests: Interests | null, size: number): Ranked[] {
  if (!interests) {
    return candidates
      .map((c) => ({ noteId: c.noteId, score: c.hot, reason: { kind: 'popular' } as Reason }))
      .sort(byScore)
      .slice(0, size);
  }
  const hidden = new Set(interests.hidden);
  const topics = normalised(interests.topics);
  const categories = normalised(interests.categories);
  const course = new Set(interests.courseTopics);
  const following = new Set(interests.following);
  const visible = candidates.filter((c) => !hidden.has(c.noteId));
  const scored = visible.map((c) => personalScore(c, topics, categories, course, following)).sort(byScore);
  const newcomers = new Set(visible.filter((c) => c.authorNotes <= NEW_CREATOR_NOTES).map((c) => c.noteId));
  const out: Ranked[] = [];
  const placed = new Set<string>();
  let i = 0;
  while (out.length < size) {
    if ((out.length + 1) % EXPLORE_EVERY === 0) {
      const fresh = scored.find((r) => newcomers.has(r.noteId) && !placed.has(r.noteId));
      if (fresh) {
        out.push({ ...fresh, reason: { kind: 'new_creator' } });
        placed.add(fresh.noteId);
        continue;
      }
    }
    while (i < scored.length && placed.has(scored[i].noteId)) i++;
    if (i >= scored.length) break;
    out.push(scored[i]);
    placed.add(scored[i].noteId);
  }
  return out;
}

/**
 * The student's interests from what they did (likes, collects, purchases), most recent first:
 * a collect counts twice a like, a purchase three times; each action's weight halves every 30
 * days, so interests follow the student.
 */
export function interestsFrom(
  actions: readonly { kind: 'like' | 'collect' | 'purchase'; topics: string[]; categories: string[]; at: number }[],
  now: number,
): { topics: Record<string, number>; categories: Record<string, number> } {
  const weight = { like: 1, collect: 2, purchase: 3 } as const;
  const topics: Record<string, number> = {};
  const categories: Record<string, number> = {};
  for (const a of actions) {
    const w = weight[a.kind] * 0.5 ** (Math.max(0, now - a.at) / (30 * 86_400_000));
    for (const t of a.topics) topics[t] = (topics[t] ?? 0) + w;
    for (const c of a.categories) categories[c] = (categories[c] ?? 0) + w;
  }
  return { topics, categories };
}
