// The `notes` function: 种草笔记 (title, body, images, topics, product tags, an optional linked
// order for 已购), their checks, likes, collects, comments, follows, notifications and search.
// Every schema is strict: a field the app may not set (adLabel, status, counts) is refused, so
// the 广告 label the server decides cannot be taken off by the author.
import * as z from 'zod';
import { NOTE_LIMITS, type NoteState, normalizeTopic } from '../notes/rules';
import { isUpload } from '../uploads';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8, 'requestId 太短').max(64);
const cursor = z.string().max(200).optional();
const image = z.string().max(256, '图片要先上传').refine(isUpload, '图片要先上传');
const topic = z
  .string()
  .transform(normalizeTopic)
  .pipe(z.string().min(1, '话题不能为空').max(NOTE_LIMITS.topic, `话题最多 ${NOTE_LIMITS.topic} 个字`));

/** A note's content, as publish and edit take it (edit replaces the whole note). */
const content = {
  title: z.string().trim().min(1, '请写标题').max(NOTE_LIMITS.title, `标题最多 ${NOTE_LIMITS.title} 个字`),
  body: z.string().trim().max(NOTE_LIMITS.body, `正文最多 ${NOTE_LIMITS.body} 个字`).default(''),
  images: z.array(image).max(NOTE_LIMITS.images, `图片最多 ${NOTE_LIMITS.images} 张`).default([]),
  topics: z
    .array(topic)
    .max(NOTE_LIMITS.topics, `话题最多 ${NOTE_LIMITS.topics} 个`)
    .default([])
    .transform((ts) => [...new Set(ts)]),
  productIds: z
    .array(id)
    .max(NOTE_LIMITS.products, `最多标记 ${NOTE_LIMITS.products} 个商品`)
    .default([])
    .transform((ps) => [...new Set(ps)]),
  /** The author's own order of a tagged product: the note shows 已购. */
  orderId: id.optional(),
  /** Save without publishing: nobody else sees it and nothing is checked yet. */
  draft: z.boolean().default(false),
};

export const notesInput = {
  publish: z.strictObject({ ...content, requestId }),
  edit: z.strictObject({ noteId: id, ...content }),
  remove: z.strictObject({ noteId: id }),
  get: z.strictObject({ noteId: id }),
  mine: z.strictObject({ status: z.enum(['draft', 'checking', 'published', 'rejected', 'review', 'taken_down']).optional(), cursor }),
  like: z.strictObject({ noteId: id }),
  unlike: z.strictObject({ noteId: id }),
  collect: z.strictObject({ noteId: id }),
  uncollect: z.strictObject({ noteId: id }),
  comment: z.strictObject({
    noteId: id,
    text: z.string().trim().min(1, '评论不能为空').max(NOTE_LIMITS.comment, `评论最多 ${NOTE_LIMITS.comment} 个字`),
    /** The comment this one answers (on the same note). */
    replyTo: id.optional(),
    requestId,
  }),
  comments: z.strictObject({ noteId: id, cursor }),
  follow: z.strictObject({ openid: id }),
  unfollow: z.strictObject({ openid: id }),
  notifications: z.strictObject({ cursor }),
  /** A tap on a product card of a note (creator analytics). */
  productClick: z.strictObject({ noteId: id, productId: id }),
  /** The author's figures for one of their notes. */
  noteStats: z.strictObject({ noteId: id }),
  search: z.strictObject({ q: z.string().trim().min(1, '请输入要搜索的内容').max(30, '搜索词最多 30 个字'), cursor }),
  /**
   * WeChat's push of an image check (event wxa_media_check, by message push to the function):
   * only the platform may send it (function.ts checks SOURCE). Other fields are ignored.
   */
  mediaCheckResult: z.object({
    trace_id: z.string().min(1).max(128),
    result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.union([z.string(), z.number()]).optional() }),
  }),
  /** The timer: notes whose image results did not come within 30 minutes go to a person. */
  sweep: z.strictObject({}),
};

export const NOTES_PAGE = 20;

export interface AdLabel {
  merchantId: string;
  merchantName: string;
}

export interface NoteProduct {
  id: string;
  title: string;
  priceFen: number;
  cover: string;
  /** False once the shop took it off sale: the card stays, the buy button does not. */
  onSale: boolean;
}

export interface NoteView {
  noteId: string;
  author: string;
  title: string;
  body: string;
  images: string[];
  topics: string[];
  status: NoteState;
  /** Shown to the author of a rejected or reviewed note; null otherwise. */
  reason: string | null;
  /** The 广告 label with the merchant's name, set by the server; null when the note is not an ad. */
  adLabel: AdLabel | null;
  /** 已购: the linked order is the author's own paid order of a tagged product. */
  purchased: boolean;
  likes: number;
  collects: number;
  comments: number;
  liked: boolean;
  collected: boolean;
  products: NoteProduct[];
  publishedAt: number | null;
  updatedAt: number;
}

export interface NoteCard {
  noteId: string;
  author: string;
  title: string;
  cover: string;
  status: NoteState;
  adLabel: AdLabel | null;
  likes: number;
  publishedAt: number | null;
}

export interface CommentView {
  commentId: string;
  author: string;
  authorName: string;
  authorAvatar: string;
  text: string;
  replyTo: string | null;
  at: number;
}

export interface NotificationView {
  id: string;
  kind: 'liked' | 'commented' | 'followed';
  from: string;
  fromName: string;
  noteId: string | null;
  text: string;
  at: number;
}

export interface NotesResults {
  publish: { noteId: string; status: NoteState; reason: string | null };
  edit: { noteId: string; status: NoteState; reason: string | null };
  remove: { noteId: string; status: 'removed' };
  get: NoteView;
  mine: { items: NoteCard[]; nextCursor: string | null };
  like: { liked: true; likes: number };
  unlike: { liked: false; likes: number };
  collect: { collected: true; collects: number };
  uncollect: { collected: false; collects: number };
  comment: { commentId: string };
  comments: { items: CommentView[]; nextCursor: string | null };
  follow: { following: true };
  unfollow: { following: false };
  notifications: { items: NotificationView[]; nextCursor: string | null };
  search: { items: NoteCard[]; nextCursor: string | null };
  productClick: { counted: true };
  noteStats: NoteStats;
}

/** What the author sees of a note: readers' actions and what its share cards brought. */
export interface NoteStats {
  noteId: string;
  views: number;
  readers: number;
  likes: number;
  collects: number;
  comments: number;
  /** Share cards made of it (by anyone). */
  shares: number;
  productClicks: number;
  cardOpens: number;
  /** Orders it brought (through its share cards, or bought within a week of a tap on its product card), and their money net of refunds. */
  orders: number;
  revenueFen: number;
}

// The 发现 feed, topic pages, the following feed, 不感兴趣, the personalisation switch and
// profiles (server/notes/feed.ts; ranking rules in core/notes/feed-rank.ts).
const feedCursor = z.string().max(4000).optional();

export const feedInput = {
  /** personalized: false asks for the same order everyone gets (hot), whatever the saved switch says. */
  feed: z.strictObject({ cursor: feedCursor, personalized: z.boolean().optional() }),
  following: z.strictObject({ cursor }),
  topic: z.strictObject({ topic: z.string().transform(normalizeTopic).pipe(z.string().min(1, '话题不能为空').max(NOTE_LIMITS.topic)), cursor }),
  /** 不感兴趣: the note leaves the caller's personalised feed. */
  hide: z.strictObject({ noteId: id }),
  feedSettings: z.strictObject({}),
  setPersonalized: z.strictObject({ on: z.boolean() }),
  profile: z.strictObject({ openid: id }),
  /** A profile's collects, when its owner made them public (or the caller's own). */
  profileCollects: z.strictObject({ openid: id, cursor }),
  setCollectsPublic: z.strictObject({ on: z.boolean() }),
};

export interface AuthorView {
  openid: string;
  nickname: string;
  avatarUrl: string;
}

export interface FeedCard extends NoteCard {
  authorName: string;
  authorAvatar: string;
  /** Why this card is here, one short line ("因为你常看 #运动"); null in the unpersonalised feed. */
  reason: string | null;
}

export interface ProfileView extends AuthorView {
  /** The KOC's highest tier with any program, or null for a student who is not a KOC. */
  tierName: string | null;
  badges: string[];
  notes: number;
  followers: number;
  following: number;
  isFollowing: boolean;
  isMe: boolean;
  collectsPublic: boolean;
  items: FeedCard[];
  nextCursor: string | null;
}

export interface FeedResults {
  feed: { items: FeedCard[]; nextCursor: string | null; personalized: boolean };
  following: { items: FeedCard[]; nextCursor: string | null };
  topic: { topic: string; items: FeedCard[]; nextCursor: string | null };
  hide: { hidden: true };
  feedSettings: { personalized: boolean; collectsPublic: boolean };
  setPersonalized: { personalized: boolean };
  profile: ProfileView;
  profileCollects: { items: FeedCard[]; nextCursor: string | null };
  setCollectsPublic: { collectsPublic: boolean };
}

// Reports, the moderation queue and blocking (server/notes/moderation.ts).
export const REPORT_REASONS = ['虚假种草', '广告未标注', '色情低俗', '辱骂攻击', '违法违规', '其他'] as const;

export const moderationInput = {
  /** A note, or one of its comments, reported once per student. */
  report: z.strictObject({ noteId: id, commentId: id.optional(), reason: z.enum(REPORT_REASONS, '请选择举报原因') }),
  /** An administrator's queue (every note waiting), or a merchant's (notes tagging the shop's products). */
  moderationQueue: z.strictObject({ cursor }),
  moderate: z
    .strictObject({ noteId: id, approve: z.boolean(), reason: z.string().trim().max(100, '理由最多 100 个字').optional() })
    .refine((m) => m.approve || (m.reason !== undefined && m.reason !== ''), { message: '不通过要写明理由，作者会看到', path: ['reason'] }),
  block: z.strictObject({ openid: id }),
  unblock: z.strictObject({ openid: id }),
};

export interface QueueItem extends NoteCard {
  authorName: string;
  reason: string | null;
  reports: number;
  body: string;
  images: string[];
}

export interface ModerationResults {
  report: { reported: true };
  moderationQueue: { items: QueueItem[]; nextCursor: string | null };
  moderate: { noteId: string; status: NoteState };
  block: { blocked: true };
  unblock: { blocked: false };
}

// Reviews: after an order completes its buyer rates it (1-5), with words and photos; a review
// with photos or published as a note becomes a note with 已购 (checked like any note).
export const reviewInput = {
  review: z
    .strictObject({
      orderId: id,
      rating: z.number().int('评分是 1-5 颗星').min(1, '请打分（1-5 颗星）').max(5, '评分是 1-5 颗星'),
      text: z.string().trim().max(NOTE_LIMITS.body, `评价最多 ${NOTE_LIMITS.body} 个字`).default(''),
      images: z.array(image).max(NOTE_LIMITS.images, `图片最多 ${NOTE_LIMITS.images} 张`).default([]),
      /** Also publish it as a note (with 已购); photos always make it one, since they are checked as a note's are. */
      asNote: z.boolean().default(false),
      requestId,
    })
    .refine((r) => !r.asNote || r.text.length > 0 || r.images.length > 0, { message: '发成笔记需要写几句话或加图片', path: ['text'] }),
  productReviews: z.strictObject({ productId: id, cursor }),
};

export interface ReviewView {
  reviewId: string;
  rating: number;
  text: string;
  authorName: string;
  authorAvatar: string;
  /** The note it was published as (已购), when there is one and it is published. */
  noteId: string | null;
  at: number;
}

export interface ReviewResults {
  review: { reviewId: string; noteId: string | null; status: NoteState | null; reason: string | null };
  productReviews: { count: number; average: number | null; items: ReviewView[]; nextCursor: string | null };
}
