// The `koc` function's training, badges and certificates: courses a merchant writes (product
// knowledge or content creation) with a short quiz and a fixed pass mark, badges granted by rule
// (a timer) or by the merchant with a reason, and certificates with a verification code.
import * as z from 'zod';
import type { Tier } from '../tiers';
import { PRODUCT_CATEGORIES } from './catalog';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);
const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字`);

export const COURSE_KINDS = ['product', 'content'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
/** A course may be kept for KOCs of a tier and above (the tier privilege of exclusive training). */
export const EXCLUSIVE_TIERS = ['intermediate', 'advanced'] as const;
export type ExclusiveTier = (typeof EXCLUSIVE_TIERS)[number];
export const BADGE_TIERS = ['bronze', 'silver', 'gold', 'custom'] as const;
export type BadgeTier = (typeof BADGE_TIERS)[number];
export const BADGE_METRICS = ['orders', 'tier', 'training', 'trial_passed'] as const;
export type BadgeMetric = (typeof BADGE_METRICS)[number];

const quizItem = z
  .strictObject({
    question: text(200, '题目'),
    options: z.array(text(100, '选项')).min(2, '每题 2-4 个选项').max(4, '每题 2-4 个选项'),
    answer: z.number().int().min(0),
  })
  .refine((q) => q.answer < q.options.length, { message: '正确答案要是其中一个选项', path: ['answer'] });

const courseInput = z
  .strictObject({
    courseId: id.optional(),
    /** Names a new course, so a repeated save makes one course. */
    requestId,
    title: text(60, '课程标题'),
    kind: z.enum(COURSE_KINDS, '请选择课程类型'),
    productId: id.optional(),
    category: z.enum(PRODUCT_CATEGORIES, '请选择品类').optional(),
    sections: z
      .array(z.strictObject({ heading: text(40, '小节标题'), body: text(3000, '小节内容') }))
      .min(1, '至少写一个小节')
      .max(12, '最多 12 个小节'),
    quiz: z.array(quizItem).min(1, '测验 1-10 题').max(10, '测验 1-10 题'),
    passMark: z.number().int().min(1, '及格线至少 1 题'),
    /** Only KOCs of this tier and above may take it; null for every KOC of the program. */
    minTier: z.enum(EXCLUSIVE_TIERS, '请选择专享等级').nullable().default(null),
  })
  .refine((c) => c.passMark <= c.quiz.length, { message: '及格线不能超过题目数', path: ['passMark'] })
  .refine((c) => c.productId !== undefined || c.category !== undefined, { message: '课程要对应一个商品或品类', path: ['productId'] });

const badgeRule = z.union([
  z.strictObject({ metric: z.enum(BADGE_METRICS, '请选择规则'), threshold: z.number().int().min(1, '门槛至少为 1').max(10_000, '门槛太大了') }),
  z.strictObject({ manual: z.literal(true) }),
]);

export const honoursInput = {
  saveCourse: courseInput,
  listCourses: z.strictObject({}),
  setRequiredCourse: z.strictObject({ courseId: id.nullable() }),
  courses: z.strictObject({}),
  course: z.strictObject({ courseId: id }),
  submitQuiz: z.strictObject({ courseId: id, answers: z.array(z.number().int().min(0).max(3)).min(1).max(10) }),
  canPromote: z.strictObject({ merchantId: id }),
  saveBadge: z
    .strictObject({
      badgeId: id.optional(),
      requestId,
      name: text(20, '徽章名称'),
      tier: z.enum(BADGE_TIERS, '请选择徽章等级'),
      rule: badgeRule,
      /** A badge is granted to a KOC at most once. */
      multipleGrant: z.literal(false).default(false),
    })
    .refine((b) => !('metric' in b.rule) || b.rule.metric !== 'tier' || b.rule.threshold <= 3, { message: '等级门槛是 1-3（初级到高级）', path: ['rule'] }),
  disableBadge: z.strictObject({ badgeId: id }),
  listBadges: z.strictObject({}),
  grantBadge: z.strictObject({ badgeId: id, openid: id, reason: text(100, '理由') }),
  badges: z.strictObject({}),
  myBadges: z.strictObject({}),
  certificate: z.strictObject({ merchantId: id }),
  verifyCertificate: z.strictObject({ code: z.string().trim().toUpperCase().max(40) }),
};

export type BadgeRule = z.output<typeof badgeRule>;

export interface CourseView {
  id: string;
  merchantId: string;
  title: string;
  kind: CourseKind;
  productId: string | null;
  category: string | null;
  sections: { heading: string; body: string }[];
  /** Without the answers. */
  quiz: { question: string; options: string[] }[];
  passMark: number;
  minTier: ExclusiveTier | null;
}

export interface CourseSummary {
  id: string;
  merchantId: string;
  merchantName: string;
  title: string;
  kind: CourseKind;
  questions: number;
  passMark: number;
  completed: boolean;
  /** The program asks for it before its KOCs promote. */
  required: boolean;
  minTier: ExclusiveTier | null;
  /** Kept for a higher tier than the caller's: shown, not opened. */
  locked: boolean;
}

export interface BadgeView {
  id: string;
  merchantId: string;
  name: string;
  tier: BadgeTier;
  rule: BadgeRule;
  disabled: boolean;
}

export interface CertificateView {
  name: string;
  tier: Tier;
  tierName: string;
  program: string;
  /** Campus date of issue, YYYY-MM-DD. */
  date: string;
  code: string;
}

export interface HonoursResults {
  saveCourse: { courseId: string };
  listCourses: { items: (CourseView & { quiz: { question: string; options: string[]; answer: number }[] })[]; requiredCourseId: string | null };
  setRequiredCourse: { requiredCourseId: string | null };
  courses: { items: CourseSummary[] };
  /** `result`: the passing score the caller's completion recorded, or null before they pass. */
  course: { course: CourseView; completed: boolean; result: { score: number; total: number } | null };
  submitQuiz: { score: number; total: number; passed: boolean };
  canPromote: { allowed: true };
  saveBadge: { badgeId: string };
  disableBadge: { badgeId: string };
  listBadges: { items: BadgeView[] };
  grantBadge: { granted: boolean };
  badges: { members: number; granted: number; trialOrders: number };
  myBadges: { items: { badgeId: string; merchantId: string; merchantName: string; name: string; tier: BadgeTier; reason: string; at: number }[] };
  certificate: CertificateView;
  verifyCertificate: CertificateView;
}
