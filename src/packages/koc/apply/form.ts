// The KOC application form checked before it is sent, by the rules and messages of the contract
// (kocInput.apply). Written out because zod's runtime must stay out of the weapp build outside
// packages/merchant (scripts/size-report.mjs); form.test.ts checks this against the schema.
// Error keys follow the schema's paths: socials.<i>.<field>, categories.<i>.selfAssessment,
// portfolio.links, portfolio.images, and socials / categories / consent for the lists.
import { SOCIAL_PLATFORMS } from '@core/koc-pipeline';
import { isUpload } from '@core/uploads';
import type { ApplyInput, SocialInput } from '../../../api/koc';

/** The contract's PRODUCT_CATEGORIES (form.test.ts checks it is the same list). */
export const KOC_CATEGORIES = ['文具', '数码', '零食', '日用', '美妆', '运动', '图书', '其他'] as const;
export const PLATFORMS: readonly string[] = SOCIAL_PLATFORMS;

export const MAX_SOCIALS = 5;
export const MAX_CATEGORIES = 3;
export const MAX_PROOFS = 3;
export const MAX_IMAGES = 6;
export const MAX_LINKS = 5;

export interface SocialForm {
  platform: string;
  handle: string;
  link: string;
  /** As typed, so a half-typed number is kept. */
  followers: string;
  avgInteractions: string;
  proofImages: string[];
}
export interface ApplyForm {
  socials: SocialForm[];
  categories: { category: string; selfAssessment: string }[];
  /** One link a line. */
  links: string;
  images: string[];
  consent: boolean;
}
export type ApplyErrors = Record<string, string>;

export const emptySocial = (): SocialForm => ({ platform: '', handle: '', link: '', followers: '', avgInteractions: '', proofImages: [] });
export const emptyApplyForm = (): ApplyForm => ({ socials: [emptySocial()], categories: [], links: '', images: [], consent: false });

/** The links typed one a line, blank lines dropped. */
export const linksOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function count(text: string, what: string, max: number, errors: ApplyErrors, key: string): number {
  const t = text.trim();
  if (!t) {
    errors[key] = `请填写${what}`;
    return Number.NaN;
  }
  if (!/^-?\d+(\.\d+)?$/.test(t)) {
    errors[key] = `${what}要是整数`;
    return Number.NaN;
  }
  const n = Number(t);
  if (!Number.isInteger(n)) errors[key] = `${what}要是整数`;
  else if (n < 0) errors[key] = `${what}不能为负`;
  else if (n > max) errors[key] = `${what}太大了`;
  return n;
}

const uploaded = (f: string) => f.length <= 256 && isUpload(f);

export function checkApply(merchantId: string, requestId: string, form: ApplyForm): { ok: true; value: ApplyInput } | { ok: false; errors: ApplyErrors } {
  const errors: ApplyErrors = {};
  if (form.socials.length < 1) errors.socials = '至少填一个社交账号';
  else if (form.socials.length > MAX_SOCIALS) errors.socials = '最多 5 个社交账号';
  const socials: SocialInput[] = form.socials.map((s, i) => {
    const k = `socials.${i}.`;
    if (!PLATFORMS.includes(s.platform)) errors[`${k}platform`] = '请选择平台';
    const handle = s.handle.trim();
    if (!handle) errors[`${k}handle`] = '请填写账号';
    else if (handle.length > 60) errors[`${k}handle`] = '账号最多 60 个字';
    const link = s.link.trim();
    if (link.length > 200) errors[`${k}link`] = '链接最多 200 个字';
    const followers = count(s.followers, '粉丝数', 100_000_000, errors, `${k}followers`);
    const avgInteractions = count(s.avgInteractions, '互动数', 10_000_000, errors, `${k}avgInteractions`);
    if (!s.proofImages.every(uploaded)) errors[`${k}proofImages`] = '图片要先上传';
    else if (s.proofImages.length > MAX_PROOFS) errors[`${k}proofImages`] = '截图最多 3 张';
    return {
      platform: s.platform as SocialInput['platform'],
      handle,
      ...(link ? { link } : {}),
      followers,
      avgInteractions,
      proofImages: s.proofImages,
    };
  });
  const categories = form.categories.map((c, i) => {
    if (!(KOC_CATEGORIES as readonly string[]).includes(c.category)) errors[`categories.${i}.category`] = '请选择品类';
    const selfAssessment = c.selfAssessment.trim();
    if (selfAssessment.length > 200) errors[`categories.${i}.selfAssessment`] = '自我评价最多 200 个字';
    return { category: c.category, selfAssessment };
  });
  if (form.categories.length < 1) errors.categories = '至少选一个擅长的品类';
  else if (form.categories.length > MAX_CATEGORIES) errors.categories = '最多选 3 个品类';
  const links = linksOf(form.links);
  if (links.some((l) => l.length > 200)) errors['portfolio.links'] = '链接最多 200 个字';
  else if (links.length > MAX_LINKS) errors['portfolio.links'] = '作品链接最多 5 个';
  if (!form.images.every(uploaded)) errors['portfolio.images'] = '图片要先上传';
  else if (form.images.length > MAX_IMAGES) errors['portfolio.images'] = '作品图片最多 6 张';
  if (form.consent !== true) errors.consent = '请先阅读并同意达人计划条款';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { merchantId, socials, categories, portfolio: { links, images: form.images }, consent: true, requestId } };
}

/** The error key a schema path ("socials.0.followers", "portfolio.links.2") lands on in this form. */
export function errorKey(path: readonly (string | number)[]): string {
  const [head, i, field] = path.map(String);
  if ((head === 'socials' || head === 'categories') && i !== undefined && field !== undefined) return `${head}.${i}.${field}`;
  if (head === 'portfolio' && i !== undefined) return `portfolio.${i}`;
  return head ?? '_';
}

/**
 * The server's INVALID_INPUT ("socials.0.followers: 粉丝数太大了; consent: ...") split onto the
 * form's fields; what names no field stays under '_' for the line above the submit button.
 */
export function serverApplyErrors(message: string): ApplyErrors {
  const errors: ApplyErrors = {};
  const rest: string[] = [];
  for (const part of message.split(/;\s*/)) {
    const m = /^([\w.]+):\s*(.+)$/.exec(part.trim());
    if (m && /^(socials|categories|portfolio|consent)\b/.test(m[1]) && /[\u4e00-\u9fff]/.test(m[2])) {
      const key = errorKey(m[1].split('.'));
      errors[key] ??= m[2];
    } else if (part.trim()) rest.push(part.trim());
  }
  if (rest.length) errors._ = rest.join('；');
  return errors;
}
