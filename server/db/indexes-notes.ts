// The notes domain's indexes: notes, their checks, likes, collects, comments, follows and
// notifications (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const notesIndexes = {
  // One per note (_id from the author and the request that made it).
  notes: [
    {
      name: 'status_created',
      fields: [
        ['status', 'asc'],
        ['createdKey', 'asc'],
      ],
      why: "an administrator's moderation queue, oldest first",
    },
    {
      name: 'status_merchants_created',
      fields: [
        ['status', 'asc'],
        ['merchantIds', 'asc'],
        ['createdKey', 'asc'],
      ],
      array: true,
      why: "a merchant's moderation queue: notes tagging the shop's products",
    },
    {
      name: 'status_hot',
      fields: [
        ['status', 'asc'],
        ['hot', 'desc'],
        ['_id', 'desc'],
      ],
      why: 'the 发现 feed: the next window of published notes by hot key',
    },
    {
      name: 'status_topics_hot',
      fields: [
        ['status', 'asc'],
        ['topics', 'asc'],
        ['hot', 'desc'],
      ],
      array: true,
      why: "the feed pulls forward notes on a student's top topics",
    },
    {
      name: 'status_topics_published',
      fields: [
        ['status', 'asc'],
        ['topics', 'asc'],
        ['publishedKey', 'desc'],
      ],
      array: true,
      why: 'a topic page, newest first',
    },
    {
      name: 'author_status_published',
      fields: [
        ['author', 'asc'],
        ['status', 'asc'],
        ['publishedKey', 'desc'],
      ],
      why: 'the following feed and a profile: published notes of some authors, newest first',
    },
    {
      name: 'author_created',
      fields: [
        ['author', 'asc'],
        ['createdKey', 'desc'],
      ],
      why: "an author's notes, newest first (mine); a KOC trial's notes about its products",
    },
    {
      name: 'author_status_created',
      fields: [
        ['author', 'asc'],
        ['status', 'asc'],
        ['createdKey', 'desc'],
      ],
      why: "an author's notes in one status (drafts, rejected), newest first",
    },
    {
      name: 'status_published',
      fields: [
        ['status', 'asc'],
        ['publishedKey', 'desc'],
      ],
      why: 'published notes newest first: search pages (terms filtered) and feeds',
    },
    {
      name: 'terms_published',
      fields: [
        ['terms', 'asc'],
        ['publishedKey', 'desc'],
      ],
      array: true,
      why: 'search: published notes holding every term of a query (_.all on terms)',
    },
    {
      name: 'status_checking',
      fields: [
        ['status', 'asc'],
        ['checkingSince', 'asc'],
      ],
      why: 'the sweep: notes whose image verdicts are late go to review',
    },
  ],
  // One per student (_id the openid): read by _id.
  note_interests: [],
  // One per note and reader (_id `${noteId}:${openid}`): made by add, a duplicate means a reader seen before.
  note_readers: [],
  // The notes timer's positions (_id the step): read by _id.
  notes_state: [],
  // One per order (_id `review_${orderId}`).
  reviews: [
    {
      name: 'product_at',
      fields: [
        ['productId', 'asc'],
        ['at', 'desc'],
      ],
      why: "a product's reviews, newest first, and their count and average",
    },
  ],
  // One per reporter and target (_id from both): read by _id.
  note_reports: [],
  // One per blocker and blocked (_id `${blocker}:${blocked}`).
  note_blocks: [{ name: 'blocker', fields: [['blocker', 'asc']], why: 'whom a student blocked (their feed and comment lists leave them out)' }],
  // One per image check sent (_id WeChat's trace id): read by _id when the verdict is pushed.
  note_media_checks: [],
  // One per person and note (_id `${noteId}:${openid}`): read by _id.
  note_likes: [],
  note_collects: [
    {
      name: 'openid_at',
      fields: [
        ['openid', 'asc'],
        ['at', 'desc'],
      ],
      why: "a profile's collects, newest first",
    },
  ],
  // One per comment (_id from the commenter and the request).
  note_comments: [
    {
      name: 'note_key',
      fields: [
        ['noteId', 'asc'],
        ['key', 'asc'],
      ],
      why: "a note's comments in order",
    },
  ],
  // One per follower and followee (_id `${follower}:${followee}`).
  note_follows: [
    {
      name: 'follower_at',
      fields: [
        ['follower', 'asc'],
        ['at', 'desc'],
      ],
      why: 'whom a student follows (the following feed, the feed reason)',
    },
    { name: 'followee', fields: [['followee', 'asc']], why: "a profile's follower count" },
  ],
  // One per like, comment or follow told (_id names it): a student's notifications.
  notifications: [
    {
      name: 'to_key',
      fields: [
        ['to', 'asc'],
        ['key', 'desc'],
      ],
      why: "a student's notifications, newest first",
    },
  ],
} satisfies IndexPlan;
