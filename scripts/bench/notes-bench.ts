// npm run bench:notes: the 发现 feed and note search over 100,000 published notes and 10,000
// students (BENCH_NOTES, BENCH_STUDENTS), each student with interests and a few follows. Reports
// p50/p95 local time per call and the database operations each call made (reads, rows scanned):
// a feed page must cost the same number of reads at any size. Local times are the SQLite engine's;
// in WeChat Cloud each read is a network round trip (~10 ms), so reads are the figure that carries
// over. Array-field (multikey) indexes exist only in WeChat Cloud (server/db/index-spec.ts): the
// local engine filters topic and search-term conditions by scanning, which the scanned column shows.
import { OWNER, world } from '../../cloudfunctions/groupbuy/fixture';
import { hotKey } from '../../core/notes/feed-rank';
import { noteTerms, timeKey } from '../../core/notes/rules';
import { toStorage } from '../../local-cloud/engine/values';

const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 10_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const TOPICS = ['运动', '美食', '学习', '宿舍好物', '穿搭', '护肤', '数码', '考研', '社团', '旅行', '咖啡', '健身', '摄影', '读书', '二手'];
const CATEGORIES = ['零食', '文具', '日用', '运动', '美妆', '数码'];
const WORDS = [
  '台灯',
  '耳机',
  '面膜',
  '自习',
  '图书馆',
  '食堂',
  '奶茶',
  '篮球',
  '跑鞋',
  '宿舍',
  '收纳',
  '咖啡',
  '键盘',
  '护眼',
  '夜宵',
  '考试',
  '笔记',
  '相机',
  '背包',
  '水杯',
];
const HOUR = 3_600_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main() {
  const w = await world({ quiet: true, durable: true });
  const r = rng(7);
  const now = w.clock.now();
  const store = w.cloud.engine.store;
  const load = performance.now();
  const insertAll = (collection: string, docs: Iterable<Record<string, unknown>>) => {
    const table = store.table(collection);
    const batch: Record<string, unknown>[] = [];
    const flush = () =>
      store.transaction(() => {
        for (const d of batch.splice(0)) table.insert(d._id as string, d, toStorage(d));
      });
    for (const d of docs) if (batch.push(d) >= 10_000) flush();
    flush();
  };
  const students = Array.from({ length: STUDENTS }, (_, i) => `bench-s-${i}`);
  insertAll(
    'users',
    students.map((id, i) => ({ _id: id, roles: ['student'], campusId: null, nickname: `同学${i}`, avatarUrl: '', createdAt: new Date(now) })),
  );
  function* notes() {
    for (let i = 0; i < NOTES; i++) {
      const publishedAt = now - Math.floor(r() * 60 * 24 * HOUR);
      const topics = [pick(r, TOPICS), ...(r() < 0.5 ? [pick(r, TOPICS)] : [])];
      const title = `${pick(r, WORDS)}${pick(r, WORDS)}测评 ${i}`;
      const body = Array.from({ length: 8 }, () => `${pick(r, WORDS)}很好用，${pick(r, WORDS)}也不错。`).join('');
      const likes = Math.floor(r() ** 3 * 300);
      const counts = { likes, collects: Math.floor(likes / 3), comments: Math.floor(likes / 10), shares: 0 };
      const _id = `bench-n-${String(i).padStart(7, '0')}`;
      yield {
        _id,
        author: students[Math.floor(r() ** 2 * STUDENTS)],
        title,
        body,
        images: [],
        topics: [...new Set(topics)],
        productIds: [],
        merchantIds: [],
        categories: [pick(r, CATEGORIES)],
        orderId: null,
        purchased: false,
        adLabel: null,
        status: 'published',
        reason: null,
        version: 1,
        textCheck: 'pass',
        imageChecks: [],
        checkingSince: null,
        ...counts,
        hot: hotKey(counts, publishedAt),
        terms: noteTerms({ title, body, topics }),
        createdKey: timeKey(publishedAt, _id),
        publishedKey: timeKey(publishedAt, _id),
        publishedAt: new Date(publishedAt),
        history: [],
        createdAt: new Date(publishedAt),
        updatedAt: new Date(publishedAt),
      };
    }
  }
  insertAll('notes', notes());
  insertAll(
    'note_interests',
    students.map((id) => ({
      _id: id,
      topics: { [pick(r, TOPICS)]: 3, [pick(r, TOPICS)]: 1 },
      categories: { [pick(r, CATEGORIES)]: 2 },
      hidden: [],
      personalized: true,
      collectsPublic: false,
      purchases: [],
      at: new Date(now),
    })),
  );
  function* follows() {
    for (const s of students)
      for (let k = 0; k < 5; k++) {
        const f = pick(r, students);
        if (f !== s) yield { _id: `${s}:${f}:${k}`, follower: s, followee: f, at: new Date(now) };
      }
  }
  insertAll('note_follows', follows());
  console.log(`${NOTES.toLocaleString('en-US')} notes, ${STUDENTS.toLocaleString('en-US')} students loaded in ${Math.round(performance.now() - load)} ms`);

  const rows: { action: string; p50: number; p95: number; readsMin: number; readsMax: number; scannedMax: number }[] = [];
  async function measure(action: string, event: (i: number) => { who: string; body: Record<string, unknown> }) {
    const ms: number[] = [];
    const reads: number[] = [];
    const scanned: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const { who, body } = event(i);
      const t = performance.now();
      const { result, ops } = await w.cloud.invokeMetered('notes', body, { openid: who });
      ms.push(performance.now() - t);
      if (!(result as { ok: boolean }).ok) throw new Error(`${action}: ${JSON.stringify(result)}`);
      reads.push(ops.reads);
      scanned.push(ops.scanned);
    }
    rows.push({
      action,
      p50: Math.round(percentile(ms, 50)),
      p95: Math.round(percentile(ms, 95)),
      readsMin: Math.min(...reads),
      readsMax: Math.max(...reads),
      scannedMax: Math.max(...scanned),
    });
  }
  const student = (i: number) => students[(i * 7919) % STUDENTS];
  await measure('feed (personalised, first page)', (i) => ({ who: student(i), body: { action: 'feed' } }));
  await measure('feed (hot only)', (i) => ({ who: student(i), body: { action: 'feed', personalized: false } }));
  // A deeper page: the cursor of a first page.
  const first = await w.cloud.invoke('notes', { action: 'feed', personalized: false }, { openid: student(1) });
  const cursor = (first as { data: { nextCursor: string } }).data.nextCursor;
  await measure('feed (hot only, second page)', (i) => ({ who: student(i), body: { action: 'feed', personalized: false, cursor } }));
  await measure('following feed', (i) => ({ who: student(i), body: { action: 'following' } }));
  await measure('search (two characters)', (i) => ({ who: student(i), body: { action: 'search', q: WORDS[i % WORDS.length] } }));
  await measure('profile', (i) => ({ who: OWNER, body: { action: 'profile', openid: student(i) } }));
  console.table(rows);
  w.dispose();
}

void main();
