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
  /**
   * What the courses they take match (only with timetable consent): a course's name as a topic
   * (#篮球) and the product categories of its scenes (体育课 → 运动), each with the label the
   * reason line names.
   */
  courses: { key: string; label: string }[];
  /** Authors they follow. */
  following: string[];
  /** Notes they marked 不感兴趣. */
  hidden: string[];
}

export type Reason =
  | { kind: 'topic'; topic: string }
  | { kind: 'category'; category: string }
  | { kind: 'course'; label: string }
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
      return `和你的${r.label}相关`;
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

function personalScore(
  c: Candidate,
  topics: Map<string, number>,
  categories: Map<string, number>,
  course: Map<string, string>,
  following: Set<string>,
): Ranked {
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
  const courseLabel = [...c.topics, ...c.categories].map((x) => course.get(x)).find((l) => l !== undefined);
  if (courseLabel) {
    affinity += COURSE_BONUS;
    if (COURSE_BONUS > best.weight) best = { weight: COURSE_BONUS, reason: { kind: 'course', label: courseLabel } };
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
  const course = new Map(interests.courses.map((c) => [c.key, c.label]));
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

/** Engagement points with the weights above. */
export const pointsOf = (e: Engagement) =>
  e.likes * ENGAGEMENT_WEIGHTS.likes +
  e.collects * ENGAGEMENT_WEIGHTS.collects +
  e.comments * ENGAGEMENT_WEIGHTS.comments +
  e.shares * ENGAGEMENT_WEIGHTS.shares;

/** Hours per tenfold engagement in the stored key (Reddit's 45,000 s). */
const KEY_HOURS_PER_DECADE = 12.5;

/**
 * The key the database orders candidates by (Reddit's hot): log10 of the points plus the publish
 * time in units of 12.5 hours, so a note needs ten times the engagement to stay level with one
 * 12.5 hours newer. It changes only when the note's engagement does (no timer rewrites it) and
 * orders notes as a decay with age would; the exact decayed score (hotScore) ranks the page.
 */
export function hotKey(e: Engagement, publishedAt: number): number {
  return Math.log10(3 + pointsOf(e)) + publishedAt / (KEY_HOURS_PER_DECADE * 3_600_000);
}
