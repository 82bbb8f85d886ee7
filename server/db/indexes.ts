// Every index Sprout needs, gathered here from each domain's file (indexes-*.ts). The local database creates them in SQLite; for
// WeChat Cloud create the same ones in the console (云开发控制台 > 数据库 > 索引管理), unique
// where marked. A query on a field listed here is served by the index in both places.
import type { IndexPlan, IndexSpec } from './index-spec';
import { commissionIndexes } from './indexes-commission';
import { experimentIndexes } from './indexes-experiments';
import { kocIndexes } from './indexes-koc';
import { notesIndexes } from './indexes-notes';
import { orderIndexes } from './indexes-orders';
import { supportIndexes } from './indexes-support';
import { timetableIndexes } from './indexes-timetable';

const plan = {
  ...orderIndexes,
  ...commissionIndexes,
  ...timetableIndexes,
  ...kocIndexes,
  ...supportIndexes,
  ...experimentIndexes,
  ...notesIndexes,
  users: [
    // _id is the openid, so login needs no index of its own.
    { name: 'campus', fields: [['campusId', 'asc']], why: 'students of one campus' },
    { name: 'nickname', fields: [['nickname', 'asc']], why: "a shop searching its orders by the start of a buyer's nickname" },
  ],
  campuses: [],
  merchants: [{ name: 'owner', fields: [['ownerOpenid', 'asc']], why: "a merchant user's shops" }],
  products: [
    {
      name: 'status_listed',
      fields: [
        ['status', 'asc'],
        ['listedKey', 'desc'],
      ],
      why: 'home feed: newest products on sale',
    },
    {
      name: 'status_category_listed',
      fields: [
        ['status', 'asc'],
        ['category', 'asc'],
        ['listedKey', 'desc'],
      ],
      why: 'feed filtered by category',
    },
    { name: 'merchant', fields: [['merchantId', 'asc']], why: "a merchant's products" },
    {
      name: 'merchant_listed',
      fields: [
        ['merchantId', 'asc'],
        ['listedKey', 'desc'],
      ],
      why: "the merchant's product list, newest first (all statuses)",
    },
    {
      name: 'merchant_status_listed',
      fields: [
        ['merchantId', 'asc'],
        ['status', 'asc'],
        ['listedKey', 'desc'],
      ],
      why: "the merchant's product list filtered to listed or unlisted",
    },
    {
      name: 'status_terms_listed',
      fields: [
        ['status', 'asc'],
        ['terms', 'asc'],
        ['listedKey', 'desc'],
      ],
      array: true,
      why: 'catalog.search: products on sale holding every term of the query (terms is an array), newest first',
    },
    {
      name: 'held',
      fields: [
        ['heldUnits', 'asc'],
        ['_id', 'asc'],
      ],
      why: 'the sweep: products whose stock unpaid solo orders hold, walked by _id (units held by dead orders go back)',
    },
  ],
  share_codes: [
    {
      name: 'reuse',
      fields: [
        ['reuseKey', 'asc'],
        ['expiresAt', 'desc'],
      ],
      why: "reuse a sharer's valid code for the same target and channel",
    },
    {
      name: 'sharer',
      fields: [
        ['sharer', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a KOC's cards for the stats page",
    },
    {
      name: 'target',
      fields: [
        ['targetType', 'asc'],
        ['targetId', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a note's cards, whoever shared them (its author's figures)",
    },
  ],
  // One per customer and program (merchant): _id is `${scope}:${openid}`.
  bindings: [
    {
      name: 'customer',
      fields: [
        ['customer', 'asc'],
        ['expiresAt', 'desc'],
      ],
      why: "a customer's bindings",
    },
  ],
  programs: [],
  // Append-only: share created, open, failed open, bind decisions (later orders, refunds, views).
  events: [
    {
      name: 'type_at',
      fields: [
        ['type', 'asc'],
        ['at', 'asc'],
      ],
      why: 'the commission timer reads order events in order, from a checkpoint',
    },
    {
      name: 'note_type',
      fields: [
        ['noteId', 'asc'],
        ['type', 'asc'],
        ['at', 'desc'],
      ],
      why: "a note's product-card taps (its author's figures)",
    },
    {
      name: 'code_type',
      fields: [
        ['code', 'asc'],
        ['type', 'asc'],
      ],
      why: "orders paid through a note's cards",
    },
    {
      name: 'sharer_type',
      fields: [
        ['sharer', 'asc'],
        ['type', 'asc'],
        ['at', 'desc'],
      ],
      why: "a sharer's opens and binds (KOC stats)",
    },
    {
      name: 'merchant_type',
      fields: [
        ['merchantId', 'asc'],
        ['type', 'asc'],
        ['at', 'desc'],
      ],
      why: "a merchant's funnel",
    },
    {
      name: 'code_type',
      fields: [
        ['code', 'asc'],
        ['type', 'asc'],
      ],
      why: 'figures per card; orders join on code',
    },
    { name: 'at', fields: [['at', 'asc']], why: 'the analytics rollup reads every event in (at, _id) order from its cursor' },
  ],
  // Counters the analytics rollup keeps (server/analytics/rollup.ts); every read is by _id.
  // Per merchant and campus day (_id `${merchantId}:${day}`): the funnel per channel and each KOC's orders.
  analytics_days: [],
  // Per KOC and campus day (_id `${koc}:${day}`): the KOC's orders by merchant (a KOC's tier progress).
  analytics_koc_days: [],
  // Per share code (_id the code), all time: opens, unique visitors, new customers, orders, money.
  analytics_cards: [],
  // Per card and visitor (_id `${code}:${openid}`): who opened a card before (unique visitors).
  analytics_visitors: [],
  // Per campus and campus day (_id `${campusId}:${day}`): note engagement, reminders and cards by segment (the dashboard).
  analytics_campus_days: [],
  // Per buyer and shop (`b:…`) or student (`t:…`): what the rollup remembers to count distinct people and repeats.
  analytics_marks: [],
  // The rollup's cursor and the page it is writing (_id 'rollup').
  analytics_state: [],
} satisfies IndexPlan;

/** By collection: every collection Sprout has (ownership.ts names an owner for each). */
export const indexes: Record<keyof typeof plan, IndexSpec[]> = plan;
