// The notes domain's documents. Only server/notes/ writes these collections (server/db/ownership.ts).
import type { AdLabel } from '../../core/contracts/notes';
import type { ImageCheckState, NoteState } from '../../core/notes/rules';

export interface ImageCheck {
  fileId: string;
  /** WeChat's trace_id of the mediaCheckAsync request ('' until it was sent). */
  traceId: string;
  state: ImageCheckState;
}

export interface NoteHistoryEntry {
  from: NoteState;
  to: NoteState;
  at: Date;
  by: string;
}

export interface NoteDoc {
  _id: string; // hashId(author, requestId)
  author: string;
  title: string;
  body: string;
  images: string[];
  topics: string[];
  productIds: string[];
  /** The merchants of the tagged products, in tag order. */
  merchantIds: string[];
  orderId: string | null;
  purchased: boolean;
  adLabel: AdLabel | null;
  status: NoteState;
  reason: string | null;
  /** Bumped by every edit: a check result for an older version changes nothing. */
  version: number;
  textCheck: 'pass' | 'review' | 'risky' | 'pending';
  imageChecks: ImageCheck[];
  /** When the current version's checks started (the sweep sends late ones to review). */
  checkingSince: Date | null;
  likes: number;
  collects: number;
  comments: number;
  /** Views by others, unique readers and product-card taps (server/notes/views.ts). */
  views?: number;
  readers?: number;
  productClicks?: number;
  /** Reports by distinct students (server/notes/moderation.ts). */
  reports?: number;
  /** The feed's stored key (core/notes/feed-rank.ts hotKey): set when first published, moved with every like, collect and comment. */
  hot?: number;
  /** The tagged products' categories (the feed's interests). */
  categories?: string[];
  terms: string[];
  /** timeKey(created, id): the author's list. */
  createdKey: string;
  /** timeKey(published, id) once published; '' before. Search and feeds page on it. */
  publishedKey: string;
  publishedAt: Date | null;
  history: NoteHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
  removedAt?: Date;
}

/** One per image check sent (_id the trace id): which note and version it belongs to. */
export interface MediaCheckDoc {
  _id: string;
  noteId: string;
  version: number;
  index: number;
  at: Date;
}

/** One per person and note (_id `${noteId}:${openid}`): a like or a collect. */
export interface MarkDoc {
  _id: string;
  noteId: string;
  openid: string;
  at: Date;
}

export interface CommentDoc {
  _id: string; // hashId(author, requestId)
  noteId: string;
  author: string;
  text: string;
  replyTo: string | null;
  /** Reports by distinct students; hidden from readers at REPORTS_TO_HIDE until a person looks. */
  reports?: number;
  hidden?: boolean;
  /** timeKey(at, id): the note's comments in order. */
  key: string;
  at: Date;
}

/** One per follower and followee (_id `${follower}:${followee}`). */
export interface FollowDoc {
  _id: string;
  follower: string;
  followee: string;
  at: Date;
}

export interface NotificationDoc {
  _id: string; // what it is about: the same like, comment or follow notifies once
  to: string;
  kind: 'liked' | 'commented' | 'followed';
  from: string;
  noteId: string | null;
  text: string;
  key: string;
  at: Date;
}

export const markId = (noteId: string, openid: string) => `${noteId}:${openid}`;
export const followId = (follower: string, followee: string) => `${follower}:${followee}`;

/** One per reporter and target (_id from both): a student reports a note or comment once. */
export interface ReportDoc {
  _id: string;
  noteId: string;
  commentId: string | null;
  by: string;
  reason: string;
  at: Date;
}

/** One per blocker and blocked (_id `${blocker}:${blocked}`). */
export interface BlockDoc {
  _id: string;
  blocker: string;
  blocked: string;
  at: Date;
}

export const blockId = (blocker: string, blocked: string) => `${blocker}:${blocked}`;
