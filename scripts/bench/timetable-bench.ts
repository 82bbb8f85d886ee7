// npm run bench (timetable): (1) reminder planning for 50,000 students with timetables: each
// student's classes on a date (holidays and 调休 applied), the day's scenes, free windows, a
// class reminder placed before every class and a pickup reminder in the next window: the pure
// work a campus-wide plan would do (production plans one student per tap). (2) The sending
// timer against a backlog of due reminders, as WeChat Cloud would run it: 10 ms per database
// operation on a virtual clock, 60 s per run, a run a minute.
import { classesOn } from '../../core/timetable/calendar';
import { freeWindows } from '../../core/timetable/free-windows';
import { nationalDays } from '../../core/timetable/holidays';
import type { Course, Weekday } from '../../core/timetable/model';
import { placeClassReminder, placeInNextWindow, spansOn } from '../../core/timetable/reminder-plan';
import { dayScenes, scenesOf } from '../../core/timetable/scenes';
import { DEFAULT_SECTIONS } from '../../core/timetable/sections';
import { testCloud } from '../../local-cloud/testing';
import type { ReminderDoc } from '../../server/timetable/reminders';

const TERM = { startDate: '2026-09-07', weeks: 18 };
const DATE = '2026-11-23';
const NAMES = ['高等数学', '大学英语', '大学体育', '素描基础', '有机化学实验', '线性代数', '思想政治', '程序设计', '大学物理', '晚自习'];

/** A deterministic pseudo-random source, so every run plans the same timetables. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function timetableOf(r: () => number): Course[] {
  const n = 12 + Math.floor(r() * 9);
  return Array.from({ length: n }, (_, i) => {
    const startNode = 1 + Math.floor(r() * 11);
    const parity = Math.floor(r() * 3);
    const weeks = Array.from({ length: 16 }, (_, w) => w + 1).filter((w) => parity === 0 || w % 2 === parity % 2);
    const course: Course = {
      id: `c${i}`,
      name: NAMES[Math.floor(r() * NAMES.length)],
      day: (1 + Math.floor(r() * 7)) as Weekday,
      startNode,
      endNode: Math.min(12, startNode + Math.floor(r() * 2)),
      weeks,
      room: r() < 0.2 ? '东区实验楼101' : '一教A201',
      teacher: '',
      scenes: [],
    };
    course.scenes = scenesOf(course);
    return course;
  });
}

function planning(students: number) {
  const r = rng(42);
  const timetables = Array.from({ length: students }, () => timetableOf(r));
  const overrides = { national: nationalDays(DATE, DATE), school: [], student: [] };
  const nowMs = Date.parse(`${DATE}T09:50:00+08:00`);
  const t0 = performance.now();
  let reminders = 0;
  let windows = 0;
  for (const courses of timetables) {
    const classes = dayScenes(classesOn(DATE, TERM, courses, DEFAULT_SECTIONS, overrides));
    const free = freeWindows(classes);
    windows += free.length;
    const spans = spansOn(DATE, classes);
    for (const s of spans) if (placeClassReminder(s.startMs, spans, 10) > 0) reminders++;
    if (placeInNextWindow(nowMs, spansOn(DATE, free)) !== null) reminders++;
  }
  const ms = performance.now() - t0;
  return { students, ms, reminders, windows, rssMb: process.memoryUsage().rss / 2 ** 20 };
}

const OP_MS = 10;

async function sendingBacklog(count: number) {
  let virtualMs = 0;
  const t = await testCloud({
    seed: false,
    quiet: true,
    latencyMs: [OP_MS, OP_MS],
    sleep: async (ms) => {
      virtualMs += ms;
    },
    runClock: () => performance.now() + virtualMs,
  });
  const db = t.cloud.db;
  const r = rng(7);
  const now = t.clock.now();
  for (let i = 0; i < count; i++) {
    const openid = `bench-student-${i}`;
    await db
      .collection('timetables')
      .add({ data: { _id: openid, term: TERM, courses: timetableOf(r), overrides: [], courseKeys: [], campusId: null, updatedAt: new Date(now) } });
    const reminder: Omit<ReminderDoc, '_id'> = {
      openid,
      kind: 'pickup',
      about: `bench-order-${i}`,
      title: '自提提醒',
      templateId: 'bench',
      page: 'packages/order/detail/index?id=x',
      data: {},
      status: 'pending',
      sendAt: new Date(now - 1000 - i),
      classStartsAt: null,
      attempts: 0,
      claimedAt: null,
      sentAt: null,
      errcode: null,
      msgid: null,
      scene: 'none',
      segment: { grade: '大一', major: '数学' },
      createdAt: new Date(now - 60_000),
    };
    await db.collection('reminders').add({ data: { _id: `R${String(i).padStart(24, '0')}`, ...reminder } });
    // The student's tap gave WeChat the grant the send uses.
    t.cloud.messages.port.noteGrant?.(openid, 'bench');
  }
  const runs: { ms: number; reads: number; writes: number }[] = [];
  for (let run = 0; run < 100; run++) {
    const start = performance.now() + virtualMs;
    const { ops } = await t.cloud.invokeMetered('timetable', { Type: 'Timer', TriggerName: 'reminders' }, { source: 'wx_trigger' });
    runs.push({ ms: performance.now() + virtualMs - start, reads: ops.reads, writes: ops.writes });
    t.clock.advance(60_000);
    const due = await db
      .collection('reminders')
      .where({ status: db.command.in(['pending', 'sending']), sendAt: db.command.lte(new Date(t.clock.now())) })
      .count();
    if (due.total === 0) break;
  }
  // Students in class when their reminder fell due: held until the class ends (never sent in class).
  const held = (await db.collection('reminders').where({ status: 'pending' }).count()).total;
  const sent = t.cloud.messages.inbox().length;
  const attempts = t.cloud.messages.attempts().length;
  t.dispose();
  const ops = runs.reduce((s, x) => s + x.reads + x.writes, 0);
  return { count, runs: runs.length, longestRunS: Math.max(...runs.map((x) => x.ms)) / 1000, opsPerReminder: ops / count, sent, attempts, held };
}

async function main() {
  const students = Number(process.env.BENCH_STUDENTS ?? 50_000);
  const p = planning(students);
  console.log(`reminder planning: ${p.students} students with timetables, one date (${DATE})`);
  console.log('| students | planning ms | µs per student | reminders placed | free windows | process RSS MB |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${p.students} | ${p.ms.toFixed(0)} | ${((p.ms * 1000) / p.students).toFixed(1)} | ${p.reminders} | ${p.windows} | ${p.rssMb.toFixed(0)} |`);

  const n = Number(process.env.BENCH_REMINDERS ?? 5_000);
  console.log(`\nsending timer: ${n} reminders due at once, ${OP_MS} ms per database operation, 60 s per run, a run a minute`);
  console.log('| reminders | runs (= minutes) | longest run s | ops per reminder | sent | asked of WeChat | held for a class |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const s = await sendingBacklog(n);
  console.log(`| ${s.count} | ${s.runs} | ${s.longestRunS.toFixed(1)} | ${s.opsPerReminder.toFixed(2)} | ${s.sent} | ${s.attempts} | ${s.held} |`);
}

void main();
