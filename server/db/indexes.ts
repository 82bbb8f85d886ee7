// Every index Sprout needs, in one place. The local database creates them in SQLite; for
// WeChat Cloud create the same ones in the console (云开发控制台 > 数据库 > 索引管理), unique
// where marked. A query on a field listed here is served by the index in both places.
import type { IndexPlan, IndexSpec } from './index-spec';
import { kocIndexes } from './indexes-koc';
import { notesIndexes } from './indexes-notes';
import { supportIndexes } from './indexes-support';
import { timetableIndexes } from './indexes-timetable';

const plan = {
  ...timetableIndexes,
  ...kocIndexes,
  ...supportIndexes,
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
  // The rollup's cursor and the page it is writing (_id 'rollup').
  analytics_state: [],
  orders: [
    {
      name: 'buyer_merchant',
      fields: [
        ['buyer', 'asc'],
        ['merchantId', 'asc'],
        ['status', 'asc'],
      ],
      why: 'has this customer ordered from this merchant (new-customers-only)',
    },
    { name: 'member', fields: [['memberKey', 'asc']], unique: true, why: 'one live seat per student per group' },
    {
      name: 'group',
      fields: [
        ['groupId', 'asc'],
        ['status', 'asc'],
      ],
      why: "a group's members and orders",
    },
    {
      name: 'money',
      fields: [
        ['money', 'asc'],
        ['_id', 'asc'],
      ],
      why: 'the sweep: orders refunding (each must have its refund in flight)',
    },
    {
      name: 'status_expiry',
      fields: [
        ['status', 'asc'],
        ['seatExpiresAt', 'asc'],
      ],
      why: 'the sweep: unpaid seats past their time',
    },
    {
      name: 'status_created',
      fields: [
        ['status', 'asc'],
        ['createdAt', 'asc'],
      ],
      why: 'the sweep: seats left reserving (a request that died)',
    },
    {
      name: 'status_shipped',
      fields: [
        ['status', 'asc'],
        ['shippedAt', 'asc'],
      ],
      why: 'the sweep: shipped orders due for automatic receipt',
    },
    {
      name: 'status_ready',
      fields: [
        ['status', 'asc'],
        ['readyAt', 'asc'],
      ],
      why: 'the sweep: pickups due for automatic receipt',
    },
    {
      name: 'buyer_created',
      fields: [
        ['buyer', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: 'my orders',
    },
    {
      name: 'merchant_created',
      fields: [
        ['merchantId', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a shop's orders",
    },
  ],
  campaigns: [
    {
      name: 'product',
      fields: [
        ['productId', 'asc'],
        ['status', 'asc'],
      ],
      why: "a product's live group-buy",
    },
    {
      name: 'status_end',
      fields: [
        ['status', 'asc'],
        ['endAt', 'asc'],
      ],
      why: 'live campaigns',
    },
    {
      name: 'merchant',
      fields: [
        ['merchantId', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a shop's campaigns",
    },
    {
      name: 'status_scenes',
      fields: [
        ['status', 'asc'],
        ['scenes', 'asc'],
      ],
      array: true,
      why: "the home card: live campaigns for a free window's scenes",
    },
  ],
  // One per student and campaign (_id `${campaignId}:${openid}`): units of the per-student
  // limit held by live orders, and the one open unpaid group a student may lead.
  purchase_limits: [],
  groups: [
    {
      name: 'campaign_open',
      fields: [
        ['campaignId', 'asc'],
        ['status', 'asc'],
        ['deadline', 'asc'],
      ],
      why: 'open groups of a campaign',
    },
    {
      name: 'status_id',
      fields: [
        ['status', 'asc'],
        ['_id', 'asc'],
      ],
      why: 'the sweep: open groups walked in _id order from where the last run stopped',
    },
    {
      name: 'status_deadline',
      fields: [
        ['status', 'asc'],
        ['deadline', 'asc'],
      ],
      why: 'the sweep: groups past their deadline',
    },
    {
      name: 'status_settled',
      fields: [
        ['status', 'asc'],
        ['settled', 'asc'],
        ['deadline', 'asc'],
      ],
      why: 'the sweep: finished groups not settled yet (an idle run reads none of the groups that ever ended)',
    },
  ],
  // The commission ledger: append-only postings, unique by key (accrue:<order>:<koc>, ...).
  ledger: [
    {
      name: 'koc_at',
      fields: [
        ['koc', 'asc'],
        ['at', 'asc'],
      ],
      why: "a KOC's postings for balances",
    },
    {
      name: 'koc_merchant_id',
      fields: [
        ['koc', 'asc'],
        ['merchantId', 'asc'],
        ['_id', 'asc'],
      ],
      why: "a KOC's postings with one merchant, paged by _id (the balance check sums them)",
    },
  ],
  withdrawals: [
    {
      name: 'koc_created',
      fields: [
        ['koc', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a KOC's withdrawals and the daily cap",
    },
    {
      name: 'merchant_status',
      fields: [
        ['merchantId', 'asc'],
        ['status', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: 'payout review',
    },
    {
      name: 'status_confirm',
      fields: [
        ['status', 'asc'],
        ['confirmBy', 'asc'],
      ],
      why: 'the timer: confirmations past 24 hours',
    },
  ],
  // Per KOC and merchant (_id `${merchantId}:${koc}`): balances kept with each posting, in its transaction.
  koc_balances: [{ name: 'koc', fields: [['koc', 'asc']], why: "a KOC's balances with each merchant (summary)" }],
  // Per KOC and campus day (_id `${koc}:${day}`): the withdrawals counted against the daily cap.
  withdrawal_days: [],
  koc_tiers: [
    {
      name: 'merchant',
      fields: [
        ['merchantId', 'asc'],
        ['_id', 'asc'],
      ],
      why: "a program's placed KOCs, paged by _id (the tier job)",
    },
  ],
  tier_audit: [],
  tier_runs: [],
  commissions: [
    { name: 'order', fields: [['orderId', 'asc']], why: "an order's commissions (maturity starts when it completes)" },
    {
      name: 'koc_created',
      fields: [
        ['koc', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a KOC's commissions",
    },
    {
      name: 'state_matures',
      fields: [
        ['state', 'asc'],
        ['maturesAt', 'asc'],
        ['_id', 'asc'],
      ],
      why: 'the timer: commissions whose hold has passed, and those still without one walked by _id',
    },
  ],
  commission_state: [],
  // Where each of the group-buy sweep's reconcilers stopped (_id the reconciler).
  sweep_state: [],
  refunds: [
    {
      name: 'order_status',
      fields: [
        ['orderId', 'asc'],
        ['status', 'asc'],
      ],
      why: "an order's refund requests (merchant review)",
    },
    {
      name: 'status_created',
      fields: [
        ['status', 'asc'],
        ['createdAt', 'asc'],
      ],
      why: 'the sweep: refunds to pay',
    },
    {
      name: 'status_next_query',
      fields: [
        ['status', 'asc'],
        ['nextQueryAt', 'asc'],
      ],
      why: 'the sweep: refunds WeChat is processing, due for a query',
    },
  ],
} satisfies IndexPlan;

/** By collection: every collection Sprout has (ownership.ts names an owner for each). */
export const indexes: Record<keyof typeof plan, IndexSpec[]> = plan;
