// The orders and group-buy domains' indexes: orders, campaigns, limits, groups, refunds (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const orderIndexes = {
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
