// The closed list of result codes each cloud function may answer, besides the codes every
// function can answer (COMMON_CODES: invalid input, no identity, forbidden, not found, content
// rejected, internal). defineFunction types each action's fail() against its function's list,
// the app's client types each call's result with the same list, and codes.test.ts checks the
// lists against the codes the functions' sources use, so a new code is declared here first.
import type { CommonCode } from '../result';

export const FUNCTION_CODES = {
  analytics: [],
  catalog: [],
  experiments: ['BAD_STATE'],
  commission: ['BAD_STATE', 'BELOW_MINIMUM', 'ABOVE_MAXIMUM', 'REQUEST_OPEN', 'INSUFFICIENT', 'DAILY_CAP'],
  koc: ['BAD_STATE', 'APPLICATION_OPEN', 'COOLDOWN', 'TRAINING_REQUIRED', 'EVENT_FULL', 'NOT_OPEN_YET'],
  groupbuy: [
    'GROUP_FULL',
    'GROUP_CLOSED',
    'SOLD_OUT',
    'CAMPAIGN_CLOSED',
    'LIMIT_REACHED',
    'UNPAID_GROUP',
    'SEAT_EXPIRED',
    'NOT_ELIGIBLE',
    'ALREADY_JOINED',
    'NO_FULFILMENT',
  ],
  merchant: ['BAD_STATE', 'WRONG_CODE'],
  notes: ['BAD_STATE'],
  order: ['BAD_STATE', 'SEAT_EXPIRED', 'REFUND_IN_PROGRESS', 'SOLD_OUT', 'NO_FULFILMENT'],
  payCallback: ['UNVERIFIED'],
  share: ['CODE_INVALID', 'TRAINING_REQUIRED'],
  support: ['LIMIT_REACHED'],
  timetable: ['NO_CONSENT', 'NO_TIMETABLE', 'BAD_STATE'],
  user: [],
} as const satisfies Record<string, readonly string[]>;

export type FunctionName = keyof typeof FUNCTION_CODES;

/** Every code function F may answer. */
export type CodeOf<F extends FunctionName> = (typeof FUNCTION_CODES)[F][number] | CommonCode;
