// The `notes` function: 种草笔记 (write, read, like, collect, comment, follow, notifications,
// search) and the 发现 feed (feed, following, topic pages, 不感兴趣, the personalisation switch,
// profiles). Types only from the contract: zod stays out of the main package (the 发现 tab uses
// these wrappers; scripts/size-report.mjs).
import type { FeedResults, ModerationResults, NotesResults, REPORT_REASONS, ReviewResults } from '@core/contracts/notes';
import type { NoteState } from '@core/notes/rules';
import { call } from './client';

/** What publish and edit take: the whole note (edit replaces it). */
export interface NoteContent {
  title: string;
  body: string;
  images: string[];
  topics: string[];
  productIds: string[];
  /** The author's own paid order of a tagged product: the note shows 已购. */
  orderId?: string;
  /** Save without publishing: nobody else sees it and nothing is checked yet. */
  draft?: boolean;
}

// Writing.
/** One requestId per submission (newRequestId), the same one when retrying it. */
export const publishNote = (input: NoteContent & { requestId: string }) => call<NotesResults['publish'], 'notes'>('notes', 'publish', input);
export const editNote = (noteId: string, input: NoteContent) => call<NotesResults['edit'], 'notes'>('notes', 'edit', { noteId, ...input });
export const removeNote = (noteId: string) => call<NotesResults['remove'], 'notes'>('notes', 'remove', { noteId });

// Reading.
export const getNote = (noteId: string) => call<NotesResults['get'], 'notes'>('notes', 'get', { noteId });
/** The caller's notes, newest first, in one status or all but removed. */
export const myNotes = (status?: Exclude<NoteState, 'removed'>, cursor?: string) =>
  call<NotesResults['mine'], 'notes'>('notes', 'mine', { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
export const searchNotes = (q: string, cursor?: string) => call<NotesResults['search'], 'notes'>('notes', 'search', cursor ? { q, cursor } : { q });

// Interactions: each answers the count after it, counted once per person.
export const likeNote = (noteId: string) => call<NotesResults['like'], 'notes'>('notes', 'like', { noteId });
export const unlikeNote = (noteId: string) => call<NotesResults['unlike'], 'notes'>('notes', 'unlike', { noteId });
export const collectNote = (noteId: string) => call<NotesResults['collect'], 'notes'>('notes', 'collect', { noteId });
export const uncollectNote = (noteId: string) => call<NotesResults['uncollect'], 'notes'>('notes', 'uncollect', { noteId });
export const commentNote = (input: { noteId: string; text: string; replyTo?: string; requestId: string }) =>
  call<NotesResults['comment'], 'notes'>('notes', 'comment', input);
export const noteComments = (noteId: string, cursor?: string) =>
  call<NotesResults['comments'], 'notes'>('notes', 'comments', cursor ? { noteId, cursor } : { noteId });
export const follow = (openid: string) => call<NotesResults['follow'], 'notes'>('notes', 'follow', { openid });
export const unfollow = (openid: string) => call<NotesResults['unfollow'], 'notes'>('notes', 'unfollow', { openid });
/** A tap on one of a note's product cards (creator analytics); fire and forget. */
export const noteProductClick = (noteId: string, productId: string) =>
  call<NotesResults['productClick'], 'notes'>('notes', 'productClick', { noteId, productId });
/** The author's figures for one of their notes (views, readers, likes, ..., orders through its cards). */
export const noteStats = (noteId: string) => call<NotesResults['noteStats'], 'notes'>('notes', 'noteStats', { noteId });
export const noteNotifications = (cursor?: string) => call<NotesResults['notifications'], 'notes'>('notes', 'notifications', cursor ? { cursor } : {});

// The 发现 feed and profiles.
/** personalized: false asks for the order everyone gets, whatever the saved switch says. */
export const noteFeed = (input: { cursor?: string; personalized?: boolean } = {}) => call<FeedResults['feed'], 'notes'>('notes', 'feed', input);
export const followingFeed = (cursor?: string) => call<FeedResults['following'], 'notes'>('notes', 'following', cursor ? { cursor } : {});
export const topicFeed = (topic: string, cursor?: string) => call<FeedResults['topic'], 'notes'>('notes', 'topic', cursor ? { topic, cursor } : { topic });
/** 不感兴趣: the note leaves the caller's personalised feed. */
export const hideNote = (noteId: string) => call<FeedResults['hide'], 'notes'>('notes', 'hide', { noteId });
export const feedSettings = () => call<FeedResults['feedSettings'], 'notes'>('notes', 'feedSettings');
export const setPersonalized = (on: boolean) => call<FeedResults['setPersonalized'], 'notes'>('notes', 'setPersonalized', { on });
export const noteProfile = (openid: string) => call<FeedResults['profile'], 'notes'>('notes', 'profile', { openid });
export const profileCollects = (openid: string, cursor?: string) =>
  call<FeedResults['profileCollects'], 'notes'>('notes', 'profileCollects', cursor ? { openid, cursor } : { openid });
export const setCollectsPublic = (on: boolean) => call<FeedResults['setCollectsPublic'], 'notes'>('notes', 'setCollectsPublic', { on });

// Reports, the moderation queue and blocking.
/** A note, or one of its comments, reported once per student (again: still { reported: true }). */
export const reportNote = (input: { noteId: string; commentId?: string; reason: (typeof REPORT_REASONS)[number] }) =>
  call<ModerationResults['report'], 'notes'>('notes', 'report', input);
/** An administrator's queue (every note waiting) or a merchant's (notes tagging the shop's products). */
export const moderationQueue = (cursor?: string) => call<ModerationResults['moderationQueue'], 'notes'>('notes', 'moderationQueue', cursor ? { cursor } : {});
/** 通过, or 不通过 with the reason the author reads. */
export const moderateNote = (input: { noteId: string; approve: boolean; reason?: string }) =>
  call<ModerationResults['moderate'], 'notes'>('notes', 'moderate', input);
export const blockUser = (openid: string) => call<ModerationResults['block'], 'notes'>('notes', 'block', { openid });
export const unblockUser = (openid: string) => call<ModerationResults['unblock'], 'notes'>('notes', 'unblock', { openid });

// Reviews.
/** Rates a completed order once; asked again for the same order it answers the review already there. */
export const reviewOrder = (input: { orderId: string; rating: number; text: string; images: string[]; asNote: boolean; requestId: string }) =>
  call<ReviewResults['review'], 'notes'>('notes', 'review', input);
/** A product's reviews, newest first, with the count and the average over all of them. */
export const productReviews = (productId: string, cursor?: string) =>
  call<ReviewResults['productReviews'], 'notes'>('notes', 'productReviews', cursor ? { productId, cursor } : { productId });
