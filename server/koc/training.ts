// A KOC takes a program's courses: reads them (without the answers), answers the quiz; a score
// at the pass mark or above completes the course, recorded once (koc_trainings, _id
// `${courseId}:${openid}`, made by add: a repeat or a later retake keeps the first completion).
// The courses a student sees are those of the programs they belong to or have an open
// application with. canPromote is what the sharing flow asks before a KOC promotes a program
// that requires a course.
import type { z } from 'zod';
import type { CourseSummary, ExclusiveTier, HonoursResults, honoursInput } from '../../core/contracts/koc-honours';
import { OPEN_STATES } from '../../core/koc-pipeline';
import { type Fail, fail, ok } from '../../core/result';
import { TIER_NAMES, TIERS, type Tier } from '../../core/tiers';
import { tiersOf } from '../commission/tier-reads';
import { tierOf } from '../commission/tiers';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { callerMerchant, merchantsById } from '../users/merchants';
import { type CourseDoc, courseView, findCourse, type KocSettingsDoc, requiredCourseOf } from './courses';
import type { ApplicationDoc, MemberDoc } from './store';

export interface TrainingDoc {
  _id: string; // `${courseId}:${openid}`
  courseId: string;
  merchantId: string;
  openid: string;
  score: number;
  total: number;
  at: Date;
}

export const trainingId = (courseId: string, openid: string) => `${courseId}:${openid}`;

export async function hasCompleted(ctx: Ctx, openid: string, courseId: string): Promise<boolean> {
  return (await getDoc<TrainingDoc>(ctx, 'koc_trainings', trainingId(courseId, openid))) !== null;
}

/** How many of a program's courses the KOC completed (the training badge). */
export async function completedWith(ctx: Ctx, openid: string, merchantId: string): Promise<number> {
  return (await ctx.db.collection('koc_trainings').where({ openid, merchantId }).count()).total;
}

/** The programs whose courses the student may take: member of, or an open application with (at most 100 each). */
async function programsOf(ctx: Ctx, openid: string): Promise<string[]> {
  const _ = ctx.db.command;
  const [members, apps] = await Promise.all([
    ctx.db.collection<MemberDoc>('koc_members').where({ openid }).limit(100).get(),
    ctx.db
      .collection<ApplicationDoc>('koc_applications')
      .where({ applicant: openid, state: _.in([...OPEN_STATES]) })
      .limit(100)
      .get(),
  ]);
  return [...new Set([...members.data.map((m) => m.merchantId), ...apps.data.map((a) => a.merchantId)])];
}

/** Whether a KOC of `tier` may open a course kept for `minTier` and above. */
const tierAllows = (tier: Tier, minTier: ExclusiveTier | null | undefined) => !minTier || TIERS.indexOf(tier) >= TIERS.indexOf(minTier);

/**
 * The course if the caller may take it (or runs its shop); NOT_FOUND otherwise, FORBIDDEN with
 * the tier it is kept for when the caller's tier with the program is lower.
 */
async function reachableCourse(ctx: Ctx, courseId: string): Promise<{ course: CourseDoc } | { error: Fail<'NOT_FOUND' | 'FORBIDDEN'> }> {
  const course = await findCourse(ctx, courseId);
  const notFound = { error: fail('NOT_FOUND', '没有这门课程') };
  if (!course) return notFound;
  if ((await callerMerchant(ctx))?._id === course.merchantId) return { course };
  if (!(await programsOf(ctx, ctx.openid)).includes(course.merchantId)) return notFound;
  if (course.minTier && !tierAllows(await tierOf(ctx, course.merchantId, ctx.openid), course.minTier))
    return { error: fail('FORBIDDEN', `这门课是${TIER_NAMES[course.minTier]}及以上专享，升级后就能学`) };
  return { course };
}

export async function myCourses(ctx: Ctx) {
  const merchantIds = await programsOf(ctx, ctx.openid);
  if (merchantIds.length === 0) return ok<HonoursResults['courses']>({ items: [] });
  const _ = ctx.db.command;
  const { data: courses } = await ctx.db
    .collection<CourseDoc>('koc_courses')
    .where({ merchantId: _.in(merchantIds) })
    .orderBy('updatedAt', 'desc')
    .limit(100)
    .get();
  const [done, settings, shops, tiers] = await Promise.all([
    getDocsByIds<TrainingDoc>(
      ctx,
      'koc_trainings',
      courses.map((c) => trainingId(c._id, ctx.openid)),
    ),
    getDocsByIds<KocSettingsDoc>(ctx, 'koc_settings', merchantIds),
    merchantsById(ctx, merchantIds),
    tiersOf(ctx, ctx.openid, merchantIds),
  ]);
  const items: CourseSummary[] = courses.map((c) => ({
    id: c._id,
    merchantId: c.merchantId,
    merchantName: shops.get(c.merchantId)?.name ?? '',
    title: c.title,
    kind: c.kind,
    questions: c.quiz.length,
    passMark: c.passMark,
    completed: done.has(trainingId(c._id, ctx.openid)),
    required: settings.get(c.merchantId)?.requiredCourseId === c._id,
    minTier: c.minTier ?? null,
    locked: !tierAllows(tiers.get(c.merchantId) ?? 'primary', c.minTier),
  }));
  return ok<HonoursResults['courses']>({ items });
}

export async function course(ctx: Ctx, { courseId }: z.output<typeof honoursInput.course>) {
  const found = await reachableCourse(ctx, courseId);
  if ('error' in found) return found.error;
  const c = found.course;
  const done = await getDoc<TrainingDoc>(ctx, 'koc_trainings', trainingId(c._id, ctx.openid));
  return ok<HonoursResults['course']>({
    course: courseView(c),
    completed: done !== null,
    result: done ? { score: done.score, total: done.total } : null,
  });
}

export async function submitQuiz(ctx: Ctx, { courseId, answers }: z.output<typeof honoursInput.submitQuiz>) {
  const found = await reachableCourse(ctx, courseId);
  if ('error' in found) return found.error;
  const c = found.course;
  if (answers.length !== c.quiz.length) return fail('INVALID_INPUT', `请回答全部 ${c.quiz.length} 题`);
  const score = c.quiz.filter((q, i) => q.answer === answers[i]).length;
  const passed = score >= c.passMark;
  if (passed) {
    const doc: TrainingDoc = {
      _id: trainingId(c._id, ctx.openid),
      courseId: c._id,
      merchantId: c.merchantId,
      openid: ctx.openid,
      score,
      total: c.quiz.length,
      at: new Date(ctx.now()),
    };
    try {
      await ctx.db.collection('koc_trainings').add({ data: doc });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e; // completed before: the first completion stays
    }
  }
  return ok<HonoursResults['submitQuiz']>({ score, total: c.quiz.length, passed });
}

/**
 * Why `openid` may not promote this shop's items yet, or null: an approved KOC of a program that
 * requires a course must pass it first. Other students share as plain shares (they earn nothing).
 */
export async function promotionBlock(ctx: Ctx, openid: string, merchantId: string): Promise<string | null> {
  const member = await getDoc(ctx, 'koc_members', `${merchantId}:${openid}`);
  if (!member) return null;
  const required = await requiredCourseOf(ctx, merchantId);
  if (!required || (await hasCompleted(ctx, openid, required))) return null;
  const title = (await findCourse(ctx, required))?.title ?? '商家指定的课程';
  return `先完成「${title}」培训再推广`;
}

export async function canPromote(ctx: Ctx, { merchantId }: z.output<typeof honoursInput.canPromote>) {
  const required = await requiredCourseOf(ctx, merchantId);
  if (!required || (await hasCompleted(ctx, ctx.openid, required))) return ok<HonoursResults['canPromote']>({ allowed: true });
  const title = (await findCourse(ctx, required))?.title ?? '商家指定的课程';
  return fail('TRAINING_REQUIRED', `先完成「${title}」培训再推广`);
}
