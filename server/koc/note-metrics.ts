// What a trial's notes earned (notes written about the trial products, their likes, comments,
// collects and shares), behind one interface so the trial does not wait for the notes feature:
// until it lands every figure is 0 and `counted` is false, and the trial's page says so.
import type { Ctx } from '../context';

export interface TrialNoteMetrics {
  notes: number;
  likes: number;
  comments: number;
  collects: number;
  shares: number;
  /** False while Sprout records no notes: the figures are not measured, not zero. */
  counted: boolean;
}

export type NotesAbout = (ctx: Ctx, openid: string, productIds: readonly string[], from: number, to: number) => Promise<TrialNoteMetrics>;

export const notesAbout: NotesAbout = async () => ({ notes: 0, likes: 0, comments: 0, collects: 0, shares: 0, counted: false });
