// The commission domain's indexes: ledger, withdrawals, balances, tiers, commissions (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const commissionIndexes = {
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
} satisfies IndexPlan;
