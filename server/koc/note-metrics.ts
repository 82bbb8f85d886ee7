// What a trial's notes earned (notes written about the trial products, their likes, comments,
// collects and shares), behind one interface so the trial reads it without knowing the notes
// domain's documents: counted by server/notes/metrics.ts. Notes have no share events yet, so
// shares stay 0.
import type { Ctx } from '../context';
import { notesByAuthorAbout } from '../notes/metrics';

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

export const notesAbout: NotesAbout = async (ctx, openid, productIds, from, to) => ({
  ...(await notesByAuthorAbout(ctx, openid, productIds, from, to)),
  shares: 0,
  counted: true,
});
