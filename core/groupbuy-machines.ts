// Groups and refunds as transition tables, on the same helper as orders.
import { stateMachine } from './state-machine';

export const GROUP_STATES = ['open', 'succeeded', 'failed'] as const;
export type GroupState = (typeof GROUP_STATES)[number];

/**
 * open -> succeeded when every seat is paid; open -> failed at the deadline, or earlier when
 * nobody holds a seat any more (an unpaid leader's seat expired), which returns its stock.
 */
export const groupMachine = stateMachine<GroupState>('group', { open: ['succeeded', 'failed'], succeeded: [], failed: [] }, ['open']);

export const REFUND_STATES = ['requested', 'rejected', 'pending', 'processing', 'succeeded', 'closed'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/**
 * requested (the buyer asked; the merchant decides) -> rejected (the merchant said no, with a
 * reason; final: a new request is a new refund) or pending (to send) -> processing (WeChat
 * accepted) -> succeeded, or closed (WeChat gave up: a person must look). A refund WeChat does
 * not know goes back to pending and is sent again under the same number. WeChat's success
 * notice may beat our own bookkeeping, so pending can succeed or close directly. Refunds owed
 * by the system (a failed group, a late payment) start pending.
 */
export const refundMachine = stateMachine<RefundState>(
  'refund',
  {
    requested: ['rejected', 'pending'],
    rejected: [],
    pending: ['processing', 'succeeded', 'closed'],
    processing: ['succeeded', 'closed', 'pending'],
    succeeded: [],
    closed: [],
  },
  ['requested', 'pending'],
);

/** A refund in flight: the order's money is refunding (or asked to) until it ends. */
export const OPEN_REFUND_STATES: readonly RefundState[] = ['requested', 'pending', 'processing'];
