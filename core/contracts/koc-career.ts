// The `koc` function's career help: merchants post internships that their KOCs apply to with
// their record, and write recommendation letters a KOC asked for, which the KOC keeps.
import * as z from 'zod';
import type { Tier } from '../tiers';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);
const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字`);

export const careerInput = {
  postInternship: z.strictObject({ requestId, title: text(40, '岗位名称'), description: text(1000, '岗位说明'), deadline: z.number().int().positive() }),
  closeInternship: z.strictObject({ internshipId: id }),
  /** Merchant: the shop's internships, newest first, with how many applied. */
  myInternships: z.strictObject({}),
  internships: z.strictObject({}),
  applyInternship: z.strictObject({ internshipId: id, note: z.string().trim().max(300, '附言最多 300 个字').default('') }),
  internshipApplicants: z.strictObject({ internshipId: id }),
  requestLetter: z.strictObject({ merchantId: id, purpose: text(100, '用途') }),
  letterRequests: z.strictObject({}),
  writeLetter: z.strictObject({ letterId: id, body: text(2000, '推荐信内容') }),
  myLetters: z.strictObject({}),
};

/** What a KOC's application carries: their record with the program, from Sprout's own data. */
export interface KocRecord {
  tier: Tier;
  orders: number;
  badges: string[];
  memberSince: number;
}

export interface InternshipView {
  id: string;
  merchantId: string;
  merchantName: string;
  title: string;
  description: string;
  deadline: number;
  open: boolean;
  applied: boolean;
}

export interface LetterView {
  id: string;
  merchantId: string;
  merchantName: string;
  nickname: string;
  purpose: string;
  state: 'requested' | 'written';
  body: string | null;
  /** Signed by the merchant (its name and the date), on writing. */
  signedAt: number | null;
  requestedAt: number;
}

export interface CareerResults {
  postInternship: { internshipId: string };
  closeInternship: { internshipId: string };
  myInternships: { items: (InternshipView & { applicants: number })[] };
  internships: { items: InternshipView[] };
  applyInternship: { applied: true };
  internshipApplicants: { items: { nickname: string; note: string; record: KocRecord; at: number }[] };
  requestLetter: { letterId: string };
  letterRequests: { items: LetterView[] };
  writeLetter: { letterId: string };
  myLetters: { items: LetterView[] };
}
