// A merchant's training courses (product knowledge or content creation, each with a short quiz
// and a fixed pass mark) and the one course the program asks its KOCs to complete before they
// promote (koc_settings/<merchantId>, a koc-owned document: the programs document belongs to the
// users domain). A new course's id comes from the shop and the request, so a repeated save makes
// one course; a save of an existing course replaces its content, completions stay.
import type { z } from 'zod';
import type { CourseKind, ExclusiveTier, HonoursResults, honoursInput } from '../../core/contracts/koc-honours';
import { fail, ok } from '../../core/result';
import type { ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { callerMerchant } from '../users/merchants';

export interface CourseDoc {
  _id: string;
  merchantId: string;
  title: string;
  kind: CourseKind;
  productId: string | null;
  category: string | null;
  sections: { heading: string; body: string }[];
  quiz: { question: string; options: string[]; answer: number }[];
  passMark: number;
  /** Absent on courses written before exclusive training: open to every KOC. */
  minTier?: ExclusiveTier | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface KocSettingsDoc {
  _id: string; // the merchant's id
  requiredCourseId: string | null;
  updatedAt: Date;
}

export const findCourse = (ctx: Ctx, courseId: string) => getDoc<CourseDoc>(ctx, 'koc_courses', courseId);

export async function requiredCourseOf(ctx: Ctx, merchantId: string): Promise<string | null> {
  return (await getDoc<KocSettingsDoc>(ctx, 'koc_settings', merchantId))?.requiredCourseId ?? null;
}

const notMerchant = () => fail('FORBIDDEN', '只有商家可以管理培训课程');

export async function saveCourse(ctx: Ctx, input: z.output<typeof honoursInput.saveCourse>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  if (input.productId) {
    const product = await getDoc<ProductDoc>(ctx, 'products', input.productId);
    if (!product || product.merchantId !== shop._id) return fail('NOT_FOUND', '没有这个商品');
  }
  const now = new Date(ctx.now());
  const content = {
    merchantId: shop._id,
    title: input.title,
    kind: input.kind,
    productId: input.productId ?? null,
    category: input.category ?? null,
    sections: input.sections,
    quiz: input.quiz,
    passMark: input.passMark,
    minTier: input.minTier,
    updatedAt: now,
  };
  if (input.courseId) {
    const existing = await findCourse(ctx, input.courseId);
    if (!existing || existing.merchantId !== shop._id) return fail('NOT_FOUND', '没有这门课程');
    if (input.minTier && (await requiredCourseOf(ctx, shop._id)) === existing._id) return fail('BAD_STATE', '这门课是必修课，不能设为专享');
    // The whole document replaced: arrays and optional fields leave nothing of the old content.
    await ctx.db
      .collection('koc_courses')
      .doc(existing._id)
      .set({ data: { ...content, createdAt: existing.createdAt } });
    return ok<HonoursResults['saveCourse']>({ courseId: existing._id });
  }
  const courseId = `course_${hashId(shop._id, input.requestId)}`;
  try {
    await ctx.db.collection('koc_courses').add({ data: { _id: courseId, ...content, createdAt: now } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same request again: the course is there
  }
  return ok<HonoursResults['saveCourse']>({ courseId });
}

export async function listCourses(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  const [{ data }, requiredCourseId] = await Promise.all([
    ctx.db.collection<CourseDoc>('koc_courses').where({ merchantId: shop._id }).orderBy('updatedAt', 'desc').limit(100).get(),
    requiredCourseOf(ctx, shop._id),
  ]);
  return ok<HonoursResults['listCourses']>({
    items: data.map((c) => ({ ...courseView(c), quiz: c.quiz })),
    requiredCourseId,
  });
}

export async function setRequiredCourse(ctx: Ctx, { courseId }: z.output<typeof honoursInput.setRequiredCourse>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  if (courseId) {
    const course = await findCourse(ctx, courseId);
    if (!course || course.merchantId !== shop._id) return fail('NOT_FOUND', '没有这门课程');
    // Every KOC must be able to take the course that gates promoting.
    if (course.minTier) return fail('BAD_STATE', '专享课程只对部分等级开放，不能设为必修');
  }
  const doc: Omit<KocSettingsDoc, '_id'> = { requiredCourseId: courseId, updatedAt: new Date(ctx.now()) };
  await ctx.db.collection('koc_settings').doc(shop._id).set({ data: doc });
  return ok<HonoursResults['setRequiredCourse']>({ requiredCourseId: courseId });
}

/** What a KOC sees of a course: everything but the answers. */
export function courseView(c: CourseDoc) {
  return {
    id: c._id,
    merchantId: c.merchantId,
    title: c.title,
    kind: c.kind,
    productId: c.productId,
    category: c.category,
    sections: c.sections,
    quiz: c.quiz.map(({ question, options }) => ({ question, options })),
    passMark: c.passMark,
    minTier: c.minTier ?? null,
  };
}
