import { isConflictError } from './ledger';

describe('isConflictError', () => {
  it('knows a conflict by the SDK code, or by the errCode message a write inside the transaction reports', () => {
    expect(isConflictError({ code: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true);
    expect(isConflictError({ code: 'DATABASE_TRANSACTION_CONFLICT', errMsg: 'whatever' })).toBe(true);
    expect(isConflictError({ errMsg: 'document.update:fail -502001 WriteConflict on koc_balances' })).toBe(true);
    expect(isConflictError({ message: 'commit failed: TRANSACTION_CONFLICT' })).toBe(true);
    expect(isConflictError(new Error('writeconflict (lower case)'))).toBe(true);
    expect(isConflictError({ code: 'OTHER', errMsg: 'nothing here', message: 'TRANSACTION_CONFLICT' })).toBe(true);
  });

  it('anything else is not a conflict, and a missing error does not crash', () => {
    expect(isConflictError({ code: 'DATABASE_PERMISSION_DENIED', errMsg: 'permission denied' })).toBe(false);
    expect(isConflictError(new Error('document not found'))).toBe(false);
    expect(isConflictError({})).toBe(false);
    expect(isConflictError(null)).toBe(false);
    expect(isConflictError(undefined)).toBe(false);
  });
});
