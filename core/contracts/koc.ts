// The `koc` function: becoming a KOC of a merchant's program (apply → screen → interview → trial
// → selected), and what the merchant sees of each applicant. Nothing is paid for recruiting
// others, there is no fee to join, and tiers depend only on the KOC's own results.
import * as z from 'zod';
import type { ChecklistItem, PipelineState, RiskFlag, TrialFigures, TrialGoals } from '../koc-pipeline';
import { SOCIAL_PLATFORMS } from '../koc-pipeline';
import { isUpload } from '../uploads';
import { PRODUCT_CATEGORIES } from './catalog';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);
const upload = z.string().max(256, '图片要先上传').refine(isUpload, '图片要先上传');

export const socialInput = z.strictObject({
  platform: z.enum(SOCIAL_PLATFORMS, '请选择平台'),
  handle: z.string().trim().min(1, '请填写账号').max(60, '账号最多 60 个字'),
  link: z.string().trim().max(200, '链接最多 200 个字').optional(),
  followers: z.number().int('粉丝数要是整数').min(0, '粉丝数不能为负').max(100_000_000, '粉丝数太大了'),
  avgInteractions: z.number().int('互动数要是整数').min(0, '互动数不能为负').max(10_000_000, '互动数太大了'),
  proofImages: z.array(upload).max(3, '截图最多 3 张').default([]),
});

export const kocInput = {
  /** Programs a student can apply to (their campus's shops) and where they stand with each. */
  programs: z.strictObject({}),
  apply: z.strictObject({
    merchantId: id,
    socials: z.array(socialInput).min(1, '至少填一个社交账号').max(5, '最多 5 个社交账号'),
    categories: z
      .array(
        z.strictObject({ category: z.enum(PRODUCT_CATEGORIES, '请选择品类'), selfAssessment: z.string().trim().max(200, '自我评价最多 200 个字').default('') }),
      )
      .min(1, '至少选一个擅长的品类')
      .max(3, '最多选 3 个品类'),
    portfolio: z
      .strictObject({
        links: z.array(z.string().trim().min(1).max(200, '链接最多 200 个字')).max(5, '作品链接最多 5 个').default([]),
        images: z.array(upload).max(6, '作品图片最多 6 张').default([]),
      })
      .default({ links: [], images: [] }),
    consent: z.literal(true, '请先阅读并同意达人计划条款'),
    requestId,
  }),
  myApplication: z.strictObject({ merchantId: id }),
  withdraw: z.strictObject({ applicationId: id }),
  pickSlot: z.strictObject({ applicationId: id, slot: z.number().int().positive() }),
  // Merchant actions.
  listApplications: z.strictObject({
    state: z.enum(['applied', 'screened', 'interview', 'trial', 'selected', 'rejected', 'withdrawn', 'open']).default('open'),
  }),
  screen: z.strictObject({ applicationId: id, pass: z.boolean(), reason: z.string().trim().max(100, '理由最多 100 个字').optional() }),
  offerSlots: z.strictObject({ applicationId: id, slots: z.array(z.number().int().positive()).min(1, '至少给一个时间').max(6, '最多给 6 个时间') }),
  scoreInterview: z.strictObject({
    applicationId: id,
    scores: z.strictObject({
      understanding: z.number().int().min(1, '评分 1-5').max(5, '评分 1-5'),
      ideas: z.number().int().min(1, '评分 1-5').max(5, '评分 1-5'),
      improvisation: z.number().int().min(1, '评分 1-5').max(5, '评分 1-5'),
    }),
    notes: z.string().trim().max(500, '面试记录最多 500 个字').default(''),
  }),
  startTrial: z.strictObject({
    applicationId: id,
    productIds: z.array(id).min(1, '至少选一个试用商品').max(3, '试用商品最多 3 个'),
    endsAt: z.number().int().positive(),
    goals: z.strictObject({ notes: z.number().int().min(0).max(10), orders: z.number().int().min(0).max(100) }),
  }),
  trialMetrics: z.strictObject({ applicationId: id }),
  decide: z.strictObject({ applicationId: id, selected: z.boolean(), reason: z.string().trim().min(1, '请写明理由').max(100, '理由最多 100 个字') }),
};

export interface ApplicationView {
  id: string;
  merchantId: string;
  merchantName: string;
  state: PipelineState;
  stateName: string;
  /** What the applicant does next, in one line (or what they wait for). */
  next: string;
  rejectReason: string | null;
  /** A rejected applicant may apply again from then (campus time ms). */
  reapplyAt: number | null;
  slots: number[];
  pickedSlot: number | null;
  trial: { productIds: string[]; endsAt: number; goals: TrialGoals } | null;
  createdAt: number;
}

export interface MerchantApplicationView extends ApplicationView {
  nickname: string;
  /** The applicant's openid (this shop's own applicant; a manual badge grant names it). */
  applicant: string;
  socials: z.output<typeof socialInput>[];
  categories: { category: string; selfAssessment: string }[];
  portfolio: { links: string[]; images: string[] };
  checklist: { items: ChecklistItem[]; flags: RiskFlag[]; passesCriteria: boolean };
  interview: { scores: Record<'understanding' | 'ideas' | 'improvisation', number>; notes: string } | null;
  history: { from: PipelineState; to: PipelineState; at: number; reason?: string }[];
}

export interface KocResults {
  programs: {
    programs: { merchantId: string; merchantName: string; kocMode: 'approved' | 'everyone'; member: boolean; application: ApplicationView | null }[];
  };
  apply: { applicationId: string };
  myApplication: { application: ApplicationView | null };
  withdraw: { applicationId: string };
  pickSlot: { applicationId: string };
  listApplications: { items: MerchantApplicationView[] };
  screen: { applicationId: string; state: PipelineState };
  offerSlots: { applicationId: string };
  scoreInterview: { applicationId: string };
  startTrial: { applicationId: string; orderIds: string[] };
  trialMetrics: { figures: TrialFigures; goals: TrialGoals; score: number; notesCounted: boolean };
  decide: { applicationId: string; state: PipelineState };
}
