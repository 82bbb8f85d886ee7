// Becoming a KOC of a merchant's program, as a transition table (like orders): an application is
// screened against the program's criteria, the applicant picks an interview slot and is scored,
// a time-bound trial measures them with Sprout's own data, and the merchant selects or rejects.
// Selection makes the student a Primary KOC of that program. Pure rules: the screening
// checklist and the trial's score are computed here, so the merchant's page and the function
// agree.
import { stateMachine } from './state-machine';

export const PIPELINE_STATES = ['applied', 'screened', 'interview', 'trial', 'selected', 'rejected', 'withdrawn'] as const;
export type PipelineState = (typeof PIPELINE_STATES)[number];

export const PIPELINE_TRANSITIONS: Record<PipelineState, readonly PipelineState[]> = {
  applied: ['screened', 'rejected', 'withdrawn'],
  // Screened: the merchant offers interview slots; picking one moves on.
  screened: ['interview', 'rejected', 'withdrawn'],
  interview: ['trial', 'rejected', 'withdrawn'],
  trial: ['selected', 'rejected', 'withdrawn'],
  selected: [],
  rejected: [],
  withdrawn: [],
};

export const PIPELINE_NAMES: Record<PipelineState, string> = {
  applied: '待初筛',
  screened: '初筛通过，待约面试',
  interview: '面试',
  trial: '试用中',
  selected: '已入选',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** How each state is coloured wherever it is shown (the ui kit's tag tones). */
export const PIPELINE_TONES: Record<PipelineState, 'warning' | 'info' | 'success' | 'danger' | 'neutral'> = {
  applied: 'warning',
  screened: 'info',
  interview: 'info',
  trial: 'info',
  selected: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export const pipelineMachine = stateMachine<PipelineState>('koc application', PIPELINE_TRANSITIONS, ['applied']);

/** States in which an application is still open (one open application per student and program). */
export const OPEN_STATES: readonly PipelineState[] = ['applied', 'screened', 'interview', 'trial'];

export const SOCIAL_PLATFORMS = ['小红书', '抖音', 'B站', '微博', '视频号', '其他'] as const;

/** The study's defaults: 500+ followers, 50+ average interactions, a matching category. */
export interface ScreeningCriteria {
  minFollowers: number;
  minAvgInteractions: number;
  /** Categories the program wants; empty: any. */
  categories: string[];
}
export const DEFAULT_CRITERIA: ScreeningCriteria = { minFollowers: 500, minAvgInteractions: 50, categories: [] };
/** Days before a rejected student may apply to the same program again. */
export const DEFAULT_COOLDOWN_DAYS = 30;

export interface Social {
  platform: (typeof SOCIAL_PLATFORMS)[number];
  handle: string;
  link?: string;
  followers: number;
  avgInteractions: number;
  /** Screenshots proving the figures. */
  proofImages: string[];
}

export interface ChecklistItem {
  key: 'followers' | 'interactions' | 'category';
  ok: boolean;
  detail: string;
}

export type RiskFlag = 'claims_without_proof' | 'profile_reused' | 'duplicate_accounts';

export const RISK_NAMES: Record<RiskFlag, string> = {
  claims_without_proof: '粉丝数没有截图证明',
  profile_reused: '社交账号已被其他申请人用过',
  duplicate_accounts: '同一平台填了多个账号',
};

/** Normalised key of a social account (platform + handle or link), to find reuse across applicants. */
export function profileKey(s: Pick<Social, 'platform' | 'handle' | 'link'>): string {
  const raw = (s.link?.trim() || s.handle.trim()).toLowerCase();
  return `${s.platform}:${raw
    .replace(/^https?:\/\//, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '')}`;
}

/**
 * The merchant's checklist for an application: the best account's followers and interactions
 * against the criteria, a matching category, and the risk flags (reused profiles are found by
 * the caller, which knows other applicants, and passed in).
 */
export function screeningChecklist(
  app: { socials: Social[]; categories: { category: string }[] },
  criteria: ScreeningCriteria,
  reusedProfiles: readonly string[] = [],
): { items: ChecklistItem[]; flags: RiskFlag[]; passesCriteria: boolean } {
  const followers = Math.max(0, ...app.socials.map((s) => s.followers));
  const interactions = Math.max(0, ...app.socials.map((s) => s.avgInteractions));
  const wanted = criteria.categories;
  const matching = wanted.length === 0 ? app.categories.map((c) => c.category) : app.categories.map((c) => c.category).filter((c) => wanted.includes(c));
  const items: ChecklistItem[] = [
    { key: 'followers', ok: followers >= criteria.minFollowers, detail: `粉丝 ${followers}（要求 ≥ ${criteria.minFollowers}）` },
    { key: 'interactions', ok: interactions >= criteria.minAvgInteractions, detail: `平均互动 ${interactions}（要求 ≥ ${criteria.minAvgInteractions}）` },
    {
      key: 'category',
      ok: matching.length > 0,
      detail: wanted.length === 0 ? '不限品类' : matching.length ? `擅长 ${matching.join('、')}` : `没有 ${wanted.join('、')}`,
    },
  ];
  const flags: RiskFlag[] = [];
  if (app.socials.some((s) => s.proofImages.length === 0 && s.followers > 0)) flags.push('claims_without_proof');
  if (reusedProfiles.length > 0) flags.push('profile_reused');
  const platforms = app.socials.map((s) => s.platform).filter((p) => p !== '其他');
  if (new Set(platforms).size < platforms.length) flags.push('duplicate_accounts');
  return { items, flags, passesCriteria: items.every((i) => i.ok) };
}

/** The goals a trial is measured against, fixed when it starts. */
export interface TrialGoals {
  /** Notes about the trial products (counted once the notes feature records them). */
  notes: number;
  /** Paid orders through the applicant's share cards during the trial. */
  orders: number;
}

export interface TrialFigures {
  cardViews: number;
  uniqueVisitors: number;
  orders: number;
  refunds: number;
  notes: number;
  likes: number;
  comments: number;
  collects: number;
  shares: number;
}

/**
 * A combined score out of 100: goal completion (orders and notes, each capped at its goal) is
 * 70, engagement and reach 30 (visitors and interactions on a soft scale); refunds count against
 * orders. Deterministic, so the merchant and the applicant see the same number.
 */
export function trialScore(goals: TrialGoals, f: TrialFigures): number {
  const netOrders = Math.max(0, f.orders - f.refunds);
  const part = (got: number, goal: number) => (goal <= 0 ? 1 : Math.min(1, got / goal));
  const goalShare = goals.notes > 0 ? (part(netOrders, goals.orders) + part(f.notes, goals.notes)) / 2 : part(netOrders, goals.orders);
  const engagement = f.likes + f.comments * 4 + f.collects + f.shares * 4;
  const reach = Math.min(1, f.uniqueVisitors / 50) * 0.5 + Math.min(1, engagement / 100) * 0.5;
  return Math.round(goalShare * 70 + reach * 30);
}

export const INTERVIEW_DIMENSIONS = ['understanding', 'ideas', 'improvisation'] as const;
export const INTERVIEW_NAMES: Record<(typeof INTERVIEW_DIMENSIONS)[number], string> = {
  understanding: '对社交电商的理解',
  ideas: '推广思路',
  improvisation: '临场反应',
};
