// The experiments' indexes: the design documents (experiments domain) and the per-student and
// per-arm counters the analytics rollup keeps for them (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const experimentIndexes = {
  experiments: [
    {
      name: 'merchant_created',
      fields: [
        ['merchantId', 'asc'],
        ['createdAt', 'desc'],
      ],
      why: "a shop's experiments, newest first",
    },
    {
      // Not on treatments: an array (the local engine has no multikey indexes); running experiments are few.
      name: 'status',
      fields: [['status', 'asc']],
      why: 'the running experiments that switch a feature, asked by every picks or feed call',
    },
  ],
  // One per experiment and student (_id `${experimentId}:${openid}`), written by the rollup.
  exp_members: [
    {
      name: 'openid',
      fields: [
        ['openid', 'asc'],
        ['_id', 'asc'],
      ],
      why: "the rollup reads a page's students' memberships",
    },
  ],
  exp_arms: [
    {
      name: 'experiment',
      fields: [
        ['experimentId', 'asc'],
        ['arm', 'asc'],
      ],
      why: "an experiment's arms, for its results",
    },
  ],
} satisfies IndexPlan;
